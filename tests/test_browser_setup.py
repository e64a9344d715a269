"""Without Chromium the browser tests skip with how-to-install, except where CI demands them."""

from __future__ import annotations

import pytest
from conftest import INSTALL_CHROMIUM, browser_unavailable


def test_missing_browser_skips_with_install_instructions(monkeypatch):
    monkeypatch.delenv("MICROVET_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        browser_unavailable(INSTALL_CHROMIUM)


def test_missing_browser_fails_when_ci_requires_it(monkeypatch):
    monkeypatch.setenv("MICROVET_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="MICROVET_REQUIRE_BROWSER=1 but this test"):
        browser_unavailable(INSTALL_CHROMIUM)
