"""Catalogue statistics: counts of units by level, field, country, language, mode, workload,
price, ESCO coverage and freshness, overall and per provider; each also as CSV under
`api/statistics/`. The statistics page draws them (generator/site/charts.py).
"""

from __future__ import annotations

import csv
import io
import statistics as stats
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.content.catalogue import Catalogue
from generator.content.models import Unit
from generator.content.text import pick
from generator.content.vocabularies import vocabulary
from generator.i18n import DEFAULT_LANGUAGE, N_, translate
from generator.kinds import SiteInfo
from generator.outputs.search import WORKLOAD_BANDS, workload_band

CSV_FOLDER = "api/statistics"


@dataclass(frozen=True)
class Table:
    """One statistic: labelled counts in display order, out of `total` units."""

    key: str
    title: str
    description: str
    rows: tuple[tuple[str, str, int], ...]
    """(code, label, units) for every value that at least one unit has."""
    total: int

    @property
    def csv_path(self) -> str:
        """Where the table is published as CSV."""
        return f"{CSV_FOLDER}/{self.key}.csv"


def _count(units: Iterable[Unit], values: Callable[[Unit], list[str]],
           order: list[str], label: Callable[[str], str]) -> tuple[tuple[str, str, int], ...]:
    counts = Counter(value for unit in units for value in set(values(unit)))
    return tuple((code, label(code), counts[code]) for code in order if counts[code])


PRICE_LABELS = {"free": N_("Free"), "paid": N_("Paid")}
ESCO_LABELS = {"yes": N_("With ESCO skills"), "no": N_("Without ESCO skills")}


def tables(catalogue: Catalogue, language: str = DEFAULT_LANGUAGE) -> list[Table]:
    """Every statistic of the whole catalogue, in the order the page shows them, with the
    values' labels in `language` (titles and descriptions stay message ids, for `_()`)."""
    units = list(catalogue.units.values())
    total = len(units)

    def vocab(name: str) -> tuple[list[str], Callable[[str], str]]:
        terms = vocabulary(name)
        return list(terms.codes()), lambda code: terms[code].label_in(language)

    def words(labels: dict[str, str]) -> Callable[[str], str]:
        return lambda code: translate(language, labels[code])

    eqf, eqf_label = vocab("eqf_levels")
    field, field_label = vocab("isced_f")
    country, country_label = vocab("countries")
    languages, language_label = vocab("languages")
    mode, mode_label = vocab("modes")
    bands = [band for band, _, _ in WORKLOAD_BANDS]
    band_label = words({band: label for band, _, label in WORKLOAD_BANDS})
    years = sorted({str(d.year) for uid in catalogue.units
                    if (d := catalogue.dates[uid].updated)}, reverse=True)

    def table(key: str, title: str, description: str,
              rows: tuple[tuple[str, str, int], ...]) -> Table:
        return Table(key, title, description, rows, total)

    return [
        table("eqf-levels", N_("Units by EQF level"),
              N_("How many units are offered at each level of the European Qualifications "
                 "Framework."),
              _count(units, lambda u: [u.eqf_level], eqf, eqf_label)),
        table("fields", N_("Units by field of education"), N_("Broad ISCED-F 2013 fields."),
              _count(units, lambda u: [str(vocabulary("isced_f")[u.isced_f].extra["broad"])],
                     field, field_label)),
        table("countries", N_("Units by provider country"),
              N_("The country of each unit's provider."),
              _count(units, lambda u: [catalogue.provider_of(u).country], country,
                     country_label)),
        table("languages", N_("Units by language of instruction"),
              N_("A unit taught in two languages counts in both."),
              _count(units, lambda u: list(u.languages), languages, language_label)),
        table("modes", N_("Units by form of participation"),
              N_("Online, on site, blended or work-based."),
              _count(units, lambda u: [u.mode], mode, mode_label)),
        table("price", N_("Free and paid units"), N_("Units learners can take at no cost."),
              _count(units, lambda u: ["free" if u.price.is_free else "paid"],
                     ["free", "paid"], words(PRICE_LABELS))),
        table("workload", N_("Units by workload"),
              N_("Notional learning hours; 25 to 30 hours make one ECTS credit."),
              _count(units, lambda u: [workload_band(u.workload.hours)],
                     bands, band_label)),
        table("esco", N_("ESCO coverage"),
              N_("Units whose learning outcomes name at least one ESCO skill."),
              _count(units, lambda u: ["yes" if catalogue.unit_skills(u) else "no"],
                     ["yes", "no"], words(ESCO_LABELS))),
        table("freshness", N_("Units by year of last update"),
              N_("When each unit or one of its outcomes last changed."),
              _count(units, lambda u: _year(catalogue, u), years, str)),
    ]


def _year(catalogue: Catalogue, unit: Unit) -> list[str]:
    updated = catalogue.dates[unit.id].updated
    return [str(updated.year)] if updated else []


def summary(catalogue: Catalogue) -> dict[str, int]:
    """The headline numbers of the statistics page."""
    units = len(catalogue.units)
    free = sum(unit.price.is_free for unit in catalogue.units.values())
    skills = catalogue.labour.skills.values()
    demanded = [entry for entry in skills if entry.demands]
    return {"units": units, "providers": len(catalogue.providers), "free": free,
            "share": round(100 * free / units) if units else 0,
            "skills": sum(bool(entry.units) for entry in skills),
            "demanded": len(demanded), "covered": sum(bool(entry.units) for entry in demanded)}


PROVIDER_COLUMNS = ("provider", "country", "units", "free", "median_hours", "with_esco_skills",
                    "last_updated", "eqf_levels", "modes", "languages")


def provider_rows(catalogue: Catalogue) -> list[dict[str, str | int]]:
    """Each statistic per provider, over the units it offers (not those it only awards);
    one row per provider with units, sorted by name."""
    offered: dict[str, list[Unit]] = {}
    for unit in catalogue.units.values():
        offered.setdefault(unit.provider, []).append(unit)
    rows = []
    for provider in sorted(catalogue.providers.values(), key=lambda p: pick(p.name).casefold()):
        units = offered.get(provider.id, [])
        if not units:
            continue
        dates = [d for u in units if (d := catalogue.dates[u.id].updated)]
        rows.append({
            "provider": pick(provider.name), "country": provider.country, "units": len(units),
            "free": sum(u.price.is_free for u in units),
            "median_hours": _plain(stats.median(u.workload.hours for u in units)),
            "with_esco_skills": sum(bool(catalogue.unit_skills(u)) for u in units),
            "last_updated": max(dates).isoformat() if dates else "",
            "eqf_levels": _spread(u.eqf_level for u in units),
            "modes": _spread(u.mode for u in units),
            "languages": _spread(lang for u in units for lang in u.languages),
        })
    return rows


def _plain(value: object) -> str:
    text = str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _spread(values: Iterable[str]) -> str:
    """`3: 2, 4: 1`: each value with its count, in sorted order."""
    counts = Counter(values)
    return ", ".join(f"{value}: {counts[value]}" for value in sorted(counts))


def render(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """`api/statistics/<key>.csv` for every table and `providers.csv`."""
    files = {table.csv_path: _csv(["code", "label", "units", "total_units"],
                                  [[*row, table.total] for row in table.rows])
             for table in tables(catalogue)}
    files[f"{CSV_FOLDER}/providers.csv"] = _csv(
        list(PROVIDER_COLUMNS),
        [[row[column] for column in PROVIDER_COLUMNS] for row in provider_rows(catalogue)])
    return files


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
