"""Did-you-mean for vocabulary values: case, punctuation, labels and symbols, then spelling.

A provider who types `eur`, `Portugal`, `Italian`, `Italiano`, `CC BY 4.0`, `on-site` or `€`
means a code the vocabulary has. The vocabulary's own labels (English label, official
`pref_label`, native name, short name, authority code, and any `labels` per language) lead
back to the code; spelling mistakes fall back to the closest code or label.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from functools import cache

from generator.content.vocabularies import Term, vocabulary

_NOT_ALNUM = re.compile(r"[\W_]+")

CURRENCY_SYMBOLS = {
    "€": "EUR", "£": "GBP", "$": "USD", "us$": "USD", "¥": "JPY", "zł": "PLN", "kč": "CZK",
    "ft": "HUF", "lei": "RON", "лв": "BGN", "₺": "TRY", "₴": "UAH", "fr": "CHF", "₹": "INR",
    "₩": "KRW", "₪": "ILS",
}
"""Common currency signs: the currency list carries names and codes, not symbols.

`kr` is left out on purpose: it is the sign of the Swedish, Danish, Norwegian and Icelandic
crowns alike."""

_SYMBOLS: Mapping[str, Mapping[str, str]] = {"currencies": CURRENCY_SYMBOLS}


def normalise(text: str) -> str:
    """Case, spaces and punctuation ignored: `On-Site` and `onsite`, `CC BY 4.0` and
    `CC-BY-4.0` read the same."""
    return _NOT_ALNUM.sub("", text.casefold())


def names_of(term: Term) -> list[str]:
    """Every name the vocabulary carries for a term, in every language it carries."""
    names = [term.code, term.label]
    names += [str(term.extra[key]) for key in ("pref_label", "native_name", "short",
                                               "authority_code") if term.extra.get(key)]
    names += [str(label) for label in term.labels.values()]
    return names


@cache
def _index(name: str) -> tuple[dict[str, str], dict[str, str]]:
    """Normalised code -> code, and normalised name -> code (names shared by two terms out)."""
    codes: dict[str, str] = {}
    named: dict[str, str] = {}
    ambiguous: set[str] = set()
    for term in vocabulary(name):
        codes.setdefault(normalise(term.code), term.code)
        for text in names_of(term):
            key = normalise(text)
            if not key:
                continue
            if named.setdefault(key, term.code) != term.code:
                ambiguous.add(key)
    for key in ambiguous:
        del named[key]
    return codes, named


def suggest(name: str, value: str) -> str | None:
    """The code of vocabulary `name` that `value` most likely means, or None."""
    value = value.strip()
    if not value:
        return None
    symbol = _SYMBOLS.get(name, {}).get(value.casefold())
    if symbol is not None:
        return symbol
    codes, named = _index(name)
    key = normalise(value)
    if not key:
        return None
    if key in codes:
        return codes[key]
    if key in named:
        return named[key]
    if len(key) < 4:  # `gpl` is as close to NGPL as to anything: no guess from three letters
        return None
    close = difflib.get_close_matches(key, [*codes, *named], n=1, cutoff=0.85)
    if close:
        return codes.get(close[0]) or named[close[0]]
    return None


def did_you_mean(name: str, value: str) -> str:
    """`; did you mean 'PT' (Portugal)?`, or "" when nothing is close."""
    code = suggest(name, value)
    if code is None or code == value:
        return ""
    label = vocabulary(name)[code].label
    shown = f" ({label})" if normalise(label) != normalise(code) else ""
    return f"; did you mean '{code}'{shown}?"
