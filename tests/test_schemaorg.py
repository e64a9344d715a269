"""Embedded unit JSON-LD: the schema.org `Course` block and the AMB block, checked for real."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from harvest_content import SITE, catalogue_of, plain_unit, rich_tree

from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.serialise import json_bytes
from generator.kinds import UNIT
from generator.outputs import EMBEDDED, embedded_jsonld
from generator.outputs.common import licence_uri
from generator.outputs.schemaorg import amb_learning_resource, course
from generator.tools.standards.amb import amb_errors
from generator.tools.standards.jsonld import expand, expand_strictly
from generator.tools.standards.schemaorg import course_info_problems, schemaorg_problems

GOLDEN = Path(__file__).parent / "golden" / "barista"
SCHEMA = "http://schema.org/"


@pytest.fixture
def rich(content_tree) -> Catalogue:
    return catalogue_of(rich_tree(content_tree))


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return load_catalogue(ROOT / "content", root=ROOT)


def blocks(catalogue: Catalogue, unit_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    unit = catalogue.units[unit_id]
    return course(catalogue, unit, SITE), amb_learning_resource(catalogue, unit, SITE)


# --- what the blocks say ------------------------------------------------------------------


def test_both_blocks_are_registered_and_describe_the_same_id(rich: Catalogue):
    assert (course, amb_learning_resource) == EMBEDDED["unit"]
    google, amb = embedded_jsonld(rich, UNIT, rich.units["barista"], SITE)
    assert google["@id"] == amb["id"] == "https://catalogue.example.org/mv/units/barista/"


def test_course_has_what_google_course_info_requires(rich: Catalogue):
    google, _ = blocks(rich, "barista")
    assert google["@context"] == "https://schema.org"
    assert google["@type"] == "Course"
    assert google["name"] == "Barista basics"
    assert google["description"] == "Make espresso drinks to a professional standard."
    assert google["provider"] == {
        "@type": "Organization",
        "@id": "https://catalogue.example.org/mv/providers/centre/",
        "name": "Example Training Centre (fictional)",
        "url": "https://example.org/centre",
        "address": {"@type": "PostalAddress", "addressLocality": "Bologna",
                    "addressCountry": "IT"},
    }
    assert google["offers"] == [{"@type": "Offer", "category": "Paid", "price": 180,
                                 "priceCurrency": "EUR",
                                 "url": "https://example.org/centre/barista"}]


def test_one_course_instance_per_session(rich: Catalogue):
    google, _ = blocks(rich, "barista")
    assert google["hasCourseInstance"] == [
        {"@type": "CourseInstance", "courseMode": "Onsite", "courseWorkload": "PT27H30M",
         "startDate": "2027-03-01", "endDate": "2027-03-05",
         "location": {"@type": "Place", "name": "Example Campus",
                      "address": {"@type": "PostalAddress", "addressLocality": "Bologna",
                                  "addressCountry": "IT", "streetAddress": "Via Roma 1"}},
         "url": "https://example.org/enrol/march", "maximumAttendeeCapacity": 12},
        {"@type": "CourseInstance", "courseMode": "Online", "courseWorkload": "PT27H30M",
         "startDate": "2027-09-01",
         "location": {"@type": "VirtualLocation", "url": "https://example.org/enrol/september"},
         "url": "https://example.org/enrol/september"},
    ]


def test_without_sessions_one_undated_instance(content_tree):
    catalogue = catalogue_of(content_tree.minimal())
    google, _ = blocks(catalogue, "barista")
    assert google["hasCourseInstance"] == [{
        "@type": "CourseInstance", "courseMode": "Onsite", "courseWorkload": "PT25H",
        "location": {"@type": "Place", "name": "Example Training Centre (fictional)",
                     "address": {"@type": "PostalAddress", "addressLocality": "Bologna",
                                 "addressCountry": "IT"}},
    }]
    assert google["offers"] == [{"@type": "Offer", "category": "Free", "price": 0,
                                 "url": "https://catalogue.example.org/mv/units/barista/"}]
    assert google["isAccessibleForFree"] is True


def test_online_unit_without_sessions_has_no_location(content_tree):
    content_tree.minimal()
    plain_unit(content_tree, "online-one", "Online one")
    google, _ = blocks(catalogue_of(content_tree), "online-one")
    assert google["hasCourseInstance"] == [
        {"@type": "CourseInstance", "courseMode": "Online", "courseWorkload": "PT10H"}]
    assert "numberOfCredits" not in google
    assert "datePublished" not in google  # outside git, no date in YAML, no SOURCE_DATE_EPOCH


def test_level_credits_workload_languages_licence_dates(rich: Catalogue):
    google, _ = blocks(rich, "barista")
    eqf = {"@type": "DefinedTerm", "@id": "http://data.europa.eu/snb/eqf/3",
           "name": "EQF level 3", "termCode": "3",
           "inDefinedTermSet": "http://data.europa.eu/snb/eqf/25831c2"}
    assert google["educationalLevel"] == eqf
    assert google["numberOfCredits"] == [
        {"@type": "QuantitativeValue", "value": 1.5, "unitText": "ECTS credits"},
        {"@type": "QuantitativeValue", "value": 2, "unitText": "ECVET points"},
    ]
    assert google["timeRequired"] == "PT27H30M"
    assert google["inLanguage"] == google["availableLanguage"] == ["en", "it"]
    assert google["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert google["sdLicense"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert (google["datePublished"], google["dateModified"]) == ("2026-01-05", "2026-02-10")


def test_credential_awarded(rich: Catalogue):
    google, _ = blocks(rich, "barista")
    credential = google["educationalCredentialAwarded"]
    assert credential["@type"] == "EducationalOccupationalCredential"
    assert [c["name"] for c in credential["credentialCategory"]] == [
        "Micro-credential", "Open Badge 3.0"]
    assert credential["credentialCategory"][1] == {
        "@type": "DefinedTerm", "name": "Open Badge 3.0", "termCode": "open-badge-3",
        "url": "https://www.imsglobal.org/spec/ob/v3p0/"}
    assert credential["description"] == "Partner cafés hire on it."
    assert [body["@id"] for body in credential["recognizedBy"]] == [
        "https://catalogue.example.org/mv/providers/centre/"]
    assert credential["educationalLevel"] == google["educationalLevel"]
    assert credential["competencyRequired"] == [{
        "@type": "DefinedTerm",
        "@id": "http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6",
        "name": "apply hygiene standards",
        "inDefinedTermSet": "http://data.europa.eu/esco/concept-scheme/skills",
    }]


def test_teaches_one_term_per_outcome_about_its_skills(rich: Catalogue):
    google, _ = blocks(rich, "barista")
    espresso, orders = google["teaches"]
    assert espresso["@id"] == "https://catalogue.example.org/mv/outcomes/espresso/"
    assert espresso["description"] == "The learner can pull a balanced espresso shot."
    assert [skill["@id"] for skill in espresso["about"]] == [
        "http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6"]
    assert orders["about"][1] == {
        "@type": "DefinedTerm", "name": "Collaborating through digital technologies",
        "termCode": "2.4", "inDefinedTermSet": {"@type": "DefinedTermSet", "name": "DigComp 2.2"}}


def test_amb_block(rich: Catalogue):
    _, amb = blocks(rich, "barista")
    assert amb["@context"] == ["https://w3id.org/kim/amb/context.jsonld", {"@language": "en"}]
    assert amb["type"] == ["Course", "LearningResource"]
    assert amb["license"] == {"id": "https://creativecommons.org/licenses/by-sa/4.0/"}
    assert amb["inLanguage"] == ["en", "it"]
    assert (amb["datePublished"], amb["dateModified"]) == (
        "2026-01-05T00:00:00+00:00", "2026-02-10T00:00:00+00:00")
    assert amb["teaches"] == [
        {"id": "https://catalogue.example.org/mv/outcomes/espresso/", "type": "DefinedTerm",
         "prefLabel": {"en": "Espresso extraction"}},
        {"id": "https://catalogue.example.org/mv/outcomes/digital-orders/",
         "type": "DefinedTerm", "prefLabel": {"en": "Digital orders"}},
        {"id": "http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6",
         "type": "DefinedTerm", "prefLabel": {"en": "apply hygiene standards"}},
    ]
    assert amb["learningResourceType"] == [{"id": "https://w3id.org/kim/hcrt/course",
                                            "prefLabel": {"de": "Kurs", "en": "Course"}}]


def test_amb_block_is_typed_without_context_processing(rich: Catalogue):
    """`@type` repeats the `type` alias; a second key for `@id` would be a JSON-LD error."""
    _, amb = blocks(rich, "barista")
    assert amb["@type"] == amb["type"] == ["Course", "LearningResource"]
    [node] = expand_strictly(amb)
    assert set(node["@type"]) == {"http://schema.org/Course", "http://schema.org/LearningResource"}
    with pytest.raises(Exception, match="colliding keywords"):
        expand({**amb, "@id": amb["id"]})
    assert amb_errors({key: value for key, value in amb.items() if key != "id"}) == [
        "(root): 'id' is a required property"]


def test_amb_concept_labels_must_be_language_maps(rich: Catalogue):
    """As upstream's invalid example `teachesWithoutLocalizedPrefLabel` shows."""
    _, amb = blocks(rich, "barista")
    plain = {**amb, "teaches": [{**amb["teaches"][0], "prefLabel": "Espresso extraction"}]}
    assert amb_errors(plain) == [
        "teaches/0/prefLabel: 'Espresso extraction' is not of type 'object'"]


def test_the_amb_block_has_a_stable_selector(built_site: Path):
    page = built_site / "units" / "barista-basics" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    amb = json.loads(soup.select_one("head script#amb[type='application/ld+json']").string)
    assert amb["@type"] == ["Course", "LearningResource"]
    assert amb_errors(amb) == []


# --- validators, over every sample unit ---------------------------------------------------------


def test_every_sample_unit_passes_every_validator(sample: Catalogue):
    assert sample.units, "the sample content has no units"
    for unit_id in sample.units:
        google, amb = blocks(sample, unit_id)
        assert course_info_problems(google) == [], unit_id
        assert schemaorg_problems(google) == [], unit_id
        assert schemaorg_problems(amb) == [], unit_id
        assert amb_errors(amb) == [], unit_id


def test_rich_unit_passes_every_validator(rich: Catalogue):
    google, amb = blocks(rich, "barista")
    assert course_info_problems(google) == []
    assert schemaorg_problems(google) == []
    assert schemaorg_problems(amb) == []
    assert amb_errors(amb) == []


def test_the_vocabulary_checker_catches_mistakes():
    document = {"@context": "https://schema.org", "@type": "Course", "courseMode": "Online",
                "nmae": "typo", "provider": "a name", "educationalLevel": {"@type": "Place"}}
    assert schemaorg_problems(document) == [
        "courseMode is not a property of ['Course', 'CreativeWork', 'LearningResource', 'Thing']",
        "educationalLevel: a ['Place', 'Thing'] where ['DefinedTerm', 'Text', 'URL'] is expected",
        "property http://schema.org/nmae is not in schema.org 30.0",
        "provider: a literal 'a name' where ['Organization', 'Person'] is expected",
    ]
    assert schemaorg_problems({"@context": "https://schema.org", "@type": "Kurs"}) == [
        "type http://schema.org/Kurs is not in schema.org 30.0"]


def test_the_amb_validator_agrees_with_the_upstream_examples():
    """All but one: upstream calls a date-time without offset valid, RFC 3339 does not."""
    examples = Path(__file__).parent / "reference" / "amb" / "examples"
    strict = {"dateTime.json": [
        "dateCreated: '2019-07-03T13:13:13' is not valid under any of the given schemas"]}
    for path in sorted((examples / "valid").glob("*.json")):
        errors = amb_errors(json.loads(path.read_text(encoding="utf-8")))
        assert errors == strict.get(path.name, []), path.name
    for path in sorted((examples / "invalid").glob("*.json")):
        assert amb_errors(json.loads(path.read_text(encoding="utf-8"))), path.name


# --- why two blocks: the evidence -----------------------------------------------------------------


def test_one_block_cannot_be_both(rich: Catalogue):
    """The Course block fails AMB, and AMB rejects the EQF level the Course block must carry."""
    google, amb = blocks(rich, "barista")
    errors = amb_errors(google)
    assert "@context: 'https://schema.org' is not of type 'array'" in errors
    assert "(root): 'id' is a required property" in errors
    merged = {**amb, "educationalLevel": [{"id": google["educationalLevel"]["@id"]}]}
    assert amb_errors(merged) == [
        "educationalLevel/0/id: 'http://data.europa.eu/snb/eqf/3' does not match "
        "'(^https://w3id.org/kim/educationalLevel/.*)'"]


def test_amb_context_makes_plain_strings_text_not_links(rich: Catalogue):
    """Under the AMB context a URL string is a language-tagged literal: links need {"id": ...}."""
    google, amb = blocks(rich, "barista")
    as_amb = expand({**google, "@context": amb["@context"]})[0]
    assert as_amb[f"{SCHEMA}license"] == [
        {"@value": "https://creativecommons.org/licenses/by-sa/4.0/", "@language": "en"}]
    assert expand(google)[0][f"{SCHEMA}license"] == [
        {"@id": "https://creativecommons.org/licenses/by-sa/4.0/"}]
    assert expand(amb)[0][f"{SCHEMA}license"] == [
        {"@id": "https://creativecommons.org/licenses/by-sa/4.0/"}]


# --- golden files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["course.jsonld", "amb.jsonld"])
def test_golden(rich: Catalogue, update_golden: bool, name: str):
    """The rich unit's blocks, byte for byte; refresh with `pytest --update-golden`."""
    google, amb = blocks(rich, "barista")
    rendered = json_bytes(google if name == "course.jsonld" else amb)
    golden = GOLDEN / name
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(rendered)
    assert golden.read_bytes() == rendered


# --- as a crawler sees them -----------------------------------------------------------------


def embedded_blocks(page: Path) -> list[dict[str, Any]]:
    """What a crawler extracts: every JSON-LD script element of the page, parsed."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [json.loads(script.string)
            for script in soup.find_all("script", type="application/ld+json")]


def test_crawler_finds_valid_blocks_on_every_unit_page(built_site: Path, sample: Catalogue):
    for unit_id in sample.units:
        page = built_site / "units" / unit_id / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        scripts = soup.find_all("script", type="application/ld+json")
        assert all(script.find_parent("head") for script in scripts), unit_id
        google, amb = embedded_blocks(page)
        assert google["@type"] == "Course" and google["@id"].endswith(f"/units/{unit_id}/")
        assert google["@id"] == amb["id"]
        assert course_info_problems(google) == [], unit_id
        assert schemaorg_problems(google) == [], unit_id
        assert schemaorg_problems(amb) == [] and amb_errors(amb) == [], unit_id
        expand_strictly(google)


def test_unit_page_links_its_documents_and_licence(built_site: Path, sample: Catalogue):
    for unit_id in sample.units:
        page = built_site / "units" / unit_id / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        alternates = {link["href"]: link["type"]
                      for link in soup.find_all("link", rel="alternate") if link.get("type")}
        assert alternates["achievement.json"] == "application/ld+json"
        assert alternates["unit.json"] == "application/json"
        for href in alternates:
            assert (page.parent / href).is_file(), (unit_id, href)
        badge = soup.select_one(".mv-decision__licence a[rel=license]")
        uri = licence_uri(sample.units[unit_id].license)
        if uri is None:  # all rights reserved: said in words, linked nowhere
            assert badge is None and "license" not in embedded_blocks(page)[0], unit_id
            assert soup.select_one(".mv-decision__licence").get_text(strip=True) == \
                "All rights reserved"
            continue
        assert badge is not None, unit_id
        assert badge["href"] == uri
        assert badge["href"] == embedded_blocks(page)[0]["license"]


HOSTILE = "Barista </script><script>alert(1)</script> <!-- & \u2028 done"


def test_no_content_breaks_out_of_the_script_element(content_tree, build_project):
    content_tree.minimal()
    unit = content_tree.content / "units" / "barista.yaml"
    unit.write_text(unit.read_text().replace("title: Barista basics",
                                             f"title: {json.dumps(HOSTILE)}"))
    result = build_project(content_tree.content)
    assert result.returncode == 0, result.stderr
    page = content_tree.root / "project" / "site" / "units" / "barista" / "index.html"
    html = page.read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    assert "<script>alert(1)" not in head
    google, amb = embedded_blocks(page)
    assert google["name"] == amb["name"] == HOSTILE
