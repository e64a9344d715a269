"""Static bar charts drawn at build time: readable without JavaScript, and accessible.

The bars are one inline SVG (`role="img"`, with a title and a description that states every
value); the labels and values beside them are HTML, so their contrast is measured against the
page like any text (axe cannot determine the background of SVG text and asks for a manual
check). The page puts the same data in a table after the chart.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from generator import i18n
from generator.outputs.statistics import Table

ROW = 28
"""Height of a row in CSS pixels: the stylesheet gives labels and values the same height."""
BAR_HEIGHT = 22


def bar_chart(table: Table, language: str = i18n.DEFAULT_LANGUAGE) -> Markup:
    """A horizontal bar chart of a statistics table, worded in `language`."""
    top = max((count for _, _, count in table.rows), default=0) or 1
    height = len(table.rows) * ROW
    ident = f"chart-{table.key}"
    bars = []
    for row, (_, _, count) in enumerate(table.rows):
        y = row * ROW + (ROW - BAR_HEIGHT) // 2
        length = max(0.5, round(100 * count / top, 1))  # the longest bar fills the column
        bars.append(f'<rect x="0" y="{y}" width="{length:g}%" height="{BAR_HEIGHT}" '
                    'class="mv-chart__bar"/>')
    labels = "".join(f'<span title="{escape(label)}">{escape(label)}</span>'
                     for _, label, _ in table.rows)
    values = "".join(f"<span>{count}</span>" for _, _, count in table.rows)
    return Markup(
        '<div class="mv-chart">'
        f'<div class="mv-chart__labels" aria-hidden="true">{labels}</div>'
        f'<svg class="mv-chart__bars" role="img" width="100%" height="{height}" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{escape(i18n.translate(language, table.title))}</title>'
        f'<desc id="{ident}-desc">{escape(_summary(table, language))}</desc>'
        f'{"".join(bars)}</svg>'
        f'<div class="mv-chart__values" aria-hidden="true">{values}</div>'
        '</div>')


def _summary(table: Table, language: str) -> str:
    """The chart in one sentence, for screen readers."""
    values = "; ".join(f"{label}: {count}" for _, label, count in table.rows)
    out_of = i18n.translate_plural(language, "Out of %(total)s unit.", "Out of %(total)s units.",
                                   table.total) % {"total": table.total}
    return f"{i18n.translate(language, table.description)} {out_of} {values}."
