"""Every page of the built sample site is valid HTML by the W3C Nu HTML Checker (vnu.jar).

The checker comes from npm (`vnu-jar`, installed by `npm ci`) and runs on Java
(Debian `default-jre-headless`). Any error our templates cause fails the test; so does the
warning "Article lacks heading" (nested articles). What remains comes from Material's own
templates and is listed, with the reason, in docs/quality.md: `MATERIAL` below is that list.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, browser_unavailable

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL_VNU = ("needs the Nu HTML Checker: `apt-get install default-jre-headless` and `npm ci` "
               "(vnu-jar) in the project folder")

MATERIAL = {
    ("Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
     "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
     "“search”, “tel”, “text”, “time”, “url”, or “week”."): 'class="md-toggle"',
}
"""Errors from Material's base.html (message -> text of the offending element)."""
CHECKER_CSP_NOTES = ("Inline script violates Content Security Policy",
                     "Resource violates Content Security Policy")
"""Notes the checker makes because it reads the pages as file: URLs and checks no hashes."""


def nu_messages(target: Path) -> list[dict[str, Any]]:
    """The checker's messages for every HTML file under `target`."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        browser_unavailable(INSTALL_VNU)
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", "--exit-zero-always",
         str(target)],
        capture_output=True, text=True, check=False, timeout=600,
    )
    return list(json.loads(result.stderr)["messages"])


def ours(message: dict[str, Any]) -> bool:
    """True unless the message is Material's known error or the checker's CSP note."""
    text = message["message"]
    if message["type"] == "info" and text.startswith(CHECKER_CSP_NOTES):
        return False
    marker = MATERIAL.get(text)
    return marker is None or marker not in message.get("extract", "")


def line(message: dict[str, Any], site: Path) -> str:
    """`path:line: message`, the path relative to the site."""
    path = message.get("url", "").removeprefix("file:")
    return f"{Path(path).relative_to(site)}:{message.get('lastLine', 0)}: {message['message']}"


@pytest.fixture(scope="module")
def messages(built_site: Path) -> list[dict[str, Any]]:
    """The checker's verdict on the whole sample site (one run, about 5 seconds)."""
    return nu_messages(built_site)


def test_the_checker_read_every_page(messages: list[dict[str, Any]], built_site: Path):
    pages = {str(path) for path in built_site.rglob("*.html")}
    checked = {m["url"].removeprefix("file:") for m in messages}
    # Every page has Material's toggles, so every page has at least one message.
    assert checked == pages


def test_no_error_or_warning_from_our_templates(messages: list[dict[str, Any]], built_site: Path):
    problems = [line(m, built_site) for m in messages
                if (m["type"] != "info" or m.get("subType") == "warning") and ours(m)]
    assert problems == []


def test_no_article_lacks_a_heading(messages: list[dict[str, Any]]):
    assert not [m for m in messages if m["message"].startswith("Article lacks heading")]


def test_the_checker_catches_a_template_error(tmp_path: Path, built_site: Path):
    """The same run fails a page with a nested article or a broken attribute."""
    page = tmp_path / "broken.html"
    html = (built_site / "index.html").read_text(encoding="utf-8")
    page.write_text(html.replace('<div class="md-content"', '<div class="md-content" '
                                 'style="x" style="y"', 1)
                        .replace("<h1", "<article><p>x</p></article><h1", 1),
                    encoding="utf-8")
    found = [m for m in nu_messages(tmp_path) if ours(m)]
    texts = {m["message"] for m in found}
    assert "Duplicate attribute “style”." in texts
    assert any(text.startswith("Article lacks heading") for text in texts)
