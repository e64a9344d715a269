"""Read content files: strict, safe YAML with the line and column of every value.

What YAML is allowed, and the parsers, are in strict_yaml.py. Every problem is reported in
the words and at the positions of PyYAML's pure-Python parser, whichever parser read the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.content.errors import Problem
from generator.content.strict_yaml import (
    Loc,
    Positions,
    Refused,
    compose,
    read_with_libyaml,
    scalar_value,
    text_value,
)

MAX_FILE_BYTES = 131_072
"""128 KiB: twenty times the longest sample unit; pure-Python YAML parses it in half a second."""


@dataclass(frozen=True)
class SourceFile:
    """One parsed content file: its data and where every key and value sits."""

    path: str
    data: dict[str, Any]
    values: Positions = field(repr=False)
    keys: Positions = field(repr=False)
    text: str | None = field(default=None, repr=False, compare=False)
    """Kept when libyaml read the file: PyYAML places problems, so reports never differ."""

    def position(self, loc: Loc, *, key: bool = False, exact: bool = True) -> tuple[int, int]:
        """Line and column of the deepest part of `loc` that exists in the file.

        Parts that are not in the data (pydantic's union branch names, missing fields)
        are skipped, so an error always points at something the provider wrote. `exact`
        places it as PyYAML would, reading the file again with the pure-Python parser where
        libyaml read it (about 15 ms a file): problems need it (libyaml places some empty
        values elsewhere); a warning, which points at a key, does not.
        """
        values, keys = self._exact_positions if exact else (self.values, self.keys)
        found: Loc = ()
        for part in loc:
            candidate = (*found, part)
            if candidate in values:
                found = candidate
        if key and found in keys:
            return keys[found]
        return values.get(found, (1, 1))

    @cached_property
    def _exact_positions(self) -> tuple[Positions, Positions]:
        """Positions as PyYAML gives them (libyaml places some empty values elsewhere)."""
        if self.text is None:
            return self.values, self.keys
        builder = _Builder(self.path)
        try:
            node = compose(self.text)
            if node is None:  # an empty document has no positions to correct
                return self.values, self.keys
            builder.build(node, ())
        except (yaml.YAMLError, Refused):  # a leniency of libyaml not screened out yet
            return self.values, self.keys
        return builder.values, builder.keys

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


def parse_source(text: str, display: str, *,
                 libyaml: bool = True) -> tuple[SourceFile | None, list[Problem]]:
    """Parse YAML text into a `SourceFile`, collecting problems instead of raising.

    A valid file is read with libyaml when PyYAML has it (`libyaml=False`: never); a file
    with any problem is read again by the pure-Python parser, whose words and positions
    every report uses.
    """
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [Problem(display, 1, 1, "the file is empty: it must describe one object")]
    fast = read_with_libyaml(text) if libyaml else None
    if fast is not None:
        data, values, keys = fast
        return SourceFile(display, data, values, keys, text=text), []
    try:
        node = compose(text)
    except Refused as refused:
        return None, [_at(display, refused.mark, refused.message)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return None, [_at(display, mark, _yaml_message(error, text))]
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


_KEY_THEN_VALUE = re.compile(r"^(\s*(?:-\s+)?)([^\s:#'\"][^:#]*?):[ \t]+(\S.*?)\s*$")
"""`  - title: Barista basics: espresso`: indentation, key, and the rest of the line."""


def _yaml_message(error: yaml.MarkedYAMLError, text: str) -> str:
    """PyYAML's words, or the fix when the mistake is a common one (a tab, a colon in text)."""
    problem = error.problem or "invalid YAML"
    mark = error.problem_mark or error.context_mark
    if "'\\t'" in problem or "tab character" in problem:
        return "YAML needs spaces for indentation, not tabs: replace the tab here with spaces"
    if problem == "mapping values are not allowed here" and mark is not None:
        line = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
        found = _KEY_THEN_VALUE.match(line)
        if found and mark.column > len(found.group(1)) + len(found.group(2)):
            key, value = found.group(2), found.group(3)
            quoted = ('"' + value + '"' if '"' not in value else
                      "'" + value.replace("'", "''") + "'")
            example = f"{key}: {quoted}" if len(quoted) <= 80 else f'{key}: "..."'
            return ("a colon followed by a space inside text starts a new field: "
                    f"put the text in quotes, like {example}")
    return f"invalid YAML: {error.context}: {problem}" if error.context else \
        f"invalid YAML: {problem}"


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
        self.values: Positions = {}
        self.keys: Positions = {}
        self.problems: list[Problem] = []

    def build(self, node: Node, loc: Loc) -> Any:
        self.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*loc, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)  # the composer makes no other kind of node
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
        value, problem = scalar_value(node.tag, node.value)
        if problem:
            self.problems.append(_at(self.display, node.start_mark, problem))
        return value

    def _text(self, node: ScalarNode) -> str:
        """The scalar's text; a character no output can carry is reported and replaced."""
        value, problem = text_value(node.value)
        if problem:
            self.problems.append(_at(self.display, node.start_mark, problem))
        return value
