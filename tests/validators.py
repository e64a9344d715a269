"""Real validators for the harvestable metadata, over the offline reference files.

- `amb_errors`: the AMB JSON Schema (draft-07) with every `$ref` resolved by `$id` through a
  `referencing` registry and format checking on (rfc3339-validator checks date-times);
- `expand_strictly`: pyld expansion that fails when any key would be silently dropped;
- `ob3_errors`: 1EdTech's Open Badges 3.0 AchievementCredential JSON Schema (2019-09), or one of
  its definitions alone (`Achievement`);
- `schemaorg_problems`: every type and property used exists in schema.org 30.0, each property
  is used on a type in its domain and each value fits its range (from the release's CSVs).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from conftest import REFERENCE
from jsonld import OPTIONS
from jsonschema import Draft7Validator, Draft201909Validator
from pyld import jsonld
from referencing import Registry, Resource

AMB_SCHEMAS = REFERENCE / "amb" / "schemas"
SCHEMAORG = REFERENCE / "schemaorg"
SCHEMA_NAMESPACES = ("http://schema.org/", "https://schema.org/")
DATA_TYPES = {"Text", "URL", "Number", "Integer", "Float", "Boolean", "Date", "DateTime",
              "Time", "DataType", "CssSelectorType", "PronounceableText", "XPathType"}
LITERAL_FRIENDLY = {"Duration", "Language", "Country"}
"""Types whose values schema.org's own examples write as text (`PT25H`, `en`, `IT`)."""


# --- AMB JSON Schema ------------------------------------------------------------------------


@cache
def amb_validator() -> Draft7Validator:
    """The AMB 2023-10-19 schema, its `$ref`s served from tests/reference/amb/schemas."""
    resources = []
    for path in sorted(AMB_SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    registry: Registry = Registry().with_resources(resources)
    root = json.loads((AMB_SCHEMAS / "schema.json").read_text(encoding="utf-8"))
    return Draft7Validator(root, registry=registry,
                           format_checker=Draft7Validator.FORMAT_CHECKER)


def amb_errors(document: dict[str, Any]) -> list[str]:
    """Every AMB violation as `path: message` (empty when valid)."""
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in sorted(amb_validator().iter_errors(document), key=str)]


# --- Open Badges 3.0 JSON Schema -------------------------------------------------------------

OB3_SCHEMA = REFERENCE / "ob3" / "achievementcredential-schema-3.0.json"


@cache
def ob3_validator(definition: str | None) -> Draft201909Validator:
    """1EdTech's AchievementCredential schema, or one of its `$defs` (`Achievement`) alone."""
    schema = json.loads(OB3_SCHEMA.read_text(encoding="utf-8"))
    if definition is not None:
        schema = {"$schema": schema["$schema"], "$defs": schema["$defs"],
                  "$ref": f"#/$defs/{definition}"}
    return Draft201909Validator(schema, format_checker=Draft201909Validator.FORMAT_CHECKER)


def ob3_errors(document: dict[str, Any], definition: str | None = None) -> list[str]:
    """Every OB 3.0 schema violation as `path: message` (a whole credential by default)."""
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in sorted(ob3_validator(definition).iter_errors(document), key=str)]


# --- JSON-LD ------------------------------------------------------------------------------------


class DroppedTerm(AssertionError):
    """A key of the document has no definition in its context: processors would ignore it."""


def expand_strictly(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Expanded form, offline; raises `DroppedTerm` instead of losing any key silently."""
    dropped: list[str | None] = []
    expanded = jsonld.expand(document, OPTIONS, on_property_dropped=dropped.append)
    if dropped:
        raise DroppedTerm(f"dropped on expansion: {dropped}")
    return expanded


# --- schema.org 30.0 vocabulary -----------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """Types with their supertypes, properties with their domains and ranges."""

    supertypes: dict[str, set[str]]
    domains: dict[str, set[str]]
    ranges: dict[str, set[str]]

    def ancestors(self, name: str) -> set[str]:
        """The type and everything it is a subtype of."""
        seen, todo = set(), [name]
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
    """Types, properties, domains and ranges that schema.org 30.0 does not have."""
    vocab = schemaorg_vocabulary()
    problems: list[str] = []
    for node in _nodes(expand_strictly(document)):
        types = set()
        for iri in node.get("@type", []):
            name = _local(iri)
            if name not in vocab.supertypes:
                problems.append(f"type {iri} is not in schema.org 30.0")
            else:
                types |= vocab.ancestors(name)
        for key, values in node.items():
            if key.startswith("@"):
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


def _range_problem(vocab: Vocabulary, expected: set[str], value: dict[str, Any]) -> str | None:
    """Why `value` cannot be in the range `expected`, or None when it fits."""
    if "@value" in value:
        if expected & (DATA_TYPES | LITERAL_FRIENDLY):
            return None
        return f"a literal {value['@value']!r} where {sorted(expected)} is expected"
    value_types = set()
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
