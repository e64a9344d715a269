"""Pathway ELM documents: LOQ-conformant, with their units as parts."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import ROOT

from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.pathways import units_in
from generator.kinds import SiteInfo
from generator.outputs import render_outputs
from generator.tools.standards.elm import achievement_minimums, shacl_violations

SAMPLE_PATHWAYS = sorted(path.stem for path in (ROOT / "content" / "pathways").glob("*.yaml"))

SITE = SiteInfo(url="https://microvet-catalogue.github.io/microvet/")


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return load_catalogue(ROOT / "content")


@pytest.fixture(scope="module")
def documents(sample: Catalogue) -> dict[str, dict[str, Any]]:
    files = render_outputs(sample, SITE)
    return {pid: json.loads(files[f"pathways/{pid}/elm.jsonld"])
            for pid in sample.objects["pathways"]}


@pytest.mark.parametrize("pathway_id", SAMPLE_PATHWAYS)
def test_every_sample_pathway_conforms_to_loq(documents, pathway_id: str):
    assert shacl_violations(documents[pathway_id]) == []
    assert achievement_minimums(documents[pathway_id]) == []


def test_the_achievement_has_the_units_as_parts(sample: Catalogue, documents):
    opportunity = documents["care-assistant-older-adults"]["@graph"][0]
    specification = opportunity["learningAchievementSpecification"]
    base = SITE.absolute("units/")
    assert [part["@id"] for part in specification["hasPart"]] == [
        f"{base}{uid}/#learning-achievement-specification" for uid in (
            "person-centred-care-older-adults", "dementia-care-communication",
            "digital-care-records-and-telecare", "care-team-coordination")]
    assert [part["@id"] for part in opportunity["hasPart"]] == [
        f"{base}{uid}/#learning-opportunity" for uid in (
            "person-centred-care-older-adults", "dementia-care-communication",
            "digital-care-records-and-telecare", "care-team-coordination")]
    assert specification["@id"] == SITE.absolute(
        "pathways/care-assistant-older-adults/#learning-achievement-specification")
    assert specification["educationLevel"]["@id"].endswith("/4")
    assert [note["noteLiteral"]["en"] for note in specification["additionalNote"]] == [
        "Stage 1: all of: Person-centred care for older adults",
        "Stage 2: 1 of: Communication and care for people living with dementia; Digital care "
        "records and telecare",
        "Stage 3: all of: Coordinación de equipos de atención"]


def test_a_nested_pathway_is_a_part_with_its_own_achievement(documents):
    specification = documents["hospitality-and-tourism-host"]["@graph"][0][
        "learningAchievementSpecification"]
    assert specification["hasPart"][0] == {
        "@id": SITE.absolute("pathways/cafe-service-certificate/"
                             "#learning-achievement-specification"),
        "@type": "LearningAchievementSpecification",
        "title": {"en": "Café service certificate (example)",
                  "it": "Certificato di servizio in caffetteria (esempio)"}}


def test_outcomes_of_every_unit_reach_the_pathway(sample: Catalogue, documents):
    pathway = sample.objects["pathways"]["smart-factory-technician"]
    specification = documents["smart-factory-technician"]["@graph"][0][
        "learningAchievementSpecification"]
    expected = {oid for uid in units_in(sample.objects, pathway)
                for oid in sample.units[uid].outcomes}
    assert {node["@id"].split("/")[-2] for node in specification["learningOutcome"]} == expected
