"""The cases that `microvet check` must refuse, each with the exact report it must print.

Every case starts from one valid provider, outcome and unit (below) and overrides or adds
files. Paths are relative to the content folder; a value of `None` deletes the base file,
`Link(target)` makes a symbolic link.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import conftest

# The same valid base files as the content_tree fixture's `.minimal()`.
PROVIDER = conftest.PROVIDER.format(id="centre")
OUTCOME = conftest.OUTCOME.format(id="espresso")
UNIT = conftest.UNIT.format(id="barista")

BASE = {
    "providers/centre.yaml": PROVIDER,
    "outcomes/espresso.yaml": OUTCOME,
    "units/barista.yaml": UNIT,
}


@dataclass(frozen=True)
class Link:
    """A symbolic link to `target` (relative to the content folder's parent)."""

    target: str


@dataclass(frozen=True)
class Case:
    """Files written over the base tree; the exact report is in `reports.REPORTS[name]`."""

    name: str
    files: dict[str, str | bytes | Link | None]
    exit_code: int = 1
    classes: tuple[str, ...] = field(default=())
    args: tuple[str, ...] = ()
    """Extra arguments of `microvet check`, e.g. `--format github`."""


def edit(text: str, *changes: tuple[str, str], append: str = "") -> str:
    """`text` with each (old, new) replaced exactly once, and `append` added at the end."""
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text + append


def unit(*changes: tuple[str, str], append: str = "", name: str = "barista") -> dict[str, str]:
    """The base unit file, changed."""
    return {f"units/{name}.yaml": edit(UNIT, *changes, append=append)}


def provider(*changes: tuple[str, str], append: str = "") -> dict[str, str]:
    """The base provider file, changed."""
    return {"providers/centre.yaml": edit(PROVIDER, *changes, append=append)}


def outcome(*changes: tuple[str, str], append: str = "") -> dict[str, str]:
    """The base outcome file, changed."""
    return {"outcomes/espresso.yaml": edit(OUTCOME, *changes, append=append)}


def stacking(name: str, *targets: str) -> str:
    """A copy of the base unit named `name` that stacks into `targets`."""
    into = "".join(f"    - unit: {target}\n" for target in targets)
    return edit(UNIT, ("id: barista", f"id: {name}"),
                append=f"stackability:\n  kind: stackable\n  into:\n{into}")


CYRILLIC_A = "\u0430"  # looks like the Latin a
CYRILLIC_IE = "\u0435"  # looks like the Latin e

LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""

DEEP_BLOCKS = "".join(f"{'  ' * level}k{level}:\n" for level in range(30)) + "  " * 30 + "x\n"

SCHEMES = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.domain)",
    '"java\\tscript:alert(1)"',
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/course",
    "//evil.example/course",
    "https:evil.example",
    "mailto:office@example.org",
]
"""Addresses that are not absolute http(s) links; the tab one is YAML-escaped."""

ACCREDITATIONS = "accreditations:\n" + "".join(
    f"  - name: Label {index}\n    url: {scheme}\n" for index, scheme in enumerate(SCHEMES))


def _cases() -> list[Case]:
    """Every hostile input that `microvet check` must refuse (or, exit code 0, accept)."""
    return [
        # --- YAML constructs that do not belong in a content file ---------------------
        Case("billion-laughs", {"units/barista.yaml": LAUGHS}, classes=("alias bomb",)),
        Case("alias-without-anchor", unit(("title: Barista basics", "title: *title")),
             classes=("alias bomb",)),
        Case("merge-key", unit(append="<<: *defaults\n"), classes=("alias bomb",)),
        Case("python-object-apply", unit(("id: barista",
                                          'id: !!python/object/apply:os.system ["touch pwned"]')),
             classes=("custom tag",)),
        Case("python-name", unit(("title: Barista basics", "title: !!python/name:os.system")),
             classes=("custom tag",)),
        Case("local-tag", unit(("title: Barista basics", "title: !secret Barista basics")),
             classes=("custom tag",)),
        Case("tag-directive", {"units/barista.yaml": "%TAG ! tag:yaml.org,2002:python/object:\n"
                               "---\n" + edit(UNIT, ("id: barista", "id: !Foo barista"))},
             classes=("custom tag",)),
        Case("duplicate-key", unit(append="title: Barista advanced\n"),
             classes=("duplicate keys",)),
        Case("duplicate-nested-key", unit(("  ects: 1", "  ects: 1\n  hours: 2500")),
             classes=("duplicate keys",)),
        Case("deep-flow-nesting", unit(append="keywords: " + "[" * 100_000 + "\n"),
             classes=("deep nesting",)),
        Case("deep-block-nesting", unit(append="extra:\n" + "".join(
            "  " * (level + 1) + f"k{level}:\n" for level in range(30)) + "  " * 31 + "x\n"),
             classes=("deep nesting",)),
        # --- files that are not a YAML mapping in UTF-8 ------------------------------------
        Case("twenty-megabytes", {"units/barista.yaml": UNIT.encode() + b"#" * 20_000_000},
             classes=("huge file",)),
        Case("invalid-utf8", {"units/barista.yaml": UNIT.encode().replace(
            b"Barista basics", b"Barista \xff basics")}, classes=("invalid UTF-8",)),
        Case("latin1-file", {"units/barista.yaml": UNIT.replace(
            "Barista basics", "Caf\u00e9 basics").encode("latin-1")},
             classes=("invalid UTF-8",)),
        Case("utf16-file", {"units/barista.yaml": UNIT.encode("utf-16")},
             classes=("invalid UTF-8", "byte-order mark")),
        Case("nul-byte", {"units/barista.yaml": UNIT.encode().replace(
            b"Barista basics", b"Barista\x00basics")}, classes=("NUL bytes",)),
        Case("nul-escape", unit(("title: Barista basics", 'title: "Barista\\0basics"')),
             classes=("NUL bytes",)),
        Case("terminal-escape", unit(("title: Barista basics",
                                      'title: "\\e]0;pwned\\aBarista"')),
             classes=("NUL bytes",)),
        Case("lone-surrogate", unit(("title: Barista basics", 'title: "Barista\\ud800"')),
             classes=("invalid UTF-8",)),
        Case("empty-file", {"units/barista.yaml": ""}, classes=("empty file",)),
        Case("comments-only", {"units/barista.yaml": "# TODO\n\n   \n# later\n"},
             classes=("empty file",)),
        Case("list-not-mapping", {"units/barista.yaml": "- id: barista\n- title: x\n"},
             classes=("list instead of mapping",)),
        Case("scalar-not-mapping", {"units/barista.yaml": "barista\n"},
             classes=("list instead of mapping",)),
        Case("two-documents", {"units/barista.yaml": UNIT + "---\n" + UNIT},
             classes=("list instead of mapping",)),
        Case("key-not-text", unit(append="[a, b]: c\n"),
             classes=("list instead of mapping",)),
        Case("symbolic-link", {"units/barista.yaml": Link("secret.yaml")},
             classes=("symbolic link",)),
        Case("not-a-yaml-file", {"units/barista.yml": UNIT}, classes=("stray file",)),
        Case("file-name-with-new-line", {"units/x\n::error::pwned.yaml": UNIT},
             classes=("ids with slashes",)),
        Case("file-name-with-a-workflow-command", {"units/x\n::error::pwned,.yaml": UNIT},
             classes=("ids with slashes",), args=("--format", "github")),
        Case("byte-order-mark", {"units/barista.yaml": "\ufeff" + UNIT}, exit_code=0,
             classes=("byte-order mark",)),
        Case("windows-line-endings", {"units/barista.yaml": UNIT.replace("\n", "\r\n")},
             exit_code=0, classes=("byte-order mark",)),
        # --- ids and references ---------------------------------------------------------------
        Case("id-dot-dot", unit(("id: barista", "id: ../../etc/passwd")),
             classes=("ids with ../",)),
        Case("id-slash", unit(("id: barista", "id: units/barista")),
             classes=("ids with slashes",)),
        Case("id-upper-case", {"units/barista.yaml": None,
                               "units/Barista.yaml": edit(UNIT, ("id: barista", "id: Barista"))},
             classes=("ids in upper case",)),
        Case("id-space", {"units/barista.yaml": None,
                          "units/barista basics.yaml": edit(UNIT, ("id: barista",
                                                                   "id: barista basics"))},
             classes=("ids with spaces",)),
        Case("id-look-alike", {"units/barista.yaml": None,
                               f"units/b{CYRILLIC_A}rista.yaml": edit(
                                   UNIT, ("id: barista", f"id: b{CYRILLIC_A}rista"))},
             classes=("look-alike Unicode",)),
        Case("id-not-file-name", unit(("id: barista", "id: espresso-basics")),
             classes=("id different from file name",)),
        Case("ref-dot-dot", unit(("provider: centre", "provider: ../providers/centre")),
             classes=("ids with ../",)),
        Case("ref-slash", unit(("outcomes: [espresso]", "outcomes: [outcomes/espresso]")),
             classes=("ids with slashes",)),
        Case("ref-upper-case", unit(("provider: centre", "provider: Centre")),
             classes=("ids in upper case",)),
        Case("ref-space", unit(("outcomes: [espresso]", 'outcomes: ["espresso shot"]')),
             classes=("ids with spaces",)),
        Case("ref-look-alike", unit(("provider: centre", f"provider: c{CYRILLIC_IE}ntre")),
             classes=("look-alike Unicode",)),
        Case("ref-missing-body", unit(append="awarding_bodies: [centre, chamber]\n"),
             classes=("dangling reference",)),
        Case("stack-into-itself", {"units/barista.yaml": stacking("barista", "barista")},
             classes=("reference cycles",)),
        Case("stack-cycle-of-two", {"units/barista.yaml": stacking("barista", "latte-art"),
                                    "units/latte-art.yaml": stacking("latte-art", "barista")},
             classes=("reference cycles",)),
        Case("stack-cycle-of-three", {
            "units/barista.yaml": stacking("barista", "latte-art"),
            "units/latte-art.yaml": stacking("latte-art", "coffee-roasting"),
            "units/coffee-roasting.yaml": stacking("coffee-roasting", "barista")},
             classes=("reference cycles",)),
        Case("stack-into-missing", {"units/barista.yaml": stacking("barista", "latte-art")},
             classes=("dangling reference",)),
        Case("many-dangling-references", unit(("outcomes: [espresso]", "outcomes: [" + ", ".join(
            f"missing-{index}" for index in range(5000)) + "]")),
             classes=("dangling reference",)),
        # --- numbers and dates ------------------------------------------------------------
        Case("eqf-zero", unit(("eqf_level: 3", "eqf_level: 0")), classes=("EQF 0 or 9",)),
        Case("eqf-nine", unit(("eqf_level: 3", "eqf_level: 9")), classes=("EQF 0 or 9",)),
        Case("workload-negative", unit(("hours: 25", "hours: -25")),
             classes=("negative numbers",)),
        Case("workload-absurd", unit(("hours: 25", "hours: 1000000000")),
             classes=("absurd numbers",)),
        Case("workload-infinite", unit(("hours: 25", "hours: .inf")),
             classes=("absurd numbers",)),
        Case("workload-overflow", unit(("hours: 25", "hours: 1.0e400")),
             classes=("absurd numbers",)),
        Case("number-with-5000-digits", unit(("hours: 25", "hours: 1" + "0" * 5000)),
             classes=("absurd numbers",)),
        Case("ects-absurd", unit(("ects: 1", "ects: 9999")), classes=("absurd numbers",)),
        Case("price-negative", unit(("price: free", "price: {amount: -10, currency: EUR}")),
             classes=("negative numbers",)),
        Case("price-absurd", unit(("price: free", "price: {amount: 1000000000000, currency: EUR}")),
             classes=("absurd numbers",)),
        Case("price-fractions-of-a-cent", unit(("price: free",
                                                "price: {amount: 0.001, currency: EUR}")),
             classes=("absurd numbers",)),
        Case("places-zero", unit(append="sessions:\n  - start: 2026-09-01\n    location: online\n"
                                        "    places: 0\n"), classes=("negative numbers",)),
        Case("date-february-30", unit(append="published: 2026-02-30\n"),
             classes=("impossible dates",)),
        Case("date-month-13", unit(append="sessions:\n  - start: 2026-13-01\n"
                                          "    location: online\n"),
             classes=("impossible dates",)),
        Case("date-year-zero", unit(append="updated: 0000-01-01\n"),
             classes=("impossible dates",)),
        Case("session-ends-before-start", unit(append="sessions:\n  - start: 2026-09-10\n"
                                                      "    end: 2026-09-01\n"
                                                      "    location: online\n"),
             classes=("impossible dates",)),
        # --- web addresses: every URL field of every model --------------------------------
        Case("url-provider-homepage", provider(("homepage: https://example.org/centre",
                                                "homepage: javascript:alert(1)")),
             classes=("non-http(s) URLs",)),
        Case("url-every-scheme", provider(append=ACCREDITATIONS),
             classes=("non-http(s) URLs",)),
        Case("url-unit-homepage",
             unit(append="homepage: data:text/html,<script>alert(1)</script>\n"),
             classes=("non-http(s) URLs",)),
        Case("url-quality-assurance", unit((
            "quality_assurance: Reviewed each year by the school's quality board.",
            "quality_assurance:\n  description: Reviewed each year.\n"
            "  accreditation: Quality label\n  url: vbscript:msgbox(1)")),
             classes=("non-http(s) URLs",)),
        Case("url-stack-target", unit(append="stackability:\n  kind: stackable\n  into:\n"
                                              "    - title: Barista diploma\n"
                                              "      url: javascript:alert(1)\n"),
             classes=("non-http(s) URLs",)),
        Case("url-enrol", unit(append="sessions:\n  - start: 2026-09-01\n    location: online\n"
                                      "    enrol_url: file:///etc/passwd\n"),
             classes=("non-http(s) URLs",)),
        Case("url-prior-learning", unit(append="prior_learning:\n  offered: true\n"
                                               "  fee: free\n  evidence: [certificates]\n"
                                               "  how_to_apply: Write to us.\n"
                                               "  assessor: Two trainers\n  grants: full\n"
                                               "  apply_url: javascript:alert(1)\n"),
             classes=("non-http(s) URLs",)),
        Case("url-material", unit(append="materials:\n  - title: Espresso guide\n"
                                         "    url: //evil.example/guide\n"
                                         "    license: CC-BY-4.0\n"),
             classes=("non-http(s) URLs",)),
        Case("url-other-skill", outcome(append="other_skills:\n  - framework: DigComp 2.2\n"
                                               "    label: Browsing\n"
                                               "    url: \"java\\nscript:alert(1)\"\n"),
             classes=("non-http(s) URLs",)),
        Case("url-esco-skill", outcome((
            "  - http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6",
            "  - javascript:alert(1)")), classes=("non-http(s) URLs",)),
        Case("url-esco-occupation", unit(append="occupations:\n"
                                                "  - uri: https://evil.example/occupation\n"
                                                "    label: Barista\n"),
             classes=("non-http(s) URLs",)),
        Case("email-with-markup", provider(append='email: "<script>alert(1)</script>@x.org"\n'),
             classes=("non-http(s) URLs",)),
        # --- text that is not text -------------------------------------------------------------
        Case("text-too-long", unit(("title: Barista basics", "title: " + "a" * 20_001)),
             classes=("absurd numbers",)),
        Case("language-key-markup", unit(("title: Barista basics",
                                          'title: {"<script>": Barista basics}')),
             classes=("language maps",)),
        Case("language-key-upper-case", unit(("title: Barista basics",
                                              "title: {EN: Barista basics}")),
             classes=("language maps",)),
        Case("keyword-too-long", unit(append="keywords: [" + "x" * 61 + "]\n"),
             classes=("absurd numbers",)),
        Case("unknown-field", unit(append="onload: alert(1)\n"),
             classes=("unknown fields",)),
    ]


CASES = _cases()
