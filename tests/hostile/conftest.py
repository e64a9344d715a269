"""Browser fixtures for the hostile tests: Debian's Chromium through Playwright, and a server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_project, mkdocs_build

from .payloads import write_hostile_content


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The payload content (payloads.py) built with real MkDocs, strict; the site folder."""
    root = tmp_path_factory.mktemp("hostile")
    project = copy_project(root / "project", content=write_hostile_content(root / "content"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def chromium(chromium_session: Any) -> Any:
    """Headless Chromium, or a skip that says how to install it (a failure in CI)."""
    return chromium_session


VIOLATION_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ` +
    `${event.sourceFile}:${event.lineNumber} ${event.sample}`);
});
"""
"""Installed before any page script: records every Content-Security-Policy violation."""


@pytest.fixture
def open_page(chromium: Any) -> Iterator[Callable[..., Any]]:
    """Open pages in fresh contexts; each records dialogs, CSP violations and script errors."""
    contexts = []

    def open_(url: str, *, bypass_csp: bool = False) -> Any:
        context = chromium.new_context(bypass_csp=bypass_csp)
        contexts.append(context)
        context.add_init_script(VIOLATION_RECORDER)
        page = context.new_page()
        page.dialogs = []  # type: ignore[attr-defined]
        page.errors = []  # type: ignore[attr-defined]
        page.console_csp = []  # type: ignore[attr-defined]

        def on_dialog(dialog: Any) -> None:
            page.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("console", lambda message: page.console_csp.append(message.text)
                if "Content Security Policy" in message.text else None)
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)  # deferred scripts, image errors, the search worker
        return page

    yield open_
    for context in contexts:
        context.close()
