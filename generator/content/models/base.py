"""Building blocks shared by the content models: strict base model and field types."""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from generator.content.strict_yaml import REPLACEMENT
from generator.content.vocabularies import Vocabulary, vocabulary
from generator.content.vocabularies.suggest import did_you_mean


class Model(BaseModel):
    """Strict and inert: unknown keys are errors, instances never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- identifiers -------------------------------------------------------------------------

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$")


def check_id(value: str) -> str:
    """Ids become URL path segments: lowercase ASCII letters, digits and single hyphens."""
    if not ID_PATTERN.fullmatch(value) or "--" in value:
        raise PydanticCustomError(
            "id",
            "'{value}' is not a valid id: use 3-64 characters, lowercase letters a-z, "
            "digits and single hyphens, starting and ending with a letter or digit "
            "(for example 'barista-basics')",
            {"value": value},
        )
    return value


Id = Annotated[
    str,
    AfterValidator(check_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN.pattern, "minLength": 3,
                    "maxLength": 64}),
]


class ContentModel(Model):
    """The model of a whole content file (a kind in `generator.kinds`): it has an id."""

    id: Id = Field(description="the file name without .yaml; never change it once published")


# --- web addresses ------------------------------------------------------------------------

def check_url(value: str) -> str:
    """Only absolute http(s) addresses: no `javascript:`, `data:` or relative links."""
    parts = urlsplit(value)
    if (
        parts.scheme not in {"http", "https"}
        or not parts.netloc
        or any(ch.isspace() or ord(ch) < 32 for ch in value)
    ):
        raise PydanticCustomError(
            "url",
            "'{value}' is not a web address: give a full address starting with https://",
            {"value": value[:80]},
        )
    return value


Url = Annotated[
    str,
    AfterValidator(check_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]


# --- text in one or several languages -------------------------------------------------------


def _check_language(code: str) -> str:
    if code not in vocabulary("languages"):
        hint = did_you_mean("languages", code)
        raise PydanticCustomError(
            "language",
            "'{value}' is not an ISO 639-1 language code (two lowercase letters such as "
            "en, it, de, fr, es, pl){hint}",
            {"value": code, "hint": hint},
        )
    return code


Language = Annotated[
    str,
    AfterValidator(_check_language),
    WithJsonSchema({"type": "string", "pattern": "^[a-z]{2}$",
                    "description": "ISO 639-1 language code, e.g. en, it, de"}),
]


def _to_language_map(value: Any, info: ValidationInfo) -> Any:
    """A plain string is text in the file's `default_language`."""
    if isinstance(value, str):
        return {(info.context or {}).get("default_language", "en"): value}
    if isinstance(value, dict):
        return value
    raise PydanticCustomError(
        "text",
        "expected text, or one text per language such as {en: ..., it: ...}",
    )


def _no_blank_translations(value: dict[str, str]) -> dict[str, str]:
    if not value:
        raise PydanticCustomError("text", "give the text in at least one language")
    for language, text in value.items():
        if not text:
            raise PydanticCustomError("text", "the '{lang}' text is empty", {"lang": language})
    return dict(sorted(value.items()))


TEXT_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z]{2}$"},
            "additionalProperties": {"type": "string", "minLength": 1},
            "minProperties": 1,
        },
    ]
}

Text = Annotated[
    dict[Language, Annotated[str, Field(max_length=20_000)]],
    BeforeValidator(_to_language_map),
    AfterValidator(_no_blank_translations),
    WithJsonSchema(TEXT_SCHEMA),
]
"""Human-readable text: `title: Barista basics` or `title: {en: Barista basics, it: ...}`."""


# --- controlled vocabularies -----------------------------------------------------------------


@cache
def code(name: str) -> Any:
    """A string field whose value must be a code of the vocabulary `name`."""
    vocab = vocabulary(name)
    allowed = ", ".join(vocab.codes())

    def check(value: str) -> str:
        if value not in vocab:
            hint = did_you_mean(name, value) or "; allowed: " + (
                allowed if len(vocab.terms) <= 30 else
                f"see the {vocab.title} list in the field reference")
            raise PydanticCustomError(
                "vocabulary", "'{value}' is not an allowed value{hint}",
                {"value": value, "hint": hint},
            )
        return value

    return Annotated[str, BeforeValidator(_code_as_text), AfterValidator(check),
                     WithJsonSchema(code_schema(vocab))]


def code_schema(vocab: Vocabulary) -> dict[str, Any]:
    """The JSON Schema of a vocabulary's codes, with their labels for editor completion.

    Numeric codes (EQF levels) are also accepted unquoted (`eqf_level: 3`), as the models do.
    """
    schema: dict[str, Any] = {
        "type": "string",
        "enum": list(vocab.codes()),
        "oneOf": [
            {"const": term.code, "title": term.label,
             **({"description": term.description} if term.description else {})}
            for term in vocab.terms
        ],
        "markdownEnumDescriptions": [
            f"**{term.label}**" + (f": {term.description}" if term.description else "")
            for term in vocab.terms
        ],
    }
    numbers = [int(c) for c in vocab.codes() if c.isdigit() and str(int(c)) == c]
    if not numbers:
        return {"title": vocab.title, **schema}
    return {"title": vocab.title, "anyOf": [schema, {"type": "integer", "enum": numbers}]}


def _code_as_text(value: Any) -> Any:
    """Numeric codes such as ISCED-F `0414` are text; accept them typed unquoted."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def unique(items: list[Any]) -> list[Any]:
    """Reject repeated entries in a list (a repeated code is always a slip).

    Text in which the reader replaced a character that no output can carry (with U+FFFD, and
    reported it) is left out: two entries that differ only there are not a repetition.
    """
    seen: set[Any] = set()  # not a list: a long hostile list made the check quadratic
    for item in items:
        if isinstance(item, str) and REPLACEMENT in item:
            continue
        if item in seen:
            raise PydanticCustomError("unique", "'{value}' is listed twice",
                                      {"value": getattr(item, "uri", item)})
        seen.add(item)
    return items
