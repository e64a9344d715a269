"""Controlled vocabularies: the codes providers type in YAML, with labels and official URIs.

The data lives in ``data/<name>.json`` (built by ``scripts/extract_vocabularies.py``).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from types import MappingProxyType
from typing import Any

__all__ = ["NAMES", "Term", "Vocabulary", "vocabulary"]

NAMES: tuple[str, ...] = (
    "eqf_levels",
    "isced_f",
    "languages",
    "countries",
    "currencies",
    "licences",
    "modes",
    "learning_settings",
    "schedules",
    "assessment_methods",
    "supervision",
    "reuse_levels",
    "skill_types",
    "outcome_categories",
    "credit_systems",
    "target_groups",
    "learning_opportunity_types",
    "credential_types",
    "nuts",
    "nace_sections",
    "isco_major_groups",
)


@dataclass(frozen=True, slots=True)
class Term:
    """One concept: its YAML code, plain-words label, official URI and extra facts.

    `label` and `description` are English; `labels` and `descriptions` hold them in the
    other interface languages (generator.i18n.LANGUAGES) where the data has them.
    """

    code: str
    label: str
    uri: str | None
    description: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)
    labels: Mapping[str, str] = field(default_factory=dict, hash=False)
    descriptions: Mapping[str, str] = field(default_factory=dict, hash=False)

    def label_in(self, language: str) -> str:
        """The label in `language`, else the English one."""
        return self.labels.get(language) or self.label

    def description_in(self, language: str) -> str | None:
        """The description in `language`, else the English one."""
        return self.descriptions.get(language) or self.description

    @property
    def pref_label(self) -> str:
        """The official English label (ELM prefLabel) where known, else the label."""
        return str(self.extra.get("pref_label", self.label))


@dataclass(frozen=True)
class Vocabulary:
    """An ordered set of terms with lookup by code."""

    name: str
    title: str
    scheme: str | None
    source: str
    terms: tuple[Term, ...]

    def __post_init__(self) -> None:
        """Reject duplicate codes."""
        if len(self._by_code) != len(self.terms):
            raise ValueError(f"vocabulary {self.name!r} has duplicate codes")

    @cached_property
    def _by_code(self) -> Mapping[str, Term]:
        """Terms by code."""
        return MappingProxyType({term.code: term for term in self.terms})

    @cached_property
    def _by_uri(self) -> Mapping[str, Term]:
        """Terms by official URI."""
        return MappingProxyType({term.uri: term for term in self.terms if term.uri})

    def __contains__(self, code: object) -> bool:
        """Whether `code` is a code of this vocabulary."""
        return isinstance(code, str) and code in self._by_code

    def __getitem__(self, code: str) -> Term:
        """The term for `code`; KeyError (with suggestions) if unknown."""
        try:
            return self._by_code[code]
        except KeyError:
            close = difflib.get_close_matches(str(code), self._by_code, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise KeyError(f"{code!r} is not a code of vocabulary {self.name!r}{hint}") from None

    def __iter__(self) -> Iterator[Term]:
        """The terms in their natural order."""
        return iter(self.terms)

    def __len__(self) -> int:
        """The number of terms."""
        return len(self.terms)

    def get(self, code: str) -> Term | None:
        """The term for `code`, or None if unknown."""
        return self._by_code.get(code)

    def by_uri(self, uri: str) -> Term | None:
        """The term whose official URI is `uri`, or None."""
        return self._by_uri.get(uri)

    def codes(self) -> tuple[str, ...]:
        """All codes, in the vocabulary's natural order."""
        return tuple(self._by_code)


def _term(data: Mapping[str, Any]) -> Term:
    """Build a Term from its JSON object."""
    return Term(
        code=data["code"],
        label=data["label"],
        uri=data.get("uri"),
        description=data.get("description"),
        extra=MappingProxyType(dict(data.get("extra") or {})),
        labels=MappingProxyType(dict(data.get("labels") or {})),
        descriptions=MappingProxyType(dict(data.get("descriptions") or {})),
    )


@cache
def vocabulary(name: str) -> Vocabulary:
    """Load the vocabulary `name` (one of NAMES) from the package data, once."""
    if name not in NAMES:
        raise ValueError(f"unknown vocabulary {name!r}; expected one of {', '.join(NAMES)}")
    path = resources.files(__name__) / "data" / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if data["name"] != name:
        raise ValueError(f"{name}.json declares the name {data['name']!r}")
    return Vocabulary(
        name=name,
        title=data["title"],
        scheme=data.get("scheme"),
        source=data["source"],
        terms=tuple(_term(item) for item in data["terms"]),
    )
