"""Pure renderers: `Catalogue` -> {site path: bytes}. None of them touches the disk."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.models import Unit
from generator.outputs import elm, feeds, loq_xml, openbadges, plain, schemaorg, schemas, search
from generator.site.pages import UNIT_DOCUMENTS, SiteInfo, UnitDocument, unit_url

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


def render_outputs(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """All machine-readable files of the site; refuses a path produced twice."""
    files: dict[str, bytes] = {}
    for _, rendered in render_each(catalogue, site):
        files.update(rendered)
    return files


def render_each(catalogue: Catalogue,
                site: SiteInfo) -> Iterator[tuple[str, dict[str, bytes]]]:
    """Each renderer's name and files, one renderer at a time; refuses a path produced twice.

    A caller that writes each renderer's files and lets go of them never holds the whole
    output at once (at 10,000 units it is over 300 MiB).
    """
    produced: set[str] = set()
    for renderer in RENDERERS:
        files = renderer(catalogue, site)
        for path in files:
            if path in produced:
                raise DuplicateOutput(f"{path} is produced twice (by {renderer.__module__})")
        produced.update(files)
        yield renderer.__module__.rsplit(".", 1)[-1], files


def embedded_jsonld(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> list[dict[str, Any]]:
    """The JSON-LD blocks for a unit page's head."""
    return [embed(catalogue, unit, site) for embed in EMBEDDED]


def unit_alternates(unit_id: str, outputs: Container[str]) -> list[UnitDocument]:
    """The unit's machine-readable documents that this build produced (`outputs`: paths)."""
    return [doc for doc in UNIT_DOCUMENTS if f"{unit_url(unit_id)}{doc.filename}" in outputs]
