"""`microvet serve`: a preview that follows each save, re-rendering only what it affects.

The first build is a whole MkDocs build, in this process. After that the catalogue stays in
memory: on a save, the catalogue reader re-reads the changed files only
(`CatalogueReader`), and the preview renders again, in this order,

1. the pages and documents of the objects that changed (the edited unit is served now,
   and the browser reloads),
2. the pages and documents of the objects that name them or that they name (a provider's
   page lists its units, a unit's page shows its outcomes), the catalogue list pages whose
   units changed, the Markdown pages (the home page lists recent units), and every
   catalogue-wide file (bulk API, QDR XML, feeds, search index, sitemap).

The result is byte for byte what a full build of the same content gives
(tests/test_preview.py). A content problem turns every page into a list of
`path:line:col: message` lines; requests never wait for a build, and the preview recovers
by itself when the file is fixed. A change to mkdocs.yml, the theme or the Markdown pages
rebuilds everything.
"""

from __future__ import annotations

import html
import logging
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.build.pipeline import Plan
from generator.build.writer import write_outputs
from generator.content.catalogue import Catalogue, CatalogueReader, Key
from generator.content.errors import ContentError, Problem
from generator.i18n import LANGUAGES
from generator.kinds import BY_FOLDER, BY_NAME, KINDS
from generator.outputs import AGGREGATES, object_documents
from generator.site import sitemap
from generator.site.pages import GeneratedPage, object_versions, page_language, site_pages
from generator.site.plugin import MicrovetPlugin, TemplatePage

log = logging.getLogger("microvet.preview")

EVENTS_PATH = "/__microvet__/epoch"
"""Long-polled by the pages: answers when the preview has changed since the page loaded."""
WAIT_SECONDS = 25.0
QUIET_SECONDS = 0.05
"""Saves closer together than this are one change (editors write a file in several steps)."""


class Preview:
    """The site of one project in a temporary folder, kept current as its files change."""

    def __init__(self, config_file: Path, site_url: str) -> None:
        self.config_file = config_file.resolve()
        self.root = self.config_file.parent
        self.site_url = site_url
        self.site_dir = Path(tempfile.mkdtemp(prefix="microvet-preview-"))
        self.problems: list[Problem] = []
        self.epoch = 0
        self._changed = threading.Condition()
        self._config: MkDocsConfig | None = None
        self._plugin: MicrovetPlugin | None = None
        self._pending_pages: set[str] = set()
        self._pending_objects: set[Key] = set()
        self._pending_catalogue_files = False
        self._written_renderers: set[str] = set()

    # --- builds -------------------------------------------------------------------------

    def build_all(self) -> None:
        """A whole MkDocs build into the preview folder (on start, and after theme edits)."""
        config = load_config(config_file=str(self.config_file), site_dir=str(self.site_dir))
        config.site_url = self.site_url
        config.plugins.on_startup(command="serve", dirty=False)
        plugin = config.plugins["microvet"]
        assert isinstance(plugin, MicrovetPlugin)
        try:
            mkdocs_build(config)
        except (Exception, Abort) as error:  # a content or template problem: show it
            self._fail(_problems_of(error, plugin))
            return
        self._config, self._plugin = config, plugin
        self._pending_pages, self._pending_objects = set(), set()
        self._pending_catalogue_files = False
        self._succeed()

    def update(self, interrupt: threading.Event | None = None) -> None:
        """Bring the preview up to date with the content files, rendering what changed.

        The edited objects' pages and documents come first and are served at once; the rest
        (`finish`) stops early when `interrupt` is set by another save, and the next update
        carries on with what is left.
        """
        plugin = self._plugin
        if plugin is None or plugin.plan is None or plugin.shell is None:
            self.build_all()  # the last whole build failed: nothing to update from
            return
        started = time.perf_counter()
        old = plugin.plan
        content = self.root / plugin.config.content_dir
        try:
            catalogue = (plugin.reader or CatalogueReader(content, root=self.root)).read()
        except ContentError as error:
            self._fail(error.problems)
            return
        changed = changed_objects(old.catalogue, catalogue)
        # First the edited objects' own pages, from the earlier page list with theirs
        # replaced: listing every page of 10,000 units takes longer than the 2 s a save may.
        interim = Plan(catalogue, old.site, _with_pages_of(old, catalogue, changed))
        plugin.plan = interim
        self._sync_files(old, interim)
        first = [page.src_uri for key in sorted(changed) for page in _pages_of(interim, key)]
        self._render(interim, first, changed)
        self._succeed()  # the edited object is served now; the browser reloads
        served = time.perf_counter() - started
        plan = Plan(catalogue, old.site,
                    tuple(site_pages(catalogue, old.by_source, old.site.language)))
        plugin.plan = plan
        self._sync_files(interim, plan)
        near = neighbours(old.catalogue, changed) | neighbours(plan.catalogue, changed)
        near |= {(kind.folder, object_id) for kind in KINDS if kind.shows_catalogue
                 for object_id in plan.catalogue.objects[kind.folder]}
        self._pending_objects |= near - changed
        self._pending_objects -= changed
        self._pending_pages.update(page.src_uri for key in sorted(near - changed)
                                   for page in _pages_of(plan, key))
        self._pending_pages.update(page.src_uri for page in changed_list_pages(old, plan))
        self._pending_pages.update(language_pages_relinked(old, plan))
        self._pending_pages.update(self._markdown_pages())
        if interim.localised == plan.localised and interim.versions == plan.versions:
            self._pending_pages.difference_update(first)  # rendered as the full plan has them
        self._pending_catalogue_files = True
        self._written_renderers.clear()  # the catalogue changed: all of them again
        if self.finish(interrupt):
            log.info("Preview updated: %d changed object(s) served in %.2f s, everything "
                     "they affect in %.2f s", len(changed), served,
                     time.perf_counter() - started)

    def finish(self, interrupt: threading.Event | None = None) -> bool:
        """Render what earlier updates left to do; False when `interrupt` stopped it early."""
        assert self._plugin is not None and self._plugin.plan is not None
        if self.problems:  # the content has problems: the next good save carries on
            return False
        plan = self._plugin.plan
        for src in sorted(self._pending_pages):
            if interrupt is not None and interrupt.is_set():
                return False
            self._render(plan, [src], ())
            self._pending_pages.discard(src)
        for key in sorted(self._pending_objects):
            if interrupt is not None and interrupt.is_set():
                return False
            self._render(plan, [], [key])
            self._pending_objects.discard(key)
        if self._pending_catalogue_files:
            for name, renderer in _catalogue_renderers(plan):
                if interrupt is not None and interrupt.is_set():
                    return False
                if name not in self._written_renderers:
                    self._write(renderer())
                    self._written_renderers.add(name)
            self._pending_catalogue_files = False
            self._written_renderers.clear()
        self._succeed()
        return True

    @property
    def pending(self) -> bool:
        """True while an update has left work undone (and the content has no problems)."""
        return not self.problems and bool(self._pending_pages or self._pending_objects
                                          or self._pending_catalogue_files)

    def _markdown_pages(self) -> list[str]:
        assert self._plugin is not None and self._plugin.shell is not None
        plan = self._plugin.plan
        return [file.src_uri for file in self._plugin.shell.files.documentation_pages()
                if plan is None or file.src_uri not in plan.by_source]

    def _sync_files(self, old: Plan, plan: Plan) -> None:
        """Add MkDocs files for new pages; drop those of pages that went, with their folder."""
        assert self._plugin is not None and self._plugin.shell is not None
        shell = self._plugin.shell
        for src in old.by_source.keys() - plan.by_source.keys():
            if (file := shell.files.get_file_from_path(src)) is not None:
                shutil.rmtree(self.site_dir / old.by_source[src].url, ignore_errors=True)
                shell.files.remove(file)
        for src in plan.by_source.keys() - old.by_source.keys():
            page = plan.by_source[src]
            file = File.generated(shell.config, src, content="",
                                  inclusion=InclusionLevel.NOT_IN_NAV)
            file.edit_uri = page.edit_path
            TemplatePage(None, file, shell.config)
            shell.files.append(file)

    def _render(self, plan: Plan, sources: Iterable[str], objects: Iterable[Key]) -> None:
        """Render pages (by source path) through MkDocs; write the documents of `objects`."""
        assert self._plugin is not None and self._plugin.shell is not None
        shell = self._plugin.shell
        assert shell.env is not None and shell.nav is not None
        sources = list(sources)
        doc_files = shell.files.documentation_pages() if sources else []
        for src in dict.fromkeys(sources):
            file = shell.files.get_file_from_path(src)
            if file is None:
                continue
            if file.page is None:
                Page(None, file, shell.config)
            assert file.page is not None
            _populate_page(file.page, shell.config, shell.files)
            _build_page(file.page, shell.config, doc_files, shell.nav, shell.env)
        for folder, object_id in objects:
            kind = BY_FOLDER[folder]
            obj = plan.catalogue.objects[folder].get(object_id)
            if obj is not None:
                self._write(object_documents(plan.catalogue, kind, obj, plan.site))

    def _write(self, files: dict[str, bytes]) -> None:
        write_outputs(self.site_dir, files)

    def fail_with(self, error: Exception) -> None:
        """Show an unexpected error as the page; the next save builds everything again."""
        self._plugin = None
        self._fail([Problem(str(self.config_file.name), 1, 1,
                            f"the preview failed ({type(error).__name__}: {error}); "
                            "save a file to build again")])

    def _fail(self, problems: list[Problem]) -> None:
        with self._changed:
            self.problems = problems
            self.epoch += 1
            self._changed.notify_all()
        for problem in problems:
            log.error("%s", problem)

    def _succeed(self) -> None:
        with self._changed:
            self.problems = []
            self.epoch += 1
            self._changed.notify_all()

    def wait(self, epoch: int, timeout: float = WAIT_SECONDS) -> int:
        """The epoch once it differs from `epoch`, or after `timeout` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self.epoch != epoch, timeout)
            return self.epoch

    @property
    def content(self) -> Path:
        """The content folder (as the plugin's `content_dir` says, once built)."""
        folder = self._plugin.config.content_dir if self._plugin else "content"
        return self.root / folder

    def watched_folders(self) -> list[Path]:
        """Content, the Markdown pages, the theme, and the project folder (for mkdocs.yml)."""
        folders = [self.content, self.root]
        if self._config is not None:
            folders.append(Path(self._config.docs_dir))
            custom = self._config.theme.custom_dir
            if custom:
                folders.append(Path(custom))
        return [folder for folder in dict.fromkeys(folders) if folder.is_dir()]

    def close(self) -> None:
        """Remove the preview folder."""
        shutil.rmtree(self.site_dir, ignore_errors=True)


def _catalogue_renderers(plan: Plan) -> list[tuple[str, Callable[[], dict[str, bytes]]]]:
    """Every catalogue-wide renderer, bound to the plan, and the sitemap's, by name."""
    bound: list[tuple[str, Callable[[], dict[str, bytes]]]] = [
        (renderer.__module__, partial(renderer, plan.catalogue, plan.site))
        for renderer in AGGREGATES]
    bound.append(("sitemap", partial(sitemap.render, plan.catalogue, plan.site, plan.pages)))
    return bound


def _with_pages_of(old: Plan, catalogue: Catalogue,
                   changed: set[Key]) -> tuple[GeneratedPage, ...]:
    """`old`'s pages, with those of the `changed` objects as `catalogue` now has them."""
    kept = [page for page in old.pages
            if page.kind is None or page.object_id is None
            or (BY_NAME[page.kind].folder, page.object_id) not in changed]
    for folder, object_id in sorted(changed):
        obj = catalogue.objects[folder].get(object_id)
        if obj is not None:
            kept += object_versions(catalogue, BY_FOLDER[folder], obj, old.site.language)
    return tuple(kept)


def changed_objects(old: Catalogue, new: Catalogue) -> set[Key]:
    """Objects added, removed or changed between two catalogues (by folder and id)."""
    changed: set[Key] = set()
    for kind in KINDS:
        before, after = old.objects[kind.folder], new.objects[kind.folder]
        for object_id in before.keys() | after.keys():
            first, second = before.get(object_id), after.get(object_id)
            if first is not second and first != second:  # unchanged files: the same object
                changed.add((kind.folder, object_id))
    return changed


def neighbours(catalogue: Catalogue, keys: set[Key]) -> set[Key]:
    """The objects that name any of `keys`, and those any of `keys` name, one step away;
    and the objects naming those that name them (a pathway shows what its inner pathways
    and units name: their providers)."""
    def naming(key: Key) -> set[Key]:
        return {found for kind in KINDS for found in catalogue.referrers(*key, kind.folder)}

    above = set().union(*(naming(key) for key in keys)) if keys else set()
    found = above | set().union(*(naming(key) for key in above)) if above else set()
    for folder, object_id in keys:
        found.update(catalogue.references_of(folder, object_id))
    return found


def changed_list_pages(old: Plan, new: Plan) -> list[GeneratedPage]:
    """Pages that are not an object's page and whose context differs (the catalogue list)."""
    pages = []
    for page in new.pages:
        if page.kind is not None and page.object_id is not None:
            continue
        before = old.by_source.get(page.src_uri)
        if before is None or not _same_context(before.context, page.context):
            pages.append(page)
    return pages


def language_pages_relinked(old: Plan, new: Plan) -> list[str]:
    """The pages of each language whose set of pages changed (a unit gained or lost its
    German text): their links lead to that language's pages where they exist
    (`site/templating.py`, `localised_url`), so every one of them may link differently."""
    changed = {language for language in old.localised.keys() | new.localised.keys()
               if old.localised.get(language) != new.localised.get(language)}
    return [page.src_uri for page in new.pages
            if page_language(page.url, new.site.language) in changed]


def _same_context(first: dict[str, Any], second: dict[str, Any]) -> bool:
    """Contexts equal, lists of objects compared by identity (unchanged files keep theirs)."""
    if first.keys() != second.keys():
        return False
    for key, value in first.items():
        other = second[key]
        if isinstance(value, list) and isinstance(other, list):
            if len(value) != len(other) or any(a is not b for a, b in zip(value, other,
                                                                          strict=True)):
                return False
        elif value != other:
            return False
    return True


def _pages_of(plan: Plan, key: Key) -> list[GeneratedPage]:
    """An object's page in each language it has."""
    folder, object_id = key
    source = BY_FOLDER[folder].page_source(object_id)
    return [page for prefix in ("", *(f"{language}/" for language in LANGUAGES))
            if (page := plan.by_source.get(prefix + source)) is not None]


def _problems_of(error: Exception, plugin: MicrovetPlugin) -> list[Problem]:
    """The content problems behind a failed whole build, or the error as one problem."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ContentError):
            return cause.problems
        cause = cause.__cause__ or cause.__context__
    if plugin.reader is not None:
        try:
            plugin.reader.read()
        except ContentError as content_error:
            return content_error.problems
    return [Problem("mkdocs.yml", 1, 1, f"the site could not be built: {error}")]


# --- serving ----------------------------------------------------------------------------------


RELOAD_SCRIPT = """<script>(function(){var epoch=%d;function poll(){fetch("%s?epoch="+epoch)
.then(function(r){return r.text()}).then(function(t){if(+t!==epoch){location.reload()}else{poll()}})
.catch(function(){setTimeout(poll,1000)})}poll()})();</script>"""


class _Handler(SimpleHTTPRequestHandler):
    """Files of the preview folder; every page carries the reload script."""

    preview: Preview

    def log_message(self, format: str, *args: Any) -> None:
        log.debug(format, *args)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == EVENTS_PATH:
            known = parse_qs(parts.query).get("epoch", ["-1"])[0]
            epoch = self.preview.wait(int(known) if known.lstrip("-").isdigit() else -1)
            self._send(200, "text/plain", str(epoch).encode())
            return
        epoch = self.preview.epoch
        if self.preview.problems:
            self._send(500, "text/html; charset=utf-8",
                       error_page(self.preview.problems, epoch).encode("utf-8"))
            return
        target = Path(self.translate_path(parts.path))
        if target.is_dir():
            target = target / "index.html"
        if target.suffix == ".html" or not target.exists():
            status = 200
            if not target.is_file():
                target, status = self.preview.site_dir / "404.html", 404
            body = target.read_bytes() if target.is_file() else b"Not found"
            script = (RELOAD_SCRIPT % (epoch, EVENTS_PATH)).encode("utf-8")
            body = body.replace(b"</body>", script + b"</body>", 1)
            self._send(status, "text/html; charset=utf-8", body)
            return
        super().do_GET()

    def _send(self, status: int, media_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def error_page(problems: list[Problem], epoch: int) -> str:
    """The page shown instead of every page while the content has problems."""
    items = "\n".join(f"<li><code>{html.escape(str(problem))}</code></li>"
                      for problem in problems)
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Content problems: microVET preview</title></head><body>"
        f"<h1>{len(problems)} problem(s) in the content</h1>"
        "<p>Fix these in your files and save: this page reloads by itself.</p>"
        f"<ul>{items}</ul>{RELOAD_SCRIPT % (epoch, EVENTS_PATH)}</body></html>"
    )


class _Watcher(FileSystemEventHandler):
    """Collects file events; the preview's loop turns them into updates."""

    def __init__(self, content: Path, config_file: Path) -> None:
        self.content, self.config_file = content, config_file
        self.pending = threading.Event()
        self.structural = False

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in {"opened", "closed_no_write"}:
            return
        path = Path(str(event.src_path))
        if path.is_relative_to(self.content):
            self.pending.set()
        elif path.parent != self.config_file.parent or path == self.config_file:
            self.structural = True  # mkdocs.yml, the theme, the Markdown pages: build all
            self.pending.set()


def serve(config_file: Path, host: str, port: int) -> None:
    """Build, serve on host:port, and follow every save until interrupted."""
    preview = Preview(config_file, f"http://{host}:{port}/")
    preview.build_all()
    handler = type("Handler", (_Handler,), {"preview": preview})
    server = ThreadingHTTPServer((host, port), partial(handler, directory=str(preview.site_dir)))
    server.daemon_threads = True
    watcher = _Watcher(preview.content, preview.config_file)
    observer = Observer()
    for folder in preview.watched_folders():
        observer.schedule(watcher, str(folder), recursive=folder != preview.root)
    observer.start()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    log.info("Serving on http://%s:%d/", host, port)
    try:
        while True:
            if not watcher.pending.wait(timeout=0.2 if preview.pending else 1.0):
                if preview.pending:  # no new save: carry on with what the last one left
                    preview.finish(watcher.pending)
                continue  # (a timeout also lets signals through)
            time.sleep(QUIET_SECONDS)
            watcher.pending.clear()
            structural, watcher.structural = watcher.structural, False
            try:
                if structural:
                    preview.build_all()
                else:
                    preview.update(watcher.pending)
            except Exception as error:  # a bug must not end the preview: show it, go on
                log.exception("the preview could not be updated")
                preview.fail_with(error)
    finally:
        observer.stop()
        server.shutdown()
        preview.close()
