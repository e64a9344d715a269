"""`microvet export`: the catalogue as .xlsx (with help and drop-down lists) and as .csv."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import ROOT
from openpyxl import load_workbook

from generator.content.catalogue import load_catalogue
from generator.content.vocabularies import vocabulary
from generator.tools.columns import sheets
from generator.tools.spreadsheet import SpreadsheetError, csv_path, export

CATALOGUE = load_catalogue(ROOT / "content", root=ROOT)
SHEETS = [sheet.name for sheet in sheets()]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "courses.xlsx"
    export(None, path)
    return path


def allowed(book, formula: str) -> list[str]:
    """The values a list validation offers: inline, or from a range of the Lists sheet."""
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    sheet, cells = formula.split("!")
    start, end = cells.replace("$", "").split(":")
    return [str(row[0].value) for row in book[sheet][start:end]]


def validations(book, sheet: str) -> dict[str, list[str]]:
    """Header of each column with a drop-down list -> the values offered."""
    page = book[sheet]
    names = {cell.column_letter: cell.value for cell in page[1]}
    found = {}
    for rule in page.data_validations.dataValidation:
        assert rule.type == "list" and rule.allow_blank and rule.showErrorMessage
        letter = str(rule.sqref).split(":")[0].rstrip("0123456789")
        assert str(rule.sqref) == f"{letter}2:{letter}1048576"
        found[names[letter]] = allowed(book, rule.formula1)
    return found


def test_the_template_has_every_sheet_headers_only_and_a_hidden_list_sheet(template: Path):
    book = load_workbook(template)
    assert book.sheetnames == [*SHEETS, "Lists"]
    assert book["Lists"].sheet_state == "hidden"
    for name in SHEETS:
        assert book[name].max_row == 1
        assert book[name].freeze_panes == "B2"
    units = [cell.value for cell in book["Units"][1]]
    assert units[:4] == ["id", "default_language", "title.en", "summary.en"]


def test_the_template_opens_with_drop_down_lists_of_the_allowed_values(template: Path):
    book = load_workbook(template)
    units = validations(book, "Units")
    assert units["eqf_level"] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert units["license"] == list(vocabulary("licences").codes())
    assert units["mode"] == ["blended", "online", "onsite", "work-based"]
    assert units["isced_f"] == list(vocabulary("isced_f").codes())
    assert units["stackability.kind"] == ["standalone", "stackable"]
    assert units["price.currency"] == list(vocabulary("currencies").codes())
    assert "languages" not in units  # several codes in one cell: no single-choice list
    assert validations(book, "Unit sessions")["location.country"] == list(
        vocabulary("countries").codes())
    assert validations(book, "Outcomes")["category"] == [
        "knowledge", "skill", "responsibility-autonomy"]
    assert validations(book, "Unit materials")["license"] == list(vocabulary("licences").codes())


def test_header_cells_carry_the_field_references_short_help(template: Path):
    book = load_workbook(template)
    comments = {cell.value: cell.comment.text for cell in book["Units"][1] if cell.comment}
    assert comments["eqf_level"] == "MANDATORY. EQF level 1-8. One of: 1, 2, 3, 4, 5, 6, 7, 8."
    assert comments["title.en"] == "MANDATORY. Title of the micro-credential. In language 'en'."
    assert comments["languages"].endswith("Several values: separate them with ';'.")
    sessions = {c.value: c.comment.text for c in book["Unit sessions"][1] if c.comment}
    assert sessions["unit_id"] == "The id of the unit this row belongs to."
    assert sessions["start"] == "MANDATORY. First day, YYYY-MM-DD."


def test_the_export_has_one_row_per_object_and_per_list_entry(tmp_path: Path):
    export(CATALOGUE, tmp_path / "catalogue.xlsx")
    book = load_workbook(tmp_path / "catalogue.xlsx")
    assert book["Units"].max_row == 1 + len(CATALOGUE.units)
    assert book["Outcomes"].max_row == 1 + len(CATALOGUE.outcomes)
    assert book["Providers"].max_row == 1 + len(CATALOGUE.providers)
    sessions = sum(len(unit.sessions) for unit in CATALOGUE.units.values())
    assert book["Unit sessions"].max_row == 1 + sessions
    row = {cell.value: value.value for cell, value in zip(book["Units"][1], book["Units"][2],
                                                         strict=True)}
    assert row["id"] == "barista-basics"
    assert row["title.it"] == "Barista: espresso e bevande a base di latte"
    assert row["languages"] == "it; en"
    assert row["workload.hours"] == 30
    assert row["eqf_level"] == "3"


def test_csv_writes_one_file_per_sheet_beside_the_path(tmp_path: Path):
    written = export(CATALOGUE, tmp_path / "catalogue.csv")
    assert [path.name for path in written] == [csv_path(tmp_path / "catalogue.csv", sheet).name
                                               for sheet in sheets()]
    assert written[0].name == "catalogue.csv"
    assert written[2].name == "catalogue.unit-sessions.csv"
    assert written[0].read_bytes().startswith(b"\xef\xbb\xbfid,default_language,title.en,")
    with written[2].open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # the spreadsheet holds the content as written, past sessions included
    assert [row["start"] for row in rows if row["unit_id"] == "barista-basics"] == [
        "2025-09-15", "2027-02-01", "2027-09-13"]
    assert rows[0]["unit_id"] == "barista-basics"


def test_other_file_types_and_missing_folders_are_refused(tmp_path: Path):
    with pytest.raises(SpreadsheetError) as raised:
        export(CATALOGUE, tmp_path / "catalogue.ods")
    assert str(raised.value) == (f"{(tmp_path / 'catalogue.ods').as_posix()}: give a file "
                                 "name ending in .xlsx or .csv")
    with pytest.raises(SpreadsheetError) as raised:
        export(CATALOGUE, tmp_path / "missing" / "catalogue.xlsx")
    missing = (tmp_path / "missing").as_posix()
    assert str(raised.value) == f"{missing}/ does not exist: create it first"
