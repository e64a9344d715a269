"""The MkDocs plugin: a thin adapter between MkDocs events and the core.

on_config     read and validate all content (nothing written yet); for `mkdocs build`,
              redirect the build into a temporary folder beside site/
on_files      add one generated page per unit, outcome, provider and catalogue page; render
              the outputs renderer by renderer into the emptied site folder
on_env        register the template filters and the Content-Security-Policy
on_page_*     hand each generated page its template, title and content objects
on_post_build write the outputs MkDocs overwrites (sitemaps), then swap the finished folder in
on_serve      rebuild when content/ changes

MICROVET_TIMINGS=1 logs the time of each stage (generator/build/timings.py).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from generator.build import atomic
from generator.build.timings import StageClock
from generator.build.writer import BackgroundWriter, write_outputs
from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.errors import ContentError
from generator.outputs import embedded_jsonld, render_each, unit_alternates
from generator.site import csp, templating
from generator.site.pages import (
    GeneratedPage,
    SiteInfo,
    generated_pages,
    markdown_page_urls,
    unit_url,
)

log = logging.getLogger("mkdocs.plugins.microvet")


class MicrovetConfig(Config):
    """Options under `plugins: - microvet:` in mkdocs.yml."""

    content_dir = config_options.Type(str, default="content")
    atomic = config_options.Type(bool, default=True)


class MicrovetPlugin(BasePlugin[MicrovetConfig]):
    """Builds the catalogue pages and metadata from content/*.yaml."""

    def __init__(self) -> None:
        self.command = "build"
        self.catalogue: Catalogue | None = None
        self.site: SiteInfo | None = None
        self.outputs: dict[str, bytes] = {}
        self.output_paths: frozenset[str] = frozenset()
        self.writer: BackgroundWriter | None = None
        self.pages: dict[str, GeneratedPage] = {}
        self.swap: atomic.Swap | None = None
        self.clock = StageClock()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.clock.start()
        root = Path(config.config_file_path).parent
        content = root / self.config.content_dir
        try:
            self.catalogue = load_catalogue(content, root=root)
        except ContentError as error:
            raise PluginError(
                f"{len(error.problems)} problem(s) in the content:\n{error}") from None
        # Content warnings do not fail a build (`mkdocs build --strict` counts only MkDocs'
        # own warnings); `microvet check --strict` is where they fail.
        for warning in self.catalogue.warnings:
            log.info("%s", warning)
        self.clock.lap("read and validate")
        self.site = SiteInfo(
            url=config.site_url or "http://localhost:8000/",
            name=config.site_name, repo_url=config.repo_url, edit_uri=config.edit_uri,
            markdown_pages=markdown_page_urls(Path(config.docs_dir)),
        )
        self.pages = {page.src_uri: page for page in generated_pages(self.catalogue)}
        self.clock.lap("pages: list")
        if self.config.atomic and self.command in {"build", "gh-deploy"}:
            self.swap = atomic.Swap(Path(config.site_dir))
            config.site_dir = str(self.swap.staging)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.clock.lap("MkDocs: clean site folder, find files")
        docs_prefix = _docs_prefix(config)
        for file in files.documentation_pages():
            file.edit_uri = docs_prefix + file.src_uri
        for page in self.pages.values():
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src_uri, content="", inclusion=inclusion)
            file.edit_uri = page.edit_path
            files.append(file)
        self.clock.lap("pages: add generated files")
        self._write_outputs(config)
        return files

    def _write_outputs(self, config: MkDocsConfig) -> None:
        """Render the outputs renderer by renderer; write them into the emptied site folder.

        Their bytes are half the site: written as they come, they are never all in memory, and
        a background thread writes them while the next renderer and the pages run. Only the
        files MkDocs writes itself later (its sitemaps) wait for on_post_build, so that ours
        replace MkDocs' own.
        """
        assert self.catalogue is not None and self.site is not None  # set by on_config
        late = {name + suffix for name in (*config.theme.static_templates,
                                           *config.extra_templates) for suffix in ("", ".gz")}
        self.outputs, paths = {}, set()
        self.writer = BackgroundWriter(Path(config.site_dir))
        for name, files in render_each(self.catalogue, self.site):
            self.writer.write({path: data for path, data in files.items() if path not in late})
            self.outputs.update({path: data for path, data in files.items() if path in late})
            paths.update(files)
            self.clock.lap(f"outputs: {name}")
        self.output_paths = frozenset(paths)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self.clock.lap("pages: navigation, Markdown")
        templating.register(env)
        # `mkdocs serve` injects an inline live-reload script that no policy can foresee.
        env.globals["content_security_policy"] = (
            None if self.command == "serve" else _page_policy(env, config))
        self.clock.lap("theme environment, CSP")
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is not None and page.file.generated_by:
            # MkDocs renders templates without autoescaping, and Material prints the title
            # and description raw: escape content text here, once.
            page.meta["template"] = generated.template
            page.meta["title"] = escape(generated.title)
            if generated.description:
                page.meta["description"] = escape(generated.description)
            page.meta["hide"] = ["navigation", "toc"]
            page.meta["search"] = {"exclude": True}
        return markdown

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                        nav: Any) -> dict[str, Any]:
        context["catalogue"] = self.catalogue
        context["site_info"] = self.site
        generated = self.pages.get(page.file.src_uri)
        if generated is not None and page.file.generated_by:
            context.update(generated.context)
            context["source_path"] = generated.edit_path
            unit = generated.context.get("unit")
            if unit is not None and self.catalogue is not None and self.site is not None:
                context["unit_jsonld"] = embedded_jsonld(self.catalogue, unit, self.site)
                context["unit_alternates"] = [
                    {"href": unit_url(unit.id) + doc.filename, "type": doc.media_type,
                     "title": doc.title}
                    for doc in unit_alternates(unit.id, self.output_paths)
                ]
        return context

    @event_priority(100)  # first: only ends the timing of the pages
    def _post_build_first(self, *, config: MkDocsConfig) -> None:
        self.clock.lap("pages: render templates, write HTML")

    @event_priority(-100)  # last, so that other plugins' files land in the staging folder too
    def _post_build_last(self, *, config: MkDocsConfig) -> None:
        self.clock.lap("search index: MkDocs search plugin")
        if self.writer is not None:
            self.writer.finish()
            self.writer = None
        write_outputs(Path(config.site_dir), self.outputs)
        self.clock.lap("write outputs")
        if self.swap is not None and not _strict_build_failing():
            self.swap.commit()
            log.info("Site swapped into place: %s", self.swap.target)
            config.site_dir = str(self.swap.target)
            self.swap = None
        self.clock.lap("swap")
        for line in self.clock.report():
            log.info(line)

    on_post_build = CombinedEvent(_post_build_first, _post_build_last)

    def on_build_error(self, *, error: Exception) -> None:
        if self.writer is not None:  # stop writing before the staging folder goes
            self.writer.cancel()
            self.writer = None
        if self.swap is not None:
            self.swap.abandon()
            self.swap = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        server.watch(str(Path(config.config_file_path).parent / self.config.content_dir))
        return server


def _strict_build_failing() -> bool:
    """True when `--strict` will abort: MkDocs counts the warnings only after on_post_build.

    The swap then waits, and on_build_error abandons the staging folder.
    """
    return any(isinstance(handler, CountHandler) and handler.get_counts()
               for handler in logging.getLogger("mkdocs").handlers)


def _page_policy(env: Environment, config: MkDocsConfig) -> str:
    """The pages' CSP, allowing the fixed inline scripts of the theme's own templates."""
    loader = env.loader
    assert loader is not None  # MkDocs always gives its theme environment a loader
    sources = [loader.get_source(env, name)[0]
               for name in loader.list_templates() if name.endswith(".html")]
    return csp.content_security_policy(csp.fixed_script_hashes(sources),
                                       csp.repository_api(config.repo_url))


def _docs_prefix(config: MkDocsConfig) -> str:
    """Repository path of the docs folder, so edit links of ordinary pages are right."""
    root = Path(config.config_file_path).parent.resolve()
    try:
        relative = Path(config.docs_dir).resolve().relative_to(root).as_posix()
    except ValueError:
        return ""
    return "" if relative == "." else relative + "/"
