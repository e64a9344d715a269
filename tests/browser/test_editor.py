"""The web editor at admin/, in Chromium, saving through Decap CMS's own local backend.

`decap-server` (npm, `npm ci`) serves a git copy of the sample content in tmp_path, as a
provider's editor would on localhost. A unit is created through the form, saved (editorial
workflow: a branch of its own, the local stand-in for a pull request) and published; the
file must land in content/units/, read like a hand-written one and pass `microvet check`.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import browser_unavailable, serving

from generator.content.catalogue import load_catalogue
from generator.kinds import KINDS
from generator.tools.editor import LOCAL_BACKEND_PORT
from generator.tools.reference import model_docs

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
INSTALL_DECAP_SERVER = ("needs Node.js and decap-server (the editor's local backend): "
                        "`apt-get install nodejs npm` and `npm ci` in the repository")
LOCAL_BACKEND = f"http://localhost:{LOCAL_BACKEND_PORT}/api/v1"
NEW_UNIT = "editor-made-unit"
REPORT_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation", event => {
  console.log(`CSP: ${event.violatedDirective} blocked ${event.blockedURI}`);
});"""
"""The editor must work within its page's Content-Security-Policy (docs/security.md)."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def content_repo(tmp_path: Path) -> Path:
    """A git repository holding a copy of the sample content, on branch main."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "content", repo / "content")
    _git(repo.parent, "init", "-q", "-b", "main", str(repo))
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.org",
         "commit", "-q", "-m", "sample content")
    return repo


@pytest.fixture
def decap_server(content_repo: Path) -> Iterator[str]:
    """`decap-server` in git mode on a free port of 127.0.0.1; yields its API address."""
    node = shutil.which("node")
    if node is None or not DECAP_SERVER.exists():
        browser_unavailable(INSTALL_DECAP_SERVER)
    port = _free_port()
    env = {**os.environ, "MODE": "git", "PORT": str(port), "BIND_HOST": "127.0.0.1",
           "GIT_REPO_DIRECTORY": str(content_repo), "LOG_LEVEL": "warn",
           "GIT_AUTHOR_NAME": "Provider", "GIT_AUTHOR_EMAIL": "provider@example.org",
           "GIT_COMMITTER_NAME": "Provider", "GIT_COMMITTER_EMAIL": "provider@example.org"}
    process = subprocess.Popen([str(node), str(DECAP_SERVER)], cwd=content_repo, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    api = f"http://127.0.0.1:{port}/api/v1"
    try:
        _wait_for(api, process)
        yield api
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(api: str, process: subprocess.Popen[bytes]) -> None:
    request = urllib.request.Request(api, data=b'{"action": "info"}', method="POST",
                                     headers={"Content-Type": "application/json"})
    for _ in range(100):
        if process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            pytest.fail(f"decap-server stopped: {output}")
        try:
            with urllib.request.urlopen(request, timeout=1) as response:
                json.load(response)
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail("decap-server did not answer within 10 seconds")


def control(page: Any, *path: str) -> Any:
    """The input of the field at `path` (`"assessment", "description", "en"`) in the form."""
    scope = page.locator("body")
    for name in path:
        label = scope.locator(f"label[for^='{name}-field-']").first
        scope = page.locator(f"[id='{label.get_attribute('for')}']")
    return scope


def choose(page: Any, path: tuple[str, ...], text: str) -> None:
    """Pick the option matching `text` in a select or relation field."""
    field = control(page, *path)
    field.click()
    field.fill(text)
    page.locator("[class*='-option']", has_text=text).first.click()


def fill_new_unit(page: Any, outcome: str, provider: str) -> None:
    """Fill in every mandatory field of a unit, as a provider would."""
    control(page, "id").fill(NEW_UNIT)
    control(page, "title", "en").fill("Espresso basics: made in the editor")
    control(page, "summary", "en").fill(
        "A short course: pull a balanced espresso, with a practical test at the machine.")
    choose(page, ("provider",), provider)
    choose(page, ("languages",), "English (en)")
    choose(page, ("eqf_level",), "EQF level 3")
    choose(page, ("isced_f",), "(1013)")
    control(page, "workload", "hours").fill("25")
    choose(page, ("mode",), "(onsite)")
    choose(page, ("outcomes",), outcome)
    choose(page, ("assessment", "methods"), "(practical)")
    control(page, "assessment", "description", "en").fill(
        "A practical test: five espressos: within a gram and three seconds of the recipe.")
    control(page, "quality_assurance", "description", "en").fill(
        "Reviewed every year by the school's quality board.")
    choose(page, ("license",), "(CC-BY-4.0)")
    control(page, "price", "amount").fill("0")
    choose(page, ("credential", "type"), "(certificate)")
    control(page, "credential", "verification", "en").fill(
        "Ask the school's office to confirm the certificate number.")
    control(page, "credential", "recognition", "en").fill(
        "Recognised by partner cafés as proof of barista skills.")


def publish(page: Any) -> None:
    """Editorial workflow: mark the saved draft ready, then publish it now."""
    page.get_by_role("button", name="Status: Draft").click()
    page.get_by_text("Ready", exact=True).click()
    page.get_by_role("button", name="Status: Ready").wait_for()
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now", exact=True).click()


def test_a_unit_made_in_the_editor_lands_in_content_units_and_passes_check(
        built_site: Path, decap_server: str, content_repo: Path, chromium_session: Any):
    context = chromium_session.new_context(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("dialog", lambda dialog: dialog.accept())
        page.on("console", lambda message: message.text.startswith("CSP:") and errors.append(
            message.text))
        page.add_init_script(REPORT_CSP_VIOLATIONS)
        # The published config points at decap-server's default address; send it to ours.
        page.route(LOCAL_BACKEND, lambda route: route.continue_(url=decap_server))
        with serving(built_site) as url:
            page.goto(url + "admin/")
            page.get_by_role("button", name="Login").click()
            page.goto(url + "admin/#/collections/units/new")
            fill_new_unit(page, "espresso-extraction", "example-hospitality-school-bologna")
            page.get_by_role("button", name="Save").click()
            page.get_by_text("Entry saved").wait_for(timeout=15_000)
            draft = _git(content_repo, "show", f"cms/units/{NEW_UNIT}:content/units/"
                         f"{NEW_UNIT}.yaml")
            publish(page)
            saved = content_repo / "content" / "units" / f"{NEW_UNIT}.yaml"
            for _ in range(100):
                if saved.exists():
                    break
                page.wait_for_timeout(100)
    finally:
        context.close()
    assert errors == []
    text = saved.read_text(encoding="utf-8")
    assert text == draft
    assert text.startswith("# yaml-language-server: $schema=../../schemas/unit.schema.json\n")
    assert "null" not in text and '""' not in text and "_choice" not in text
    assert "languages: [en]" in text
    data = yaml.safe_load(text)
    order = [field.name for field in next(d for d in model_docs() if d.kind == "unit").fields]
    assert list(data) == [name for name in order if name in data]
    assert data["outcomes"] == ["espresso-extraction"]
    assert data["title"] == {"en": "Espresso basics: made in the editor"}
    check = subprocess.run([sys.executable, "-m", "generator.cli", "check", "--content",
                            str(content_repo / "content")], capture_output=True, text=True,
                           check=False)
    assert check.returncode == 0, check.stdout + check.stderr


ROUND_TRIP = """([kind, texts]) => texts.map(text => {
  const format = window.formats["microvet-" + kind];
  return format.toFile(format.fromFile(text));
})"""
"""Each file read into the form's data and written back, by the editor's own formats."""

CMS_STUB = """window.formats = {};
window.CMS = {registerCustomFormat: (name, extension, format) => { window.formats[name] = format; },
              init: () => {}};"""
"""Stands in for Decap CMS: collects the formats microvet-editor.js registers."""


def test_every_sample_file_saved_unchanged_by_the_editor_keeps_its_meaning(
        built_site: Path, chromium_session: Any, tmp_path: Path):
    admin = built_site / "admin"
    copy = tmp_path / "content"
    context = chromium_session.new_context()
    try:
        page = context.new_page()
        page.set_content('<script type="application/json" id="microvet-fields">'
                         + _fields_json(admin / "index.html") + "</script>")
        page.add_script_tag(content=CMS_STUB)
        page.add_script_tag(path=str(admin / "js-yaml.min.js"))
        page.add_script_tag(path=str(admin / "microvet-editor.js"))
        for kind, folder in ((k.name, k.folder) for k in KINDS if k.scaffold):
            files = sorted((ROOT / "content" / folder).glob("*.yaml"))
            texts = [path.read_text(encoding="utf-8") for path in files]
            saved = page.evaluate(ROUND_TRIP, [kind, texts])
            (copy / folder).mkdir(parents=True)
            for path, text in zip(files, saved, strict=True):
                assert text.startswith(f"# yaml-language-server: $schema=../../schemas/"
                                       f"{kind}.schema.json\n"), path.name
                assert "null" not in text, path.name
                (copy / folder / path.name).write_text(text, encoding="utf-8")
    finally:
        context.close()
    original = load_catalogue(ROOT / "content", root=ROOT)
    edited = load_catalogue(copy, root=tmp_path)
    for folder, objects in original.objects.items():
        assert {key: obj.model_dump() for key, obj in edited.objects[folder].items()} == {
            key: obj.model_dump() for key, obj in objects.items()}, folder


def _fields_json(page: Path) -> str:
    """The field layout embedded in the editor's page."""
    html = page.read_text(encoding="utf-8")
    start = html.index('id="microvet-fields">') + len('id="microvet-fields">')
    return html[start:html.index("</script>", start)]
