"""Skills, gaps and statistics in Chromium (issue 15): the offline gap tool, the ESCO facets
and the CSV export of the catalogue page, and axe-core on every new kind of page."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from browser.test_accessibility import violations
from generator.content.catalogue import load_catalogue
from generator.outputs.search import esco_codes

pytestmark = pytest.mark.browser

FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"
HEAT_PUMP = "http://data.europa.eu/esco/skill/00735755-adc6-4ea0-b034-b8caff339c9f"
HYGIENE = "http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6"


def section_items(page: Any, key: str) -> list[str]:
    """The lines of one result section of the gap tool (covered, open, unknown)."""
    return [item.inner_text() for item in page.query_selector_all(f".mv-gap-result__{key} li")]


def test_the_gap_tool_shows_covered_and_uncovered_skills_offline(
        site_url: str, open_page: Callable[..., Any]):
    page = open_page(site_url + "gaps/tool/")
    page.wait_for_selector("#mv-gap-form[data-ready=true]")
    page.fill("#mv-gap-skills", f"operate forklift\n{HEAT_PUMP.replace('http:', 'https:')}\n"
                                "knitting underwater\n")
    page.click("#mv-gap-form button[type=submit]")
    covered = section_items(page, "covered")
    assert covered == ["install heat pump: Wärmepumpen fachgerecht installieren"]
    assert section_items(page, "open") == ["operate forklift: no offer yet"]
    assert section_items(page, "unknown") == ["knitting underwater"]
    link = page.locator(".mv-gap-result__covered a").nth(1)
    assert link.get_attribute("href").endswith("units/heat-pump-installation/")
    assert page.locator(".mv-gap-result__open a").first.get_attribute("href").endswith(
        "skills/28cb374e-6261-4133-8371-f9a5470145da/")


def test_the_gap_tool_checks_an_occupations_skills(site_url: str,
                                                   open_page: Callable[..., Any]):
    page = open_page(site_url + "gaps/tool/")
    page.wait_for_selector("#mv-gap-form[data-ready=true]")
    page.select_option("#mv-gap-occupation", label="forklift operator")
    page.click("#mv-gap-form button[type=submit]")
    assert "operate forklift: no offer yet" in section_items(page, "open")
    assert any(line.startswith("move objects: ") for line in section_items(page, "covered"))


def test_the_skill_facet_lists_the_units_teaching_a_skill_and_exports_them_as_csv(
        site_url: str, open_page: Callable[..., Any]):
    catalogue = load_catalogue(ROOT / "content", root=ROOT)
    entries = [e for e in catalogue.labour.skills.values() if e.units]
    code = esco_codes([e.slug for e in entries])[[e.uri for e in entries].index(HYGIENE)]
    teaching = sorted(catalogue.labour.skill_by_uri[HYGIENE].units)
    page = open_page(site_url + f"catalogue/?skill={code}", ready=True)
    assert page.inner_text("#mv-count").startswith(f"{len(teaching)} micro-credential")
    with page.expect_download() as download:
        page.click("#mv-csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text("utf-8"))))
    assert sorted(row["id"] for row in rows) == teaching
    assert all(row["url"] == f"{site_url}units/{row['id']}/" for row in rows)
    first = catalogue.units[rows[0]["id"]]
    assert rows[0]["eqf_level"] == f"EQF level {first.eqf_level}"


def test_the_occupation_facet_filters_units(site_url: str, open_page: Callable[..., Any]):
    catalogue = load_catalogue(ROOT / "content", root=ROOT)
    entries = [e for e in catalogue.labour.occupations.values() if e.units]
    barista = next(e for e in entries if e.label == "barista")
    code = esco_codes([e.slug for e in entries])[entries.index(barista)]
    page = open_page(site_url + f"catalogue/?occupation={code}", ready=True)
    assert page.inner_text("#mv-count").startswith(f"{len(barista.units)} micro-credential")


PAGES = {
    "demand": "demands/example-logistics-vienna/",
    "skill": "skills/28cb374e-6261-4133-8371-f9a5470145da/",
    "occupation": "occupations/eeac6251-1974-42f5-91ed-513c6c883755/",
    "skills": "skills/", "occupations": "occupations/", "gaps": "gaps/",
    "gap tool": "gaps/tool/", "statistics": "statistics/",
    "embed": "embed/demands/example-logistics-vienna/",
}


@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_finds_nothing_serious(kind: str, site_url: str, axe_script: Path,
                                   open_page: Callable[..., Any]):
    # the page's Content-Security-Policy would refuse the injected axe script
    page = open_page(site_url + PAGES[kind], bypass_csp=True)
    assert violations(page, axe_script) == []


@pytest.mark.parametrize("kind", ["gaps", "statistics", "demand"])
def test_the_pages_fit_a_375_pixel_phone(kind: str, site_url: str,
                                         open_page: Callable[..., Any]):
    page = open_page(site_url + PAGES[kind], width=375, height=812)
    wider = page.evaluate("""() => [...document.querySelectorAll('main *')]
      .filter((e) => !e.closest('.mv-table-scroll'))
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((e) => e.tagName + '.' + e.className).slice(0, 5)""")
    assert wider == []


@pytest.mark.parametrize("kind", ["gaps", "demand"])
def test_a_gap_row_on_a_phone_keeps_the_skill_on_whole_words(kind: str, site_url: str,
                                                             open_page: Callable[..., Any]):
    """Four table columns at 375 px squeezed the skills into a column a few letters wide."""
    page = open_page(site_url + PAGES[kind], width=375, height=812)
    rows = page.evaluate("""() => [...document.querySelectorAll('.mv-gaps tbody tr')].map((tr) => {
        const skill = tr.querySelector('th a');
        return {skill: skill.getBoundingClientRect().width, row: tr.getBoundingClientRect().width,
                lines: skill.getClientRects().length,
                label: getComputedStyle(tr.querySelector('td'), '::before').content};
      })""")
    captions = page.evaluate("""() => [...document.querySelectorAll('.mv-gaps caption')].map(
        (c) => c.getBoundingClientRect().width / c.parentElement.getBoundingClientRect().width)""")
    assert rows and captions and min(captions) > 0.9  # not one word per line either
    for row in rows:
        assert row["skill"] > 0.5 * row["row"] or row["lines"] == 1
        assert row["label"].startswith('"Priority')
