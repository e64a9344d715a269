"""What a pathway page shows beyond the YAML: the diagram's layout, off-ramps, next sessions.

The diagram is a static SVG drawn by `theme/partials/pathway-diagram.html` from the boxes
laid out here: stages top to bottom, each item of a stage a box of its own, and the final
credential last. Text is wrapped here, so the picture needs no script and no web font.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass, field, replace
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.history import fallback_date
from generator.content.models import Pathway, Session, Unit
from generator.content.pathways import (
    Totals,
    countries,
    cumulative,
    pathway_totals,
    stage_totals,
    units_in,
)
from generator.content.text import pick, pick_language
from generator.i18n import DEFAULT_LANGUAGE, N_, translate

WIDTH = 440
MARGIN = 16
INDENT = 24
LINE = 20
"""Height of one line of 15px text."""
WRAP = 40
"""Characters per line of a box title (15px text, 370px wide)."""
HEADING_WRAP = 46
"""Characters per line of a stage's heading (15px bold text, 408px wide)."""
HEADER = 34
"""Height of a stage's one-line heading and the space under it."""
GAP = 12
ARROW = 36


@dataclass(frozen=True)
class Box:
    """One item of a stage (unit or pathway) or the final credential, placed on the canvas."""

    x: int
    y: int
    width: int
    height: int
    lines: list[str]
    folder: str
    object_id: str
    obj: Any
    language: str = DEFAULT_LANGUAGE
    """The language of the title's lines (for the SVG's `lang`)."""


@dataclass
class StageLayout:
    """One stage: its header line, its boxes and the arrow to the next stage."""

    number: int
    stage: Any
    y: int
    heading: list[tuple[str, str]] = field(default_factory=list)
    """The heading's lines: (bold part, plain part), wrapped to the picture's width."""
    boxes: list[Box] = field(default_factory=list)
    arrow_y: int | None = None
    totals: Totals | None = None
    after: Totals | None = None


@dataclass(frozen=True)
class Diagram:
    """The whole picture: its size, the stages and the credential box."""

    width: int
    height: int
    stages: list[StageLayout]
    credential: Box


def _box(y: int, title: dict[str, str], language: str, folder: str, object_id: str,
         obj: Any) -> Box:
    lines = textwrap.wrap(pick(title, language), WRAP) or [""]
    height = LINE * (len(lines) + 1) + 14  # the title, a facts line, padding
    return Box(MARGIN + INDENT, y, WIDTH - 2 * MARGIN - INDENT, height, lines, folder,
               object_id, obj, pick_language(title, language))


def _heading(number: int, stage: Any, language: str) -> list[tuple[str, str]]:
    """"Stage 1 · Title — all of these" in `language`, on as many lines as it needs: the
    plain part goes below the bold one when both do not fit (Spanish, German)."""
    bold = translate(language, N_("Stage %(number)s · %(title)s")) % {
        "number": number, "title": pick(stage.title, language)}
    if stage.choose:
        plain = translate(language, N_("choose %(count)s of %(total)s")) % {
            "count": stage.choose, "total": len(stage.items)}
    else:
        plain = translate(language, N_("all of these"))
    lines = [(line, "") for line in textwrap.wrap(bold, HEADING_WRAP) or [""]]
    last = lines[-1][0]
    if len(last) + len(plain) + 3 <= HEADING_WRAP:
        lines[-1] = (last, f"— {plain}")
    else:
        lines.append(("", f"— {plain}"))
    return lines


def layout(catalogue: Catalogue, pathway: Pathway,
           language: str = DEFAULT_LANGUAGE) -> Diagram:
    """Stages top to bottom, each item a box; the credential at the bottom; in `language`."""
    objects = catalogue.objects
    after = cumulative(objects, pathway)
    stages, y = [], MARGIN
    for number, stage in enumerate(pathway.stages, start=1):
        heading = _heading(number, stage, language)
        layout_ = StageLayout(number, stage, y, heading, totals=stage_totals(objects, stage),
                              after=after[number - 1])
        y += HEADER + LINE * (len(heading) - 1)
        for folder, oid in stage.items:
            obj = objects[folder][oid]
            title = obj.credential.title if folder == "pathways" else obj.title
            box = _box(y, title, language, folder, oid, obj)
            layout_.boxes.append(box)
            y += box.height + GAP
        layout_.arrow_y = y
        y += ARROW
        stages.append(layout_)
    credential = replace(_box(y, pathway.credential.title, language, "pathways", pathway.id,
                              pathway), x=MARGIN, width=WIDTH - 2 * MARGIN)
    return Diagram(WIDTH, y + credential.height + MARGIN, stages, credential)


def build_date() -> dt.date:
    """The day sessions are judged past or upcoming: SOURCE_DATE_EPOCH, else today."""
    return fallback_date() or dt.datetime.now(dt.UTC).date()


def next_session(unit: Unit, today: dt.date | None = None) -> Session | None:
    """The unit's first session starting on or after the build date, if any."""
    today = today or build_date()
    upcoming = sorted((s for s in unit.sessions if s.start >= today), key=lambda s: s.start)
    return upcoming[0] if upcoming else None


@dataclass(frozen=True)
class PathwayView:
    """Everything the pathway page computes: diagram, totals, countries, next sessions."""

    diagram: Diagram
    totals: Totals
    countries: list[str]
    sessions: dict[str, Session | None]
    """The next session of each unit of the pathway (nested pathways included)."""


def pathway_view(catalogue: Catalogue, pathway: Pathway,
                 language: str = DEFAULT_LANGUAGE) -> PathwayView:
    """The computed parts of a pathway page in `language`."""
    objects = catalogue.objects
    unit_ids = units_in(objects, pathway)
    diagram = layout(catalogue, pathway, language)
    today = build_date()
    return PathwayView(
        diagram=diagram, totals=diagram.stages[-1].after or pathway_totals(objects, pathway),
        countries=countries(objects, unit_ids),
        sessions={uid: next_session(catalogue.units[uid], today) for uid in unit_ids})
