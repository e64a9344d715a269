"""What the page metadata promises, checked in Chromium on the built sample site.

The `WebSite` block's `SearchAction` must open the catalogue searching for the term; the
two-scheme palette must leave no focusable control hidden from assistive technology (axe
`aria-hidden-focus`, which the old one-item palette failed on every page), in either scheme.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
RESULTS = "#mv-results .mv-card__title a"


def test_the_search_action_opens_the_catalogue_searching(built_site: Path, site_url: str,
                                                         open_page: Callable[..., Any]):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    start = html.index('<script type="application/ld+json" id="jsonld-website">')
    block = json.loads(html[html.index(">", start) + 1:html.index("</script>", start)])
    template = block["potentialAction"]["target"]["urlTemplate"]
    assert template.endswith("catalogue/?query={search_term}")
    local = site_url + template.split("/microvet/", 1)[1].replace("{search_term}", "barista")
    page = open_page(local, ready=True)
    assert page.input_value("#mv-q") == "barista"
    titles = [link.inner_text() for link in page.query_selector_all(RESULTS)]
    every_unit = len(list((built_site / "units").glob("*/index.html")))
    assert 0 < len(titles) < every_unit
    assert titles[0].startswith("Barista"), titles


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_focusable_control_is_hidden_in_either_scheme(scheme: str, site_url: str,
                                                        browser: Any, axe_script: Path):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(site_url, wait_until="load")
        body_scheme = page.get_attribute("body", "data-md-color-scheme")
        assert body_scheme == {"light": "default", "dark": "slate"}[scheme]
        page.add_script_tag(path=str(axe_script))
        found = page.evaluate("""async () => {
          const result = await axe.run(document, {runOnly: ["aria-hidden-focus"]});
          return result.violations.map((v) => v.nodes.map((n) => n.target.join(" ")));
        }""")
        hidden = page.locator("[data-md-component=palette] input[aria-hidden='true']").count()
        toggles = page.locator("input[name='__palette']")
        labels = [toggles.nth(i).get_attribute("aria-label") for i in range(toggles.count())]
    finally:
        context.close()
    assert found == []
    assert hidden == 0  # the old one-item palette rendered one such radio button per page
    assert labels == ["Switch to dark mode", "Switch to light mode"]
