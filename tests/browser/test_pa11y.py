"""pa11y (WCAG2AA, with its axe and HTML_CodeSniffer runners) on each kind of page.

pa11y comes from npm (`npm ci` installs it from package.json, without its browser download)
and drives Debian's Chromium through `pa11y_pages.cjs`, one browser for every page. Unlike
tests/browser/test_accessibility.py, pa11y counts what axe cannot decide ("needs review") as
errors, and HTML_CodeSniffer checks what axe does not (table headers, form labels). No issue
may come from our templates; what comes from Material's own templates is `MATERIAL`, listed
with the reason it remains in docs/accessibility.md.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, browser_unavailable

from browser.test_accessibility import PAGES, filters_url, first_page_of

pytestmark = pytest.mark.browser

SCRIPT = Path(__file__).with_name("pa11y_pages.cjs")
CHROMIUM = "/usr/bin/chromium"
INSTALL = ("needs pa11y: Node.js, `npm ci --ignore-scripts` in the project folder (pa11y) "
           "and `apt-get install chromium`")
TOGGLES = ("#__search", "#__toc")
"""Material's hidden checkboxes that keep the state of the search and of the integrated table
of contents (base.html, partials/nav-item.html); never focusable, no label in Material."""


def material(issue: dict[str, Any]) -> bool:
    """True for an issue that Material's own templates cause (docs/accessibility.md)."""
    code, selector = issue["code"], issue["selector"]
    if issue["runner"] == "htmlcs" and selector in TOGGLES:
        return code.endswith(("H91.InputCheckbox.Name", "1_3_1.F68"))
    # the light/dark switch: radio buttons that Material's script applies on change
    return code.endswith("3_2_2.H32.2") and 'data-md-component="palette"' in issue["context"]


def reviewed(issue: dict[str, Any]) -> bool:
    """axe's request for a manual review of the contrast of text inside the pathway diagram's
    SVG (axe cannot tell what lies behind SVG text): tests/test_pathway_diagram_contrast.py
    computes every one of those contrasts from the SVG instead."""
    return (issue["runner"] == "axe" and issue["code"] == "color-contrast"
            and bool(issue.get("runnerExtras", {}).get("needsFurtherReview"))
            and "> figure > svg > text" in issue["selector"])


@pytest.fixture(scope="module")
def pa11y_issues(built_site: Path, site_url: str) -> dict[str, list[dict[str, Any]]]:
    """pa11y's issues on one page of each kind, by kind (one run of pa11y for them all)."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "pa11y").is_dir() \
            or not Path(CHROMIUM).exists():
        browser_unavailable(INSTALL)
    paths = {}
    for kind, path in PAGES.items():
        if path is None:
            path = filters_url(built_site)
        elif not path.endswith("/") and path != "":
            path = first_page_of(built_site, path)
        paths[kind] = site_url + path
    result = subprocess.run([node, str(SCRIPT), CHROMIUM, "1280", *paths.values()],
                            capture_output=True, text=True, check=False, timeout=900, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout)
    return {kind: found[url] for kind, url in paths.items()}


@pytest.mark.parametrize("kind", list(PAGES))
def test_pa11y_finds_nothing_of_ours(kind: str, pa11y_issues: dict[str, list[dict[str, Any]]]):
    ours = [f"{issue['runner']} {issue['code']}: {issue['message']} at {issue['selector']}"
            for issue in pa11y_issues[kind] if not material(issue) and not reviewed(issue)]
    assert ours == []

