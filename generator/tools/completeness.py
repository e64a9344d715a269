"""Which elements each unit describes, per unit and per provider: data for reports and pages.

Elements come from Annex I of the Council Recommendation of 16 June 2022 on a European
approach to micro-credentials for lifelong learning and employability (2022/C 243/02): the
mandatory and optional elements that apply to an offer (a learner's identity, the date of
issue and the grade belong to an issued credential, not to an offer, and are left out), and
the catalogue's "benchmark": what makes an offer easy to find, take and recognise. An element
the content model has no field for yet is unknown (None), never guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from generator.content.catalogue import Catalogue
from generator.content.models import Unit
from generator.content.vocabularies import vocabulary

Group = Literal["mandatory", "optional", "benchmark"]
GROUP_TITLES: Mapping[Group, str] = {
    "mandatory": "Annex I mandatory", "optional": "Annex I optional", "benchmark": "benchmark"}


@dataclass(frozen=True, slots=True)
class Element:
    """One element a unit may describe; `present` is None when the model cannot say."""

    key: str
    label: str
    group: Group
    present: Callable[[Catalogue, Unit], bool] | None


def _open_licence(catalogue: Catalogue, unit: Unit) -> bool:
    return bool(vocabulary("licences")[unit.license].extra.get("open"))


def _translated(catalogue: Catalogue, unit: Unit) -> bool:
    return len(unit.title) > 1 and len(unit.summary) > 1


ELEMENTS: tuple[Element, ...] = (
    Element("title", "title", "mandatory", lambda c, u: bool(u.title)),
    Element("issuer_country", "country of the issuer", "mandatory",
            lambda c, u: bool(c.provider_of(u).country)),
    Element("awarding_body", "awarding body", "mandatory", lambda c, u: bool(u.bodies)),
    Element("learning_outcomes", "learning outcomes", "mandatory", lambda c, u: bool(u.outcomes)),
    Element("workload", "notional workload", "mandatory", lambda c, u: u.workload.hours > 0),
    Element("level", "level (EQF)", "mandatory", lambda c, u: bool(u.eqf_level)),
    Element("assessment", "type of assessment", "mandatory",
            lambda c, u: bool(u.assessment.methods)),
    Element("participation", "form of participation", "mandatory", lambda c, u: bool(u.mode)),
    Element("quality_assurance", "type of quality assurance", "mandatory",
            lambda c, u: bool(u.quality_assurance.description)),
    Element("prerequisites", "prerequisites", "optional", lambda c, u: u.prerequisites is not None),
    Element("supervision", "supervision and identity verification", "optional",
            lambda c, u: u.assessment.supervision is not None),
    Element("stackability", "integration or stackability options", "optional",
            lambda c, u: u.stackability is not None),
    Element("further_information", "further information", "optional",
            lambda c, u: u.description is not None or u.homepage is not None),
    Element("ects", "workload in ECTS credits", "benchmark",
            lambda c, u: u.workload.ects is not None),
    Element("sessions", "dated sessions", "benchmark", lambda c, u: bool(u.sessions)),
    Element("esco_skills", "ESCO skills", "benchmark",
            lambda c, u: any(o.esco_skills for o in c.outcomes_of(u))),
    Element("prior_learning", "prior-learning route", "benchmark", None),
    Element("translations", "translations", "benchmark", _translated),
    Element("open_materials", "open materials", "benchmark", _open_licence),
    Element("credential", "credential issued", "benchmark",
            lambda c, u: u.credential is not None),
)
"""In the order reports show them; `key` is stable (JSON, page anchors)."""


@dataclass(frozen=True, slots=True)
class UnitCompleteness:
    """Which elements one unit describes (None: the content model cannot say)."""

    unit: str
    provider: str
    present: Mapping[str, bool | None]

    def missing(self) -> list[str]:
        """Keys of the elements the unit could describe but does not."""
        return [key for key, found in self.present.items() if found is False]


@dataclass(frozen=True, slots=True)
class ProviderCompleteness:
    """How many of a provider's units describe each element (None: unknown)."""

    provider: str
    units: int
    present: Mapping[str, int | None]


@dataclass(frozen=True, slots=True)
class Completeness:
    """The report: every unit, and every provider with units, sorted by id."""

    units: tuple[UnitCompleteness, ...]
    providers: tuple[ProviderCompleteness, ...]


def completeness(catalogue: Catalogue) -> Completeness:
    """Element presence of every unit, and totals per offering provider."""
    units = tuple(
        UnitCompleteness(unit.id, unit.provider, {
            e.key: None if e.present is None else e.present(catalogue, unit) for e in ELEMENTS})
        for unit in catalogue.units.values())
    providers = []
    for provider_id in catalogue.providers:
        own = [u for u in units if u.provider == provider_id]
        if own:
            providers.append(ProviderCompleteness(provider_id, len(own), {
                e.key: None if e.present is None else sum(bool(u.present[e.key]) for u in own)
                for e in ELEMENTS}))
    return Completeness(units, tuple(providers))


def as_json(report: Completeness) -> dict[str, Any]:
    """Plain data for `--format json` and for pages."""
    return {
        "elements": [{"key": e.key, "label": e.label, "group": e.group,
                      "known": e.present is not None} for e in ELEMENTS],
        "providers": [{"id": p.provider, "units": p.units, "present": dict(p.present)}
                      for p in report.providers],
        "units": [{"id": u.unit, "provider": u.provider, "present": dict(u.present)}
                  for u in report.units],
    }


def as_text(report: Completeness) -> str:
    """The report in plain words: providers first, then each unit's missing elements."""
    unknown = [e.label for e in ELEMENTS if e.present is None]
    lines = [f"Completeness of {len(report.units)} unit(s): elements of Annex I of the Council "
             "Recommendation on micro-credentials (2022/C 243/02) and the catalogue's benchmark",
             f"Unknown for every unit ({', '.join(unknown)}): the content model has no field "
             "for this yet.", ""]
    for provider in report.providers:
        lines.append(f"{provider.provider}: {provider.units} unit(s)")
        for group, title in GROUP_TITLES.items():
            counts = [f"{e.label} {provider.present[e.key]}/{provider.units}"
                      for e in ELEMENTS if e.group == group and e.present is not None]
            lines.append(f"  {title}: {', '.join(counts)}")
        lines.append("")
    for unit in report.units:
        scores = []
        for group, title in GROUP_TITLES.items():
            known = [e for e in ELEMENTS if e.group == group and e.present is not None]
            scores.append(f"{title} {sum(bool(unit.present[e.key]) for e in known)}/{len(known)}")
        labels = {e.key: e.label for e in ELEMENTS}
        missing = ", ".join(labels[key] for key in unit.missing()) or "nothing"
        lines.append(f"{unit.unit} ({unit.provider}): {'; '.join(scores)}; missing: {missing}")
    return "\n".join(lines) + "\n"
