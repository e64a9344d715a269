"""Catalogue statistics (generator/outputs/statistics.py) and their charts (site/charts.py):
every number is recounted here from the catalogue's units, in a different way."""

from __future__ import annotations

import csv
import io
import statistics as stats
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT
from lxml import html

from generator import i18n
from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.vocabularies import vocabulary
from generator.kinds import SiteInfo
from generator.outputs import statistics


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(ROOT / "content", root=ROOT)


BANDS = (("0-25", 25), ("25-50", 50), ("50-100", 100), ("100-200", 200), ("200+", 10**9))


def counted(catalogue: Catalogue, key: str) -> dict[str, int]:
    """The table `key` recounted unit by unit, by code."""
    counts: Counter[str] = Counter()
    for unit in catalogue.units.values():
        dates = catalogue.dates[unit.id]
        counts.update({
            "eqf-levels": [unit.eqf_level],
            "fields": [vocabulary("isced_f")[unit.isced_f].code[:2]],
            "countries": [catalogue.providers[unit.provider].country],
            "languages": list(unit.languages),
            "modes": [unit.mode],
            "price": ["free" if unit.price.amount in (None, 0) else "paid"],
            "workload": [next(band for band, top in BANDS if unit.workload.hours <= top)],
            "esco": ["yes" if any(catalogue.outcomes[o].esco_skills for o in unit.outcomes)
                     else "no"],
            "freshness": [str(dates.updated.year)] if dates.updated else [],
        }[key])
    return dict(counts)


@pytest.mark.parametrize("key", ["eqf-levels", "fields", "countries", "languages", "modes",
                                 "price", "workload", "esco", "freshness"])
def test_every_table_matches_a_recount(catalogue: Catalogue, key: str):
    table = next(t for t in statistics.tables(catalogue) if t.key == key)
    assert {code: count for code, _, count in table.rows} == counted(catalogue, key)
    assert table.total == len(catalogue.units) == 35


def test_the_headline_numbers(catalogue: Catalogue):
    free = sum(1 for u in catalogue.units.values() if u.price.amount in (None, 0))
    demanded = {s.uri for d in catalogue.demands.values() for s in d.skills}
    taught = {s.uri for u in catalogue.units.values() for o in u.outcomes
              for s in catalogue.outcomes[o].esco_skills}
    assert statistics.summary(catalogue) == {
        "units": 35, "providers": 7, "free": free, "share": round(100 * free / 35),
        "skills": len(taught), "demanded": len(demanded), "covered": len(demanded & taught)}


def test_per_provider_rows_match_a_recount(catalogue: Catalogue):
    rows = statistics.provider_rows(catalogue)
    assert sum(row["units"] for row in rows) == len(catalogue.units)
    for row in rows:
        provider = next(p for p in catalogue.providers.values() if p.name["en"] == row["provider"])
        units = [u for u in catalogue.units.values() if u.provider == provider.id]
        assert row["units"] == len(units)
        assert row["free"] == sum(u.price.amount in (None, 0) for u in units)
        assert float(row["median_hours"]) == float(stats.median(u.workload.hours for u in units))
        assert row["last_updated"] == max(catalogue.dates[u.id].updated for u in units).isoformat()
        levels = Counter(u.eqf_level for u in units)
        assert row["eqf_levels"] == ", ".join(f"{k}: {levels[k]}" for k in sorted(levels))


def test_every_table_is_published_as_csv(catalogue: Catalogue):
    files = statistics.render(catalogue, SiteInfo("https://example.org/"))
    for table in statistics.tables(catalogue):
        rows = list(csv.DictReader(io.StringIO(files[table.csv_path].decode("utf-8"))))
        assert [(r["code"], r["label"], int(r["units"]), int(r["total_units"])) for r in rows] \
            == [(*row, table.total) for row in table.rows]
    providers = list(csv.DictReader(io.StringIO(
        files["api/statistics/providers.csv"].decode("utf-8"))))
    assert [int(r["units"]) for r in providers] == \
        [row["units"] for row in statistics.provider_rows(catalogue)]


def test_the_page_shows_every_number_in_a_table(built_site: Path, catalogue: Catalogue):
    page = html.parse(str(built_site / "statistics" / "index.html"))
    for table in statistics.tables(catalogue):
        section = page.xpath(f'//section[@aria-labelledby="stat-{table.key}"]')[0]
        cells = [(row.xpath("string(th)"), int(row.xpath("string(td[1])")))
                 for row in section.xpath(".//table/tbody/tr")]
        assert cells == [(label, count) for _, label, count in table.rows]
        assert section.xpath(".//svg/title/text()") == [table.title]


def test_the_page_in_german_labels_every_value_in_german(built_site: Path, catalogue: Catalogue):
    page = html.parse(str(built_site / "de" / "statistics" / "index.html"))
    for table in statistics.tables(catalogue, "de"):
        section = page.xpath(f'//section[@aria-labelledby="stat-{table.key}"]')[0]
        labels = [row.xpath("string(th)") for row in section.xpath(".//table/tbody/tr")]
        assert labels == [label for _, label, _ in table.rows]
        assert section.xpath(".//div[@class='mv-chart__labels']/span/text()") == labels
        assert "Von insgesamt 35 Micro-Credentials." in section.xpath("string(.//svg/desc)")
    german = {key: [label for _, label, _ in table.rows]
              for table in statistics.tables(catalogue, "de") for key in [table.key]}
    assert "Deutschland" in german["countries"] and "Germany" not in german["countries"]
    assert german["price"][0] == i18n.translate("de", "Free") != "Free"

