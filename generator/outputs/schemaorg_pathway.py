"""schema.org JSON-LD for the head of each pathway page: an `EducationalOccupationalProgram`.

Its `hasCourse` lists the units (each by the `@id` of its own page's `Course` block), and its
`educationalCredentialAwarded` is the credential at the end of the pathway.
"""

from __future__ import annotations

from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.models import Pathway
from generator.content.pathways import pathway_totals, units_in
from generator.content.serialise import plain_number
from generator.content.text import pick
from generator.content.vocabularies import vocabulary
from generator.kinds import PATHWAY, UNIT, SiteInfo
from generator.outputs.schemaorg import SCHEMA_CONTEXT, eqf_level, organisation


def program(catalogue: Catalogue, pathway: Pathway, site: SiteInfo) -> dict[str, Any]:
    """The pathway as a programme of courses leading to a credential."""
    page = site.absolute(PATHWAY.url(pathway.id))
    totals = pathway_totals(catalogue.objects, pathway)
    body = organisation(catalogue.providers[pathway.awarding_body], site)
    credential: dict[str, Any] = {
        "@type": "EducationalOccupationalCredential",
        "name": pick(pathway.credential.title),
        "educationalLevel": eqf_level(pathway.eqf_level),
        "recognizedBy": body,
        "url": pathway.credential.url or page,
    }
    data: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "EducationalOccupationalProgram",
        "@id": page,
        "url": page,
        "name": pick(pathway.title),
        "description": pick(pathway.description),
        "provider": body,
        "educationalCredentialAwarded": credential,
        "hasCourse": [{"@type": "Course", "@id": site.absolute(UNIT.url(uid)),
                       "name": pick(catalogue.units[uid].title),
                       "url": site.absolute(UNIT.url(uid))}
                      for uid in units_in(catalogue.objects, pathway)],
    }
    if totals.ects is not None and totals.ects.exact:
        data["numberOfCredits"] = {"@type": "QuantitativeValue",
                                   "value": plain_number(totals.ects.low),
                                   "unitText": vocabulary("credit_systems")["ects"].label}
    return data
