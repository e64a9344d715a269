"""The edit loop: how long after saving a unit's YAML `microvet serve` serves the changed page.

    python -m benchmarks.serve_benchmark --units 1000 10000 --edits 5

For each size: writes a synthetic catalogue (benchmarks/synthetic.py), starts `microvet serve`
on a free port of 127.0.0.1, waits for the first build, then edits one unit's title several
times. After each save it polls the unit's page over HTTP (every 20 ms, for at most two
minutes) until the new title is in it: the time measured is save → file watcher →
incremental update → page served. The preview's own "Preview updated" lines give the time to
the edited page and to the end of the update (every page and file the edit affects). Then it
breaks the unit (an EQF level of 11) and times the error page, and fixes it and times the
recovery. Prints the medians; nothing fails when a target is missed.
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
FIRST_BUILD_SECONDS = 900.0
"""The first build of 10,000 units takes a minute on a quiet machine, far more on a busy one."""


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
    """The page's text (an error page's too), or None while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=GIVE_UP_SECONDS) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return str(error.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError):
        return None


def settled(log_path: Path, updates: int) -> None:
    """Wait until the preview has logged `updates` complete updates (at most two minutes)."""
    started = time.perf_counter()
    while time.perf_counter() - started < GIVE_UP_SECONDS:
        if log_path.read_text(encoding="utf-8").count("Preview updated:") >= updates:
            return
        time.sleep(0.1)


def wait_for(url: str, text: str, give_up: float = GIVE_UP_SECONDS) -> float:
    """Seconds until the page at `url` contains `text` (polling); fails after `give_up`."""
    started = time.perf_counter()
    while time.perf_counter() - started < give_up:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    raise SystemExit(f"{url} did not show {text!r} within {give_up:.0f} s")


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
            wait_for(url, "</html>", FIRST_BUILD_SECONDS)
            first_build = time.perf_counter() - started
            seconds = []
            path = project / "content" / "units" / f"{UNIT}.yaml"
            for number in range(edits):
                marker = f"{number}-{time.time_ns()}"
                settled(log_path, number)  # the previous update wrote everything it affects
                time.sleep(0.5)
                edit_title(path, marker)
                seconds.append(wait_for(url, f"Benchmark edit {marker}"))
                print(f"  edit {number + 1}/{edits}: {seconds[-1]:.2f} s", file=sys.stderr)
            settled(log_path, edits)
            good = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"(?m)^eqf_level: .*$", "eqf_level: 11", good),
                            encoding="utf-8")
            error_page = wait_for(url, "problem(s) in the content")
            path.write_text(good, encoding="utf-8")
            recovered = wait_for(url, f"Benchmark edit {marker}")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    updates = re.findall(r"served in ([0-9.]+) s, everything they affect in ([0-9.]+) s",
                         log_path.read_text(encoding="utf-8"))
    return {"first_page_seconds": first_build, "edit_seconds": seconds,
            "served_seconds": [float(a) for a, _ in updates[:edits]],
            "complete_seconds": [float(b) for _, b in updates[:edits]],
            "error_page_seconds": error_page, "recovery_seconds": recovered}


def main(argv: list[str] | None = None) -> int:
    """Prepare, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, nargs="+", default=[1_000])
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out" / "serve")
    options = parser.parse_args(argv)
    rows: list[tuple[str, list[str]]] = [
        ("`microvet serve` start → first unit page", []),
        ("save a unit's YAML → changed page served (poll, median of edits)", []),
        ("of which the update to the edited page (preview's own figure)", []),
        ("the whole update: every affected page, search index, API, feeds", []),
        ("save an invalid file → error page served", []),
        ("save the fix → page served again", []),
    ]
    for units in options.units:
        project = prepare(options.workdir / str(units), units, options.seed)
        result = measure(project, options.edits)
        values = [result["first_page_seconds"], statistics.median(result["edit_seconds"]),
                  statistics.median(result["served_seconds"] or [float("nan")]),
                  statistics.median(result["complete_seconds"] or [float("nan")]),
                  result["error_page_seconds"], result["recovery_seconds"]]
        for (_, cells), value in zip(rows, values, strict=True):
            cells.append(f"{value:.2f} s")
        print(f"{units:,} units: every edit " + ", ".join(
            f"{x:.2f}" for x in result["edit_seconds"]) + " s", file=sys.stderr)
    print(f"{os.cpu_count()} CPUs; load average " + " ".join(f"{x:.1f}" for x in os.getloadavg()))
    print("| measure | " + " | ".join(f"{u:,} units" for u in options.units) + " |")
    print("|---|" + "---:|" * len(options.units))
    for label, cells in rows:
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
