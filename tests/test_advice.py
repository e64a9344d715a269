"""Warnings: valid content that is probably not what the provider meant, located and worded."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT

from generator.content.advice import expected_ects, site_url_warnings
from generator.content.catalogue import load_catalogue
from generator.content.errors import CheckWarning


def warnings_of(tree, today: dt.date = dt.date(2026, 1, 1)) -> list[str]:
    return [str(w) for w in load_catalogue(tree.content, root=tree.root, today=today).warnings]


def edit(tree, kind: str, name: str, old: str, new: str) -> None:
    path = tree.content / kind / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


SESSIONS = """\
sessions:
  - start: 2025-03-03
    end: 2025-03-28
    location: online
  - start: 2025-09-01
    application_deadline: 2025-09-05
    location: online
"""


def test_the_minimal_tree_earns_no_warning(content_tree):
    assert warnings_of(content_tree.minimal()) == []


def test_sessions_all_past_and_a_late_deadline(content_tree):
    content_tree.minimal()
    edit(content_tree, "units", "barista", "price: free\n", "price: free\n" + SESSIONS)
    assert warnings_of(content_tree) == [
        "content/units/barista.yaml:20:1: warning: every session is in the past (the last one "
        "ended on 2025-09-01): add the next dates, or delete the past sessions",
        "content/units/barista.yaml:25:5: warning: the application deadline 2025-09-05 is "
        "after the start 2025-09-01: set it on or before the start, unless learners may "
        "really join later",
    ]
    # One session still to come: no warning about the past.
    assert len(warnings_of(content_tree, today=dt.date(2025, 8, 31))) == 1


def test_the_build_date_is_source_date_epoch(content_tree, monkeypatch):
    content_tree.minimal()
    edit(content_tree, "units", "barista", "price: free\n", "price: free\n" + SESSIONS)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2025, 8, 1,
                                                                  tzinfo=dt.UTC).timestamp())))
    catalogue = load_catalogue(content_tree.content, root=content_tree.root)
    assert [w.message[:30] for w in catalogue.warnings] == ["the application deadline 2025-"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 8, 1,
                                                                  tzinfo=dt.UTC).timestamp())))
    catalogue = load_catalogue(content_tree.content, root=content_tree.root)
    assert [w.message[:30] for w in catalogue.warnings] == [
        "every session is in the past (", "the application deadline 2025-"]


@pytest.mark.parametrize(("hours", "ects", "warned"), [
    ("25", "1", False), ("24", "1", False), ("10", "0.5", False), ("40", "1", True),
    ("32", "1", False), ("60", "20", True), ("300", "8", True), ("300", "9", False)])
def test_ects_outside_25_to_30_hours_per_credit_with_a_margin(content_tree, hours, ects,
                                                              warned):
    content_tree.minimal()
    edit(content_tree, "units", "barista", "hours: 25\n  ects: 1",
         f"hours: {hours}\n  ects: {ects}")
    assert bool(warnings_of(content_tree)) is warned


@pytest.mark.parametrize(("workload", "message"), [
    ("hours: 60\n  ects: 20", "20 ECTS for 60 hours is 3 hours per credit, but one ECTS credit "
     "is 25-30 hours (60 hours are about 2-2.4 ECTS): check `hours` and `ects`"),
    # a short unit's fitting credits read as one figure, not "0.3-0.3"
    ("hours: 8\n  ects: 1", "1 ECTS for 8 hours is 8 hours per credit, but one ECTS credit "
     "is 25-30 hours (8 hours are about 0.3 ECTS): check `hours` and `ects`"),
], ids=["range", "one figure"])
def test_the_ects_warning_says_what_the_hours_stand_for(content_tree, workload, message):
    content_tree.minimal()
    edit(content_tree, "units", "barista", "hours: 25\n  ects: 1", workload)
    assert warnings_of(content_tree) == [f"content/units/barista.yaml:10:3: warning: {message}"]


def test_the_margin_is_ten_percent_or_a_quarter_credit():
    assert expected_ects(Decimal(30)) == (Decimal("0.75"), Decimal("1.45"))
    assert expected_ects(Decimal(300)) == (Decimal(9), Decimal("13.2"))


def test_a_unit_without_any_esco_skill(content_tree):
    content_tree.minimal()
    edit(content_tree, "outcomes", "espresso",
         "esco_skills:\n  - http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6\n",
         "")
    assert warnings_of(content_tree) == [
        "content/units/barista.yaml:12:1: warning: none of the unit's outcomes names an ESCO "
        "skill: add `esco_skills` to at least one outcome, so that people searching by skill "
        "(here and in Europass) find the unit"]


def test_the_sample_content_earns_no_warning():
    catalogue = load_catalogue(ROOT / "content", root=ROOT, today=dt.date(2026, 1, 1))
    assert catalogue.warnings == ()


def test_site_url_unset(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nsite_url: !ENV [MICROVET_SITE_URL, "
                      "\"https://example.org/\"]\n", encoding="utf-8")
    assert site_url_warnings(config, {}, "mkdocs.yml") == [CheckWarning(
        "mkdocs.yml", 2, 11,
        "MICROVET_SITE_URL is not set, so every address in the site and its metadata starts "
        "with the default site_url of mkdocs.yml: set it to the public address of your site, "
        "e.g. MICROVET_SITE_URL=https://example.org/catalogue/ microvet build")]
    assert site_url_warnings(config, {"MICROVET_SITE_URL": "https://x.org/"}, "mkdocs.yml") == []
    config.write_text("site_url: https://fixed.example.org/\n", encoding="utf-8")
    assert site_url_warnings(config, {}, "mkdocs.yml") == []
