"""JSON Schemas for editors: current, valid draft-07, and in agreement with the models."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from conftest import OUTCOME, PROVIDER, ROOT, UNIT
from jsonschema import Draft7Validator

from generator.content.sources import parse_source
from generator.content.validation import validate
from generator.kinds import KINDS, SiteInfo
from generator.outputs import render_outputs
from generator.tools.scaffold import scaffold
from generator.tools.schemas import SCHEMA_FOLDER, content_schema, schema_files, schema_path

MODELS = {kind.name: kind.model for kind in KINDS}
"""Every kind of content file and its model, from the registry."""

CONTENT_FILES = sorted((ROOT / "content").glob("*/*"))


def as_json(value: Any) -> Any:
    """YAML data as an editor's language server sees it: dates are text."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def validator(kind: str) -> Draft7Validator:
    return Draft7Validator(content_schema(kind), format_checker=Draft7Validator.FORMAT_CHECKER)


def schema_errors(kind: str, text: str) -> list[str]:
    source, problems = parse_source(textwrap.dedent(text), f"{kind}.yaml")
    assert problems == [] and source is not None
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.validator}"
                  for e in validator(kind).iter_errors(as_json(source.data)))


def model_accepts(kind: str, text: str) -> bool:
    source, _ = parse_source(textwrap.dedent(text), f"{kind}.yaml")
    assert source is not None
    return validate(MODELS[kind], source, {"default_language": "en"})[1] == []


def test_committed_schemas_are_current():
    """Fails when the models changed without `microvet schema`: run it and commit schemas/."""
    committed = {path.relative_to(ROOT).as_posix(): path.read_bytes()
                 for path in sorted((ROOT / SCHEMA_FOLDER).glob("*"))}
    assert committed == schema_files(), "run `microvet schema` and commit schemas/"


@pytest.mark.parametrize("kind", list(MODELS))
def test_schema_is_valid_draft_07_with_titles(kind: str):
    schema = content_schema(kind)
    Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["title"] == f"microVET {kind}"
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == set(MODELS[kind].model_fields)
    assert all(prop.get("description") for prop in schema["properties"].values())
    assert schema_path(kind) == f"schemas/{kind}.schema.json"


def test_codes_carry_their_labels_for_completion():
    eqf = content_schema("unit")["properties"]["eqf_level"]
    assert eqf["title"] == "EQF level"
    codes = eqf["anyOf"][0]
    assert codes["enum"] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert codes["oneOf"][2]["title"] == "EQF level 3"
    assert codes["markdownEnumDescriptions"][2].startswith(
        "**EQF level 3**: Knowledge of the facts, principles and general concepts of a field")
    mode = content_schema("unit")["properties"]["mode"]
    assert mode["oneOf"][1] == {"const": "online", "title": "Online",
                                "description": "All learning and assessment take place online."}


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_content_file_declares_its_schema_and_satisfies_it(path: Path):
    kind = path.parent.name.removesuffix("s")
    text = path.read_text(encoding="utf-8")
    first_line = f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"
    assert text.splitlines()[0] == first_line
    assert schema_errors(kind, text) == []


@pytest.mark.parametrize("kind", list(MODELS))
def test_the_schema_points_at_every_empty_mandatory_field_of_a_scaffold(kind: str):
    required = [doc_field for doc_field, info in MODELS[kind].model_fields.items()
                if info.is_required() and doc_field != "id"]
    flagged = {error.split("/")[0].split(":")[0]
               for error in schema_errors(kind, scaffold(kind, f"new-{kind}"))}
    assert flagged == set(required)


ACCEPTED = [
    ("unit", "eqf_level: 3", "eqf_level: 3"),
    ("unit", "price: free", "price: free"),
    ("unit", "price: free", "price: 0"),
    ("unit", "price: free", "price: {amount: 120, currency: EUR}"),
    ("unit", "quality_assurance: Reviewed each year by the school's quality board.",
     "quality_assurance: {description: Reviewed yearly, accreditation: ISO 9001}"),
    ("unit", "quality_assurance: Reviewed each year by the school's quality board.",
     "quality_assurance: {en: Reviewed yearly, it: Revisione annuale}"),
    ("unit", "  hours: 25", '  hours: "25.5"'),
    ("unit", "title: Barista basics", "title: {en: Barista basics, it: Caffetteria}"),
    ("outcome", "  - http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6",
     "  - {uri: 'http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6'}"),
]


@pytest.mark.parametrize(("kind", "old", "new"), ACCEPTED)
def test_the_schema_accepts_what_the_models_accept(kind: str, old: str, new: str):
    text = {"unit": UNIT, "outcome": OUTCOME}[kind].format(id="x-1")
    assert old in text
    changed = text.replace(old, new)
    assert model_accepts(kind, changed)
    assert schema_errors(kind, changed) == []


REJECTED = [
    ("unit", "eqf_level: 3", "eqf_level: 9", ["eqf_level: anyOf"]),
    ("unit", "eqf_level: 3", "eqf_levle: 3", [": additionalProperties", ": required"]),
    ("unit", "mode: onsite", "mode: on-site", ["mode: enum", "mode: oneOf"]),
    ("unit", "  hours: 25", "  hours: lots", ["workload/hours: anyOf"]),
    ("unit", "price: free", "price: gratis", ["price: anyOf"]),
    ("unit", "license: CC-BY-4.0", "license: CC BY 4.0", ["license: enum", "license: oneOf"]),
    ("provider", "homepage: https://example.org/centre", "homepage: example.org",
     ["homepage: format", "homepage: pattern"]),
    ("provider", "country: IT", "country: Italy", ["country: enum", "country: oneOf"]),
]


@pytest.mark.parametrize(("kind", "old", "new", "errors"), REJECTED)
def test_the_schema_rejects_what_the_models_reject(kind: str, old: str, new: str,
                                                   errors: list[str]):
    text = {"unit": UNIT, "provider": PROVIDER}[kind].format(id="x-1")
    assert old in text
    changed = text.replace(old, new)
    assert not model_accepts(kind, changed)
    assert schema_errors(kind, changed) == errors


def test_the_site_publishes_the_committed_schemas(content_tree):
    from generator.content.catalogue import load_catalogue

    catalogue = load_catalogue(content_tree.minimal().content, root=content_tree.root)
    outputs = render_outputs(catalogue, SiteInfo(url="https://example.org/"))
    for kind in MODELS:
        published = outputs[f"schemas/{kind}.schema.json"]
        assert published == (ROOT / "schemas" / f"{kind}.schema.json").read_bytes()
        assert json.loads(published)["title"] == f"microVET {kind}"
