"""Where supply meets demand: ESCO skills and occupations across units, outcomes and demands.

Built once per catalogue (`Catalogue.labour`): every ESCO skill an outcome or a demand names,
every ESCO occupation a unit or a demand names, who teaches or asks for each, and the skills
gap: each demanded skill with the units that teach it, or none ("no offer yet").

Skill and occupation pages live at `skills/<uuid>/` and `occupations/<uuid>/`: the slug is the
UUID at the end of the ESCO URI, which ESCO never reuses, so the URL is as stable as ESCO's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import ClassVar

from generator.content.models import Demand, Outcome, Unit
from generator.content.models.demand import PRIORITIES
from generator.content.vocabularies.esco import esco_occupation, esco_skill, normalise_uri
from generator.i18n import N_

UNCLASSIFIED = "other"
"""The group of skills outside ESCO's labelled collections (most trade skills)."""

SKILL_GROUPS = {
    "digital": N_("Digital skills"),
    "digcomp": N_("Digital competences (DigComp)"),
    "green": N_("Green skills"),
    "language": N_("Language skills"),
    "research": N_("Research skills"),
    "transversal": N_("Transversal skills and competences"),
    UNCLASSIFIED: N_("Other skills"),
}
"""The ESCO collections (`skills.csv`) and the rest, as the pages name them: message ids."""


def skill_group_label(group: str) -> str:
    """The message id naming a skill group; a collection ESCO adds later keeps its code."""
    return SKILL_GROUPS.get(group, group)


def slug(uri: str) -> str:
    """The page slug of an ESCO concept: the UUID at the end of its URI."""
    return uri.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class _EscoEntry:
    """An ESCO concept named in the catalogue; its page is `<FOLDER>/<slug>/`."""

    FOLDER: ClassVar[str]
    uri: str
    label: str

    @property
    def slug(self) -> str:
        """The last part of the concept's page URL: the UUID of its URI."""
        return slug(self.uri)

    @property
    def url(self) -> str:
        """Site path of the concept's page."""
        return f"{self.FOLDER}/{self.slug}/"


@dataclass(frozen=True)
class SkillEntry(_EscoEntry):
    """One ESCO skill named in the catalogue, with who teaches it and who asks for it."""

    FOLDER: ClassVar[str] = "skills"
    skill_type: str | None
    collections: tuple[str, ...]
    outcomes: tuple[str, ...]
    units: tuple[str, ...]
    demands: tuple[str, ...]

    @property
    def group(self) -> str:
        """The browse group: the first ESCO collection, else `other`."""
        return self.collections[0] if self.collections else UNCLASSIFIED


@dataclass(frozen=True)
class OccupationEntry(_EscoEntry):
    """One ESCO occupation named by units or demands."""

    FOLDER: ClassVar[str] = "occupations"
    isco_group: str | None
    units: tuple[str, ...]
    demands: tuple[str, ...]

    @property
    def isco_major(self) -> str | None:
        """The ISCO-08 major group (first digit), e.g. `7` for craft and trades workers."""
        return self.isco_group[0] if self.isco_group else None


@dataclass(frozen=True)
class GapRow:
    """A demanded skill, the demands that ask for it and the units that teach it."""

    skill: SkillEntry
    demands: tuple[str, ...]
    priority: str
    """The highest priority any of these demands gives it."""
    eqf_levels: tuple[str, ...]
    """EQF levels the demands ask for (empty when none says)."""

    @property
    def units(self) -> tuple[str, ...]:
        """Units teaching the skill, sorted by id."""
        return self.skill.units

    @property
    def covered(self) -> bool:
        """At least one unit teaches it."""
        return bool(self.skill.units)


@dataclass(frozen=True)
class Labour:
    """The ESCO view of one catalogue; made by `labour_index`."""

    skills: Mapping[str, SkillEntry]
    """By slug, sorted by label."""
    occupations: Mapping[str, OccupationEntry]
    """By slug, sorted by label."""
    skill_by_uri: Mapping[str, SkillEntry] = field(repr=False)
    occupation_by_uri: Mapping[str, OccupationEntry] = field(repr=False)

    def skill_groups(self) -> list[tuple[str, list[SkillEntry]]]:
        """The skills by browse group: ESCO's collections A-Z by code, then the unclassified;
        within a group by label, as `skills`."""
        groups: dict[str, list[SkillEntry]] = {}
        for entry in self.skills.values():
            groups.setdefault(entry.group, []).append(entry)
        return sorted(groups.items(), key=lambda group: (group[0] == UNCLASSIFIED, group[0]))

    def gaps(self, demands: Iterable[Demand]) -> list[GapRow]:
        """Every skill the demands ask for, uncovered first, then by demand count and label."""
        asked: dict[str, list[tuple[Demand, str, str | None]]] = {}
        for demand in demands:
            for skill in demand.skills:
                asked.setdefault(normalise_uri(skill.uri), []).append(
                    (demand, skill.priority, skill.eqf_level))
        rows = [GapRow(
            skill=self.skill_by_uri[uri],
            demands=tuple(sorted({d.id for d, _, _ in asks})),
            priority=min((p for _, p, _ in asks), key=PRIORITIES.index),
            eqf_levels=tuple(sorted({level for _, _, level in asks if level})),
        ) for uri, asks in asked.items()]
        return sorted(rows, key=lambda row: (row.covered, -len(row.demands),
                                             PRIORITIES.index(row.priority),
                                             row.skill.label.casefold(), row.skill.uri))

    def demanded_skills_of_occupation(self, entry: OccupationEntry,
                                      demands: Mapping[str, Demand]) -> list[GapRow]:
        """The skills that demands naming this occupation ask for."""
        return self.gaps(demands[d] for d in entry.demands)


def labour_index(units: Mapping[str, Unit], outcomes: Mapping[str, Outcome],
                 demands: Mapping[str, Demand]) -> Labour:
    """Index every ESCO skill and occupation that units, outcomes and demands name."""
    labels: dict[str, str] = {}
    teaching_outcomes: dict[str, set[str]] = {}
    teaching_units: dict[str, set[str]] = {}
    asking: dict[str, set[str]] = {}
    for outcome in outcomes.values():
        for skill in outcome.esco_skills:
            uri = normalise_uri(skill.uri)
            labels.setdefault(uri, skill.label or uri)
            teaching_outcomes.setdefault(uri, set()).add(outcome.id)
    for unit in units.values():
        for outcome_id in unit.outcomes:
            for skill in outcomes[outcome_id].esco_skills:
                teaching_units.setdefault(normalise_uri(skill.uri), set()).add(unit.id)
    for demand in demands.values():
        for skill in demand.skills:
            uri = normalise_uri(skill.uri)
            labels.setdefault(uri, skill.label or uri)
            asking.setdefault(uri, set()).add(demand.id)
    skills = [_skill_entry(uri, label, teaching_outcomes, teaching_units, asking)
              for uri, label in labels.items()]
    occupations = _occupations(units, demands)
    skills.sort(key=lambda entry: (entry.label.casefold(), entry.uri))
    occupations.sort(key=lambda entry: (entry.label.casefold(), entry.uri))
    frozen = MappingProxyType
    return Labour(
        skills=frozen({entry.slug: entry for entry in skills}),
        occupations=frozen({entry.slug: entry for entry in occupations}),
        skill_by_uri=frozen({entry.uri: entry for entry in skills}),
        occupation_by_uri=frozen({entry.uri: entry for entry in occupations}),
    )


def _skill_entry(uri: str, label: str, outcomes: Mapping[str, set[str]],
                 units: Mapping[str, set[str]], demands: Mapping[str, set[str]]) -> SkillEntry:
    concept = esco_skill(uri)
    return SkillEntry(
        uri=uri, label=concept.label if concept else label,
        skill_type=concept.skill_type if concept else None,
        collections=concept.collections if concept else (),
        outcomes=tuple(sorted(outcomes.get(uri, ()))), units=tuple(sorted(units.get(uri, ()))),
        demands=tuple(sorted(demands.get(uri, ()))),
    )


def _occupations(units: Mapping[str, Unit],
                 demands: Mapping[str, Demand]) -> list[OccupationEntry]:
    labels: dict[str, str] = {}
    named: dict[str, tuple[set[str], set[str]]] = {}
    objects: tuple[Mapping[str, Unit | Demand], ...] = (units, demands)
    for index, found in enumerate(objects):
        for obj in found.values():
            for occupation in obj.occupations:
                uri = normalise_uri(occupation.uri)
                labels.setdefault(uri, occupation.label or uri)
                named.setdefault(uri, (set(), set()))[index].add(obj.id)
    entries = []
    for uri, label in labels.items():
        concept = esco_occupation(uri)
        unit_ids, demand_ids = named[uri]
        entries.append(OccupationEntry(
            uri=uri, label=concept.label if concept else label,
            isco_group=concept.isco_group if concept else None,
            units=tuple(sorted(unit_ids)), demands=tuple(sorted(demand_ids))))
    return entries
