"""Static SVG bar charts drawn at build time: readable without JavaScript, and accessible
(a title and a description inside the SVG; the page puts the same data in a table beside it).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.outputs.statistics import Table

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 210
BAR_WIDTH = 220
NUMBER_WIDTH = 40


def bar_chart(table: Table) -> Markup:
    """A horizontal bar chart of a statistics table, as inline SVG markup."""
    top = max((count for _, _, count in table.rows), default=0) or 1
    height = len(table.rows) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + NUMBER_WIDTH
    ident = f"chart-{table.key}"
    parts = [
        f'<svg class="mv-chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-title">{escape(table.title)}</title>',
        f'<desc id="{ident}-desc">{escape(_summary(table))}</desc>',
    ]
    for row, (_, label, count) in enumerate(table.rows):
        y = GAP + row * (BAR_HEIGHT + GAP)
        length = max(1, round(BAR_WIDTH * count / top))
        middle = y + BAR_HEIGHT / 2
        parts += [
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" '
            f'dominant-baseline="middle">{escape(_short(label))}</text>',
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" '
            'class="mv-chart__bar"/>',
            f'<text x="{LABEL_WIDTH + length + 6}" y="{middle}" '
            f'dominant-baseline="middle">{count}</text>',
        ]
    parts.append("</svg>")
    return Markup("".join(parts))


def _summary(table: Table) -> str:
    """The chart in one sentence, for screen readers."""
    values = "; ".join(f"{label}: {count}" for _, label, count in table.rows)
    return f"{table.description} Out of {table.total} units. {values}."


def _short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
