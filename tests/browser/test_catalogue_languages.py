"""The catalogue in other interface languages, in Chromium: words, stems and ranking.

The sample site has its pages in every interface language under `<language>/`; the catalogue
page there loads that language's index, lunr-languages' stemmer and the translated messages.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import serving
from test_search import INFLECTED, found, query

from generator.content.catalogue import load_catalogue
from generator.outputs import search
from generator.outputs.search_text import fold, split_words, stemmer

ROOT = Path(__file__).resolve().parents[2]
RESULT_LINKS = "#mv-results .mv-card__title a"
LANGUAGES = ("de", "fr", "it", "es", "pl", "fi")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def language_sites(built_site: Path) -> Iterator[dict[str, str]]:
    """The sample site's pages in each interface language, served: {language: its URL}
    (`<site>/<language>/`, docs/architecture.md "A page per language")."""
    with serving(built_site) as url:
        yield {language: f"{url}{language}/" for language in LANGUAGES}


def _index(url: str, language: str, open_page: Callable[..., Any]) -> dict[str, Any]:
    page = open_page(url.removesuffix(f"{language}/") + f"catalogue/search-index.{language}.json")
    return json.loads(page.inner_text("body"))


def _results(page: Any) -> list[str]:
    return [link.get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
            for link in page.query_selector_all(RESULT_LINKS)]


def _search(page: Any, words: str) -> list[str]:
    page.fill("#mv-q", words)
    page.wait_for_function(
        "(q) => new URLSearchParams(location.search).get('query') === q", arg=words)
    page.wait_for_timeout(50)
    return _results(page)


@pytest.mark.parametrize(("language", "typed", "unit"), INFLECTED)
def test_an_inflected_form_finds_the_unit_in_the_browser(language_sites, open_page, language,
                                                          typed, unit):
    page = open_page(language_sites[language] + "catalogue/", ready=True)
    assert page.get_attribute("html", "lang") == language
    assert unit in _search(page, typed)


@pytest.mark.parametrize("language", ["de", "fr", "it", "es", "fi"])
def test_the_page_stems_every_word_as_the_index_does(language_sites, open_page, language):
    """Every word of the sample content in that language, through lunr-languages' stemmer in
    the page and snowballstemmer here: the same stem, or typed words would miss their text."""
    catalogue = load_catalogue(ROOT / "content", root=ROOT)
    words: set[str] = set()
    for kind in (catalogue.units, catalogue.outcomes, catalogue.providers):
        for item in kind.values():
            for value in _texts(item.model_dump(), language):
                words.update(split_words(value))
    ordered = sorted(words)
    assert len(ordered) > 50
    page = open_page(language_sites[language] + "catalogue/", ready=True)
    in_page = page.evaluate(
        "(words) => words.map((w) => window.microvetSearch.indexWord(w, true))", ordered)
    stem = stemmer(language)
    assert stem is not None
    assert in_page == [fold(stem(word)) for word in ordered]


def _texts(value: Any, language: str) -> Iterator[str]:
    """The texts of `language` in a dumped model (language maps are dicts of 2-letter keys)."""
    if isinstance(value, dict):
        if value and all(isinstance(k, str) and len(k) == 2 and isinstance(v, str)
                         for k, v in value.items()):
            if language in value:
                yield value[language]
            return
        for item in value.values():
            yield from _texts(item, language)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item, language)


def test_units_found_in_the_page_language_come_before_the_others(language_sites, open_page):
    """`Installation` is a German word and an English one: German matches first."""
    url = language_sites["de"]
    document = _index(url, "de", open_page)
    hits = query(document, "Installation")
    units = document["units"]["id"]
    own = {units[int(hit["ref"])] for hit in hits if int(hit["ref"]) < len(units) and any(
        not field.endswith(search.OTHER)
        for term in hit["match_data"].metadata.values() for field in term)}
    everything = set(found(document, "Installation"))
    assert own and everything - own  # the sample has both kinds
    page = open_page(url + "catalogue/", ready=True)
    shown = _search(page, "Installation")
    first = shown[:len(own)]
    assert set(first) == own
    assert everything <= set(shown)


def test_the_page_speaks_its_language(language_sites, open_page):
    page = open_page(language_sites["pl"] + "catalogue/", ready=True)
    assert page.inner_text("label[for=mv-q]") == "Szukaj mikropoświadczeń"
    assert page.inner_text("#mv-filters > summary") == "Filtry"
    legends = page.eval_on_selector_all(".mv-facet > summary",
                                        "(nodes) => nodes.map((n) => n.firstChild.textContent)")
    assert legends[:3] == ["Poziom ERK", "Nakład pracy", "Język kształcenia"]
    assert page.inner_text("#mv-count") == "35 mikropoświadczeń."
    assert _search(page, "qqqzzz") == []
    assert page.inner_text("#mv-empty p") == (
        "Żadne mikropoświadczenie nie pasuje do tych słów i filtrów.")


def test_polish_is_matched_by_prefix_without_a_stemmer(language_sites, open_page):
    page = open_page(language_sites["pl"] + "catalogue/", ready=True)
    assert page.evaluate("window.microvetSearch.indexWord('arkusze', true)") == "arkusze"
    assert "office-productivity-cloud" in _search(page, "arkusz")
    assert "office-productivity-cloud" in _search(page, "kalkulacyjne")


def test_cards_show_the_title_and_facts_in_the_page_language(language_sites, open_page):
    page = open_page(language_sites["de"] + "catalogue/", ready=True)
    _search(page, "Wärmepumpen")
    card = page.query_selector("#mv-results .mv-card")
    assert card.query_selector("a").inner_text() == "Wärmepumpen fachgerecht installieren"
    facts = [item.inner_text() for item in card.query_selector_all(".mv-facts li")]
    assert facts[:3] == ["EQR-Niveau 4", "60 Stunden · 2 ECTS",
                         "Blended Learning (online und vor Ort)"]
