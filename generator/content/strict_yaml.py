"""The YAML that content files may use, and the two parsers that read it.

Providers never need anchors, aliases or tags, and aliases allow "billion laughs" memory
bombs, so all three are refused. Scalars follow YAML 1.2's core schema rather than PyYAML's
YAML 1.1 defaults: `NO` (Norway) stays a string, `0414` (an ISCED-F code) is not octal.

PyYAML's pure-Python parser words every problem (its messages are what providers see and what
the tests pin). Valid files, almost all of them, are read about ten times faster by
`read_with_libyaml`: libyaml's events go straight into plain data, skipping PyYAML's node tree.
It gives up (returns None) at the first thing that is not plainly valid, and the pure-Python
parser reads that file again; tests/test_sources.py checks by fuzzing that both agree.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import Node
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

CParser: type[Any] | None
try:  # libyaml: the same events as PyYAML's parser, from C
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml: the pure-Python parser reads everything
    CParser = None

MAX_DEPTH = 20
MAX_DIGITS = 30
"""No field needs a longer number; Python refuses to convert ones over 4,300 digits."""

# YAML escapes ("\0", "\x1b", "\ud800") can write what the file itself may not contain:
# control characters and lone surrogates break the XML outputs, terminals and UTF-8 encoding.
REPLACEMENT = "\ufffd"
"""What a character no output can carry is replaced with, once reported."""
NOT_TEXT = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

Loc = tuple[str | int, ...]
Positions = dict[Loc, tuple[int, int]]

LIBYAML_LENIENT = re.compile(
    "[\t\ufeff]"  # tabs and inner byte-order marks, which libyaml takes in more places
    "|[|>][-+0-9]*#"  # a block scalar header with a comment glued on
)
"""What libyaml accepts and PyYAML refuses (found by fuzzing): such files go to PyYAML."""

STR = "tag:yaml.org,2002:str"


class CoreSchemaResolver(BaseResolver):
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
    CoreSchemaResolver.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


class Refused(Exception):
    """A YAML construct we do not accept, with where it is."""

    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


class _StrictLoader(Reader, Scanner, Parser, Composer, CoreSchemaResolver):
    """PyYAML's pure-Python parser, refusing aliases, anchors, explicit tags, deep nesting."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        CoreSchemaResolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # types-PyYAML: untyped
        if isinstance(event, AliasEvent):
            raise Refused(
                event.start_mark,
                f"YAML aliases (*{event.anchor}) are not allowed: write the value out in full",
            )
        if isinstance(event, NodeEvent) and event.anchor is not None:
            raise Refused(
                event.start_mark,
                f"YAML anchors (&{event.anchor}) are not allowed: write each value out in full",
            )
        if _has_explicit_tag(event):
            raise Refused(
                event.start_mark,
                f"YAML tags ({getattr(event, 'tag', None)}) are not allowed: remove the tag and "
                "write a plain value",
            )
        if isinstance(event, CollectionStartEvent):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise Refused(
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


def compose(text: str) -> Node | None:
    """The document's node tree by the pure-Python parser; raises `Refused` or YAMLError."""
    loader = _StrictLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def scalar_value(tag: str, value: str) -> tuple[Any, str | None]:
    """A resolved scalar as Python data, and what is wrong with it (None when nothing)."""
    if tag == "tag:yaml.org,2002:null":
        return None, None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true", None
    if tag == "tag:yaml.org,2002:int":
        digits = len(value.lstrip("+-"))
        if digits > MAX_DIGITS:
            return value, f"the number has {digits:,} digits; no field takes more than {MAX_DIGITS}"
        return int(value), None
    if tag == "tag:yaml.org,2002:float":
        return float(value), None
    if tag == "tag:yaml.org,2002:timestamp":
        try:
            return dt.date.fromisoformat(value), None
        except ValueError:
            return value, f"'{value}' is not a real date (YYYY-MM-DD)"
    return text_value(value)


def text_value(value: str) -> tuple[str, str | None]:
    """The text; a character no output can carry is replaced, and reported."""
    bad = NOT_TEXT.search(value)
    if bad is None:
        return value, None
    return NOT_TEXT.sub(REPLACEMENT, value), (
        f"the text contains the character U+{ord(bad[0]):04X}, which is not allowed in "
        "published text: delete it")


def read_with_libyaml(text: str) -> tuple[dict[str, Any], Positions, Positions] | None:
    """(data, value positions, key positions) of a plainly valid file; None otherwise."""
    if CParser is None or LIBYAML_LENIENT.search(text):
        return None
    parser = CParser(text)
    # Without a backslash escape, a scalar holds only characters of the file (line folding
    # adds spaces and line feeds): one search of the whole text then stands for all of them.
    check_text = "\\" in text or NOT_TEXT.search(text) is not None
    try:
        return _build(parser, check_text)
    except (yaml.YAMLError, ValueError):  # ValueError: text that UTF-8 cannot encode
        return None
    finally:
        parser.dispose()


_AWAITING_KEY = object()
_IMPLICIT_BY_FIRST = CoreSchemaResolver.yaml_implicit_resolvers


def _scalar_tag(event: ScalarEvent) -> str:
    """The untagged scalar's tag, as `BaseResolver.resolve` finds it, minus its generality."""
    if event.implicit[0]:  # plain, not quoted
        for tag, pattern in _IMPLICIT_BY_FIRST.get(event.value[:1], ()):
            if pattern.match(event.value):
                return str(tag)
    return STR


def _build(parser: Any, check_text: bool) -> tuple[dict[str, Any], Positions, Positions] | None:
    """One mapping document, built from events the way compose() and sources._Builder would."""
    next_event = parser.get_event
    if not isinstance(next_event(), StreamStartEvent):
        return None
    if not isinstance(next_event(), DocumentStartEvent):
        return None
    tree = _Tree(check_text)
    while tree.root is None:
        if not tree.add(next_event()):
            return None
    if not isinstance(next_event(), DocumentEndEvent):
        return None
    if not isinstance(next_event(), StreamEndEvent):
        return None
    return tree.root, tree.values, tree.keys


class _Tree:
    """Plain data growing event by event; `add` says False at anything not plainly valid."""

    def __init__(self, check_text: bool) -> None:
        self.check_text = check_text
        self.root: dict[str, Any] | None = None
        self.values: Positions = {}
        self.keys: Positions = {}
        # Each open collection: [container, its location, key awaiting its value (mappings)].
        self.open: list[list[Any]] = []

    def add(self, event: Any) -> bool:
        """Take the next event of the document."""
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            container = self.open.pop()[0]
            if not self.open:
                self.root = container
            return True
        if (not isinstance(event, NodeEvent) or kind is AliasEvent or event.anchor is not None
                or getattr(event, "tag", None) is not None):
            return False
        if not self.open:
            return kind is MappingStartEvent and self._value(event, ())
        top = self.open[-1]
        if type(top[0]) is list:
            return self._value(event, (*top[1], len(top[0])))
        if top[2] is _AWAITING_KEY:
            return self._key(event, top)
        return self._value(event, (*top[1], top[2]))

    def _key(self, event: Any, mapping: list[Any]) -> bool:
        if type(event) is not ScalarEvent or _scalar_tag(event) != STR:
            return False
        assert event.start_mark is not None  # both parsers mark every event
        key, problem = text_value(event.value) if self.check_text else (event.value, None)
        if problem or key in mapping[0]:
            return False
        self.keys[(*mapping[1], key)] = (event.start_mark.line + 1, event.start_mark.column + 1)
        mapping[2] = key
        return True

    def _value(self, event: Any, loc: Loc) -> bool:
        kind = type(event)
        self.values[loc] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if kind is ScalarEvent:
            tag = _scalar_tag(event)
            if tag == STR and not self.check_text:
                value = event.value
            else:
                value, problem = scalar_value(tag, event.value)
                if problem:
                    return False
        elif len(self.open) >= MAX_DEPTH:
            return False
        else:
            value = {} if kind is MappingStartEvent else []
        if self.open:
            top = self.open[-1]
            if type(top[0]) is list:
                top[0].append(value)
            else:
                top[0][top[2]] = value
                top[2] = _AWAITING_KEY
        if kind is not ScalarEvent:
            self.open.append([value, loc, _AWAITING_KEY])
        return True
