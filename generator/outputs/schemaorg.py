"""schema.org JSON-LD for the head of each unit page: a `Course` block and an AMB block.

Two blocks describe the same `@id` (the unit page URL) because one block cannot satisfy both
consumers: the AMB profile only accepts `educationalLevel` concepts from the KIM vocabulary and
needs its own context (every string a language-tagged literal, `id`/`type` aliases), while the
`Course` block carries the EQF level as a `DefinedTerm` and uses the plain schema.org context
that search engines read. docs/metadata.md gives the evidence; tests/test_schemaorg.py proves it.
"""

from __future__ import annotations

import re
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.models import Outcome, Place, Provider, Session, Unit
from generator.content.models.esco import EscoSkill, OtherSkill
from generator.content.serialise import plain_number
from generator.content.text import pick, pick_language
from generator.content.vocabularies import vocabulary
from generator.kinds import OUTCOME, PROVIDER, RECOGNITION, UNIT, SiteInfo
from generator.outputs.common import iso_duration, licence_uri, metadata_licence_uri, midnight_utc

SCHEMA_CONTEXT = "https://schema.org"
AMB_CONTEXT = "https://w3id.org/kim/amb/context.jsonld"
ESCO_SKILLS_SCHEME = "http://data.europa.eu/esco/concept-scheme/skills"
HCRT_COURSE = "https://w3id.org/kim/hcrt/course"
"""The AMB learning resource type (Hochschulcampus Ressourcentypen) for a course."""
HCRT_COURSE_LABEL = {"de": "Kurs", "en": "Course"}
"""Its `prefLabel` in the HCRT vocabulary."""
MICRO_CREDENTIAL_RECOMMENDATION = (
    "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32022H0627(02)")
"""Council Recommendation of 16 June 2022 on a European approach to micro-credentials."""

COURSE_MODES = {"online": "Online", "onsite": "Onsite", "blended": "Blended",
                "work-based": "Onsite"}
"""Form of participation -> the `courseMode` values Google's Course info documents."""
_IN_PERSON = {"onsite", "blended"}

AMB_LICENCE = re.compile(
    r"^https?://(creativecommons\.org/(licenses|licences|publicdomain)/|www\.gnu\.org/licenses/"
    r"|www\.apache\.org/licenses/|opensource\.org/licenses/MIT|www\.opensource\.org/licenses/BSD)")
"""The licence URLs AMB's schema (license.json) allows; AMB has no way to say others."""


# --- the two embedded blocks ----------------------------------------------------------------


def course(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> dict[str, Any]:
    """The schema.org `Course` block (search engines, Google's Course info rich results)."""
    page = site.absolute(UNIT.url(unit.id))
    licence = licence_uri(unit.license)
    eqf = eqf_level(unit.eqf_level)
    data: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Course",
        "@id": page,
        "url": page,
        "name": pick(unit.title),
        "description": pick(unit.summary),
        "provider": organisation(catalogue.provider_of(unit), site),
        "offers": [offer(unit, page)],
        "hasCourseInstance": course_instances(catalogue, unit),
        "educationalCredentialAwarded": credential(catalogue, unit, site),
        "teaches": [outcome_term(outcome, site) for outcome in catalogue.outcomes_of(unit)],
        "educationalLevel": eqf,
        "about": field_of_education(unit.isced_f),
        "timeRequired": iso_duration(unit.workload.hours),
        "inLanguage": list(unit.languages),
        "availableLanguage": list(unit.languages),
        "sdLicense": metadata_licence_uri(),
        "isAccessibleForFree": unit.price.is_free,
    }
    if licence is not None:  # all rights reserved: no licence to point at
        data["license"] = licence
    credits = number_of_credits(unit)
    if credits:
        data["numberOfCredits"] = credits
    data.update(_dates(catalogue, unit, as_datetime=False))
    if unit.prerequisites:
        data["coursePrerequisites"] = pick(unit.prerequisites)
    if unit.keywords:
        data["keywords"] = list(unit.keywords)
    if unit.target_groups:
        groups = vocabulary("target_groups")
        data["audience"] = [{"@type": "Audience", "audienceType": groups[code].label}
                            for code in unit.target_groups]
    if unit.homepage:
        data["sameAs"] = unit.homepage
    stacks = stacks_into(catalogue, unit, site)
    if stacks:
        data["isPartOf"] = stacks
    return data


def amb_learning_resource(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> dict[str, Any]:
    """The same course in the AMB profile that OER aggregators such as OERSI validate.

    Concepts (`teaches`, `learningResourceType`) carry `prefLabel` language maps, as AMB
    consumers read them. `@type` repeats `type` so that a reader that does not process the
    context still sees a typed object; `@id` cannot repeat `id` (two keys expanding to `@id`
    are a JSON-LD error, and AMB requires `id`): docs/metadata.md.
    """
    provider = catalogue.provider_of(unit)
    organisation_ref = {"id": site.absolute(PROVIDER.url(provider.id)), "type": "Organization",
                        "name": pick(provider.name)}
    teaches: list[dict[str, Any]] = []
    for outcome in catalogue.outcomes_of(unit):
        teaches.append({"id": site.absolute(OUTCOME.url(outcome.id)), "type": "DefinedTerm",
                        "prefLabel": dict(outcome.title)})
    teaches += [{"id": skill.uri, "type": "DefinedTerm", "prefLabel": {"en": skill.label}}
                for skill in catalogue.unit_skills(unit)]
    types = ["Course", "LearningResource"]
    data: dict[str, Any] = {
        "@context": [AMB_CONTEXT, {"@language": pick_language(unit.title)}],
        "id": site.absolute(UNIT.url(unit.id)),
        "type": types,
        "@type": types,
        "name": pick(unit.title),
        "description": pick(unit.summary),
        "sdLicense": {"id": metadata_licence_uri()},
        "inLanguage": list(unit.languages),
        "isAccessibleForFree": unit.price.is_free,
        "learningResourceType": [{"id": HCRT_COURSE, "prefLabel": HCRT_COURSE_LABEL}],
        "creator": [organisation_ref],
        "provider": organisation_ref,
        "teaches": teaches,
    }
    licence = licence_uri(unit.license)
    if licence is not None and AMB_LICENCE.match(licence):
        data["license"] = {"id": licence}
    data.update(_dates(catalogue, unit, as_datetime=True))
    if unit.keywords:
        data["keywords"] = list(unit.keywords)
    return data


# --- parts ------------------------------------------------------------------------------------


def organisation(provider: Provider, site: SiteInfo) -> dict[str, Any]:
    """A provider as an `Organization`: its page here is its id, its website its `url`."""
    data: dict[str, Any] = {
        "@type": "Organization",
        "@id": site.absolute(PROVIDER.url(provider.id)),
        "name": pick(provider.name),
        "url": provider.homepage,
        "address": postal_address(provider.city, provider.country, provider.address),
    }
    if provider.short_name:
        data["alternateName"] = provider.short_name
    return data


def postal_address(city: str, country: str, street: str | None) -> dict[str, Any]:
    """A `PostalAddress` with the ISO 3166 country code Google asks for."""
    address = {"@type": "PostalAddress", "addressLocality": city, "addressCountry": country}
    if street:
        address["streetAddress"] = street
    return address


def offer(unit: Unit, page: str) -> dict[str, Any]:
    """The price of a place on the course, in the form Google's Course info requires."""
    data: dict[str, Any] = {
        "@type": "Offer",
        "category": "Free" if unit.price.is_free else "Paid",
        "price": plain_number(unit.price.amount),
        "url": unit.homepage or page,
    }
    if unit.price.currency:
        data["priceCurrency"] = unit.price.currency
    return data


def course_instances(catalogue: Catalogue, unit: Unit) -> list[dict[str, Any]]:
    """One `CourseInstance` per upcoming session, or one undated instance when there is none.

    Past sessions are left out: an aggregator must not offer them as courses to enrol in.
    """
    workload = iso_duration(unit.workload.hours)
    mode = COURSE_MODES[unit.mode]
    upcoming = catalogue.upcoming_sessions(unit)
    if not upcoming:
        instance: dict[str, Any] = {"@type": "CourseInstance", "courseMode": mode,
                                    "courseWorkload": workload}
        if unit.mode in _IN_PERSON:
            # Without dated runs, an in-person course takes place at the provider.
            provider = catalogue.provider_of(unit)
            instance["location"] = {"@type": "Place", "name": pick(provider.name),
                                    "address": postal_address(provider.city, provider.country,
                                                              provider.address)}
        return [instance]
    return [session_instance(session, mode, workload) for session in upcoming]


def session_instance(session: Session, mode: str, workload: str) -> dict[str, Any]:
    """A dated run of the course; a run held online is `Online` whatever the unit's mode."""
    data: dict[str, Any] = {
        "@type": "CourseInstance",
        "courseMode": COURSE_MODES["online"] if session.location == "online" else mode,
        "courseWorkload": workload,
        "startDate": session.start.isoformat(),
    }
    if session.end:
        data["endDate"] = session.end.isoformat()
    if isinstance(session.location, Place):
        data["location"] = place(session.location)
    elif session.enrol_url:
        data["location"] = {"@type": "VirtualLocation", "url": session.enrol_url}
    if session.enrol_url:
        data["url"] = session.enrol_url
    if session.places:
        data["maximumAttendeeCapacity"] = session.places
    return data


def place(location: Place) -> dict[str, Any]:
    """Where an on-site session happens."""
    return {
        "@type": "Place",
        "name": location.venue or location.city,
        "address": postal_address(location.city, location.country, location.address),
    }


def credential(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> dict[str, Any]:
    """The micro-credential a learner earns: its form, issuers, recognition, level, skills."""
    awarded = unit.credential
    data: dict[str, Any] = {
        "@type": "EducationalOccupationalCredential",
        "name": pick(unit.title),
        "credentialCategory": [
            {"@type": "DefinedTerm", "name": "Micro-credential", "termCode": "micro-credential",
             "url": MICRO_CREDENTIAL_RECOMMENDATION},
            credential_type(awarded.type),
        ],
        "description": pick(awarded.recognition),
        "recognizedBy": [organisation(catalogue.providers[issuer], site)
                         for issuer in unit.issuers],
        "educationalLevel": eqf_level(unit.eqf_level),
        "url": site.absolute(UNIT.url(unit.id)),
    }
    skills = [esco_skill_term(skill) for skill in catalogue.unit_skills(unit)]
    if skills:
        data["competencyRequired"] = skills
    partners = recognised_by(catalogue, unit, site)
    if partners:
        data["recognizedBy"] = partners
    return data


def recognised_by(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> list[dict[str, Any]]:
    """The partners whose recognition statements name the unit (content/recognitions/)."""
    partners = []
    for _, rid in catalogue.referrers("units", unit.id, "recognitions"):
        partner = catalogue.objects["recognitions"][rid].partner
        partners.append({"@type": "Organization",
                         "@id": site.absolute(RECOGNITION.url(rid)) + "#partner",
                         "name": pick(partner.name), "url": partner.homepage,
                         "address": postal_address(partner.city, partner.country, None)})
    return partners


def credential_type(code: str) -> dict[str, Any]:
    """The form of the credential (certificate, Open Badge, Europass) as a `DefinedTerm`."""
    term = vocabulary("credential_types")[code]
    data: dict[str, Any] = {"@type": "DefinedTerm", "name": term.label, "termCode": term.code}
    if term.uri:
        data["url"] = term.uri
    return data


def defined_term(vocab: str, code: str) -> dict[str, Any]:
    """A vocabulary code as a schema.org `DefinedTerm` with its official URI and scheme."""
    vocabulary_ = vocabulary(vocab)
    term = vocabulary_[code]
    return {
        "@type": "DefinedTerm",
        "@id": term.uri,
        "name": term.label,
        "termCode": term.code,
        "inDefinedTermSet": vocabulary_.scheme,
    }


def eqf_level(code: str) -> dict[str, Any]:
    """An EQF level as a `DefinedTerm` with its official URI."""
    return defined_term("eqf_levels", code)


def field_of_education(code: str) -> dict[str, Any]:
    """An ISCED-F 2013 field as a `DefinedTerm`."""
    return defined_term("isced_f", code)


def outcome_term(outcome: Outcome, site: SiteInfo) -> dict[str, Any]:
    """A learning outcome as a `DefinedTerm`, `about` the ESCO (and other) skills it names."""
    page = site.absolute(OUTCOME.url(outcome.id))
    data: dict[str, Any] = {
        "@type": "DefinedTerm",
        "@id": page,
        "url": page,
        "name": pick(outcome.title),
        "description": pick(outcome.statement),
    }
    skills = [esco_skill_term(s) for s in outcome.esco_skills]
    skills += [other_skill_term(s) for s in outcome.other_skills]
    if skills:
        data["about"] = skills
    return data


def esco_skill_term(skill: EscoSkill) -> dict[str, Any]:
    """An ESCO skill as a `DefinedTerm` of the ESCO skills pillar."""
    return {"@type": "DefinedTerm", "@id": skill.uri, "name": skill.label,
            "inDefinedTermSet": ESCO_SKILLS_SCHEME}


def other_skill_term(skill: OtherSkill) -> dict[str, Any]:
    """A skill of another framework (DigComp, a national standard) as a `DefinedTerm`."""
    data: dict[str, Any] = {
        "@type": "DefinedTerm",
        "name": pick(skill.label),
        "inDefinedTermSet": {"@type": "DefinedTermSet", "name": skill.framework},
    }
    if skill.code:
        data["termCode"] = skill.code
    if skill.url:
        data["url"] = skill.url
    return data


def number_of_credits(unit: Unit) -> list[dict[str, Any]]:
    """ECTS credits and ECVET points as `QuantitativeValue`s (fractions allowed, unit named)."""
    systems = vocabulary("credit_systems")
    values = [("ects", unit.workload.ects), ("ecvet", unit.workload.ecvet)]
    return [
        {"@type": "QuantitativeValue", "value": plain_number(amount),
         "unitText": systems[code].label}
        for code, amount in values if amount is not None
    ]


def stacks_into(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> list[dict[str, Any]]:
    """The larger credentials this unit counts towards."""
    if not unit.stackability:
        return []
    targets: list[dict[str, Any]] = []
    for target in unit.stackability.into:
        if target.unit:
            larger = catalogue.units[target.unit]
            targets.append({"@type": "Course", "@id": site.absolute(UNIT.url(larger.id)),
                            "name": pick(larger.title)})
        else:
            work: dict[str, Any] = {"@type": "CreativeWork", "name": pick(target.title)}
            if target.url:
                work["url"] = target.url
            targets.append(work)
    return targets


def _dates(catalogue: Catalogue, unit: Unit, *, as_datetime: bool) -> dict[str, str]:
    """`datePublished`/`dateModified` when known; AMB wants a time-zone offset."""
    dates = catalogue.dates[unit.id]
    found = {"datePublished": dates.published, "dateModified": dates.updated}
    return {key: midnight_utc(day) if as_datetime else day.isoformat()
            for key, day in found.items() if day is not None}
