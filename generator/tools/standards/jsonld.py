"""Offline JSON-LD processing: pyld with a loader that serves `data/`, and nothing else."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pyld import jsonld  # type: ignore[import-untyped]

from generator.tools.standards import DATA

SCHEMAORG_CONTEXT = DATA / "schemaorg" / "schemaorgcontext.jsonld"
CONTEXTS: dict[str, Path] = {
    "https://schema.org/": SCHEMAORG_CONTEXT,
    "https://schema.org": SCHEMAORG_CONTEXT,
    "http://schema.org/": SCHEMAORG_CONTEXT,
    "http://data.europa.eu/snb/model/context/edc-ap": DATA / "elm" / "edc-ap-context.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json":
        DATA / "ob3" / "context-3.0.3.json",
    "https://w3id.org/kim/amb/context.jsonld": DATA / "amb" / "context.jsonld",
    "https://www.w3.org/ns/credentials/v2": DATA / "ob3" / "credentials-v2-context.json",
    "https://www.w3.org/2018/credentials/v1": DATA / "vc" / "credentials-v1.jsonld",
}
"""Public context URL -> offline copy."""


class NetworkRefused(RuntimeError):
    """A document asked for a context that has no offline copy."""


class DroppedTerm(ValueError):
    """A key of the document has no definition in its context: processors would ignore it."""


@cache
def _context(url: str) -> Any:
    return json.loads(CONTEXTS[url].read_text(encoding="utf-8"))


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """pyld document loader: local copies for known contexts, an error for anything else."""
    if url not in CONTEXTS:
        raise NetworkRefused(f"refusing to fetch {url}: no offline copy of this context")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": _context(url)}


OPTIONS: dict[str, Any] = {"documentLoader": offline_loader}


def expand(document: Any) -> list[dict[str, Any]]:
    """Expanded form of a document, processed offline."""
    return list(jsonld.expand(document, OPTIONS))


def expand_strictly(document: Any) -> list[dict[str, Any]]:
    """Expanded form, offline; raises `DroppedTerm` instead of losing any key silently."""
    dropped: list[str | None] = []
    expanded = jsonld.expand(document, OPTIONS, on_property_dropped=dropped.append)
    if dropped:
        raise DroppedTerm(f"dropped on expansion: {dropped}")
    return list(expanded)


def to_nquads(document: Any) -> str:
    """The document's RDF as N-Quads, processed offline."""
    return str(jsonld.to_rdf(document, {**OPTIONS, "format": "application/n-quads"}))


def jsonld_problems(document: Any) -> list[str]:
    """Why a JSON-LD processor could not read the document fully (empty when it can)."""
    try:
        expand_strictly(document)
    except DroppedTerm as error:
        return [str(error)]
    except jsonld.JsonLdError as error:
        return [f"JSON-LD processing failed: {error.type if hasattr(error, 'type') else error}"]
    return []
