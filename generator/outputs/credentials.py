"""Credentials a provider issues from the catalogue: unsigned drafts for one learner.

Both embed what the catalogue publishes about the unit, so an issued credential and the offer
can never disagree:

- `open_badge`: an Open Badges 3.0 `OpenBadgeCredential` whose `credentialSubject.achievement`
  is the unit's `achievement.json` (same `id`);
- `europass_draft`: a Europass (ELM 3.1) `EuropeanDigitalCredential` whose learning
  achievement is `specifiedBy` the unit's `LearningAchievementSpecification`, by its stable
  URI `units/<id>/#learning-achievement-specification`, embedded whole.

Neither is signed: signing (an issuer key for OB 3.0, a qualified electronic seal for
Europass) belongs to the issuer's platform. CONTRIBUTING.md says how, step by step.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from generator.content.catalogue import Catalogue
from generator.content.models import Provider, Unit
from generator.content.text import pick_language
from generator.kinds import SiteInfo
from generator.outputs.elm import unit_to_elm
from generator.outputs.elm_concepts import EDC_CONTEXT, organisation
from generator.outputs.openbadges import LICENCE_TERMS, OB3_CONTEXT, achievement, profile

VC_V1_CONTEXT = "https://www.w3.org/2018/credentials/v1"
"""Europass credentials (ELM 3.1) use the VC 1.1 context, as the EU's own samples do."""
VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
"""Open Badges 3.0 credentials use the VC 2.0 context."""
OB3_SCHEMA = ("https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
              "ob_v3p0_achievementcredential_schema.json")
EDC_SCHEMA = "http://data.europa.eu/snb/model/ap/edc-generic-full"
"""The EDC generic profile's SHACL shapes, which the EU's samples name as their schema."""
GENERIC_PROFILE = {
    "id": "http://data.europa.eu/snb/credential/e34929035b", "type": "Concept",
    "inScheme": {"id": "http://data.europa.eu/snb/credential/25831c2", "type": "ConceptScheme"},
    "prefLabel": {"en": "Generic"},
}
"""The Europass credential profile "Generic", as in the EU's micro-credential sample."""
URI_SCHEMES = ("mailto", "did", "https", "http", "urn")


class RecipientError(ValueError):
    """The recipient cannot be named in a credential; the message says how to fix it."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


@dataclass(frozen=True, slots=True)
class Recipient:
    """The learner a credential is issued to."""

    name: str
    id: str
    """A URI: `mailto:ana@example.org`, a `did:`, or the learner's page at the issuer."""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise RecipientError("--recipient-name", "it is empty: give the learner's full name")
        parts = urlsplit(self.id)
        if parts.scheme not in URI_SCHEMES or not (parts.netloc or parts.path):
            raise RecipientError(
                "--recipient-id", f"'{self.id}' is not a URI: use mailto:name@example.org, "
                "a did:..., or an https:// address that identifies the learner")


FORMATS = {"open-badge-3": "ob3", "europass-edc": "elm"}
"""A unit's `credential.type` -> the format `microvet credential` writes for it."""


def issuer(catalogue: Catalogue, unit: Unit) -> Provider:
    """Who issues the unit's credential: the first of `credential.issued_by`, else the
    first awarding body (the provider when the unit names none)."""
    return catalogue.providers[unit.issuers[0]]


def credential_id(unit_page: str, recipient: Recipient, issued: dt.date) -> str:
    """A stable `urn:uuid:` for one unit, one learner, one day: issuing twice gives one id."""
    key = f"{unit_page}|{recipient.id}|{issued.isoformat()}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}"


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def open_badge(catalogue: Catalogue, unit: Unit, site: SiteInfo, recipient: Recipient,
               issued: dt.date) -> dict[str, Any]:
    """An unsigned `OpenBadgeCredential` for `recipient`, embedding the unit's achievement."""
    embedded = achievement(catalogue, unit, site)
    embedded.pop("@context")
    return {
        "@context": [VC_V2_CONTEXT, OB3_CONTEXT, LICENCE_TERMS],
        "id": credential_id(embedded["criteria"]["id"], recipient, issued),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": embedded["name"],
        "issuer": profile(issuer(catalogue, unit), site),
        "validFrom": _timestamp(issued),
        "credentialSubject": {
            "id": recipient.id,
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityType": "name", "hashed": False,
                            "identityHash": recipient.name}],
            "achievement": embedded,
        },
        "credentialSchema": [{"id": OB3_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }


def europass_draft(catalogue: Catalogue, unit: Unit, site: SiteInfo, recipient: Recipient,
                   issued: dt.date) -> dict[str, Any]:
    """An unsigned Europass credential for `recipient`, specified by the unit's achievement."""
    offer = unit_to_elm(catalogue, unit, site)["@graph"][0]
    specification = offer["learningAchievementSpecification"]
    provider = organisation(issuer(catalogue, unit), site)
    identifier = credential_id(offer["homepage"][0]["contentURL"], recipient, issued)
    language = pick_language(unit.title, unit.default_language)
    return {
        "@context": [VC_V1_CONTEXT, EDC_CONTEXT],
        "id": identifier,
        "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
        "credentialProfiles": GENERIC_PROFILE,
        "credentialSchema": {"id": EDC_SCHEMA, "type": "ShaclValidator2017"},
        "issuer": provider,
        "validFrom": _timestamp(issued),
        "credentialSubject": {
            "id": recipient.id,
            "type": "Person",
            "fullName": {language: recipient.name},
            "hasClaim": {
                "id": f"{identifier}#learning-achievement",
                "type": "LearningAchievement",
                "title": dict(unit.title),
                "awardedBy": {"id": f"{identifier}#awarding-process", "type": "AwardingProcess",
                              "awardingBody": [{"@id": provider["@id"]}],
                              "awardingDate": _timestamp(issued)},
                "specifiedBy": specification,
            },
        },
    }
