"""Europass documents as one tree: ELM JSON-LD and QDR loq.xml read alike, every read noted.

Both formats name their properties after ELM (`title`, `learningOutcome`, `mode`...), so a
loq.xml is turned into the JSON-LD shape (elements into properties, `idref` into references,
texts by `language` into language maps) and one mapper reads both. A `Node` remembers which
of its properties were read: those never read are the source elements nothing was mapped
from, which the imported files name in a comment.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from generator.content.vocabularies import vocabulary

IGNORED = {"@id", "@type", "@context", "id", "type"}
"""Properties that identify a node rather than describe it: never worth reporting."""

QDR_ALIASES = {"contentUrl": "contentURL", "ISCEDFCode": "thematicArea",
               "EQFLevel": "eqfLevel", "NQFLevel": "nqfLevel", "type": "dcType",
               "defaultLanguage": "elm:defaultLanguage"}
"""QDR element names that differ from the ELM JSON-LD property of the same meaning."""

MAX_BYTES = 20_000_000


class EuropassError(Exception):
    """The document cannot be read; the message says why, for people."""


@dataclass
class Document:
    """A Europass document: its top-level nodes, every node by `@id`, and what was skipped."""

    roots: list[dict[str, Any]]
    index: dict[str, dict[str, Any]]
    label: str
    nodes: dict[int, Node] = field(default_factory=dict)

    def node(self, data: Any, path: str) -> Node | None:
        """`data` as a tracked node (references resolved), or None if it is not one."""
        if isinstance(data, str) and data in self.index:
            data = self.index[data]
        if not isinstance(data, dict):
            return None
        if set(data) <= {"@id", "@type"} and data.get("@id") in self.index:
            data = self.index[data["@id"]]
        if id(data) not in self.nodes:  # the same node read from two places is one node
            self.nodes[id(data)] = Node(data, path, self)
        return self.nodes[id(data)]


@dataclass(eq=False)
class Node:
    """One node of the document; remembers the properties read."""

    data: dict[str, Any]
    path: str
    document: Document
    read: set[str] = field(default_factory=set)

    @property
    def id(self) -> str:
        """The node's `@id` ('' for a blank node)."""
        return str(self.data.get("@id") or "")

    def types(self) -> list[str]:
        """The node's types."""
        value = self.data.get("@type", [])
        return [value] if isinstance(value, str) else [str(v) for v in value]

    def raw(self, key: str) -> Any:
        """The property's value as it is; marks it read."""
        self.read.add(key)
        return self.data.get(key)

    def consume(self) -> None:
        """Mark every property read: the node is only a reference to something described
        elsewhere (another unit, in a stacking link)."""
        self.read.update(self.data)

    def values(self, key: str) -> list[Any]:
        """The property's values (a single value is a list of one)."""
        value = self.raw(key)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    def nodes(self, key: str) -> list[Node]:
        """The property's values that are nodes."""
        found = (self.document.node(value, f"{self.path}.{key}") for value in self.values(key))
        return [node for node in found if node is not None]

    def node(self, key: str) -> Node | None:
        """The property's first node."""
        return next(iter(self.nodes(key)), None)

    def text(self, key: str) -> dict[str, str] | None:
        """A language map (`{en: ...}`), from a map, a list of maps or a plain string."""
        merged: dict[str, str] = {}
        for value in self.values(key):
            if isinstance(value, str) and value.strip():
                merged.setdefault("en", value.strip())
            elif isinstance(value, dict):
                if "@value" in value:
                    merged.setdefault(str(value.get("@language", "en")), str(value["@value"]))
                else:
                    merged.update((str(k), str(v).strip()) for k, v in value.items()
                                  if isinstance(v, str) and v.strip())
        languages = vocabulary("languages")
        return {k.lower(): v for k, v in merged.items() if k.lower() in languages} or None

    def string(self, key: str) -> str | None:
        """A plain string value (the first one)."""
        for value in self.values(key):
            if isinstance(value, str | int | float) and str(value).strip():
                return str(value).strip()
            if isinstance(value, dict) and "@value" in value:
                return str(value["@value"]).strip()
        return None

    def unread(self) -> list[str]:
        """`LearningOpportunity.grant`: the properties nothing was read from."""
        name = self.types()[0] if self.types() else self.path
        return [f"{name}.{key}" for key in self.data
                if key not in self.read and key not in IGNORED]


def read_document(path: Path) -> Document:
    """Read an ELM JSON-LD document (.jsonld, .json) or a QDR loq.xml (.xml)."""
    if not path.is_file():
        raise EuropassError(f"{path.as_posix()} does not exist")
    if path.stat().st_size > MAX_BYTES:
        raise EuropassError(f"{path.as_posix()} is over {MAX_BYTES // 1_000_000} MB: "
                            "split it, or import its courses one document at a time")
    if path.suffix.lower() == ".xml":
        return _qdr(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise EuropassError(f"{path.as_posix()} is not a JSON document: {error}") from None
    data = _at_keys(data)
    roots = data.get("@graph", [data]) if isinstance(data, dict) else data
    if not isinstance(roots, list) or not all(isinstance(r, dict) for r in roots):
        raise EuropassError(f"{path.as_posix()}: expected a JSON-LD object or @graph")
    index: dict[str, dict[str, Any]] = {}
    for root in roots:
        _index(root, index)
    return Document(roots, index, path.name)


def _at_keys(data: Any) -> Any:
    """`id` and `type` (the aliases of issued credentials) as `@id` and `@type`."""
    if isinstance(data, list):
        return [_at_keys(item) for item in data]
    if isinstance(data, dict):
        return {({"id": "@id", "type": "@type"}.get(key, key)): _at_keys(value)
                for key, value in data.items()}
    return data


def _index(data: Any, index: dict[str, dict[str, Any]]) -> None:
    """Every node with properties besides its `@id`, by `@id` (first description wins)."""
    if isinstance(data, list):
        for item in data:
            _index(item, index)
    elif isinstance(data, dict):
        node_id = data.get("@id")
        if isinstance(node_id, str) and set(data) - {"@id", "@type"}:
            index.setdefault(node_id, data)
        for value in data.values():
            _index(value, index)


def _qdr(path: Path) -> Document:
    """A loq.xml as JSON-LD-shaped nodes: the learning opportunities are the roots."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as error:
        raise EuropassError(f"{path.as_posix()} is not an XML document: {error}") from None
    root = tree.getroot()
    index: dict[str, dict[str, Any]] = {}
    roots = []
    for group in root:
        for element in group:
            node = _element(element, index)
            if _local(element) == "learningOpportunity" and isinstance(node, dict):
                roots.append(node)
    if not roots:
        raise EuropassError(f"{path.as_posix()}: no learningOpportunity element: is this a "
                            "QDR Courses document (loq.xml)?")
    return Document(roots, index, path.name)


def _local(element: Any) -> str:
    return str(etree.QName(element).localname)


def _element(element: Any, index: dict[str, dict[str, Any]]) -> Any:
    """One element as a value: text, language map part, reference or node."""
    attrs = element.attrib
    if "idref" in attrs:
        return {"@id": attrs["idref"]}
    children = [child for child in element if isinstance(child.tag, str)]
    if not children and "uri" not in attrs and "id" not in attrs:
        text = (element.text or "").strip()
        return {attrs["language"]: text} if "language" in attrs else text
    node: dict[str, Any] = {}
    if "id" in attrs or "uri" in attrs:
        node["@id"] = attrs.get("id") or attrs.get("uri")
    name = _local(element)
    node["@type"] = name[0].upper() + name[1:]
    for key, value in _properties(children, index):
        node[key] = value
    if "id" in attrs:
        index.setdefault(attrs["id"], node)
    return node


def _properties(children: list[Any], index: dict[str, dict[str, Any]],
                ) -> Iterator[tuple[str, Any]]:
    grouped: dict[str, list[Any]] = {}
    for child in children:
        grouped.setdefault(QDR_ALIASES.get(_local(child), _local(child)), []).append(
            _element(child, index))
    for key, values in grouped.items():
        if all(isinstance(value, dict) and len(value) == 1 and "@id" not in value
               and "@type" not in value for value in values):
            merged: dict[str, Any] = {}
            for value in values:
                for language, text in value.items():
                    merged.setdefault(language, text)
            yield key, merged
        else:
            yield key, values[0] if len(values) == 1 else values
