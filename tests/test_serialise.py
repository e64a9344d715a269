"""Deterministic JSON: orjson writes exactly what the standard library would."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.serialise import _default, json_bytes, script_json

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**18), 10**18),
    st.floats(min_value=1e-4, max_value=1e15) | st.floats(min_value=-1e15, max_value=-1e-4),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
    st.dates(), st.decimals(min_value=-10**6, max_value=10**6, places=2),
)
"""What documents hold: numbers in the range content allows (huge or tiny floats are written
with a different exponent style by the two libraries), any text, dates and decimals."""
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=30,
)


def _standard_library(data: Any, indent: int | None) -> bytes:
    separators = (",", ": ") if indent else (",", ":")
    return (json.dumps(data, sort_keys=True, ensure_ascii=False, indent=indent,
                       separators=separators, default=_default) + "\n").encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
def test_json_bytes_are_the_standard_librarys_bytes(data: Any):
    assert json_bytes(data) == _standard_library(data, 2)
    assert json_bytes(data, indent=None) == _standard_library(data, None)


def test_numbers_dates_and_nesting_exactly():
    data = {"b": [Decimal("2.50"), Decimal("3"), 1.5, dt.date(2026, 3, 1)], "a": {}, "c": []}
    assert json_bytes(data) == (b'{\n  "a": {},\n  "b": [\n    2.5,\n    3,\n    1.5,\n'
                                b'    "2026-03-01"\n  ],\n  "c": []\n}\n')
    assert json_bytes(data, indent=None) == b'{"a":{},"b":[2.5,3,1.5,"2026-03-01"],"c":[]}\n'
    assert json_bytes({"x": 1}, indent=4) == b'{\n    "x": 1\n}\n'


def test_script_json_escapes_what_could_end_the_script_element():
    assert script_json({"t": "</script><!-- & \u2028"}) == (
        '{\n  "t": "\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"\n}')
