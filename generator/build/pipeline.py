"""The build, in two phases and without MkDocs: gather and check everything, then publish.

    plan = gather(content, root, site)        # read, validate, cross-check; list every page
    publish(plan, Path("site"), render_pages)  # outputs, pages, atomic swap

`gather` writes nothing: a content problem raises `ContentError` listing all of them. `publish`
builds into a hidden sibling of the site folder, renders every machine-readable file (a
background thread writes them while the next renderer and the pages run), lets the
presentation shell write the HTML pages, and swaps the result in only when all of it
succeeded. The MkDocs plugin calls the same steps from its events (`Publication`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.build.atomic import Swap
from generator.build.timings import StageClock
from generator.build.writer import BackgroundWriter
from generator.content.catalogue import Catalogue, CatalogueReader
from generator.kinds import BY_NAME, SiteInfo
from generator.outputs import alternates, embedded_blocks, render_each
from generator.outputs.page_jsonld import listing_blocks
from generator.site import sitemap
from generator.site.pages import (
    GeneratedPage,
    default_url,
    language_versions,
    page_language,
    site_pages,
    source_url,
)

HOME_LIST_SIZE = 6
"""Units the home page shows ("Recently updated", theme/home.html), listed in its JSON-LD."""
PageRenderer = Callable[[Path], None]
"""Writes the HTML pages of a plan into the given folder (the presentation shell's part)."""


@dataclass(frozen=True)
class Plan:
    """Everything one build publishes, gathered and checked before anything is written."""

    catalogue: Catalogue
    site: SiteInfo
    pages: tuple[GeneratedPage, ...]
    by_source: Mapping[str, GeneratedPage] = field(init=False, repr=False)
    versions: Mapping[str, Mapping[str, str]] = field(init=False, repr=False)
    """Each page's versions: {default-language URL: {language: URL}}."""
    localised: Mapping[str, frozenset[str]] = field(init=False, repr=False)
    """The URLs published in each language other than the default (`<language>/...`)."""
    copied_markdown: frozenset[str] = field(init=False, repr=False)
    """URLs of the hand-written pages published as a copy of the default-language page."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_source", {page.src_uri: page for page in self.pages})
        object.__setattr__(self, "copied_markdown",
                           frozenset(url for url, _ in self.site.markdown_fallbacks))
        urls = [*(page.url for page in self.pages), *self.site.markdown_pages]
        default = self.site.language
        object.__setattr__(self, "versions", language_versions(urls, default))
        by_language: dict[str, set[str]] = {}
        for url in urls:
            by_language.setdefault(page_language(url, default), set()).add(url)
        object.__setattr__(self, "localised", {language: frozenset(found)
                                               for language, found in by_language.items()
                                               if language != default})

    def language_context(self, url: str) -> dict[str, Any]:
        """A page's language, its versions in the others and the pages of its language."""
        default = self.site.language
        language = page_language(url, default)
        return {"language": language,
                "language_versions": self.versions.get(default_url(url, default), {}),
                "localised_urls": self.localised.get(language, frozenset())}

    def page_context(self, page: GeneratedPage) -> dict[str, Any]:
        """What the page's template receives besides the shell's own variables."""
        context: dict[str, Any] = {"catalogue": self.catalogue, "site_info": self.site,
                                   **self.language_context(page.url), **page.context,
                                   "source_path": page.edit_path}
        if page.kind is not None and page.object_id is not None:
            kind = BY_NAME[page.kind]
            obj = self.catalogue.objects[kind.folder][page.object_id]
            context["jsonld"] = embedded_blocks(self.catalogue, kind, obj, self.site)
            context["alternates"] = alternates(kind, page.object_id)
        elif "units_page" in page.context:
            context["jsonld"] = listing_blocks(self.catalogue, self.site,
                                               page.context["units_page"], page.url)
        return context

    def markdown_context(self, src_uri: str) -> dict[str, Any]:
        """What a hand-written page's template receives: the home page lists recent units."""
        url = source_url(src_uri)
        context: dict[str, Any] = {"catalogue": self.catalogue, "site_info": self.site,
                                   **self.language_context(url)}
        if url in self.copied_markdown:  # the default text, in this language's interface
            context["content_language"] = self.site.language
        if default_url(url, self.site.language) == "":  # the home page, in any language
            context["jsonld"] = listing_blocks(
                self.catalogue, self.site, self.catalogue.recently_updated(HOME_LIST_SIZE), url)
        return context


def gather(content: Path, root: Path, site: SiteInfo, clock: StageClock | None = None,
           reader: CatalogueReader | None = None) -> Plan:
    """Read and check all content and list every generated page; write nothing.

    A `reader` kept from an earlier call re-reads only the files changed since (the preview,
    generator/site/preview.py, which then lists the pages itself, the edited objects' first).
    """
    clock = clock or StageClock(enabled=False)
    catalogue = (reader or CatalogueReader(content, root=root)).read()
    clock.lap("read and validate")
    pages = site_pages(catalogue, None, site.language)
    plan = Plan(catalogue, site, tuple(pages))
    clock.lap("pages: list")
    return plan


class Publication:
    """Writing one plan into a site folder: outputs in the background, then the swap."""

    def __init__(self, plan: Plan, site_dir: Path, *, atomic: bool = True,
                 clock: StageClock | None = None) -> None:
        self.plan = plan
        self.clock = clock or StageClock(enabled=False)
        self.swap = Swap(site_dir) if atomic else None
        self.folder = self.swap.staging if self.swap else site_dir
        self._writer: BackgroundWriter | None = None

    def write_outputs(self) -> None:
        """Render every machine-readable file; a background thread writes them.

        Their bytes are half the site: written as they come, they are never all in memory.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        self._writer = BackgroundWriter(self.folder)
        plan = self.plan
        for name, files in render_each(plan.catalogue, plan.site):
            self._writer.write(files)
            self.clock.lap(f"outputs: {name}")
        self._writer.write(sitemap.render(plan.catalogue, plan.site, plan.pages))
        self.clock.lap("outputs: sitemap")

    def finish(self) -> None:
        """Wait until every output is written; raise the writer's first error."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.finish()

    def commit(self) -> None:
        """Swap the finished folder in place of the site (no moment without a site)."""
        if self.swap is not None:
            self.swap.commit()
            self.swap = None

    def abandon(self) -> None:
        """Stop writing and forget the staging folder; the previous site is untouched."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.cancel()
        if self.swap is not None:
            self.swap.abandon()
            self.swap = None


def publish(plan: Plan, site_dir: Path, render_pages: PageRenderer | None = None, *,
            atomic: bool = True, clock: StageClock | None = None) -> None:
    """Write the plan's outputs and pages into `site_dir`, all or nothing."""
    publication = Publication(plan, site_dir, atomic=atomic, clock=clock)
    try:
        publication.write_outputs()
        if render_pages is not None:
            render_pages(publication.folder)
        publication.finish()
    except BaseException:
        publication.abandon()
        raise
    publication.commit()
