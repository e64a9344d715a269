"""Catalogue-level documents: the schema.org list of units and the Atom feeds.

`feed.xml` has every unit; `providers/<id>/feed.xml`, `feeds/countries/<code>.xml` and
`feeds/fields/<code>.xml` have those of one provider, provider country or broad field of
education, each linked (rel=alternate) from the page showing the same units.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from generator.content.catalogue import Catalogue
from generator.content.models import Provider, Unit
from generator.content.serialise import json_bytes
from generator.content.text import pick, pick_language
from generator.content.vocabularies import vocabulary
from generator.kinds import PROVIDER, UNIT, SiteInfo, catalogue_page_url
from generator.outputs.common import atom_date, licence_uri, metadata_licence, metadata_licence_uri
from generator.outputs.schemaorg import SCHEMA_CONTEXT

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 200
"""Entries in feed.xml: the most recently changed units (api/units.json has them all)."""
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """`catalogue.jsonld`, `feed.xml`, and a feed per provider country and field of education."""
    files = {
        "catalogue.jsonld": json_bytes(catalogue_list(catalogue, site)),
        "feed.xml": atom_feed(catalogue, site),
    }
    for selection in selections(catalogue):
        files[selection.path] = atom_feed(catalogue, site, selection)
    return files


@dataclass(frozen=True, slots=True)
class Selection:
    """The units of one feed other than the main one: a provider's, a country's, a field's."""

    path: str
    title: str
    page: str
    """Site path of the HTML page showing the same units."""
    units: tuple[Unit, ...]


def selections(catalogue: Catalogue) -> list[Selection]:
    """A feed per provider country and per broad field of education (the catalogue facets)."""
    countries: dict[str, list[Unit]] = {}
    fields: dict[str, list[Unit]] = {}
    for unit in catalogue.units.values():
        countries.setdefault(catalogue.provider_of(unit).country, []).append(unit)
        fields.setdefault(broad_field(unit.isced_f), []).append(unit)
    found = [Selection(country_feed_path(code), f"providers in {label('countries', code)}",
                       f"{catalogue_page_url(1)}?country={code}", tuple(units))
             for code, units in sorted(countries.items())]
    found += [Selection(field_feed_path(code), label("isced_f", code),
                        f"{catalogue_page_url(1)}?field={code}", tuple(units))
              for code, units in sorted(fields.items())]
    return found


def provider_feed(catalogue: Catalogue, provider: Provider, site: SiteInfo) -> bytes:
    """`providers/<id>/feed.xml`: the units a provider offers or co-awards."""
    page = PROVIDER.url(provider.id)
    return atom_feed(catalogue, site, Selection(
        f"{page}feed.xml", pick(provider.name), page,
        tuple(catalogue.units_of_provider(provider.id))))


def broad_field(isced_f: str) -> str:
    """The two-digit ISCED-F broad field of a field code (the catalogue's field facet)."""
    return str(vocabulary("isced_f")[isced_f].extra["broad"])


def country_feed_path(code: str) -> str:
    """Site path of the feed of units from providers in one country."""
    return f"feeds/countries/{code.lower()}.xml"


def field_feed_path(code: str) -> str:
    """Site path of the feed of units in one broad field of education."""
    return f"feeds/fields/{code}.xml"


def label(vocab: str, code: str) -> str:
    """A code's plain-words label."""
    return vocabulary(vocab)[code].label


# --- catalogue.jsonld -----------------------------------------------------------------------


def catalogue_list(catalogue: Catalogue, site: SiteInfo) -> dict[str, object]:
    """Every unit as a schema.org `ItemList` of page URLs, in the catalogue page's order.

    Also typed `CreativeWork`, because `license` and `sdLicense` are properties of creative
    works and a bare `ItemList` cannot carry the licence of the list itself.
    """
    units = sorted(catalogue.units.values(), key=lambda u: (pick(u.title).casefold(), u.id))
    data: dict[str, object] = {
        "@context": SCHEMA_CONTEXT,
        "@type": ["ItemList", "CreativeWork"],
        "@id": site.absolute("catalogue.jsonld"),
        "name": f"{site.name}: all micro-credentials",
        "url": site.absolute(catalogue_page_url(1)),
        "numberOfItems": len(units),
        "itemListOrder": "https://schema.org/ItemListOrderAscending",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "url": site.absolute(UNIT.url(unit.id)),
             "name": pick(unit.title)}
            for position, unit in enumerate(units, start=1)
        ],
        "license": metadata_licence_uri(),
        "sdLicense": metadata_licence_uri(),
    }
    newest = latest(catalogue, catalogue.units.values())
    if newest:
        data["dateModified"] = newest.isoformat()
    return data


# --- feed.xml ---------------------------------------------------------------------------------


def atom_feed(catalogue: Catalogue, site: SiteInfo, selection: Selection | None = None) -> bytes:
    """An Atom 1.0 feed (RFC 4287) of the most recently changed units, newest first.

    Without a selection, every unit (`feed.xml`); with one, its units at its path.

    Units without any date (no `updated`, no git history, no SOURCE_DATE_EPOCH) cannot be
    placed in time and are left out; the feed's own `updated` is its newest entry's, or the
    Unix epoch for a feed with none, never the build time.
    """
    path = selection.path if selection else "feed.xml"
    page = selection.page if selection else catalogue_page_url(1)
    title = f"{site.name}: micro-credentials"
    if selection:
        title += f" ({selection.title})"
    entries = newest_first(catalogue, selection.units if selection else None)[:FEED_SIZE]
    # lxml-stubs types nsmap keys as str; lxml takes None for the default namespace.
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})  # type: ignore[dict-item]
    feed.set(_XML_LANG, "en")
    _text(feed, "id", site.absolute(path))
    _text(feed, "title", title)
    _text(feed, "subtitle", "Vocational micro-credentials, most recently changed first.")
    newest = catalogue.dates[entries[0].id].updated if entries else None
    _text(feed, "updated", atom_date(newest or dt.date(1970, 1, 1)))
    _link(feed, site.absolute(path), "self", "application/atom+xml")
    _link(feed, site.absolute(page), "alternate", "text/html")
    _link(feed, metadata_licence_uri(), "license")
    author = etree.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", site.name)
    _text(author, "uri", site.url)
    _text(feed, "rights", f"Metadata: {metadata_licence().label}")
    generator = _text(feed, "generator", "microVET catalogue")
    if site.repo_url:
        generator.set("uri", site.repo_url)
    for unit in entries:
        feed.append(feed_entry(catalogue, unit, site))
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True)


def feed_entry(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> etree._Element:
    """One unit as an Atom entry: title, summary, dates, provider, licence and codes."""
    dates = catalogue.dates[unit.id]
    page = site.absolute(UNIT.url(unit.id))
    entry = etree.Element(f"{{{ATOM}}}entry")
    entry.set(_XML_LANG, pick_language(unit.title))
    _text(entry, "id", page)
    _text(entry, "title", pick(unit.title))
    _link(entry, page, "alternate", "text/html")
    _link(entry, site.absolute(f"{UNIT.url(unit.id)}unit.json"), "alternate", "application/json")
    # RFC 4946: the licence of what the entry describes, the course materials.
    licence = licence_uri(unit.license)
    if licence is not None:  # all rights reserved: no licence to link
        _link(entry, licence, "license")
    if dates.published:
        _text(entry, "published", atom_date(dates.published))
    assert dates.updated is not None  # newest_first() keeps dated units only
    _text(entry, "updated", atom_date(dates.updated))
    provider = catalogue.provider_of(unit)
    author = etree.SubElement(entry, f"{{{ATOM}}}author")
    _text(author, "name", pick(provider.name))
    _text(author, "uri", site.absolute(PROVIDER.url(provider.id)))
    _text(entry, "summary", pick(unit.summary))
    for vocab, code in (("eqf_levels", unit.eqf_level), ("isced_f", unit.isced_f),
                        ("modes", unit.mode)):
        scheme = vocabulary(vocab)
        category = etree.SubElement(entry, f"{{{ATOM}}}category", term=code,
                                    label=scheme[code].label)
        if scheme.scheme:
            category.set("scheme", scheme.scheme)
    return entry


def newest_first(catalogue: Catalogue, units: Iterable[Unit] | None = None) -> list[Unit]:
    """Dated units (all, or `units`), most recently changed first; ties in id order."""
    dated = [(day, unit) for unit in (catalogue.units.values() if units is None else units)
             if (day := catalogue.dates[unit.id].updated) is not None]
    dated.sort(key=lambda pair: (-pair[0].toordinal(), pair[1].id))
    return [unit for _, unit in dated]


def _text(parent: etree._Element, name: str, text: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = text
    return element


def _link(parent: etree._Element, href: str, rel: str, media_type: str | None = None) -> None:
    link = etree.SubElement(parent, f"{{{ATOM}}}link", href=href, rel=rel)
    if media_type:
        link.set("type", media_type)


def latest(catalogue: Catalogue, units: Iterable[Unit]) -> dt.date | None:
    """The newest `updated` date among `units`, or None."""
    dates = [d for d in (catalogue.dates[u.id].updated for u in units) if d]
    return max(dates) if dates else None
