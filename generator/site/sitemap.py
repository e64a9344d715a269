"""The sitemap: every page of the site with its last real change (sitemaps.org protocol)."""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Iterable, Mapping, Sequence

from lxml import etree

from generator.content.catalogue import Catalogue
from generator.kinds import BY_NAME, SiteInfo
from generator.site.pages import GeneratedPage, default_url, language_versions

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
SITEMAP_LIMIT = 50_000
"""URLs per sitemap file allowed by the sitemaps.org protocol."""


def render(catalogue: Catalogue, site: SiteInfo,
           pages: Sequence[GeneratedPage]) -> dict[str, bytes]:
    """`sitemap.xml` (an index past 50,000 pages), its gzip copy and `robots.txt`."""
    return {**sitemaps(sitemap_entries(catalogue, site, pages), site),
            "robots.txt": robots_txt(site)}


def robots_txt(site: SiteInfo) -> bytes:
    """Everything may be crawled; the sitemap's address (RFC 9309 plus the Sitemap line).

    Crawlers read robots.txt only at the root of a host: a site published under a path
    (`https://host/microvet/`) needs this line in the host's own robots.txt as well.
    """
    return (f"User-agent: *\nAllow: /\n\nSitemap: {site.absolute('sitemap.xml')}\n"
            ).encode("ascii")


def sitemap_entries(catalogue: Catalogue, site: SiteInfo,
                    pages: Sequence[GeneratedPage]) -> list[tuple[str, dt.date | None]]:
    """Every page of the site with its last real change, or None where nothing says.

    An object's page changes with the object (`Catalogue.last_changed`: a unit with its
    `updated` date, which counts its outcomes' changes; anything else with the newest unit
    naming it); the catalogue list with the newest unit; a kind's index with its newest
    object; a hand-written page with its last commit (`site.markdown_lastmod`). Never the
    build time: it would be a lie that makes
    crawlers refetch everything.
    """
    newest = [d for unit in catalogue.units.values() if (d := catalogue.dates[unit.id].updated)]
    everything = max(newest) if newest else None
    written = dict(site.markdown_lastmod)
    entries: list[tuple[str, dt.date | None]] = [(url, written.get(url))
                                                 for url in site.markdown_pages]
    for page in pages:
        if not page.in_sitemap:
            continue
        if page.kind is not None and page.object_id is not None:
            lastmod = catalogue.last_changed(BY_NAME[page.kind].folder, page.object_id)
        elif page.url.startswith("catalogue/"):
            lastmod = everything
        elif page.kind is not None:  # the index of a kind: its newest object
            folder = BY_NAME[page.kind].folder
            changed = [d for oid in catalogue.objects[folder]
                       if (d := catalogue.last_changed(folder, oid))]
            lastmod = max(changed) if changed else None
        else:
            lastmod = None
        entries.append((page.url, lastmod))
    return sorted(dict(entries).items())


def sitemaps(entries: list[tuple[str, dt.date | None]], site: SiteInfo) -> dict[str, bytes]:
    """The sitemap files for `entries`: one `urlset`, or an index and numbered files."""
    chunks = [entries[i:i + SITEMAP_LIMIT] for i in range(0, len(entries), SITEMAP_LIMIT)]
    versions = language_versions((url for url, _ in entries), site.language)
    files: dict[str, bytes] = {}
    if len(chunks) <= 1:
        files["sitemap.xml"] = urlset(chunks[0] if chunks else [], site, versions)
    else:
        names = [f"sitemap-{number}.xml" for number in range(1, len(chunks) + 1)]
        files.update({name: urlset(chunk, site, versions)
                      for name, chunk in zip(names, chunks, strict=True)})
        files["sitemap.xml"] = sitemap_index(names, site)
    files["sitemap.xml.gz"] = gzip.compress(files["sitemap.xml"], mtime=0)
    return files


def urlset(entries: Iterable[tuple[str, dt.date | None]], site: SiteInfo,
           versions: Mapping[str, Mapping[str, str]] | None = None) -> bytes:
    """One sitemaps.org `urlset`; a page in several languages lists every version, itself
    included, and the default one as `x-default` (`xhtml:link`, as search engines read
    `hreflang` in sitemaps)."""
    # lxml-stubs types nsmap keys as str; lxml takes None for the default namespace.
    root = etree.Element(f"{{{SITEMAP}}}urlset",
                         nsmap={None: SITEMAP, "xhtml": XHTML})  # type: ignore[dict-item]
    for path, lastmod in entries:
        url = etree.SubElement(root, f"{{{SITEMAP}}}url")
        etree.SubElement(url, f"{{{SITEMAP}}}loc").text = site.absolute(path)
        if lastmod:
            etree.SubElement(url, f"{{{SITEMAP}}}lastmod").text = lastmod.isoformat()
        alternates = (versions or {}).get(default_url(path, site.language), {})
        if len(alternates) > 1:
            for code, href in sorted(alternates.items()):
                etree.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang=code,
                                 href=site.absolute(href))
            if site.language in alternates:
                etree.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang="x-default",
                                 href=site.absolute(alternates[site.language]))
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def sitemap_index(names: list[str], site: SiteInfo) -> bytes:
    """A sitemaps.org `sitemapindex` pointing at the numbered sitemap files."""
    # lxml-stubs types nsmap keys as str; lxml takes None for the default namespace.
    root = etree.Element(f"{{{SITEMAP}}}sitemapindex", nsmap={None: SITEMAP})  # type: ignore[dict-item]
    for name in names:
        entry = etree.SubElement(root, f"{{{SITEMAP}}}sitemap")
        etree.SubElement(entry, f"{{{SITEMAP}}}loc").text = site.absolute(name)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
