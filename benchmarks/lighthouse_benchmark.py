"""Lighthouse on the built sample site: performance, accessibility, best practices and SEO,
layout shift and bytes, in mobile and desktop modes, for each kind of page (issue 13).

    python -m benchmarks.lighthouse_benchmark            # build the sample site, then measure
    python -m benchmarks.lighthouse_benchmark --site site  # measure an existing build

Needs Debian's `chromium` and npm's `lighthouse` (`npm ci --ignore-scripts` installs it from
package.json). The site is served from 127.0.0.1 by a small server that compresses text with
gzip, as GitHub Pages and other static hosts do, so "transfer" is what a learner downloads.
Prints one Markdown table row per page and mode; docs/benchmarks.md records a run.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "home": "",
    "catalogue": "catalogue/",
    "unit": "units/forklift-safety-basics/",
    "outcome": "outcomes/espresso-extraction/",
    "provider": "providers/example-hospitality-school-bologna/",
}
"""One page of each kind, by the name the table shows."""
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".jsonld", ".ics"}


class _GzipHandler(SimpleHTTPRequestHandler):
    """Static files, text compressed with gzip when the client accepts it."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix not in COMPRESSED or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: Any) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def serving(site: Path) -> Iterator[str]:
    handler = functools.partial(_GzipHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build_sample(target: Path) -> Path:
    """The sample site, built with real MkDocs into `target`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                    str(target)], cwd=ROOT, env=env, check=True)
    return target


def lighthouse(url: str, desktop: bool) -> dict[str, Any]:
    """One Lighthouse run's report (JSON)."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}",
                   "--quiet", f"--chrome-path={CHROMIUM}",
                   "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                   f"--only-categories={','.join(CATEGORIES)}"]
        if desktop:
            command.append("--preset=desktop")
        subprocess.run(command, check=True, capture_output=True, text=True)
        return dict(json.loads(report.read_text(encoding="utf-8")))


def row(name: str, mode: str, report: dict[str, Any]) -> dict[str, Any]:
    audits = report["audits"]
    scores = {key: round(100 * (report["categories"][key]["score"] or 0))
              for key in CATEGORIES}
    failed = sorted(key for key, audit in audits.items()
                    if audit.get("score") is not None and audit["score"] < 1
                    and audit.get("scoreDisplayMode") == "binary")
    return {"page": name, "mode": mode, **scores,
            "cls": audits["cumulative-layout-shift"]["numericValue"],
            "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
            "tbt_ms": audits["total-blocking-time"]["numericValue"],
            "transfer_kb": audits["total-byte-weight"]["numericValue"] / 1000,
            "requests": len(audits["network-requests"]["details"]["items"]),
            "failed": failed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample)")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    options = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        parser.error(f"{LIGHTHOUSE} is missing: run `npm ci --ignore-scripts`")
    with tempfile.TemporaryDirectory() as folder:
        site = options.site or build_sample(Path(folder) / "site")
        rows = []
        with serving(site) as base:
            for mode in ("mobile", "desktop"):
                for name, path in PAGES.items():
                    rows.append(row(name, mode, lighthouse(base + path, mode == "desktop")))
                    print(f"  {name} ({mode}) done", file=sys.stderr)
    print("| page | mode | performance | accessibility | best practices | SEO | CLS | LCP | "
          "TBT | transfer (gzip) | requests | failed binary audits |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        print(f"| {r['page']} | {r['mode']} | {r['performance']} | {r['accessibility']} | "
              f"{r['best-practices']} | {r['seo']} | {r['cls']:.3f} | {r['lcp_ms']:.0f} ms | "
              f"{r['tbt_ms']:.0f} ms | {r['transfer_kb']:.0f} kB | {r['requests']} | "
              f"{', '.join(r['failed']) or '—'} |")
    if options.json:
        options.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
