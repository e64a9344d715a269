"""Europass ELM 3.1: every unit's `elm.jsonld` conforms to the LOQ SHACL shapes, offline.

Harness: pyld expands each document to RDF with the EDC context served from tests/reference,
pyshacl validates it against `LOQ-constraints.ttl` + `LOQ-constraints-mdr.ttl`. The shapes are
loaded with rdflib and their Java-style regexes rewritten in memory; the files stay untouched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, ContentTree
from rdflib.namespace import SH

from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.errors import ContentError
from generator.kinds import SiteInfo
from generator.outputs import elm, render_outputs
from generator.outputs.common import iso_duration
from generator.tools.standards.elm import (
    SHAPES,
    achievement_minimums,
    loq_shapes,
    shacl_violations,
)

SITE = SiteInfo(url="https://microvet-catalogue.github.io/microvet/")
SAMPLE_UNITS = sorted(path.stem for path in (ROOT / "content" / "units").glob("*.yaml"))
GOLDEN_UNIT = "barista-basics"

@pytest.fixture(scope="module")
def sample() -> Catalogue:
    """The sample content of the repository."""
    return load_catalogue(ROOT / "content")


@pytest.fixture(scope="module")
def sample_documents(sample: Catalogue) -> dict[str, dict[str, Any]]:
    """Every sample unit's ELM document, by unit id, as the build publishes it."""
    files = render_outputs(sample, SITE)
    return {uid: json.loads(files[f"units/{uid}/elm.jsonld"]) for uid in sample.units}


def test_the_sample_content_lists_units():
    assert len(SAMPLE_UNITS) >= 10


@pytest.mark.parametrize("unit_id", SAMPLE_UNITS)
def test_every_sample_unit_conforms_to_loq(sample_documents, unit_id: str):
    document = sample_documents[unit_id]
    assert shacl_violations(document) == []
    assert achievement_minimums(document) == []


# --- a unit using every optional field ----------------------------------------------------------

RICH_PROVIDER = """\
id: academy
default_language: de
name: {de: Beispiel-Akademie (fiktiv), en: Example Academy (fictional)}
short_name: EA
description: {de: Eine fiktive Akademie., en: A fictional academy.}
country: DE
city: Freiburg
address: Beispielweg 1, 79098 Freiburg
homepage: https://example.org/academy
email: info@example.org
phone: "+49 761 000000"
quality_assurance: {de: Jährliche Prüfung., en: Reviewed every year.}
accreditations:
  - name: {de: Landesanerkennung (fiktiv), en: State recognition (fictional)}
    body: Example Ministry
    url: https://example.org/academy/recognition
  - name: Quality label (fictional)
"""

RICH_OUTCOME = """\
id: autonomy
title: {en: Works independently, it: Lavora in autonomia}
statement: {en: The learner can plan a shift alone., it: Il partecipante pianifica un turno.}
category: responsibility-autonomy
eqf_level: 4
reuse_level: transversal
esco_skills:
  - http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6
  - uri: http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000
    label: a skill missing from the bundled list
other_skills:
  - framework: DigComp 2.2
    code: "2.4"
    label: {en: Collaborating through digital technologies}
    url: https://example.org/digcomp
  - framework: National standard
    label: Shift planning
assessment_criteria:
  - {en: The plan covers every hour., it: Il piano copre ogni ora.}
  - The plan is shared on time.
"""

RICH_UNIT = """\
id: rich
default_language: it
title: {en: Bar shift lead, it: Responsabile di turno al bar}
summary: {en: Lead a bar shift., it: Guidare un turno al bar.}
description: {en: "## Who\\n\\nBaristas.", it: "## Chi\\n\\nBaristi."}
provider: centre
awarding_bodies: [centre, academy]
languages: [it, en, de]
eqf_level: 4
isced_f: "1013"
workload: {hours: 12.5, ects: 0.5, ecvet: 1}
mode: blended
learning_setting: formal
schedule: part-time-intensive
outcomes: [espresso, autonomy]
assessment:
  methods: [practical, written, portfolio]
  description: {en: A practical test and a portfolio., it: Una prova pratica e un portfolio.}
  supervision: supervised-without-id-check
quality_assurance:
  description: {en: Reviewed by the board., it: Rivisto dal comitato.}
  accreditation: Accreditamento regionale (fittizio)
  url: https://example.org/centre/quality
credential:
  type: europass-edc
  issued_by: [academy]
  verification: {en: Check the seal in Europass., it: Verifica il sigillo in Europass.}
  recognition: {en: Counts towards the diploma., it: Vale per il diploma.}
prerequisites: {en: Barista basics or experience., it: Barista di base o esperienza.}
stackability:
  kind: stackable
  into:
    - unit: barista
    - title: {en: Hospitality diploma (fictional), it: Diploma alberghiero (fittizio)}
      url: https://example.org/diploma
    - title: Regional bar certificate (fictional)
  description: {en: Counts towards both., it: Vale per entrambi.}
license: CC-BY-SA-4.0
price: {amount: 99.50, currency: EUR}
sessions:
  - start: 2027-03-01
    end: 2027-03-05
    application_deadline: 2027-02-15
    location: {city: Bologna, country: IT, venue: Example Campus, address: Via Esempio 1}
    enrol_url: https://example.org/enrol/1
    places: 12
  - start: 2027-03-01
    location: online
  - start: 2027-06-01
    location: {city: Freiburg, country: DE}
occupations:
  - http://data.europa.eu/esco/occupation/52df9d56-efd4-48d0-ad93-59231943fc4c
keywords: [shift, bar]
target_groups: [employment-retraining, migrants]
materials:
  - title: {en: Shift plan template, it: Modello di piano turni}
    url: https://example.org/oer/shift-plan
    license: CC-BY-4.0
homepage: https://example.org/centre/courses/rich
published: 2026-01-05
updated: 2026-02-10
"""

STACKING_UNIT = """\
id: part
title: Shift basics
summary: The first part of the shift lead unit.
provider: academy
languages: [en]
eqf_level: 3
isced_f: "1013"
workload: {hours: 10}
mode: online
outcomes: [espresso]
assessment: {methods: [quiz], description: An online quiz.}
quality_assurance: Reviewed.
stackability: {kind: stackable, into: [{unit: rich}]}
license: CC0-1.0
price: free
credential: {type: open-badge-3, verification: Signed badge., recognition: Counts towards rich.}
"""


@pytest.fixture
def rich(content_tree: ContentTree) -> Catalogue:
    """A catalogue whose unit `rich` uses every optional field, and a unit stacking into it."""
    content_tree.minimal()
    content_tree.write("providers", "academy", RICH_PROVIDER)
    content_tree.write("outcomes", "autonomy", RICH_OUTCOME)
    content_tree.write("units", "rich", RICH_UNIT)
    content_tree.write("units", "part", STACKING_UNIT)
    return load_catalogue(content_tree.content)


def test_unit_using_every_optional_field_conforms_to_loq(rich: Catalogue):
    files = render_outputs(rich, SITE)
    for unit_id in ("rich", "part", "barista"):
        document = json.loads(files[f"units/{unit_id}/elm.jsonld"])
        assert shacl_violations(document) == [], unit_id
        assert achievement_minimums(document) == [], unit_id


def test_every_optional_field_reaches_the_document(rich: Catalogue):
    document = json.loads(elm.document(rich, rich.units["rich"], SITE))
    opportunity, *sessions = document["@graph"]
    page = SITE.absolute("units/rich/")
    spec = opportunity["learningAchievementSpecification"]
    assert opportunity["title"] == {"en": "Bar shift lead", "it": "Responsabile di turno al bar"}
    assert opportunity["elm:defaultLanguage"]["@id"].endswith("/language/ITA")
    assert opportunity["learningSchedule"]["@id"].endswith("/f230bae523")
    assert opportunity["priceDetail"]["amount"]["rdf:value"] == {
        "@value": "99.5", "@type": "xsd:decimal"}
    assert [p["contentURL"] for p in opportunity["homepage"]] == [
        page, "https://example.org/centre/courses/rich"]
    assert opportunity["dc:modified"]["@value"] == "2026-02-10T00:00:00"
    assert [s["@id"] for s in sessions] == [
        f"{page}#session-2027-03-01", f"{page}#session-2027-03-01-2",
        f"{page}#session-2027-06-01"]
    assert sessions[0]["temporal"] == {"@type": "PeriodOfTime",
                                       "startDate": "2027-03-01T00:00:00",
                                       "endDate": "2027-03-05T23:59:59"}
    assert sessions[0]["applicationDeadline"] == "2027-02-15T23:59:59"
    assert "location" not in sessions[1]
    assert [p["@id"] for p in opportunity["location"]] == [f"{page}#place-1", f"{page}#place-2"]
    assert spec["volumeOfLearning"] == "PT12H30M"
    assert [c["point"] for c in spec["creditPoint"]] == ["0.5", "1"]
    assert len(spec["language"]) == 3
    assert spec["learningSetting"]["@id"].endswith("/6fd4685715")
    assert len(spec["targetGroup"]) == 2
    assert spec["entryRequirement"]["noteLiteral"]["en"] == "Barista basics or experience."
    assert [b.get("legalName", b["@id"]) for b in spec["awardingOpportunity"]["awardingBody"]] \
        == [SITE.absolute("providers/centre/#organisation"),
            {"de": "Beispiel-Akademie (fiktiv)", "en": "Example Academy (fictional)"}]
    academy = spec["awardingOpportunity"]["awardingBody"][1]
    assert academy["altLabel"] == {"de": "EA"}
    assert academy["contactPoint"] == {
        "@type": "ContactPoint", "phone": {"@type": "Phone", "phoneNumber": "+49 761 000000"},
        "emailAddress": {"@id": "mailto:info@example.org", "@type": "Mailbox"}}
    assert academy["location"]["address"]["countryCode"]["@id"].endswith("/country/DEU")
    assert [n["noteLiteral"].get("en") for n in academy["additionalNote"]] == [
        "A fictional academy.", "Reviewed every year.",
        "State recognition (fictional) — Example Ministry — "
        "https://example.org/academy/recognition", None]
    assert spec["isPartOf"][0]["@id"] == SITE.absolute("units/barista/") + (
        "#learning-achievement-specification")
    assert spec["hasPart"][0]["@id"] == SITE.absolute("units/part/") + (
        "#learning-achievement-specification")
    assert [d["contentURL"] for d in spec["supplementaryDocument"]] == [
        "https://example.org/centre/quality", "https://example.org/diploma"]
    assessment = spec["provenBy"]
    assert len(assessment["dcType"]) == 3
    assert assessment["additionalNote"][0]["subject"]["@id"].endswith("/44314532f9")


def test_outcomes_carry_statement_skill_type_reuse_level_and_skills(rich: Catalogue):
    document = json.loads(elm.document(rich, rich.units["rich"], SITE))
    outcome = document["@graph"][0]["learningAchievementSpecification"]["learningOutcome"][1]
    assert outcome["title"] == {"en": "The learner can plan a shift alone.",
                                "it": "Il partecipante pianifica un turno."}
    assert outcome["dcType"]["@id"] == "http://data.europa.eu/snb/skill-type/skill"
    assert outcome["reusabilityLevel"]["@id"].endswith("/skill-reuse-level/transversal")
    assert [s["@id"] for s in outcome["relatedESCOSkill"]] == [
        "http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6",
        "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000"]
    assert all("inScheme" not in skill for skill in outcome["relatedESCOSkill"])
    assert [s.get("notation") for s in outcome["relatedSkill"]] == ["2.4", None]
    assert all("@id" not in skill for skill in outcome["relatedSkill"])
    assert len(outcome["additionalNote"]) == 2


# --- official code lists ---------------------------------------------------------------------

OFFICIAL = ("http://data.europa.eu/snb/", "http://publications.europa.eu/resource/authority/")


def concepts(value: Any) -> list[dict[str, Any]]:
    """Every `Concept` node anywhere in a document."""
    found = []
    if isinstance(value, dict):
        if value.get("@type") == "Concept":
            found.append(value)
        for item in value.values():
            found += concepts(item)
    elif isinstance(value, list):
        for item in value:
            found += concepts(item)
    return found


def test_every_concept_has_its_official_uri_and_scheme(sample_documents):
    for document in sample_documents.values():
        for node in concepts(document):
            uri = node.get("@id", "")
            if uri.startswith("http://data.europa.eu/esco/skill/") or "@id" not in node:
                continue  # ESCO skills (no scheme: quirk) and other frameworks' skills
            assert uri.startswith(OFFICIAL), uri
            scheme = node["inScheme"]["@id"]
            assert scheme.startswith(OFFICIAL) and node["inScheme"]["@type"] == "ConceptScheme"
            assert node["prefLabel"]["en"]


# --- the harness really checks ---------------------------------------------------------------


def test_java_regexes_are_rewritten_in_memory_only():
    patterns = [str(p) for p in loq_shapes().objects(None, SH.pattern)]
    assert patterns and not any("\\p{" in p or "^(?i)" in p for p in patterns)
    assert "\\p{L}" in (SHAPES / "LOQ-constraints.ttl").read_text(encoding="utf-8")


def test_shacl_reports_the_quirks_it_is_meant_to_catch(sample_documents):
    document = json.loads(json.dumps(sample_documents[GOLDEN_UNIT]))
    opportunity = document["@graph"][0]
    amount = opportunity["priceDetail"]["amount"]
    amount["value"] = amount.pop("rdf:value")["@value"]  # the context's `value` is elm:value
    del opportunity["elm:defaultLanguage"]
    violations = shacl_violations(document)
    assert any("rdf-syntax-ns#value" in v and "Less than 1" in v for v in violations)
    assert any("elm/value" in v and "closed" in v.lower() for v in violations)
    assert any("defaultLanguage" in v and "Less than 1" in v for v in violations)


def test_achievement_minimums_are_checked(sample_documents):
    document = json.loads(json.dumps(sample_documents[GOLDEN_UNIT]))
    del document["@graph"][0]["learningAchievementSpecification"]["learningOutcome"]
    specification = SITE.absolute(f"units/{GOLDEN_UNIT}/#learning-achievement-specification")
    assert set(achievement_minimums(document)) == {f"{specification}: no learning outcome"}


def test_missing_mandatory_elements_are_content_errors(content_tree: ContentTree):
    content_tree.minimal()
    unit = content_tree.content / "units" / "barista.yaml"
    text = unit.read_text(encoding="utf-8")
    unit.write_text(text.replace('isced_f: "1013"\n', "").replace(
        "outcomes: [espresso]\n", "outcomes: []\n"), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_catalogue(content_tree.content)
    assert str(caught.value) == (
        "content/units/barista.yaml:1:1: missing required field `isced_f`\n"
        "content/units/barista.yaml:11:11: `outcomes`: fill this in — ids of the learning "
        "outcomes")


# --- golden file and the published site ----------------------------------------------------------


def test_golden_elm_document(sample: Catalogue, update_golden: bool):
    """One sample unit's document byte for byte; refresh with `pytest --update-golden`."""
    rendered = elm.document(sample, sample.units[GOLDEN_UNIT], SITE)
    golden = Path(__file__).parent / "golden" / f"elm-{GOLDEN_UNIT}.jsonld"
    if update_golden:
        golden.write_bytes(rendered)
    assert json.loads(golden.read_bytes()) == json.loads(rendered)  # a readable diff first
    assert golden.read_bytes() == rendered


def test_hours_become_xsd_durations():
    from decimal import Decimal
    assert [iso_duration(Decimal(h)) for h in ("30", "12.5", "0.1", "1500")] == [
        "PT30H", "PT12H30M", "PT6M", "PT1500H"]


def test_unit_page_offers_the_elm_document(built_site: Path):
    unit_id = SAMPLE_UNITS[0]
    folder = built_site / "units" / unit_id
    html = BeautifulSoup((folder / "index.html").read_text("utf-8"), "html.parser")
    link = html.find("link", rel="alternate", title="Europass (ELM) metadata")
    assert link is not None and link["type"] == "application/ld+json"
    downloads = {a.get_text(): a["href"] for a in html.select(".mv-downloads a")}
    assert downloads["Europass (ELM) metadata"] == link["href"]
    target = (folder / link["href"]).resolve()
    assert target == (folder / "elm.jsonld").resolve()
    published = json.loads(target.read_bytes())
    assert published["@graph"][0]["@type"] == "LearningOpportunity"
