"""Read content files: strict, safe YAML with the line and column of every value.

Providers never need anchors, aliases or tags, and aliases allow "billion laughs" memory
bombs, so all three are refused. Scalars follow YAML 1.2's core schema rather than PyYAML's
YAML 1.1 defaults: `NO` (Norway) stays a string, `0414` (an ISCED-F code) is not octal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from .errors import Problem

MAX_FILE_BYTES = 131_072
"""128 KiB: twenty times the longest sample unit; pure-Python YAML parses it in half a second."""
MAX_DEPTH = 20
MAX_DIGITS = 30
"""No field needs a longer number; Python refuses to convert ones over 4,300 digits."""

# YAML escapes ("\0", "\x1b", "\ud800") can write what the file itself may not contain:
# control characters and lone surrogates break the XML outputs, terminals and UTF-8 encoding.
_NOT_TEXT = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

Loc = tuple[str | int, ...]


class _Resolver(BaseResolver):
    """YAML 1.2 core schema: only true/false are booleans; no octal, no sexagesimal."""


_IMPLICIT = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
]
for _tag, _pattern, _first in _IMPLICIT:
    _Resolver.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


class _Refused(Exception):
    """A YAML construct we do not accept, with where it is."""

    def __init__(self, mark: yaml.Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


class _StrictLoader(Reader, Scanner, Parser, Composer, _Resolver):
    """Compose a node tree, refusing aliases, anchors, explicit tags and deep nesting."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _Resolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: object) -> Node:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Refused(
                event.start_mark,
                f"YAML aliases (*{event.anchor}) are not allowed: write the value out in full",
            )
        if isinstance(event, NodeEvent) and event.anchor is not None:
            raise _Refused(
                event.start_mark,
                f"YAML anchors (&{event.anchor}) are not allowed: write each value out in full",
            )
        if _has_explicit_tag(event):
            raise _Refused(
                event.start_mark,
                f"YAML tags ({event.tag}) are not allowed: remove the tag and write a plain value",
            )
        if isinstance(event, CollectionStartEvent):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _Refused(
                    event.start_mark, f"nesting deeper than {MAX_DEPTH} levels is not allowed"
                )
            try:
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1
        return super().compose_node(parent, index)


def _has_explicit_tag(event: object) -> bool:
    if isinstance(event, ScalarEvent):
        return event.tag is not None and event.implicit == (False, False)
    if isinstance(event, CollectionStartEvent):
        return event.tag is not None and not event.implicit
    return False


@dataclass(frozen=True)
class SourceFile:
    """One parsed content file: its data and where every key and value sits."""

    path: str
    data: dict[str, Any]
    values: dict[Loc, tuple[int, int]] = field(repr=False)
    keys: dict[Loc, tuple[int, int]] = field(repr=False)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the deepest part of `loc` that exists in the file.

        Parts that are not in the data (pydantic's union branch names, missing fields)
        are skipped, so an error always points at something the provider wrote.
        """
        found: Loc = ()
        for part in loc:
            candidate = (*found, part)
            if candidate in self.values:
                found = candidate
        if key and found in self.keys:
            return self.keys[found]
        return self.values.get(found, (1, 1))

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> Problem:
        """A problem located at `loc` in this file."""
        line, column = self.position(loc, key=key)
        return Problem(self.path, line, column, message)


def read_source(path: Path, display: str) -> tuple[SourceFile | None, list[Problem]]:
    """Read one YAML file; return it (if usable) and every problem found on the way."""
    if path.is_symlink():
        # A link could publish any file of the machine that builds the site.
        return None, [Problem(display, 1, 1, "the file is a symbolic link: commit the file "
                              "itself, not a link to it")]
    try:
        size = path.stat().st_size
    except OSError as error:
        return None, [Problem(display, 1, 1, f"cannot read the file: {error.strerror}")]
    if size > MAX_FILE_BYTES:
        return None, [
            Problem(
                display, 1, 1,
                f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes "
                "(a unit description is a few kilobytes: move long material to a linked page)",
            )
        ]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            Problem(
                display, line, column,
                f"the file is not UTF-8 (byte 0x{raw[error.start]:02x}): "
                "save it with UTF-8 encoding in your editor",
            )
        ]
    return parse_source(text, display)


def parse_source(text: str, display: str) -> tuple[SourceFile | None, list[Problem]]:
    """Parse YAML text into a `SourceFile`, collecting problems instead of raising."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [Problem(display, 1, 1, "the file is empty: it must describe one object")]
    loader = None
    try:
        loader = _StrictLoader(text)
        node = loader.get_single_node()
    except _Refused as refused:
        return None, [_at(display, refused.mark, refused.message)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = error.problem or "invalid YAML"
        if error.context:
            message = f"{error.context}: {message}"
        return None, [_at(display, mark, f"invalid YAML: {message}")]
    except yaml.reader.ReaderError as error:
        line, column = _line_col(text, error.position)
        return None, [
            Problem(
                display, line, column,
                f"the file contains a control character (U+{error.character:04X}) "
                "that is not allowed in YAML: delete it",
            )
        ]
    except yaml.YAMLError as error:  # any other parser complaint is still the file's fault
        return None, [Problem(display, 1, 1, f"invalid YAML: {error}")]
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        return None, [Problem(display, 1, 1, "the file is empty: it must describe one object")]
    if not isinstance(node, MappingNode):
        found = "a list" if isinstance(node, SequenceNode) else "a single value"
        return None, [
            _at(display, node.start_mark, f"expected fields (`name: value` lines), found {found}")
        ]
    builder = _Builder(display)
    data = builder.build(node, ())
    return SourceFile(display, data, builder.values, builder.keys), builder.problems


def _at(display: str, mark: yaml.Mark | None, message: str) -> Problem:
    if mark is None:
        return Problem(display, 1, 1, message)
    return Problem(display, mark.line + 1, mark.column + 1, message)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class _Builder:
    """Turn a composed node tree into plain Python data, remembering positions."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.values: dict[Loc, tuple[int, int]] = {}
        self.keys: dict[Loc, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    def build(self, node: Node, loc: Loc) -> Any:
        self.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*loc, index)) for index, item in enumerate(node.value)]
        return self._scalar(node, loc)

    def _mapping(self, node: MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                self.problems.append(
                    _at(self.display, key_node.start_mark, "a field name must be plain text")
                )
                continue
            key = self._text(key_node)
            if key in result:
                first = self.keys[(*loc, key)]
                self.problems.append(
                    _at(
                        self.display, key_node.start_mark,
                        f"duplicate field '{key}' (first given at line {first[0]}): "
                        "keep one of them",
                    )
                )
                continue
            self.keys[(*loc, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, (*loc, key))
        return result

    def _scalar(self, node: ScalarNode, loc: Loc) -> Any:
        value = node.value
        tag = node.tag
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return value.lower() == "true"
        if tag == "tag:yaml.org,2002:int":
            if len(value.lstrip("+-")) > MAX_DIGITS:
                self.problems.append(_at(self.display, node.start_mark,
                                         f"the number has {len(value.lstrip('+-')):,} digits; "
                                         f"no field takes more than {MAX_DIGITS}"))
                return value
            return int(value)
        if tag == "tag:yaml.org,2002:float":
            return float(value)
        if tag == "tag:yaml.org,2002:timestamp":
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                self.problems.append(
                    _at(self.display, node.start_mark, f"'{value}' is not a real date (YYYY-MM-DD)")
                )
                return value
        return self._text(node)

    def _text(self, node: ScalarNode) -> str:
        """The scalar's text; a character no output can carry is reported and replaced."""
        bad = _NOT_TEXT.search(node.value)
        if bad is None:
            return node.value
        self.problems.append(_at(self.display, node.start_mark,
                                 f"the text contains the character U+{ord(bad[0]):04X}, which "
                                 "is not allowed in published text: delete it"))
        return _NOT_TEXT.sub("\ufffd", node.value)


def iter_yaml_files(directory: Path) -> Iterator[Path]:
    """Every `*.yaml` file directly in `directory`, sorted by name (stable builds)."""
    if not directory.is_dir():
        return iter(())
    return iter(sorted(p for p in directory.iterdir() if p.suffix in {".yaml", ".yml"}))
