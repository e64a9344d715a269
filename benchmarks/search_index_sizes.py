"""The search index of every interface language at scale: bytes (raw, gzip -6) and build time.

    python -m benchmarks.search_index_sizes --units 10000

Writes a synthetic catalogue (benchmarks/synthetic.py, descriptions of about 72 distinct
words) into a temporary folder, loads it, and builds each language's index as the site build
does (generator/outputs/search.py), without MkDocs or a browser.
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import write_catalogue
from generator.content.catalogue import load_catalogue
from generator.i18n import LANGUAGES
from generator.outputs import search

LIMIT = 1_000_000
"""Issue 14: each language's payload stays within 1 MB gzipped at 10,000 units."""


def measure(units: int) -> list[tuple[str, int, int, float]]:
    """(language, raw bytes, gzip -6 bytes, seconds) for each interface language."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        write_catalogue(content, units, description_paragraphs=(5, 8))
        catalogue = load_catalogue(content)
    rows = []
    for language in LANGUAGES:
        started = time.perf_counter()
        data = search.index_bytes(search.search_index(catalogue, language))
        seconds = time.perf_counter() - started
        rows.append((language, len(data), len(gzip.compress(data, 6)), seconds))
    return rows


def main() -> None:
    """Print a Markdown table for docs/benchmarks.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    args = parser.parse_args()
    print(f"| language | raw | gzip -6 | build | ≤ 1 MB gzip ({args.units:,} units) |")
    print("|---|---:|---:|---:|---|")
    for language, raw, packed, seconds in measure(args.units):
        verdict = "met" if packed <= LIMIT else "MISSED"
        print(f"| {language} | {raw / 1e6:.2f} MB | {packed / 1e3:.0f} kB | {seconds:.1f} s "
              f"| {verdict} |")


if __name__ == "__main__":
    main()
