"""Checks across files of one kind that a single model cannot make (a kind's `checks`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.content.errors import Problem
from generator.content.sources import SourceFile

Objects = Mapping[str, Mapping[str, Any]]
"""Valid objects by folder, then id: `{"units": {"barista-basics": Unit(...)}}`."""
Sources = Mapping[tuple[str, str], SourceFile]
"""The source file of each valid object, by (folder, id)."""


def stacking_cycles(objects: Objects, sources: Sources) -> list[Problem]:
    """A unit cannot stack into itself, directly or through other units."""
    units = objects["units"]
    edges = {uid: [t.unit for t in u.stackability.into if t.unit in units]
             for uid, u in units.items() if u.stackability}
    problems = []
    for start in sorted(edges):
        for index, target in enumerate(units[start].stackability.into):
            if target.unit in units and reaches(edges, target.unit, start):
                problems.append(sources[("units", start)].problem(
                    ("stackability", "into", index, "unit"),
                    f"stacking goes round in a circle: '{start}' stacks into '{target.unit}', "
                    f"which leads back to '{start}'"))
    return problems


def reaches(edges: Mapping[str, list[str]], origin: str, goal: str) -> bool:
    """True when `goal` is `origin` or can be reached from it."""
    seen, todo = set(), [origin]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(edges.get(node, []))
    return False
