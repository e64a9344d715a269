"""The edit loop: how long after saving a unit's YAML `microvet serve` serves the changed page.

    python -m benchmarks.serve_benchmark --units 1000 --edits 5

Writes a synthetic catalogue (benchmarks/synthetic.py), starts `microvet serve` on a free port
of 127.0.0.1, waits for the first build, then edits one unit's title several times. After each
save it polls the unit's page over HTTP (every 20 ms, for at most two minutes) until the new
title is in it. MkDocs' server holds requests while a rebuild runs, so the time measured is
save → watcher → full rebuild → page served. The server's own "Documentation built in" lines
give the rebuild time alone. Prints the medians; nothing fails when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from .synthetic import fresh_project, write_catalogue

ROOT = Path(__file__).resolve().parent.parent
UNIT = "unit-00042"
POLL_SECONDS = 0.02
GIVE_UP_SECONDS = 120.0


def prepare(workdir: Path, units: int, seed: int) -> Path:
    """A project with `units` synthetic units."""
    project = workdir / "project"
    fresh_project(project)
    write_catalogue(project / "content", units=units, seed=seed)
    return project


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    """The page's text, or None while the server is not answering yet."""
    try:
        with urllib.request.urlopen(url, timeout=GIVE_UP_SECONDS) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError):
        return None


def wait_for(url: str, text: str) -> float:
    """Seconds until the page at `url` contains `text` (polling); fails after two minutes."""
    started = time.perf_counter()
    while time.perf_counter() - started < GIVE_UP_SECONDS:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    raise SystemExit(f"{url} did not show {text!r} within {GIVE_UP_SECONDS:.0f} s")


def edit_title(path: Path, marker: str) -> None:
    """Give the unit a new title (a plain string, whatever it was)."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith(" "):
        end += 1
    lines[start:end] = [f"title: Benchmark edit {marker}\n"]
    path.write_text("".join(lines), encoding="utf-8")


def measure(project: Path, edits: int) -> dict[str, object]:
    """Start the server, time the first build and each edit, stop the server."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "MICROVET_SITE_URL": base, "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": "1767225600"}
    log_path = project / "serve.log"
    with log_path.open("wb") as log:
        started = time.perf_counter()
        server = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)  # its own process group: stopped whole, nothing orphaned
        try:
            url = f"{base}units/{UNIT}/"
            wait_for(url, "</html>")
            first_build = time.perf_counter() - started
            seconds = []
            for number in range(edits):
                marker = f"{number}-{time.time_ns()}"
                time.sleep(1.0)  # let the watcher settle after the previous rebuild
                edit_title(project / "content" / "units" / f"{UNIT}.yaml", marker)
                seconds.append(wait_for(url, f"Benchmark edit {marker}"))
                print(f"  edit {number + 1}/{edits}: {seconds[-1]:.2f} s", file=sys.stderr)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    builds = [float(x) for x in re.findall(r"Documentation built in ([0-9.]+) seconds",
                                            log_path.read_text(encoding="utf-8"))]
    return {"first_page_seconds": first_build, "edit_seconds": seconds,
            "rebuild_seconds": builds[1:]}


def main(argv: list[str] | None = None) -> int:
    """Prepare, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1_000)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out" / "serve")
    options = parser.parse_args(argv)
    project = prepare(options.workdir, options.units, options.seed)
    result = measure(project, options.edits)
    edits = result["edit_seconds"]
    builds = result["rebuild_seconds"]
    assert isinstance(edits, list) and isinstance(builds, list)
    print(f"{options.units:,} units, {os.cpu_count()} CPUs; load average "
          + " ".join(f"{x:.1f}" for x in os.getloadavg()))
    print("| measure | median | all |\n|---|---:|---|")
    print(f"| `microvet serve` start → first unit page | {result['first_page_seconds']:.1f} s "
          "| |")
    print(f"| save a unit's YAML → changed page served | {statistics.median(edits):.2f} s | "
          + ", ".join(f"{x:.2f}" for x in edits) + " |")
    if builds:
        print(f"| of which the rebuild (MkDocs' own figure) | {statistics.median(builds):.2f} s "
              "| " + ", ".join(f"{x:.2f}" for x in builds) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
