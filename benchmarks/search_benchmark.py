"""Catalogue search at scale: index size, load time and typing speed in headless Chromium.

    python -m benchmarks.search_benchmark --units 10000

Writes a synthetic catalogue (benchmarks/synthetic.py), builds it with `mkdocs build`, serves
the site on 127.0.0.1 and drives Debian's Chromium through Playwright. It reports:

- the size of catalogue/search-index.json, raw and gzipped (level 6, what web servers use,
  and level 9);
- time from navigation, and from the page's load event, to a usable search box;
- the first query: a word entered into the ready box, until its results are painted;
- the worst per-keystroke time while typing several queries letter by letter: the script's
  own work per keystroke, and the browser's Event Timing duration (key press to next paint).

This is a measurement, not a test: nothing fails when a target is missed. Results are printed
as Markdown and saved as JSON beside the build (benchmarks/out/ is not committed).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .synthetic import fresh_project, write_catalogue

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
QUERIES = ("communicate orally", "renewable energy", "sviluppo software", "Gebäudesanierung",
           "digital marketing for apprentices", "heat", "in",
           "renewabel enrgy", "managment")
"""Typed letter by letter: English, Italian, German with an umlaut, a long and short one, and
two with typos (the edit-distance matching of words of five letters or more)."""
FIRST_QUERY = "marketing"
DESCRIPTION_PARAGRAPHS = (5, 8)
"""Descriptions of about 72 distinct words, like the sample content's (68 on average)."""
TARGETS = {"gzip_bytes": 1_000_000, "first_result_ms": 300, "keystroke_ms": 50}

TIMING_SCRIPT = """
window.__mvUpdates = [];
window.__mvEvents = [];
document.addEventListener("mv-search-update",
  (event) => window.__mvUpdates.push(event.detail.duration), true);
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.name.startsWith("key")) window.__mvEvents.push([entry.interactionId, entry.duration]);
  }
}).observe({type: "event", durationThreshold: 16, buffered: true});
"""
"""Installed before the page's scripts: records each update's own time and Event Timing."""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serving(site: Path) -> Iterator[str]:
    """Serve `site` on a free port of 127.0.0.1 while the block runs; yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build_site(workdir: Path, units: int, seed: int) -> tuple[Path, float]:
    """A project with `units` synthetic units, built with mkdocs; (site folder, build seconds)."""
    project = workdir / "project"
    fresh_project(project)
    write_catalogue(project / "content", units=units, seed=seed,
                    description_paragraphs=DESCRIPTION_PARAGRAPHS)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=project,
                   check=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"})
    return project / "site", time.perf_counter() - started


def index_sizes(site: Path) -> dict[str, int]:
    """Bytes of catalogue/search-index.json: raw, gzip level 6 and level 9."""
    data = (site / "catalogue" / "search-index.json").read_bytes()
    return {"raw_bytes": len(data), "gzip_bytes": len(gzip.compress(data, 6, mtime=0)),
            "gzip9_bytes": len(gzip.compress(data, 9, mtime=0))}


def measure_load(browser: Any, base: str) -> dict[str, float]:
    """Navigation and load event to a usable search box, then the first query's time."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(TIMING_SCRIPT)
    page.goto(base + "catalogue/", wait_until="load")
    page.wait_for_selector("#mv-search[data-state=ready]", timeout=120_000)
    marks = page.evaluate("""() => {
      const at = (name) => performance.getEntriesByName(name)[0].startTime;
      const nav = performance.getEntriesByType("navigation")[0];
      return {ready: at("mv-search-ready"), load: nav.loadEventStart,
              response: at("mv-search-response") - at("mv-search-start"),
              parse: at("mv-search-index-parsed") - at("mv-search-response"),
              index: at("mv-search-index-loaded") - at("mv-search-index-parsed"),
              page: at("mv-search-ready") - at("mv-search-index-loaded")};
    }""")
    first_query = page.evaluate("""(word) => new Promise((resolve) => {
      const box = document.getElementById("mv-q");
      const started = performance.now();
      box.value = word;
      box.dispatchEvent(new Event("input", {bubbles: true}));
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
    })""", FIRST_QUERY)
    result = {"ready_ms": marks["ready"], "ready_after_load_ms": marks["ready"] - marks["load"],
              "fetch_ms": marks["response"], "parse_ms": marks["parse"],
              "index_ms": marks["index"], "form_ms": marks["page"],
              "first_query_ms": first_query,
              "first_result_after_load_ms": max(0.0, marks["ready"] - marks["load"]) + first_query}
    page.close()
    return result


def measure_shared_link(browser: Any, base: str) -> float:
    """Opening a link with a query and a filter: navigation to painted results, in ms."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "catalogue/?query=renewable+energy&price=free", wait_until="load")
    page.wait_for_selector("#mv-search[data-state=ready]", timeout=120_000)
    shown = page.evaluate("""() => new Promise((resolve) => requestAnimationFrame(
      () => resolve(performance.now())))""")
    page.close()
    return float(shown)


def measure_typing(browser: Any, base: str) -> dict[str, float]:
    """Type every query letter by letter; the worst and median time per keystroke."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(TIMING_SCRIPT)
    page.goto(base + "catalogue/", wait_until="load")
    page.wait_for_selector("#mv-search[data-state=ready]", timeout=120_000)
    updates: list[float] = []
    events: dict[tuple[str, int], float] = {}  # key press -> the longest of its events
    for query in QUERIES:
        page.fill("#mv-q", "")
        page.wait_for_timeout(300)
        page.evaluate("() => { window.__mvUpdates = []; window.__mvEvents = []; }")
        page.focus("#mv-q")
        page.keyboard.type(query, delay=120)
        page.wait_for_timeout(300)
        updates += page.evaluate("window.__mvUpdates")
        for interaction, duration in page.evaluate("window.__mvEvents"):
            key = (query, interaction)
            events[key] = max(events.get(key, 0.0), duration)
    page.close()
    # Event Timing reports only events of 16 ms or more: the other keys count as 0 here.
    presses = sorted([*events.values(), *[0.0] * (len(updates) - len(events))])
    return {"keystrokes": len(updates), "updates": updates, "presses": presses}


def measure(site: Path, runs: int) -> dict[str, Any]:
    """Every browser measurement, `runs` times each on fresh pages."""
    from playwright.sync_api import sync_playwright

    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        loads = [measure_load(browser, base) for _ in range(runs)]
        shared = [measure_shared_link(browser, base) for _ in range(runs)]
        typing = [measure_typing(browser, base) for _ in range(runs)]
        version = browser.version
        browser.close()
    return {"chromium": version, "loads": loads, "shared_link_ms": shared, "typing": typing}


def summary(units: int, sizes: dict[str, int], build_seconds: float | None,
            browser: dict[str, Any]) -> dict[str, Any]:
    """Medians over the runs, and the worst keystroke of all of them."""
    def median(key: str) -> float:
        return statistics.median(run[key] for run in browser["loads"])
    updates = sorted(u for run in browser["typing"] for u in run["updates"])
    presses = sorted(p for run in browser["typing"] for p in run["presses"])
    return {
        "units": units, **sizes, "build_seconds": build_seconds,
        "chromium": browser["chromium"], "machine": f"{platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}",
        **{key: median(key) for key in browser["loads"][0]},
        "shared_link_ms": statistics.median(browser["shared_link_ms"]),
        "keystrokes": len(updates), "worst_update_ms": updates[-1],
        "p95_update_ms": percentile(updates, 95), "median_update_ms": percentile(updates, 50),
        "updates_over_50ms": sum(1 for u in updates if u > TARGETS["keystroke_ms"]),
        "worst_event_ms": presses[-1], "p95_event_ms": percentile(presses, 95),
        "events_over_50ms": sum(1 for p in presses if p > TARGETS["keystroke_ms"]),
    }


def percentile(ordered: list[float], rank: int) -> float:
    """The value below which `rank` per cent of the sorted values lie (nearest rank)."""
    return ordered[max(0, -(-len(ordered) * rank // 100) - 1)]


def markdown(result: dict[str, Any]) -> str:
    """The results as a Markdown table with the targets."""
    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"
    first = result["first_result_after_load_ms"]
    keystroke = max(result["worst_update_ms"], result["worst_event_ms"])
    rows = [
        ("search-index.json, raw", f"{result['raw_bytes'] / 1e6:.2f} MB", ""),
        ("search-index.json, gzip -6 (-9)",
         f"{result['gzip_bytes'] / 1e3:.0f} kB ({result['gzip9_bytes'] / 1e3:.0f} kB)",
         f"≤ 1 MB: {verdict(result['gzip_bytes'] <= TARGETS['gzip_bytes'])}"),
        ("navigation → usable search box", f"{result['ready_ms']:.0f} ms", ""),
        ("load event → usable search box", f"{result['ready_after_load_ms']:.0f} ms", ""),
        ("  of which: parse JSON / unpack + lunr.Index.load / build form",
         f"{result['parse_ms']:.0f} / {result['index_ms']:.0f} / {result['form_ms']:.0f} ms",
         ""),
        ("first query (a word into the ready box → painted)",
         f"{result['first_query_ms']:.0f} ms", ""),
        ("load event → first result", f"{first:.0f} ms",
         f"≤ 300 ms: {verdict(first <= TARGETS['first_result_ms'])}"),
        ("shared link with query and filter: navigation → results",
         f"{result['shared_link_ms']:.0f} ms", ""),
        (f"worst keystroke of {result['keystrokes']}: script / key press → paint",
         f"{result['worst_update_ms']:.0f} / {result['worst_event_ms']:.0f} ms",
         f"≤ 50 ms: {verdict(keystroke <= TARGETS['keystroke_ms'])}"),
        ("keystrokes: 95th percentile, script / key press → paint",
         f"{result['p95_update_ms']:.0f} / {result['p95_event_ms']:.0f} ms "
         f"(median script {result['median_update_ms']:.0f} ms)", ""),
        ("keystrokes over 50 ms: script / key press → paint",
         f"{result['updates_over_50ms']} / {result['events_over_50ms']}", ""),
    ]
    lines = ["| measure | result | target |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {target} |" for name, value, target in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build (unless --reuse), measure, print Markdown, save JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3, help="fresh page loads per measure")
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out" / "search")
    parser.add_argument("--reuse", action="store_true",
                        help="measure the site already built in --workdir")
    options = parser.parse_args(argv)
    site = options.workdir / "project" / "site"
    build_seconds = None
    if not (options.reuse and site.is_dir()):
        site, build_seconds = build_site(options.workdir, options.units, options.seed)
    result = summary(options.units, index_sizes(site), build_seconds,
                     measure(site, options.runs))
    (options.workdir / "search-results.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"{options.units} units, {result['machine']}, Chromium {result['chromium']}")
    print(markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
