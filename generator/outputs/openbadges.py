"""Open Badges 3.0 `Achievement` per unit: what a badge issued for the unit would certify.

One achievement per language the unit is described in: `achievement.json` (a document of the
unit kind) in the language the site shows, at a stable address, and `achievement.<lang>.json`
(`translations`, an aggregate renderer) for each other language the title is given in; each
names the others as `related`, OB3's way to link one achievement's language versions.
"""

from __future__ import annotations

from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.models import Pathway, Provider, Unit
from generator.content.pathways import pathway_totals
from generator.content.serialise import json_bytes, plain_number
from generator.content.text import pick, pick_language
from generator.content.vocabularies import vocabulary
from generator.kinds import BY_FOLDER, PATHWAY, PROVIDER, UNIT, SiteInfo
from generator.outputs.common import licence_uri, metadata_licence_uri
from generator.outputs.endorsements import endorsements

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
EQF_ALIGNMENT_TYPE = "ext:EQFLevel"
"""OB3 `targetType` for the EQF level (an `ext:` value, as for ESCO)."""
EQF_FRAMEWORK = "European Qualifications Framework"


def document(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> bytes:
    """`units/<id>/achievement.json`, in the language the site shows."""
    return json_bytes(achievement(catalogue, unit, site))


def translations(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """`units/<id>/achievement.<lang>.json` for every other language of every unit."""
    return {
        achievement_path(unit, language): json_bytes(achievement(catalogue, unit, site, language))
        for unit in catalogue.units.values() for language in achievement_languages(unit)[1:]
    }


def achievement_languages(unit: Unit) -> list[str]:
    """The languages of the unit's achievements: the site's choice first, then the others."""
    main = pick_language(unit.title)
    return [main, *sorted(language for language in unit.title if language != main)]


def achievement_path(unit: Unit, language: str) -> str:
    """`units/<id>/achievement.json` in the main language, `achievement.<lang>.json` else."""
    suffix = "" if language == pick_language(unit.title) else f".{language}"
    return f"{UNIT.url(unit.id)}achievement{suffix}.json"


def version(catalogue: Catalogue, unit: Unit) -> str:
    """The achievement's version: the day of its last change, so issuers can tell versions."""
    dates = catalogue.dates[unit.id]
    day = dates.updated or dates.published
    return day.isoformat() if day else "1"


def achievement(catalogue: Catalogue, unit: Unit, site: SiteInfo,
                language: str | None = None) -> dict[str, Any]:
    """The unit as an OB3 `Achievement`, typed after its credential, in one of its languages."""
    language = language or pick_language(unit.title)
    page = site.absolute(UNIT.url(unit.id))
    data: dict[str, Any] = {
        "@context": [OB3_CONTEXT, LICENCE_TERMS],
        "id": site.absolute(achievement_path(unit, language)),
        "type": ["Achievement"],
        "achievementType": achievement_type(unit.credential.type),
        "name": pick(unit.title, language),
        "description": pick(unit.summary, language),
        "inLanguage": language,
        "version": version(catalogue, unit),
        "criteria": {"id": page, "narrative": criteria_narrative(catalogue, unit, language)},
        "creator": profile(catalogue.provider_of(unit), site),
        "fieldOfStudy": vocabulary("isced_f")[unit.isced_f].label,
        "sdLicense": metadata_licence_uri(),
    }
    licence = licence_uri(unit.license)
    if licence is not None:  # all rights reserved: no licence to point at
        data["license"] = licence
    if unit.workload.ects is not None:
        data["creditsAvailable"] = plain_number(unit.workload.ects)
    data["alignment"] = [eqf_alignment(unit.eqf_level), *(
        {"type": ["Alignment"], "targetName": skill.label, "targetUrl": skill.uri,
         "targetFramework": "ESCO", "targetType": ESCO_ALIGNMENT_TYPE}
        for skill in catalogue.unit_skills(unit))]
    related = [
        {"id": site.absolute(achievement_path(unit, other)), "type": ["Related"],
         "inLanguage": other, "version": data["version"]}
        for other in achievement_languages(unit) if other != language
    ]
    if related:
        data["related"] = related
    if unit.keywords:
        data["tag"] = list(unit.keywords)
    endorsed = endorsements(catalogue, unit, data["id"], OB3_CONTEXT, site)
    if endorsed:
        data["endorsement"] = endorsed
    return data


def achievement_type(code: str) -> str:
    """The OB3 `achievementType` of a credential type (credential_types.json)."""
    return str(vocabulary("credential_types")[code].extra["ob3_achievement_type"])


def eqf_alignment(level: str) -> dict[str, Any]:
    """The EQF level as an OB3 `Alignment` to its official URI."""
    term = vocabulary("eqf_levels")[level]
    return {"type": ["Alignment"], "targetName": term.label, "targetUrl": term.uri,
            "targetCode": term.code, "targetDescription": term.description,
            "targetFramework": EQF_FRAMEWORK, "targetType": EQF_ALIGNMENT_TYPE}


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


def criteria_narrative(catalogue: Catalogue, unit: Unit, language: str | None = None) -> str:
    """What a learner must do to earn the badge, in Markdown (which OB3 allows here).

    The provider's texts come in `language` where translated; the vocabulary labels are
    English (the code lists carry no translations yet).
    """
    language = language or pick_language(unit.title)
    methods = ", ".join(vocabulary("assessment_methods")[m].label for m in unit.assessment.methods)
    lines = [pick(unit.assessment.description, language), "", f"Assessment: {methods}."]
    if unit.assessment.supervision:
        supervision = vocabulary("supervision")[unit.assessment.supervision].label
        lines[-1] += f" {supervision}."
    lines += ["", "Learning outcomes to demonstrate:", ""]
    lines += [f"- {pick(outcome.statement, language)}" for outcome in catalogue.outcomes_of(unit)]
    credential = unit.credential
    kind = vocabulary("credential_types")[credential.type].label
    lines += ["", f"Credential: {kind}. {pick(credential.verification, language)}",
              "", f"Recognition: {pick(credential.recognition, language)}"]
    return "\n".join(lines)


def pathway_document(catalogue: Catalogue, pathway: Pathway, site: SiteInfo) -> bytes:
    """`pathways/<id>/achievement.json`."""
    return json_bytes(pathway_achievement(catalogue, pathway, site))


def pathway_achievement(catalogue: Catalogue, pathway: Pathway,
                        site: SiteInfo) -> dict[str, Any]:
    """The pathway's credential as an OB3 `Achievement`; its parts as `related` achievements.

    OB3 has no "has part": `related` is its one link between achievements, and each link
    names the part's own achievement document, which a badge platform can resolve.
    """
    page = site.absolute(PATHWAY.url(pathway.id))
    totals = pathway_totals(catalogue.objects, pathway)
    lines = [pick(pathway.description), "", "Complete every stage:", ""]
    for stage in pathway.stages:
        names = ", ".join(pick(catalogue.objects[folder][oid].title) for folder, oid in stage.items)
        rule = "all of" if stage.choose is None else f"{stage.choose} of"
        lines.append(f"- {pick(stage.title)}: {rule} {names}")
    data: dict[str, Any] = {
        "@context": [OB3_CONTEXT, LICENCE_TERMS],
        "id": site.absolute(f"{PATHWAY.url(pathway.id)}achievement.json"),
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": pick(pathway.credential.title),
        "description": pick(pathway.credential.description or pathway.description),
        "inLanguage": pick_language(pathway.credential.title),
        "criteria": {"id": page, "narrative": "\n".join(lines)},
        "creator": profile(catalogue.providers[pathway.awarding_body], site),
        "sdLicense": metadata_licence_uri(),
        "related": [{"id": site.absolute(f"{BY_FOLDER[folder].url(oid)}achievement.json"),
                     "type": ["Related"]}
                    for stage in pathway.stages for folder, oid in stage.items],
    }
    if totals.ects is not None and totals.ects.exact:
        data["creditsAvailable"] = plain_number(totals.ects.low)
    return data
