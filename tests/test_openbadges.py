"""Open Badges 3.0 achievements: exact content, clean offline expansion, one per sample unit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ROOT
from harvest_content import SITE, catalogue_of, rich_tree

from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.serialise import json_bytes
from generator.content.vocabularies import vocabulary
from generator.outputs import AGGREGATES, DOCUMENTS, render_outputs
from generator.outputs.openbadges import OB3_CONTEXT, achievement, document, translations
from generator.tools.standards.jsonld import DroppedTerm, expand_strictly
from generator.tools.standards.ob3 import achievement_errors

GOLDEN = Path(__file__).parent / "golden" / "barista" / "achievement.json"
OB = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#"
REQUIRED = {"id", "type", "name", "description", "criteria"}
"""Achievement properties OB 3.0 requires (section B.1.1 of the specification)."""


@pytest.fixture
def rich(content_tree) -> Catalogue:
    return catalogue_of(rich_tree(content_tree))


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return load_catalogue(ROOT / "content", root=ROOT)


def test_achievement_of_the_rich_unit(rich: Catalogue):
    badge = achievement(rich, rich.units["barista"], SITE)
    assert badge["@context"][0] == OB3_CONTEXT
    assert badge["id"] == "https://catalogue.example.org/mv/units/barista/achievement.json"
    assert badge["type"] == ["Achievement"]
    assert badge["achievementType"] == "MicroCredential"
    assert (badge["name"], badge["inLanguage"]) == ("Barista basics", "en")
    assert badge["creditsAvailable"] == 1.5
    assert badge["creator"] == {
        "id": "https://catalogue.example.org/mv/providers/centre/", "type": ["Profile"],
        "name": "Example Training Centre (fictional)", "url": "https://example.org/centre"}
    assert badge["alignment"] == [{
        "type": ["Alignment"], "targetName": "EQF level 3",
        "targetUrl": "http://data.europa.eu/snb/eqf/3", "targetCode": "3",
        "targetDescription": vocabulary("eqf_levels")["3"].description,
        "targetFramework": "European Qualifications Framework", "targetType": "ext:EQFLevel",
    }, {
        "type": ["Alignment"], "targetName": "apply hygiene standards",
        "targetUrl": "http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6",
        "targetFramework": "ESCO", "targetType": "ext:ESCOSkill"}]
    assert badge["version"] == rich.dates["barista"].updated.isoformat()
    assert badge["related"] == [{
        "id": "https://catalogue.example.org/mv/units/barista/achievement.it.json",
        "type": ["Related"], "inLanguage": "it", "version": badge["version"]}]
    assert badge["criteria"] == {
        "id": "https://catalogue.example.org/mv/units/barista/",
        "narrative": "A practical test at the coffee machine.\n\n"
                     "Assessment: Practical assessment, Oral exam. "
                     "Supervised, with ID check.\n\n"
                     "Learning outcomes to demonstrate:\n\n"
                     "- The learner can pull a balanced espresso shot.\n"
                     "- The learner can take orders on a tablet till.\n\n"
                     "Credential: Open Badge 3.0. An Open Badges 3.0 credential signed by the "
                     "school; any verifier checks it.\n\n"
                     "Recognition: Partner cafés hire on it.",
    }
    assert badge["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert badge["sdLicense"] == "https://creativecommons.org/publicdomain/zero/1.0/"


@pytest.mark.parametrize(("credential", "expected"), [
    ("certificate", "Certificate"), ("open-badge-3", "MicroCredential"),
    ("europass-edc", "MicroCredential"), ("other", "Achievement")])
def test_the_achievement_type_follows_the_credential(content_tree, credential, expected):
    rich_tree(content_tree)
    path = content_tree.content / "units" / "barista.yaml"
    path.write_text(path.read_text().replace("  type: open-badge-3", f"  type: {credential}"))
    catalogue = catalogue_of(content_tree)
    assert achievement(catalogue, catalogue.units["barista"], SITE)["achievementType"] == expected


def test_achievement_expands_without_losing_anything(rich: Catalogue):
    [node] = expand_strictly(achievement(rich, rich.units["barista"], SITE))
    assert node["@type"] == [f"{OB}Achievement"]
    assert node[f"{OB}achievementType"] == [{"@value": "MicroCredential"}]
    # The OB3 3.0.3 context spells the XML Schema namespace with https: an upstream quirk.
    assert node[f"{OB}creditsAvailable"] == [
        {"@value": 1.5, "@type": "https://www.w3.org/2001/XMLSchema#float"}]
    assert node["https://schema.org/license"] == [
        {"@id": "https://creativecommons.org/licenses/by-sa/4.0/"}]
    eqf, esco = node[f"{OB}alignment"]
    assert eqf["@type"] == esco["@type"] == ["https://schema.org/AlignmentObject"]
    assert eqf["https://schema.org/targetUrl"][0]["@value"] == "http://data.europa.eu/snb/eqf/3"
    assert esco["https://schema.org/targetUrl"][0]["@value"].startswith(
        "http://data.europa.eu/esco/skill/")
    [related] = node[f"{OB}related"]
    assert related["@type"] == [f"{OB}Related"]
    assert related["https://schema.org/inLanguage"] == [{"@value": "it"}]
    [creator] = node[f"{OB}creator"]
    assert creator["@type"] == [f"{OB}Profile"]


def test_without_the_licence_terms_the_licence_would_be_dropped(rich: Catalogue):
    badge = achievement(rich, rich.units["barista"], SITE)
    with pytest.raises(DroppedTerm, match="license"):
        expand_strictly({**badge, "@context": OB3_CONTEXT})


def test_one_achievement_per_language_each_naming_the_others(rich: Catalogue):
    files = render_outputs(rich, SITE)
    italian = json.loads(files["units/barista/achievement.it.json"])
    english = json.loads(files["units/barista/achievement.json"])
    assert (italian["name"], italian["inLanguage"]) == ("Barista di base", "it")
    assert italian["id"] == "https://catalogue.example.org/mv/units/barista/achievement.it.json"
    assert italian["related"] == [{"id": english["id"], "type": ["Related"],
                                   "inLanguage": "en", "version": english["version"]}]
    assert italian["alignment"] == english["alignment"]
    assert achievement_errors(italian) == []


def test_every_sample_achievement_is_valid_against_the_ob3_schema(sample: Catalogue):
    files = {path: data for path, data in render_outputs(sample, SITE).items()
             if re.search(r"/achievement(\.[a-z]{2})?\.json$", path)}
    assert {path for path in files if path.endswith("/achievement.json")} == {
        f"units/{uid}/achievement.json" for uid in sample.units} | {
        f"pathways/{pid}/achievement.json" for pid in sample.objects["pathways"]}
    assert len(files) > len(sample.units)  # the sample has translated units
    for path, data in files.items():
        badge = json.loads(data)
        assert achievement_errors(badge) == [], path
        if path.startswith("pathways/"):  # tested in test_schemaorg_pathway.py
            continue
        assert badge["alignment"][0]["targetType"] == "ext:EQFLevel"
        languages = {badge["inLanguage"], *(r["inLanguage"] for r in badge.get("related", []))}
        unit = sample.units[path.split("/")[1]]
        assert languages == set(unit.title), path


def test_the_ob3_schema_refuses_a_broken_achievement(rich: Catalogue):
    """The wrapper really reaches `$defs/Achievement` and the definitions it uses."""
    badge = achievement(rich, rich.units["barista"], SITE)
    broken = {**badge, "inLanguage": "Italian", "version": 2,
              "alignment": [{"type": ["Alignment"], "targetName": "x"}]}
    del broken["criteria"]
    assert sorted(achievement_errors(broken)) == [
        "(root): 'criteria' is a required property",
        "alignment/0: 'targetUrl' is a required property",
        "inLanguage: 'Italian' does not match "
        "'^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$'",
        "version: 2 is not of type 'string'",
    ]


def test_every_sample_unit_has_a_clean_achievement(sample: Catalogue):
    files = {path: data for path, data in render_outputs(sample, SITE).items()
             if path.startswith("units/") and path.endswith("/achievement.json")}
    assert sorted(files) == sorted(f"units/{uid}/achievement.json" for uid in sample.units)
    for unit_id, unit in sample.units.items():
        badge = json.loads(files[f"units/{unit_id}/achievement.json"])
        assert badge.keys() >= REQUIRED, unit_id
        assert badge["id"] == SITE.absolute(f"units/{unit_id}/achievement.json")
        assert badge["criteria"]["narrative"].strip()
        if unit.workload.ects is not None:
            assert badge["creditsAvailable"] == float(unit.workload.ects)
        for alignment in badge.get("alignment", []):
            assert re.fullmatch(r"ext:[a-zA-Z0-9.\-_]+", alignment["targetType"])
        expand_strictly(badge)


def test_rendered_with_the_other_outputs(rich: Catalogue):
    assert DOCUMENTS[("unit", "achievement.json")] is document
    assert translations in AGGREGATES
    files = render_outputs(rich, SITE)
    assert json.loads(files["units/barista/achievement.json"]) == achievement(
        rich, rich.units["barista"], SITE)
    assert json.loads(files["units/barista/achievement.it.json"]) == achievement(
        rich, rich.units["barista"], SITE, "it")


def test_published_beside_every_unit_page(built_site: Path, sample: Catalogue):
    for unit_id in sample.units:
        badge = json.loads((built_site / "units" / unit_id / "achievement.json").read_text())
        assert badge["type"] == ["Achievement"]
        expand_strictly(badge)


def test_golden(rich: Catalogue, update_golden: bool):
    """The rich unit's achievement, byte for byte; refresh with `pytest --update-golden`."""
    rendered = json_bytes(achievement(rich, rich.units["barista"], SITE))
    if update_golden:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_bytes(rendered)
    assert GOLDEN.read_bytes() == rendered
