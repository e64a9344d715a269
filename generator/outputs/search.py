"""The catalogue page's search: a prebuilt lunr index, facet values and the result-list fields.

`render` writes `catalogue/search-index.json`, which `theme/assets/catalogue.js` loads with
`lunr.Index.load`, and copies the lunr.js that the installed MkDocs ships beside it, so the
browser runs exactly the lunr version (2.3.9) whose format lunr.py writes.

Languages: every language a text has goes into the same fields, unstemmed. Stemming would need
a stemmer per language in both Python (lunr.py's come from nltk, whose stop-word data is a
separate download) and the browser; instead the page stems each typed English word and matches
it, and every word, as a prefix. Accents are folded and punctuation splits words, with the
same rules here and in catalogue.js, so `Lebensmittel-Verarbeitung` or `caffè` match what
people type.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from lunr.stop_word_filter import WORDS as STOP_WORDS

from generator.content.catalogue import Catalogue
from generator.content.models import Outcome, Provider, Unit
from generator.content.text import SITE_LANGUAGE, long_date, money, pick, pick_language
from generator.content.vocabularies import vocabulary
from generator.kinds import SiteInfo
from generator.outputs import packed_index

INDEX_PATH = "catalogue/search-index.json"
SUMMARIES_PATH = "catalogue/summaries.json"
"""The cards' summaries, in index order: loaded after the index, so the first result does not
wait for them (at 10,000 units they would double the index)."""
LUNR_SCRIPT_PATH = "assets/vendor/lunr.min.js"
FORMAT_VERSION = 1
"""Bumped when the shape of search-index.json changes, so a cached page cannot misread it."""

DESCRIPTION_WORDS = 24
"""Distinct words a unit's description adds to the index, so 10,000 units stay under 1 MB
gzipped (docs/benchmarks.md); title, summary, keywords, outcomes and skills count in full."""

FIELD_BOOSTS = {"title": 10, "keywords": 4, "text": 1}
"""lunr fields and their weights: a word in the title counts ten times one in the text."""

SEPARATORS = re.compile(
    "[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u1680\u2000-\u206f\u3000\ufeff"
    "\U00010000-\U0010ffff]+")
"""Controls, spaces and punctuation (ASCII, Latin-1, general), and characters beyond the BMP
(emoji): exactly the class in catalogue.js, so both sides cut text into the same words."""
_URL = re.compile(r"https?://\S+")
_COMBINING_MARKS = re.compile("[\u0300-\u036f]")
"""Accents once NFKD has split them from their letters: `caffè` is found as `caffe`."""

WORKLOAD_BANDS: tuple[tuple[str, Decimal | None, str], ...] = (
    ("0-25", Decimal(25), "Up to 25 hours"),
    ("25-50", Decimal(50), "Over 25, up to 50 hours"),
    ("50-100", Decimal(100), "Over 50, up to 100 hours"),
    ("100-200", Decimal(200), "Over 100, up to 200 hours"),
    ("200+", None, "Over 200 hours"),
)
"""Workload facet: (code, highest hours in the band, label); 25 hours is about one ECTS."""


@dataclass(frozen=True, slots=True)
class Facet:
    """A filter on the catalogue page: its URL key, legend and the values of one unit."""

    key: str
    label: str
    values_of: Callable[[Catalogue, Unit], list[str]]
    label_of: Callable[[Catalogue, str], str]
    by_label: bool = False


def workload_band(hours: Decimal) -> str:
    """The code of the workload band `hours` falls in."""
    for band, highest, _ in WORKLOAD_BANDS:
        if highest is None or hours <= highest:
            return band
    raise AssertionError("the last band is open-ended")


def _vocab_label(name: str) -> Callable[[Catalogue, str], str]:
    return lambda _catalogue, code: vocabulary(name)[code].label


def _band_label(_catalogue: Catalogue, code: str) -> str:
    return next(label for band, _, label in WORKLOAD_BANDS if band == code)


def _licence_label(_catalogue: Catalogue, code: str) -> str:
    return str(vocabulary("licences")[code].extra["short"])


DATES_LABELS = {"upcoming": "Upcoming sessions", "none": "No dates announced"}


def _dates(catalogue: Catalogue, unit: Unit) -> list[str]:
    return ["upcoming" if catalogue.next_session(unit) else "none"]


FACETS: tuple[Facet, ...] = (
    Facet("level", "EQF level", lambda c, u: [u.eqf_level], _vocab_label("eqf_levels")),
    Facet("workload", "Workload", lambda c, u: [workload_band(u.workload.hours)], _band_label),
    Facet("lang", "Language", lambda c, u: list(u.languages), _vocab_label("languages"),
          by_label=True),
    Facet("mode", "Mode of participation", lambda c, u: [u.mode], _vocab_label("modes")),
    Facet("licence", "Licence", lambda c, u: [u.license], _licence_label),
    Facet("price", "Price", lambda c, u: ["free" if u.price.is_free else "paid"],
          lambda c, code: code.capitalize()),
    Facet("country", "Provider country", lambda c, u: [c.provider_of(u).country],
          _vocab_label("countries"), by_label=True),
    Facet("provider", "Provider", lambda c, u: [u.provider],
          lambda c, code: pick(c.providers[code].name), by_label=True),
    Facet("field", "Field of education",
          lambda c, u: [str(vocabulary("isced_f")[u.isced_f].extra["broad"])],
          _vocab_label("isced_f")),
    Facet("dates", "Dates", _dates, lambda c, code: DATES_LABELS[code]),
)
"""The filters, in the order the page shows them; `key` is the URL parameter."""


def render(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """`catalogue/search-index.json` and the lunr.js that loads it."""
    return {INDEX_PATH: index_bytes(search_index(catalogue)), LUNR_SCRIPT_PATH: lunr_script(),
            SUMMARIES_PATH: index_bytes({"version": FORMAT_VERSION,
                                         "summaries": summaries(catalogue)})}


def summaries(catalogue: Catalogue) -> list[str]:
    """Each unit's summary, in the order of the index's units."""
    return [pick(unit.summary) for unit in _units_in_order(catalogue)]


def _units_in_order(catalogue: Catalogue) -> list[Unit]:
    """Units in title order: the order of the index's documents and columns."""
    return sorted(catalogue.units.values(), key=lambda u: (pick(u.title).casefold(), u.id))


@cache
def lunr_script() -> bytes:
    """lunr.js 2.3.9, minified, as released (generator/outputs/vendor/README.md)."""
    return (resources.files("generator.outputs") / "vendor" / "lunr.min.js").read_bytes()


def search_index(catalogue: Catalogue) -> dict[str, Any]:
    """The document the catalogue page loads: lunr index, facets and display columns.

    Index documents are the units (numbered in title order), then the outcomes they use,
    then the providers in the order of the provider facet: shared text is indexed once,
    and a match on an outcome or provider counts for each of its units.
    """
    units = _units_in_order(catalogue)
    facets = [_facet_table(catalogue, facet, units) for facet in FACETS]
    outcome_ids = sorted({oid for unit in units for oid in unit.outcomes})
    provider_ids = [code for code, _ in next(t for t in facets
                                             if t["meta"]["key"] == "provider")["meta"]["values"]]
    rarity = description_rarity(units)
    documents = [unit_words(unit, rarity) for unit in units]
    documents += [outcome_words(catalogue.outcomes[oid]) for oid in outcome_ids]
    documents += [provider_words(catalogue.providers[pid]) for pid in provider_ids]
    builder = packed_index.build(FIELD_BOOSTS, documents)
    position = {unit.id: number for number, unit in enumerate(units)}
    return {
        "version": FORMAT_VERSION,
        "index": packed_index.pack(builder, FIELD_BOOSTS),
        "facets": [table["meta"] for table in facets],
        "outcomeUnits": [packed_index.encode_numbers(_gaps(sorted(
            position[u.id] for u in catalogue.units_with_outcome(oid)))) for oid in outcome_ids],
        "units": {**display_columns(catalogue, units),
                  "facets": {table["meta"]["key"]: table["column"] for table in facets}},
    }


def index_bytes(document: dict[str, Any]) -> bytes:
    """Compact, deterministic JSON (this file is downloaded, not read by people)."""
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def normalise_words(text: str) -> list[str]:
    """Lowercase words without accents, URLs or punctuation, and without stop words."""
    plain = _URL.sub(" ", text)
    if not plain.isascii():
        plain = _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", plain))
    plain = plain.lower()
    return [word for word in SEPARATORS.split(plain) if word and word not in STOP_WORDS]


def _words(*texts: Mapping[str, str] | str | None) -> list[str]:
    """The words of texts in every language they are written in."""
    words = []
    for text in texts:
        if isinstance(text, str):
            words += normalise_words(text)
        elif text:
            for value in text.values():
                words += normalise_words(value)
    return words


def unit_words(unit: Unit, rarity: Mapping[str, float]) -> dict[str, list[str]]:
    """A unit's own text: title; keywords; summary and the description's distinctive words."""
    summary = _words(unit.summary)
    return {"title": _words(unit.title), "keywords": _words(*unit.keywords),
            "text": summary + distinctive_words(_words(unit.description), set(summary), rarity)}


def distinctive_words(words: list[str], known: set[str],
                      rarity: Mapping[str, float]) -> list[str]:
    """The `DESCRIPTION_WORDS` words of a description that best tell its unit apart.

    Ranked by tf-idf (how often here, how rare in all descriptions), leaving out words the
    summary already has; each kept word keeps its count, so lunr's weighting still sees it.
    """
    counts = Counter(word for word in words if word not in known)
    ranked = sorted(counts, key=lambda word: (-counts[word] * rarity[word], word))
    kept = set(ranked[:DESCRIPTION_WORDS])
    return [word for word in words if word in kept]


def description_rarity(units: Iterable[Unit]) -> dict[str, float]:
    """Inverse document frequency of each word over all unit descriptions."""
    seen: Counter[str] = Counter()
    total = 0
    for unit in units:
        seen.update(set(_words(unit.description)))
        total += 1
    return {word: math.log((1 + total) / count) for word, count in seen.items()}


def outcome_words(outcome: Outcome) -> dict[str, list[str]]:
    """An outcome's text: title and ESCO skill labels; the statement."""
    return {"keywords": _words(outcome.title, *(skill.label for skill in outcome.esco_skills)),
            "text": _words(outcome.statement)}


def provider_words(provider: Provider) -> dict[str, list[str]]:
    """A provider's names."""
    return {"keywords": _words(provider.name, provider.short_name)}


def _gaps(numbers: list[int]) -> list[int]:
    """Sorted numbers as differences from the previous one (the first from -1)."""
    previous = [-1, *numbers[:-1]]
    return [number - before for before, number in zip(previous, numbers, strict=True)]


def _number(value: Decimal | None) -> int | float | None:
    """25 rather than 25.0; None stays None."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def display_columns(catalogue: Catalogue, units: list[Unit]) -> dict[str, Any]:
    """What a result card shows, one list per field, in the order of the lunr refs."""
    title_languages = {
        str(position): pick_language(unit.title)
        for position, unit in enumerate(units) if pick_language(unit.title) != SITE_LANGUAGE
    }
    return {
        "id": [unit.id for unit in units],
        "title": [pick(unit.title) for unit in units],
        "titleLang": title_languages,
        "hours": [_number(unit.workload.hours) for unit in units],
        "ects": [_number(unit.workload.ects) for unit in units],
        "price": [money(unit.price.amount, unit.price.currency) for unit in units],
        "cost": [_number(unit.price.amount) for unit in units],
        "next": _next_starts(catalogue, units),
        "published": [_published(catalogue, unit) for unit in units],
    }


def _next_starts(catalogue: Catalogue, units: list[Unit]) -> dict[str, list[Any]]:
    """By unit position, the next session's start (days from 1970-01-01 and as shown).

    Only units with an upcoming session are listed (a 10,000-unit catalogue mostly has none).
    """
    starts = {}
    for position, unit in enumerate(units):
        session = catalogue.next_session(unit)
        if session:
            starts[str(position)] = [(session.start - dt.date(1970, 1, 1)).days,
                                     long_date(session.start)]
    return starts


def _published(catalogue: Catalogue, unit: Unit) -> int:
    """Days from 1970-01-01 to first publication (0 when unknown): the "newest" sort key."""
    dates = catalogue.dates[unit.id]
    day = dates.published or dates.updated
    return (day - dt.date(1970, 1, 1)).days if day else 0


def _facet_table(catalogue: Catalogue, facet: Facet, units: list[Unit]) -> dict[str, Any]:
    """The facet's values (code, label) and, per unit, the positions of its values."""
    per_unit = [facet.values_of(catalogue, unit) for unit in units]
    codes = sorted({code for codes in per_unit for code in codes})
    labels = {code: facet.label_of(catalogue, code) for code in codes}
    if facet.by_label:
        codes.sort(key=lambda code: (labels[code].casefold(), code))
    else:
        codes.sort(key=_natural_order(facet))
    position = {code: index for index, code in enumerate(codes)}
    column = [sorted(position[code] for code in unit_codes) for unit_codes in per_unit]
    single = all(len(values) == 1 for values in column)
    return {
        "meta": {"key": facet.key, "label": facet.label,
                 "values": [[code, labels[code]] for code in codes]},
        "column": [values[0] for values in column] if single else column,
    }


def _natural_order(facet: Facet) -> Callable[[str], Any]:
    """Workload bands in ascending order, vocabulary codes in their list's order."""
    if facet.key == "workload":
        order = [band for band, _, _ in WORKLOAD_BANDS]
        return order.index
    if facet.key == "price":
        return ["free", "paid"].index
    if facet.key == "dates":
        return list(DATES_LABELS).index
    if facet.key in _FACET_VOCABULARIES:
        return list(vocabulary(_FACET_VOCABULARIES[facet.key]).codes()).index
    return lambda code: code


_FACET_VOCABULARIES = {"level": "eqf_levels", "mode": "modes", "licence": "licences",
                       "field": "isced_f"}
