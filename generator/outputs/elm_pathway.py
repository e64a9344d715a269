"""Europass: each pathway as an ELM 3.1 learning opportunity, `pathways/<id>/elm.jsonld`.

The pathway's `LearningAchievementSpecification` has the achievement specifications of its
units (and of the smaller pathways it contains) as `hasPart`; its `LearningOpportunity` has
their learning opportunities as `hasPart`. Each part is a node of its own document, named by
the same `@id`, with what the LOQ shapes require of any node of its class.
"""

from __future__ import annotations

from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.models import Pathway
from generator.content.pathways import pathway_totals, units_in
from generator.content.serialise import json_bytes
from generator.content.text import pick, pick_language
from generator.kinds import PATHWAY, SiteInfo
from generator.outputs.common import iso_duration
from generator.outputs.elm import default_language, learning_outcome, unit_ids
from generator.outputs.elm_concepts import (
    EDC_CONTEXT,
    Node,
    concept,
    decimal_value,
    note,
    organisation,
    organisation_id,
    web_resource,
)

OPPORTUNITY_TYPE = "educational-programme"
"""A pathway is a programme of several micro-credentials (ELM learning opportunity types)."""


def pathway_ids(pathway_id: str, site: SiteInfo) -> tuple[str, str, str]:
    """The page, opportunity and achievement specification identifiers of a pathway."""
    page = site.absolute(PATHWAY.url(pathway_id))
    return page, page + "#learning-opportunity", page + "#learning-achievement-specification"


def document(catalogue: Catalogue, pathway: Pathway, site: SiteInfo) -> bytes:
    """`pathways/<id>/elm.jsonld`."""
    return json_bytes(pathway_to_elm(catalogue, pathway, site), indent=None)


def pathway_to_elm(catalogue: Catalogue, pathway: Pathway, site: SiteInfo) -> dict[str, Any]:
    """The pathway's ELM document: one learning opportunity with its parts."""
    page, opportunity_id, _ = pathway_ids(pathway.id, site)
    language = pick_language(pathway.title, pathway.default_language)
    body = catalogue.providers[pathway.awarding_body]
    pages = [web_resource(page)] + ([web_resource(pathway.homepage)] if pathway.homepage else [])
    node: Node = {
        "@id": opportunity_id,
        "@type": "LearningOpportunity",
        "title": dict(pathway.title),
        "description": dict(pathway.description),
        "dcType": concept("learning_opportunity_types", OPPORTUNITY_TYPE),
        "homepage": pages,
        "elm:defaultLanguage": concept("languages", language),
        "providedBy": organisation(body, site),
        "learningAchievementSpecification": achievement(catalogue, pathway, site),
        "hasPart": [_part_opportunity(catalogue, folder, oid, site)
                    for stage in pathway.stages for folder, oid in stage.items],
    }
    return {"@context": EDC_CONTEXT, "@graph": [node]}


def achievement(catalogue: Catalogue, pathway: Pathway, site: SiteInfo) -> Node:
    """The credential at the end: level, total workload, awarding body, its parts."""
    page, _, achievement_id = pathway_ids(pathway.id, site)
    totals = pathway_totals(catalogue.objects, pathway)
    units = [catalogue.units[uid] for uid in units_in(catalogue.objects, pathway)]
    node: Node = {
        "@id": achievement_id,
        "@type": "LearningAchievementSpecification",
        "title": dict(pathway.credential.title),
        "description": dict(pathway.credential.description or pathway.description),
        "homepage": [web_resource(page)],
        "educationLevel": concept("eqf_levels", pathway.eqf_level),
        "language": [concept("languages", code) for code in sorted(
            {code for unit in units for code in unit.languages})],
        "thematicArea": [concept("isced_f", code) for code in sorted(
            {unit.isced_f for unit in units})],
        "learningOutcome": [learning_outcome(catalogue.outcomes[oid], site)
                            for oid in dict.fromkeys(oid for unit in units
                                                     for oid in unit.outcomes)],
        "volumeOfLearning": iso_duration(totals.hours.low),
        "awardingOpportunity": {
            "@type": "AwardingOpportunity",
            "awardingBody": [{"@id": organisation_id(pathway.awarding_body, site)}],
            "learningAchievementSpecification": {"@id": achievement_id},
        },
        "hasPart": [_part_achievement(catalogue, folder, oid, site)
                    for stage in pathway.stages for folder, oid in stage.items],
        "additionalNote": [note(stage_rule(catalogue, pathway, index))
                           for index in range(len(pathway.stages))],
    }
    if totals.ects is not None:
        node["creditPoint"] = [{"@type": "CreditPoint",
                                "framework": concept("credit_systems", "ects"),
                                "point": decimal_value(totals.ects.low)["@value"]}]
    if pathway.credential.url:
        node["supplementaryDocument"] = [web_resource(pathway.credential.url,
                                                      pathway.credential.title)]
    return node


def stage_rule(catalogue: Catalogue, pathway: Pathway, index: int) -> dict[str, str]:
    """A stage's rule in words (ELM has no structured rule for choosing n of a group)."""
    stage = pathway.stages[index]
    names = "; ".join(pick(catalogue.objects[folder][oid].title) for folder, oid in stage.items)
    how = (f"all of: {names}" if stage.choose is None
           else f"{stage.choose} of: {names}")
    return {"en": f"Stage {index + 1}: {how}"}


def _part_opportunity(catalogue: Catalogue, folder: str, oid: str, site: SiteInfo) -> Node:
    """A unit's or inner pathway's opportunity, as the LOQ shape requires of any."""
    if folder == "pathways":
        inner = catalogue.objects["pathways"][oid]
        page, opportunity_id, _ = pathway_ids(oid, site)
        provider = catalogue.providers[inner.awarding_body]
        title, language = inner.title, pick_language(inner.title, inner.default_language)
    else:
        unit = catalogue.units[oid]
        ids = unit_ids(oid, site)
        page, opportunity_id = ids.page, ids.opportunity
        provider = catalogue.provider_of(unit)
        title, language = unit.title, default_language(unit)
    return {
        "@id": opportunity_id,
        "@type": "LearningOpportunity",
        "title": dict(title),
        "homepage": [web_resource(page)],
        "providedBy": organisation(provider, site),
        "learningAchievementSpecification": _part_achievement(catalogue, folder, oid, site),
        "elm:defaultLanguage": concept("languages", language),
    }


def _part_achievement(catalogue: Catalogue, folder: str, oid: str, site: SiteInfo) -> Node:
    """A part's achievement specification, by identifier and title."""
    if folder == "pathways":
        inner = catalogue.objects["pathways"][oid]
        return {"@id": pathway_ids(oid, site)[2], "@type": "LearningAchievementSpecification",
                "title": dict(inner.credential.title)}
    return {"@id": unit_ids(oid, site).achievement,
            "@type": "LearningAchievementSpecification",
            "title": dict(catalogue.units[oid].title)}

