"""ESCO 1.2.0 skills and occupations bundled with the package (subset: data/esco/README.md)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Literal

__all__ = ["EscoConcept", "esco_occupation", "esco_skill"]

EscoKind = Literal["skill", "occupation"]

_SKILL_TYPES = {"skill/competence": "skill", "knowledge": "knowledge"}
_HTTPS = "https://data.europa.eu/esco/"


@dataclass(frozen=True, slots=True)
class EscoConcept:
    """An ESCO skill or occupation: URI, English preferred label and classification."""

    uri: str
    label: str
    kind: EscoKind
    skill_type: str | None = None
    reuse_level: str | None = None


def _rows(filename: str) -> Iterator[dict[str, str]]:
    """The rows of one bundled ESCO CSV file."""
    package = __package__ or __name__.rpartition(".")[0]
    text = (resources.files(package) / "data" / "esco" / filename).read_text(encoding="utf-8")
    yield from csv.DictReader(io.StringIO(text))


@cache
def _skills() -> Mapping[str, EscoConcept]:
    """All bundled skills by URI, loaded once."""
    return MappingProxyType(
        {
            row["conceptUri"]: EscoConcept(
                uri=row["conceptUri"],
                label=row["preferredLabel"].strip(),
                kind="skill",
                skill_type=_SKILL_TYPES.get(row["skillType"].strip()),
                reuse_level=row["reuseLevel"].strip() or None,
            )
            for row in _rows("skills.csv")
        }
    )


@cache
def _occupations() -> Mapping[str, EscoConcept]:
    """All bundled occupations by URI, loaded once."""
    return MappingProxyType(
        {
            row["conceptUri"]: EscoConcept(
                uri=row["conceptUri"], label=row["preferredLabel"].strip(), kind="occupation"
            )
            for row in _rows("occupations.csv")
        }
    )


def _key(uri: str) -> str:
    """Normalise a typed URI: trim it and accept https for the http ESCO namespace."""
    uri = uri.strip()
    return "http://" + uri.removeprefix("https://") if uri.startswith(_HTTPS) else uri


def esco_skill(uri: str) -> EscoConcept | None:
    """The bundled ESCO skill with this URI, or None."""
    return _skills().get(_key(uri))


def esco_occupation(uri: str) -> EscoConcept | None:
    """The bundled ESCO occupation with this URI, or None."""
    return _occupations().get(_key(uri))
