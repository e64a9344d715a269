"""Offline JSON-LD processing: pyld with a loader that serves tests/reference, nothing else."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from conftest import REFERENCE
from pyld import jsonld

CONTEXTS = {
    "https://schema.org/": REFERENCE / "schemaorg" / "schemaorgcontext.jsonld",
    "https://schema.org": REFERENCE / "schemaorg" / "schemaorgcontext.jsonld",
    "http://schema.org/": REFERENCE / "schemaorg" / "schemaorgcontext.jsonld",
    "http://data.europa.eu/snb/model/context/edc-ap": REFERENCE / "elm" / "edc-ap-context.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json":
        REFERENCE / "ob3" / "context-3.0.3.json",
    "https://w3id.org/kim/amb/context.jsonld": REFERENCE / "amb" / "context.jsonld",
    "https://www.w3.org/ns/credentials/v2": REFERENCE / "ob3" / "credentials-v2-context.json",
    "https://www.w3.org/2018/credentials/v1": REFERENCE / "vc" / "credentials-v1.jsonld",
}
"""Public context URL -> offline copy."""


class NetworkRefused(RuntimeError):
    """A document asked for a context that is not in tests/reference."""


@cache
def _context(url: str) -> str:
    return CONTEXTS[url].read_text(encoding="utf-8")


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """pyld document loader: local copies for known contexts, an error for anything else."""
    if url not in CONTEXTS:
        raise NetworkRefused(f"refusing to fetch {url}: no offline copy in tests/reference")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": json.loads(_context(url))}


OPTIONS = {"documentLoader": offline_loader}


def expand(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Expanded form of a document, processed offline."""
    return jsonld.expand(document, OPTIONS)


def to_nquads(document: dict[str, Any]) -> str:
    """The document's RDF as N-Quads, processed offline."""
    return jsonld.to_rdf(document, {**OPTIONS, "format": "application/n-quads"})
