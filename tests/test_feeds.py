"""catalogue.jsonld, the Atom feed and the sitemap: exact content and the rules of each format."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, ContentTree
from harvest_content import SITE, catalogue_of, plain_unit, rich_tree
from lxml import etree

from generator.content.catalogue import Catalogue, load_catalogue
from generator.outputs import RENDERERS, feeds, render_outputs
from generator.outputs.feeds import (
    atom_feed,
    catalogue_list,
    newest_first,
    render,
    sitemap_entries,
)
from generator.site.pages import (
    SiteInfo,
    generated_pages,
    markdown_page_dates,
    markdown_page_urls,
)
from generator.tools.standards.feeds import atom_problems
from generator.tools.standards.jsonld import expand_strictly
from generator.tools.standards.schemaorg import schemaorg_problems

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"
BUILD_EPOCH = "1767225600"
"""SOURCE_DATE_EPOCH of the `built_site` build (2026-01-01), which has no git history."""


@pytest.fixture
def catalogue(content_tree, monkeypatch) -> Catalogue:
    """The rich unit plus three plain ones: two dated, one with no date at all."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    rich_tree(content_tree)
    plain_unit(content_tree, "alpha", "alpha unit", "published: 2026-03-01\nupdated: 2026-03-01\n")
    plain_unit(content_tree, "zulu", "Zulu unit", "published: 2026-03-01\n")
    plain_unit(content_tree, "undated", "Undated unit")
    return catalogue_of(content_tree)


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return load_catalogue(ROOT / "content", root=ROOT)


def test_registered():
    assert render in RENDERERS


# --- catalogue.jsonld -----------------------------------------------------------------------


def test_catalogue_list(catalogue: Catalogue):
    data = catalogue_list(catalogue, SITE)
    assert data["@type"] == ["ItemList", "CreativeWork"]
    assert data["numberOfItems"] == 4
    assert [(item["position"], item["url"]) for item in data["itemListElement"]] == [
        (1, "https://catalogue.example.org/mv/units/alpha/"),
        (2, "https://catalogue.example.org/mv/units/barista/"),
        (3, "https://catalogue.example.org/mv/units/undated/"),
        (4, "https://catalogue.example.org/mv/units/zulu/"),
    ]
    assert data["license"] == data["sdLicense"] == CC0
    assert data["dateModified"] == "2026-03-01"
    assert schemaorg_problems(data) == []


def test_sample_catalogue_list_is_valid(sample: Catalogue):
    data = json.loads(render(sample, SITE)["catalogue.jsonld"])
    assert [item["url"] for item in data["itemListElement"]] != []
    assert sorted(item["url"] for item in data["itemListElement"]) == sorted(
        SITE.absolute(f"units/{uid}/") for uid in sample.units)
    assert schemaorg_problems(data) == []
    expand_strictly(data)


# --- feed.xml -------------------------------------------------------------------------------


def test_feed_is_valid_atom_newest_first(catalogue: Catalogue):
    xml = atom_feed(catalogue, SITE)
    feed = etree.fromstring(xml)
    assert atom_problems(feed) == []
    ids = [entry.findtext(f"{ATOM}id") for entry in feed.findall(f"{ATOM}entry")]
    assert ids == [SITE.absolute(f"units/{uid}/") for uid in ("alpha", "zulu", "barista")]
    assert feed.findtext(f"{ATOM}updated") == "2026-03-01T00:00:00Z"
    [licence] = [link.get("href") for link in feed.findall(f"{ATOM}link")
                 if link.get("rel") == "license"]
    assert licence == CC0


def test_feed_entry(catalogue: Catalogue):
    feed = etree.fromstring(atom_feed(catalogue, SITE))
    entry = feed.findall(f"{ATOM}entry")[2]
    assert entry.findtext(f"{ATOM}title") == "Barista basics"
    assert entry.findtext(f"{ATOM}published") == "2026-01-05T00:00:00Z"
    assert entry.findtext(f"{ATOM}updated") == "2026-02-10T00:00:00Z"
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Example Training Centre (fictional)"
    assert entry.findtext(f"{ATOM}summary") == "Make espresso drinks to a professional standard."
    links = {(link.get("rel"), link.get("type")): link.get("href")
             for link in entry.findall(f"{ATOM}link")}
    assert links == {
        ("alternate", "text/html"): "https://catalogue.example.org/mv/units/barista/",
        ("alternate", "application/json"):
            "https://catalogue.example.org/mv/units/barista/unit.json",
        ("license", None): "https://creativecommons.org/licenses/by-sa/4.0/",
    }
    assert [(c.get("term"), c.get("label")) for c in entry.findall(f"{ATOM}category")] == [
        ("3", "EQF level 3"), ("1013", "Hotel, restaurants and catering"),
        ("onsite", "On site (in person)")]


def test_a_feed_reader_reads_it(catalogue: Catalogue):
    parsed = feedparser.parse(atom_feed(catalogue, SITE))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [entry.title for entry in parsed.entries] == ["alpha unit", "Zulu unit",
                                                         "Barista basics"]
    assert parsed.entries[2].link == "https://catalogue.example.org/mv/units/barista/"


def test_feed_keeps_only_the_newest(catalogue: Catalogue, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_SIZE", 1)
    feed = etree.fromstring(atom_feed(catalogue, SITE))
    assert [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")] == ["alpha unit"]


def test_feed_without_dated_units(content_tree, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    catalogue = catalogue_of(content_tree.minimal())
    assert newest_first(catalogue) == []
    feed = etree.fromstring(atom_feed(catalogue, SITE))
    assert atom_problems(feed) == []
    assert feed.findtext(f"{ATOM}updated") == "1970-01-01T00:00:00Z"


def test_sample_feed_is_valid(sample: Catalogue):
    feed = etree.fromstring(render(sample, SITE)["feed.xml"])
    assert atom_problems(feed) == []
    updated = [entry.findtext(f"{ATOM}updated") for entry in feed.findall(f"{ATOM}entry")]
    assert updated == sorted(updated, reverse=True)
    dated = [uid for uid, dates in sample.dates.items() if dates.updated]
    assert len(updated) == min(len(dated), feeds.FEED_SIZE)


# --- sitemap.xml ----------------------------------------------------------------------------


def test_sitemap_entries(catalogue: Catalogue):
    entries = dict(sitemap_entries(catalogue, SITE))
    every_page = {page.url for page in generated_pages(catalogue)} | set(SITE.markdown_pages)
    assert set(entries) == every_page
    dates = {uid: catalogue.dates[uid].updated for uid in catalogue.units}
    assert {url: day for url, day in entries.items() if not url.startswith("reference/")} == {
        "": None, "about/": None, "data/": None,
        "catalogue/": dates["alpha"],
        "outcomes/digital-orders/": dates["barista"],
        "outcomes/espresso/": dates["alpha"],
        "providers/centre/": dates["alpha"],
        "units/alpha/": dates["alpha"],
        "units/barista/": dates["barista"],
        "units/undated/": None,
        "units/zulu/": dates["zulu"],
    }
    assert list(entries) == sorted(entries)


def test_sitemap_xml_and_its_gzip(catalogue: Catalogue):
    files = render(catalogue, SITE)
    root = etree.fromstring(files["sitemap.xml"])
    urls = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
            for url in root.findall(f"{SITEMAP}url")}
    assert urls["https://catalogue.example.org/mv/units/barista/"] == "2026-02-10"
    assert urls["https://catalogue.example.org/mv/units/undated/"] is None
    assert urls["https://catalogue.example.org/mv/"] is None
    assert gzip.decompress(files["sitemap.xml.gz"]) == files["sitemap.xml"]
    assert files["sitemap.xml.gz"][4:8] == b"\0\0\0\0"  # no timestamp in the gzip header
    assert render(catalogue, SITE) == files


def test_sitemap_index_past_the_limit(catalogue: Catalogue, monkeypatch):
    monkeypatch.setattr(feeds, "SITEMAP_LIMIT", 5)
    files = render(catalogue, SITE)
    index = etree.fromstring(files["sitemap.xml"])
    assert index.tag == f"{SITEMAP}sitemapindex"
    locs = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert locs == [SITE.absolute(f"sitemap-{n}.xml") for n in (1, 2, 3)]
    counts = [len(etree.fromstring(files[f"sitemap-{n}.xml"])) for n in (1, 2, 3)]
    assert counts == [5, 5, 2]


def test_built_sitemap_lists_every_page_with_real_dates(built_site: Path, monkeypatch):
    """Every HTML page MkDocs wrote is listed, unit pages with their own `updated` date."""
    root = etree.fromstring((built_site / "sitemap.xml").read_bytes())
    site_url = root.findtext(f"{SITEMAP}url/{SITEMAP}loc")
    assert site_url is not None
    listed = {url.findtext(f"{SITEMAP}loc").removeprefix(site_url):
              url.findtext(f"{SITEMAP}lastmod") for url in root.findall(f"{SITEMAP}url")}
    pages = {path.parent.relative_to(built_site).as_posix() + "/"
             for path in built_site.rglob("index.html")}
    pages = {"" if page == "./" else page for page in pages}
    assert set(listed) == pages
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    project = built_site.parent
    catalogue = load_catalogue(project / "content", root=project)
    for unit_id, dates in catalogue.dates.items():
        assert listed[f"units/{unit_id}/"] == dates.updated.isoformat(), unit_id
    assert gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()) == (
        built_site / "sitemap.xml").read_bytes()


# --- the "Data for aggregators" page ------------------------------------------------------------


def test_data_page_documents_every_published_file(sample: Catalogue):
    text = (ROOT / "pages" / "data.md").read_text(encoding="utf-8")
    published = render_outputs(sample, SITE)
    patterns = {re.sub(r"^schemas/[^/]+$", "schemas/*.schema.json",
                       re.sub(r"achievement\.[a-z]{2}\.json$", "achievement.<lang>.json",
                              re.sub(r"^units/[^/]+/", "units/<id>/", path))).removesuffix(".gz")
                for path in published
                if not path.startswith("assets/")}  # scripts of the site itself, not data
    assert [pattern for pattern in sorted(patterns) if f"`{pattern}`" not in text] == []


def test_data_page_samples_all_exist(built_site: Path):
    page = built_site / "data" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    local = [a["href"] for a in soup.select("article a[href]")
             if not urlsplit(a["href"]).scheme and not a["href"].startswith("#")]
    assert "../units/barista-basics/achievement.json" in local
    for href in local:
        target = (page.parent / href).resolve()
        assert (target / "index.html" if href.endswith("/") else target).is_file(), href


def test_markdown_pages_for_the_sitemap(tmp_path: Path):
    for name in ("index.md", "about.md", "guide/index.md", "guide/README.md", "guide/step.md",
                 ".drafts/x.md", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    assert markdown_page_urls(tmp_path) == ("", "about/", "guide/", "guide/step/")


def test_markdown_pages_carry_their_last_commit_in_the_sitemap(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    pages = tmp_path / "pages"
    pages.mkdir()
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    for name, day in (("index.md", "2026-01-05"), ("about.md", "2026-02-07"),
                      ("index.md", "2026-03-09")):
        (pages / name).write_text(f"# {day}\n", encoding="utf-8")
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-q", "-m", day], check=True,
                       env={**os.environ, "GIT_COMMITTER_DATE": f"{day}T12:00:00Z",
                            "GIT_AUTHOR_DATE": f"{day}T12:00:00Z"})
    (pages / "draft.md").write_text("# not committed\n", encoding="utf-8")
    dates = markdown_page_dates(pages, tmp_path)
    assert dates == (("", dt.date(2026, 3, 9)), ("about/", dt.date(2026, 2, 7)))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: uncommitted pages
    assert dict(markdown_page_dates(pages, tmp_path))["draft/"] == dt.date(2026, 1, 1)
    site = SiteInfo(url=SITE.url, markdown_pages=("", "about/", "draft/"), markdown_lastmod=dates)
    entries = dict(sitemap_entries(catalogue_of(ContentTree(tmp_path).minimal()), site))
    assert (entries[""], entries["about/"], entries["draft/"]) == (
        dt.date(2026, 3, 9), dt.date(2026, 2, 7), None)


def test_robots_txt_names_the_sitemap(catalogue: Catalogue):
    assert render(catalogue, SITE)["robots.txt"] == (
        b"User-agent: *\nAllow: /\n\nSitemap: https://catalogue.example.org/mv/sitemap.xml\n")
