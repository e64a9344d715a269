"""The standards the published documents must satisfy, checked offline by real validators.

Each module wraps one validator over the offline copies in `data/` (sources, versions and
licences in `data/README.md`); nothing is ever fetched from the network. They need the
optional extra `pip install -e ".[validate]"` (pyld, pyshacl, rdflib, jsonschema, xmlschema,
feedparser); `require_validators()` says which is missing.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
"""Offline copies of the standards (JSON-LD contexts, schemas, shapes, vocabularies)."""

VALIDATOR_MODULES = ("pyld", "pyshacl", "rdflib", "jsonschema", "referencing",
                     "feedparser")
"""What the `validate` extra installs (import names)."""


class ValidatorsMissing(RuntimeError):
    """The optional validators are not installed."""


def require_validators() -> None:
    """Raise `ValidatorsMissing`, naming what is missing and how to install it."""
    missing = [name for name in VALIDATOR_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        raise ValidatorsMissing(
            f"microvet validate needs the standards validators, not installed here "
            f"(missing: {', '.join(missing)}). Install them with: "
            f"pip install -e \".[validate]\"")
