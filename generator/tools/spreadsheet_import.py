"""`microvet import` of a spreadsheet: rows back into checked units, outcomes and providers.

Every value keeps the cell it came from, so each problem is reported at its cell
(`units.xlsx:Units!D7: ...`), in the words `microvet check` uses for the same mistake in YAML:
the data is checked by the same models, through generator/content/validation.py, with cell
numbers standing in for line numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.content.sources import SourceFile
from generator.content.strict_yaml import Loc
from generator.content.validation import problems_from
from generator.kinds import BY_NAME, EACH, KINDS
from generator.tools.columns import Column, cell_value, column_for, sheets
from generator.tools.content_yaml import model_data
from generator.tools.importer import Draft, ImportFailed
from generator.tools.spreadsheet import Table


@dataclass
class _Object:
    """One object being gathered from its rows: data, and the cell of every value."""

    kind: str
    object_id: str
    data: dict[str, Any]
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)


@dataclass
class _Reader:
    """Gathers the objects of every table, and the problems found, cell by cell."""

    provider: str | None
    cells: list[tuple[Spot, str]] = field(default_factory=lambda: [((0, 0, 0), "?")])
    objects: dict[str, dict[str, _Object]] = field(default_factory=dict)
    problems: list[tuple[Spot, str]] = field(default_factory=list)

    def at(self, table: Table, column: int, row: int) -> tuple[int, int]:
        """A position whose line number stands for the cell (column 1: unused)."""
        self.cells.append((_spot(table, column, row), table.cell(column, row)))
        return (len(self.cells) - 1, 1)

    def report(self, table: Table, column: int, row: int, message: str) -> None:
        """A problem at a cell."""
        self.problems.append((_spot(table, column, row), f"{table.cell(column, row)}: {message}"))

    def report_at(self, line: int, message: str) -> None:
        """A problem at the cell a position stands for."""
        spot, label = self.cells[line]
        self.problems.append((spot, f"{label}: {message}"))

    def listing(self) -> list[str]:
        """Every problem, in the order of the sheets, then by row and column."""
        return [text for _spot, text in sorted(self.problems)]


Spot = tuple[int, int, int]
"""Where a cell is, for sorting: sheet (in the order of the scheme), row, column."""


def _spot(table: Table, column: int, row: int) -> Spot:
    return (sheets().index(table.sheet), row, column)


def spreadsheet_drafts(tables: list[Table], content: Path, provider: str | None) -> list[Draft]:
    """Checked objects from the tables; `ImportFailed` listing every problem, by cell."""
    reader = _Reader(provider)
    for table in tables:
        columns = _columns(reader, table)
        if columns is None:
            continue
        for number, values in table.rows:
            if table.sheet.list_path:
                _list_row(reader, table, columns, number, values)
            else:
                _object_row(reader, table, columns, number, values)
    drafts = _checked(reader, content)
    if reader.problems:
        raise ImportFailed(reader.listing())
    return drafts


def _columns(reader: _Reader, table: Table) -> dict[int, Column | None] | None:
    """Header position -> column (None for the key column); problems for unknown names."""
    columns: dict[int, Column | None] = {}
    seen: dict[str, int] = {}
    sheet = table.sheet
    for index, raw in enumerate(table.header):
        key = str(raw).strip() if raw is not None else ""
        if not key:
            if any(index < len(row) and row[index] not in (None, "") for _, row in table.rows):
                reader.report(table, index, 1, "this column has values but no name in row 1: "
                              "name it after a field, or delete it")
            continue
        if key in seen:
            reader.report(table, index, 1, f"`{key}` is already a column of this sheet: "
                          "delete one of the two")
            continue
        seen[key] = index
        found = None if key == sheet.key_column else column_for(sheet, key)
        if isinstance(found, str):
            reader.report(table, index, 1, found)
            continue
        columns[index] = found
    if sheet.key_column not in seen:
        reader.report(table, 0, 1, f"the {sheet.name} sheet needs a `{sheet.key_column}` "
                      "column: add it, with the id of each row's "
                      f"{'object' if not sheet.list_path else sheet.kind}")
        return None
    return columns


def _object_row(reader: _Reader, table: Table, columns: dict[int, Column | None],
                number: int, values: list[Any]) -> None:
    sheet = table.sheet
    key_index = next(index for index, column in columns.items() if column is None)
    object_id = _text(values, key_index)
    mine = reader.objects.setdefault(sheet.kind, {})
    if not object_id:
        reader.report(table, key_index, number, "fill in the id of this row's "
                      f"{sheet.kind} (the file name it gets, without .yaml)")
        return
    if object_id in mine:
        reader.report(table, key_index, number,
                      f"the id '{object_id}' is already used by another row: ids are unique")
        return
    obj = _Object(sheet.kind, object_id, {"id": object_id})
    obj.values[()] = obj.values[("id",)] = reader.at(table, key_index, number)
    _fill(reader, table, columns, number, values, obj, (), obj.data)
    if sheet.kind == "unit" and "provider" not in obj.data and reader.provider:
        obj.data["provider"] = reader.provider
        obj.values[("provider",)] = obj.values[()]
    mine[object_id] = obj


def _list_row(reader: _Reader, table: Table, columns: dict[int, Column | None],
              number: int, values: list[Any]) -> None:
    sheet = table.sheet
    key_index = next(index for index, column in columns.items() if column is None)
    owner_id = _text(values, key_index)
    owner = reader.objects.get(sheet.kind, {}).get(owner_id)
    if owner is None:
        reader.report(table, key_index, number,
                      f"no {sheet.kind} '{owner_id}' on the {BY_NAME[sheet.kind].heading} sheet: "
                      f"give the id of the {sheet.kind} this row belongs to"
                      if owner_id else f"fill in the id of the {sheet.kind} this row belongs to")
        return
    parent: dict[str, Any] = owner.data
    for depth, part in enumerate(sheet.list_path[:-1]):
        parent = parent.setdefault(part, {})
        owner.values.setdefault(sheet.list_path[: depth + 1], reader.at(table, 0, number))
    entries = parent.setdefault(sheet.list_path[-1], [])
    loc: Loc = (*sheet.list_path, len(entries))
    entry: dict[str, Any] = {}
    entries.append(entry)
    owner.values.setdefault(sheet.list_path, reader.at(table, 0, number))
    owner.values[loc] = reader.at(table, 0, number)
    _fill(reader, table, columns, number, values, owner, loc, entry)


def _fill(reader: _Reader, table: Table, columns: dict[int, Column | None], number: int,
          values: list[Any], obj: _Object, prefix: Loc, target: dict[str, Any]) -> None:
    """Put each non-empty cell of a row at its place in `target`, remembering the cell."""
    language = _default_language(columns, values, obj)
    for index, column in columns.items():
        if column is None or index >= len(values):
            continue
        value = cell_value(column, values[index])
        if value is None:
            continue
        path: tuple[str, ...] = column.path
        if column.role == "text":
            path = (*path, column.language or language)
        where = reader.at(table, index, number)
        if _taken(target, path):
            reader.report(table, index, number, f"`{column.key}`: give either `{path[0]}` or "
                          f"the columns under it (`{path[0]}.…`), not both")
            continue
        _put(target, path, value)
        for depth in range(1, len(path) + 1):
            obj.values.setdefault((*prefix, *path[:depth]), where)


def _default_language(columns: dict[int, Column | None], values: list[Any],
                      obj: _Object) -> str:
    for index, column in columns.items():
        if column is not None and column.key == "default_language" and index < len(values):
            value = cell_value(column, values[index])
            if isinstance(value, str):
                return value
    language = obj.data.get("default_language", "en")
    return language if isinstance(language, str) else "en"


def _put(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        inner = target.get(part)
        if not isinstance(inner, dict):
            inner = target[part] = {}
        target = inner
    target[path[-1]] = value


def _taken(target: Mapping[str, Any], path: tuple[str, ...]) -> bool:
    """Whether `path` clashes with a value already there (`location: online` and
    `location.city`, in either order)."""
    value: Any = target
    for part in path[:-1]:
        value = value.get(part)
        if value is None:
            return False
        if not isinstance(value, Mapping):
            return True
    return isinstance(value.get(path[-1]), Mapping)


def _text(values: list[Any], index: int) -> str:
    value = values[index] if index < len(values) else None
    return "" if value is None else str(value).strip()


def _checked(reader: _Reader, content: Path) -> list[Draft]:
    """Validate every gathered object with its model; check its references resolve."""
    drafts = []
    known = {kind: set(objects) for kind, objects in reader.objects.items()}
    for kind in KINDS:
        known.setdefault(kind.name, set()).update(
            path.stem for path in (content / kind.folder).glob("*.yaml"))
    for kind in KINDS:
        model = kind.model
        for obj in reader.objects.get(kind.name, {}).values():
            source = SourceFile(kind.name, obj.data, obj.values, obj.values)
            language = obj.data.get("default_language", "en")
            context = {"default_language": language if isinstance(language, str) else "en"}
            try:
                valid = model.model_validate(obj.data, context=context)
            except ValidationError as error:
                for problem in problems_from(error, model, source):
                    reader.report_at(problem.line, problem.message)
                continue
            _dangling(reader, obj, source, known, content)
            drafts.append(Draft(kind.name, obj.object_id, model_data(valid), obj=valid))
    return drafts


def _dangling(reader: _Reader, obj: _Object, source: SourceFile,
              known: dict[str, set[str]], content: Path) -> None:
    """References to ids neither in the spreadsheet nor in the content folder (the fields
    that name other objects are those of the kinds' registry)."""
    for reference in BY_NAME[obj.kind].references:
        target = BY_NAME[reference.target]
        for loc, ref in _named(obj.data, reference.path, ()):
            if isinstance(ref, str) and ref not in known.get(target.name, set()):
                line, _column = source.position(loc)
                reader.report_at(line, f"no {target.name} '{ref}': it is neither on the "
                                 f"{target.heading} sheet nor in "
                                 f"{content.as_posix()}/{target.folder}/")


def _named(data: Any, path: tuple[str, ...], loc: Loc) -> list[tuple[Loc, Any]]:
    """(where, id) of every id at `path` (`EACH` steps into each item of a list)."""
    if not path:
        return [(loc, data)]
    head, rest = path[0], path[1:]
    if head == EACH:
        items = data if isinstance(data, list) else []
        return [found for index, item in enumerate(items)
                for found in _named(item, rest, (*loc, index))]
    if not isinstance(data, Mapping) or head not in data:
        return []
    return _named(data[head], rest, (*loc, head))
