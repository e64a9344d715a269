"""Shared fixtures: content trees in tmp_path, and one real build of the sample site."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = Path(__file__).resolve().parent / "reference"
"""Offline copies of the standards (see tests/reference/README.md)."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite golden files in tests/golden/ from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to refresh golden files."""
    return bool(request.config.getoption("--update-golden"))


PROVIDER = """\
id: {id}
example: true
name: Example Training Centre (fictional)
country: IT
city: Bologna
homepage: https://example.org/centre
"""

OUTCOME = """\
id: {id}
title: Espresso extraction
statement: The learner can pull a balanced espresso shot.
category: skill
esco_skills:
  - http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6
"""

UNIT = """\
id: {id}
title: Barista basics
summary: Make espresso drinks to a professional standard.
provider: centre
languages: [en]
eqf_level: 3
isced_f: "1013"
workload:
  hours: 25
  ects: 1
mode: onsite
outcomes: [espresso]
assessment:
  methods: [practical]
  description: A practical test at the coffee machine.
  supervision: supervised-with-id-check
quality_assurance: Reviewed each year by the school's quality board.
license: CC-BY-4.0
price: free
credential: {{type: certificate, verification: Numbered and signed., recognition: Partner cafés.}}
"""


class ContentTree:
    """A small content folder in tmp_path, written file by file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = root / "content"
        for kind in ("units", "outcomes", "providers"):
            (self.content / kind).mkdir(parents=True, exist_ok=True)

    def write(self, kind: str, name: str, text: str) -> Path:
        """Write `content/<kind>/<name>.yaml` (text is dedented)."""
        path = self.content / kind / f"{name}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def minimal(self) -> ContentTree:
        """One valid provider, outcome and unit."""
        self.write("providers", "centre", PROVIDER.format(id="centre"))
        self.write("outcomes", "espresso", OUTCOME.format(id="espresso"))
        self.write("units", "barista", UNIT.format(id="barista"))
        return self


@pytest.fixture
def content_tree(tmp_path: Path) -> ContentTree:
    """An empty content tree in tmp_path; call `.minimal()` for a valid one."""
    return ContentTree(tmp_path)


def copy_project(target: Path, *, content: Path | None = None) -> Path:
    """A copy of the site project (mkdocs.yml, pages, theme, content) in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "pages", "theme"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    shutil.copytree(content or ROOT / "content", target / "content")
    return target


def mkdocs_build(project: Path, *args: str,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict` in `project`."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1",
                   **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=project, capture_output=True, text=True, env=environment, check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample content built once with real MkDocs; returns the site folder."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture
def build_project(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Build a project copy whose content is the given folder."""

    def build(content: Path, *args: str) -> subprocess.CompletedProcess[str]:
        project = copy_project(tmp_path / "project", content=content)
        return mkdocs_build(project, *args)

    return build


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
INSTALL_CHROMIUM = ("needs Debian's Chromium at /usr/bin/chromium and Playwright for Python: "
                    "`apt-get install chromium` and `pip install -e '.[test]'` "
                    "(do not run `playwright install`)")


def browser_unavailable(message: str) -> None:
    """Skip, or fail where the environment demands the browser tests (CI sets the variable)."""
    if os.environ.get("MICROVET_REQUIRE_BROWSER") == "1":
        pytest.fail(f"MICROVET_REQUIRE_BROWSER=1 but this test {message}")
    pytest.skip(f"this test {message}")


@pytest.fixture(scope="session")
def chromium_session() -> Iterator[Any]:
    """Headless Debian Chromium through Playwright, one for the whole run.

    Playwright's sync API allows one instance per thread at a time, so every browser test
    (tests/browser, tests/hostile) shares this one.
    """
    if not CHROMIUM.exists():
        browser_unavailable(INSTALL_CHROMIUM)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_unavailable(INSTALL_CHROMIUM)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serving(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 (a free port) for as long as the block runs; yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
