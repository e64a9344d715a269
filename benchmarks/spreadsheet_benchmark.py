"""Spreadsheet export and import at scale: seconds for `microvet export` and `microvet import`.

    python -m benchmarks.spreadsheet_benchmark --units 10000

Writes a synthetic catalogue (benchmarks/synthetic.py), then for .xlsx and .csv in turn:
exports it (load and check the catalogue, write the spreadsheet) and imports the spreadsheet
into an empty content folder (read it, check every object by cell, write the YAML files),
each as the command does it, in this process. It then loads the imported folder and checks
that it holds the same units, outcomes and providers (not timed). Prints Markdown with the
seconds of each step and the machine's load average; saves JSON in benchmarks/out/spreadsheet/.
This is a measurement, not a test: nothing fails when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import time
from pathlib import Path
from typing import Any

from generator.content.catalogue import load_catalogue
from generator.tools.importer import import_drafts
from generator.tools.spreadsheet import export, read_tables
from generator.tools.spreadsheet_import import spreadsheet_drafts

from .synthetic import write_catalogue

OUT = Path(__file__).resolve().parent / "out" / "spreadsheet"


def measure(units: int, suffix: str, work: Path) -> dict[str, Any]:
    """Export the synthetic catalogue in `work` as `suffix`, import it; seconds of each step."""
    content = work / "content"
    started = time.perf_counter()
    catalogue = load_catalogue(content, root=work)
    loaded = time.perf_counter()
    path = work / f"catalogue{suffix}"
    files = export(catalogue, path)
    exported = time.perf_counter()
    target = work / f"imported-{suffix.lstrip('.')}"
    drafts = spreadsheet_drafts(read_tables(path), target, None)
    checked = time.perf_counter()
    import_drafts(drafts, target, update=False, dry_run=False)
    imported = time.perf_counter()
    again = load_catalogue(target, root=work)
    same = (dict(again.units) == dict(catalogue.units)
            and dict(again.outcomes) == dict(catalogue.outcomes)
            and dict(again.providers) == dict(catalogue.providers))
    return {
        "units": units, "format": suffix,
        "export_load_s": round(loaded - started, 2), "export_write_s": round(exported - loaded, 2),
        "export_s": round(exported - started, 2),
        "import_read_check_s": round(checked - exported, 2),
        "import_write_s": round(imported - checked, 2),
        "import_s": round(imported - exported, 2),
        "bytes": sum(file.stat().st_size for file in files), "round_trip_equal": same,
    }


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, nargs="+", default=[10_000])
    arguments = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    load_before = os.getloadavg()
    for units in arguments.units:
        work = OUT / f"work-{units}"
        shutil.rmtree(work, ignore_errors=True)
        write_catalogue(work / "content", units=units)
        for suffix in (".xlsx", ".csv"):
            results.append(measure(units, suffix, work))
            print(json.dumps(results[-1]), flush=True)
        shutil.rmtree(work)
    load_after = os.getloadavg()
    print(f"\nMachine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; load average before {load_before[0]:.1f}, "
          f"after {load_after[0]:.1f}\n")
    print("| units | format | export (load + write) | import (read + check, write) | size |")
    print("|---|---|---|---|---|")
    for r in results:
        print(f"| {r['units']:,} | {r['format']} | {r['export_s']} s ({r['export_load_s']} + "
              f"{r['export_write_s']}) | {r['import_s']} s ({r['import_read_check_s']} + "
              f"{r['import_write_s']}) | {r['bytes'] / 1e6:.1f} MB |")
    (OUT / "spreadsheet-results.json").write_text(json.dumps(
        {"results": results, "load_before": load_before, "load_after": load_after}, indent=2))


if __name__ == "__main__":
    main()
