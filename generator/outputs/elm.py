"""Europass: each unit as an ELM 3.1 learning opportunity (LOQ profile), `units/<id>/elm.jsonld`.

The document is a graph whose first node is the unit's `LearningOpportunity`; it embeds the
`LearningAchievementSpecification` (outcomes, assessment, awarding bodies) and the provider.
Each dated session follows as a `LearningOpportunity` of its own, with its period, place and
application deadline, pointing to the same achievement specification.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.models import Outcome, Place, Session, Unit
from generator.content.serialise import json_bytes
from generator.content.text import pick_language
from generator.content.vocabularies import vocabulary
from generator.kinds import OUTCOME, UNIT, SiteInfo
from generator.outputs.common import iso_duration
from generator.outputs.elm_concepts import (
    EDC_CONTEXT,
    Node,
    concept,
    date_time,
    decimal_value,
    esco_skill_concept,
    full_address,
    note,
    organisation,
    organisation_id,
    other_skill_concept,
    place,
    price_detail,
    typed_date_time,
    web_resource,
)
from generator.outputs.elm_recognition import prior_learning_opportunity, recognition_notes

OPPORTUNITY_TYPE = "short-learning-programme"
"""Every unit is a micro-credential: the type the EU's own micro-credential sample uses."""

SKILL_TYPES = {"knowledge": "knowledge", "skill": "skill", "responsibility-autonomy": "skill"}
"""Outcome category -> ESCO skill type (ESCO files competences, i.e. autonomy and
responsibility, under "skill/competence")."""


@dataclass(frozen=True, slots=True)
class UnitIds:
    """The identifiers of one unit's ELM nodes, all under its page URL."""

    page: str

    @property
    def opportunity(self) -> str:
        """The unit's `LearningOpportunity`."""
        return self.page + "#learning-opportunity"

    @property
    def achievement(self) -> str:
        """The unit's `LearningAchievementSpecification`."""
        return self.page + "#learning-achievement-specification"

    @property
    def assessment(self) -> str:
        """The unit's `LearningAssessmentSpecification`."""
        return self.page + "#learning-assessment-specification"


def document(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> bytes:
    """`units/<id>/elm.jsonld`."""
    return json_bytes(unit_to_elm(catalogue, unit, site), indent=None)


def unit_to_elm(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> dict[str, Any]:
    """The unit's ELM document: its learning opportunity, then one per dated session."""
    parts = [part.id for part in catalogue.units_stacking_into(unit.id)]
    builder = _UnitBuilder(catalogue, unit, site, parts)
    ids = builder.ids
    recognition = prior_learning_opportunity(catalogue, unit, site, ids.page, ids.achievement,
                                             builder.language)
    return {"@context": EDC_CONTEXT,
            "@graph": [builder.opportunity(), *builder.sessions(), *recognition]}


def unit_ids(unit_id: str, site: SiteInfo) -> UnitIds:
    """The node identifiers of a unit."""
    return UnitIds(site.absolute(UNIT.url(unit_id)))


def default_language(unit: Unit) -> str:
    """The unit's authoritative language: its default language if the title has it."""
    return pick_language(unit.title, unit.default_language)


class _UnitBuilder:
    """Builds the nodes of one unit; holds what every node needs."""

    def __init__(self, catalogue: Catalogue, unit: Unit, site: SiteInfo,
                 parts: list[str]) -> None:
        self.catalogue = catalogue
        self.unit = unit
        self.site = site
        self.parts = parts
        self.ids = unit_ids(unit.id, site)
        self.language = default_language(unit)
        self.places = _places(catalogue.upcoming_sessions(unit))

    def opportunity(self) -> Node:
        """The unit's `LearningOpportunity`, embedding everything it refers to."""
        unit = self.unit
        node = self._opportunity_core(self.ids.opportunity)
        node.update({
            "description": dict(unit.summary),
            "dcType": concept("learning_opportunity_types", OPPORTUNITY_TYPE),
            "homepage": self._homepages(),
            "providedBy": organisation(self.catalogue.provider_of(unit), self.site),
            "learningAchievementSpecification": self.achievement(),
        })
        if self.places:
            node["location"] = [self._place(key, number) for key, number in self.places.items()]
        if unit.materials:
            node["supplementaryDocument"] = [web_resource(m.url, m.title) for m in unit.materials]
        node.update(self._stacking(self._linked_opportunity))
        updated = self.catalogue.dates[unit.id].updated
        if updated:
            node["dc:modified"] = typed_date_time(updated)
        return node

    def sessions(self) -> list[Node]:
        """One `LearningOpportunity` per upcoming session (ids by start date, unique).

        Past sessions are left out of the learning schedule: they can no longer be joined.
        """
        nodes, used = [], set()
        for session in self.catalogue.upcoming_sessions(self.unit):
            node_id = f"{self.ids.page}#session-{session.start.isoformat()}"
            count = 2
            while node_id in used:
                node_id, count = f"{self.ids.page}#session-{session.start}-{count}", count + 1
            used.add(node_id)
            nodes.append(self._session(node_id, session))
        return nodes

    def achievement(self) -> Node:
        """What the learner achieves: outcomes, level, field, workload, awarding bodies."""
        unit, ids = self.unit, self.ids
        node: Node = {
            "@id": ids.achievement,
            "@type": "LearningAchievementSpecification",
            "title": dict(unit.title),
            "description": dict(unit.summary),
            "homepage": [web_resource(ids.page)],
            "thematicArea": concept("isced_f", unit.isced_f),
            "educationLevel": concept("eqf_levels", unit.eqf_level),
            "volumeOfLearning": iso_duration(unit.workload.hours),
            "language": [concept("languages", code) for code in unit.languages],
            "mode": concept("modes", unit.mode),
            "learningOutcome": [learning_outcome(o, self.site)
                                for o in self.catalogue.outcomes_of(unit)],
            "provenBy": self.assessment(),
            "awardingOpportunity": self._awarding(),
        }
        credits = [_credit_point(system, value) for system, value in
                   (("ects", unit.workload.ects), ("ecvet", unit.workload.ecvet)) if value]
        optional = {
            "creditPoint": credits,
            "learningSetting": unit.learning_setting and concept(
                "learning_settings", unit.learning_setting),
            "targetGroup": [concept("target_groups", code) for code in unit.target_groups],
            "entryRequirement": unit.prerequisites and note(unit.prerequisites),
            "additionalNote": self._achievement_notes(),
            "supplementaryDocument": self._achievement_documents(),
        }
        node.update({key: value for key, value in optional.items() if value})
        node.update(self._stacking(self._linked_achievement))
        return node

    def assessment(self) -> Node:
        """How the outcomes are assessed: methods, description, supervision and ID check."""
        unit = self.unit
        node: Node = {
            "@id": self.ids.assessment,
            "@type": "LearningAssessmentSpecification",
            "title": dict(unit.title),
            "description": dict(unit.assessment.description),
            "dcType": [concept("assessment_methods", m) for m in unit.assessment.methods],
            "language": [concept("languages", code) for code in unit.languages],
            "mode": concept("modes", unit.mode),
            "proves": {"@id": self.ids.achievement},
        }
        if unit.assessment.supervision:
            # ELM has `idVerification` only on an issued assessment: in an offer the official
            # concept travels as the subject of a note.
            supervision = concept("supervision", unit.assessment.supervision)
            node["additionalNote"] = [note(supervision["prefLabel"], subject=supervision)]
        return node

    def _opportunity_core(self, node_id: str) -> Node:
        """What every opportunity of this unit states (main one and sessions)."""
        unit = self.unit
        node: Node = {
            "@id": node_id,
            "@type": "LearningOpportunity",
            "title": dict(unit.title),
            "mode": concept("modes", unit.mode),
            "priceDetail": price_detail(unit.price),
            "elm:defaultLanguage": concept("languages", self.language),
        }
        if unit.schedule:
            node["learningSchedule"] = concept("schedules", unit.schedule)
        return node

    def _session(self, node_id: str, session: Session) -> Node:
        """One dated run: period, place, deadline, enrolment page."""
        node = self._opportunity_core(node_id)
        period: Node = {"@type": "PeriodOfTime", "startDate": date_time(session.start)}
        if session.end:
            period["endDate"] = date_time(session.end, end_of_day=True)
        homepages = [web_resource(session.enrol_url)] if session.enrol_url else []
        node.update({
            "homepage": [*homepages, web_resource(self.ids.page)],
            "temporal": period,
            "providedBy": {"@id": organisation_id(self.unit.provider, self.site)},
            "learningAchievementSpecification": {"@id": self.ids.achievement},
        })
        if session.application_deadline:
            node["applicationDeadline"] = date_time(session.application_deadline,
                                                    end_of_day=True)
        if isinstance(session.location, Place):
            node["location"] = {"@id": self._place_id(self.places[session.location])}
        return node

    def _homepages(self) -> list[Node]:
        """The unit's page in the catalogue, then its page at the provider."""
        pages = [web_resource(self.ids.page)]
        if self.unit.homepage:
            pages.append(web_resource(self.unit.homepage))
        return pages

    def _place_id(self, number: int) -> str:
        """The identifier of the unit's `number`th session place."""
        return f"{self.ids.page}#place-{number}"

    def _place(self, where: Place, number: int) -> Node:
        """A session place as a `Location`."""
        line = full_address(where.venue, where.address, city=where.city)
        return place(self._place_id(number), where.city, where.country, line, self.language)

    def _awarding(self) -> Node:
        """Who awards the credential (EU element "awarding body"); the provider is embedded."""
        bodies = [
            {"@id": organisation_id(body.id, self.site)} if body.id == self.unit.provider
            else organisation(body, self.site)
            for body in self.catalogue.awarding_bodies_of(self.unit)
        ]
        return {"@type": "AwardingOpportunity", "awardingBody": bodies,
                "learningAchievementSpecification": {"@id": self.ids.achievement}}

    def _achievement_notes(self) -> list[Node]:
        """Quality assurance, the credential and stackability: ELM has no structured place."""
        qa, stack = self.unit.quality_assurance, self.unit.stackability
        credential = self.unit.credential
        kind = vocabulary("credential_types")[credential.type].label
        notes = [note(qa.description), note({"en": f"Credential awarded: {kind}"}),
                 note(credential.verification), note(credential.recognition)]
        if qa.accreditation:
            notes.append(note({self.language: qa.accreditation}))
        if stack and stack.description:
            notes.append(note(stack.description))
        if stack:
            notes += [note(target.title) for target in stack.into if target.title]
        return notes + recognition_notes(self.catalogue, self.unit)

    def _achievement_documents(self) -> list[Node]:
        """Public pages: the quality assurance page, outside qualifications it stacks into."""
        qa, stack = self.unit.quality_assurance, self.unit.stackability
        title = {self.language: qa.accreditation} if qa.accreditation else None
        pages = [web_resource(qa.url, title)] if qa.url else []
        if stack:
            pages += [web_resource(t.url, t.title) for t in stack.into if t.title and t.url]
        return pages

    def _stacking(self, link: Callable[[str], Node]) -> Node:
        """`isPartOf` (units this one stacks into) and `hasPart` (units stacking into it)."""
        stack = self.unit.stackability
        wholes = [t.unit for t in stack.into if t.unit] if stack else []
        links = {"isPartOf": [link(uid) for uid in wholes],
                 "hasPart": [link(uid) for uid in self.parts]}
        return {key: value for key, value in links.items() if value}

    def _linked_opportunity(self, unit_id: str) -> Node:
        """Another unit's opportunity with what the LOQ shape requires of any opportunity."""
        other = self.catalogue.units[unit_id]
        ids = unit_ids(unit_id, self.site)
        provider = self.catalogue.provider_of(other)
        return {
            "@id": ids.opportunity,
            "@type": "LearningOpportunity",
            "title": dict(other.title),
            "homepage": [web_resource(ids.page)],
            "providedBy": ({"@id": organisation_id(provider.id, self.site)}
                           if provider.id == self.unit.provider
                           else organisation(provider, self.site)),
            "learningAchievementSpecification": self._linked_achievement(unit_id),
            "elm:defaultLanguage": concept("languages", default_language(other)),
        }

    def _linked_achievement(self, unit_id: str) -> Node:
        """Another unit's achievement specification, by identifier and title."""
        return {"@id": unit_ids(unit_id, self.site).achievement,
                "@type": "LearningAchievementSpecification",
                "title": dict(self.catalogue.units[unit_id].title)}


def learning_outcome(outcome: Outcome, site: SiteInfo) -> Node:
    """An outcome: its statement as title, skill type, reuse level, related skills."""
    node: Node = {
        "@id": site.absolute(OUTCOME.url(outcome.id)) + "#learning-outcome",
        "@type": "LearningOutcome",
        "title": dict(outcome.statement),
        "dcType": concept("skill_types", SKILL_TYPES[outcome.category]),
    }
    optional = {
        "reusabilityLevel": outcome.reuse_level and concept("reuse_levels", outcome.reuse_level),
        "relatedESCOSkill": [esco_skill_concept(skill) for skill in outcome.esco_skills],
        "relatedSkill": [other_skill_concept(skill) for skill in outcome.other_skills],
        "additionalNote": [note(criterion) for criterion in outcome.assessment_criteria],
    }
    node.update({key: value for key, value in optional.items() if value})
    return node


def _credit_point(system: str, value: Any) -> Node:
    """Credits in one system (ECTS, ECVET); ELM writes the points as text."""
    return {"@type": "CreditPoint", "framework": concept("credit_systems", system),
            "point": decimal_value(value)["@value"]}


def _places(sessions: list[Session]) -> dict[Place, int]:
    """The distinct places of the sessions, numbered in order of first appearance."""
    places: dict[Place, int] = {}
    for session in sessions:
        if isinstance(session.location, Place) and session.location not in places:
            places[session.location] = len(places) + 1
    return places
