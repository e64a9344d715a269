"""Open Badges 3.0 `Achievement` per unit: what a badge issued for the unit would certify."""

from __future__ import annotations

from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.models import Provider, Unit
from generator.content.serialise import json_bytes, plain_number
from generator.content.text import pick, pick_language
from generator.content.vocabularies import vocabulary
from generator.kinds import PROVIDER, UNIT, SiteInfo
from generator.outputs.common import licence_uri, metadata_licence_uri

OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
LICENCE_TERMS = {
    "license": {"@id": "https://schema.org/license", "@type": "@id"},
    "sdLicense": {"@id": "https://schema.org/sdLicense", "@type": "@id"},
}
"""The OB3 context has no licence term and no `@vocab`: without these two definitions a
JSON-LD processor would silently drop the licences. The OB3 context already maps `name`,
`description` and `inLanguage` to https://schema.org/, so these follow its namespace."""
ESCO_ALIGNMENT_TYPE = "ext:ESCOSkill"
"""OB3 `targetType` for ESCO skills: the spec's list has no ESCO entry and allows `ext:` values."""


def document(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> bytes:
    """`units/<id>/achievement.json`."""
    return json_bytes(achievement(catalogue, unit, site))


def achievement(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> dict[str, Any]:
    """The unit as an OB3 `Achievement`, typed after the credential the learner receives."""
    page = site.absolute(UNIT.url(unit.id))
    data: dict[str, Any] = {
        "@context": [OB3_CONTEXT, LICENCE_TERMS],
        "id": site.absolute(f"{UNIT.url(unit.id)}achievement.json"),
        "type": ["Achievement"],
        "achievementType": achievement_type(unit.credential.type),
        "name": pick(unit.title),
        "description": pick(unit.summary),
        "inLanguage": pick_language(unit.title),
        "criteria": {"id": page, "narrative": criteria_narrative(catalogue, unit)},
        "creator": profile(catalogue.provider_of(unit), site),
        "fieldOfStudy": vocabulary("isced_f")[unit.isced_f].label,
        "license": licence_uri(unit.license),
        "sdLicense": metadata_licence_uri(),
    }
    if unit.workload.ects is not None:
        data["creditsAvailable"] = plain_number(unit.workload.ects)
    alignments = [
        {"type": ["Alignment"], "targetName": skill.label, "targetUrl": skill.uri,
         "targetFramework": "ESCO", "targetType": ESCO_ALIGNMENT_TYPE}
        for skill in catalogue.unit_skills(unit)
    ]
    if alignments:
        data["alignment"] = alignments
    if unit.keywords:
        data["tag"] = list(unit.keywords)
    return data


def achievement_type(code: str) -> str:
    """The OB3 `achievementType` of a credential type (credential_types.json)."""
    return str(vocabulary("credential_types")[code].extra["ob3_achievement_type"])


def profile(provider: Provider, site: SiteInfo) -> dict[str, Any]:
    """The provider as the OB3 `Profile` that created the achievement."""
    data: dict[str, Any] = {
        "id": site.absolute(PROVIDER.url(provider.id)),
        "type": ["Profile"],
        "name": pick(provider.name),
        "url": provider.homepage,
    }
    if provider.email:
        data["email"] = provider.email
    return data


def criteria_narrative(catalogue: Catalogue, unit: Unit) -> str:
    """What a learner must do to earn the badge, in Markdown (which OB3 allows here)."""
    methods = ", ".join(vocabulary("assessment_methods")[m].label for m in unit.assessment.methods)
    lines = [pick(unit.assessment.description), "", f"Assessment: {methods}."]
    if unit.assessment.supervision:
        supervision = vocabulary("supervision")[unit.assessment.supervision].label
        lines[-1] += f" {supervision}."
    lines += ["", "Learning outcomes to demonstrate:", ""]
    lines += [f"- {pick(outcome.statement)}" for outcome in catalogue.outcomes_of(unit)]
    credential = unit.credential
    kind = vocabulary("credential_types")[credential.type].label
    lines += ["", f"Credential: {kind}. {pick(credential.verification)}",
              "", f"Recognition: {pick(credential.recognition)}"]
    return "\n".join(lines)
