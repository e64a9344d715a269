"""Building blocks of ELM 3.1 JSON-LD: official concepts, notes, web pages, places, organisations.

Every builder returns plain dicts in the terms of the EDC JSON-LD context. Nodes without an
`@id` are blank nodes (value objects such as notes, amounts and addresses).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from typing import Any

from generator.content.models import EscoSkill, OtherSkill, Price, Provider
from generator.content.text import number
from generator.content.vocabularies import vocabulary
from generator.kinds import PROVIDER, SiteInfo

Node = dict[str, Any]

EDC_CONTEXT = "http://data.europa.eu/snb/model/context/edc-ap"
"""The context of every ELM document Europass publishes (ELM 3.1, EDC application profile)."""


@cache
def concept(vocab: str, code: str) -> Node:
    """A code as an ELM `Concept`: official URI, its concept scheme, official English label.

    Cached and shared between documents: callers must never change the returned dict.
    """
    source = vocabulary(vocab)
    term = source[code]
    node: Node = {"@id": term.uri, "@type": "Concept", "prefLabel": {"en": term.pref_label}}
    if source.scheme:
        node["inScheme"] = {"@id": source.scheme, "@type": "ConceptScheme"}
    return node


def esco_skill_concept(skill: EscoSkill) -> Node:
    """An ESCO skill; without `inScheme`, which the LOQ shapes expect in another form."""
    return {"@id": skill.uri, "@type": "Concept", "prefLabel": {"en": skill.label}}


def other_skill_concept(skill: OtherSkill) -> Node:
    """A skill of another framework, as a blank node: label, code, and the framework's name.

    Its `url` is no identifier: it is usually the framework's publication, shared by all of
    its skills, and would merge them into one concept.
    """
    node: Node = {"@type": "Concept", "prefLabel": dict(skill.label),
                  "inScheme": {"@type": "ConceptScheme", "prefLabel": {"en": skill.framework}}}
    if skill.code:
        node["notation"] = skill.code
    return node


def note(text: Mapping[str, str], subject: Node | None = None) -> Node:
    """A free-text `Note` in every language of `text`, optionally about a concept."""
    node: Node = {"@type": "Note", "noteLiteral": dict(text)}
    if subject is not None:
        node["subject"] = subject
    return node


def web_resource(url: str, title: Mapping[str, str] | None = None) -> Node:
    """A public web page (`WebResource`)."""
    node: Node = {"@type": "WebResource", "contentURL": url}
    if title:
        node["title"] = dict(title)
    return node


def date_time(day: dt.date, *, end_of_day: bool = False) -> str:
    """A calendar day as `xsd:dateTime`; the last second of the day for ends and deadlines."""
    return f"{day.isoformat()}T{'23:59:59' if end_of_day else '00:00:00'}"


def typed_date_time(day: dt.date) -> Node:
    """An explicitly typed `xsd:dateTime` (for `dc:modified`, which the context types `@id`)."""
    return {"@value": date_time(day), "@type": "xsd:dateTime"}


def decimal_value(value: Decimal) -> Node:
    """An explicitly typed `xsd:decimal` (a JSON number would become integer or double)."""
    return {"@value": number(value), "@type": "xsd:decimal"}


def full_address(*parts: str | None, city: str) -> str:
    """One line for an address: the given parts, then the city unless already named."""
    given = [part for part in parts if part]
    if not any(city.casefold() in part.casefold() for part in given):
        given.append(city)
    return ", ".join(given)


def place(node_id: str, city: str, country: str, line: str, language: str) -> Node:
    """A `Location` with its city and an `Address` with the official country code."""
    return {
        "@id": node_id,
        "@type": "Location",
        "geographicName": {language: city},
        "address": {
            "@type": "Address",
            "countryCode": concept("countries", country),
            "fullAddress": note({language: line}),
        },
    }


def organisation(provider: Provider, site: SiteInfo) -> Node:
    """A provider or awarding body as an ELM `Organisation` (legal name, place, contact)."""
    page = site.absolute(PROVIDER.url(provider.id))
    language = provider.default_language
    node: Node = {
        "@id": organisation_id(provider.id, site),
        "@type": "Organisation",
        "legalName": dict(provider.name),
        "homepage": [web_resource(provider.homepage), web_resource(page)],
        "location": place(f"{page}#location", provider.city, provider.country,
                          full_address(provider.address, city=provider.city), language),
    }
    if provider.short_name and provider.short_name not in provider.name.values():
        node["altLabel"] = {language: provider.short_name}
    notes = [note(text) for text in (provider.description, provider.quality_assurance) if text]
    notes += [note(accreditation_text(a.name, a.body, a.url)) for a in provider.accreditations]
    if notes:
        node["additionalNote"] = notes
    contact = contact_point(provider)
    if contact:
        node["contactPoint"] = contact
    return node


def organisation_id(provider_id: str, site: SiteInfo) -> str:
    """The identifier of a provider's `Organisation` node."""
    return site.absolute(PROVIDER.url(provider_id)) + "#organisation"


def accreditation_text(name: Mapping[str, str], body: str | None,
                       url: str | None) -> dict[str, str]:
    """An accreditation as one line per language: name, who granted it, where to check it."""
    extra = "".join(f" — {part}" for part in (body, url) if part)
    return {language: text + extra for language, text in name.items()}


def contact_point(provider: Provider) -> Node | None:
    """E-mail and phone of a provider, if it gives any."""
    node: Node = {"@type": "ContactPoint"}
    if provider.phone:
        node["phone"] = {"@type": "Phone", "phoneNumber": provider.phone}
    if provider.email:
        node["emailAddress"] = {"@id": f"mailto:{provider.email}", "@type": "Mailbox"}
    return node if len(node) > 1 else None


def price_detail(price: Price) -> Node:
    """The price for one learner; a free offer has no amount (ELM needs a currency for one)."""
    if price.is_free:
        return {"@type": "PriceDetail", "prefLabel": {"en": "Free of charge"}}
    assert price.currency is not None  # the model requires a currency for a paid offer
    return {
        "@type": "PriceDetail",
        "prefLabel": {"en": "Price per learner"},
        "amount": {"@type": "Amount", "unit": concept("currencies", price.currency),
                   # `rdf:value`, not the context's `value` (elm:value), which the shape rejects
                   "rdf:value": decimal_value(price.amount)},
    }
