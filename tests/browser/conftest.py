"""Browser fixtures: the built sample site served on 127.0.0.1, and Debian's Chromium.

Without /usr/bin/chromium or Playwright these tests skip and say how
to install them; with MICROVET_REQUIRE_BROWSER=1 (set by .ci/run) they fail instead.

The browser is the run's one `chromium_session` (tests/conftest.py): Playwright's sync API
allows one instance per thread at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import serving

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
"""axe-core's browser bundle, vendored (tests/vendor/README.md)."""


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    """The built sample site, served from a thread on a free port of 127.0.0.1."""
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(chromium_session: Any) -> Any:
    """Headless Debian Chromium driven by Playwright (shared by the whole run)."""
    return chromium_session


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Open a URL in a fresh context; the test fails if any page script throws."""
    contexts = []
    errors: list[str] = []

    def open_(url: str, *, width: int = 1280, height: int = 900, bypass_csp: bool = False,
              ready: bool = False, locale: str | None = None,
              color_scheme: str = "light") -> Any:
        context = browser.new_context(viewport={"width": width, "height": height},
                                      bypass_csp=bypass_csp, locale=locale,
                                      color_scheme=color_scheme)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        page.goto(url, wait_until="load")
        if ready:
            # the search is built and the list shown (catalogue.css: `mv-search-settled`)
            page.wait_for_selector("html.mv-search-settled #mv-search[data-state=ready]",
                                   timeout=15_000)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert errors == []


@pytest.fixture
def axe_script() -> Path:
    """axe-core's browser bundle."""
    return AXE
