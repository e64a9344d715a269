"""AMB (Allgemeines Metadatenprofil für Bildungsressourcen), the profile OER aggregators
such as OERSI validate: its JSON Schema (draft-07), every `$ref` resolved by `$id` offline."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft7Validator  # type: ignore[import-untyped]
from referencing import Registry, Resource

from generator.tools.standards import DATA

AMB_SCHEMAS = DATA / "amb" / "schemas"
AMB_CONTEXT = "https://w3id.org/kim/amb/context.jsonld"


@cache
def amb_validator() -> Draft7Validator:
    """The AMB 2023-10-19 schema, with format checking (RFC 3339 date-times) on."""
    resources = []
    for path in sorted(AMB_SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    registry: Registry[Any] = Registry().with_resources(resources)
    root = json.loads((AMB_SCHEMAS / "schema.json").read_text(encoding="utf-8"))
    return Draft7Validator(root, registry=registry,
                           format_checker=Draft7Validator.FORMAT_CHECKER)


def amb_errors(document: Any) -> list[str]:
    """Every AMB violation as `path: message` (empty when valid)."""
    return [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
            for error in sorted(amb_validator().iter_errors(document), key=str)]


def is_amb(document: Any) -> bool:
    """True for a document in the AMB profile (its context names the AMB context)."""
    context = document.get("@context") if isinstance(document, dict) else None
    contexts = context if isinstance(context, list) else [context]
    return AMB_CONTEXT in contexts
