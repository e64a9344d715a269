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
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from lunr import __TARGET_JS_VERSION__
from lunr.idf import idf

K1 = 1.2
B = 0.75
"""lunr's BM25 parameters (the builder's defaults, which this module never changes)."""

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
"""Number characters: values 0-31 end a number, 32-63 carry its higher bits."""
_VALUES = {character: value for value, character in enumerate(DIGITS)}
_LAST, _MORE = DIGITS[:32], DIGITS[32:]


def encode_numbers(numbers: Iterable[int]) -> str:
    """Non-negative integers as text, five bits per character (see the module docstring)."""
    characters: list[str] = []
    add = characters.append
    for number in numbers:
        if number < 32:  # most numbers: gaps, counts and lengths
            add(_LAST[number])
            continue
        chunk = [_LAST[number & 31]]
        number >>= 5
        while number:
            chunk.append(_MORE[number & 31])
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


def pack(fields: dict[str, int], documents: Sequence[Mapping[str, list[str]]]) -> dict[str, Any]:
    """The packed index of `documents`, numbered in order, each one list of words per field.

    The words are already normalised (generator/outputs/search_text.py): what lunr.py's
    `Builder` with an empty pipeline would index, which `unpack` gives back (tested).
    """
    names = list(fields)
    lengths: list[list[int]] = [[] for _ in names]
    occurrences: dict[str, list[list[int]]] = {}
    """Per term and field: document number and count, for each document it is in."""
    for number, document in enumerate(documents):
        for field_number, name in enumerate(names):
            words = document.get(name, ())
            lengths[field_number].append(len(words))
            for term, count in Counter(words).items():
                per_field = occurrences.get(term)
                if per_field is None:
                    per_field = occurrences[term] = [[] for _ in names]
                per_field[field_number] += (number, count)
    terms = sorted(occurrences)
    return {
        "version": __TARGET_JS_VERSION__,
        "fields": names,
        "boosts": list(fields.values()),
        "documents": len(documents),
        "terms": terms,
        "postings": [_posting(occurrences[term]) for term in terms],
        "lengths": [encode_numbers(numbers) for numbers in lengths],
    }


def _posting(per_field: list[list[int]]) -> str:
    """One term's packed posting (see the module docstring)."""
    flat: list[int] = []
    for field_number, pairs in enumerate(per_field):
        if not pairs:
            continue
        flat += (field_number, len(pairs) // 2)
        previous = -1
        for position in range(0, len(pairs), 2):
            number, count = pairs[position], pairs[position + 1]
            gap, previous = number - previous, number
            if count == 1:
                flat.append(2 * gap)
            else:
                flat += (2 * gap + 1, count)
    return encode_numbers(flat)


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
