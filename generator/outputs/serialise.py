"""Deterministic JSON: sorted keys, UTF-8, numbers without float noise."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any


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
    separators = (",", ": ") if indent else (",", ":")
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, indent=indent,
                      separators=separators, default=_default)
    return (text + "\n").encode("utf-8")


def script_json(data: Any) -> str:
    """JSON safe to embed in `<script type="application/ld+json">`.

    `<`, `>` and `&` are escaped as JSON unicode escapes, so `</script>` or `<!--` in any
    content text cannot end the script element; the JSON value is unchanged.
    """
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2, default=_default)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
