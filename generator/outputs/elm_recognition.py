"""ELM nodes for recognition: the assessment-only route of a unit (prior learning), and
what partners recognise it for (notes: see `recognition_notes`).

Recognition of prior learning becomes a second `LearningOpportunity` of the unit, with the
same learning achievement specification: it leads to the same credential, but its admission
procedure is the application, its price the assessment fee, and its notes say what evidence
counts, who assesses and what is granted. ELM has no structured "assessment only" flag; the
opportunity's `admissionProcedure`, `priceDetail` and notes are the terms the model offers
(docs/metadata.md).
"""

from __future__ import annotations

from generator.content.catalogue import Catalogue
from generator.content.models import Unit
from generator.content.models.prior_learning import EVIDENCE
from generator.content.models.recognition import PURPOSES
from generator.content.text import number, pick
from generator.kinds import SiteInfo
from generator.outputs.elm_concepts import (
    Node,
    concept,
    note,
    organisation_id,
    price_detail,
    web_resource,
)

PRIOR_LEARNING_FRAGMENT = "#recognition-of-prior-learning"


def prior_learning_opportunity(catalogue: Catalogue, unit: Unit, site: SiteInfo,
                               page: str, achievement_id: str, language: str) -> list[Node]:
    """The assessment-only opportunity of `unit`, if it offers one (else nothing)."""
    rpl = unit.prior_learning
    if rpl is None or not rpl.offered:
        return []
    assert rpl.fee is not None and rpl.how_to_apply is not None and rpl.assessor is not None
    evidence = ", ".join(EVIDENCE[kind].lower() for kind in rpl.evidence)
    granted = ("the full micro-credential" if rpl.grants == "full"
               else "exemption from parts of the unit")
    notes = [note({"en": "Recognition of prior learning: an assessment without the course, "
                         f"leading to {granted}. Evidence accepted: {evidence}."}),
             note(rpl.assessor)]
    if rpl.exemption is not None:
        notes.append(note(rpl.exemption))
    homepages = [web_resource(rpl.apply_url)] if rpl.apply_url else []
    return [{
        "@id": page + PRIOR_LEARNING_FRAGMENT,
        "@type": "LearningOpportunity",
        "title": dict(unit.title),
        "description": dict(rpl.how_to_apply),
        "additionalNote": notes,
        "homepage": [*homepages, web_resource(page)],
        "admissionProcedure": note(rpl.how_to_apply),
        "priceDetail": price_detail(rpl.fee),
        "providedBy": {"@id": organisation_id(unit.provider, site)},
        "learningAchievementSpecification": {"@id": achievement_id},
        "elm:defaultLanguage": concept("languages", language),
    }]



def recognition_notes(catalogue: Catalogue, unit: Unit) -> list[Node]:
    """What partners recognise the unit for, as notes of its achievement specification.

    ELM's term would be `entitlesTo` (a `LearningEntitlementSpecification` acknowledged by
    the partner), but the LOQ 1.1.0 shapes contradict each other on it: one requires
    `elm:status` to be a string, the other an entitlement-status IRI, so no entitlement can
    conform (tests/test_recognition.py shows it). Until they agree, each statement is a note.
    """
    notes = []
    for _, rid in catalogue.referrers("units", unit.id, "recognitions"):
        recognition = catalogue.objects["recognitions"][rid]
        partner = recognition.partner
        for statement in recognition.statements:
            if statement.unit != unit.id:
                continue
            credits = f", {number(statement.ects)} ECTS" if statement.ects is not None else ""
            head = (f"Recognised by {pick(partner.name)} ({partner.country}) "
                    f"{PURPOSES[statement.recognised_for]}{credits}: ")
            notes.append(note({language: head + text
                               for language, text in statement.details.items()}))
    return notes
