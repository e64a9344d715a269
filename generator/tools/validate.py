"""`microvet validate SITE_DIR`: the aggregators' validators over a built site.

Every check the tests apply to the published documents, run over the files as a harvester
fetches them: ELM documents against the LOQ SHACL shapes, `api/loq.xml` against the QDR XSD,
the AMB blocks against the AMB JSON Schema, every JSON-LD document and block against the
schema.org 30.0 vocabulary (and expanded strictly: no key may be dropped), the Open Badges
achievements against the OB 3.0 schema, the Atom feed and the sitemap. Each problem is one
`path: message` line, the path relative to the site folder.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from generator.tools.standards import require_validators


@dataclass(frozen=True, slots=True)
class SiteProblem:
    """One problem with one published file."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class Report:
    """What was checked, by standard, and every problem found."""

    checked: dict[str, int] = field(default_factory=dict)
    problems: list[SiteProblem] = field(default_factory=list)

    def add(self, standard: str, path: str, problems: list[str]) -> None:
        """Count one document checked against `standard` and keep its problems."""
        self.checked[standard] = self.checked.get(standard, 0) + 1
        self.problems += [SiteProblem(path, f"{standard}: {message}") for message in problems]

    def markdown(self) -> str:
        """A summary for a pull request's run page (GitHub's step summary)."""
        verdict = ("no problems" if not self.problems
                   else f"{len(self.problems)} problem(s)")
        lines = ["## Aggregators' validators", "", f"**{verdict}**", "",
                 "| standard | documents checked |", "|---|---|"]
        lines += [f"| {name} | {count} |" for name, count in sorted(self.checked.items())]
        if self.problems:
            lines += ["", "```", *map(str, self.problems), "```"]
        return "\n".join(lines) + "\n"


REQUIRED_FILES = ("index.html", "catalogue.jsonld", "feed.xml", "sitemap.xml", "api/loq.xml")


def validate_site(site: Path, site_url: str | None = None) -> Report:
    """Run every validator over the built site in `site`."""
    require_validators()
    from generator.tools.standards import elm, feeds

    report = Report()
    for name in REQUIRED_FILES:
        if not (site / name).is_file():
            report.problems.append(SiteProblem(name, "missing: the build publishes this file"))
    for path in sorted(site.rglob("*.html")):
        for standard, problems in _page_checks(path):
            report.add(standard, _relative(path, site), problems)
    for path in sorted(site.glob("units/*/elm.jsonld")):
        report.add("ELM 3.1 LOQ shapes", _relative(path, site),
                   _json_checks(path, elm.shacl_violations, elm.achievement_minimums))
    for path in sorted(site.glob("units/*/achievement*.json")):
        report.add("Open Badges 3.0", _relative(path, site), _json_checks(path, _ob3_problems))
    if (site / "catalogue.jsonld").is_file():
        report.add("schema.org 30.0", "catalogue.jsonld",
                   _json_checks(site / "catalogue.jsonld", _schemaorg_problems))
    if (site / "api/loq.xml").is_file():
        report.add("QDR loq.xsd", "api/loq.xml",
                   elm.loq_xml_errors((site / "api/loq.xml").read_bytes()))
    if (site / "feed.xml").is_file():
        report.add("Atom", "feed.xml", feeds.feed_problems((site / "feed.xml").read_bytes()))
    url = site_url or _site_url(site)
    for path in sorted(site.glob("sitemap*.xml")):
        report.add("sitemaps.org", _relative(path, site),
                   feeds.sitemap_problems(path.read_bytes(), url, feeds.page_exists(site)))
    report.problems.sort(key=lambda p: (p.path, p.message))
    return report


def _relative(path: Path, site: Path) -> str:
    return path.relative_to(site).as_posix()


def _json_checks(path: Path, *checks: Callable[[Any], list[str]]) -> list[str]:
    """Parse a JSON document and run `checks` on it; unreadable JSON is the one problem."""
    try:
        document = json.loads(path.read_bytes())
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return [f"not JSON: {error}"]
    return _run(document, checks)


def _run(document: Any, checks: tuple[Callable[[Any], list[str]], ...]) -> list[str]:
    from generator.tools.standards.jsonld import DroppedTerm, NetworkRefused

    problems: list[str] = []
    for check in checks:
        try:
            problems += check(document)
        except (DroppedTerm, NetworkRefused) as error:
            return [*problems, str(error)]
    return problems


def _schemaorg_problems(document: Any) -> list[str]:
    from generator.tools.standards.schemaorg import schemaorg_problems

    return schemaorg_problems(document)


def _ob3_problems(document: Any) -> list[str]:
    from generator.tools.standards.jsonld import expand_strictly
    from generator.tools.standards.ob3 import achievement_errors

    expand_strictly(document)
    return achievement_errors(document)


def _page_checks(path: Path) -> Iterator[tuple[str, list[str]]]:
    """Each JSON-LD block of a page against schema.org, AMB blocks against AMB too."""
    from generator.tools.standards.amb import amb_errors, is_amb

    blocks = JsonLdBlocks()
    blocks.feed(path.read_text(encoding="utf-8"))
    for number, text in enumerate(blocks.found, start=1):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            yield "JSON-LD", [f"block {number} is not JSON: {error}"]
            continue
        checks: tuple[Callable[[Any], list[str]], ...] = (_schemaorg_problems,)
        if is_amb(document):
            yield "AMB", [f"block {number}: {p}" for p in amb_errors(document)]
        yield "schema.org 30.0", [f"block {number}: {p}" for p in _run(document, checks)]


class JsonLdBlocks(HTMLParser):
    """The text of every `<script type="application/ld+json">` of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs
        if self._inside:
            self.found.append("")

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.found[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self._inside = False


class CanonicalLink(HTMLParser):
    """The `<link rel="canonical">` of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "canonical" and self.href is None:
            self.href = values.get("href")


def _site_url(site: Path) -> str:
    """Where the site is published: the home page's canonical address."""
    home = site / "index.html"
    if home.is_file():
        parser = CanonicalLink()
        parser.feed(home.read_text(encoding="utf-8"))
        if parser.href:
            return parser.href if parser.href.endswith("/") else parser.href + "/"
    return ""
