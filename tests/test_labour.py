"""Skills, occupations and gaps on the Catalogue (generator/content/labour.py)."""

from __future__ import annotations

from conftest import ContentTree
from labour_content import BARISTA, FORKLIFT, FORKLIFT_OPERATOR, HYGIENE, PYTHON, labour_tree

from generator.content.labour import slug


def test_every_skill_of_an_outcome_or_demand_is_indexed_with_who_teaches_and_asks(
        content_tree: ContentTree):
    labour = labour_tree(content_tree).labour
    assert list(labour.skills) == [slug(HYGIENE), slug(FORKLIFT), slug(PYTHON)]  # by label
    hygiene = labour.skill_by_uri[HYGIENE]
    assert (hygiene.label, hygiene.outcomes, hygiene.units, hygiene.demands) == (
        "apply hygiene standards", ("espresso",), ("barista",), ("need",))
    assert hygiene.url == "skills/d9449998-c1f5-478c-a103-2255398cf0b6/"
    assert hygiene.collections == ("transversal",) and hygiene.group == "transversal"
    forklift = labour.skill_by_uri[FORKLIFT]
    assert (forklift.label, forklift.units, forklift.demands, forklift.group) == (
        "operate forklift", (), ("need", "other"), "other")


def test_every_occupation_of_a_unit_or_demand_is_indexed_with_its_isco_group(
        content_tree: ContentTree):
    labour = labour_tree(content_tree).labour
    assert [(o.label, o.isco_group, o.isco_major, o.units, o.demands)
            for o in labour.occupations.values()] == [
        ("barista", "5132", "5", ("barista",), ()),
        ("forklift operator", "8344", "8", (), ("need", "other"))]
    assert labour.occupation_by_uri[BARISTA].url == f"occupations/{slug(BARISTA)}/"
    assert FORKLIFT_OPERATOR in labour.occupation_by_uri


def test_gaps_put_uncovered_skills_first_ranked_by_demands_then_priority(
        content_tree: ContentTree):
    catalogue = labour_tree(content_tree)
    assert [(row.skill.label, row.covered, row.demands, row.priority, row.eqf_levels, row.units)
            for row in catalogue.skill_gaps()] == [
        ("operate forklift", False, ("need", "other"), "high", (), ()),
        ("Python (computer programming)", False, ("other",), "low", (), ()),
        ("apply hygiene standards", True, ("need",), "high", ("3",), ("barista",))]


def test_gaps_filter_by_demand_country_and_sector(content_tree: ContentTree):
    catalogue = labour_tree(content_tree)
    labels = lambda rows: [row.skill.label for row in rows]  # noqa: E731
    assert labels(catalogue.skill_gaps(demand="need")) == [
        "operate forklift", "apply hygiene standards"]
    assert labels(catalogue.skill_gaps(country="DE")) == [
        "operate forklift", "Python (computer programming)"]
    assert labels(catalogue.skill_gaps(sector="H")) == labels(catalogue.skill_gaps(demand="need"))
    assert labels(catalogue.skill_gaps(sector="1041")) == labels(catalogue.skill_gaps(country="DE"))
    assert catalogue.skill_gaps(country="FR") == []
    assert catalogue.labour.skill_by_uri[FORKLIFT].demands == ("need", "other")
