"""The MkDocs plugin: a thin adapter between MkDocs events and the build pipeline.

on_config       `pipeline.gather`: read and validate all content, list the pages (nothing
                written); for `mkdocs build`, build into a staging folder beside site/
on_files        add one virtual file per generated page; start `Publication.write_outputs`
on_env          register the template filters and the Content-Security-Policy
on_page_*       hand each generated page its template, title and `Plan.page_context`
on_post_build   wait for the outputs (`Publication.finish`)
on_build_error  `Publication.abandon`: site/ is untouched
on_shutdown     `Publication.commit`, after MkDocs' own `--strict` verdict (a build that
                counted warnings ends in on_build_error instead)
on_serve        rebuild when content/ changes

MICROVET_TIMINGS=1 logs the time of each stage (generator/build/timings.py).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from generator import i18n
from generator.build.pipeline import Plan, Publication, gather
from generator.build.timings import StageClock
from generator.collector import collecting_rarely
from generator.content.catalogue import CatalogueReader
from generator.content.errors import ContentError
from generator.i18n import N_
from generator.kinds import SiteInfo
from generator.site import csp, templating
from generator.site.minify import minify_assets
from generator.site.pages import (
    default_url,
    markdown_fallbacks,
    markdown_page_dates,
    markdown_page_urls,
)

log = logging.getLogger("mkdocs.plugins.microvet")
PAGES_LOG = logging.getLogger("mkdocs.structure.pages")
"""MkDocs' page module's log, whose level decides whether a page records its anchor links."""

NAV_TITLES = (N_("Home"), N_("Catalogue"), N_("Providers"), N_("Pathways"), N_("Skills"),
              N_("Skills gaps"), N_("Statistics"), N_("About"), N_("About micro-credentials"),
              N_("Data for aggregators"), N_("Field reference"), N_("Completeness"))
"""The titles of mkdocs.yml's navigation, marked for translation (a test checks the list)."""
EMPTY_TABINDEX = ' tabindex=""'
"""Material's invalid attribute on the open section's label, removed from every page."""
RELATIVE_HTML_LINK = re.compile(r"""(\b(?:href|src)=["'])\.\./""")
"""An HTML attribute with a link that climbs out of the page's folder."""
OWN_FILES = ("sitemap.xml", "sitemap.xml.gz")
"""Files MkDocs or the theme would write that the pipeline writes instead."""
MATERIAL_SEARCH = ("assets/javascripts/workers/", "assets/javascripts/lunr/")
"""Material's search worker and its lunr language packs: the site's one search is the
catalogue's (theme/partials/header.html), so the theme's own is not published."""


class TemplatePage(Page):
    """A page made from content: its template writes all of it, and its Markdown is empty.

    MkDocs builds a Markdown converter with every extension for each page (a tenth of a
    generated page's time) to convert nothing: this gives what that conversion gives for an
    empty source. MkDocs lets a plugin set a file's page to a `Page` of its own (on_files).
    """

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown:
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        if PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = {}


@dataclass(frozen=True)
class Shell:
    """The MkDocs objects a build rendered its pages with: enough to render one page again."""

    config: MkDocsConfig
    files: Files
    env: Environment | None
    nav: Navigation | None


class MicrovetConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__
    """Options under `plugins: - microvet:` in mkdocs.yml."""

    content_dir = config_options.Type(str, default="content")
    atomic = config_options.Type(bool, default=True)
    editor_auth_url = config_options.Type(str, default="")
    """The OAuth provider the web editor logs in to GitHub through (CONTRIBUTING.md)."""


class MicrovetPlugin(BasePlugin[MicrovetConfig]):  # type: ignore[no-untyped-call]  # likewise
    """Builds the catalogue pages and metadata from content/*.yaml."""

    def __init__(self) -> None:
        self.command = "build"
        self.plan: Plan | None = None
        self.publication: Publication | None = None
        self.clock = StageClock()
        self.reader: CatalogueReader | None = None
        """Kept across the rebuilds of a preview, which then re-read changed files only."""
        self.shell: Shell | None = None
        """What MkDocs rendered the pages with, for `generator/site/preview.py`."""
        self._borrowed_active: Page | None = None
        """The navigation entry marked active while a language version of it renders."""
        self._nav_pages: dict[str, Page] = {}
        """The navigation's pages by URL."""
        self._nav_items: list[Any] = []
        """Every entry of the navigation: pages, sections and links."""
        self._nav_targets_at_or_below: set[str] = set()
        """The URLs that the navigation links to in any language, and every folder above them."""
        self._collector = ExitStack()
        """Holds the cycle collector's build thresholds from on_config to the build's end."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.clock.start()
        self._collector.enter_context(collecting_rarely())
        root = Path(config.config_file_path).parent
        language = _interface_language(config)
        # A translation into the default language itself (`pages/it/` when the site is Italian)
        # would duplicate the root: left out (on_files).
        markdown = tuple(url for url in markdown_page_urls(Path(config.docs_dir))
                         if not url.startswith(f"{language}/"))
        fallbacks = markdown_fallbacks(markdown, language)
        written = dict(markdown_page_dates(Path(config.docs_dir), root))
        written.update({url: written[copied] for url, copied in fallbacks.items()
                        if copied in written})
        site = SiteInfo(
            url=config.site_url or "http://localhost:8000/",
            name=config.site_name, repo_url=config.repo_url, edit_uri=config.edit_uri,
            markdown_pages=tuple(sorted({*markdown, *fallbacks})),
            markdown_lastmod=tuple(sorted(written.items())),
            markdown_fallbacks=tuple(fallbacks.items()),
            language=language,
            editor_auth_url=self.config.editor_auth_url or None,
        )
        content = root / self.config.content_dir
        if self.reader is None or self.reader.content != content:
            self.reader = CatalogueReader(content, root=root)
        try:
            self.plan = gather(content, root, site, self.clock, self.reader)
        except ContentError as error:
            raise PluginError(
                f"{len(error.problems)} problem(s) in the content:\n{error}") from None
        # Content warnings do not fail a build (`mkdocs build --strict` counts only MkDocs'
        # own warnings); `microvet check --strict` is where they fail.
        for warning in self.plan.catalogue.warnings:
            log.info("%s", warning)
        # Our sitemap lists every page with its real date: MkDocs must not write its own
        # (nor copy the template as a file: see on_files).
        config.theme.static_templates.discard("sitemap.xml")
        if self.command != "serve":
            self.reader = None  # a build reads once: keep no copy of every file
        atomic = self.config.atomic and self.command in {"build", "gh-deploy"}
        self.publication = Publication(self.plan, Path(config.site_dir), atomic=atomic,
                                       clock=self.clock)
        config.site_dir = str(self.publication.folder)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.plan is not None and self.publication is not None  # set by on_config
        self.clock.lap("MkDocs: clean site folder, find files")
        for name in OWN_FILES:
            if (theirs := files.get_file_from_path(name)) is not None:
                files.remove(theirs)
        for file in [f for f in files if f.src_uri.startswith(MATERIAL_SEARCH)]:
            files.remove(file)
        default = self.plan.site.language
        for file in [f for f in files.documentation_pages()
                     if f.src_uri.startswith(f"{default}/")]:
            log.info("%s left out: the site's default language (%s) is at the root",
                     file.src_uri, default)
            files.remove(file)
        docs_prefix = _docs_prefix(config)
        fallbacks = dict(self.plan.site.markdown_fallbacks)
        for file in files.documentation_pages():
            file.edit_uri = docs_prefix + file.src_uri
            for url, copied in fallbacks.items():  # untranslated: the default page's text
                if file.url == copied and file.abs_src_path is not None:
                    language = url.split("/", 1)[0]
                    copy = File.generated(config, f"{language}/{file.src_uri}",
                                          abs_src_path=file.abs_src_path,
                                          inclusion=InclusionLevel.NOT_IN_NAV)
                    copy.edit_uri = file.edit_uri
                    files.append(copy)
        for page in self.plan.pages:
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src_uri, content="", inclusion=inclusion)
            file.edit_uri = page.edit_path
            if not page.in_nav:  # (MkDocs makes the navigation's pages, with their titles)
                TemplatePage(None, file, config)
            files.append(file)
        self.clock.lap("pages: add generated files")
        self.publication.write_outputs()
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self.clock.lap("pages: navigation, Markdown")
        assert self.plan is not None  # set by on_config
        templating.register(env, self.plan.site.language)
        env.globals["remembered_navigation"] = self._remembered_navigation
        # `mkdocs serve` injects an inline live-reload script that no policy can foresee.
        env.globals["content_security_policy"] = (
            None if self.command == "serve" else _page_policy(env, config))
        self.shell = Shell(config, files, env, self.shell.nav if self.shell else None)
        self.clock.lap("theme environment, CSP")
        return env

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.shell = Shell(config, files, None, nav)
        self._nav_pages = {item.url: item for item in nav.pages}
        self._nav_items = []
        items = list(nav)
        while items:
            item = items.pop()
            self._nav_items.append(item)
            items.extend(getattr(item, "children", None) or ())
        targets = {url for page in nav.pages for url in
                   (page.url, *(f"{language}/{page.url}" for language in i18n.LANGUAGES))}
        self._nav_targets_at_or_below = {"", *targets, *(
            target[:end + 1] for target in targets
            for end, character in enumerate(target) if character == "/")}
        return nav

    @pass_context
    def _remembered_navigation(self, context: Context, name: str, *,
                               caller: Callable[[], str]) -> str:
        """`{% call remembered_navigation("tabs") %}`: Material's navigation, rendered once
        for the pages outside it that open the same sections, per language and folder.

        A page in the navigation renders its own (its entry is marked as the current page).
        """
        page = context.get("page")
        if page is None or self._nav_pages.get(page.url) is page:
            return caller()
        opened = tuple(id(item) for item in self._nav_items if item.active)
        hidden = tuple(page.meta.get("hide") or ())
        return templating.memo_of(context.environment).part(
            context, (name, opened, hidden), caller, self._nav_targets_at_or_below.__contains__)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        if self.plan is not None and page.url in self.plan.copied_markdown:
            # A copy one folder deeper than its original: its raw HTML links (MkDocs rewrites
            # only Markdown links to files) climb one more level.
            return RELATIVE_HTML_LINK.sub(r"\1../../", markdown)
        generated = self._generated(page)
        if generated is not None:
            # MkDocs renders templates without autoescaping, and Material prints the title
            # and description raw: escape content text here, once.
            page.meta["template"] = generated.template
            page.meta["title"] = escape(generated.title)
            if generated.description:
                page.meta["description"] = escape(generated.description)
            # Wide data pages: no sidebars. (Material's sidebar would also give a page without
            # headings of its own an unlabelled `__toc` checkbox.)
            page.meta["hide"] = ["navigation", "toc"]
        return markdown

    def _navigation_entry(self, page: Page) -> Page | None:
        """The page's place in the navigation: itself, or for a language version outside the
        navigation (`de/statistics/`), the default-language page it translates."""
        assert self.plan is not None  # set by on_config
        return self._nav_pages.get(default_url(page.url, self.plan.site.language))

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        assert self.plan is not None  # set by on_config
        # MkDocs types the context as a closed TypedDict; themes and plugins add their own keys.
        variables = cast(dict[str, Any], context)
        generated = self._generated(page)
        if generated is not None:
            variables.update(self.plan.page_context(generated))
        else:
            variables.update(self.plan.markdown_context(page.file.src_uri))
        self._translate_navigation(variables["language"])
        # The tab and sidebar of a language version show where its original is in the
        # navigation (MkDocs marks only the page itself, and only pages in the navigation).
        entry = self._navigation_entry(page)
        if entry is not None and entry is not page and not entry.active:
            entry.active = True
            self._borrowed_active = entry
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self._borrowed_active is not None:
            self._borrowed_active.active = False  # also clears its sections (MkDocs' setter)
            self._borrowed_active = None
        # Material's navigation gives the label of the open section an empty `tabindex`, which
        # is invalid HTML (partials/nav-item.html: `tabindex="{{ tabindex }}"` with none set).
        return output.replace(EMPTY_TABINDEX, "")

    def _translate_navigation(self, language: str) -> None:
        """Title the navigation in the page's language, just before the page is rendered.

        MkDocs has one navigation for the whole site, titled in mkdocs.yml, and renders the
        pages one after another: each page sets the titles for itself (`NAV_TITLES`).
        """
        for item in self._nav_items:
            if not hasattr(item, "microvet_title"):
                item.microvet_title = item.title  # as mkdocs.yml titles it
            if item.microvet_title:
                item.title = i18n.translate(language, item.microvet_title)

    def _generated(self, page: Page) -> Any:
        if self.plan is None or not page.file.generated_by:
            return None
        return self.plan.by_source.get(page.file.src_uri)

    @event_priority(100)  # first: only ends the timing of the pages
    def _post_build_first(self, *, config: MkDocsConfig) -> None:
        self.clock.lap("pages: render templates, write HTML")

    @event_priority(-100)  # last, so that other plugins' files land in the staging folder too
    def _post_build_last(self, *, config: MkDocsConfig) -> None:
        self.clock.lap("search index: MkDocs search plugin")
        if config.theme.custom_dir:
            minify_assets(Path(config.theme.custom_dir) / "assets", Path(config.site_dir))
        self.clock.lap("minify the theme's scripts and stylesheets")
        if self.publication is not None:
            self.publication.finish()
        self.clock.lap("waiting for the output writer")
        self._collector.close()

    on_post_build = CombinedEvent(_post_build_first, _post_build_last)

    def on_build_error(self, *, error: Exception) -> None:
        self._collector.close()
        if self.publication is not None:
            self.publication.abandon()
            self.publication = None

    def on_shutdown(self) -> None:
        if self.publication is not None:
            if self.publication.swap is not None:
                log.info("Site swapped into place: %s", self.publication.swap.target)
            self.publication.commit()
            self.publication = None
        self.clock.lap("swap")
        for line in self.clock.report():
            log.info(line)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        server.watch(str(Path(config.config_file_path).parent / self.config.content_dir))
        return server


def _interface_language(config: MkDocsConfig) -> str:
    """The site's interface language: Material's `theme.language`, if it is one of ours."""
    language = str(config.theme.get("language") or i18n.DEFAULT_LANGUAGE)
    if language not in i18n.LANGUAGES:
        raise PluginError(
            f"theme.language {language!r} has no microVET translation; use one of "
            f"{', '.join(i18n.LANGUAGES)}, or add the language (docs/translating.md)")
    return language


def _page_policy(env: Environment, config: MkDocsConfig) -> str:
    """The pages' CSP, allowing the fixed inline scripts of the theme's own templates."""
    loader = env.loader
    assert loader is not None  # MkDocs always gives its theme environment a loader
    sources = [loader.get_source(env, name)[0]
               for name in loader.list_templates() if name.endswith(".html")]
    return csp.content_security_policy(csp.fixed_script_hashes(sources))


def _docs_prefix(config: MkDocsConfig) -> str:
    """Repository path of the docs folder, so edit links of ordinary pages are right."""
    root = Path(config.config_file_path).parent.resolve()
    try:
        relative = Path(config.docs_dir).resolve().relative_to(root).as_posix()
    except ValueError:
        return ""
    return "" if relative == "." else relative + "/"
