"""catalogue.jsonld, the Atom feed and the sitemap: exact content and the rules of each format."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from harvest_content import SITE, catalogue_of, dated_catalogue, plain_unit, rich_tree
from lxml import etree

from generator.content.catalogue import Catalogue, load_catalogue
from generator.outputs import AGGREGATES, feeds, render_outputs
from generator.outputs.feeds import (
    atom_feed,
    catalogue_list,
    newest_first,
    render,
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
    return dated_catalogue(content_tree)


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return load_catalogue(ROOT / "content", root=ROOT)


def test_registered():
    assert render in AGGREGATES


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


# --- the "Data for aggregators" page ------------------------------------------------------------


def test_data_page_documents_every_published_file(sample: Catalogue):
    text = (ROOT / "pages" / "data.md").read_text(encoding="utf-8")
    published = render_outputs(sample, SITE)
    generic = [(r"^schemas/[^/]+$", "schemas/*.schema.json"),
               (r"^(units|pathways)/[^/]+/", r"\1/<id>/"),
               (r"^providers/[^/]+/", "providers/<id>/"),
               (r"achievement\.[a-z]{2}\.json$", "achievement.<lang>.json"),
               (r"^feeds/(countries|fields)/[^/]+$", r"feeds/\1/<code>.xml"),
               (r"^api/statistics/[^/]+$", "api/statistics/*.csv")]
    patterns = set()
    for path in published:
        for pattern, replacement in generic:
            path = re.sub(pattern, replacement, path)
        patterns.add(path.removesuffix(".gz"))
    # scripts of the site itself and the web editor (CONTRIBUTING.md), not data
    patterns = {path for path in patterns if not path.startswith(("assets/", "admin/"))}
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


# --- feeds of one provider, country or field of education -----------------------------------


def test_a_feed_per_provider_country_and_field(content_tree, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    rich_tree(content_tree)
    content_tree.write("providers", "academy", (ROOT / "tests" / "conftest.py").read_text()
                       .split('PROVIDER = """\\\n')[1].split('"""')[0]
                       .format(id="academy").replace("country: IT", "country: DE"))
    plain_unit(content_tree, "german", "Deutsch am Bau")
    path = content_tree.content / "units" / "german.yaml"
    path.write_text(path.read_text().replace("provider: centre", "provider: academy")
                    .replace('isced_f: "1013"', 'isced_f: "0732"'))
    files = render_outputs(load_catalogue(content_tree.content, root=content_tree.root), SITE)
    def entries(path: str) -> list[str]:
        parsed = feedparser.parse(files[path])
        assert not parsed.bozo, parsed.bozo_exception
        return sorted(entry.link for entry in parsed.entries)
    barista, german = (SITE.absolute(f"units/{uid}/") for uid in ("barista", "german"))
    assert entries("providers/centre/feed.xml") == [barista]
    assert entries("providers/academy/feed.xml") == [german]
    assert entries("feeds/countries/it.xml") == [barista]
    assert entries("feeds/countries/de.xml") == [german]
    assert entries("feeds/fields/10.xml") == [barista]
    assert entries("feeds/fields/07.xml") == [german]
    it = feedparser.parse(files["feeds/countries/it.xml"]).feed
    assert it.title == "microVET catalogue: micro-credentials (providers in Italy)"
    assert it.id == SITE.absolute("feeds/countries/it.xml")
    assert [link.href for link in it.links if link.rel == "alternate"] == [
        SITE.absolute("catalogue/?country=IT")]


def test_provider_and_catalogue_pages_link_their_feeds(built_site):
    provider = BeautifulSoup((built_site / "providers" / "example-hospitality-school-bologna"
                              / "index.html").read_text(), "html.parser")
    assert [link["href"] for link in provider.select("link[type='application/atom+xml']")] == [
        "../../feed.xml", "feed.xml"]
    catalogue = BeautifulSoup((built_site / "catalogue" / "index.html").read_text(),
                              "html.parser")
    hrefs = [link["href"] for link in catalogue.select("link[type='application/atom+xml']")]
    assert "../feeds/countries/it.xml" in hrefs and "../feeds/fields/10.xml" in hrefs
    for href in hrefs:
        assert (built_site / "catalogue" / href).resolve().is_file(), href
