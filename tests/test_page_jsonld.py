"""JSON-LD and sharing tags on every kind of page: exact content, the real validators, the HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from harvest_content import SITE, catalogue_of, plain_unit, rich_tree

from generator.build.pipeline import Plan
from generator.content.catalogue import Catalogue, load_catalogue
from generator.outputs.page_jsonld import (
    CATALOGUE_QUERY_PARAMETER,
    course_list,
    educational_organisation,
    outcome_definition,
    website,
)
from generator.site.pages import generated_pages
from generator.tools.standards.amb import amb_errors, is_amb
from generator.tools.standards.jsonld import expand_strictly
from generator.tools.standards.schemaorg import schemaorg_problems


@pytest.fixture
def rich(content_tree) -> Catalogue:
    tree = rich_tree(content_tree)
    for unit_id, title in (("alpha", "alpha unit"), ("zulu", "Zulu unit")):
        plain_unit(tree, unit_id, title)
    return catalogue_of(tree)


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return load_catalogue(ROOT / "content", root=ROOT)


def test_provider_is_an_educational_organisation_with_its_offers(rich: Catalogue):
    data = educational_organisation(rich, rich.providers["centre"], SITE)
    assert data["@type"] == "EducationalOrganization"
    assert data["@id"] == "https://catalogue.example.org/mv/providers/centre/"
    assert (data["name"], data["url"]) == ("Example Training Centre (fictional)",
                                           "https://example.org/centre")
    assert data["address"] == {"@type": "PostalAddress", "addressLocality": "Bologna",
                               "addressCountry": "IT"}
    assert [o["itemOffered"]["@id"] for o in data["makesOffer"]] == [
        SITE.absolute(f"units/{uid}/") for uid in ("alpha", "barista", "zulu")]
    assert data["makesOffer"][1] == {
        "@type": "Offer", "category": "Paid", "price": 180, "priceCurrency": "EUR",
        "url": "https://example.org/centre/barista",
        "itemOffered": {"@type": "Course", "@id": SITE.absolute("units/barista/"),
                        "name": "Barista basics"}}
    catalogue = data["hasOfferCatalog"]
    assert (catalogue["@type"], catalogue["numberOfItems"]) == ("OfferCatalog", 3)
    assert catalogue["itemListElement"][1]["item"]["description"] == (
        "Make espresso drinks to a professional standard.")
    assert schemaorg_problems(data) == []


def test_outcome_is_a_defined_term_in_the_catalogues_set(rich: Catalogue):
    data = outcome_definition(rich, rich.outcomes["digital-orders"], SITE)
    assert data["@type"] == "DefinedTerm"
    assert (data["@id"], data["termCode"]) == (SITE.absolute("outcomes/digital-orders/"),
                                               "digital-orders")
    assert data["inDefinedTermSet"] == {
        "@type": "DefinedTermSet", "@id": "https://catalogue.example.org/mv/#learning-outcomes",
        "name": "microVET catalogue: learning outcomes", "url": SITE.url}
    assert [skill.get("@id") for skill in data["about"]] == [
        "http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6", None]
    assert schemaorg_problems(data) == []


def test_website_searches_the_catalogue_by_its_query_parameter():
    data = website(SITE)
    action = data["potentialAction"]
    assert action["target"]["urlTemplate"] == (
        "https://catalogue.example.org/mv/catalogue/?query={search_term}")
    assert action["query-input"] == "required name=search_term"
    # the parameter the catalogue page's script reads
    script = (ROOT / "theme" / "assets" / "catalogue.js").read_text(encoding="utf-8")
    assert re.search(r'QUERY_PARAMETER = "(\w+)"', script)[1] == CATALOGUE_QUERY_PARAMETER
    assert schemaorg_problems(data) == []


def test_the_course_list_meets_googles_rules(rich: Catalogue):
    units = list(rich.units.values())
    data = course_list(rich, units, SITE, "catalogue/")
    assert data is not None and data["@type"] == "ItemList"
    assert len(data["itemListElement"]) == data["numberOfItems"] == 3
    for position, item in enumerate(data["itemListElement"], start=1):
        assert item["position"] == position
        course = item["item"]
        assert course["@type"] == "Course"
        assert course["name"] and course["description"] and course["provider"]["name"]
    assert schemaorg_problems(data) == []
    assert course_list(rich, units[:2], SITE, "catalogue/") is None


def _plan(catalogue: Catalogue) -> Plan:
    return Plan(catalogue, SITE, tuple(generated_pages(catalogue)))


def test_blocks_by_page(rich: Catalogue):
    plan = _plan(rich)

    def ids(src_uri: str) -> list[str]:
        page = plan.by_source.get(src_uri)
        context = plan.page_context(page) if page else plan.markdown_context(src_uri)
        return [block.element_id for block in context.get("jsonld", [])]

    assert ids("units/barista.md") == ["jsonld-course", "amb"]
    assert ids("providers/centre.md") == ["jsonld-organization"]
    assert ids("outcomes/espresso.md") == ["jsonld-defined-term"]
    assert ids("index.md") == ids("catalogue/index.md") == ["jsonld-website",
                                                            "jsonld-course-list"]
    assert ids("about.md") == ids("reference/fields.md") == []


def test_every_block_of_the_sample_is_valid(sample: Catalogue):
    plan = _plan(sample)
    contexts = [(page.src_uri, plan.page_context(page)) for page in plan.pages]
    checked = 0
    for src_uri, context in [*contexts, ("index.md", plan.markdown_context("index.md"))]:
        for block in context.get("jsonld", []):
            assert schemaorg_problems(block.data) == [], (src_uri, block.element_id)
            expand_strictly(block.data)
            if is_amb(block.data):
                assert amb_errors(block.data) == [], src_uri
            checked += 1
    # pages with JSON-LD carry more than one block; skill, gap and embed pages carry none
    assert checked > sum(1 for _, context in contexts if "jsonld" in context)


# --- in the built pages ----------------------------------------------------------------------


def _soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def _blocks(soup: BeautifulSoup) -> dict[str, Any]:
    return {script["id"]: json.loads(script.string)
            for script in soup.select("head script[type='application/ld+json']")}


@pytest.mark.parametrize(("path", "types"), [
    ("index.html", {"jsonld-website": "WebSite", "jsonld-course-list": "ItemList"}),
    ("catalogue/index.html", {"jsonld-website": "WebSite", "jsonld-course-list": "ItemList"}),
    ("providers/example-hospitality-school-bologna/index.html",
     {"jsonld-organization": "EducationalOrganization"}),
    ("outcomes/espresso-extraction/index.html", {"jsonld-defined-term": "DefinedTerm"}),
    ("units/barista-basics/index.html", {"jsonld-course": "Course",
                                         "amb": ["Course", "LearningResource"]}),
])
def test_each_page_kind_carries_its_blocks(built_site: Path, path: str, types: dict[str, Any]):
    blocks = _blocks(_soup(built_site, path))
    assert {key: block["@type"] for key, block in blocks.items()} == types


def test_the_home_page_lists_the_units_it_shows(built_site: Path):
    soup = _soup(built_site, "index.html")
    listed = [item["item"]["url"] for item in
              _blocks(soup)["jsonld-course-list"]["itemListElement"]]
    shown = [urlsplit(a["href"]).path for a in soup.select(".mv-card__title a")]
    assert len(listed) >= 3
    assert [urlsplit(url).path.removeprefix("/microvet/") for url in listed] == [
        href.removeprefix("./") for href in shown]


def test_every_page_has_sharing_tags(built_site: Path):
    # admin/ is the web editor for providers, not a page to share (and carries noindex).
    pages = sorted(page for page in built_site.rglob("index.html")
                   if not page.relative_to(built_site).as_posix().startswith("admin/"))
    assert len(pages) > 20
    for page in pages:
        if page.relative_to(built_site).parts[0] == "embed":
            continue  # lists shown inside other sites' frames (noindex), never shared
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        tags = {tag.get("property") or tag.get("name"): tag["content"]
                for tag in soup.select("head meta[property^='og:'], head meta[name^='twitter:']")}
        relative = page.relative_to(built_site).parent.as_posix()
        assert tags.keys() == {"og:type", "og:site_name", "og:title", "og:description", "og:url",
                               "og:locale", "twitter:card", "twitter:title",
                               "twitter:description"}, relative
        assert tags["og:title"] and tags["og:description"], relative
        expected = "" if relative == "." else relative + "/"
        assert tags["og:url"].endswith("/microvet/" + expected), relative
        assert tags["twitter:title"] == tags["og:title"]


def test_sharing_tags_of_a_unit_and_of_the_home_page(built_site: Path):
    soup = _soup(built_site, "units/barista-basics/index.html")
    title = soup.select_one("meta[property='og:title']")["content"]
    assert title == soup.select_one("h1").get_text()
    home = _soup(built_site, "index.html")
    assert home.select_one("meta[property='og:title']")["content"] == "microVET catalogue"


def test_robots_txt_is_published(built_site: Path):
    text = (built_site / "robots.txt").read_text(encoding="ascii")
    assert text.endswith("\nSitemap: https://microvet-catalogue.github.io/microvet/sitemap.xml\n")
