"""The pathway diagram's text is readable: WCAG AA contrast of every text against what lies
behind it, computed from the SVG (theme/partials/pathway-diagram.html).

Checkers cannot do this themselves: axe asks for a manual review of any text inside an SVG
(docs/accessibility.md), so this test is that review, on every pathway page of the sample, in
each language.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

SVG = "{http://www.w3.org/2000/svg}"
AA = 4.5
"""WCAG 1.4.3 for text under 18.66 px bold (the diagram's text is 13 to 15 px)."""


def luminance(colour: str) -> float:
    """Relative luminance of `#rgb` or `#rrggbb` (WCAG 2 definition)."""
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def backdrop(rects: list[html.HtmlElement], x: float, y: float) -> str:
    """The fill of the topmost rectangle under the point (x, y): later ones paint over."""
    fill = ""
    for rect in rects:
        left, top = float(rect.get("x", 0)), float(rect.get("y", 0))
        width, height = float(rect.get("width")), float(rect.get("height"))
        if left <= x <= left + width and top <= y - 4 <= top + height:
            fill = rect.get("fill")
    return fill


def test_the_contrast_helper_matches_known_ratios():
    assert contrast("#000", "#fff") == pytest.approx(21)
    assert contrast("#767676", "#fff") == pytest.approx(4.54, abs=0.01)


def test_every_text_of_every_diagram_meets_aa(built_site: Path):
    pages = sorted(built_site.glob("**/pathways/*/index.html"))
    assert pages
    checked = 0
    for page in pages:
        for svg in html.parse(str(page)).getroot().iter(f"{SVG}svg", "svg"):
            if "mv-diagram" not in (svg.getparent().get("class") or ""):
                continue
            rects = list(svg.iter(f"{SVG}rect", "rect"))
            assert rects[0].get("class") == "mv-diagram__panel"  # the white panel comes first
            for text in svg.iter(f"{SVG}text", "text"):
                x, y = float(text.get("x")), float(text.get("y"))
                behind = backdrop(rects, x, y)
                for part in (text, *text.iter(f"{SVG}tspan", "tspan")):
                    ratio = contrast(part.get("fill"), behind)
                    assert ratio >= AA, (page, part.text, part.get("fill"), behind, ratio)
                    checked += 1
    assert checked > 50
