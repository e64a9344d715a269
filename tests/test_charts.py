"""Static SVG charts (generator/site/charts.py): accessible, one bar per row, escaped."""

from __future__ import annotations

from lxml import etree

from generator.outputs.statistics import Table
from generator.site.charts import bar_chart

NS = {"s": "http://www.w3.org/2000/svg"}
TABLE = Table("eqf-levels", "Units by EQF level", "Levels.",
              (("3", "EQF level 3", 10), ("4", "EQF level 4 <b>&", 5)), 15)


def test_a_chart_has_a_title_a_description_and_one_bar_per_row():
    svg = etree.fromstring(str(bar_chart(TABLE)).encode())
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-eqf-levels-title chart-eqf-levels-desc"
    assert svg.find("s:title", NS).text == "Units by EQF level"
    assert svg.find("s:desc", NS).text == (
        "Levels. Out of 15 units. EQF level 3: 10; EQF level 4 <b>&: 5.")
    widths = [int(rect.get("width")) for rect in svg.findall("s:rect", NS)]
    assert widths == [220, 110]  # the longest bar is full width, the others in proportion


def test_labels_are_escaped_and_long_ones_shortened():
    long = Table("x", "T", "D", (("a", "A" * 40, 1),), 1)
    texts = [t.text for t in etree.fromstring(str(bar_chart(long)).encode()).findall("s:text", NS)]
    assert texts[0] == "A" * 27 + "…"
    assert "&lt;b&gt;&amp;" in str(bar_chart(TABLE))
