"""Checks across files of one kind that a single model cannot make (a kind's `checks`)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from generator.content.errors import Problem
from generator.content.pathways import Span, pathway_totals
from generator.content.serialise import plain_number as plain
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


# --- pathways --------------------------------------------------------------------------------


def pathway_cycles(objects: Objects, sources: Sources) -> list[Problem]:
    """A pathway cannot contain itself, directly or through the pathways it contains."""
    pathways = objects["pathways"]
    edges = {pid: [inner for stage in p.stages for inner in stage.pathways if inner in pathways]
             for pid, p in pathways.items()}
    problems = []
    for start in sorted(edges):
        for stage_index, stage in enumerate(pathways[start].stages):
            for index, inner in enumerate(stage.pathways):
                if inner in pathways and reaches(edges, inner, start):
                    problems.append(sources[("pathways", start)].problem(
                        ("stages", stage_index, "pathways", index),
                        f"pathways go round in a circle: '{start}' contains '{inner}', which "
                        f"leads back to '{start}': a pathway cannot contain itself"))
    return problems


def pathway_repeats(objects: Objects, sources: Sources) -> list[Problem]:
    """Each unit or pathway is in one stage of a pathway only: its credits count once."""
    problems = []
    for pid, pathway in objects["pathways"].items():
        first: dict[tuple[str, str], int] = {}
        for stage_index, stage in enumerate(pathway.stages):
            for folder in ("units", "pathways"):
                for index, oid in enumerate(getattr(stage, folder)):
                    if (folder, oid) in first:
                        problems.append(sources[("pathways", pid)].problem(
                            ("stages", stage_index, folder, index),
                            f"'{oid}' is already in stage {first[(folder, oid)] + 1}: list "
                            "it in one stage only"))
                    first.setdefault((folder, oid), stage_index)
    return problems


def pathway_credits(objects: Objects, sources: Sources) -> list[Problem]:
    """Declared `hours` and `ects` of a pathway agree with what its units add up to."""
    problems = []
    for pid, pathway in objects["pathways"].items():
        totals = pathway_totals(objects, pathway)
        source = sources[("pathways", pid)]
        if pathway.hours is not None and pathway.hours not in totals.hours:
            problems.append(source.problem(("hours",), _mismatch(
                "hours", pathway.hours, totals.hours)))
        if pathway.ects is not None and totals.ects is None:
            missing = totals.without_ects[0]
            problems.append(source.problem(("ects",), (
                f"`ects`: unit '{missing}' gives no ECTS credits, so the total cannot be "
                f"checked: add `workload.ects` to content/units/{missing}.yaml, or leave "
                "`ects` out")))
        elif pathway.ects is not None and totals.ects and pathway.ects not in totals.ects:
            problems.append(source.problem(("ects",), _mismatch(
                "ects", pathway.ects, totals.ects)))
    return problems


def _mismatch(field: str, declared: Decimal, span: Span) -> str:
    """Says what the units add up to instead of the declared value."""
    what = "ECTS" if field == "ects" else "hours"
    if span.exact:
        added = f"{plain(span.low)} {what}"
    else:
        added = (f"{plain(span.low)} to {plain(span.high)} {what}, depending on the units "
                 "chosen")
    return (f"`{field}`: the units of the stages add up to {added}, not {plain(declared)}: "
            f"correct the value, or leave `{field}` out and it is computed")


def pathway_stackability(objects: Objects, sources: Sources) -> list[Problem]:
    """A unit in a pathway is not `standalone`, and a pathway counts no unit twice."""
    units, problems = objects["units"], []
    for pid, pathway in objects["pathways"].items():
        listed = {uid for stage in pathway.stages for uid in stage.units}
        for stage_index, stage in enumerate(pathway.stages):
            for index, uid in enumerate(stage.units):
                stack = units[uid].stackability if uid in units else None
                if stack and stack.kind == "standalone":
                    problems.append(sources[("units", uid)].problem(
                        ("stackability", "kind"),
                        f"`stackability`: this unit is in pathway '{pid}' "
                        f"({sources[('pathways', pid)].path}) but says `kind: standalone`: set "
                        "`kind: stackable` and say what it stacks into, or take it out of the "
                        "pathway"))
                wholes = [t.unit for t in stack.into if t.unit in listed] if stack else []
                problems += [sources[("pathways", pid)].problem(
                    ("stages", stage_index, "units", index),
                    f"'{uid}' stacks into '{whole}' (see its `stackability`), which this "
                    "pathway lists too: its hours would count twice; list only one of them")
                    for whole in wholes]
    return problems
