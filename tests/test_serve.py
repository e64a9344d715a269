"""`microvet serve`: a content edit reaches the preview, and stopping it leaves nothing behind."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import copy_project


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _fetch_any(url: str) -> str:
    """The body of any answer, an error status included."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            body = _fetch_any(url)
        except OSError:
            body = None
        if body is not None and text in body:
            return True
        time.sleep(0.25)
    return False


def test_serve_previews_at_the_root_rebuilds_on_a_content_edit_and_stops_cleanly(
        content_tree, tmp_path: Path):
    project = copy_project(tmp_path / "project", content=content_tree.minimal().content)
    port = _free_port()
    microvet = Path(sysconfig.get_path("scripts")) / "microvet"
    command = [str(microvet) if microvet.exists() else sys.executable, "serve", "-a",
               f"127.0.0.1:{port}"]
    if not microvet.exists():
        command[1:1] = ["-m", "generator.cli"]
    env = {key: value for key, value in os.environ.items() if key != "MICROVET_SITE_URL"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}/units/barista/"
    try:
        assert _wait_for(url, "Barista basics", 60), "the preview never served the unit"
        unit = project / "content" / "units" / "barista.yaml"
        unit.write_text(unit.read_text().replace("title: Barista basics",
                                                 "title: Barista foundations"))
        assert _wait_for(url, "Barista foundations", 60), "the edit never reached the preview"
        good = unit.read_text()
        unit.write_text(good.replace("eqf_level: 3", "eqf_level: 11"))
        assert _wait_for(url, "problem(s) in the content", 30), "no error page"
        started = time.monotonic()
        page = _fetch_any(url)
        assert time.monotonic() - started < 2, "a request waited for the content to be fixed"
        assert "content/units/barista.yaml:" in page and "&#x27;11&#x27; is not an allowed" in page
        unit.write_text(good)
        assert _wait_for(url, "Barista foundations", 30), "the preview did not recover"
    except AssertionError:
        print((tmp_path / "serve.log").read_text())  # shown by pytest when the test fails
        raise
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
    # Stopping `microvet serve` stopped its server and removed its preview folder.
    assert _fetch(url) is None
