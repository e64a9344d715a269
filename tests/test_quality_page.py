"""The completeness dashboard (quality/) shows what `microvet check --completeness` reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from conftest import ROOT

from generator.cli import main
from generator.content.catalogue import load_catalogue
from generator.site.pages import quality_pages


def reported() -> dict[str, Any]:
    """The sample's report as `microvet check --completeness --format json` prints it."""
    result = CliRunner().invoke(main, ["check", "--completeness", "--format", "json",
                                       "--content", str(ROOT / "content")])
    assert result.exit_code == 0, result.output
    report, _ = json.JSONDecoder().raw_decode(result.output)
    return dict(report)


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return reported()


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def test_the_overview_counts_what_the_report_counts(built_site: Path, report: dict[str, Any]):
    page = soup(built_site, "quality")
    known = [e for e in report["elements"] if e["known"]]
    headers = [th.get_text(strip=True) for th in page.select("#providers thead th[scope=col]")]
    assert headers == ["Provider (micro-credentials)", *[e["label"] for e in known]]
    rows = page.select("#providers tbody tr")
    assert [row["data-provider"] for row in rows] == [p["id"] for p in report["providers"]]
    for row, provider in zip(rows, report["providers"], strict=True):
        assert int(row["data-units"]) == provider["units"]
        shown = {cell["data-element"]: int(cell["data-count"]) for cell in row.select("td")}
        assert shown == {e["key"]: provider["present"][e["key"]] for e in known}
        assert row.select_one("td").get_text(" ", strip=True) == (
            f"{provider['present'][known[0]['key']]} of {provider['units']}")
    unknown = [e["label"] for e in report["elements"] if not e["known"]]
    assert ", ".join(unknown) in page.select_one("article").get_text(" ")


def test_each_providers_page_shows_each_unit_element_by_element(built_site: Path,
                                                                 report: dict[str, Any]):
    known = [e["key"] for e in report["elements"] if e["known"]]
    for provider in report["providers"]:
        page = soup(built_site, f"quality/{provider['id']}")
        rows = page.select("#units tbody tr")
        units = [u for u in report["units"] if u["provider"] == provider["id"]]
        assert [row["data-unit"] for row in rows] == [u["id"] for u in units]
        for row, unit in zip(rows, units, strict=True):
            shown = {cell["data-element"]: cell["data-present"] == "true"
                     for cell in row.select("td")}
            assert shown == {key: unit["present"][key] for key in known}, unit["id"]
            # the mark is drawn by the stylesheet; the cell's text is for screen readers
            assert [cell.get_text(strip=True) for cell in row.select("td")] == [
                "present" if unit["present"][key] else "missing" for key in known]
            assert all("mv-mark" in cell["class"] for cell in row.select("td"))


def test_the_tables_are_labelled_for_screen_readers(built_site: Path):
    for path in ("quality", "quality/example-hospitality-school-bologna"):
        table = soup(built_site, path).select_one("article table")
        assert table.caption is not None and table.caption.get_text(strip=True)
        region = table.find_parent("div", attrs={"role": "region"})
        assert region["aria-labelledby"] == table.caption["id"] and region["tabindex"] == "0"
        assert table.select("thead th[scope=colgroup]")
        assert all(th["scope"] == "row" for th in table.select("tbody th"))


def test_the_overview_is_in_the_navigation_and_links_each_provider(built_site: Path):
    home = soup(built_site, ".")
    assert any(a.get_text(strip=True) == "Completeness" for a in home.select("nav a"))
    links = [a["href"] for a in soup(built_site, "quality").select("#providers tbody th a")]
    assert links[0] == "example-alpine-tourism-campus-lucerne/"


def test_one_page_per_provider_with_units(content_tree: Any):
    content_tree.minimal()
    pages = quality_pages(load_catalogue(content_tree.content, root=content_tree.root))
    assert [page.url for page in pages] == ["quality/", "quality/centre/"]
    assert pages[0].in_nav and not pages[1].in_nav
    assert pages[1].title == "Completeness: Example Training Centre (fictional)"
