"""Accessibility, small screens and print, in Chromium on the built sample site.

axe-core (vendored) runs inside each kind of page, on a phone and a desktop, in the light and
the dark scheme, and finds no violation of any impact. The print test makes a PDF of a unit
page with the print stylesheet.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def first_page_of(site: Path, kind: str) -> str:
    """The URL path of the first page of a kind (units, pathways, ...), in id order."""
    pages = sorted((site / kind).glob("*/index.html"))
    assert pages, f"the sample site has no {kind}"
    return f"{kind}/{pages[0].parent.name}/"


def filters_url(site: Path) -> str:
    """The catalogue with two filters on, whatever the sample content holds."""
    document = json.loads((site / "catalogue" / "search-index.json").read_bytes())
    facets = {f["key"]: f["values"] for f in document["facets"]}
    level = facets["level"][0][0]
    language = facets["lang"][0][0]
    return f"catalogue/?level={level}&lang={language}&sort=newest"


def violations(page: Any, axe: Path) -> list[str]:
    """axe-core's findings on the page, of any impact, one line each."""
    page.add_script_tag(path=str(axe))
    found = page.evaluate("""async () => {
      const result = await axe.run(document, {resultTypes: ["violations"]});
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ` +
             v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", "));
    }""")
    return list(found)


PAGES = {
    "home": "", "catalogue with filters": None, "unit": "units", "outcome": "outcomes",
    "provider": "providers", "completeness": "quality/", "provider's completeness": "quality",
    "pathway": "pathways", "pathways": "pathways/", "recognition": "recognitions",
    "skills": "skills/", "skill": "skills", "occupations": "occupations/", "gaps": "gaps/",
    "gap tool": "gaps/tool/", "statistics": "statistics/", "demand": "demands",
    "unit in German": "de/units/forklift-safety-basics/", "untranslated page": "pl/data/",
    "about": "about/", "field reference": "reference/fields/",
}
"""A page of each kind: a path, or a folder whose first object's page is taken."""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_finds_nothing(kind: str, width: int, scheme: str, built_site: Path, site_url: str,
                           axe_script: Path, open_page: Callable[..., Any]):
    path = PAGES[kind]
    if path is None:
        path = filters_url(built_site)
    elif not path.endswith("/") and path != "":
        path = first_page_of(built_site, path)
    # the page's Content-Security-Policy would refuse the injected axe script
    page = open_page(site_url + path, bypass_csp=True, width=width, color_scheme=scheme,
                     ready=kind.startswith("catalogue"))
    if kind.startswith("catalogue"):
        page.evaluate("() => document.querySelectorAll('details').forEach((d) => d.open = true)")
        assert page.locator("#mv-search input:checked").count() == 2
    assert violations(page, axe_script) == []


@pytest.mark.parametrize("kind", ["catalogue", "units", "pathways"])
def test_pages_fit_a_375_pixel_phone(kind: str, built_site: Path, site_url: str,
                                     tmp_path: Path, open_page: Callable[..., Any]):
    path = filters_url(built_site) if kind == "catalogue" else first_page_of(built_site, kind)
    page = open_page(site_url + path, width=375, height=812, ready=kind == "catalogue")
    if kind == "catalogue":
        # a shared link with filters opens them, even on a phone; open the longest list too
        assert page.locator("#mv-filters[open]").count() == 1
        page.click("details[data-facet=provider] > summary")
    screenshot = tmp_path / f"{kind}-375px.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000
    overflow = page.evaluate("""() => [document.documentElement.scrollWidth,
                                      document.documentElement.clientWidth]""")
    assert overflow[0] <= overflow[1], f"{overflow[0]} px wide content in a 375 px screen"
    wider = page.evaluate("""() => [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((e) => e.tagName + '.' + e.className).slice(0, 5)""")
    assert wider == []


def test_a_unit_prints_as_a_one_or_two_page_fact_sheet_with_its_links(
        built_site: Path, site_url: str, tmp_path: Path, open_page: Callable[..., Any]):
    page = open_page(site_url + first_page_of(built_site, "units"))
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-footer', '.md-sidebar', '.mv-edit']
      .map((s) => document.querySelector(s))
      .filter((e) => e && getComputedStyle(e).display !== 'none')
      .map((e) => e.className)""")
    assert hidden == []
    shown = page.evaluate("""() => [...document.querySelectorAll('article a[href^="http"]')]
      .map((a) => [a.getAttribute('href'), getComputedStyle(a, '::after').content])""")
    assert shown and all(href in after for href, after in shown), shown
    pdf = tmp_path / "unit.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))
    assert 1 <= pages <= 2, f"the fact sheet prints on {pages} pages"
