"""What the website consists of, independent of the tool that renders it.

The MkDocs plugin turns each `GeneratedPage` into a page rendered with its template; another
presentation shell could do the same from this list.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.text import pick
from generator.i18n import DEFAULT_LANGUAGE, N_, translate
from generator.tools.reference import field_reference

CATALOGUE_PAGE_SIZE = 50
"""Units per page of the plain (no JavaScript) catalogue list."""
PAGER_NEIGHBOURS = 2
"""Pages linked either side of the current one; with the first and last, at most 9 links."""


@dataclass(frozen=True)
class SiteInfo:
    """Where the site is published; every absolute URL in the metadata starts here."""

    url: str
    name: str = "microVET catalogue"
    repo_url: str | None = None
    edit_uri: str | None = None
    markdown_pages: tuple[str, ...] = ()
    """Site paths of the hand-written pages (`""`, `about/`), for the sitemap."""

    def __post_init__(self) -> None:
        if not self.url.endswith("/"):
            object.__setattr__(self, "url", self.url + "/")

    def absolute(self, path: str) -> str:
        """Absolute URL of a path inside the site (`units/x/` -> `https://.../units/x/`)."""
        return self.url + path.lstrip("/")

    def edit_url(self, repository_path: str) -> str | None:
        """Link to the web editor for a file in the repository, if the repository is known."""
        if not self.repo_url or self.edit_uri is None:
            return None
        return self.repo_url.rstrip("/") + "/" + self.edit_uri.strip("/") + "/" + repository_path


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

    @property
    def url(self) -> str:
        """Directory-style URL, e.g. `units/barista-basics/`."""
        stem = self.src_uri.removesuffix(".md")
        return stem.removesuffix("index") if stem.endswith("index") else stem + "/"


@dataclass(frozen=True, slots=True)
class UnitDocument:
    """A machine-readable document published beside each unit page."""

    filename: str
    media_type: str
    title: str


UNIT_DOCUMENTS = (
    UnitDocument("elm.jsonld", "application/ld+json", N_("Europass (ELM) metadata")),
    UnitDocument("achievement.json", "application/ld+json", N_("Open Badges 3.0 achievement")),
    UnitDocument("unit.json", "application/json", N_("Plain JSON, references resolved")),
)
"""Linked from each unit page (`rel="alternate"`) when the build produced them; titles are
English messages, translated where they are shown."""


@dataclass(frozen=True, slots=True)
class PagerLink:
    """One numbered link of the catalogue list's pager."""

    number: int
    url: str


def unit_url(unit_id: str) -> str:
    """Stable path of a unit page; aggregators depend on it."""
    return f"units/{unit_id}/"


def outcome_url(outcome_id: str) -> str:
    """Stable path of an outcome page."""
    return f"outcomes/{outcome_id}/"


def provider_url(provider_id: str) -> str:
    """Stable path of a provider page."""
    return f"providers/{provider_id}/"


def catalogue_page_url(number: int) -> str:
    """Page `number` (1-based) of the plain catalogue list."""
    return "catalogue/" if number == 1 else f"catalogue/page/{number}/"


def markdown_page_urls(docs_dir: Path) -> tuple[str, ...]:
    """Directory-style URLs of the Markdown pages in `docs_dir`, sorted (`index.md` -> `""`)."""
    urls = []
    for path in docs_dir.rglob("*.md"):
        parts = path.relative_to(docs_dir).with_suffix("").parts
        if any(part.startswith(".") for part in parts):  # MkDocs skips hidden files too
            continue
        if parts[-1] in {"index", "README"}:
            parts = parts[:-1]
        urls.append("".join(f"{part}/" for part in parts))
    return tuple(sorted(set(urls)))


def generated_pages(catalogue: Catalogue,
                    language: str = DEFAULT_LANGUAGE) -> list[GeneratedPage]:
    """Every page made from content, worded in `language` (the context key `language`)."""
    pages = [
        GeneratedPage(
            src_uri=f"units/{unit.id}.md", template="unit.html",
            title=pick(unit.title, language), context={"unit": unit, "language": language},
            edit_path=catalogue.source_path("units", unit.id),
            description=pick(unit.summary, language),
        )
        for unit in catalogue.units.values()
    ]
    pages += [
        GeneratedPage(
            src_uri=f"outcomes/{outcome.id}.md", template="outcome.html",
            title=pick(outcome.title, language),
            context={"outcome": outcome, "language": language},
            edit_path=catalogue.source_path("outcomes", outcome.id),
            description=pick(outcome.statement, language),
        )
        for outcome in catalogue.outcomes.values()
    ]
    pages += [
        GeneratedPage(
            src_uri=f"providers/{provider.id}.md", template="provider.html",
            title=pick(provider.name, language),
            context={"training_provider": provider, "language": language},
            edit_path=catalogue.source_path("providers", provider.id),
            description=pick(provider.description, language) or None,
        )
        for provider in catalogue.providers.values()
    ]
    return [*pages, *catalogue_pages(catalogue, language), field_reference_page(language)]


def field_reference_page(language: str = DEFAULT_LANGUAGE) -> GeneratedPage:
    """Every content field and allowed value, made from the models (it cannot drift)."""
    return GeneratedPage(
        src_uri="reference/fields.md", template="fields.html",
        title=translate(language, "Field reference"),
        context={"reference": field_reference(), "language": language},
        description=translate(
            language, "Every field of a unit, outcome and provider file, and every allowed value."),
        in_nav=True,
    )


def catalogue_title(number: int, count: int, language: str = DEFAULT_LANGUAGE) -> str:
    """`Catalogue`, or `Catalogue, page 2 of 7`, in `language`."""
    if number == 1:
        return translate(language, "Catalogue")
    return translate(language, "Catalogue, page %(number)s of %(count)s") % {
        "number": number, "count": count}


def catalogue_pages(catalogue: Catalogue,
                    language: str = DEFAULT_LANGUAGE) -> list[GeneratedPage]:
    """The plain list of all units, split into pages small enough for any phone."""
    units = sorted(catalogue.units.values(),
                   key=lambda u: (pick(u.title, language).casefold(), u.id))
    count = max(1, math.ceil(len(units) / CATALOGUE_PAGE_SIZE))
    pages = []
    for number in range(1, count + 1):
        chunk = units[(number - 1) * CATALOGUE_PAGE_SIZE : number * CATALOGUE_PAGE_SIZE]
        src = "catalogue/index.md" if number == 1 else f"catalogue/page/{number}.md"
        pages.append(GeneratedPage(
            src_uri=src, template="catalogue.html",
            title=catalogue_title(number, count, language),
            context={"units_page": chunk, "page_number": number, "page_count": count,
                     "first_index": (number - 1) * CATALOGUE_PAGE_SIZE + 1,
                     "total_units": len(units), "first_url": catalogue_page_url(1),
                     "previous_url": catalogue_page_url(number - 1) if number > 1 else None,
                     "next_url": catalogue_page_url(number + 1) if number < count else None,
                     "pager": pager(number, count), "language": language},
            description=translate(language, "Every micro-credential in the catalogue."),
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
