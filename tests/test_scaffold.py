"""`microvet new`: scaffolds explaining every field, whose only problems are "fill this in"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.catalogue import load_catalogue
from generator.content.errors import ContentError
from generator.content.sources import parse_source
from generator.kinds import KINDS
from generator.tools.scaffold import ScaffoldError, create, known_ids, scaffold

MODELS = {kind.name: kind.model for kind in KINDS}
"""Every kind of content file and its model, from the registry."""

GOLDEN = Path(__file__).parent / "golden" / "scaffold"
KNOWN = {"providers": ["centre"], "outcomes": ["espresso"], "units": ["barista"]}


def problems_of(tree) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_catalogue(tree.content, root=tree.root)
    return [str(p) for p in raised.value.problems]


@pytest.mark.parametrize("kind", list(MODELS))
def test_scaffold_golden(kind: str, update_golden: bool):
    """Each scaffold, byte for byte; refresh with `pytest --update-golden`."""
    text = scaffold(kind, f"new-{kind}", KNOWN)
    golden = GOLDEN / f"{kind}.yaml"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("kind", list(MODELS))
def test_scaffold_declares_its_schema_and_has_every_top_level_field(kind: str):
    text = scaffold(kind, f"new-{kind}", KNOWN)
    first_line = f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"
    assert text.splitlines()[0] == first_line
    source, problems = parse_source(text, f"{kind}.yaml")
    assert problems == []
    assert source is not None
    assert list(source.data) == list(MODELS[kind].model_fields)
    assert source.data["id"] == f"new-{kind}"


def test_every_comment_line_fits_the_editor_width():
    for kind in MODELS:
        lines = scaffold(kind, f"new-{kind}", KNOWN).splitlines()
        assert max(len(line) for line in lines) <= 99


def test_mandatory_fields_are_marked_and_short_vocabularies_listed_with_labels():
    text = scaffold("unit", "new-unit", KNOWN)
    assert '# MANDATORY. Title of the micro-credential.\n' \
           '# Value: text (one language, or one text per language).\ntitle: ""\n' in text
    assert "#   3 — EQF level 3: Knowledge of the facts, principles and general concepts" in text
    assert "#   practical — Practical assessment\n" in text
    assert "# Optional. Formal or non-formal.\n" in text
    assert "# In this catalogue: centre. A new one: microvet new provider ID\nprovider:\n" in text
    assert ("# For example 1013 (Hotel, restaurants and catering), 0613 (Software and "
            "applications development\n") in text


def test_fresh_scaffolds_report_only_their_own_files_each_line_a_fill_this_in(content_tree):
    content_tree.minimal()
    for kind in MODELS:
        create(kind, f"new-{kind}", content_tree.content)
    assert problems_of(content_tree) == [
        "content/demands/new-demand.yaml:36:8: `title`: fill this in — short title, e.g. "
        "'Heat pump installers in Bavaria'",
        "content/demands/new-demand.yaml:40:10: `summary`: fill this in — one paragraph: what "
        "is needed and why",
        "content/demands/new-demand.yaml:47:9: `actor.name`: fill this in — name of the "
        "organisation",
        "content/demands/new-demand.yaml:52:9: `actor.type`: fill this in — "
        "employer-association, public-employment-service, chamber, sector-council or "
        "regional-authority",
        "content/demands/new-demand.yaml:64:12: `region.country`: fill this in — ISO 3166 "
        "two-letter country code, e.g. DE",
        "content/demands/new-demand.yaml:96:3: `sector`: fill this in — `nace` (a NACE section "
        "letter), `isced_f` (an ISCED-F field code), or both",
        "content/demands/new-demand.yaml:115:9: `skills`: fill this in — ESCO skills needed, "
        "each with its priority",
        "content/demands/new-demand.yaml:128:9: `horizon.start`: fill this in — first year, "
        "e.g. 2027",
        "content/demands/new-demand.yaml:131:7: `horizon.end`: fill this in — last year, "
        "e.g. 2030",
        "content/demands/new-demand.yaml:136:11: `evidence`: fill this in — the shortage list, "
        "survey or study it rests on",
        "content/demands/new-demand.yaml:143:11: `published`: fill this in — when the demand was "
        "declared, YYYY-MM-DD",
        "content/outcomes/new-outcome.yaml:32:8: `title`: fill this in — short label, "
        "e.g. 'Espresso extraction'",
        "content/outcomes/new-outcome.yaml:36:12: `statement`: fill this in — what the learner "
        "can do: 'The learner can ...'",
        "content/outcomes/new-outcome.yaml:46:11: `category`: fill this in — knowledge, skill or "
        "responsibility-autonomy (the three EQF columns)",
        "content/pathways/new-pathway.yaml:32:8: `title`: fill this in — title of the pathway",
        "content/pathways/new-pathway.yaml:36:14: `description`: fill this in — one plain-text "
        "paragraph: what it leads to, for whom",
        "content/pathways/new-pathway.yaml:61:12: `eqf_level`: fill this in — EQF level 1-8 of "
        "the credential at the end",
        "content/pathways/new-pathway.yaml:66:15: `awarding_body`: fill this in — id of the "
        "provider that awards the final credential",
        "content/pathways/new-pathway.yaml:73:10: `credential.title`: fill this in — name of the "
        "credential, e.g. 'Certificate in café service'",
        "content/pathways/new-pathway.yaml:84:9: `stages`: fill this in — the stages, in the "
        "order learners take them",
        "content/providers/new-provider.yaml:36:7: `name`: fill this in — legal name of the "
        "organisation",
        "content/providers/new-provider.yaml:50:10: `country`: fill this in — ISO 3166 two-letter "
        "country code, e.g. IT, DE, PL",
        "content/providers/new-provider.yaml:54:7: `city`: fill this in — city of the registered "
        "office",
        "content/providers/new-provider.yaml:62:11: `homepage`: fill this in — your website",
        "content/recognitions/new-recognition.yaml:35:9: `partner.name`: fill this in — legal "
        "name of the recognising organisation",
        "content/recognitions/new-recognition.yaml:38:9: `partner.type`: fill this in — what "
        "kind of organisation it is",
        "content/recognitions/new-recognition.yaml:43:12: `partner.country`: fill this in — ISO "
        "3166 two-letter country code, e.g. AT",
        "content/recognitions/new-recognition.yaml:46:9: `partner.city`: fill this in — city of "
        "its registered office",
        "content/recognitions/new-recognition.yaml:49:13: `partner.homepage`: fill this in — the "
        "organisation's website",
        "content/recognitions/new-recognition.yaml:57:10: `declared`: fill this in — when the "
        "partner made the statement, YYYY-MM-DD",
        "content/recognitions/new-recognition.yaml:66:13: `statements`: fill this in — the units "
        "recognised, each for one purpose",
        "content/units/new-unit.yaml:32:8: `title`: fill this in — title of the micro-credential",
        "content/units/new-unit.yaml:36:10: `summary`: fill this in — one plain-text paragraph: "
        "what and for whom",
        "content/units/new-unit.yaml:45:10: `provider`: fill this in — id of the provider "
        "offering the unit",
        "content/units/new-unit.yaml:56:12: `languages`: fill this in — languages of instruction "
        "and assessment",
        "content/units/new-unit.yaml:81:12: `eqf_level`: fill this in — EQF level 1-8",
        "content/units/new-unit.yaml:88:10: `isced_f`: fill this in — ISCED-F 2013 field of "
        "education code, e.g. '1013'",
        "content/units/new-unit.yaml:95:9: `workload.hours`: fill this in — total notional "
        "learning hours (teaching, practice and self-study)",
        "content/units/new-unit.yaml:110:7: `mode`: fill this in — form of participation",
        "content/units/new-unit.yaml:133:11: `outcomes`: fill this in — ids of the learning "
        "outcomes",
        "content/units/new-unit.yaml:154:12: `assessment.methods`: fill this in — one or more "
        "assessment methods",
        "content/units/new-unit.yaml:157:16: `assessment.description`: fill this in — what the "
        "learner does to be assessed, in plain words",
        "content/units/new-unit.yaml:173:16: `quality_assurance.description`: fill this in — "
        "the internal and external quality assurance",
        "content/units/new-unit.yaml:193:9: `credential.type`: fill this in — certificate, "
        "open-badge-3, europass-edc or other",
        "content/units/new-unit.yaml:200:17: `credential.verification`: fill this in — how an "
        "employer or school checks that a credential is genuine",
        "content/units/new-unit.yaml:203:16: `credential.recognition`: fill this in — who "
        "recognises it and for what: credits, licences, employers",
        "content/units/new-unit.yaml:246:10: `license`: fill this in — licence of the course "
        "materials: an SPDX id, or all-rights-reserved",
        "content/units/new-unit.yaml:253:10: `price.amount`: fill this in — price for one learner",
    ]


FILLED_IN = {
    'title: ""': "title: Barista basics",
    'summary: ""': "summary: Make espresso drinks to a professional standard.",
    "provider:": "provider: centre",
    "languages: []": "languages: [en, it]",
    'eqf_level: ""': "eqf_level: 3",
    'isced_f: ""': 'isced_f: "1013"',
    "  hours:": "  hours: 25",
    'mode: ""': "mode: onsite",
    "outcomes: []": "outcomes: [espresso]",
    "  methods: []": "  methods: [practical]",
    '  description: ""': "  description: A practical test at the coffee machine.",
    'license: ""': "license: CC-BY-4.0",
    "  amount:": "  amount: 0",
    '  type: ""': "  type: open-badge-3",
    '  verification: ""': "  verification: Signed badge, checked online.",
    '  recognition: ""': "  recognition: Partner cafés hire on it.",
}
"""What a provider types into a fresh unit scaffold, line by line."""


def test_filling_in_the_scaffold_and_an_example_block_gives_a_valid_unit(content_tree):
    content_tree.minimal()
    lines = scaffold("unit", "new-unit", known_ids(content_tree.content)).splitlines()
    lines = [FILLED_IN.get(line, line) for line in lines]
    # Use the commented example for sessions, as the comment above it says.
    start = lines.index("sessions: []")
    end = lines.index("", start)
    example = [re.sub(r"^# ", "", line) for line in lines[start + 1 : end]]
    example = [line.replace("start:", "start: 2027-03-01").replace('city: ""', "city: Bologna")
               .replace('country: ""', "country: IT") for line in example]
    lines[start : end] = ["sessions:", *example]
    (content_tree.content / "units" / "new-unit.yaml").write_text("\n".join(lines) + "\n")
    catalogue = load_catalogue(content_tree.content, root=content_tree.root)
    unit = catalogue.units["new-unit"]
    assert unit.languages == ["en", "it"]
    assert unit.sessions[0].location.city == "Bologna"
    assert unit.price.is_free


def test_create_writes_the_file_and_refuses_an_existing_one(content_tree):
    path = create("outcome", "milk-texturing", content_tree.content)
    assert path == content_tree.content / "outcomes" / "milk-texturing.yaml"
    assert path.read_text(encoding="utf-8") == scaffold("outcome", "milk-texturing",
                                                        known_ids(content_tree.content))
    with pytest.raises(ScaffoldError) as raised:
        create("outcome", "milk-texturing", content_tree.content)
    assert str(raised.value) == (f"{path.as_posix()} already exists: choose another id, "
                                 "or edit that file")


@pytest.mark.parametrize("bad", ["Barista", "ab", "barista--basics", "-barista", "barista.yaml"])
def test_create_refuses_an_invalid_id(content_tree, bad: str):
    with pytest.raises(ScaffoldError) as raised:
        create("unit", bad, content_tree.content)
    assert str(raised.value) == (
        f"'{bad}' is not a valid id: use 3-64 characters, lowercase letters a-z, digits and "
        "single hyphens, starting and ending with a letter or digit (for example "
        "'barista-basics')")
    assert not list((content_tree.content / "units").iterdir())


def test_create_needs_the_content_folder(tmp_path: Path):
    with pytest.raises(ScaffoldError) as raised:
        create("unit", "barista", tmp_path / "content")
    assert str(raised.value) == (
        f"there is no {(tmp_path / 'content').as_posix()}/ folder here: run this in the "
        "catalogue's folder (the one with mkdocs.yml), or give --content")


def test_create_refuses_an_unknown_kind(content_tree):
    with pytest.raises(ScaffoldError) as raised:
        create("course", "barista", content_tree.content)
    assert str(raised.value) == ("'course' is not a kind of content: use unit, pathway, "
                                 "outcome, provider, recognition or demand")


def test_known_ids_are_the_file_names(content_tree):
    content_tree.minimal()
    assert known_ids(content_tree.content) == {
        "units": ["barista"], "pathways": [], "outcomes": ["espresso"],
        "providers": ["centre"], "recognitions": [], "demands": []}


def test_long_id_lists_point_to_the_folder_instead():
    many = {"outcomes": [f"outcome-{n:02}" for n in range(31)]}
    text = scaffold("unit", "new-unit", many)
    assert ("# Ids: the file names in content/outcomes/ without .yaml. A new one: "
            "microvet new outcome ID\noutcomes: []\n") in text


def test_an_optional_field_left_empty_may_also_be_deleted(content_tree):
    content_tree.minimal()
    unit = content_tree.content / "units" / "barista.yaml"
    unit.write_text(unit.read_text() + 'homepage: ""\nsessions:\n  - start: 2027-01-04\n'
                    "    location:\n")
    assert problems_of(content_tree) == [
        "content/units/barista.yaml:21:11: `homepage`: fill this in, or delete the line "
        "(it is optional) — the unit's page on your website",
        "content/units/barista.yaml:24:14: `sessions[0].location`: fill this in — `online`, "
        "or city and country",
    ]


def test_the_occupations_hint_shows_an_occupation_uri(content_tree):
    path = create("unit", "hint-check", content_tree.content)
    text = path.read_text(encoding="utf-8")
    hint = text[text.index("occupations: []"):]
    assert "http://data.europa.eu/esco/occupation/<uuid>" in hint[:300]
    assert "esco/skill" not in hint[:300]
