"""The catalogue page's search: one prebuilt lunr index per interface language.

`render` writes `catalogue/search-index.json` (English, the default language) and
`catalogue/search-index.<lang>.json` for every other interface language, which
`theme/assets/catalogue.js` loads with `lunr.Index.load`. It publishes the vendored lunr.js
2.3.9 (the version whose format lunr.py writes) and lunr-languages' stemmers beside them, so
the browser stems what is typed as this module stems the texts.

Every index holds every unit. The index of language L puts each text written in L, stemmed
with L's stemmer (generator/outputs/search_text.py), into the fields `title`, `keywords` and
`text`, and every text in another language, folded but not stemmed, into `title_other`,
`keywords_other` and `text_other`; the page stems what is typed with L's stemmer for the first
three and matches it as typed, and as a prefix, in the others, ranking units found in L's
texts first. Facet legends and values, prices and titles are worded in L.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.models import Outcome, Provider, Unit
from generator.content.text import long_date, money, pick, pick_language
from generator.content.vocabularies import vocabulary
from generator.content.vocabularies.esco import normalise_uri
from generator.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, translate
from generator.kinds import UNIT, SiteInfo
from generator.outputs import packed_index
from generator.outputs.common import is_open_licence
from generator.outputs.search_text import (
    SEPARATORS,
    SNOWBALL,
    index_words,
    lunr_language_folder,
    normalise_words,
    split_words,
)

__all__ = ["SEPARATORS", "normalise_words"]

INDEX_PATH = "catalogue/search-index.json"
"""The default language's index; the others are `index_path(language)`."""
SUMMARIES_PATH = "catalogue/summaries.json"
"""The cards' summaries of the default language, in index order: loaded after the index, so
the first result does not wait for them (at 10,000 units they would double the index); the
others are `summaries_path(language)`."""
LUNR_SCRIPT_PATH = "assets/vendor/lunr.min.js"
STEMMER_SUPPORT_PATH = "assets/vendor/lunr.stemmer.support.js"
FORMAT_VERSION = 2
"""Bumped when the shape of search-index.json changes, so a cached page cannot misread it."""

DESCRIPTION_WORDS = 24
"""Distinct words a unit's description adds to the index, so 10,000 units stay under 1 MB
gzipped (docs/benchmarks.md); title, summary, keywords, outcomes and skills count in full."""

FIELD_BOOSTS = {"title": 10, "keywords": 4, "text": 1,
                "title_other": 10, "keywords_other": 4, "text_other": 1}
"""lunr fields and their weights: a word in the title counts ten times one in the text; the
`_other` fields hold the texts in languages other than the index's."""
OTHER = "_other"

Texts = Iterable[tuple[str | None, str]]
"""(language, text) pairs; None for names that belong to no language."""

WORKLOAD_BANDS: tuple[tuple[str, Decimal | None, str], ...] = (
    ("0-25", Decimal(25), N_("Up to 25 hours")),
    ("25-50", Decimal(50), N_("Over 25, up to 50 hours")),
    ("50-100", Decimal(100), N_("Over 50, up to 100 hours")),
    ("100-200", Decimal(200), N_("Over 100, up to 200 hours")),
    ("200+", None, N_("Over 200 hours")),
)
"""Workload facet: (code, highest hours in the band, label); 25 hours is about one ECTS."""


_PRIOR_LEARNING = {"full": "Full credential by assessment",
                   "exemption": "Exemption from parts by assessment"}


def _routes(unit: Unit) -> list[str]:
    """What an offered assessment-only route grants: `full` or `exemption`."""
    route = unit.prior_learning
    return [route.grants] if route and route.offered and route.grants else []


@dataclass(frozen=True, slots=True)
class Facet:
    """A filter on the catalogue page: its URL key, legend and the values of one unit."""

    key: str
    label: str
    values_of: Callable[[Catalogue, Unit], list[str]]
    label_of: Callable[[Catalogue, str, str], str]
    """(catalogue, code, language) -> the value's label in that language."""
    by_label: bool = False


def workload_band(hours: Decimal) -> str:
    """The code of the workload band `hours` falls in."""
    for band, highest, _ in WORKLOAD_BANDS:
        if highest is None or hours <= highest:
            return band
    raise AssertionError("the last band is open-ended")


def _vocab_label(name: str) -> Callable[[Catalogue, str, str], str]:
    return lambda _catalogue, code, language: vocabulary(name)[code].label_in(language)


def _band_label(_catalogue: Catalogue, code: str, language: str) -> str:
    return translate(language, next(label for band, _, label in WORKLOAD_BANDS if band == code))


OPEN_LABELS = {"open": N_("Open (OER: free to reuse and adapt)"), "not-open": N_("Not open")}
"""Values of the open-licence facet (the rule: scripts/extract_licences.py, OPEN_RULE)."""


def _licence_label(_catalogue: Catalogue, code: str, _language: str) -> str:
    return str(vocabulary("licences")[code].extra["short"])


DATES_LABELS = {"upcoming": N_("Upcoming sessions"), "none": N_("No dates announced")}


def _dates(catalogue: Catalogue, unit: Unit) -> list[str]:
    return ["upcoming" if catalogue.next_session(unit) else "none"]


PRICE_LABELS = {"free": N_("Free"), "paid": N_("Paid")}

FACETS: tuple[Facet, ...] = (
    Facet("level", N_("EQF level"), lambda c, u: [u.eqf_level], _vocab_label("eqf_levels")),
    Facet("workload", N_("Workload"), lambda c, u: [workload_band(u.workload.hours)],
          _band_label),
    Facet("lang", N_("Language of instruction"), lambda c, u: list(u.languages),
          _vocab_label("languages"), by_label=True),
    Facet("mode", N_("Mode of participation"), lambda c, u: [u.mode], _vocab_label("modes")),
    Facet("licence", N_("Licence"), lambda c, u: [u.license], _licence_label),
    Facet("open", N_("Open licence"),
          lambda c, u: ["open" if is_open_licence(u.license) else "not-open"],
          lambda c, code, language: translate(language, OPEN_LABELS[code])),
    Facet("price", N_("Price"), lambda c, u: ["free" if u.price.is_free else "paid"],
          lambda c, code, language: translate(language, PRICE_LABELS[code])),
    Facet("country", N_("Provider country"), lambda c, u: [c.provider_of(u).country],
          _vocab_label("countries"), by_label=True),
    Facet("provider", N_("Provider"), lambda c, u: [u.provider],
          lambda c, code, language: pick(c.providers[code].name, language), by_label=True),
    Facet("field", N_("Field of education"),
          lambda c, u: [str(vocabulary("isced_f")[u.isced_f].extra["broad"])],
          _vocab_label("isced_f")),
    Facet("dates", N_("Dates"), _dates,
          lambda c, code, language: translate(language, DATES_LABELS[code])),
    Facet("prior", N_("Recognition of prior learning"),
          lambda c, u: _routes(u),
          lambda c, code, language: translate(language, _PRIOR_LEARNING[code])),
    Facet("recognised", N_("Recognised by"),
          lambda c, u: [rid for _, rid in c.referrers("units", u.id, "recognitions")],
          lambda c, code, language: pick(c.objects["recognitions"][code].partner.name,
                                         language), by_label=True),
    Facet("pathway", N_("Part of a pathway"),
          lambda c, u: [pid for _, pid in c.referrers("units", u.id, "pathways")],
          lambda c, code, language: pick(c.objects["pathways"][code].title, language),
          by_label=True),
)
"""The filters, in the order the page shows them; `key` is the URL parameter."""


def index_path(language: str) -> str:
    """Where the index of an interface language is published."""
    if language == DEFAULT_LANGUAGE:
        return INDEX_PATH
    return f"catalogue/search-index.{language}.json"


def summaries_path(language: str) -> str:
    """Where the cards' summaries of an interface language are published."""
    if language == DEFAULT_LANGUAGE:
        return SUMMARIES_PATH
    return f"catalogue/summaries.{language}.json"


def stemmer_script_path(language: str) -> str:
    """Where lunr-languages' script for `language` is published."""
    return f"assets/vendor/lunr.{language}.js"


def stemmer_scripts(language: str) -> list[str]:
    """The scripts the page of `language` loads after lunr.js to stem what is typed."""
    if language not in SNOWBALL:
        return []  # English: lunr's own stemmer; Polish: none
    return [STEMMER_SUPPORT_PATH, stemmer_script_path(language)]


def render(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """Every index, with its summaries, for each interface language; lunr.js and stemmers."""
    split: dict[str, list[str]] = {}  # each text is cut into words once for all languages
    files = {}
    for language in LANGUAGES:
        files[index_path(language)] = index_bytes(search_index(catalogue, language, split))
        files[summaries_path(language)] = index_bytes(
            {"version": FORMAT_VERSION, "summaries": summaries(catalogue, language)})
    return {**files, **vendor_scripts()}


def summaries(catalogue: Catalogue, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """Each unit's summary in `language`, in the order of that language's index."""
    return [pick(unit.summary, language) for unit in _units_in_order(catalogue, language)]


def _units_in_order(catalogue: Catalogue, language: str) -> list[Unit]:
    """Units in title order in `language`: the order of the index's documents and columns."""
    return sorted(catalogue.units.values(),
                  key=lambda u: (pick(u.title, language).casefold(), u.id))


@cache
def vendor_scripts() -> dict[str, bytes]:
    """lunr.js and lunr-languages' stemmers, vendored (generator/outputs/vendor/README.md)."""
    vendor = lunr_language_folder()
    scripts = {LUNR_SCRIPT_PATH: (vendor / "lunr.min.js").read_bytes(),
               STEMMER_SUPPORT_PATH: (vendor / "lunr.stemmer.support.js").read_bytes()}
    for language in SNOWBALL:
        scripts[stemmer_script_path(language)] = (vendor / f"lunr.{language}.js").read_bytes()
    return scripts


def lunr_script() -> bytes:
    """lunr.js 2.3.9, minified, as released."""
    return vendor_scripts()[LUNR_SCRIPT_PATH]


def search_index(catalogue: Catalogue, language: str = DEFAULT_LANGUAGE,
                 split: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The document the catalogue page in `language` loads: lunr index, facets, display columns.

    Index documents are the units (numbered in title order), then the outcomes they use,
    then the providers in the order of the provider facet: shared text is indexed once,
    and a match on an outcome or provider counts for each of its units.
    """
    units = _units_in_order(catalogue, language)
    facets = [table for facet in FACETS  # a facet no unit has a value of is left out
              if (table := _facet_table(catalogue, facet, units, language))["meta"]["values"]]
    outcome_ids = sorted({oid for unit in units for oid in unit.outcomes})
    provider_ids = [code for code, _ in next(t for t in facets
                                             if t["meta"]["key"] == "provider")["meta"]["values"]]
    words = Words(language, split)
    rarity = description_rarity(units, words)
    documents = [unit_words(unit, rarity, words) for unit in units]
    documents += [outcome_words(catalogue.outcomes[oid], words) for oid in outcome_ids]
    documents += [provider_words(catalogue.providers[pid], words) for pid in provider_ids]
    position = {unit.id: number for number, unit in enumerate(units)}
    return {
        "version": FORMAT_VERSION,
        "language": language,
        "index": packed_index.pack(FIELD_BOOSTS, documents),
        "facets": [table["meta"] for table in facets],
        "outcomeUnits": [packed_index.encode_numbers(_gaps(sorted(
            position[u.id] for u in catalogue.units_with_outcome(oid)))) for oid in outcome_ids],
        "units": {**display_columns(catalogue, units, language),
                  "facets": {table["meta"]["key"]: table["column"] for table in facets}},
        "esco": esco_facets(catalogue, units, outcome_ids),
    }


def index_bytes(document: dict[str, Any]) -> bytes:
    """Compact, deterministic JSON (this file is downloaded, not read by people)."""
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def texts(*values: Mapping[str, str] | str | None, language: str | None = None) -> list[
        tuple[str | None, str]]:
    """(language, text) pairs of language maps; plain strings are in `language`."""
    pairs: list[tuple[str | None, str]] = []
    for value in values:
        if isinstance(value, str):
            pairs.append((language, value))
        elif value:
            pairs += value.items()
    return pairs


class Words:
    """Cuts texts into the words of one interface language's index, remembering each text."""

    def __init__(self, language: str, split: dict[str, list[str]] | None = None) -> None:
        self.language = language
        self._split = {} if split is None else split
        """Each text's words before stop words and stemming, shareable between languages."""
        self._seen: dict[tuple[bool, str], list[str]] = {}

    def of(self, pairs: Texts) -> tuple[list[str], list[str]]:
        """The words of texts in the index's language (stemmed), and of the others."""
        own: list[str] = []
        other: list[str] = []
        for text_language, value in pairs:
            mine = text_language in (self.language, None)
            key = (text_language == self.language, value)
            words = self._seen.get(key)
            if words is None:
                cut = self._split.get(value)
                if cut is None:
                    cut = self._split[value] = split_words(value)
                words = self._seen[key] = index_words(cut, self.language, stem=key[0])
            (own if mine else other).extend(words)
        return own, other


def _fields(name: str, words: tuple[list[str], list[str]]) -> dict[str, list[str]]:
    return {name: words[0], name + OTHER: words[1]}


def unit_words(unit: Unit, rarity: Mapping[str, float],
               words: Words) -> dict[str, list[str]]:
    """A unit's own text: title; keywords; summary and the description's distinctive words."""
    own, other = words.of(texts(unit.summary))
    described = words.of(texts(unit.description))
    return {**_fields("title", words.of(texts(unit.title))),
            **_fields("keywords", words.of(
                texts(*unit.keywords, language=unit.default_language))),
            "text": own + distinctive_words(described[0], set(own), rarity),
            "text" + OTHER: other + distinctive_words(described[1], set(other), rarity)}


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


def description_rarity(units: Iterable[Unit], words: Words) -> dict[str, float]:
    """Inverse document frequency of each word over all unit descriptions."""
    seen: Counter[str] = Counter()
    total = 0
    for unit in units:
        own, other = words.of(texts(unit.description))
        seen.update(set(own) | set(other))
        total += 1
    return {word: math.log((1 + total) / count) for word, count in seen.items()}


def outcome_words(outcome: Outcome, words: Words) -> dict[str, list[str]]:
    """An outcome's text: title and ESCO skill labels (English); the statement."""
    skills: list[tuple[str | None, str]] = [
        ("en", skill.label) for skill in outcome.esco_skills if skill.label]
    return {**_fields("keywords", words.of([*texts(outcome.title), *skills])),
            **_fields("text", words.of(texts(outcome.statement)))}


def provider_words(provider: Provider, words: Words) -> dict[str, list[str]]:
    """A provider's names (a short name belongs to no language)."""
    return _fields("keywords", words.of(texts(provider.name, provider.short_name)))


def _gaps(numbers: list[int]) -> list[int]:
    """Sorted numbers as differences from the previous one (the first from -1)."""
    previous = [-1, *numbers[:-1]]
    return [number - before for before, number in zip(previous, numbers, strict=True)]


def _number(value: Decimal | None) -> int | float | None:
    """25 rather than 25.0; None stays None."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def display_columns(catalogue: Catalogue, units: list[Unit],
                    language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """What a result card shows, one list per field, in the order of the lunr refs."""
    title_languages = {
        str(position): pick_language(unit.title, language)
        for position, unit in enumerate(units)
        if pick_language(unit.title, language) != language
    }
    return {
        "id": [unit.id for unit in units],
        "title": [pick(unit.title, language) for unit in units],
        "titleLang": title_languages,
        "hours": [_number(unit.workload.hours) for unit in units],
        "ects": [_number(unit.workload.ects) for unit in units],
        "price": [money(unit.price.amount, unit.price.currency, language) for unit in units],
        "cost": [_number(unit.price.amount) for unit in units],
        "next": _next_starts(catalogue, units, language),
        "published": [_published(catalogue, unit) for unit in units],
        # Units with a page in `language` (`<language>/units/<id>/`, site/pages.py): the
        # others link to their page at the root.
        "local": [position for position, unit in enumerate(units)
                  if language in UNIT.languages(unit)],
    }


def _next_starts(catalogue: Catalogue, units: list[Unit],
                 language: str) -> dict[str, list[Any]]:
    """By unit position, the next session's start (days from 1970-01-01 and as shown).

    Only units with an upcoming session are listed (a 10,000-unit catalogue mostly has none).
    """
    starts = {}
    for position, unit in enumerate(units):
        session = catalogue.next_session(unit)
        if session:
            starts[str(position)] = [(session.start - dt.date(1970, 1, 1)).days,
                                     long_date(session.start, language)]
    return starts


def _published(catalogue: Catalogue, unit: Unit) -> int:
    """Days from 1970-01-01 to first publication (0 when unknown): the "newest" sort key."""
    dates = catalogue.dates[unit.id]
    day = dates.published or dates.updated
    return (day - dt.date(1970, 1, 1)).days if day else 0


def _facet_table(catalogue: Catalogue, facet: Facet, units: list[Unit],
                 language: str) -> dict[str, Any]:
    """The facet's values (code, label) and, per unit, the positions of its values."""
    per_unit = [facet.values_of(catalogue, unit) for unit in units]
    codes = sorted({code for codes in per_unit for code in codes})
    labels = {code: facet.label_of(catalogue, code, language) for code in codes}
    if facet.by_label:
        codes.sort(key=lambda code: (labels[code].casefold(), code))
    else:
        codes.sort(key=_natural_order(facet))
    position = {code: index for index, code in enumerate(codes)}
    column = [sorted(position[code] for code in unit_codes) for unit_codes in per_unit]
    single = all(len(values) == 1 for values in column)
    return {
        "meta": {"key": facet.key, "label": translate(language, facet.label),
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
    if facet.key == "open":
        return list(OPEN_LABELS).index
    if facet.key in _FACET_VOCABULARIES:
        return list(vocabulary(_FACET_VOCABULARIES[facet.key]).codes()).index
    return lambda code: code


_FACET_VOCABULARIES = {"level": "eqf_levels", "mode": "modes", "licence": "licences",
                       "field": "isced_f"}


# --- ESCO skills and occupations as facets (issue 15) -----------------------------------------

ESCO_CODE_LENGTH = 8
"""Hex digits of the ESCO UUID that name a skill or occupation in the page's URL (`?skill=`)."""


def esco_codes(slugs: list[str]) -> list[str]:
    """Short URL codes for ESCO UUIDs: their first digits, the whole UUID where those clash."""
    prefixes = Counter(slug[:ESCO_CODE_LENGTH] for slug in slugs)
    return [slug[:ESCO_CODE_LENGTH] if prefixes[slug[:ESCO_CODE_LENGTH]] == 1 else slug
            for slug in slugs]


def esco_facets(catalogue: Catalogue, units: list[Unit],
                outcome_ids: list[str]) -> dict[str, Any]:
    """The skill and occupation facets, in a compact form the page expands.

    A unit teaches the skills of its outcomes: the index lists each outcome's skills (by
    position in `skill.values`), and the page derives each unit's skills through
    `outcomeUnits`, which it already has. Occupations are listed per unit.
    """
    labour = catalogue.labour
    taught = [entry for entry in labour.skills.values() if entry.units]
    skill_position = {entry.uri: number for number, entry in enumerate(taught)}
    named = [entry for entry in labour.occupations.values() if entry.units]
    occupation_position = {entry.uri: number for number, entry in enumerate(named)}
    return {
        "skill": {
            "label": "Skill (ESCO)",
            "values": [list(pair) for pair in zip(esco_codes([e.slug for e in taught]),
                                                  [e.label for e in taught], strict=True)],
            "outcomes": [packed_index.encode_numbers(sorted(
                {skill_position[uri] for skill in catalogue.outcomes[oid].esco_skills
                 if (uri := normalise_uri(skill.uri)) in skill_position})) for oid in outcome_ids],
        },
        "occupation": {
            "label": "Occupation (ESCO)",
            "values": [list(pair) for pair in zip(esco_codes([e.slug for e in named]),
                                                  [e.label for e in named], strict=True)],
            "units": [packed_index.encode_numbers(sorted(
                occupation_position[uri] for o in unit.occupations
                if (uri := normalise_uri(o.uri)) in occupation_position)) for unit in units],
        },
    }
