"""Pieces of a Europass import: ids from titles, our own ids back, official concepts."""

from __future__ import annotations

from conftest import REFERENCE

from generator.tools.europass_parts import Parts, concept_codes, slug
from generator.tools.europass_source import read_document

QDR = REFERENCE / "elm" / "xsd" / "loq.xml"


def parts() -> Parts:
    return Parts(read_document(QDR), None)


def test_ids_come_from_titles_and_stay_unique():
    assert slug("Café & Bar: Basics (level 2)") == "cafe-bar-basics-level-2"
    made = parts()
    first = made.new_id("unit", {"en": "Barista basics"})
    made.add("unit", first, {}, [])
    assert (first, made.new_id("unit", {"en": "Barista basics"})) == ("barista-basics",
                                                                      "barista-basics-2")
    assert made.new_id("unit", {"en": "S"}) == "unit-s"
    assert made.new_id("outcome", None) == "outcome"


def test_our_own_ids_are_read_back_from_the_catalogues_urls():
    made = parts()
    url = "https://example.org/catalogue/units/barista-basics/#learning-opportunity"
    assert made.own_id(url, "units") == "barista-basics"
    assert made.own_id(url, "providers") is None
    assert made.own_id("urn:epass:qualification:1", "units") is None


def test_official_concepts_become_codes_and_unknown_ones_are_noted():
    made = parts()
    node = made.document.node({"@id": "n", "@type": "Thing", "mode": [
        {"@id": "http://data.europa.eu/snb/learning-assessment/920fbb3cbe"},
        {"@id": "http://example.org/other-mode"}]}, "test")
    assert node is not None
    assert concept_codes(node, "mode", "modes", made) == ["online"]
    assert made.skipped[id(node)] == [
        "Thing.mode: <http://example.org/other-mode> is not in the list of Modes of learning "
        "and assessment"]
