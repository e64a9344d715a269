"""Labels of the controlled vocabularies in the interface languages (used by extract_vocabularies).

The ELM 3.1.0 code lists in the reference files are English only, so the labels come from:

* languages, countries, currencies: Unicode CLDR, as packaged in Babel (the names every
  operating system and browser shows), with the first letter capitalised for use as a label;
* NUTS regions: none; their official names are in the region's own language(s) and stay so
  on every page (`OWN_NAMES`);
* every other vocabulary: `vocabulary_translations/<name>.tsv` (a tab-separated table of code
  and one column per language), "microVET translation"; EQF level descriptions in
  `eqf_levels.descriptions.tsv`; ISCED-F field names in `isced_f.fields.tsv`, with the
  "not further defined", "not elsewhere classified" and "inter-disciplinary" codes worded by
  the patterns in `isced_f.patterns.tsv`.

Every term gets `labels: {lang: label}` for de, fr, it, es, pl and fi where a label exists
(English stays in `label`), and `descriptions` the same way where translated.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path
from typing import Any

import babel
from babel import Locale
from babel.core import get_cldr_version

LANGUAGES = ("de", "fr", "it", "es", "pl", "fi")
TABLES = Path(__file__).resolve().parent / "vocabulary_translations"
CLDR = f"Unicode CLDR {get_cldr_version()} (Babel {babel.__version__})"
MICROVET = "microVET translation (scripts/vocabulary_translations/)"
CLDR_NAMES = {"languages": "languages", "countries": "territories", "currencies": "currencies"}
"""Vocabularies named by CLDR, and the Babel `Locale` attribute holding the names."""
OWN_NAMES = {
    "nuts": "none, the official NUTS names (in the region's own language) in every language"}
"""Vocabularies whose official label is the same in every language: no `labels`."""
ISCED_PATTERNS = [
    (re.compile(r"^(?P<field>.+) not further defined$"), "{X} not further defined"),
    (re.compile(r"^(?P<field>.+) not elsewhere classified$"), "{X} not elsewhere classified"),
    (re.compile(r"^Inter-disciplinary programmes and qualifications involving (?P<field>.+)$"),
     "Inter-disciplinary programmes and qualifications involving {x}"),
]

Vocab = dict[str, Any]


@cache
def read_table(name: str) -> dict[str, dict[str, str]]:
    """`vocabulary_translations/<name>`: {key: {language: text}}."""
    with (TABLES / name).open(encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = rows[0], rows[1:]
    if tuple(header[1:]) != LANGUAGES:
        raise ValueError(f"{name}: columns must be {header[0]}, {', '.join(LANGUAGES)}")
    table = {}
    for row in body:
        if len(row) != len(header) or not all(row):
            raise ValueError(f"{name}: incomplete row {row!r}")
        table[row[0]] = dict(zip(LANGUAGES, row[1:], strict=True))
    return table


def capitalised(text: str) -> str:
    """`allemand` -> `Allemand`: CLDR names are written for running text."""
    return text[:1].upper() + text[1:]


def cldr_labels(vocabulary: str, code: str) -> dict[str, str]:
    """The CLDR names of a language, country or currency code."""
    labels = {}
    for language in LANGUAGES:
        names = getattr(Locale.parse(language), CLDR_NAMES[vocabulary])
        if code in names:
            labels[language] = capitalised(names[code])
    return labels


def isced_labels(label: str) -> dict[str, str]:
    """An ISCED-F field's name in each language, composed where the English one is."""
    fields = {key.casefold(): value for key, value in read_table("isced_f.fields.tsv").items()}
    for pattern, key in ISCED_PATTERNS:
        found = pattern.match(label)
        if found:
            field = fields[found["field"].casefold()]
            wording = read_table("isced_f.patterns.tsv")[key]
            return {language: wording[language].replace("{X}", field[language])
                    for language in LANGUAGES}
    return dict(fields[label.casefold()])


def with_labels(vocabulary: Vocab) -> Vocab:
    """`vocabulary` with `labels` (and translated `descriptions`) on every term."""
    name = vocabulary["name"]
    descriptions = (read_table(f"{name}.descriptions.tsv")
                    if (TABLES / f"{name}.descriptions.tsv").exists() else {})
    for term in vocabulary["terms"]:
        if name in OWN_NAMES:
            term["labels"] = {}
        elif name in CLDR_NAMES:
            term["labels"] = cldr_labels(name, term["code"])
        elif name == "isced_f":
            term["labels"] = isced_labels(term["label"])
        else:
            term["labels"] = dict(read_table(f"{name}.tsv")[term["code"]])
        if term["code"] in descriptions:
            term["descriptions"] = dict(descriptions[term["code"]])
    source = OWN_NAMES.get(name) or (CLDR if name in CLDR_NAMES else MICROVET)
    vocabulary["source"] += f"; labels in {', '.join(LANGUAGES)}: {source}"
    return vocabulary
