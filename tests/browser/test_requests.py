"""No page loads anything from another host: the site works offline and self-hosted.

Playwright's request log records every request a page makes (documents, scripts, styles,
images, fonts, fetches, workers) while it loads and settles; each must go to the site's own
origin. The page kinds are every template the site has, at a phone's and a desktop's width.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from browser.test_accessibility import first_page_of

pytestmark = pytest.mark.browser

PAGE_KINDS = {
    "home": "",
    "catalogue": "catalogue/",
    "unit": "units",
    "outcome": "outcomes",
    "provider": "providers",
    "about": "about/",
    "data": "data/",
    "field reference": "reference/fields/",
}


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_every_request_goes_to_the_sites_own_origin(
        kind: str, width: int, built_site: Path, site_url: str, browser: Any):
    path = PAGE_KINDS[kind]
    if not path.endswith("/"):
        path = first_page_of(built_site, path)
    context = browser.new_context(viewport={"width": width, "height": 900})
    requests: list[str] = []
    failed: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.on("requestfailed", lambda request: failed.append(request.url))
    try:
        page = context.new_page()
        page.goto(site_url + path, wait_until="networkidle")
        if kind == "catalogue":
            page.wait_for_selector("html.mv-search-settled #mv-search[data-state=ready]",
                                   timeout=15_000)
        page.wait_for_timeout(300)  # late fetches (Material's search worker, widgets)
    finally:
        context.close()
    assert len(requests) > 1, requests  # the page and at least its stylesheet
    foreign = [url for url in requests
               if not url.startswith("data:") and _origin(url) != _origin(site_url)]
    assert foreign == []
    assert failed == []


def test_the_log_would_see_a_request_to_another_host(
        site_url: str, browser: Any):
    """The check above can fail: a page that fetches elsewhere shows up in the same log."""
    context = browser.new_context(bypass_csp=True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route("https://api.github.com/**", lambda route: route.abort())
    try:
        page = context.new_page()
        page.goto(site_url, wait_until="load")
        page.evaluate("() => fetch('https://api.github.com/repos/x/y').catch(() => null)")
        page.wait_for_timeout(200)
    finally:
        context.close()
    assert "https://api.github.com/repos/x/y" in requests
