"""Recognition statements: the kind, its checks, the unit page, facet and metadata."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, ContentTree

from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.errors import ContentError
from generator.kinds import SiteInfo
from generator.outputs import search
from generator.outputs.elm import unit_to_elm
from generator.outputs.openbadges import achievement
from generator.outputs.schemaorg import course
from generator.tools.standards.elm import shacl_violations
from generator.tools.standards.jsonld import expand_strictly
from generator.tools.standards.ob3 import achievement_errors
from generator.tools.standards.schemaorg import schemaorg_problems

RECOGNITION = """\
id: chamber
partner:
  name: Example Chamber of Crafts
  type: chamber
  country: DE
  city: Freiburg im Breisgau
  homepage: https://example.org/chamber
declared: 2026-01-20
statements:
  - unit: barista
    recognised_for: credits
    details: Counts towards the master craftsperson course.
    ects: 1
"""

SITE = SiteInfo(url="https://microvet-catalogue.github.io/microvet/")


def problems(tree: ContentTree) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_catalogue(tree.content, root=tree.root)
    return [str(problem) for problem in raised.value.problems]


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return load_catalogue(ROOT / "content")


def test_an_unknown_unit(content_tree: ContentTree):
    content_tree.minimal()
    content_tree.write("recognitions", "chamber", RECOGNITION.replace("unit: barista",
                                                                      "unit: barsita"))
    assert problems(content_tree) == [
        "content/recognitions/chamber.yaml:10:11: no unit 'barsita': there is no file "
        "content/units/barsita.yaml; did you mean 'barista'?"]


def test_credits_need_ects_and_only_credits_have_them(content_tree: ContentTree):
    content_tree.minimal()
    content_tree.write("recognitions", "chamber", RECOGNITION.replace(
        "recognised_for: credits", "recognised_for: exemption"))
    assert problems(content_tree) == [
        "content/recognitions/chamber.yaml:10:5: `statements[0]`: `ects` gives the credits "
        "counted: give it with `recognised_for: credits`, and only then"]


def test_an_occupation_names_a_role_only(content_tree: ContentTree):
    content_tree.minimal()
    content_tree.write("recognitions", "chamber", RECOGNITION + (
        "    occupation: http://data.europa.eu/esco/occupation/"
        "eeac6251-1974-42f5-91ed-513c6c883755\n"))
    assert problems(content_tree) == [
        "content/recognitions/chamber.yaml:10:5: `statements[0]`: `occupation` names the role: "
        "give it only with `recognised_for: role`"]


def test_the_unit_achievement_carries_unsigned_endorsements(sample: Catalogue):
    badge = achievement(sample, sample.units["integrated-renewable-systems-planning"], SITE)
    assert achievement_errors(badge) == []
    expand_strictly(badge)
    [endorsement] = badge["endorsement"]
    page = SITE.absolute("recognitions/example-university-of-applied-sciences-freiburg/")
    assert endorsement["type"] == ["VerifiableCredential", "EndorsementCredential"]
    assert endorsement["id"] == page + "#statement-1"
    assert endorsement["issuer"]["id"] == page + "#partner"
    assert endorsement["credentialSubject"] == {
        "id": badge["id"], "type": ["EndorsementSubject"],
        "endorsementComment": 'Credited towards the module "Building energy systems" of the '
                              "Bachelor in Energy Engineering."}
    assert endorsement["validFrom"] == "2025-11-03T00:00:00+00:00"
    assert "proof" not in endorsement


def test_schemaorg_says_who_recognises_the_credential(sample: Catalogue):
    block = course(sample, sample.units["forklift-safety-basics"], SITE)
    assert schemaorg_problems(block) == []
    assert [org["name"] for org in block["educationalCredentialAwarded"]["recognizedBy"]] == [
        "Example Vienna logistics employers' association (fictional)"]


def test_elm_carries_each_statement_as_a_note(sample: Catalogue):
    document = unit_to_elm(sample, sample.units["digital-safety-essentials"], SITE)
    notes = document["@graph"][0]["learningAchievementSpecification"]["additionalNote"]
    assert {"@type": "Note", "noteLiteral": {
        "en": "Recognised by Example Valencia care home network (fictional) (ES) for an "
              "exemption: Exempts new staff from the in-house course on data protection and "
              "digital safety.",
        "es": "Recognised by Example Valencia care home network (fictional) (ES) for an "
              "exemption: Exime de la formación interna en protección de datos y seguridad "
              "digital."}} in notes
    assert shacl_violations(document) == []


def entitlement(status: Any) -> dict[str, Any]:
    return {"@id": "https://example.org/e", "@type": "LearningEntitlementSpecification",
            "title": {"en": "Care assistant posts"}, "elm:status": status,
            "dcType": {"@id": "http://data.europa.eu/snb/entitlement/52f62180c2",
                       "@type": "Concept", "prefLabel": {"en": "occupation"},
                       "inScheme": {"@id": "http://data.europa.eu/snb/entitlement/25831c2",
                                    "@type": "ConceptScheme"}}}


@pytest.mark.parametrize("status", [
    "actual", {"@id": "http://data.europa.eu/snb/entitlement-status/b7015a8a8c"}])
def test_why_not_entitlements_the_loq_shapes_accept_no_status(sample: Catalogue, status: Any):
    document = unit_to_elm(sample, sample.units["barista-basics"], SITE)
    document["@graph"][0]["learningAchievementSpecification"]["entitlesTo"] = [
        entitlement(status)]
    assert any("https://example.org/e / http://data.europa.eu/snb/model/elm/status" in v
               for v in shacl_violations(document))


def test_the_facet_and_the_pages(sample: Catalogue, built_site: Path):
    facets = {f["key"]: f for f in search.search_index(sample)["facets"]}
    assert [label for _, label in facets["recognised"]["values"]] == [
        "Example University of Applied Sciences Freiburg (fictional)",
        "Example Valencia care home network (fictional)",
        "Example Vienna logistics employers' association (fictional)"]
    unit = (built_site / "units" / "forklift-safety-basics" / "index.html").read_text()
    assert "<dt>Recognised by</dt>" in unit
    assert 'href="../../recognitions/example-logistics-employers-vienna/"' in unit
    page = (built_site / "recognitions" / "example-care-homes-valencia" / "index.html")
    assert "Micro-credentials recognised" in page.read_text()
