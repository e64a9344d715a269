"""Content files written by a program that read as if written by hand (for `microvet import`).

Keys come in the order of the models, which is the order `microvet new` writes them; the
`$schema` line comes first; nothing is null or empty; a text only in the file's default
language is a plain string; long texts are folded blocks, Markdown keeps its lines.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import yaml
from pydantic import BaseModel

from generator.content.serialise import plain_number
from generator.tools.reference import FieldDoc, model_docs
from generator.tools.scaffold import WIDTH, schema_line

FOLD_AT = 80
"""Texts longer than this become `>-` blocks, as providers write long summaries."""


def model_data(obj: BaseModel) -> dict[str, Any]:
    """A validated object as plain data, ready for `content_yaml` (nulls and empties dropped)."""
    return obj.model_dump(mode="python", exclude_none=True)


def content_yaml(kind: str, data: Mapping[str, Any], notes: Iterable[str] = ()) -> str:
    """The text of a content file of `kind` holding `data`, with `notes` as comments on top."""
    fields = next(doc.fields for doc in model_docs() if doc.kind == kind)
    language = data.get("default_language", "en")
    tidy = _ordered(fields, data, language if isinstance(language, str) else "en")
    lines = [schema_line(kind), *(f"# {note}".rstrip() for note in notes)]
    return "\n".join(lines) + "\n" + dump(tidy)


def dump(data: Mapping[str, Any]) -> str:
    """YAML text of tidy data: libyaml's emitter where PyYAML has it (six times faster, for
    imports of thousands of units), its lists then indented under their keys as by hand."""
    options: dict[str, Any] = {"sort_keys": False, "allow_unicode": True,
                               "width": WIDTH - 12, "default_flow_style": False}
    if _CDumper is None:
        return str(yaml.dump(data, Dumper=_Dumper, **options))
    return indent_lists(str(yaml.dump(data, Dumper=_CDumper, **options)))


BLOCK_SCALAR = re.compile(r"(?:^|: |- )[|>][-+0-9]*$")
"""A line that starts a literal or folded block (`summary: >-`, `- |-`)."""


def indent_lists(text: str) -> str:
    """Indent block lists under their key (`key:` / `  - item`), as providers write them.

    libyaml writes them level with the key (`key:` / `- item`), equally valid YAML. The
    lines of a list, and everything inside its items, move two spaces right per list they
    are in; the lines of a text block move with the line that starts it.
    """
    out: list[str] = []
    lists: list[int] = []  # the indentation of each list still open, innermost last
    block: int | None = None  # indentation of the line starting the text block we are in
    key: int | None = None  # column of a `key:` with no value on the previous line
    for line in text.splitlines():
        content = line.lstrip(" ")
        indent = len(line) - len(content)
        if block is not None and (not content or indent > block):
            out.append(" " * 2 * len(lists) + line if content else line)
            continue
        block = None
        while lists and (indent < lists[-1] or (indent == lists[-1]
                                                and not content.startswith("- "))):
            lists.pop()
        if content.startswith("- ") and key == indent:
            lists.append(indent)
        out.append(" " * 2 * len(lists) + line)
        item = content[2:] if content.startswith("- ") else content
        column = indent + (len(content) - len(item))
        key = column if item.endswith(":") and not item.startswith(("'", '"')) else None
        if BLOCK_SCALAR.search(content):
            block = indent
    return "\n".join(out) + "\n"


def _ordered(fields: tuple[FieldDoc, ...], data: Mapping[str, Any],
             language: str) -> dict[str, Any]:
    """`data` with keys in field order, empty values left out; unknown keys kept, last."""
    known = {field.name: field for field in fields}
    result: dict[str, Any] = {}
    for name in [*(f.name for f in fields), *(key for key in data if key not in known)]:
        if name not in data:
            continue
        field = known.get(name)
        value = _tidy(field, data[name], language) if field else data[name]
        if _empty(value) or (value is False and field is not None and field.default is False):
            continue
        result[name] = value
    return result


def _tidy(field: FieldDoc, value: Any, language: str) -> Any:
    """One field's value in its hand-written form."""
    if isinstance(value, list):
        items = [_tidy_one(field, item, language) for item in value]
        return [item for item in items if not _empty(item)]
    return _tidy_one(field, value, language)


def _tidy_one(field: FieldDoc, value: Any, language: str) -> Any:
    if field.shape.kind == "text" and isinstance(value, Mapping):
        return _text(value, language)
    if field.fields and isinstance(value, Mapping):
        return _ordered(field.fields, value, language)
    return value


def _text(value: Mapping[str, Any], language: str) -> Any:
    """`{en: Barista basics}` in an English file is just `Barista basics`."""
    if list(value) == [language]:
        return value[language]
    ordered = {language: value[language]} if language in value else {}
    ordered.update((key, value[key]) for key in sorted(value) if key != language)
    return ordered


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, list | dict | str) and not value)


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as in the sample content and the scaffolds."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Never indentless: `- item` sits two spaces under its key."""
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if "\n" in value.strip("\n"):
        style = "|"
    elif len(value) > FOLD_AT and value == value.strip():
        style = ">"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    """Short lists of codes or words on one line: `languages: [it, en]`."""
    flow = all(isinstance(item, str) and len(item) < 40 and "\n" not in item
               for item in value) and sum(len(str(item)) + 2 for item in value) < 70
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    number = plain_number(value)
    tag = "tag:yaml.org,2002:int" if isinstance(number, int) else "tag:yaml.org,2002:float"
    return dumper.represent_scalar(tag, str(number))


def _represent_date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_CDumper: Any = getattr(yaml, "CSafeDumper", None)
"""libyaml's emitter, when PyYAML was built with it."""

for _dumper in (_Dumper, _CDumper) if _CDumper is not None else (_Dumper,):
    _dumper.add_representer(str, _represent_text)
    _dumper.add_representer(list, _represent_list)
    _dumper.add_representer(Decimal, _represent_decimal)
    _dumper.add_representer(dt.date, _represent_date)
