"""`microvet import` of Europass documents: units, outcomes and provider drafts from ELM.

Reads an ELM 3.x learning-opportunity document (like our `units/<id>/elm.jsonld`), an issued
credential's achievement specification (the EU's micro-credential sample), or a QDR loq.xml
(through generator/tools/europass_source.py). Every field ELM has a place for is mapped;
official concept URIs become our codes. What cannot be mapped is named in a comment at the top
of the file it belongs to, and each draft lists the mandatory fields still to fill in.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from generator.tools.europass_parts import Parts, concept_code, concept_codes, place_of
from generator.tools.europass_source import Document, EuropassError, Node, read_document
from generator.tools.importer import Draft, gaps_of, without_invalid
from generator.tools.scaffold import WIDTH

__all__ = ["EuropassError", "europass_drafts"]

HOURS = re.compile(r"^P(?:(\d+)D)?T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?$")
"""`PT30H`, `PT12H30M`: a duration in hours and minutes (years or months are no workload)."""

CREDENTIAL_TYPES = {"VerifiableCredential", "EuropeanDigitalCredential"}
SPEC_TYPES = {"LearningAchievementSpecification", "Qualification"}
UNIT_PARTS = {"LearningAssessmentSpecification", "LearningAssessment", "AwardingOpportunity",
              "AwardingProcess", "PriceDetail", "CreditPoint"}
"""Nodes describing a part of a unit, whose unmapped properties its file names."""


def europass_drafts(path: Path, provider: str | None) -> list[Draft]:
    """Drafts of every unit in the document, with their outcomes and providers."""
    document = read_document(path)
    parts = Parts(document, provider)
    units = _units(document)
    if not units:
        raise EuropassError(f"{path.as_posix()}: no learning opportunity, achievement "
                            "specification or issued credential found")
    for opportunity, spec, sessions, claim in units:
        _unit(parts, opportunity, spec, sessions, claim)
    return [_draft(parts, kind, object_id, data)
            for (kind, object_id), data in parts.objects.items()]


Found = tuple[Node | None, Node | None, list[Node], Node | None]


def _units(document: Document) -> list[Found]:
    """(opportunity, achievement specification, dated sessions, claim) for each unit."""
    roots = document.roots
    if any(CREDENTIAL_TYPES & set(_types(root)) for root in roots):
        found: list[Found] = []
        for root in roots:
            subject = root.get("credentialSubject")
            for subject_data in subject if isinstance(subject, list) else [subject]:
                claims = subject_data.get("hasClaim") if isinstance(subject_data, dict) else []
                for claim_data in claims if isinstance(claims, list) else [claims]:
                    claim = document.node(claim_data, "hasClaim")
                    if claim is not None:
                        found.append((None, claim.node("specifiedBy"), [], claim))
        return found
    groups: dict[str, list[Node]] = {}
    for root in roots:
        if "LearningOpportunity" in _types(root):
            node = document.node(root, "LearningOpportunity")
            assert node is not None
            # Our documents give each dated session of a unit as an opportunity of its own,
            # with the unit's title and achievement specification.
            spec = _reference(node.raw("learningAchievementSpecification")) or node.id
            key = f"{spec} {sorted((node.text('title') or {}).items())}"
            groups.setdefault(key, []).append(node)
    found = []
    for members in groups.values():
        main = next((n for n in members if "temporal" not in n.data), members[0])
        sessions = [n for n in members if "temporal" in n.data]
        found.append((main, main.node("learningAchievementSpecification"), sessions, None))
    if not found:
        for root in roots:
            if SPEC_TYPES & set(_types(root)):
                found.append((None, document.node(root, "Specification"), [], None))
    return found


def _types(data: dict[str, Any]) -> list[str]:
    value = data.get("@type", [])
    return [value] if isinstance(value, str) else list(value)


def _unit(parts: Parts, opportunity: Node | None, spec: Node | None, sessions: list[Node],
          claim: Node | None) -> None:
    """Map one unit (and, through `parts`, its outcomes and organisations)."""
    main = opportunity or spec or claim
    assert main is not None
    before = set(parts.document.nodes)
    title = _first_text([opportunity, spec, claim], "title")
    unit_id = parts.own_id(main.id, "units") or parts.new_id("unit", title)
    data: dict[str, Any] = {"id": unit_id}
    language = (concept_code(opportunity, "elm:defaultLanguage", "languages", parts)
                if opportunity else None)
    if language is None and title:
        language = next(iter(title))
    data["default_language"] = language or "en"
    data["title"] = title
    data["summary"] = _first_text([opportunity, spec], "description")
    data.update(_provider(parts, opportunity, spec, claim))
    if spec is not None:
        data.update(_achievement(parts, spec))
        data["outcomes"] = [parts.outcome(node) for node in spec.nodes("learningOutcome")]
    if opportunity is not None:
        data.update(_opportunity(parts, opportunity))
    data["assessment"] = _assessment(parts, spec, claim)
    if claim is not None:  # the document is itself the credential the learner receives
        data["credential"] = {"type": "europass-edc"}
    data["sessions"] = [_session(parts, node, opportunity) for node in sessions]
    if not data.get("mode") and opportunity is None and claim is not None:
        activity = claim.node("influencedBy")
        spec_of = activity.node("specifiedBy") if activity else None
        data["mode"] = concept_code(spec_of, "mode", "modes", parts) if spec_of else None
    nodes = [node for node in (opportunity, spec, claim) if node is not None]
    parts.add("unit", unit_id, data, list(dict.fromkeys(
        [*nodes, *sessions, *parts.unclaimed(before, UNIT_PARTS)])))


def _first_text(nodes: list[Node | None], key: str) -> dict[str, str] | None:
    for node in nodes:
        text = node.text(key) if node is not None else None
        if text:
            return text
    return None


def _provider(parts: Parts, opportunity: Node | None, spec: Node | None,
              claim: Node | None) -> dict[str, Any]:
    """`provider` and `awarding_bodies`: the organisations offering and awarding the unit."""
    awarding = spec.node("awardingOpportunity") if spec else None
    if awarding is None and claim is not None:
        awarding = claim.node("awardedBy")
    bodies = awarding.nodes("awardingBody") if awarding else []
    if awarding is not None:
        awarding.raw("learningAchievementSpecification")  # the link back to `spec`
    offering = opportunity.node("providedBy") if opportunity else None
    if parts.provider:
        return {"provider": parts.provider}
    provider = parts.organisation(offering or (bodies[0] if bodies else None))
    ids = [parts.organisation(body) for body in bodies]
    return {"provider": provider,
            "awarding_bodies": [] if ids in ([], [provider]) else ids}


def _achievement(parts: Parts, spec: Node) -> dict[str, Any]:
    """What the achievement specification says: levels, field, workload, languages."""
    data: dict[str, Any] = {
        "languages": concept_codes(spec, "language", "languages", parts),
        "eqf_level": (concept_code(spec, "educationLevel", "eqf_levels", parts)
                      or concept_code(spec, "eqfLevel", "eqf_levels", parts)),
        "isced_f": concept_code(spec, "thematicArea", "isced_f", parts),
        "mode": concept_code(spec, "mode", "modes", parts),
        "learning_setting": concept_code(spec, "learningSetting", "learning_settings", parts),
        "target_groups": concept_codes(spec, "targetGroup", "target_groups", parts),
    }
    prerequisites = spec.node("entryRequirement")
    data["prerequisites"] = prerequisites.text("noteLiteral") if prerequisites else None
    workload: dict[str, Any] = {"hours": _hours(parts, spec)}
    for point in spec.nodes("creditPoint"):
        system = concept_code(point, "framework", "credit_systems", parts)
        value = _decimal(point.string("point"))
        if system and value is not None:
            workload[system] = value
        else:
            parts.skip(point, "point", "not a number of ECTS or ECVET credits")
    data["workload"] = {key: value for key, value in workload.items() if value is not None}
    return data


def _hours(parts: Parts, spec: Node) -> Decimal | None:
    duration = spec.string("volumeOfLearning")
    match = HOURS.fullmatch(duration or "")
    if duration and match is None:
        parts.skip(spec, "volumeOfLearning", f"'{duration}' is not a number of hours")
    if match is None:
        return None
    days, hours, minutes = (Decimal(group or 0) for group in match.groups())
    total = days * 24 + hours + minutes / 60
    return total.quantize(Decimal("0.1")).normalize() if total else None


def _decimal(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def _opportunity(parts: Parts, opportunity: Node) -> dict[str, Any]:
    """What the learning opportunity says: schedule, price, pages, stacking."""
    data: dict[str, Any] = {
        "schedule": concept_code(opportunity, "learningSchedule", "schedules", parts),
        "price": _price(parts, opportunity.node("priceDetail")),
    }
    if not data.get("mode"):
        data["mode"] = concept_code(opportunity, "mode", "modes", parts)
    own = opportunity.id.partition("#")[0]
    pages = [page for page in _urls(opportunity, "homepage") if page != own]
    data["homepage"] = pages[0] if pages else None
    data["materials"] = [{"title": doc.text("title"), "url": doc.string("contentURL")}
                         for doc in opportunity.nodes("supplementaryDocument")]
    into = []
    for whole in opportunity.nodes("isPartOf"):
        whole.consume()
        unit_id = parts.own_id(whole.id, "units")
        into.append({"unit": unit_id} if unit_id else {"title": whole.text("title")})
    if into:
        data["stackability"] = {"kind": "stackable", "into": into}
    return data


def _urls(node: Node, key: str) -> list[str]:
    pages = [page.string("contentURL") for page in node.nodes(key)]
    return [page for page in pages if page]


def _price(parts: Parts, detail: Node | None) -> Any:
    if detail is None:
        return None
    amount = detail.node("amount")
    label = " ".join((detail.text("prefLabel") or {}).values()).lower()
    if amount is None:
        return 0 if "free" in label else None
    value = _decimal(amount.string("rdf:value") or amount.string("value"))
    currency = concept_code(amount, "unit", "currencies", parts)
    if value is None or currency is None:
        parts.skip(detail, "amount", "no amount in a known currency")
        return None
    return {"amount": value, "currency": currency}


def _assessment(parts: Parts, spec: Node | None, claim: Node | None) -> dict[str, Any]:
    """Methods, description and supervision, from the assessment specification."""
    proof = spec.node("provenBy") if spec else None
    issued = claim.node("provenBy") if claim else None
    if issued is not None:
        proof = issued.node("specifiedBy") or proof
    data: dict[str, Any] = {}
    if proof is not None:
        proof.raw("proves")  # the link back to `spec`
        data["methods"] = concept_codes(proof, "dcType", "assessment_methods", parts)
        data["description"] = proof.text("description")
        for note in proof.nodes("additionalNote"):
            data["supervision"] = concept_code(note, "subject", "supervision", parts)
    if issued is not None:
        data["supervision"] = concept_code(issued, "idVerification", "supervision", parts)
    return data


SESSION_REPEATS = ("title", "mode", "priceDetail", "elm:defaultLanguage", "learningSchedule",
                   "providedBy", "learningAchievementSpecification")
"""What a dated session repeats of its unit: the unit's value is kept."""


def _session(parts: Parts, node: Node, opportunity: Node | None) -> dict[str, Any]:
    """A dated run: dates, place, enrolment page (what else it says is the unit's)."""
    if opportunity is not None and node is not opportunity:
        opportunity.raw("location")  # the places of the sessions, read with each session
        for key in SESSION_REPEATS:
            if _reference(node.raw(key)) != _reference(opportunity.data.get(key)):
                parts.skip(node, key, "differs from the unit's; the unit's is kept")
    period = node.node("temporal")
    own = (opportunity.id if opportunity else node.id).partition("#")[0]
    pages = [page for page in _urls(node, "homepage") if page != own]
    place = node.node("location")
    return {
        "start": _day(period.string("startDate")) if period else None,
        "end": _day(period.string("endDate")) if period else None,
        "application_deadline": _day(node.string("applicationDeadline")),
        "location": place_of(parts, place) if place else "online",
        "enrol_url": pages[0] if pages else None,
    }


def _reference(value: Any) -> Any:
    """A node compared by its `@id` (a session names its provider; the unit describes it)."""
    return value.get("@id", value) if isinstance(value, dict) else value


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@dataclass
class _Notes:
    """The comment on top of an imported file."""

    source: str
    skipped: list[str] = field(default_factory=list)
    gaps: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        lines = [f"Imported from {self.source} by `microvet import`."]
        if self.gaps:
            lines += _wrapped("MANDATORY, still to fill in: " + ", ".join(self.gaps) + ".")
        if self.skipped:
            lines.append("Not imported (nothing here to hold it), from the source element:")
            for item in self.skipped:
                lines += _wrapped(f"- {item}")
        return lines


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH - 2, subsequent_indent="  ", break_on_hyphens=False)


def _draft(parts: Parts, kind: str, object_id: str, data: dict[str, Any]) -> Draft:
    data, dropped = without_invalid(kind, data)
    skipped = [*parts.skipped_of(kind, object_id), *dropped]
    gaps = gaps_of(kind, data)
    notes = _Notes(parts.document.label, skipped, gaps)
    return Draft(kind, object_id, data, tuple(notes.lines()), gaps=gaps)
