"""Static bar charts (generator/site/charts.py): accessible, one bar per row, escaped, worded
in the page's language."""

from __future__ import annotations

from lxml import etree

from generator.outputs.statistics import Table
from generator.site.charts import ROW, bar_chart

NS = {"s": "http://www.w3.org/2000/svg"}
TABLE = Table("eqf-levels", "Units by EQF level", "Units by EQF level",
              (("3", "EQF level 3", 10), ("4", "EQF level 4 <b>&", 5)), 15)


def test_a_chart_has_a_title_a_description_and_one_bar_per_row():
    chart = etree.fromstring(str(bar_chart(TABLE)).encode())
    svg = chart.find("s:svg", NS)
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-eqf-levels-title chart-eqf-levels-desc"
    assert svg.find("s:title", NS).text == "Units by EQF level"
    assert svg.find("s:desc", NS).text == (
        "Units by EQF level Out of 15 units. EQF level 3: 10; EQF level 4 <b>&: 5.")
    widths = [rect.get("width") for rect in svg.findall("s:rect", NS)]
    assert widths == ["100%", "50%"]  # the longest bar full width, the others in proportion
    assert int(svg.get("height")) == 2 * ROW  # one row per label, as high as the label's line


def test_labels_and_values_are_html_text_beside_the_bars():
    chart = etree.fromstring(str(bar_chart(TABLE)).encode())
    labels, values = chart.findall("div")
    assert [span.text for span in labels] == ["EQF level 3", "EQF level 4 <b>&"]
    assert [span.text for span in values] == ["10", "5"]
    assert chart.find("s:svg", NS).findall("s:text", NS) == []  # no text inside the SVG
    # The SVG's description already reads every value out: the HTML is not read twice.
    assert labels.get("aria-hidden") == values.get("aria-hidden") == "true"


def test_labels_are_escaped():
    assert "EQF level 4 &lt;b&gt;&amp;" in str(bar_chart(TABLE))
    assert "<b>" not in str(bar_chart(TABLE))


def test_the_description_is_in_the_page_language():
    svg = etree.fromstring(str(bar_chart(TABLE, "de")).encode()).find("s:svg", NS)
    assert svg.find("s:title", NS).text == "Micro-Credentials nach EQR-Niveau"
    assert "15" in svg.find("s:desc", NS).text
    assert "Out of" not in svg.find("s:desc", NS).text
