"""The Atom feed (RFC 4287, and read by a real feed reader) and the sitemap (sitemaps.org 0.9)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import feedparser  # type: ignore[import-untyped]
from lxml import etree
from rfc3339_validator import validate_rfc3339  # type: ignore[import-untyped]

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITEMAP_LIMIT = 50_000
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def atom_problems(feed: etree._Element) -> list[str]:
    """Violations of the MUSTs of RFC 4287 that a generated feed could commit."""
    if feed.tag != f"{ATOM}feed":
        return [f"root is {feed.tag}"]
    entries = feed.findall(f"{ATOM}entry")
    problems = _once(feed, ["id", "title", "updated"],
                     ["generator", "icon", "logo", "rights", "subtitle"])
    if feed.find(f"{ATOM}author") is None and any(
            e.find(f"{ATOM}author") is None for e in entries):
        problems.append("an entry has no author and the feed has none")
    for entry in entries:
        problems += _once(entry, ["id", "title", "updated"],
                          ["published", "summary", "content", "rights", "source"])
        if entry.find(f"{ATOM}content") is None and not any(
                link.get("rel", "alternate") == "alternate" for link in entry.iter(f"{ATOM}link")):
            problems.append("an entry has neither content nor an alternate link")
    for scope in [feed, *entries]:
        alternates = Counter((link.get("type"), link.get("hreflang"))
                             for link in scope.findall(f"{ATOM}link")
                             if link.get("rel", "alternate") == "alternate")
        problems += [f"two alternate links of type {key}" for key, n in alternates.items() if n > 1]
        for person in scope.findall(f"{ATOM}author"):
            problems += _once(person, ["name"], ["uri", "email"])
    return problems + _identifiers_and_dates(feed)


def _identifiers_and_dates(feed: etree._Element) -> list[str]:
    ids = [element.text or "" for element in feed.iter(f"{ATOM}id")]
    problems = [f"id {value!r} is not an absolute IRI" for value in ids
                if not (urlsplit(value).scheme and urlsplit(value).netloc)]
    problems += [f"id {value} is used twice" for value, n in Counter(ids).items() if n > 1]
    for name in ("updated", "published"):
        problems += [f"{name} {element.text!r} is not RFC 3339"
                     for element in feed.iter(f"{ATOM}{name}")
                     if not validate_rfc3339(element.text or "")]
    problems += [f"link {link.get('href')!r} is not absolute" for link in feed.iter(f"{ATOM}link")
                 if not urlsplit(link.get("href", "")).scheme]
    return problems


def _once(parent: etree._Element, exactly: list[str], at_most: list[str]) -> list[str]:
    counts = Counter(child.tag for child in parent)
    where = parent.tag.removeprefix(ATOM)
    return ([f"{where} has {counts[ATOM + n]} {n}" for n in exactly if counts[ATOM + n] != 1]
            + [f"{where} has {counts[ATOM + n]} {n}" for n in at_most if counts[ATOM + n] > 1])


def feed_problems(data: bytes) -> list[str]:
    """RFC 4287 problems of a feed document, and whether a feed reader reads it cleanly."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        return [f"not well-formed XML: {error}"]
    problems = atom_problems(root)
    parsed = feedparser.parse(data)
    if parsed.bozo:
        problems.append(f"a feed reader stumbles: {parsed.get('bozo_exception')}")
    return problems


def sitemap_problems(data: bytes, site_url: str,
                     exists: Callable[[str], bool] | None = None) -> list[str]:
    """sitemaps.org 0.9 rules: absolute `loc`s under the site, W3C dates, at most 50,000.

    `exists(path)` (a site path like `units/x/`) checks that each listed page was built.
    """
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        return [f"not well-formed XML: {error}"]
    if root.tag not in {f"{SITEMAP}urlset", f"{SITEMAP}sitemapindex"}:
        return [f"root is {root.tag}, not a sitemaps.org urlset or sitemapindex"]
    entries = list(root)
    problems = [f"{len(entries)} entries, more than {SITEMAP_LIMIT}"] if len(
        entries) > SITEMAP_LIMIT else []
    for entry in entries:
        loc = (entry.findtext(f"{SITEMAP}loc") or "").strip()
        if not loc.startswith(site_url):
            problems.append(f"loc {loc!r} is not under {site_url}")
        elif exists is not None and not exists(loc[len(site_url):]):
            problems.append(f"loc {loc} names a page the site does not have")
        lastmod = entry.findtext(f"{SITEMAP}lastmod")
        if lastmod is not None and not _w3c_date(lastmod):
            problems.append(f"lastmod {lastmod!r} of {loc} is not a W3C date")
    return problems


def _w3c_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return validate_rfc3339(text) is True
    return True


def page_exists(site: Path) -> Callable[[str], bool]:
    """`exists(path)` for a built site folder: a file, or a folder with an index.html."""
    def exists(path: str) -> bool:
        target = site / path
        return (target / "index.html").is_file() if path.endswith("/") or not path else (
            target.is_file())
    return exists
