"""A lunr.py index in a compact form that the browser expands back into lunr's own format.

lunr's serialised index repeats, for every (term, field, document), a posting object and a
weighted vector entry: about six gzipped bytes each, which is 6 MB for 10,000 units. Packed,
the same index keeps only what those are computed from:

    terms     the sorted vocabulary
    postings  per term, a string of numbers: field number, count, then for each document
              twice its gap (document number minus the previous one, the first counted
              from -1), plus one when the term occurs more than once there, followed then
              by how often
    lengths   per field, a string of the number of words each document has in it

Numbers are written five bits to a character, most significant first, in 64 characters that
JSON never escapes: the first 32 end a number, the others continue it. Strings parse far
faster than long arrays of numbers in the browser, and gzip as well.

`unpack` (and `unpackIndex` in theme/assets/catalogue.js, which mirrors it) rebuilds the
inverted index and the BM25 field vectors with lunr's formula and parameters, giving the
document that `lunr.Index.load` reads. Document refs are the document numbers.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from lunr import __TARGET_JS_VERSION__
from lunr.builder import Builder
from lunr.idf import idf

K1 = 1.2
B = 0.75
"""lunr's BM25 parameters (the builder's defaults, which this module never changes)."""

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
"""Number characters: values 0-31 end a number, 32-63 carry its higher bits."""
_VALUES = {character: value for value, character in enumerate(DIGITS)}


def encode_numbers(numbers: Iterable[int]) -> str:
    """Non-negative integers as text, five bits per character (see the module docstring)."""
    characters: list[str] = []
    for number in numbers:
        chunk = [DIGITS[number & 31]]
        number >>= 5
        while number:
            chunk.append(DIGITS[32 + (number & 31)])
            number >>= 5
        characters += reversed(chunk)
    return "".join(characters)


def decode_numbers(text: str) -> list[int]:
    """The integers `encode_numbers` wrote."""
    numbers = []
    value = 0
    for character in text:
        digit = _VALUES[character]
        if digit >= 32:
            value = value * 32 + digit - 32
        else:
            numbers.append(value * 32 + digit)
            value = 0
    return numbers


def document_ref(number: int) -> str:
    """The lunr ref of document `number`: the number in decimal (refs never reach the file)."""
    return str(number)


class WordListBuilder(Builder):  # type: ignore[misc]  # lunr.py is untyped: Builder is Any
    """lunr.py's Builder for documents whose fields are lists of normalised words.

    `add` records exactly what the stock `Builder.add` does with an empty pipeline (postings,
    term frequencies, field lengths, term numbers in order of first use) without making a
    token object and deep-copying its metadata per word, which made it three times slower.
    """

    def add(self, doc: dict[str, Any], attributes: dict[str, Any] | None = None) -> None:
        """Add one document: `{"ref": ..., field: [word, ...]}`."""
        doc_ref = str(doc[self._ref])
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        for field_name in self._fields:
            words = doc[field_name]
            field_ref = f"{field_name}/{doc_ref}"
            frequencies = defaultdict(int, Counter(words))
            self.field_term_frequencies[field_ref] = frequencies
            self.field_lengths[field_ref] = len(words)
            for term in frequencies:
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[field_name][doc_ref] = {}


def new_builder(fields: dict[str, int]) -> Builder:
    """A builder over pre-normalised word lists: no trimmer, stop-word filter or stemmer."""
    builder = WordListBuilder()
    builder.ref("ref")
    for name, boost in fields.items():
        builder.field(name, boost=boost)
    return builder


def build(fields: dict[str, int], documents: Sequence[dict[str, list[str]]]) -> Builder:
    """Add `documents` (one list of words per field), their positions as refs, to a builder.

    `builder.build()` is not needed for `pack`, which reads the postings, term frequencies
    and field lengths the builder collects while adding.
    """
    builder = new_builder(fields)
    for number, document in enumerate(documents):
        builder.add({"ref": document_ref(number), **{name: document.get(name, [])
                                                     for name in fields}})
    return builder


def pack(builder: Builder, fields: dict[str, int]) -> dict[str, Any]:
    """The compact form of a built index (see the module docstring)."""
    count = builder.document_count
    refs = [document_ref(number) for number in range(count)]
    frequencies = [[builder.field_term_frequencies[f"{field}/{ref}"] for ref in refs]
                   for field in fields]
    postings = []
    for term in sorted(builder.inverted_index):
        entry = builder.inverted_index[term]
        flat: list[int] = []
        for field_number, field in enumerate(fields):
            numbers = sorted(int(ref) for ref in entry[field])
            if numbers:
                flat += [field_number, len(numbers)]
            previous = -1
            for number in numbers:
                gap, previous = number - previous, number
                frequency = frequencies[field_number][number][term]
                flat += [2 * gap] if frequency == 1 else [2 * gap + 1, frequency]
        postings.append(encode_numbers(flat))
    return {
        "version": __TARGET_JS_VERSION__,
        "fields": list(fields),
        "boosts": list(fields.values()),
        "documents": count,
        "terms": sorted(builder.inverted_index),
        "postings": postings,
        "lengths": [encode_numbers(builder.field_lengths[f"{field}/{ref}"] for ref in refs)
                    for field in fields],
    }


def unpack(packed: dict[str, Any]) -> dict[str, Any]:
    """lunr's serialised index from the packed form; mirrored by catalogue.js."""
    fields, boosts, count = packed["fields"], packed["boosts"], packed["documents"]
    field_lengths = [decode_numbers(lengths) for lengths in packed["lengths"]]
    averages = [sum(lengths) / count for lengths in field_lengths]
    vectors: dict[tuple[int, int], list[float]] = {}
    inverted_index = []
    for term_index, (term, flat) in enumerate(zip(packed["terms"], packed["postings"],
                                                  strict=True)):
        posting: dict[str, Any] = {field: {} for field in fields}
        occurrences = _occurrences(decode_numbers(flat))
        for field_number, number, _ in occurrences:
            posting[fields[field_number]][document_ref(number)] = {}
        weight = idf(posting, count)
        for field_number, number, frequency in occurrences:
            length = field_lengths[field_number][number]
            score = weight * ((K1 + 1) * frequency) / (
                K1 * (1 - B + B * (length / averages[field_number])) + frequency)
            score *= boosts[field_number]
            vectors.setdefault((field_number, number), []).extend(
                [term_index, _round(score)])
        inverted_index.append([term, {"_index": term_index, **posting}])
    field_vectors = [[f"{fields[field_number]}/{document_ref(number)}", elements]
                     for (field_number, number), elements in sorted(vectors.items())]
    return {"version": packed["version"], "fields": fields, "fieldVectors": field_vectors,
            "invertedIndex": inverted_index, "pipeline": []}


def _occurrences(flat: list[int]) -> list[tuple[int, int, int]]:
    """(field number, document number, frequency) for each entry of a packed posting."""
    found = []
    position = 0
    while position < len(flat):
        field_number, remaining = flat[position], flat[position + 1]
        position += 2
        number = -1
        for _ in range(remaining):
            doubled, frequency = flat[position], 1
            position += 1
            if doubled % 2:
                frequency = flat[position]
                position += 1
            number += doubled // 2
            found.append((field_number, number, frequency))
    return found


def _round(score: float) -> float:
    """Three decimals, as JavaScript's `Math.round(score * 1000) / 1000` (half up)."""
    return math.floor(score * 1000 + 0.5) / 1000
