"""Pathway metadata besides ELM: the schema.org programme, the OB 3.0 achievement, pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT

from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.pathways import units_in
from generator.kinds import SiteInfo
from generator.outputs import embedded_jsonld, render_outputs
from generator.outputs.openbadges import pathway_achievement
from generator.outputs.schemaorg_pathway import program
from generator.tools.standards.jsonld import expand_strictly
from generator.tools.standards.ob3 import achievement_errors
from generator.tools.standards.schemaorg import schemaorg_problems

SITE = SiteInfo(url="https://microvet-catalogue.github.io/microvet/")


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return load_catalogue(ROOT / "content")


def test_every_pathway_achievement_is_a_valid_ob3_achievement(sample: Catalogue):
    for pathway in sample.objects["pathways"].values():
        document = pathway_achievement(sample, pathway, SITE)
        assert achievement_errors(document) == [], pathway.id
        expand_strictly(document)


def test_the_units_are_related_achievements(sample: Catalogue):
    pathway = sample.objects["pathways"]["warehouse-and-online-retail"]
    document = pathway_achievement(sample, pathway, SITE)
    assert document["related"] == [
        {"id": SITE.absolute(f"units/{uid}/achievement.json"), "type": ["Related"]}
        for uid in ("warehouse-operations-wms", "python-data-analysis",
                    "online-shop-management", "green-last-mile-logistics")]
    assert document["creditsAvailable"] == 7.5
    assert document["creator"]["id"] == SITE.absolute(
        "providers/example-logistics-retail-academy-vienna/")
    assert document["criteria"]["narrative"].splitlines()[-3:] == [
        "- Warehouse: all of Warehouse operations with a warehouse management system",
        "- Data: all of Data analysis with Python",
        "- Online retail: all of Online shop management for small retailers, Green last-mile "
        "logistics"]


def test_a_nested_pathway_is_related_by_its_own_achievement(sample: Catalogue):
    pathway = sample.objects["pathways"]["hospitality-and-tourism-host"]
    related = pathway_achievement(sample, pathway, SITE)["related"]
    assert related[0]["id"] == SITE.absolute("pathways/cafe-service-certificate/achievement.json")


def test_the_programme_lists_every_unit_as_a_course(sample: Catalogue):
    for pathway in sample.objects["pathways"].values():
        block = program(sample, pathway, SITE)
        assert schemaorg_problems(block) == [], pathway.id
        assert block["@type"] == "EducationalOccupationalProgram"
        assert [course["@id"] for course in block["hasCourse"]] == [
            SITE.absolute(f"units/{uid}/") for uid in units_in(sample.objects, pathway)]


def test_the_programme_is_embedded_in_the_pathway_page(sample: Catalogue):
    from generator.kinds import PATHWAY
    pathway = sample.objects["pathways"]["care-assistant-older-adults"]
    assert embedded_jsonld(sample, PATHWAY, pathway, SITE) == [program(sample, pathway, SITE)]


def test_pathway_documents_are_published(sample: Catalogue):
    files = render_outputs(sample, SITE)
    for pid in sample.objects["pathways"]:
        assert json.loads(files[f"pathways/{pid}/achievement.json"])["type"] == ["Achievement"]
        assert f"pathways/{pid}/elm.jsonld" in files


def test_the_built_page_shows_the_diagram_offramps_and_links(built_site: Path):
    html = (built_site / "pathways" / "smart-factory-technician" / "index.html").read_text()
    assert 'role="img" aria-labelledby="mv-diagram-title mv-diagram-desc"' in html
    assert "<desc id=\"mv-diagram-desc\">Stage 1, Automation basics: choose 2 of" in html
    assert "If you stop after stage 1, you hold" in html
    assert "EducationalOccupationalProgram" in html
    assert 'href="../../units/plc-programming-basics/"' in html
    unit = (built_site / "units" / "plc-programming-basics" / "index.html").read_text()
    assert 'href="../../pathways/smart-factory-technician/"' in unit
    index = (built_site / "pathways" / "index.html").read_text()
    assert index.count('class="mv-card"') == 6
