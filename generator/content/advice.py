"""Warnings: content that is valid but probably not what the provider meant.

The catalogue stage produces them (`Catalogue.warnings`); `microvet check` prints them and
still succeeds, `microvet check --strict` fails on them. Each is located in a file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path

from generator.content.errors import CheckWarning
from generator.content.models import Outcome, Unit
from generator.content.sources import SourceFile
from generator.content.strict_yaml import Loc

HOURS_PER_ECTS = (Decimal(25), Decimal(30))
"""One ECTS credit is 25 to 30 hours of learning (ECTS Users' Guide 2015)."""

ECTS_MARGIN = Decimal("0.10")
ECTS_ROUNDING = Decimal("0.25")
"""No warning unless the ECTS lies more than 10% or a quarter credit (whichever is more) outside
hours/30 .. hours/25: credits are rounded to halves, and some systems count 24 or 32 hours
per credit."""

SITE_URL_VARIABLE = "MICROVET_SITE_URL"


def unit_warnings(units: Mapping[str, Unit], outcomes: Mapping[str, Outcome],
                  sources: Mapping[tuple[str, str], SourceFile],
                  today: dt.date) -> list[CheckWarning]:
    """Every warning about every unit, sorted."""
    found: list[CheckWarning] = []
    for unit_id, unit in units.items():
        source = sources[("units", unit_id)]

        def warn(loc: Loc, message: str, source: SourceFile = source) -> None:
            # libyaml's positions: a warning points at a key, where they are exact, and a
            # catalogue after a year has a warning (past sessions) for many of its units.
            line, column = source.position(loc, key=True, exact=False)
            found.append(CheckWarning(source.path, line, column, message))

        _sessions(unit, today, warn)
        _credits(unit, warn)
        if not any(outcomes[oid].esco_skills for oid in unit.outcomes if oid in outcomes):
            warn(("outcomes",), "none of the unit's outcomes names an ESCO skill: add "
                 "`esco_skills` to at least one outcome, so that people searching by skill "
                 "(here and in Europass) find the unit")
    return sorted(found)


def _sessions(unit: Unit, today: dt.date, warn: Callable[[Loc, str], None]) -> None:
    for index, session in enumerate(unit.sessions):
        deadline = session.application_deadline
        if deadline is not None and deadline > session.start:
            warn(("sessions", index, "application_deadline"),
                 f"the application deadline {deadline} is after the start {session.start}: "
                 "set it on or before the start, unless learners may really join later")
    if unit.sessions and all((s.end or s.start) < today for s in unit.sessions):
        last = max(s.end or s.start for s in unit.sessions)
        warn(("sessions",), f"every session is in the past (the last one ended on {last}): "
             "add the next dates, or delete the past sessions")


def expected_ects(hours: Decimal) -> tuple[Decimal, Decimal]:
    """The ECTS range that `hours` of learning stand for, margin included."""
    low, high = hours / HOURS_PER_ECTS[1], hours / HOURS_PER_ECTS[0]
    return (low - max(low * ECTS_MARGIN, ECTS_ROUNDING),
            high + max(high * ECTS_MARGIN, ECTS_ROUNDING))


def _credits(unit: Unit, warn: Callable[[Loc, str], None]) -> None:
    hours, ects = unit.workload.hours, unit.workload.ects
    if ects is None:
        return
    low, high = expected_ects(hours)
    if not low <= ects <= high:
        per_credit = (hours / ects).quantize(Decimal("0.1")).normalize()
        fewest, most = _number(hours / HOURS_PER_ECTS[1]), _number(hours / HOURS_PER_ECTS[0])
        fitting = fewest if fewest == most else f"{fewest}-{most}"  # "0.3", not "0.3-0.3"
        warn(("workload", "ects"),
             f"{_number(ects)} ECTS for {_number(hours)} hours is {per_credit:f} hours per "
             f"credit, but one ECTS credit is 25-30 hours ({_number(hours)} hours are about "
             f"{fitting} ECTS): check `hours` and `ects`")


def _number(value: Decimal) -> str:
    """12, 2.4, 1.5: at most one decimal, no trailing zero."""
    return f"{value.quantize(Decimal('0.1')).normalize():f}"


def site_url_warnings(config_file: Path, environ: Iterable[str],
                      display: str) -> list[CheckWarning]:
    """A build without MICROVET_SITE_URL publishes the default address in every URL."""
    if SITE_URL_VARIABLE in environ:
        return []
    line, column = 1, 1
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for number, text in enumerate(lines, start=1):
        if text.startswith("site_url:"):
            if SITE_URL_VARIABLE not in text:
                return []  # the address is written in mkdocs.yml itself
            line, column = number, len("site_url: ") + 1
            break
    return [CheckWarning(
        display, line, column,
        f"{SITE_URL_VARIABLE} is not set, so every address in the site and its metadata "
        "starts with the default site_url of mkdocs.yml: set it to the public address of "
        f"your site, e.g. {SITE_URL_VARIABLE}=https://example.org/catalogue/ microvet build")]
