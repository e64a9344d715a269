"""Checks across files of one kind (generator/content/checks.py)."""

from __future__ import annotations

import pytest
from conftest import UNIT

from generator.content.catalogue import load_catalogue
from generator.content.checks import reaches
from generator.content.errors import ContentError

STACKING = "stackability:\n  kind: stackable\n  into:\n    - unit: {target}\n"


def test_reaches_follows_edges_and_stops_on_loops():
    edges = {"a": ["b"], "b": ["c", "a"], "c": []}
    assert reaches(edges, "a", "c")
    assert reaches(edges, "c", "c")
    assert not reaches(edges, "c", "a")


def test_a_stacking_circle_is_reported_at_each_unit_that_closes_it(content_tree):
    tree = content_tree.minimal()
    for name, target in (("alpha", "beta"), ("beta", "alpha")):
        tree.write("units", name, UNIT.format(id=name) + STACKING.format(target=target))
    with pytest.raises(ContentError) as raised:
        load_catalogue(tree.content)
    messages = [f"{p.path}: {p.message}" for p in raised.value.problems if "circle" in p.message]
    assert messages == [
        "content/units/alpha.yaml: stacking goes round in a circle: 'alpha' stacks into "
        "'beta', which leads back to 'alpha'",
        "content/units/beta.yaml: stacking goes round in a circle: 'beta' stacks into "
        "'alpha', which leads back to 'beta'",
    ]


def test_stacking_in_a_line_is_fine(content_tree):
    tree = content_tree.minimal()
    tree.write("units", "alpha", UNIT.format(id="alpha") + STACKING.format(target="barista"))
    catalogue = load_catalogue(tree.content)
    assert [u.id for u in catalogue.units_stacking_into("barista")] == ["alpha"]
