"""The web editor's configuration, made from the models and the kind registry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.content.vocabularies import vocabulary
from generator.kinds import BY_NAME, KINDS, SiteInfo
from generator.tools.editor import (
    EDITOR_LANGUAGES,
    EITHER_KEY,
    backend,
    config_yaml,
    editor_config,
    field_layout,
    references,
)
from generator.tools.reference import FieldDoc, model_docs

SITE = SiteInfo(url="https://microvet-catalogue.github.io/microvet/",
                repo_url="https://github.com/microvet-catalogue/microvet", edit_uri="edit/main/")
GOLDEN = Path(__file__).parent / "golden" / "editor-config.yml"


def collection(name: str) -> dict[str, Any]:
    """The collection of the kind called `name` (`unit`)."""
    config = editor_config(SITE)
    return next(c for c in config["collections"] if c["name"] == BY_NAME[name].folder)


def form_field(fields: list[dict[str, Any]], path: str) -> dict[str, Any]:
    """The form field at a dotted path (`assessment.methods`), through groups and lists."""
    head, _, rest = path.partition(".")
    found = next(field for field in fields if field["name"] == head)
    return form_field(found["fields"], rest) if rest else found


def every_field() -> list[tuple[str, FieldDoc]]:
    """(kind, field) for every field of every kind a provider edits, however deep."""
    return [(doc.kind, field) for doc in model_docs() if BY_NAME[doc.kind].scaffold
            for field in doc.rows()]


def test_config_is_current(update_golden: bool):
    """The committed copy is what a build publishes; refresh with `pytest --update-golden`."""
    if update_golden:
        GOLDEN.write_text(config_yaml(SITE), encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8") == config_yaml(SITE), (
        "the editor's config.yml changed: review tests/golden/editor-config.yml after "
        "`pytest tests/test_editor.py --update-golden`")


def test_every_kind_made_by_microvet_new_is_a_folder_collection_named_by_id():
    config = editor_config(SITE)
    assert [c["name"] for c in config["collections"]] == [k.folder for k in KINDS if k.scaffold]
    for kind in KINDS:
        made = collection(kind.name)
        assert made["folder"] == f"content/{kind.folder}"
        assert made["extension"] == "yaml"
        assert made["format"] == f"microvet-{kind.name}"
        assert made["slug"] == "{{fields.id}}"
        assert made["identifier_field"] == "id"


@pytest.mark.parametrize(("kind", "field"), every_field(),
                         ids=[f"{kind}.{field.path}" for kind, field in every_field()])
def test_every_field_is_in_the_form_with_its_hint(kind: str, field: FieldDoc):
    made = form_field(collection(kind)["fields"], field.path)
    assert made["hint"] == field.description
    assert made["label"]


def test_required_fields_are_required_unless_inside_an_optional_group():
    units = collection("unit")["fields"]
    assert form_field(units, "title")["required"] is True
    assert form_field(units, "description")["required"] is False
    assert form_field(units, "workload.hours")["required"] is True
    # A stackable unit must say how, but a unit may leave out stacking options altogether.
    assert form_field(units, "stackability.kind")["required"] is False
    # A session is added by the provider; once there, its start date is required.
    assert form_field(units, "sessions.start")["required"] is True


def test_allowed_values_are_selects_labelled_from_their_vocabulary():
    units = collection("unit")["fields"]
    level = form_field(units, "eqf_level")
    assert level["widget"] == "select"
    assert level["options"][0] == {"label": "EQF level 1 (1)", "value": "1"}
    assert [o["value"] for o in level["options"]] == list(vocabulary("eqf_levels").codes())
    methods = form_field(units, "assessment.methods")
    assert methods["multiple"] is True
    assert {"label": "Practical assessment (practical)", "value": "practical"} in methods[
        "options"]
    assert form_field(units, "default_language")["default"] == "en"


def test_texts_have_one_input_per_language():
    title = form_field(collection("unit")["fields"], "title")
    assert title["widget"] == "object"
    assert [f["name"] for f in title["fields"]] == list(EDITOR_LANGUAGES)
    assert title["fields"][0] == {"name": "en", "label": "English", "widget": "string",
                                  "required": False}
    summary = form_field(collection("unit")["fields"], "summary")
    assert {f["widget"] for f in summary["fields"]} == {"text"}


def test_references_of_the_registry_are_relation_widgets():
    for kind in KINDS:
        for path, folder in references(kind).items():
            made = form_field(collection(kind.name)["fields"], path)
            assert made["widget"] == "relation", path
            assert made["collection"] == folder
            assert made["value_field"] == "{{fields.id}}"
    units = collection("unit")["fields"]
    assert form_field(units, "outcomes")["multiple"] is True
    assert form_field(units, "provider")["multiple"] is False
    assert form_field(units, "provider")["search_fields"] == ["id", "name.en"]
    assert form_field(units, "stackability.into.unit")["collection"] == "units"


def test_a_value_or_a_group_of_fields_is_a_choice_then_the_fields():
    location = form_field(collection("unit")["fields"], "sessions.location")
    choice = location["fields"][0]
    assert choice["name"] == EITHER_KEY
    assert [o["value"] for o in choice["options"]] == ["online", "fields"]
    assert "default" not in choice  # else every new unit would get an empty session
    assert [f["name"] for f in location["fields"][1:]] == ["city", "country", "venue",
                                                           "address"]
    assert all(f["required"] is False for f in location["fields"])


def test_other_field_types_get_their_widgets():
    units = collection("unit")["fields"]
    assert form_field(units, "workload.hours") | {"hint": ""} == {
        "name": "hours", "label": "Hours", "required": True, "hint": "", "widget": "number",
        "value_type": "float"}
    assert form_field(units, "sessions.places")["value_type"] == "int"
    assert form_field(units, "sessions.start")["format"] == "YYYY-MM-DD"
    assert form_field(units, "homepage")["pattern"][0] == "^https?://"
    assert form_field(units, "id")["pattern"][0] == "^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$"
    keywords = form_field(units, "keywords")
    assert keywords["widget"] == "list" and keywords["field"]["widget"] == "text"
    criteria = form_field(collection("outcome")["fields"], "assessment_criteria")
    assert criteria["field"]["name"] == "assessment_criterion"
    assert criteria["field"]["widget"] == "object"
    assert form_field(collection("provider")["fields"], "example")["widget"] == "boolean"
    assert form_field(collection("provider")["fields"], "email")["widget"] == "string"


def test_on_github_each_save_opens_a_pull_request():
    config = editor_config(SITE)
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {"name": "github", "repo": "microvet-catalogue/microvet",
                                 "branch": "main", "open_authoring": True}
    assert config["local_backend"] == {"url": "http://localhost:8081/api/v1"}


def test_the_oauth_provider_and_the_branch_come_from_the_site():
    site = SiteInfo(url="https://x.org/", repo_url="https://github.com/a/b.git",
                    edit_uri="edit/develop/content/", editor_auth_url="https://auth.x.org")
    assert backend(site) == {"name": "github", "repo": "a/b", "branch": "develop",
                             "open_authoring": True, "base_url": "https://auth.x.org"}


def test_elsewhere_saves_go_through_git_gateway():
    assert backend(SiteInfo(url="https://x.org/")) == {"name": "git-gateway", "branch": "main"}
    assert backend(SiteInfo(url="https://x.org/", repo_url="https://gitlab.com/a/b"))[
        "name"] == "git-gateway"


def test_the_layout_for_the_editors_script_follows_the_models():
    layout = field_layout()
    assert list(layout) == [kind.name for kind in KINDS if kind.scaffold]
    assert layout["unit"]["schema"] == "../../schemas/unit.schema.json"
    names = [f["name"] for f in layout["unit"]["fields"]]
    assert names == [f.name for f in next(d for d in model_docs() if d.kind == "unit").fields]
    location = next(f for f in layout["unit"]["fields"] if f["name"] == "sessions")["fields"]
    assert next(f for f in location if f["name"] == "location")["choices"] == ["online"]


def test_the_config_is_yaml_that_says_where_it_comes_from():
    text = config_yaml(SITE)
    assert text.startswith("# Made by generator/tools/editor.py")
    assert yaml.safe_load(text) == editor_config(SITE)
