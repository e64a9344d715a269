"""The Europass QDR export `api/loq.xml` is valid against `loq.xsd` (ELM 3.1.0), offline.

lxml (libxml2) validates the structure, the code lists the schema enumerates and its
`xs:key`/`xs:keyref` identity constraints, i.e. that every `idref` names a record.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, ContentTree
from lxml import etree
from test_elm import RICH_OUTCOME, RICH_PROVIDER, RICH_UNIT, STACKING_UNIT

from generator.content.catalogue import Catalogue, load_catalogue
from generator.kinds import SiteInfo
from generator.outputs import loq_xml
from generator.tools.standards.elm import loq_xml_errors

NS = {"loq": loq_xml.LOQ}
SITE = SiteInfo(url="https://microvet-catalogue.github.io/microvet/")


def schema_errors(document: bytes) -> list[str]:
    """Every schema violation as `line: message` (empty when valid)."""
    return loq_xml_errors(document)


def export(catalogue: Catalogue) -> bytes:
    """The `api/loq.xml` the build publishes for `catalogue`."""
    return loq_xml.render(catalogue, SITE)["api/loq.xml"]


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    """The sample content of the repository."""
    return load_catalogue(ROOT / "content")


@pytest.fixture(scope="module")
def sample_export(sample: Catalogue) -> bytes:
    """The sample content's QDR export."""
    return export(sample)


def test_sample_export_is_valid(sample_export: bytes):
    assert schema_errors(sample_export) == []


def test_every_unit_session_and_pathway_is_an_opportunity_with_its_specification(
        sample: Catalogue, sample_export: bytes):
    root = etree.fromstring(sample_export)
    opportunities = root.findall("loq:learningOpportunityReferences/loq:learningOpportunity", NS)
    # past sessions are left out: they can no longer be joined
    sessions = sum(len(sample.upcoming_sessions(unit)) for unit in sample.units.values())
    pathways = sample.objects["pathways"]
    recognition = sum(bool(u.prior_learning and u.prior_learning.offered)
                      for u in sample.units.values())
    assert len(opportunities) == len(sample.units) + sessions + recognition + len(pathways)
    specifications = root.findall(
        "loq:learningAchievementSpecificationReferences/loq:learningAchievementSpecification",
        NS)
    assert sorted(s.get("id") for s in specifications) == sorted(
        [SITE.absolute(f"units/{uid}/#learning-achievement-specification")
         for uid in sample.units] +
        [SITE.absolute(f"pathways/{pid}/#learning-achievement-specification")
         for pid in pathways])
    organisations = root.findall("loq:agentReferences/loq:organisation", NS)
    used = {pid for unit in sample.units.values() for pid in [unit.provider, *unit.bodies]}
    assert len(organisations) == len(used)


def test_a_pathway_has_its_units_as_parts(sample_export: bytes):
    root = etree.fromstring(sample_export)
    pathway = root.find("loq:learningOpportunityReferences/loq:learningOpportunity[@id="
                        f"'{SITE.absolute('pathways/smart-factory-technician/')}"
                        "#learning-opportunity']", NS)
    assert [part.get("idref") for part in pathway.findall("loq:hasPart", NS)] == [
        SITE.absolute(f"units/{uid}/#learning-opportunity") for uid in (
            "cnc-milling-setup", "plc-programming-basics", "industrial-robot-operation",
            "predictive-maintenance-sensors")]


def test_ids_are_unique_and_every_idref_resolves(sample_export: bytes):
    root = etree.fromstring(sample_export)
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    dangling = {element.get("idref") for element in root.iter()
                if element.get("idref") and element.get("idref") not in set(ids)}
    assert dangling == set()


def test_the_schema_rejects_a_dangling_idref(sample_export: bytes):
    broken = sample_export.replace(b'<providedBy idref="', b'<providedBy idref="urn:x:', 1)
    assert any("No match found for key-sequence" in e for e in schema_errors(broken))


def test_the_schema_rejects_a_code_outside_its_list(sample_export: bytes):
    broken = sample_export.replace(
        b"http://data.europa.eu/snb/isced-f/", b"http://data.europa.eu/snb/isced-f/9", 1)
    assert any("ISCEDFCode" in e and "uri" in e for e in schema_errors(broken))


def test_unit_using_every_optional_field_exports_validly(content_tree: ContentTree):
    content_tree.minimal()
    content_tree.write("providers", "academy", RICH_PROVIDER)
    content_tree.write("outcomes", "autonomy", RICH_OUTCOME)
    content_tree.write("units", "rich", RICH_UNIT)
    content_tree.write("units", "part", STACKING_UNIT)
    document = export(load_catalogue(content_tree.content))
    assert schema_errors(document) == []
    root = etree.fromstring(document)
    rich = root.find(f"loq:learningOpportunityReferences/loq:learningOpportunity"
                     f"[@id='{SITE.absolute('units/rich/')}#learning-opportunity']", NS)
    assert [e.get("idref") for e in rich.findall("loq:hasPart", NS)] == [
        SITE.absolute("units/part/#learning-opportunity")]
    # An entry requirement holds one note, in the unit's default language (Italian).
    entry = root.find(".//loq:entryRequirement/loq:noteLiteral", NS)
    assert (entry.get("language"), entry.text) == ("it", "Barista di base o esperienza.")


def test_export_is_deterministic(sample: Catalogue, sample_export: bytes):
    assert export(sample) == sample_export


def test_build_publishes_the_export(built_site: Path):
    published = (built_site / "api" / "loq.xml").read_bytes()
    assert published.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<Courses ")
    assert schema_errors(published) == []
