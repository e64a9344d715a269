"""Deterministic JSON: sorted keys, UTF-8, numbers without float noise.

orjson writes the same bytes as `json.dumps(..., sort_keys=True, ensure_ascii=False)` with
indent 2 or none, fifteen times faster (a 10,000-unit build writes some 40,000 documents).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import orjson

_ORJSON_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATETIME


def plain_number(value: Decimal) -> int | float:
    """2 rather than 2.0 or "2.0"; 2.5 as a JSON number."""
    return int(value) if value == value.to_integral_value() else float(value)


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def json_bytes(data: Any, *, indent: int | None = 2) -> bytes:
    """Stable bytes for a JSON document (same input, same bytes)."""
    if indent in (2, None):
        option = _ORJSON_OPTIONS | orjson.OPT_APPEND_NEWLINE
        return orjson.dumps(data, default=_default,
                            option=option | orjson.OPT_INDENT_2 if indent else option)
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, indent=indent,
                      separators=(",", ": ") if indent else (",", ":"), default=_default)
    return (text + "\n").encode("utf-8")


def script_json(data: Any) -> str:
    """JSON safe to embed in `<script type="application/ld+json">`.

    `<`, `>` and `&` are escaped as JSON unicode escapes, so `</script>` or `<!--` in any
    content text cannot end the script element; the JSON value is unchanged.
    """
    text = orjson.dumps(data, default=_default,
                        option=_ORJSON_OPTIONS | orjson.OPT_INDENT_2).decode("utf-8")
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
