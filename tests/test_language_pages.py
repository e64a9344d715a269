"""The site in every interface language: which pages exist under `<lang>/`, their versions,
hreflang in the head and the sitemap, the switcher, links that stay in the language, and
every URL published before the language pages still answering."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT
from lxml import etree

from generator.content.catalogue import Catalogue, load_catalogue
from generator.i18n import LANGUAGES
from generator.kinds import KINDS, UNIT
from generator.site.pages import (
    default_url,
    language_versions,
    markdown_fallbacks,
    page_language,
    site_pages,
)
from generator.site.plugin import NAV_TITLES

OTHERS = [language for language in LANGUAGES if language != "en"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return load_catalogue(ROOT / "content", root=ROOT)


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


# --- which pages exist ---------------------------------------------------------------------


def test_an_object_has_a_page_in_each_interface_language_it_is_described_in(sample):
    urls = {page.url for page in site_pages(sample)}
    for kind in KINDS:
        for obj in sample.objects[kind.folder].values():
            assert kind.url(obj.id) in urls
            for language in OTHERS:
                described = language in kind.languages(obj)
                assert (f"{language}/{kind.url(obj.id)}" in urls) == described, \
                    (language, kind.name, obj.id)


def test_the_sample_has_units_in_every_language_and_not_everything_in_each(sample):
    units = sample.units.values()
    for language in OTHERS:
        described = [unit for unit in units if language in UNIT.languages(unit)]
        assert 0 < len(described) < len(units), language


def test_lists_and_indexes_exist_in_every_language(sample):
    urls = {page.url for page in site_pages(sample)}
    for language in OTHERS:
        for url in ("catalogue/", "providers/", "units/", "pathways/", "skills/", "gaps/",
                    "statistics/"):
            assert f"{language}/{url}" in urls
        # pages for providers and aggregators stay in the default language
        assert f"{language}/reference/fields/" not in urls
        assert f"{language}/quality/" not in urls


def test_a_page_in_another_language_is_worded_in_it(sample):
    pages = {page.url: page for page in site_pages(sample)}
    german = pages["de/units/forklift-safety-basics/"]
    assert german.context["language"] == "de"
    assert german.title == "Staplerführerschein \u2013 Grundkurs"
    assert not german.in_nav
    assert pages["units/forklift-safety-basics/"].title == "Forklift operator basic course"
    assert pages["de/catalogue/"].title == "Katalog"


def test_a_url_names_its_language_and_its_default_version():
    assert page_language("de/units/x/") == "de"
    assert page_language("units/x/") == "en"
    assert page_language("") == "en"
    assert page_language("deutsch/") == "en"  # only a language code is a language folder
    assert default_url("fi/catalogue/page/2/") == "catalogue/page/2/"
    assert default_url("about/") == "about/"
    assert language_versions(["units/x/", "de/units/x/", "about/"]) == {
        "units/x/": {"en": "units/x/", "de": "de/units/x/"}, "about/": {"en": "about/"}}


def test_markdown_pages_without_a_translation_copy_the_default_page():
    fallbacks = markdown_fallbacks(["", "about/", "data/", "de/", "de/about/"])
    assert fallbacks["de/data/"] == "data/"
    assert "de/about/" not in fallbacks and "de/" not in fallbacks
    assert fallbacks["fr/"] == "" and fallbacks["fr/about/"] == "about/"
    assert len(fallbacks) == 3 * len(OTHERS) - 2


def test_every_navigation_title_is_marked_for_translation():
    config = yaml.safe_load(re.sub(r"!ENV \[[^]]*\]", '""',
                                   (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    titles = [next(iter(item)) for item in config["nav"]]
    assert [title for title in titles if title not in NAV_TITLES] == []


# --- the built site --------------------------------------------------------------------------


def test_every_url_published_before_the_language_pages_still_answers(built_site):
    golden = (ROOT / "tests" / "golden" / "published-urls.txt").read_text(encoding="utf-8")
    urls = [line for line in golden.splitlines() if line and not line.startswith("#")]
    assert len(urls) > 400
    assert [url for url in urls if not (built_site / url / "index.html").is_file()] == []


def test_html_lang_is_the_language_of_each_page(built_site):
    for url, language in [("", "en"), ("units/forklift-safety-basics/", "en"),
                          *((f"{code}/", code) for code in OTHERS),
                          ("de/units/forklift-safety-basics/", "de"), ("fr/catalogue/", "fr"),
                          ("pl/about/", "pl"), ("fi/data/", "fi")]:
        assert soup(built_site, url).html["lang"] == language, url


def _head_alternates(page: BeautifulSoup) -> dict[str, str]:
    links = page.find_all("link", hreflang=True)
    assert all(link["rel"] == ["alternate"] for link in links)
    return {link["hreflang"]: link["href"] for link in links}


def test_hreflang_alternates_are_reciprocal_with_x_default(built_site):
    base = "https://microvet-catalogue.github.io/microvet/"
    checked = 0
    for url in ("", "units/forklift-safety-basics/", "catalogue/", "about/", "data/"):
        alternates = _head_alternates(soup(built_site, url))
        assert alternates["x-default"] == alternates["en"] == base + url
        assert set(alternates) - {"x-default"} >= {"en"}
        for href in alternates.values():
            # every version names the same set, itself included
            assert _head_alternates(soup(built_site, href.removeprefix(base))) == alternates
            checked += 1
    assert checked > 20
    german_only_elsewhere = _head_alternates(soup(built_site, "units/forklift-safety-basics/"))
    assert set(german_only_elsewhere) == {"en", "de", "x-default"}


def test_a_page_in_one_language_only_has_no_alternates(built_site):
    assert soup(built_site, "reference/fields/").find_all("link", hreflang=True) == []


def test_the_sitemap_lists_every_version_with_its_alternates(built_site):
    root = etree.parse(str(built_site / "sitemap.xml")).getroot()
    entries = {url.findtext(f"{SITEMAP}loc"): {link.get("hreflang"): link.get("href")
                                                for link in url.iter(f"{XHTML}link")}
               for url in root.iter(f"{SITEMAP}url")}
    base = "https://microvet-catalogue.github.io/microvet/"
    german = entries[base + "de/units/forklift-safety-basics/"]
    assert german == entries[base + "units/forklift-safety-basics/"] == {
        "de": base + "de/units/forklift-safety-basics/",
        "en": base + "units/forklift-safety-basics/",
        "x-default": base + "units/forklift-safety-basics/"}
    assert base + "fi/data/" in entries  # the copied Markdown pages are pages too
    assert entries[base + "fi/data/"] == _head_alternates(soup(built_site, "fi/data/"))
    assert entries[base + "reference/fields/"] == {}


def test_the_switcher_leads_to_each_version_or_says_it_is_missing(built_site):
    switcher = soup(built_site, "de/units/forklift-safety-basics/").select_one(".mv-languages")
    links = {a["hreflang"]: a for a in switcher.select("a[hreflang]")}
    assert links["en"]["href"] == "../../../units/forklift-safety-basics/"
    assert links["de"]["aria-current"] == "page"
    missing = [span.get_text(" ", strip=True) for span in switcher.select(".mv-languages__missing")]
    assert missing == ["Français (nicht verfügbar)", "Italiano (nicht verfügbar)",
                       "Español (nicht verfügbar)", "Polski (nicht verfügbar)",
                       "Suomi (nicht verfügbar)"]
    home = soup(built_site, "").select_one(".mv-languages")
    assert [a["hreflang"] for a in home.select("a[hreflang]")] == list(LANGUAGES)


def test_links_and_navigation_stay_in_the_language_where_it_has_the_page(built_site):
    page = soup(built_site, "de/units/forklift-safety-basics/")
    tabs = {a.get_text(strip=True): a["href"] for a in page.select(".md-tabs__link")}
    assert tabs["Katalog"] == "../../catalogue/"  # de/catalogue/
    assert tabs["Startseite"] == "../../"  # de/
    assert tabs["Über den Katalog"] == "../../about/"  # de/about/, the section's first page
    sidebar = {a.get_text(strip=True): a["href"] for a in page.select(".md-nav__link[href]")}
    assert sidebar["Feldreferenz"] == "../../../reference/fields/"  # English only
    assert page.select_one(".mv-header-search")["action"] == "../../catalogue/"
    catalogue = soup(built_site, "de/catalogue/").select_one("#mv-search")
    assert catalogue["data-units-local"] == "../units/"
    assert catalogue["data-units"] == "../../units/"


def test_a_language_version_shows_its_place_in_the_navigation(built_site):
    """The active tab of `de/statistics/` and `de/data/` is that of `statistics/` and `data/`;
    `de/data/` also has the About section's sidebar."""
    for path, tab in (("statistics/", "Statistics"), ("de/statistics/", "Statistik"),
                      ("data/", "About"), ("de/data/", "Über den Katalog")):
        page = soup(built_site, path)
        assert [a.get_text(strip=True) for a in page.select(".md-tabs__item--active a")] \
            == [tab], path
    sidebar = soup(built_site, "de/data/").select_one(".md-sidebar--primary")
    assert "hidden" not in sidebar.attrs
    assert "Feldreferenz" in [a.get_text(strip=True) for a in sidebar.select("a")]
    unit = soup(built_site, "de/units/forklift-safety-basics/")
    assert unit.select(".md-tabs__item--active") == []  # a unit page is in no section


def test_an_untranslated_page_shows_the_original_text_marked_with_its_language(built_site):
    page = soup(built_site, "pl/data/")
    assert page.html["lang"] == "pl"
    notice = page.select_one(".mv-untranslated")
    assert notice.get_text(strip=True).startswith("Ta strona nie jest jeszcze przetłumaczona")
    original = notice.find_next_sibling("div")
    assert original["lang"] == "en" and original.find("h1").get_text(strip=True)
    translated = soup(built_site, "pl/about/")
    assert translated.select_one(".mv-untranslated") is None
    assert translated.find("h1").get_text(strip=True) == "O mikropoświadczeniach"


def test_a_unit_keeps_one_identity_in_every_language(built_site):
    """The JSON-LD of each language version names the same object (`@id`), with complete
    language maps: versions are one offer for aggregators."""
    def blocks(url: str) -> dict[str, str]:
        return {script["id"]: script.string
                for script in soup(built_site, url).select("script[type='application/ld+json']")}

    english = blocks("units/forklift-safety-basics/")
    german = blocks("de/units/forklift-safety-basics/")
    assert english.keys() == german.keys() and english
    assert english == german


def test_the_documents_a_page_links_to_are_named_in_its_language(built_site):
    pathway = soup(built_site, "de/pathways/renewable-energy-installer/")
    assert {a.get_text() for a in pathway.select("a[type='application/ld+json']")} == {
        "Europass-Metadaten (ELM)", "Open-Badges-3.0-Leistungsnachweis"}
    assert "Europass (ELM) metadata" not in pathway.get_text()
    provider = soup(built_site, "de/providers/example-energy-academy-freiburg/")
    titles = [link["title"] for link in provider.select("link[type='application/atom+xml']")]
    assert "Atom-Feed der Micro-Credentials dieses Anbieters" in titles
    assert "Atom feed of this provider's units" not in titles
