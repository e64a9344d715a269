"""The spreadsheet column scheme: which sheets and columns hold units, outcomes and providers.

Made from the field reference (generator/tools/reference.py), so it follows the models:

- one sheet per kind (`Units`, `Outcomes`, `Providers`), one row per object;
- a field inside a group is a dotted column: `workload.hours`, `assessment.methods`;
- a text is one column per language: `title.en`, `title.de` (a bare `title` column is text
  in the row's `default_language`);
- a list of codes, ids or words is one cell, items separated by `;`;
- a list of groups of fields (sessions, materials, ESCO skills...) has a sheet of its own,
  `Unit sessions`, whose first column names the object the row belongs to.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from generator.content.serialise import plain_number
from generator.kinds import kind
from generator.tools.reference import FieldDoc, model_docs

SEPARATOR = ";"
"""Between the items of a list in one cell: `it; en`."""


@dataclass(frozen=True)
class Column:
    """One column: where its value sits in a row's object, and the field it fills."""

    key: str
    path: tuple[str, ...]
    field: FieldDoc
    language: str | None = None
    role: str = "value"
    """`value`, `text` (one language of a text), `joined` (a list in one cell) or `choice`
    (the word form of a field that also takes sub-fields, like `location: online`)."""


@dataclass(frozen=True)
class Sheet:
    """A sheet: one kind's objects, or the entries of one of their lists of groups."""

    name: str
    kind: str
    list_path: tuple[str, ...]
    fields: tuple[FieldDoc, ...]
    text_items: bool = False
    """True for a list of texts (assessment criteria): each row is one text."""

    @property
    def key_column(self) -> str:
        """The first column: the object's id (main sheet) or its owner's id (list sheet)."""
        return f"{self.kind}_id" if self.list_path else "id"

    def leaves(self) -> tuple[Column, ...]:
        """Every column of the sheet, texts without a language yet, in field order."""
        if self.text_items:
            field = self.fields[0]
            return (Column(field.name, (), field, role="text"),)
        return tuple(_leaves(self.fields, ()))


def _leaves(fields: tuple[FieldDoc, ...], prefix: tuple[str, ...]) -> Iterator[Column]:
    for field in fields:
        path = (*prefix, field.name)
        key = ".".join(path)
        shape = field.shape
        if shape.many and (shape.model is not None or shape.kind == "text"):
            continue  # a sheet of its own
        if shape.kind == "text":
            yield Column(key, path, field, role="text")
        elif shape.many:
            yield Column(key, path, field, role="joined")
        elif shape.model is not None:
            if shape.kind == "either":
                yield Column(key, path, field, role="choice")
            yield from _leaves(field.fields, path)
        else:
            yield Column(key, path, field)


@cache
def sheets() -> tuple[Sheet, ...]:
    """Every sheet, each kind's main sheet followed by its list sheets."""
    result = []
    for doc in model_docs():
        result.append(Sheet(kind(doc.kind).heading, doc.kind, (), doc.fields))
        result += _list_sheets(doc.kind, doc.fields, ())
    return tuple(result)


def _list_sheets(kind: str, fields: tuple[FieldDoc, ...],
                 prefix: tuple[str, ...]) -> list[Sheet]:
    found = []
    for field in fields:
        path = (*prefix, field.name)
        name = f"{kind.capitalize()} {'.'.join(path)}"
        if field.shape.many and field.shape.kind == "text":
            found.append(Sheet(name, kind, path, (field,), text_items=True))
        elif field.shape.many and field.shape.model is not None:
            if _list_sheets(kind, field.fields, ()):
                raise ValueError(f"{name}: a list inside a list of groups has no columns")
            found.append(Sheet(name, kind, path, field.fields))
        elif field.shape.model is not None:
            found += _list_sheets(kind, field.fields, path)
    return found


def sheet_named(name: str) -> Sheet | None:
    """The sheet called `name`, if there is one."""
    return next((sheet for sheet in sheets() if sheet.name == name), None)


# --- objects to rows ---------------------------------------------------------------------


def header(sheet: Sheet, rows: list[dict[str, Any]], languages: tuple[str, ...] = ("en",),
           ) -> list[str]:
    """The header of `sheet`: every column, text columns in each language used (or given)."""
    used: dict[str, set[str]] = {}
    for row in rows:
        for key in row:
            base, _, language = key.rpartition(".")
            used.setdefault(base, set()).add(language)
    keys = [sheet.key_column] if sheet.list_path else []
    for column in sheet.leaves():
        if column.role == "text":
            found = used.get(column.key) or (set(languages) if not rows else set())
            keys += [f"{column.key}.{lang}" for lang in sorted(found, key=_language_order)]
        else:
            keys.append(column.key)
    return keys


def _language_order(language: str) -> tuple[bool, str]:
    return (language != "en", language)


def rows_of(sheet: Sheet, object_id: str, data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The rows one object's data gives on `sheet` (one, or one per list entry)."""
    if not sheet.list_path:
        return [_row(sheet, data)]
    entries: Any = data
    for part in sheet.list_path:
        entries = entries.get(part) if isinstance(entries, Mapping) else None
    rows = []
    for entry in entries or []:
        row = _row(sheet, entry)
        rows.append({sheet.key_column: object_id, **row})
    return rows


def _row(sheet: Sheet, data: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column in sheet.leaves():
        value = _at(data, column.path)
        if value is None:
            continue
        if column.role == "text":
            row.update((f"{column.key}.{lang}", text) for lang, text in value.items())
        elif column.role == "joined":
            row[column.key] = f"{SEPARATOR} ".join(_cell(item) for item in value) or None
        elif column.role == "choice":
            if isinstance(value, str):
                row[column.key] = value
        else:
            row[column.key] = _cell(value)
    return {key: value for key, value in row.items() if value is not None}


def _at(data: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(part)
    return data


def _cell(value: Any) -> Any:
    """A value as a cell holds it: numbers as numbers, dates as dates, the rest as text."""
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, bool | int | float | dt.date):
        return value
    return str(value)


# --- rows to objects ---------------------------------------------------------------------


def column_for(sheet: Sheet, key: str) -> Column | str:
    """The column a header cell names, or a message saying why it names none."""
    leaves = {column.key: column for column in sheet.leaves()}
    if key in leaves and leaves[key].role != "text":
        return leaves[key]
    base, _, language = key.rpartition(".")
    if key in leaves:  # a text column without a language: the row's default language
        return leaves[key]
    if base in leaves and leaves[base].role == "text":
        column = leaves[base]
        return Column(key, column.path, column.field, language, "text")
    known = [sheet.key_column, *leaves]
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f"; did you mean `{close[0]}`?" if close else ""
    return f"unknown column `{key}` on the {sheet.name} sheet{hint}"


def cell_value(column: Column, value: Any) -> Any:
    """A cell's value as the model reads it; left as it is where it cannot be (so the
    model's own message about it reaches the provider)."""
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        return None
    kind = column.field.shape.kind
    if column.role == "joined":
        items = [item.strip() for item in str(_text_of(value)).split(SEPARATOR)]
        return [_scalar(kind, column, item) for item in items if item]
    return _scalar(kind, column, value)


def _scalar(kind: str, column: Column, value: Any) -> Any:
    if kind in {"number", "integer"}:
        return _number(value, integer=kind == "integer")
    if kind == "date" and isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value
    if kind == "boolean" and isinstance(value, str):
        return {"true": True, "false": False}.get(value.lower(), value)
    if kind == "code":
        return _code(column, value)
    if column.role == "choice" or kind not in {"date", "boolean"}:
        return _text_of(value)
    return value


def _number(value: Any, *, integer: bool) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        value = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            value = Decimal(value.replace(",", ".") if value.count(",") == 1 else value)
        except InvalidOperation:
            return value
    if integer and isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def _code(column: Column, value: Any) -> Any:
    """Codes typed as numbers: `3` is EQF level "3"; `414` is ISCED-F "0414" (Excel drops
    the leading zero of a number)."""
    text = _text_of(value)
    terms = column.field.terms
    if terms is not None and text not in terms and text.isdigit():
        padded = text.zfill(max((len(code) for code in terms.codes()), default=0))
        if padded in terms:
            return padded
    return text


def _text_of(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
