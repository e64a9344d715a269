"""Recognition of prior learning: the unit field, its page section, facet and ELM node."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from conftest import ROOT, UNIT, ContentTree

from generator.content.catalogue import load_catalogue
from generator.content.errors import ContentError
from generator.content.models.prior_learning import EVIDENCE, Evidence
from generator.kinds import SiteInfo
from generator.outputs import search
from generator.outputs.elm import unit_to_elm
from generator.tools.standards.elm import shacl_violations

OFFERED = """\
prior_learning:
  offered: true
  fee: {amount: 90, currency: EUR}
  evidence: [portfolio, interview]
  how_to_apply: Send your portfolio.
  assessor: Two assessors of the school
  grants: full
"""

SITE = SiteInfo(url="https://microvet-catalogue.github.io/microvet/")


def problems(tree: ContentTree) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_catalogue(tree.content, root=tree.root)
    return [str(problem) for problem in raised.value.problems]


def test_every_kind_of_evidence_has_a_label():
    assert set(typing.get_args(Evidence)) == set(EVIDENCE)


def test_an_offered_route_says_how_it_works(content_tree: ContentTree):
    content_tree.minimal()
    content_tree.write("units", "barista", UNIT.format(id="barista") +
                       "prior_learning: {offered: true, fee: free}\n")
    assert problems(content_tree) == [
        "content/units/barista.yaml:21:17: `prior_learning`: an offered assessment-only route "
        "says `how_to_apply`, `assessor`, `grants`, `evidence` too"]


def test_an_exemption_says_which_parts(content_tree: ContentTree):
    content_tree.minimal()
    content_tree.write("units", "barista", UNIT.format(id="barista") +
                       OFFERED.replace("grants: full", "grants: exemption"))
    assert problems(content_tree) == [
        "content/units/barista.yaml:22:3: `prior_learning`: `exemption` says which parts are "
        "spared: give it with `grants: exemption`, and only then"]


def test_unknown_evidence_lists_the_allowed_kinds(content_tree: ContentTree):
    content_tree.minimal()
    content_tree.write("units", "barista", UNIT.format(id="barista") +
                       OFFERED.replace("[portfolio, interview]", "[portfolio, diploma]"))
    assert problems(content_tree) == [
        "content/units/barista.yaml:24:25: `prior_learning.evidence[1]`: 'diploma' is not "
        "allowed; allowed: 'portfolio', 'work-samples', 'certificates', 'employer-statement', "
        "'interview', 'practical-demonstration' or 'self-assessment'"]


def test_not_offered_may_be_said_in_one_word(content_tree: ContentTree):
    content_tree.minimal()
    content_tree.write("units", "barista", UNIT.format(id="barista") + "prior_learning: false\n")
    unit = load_catalogue(content_tree.content, root=content_tree.root).units["barista"]
    assert unit.prior_learning is not None and not unit.prior_learning.offered


def test_the_assessment_only_route_is_a_second_opportunity(content_tree: ContentTree):
    content_tree.minimal()
    content_tree.write("units", "barista", UNIT.format(id="barista") + OFFERED)
    catalogue = load_catalogue(content_tree.content, root=content_tree.root)
    document = unit_to_elm(catalogue, catalogue.units["barista"], SITE)
    route = document["@graph"][-1]
    page = SITE.absolute("units/barista/")
    assert route["@id"] == page + "#recognition-of-prior-learning"
    assert route["learningAchievementSpecification"] == {
        "@id": page + "#learning-achievement-specification"}
    assert route["admissionProcedure"] == {"@type": "Note",
                                           "noteLiteral": {"en": "Send your portfolio."}}
    assert route["priceDetail"]["amount"]["rdf:value"]["@value"] == "90"
    assert route["additionalNote"][0]["noteLiteral"]["en"] == (
        "Recognition of prior learning: an assessment without the course, leading to the full "
        "micro-credential. Evidence accepted: portfolio of your work, interview.")
    assert shacl_violations(document) == []


def test_the_sample_offers_it_in_at_least_five_units_and_facets_it():
    catalogue = load_catalogue(ROOT / "content")
    offered = [u for u in catalogue.units.values() if u.prior_learning and u.prior_learning.offered]
    assert len(offered) >= 5
    assert {u.prior_learning.grants for u in offered} == {"full", "exemption"}
    facets = {f["key"]: f for f in search.search_index(catalogue)["facets"]}
    assert facets["prior"]["values"] == [["exemption", "Exemption from parts by assessment"],
                                         ["full", "Full credential by assessment"]]


def test_the_unit_page_shows_the_route(built_site: Path):
    html = (built_site / "units" / "heat-pump-installation" / "index.html").read_text()
    assert 'id="prior-learning"' in html
    assert "Experienced people can earn this micro-credential by assessment alone" in html
    assert 'href="https://example.org/energy-freiburg/anerkennung"' in html
