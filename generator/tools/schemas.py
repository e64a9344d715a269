"""JSON Schemas of the content files, for editors (VS Code's YAML extension) and other tools.

Made from the pydantic models, then adjusted so that a schema accepts what the models accept
(an EQF level typed as `3`, `price: free`, a quality-assurance text or language map alone, an
ESCO URI alone)
and speaks JSON Schema draft-07, the draft the YAML language server implements.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from generator.content.models.base import TEXT_SCHEMA
from generator.content.models.esco import ESCO_URI
from generator.content.serialise import json_bytes
from generator.content.vocabularies import NAMES, vocabulary
from generator.kinds import BY_NAME

SCHEMA_FOLDER = "schemas"
"""Folder of the schema files, in the repository and on the site."""

DRAFT = "http://json-schema.org/draft-07/schema#"

_NUMBER_TEXT = {"type": "string", "pattern": r"^\s*[0-9]+(\.[0-9]+)?\s*$"}
"""A number written in quotes (`hours: "25"`), which the models accept too."""

SHORTHANDS: dict[str, dict[str, Any]] = {
    "QualityAssurance": {**TEXT_SCHEMA,
                         "description": "the quality assurance described in one text, or one "
                                        "text per language"},
    "Price": {"anyOf": [{"const": 0}, {"type": "string", "pattern": r"^\s*[Ff][Rr][Ee][Ee]\s*$"}],
              "description": "0 or free when learners pay nothing"},
    "EscoSkill": {"type": "string", "pattern": ESCO_URI["skill"].pattern,
                  "description": "the ESCO skill URI alone"},
    "EscoOccupation": {"type": "string", "pattern": ESCO_URI["occupation"].pattern,
                       "description": "the ESCO occupation URI alone"},
}
"""Short forms the models' `before` validators accept in place of the group of fields."""


_ACRONYMS = {"eqf": "EQF", "isced": "ISCED", "ects": "ECTS", "ecvet": "ECVET", "esco": "ESCO",
             "url": "URL", "uri": "URI", "id": "ID"}


def schema_path(kind: str) -> str:
    """`schemas/unit.schema.json`: where a kind's schema lives in the repo and on the site."""
    return f"{SCHEMA_FOLDER}/{kind}.schema.json"


class DraftSeven(GenerateJsonSchema):
    """pydantic's JSON Schema generator, speaking draft-07 and accepting what the models accept.

    Each adjustment is a hook of `GenerateJsonSchema`, called on pydantic's own description
    of a type, not a rewrite of the finished output:
    - `get_title_from_name`, `model_field_schema`: field titles in plain words
      (`eqf_level` -> "EQF level"), even where the type has a title of its own;
    - `decimal_schema`: a number, or a number written in quotes (`hours: "25"`);
    - `model_schema`: an ESCO reference's URI pattern, and the short forms the models'
      `before` validators accept (`SHORTHANDS`) beside the full group of fields;
    - `handle_ref_overrides`: draft-07 ignores every keyword beside `$ref`, so a field's
      description and title move next to an `allOf` holding the `$ref`.
    Codes of a vocabulary carry their labels already (`generator.content.models.base.code`).
    """

    def get_title_from_name(self, name: str) -> str:
        return _title(name)

    def model_field_schema(self, schema: core_schema.ModelField) -> JsonSchemaValue:
        # A field is titled after its name, even when its type brings a title of its own
        # (a vocabulary's codes are titled after the vocabulary).
        json_schema = super().model_field_schema(schema)
        if "title" in json_schema and "$ref" not in json_schema:
            json_schema = {key: value for key, value in json_schema.items() if key != "title"}
        return json_schema

    def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
        number = super().decimal_schema(schema)
        branches = number.get("anyOf", [number])
        return {"anyOf": [_NUMBER_TEXT if branch == {"type": "string"} else branch
                          for branch in branches]}

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        full = super().model_schema(schema)
        model = schema["cls"]
        kind = getattr(model, "kind", None)
        if kind in ESCO_URI and "uri" in full.get("properties", {}):
            full["properties"]["uri"]["pattern"] = ESCO_URI[kind].pattern
        short = SHORTHANDS.get(model.__name__)
        if short is None:
            return full
        return {"title": full["title"], "description": full["description"],
                "anyOf": [full, short]}

    def handle_ref_overrides(self, json_schema: JsonSchemaValue) -> JsonSchemaValue:
        json_schema = super().handle_ref_overrides(json_schema)
        if "$ref" in json_schema and len(json_schema) > 1:
            return {**{k: v for k, v in json_schema.items() if k != "$ref"},
                    "allOf": [{"$ref": json_schema["$ref"]}]}
        return json_schema


def content_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft-07) of one kind of content file (`generator.kinds`)."""
    model = BY_NAME[kind].model
    schema = model.model_json_schema(ref_template="#/definitions/{model}",
                                     schema_generator=DraftSeven)
    definitions = schema.pop("$defs", {})
    description = " ".join((model.__doc__ or "").split())
    shared: dict[str, Any] = {}
    schema, definitions = _share_long_lists((schema, definitions), shared)
    return {
        **schema,
        "$schema": DRAFT,
        "$comment": "Generated by `microvet schema` from generator/content/models: do not edit.",
        "title": f"microVET {kind}",
        "description": f"{description} Field reference: CONTRIBUTING.md.",
        "definitions": {**definitions, **shared},
    }


_LONG_LISTS = {tuple(vocabulary(name).codes()): name for name in NAMES
               if len(vocabulary(name)) > 100}
"""Vocabularies long enough to be written once per schema (700 licences, twice, were 400 kB)."""


def _share_long_lists(node: Any, shared: dict[str, Any]) -> Any:
    """Replace each long list of codes by a reference to one copy in `shared`."""
    if isinstance(node, list | tuple):
        return type(node)(_share_long_lists(item, shared) for item in node)
    if not isinstance(node, dict):
        return node
    name = _LONG_LISTS.get(tuple(node.get("enum", ())))
    if name is None:
        return {key: _share_long_lists(value, shared) for key, value in node.items()}
    outer = {key: node[key] for key in ("title", "description") if key in node}
    shared[f"vocabulary-{name}"] = {**{k: v for k, v in node.items() if k not in outer},
                                    "title": vocabulary(name).title}
    return {**outer, "allOf": [{"$ref": f"#/definitions/vocabulary-{name}"}]}


def _title(name: str) -> str:
    """`eqf_level` -> `EQF level`, `enrol_url` -> `Enrol URL`."""
    words = [_ACRONYMS.get(word, word) for word in name.split("_")]
    if words == ["ISCED", "f"]:
        return "ISCED-F field"
    first = words[0]
    return " ".join([first[:1].upper() + first[1:], *words[1:]])


def schema_files() -> dict[str, bytes]:
    """Every schema file, by repository (and site) path; deterministic bytes."""
    return {schema_path(kind): json_bytes(content_schema(kind)) for kind in BY_NAME}

