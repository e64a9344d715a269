"""What the website consists of, independent of the tool that renders it.

The MkDocs plugin turns each `GeneratedPage` into a page rendered with its template; another
presentation shell could do the same from this list.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.history import fallback_date, git_dates
from generator.content.text import pick
from generator.kinds import KINDS, Kind, catalogue_page_url
from generator.outputs import feeds
from generator.tools.reference import field_reference

CATALOGUE_PAGE_SIZE = 50
"""Units per page of the plain (no JavaScript) catalogue list."""
PAGER_NEIGHBOURS = 2
"""Pages linked either side of the current one; with the first and last, at most 9 links."""


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from content, not from a Markdown file."""

    src_uri: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    edit_path: str | None = None
    description: str | None = None
    in_nav: bool = False
    kind: str | None = None
    """The registry kind of the object the page shows (`unit`), or None for other pages."""
    object_id: str | None = None

    @property
    def url(self) -> str:
        """Directory-style URL, e.g. `units/barista-basics/`."""
        stem = self.src_uri.removesuffix(".md")
        return stem.removesuffix("index") if stem.endswith("index") else stem + "/"


@dataclass(frozen=True, slots=True)
class PagerLink:
    """One numbered link of the catalogue list's pager."""

    number: int
    url: str


def markdown_page_urls(docs_dir: Path) -> tuple[str, ...]:
    """Directory-style URLs of the Markdown pages in `docs_dir`, sorted (`index.md` -> `""`)."""
    return tuple(sorted(set(_markdown_pages(docs_dir).values())))


def _markdown_pages(docs_dir: Path) -> dict[Path, str]:
    """Each Markdown file of `docs_dir` with its directory-style URL."""
    urls = {}
    for path in docs_dir.rglob("*.md"):
        parts = path.relative_to(docs_dir).with_suffix("").parts
        if any(part.startswith(".") for part in parts):  # MkDocs skips hidden files too
            continue
        if parts[-1] in {"index", "README"}:
            parts = parts[:-1]
        urls[path] = "".join(f"{part}/" for part in parts)
    return urls


def markdown_page_dates(docs_dir: Path, root: Path) -> tuple[tuple[str, dt.date], ...]:
    """Each Markdown page's last change: its last commit, else SOURCE_DATE_EPOCH, as content.

    One `git log` for the folder (generator/content/history.py); pages with neither date
    are left out, so the sitemap gives them no `lastmod`.
    """
    history = git_dates(root, docs_dir)
    folder = docs_dir.resolve()
    fallback = fallback_date()
    dates: dict[str, dt.date] = {}
    for path, url in _markdown_pages(docs_dir).items():
        known = history.get(folder / path.relative_to(docs_dir))
        day = known.last if known else fallback
        if day is not None:
            dates[url] = max(day, dates.get(url, day))
    return tuple(sorted(dates.items()))


def generated_pages(catalogue: Catalogue,
                    previous: Mapping[str, GeneratedPage] | None = None) -> list[GeneratedPage]:
    """Every page made from content: one per object of each kind, an index of each kind, the
    catalogue list, and a page for each folder of published files (no prefix answers 404).

    `previous` (pages by source, from an earlier catalogue) are kept where their object is
    the very same (a file the reader did not read again), which a preview of 10,000 units
    notices.
    """
    pages = []
    for kind in KINDS:
        for obj in catalogue.objects[kind.folder].values():
            old = previous.get(kind.page_source(obj.id)) if previous else None
            if old is not None and old.context.get(kind.context_key) is obj:
                pages.append(old)
            else:
                pages.append(object_page(catalogue, kind, obj))
    pages += [kind_index_page(catalogue, kind) for kind in KINDS]
    return [*pages, *catalogue_pages(catalogue), field_reference_page(),
            *folder_pages(catalogue)]


def kind_index_page(catalogue: Catalogue, kind: Kind) -> GeneratedPage:
    """`units/`, `outcomes/`, `providers/`: every object of a kind, by title.

    Units are listed by the catalogue (searchable, paginated), so their index points there.
    """
    objects = sorted(catalogue.objects[kind.folder].values(),
                     key=lambda obj: (pick(kind.title(obj)).casefold(), obj.id))
    return GeneratedPage(
        src_uri=f"{kind.folder}/index.md", template="kind-index.html", title=kind.heading,
        context={"kind": kind, "objects": [] if kind.name == "unit" else objects,
                 "count": len(objects)},
        description=f"Every {kind.name} in the catalogue.", in_nav=kind.name == "provider",
    )


def folder_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    """A page for each folder of published files that has none: its files, linked."""
    selections = feeds.selections(catalogue)
    folders = {
        "catalogue/page/": [(catalogue_page_url(1), "Catalogue, page 1")],
        "reference/": [("reference/fields/", "Field reference")],
        "api/": [("api/units.json", "Every unit as plain JSON"),
                 ("api/units.txt", "The address of every unit page"),
                 ("api/loq.xml", "Every unit for Europass (QDR LOQ XML)")],
        "schemas/": [(f"schemas/{kind.name}.schema.json", f"JSON Schema of a {kind.name} file")
                     for kind in KINDS],
        "feeds/": [("feed.xml", "Every unit (Atom)"),
                   ("feeds/countries/", "By provider country"),
                   ("feeds/fields/", "By field of education")],
        "feeds/countries/": [(s.path, s.title) for s in selections
                             if s.path.startswith("feeds/countries/")],
        "feeds/fields/": [(s.path, s.title) for s in selections
                          if s.path.startswith("feeds/fields/")],
    }
    return [GeneratedPage(src_uri=f"{folder}index.md", template="folder.html",
                          title=f"/{folder}", context={"links": links},
                          description="Files published in this folder.")
            for folder, links in folders.items()]


def catalogue_feeds(catalogue: Catalogue) -> list[dict[str, str]]:
    """The catalogue page's alternate feeds: by provider country and by field of education."""
    return [{"href": s.path, "type": "application/atom+xml", "title": s.title}
            for s in feeds.selections(catalogue)]


def object_page(catalogue: Catalogue, kind: Kind, obj: Any) -> GeneratedPage:
    """The page of one object: its kind's template, URL and edit link."""
    return GeneratedPage(
        src_uri=kind.page_source(obj.id), template=kind.template, title=pick(kind.title(obj)),
        context={kind.context_key: obj}, edit_path=catalogue.source_path(kind.folder, obj.id),
        description=pick(kind.description(obj)) or None, kind=kind.name, object_id=obj.id,
    )


def field_reference_page() -> GeneratedPage:
    """Every content field and allowed value, made from the models (it cannot drift)."""
    return GeneratedPage(
        src_uri="reference/fields.md", template="fields.html", title="Field reference",
        context={"reference": field_reference()},
        description="Every field of a unit, outcome and provider file, and every allowed value.",
        in_nav=True,
    )


def catalogue_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    """The plain list of all units, split into pages small enough for any phone."""
    units = sorted(catalogue.units.values(), key=lambda u: (pick(u.title).casefold(), u.id))
    count = max(1, math.ceil(len(units) / CATALOGUE_PAGE_SIZE))
    pages = []
    for number in range(1, count + 1):
        chunk = units[(number - 1) * CATALOGUE_PAGE_SIZE : number * CATALOGUE_PAGE_SIZE]
        src = "catalogue/index.md" if number == 1 else f"catalogue/page/{number}.md"
        pages.append(GeneratedPage(
            src_uri=src, template="catalogue.html",
            title="Catalogue" if number == 1 else f"Catalogue, page {number} of {count}",
            context={"units_page": chunk, "page_number": number, "page_count": count,
                     "alternates": catalogue_feeds(catalogue) if number == 1 else [],
                     "first_index": (number - 1) * CATALOGUE_PAGE_SIZE + 1,
                     "total_units": len(units), "first_url": catalogue_page_url(1),
                     "previous_url": catalogue_page_url(number - 1) if number > 1 else None,
                     "next_url": catalogue_page_url(number + 1) if number < count else None,
                     "pager": pager(number, count)},
            description="Every micro-credential in the catalogue.",
            in_nav=number == 1,
        ))
    return pages


def pager(number: int, count: int) -> list[PagerLink | None]:
    """Links from page `number` of `count`: the first, the last and the neighbours.

    None marks a gap. The list stays the same length however long the catalogue grows
    (a page linking every other page would make the list quadratic in size).
    """
    low = max(1, number - PAGER_NEIGHBOURS)
    high = min(count, number + PAGER_NEIGHBOURS)
    shown = sorted({1, count, *range(low, high + 1)})
    links: list[PagerLink | None] = []
    for index, page in enumerate(shown):
        if index and page - shown[index - 1] == 2:  # a gap of one page: show that page instead
            links.append(PagerLink(page - 1, catalogue_page_url(page - 1)))
        elif index and page - shown[index - 1] > 2:
            links.append(None)
        links.append(PagerLink(page, catalogue_page_url(page)))
    return links
