"""The Content-Security-Policy: exact policy text, and hashes that match what pages contain.

The policy at work in Chromium is tested in tests/hostile/test_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from bs4 import BeautifulSoup

from generator.site.csp import (
    content_security_policy,
    fixed_script_hashes,
    script_hash,
)


def test_script_hash_is_the_base64_sha256_of_the_exact_script_text():
    expected = base64.b64encode(hashlib.sha256(b"var a=1").digest()).decode()
    assert script_hash("var a=1") == f"'sha256-{expected}'"


def test_only_scripts_written_literally_in_a_template_are_hashed():
    sources = [
        '<script>var a=1</script>\n{% if x %}<script>var b=2</script>{% endif %}',
        '<script>var c="{{ base_url }}"</script><script src="x.js"></script>',
        '<script type="application/json">{"d": 4}</script><script>var a=1</script>',
    ]
    assert fixed_script_hashes(sources) == sorted({script_hash("var a=1"), script_hash("var b=2")})


def test_the_policy_allows_only_the_site_itself_and_the_given_hashes():
    assert content_security_policy(["'sha256-AAA='"]) == (
        "default-src 'none'; script-src 'self' 'sha256-AAA='; style-src 'self'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        "worker-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; "
        "object-src 'none'"
    )


def _policy_of(soup: BeautifulSoup) -> str:
    meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, "page without a Content-Security-Policy"
    return str(meta["content"])


def test_every_inline_script_after_the_policy_is_allowed_by_a_hash(built_site: Path):
    """What Chromium would block, computed offline over every page of the sample site."""
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "lxml")
        policy = _policy_of(soup)
        allowed = set(re.findall(r"'sha256-[^']+'", policy))
        after_policy = html[html.index('http-equiv="Content-Security-Policy"'):]
        for script in BeautifulSoup(after_policy, "lxml").find_all("script"):
            if script.get("src") or script.get("type") in {"application/ld+json",
                                                             "application/json"}:
                continue
            assert script_hash(script.string or "") in allowed, (page, script.string)


def test_the_policy_sits_in_the_head_of_every_page(built_site: Path):
    editor = built_site / "admin" / "index.html"  # its own policy: tests/test_editor_page.py
    for page in sorted(set(built_site.rglob("*.html")) - {editor}):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None and meta.parent.name == "head", page
        assert _policy_of(soup).startswith("default-src 'none'; script-src 'self' 'sha256-")
