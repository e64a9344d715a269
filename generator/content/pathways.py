"""What a pathway adds up to: hours and ECTS from its units, stage by stage.

A stage whose learners choose `n` of its units adds up to a span: the `n` smallest at least,
the `n` largest at most. A pathway inside a pathway counts with its own totals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.content.models.pathway import Pathway, Stage


@dataclass(frozen=True, slots=True)
class Span:
    """An amount that is `low` at least and `high` at most (equal when nothing is chosen)."""

    low: Decimal
    high: Decimal

    @property
    def exact(self) -> bool:
        """True when every choice adds up to the same amount."""
        return self.low == self.high

    def __contains__(self, value: Decimal) -> bool:
        return self.low <= value <= self.high

    def __add__(self, other: Span) -> Span:
        return Span(self.low + other.low, self.high + other.high)


ZERO = Span(Decimal(0), Decimal(0))


@dataclass(frozen=True, slots=True)
class Totals:
    """Hours and ECTS of a stage or pathway; `ects` is None when a unit gives no ECTS."""

    hours: Span
    ects: Span | None
    without_ects: tuple[str, ...] = ()
    """Units (ids) that give no ECTS, which leave the ECTS total unknown."""


def _choose(spans: list[Span], count: int) -> Span:
    """The span of any `count` of `spans`."""
    lows = sorted(span.low for span in spans)
    highs = sorted((span.high for span in spans), reverse=True)
    return Span(sum(lows[:count], Decimal(0)), sum(highs[:count], Decimal(0)))


def _combine(parts: list[Totals], count: int) -> Totals:
    """`count` of `parts` (all of them when `count` is their number)."""
    missing = tuple(sorted({uid for part in parts for uid in part.without_ects}))
    ects = [part.ects for part in parts if part.ects is not None]
    return Totals(hours=_choose([part.hours for part in parts], count),
                  ects=None if missing else _choose(ects, count), without_ects=missing)


def item_totals(objects: Mapping[str, Mapping[str, Any]], folder: str, object_id: str,
                seen: frozenset[str] = frozenset()) -> Totals | None:
    """Totals of one unit or pathway; None when it is unknown or leads round in a circle."""
    found = objects.get(folder, {}).get(object_id)
    if found is None:
        return None
    if folder == "pathways":
        return None if object_id in seen else pathway_totals(objects, found, seen)
    hours, ects = found.workload.hours, found.workload.ects
    return Totals(Span(hours, hours), None if ects is None else Span(ects, ects),
                  () if ects is not None else (object_id,))


def stage_totals(objects: Mapping[str, Mapping[str, Any]], stage: Stage,
                 seen: frozenset[str] = frozenset()) -> Totals:
    """What one stage adds: all its items, or the chosen number of them."""
    parts = [t for folder, oid in stage.items
             if (t := item_totals(objects, folder, oid, seen)) is not None]
    return _combine(parts, min(stage.required, len(parts)))


def pathway_totals(objects: Mapping[str, Mapping[str, Any]], pathway: Pathway,
                   seen: frozenset[str] = frozenset()) -> Totals:
    """What the whole pathway adds up to, stage after stage."""
    return cumulative(objects, pathway, seen)[-1]


def cumulative(objects: Mapping[str, Mapping[str, Any]], pathway: Pathway,
               seen: frozenset[str] = frozenset()) -> list[Totals]:
    """The totals after each stage: what a learner who stops there has done."""
    inside = seen | {pathway.id}
    running = Totals(ZERO, ZERO)
    after = []
    for stage in pathway.stages:
        step = stage_totals(objects, stage, inside)
        missing = tuple(sorted({*running.without_ects, *step.without_ects}))
        ects = (running.ects + step.ects
                if not missing and running.ects is not None and step.ects is not None else None)
        running = Totals(running.hours + step.hours, ects, missing)
        after.append(running)
    return after


def units_in(objects: Mapping[str, Mapping[str, Any]], pathway: Pathway,
             seen: frozenset[str] = frozenset()) -> list[str]:
    """Every unit id of the pathway, nested pathways included, each once, in stage order."""
    found: dict[str, None] = {}
    inside = seen | {pathway.id}
    for stage in pathway.stages:
        for folder, oid in stage.items:
            if folder == "units":
                found[oid] = None
            elif oid not in inside and (inner := objects["pathways"].get(oid)) is not None:
                found.update(dict.fromkeys(units_in(objects, inner, inside)))
    return list(found)


def countries(objects: Mapping[str, Mapping[str, Any]], unit_ids: Iterable[str]) -> list[str]:
    """The countries of the providers of these units, sorted."""
    return sorted({objects["providers"][objects["units"][uid].provider].country
                   for uid in unit_ids})
