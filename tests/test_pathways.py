"""Pathways: the model, the totals and every cross-file check, with exact messages."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import UNIT, ContentTree

from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.errors import ContentError
from generator.content.pathways import Span, cumulative, pathway_totals, units_in

ROOT = Path(__file__).resolve().parent.parent

PATHWAY = """\
id: {id}
title: Café service
description: Three units, one after the other.
eqf_level: 3
awarding_body: centre
credential:
  title: Café service certificate
stages:
  - title: Foundations
    units: [alpha]
  - title: Specialisation
    choose: 1
    units: [beta, gamma]
"""


def unit(uid: str, hours: int, ects: str | None = "1", extra: str = "") -> str:
    """A valid unit with its own workload."""
    text = UNIT.format(id=uid).replace("  hours: 25\n  ects: 1\n", f"  hours: {hours}\n" + (
        f"  ects: {ects}\n" if ects else ""))
    return text + extra


@pytest.fixture
def tree(content_tree: ContentTree) -> ContentTree:
    content_tree.minimal()
    content_tree.write("units", "alpha", unit("alpha", 20, "1"))
    content_tree.write("units", "beta", unit("beta", 30, "1"))
    content_tree.write("units", "gamma", unit("gamma", 50, "2"))
    return content_tree


def problems(tree: ContentTree) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_catalogue(tree.content, root=tree.root)
    return [str(problem) for problem in raised.value.problems]


def loaded(tree: ContentTree) -> Catalogue:
    return load_catalogue(tree.content, root=tree.root)


# --- totals ------------------------------------------------------------------------------------


def test_totals_add_all_of_a_stage_and_the_chosen_number_of_a_group(tree: ContentTree):
    tree.write("pathways", "cafe", PATHWAY.format(id="cafe"))
    catalogue = loaded(tree)
    pathway = catalogue.objects["pathways"]["cafe"]
    totals = pathway_totals(catalogue.objects, pathway)
    assert totals.hours == Span(Decimal(50), Decimal(70))
    assert totals.ects == Span(Decimal(2), Decimal(3))
    assert [t.hours for t in cumulative(catalogue.objects, pathway)] == [
        Span(Decimal(20), Decimal(20)), Span(Decimal(50), Decimal(70))]
    assert units_in(catalogue.objects, pathway) == ["alpha", "beta", "gamma"]


def test_a_nested_pathway_counts_with_its_own_totals(tree: ContentTree):
    tree.write("pathways", "cafe", PATHWAY.format(id="cafe"))
    tree.write("pathways", "bigger", PATHWAY.format(id="bigger").replace(
        "    units: [alpha]\n", "    pathways: [cafe]\n").replace(
        "    choose: 1\n    units: [beta, gamma]\n", "    units: [barista]\n"))
    catalogue = loaded(tree)
    totals = pathway_totals(catalogue.objects, catalogue.objects["pathways"]["bigger"])
    assert totals.hours == Span(Decimal(75), Decimal(95))
    assert units_in(catalogue.objects, catalogue.objects["pathways"]["bigger"]) == [
        "alpha", "beta", "gamma", "barista"]


def test_a_unit_without_ects_leaves_the_ects_total_unknown(tree: ContentTree):
    tree.write("units", "beta", unit("beta", 30, None))
    tree.write("pathways", "cafe", PATHWAY.format(id="cafe"))
    catalogue = loaded(tree)
    totals = pathway_totals(catalogue.objects, catalogue.objects["pathways"]["cafe"])
    assert totals.ects is None and totals.without_ects == ("beta",)


def test_declared_totals_within_the_computed_span_are_accepted(tree: ContentTree):
    tree.write("pathways", "cafe", PATHWAY.format(id="cafe") + "hours: 60\nects: 2.5\n")
    assert "cafe" in loaded(tree).objects["pathways"]


# --- the checks, by exact message -------------------------------------------------------------


def test_unknown_unit(tree: ContentTree):
    tree.write("pathways", "cafe", PATHWAY.format(id="cafe").replace("[beta, gamma]",
                                                                     "[beta, gama]"))
    assert problems(tree) == [
        "content/pathways/cafe.yaml:13:19: no unit 'gama': there is no file "
        "content/units/gama.yaml; did you mean 'gamma'?"]


def test_unknown_awarding_body(tree: ContentTree):
    tree.write("pathways", "cafe", PATHWAY.format(id="cafe").replace(
        "awarding_body: centre", "awarding_body: center"))
    assert problems(tree) == [
        "content/pathways/cafe.yaml:5:16: no provider 'center': there is no file "
        "content/providers/center.yaml; did you mean 'centre'?"]


def test_a_pathway_containing_itself_is_a_cycle(tree: ContentTree):
    tree.write("pathways", "one", PATHWAY.format(id="one") + "  - title: More\n"
               "    pathways: [two]\n")
    tree.write("pathways", "two", PATHWAY.format(id="two").replace(
        "    units: [alpha]\n", "    pathways: [one]\n"))
    assert problems(tree) == [
        "content/pathways/one.yaml:15:16: pathways go round in a circle: 'one' contains 'two', "
        "which leads back to 'one': a pathway cannot contain itself",
        "content/pathways/two.yaml:10:16: pathways go round in a circle: 'two' contains 'one', "
        "which leads back to 'two': a pathway cannot contain itself"]


def test_units_stacking_in_a_circle_are_a_cycle(tree: ContentTree):
    stack = "stackability:\n  kind: stackable\n  into:\n    - unit: {}\n"
    tree.write("units", "alpha", unit("alpha", 20, "1", stack.format("beta")))
    tree.write("units", "beta", unit("beta", 30, "1", stack.format("alpha")))
    assert problems(tree) == [
        "content/units/alpha.yaml:24:13: stacking goes round in a circle: 'alpha' stacks into "
        "'beta', which leads back to 'alpha'",
        "content/units/beta.yaml:24:13: stacking goes round in a circle: 'beta' stacks into "
        "'alpha', which leads back to 'beta'"]


def test_hours_that_do_not_add_up(tree: ContentTree):
    tree.write("pathways", "cafe", PATHWAY.format(id="cafe") + "hours: 100\n")
    assert problems(tree) == [
        "content/pathways/cafe.yaml:14:8: `hours`: the units of the stages add up to 50 to 70 "
        "hours, depending on the units chosen, not 100: correct the value, or leave `hours` "
        "out and it is computed"]


def test_ects_that_do_not_add_up(tree: ContentTree):
    text = PATHWAY.format(id="cafe").replace("    choose: 1\n    units: [beta, gamma]\n",
                                             "    units: [beta, gamma]\n")
    tree.write("pathways", "cafe", text + "ects: 5\n")
    assert problems(tree) == [
        "content/pathways/cafe.yaml:13:7: `ects`: the units of the stages add up to 4 ECTS, "
        "not 5: correct the value, or leave `ects` out and it is computed"]


def test_ects_declared_where_a_unit_gives_none(tree: ContentTree):
    tree.write("units", "gamma", unit("gamma", 50, None))
    tree.write("pathways", "cafe", PATHWAY.format(id="cafe") + "ects: 3\n")
    assert problems(tree) == [
        "content/pathways/cafe.yaml:14:7: `ects`: unit 'gamma' gives no ECTS credits, so the "
        "total cannot be checked: add `workload.ects` to content/units/gamma.yaml, or leave "
        "`ects` out"]


def test_a_standalone_unit_in_a_pathway_contradicts_it(tree: ContentTree):
    tree.write("units", "beta", unit("beta", 30, "1", "stackability: {kind: standalone}\n"))
    tree.write("pathways", "cafe", PATHWAY.format(id="cafe"))
    assert problems(tree) == [
        "content/units/beta.yaml:21:22: `stackability`: this unit is in pathway 'cafe' "
        "(content/pathways/cafe.yaml) but says `kind: standalone`: set `kind: stackable` and "
        "say what it stacks into, or take it out of the pathway"]


def test_a_unit_and_the_unit_it_stacks_into_count_twice(tree: ContentTree):
    stack = "stackability:\n  kind: stackable\n  into:\n    - unit: gamma\n"
    tree.write("units", "alpha", unit("alpha", 20, "1", stack))
    tree.write("pathways", "cafe", PATHWAY.format(id="cafe"))
    assert problems(tree) == [
        "content/pathways/cafe.yaml:10:13: 'alpha' stacks into 'gamma' (see its "
        "`stackability`), which this pathway lists too: its hours would count twice; list "
        "only one of them"]


def test_a_unit_in_two_stages(tree: ContentTree):
    tree.write("pathways", "cafe", PATHWAY.format(id="cafe").replace("[beta, gamma]",
                                                                     "[beta, alpha]"))
    assert problems(tree) == [
        "content/pathways/cafe.yaml:13:19: 'alpha' is already in stage 1: list it in one "
        "stage only"]


def test_choose_as_many_as_there_are_is_all_of_them(tree: ContentTree):
    tree.write("pathways", "cafe", PATHWAY.format(id="cafe").replace("choose: 1", "choose: 2"))
    assert problems(tree) == [
        "content/pathways/cafe.yaml:11:5: `stages[1]`: `choose: 2` with 2 to choose from means "
        "all of them: leave `choose` out, or list more units"]


def test_an_empty_stage(tree: ContentTree):
    tree.write("pathways", "cafe", PATHWAY.format(id="cafe").replace(
        "    units: [alpha]\n", ""))
    assert problems(tree) == [
        "content/pathways/cafe.yaml:9:5: `stages[0]`: a stage lists at least one unit under "
        "`units` (or a pathway under `pathways`)"]


# --- the sample -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return load_catalogue(ROOT / "content", root=ROOT)


def test_the_sample_has_pathways_across_sectors_one_transnational(sample: Catalogue):
    pathways = sample.objects["pathways"]
    assert len(pathways) >= 4
    fields = {sample.units[uid].isced_f[:2] for p in pathways.values()
              for uid in units_in(sample.objects, p)}
    assert len(fields) >= 4
    countries = [{sample.provider_of(sample.units[uid]).country
                  for uid in units_in(sample.objects, p)} for p in pathways.values()]
    assert any(len(found) >= 2 for found in countries)


def test_the_guide_example_is_a_valid_pathway(tmp_path: Path):
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = next(block for block in guide.split("```yaml\n")[1:]
                   if block.startswith("id: care-assistant-older-adults")).split("```")[0]
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    (copy / "pathways" / "care-assistant-older-adults.yaml").write_text(example)
    catalogue = load_catalogue(copy, root=tmp_path)
    assert catalogue.objects["pathways"]["care-assistant-older-adults"].hours == 190
