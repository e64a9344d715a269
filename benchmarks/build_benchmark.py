"""Build at scale: microVET against plain MkDocs + Material, side by side, in one run.

    python -m benchmarks.build_benchmark --units 1000 10000 --runs 3

For each size it writes a synthetic catalogue (benchmarks/synthetic.py) into a small git
repository (so dates come from `git log`, as in a real catalogue), and the same pages as plain
Markdown for a MkDocs + Material site without our plugin (benchmarks/baseline.py). Then, runs
times over, interleaved (baseline, ours, check) so that a busy machine slows both alike, it
measures each real `mkdocs build` in a subprocess:

- wall time, and the CPU time and peak memory (RSS) of the process (from `os.wait4`);
- for ours, the seconds of each stage (MICROVET_TIMINGS=1, generator/build/timings.py);
- the size and number of files of the built site;
- the plain catalogue page (no JavaScript), gzipped, and its number of links;

and `microvet check` alone. It prints medians as Markdown, with the ratio ours / baseline,
milliseconds per unit and the growth from the smallest to the largest size, and saves every
run as JSON (benchmarks/out/ is not committed). `--profile` adds one build of each size under
cProfile and prints its top functions. This is a measurement, not a test: nothing fails when
a target is missed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from .baseline import write_baseline
from .synthetic import fresh_project, write_catalogue

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DATE_EPOCH = "1767225600"
TARGETS = {"ratio": 1.2, "build_seconds": 60.0, "rss_mib": 1536.0, "check_seconds": 5.0,
           "catalogue_gzip_kib": 300.0}
"""At 10,000 units on a 2-core machine (issue 8)."""
STAGE_GROUPS = {
    "read and validate": ("read and validate",),
    "metadata (JSON, JSON-LD, XML, feeds)": ("outputs: plain", "outputs: schemas",
                                             "outputs: elm", "outputs: loq_xml",
                                             "outputs: openbadges", "outputs: feeds"),
    "pages (generated pages, nav, Markdown, templates, HTML)": (
        "pages: list", "pages: add generated files", "pages: navigation, Markdown",
        "theme environment, CSP", "pages: render templates, write HTML"),
    "search index (ours + MkDocs')": ("outputs: search", "search index: MkDocs search plugin"),
    "write outputs and swap": ("write outputs", "swap"),
    "MkDocs: clean site folder, find files": ("MkDocs: clean site folder, find files",),
}


@dataclass
class Run:
    """One measured process."""

    seconds: float
    cpu_seconds: float
    peak_rss_mib: float
    stages: dict[str, float] = field(default_factory=dict)
    peak_mib_after: dict[str, float] = field(default_factory=dict)


def environment() -> dict[str, str]:
    """The environment of every measured process: reproducible dates, no banners."""
    return {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1",
            "MICROVET_TIMINGS": "1"}


def measure(args: list[str], cwd: Path) -> tuple[Run, str]:
    """Run a command to its end; its wall and CPU time, peak RSS and standard error."""
    log = cwd / ".benchmark-stderr"
    with log.open("wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=environment(),
                                   stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8", errors="replace")
    if process.returncode:
        raise SystemExit(f"{' '.join(args)} failed in {cwd}:\n{text[-3000:]}")
    # ru_maxrss is in KiB on Linux; the largest of the process and its waited-for children.
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024), text


def build(project: Path) -> Run:
    """A clean `mkdocs build` of `project` (the previous site removed first, untimed)."""
    shutil.rmtree(project / "site", ignore_errors=True)
    run, log = measure([sys.executable, "-m", "mkdocs", "build"], project)
    found = re.search(r"microvet timings: (\{.*\})", log)
    run.stages = json.loads(found.group(1)) if found else {}
    found = re.search(r"microvet peak memory: (\{.*\})", log)
    run.peak_mib_after = json.loads(found.group(1)) if found else {}
    return run


def check(project: Path) -> Run:
    """`microvet check` of the project's content."""
    return measure([sys.executable, "-m", "generator.cli", "check"], project)[0]


def prepare(workdir: Path, units: int, seed: int) -> tuple[Path, Path, int]:
    """Our project (a git repository) and the baseline project; the baseline's page count."""
    ours = workdir / f"{units}" / "microvet"
    fresh_project(ours)
    write_catalogue(ours / "content", units=units, seed=seed)
    _commit(ours)
    baseline = workdir / f"{units}" / "baseline"
    pages = write_baseline(ours, baseline)
    return ours, baseline, pages


def _commit(project: Path) -> None:
    """One commit of the whole project, at a fixed date."""
    date = "2026-01-01T00:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(project)}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "Synthetic catalogue"]):
        subprocess.run(["git", "-c", "user.name=benchmark", "-c", "user.email=b@example.org",
                        *args], cwd=project, env=env, check=True, capture_output=True)


def site_facts(site: Path) -> dict[str, Any]:
    """Size and file count of the site; the first catalogue page gzipped, and its links."""
    files = [path for path in site.rglob("*") if path.is_file()]
    page = (site / "catalogue" / "index.html").read_bytes()
    numbered = site / "catalogue" / "page"  # page/2/, page/3/... and page/index.html
    last = max((int(p.name) for p in numbered.iterdir() if p.is_dir()), default=1) \
        if numbered.is_dir() else 1
    middle = site / "catalogue" / "page" / str(max(2, last // 2)) / "index.html"
    return {
        "files": len(files), "bytes": sum(path.stat().st_size for path in files),
        "catalogue_page_gzip_bytes": len(gzip.compress(page, 6, mtime=0)),
        "catalogue_pages": last,
        "pager_links_first_page": _pager_links(page),
        "pager_links_middle_page": _pager_links(middle.read_bytes()) if middle.exists() else 0,
    }


def _pager_links(html: bytes) -> int:
    found = re.search(rb'<nav class="mv-pages".*?</nav>', html, re.DOTALL)
    return len(re.findall(rb"<a ", found.group(0))) if found else 0


def profile(project: Path, top: int) -> str:
    """One build under cProfile: the top functions by own time, and by cumulative time."""
    shutil.rmtree(project / "site", ignore_errors=True)
    output = project.parent / "build.prof"
    measure([sys.executable, "-m", "cProfile", "-o", str(output), "-m", "mkdocs", "build"],
            project)
    import io
    import pstats

    text = io.StringIO()
    stats = pstats.Stats(str(output), stream=text)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return text.getvalue()


def median(runs: list[Run], key: str) -> float:
    """Median of one measure over the runs."""
    return statistics.median(getattr(run, key) for run in runs)


def stage_medians(runs: list[Run]) -> dict[str, float]:
    """Median seconds of each group of stages; the rest of the wall time is start-up."""
    groups = {name: statistics.median(sum(run.stages.get(s, 0.0) for s in stages)
                                      for run in runs)
              for name, stages in STAGE_GROUPS.items()}
    groups["start-up (Python, imports, MkDocs config)"] = statistics.median(
        run.seconds - sum(run.stages.values()) for run in runs)
    return groups


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = next((line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((line.split(":", 1)[1].strip()
                   for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "?")
    return {"cpus": str(os.cpu_count()), "cpu": cpu, "memory": memory,
            "python": platform.python_version(), "mkdocs": metadata.version("mkdocs"),
            "material": metadata.version("mkdocs-material"),
            "load_average": " ".join(f"{x:.1f}" for x in os.getloadavg())}


def run_size(workdir: Path, units: int, runs: int, seed: int) -> dict[str, Any]:
    """Every measurement of one catalogue size."""
    ours, baseline, baseline_pages = prepare(workdir, units, seed)
    results: dict[str, list[Run]] = {"baseline": [], "microvet": [], "check": []}
    for number in range(runs):
        results["baseline"].append(build(baseline))
        results["microvet"].append(build(ours))
        results["check"].append(check(ours))
        print(f"  {units} units, run {number + 1}/{runs}: baseline "
              f"{results['baseline'][-1].seconds:.1f} s, microvet "
              f"{results['microvet'][-1].seconds:.1f} s, check "
              f"{results['check'][-1].seconds:.1f} s", file=sys.stderr)
    baseline_files = [p for p in (baseline / "site").rglob("*") if p.is_file()]
    return {
        "units": units, "baseline_pages": baseline_pages,
        "baseline_site": {"files": len(baseline_files),
                          "bytes": sum(p.stat().st_size for p in baseline_files)},
        "site": site_facts(ours / "site"),
        "runs": {name: [asdict(run) for run in measured] for name, measured in results.items()},
        "medians": {name: {key: median(measured, key)
                           for key in ("seconds", "cpu_seconds", "peak_rss_mib")}
                    for name, measured in results.items()},
        "stages": stage_medians(results["microvet"]),
    }


def markdown(results: list[dict[str, Any]]) -> str:
    """The medians of every size side by side, with the targets, as Markdown tables."""
    sizes = [f"{r['units']:,} units" for r in results]
    largest = results[-1]

    def row(name: str, values: list[str], target: str = "") -> str:
        return f"| {name} | " + " | ".join(values) + f" | {target} |"

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    def of(r: dict[str, Any], name: str, key: str = "seconds") -> float:
        return float(r["medians"][name][key])

    ratio = of(largest, "microvet") / of(largest, "baseline")
    rss = of(largest, "microvet", "peak_rss_mib")
    gzip_kib = largest["site"]["catalogue_page_gzip_bytes"] / 1024
    lines = [row("measure (median)", sizes, "target at 10,000 units"),
             "|---|" + "---:|" * len(results) + "---|",
             row("plain MkDocs + Material build", [
                 f"{of(r, 'baseline'):.1f} s ({r['baseline_pages']:,} pages)" for r in results]),
             row("microVET build", [f"{of(r, 'microvet'):.1f} s" for r in results],
                 f"≤ 60 s: {verdict(of(largest, 'microvet') <= TARGETS['build_seconds'])}"),
             row("ratio microVET / baseline, wall time", [
                 f"{of(r, 'microvet') / of(r, 'baseline'):.2f}" for r in results],
                 f"≤ 1.2: {verdict(ratio <= TARGETS['ratio'])}"),
             row("ratio microVET / baseline, CPU time", [
                 f"{of(r, 'microvet', 'cpu_seconds') / of(r, 'baseline', 'cpu_seconds'):.2f}"
                 for r in results]),
             row("microVET, ms per unit", [
                 f"{1000 * of(r, 'microvet') / r['units']:.2f}" for r in results]),
             row("peak RSS microVET / baseline", [
                 f"{of(r, 'microvet', 'peak_rss_mib'):.0f} / "
                 f"{of(r, 'baseline', 'peak_rss_mib'):.0f} MiB" for r in results],
                 f"≤ 1.5 GB: {verdict(rss <= TARGETS['rss_mib'])}"),
             row("`microvet check`", [
                 f"{of(r, 'check'):.2f} s, {of(r, 'check', 'peak_rss_mib'):.0f} MiB"
                 for r in results],
                 f"≤ 5 s: {verdict(of(largest, 'check') <= TARGETS['check_seconds'])}"),
             row("site: files, size (baseline)", [
                 f"{r['site']['files']:,}, {r['site']['bytes'] / 2**20:.0f} MiB "
                 f"({r['baseline_site']['files']:,}, {r['baseline_site']['bytes'] / 2**20:.0f} "
                 "MiB)" for r in results]),
             row("catalogue page (no JS), gzip", [
                 f"{r['site']['catalogue_page_gzip_bytes'] / 1024:.1f} KiB" for r in results],
                 f"≤ 300 KB: {verdict(gzip_kib <= TARGETS['catalogue_gzip_kib'])}"),
             row("catalogue pages; pager links on the first / a middle page", [
                 f"{r['site']['catalogue_pages']}; {r['site']['pager_links_first_page']} / "
                 f"{r['site']['pager_links_middle_page']}" for r in results])]
    if len(results) > 1:
        first = results[0]
        growth = (of(largest, "microvet") / largest["units"]) / (
            of(first, "microvet") / first["units"])
        base_growth = (of(largest, "baseline") / largest["units"]) / (
            of(first, "baseline") / first["units"])
        lines.append(row("time per unit, largest / smallest size (1.00 = linear)",
                         [f"{growth:.2f} (baseline {base_growth:.2f})"]
                         + [""] * (len(results) - 1)))
    lines += ["", row("microVET stage (median seconds)", sizes),
              "|---|" + "---:|" * len(results) + "---|"]
    for stage in results[0]["stages"]:
        lines.append(row(stage, [f"{r['stages'][stage]:.2f}" for r in results]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure every size, print Markdown, save JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out" / "build")
    parser.add_argument("--profile", action="store_true",
                        help="also profile one build of each size with cProfile")
    parser.add_argument("--top", type=int, default=30, help="functions shown per profile")
    options = parser.parse_args(argv)
    about = machine()
    print(f"{about['cpus']} CPUs ({about['cpu']}), {about['memory']} RAM, Python "
          f"{about['python']}, MkDocs {about['mkdocs']}, Material {about['material']}; "
          f"load average at start {about['load_average']}")
    results = []
    for units in sorted(options.units):
        results.append(run_size(options.workdir, units, options.runs, options.seed))
        if options.profile:
            print(f"\n### cProfile, one build of {units:,} units\n\n```\n"
                  f"{profile(options.workdir / str(units) / 'microvet', options.top)}```\n")
    about["load_average_at_end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{options.runs} runs each, interleaved; load average at end "
          f"{about['load_average_at_end']}\n")
    print(markdown(results))
    options.workdir.mkdir(parents=True, exist_ok=True)
    (options.workdir / "build-results.json").write_text(
        json.dumps({"machine": about, "results": results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
