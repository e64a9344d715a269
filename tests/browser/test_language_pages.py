"""The pages per language in Chromium: the home page offers the browser's language without
redirecting, the switcher works from the keyboard, the catalogue in German links German
pages where units have one."""

from __future__ import annotations

import pytest

from generator.i18n import DEFAULT_LANGUAGE, LANGUAGES


def test_the_home_page_offers_the_browsers_language_and_never_redirects(site_url, open_page):
    page = open_page(site_url, locale="fr-FR")
    offer = page.locator(".mv-suggest:visible")
    assert offer.count() == 1
    assert offer.get_attribute("lang") == "fr"
    assert offer.inner_text() == "Cette page existe aussi en français"
    assert page.url == site_url  # offered, not redirected
    offer.locator("a").click()
    page.wait_for_url(site_url + "fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator(".mv-suggest:visible").count() == 0  # already in French


def test_no_offer_when_the_browser_prefers_the_pages_language(site_url, open_page):
    for locale in ("en-GB", "pt-PT"):  # the page's own, and one the site does not have
        page = open_page(site_url, locale=locale)
        assert page.locator(".mv-suggest:visible").count() == 0, locale


def test_the_switcher_opens_from_the_keyboard_and_leads_to_the_version(site_url, open_page):
    page = open_page(site_url + "units/forklift-safety-basics/", width=375)
    page.focus(".mv-languages__toggle")
    page.keyboard.press("Enter")
    german = page.locator(".mv-languages__list a[hreflang=de]")
    assert german.is_visible()
    box = page.locator(".mv-languages__list").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375  # on screen on a phone
    german.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "de/units/forklift-safety-basics/")
    assert page.locator("h1").inner_text().startswith("Staplerführerschein")


def test_the_german_catalogue_links_german_pages_where_a_unit_has_one(site_url, open_page,
                                                                      built_site):
    page = open_page(site_url + "de/catalogue/", ready=True)
    links = page.eval_on_selector_all("#mv-results .mv-card__title a",
                                      "links => links.map(a => a.getAttribute('href'))")
    german = [href for href in links if href.startswith("../units/")]
    elsewhere = [href for href in links if href.startswith("../../units/")]
    assert german and elsewhere and len(german) + len(elsewhere) == len(links)
    has_german_page = {href: (built_site / "de" / "units" / href.split("units/")[1] / "index.html")
                       .is_file() for href in links}
    assert all(has_german_page[href] for href in german)
    assert not any(has_german_page[href] for href in elsewhere)
    page.goto(site_url + "de/" + german[0].removeprefix("../"))
    assert page.locator("html").get_attribute("lang") == "de"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["", "statistics/"])
def test_every_language_s_pages_fit_a_375_pixel_phone(site_url, open_page, language, path):
    """Longer words (French "Rechercher" in the header, German compounds and Polish headers in
    the statistics tables) pushed the page sideways on a phone."""
    prefix = "" if language == DEFAULT_LANGUAGE else language + "/"
    page = open_page(site_url + prefix + path, width=375, height=812)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
