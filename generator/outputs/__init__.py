"""Pure renderers: `Catalogue` -> {site path: bytes}. None of them touches the disk."""

from __future__ import annotations

from collections.abc import Callable, Container
from typing import Any

from .. import search
from ..catalogue import Catalogue
from ..models import Unit
from ..site import UNIT_DOCUMENTS, SiteInfo, UnitDocument, unit_url
from . import elm, feeds, loq_xml, openbadges, plain, schemaorg, schemas

Renderer = Callable[[Catalogue, SiteInfo], dict[str, bytes]]
Embedder = Callable[[Catalogue, Unit, SiteInfo], dict[str, Any]]

RENDERERS: tuple[Renderer, ...] = (
    plain.render, schemas.render, elm.render, loq_xml.render, openbadges.render, feeds.render,
    search.render,
)
"""Every renderer whose files the build publishes, in a fixed order."""


EMBEDDED: tuple[Embedder, ...] = (schemaorg.course, schemaorg.amb_learning_resource)
"""JSON-LD blocks embedded in the head of every unit page."""


class DuplicateOutput(RuntimeError):
    """Two renderers produced the same path: a bug in the generator."""


def render_outputs(catalogue: Catalogue, site: SiteInfo, *,
                   lap: Callable[[str], None] | None = None) -> dict[str, bytes]:
    """All machine-readable files of the site; refuses a path produced twice.

    `lap`, if given, is called with each renderer's module name once it has finished.
    """
    files: dict[str, bytes] = {}
    for renderer in RENDERERS:
        for path, content in renderer(catalogue, site).items():
            if path in files:
                raise DuplicateOutput(f"{path} is produced twice (by {renderer.__module__})")
            files[path] = content
        if lap is not None:
            lap(renderer.__module__.rsplit(".", 1)[-1])
    return files


def embedded_jsonld(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> list[dict[str, Any]]:
    """The JSON-LD blocks for a unit page's head."""
    return [embed(catalogue, unit, site) for embed in EMBEDDED]


def unit_alternates(unit_id: str, outputs: Container[str]) -> list[UnitDocument]:
    """The unit's machine-readable documents that this build produced (`outputs`: paths)."""
    return [doc for doc in UNIT_DOCUMENTS if f"{unit_url(unit_id)}{doc.filename}" in outputs]
