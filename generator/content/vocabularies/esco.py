"""ESCO 1.2.0 skills and occupations bundled with the package (data/esco/README.md).

Two layers: the labelled subset (`skills.csv`, `occupations.csv`: label, type, collections,
ISCO group), read when a label is first looked up; and the identifiers of all of ESCO 1.2
(`*-uuids.txt.gz`), read only when a URI is not in the labelled subset. Both are loaded once.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Literal

__all__ = ["EscoConcept", "EscoKind", "esco_occupation", "esco_skill", "in_esco", "normalise_uri"]

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
    collections: tuple[str, ...] = ()
    """ESCO collections the skill belongs to (green, digital, transversal, language, ...)."""
    isco_group: str | None = None
    """The occupation's four-digit ISCO-08 unit group, e.g. `7223`."""


def _data(filename: str) -> bytes:
    package = __package__ or __name__.rpartition(".")[0]
    return (resources.files(package) / "data" / "esco" / filename).read_bytes()


def _rows(filename: str) -> Iterator[dict[str, str]]:
    """The rows of one bundled ESCO CSV file."""
    yield from csv.DictReader(io.StringIO(_data(filename).decode("utf-8")))


@cache
def _all_uuids(kind: EscoKind) -> frozenset[str]:
    """The UUIDs of every ESCO 1.2 skill or occupation (scripts/extract_esco.py)."""
    return frozenset(gzip.decompress(_data(f"{kind}-uuids.txt.gz")).decode("ascii").split())


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
                collections=tuple(row["collections"].split()),
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
                uri=row["conceptUri"], label=row["preferredLabel"].strip(), kind="occupation",
                isco_group=row["iscoGroup"].strip() or None,
            )
            for row in _rows("occupations.csv")
        }
    )


def normalise_uri(uri: str) -> str:
    """Normalise a typed URI: trim it and accept https for the http ESCO namespace."""
    uri = uri.strip()
    return "http://" + uri.removeprefix("https://") if uri.startswith(_HTTPS) else uri


def esco_skill(uri: str) -> EscoConcept | None:
    """The bundled ESCO skill with this URI, or None."""
    return _skills().get(normalise_uri(uri))


def esco_occupation(uri: str) -> EscoConcept | None:
    """The bundled ESCO occupation with this URI, or None."""
    return _occupations().get(normalise_uri(uri))


def in_esco(kind: EscoKind, uri: str) -> bool:
    """Whether `uri` names a skill or occupation of ESCO 1.2, labelled here or not."""
    uri = normalise_uri(uri)
    if (esco_skill if kind == "skill" else esco_occupation)(uri) is not None:
        return True
    prefix = f"http://data.europa.eu/esco/{kind}/"
    return uri.startswith(prefix) and uri.removeprefix(prefix) in _all_uuids(kind)
