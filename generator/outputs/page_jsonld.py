"""JSON-LD for the head of the pages besides unit pages: who, what and how to search.

Unit pages carry the `Course` and AMB blocks of `schemaorg.py`; provider pages an
`EducationalOrganization` with what it offers; outcome pages a `DefinedTerm` in the
catalogue's set of learning outcomes, `about` its ESCO skills (both registered per kind in
`generator/outputs/__init__.py`); the home and catalogue pages a `WebSite` with a
`SearchAction` (the catalogue's `?query=` address) and an `ItemList` of courses (Google's
course list: at least three, each with name and description), `listing_blocks`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.models import Outcome, Provider, Unit
from generator.content.text import pick
from generator.kinds import UNIT, SiteInfo, catalogue_page_url
from generator.outputs.schemaorg import (
    SCHEMA_CONTEXT,
    offer,
    organisation,
    outcome_term,
    postal_address,
)

CATALOGUE_QUERY_PARAMETER = "query"
"""The catalogue page's search parameter (theme/assets/catalogue.js, `QUERY_PARAMETER`)."""
COURSE_LIST_MINIMUM = 3
"""Google's course list needs at least three courses; a shorter list is left out."""


@dataclass(frozen=True, slots=True)
class Block:
    """One `<script type="application/ld+json">` of a page; `element_id` its HTML id."""

    element_id: str
    data: dict[str, Any]


def listing_blocks(catalogue: Catalogue, site: SiteInfo, units: Sequence[Unit],
                   url: str) -> list[Block]:
    """The home and catalogue pages: the site's search, and the courses the page lists."""
    blocks = [Block("jsonld-website", website(site))]
    listed = course_list(catalogue, units, site, url)
    if listed is not None:
        blocks.append(Block("jsonld-course-list", listed))
    return blocks


def website(site: SiteInfo) -> dict[str, Any]:
    """The site as a `WebSite` whose search is the catalogue page's query address."""
    template = site.absolute(f"{catalogue_page_url(1)}?{CATALOGUE_QUERY_PARAMETER}=")
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "WebSite",
        "@id": site.url,
        "url": site.url,
        "name": site.name,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": template + "{search_term}"},
            # schema.org's Potential Actions convention: the placeholder the query fills.
            "query-input": "required name=search_term",
        },
    }


def course_list(catalogue: Catalogue, units: Sequence[Unit], site: SiteInfo,
                url: str) -> dict[str, Any] | None:
    """The units shown on a page as an `ItemList` of courses, or None for fewer than three."""
    if len(units) < COURSE_LIST_MINIMUM:
        return None
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "ItemList",
        "url": site.absolute(url),
        "numberOfItems": len(units),
        "itemListElement": [
            {"@type": "ListItem", "position": position,
             "item": course_summary(catalogue, unit, site)}
            for position, unit in enumerate(units, start=1)
        ],
    }


def course_summary(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> dict[str, Any]:
    """A unit in a list: what Google's course list reads; the unit page has the rest."""
    page = site.absolute(UNIT.url(unit.id))
    provider = catalogue.provider_of(unit)
    return {
        "@type": "Course",
        "@id": page,
        "url": page,
        "name": pick(unit.title),
        "description": pick(unit.summary),
        "provider": {"@type": "Organization", "@id": organisation(provider, site)["@id"],
                     "name": pick(provider.name), "url": provider.homepage},
    }


def educational_organisation(catalogue: Catalogue, provider: Provider,
                             site: SiteInfo) -> dict[str, Any]:
    """A provider as an `EducationalOrganization`, with its address and its courses on offer."""
    data: dict[str, Any] = {"@context": SCHEMA_CONTEXT,
                            **organisation(provider, site),
                            "@type": "EducationalOrganization"}
    data["address"] = postal_address(provider.city, provider.country, provider.address)
    if provider.description:
        data["description"] = pick(provider.description)
    if provider.email:
        data["email"] = provider.email
    if provider.phone:
        data["telephone"] = provider.phone
    offered = [unit for unit in catalogue.units_of_provider(provider.id)
               if unit.provider == provider.id]
    if offered:
        data["makesOffer"] = [
            {**offer(unit, site.absolute(UNIT.url(unit.id))),
             "itemOffered": {"@type": "Course", "@id": site.absolute(UNIT.url(unit.id)),
                             "name": pick(unit.title)}}
            for unit in offered
        ]
        data["hasOfferCatalog"] = {
            "@type": "OfferCatalog",
            "name": f"Micro-credentials offered by {pick(provider.name)}",
            "numberOfItems": len(offered),
            "itemListElement": [
                {"@type": "ListItem", "position": position,
                 "item": course_summary(catalogue, unit, site)}
                for position, unit in enumerate(offered, start=1)
            ],
        }
    return data


def outcome_definition(catalogue: Catalogue, outcome: Outcome,
                       site: SiteInfo) -> dict[str, Any]:
    """A learning outcome as a `DefinedTerm` of the catalogue's outcomes, about its skills."""
    return {
        "@context": SCHEMA_CONTEXT,
        **outcome_term(outcome, site),
        "termCode": outcome.id,
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "@id": site.absolute("#learning-outcomes"),
            "name": f"{site.name}: learning outcomes",
            "url": site.url,
        },
    }
