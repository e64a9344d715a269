"""Pure renderers: `Catalogue` -> {site path: bytes}. None of them touches the disk.

Two sorts: a *document* renderer makes one file beside one object's page (registered here
under its kind and file name, which the kind's record in `generator.kinds` lists); an
*aggregate* renderer makes files about the whole catalogue (the bulk API, QDR XML, feeds,
search index, schemas).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from generator.content.catalogue import Catalogue
from generator.kinds import KINDS, Document, Kind, SiteInfo
from generator.outputs import (
    calendar,
    editor,
    elm,
    elm_pathway,
    feeds,
    labour,
    loq_xml,
    openbadges,
    page_jsonld,
    plain,
    schemaorg,
    schemaorg_pathway,
    schemas,
    search,
    statistics,
)
from generator.outputs.page_jsonld import Block

Renderer = Callable[[Catalogue, SiteInfo], dict[str, bytes]]
DocumentRenderer = Callable[[Catalogue, Any, SiteInfo], bytes]
Embedder = Callable[[Catalogue, Any, SiteInfo], dict[str, Any]]

DOCUMENTS: dict[tuple[str, str], DocumentRenderer] = {
    ("unit", "elm.jsonld"): elm.document,
    ("unit", "achievement.json"): openbadges.document,
    ("unit", "unit.json"): plain.document,
    ("pathway", "elm.jsonld"): elm_pathway.document,
    ("pathway", "achievement.json"): openbadges.pathway_document,
    ("unit", "sessions.ics"): calendar.document,
    ("provider", "feed.xml"): feeds.provider_feed,
}
"""(kind, file name) -> the renderer of that document for one object."""

AGGREGATES: tuple[Renderer, ...] = (
    plain.render, schemas.render, loq_xml.render, feeds.render, search.render, calendar.render,
    openbadges.translations, editor.render, labour.render, statistics.render,
)
"""Every renderer of catalogue-wide files, in a fixed order."""

EMBEDDED: dict[str, tuple[Embedder, ...]] = {
    "unit": (schemaorg.course, schemaorg.amb_learning_resource),
    "pathway": (schemaorg_pathway.program,),
    "provider": (page_jsonld.educational_organisation,),
    "outcome": (page_jsonld.outcome_definition,),
}
"""JSON-LD blocks embedded in the head of each page of a kind."""
EMBEDDED_IDS: dict[str, tuple[str, ...]] = {
    "unit": ("jsonld-course", "amb"),
    "provider": ("jsonld-organization",),
    "outcome": ("jsonld-defined-term",),
    "pathway": ("jsonld-program",),
}
"""The HTML `id` of each of those blocks (harvesters select the AMB block by `#amb`)."""


class DuplicateOutput(RuntimeError):
    """Two renderers produced the same path: a bug in the generator."""


class UnregisteredDocument(RuntimeError):
    """A kind lists a document that no renderer makes, or the reverse: a bug."""


def _check_documents() -> None:
    listed = {(kind.name, doc.filename) for kind in KINDS for doc in kind.documents}
    if listed != set(DOCUMENTS):
        raise UnregisteredDocument(f"kinds list {sorted(listed)}, renderers make "
                                   f"{sorted(DOCUMENTS)}")


_check_documents()


def object_documents(catalogue: Catalogue, kind: Kind, obj: Any,
                     site: SiteInfo) -> dict[str, bytes]:
    """Every document published beside one object's page."""
    return {kind.document_path(obj.id, doc): DOCUMENTS[(kind.name, doc.filename)](
        catalogue, obj, site) for doc in kind.documents}


def render_each(catalogue: Catalogue,
                site: SiteInfo) -> Iterator[tuple[str, dict[str, bytes]]]:
    """Each renderer's name and files, one renderer at a time; refuses a path produced twice.

    A caller that writes each renderer's files and lets go of them never holds the whole
    output at once (at 10,000 units it is over 300 MiB).
    """
    produced: set[str] = set()

    def checked(name: str, files: dict[str, bytes]) -> tuple[str, dict[str, bytes]]:
        for path in files:
            if path in produced:
                raise DuplicateOutput(f"{path} is produced twice (by {name})")
        produced.update(files)
        return name, files

    for kind in KINDS:
        for doc in kind.documents:
            render = DOCUMENTS[(kind.name, doc.filename)]
            yield checked(f"{kind.folder}/*/{doc.filename}", {
                kind.document_path(obj.id, doc): render(catalogue, obj, site)
                for obj in catalogue.objects[kind.folder].values()})
    for renderer in AGGREGATES:
        yield checked(renderer.__module__.rsplit(".", 1)[-1], renderer(catalogue, site))


def render_outputs(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """All machine-readable files of the site; refuses a path produced twice."""
    files: dict[str, bytes] = {}
    for _, rendered in render_each(catalogue, site):
        files.update(rendered)
    return files


def embedded_jsonld(catalogue: Catalogue, kind: Kind, obj: Any,
                    site: SiteInfo) -> list[dict[str, Any]]:
    """The JSON-LD blocks for the head of an object's page."""
    return [embed(catalogue, obj, site) for embed in EMBEDDED.get(kind.name, ())]


def embedded_blocks(catalogue: Catalogue, kind: Kind, obj: Any, site: SiteInfo) -> list[Block]:
    """The same blocks, each with its HTML `id`."""
    return [Block(element_id, data) for element_id, data in zip(
        EMBEDDED_IDS.get(kind.name, ()), embedded_jsonld(catalogue, kind, obj, site),
        strict=True)]


def alternates(kind: Kind, object_id: str) -> list[dict[str, str]]:
    """The `<link rel="alternate">` attributes of an object's documents (relative hrefs)."""
    return [{"href": kind.document_path(object_id, doc), "type": doc.media_type,
             "title": doc.title} for doc in kind.documents]


__all__ = ["AGGREGATES", "DOCUMENTS", "EMBEDDED", "EMBEDDED_IDS", "Block", "Document",
           "DuplicateOutput", "alternates", "embedded_blocks", "embedded_jsonld",
           "object_documents", "render_each", "render_outputs"]
