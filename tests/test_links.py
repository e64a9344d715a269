"""No broken links: every internal link, asset reference and site URL in the metadata resolves.

Walks every file of the built sample site, so documents that renderers add later are covered:
HTML (href, src, srcset, form actions, fragments), CSS `url(...)`, source maps, and every
string in JSON, JSON-LD, XML and text documents that starts with the site's address.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag
from hostile.inert import site_url, strings_in
from lxml import etree

LINK_ATTRIBUTES = ("href", "src", "action", "poster", "data")
CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]+)\1\s*\)""")
SOURCE_MAP = re.compile(r"[#@] sourceMappingURL=(?P<url>\S+)")


class Site:
    """A built site and the address it was built for."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.url = site_url(root)
        self.base_path = urlsplit(self.url).path

    def target(self, url: str, origin: Path) -> tuple[Path, str] | None:
        """The file and fragment a URL found in `origin` points to; None when outside."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            if not url.startswith(self.url):
                return None
            path = parts.path.removeprefix(self.base_path)
            folder = self.root
        elif parts.path.startswith("/"):
            if not parts.path.startswith(self.base_path):
                return None
            path = parts.path.removeprefix(self.base_path)
            folder = self.root
        else:
            path = parts.path
            folder = origin.parent
        file = folder / unquote(path) if path else origin
        if file.is_dir() or path.endswith("/"):
            file = file / "index.html"
        return file.resolve(), parts.fragment

    def anchors(self, page: Path) -> frozenset[str]:
        return _anchors(page)


@cache
def _anchors(page: Path) -> frozenset[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    return frozenset(str(element.get("id") or element.get("name"))
                     for element in soup.find_all(attrs={"id": True}) +
                     soup.find_all("a", attrs={"name": True}))


def html_links(page: Path) -> Iterator[tuple[str, str]]:
    """(what, url) for every link and asset reference on a page."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    for element in soup.find_all(True):
        for attribute in LINK_ATTRIBUTES:
            value = element.get(attribute)
            if isinstance(value, str) and not (element.name == "object" and attribute != "data"):
                yield f"<{element.name} {attribute}>", value
        srcset = element.get("srcset")
        if isinstance(srcset, str):
            for candidate in srcset.split(","):
                yield f"<{element.name} srcset>", candidate.strip().split(" ")[0]
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        if isinstance(script, Tag):
            for text in strings_in(json.loads(script.string or "null")):
                yield "JSON-LD", text


def document_links(path: Path, site: Site) -> Iterator[tuple[str, str]]:
    """(what, url) for every site address inside a metadata or asset document."""
    data = path.read_bytes()
    if path.suffix in {".json", ".jsonld", ".webmanifest"}:
        for text in strings_in(json.loads(data)):
            yield "JSON", text
    elif path.suffix == ".xml":
        tree = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
        for element in tree.iter():
            yield from (("XML", text) for text in (element.text, element.tail) if text)
            yield from (("XML attribute", value) for value in element.attrib.values())
    elif path.suffix == ".txt":
        yield from (("line", line) for line in data.decode("utf-8").split())
    elif path.suffix == ".css":
        for match in CSS_URL.finditer(data.decode("utf-8")):
            yield "CSS url()", match["url"]
    if path.suffix in {".css", ".js"}:
        for match in SOURCE_MAP.finditer(data.decode("utf-8", "replace")[-500:]):
            yield "source map", match["url"]


def _is_link(what: str, url: str) -> bool:
    """Links to check: plain references, and addresses that start with the site's."""
    if what in {"JSON", "JSON-LD", "XML", "XML attribute", "line"}:
        return True  # Site.target keeps only those inside the site
    return not urlsplit(url).scheme or urlsplit(url).scheme in {"http", "https"}


def broken_links(root: Path) -> list[str]:
    """Every reference inside the site that does not resolve to an existing file (and id)."""
    site = Site(root)
    broken = []
    for path in sorted(root.rglob("*")):
        if path.suffix == ".html":
            links = html_links(path)
        elif path.suffix in {".json", ".jsonld", ".webmanifest", ".xml", ".txt", ".css", ".js"}:
            links = document_links(path, site)
        else:
            continue
        where = path.relative_to(root).as_posix()
        for what, url in links:
            url = url.strip()
            if not url or not _is_link(what, url):
                continue
            if what in {"JSON", "JSON-LD", "XML", "XML attribute", "line"} and \
                    not url.startswith(site.url):
                continue
            found = site.target(url, path)
            if found is None:
                continue
            file, fragment = found
            if not file.is_relative_to(root.resolve()) or not file.is_file():
                broken.append(f"{where}: {what} {url} -> missing file")
            elif fragment and file.suffix == ".html" and fragment not in site.anchors(file) \
                    and what not in {"JSON", "JSON-LD", "XML", "XML attribute", "line"}:
                broken.append(f"{where}: {what} {url} -> no id '{fragment}'")
    return broken


def test_every_internal_link_and_site_address_resolves(built_site: Path):
    assert broken_links(built_site) == []


def test_the_header_search_goes_to_the_catalogue_and_there_is_no_second_index(
        built_site: Path):
    """The one search is the catalogue's: no Material index of the Markdown pages (issue 12)."""
    assert not (built_site / "search").exists()
    home = (built_site / "about" / "index.html").read_text("utf-8")
    assert '<form class="mv-header-search" action="../catalogue/" method="get"' in home


def test_the_walk_reports_what_is_broken(built_site: Path, tmp_path: Path):
    """Not vacuous: a missing page, a missing anchor and a dead site address are all found."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    home = site / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace(
        "</body>", '<a href="units/no-such-unit/">x</a><a href="about/#no-such-id">y</a></body>',
        1), encoding="utf-8")
    url = site_url(site)
    (site / "api" / "extra.json").write_text(json.dumps({"see": f"{url}units/gone/unit.json"}),
                                             encoding="utf-8")
    assert broken_links(site) == [
        f"api/extra.json: JSON {url}units/gone/unit.json -> missing file",
        "index.html: <a href> units/no-such-unit/ -> missing file",
        "index.html: <a href> about/#no-such-id -> no id 'no-such-id'",
    ]
