"""Catalogue-level documents: the schema.org list of units, the Atom feed and the sitemap."""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Iterable

from lxml import etree

from generator.content.catalogue import Catalogue
from generator.content.models import Unit
from generator.content.serialise import json_bytes
from generator.content.text import pick, pick_language
from generator.content.vocabularies import vocabulary
from generator.outputs.common import atom_date, licence_uri, metadata_licence, metadata_licence_uri
from generator.outputs.schemaorg import SCHEMA_CONTEXT
from generator.site.pages import (
    SiteInfo,
    catalogue_page_url,
    generated_pages,
    provider_url,
    unit_url,
)

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEED_SIZE = 200
"""Entries in feed.xml: the most recently changed units (api/units.json has them all)."""
SITEMAP_LIMIT = 50_000
"""URLs per sitemap file allowed by the sitemaps.org protocol."""
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """`catalogue.jsonld`, `feed.xml`, `sitemap.xml` (+ `.gz`, replacing MkDocs' own)."""
    files = {
        "catalogue.jsonld": json_bytes(catalogue_list(catalogue, site)),
        "feed.xml": atom_feed(catalogue, site),
    }
    files.update(sitemaps(catalogue, site))
    return files


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
            {"@type": "ListItem", "position": position, "url": site.absolute(unit_url(unit.id)),
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


def atom_feed(catalogue: Catalogue, site: SiteInfo) -> bytes:
    """An Atom 1.0 feed (RFC 4287) of the most recently changed units, newest first.

    Units without any date (no `updated`, no git history, no SOURCE_DATE_EPOCH) cannot be
    placed in time and are left out; the feed's own `updated` is its newest entry's, or the
    Unix epoch for a feed with none, never the build time.
    """
    entries = newest_first(catalogue)[:FEED_SIZE]
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    feed.set(_XML_LANG, "en")
    _text(feed, "id", site.absolute("feed.xml"))
    _text(feed, "title", f"{site.name}: micro-credentials")
    _text(feed, "subtitle", "Vocational micro-credentials, most recently changed first.")
    newest = catalogue.dates[entries[0].id].updated if entries else None
    _text(feed, "updated", atom_date(newest or dt.date(1970, 1, 1)))
    _link(feed, site.absolute("feed.xml"), "self", "application/atom+xml")
    _link(feed, site.absolute(catalogue_page_url(1)), "alternate", "text/html")
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
    page = site.absolute(unit_url(unit.id))
    entry = etree.Element(f"{{{ATOM}}}entry")
    entry.set(_XML_LANG, pick_language(unit.title))
    _text(entry, "id", page)
    _text(entry, "title", pick(unit.title))
    _link(entry, page, "alternate", "text/html")
    _link(entry, site.absolute(f"{unit_url(unit.id)}unit.json"), "alternate", "application/json")
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
    _text(author, "uri", site.absolute(provider_url(provider.id)))
    _text(entry, "summary", pick(unit.summary))
    for vocab, code in (("eqf_levels", unit.eqf_level), ("isced_f", unit.isced_f),
                        ("modes", unit.mode)):
        scheme = vocabulary(vocab)
        category = etree.SubElement(entry, f"{{{ATOM}}}category", term=code,
                                    label=scheme[code].label)
        if scheme.scheme:
            category.set("scheme", scheme.scheme)
    return entry


def newest_first(catalogue: Catalogue) -> list[Unit]:
    """Dated units, most recently changed first; ties in id order so builds agree."""
    dated = [(day, unit) for unit in catalogue.units.values()
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


# --- sitemap.xml ------------------------------------------------------------------------------


def sitemap_entries(catalogue: Catalogue, site: SiteInfo) -> list[tuple[str, dt.date | None]]:
    """Every page of the site with its last real change, or None where nothing says.

    A unit page changes with its `updated` date (which already counts its outcomes' changes);
    an outcome, provider or catalogue page with the newest unit it lists. Hand-written pages
    carry no date: the build date would be a lie that makes crawlers refetch everything.
    """
    everything = latest(catalogue, catalogue.units.values())
    entries: list[tuple[str, dt.date | None]] = [(url, None) for url in site.markdown_pages]
    for page in generated_pages(catalogue):
        kind, _, rest = page.url.partition("/")
        object_id = rest.rstrip("/")
        if kind == "units":
            lastmod = catalogue.dates[object_id].updated
        elif kind == "outcomes":
            lastmod = latest(catalogue, catalogue.units_with_outcome(object_id))
        elif kind == "providers":
            lastmod = latest(catalogue, catalogue.units_of_provider(object_id))
        elif kind == "catalogue":
            lastmod = everything
        else:
            lastmod = None
        entries.append((page.url, lastmod))
    return sorted(dict(entries).items())


def sitemaps(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """`sitemap.xml` (an index past 50,000 pages) and its gzip copy, both deterministic."""
    entries = sitemap_entries(catalogue, site)
    chunks = [entries[i:i + SITEMAP_LIMIT] for i in range(0, len(entries), SITEMAP_LIMIT)]
    files: dict[str, bytes] = {}
    if len(chunks) <= 1:
        files["sitemap.xml"] = urlset(chunks[0] if chunks else [], site)
    else:
        names = [f"sitemap-{number}.xml" for number in range(1, len(chunks) + 1)]
        files.update({name: urlset(chunk, site) for name, chunk in zip(names, chunks, strict=True)})
        files["sitemap.xml"] = sitemap_index(names, site)
    # MkDocs writes its own sitemap.xml.gz; replace it so the two never disagree.
    files["sitemap.xml.gz"] = gzip.compress(files["sitemap.xml"], mtime=0)
    return files


def urlset(entries: Iterable[tuple[str, dt.date | None]], site: SiteInfo) -> bytes:
    """One sitemaps.org `urlset`."""
    root = etree.Element(f"{{{SITEMAP}}}urlset", nsmap={None: SITEMAP})
    for path, lastmod in entries:
        url = etree.SubElement(root, f"{{{SITEMAP}}}url")
        etree.SubElement(url, f"{{{SITEMAP}}}loc").text = site.absolute(path)
        if lastmod:
            etree.SubElement(url, f"{{{SITEMAP}}}lastmod").text = lastmod.isoformat()
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def sitemap_index(names: list[str], site: SiteInfo) -> bytes:
    """A sitemaps.org `sitemapindex` pointing at the numbered sitemap files."""
    root = etree.Element(f"{{{SITEMAP}}}sitemapindex", nsmap={None: SITEMAP})
    for name in names:
        entry = etree.SubElement(root, f"{{{SITEMAP}}}sitemap")
        etree.SubElement(entry, f"{{{SITEMAP}}}loc").text = site.absolute(name)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def latest(catalogue: Catalogue, units: Iterable[Unit]) -> dt.date | None:
    """The newest `updated` date among `units`, or None."""
    dates = [d for d in (catalogue.dates[u.id].updated for u in units) if d]
    return max(dates) if dates else None
