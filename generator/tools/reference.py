"""Every content field and allowed value, described from the models and vocabularies.

The field reference page, the scaffolds of `microvet new` and their comments are all made
from this description, so none of them can drift from the code that validates the content.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, EmailStr

from generator.content.models.base import Id, Language, Text, Url, code
from generator.content.vocabularies import NAMES, Vocabulary, vocabulary
from generator.i18n import N_
from generator.kinds import KINDS

LONG_LIST = 30
"""Vocabularies longer than this are listed only on the field reference page."""

_SCALARS: dict[Any, str] = {
    Decimal: "number", float: "number", int: "integer", bool: "boolean", dt.date: "date",
    str: "plain", EmailStr: "email",
}

_WORDS = {
    "text": ("text (one language, or one text per language)", "texts"),
    "plain": ("plain text", "texts"),
    "id": ("an id", "ids"),
    "url": ("a web address starting with https://", "web addresses"),
    "email": ("an e-mail address", "e-mail addresses"),
    "code": ("a code from the list", "codes from the list"),
    "number": ("a number, e.g. 25 or 12.5", "numbers"),
    "integer": ("a whole number", "whole numbers"),
    "boolean": ("true or false", "true or false values"),
    "date": ("a date, YYYY-MM-DD", "dates, YYYY-MM-DD"),
    "choice": ("one of the values listed", "values listed"),
    "object": ("the fields below", "entries, each with the fields below"),
    "either": ("a value listed, or the fields below", "entries"),
}


@dataclass(frozen=True)
class Shape:
    """What a field's value looks like, in the terms a provider needs."""

    kind: str
    many: bool = False
    vocabulary: str | None = None
    choices: tuple[str, ...] = ()
    model: type[BaseModel] | None = None

    @property
    def words(self) -> str:
        """`a date, YYYY-MM-DD`, `a list of ids`: the value's type in plain words."""
        one, several = _WORDS[self.kind]
        if self.kind == "choice":
            one = several = "one of: " + ", ".join(self.choices)
        if self.kind == "either":
            one = several = " or ".join(self.choices) + ", or the fields below"
        return f"a list of {several}" if self.many else one


@dataclass(frozen=True)
class FieldDoc:
    """One field of a content file, with its sub-fields when it holds a group of fields."""

    name: str
    path: str
    description: str
    required: bool
    shape: Shape
    default: Any
    fields: tuple[FieldDoc, ...]
    depth: int

    @property
    def terms(self) -> Vocabulary | None:
        """The vocabulary of allowed codes, if the field takes codes."""
        return vocabulary(self.shape.vocabulary) if self.shape.vocabulary else None


@dataclass(frozen=True)
class ModelDoc:
    """One kind of content file: its folder and every field."""

    kind: str
    folder: str
    description: str
    fields: tuple[FieldDoc, ...]

    def rows(self) -> Iterator[FieldDoc]:
        """Every field, sub-fields right after their parent (for one flat table)."""
        yield from _flatten(self.fields)


def _flatten(fields: tuple[FieldDoc, ...]) -> Iterator[FieldDoc]:
    for field in fields:
        yield field
        yield from _flatten(field.fields)


@cache
def _markers() -> dict[Callable[..., Any], tuple[str, str | None]]:
    """Validator function -> (kind, vocabulary): how the shared field types are recognised."""
    aliases: list[tuple[Any, str, str | None]] = [
        (Text, "text", None), (Id, "id", None), (Url, "url", None),
        (Language, "code", "languages"),
    ]
    aliases += [(code(name), "code", name) for name in NAMES]
    return {
        meta.func: (kind, vocab)
        for alias, kind, vocab in aliases
        for meta in get_args(alias)[1:]
        if isinstance(meta, AfterValidator)
    }


def shape_of(annotation: Any, metadata: tuple[Any, ...] = ()) -> Shape:
    """The `Shape` of a field annotation (with the metadata pydantic moved out of it)."""
    markers = _markers()
    for meta in metadata:
        func = getattr(meta, "func", None)
        if isinstance(meta, AfterValidator) and func in markers:
            kind, vocab = markers[func]
            return Shape(kind, vocabulary=vocab)
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extra = get_args(annotation)
        return shape_of(base, (*extra, *metadata))
    if origin in (Union, types.UnionType):
        options = [shape_of(arg) for arg in get_args(annotation) if arg is not type(None)]
        if len(options) == 1:
            return shape_of(next(a for a in get_args(annotation) if a is not type(None)),
                            metadata)
        model = next((option.model for option in options if option.model), None)
        choices = tuple(choice for option in options for choice in option.choices)
        return Shape("either", choices=choices, model=model)
    if origin is list:
        return replace(shape_of(get_args(annotation)[0]), many=True)
    if origin is Literal:
        return Shape("choice", choices=tuple(str(arg) for arg in get_args(annotation)))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape("object", model=annotation)
    return Shape(_SCALARS.get(annotation, "plain"))


def describe_fields(model: type[BaseModel], prefix: str = "", depth: int = 0,
                    ) -> tuple[FieldDoc, ...]:
    """Every field of `model`, in the order the model declares them."""
    docs = []
    for name, info in model.model_fields.items():
        shape = shape_of(info.annotation, tuple(info.metadata))
        path = f"{prefix}{name}"
        required = info.is_required()
        docs.append(FieldDoc(
            name=name, path=path, description=sentence(info.description or ""),
            required=required, shape=shape,
            default=None if required else info.get_default(call_default_factory=True),
            fields=describe_fields(shape.model, path + ".", depth + 1) if shape.model else (),
            depth=depth,
        ))
    return tuple(docs)


def sentence(text: str) -> str:
    """`title of the unit` -> `Title of the unit.`"""
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


@cache
def model_docs() -> tuple[ModelDoc, ...]:
    """Every kind of content file, fully described."""
    return tuple(
        ModelDoc(kind=kind.name, folder=f"content/{kind.folder}/",
                 description=(kind.model.__doc__ or "").strip(),
                 fields=describe_fields(kind.model))
        for kind in KINDS
    )


def used_vocabularies() -> tuple[Vocabulary, ...]:
    """Every vocabulary some field takes its codes from, in the order fields first use them."""
    names: dict[str, None] = {}
    for doc in model_docs():
        for field in doc.rows():
            if field.shape.vocabulary:
                names.setdefault(field.shape.vocabulary)
    return tuple(vocabulary(name) for name in names)


EXTRA_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "eqf_levels": (("knowledge", N_("Knowledge")), ("skills", N_("Skills")),
                   ("responsibility_autonomy", N_("Responsibility and autonomy"))),
    "isced_f": (("level", N_("Level")),),
}
"""Facts beyond code, label and description worth a column on the reference page."""


def field_reference() -> dict[str, Any]:
    """Everything the field reference page shows (template context)."""
    return {
        "models": model_docs(),
        "vocabularies": used_vocabularies(),
        "extra_columns": EXTRA_COLUMNS,
        "long_list": LONG_LIST,
    }
