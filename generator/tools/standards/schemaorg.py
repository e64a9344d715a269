"""schema.org: every type and property exists in release 30.0 and fits its domain and range.

The vocabulary comes from the release's type and property tables (`data/schemaorg/*.csv`);
documents are expanded offline first, so a term the context does not define is a problem too.
`course_info_problems` adds what Google's Course info rules ask of each `Course`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.tools.standards import DATA
from generator.tools.standards.jsonld import expand_strictly

SCHEMAORG = DATA / "schemaorg"
SCHEMA_NAMESPACES = ("http://schema.org/", "https://schema.org/")
DATA_TYPES = {"Text", "URL", "Number", "Integer", "Float", "Boolean", "Date", "DateTime",
              "Time", "DataType", "CssSelectorType", "PronounceableText", "XPathType"}
LITERAL_FRIENDLY = {"Duration", "Language", "Country"}
"""Types whose values schema.org's own examples write as text (`PT25H`, `en`, `IT`)."""
OTHER_PROPERTIES = {"http://www.w3.org/2004/02/skos/core#prefLabel"}
"""Properties outside schema.org that the published documents use on purpose: AMB's concept
labels (language maps), as AMB consumers read them."""


# --- schema.org 30.0 vocabulary -----------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """Types with their supertypes, properties with their domains and ranges."""

    supertypes: dict[str, set[str]]
    domains: dict[str, set[str]]
    ranges: dict[str, set[str]]

    def ancestors(self, name: str) -> set[str]:
        """The type and everything it is a subtype of."""
        seen: set[str] = set()
        todo = [name]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self.supertypes.get(current, ()))
        return seen


def _labels(cell: str) -> set[str]:
    return {item.strip().rsplit("/", 1)[-1] for item in cell.split(",") if item.strip()}


@cache
def schemaorg_vocabulary() -> Vocabulary:
    """schema.org 30.0 from `schemaorg-current-https-{types,properties}.csv`."""
    with (SCHEMAORG / "schemaorg-current-https-types.csv").open(encoding="utf-8") as file:
        types = {row["label"]: _labels(row["subTypeOf"]) | _labels(row["enumerationtype"])
                 for row in csv.DictReader(file)}
    with (SCHEMAORG / "schemaorg-current-https-properties.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    return Vocabulary(supertypes=types,
                      domains={row["label"]: _labels(row["domainIncludes"]) for row in rows},
                      ranges={row["label"]: _labels(row["rangeIncludes"]) for row in rows})


def _local(iri: str) -> str | None:
    """`Course` for a schema.org IRI, None for any other namespace."""
    for namespace in SCHEMA_NAMESPACES:
        if iri.startswith(namespace):
            return iri[len(namespace):]
    return None


def _nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every node object in an expanded JSON-LD value."""
    if isinstance(value, list):
        for item in value:
            yield from _nodes(item)
    elif isinstance(value, dict) and "@value" not in value:
        yield value
        for key, inner in value.items():
            if not key.startswith("@"):
                yield from _nodes(inner)


def schemaorg_problems(document: dict[str, Any]) -> list[str]:
    """Types, properties, domains and ranges that schema.org 30.0 does not have.

    Two exceptions, both named: SKOS `prefLabel` (AMB's concept labels, `OTHER_PROPERTIES`)
    and the `-input`/`-output` annotations of schema.org's Potential Actions on a property
    that exists (`query-input` of a `SearchAction`).
    """
    vocab = schemaorg_vocabulary()
    problems: list[str] = []
    for node in _nodes(expand_strictly(document)):
        types: set[str] = set()
        for iri in node.get("@type", []):
            name = _local(iri)
            if name not in vocab.supertypes:
                problems.append(f"type {iri} is not in schema.org 30.0")
            else:
                types |= vocab.ancestors(name)
        for key, values in node.items():
            if key.startswith("@") or key in OTHER_PROPERTIES or _action_annotation(vocab, key):
                continue
            name = _local(key)
            if name not in vocab.domains:
                problems.append(f"property {key} is not in schema.org 30.0")
                continue
            if types and not types & vocab.domains[name]:
                problems.append(f"{name} is not a property of {sorted(types)}")
            problems += [f"{name}: {problem}" for value in values
                         if (problem := _range_problem(vocab, vocab.ranges[name], value))]
    return problems


def _action_annotation(vocab: Vocabulary, iri: str) -> bool:
    """True for `query-input`-style annotations (schema.org/docs/actions.html)."""
    name = _local(iri) or ""
    base, dash, role = name.rpartition("-")
    return bool(dash) and role in {"input", "output"} and base in vocab.domains


def _range_problem(vocab: Vocabulary, expected: set[str], value: dict[str, Any]) -> str | None:
    """Why `value` cannot be in the range `expected`, or None when it fits."""
    if "@value" in value:
        if expected & (DATA_TYPES | LITERAL_FRIENDLY):
            return None
        return f"a literal {value['@value']!r} where {sorted(expected)} is expected"
    value_types: set[str] = set()
    for iri in value.get("@type", []):
        if (name := _local(iri)) in vocab.supertypes:
            value_types |= vocab.ancestors(name)
    if not value_types:
        # An untyped reference: an IRI, which fits URL and any class.
        return None if expected - DATA_TYPES or "URL" in expected else (
            f"a reference where {sorted(expected)} is expected")
    if value_types & expected:
        return None
    return f"a {sorted(value_types)} where {sorted(expected)} is expected"


# --- Google's Course info requirements -----------------------------------------------------------

OFFER_CATEGORIES = {"Free", "Partially Free", "Subscription", "Paid"}
COURSE_MODES = {"Online", "Onsite", "Blended"}


def course_info_problems(course: dict[str, Any]) -> list[str]:
    """What Google's Course info rich result requires and the issue asks of every course."""
    problems = [f"no {key}" for key in ("name", "description", "provider", "offers",
                                        "hasCourseInstance") if not course.get(key)]
    provider = course.get("provider") or {}
    problems += [f"provider has no {key}" for key in ("name", "url") if not provider.get(key)]
    for offer in course.get("offers") or []:
        if offer.get("category") not in OFFER_CATEGORIES:
            problems.append(f"offer category {offer.get('category')!r}")
        if "price" not in offer or (offer["price"] and "priceCurrency" not in offer):
            problems.append("offer without price or currency")
    for instance in course.get("hasCourseInstance") or []:
        if instance.get("courseMode") not in COURSE_MODES:
            problems.append(f"courseMode {instance.get('courseMode')!r}")
        if not (instance.get("courseWorkload") or instance.get("courseSchedule")):
            problems.append("instance without courseWorkload or courseSchedule")
        if instance.get("courseMode") in {"Onsite", "Blended"} and not instance.get("location"):
            problems.append("on-site instance without location")
    return problems
