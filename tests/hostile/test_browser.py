"""In headless Chromium: pages carrying the payloads run nothing injected, with or without the
Content-Security-Policy; the sample site works under its policy, search included."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import serving

from .payloads import payload

pytestmark = pytest.mark.browser

HOSTILE_PAGES = ["", "catalogue/", "units/evil-unit/", "outcomes/evil-outcome/",
                 "providers/evil-provider/"]

INJECTED_ELEMENTS = """
[...document.querySelectorAll("*")].filter((element) =>
  element.tagName.startsWith("XSS") ||
  [...element.attributes].some((attribute) => attribute.name.startsWith("on"))
).map((element) => element.outerHTML.slice(0, 120))
"""


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["under-the-policy", "escaping-alone"])
def test_pages_carrying_the_payloads_run_no_injected_script(hostile_site: Path,
                                                            open_page: Callable[..., Any],
                                                            bypass_csp: bool):
    """With the policy bypassed, escaping alone must hold; with it, nothing may even try."""
    with serving(hostile_site) as base:
        for url in HOSTILE_PAGES:
            page = open_page(base + url, bypass_csp=bypass_csp)
            if url == "catalogue/" and page.query_selector("#mv-q"):
                page.fill("#mv-q", "alert")  # the catalogue script renders the results
                page.wait_for_timeout(500)
                assert payload("unit-title") in page.inner_text("#mv-results")
            assert page.dialogs == [], url
            assert page.evaluate(INJECTED_ELEMENTS) == [], url
            assert page.evaluate("window.__cspViolations") == [], url
            assert page.errors == [], url


def _sample_pages(site: Path) -> list[str]:
    pages = ["", "catalogue/"]
    for kind in ("units", "outcomes", "providers"):
        first = sorted(path.parent.name for path in (site / kind).glob("*/index.html"))[0]
        pages.append(f"{kind}/{first}/")
    pages += sorted(f"{path.parent.relative_to(site).as_posix()}/"
                    for path in site.glob("*/index.html")
                    if path.parent.name not in {"catalogue", "units", "outcomes", "providers"})
    return pages


def test_the_sample_pages_work_under_their_policy(built_site: Path,
                                                  open_page: Callable[..., Any]):
    """No violation report and no script error on any kind of page."""
    with serving(built_site) as base:
        for url in _sample_pages(built_site):
            page = open_page(base + url)
            assert page.evaluate("window.__cspViolations") == [], url
            assert page.console_csp == [], url
            assert page.errors == [], url


def test_the_catalogue_search_works_under_the_policy(built_site: Path,
                                                     open_page: Callable[..., Any]):
    with serving(built_site) as base:
        page = open_page(base + "catalogue/")
        page.wait_for_selector("#mv-q", timeout=10_000)
        title = page.inner_text("#mv-results .mv-card__title")
        word = max(title.split(), key=len)
        page.fill("#mv-q", word)
        page.wait_for_timeout(500)
        assert title in page.inner_text("#mv-results")
        assert page.evaluate("window.__cspViolations") == []


def test_the_header_search_works_under_the_policy(built_site: Path,
                                                  open_page: Callable[..., Any]):
    """The header's search form on any page leads to the catalogue's results, no violation."""
    with serving(built_site) as base:
        page = open_page(base + "about/")
        page.fill("#mv-header-q", "barista")
        page.press("#mv-header-q", "Enter")
        page.wait_for_selector("#mv-results .mv-card__title", timeout=10_000)
        assert "catalogue/" in page.url
        assert "arista" in page.inner_text("#mv-results").lower()
        assert page.evaluate("window.__cspViolations") == []


def test_the_policy_blocks_a_script_that_slipped_into_a_page(built_site: Path, tmp_path: Path,
                                                              open_page: Callable[..., Any]):
    """The canary: were escaping ever to fail, Chromium would still refuse to run the script."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    unit = sorted((site / "units").glob("*/index.html"))[0]
    html = unit.read_text(encoding="utf-8")
    unit.write_text(html.replace("</article>", "<script>window.__ran = 1</script>"
                                 "<img src=x onerror=\"window.__ran = 2\"></article>", 1),
                    encoding="utf-8")
    with serving(site) as base:
        page = open_page(base + unit.parent.relative_to(site).as_posix() + "/")
        assert page.evaluate("window.__ran") is None
        violations = page.evaluate("window.__cspViolations")
        assert [v.split(" ")[0] for v in violations] == ["script-src-elem", "script-src-attr"]
