"""Europass documents as one tree: JSON-LD and QDR XML alike, with every property read noted."""

from __future__ import annotations

from pathlib import Path

from conftest import REFERENCE

from generator.tools.europass_source import read_document

QDR = REFERENCE / "elm" / "xsd" / "loq.xml"


def test_issued_credentials_id_and_type_become_at_id_and_at_type(tmp_path: Path):
    path = tmp_path / "c.jsonld"
    path.write_text('{"id": "urn:c", "type": ["VerifiableCredential"], '
                    '"issuer": {"id": "urn:o", "type": "Organisation", "legalName": {"en": "O"}},'
                    ' "validFrom": "2024-01-01"}', encoding="utf-8")
    document = read_document(path)
    assert document.roots[0]["@type"] == ["VerifiableCredential"]
    assert document.index["urn:o"]["legalName"] == {"en": "O"}


def test_a_qdr_document_has_its_opportunities_as_roots_and_references_resolve():
    document = read_document(QDR)
    assert [root["@id"] for root in document.roots] == ["http://LOP-01", "http://LOP-02"]
    opportunity = document.node(document.roots[0], "learningOpportunity")
    assert opportunity is not None
    assert opportunity.text("title") == {"en": "Yopx", "nl": "roY6hw"}  # one map per element
    spec = opportunity.node("learningAchievementSpecification")
    assert spec is not None and spec.id == "http://Q-01" and spec.types() == ["Qualification"]
    assert spec.raw("thematicArea")[0]["@id"] == "http://data.europa.eu/snb/isced-f/1022"
    assert spec.raw("eqfLevel")["@id"] == "http://data.europa.eu/snb/eqf/2"  # QDR's EQFLevel


def test_a_node_names_the_properties_nothing_was_read_from():
    document = read_document(QDR)
    opportunity = document.node(document.roots[0], "learningOpportunity")
    assert opportunity is not None
    opportunity.text("title")
    opportunity.values("mode")
    unread = opportunity.unread()
    assert "LearningOpportunity.grant" in unread and "LearningOpportunity.bannerImage" in unread
    assert "LearningOpportunity.title" not in unread and "LearningOpportunity.mode" not in unread
    opportunity.consume()
    assert opportunity.unread() == []


def test_texts_keep_known_languages_only():
    document = read_document(QDR)
    node = document.node({"@id": "x", "title": [{"en": "A"}, {"xx": "B"}, {"@value": "C",
                                                                          "@language": "it"}]},
                         "test")
    assert node is not None and node.text("title") == {"en": "A", "it": "C"}
