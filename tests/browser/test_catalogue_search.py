"""The catalogue page's search and filters in Chromium, on the built sample site.

Expected results are computed here from catalogue/search-index.json, so the tests follow the
sample content as it grows; the rules they check are the page's, stated in each test.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.outputs import packed_index, search

pytestmark = pytest.mark.browser

RESULT_LINKS = "#mv-results .mv-card__title a"


def index_of(site: Path) -> dict[str, Any]:
    """The search index the page loads."""
    return json.loads((site / "catalogue" / "search-index.json").read_bytes())


def facet(document: dict[str, Any], key: str) -> tuple[list[list[str]], list[list[int]]]:
    """A facet's values and, per unit, the positions of its values."""
    values = next(f["values"] for f in document["facets"] if f["key"] == key)
    column = document["units"]["facets"][key]
    return values, [v if isinstance(v, list) else [v] for v in column]


def shown_titles(page: Any) -> list[str]:
    """Titles of every result, after pressing "Show more" until all are listed."""
    while page.is_visible("#mv-more"):
        page.click("#mv-more")
    return [link.inner_text() for link in page.query_selector_all(RESULT_LINKS)]


def query_of(page: Any) -> dict[str, list[str]]:
    """The query string of the page's address, read in the page (`page.url` may lag behind
    history.pushState)."""
    return parse_qs(urlsplit(page.evaluate("location.href")).query)


def two_values_that_overlap(document: dict[str, Any]) -> tuple[tuple[str, int], tuple[str, int]]:
    """An EQF level and a mode of participation that some units, not all, have together."""
    _, levels = facet(document, "level")
    _, modes = facet(document, "mode")
    pairs = sorted({(lv[0], md[0]) for lv, md in zip(levels, modes, strict=True)})
    total = len(levels)
    for level, mode in pairs:
        both = sum(1 for lv, md in zip(levels, modes, strict=True)
                   if lv[0] == level and md[0] == mode)
        if 1 < both < total:
            return ("level", level), ("mode", mode)
    pytest.skip("the sample content has no EQF level and mode shared by several units")


def test_without_javascript_the_page_is_the_plain_list(built_site: Path, site_url: str,
                                                       browser: Any):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "catalogue/")
    assert not page.is_visible("#mv-search")
    titles = index_of(built_site)["units"]["title"]
    # text_content: cards off the screen are not rendered (content-visibility), so their
    # innerText is empty; their text is in the page all the same
    assert [a.text_content() for a in page.query_selector_all(RESULT_LINKS)] == titles[:50]
    assert page.is_visible(".mv-pages") == (len(titles) > 50)
    context.close()


def test_typing_a_title_puts_that_unit_first(built_site: Path, site_url: str,
                                             open_page: Callable[..., Any]):
    document = index_of(built_site)
    title = document["units"]["title"][-1]  # the last in title order: not first by accident
    page = open_page(site_url + "catalogue/", ready=True)
    page.click("#mv-q")
    page.keyboard.type(title, delay=10)
    page.wait_for_selector("#mv-count:has-text('match')")  # read out after typing stops
    assert page.query_selector_all(RESULT_LINKS)[0].inner_text() == title
    assert page.input_value("#mv-sort") == "relevance"
    assert query_of(page)["query"] == [title]


def test_words_match_without_accents_and_in_other_languages(built_site: Path, site_url: str,
                                                            open_page: Callable[..., Any]):
    document = index_of(built_site)
    foreign = document["units"]["titleLang"]
    if not foreign:
        pytest.skip("no unit of the sample content has a title in another language only")
    position = int(sorted(foreign, key=int)[0])
    title = document["units"]["title"][position]
    plain = "".join(c for c in unicodedata.normalize("NFKD", title)
                    if not unicodedata.combining(c))
    page = open_page(site_url + f"catalogue/?query={plain}", ready=True)
    first = page.query_selector_all(RESULT_LINKS)[0]
    assert first.inner_text() == title
    assert first.get_attribute("lang") == foreign[str(position)]


def test_a_query_that_matches_nothing_offers_to_clear_it(site_url: str,
                                                        open_page: Callable[..., Any]):
    page = open_page(site_url + "catalogue/", ready=True)
    page.fill("#mv-q", "qqqzzzxxy")
    page.wait_for_selector("#mv-empty:not([hidden])")
    assert page.query_selector_all(RESULT_LINKS) == []
    page.click("#mv-empty button")
    assert page.input_value("#mv-q") == ""
    assert len(page.query_selector_all(RESULT_LINKS)) > 0


def test_two_facets_combine_and_every_count_follows_the_others(
        built_site: Path, site_url: str, open_page: Callable[..., Any]):
    document = index_of(built_site)
    (key_a, value_a), (key_b, value_b) = two_values_that_overlap(document)
    page = open_page(site_url + "catalogue/", ready=True)
    for key, value in ((key_a, value_a), (key_b, value_b)):
        page.click(f"details[data-facet={key}] > summary")
        page.check(f"#mv-{key}-{value}")
    _, column_a = facet(document, key_a)
    _, column_b = facet(document, key_b)
    titles = document["units"]["title"]
    expected = [titles[u] for u in range(len(titles))
                if value_a in column_a[u] and value_b in column_b[u]]
    assert shown_titles(page) == expected  # no query: title order
    # a value's count assumes the other facets' choices: every other mode, level `value_a`
    values, _ = facet(document, key_b)
    for other in range(len(values)):
        count = sum(1 for u in range(len(titles)) if value_a in column_a[u]
                    and other in column_b[u])
        label = page.inner_text(f"label[for=mv-{key_b}-{other}]")
        assert label.endswith(f"({count})"), label
    assert page.inner_text("#mv-count").startswith(f"{len(expected)} micro-credential")


def test_the_url_holds_the_state_through_reload_back_forward_and_sharing(
        built_site: Path, site_url: str, open_page: Callable[..., Any]):
    document = index_of(built_site)
    (key_a, value_a), (key_b, value_b) = two_values_that_overlap(document)
    code_a = facet(document, key_a)[0][value_a][0]
    code_b = facet(document, key_b)[0][value_b][0]
    page = open_page(site_url + "catalogue/", ready=True)
    page.click(f"details[data-facet={key_a}] > summary")
    page.check(f"#mv-{key_a}-{value_a}")
    first = shown_titles(page)
    page.click(f"details[data-facet={key_b}] > summary")
    page.check(f"#mv-{key_b}-{value_b}")
    page.select_option("#mv-sort", "workload")
    both = shown_titles(page)
    assert query_of(page) == {key_a: [code_a], key_b: [code_b], "sort": ["workload"]}

    page.reload()
    page.wait_for_selector("html.mv-search-settled #mv-search[data-state=ready]")
    assert shown_titles(page) == both
    assert page.is_checked(f"#mv-{key_a}-{value_a}") and page.is_checked(f"#mv-{key_b}-{value_b}")
    assert page.input_value("#mv-sort") == "workload"

    page.go_back()  # before the sort
    page.go_back()  # before the second filter
    assert query_of(page) == {key_a: [code_a]}
    assert not page.is_checked(f"#mv-{key_b}-{value_b}")
    assert shown_titles(page) == first
    page.go_forward()
    page.go_forward()
    assert query_of(page) == {key_a: [code_a], key_b: [code_b], "sort": ["workload"]}
    assert shown_titles(page) == both

    shared = open_page(page.evaluate("location.href"), ready=True)  # the link, opened afresh
    assert shown_titles(shared) == both


def test_filters_work_from_the_keyboard_alone_with_visible_focus(
        built_site: Path, site_url: str, open_page: Callable[..., Any]):
    document = index_of(built_site)
    values, column = facet(document, "level")
    page = open_page(site_url + "catalogue/", ready=True)
    page.focus("#mv-q")
    page.keyboard.press("Tab")  # the Search button
    assert page.evaluate("document.activeElement.id") == "mv-go"
    page.keyboard.press("Tab")  # the sort order
    assert page.evaluate("document.activeElement.id") == "mv-sort"
    page.keyboard.press("Tab")  # the quick filter "Upcoming only"
    assert page.evaluate("document.activeElement.id") == "mv-quick-upcoming"
    page.keyboard.press("Tab")  # ... and "Free"
    page.keyboard.press("Tab")  # "Filters": open at this width
    page.keyboard.press("Tab")  # the first facet, EQF level
    assert page.evaluate("document.activeElement.parentElement.dataset.facet") == "level"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")  # open it
    page.keyboard.press("Tab")  # its first value
    assert page.evaluate("document.activeElement.id") == "mv-level-0"
    page.keyboard.press("Space")
    assert page.is_checked("#mv-level-0")
    assert query_of(page) == {"level": [values[0][0]]}
    expected = sum(1 for values_of_unit in column if 0 in values_of_unit)
    assert page.inner_text("#mv-count").startswith(f"{expected} micro-credential")
    page.keyboard.press("Space")
    assert query_of(page) == {}


def test_no_results_offers_to_remove_the_last_filter(built_site: Path, site_url: str,
                                                     open_page: Callable[..., Any]):
    document = index_of(built_site)
    levels, level_column = facet(document, "level")
    modes, mode_column = facet(document, "mode")
    disjoint = [(lv, md) for lv in range(len(levels)) for md in range(len(modes))
                if not any(lv in a and md in b
                           for a, b in zip(level_column, mode_column, strict=True))]
    if not disjoint:
        pytest.skip("every EQF level of the sample content comes in every mode")
    level, mode = disjoint[0]
    page = open_page(site_url + f"catalogue/?level={levels[level][0]}&mode={modes[mode][0]}",
                     ready=True)
    assert page.is_visible("#mv-empty")
    assert page.inner_text("#mv-count").startswith("0 micro-credentials match")
    button = page.inner_text("#mv-empty button")
    assert button == f"Remove the last filter: Mode of participation {modes[mode][1]}"
    page.click("#mv-empty button")
    assert query_of(page) == {"level": [levels[level][0]]}
    titles = document["units"]["title"]
    assert shown_titles(page) == [titles[u] for u in range(len(titles)) if level in level_column[u]]
    assert page.evaluate("document.activeElement.id") == "mv-results-heading"


def test_the_page_unpacks_the_index_as_python_does(built_site: Path, site_url: str,
                                                   open_page: Callable[..., Any]):
    page = open_page(site_url + "catalogue/", ready=True)
    unpacked = page.evaluate("""async () => {
      const data = await (await fetch("search-index.json")).json();
      const index = window.microvetSearch.unpackIndex(data.index);
      index.fieldVectors = index.fieldVectors.map(([ref, e]) => [ref, Array.from(e)]);
      index.invertedIndex = index.invertedIndex.map(([term, posting]) => [term, Object.assign(
        {_index: posting._index}, ...index.fields.map((f) => ({[f]: posting[f]})))]);
      return JSON.parse(JSON.stringify(index));
    }""")
    assert unpacked == packed_index.unpack(index_of(built_site)["index"])


@pytest.mark.parametrize("text", [
    "The Caffè-Bar: l'ESPRESSO, ½ litre (3-2-1 rule) 🙂ok, see https://x.org/a?b=c",
    "Łódź naïve_word ÉCOLE Straße Gebäudesanierung \ufb01nish \u210c",
    "Ελληνικά и кириллица 中文 tab\there\u00a0nbsp\u2014dash",
])
def test_the_page_cuts_text_into_the_words_python_indexed(site_url: str, text: str,
                                                          open_page: Callable[..., Any]):
    page = open_page(site_url + "catalogue/", ready=True)
    words = page.evaluate("(text) => window.microvetSearch.words(text)", text)
    kept = page.evaluate(
        "(words) => words.filter((w) => !window.microvetSearch.isStopWord(w))", words)
    for stem in (False, True):
        indexed = page.evaluate(
            "([words, stem]) => words.map((w) => window.microvetSearch.indexWord(w, stem))",
            [kept, stem])
        assert indexed == search.normalise_words(text, "en", stem=stem)


def test_enter_in_the_search_box_says_how_many_and_goes_to_the_results(
        site_url: str, open_page: Callable[..., Any]):
    page = open_page(site_url + "catalogue/", ready=True)
    everything = page.inner_text("#mv-count")
    shown = len(shown_titles(page))
    page.fill("#mv-q", "espresso")
    page.press("#mv-q", "Enter")
    assert page.evaluate("document.activeElement.id") == "mv-results-heading"
    assert page.inner_text("#mv-count") != everything  # announced at once, not after typing
    assert 0 < len(shown_titles(page)) < shown

