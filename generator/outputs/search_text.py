"""How search cuts text into words, per language: the same rules as theme/assets/catalogue.js.

A text becomes words in four steps, in Python at build time and in the browser for what is
typed: links dropped, compatibility forms composed (NFKC) and lowercased; split at spaces and
punctuation; stop words of the interface language left out; then, for a text in the
interface language, each word stemmed with that language's Snowball stemmer, and last the
accents folded (`Wärmepumpen` → `warmepump`, `caffè` → `caffe`).

The browser stems with the lunr-languages stemmers that MkDocs ships
(`mkdocs/contrib/search/lunr-language/lunr.<lang>.js`, vendored in generator/outputs/vendor/
and published by generator/outputs/search.py) and English with lunr's own Porter stemmer.
Python uses the same algorithms: snowballstemmer before 3.0 (Snowball 3.0 changed the German
stemmer; the JavaScript ones are the older Snowball) and lunr.py's Porter stemmer with
lunr.js's rule for a final `y`.
The stop-word lists are read from the same lunr-languages files, so both sides always drop
the same words. Polish has no lunr stemmer: its words are folded, not stemmed,
and found by prefix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from importlib import resources

from lunr.stemmer import PorterStemmer
from lunr.stop_word_filter import WORDS as ENGLISH_STOP_WORDS

from generator.i18n import LANGUAGES

SNOWBALL = {"de": "german", "fr": "french", "it": "italian", "es": "spanish", "fi": "finnish"}
"""Interface languages stemmed with Snowball, here and by lunr-languages in the browser."""
STEMMED = ("en", *SNOWBALL)
"""Languages whose words are stemmed; the others (Polish) are only folded."""

SEPARATORS = re.compile(
    "[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u1680\u2000-\u206f\u3000\ufeff"
    "\U00010000-\U0010ffff]+")
"""Controls, spaces and punctuation (ASCII, Latin-1, general), and characters beyond the BMP
(emoji): exactly the class in catalogue.js, so both sides cut text into the same words."""
_URL = re.compile(r"https?://\S+")
_COMBINING_MARKS = re.compile("[\u0300-\u036f]")
"""Accents once NFKD has split them from their letters: `caffè` is found as `caffe`."""
_STOP_WORD_LIST = re.compile(r"generateStopWordFilter\(\s*'([^']*)'\.split\(' '\)")


class LunrPorterStemmer(PorterStemmer):  # type: ignore[misc]
    """lunr.py's Porter stemmer with lunr.js's step 1c: `y` becomes `i` only after a consonant
    that is not the word's first letter (`day` stays `day`, `cry` becomes `cri`)."""

    b: str
    k: int
    """The word being stemmed and the position of its last letter (lunr.py's names)."""

    def step1c(self) -> None:
        """Turn a final y into i the way lunr.js does."""
        if re.fullmatch(r".+?[^aeiou]y", self.b[: self.k + 1]):
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1:]


def lunr_language_folder() -> resources.abc.Traversable:
    """The vendored lunr-languages scripts (generator/outputs/vendor/README.md)."""
    return resources.files("generator.outputs") / "vendor"


@cache
def stop_words(language: str) -> frozenset[str]:
    """The words lunr leaves out in `language` (none for Polish, which lunr does not know)."""
    if language == "en":
        return frozenset(ENGLISH_STOP_WORDS)
    if language not in SNOWBALL:
        return frozenset()
    script = (lunr_language_folder() / f"lunr.{language}.js").read_text(encoding="utf-8")
    found = _STOP_WORD_LIST.search(script)
    if found is None:
        raise RuntimeError(f"no stop-word list in MkDocs' lunr.{language}.js")
    return frozenset(word for word in found.group(1).split(" ") if word)


@cache
def stemmer(language: str) -> Callable[[str], str] | None:
    """The stemmer of `language` as a cached function, or None where words are not stemmed."""
    if language == "en":
        porter = LunrPorterStemmer()
        return cache(lambda word: porter.stem(word) if len(word) > 2 else word)
    if language in SNOWBALL:
        import snowballstemmer  # only when an index is built: it loads every algorithm

        return cache(snowballstemmer.stemmer(SNOWBALL[language]).stemWord)
    return None


@cache
def fold(word: str) -> str:
    """`wärmepump` → `warmepump`: accents off, as the index stores every word."""
    if word.isascii():
        return word
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", word))


def split_words(text: str) -> list[str]:
    """Lowercase words with their accents, without links and punctuation."""
    plain = _URL.sub(" ", text)
    if not plain.isascii():
        plain = unicodedata.normalize("NFKC", plain)
    return [word for word in SEPARATORS.split(plain.lower()) if word]


def normalise_words(text: str, interface: str = "en", stem: bool = True) -> list[str]:
    """The indexed words of `text`: stop words of `interface` out, stemmed when `stem`."""
    return index_words(split_words(text), interface, stem)


def index_words(words: list[str], interface: str, stem: bool) -> list[str]:
    """Words from `split_words` as the index of `interface` stores them."""
    if interface not in LANGUAGES:
        raise ValueError(f"{interface!r} is not an interface language")
    dropped = stop_words(interface)
    stem_word = stemmer(interface) if stem else None
    if stem_word is None:
        return [fold(word) for word in words if word not in dropped]
    return [fold(stem_word(word)) for word in words if word not in dropped]
