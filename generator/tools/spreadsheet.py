"""`microvet export`: the catalogue as a spreadsheet (.xlsx or .csv); and reading one back.

The sheets and columns are those of generator/tools/columns.py. An `.xlsx` file holds every
sheet, with the field reference's short help on each header cell and a drop-down list of the
allowed values on every column that takes one code. A `.csv` PATH holds the `Units` sheet;
each other sheet is a sibling file, `catalogue.csv` -> `catalogue.unit-sessions.csv`.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator.content.catalogue import Catalogue
from generator.kinds import KINDS
from generator.tools.columns import SEPARATOR, Column, Sheet, column_for, header, rows_of, sheets
from generator.tools.content_yaml import model_data
from generator.tools.reference import FieldDoc
from generator.tools.scaffold import short_help

LISTS_SHEET = "Lists"
"""The hidden sheet holding the allowed values that the drop-down lists offer."""

FORMATS = (".xlsx", ".csv")
LAST_ROW = 1_048_576
"""Excel's last row: drop-down lists cover the whole column below the header."""


class SpreadsheetError(Exception):
    """The spreadsheet cannot be written or read; the message says why, for people."""


@dataclass(frozen=True)
class Table:
    """One sheet as read from a file: header, then (row number, values) for each row."""

    sheet: Sheet
    label: str
    header: list[Any]
    rows: list[tuple[int, list[Any]]]
    csv: bool = False

    def cell(self, column: int, row: int) -> str:
        """`units.xlsx:Units!D7` or `courses.csv:D7` (column 0-based, row 1-based)."""
        return f"{self.label}{':' if self.csv else '!'}{get_column_letter(column + 1)}{row}"


def sheet_rows(catalogue: Catalogue | None) -> dict[str, list[dict[str, Any]]]:
    """Every sheet's rows, objects in id order (no rows without a catalogue: a template)."""
    tables: dict[str, list[dict[str, Any]]] = {sheet.name: [] for sheet in sheets()}
    if catalogue is None:
        return tables
    for kind in KINDS:
        mine = [sheet for sheet in sheets() if sheet.kind == kind.name]
        for object_id, obj in catalogue.objects[kind.folder].items():
            data = model_data(obj)
            for sheet in mine:
                tables[sheet.name] += rows_of(sheet, object_id, data)
    return tables


def export(catalogue: Catalogue | None, path: Path) -> list[Path]:
    """Write the catalogue (or, given None, an empty template) to `path`; the files written."""
    if path.suffix.lower() not in FORMATS:
        raise SpreadsheetError(f"{path.as_posix()}: give a file name ending in .xlsx or .csv")
    if not path.parent.is_dir():
        raise SpreadsheetError(f"{path.parent.as_posix()}/ does not exist: create it first")
    tables = sheet_rows(catalogue)
    if path.suffix.lower() == ".csv":
        return _write_csv(tables, path)
    _write_xlsx(tables, path)
    return [path]


def csv_path(path: Path, sheet: Sheet) -> Path:
    """The file of `sheet` in a CSV export to `path` (the Units sheet is `path` itself)."""
    if sheet.name == "Units":
        return path
    slug = sheet.name.lower().replace(" ", "-").replace("_", "-")
    return path.with_name(f"{path.stem}.{slug}{path.suffix}")


def _write_csv(tables: dict[str, list[dict[str, Any]]], path: Path) -> list[Path]:
    written = []
    for sheet in sheets():
        rows = tables[sheet.name]
        keys = header(sheet, rows)
        target = csv_path(path, sheet)
        # utf-8-sig: with the byte-order mark, Excel reads the file as UTF-8.
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(keys)
            writer.writerows([_csv_text(row.get(key)) for key in keys] for row in rows)
        written.append(target)
    return written


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _write_xlsx(tables: dict[str, list[dict[str, Any]]], path: Path) -> None:
    book = Workbook(write_only=True)
    lists = _ListsSheet(book.create_sheet(LISTS_SHEET))
    for sheet in sheets():
        rows = tables[sheet.name]
        keys = header(sheet, rows)
        page = book.create_sheet(sheet.name, len(book.worksheets) - 1)
        page.freeze_panes = "B2"
        page.append(_header_cells(page, sheet, keys))
        for key_index, key in enumerate(keys):
            column = column_for(sheet, key)
            if isinstance(column, Column):
                _validation(page, lists, column, get_column_letter(key_index + 1))
        for row in rows:
            page.append([row.get(key) for key in keys])
    lists.close()
    book.save(path)


def _header_cells(page: Worksheet, sheet: Sheet, keys: list[str]) -> list[Cell]:
    """Bold header cells, each with the field's short help as a comment."""
    bold = Font(bold=True)
    cells = []
    for key in keys:
        cell = WriteOnlyCell(page, value=key)
        cell.font = bold
        column = column_for(sheet, key)
        help_text = (f"The id of the {sheet.kind} this row belongs to."
                     if sheet.list_path and key == sheet.key_column
                     else _help(column.field, column) if isinstance(column, Column) else "")
        if help_text:
            cell.comment = Comment(help_text, "microvet", width=300, height=160)
        cells.append(cell)
    return cells


def _help(field: FieldDoc, column: Column) -> str:
    """The field reference's short help, with how to write the value in a cell."""
    text = short_help(field)
    if column.role == "joined":
        text += f" Several values: separate them with '{SEPARATOR}'."
    if column.role == "text" and column.language:
        text += f" In language '{column.language}'."
    return text


class _ListsSheet:
    """The hidden sheet of allowed values: one column per vocabulary, filled on demand."""

    def __init__(self, page: Worksheet) -> None:
        self.page = page
        self.columns: dict[str, tuple[str, list[str]]] = {}

    def range_of(self, name: str, codes: tuple[str, ...]) -> str:
        """`Lists!$C$2:$C$9`: the cells holding `codes`."""
        if name not in self.columns:
            letter = get_column_letter(len(self.columns) + 1)
            self.columns[name] = (letter, [name, *codes])
        letter, values = self.columns[name]
        return f"{LISTS_SHEET}!${letter}$2:${letter}${len(values)}"

    def close(self) -> None:
        """Write the collected columns (a write-only sheet is written row by row)."""
        self.page.sheet_state = "hidden"
        columns = [values for _letter, values in self.columns.values()]
        for index in range(max((len(values) for values in columns), default=0)):
            self.page.append([values[index] if index < len(values) else None
                              for values in columns])


def _validation(page: Worksheet, lists: _ListsSheet, column: Column, letter: str) -> None:
    """A drop-down list on a column that takes one code (or one word of a choice)."""
    field = column.field
    terms = field.terms
    if column.role == "joined":
        return  # several codes in one cell: a drop-down list would refuse them
    if terms is not None:
        formula = lists.range_of(terms.name, terms.codes())  # stored without "="
        title = terms.title
    elif field.shape.choices and column.role in {"value", "choice"}:
        formula = '"' + ",".join(field.shape.choices) + '"'
        title = field.name
    else:
        return
    rule = DataValidation(type="list", formula1=formula, allow_blank=True,
                          showErrorMessage=True, errorTitle=title[:32],
                          error=f"Pick a value from the list ({title}).")
    rule.add(f"{letter}2:{letter}{LAST_ROW}")
    page.data_validations.append(rule)


# --- reading -----------------------------------------------------------------------------


def read_tables(path: Path) -> list[Table]:
    """Every known sheet in the spreadsheet at `path` (missing ones are simply absent)."""
    if path.suffix.lower() not in FORMATS:
        raise SpreadsheetError(f"{path.as_posix()}: microvet import reads .xlsx, .csv, "
                               ".jsonld and .xml files")
    if not path.is_file():
        raise SpreadsheetError(f"{path.as_posix()} does not exist")
    if path.suffix.lower() == ".csv":
        return list(_read_csv(path))
    return list(_read_xlsx(path))


def _read_csv(path: Path) -> Iterator[Table]:
    for sheet in sheets():
        target = csv_path(path, sheet)
        if not target.is_file():
            continue
        with target.open(encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
        lines = list(csv.reader(text.splitlines(keepends=True), delimiter=_delimiter(text)))
        if lines:
            yield Table(sheet, target.name, list(lines[0]),
                        [(number, list(row)) for number, row in enumerate(lines[1:], 2)
                         if any(cell.strip() for cell in row)], csv=True)


def _delimiter(text: str) -> str:
    """`,`; or `;` and tab, which spreadsheets in many European languages save CSV with
    (column names never contain either)."""
    header = text.partition("\n")[0]
    for candidate in (",", ";", "\t"):
        if candidate in header:
            return candidate
    return ","


def _read_xlsx(path: Path) -> Iterator[Table]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise SpreadsheetError(f"{path.as_posix()} is not a readable .xlsx file ({error})"
                               ) from None
    try:
        for sheet in sheets():
            if sheet.name not in book.sheetnames:
                continue
            rows = book[sheet.name].iter_rows(values_only=True)
            top = next(rows, None)
            if top is None:
                continue
            body = [(number, list(row)) for number, row in enumerate(rows, 2)
                    if any(value not in (None, "") for value in row)]
            yield Table(sheet, f"{path.name}:{sheet.name}", list(top), body)
    finally:
        book.close()
