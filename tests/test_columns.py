"""The spreadsheet column scheme follows the models; cells are read as providers type them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.tools.columns import Column, cell_value, column_for, header, sheet_named, sheets


def column(sheet: str, key: str) -> Column:
    found = column_for(sheet_named(sheet), key)  # type: ignore[arg-type]
    assert isinstance(found, Column), found
    return found


def test_one_sheet_per_kind_and_one_per_list_of_groups():
    assert [sheet.name for sheet in sheets()] == [
        "Units", "Unit stackability.into", "Unit sessions", "Unit occupations",
        "Unit materials", "Pathways", "Pathway stages", "Outcomes", "Outcome esco_skills",
        "Outcome other_skills", "Outcome assessment_criteria", "Providers",
        "Provider accreditations", "Recognitions", "Recognition statements",
        "Labour-market demands", "Demand occupations", "Demand skills", "Demand evidence"]
    assert [sheet.key_column for sheet in sheets()][:3] == ["id", "unit_id", "unit_id"]


def test_the_template_header_has_every_field_in_model_order_texts_in_english():
    units = header(sheet_named("Units"), [])  # type: ignore[arg-type]
    assert units[:6] == ["id", "default_language", "title.en", "summary.en", "description.en",
                         "provider"]
    assert "workload.hours" in units and "assessment.methods" in units
    assert "sessions" not in " ".join(units)  # a sheet of its own
    sessions = header(sheet_named("Unit sessions"), [])  # type: ignore[arg-type]
    assert sessions == ["unit_id", "start", "end", "application_deadline", "location",
                        "location.city", "location.country", "location.venue",
                        "location.address", "enrol_url", "places"]


def test_texts_get_a_column_per_language_used_english_first():
    rows = [{"title.it": "Caffè", "title.en": "Coffee"}, {"title.de": "Kaffee"}]
    keys = header(sheet_named("Units"), rows)  # type: ignore[arg-type]
    assert [key for key in keys if key.startswith("title.")] == ["title.en", "title.de",
                                                                 "title.it"]


def test_header_cells_name_columns_or_say_what_is_wrong():
    assert column("Units", "title.de").language == "de"
    assert column("Units", "title").language is None  # the row's default language
    assert column_for(sheet_named("Units"), "eqf_levle") == (  # type: ignore[arg-type]
        "unknown column `eqf_levle` on the Units sheet; did you mean `eqf_level`?")


@pytest.mark.parametrize(("key", "typed", "read"), [
    ("eqf_level", 3, "3"),
    ("eqf_level", 3.0, "3"),
    ("isced_f", 414, "0414"),  # Excel drops the leading zero of a number
    ("isced_f", "0414", "0414"),
    ("languages", "it; en;", ["it", "en"]),
    ("workload.hours", 12.5, Decimal("12.5")),
    ("workload.hours", "12,5", Decimal("12.5")),
    ("workload.hours", "a lot", "a lot"),  # left for the model to report
    ("published", dt.datetime(2026, 3, 1), dt.date(2026, 3, 1)),
    ("published", "2026-03-01", "2026-03-01"),
    ("title.en", "  Barista  ", "Barista"),
    ("title.en", "   ", None),
    ("license", None, None),
])
def test_cells_are_read_as_the_model_expects(key: str, typed: object, read: object):
    assert cell_value(column("Units", key), typed) == read


def test_booleans_and_whole_numbers_in_their_own_sheets():
    assert cell_value(column("Providers", "example"), "TRUE") is True
    assert cell_value(column("Providers", "example"), False) is False
    assert cell_value(column("Unit sessions", "places"), 8.0) == 8
    assert cell_value(column("Providers", "phone"), 390510000000) == "390510000000"
