"""Recognition statements as Open Badges 3.0 endorsements of a unit's achievement.

OB 3.0's term for a third party's statement about an achievement is `endorsement`: an
`EndorsementCredential` whose issuer is the partner and whose subject is the achievement. The
catalogue publishes them **unsigned**: they record what the partner declared in its
recognition file (`content/recognitions/`); a partner that wants a verifiable endorsement
signs the same credential with its own key on its own platform.
"""

from __future__ import annotations

from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.models import Unit
from generator.content.models.recognition import PURPOSES
from generator.content.text import number, pick, pick_language
from generator.kinds import RECOGNITION, SiteInfo
from generator.outputs.common import midnight_utc

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"


def endorsements(catalogue: Catalogue, unit: Unit, achievement_id: str, ob3_context: str,
                 site: SiteInfo) -> list[dict[str, Any]]:
    """One unsigned `EndorsementCredential` per recognition statement naming the unit."""
    found = []
    for _, rid in catalogue.referrers("units", unit.id, "recognitions"):
        recognition = catalogue.objects["recognitions"][rid]
        partner, page = recognition.partner, site.absolute(RECOGNITION.url(rid))
        for index, statement in enumerate(recognition.statements, start=1):
            if statement.unit != unit.id:
                continue
            credits = f" ({number(statement.ects)} ECTS)" if statement.ects is not None else ""
            found.append({
                "@context": [VC_CONTEXT, ob3_context],
                "type": ["VerifiableCredential", "EndorsementCredential"],
                "id": f"{page}#statement-{index}",
                "name": f"Recognised by {pick(partner.name)} "
                        f"{PURPOSES[statement.recognised_for]}{credits}",
                "issuer": {"id": f"{page}#partner", "type": ["Profile"],
                           "name": pick(partner.name), "url": partner.homepage},
                "validFrom": midnight_utc(recognition.declared),
                "credentialSubject": {"id": achievement_id, "type": ["EndorsementSubject"],
                                      "endorsementComment": pick(statement.details)},
                "inLanguage": pick_language(statement.details),
            })
    return found
