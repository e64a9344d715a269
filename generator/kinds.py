"""The registry of content kinds: every place that lists kinds of content reads it.

A kind is one folder of YAML files under `content/` and one kind of page on the site. Its
record says where its files live, which model validates them, which fields name other
objects, which template renders its page at which URL, which machine-readable documents are
published beside the page, and how `microvet diff` and `microvet new` speak of it.

Adding a kind: a model in `generator/content/models/`, a `Kind(...)` here, a template in
`theme/`, and the renderers of its documents in `generator/outputs/` (registered in
`generator/outputs/__init__.py` under the kind's name). Nothing else lists kinds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.content.checks import (
    Objects,
    Sources,
    pathway_credits,
    pathway_cycles,
    pathway_repeats,
    pathway_stackability,
    stacking_cycles,
)
from generator.content.errors import Problem
from generator.content.models import Demand, Outcome, Pathway, Provider, Recognition, Unit
from generator.content.models.base import ContentModel, Text
from generator.i18n import N_

Check = Callable[[Objects, Sources], list[Problem]]

EACH = "*"
"""In a reference path: every item of the list at that point."""


@dataclass(frozen=True, slots=True)
class Document:
    """A machine-readable document published beside each page of a kind."""

    filename: str
    media_type: str
    title: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A field that names objects of another kind by id, e.g. a unit's `outcomes`."""

    path: tuple[str, ...]
    """Keys from the top of the file; `EACH` steps into every item of a list."""
    target: str
    """The name of the kind it names."""


@dataclass(frozen=True)
class Kind:
    """One kind of content: its files, model, page, URL and published documents."""

    name: str
    """Singular word: `unit`; the CLI (`microvet new unit`) and schemas use it."""
    folder: str
    """Plural: `units`; the content folder, the URL prefix and the `Catalogue` attribute."""
    model: type[ContentModel]
    heading: str
    """How `microvet diff` and index pages head a list of these objects."""
    template: str
    """The page template in `theme/`."""
    context_key: str
    """The name under which the page template receives the object."""
    title: Callable[[Any], Text]
    """The page title of an object."""
    description: Callable[[Any], Text | None]
    """The page description (meta description, summary) of an object."""
    references: tuple[Reference, ...] = ()
    documents: tuple[Document, ...] = ()
    checks: tuple[Check, ...] = ()
    """Checks across the files of this kind (and those it names), after each file is valid."""
    scaffold: bool = True
    """`microvet new KIND ID` writes a file of this kind."""
    shows_catalogue: bool = False
    """Its page lists units it does not name (a demand's skills gap): `microvet serve`
    re-renders every page of the kind after any save."""
    dated: Callable[[Any], dt.date | None] | None = None
    """The object's own last-change date, for kinds whose files carry one (the sitemap's
    `lastmod`); without it an object changes with the newest unit naming it."""
    index_template: str | None = None
    """The template of a page listing every object of the kind at `<folder>/`, if any."""

    def url(self, object_id: str) -> str:
        """Stable directory-style path of an object's page; aggregators depend on it."""
        return f"{self.folder}/{object_id}/"

    def languages(self, obj: Any) -> frozenset[str]:
        """The languages an object is described in: those of its title and description.

        The object has a page in each of them that is an interface language
        (`site/pages.py`, `language_pages`); its page at the root shows the default one.
        """
        return frozenset(self.title(obj)) | frozenset(self.description(obj) or {})

    def page_source(self, object_id: str) -> str:
        """The virtual Markdown source of an object's page (`units/x.md` -> `units/x/`)."""
        return f"{self.folder}/{object_id}.md"

    def document_path(self, object_id: str, document: Document) -> str:
        """Site path of one of an object's documents, e.g. `units/x/elm.jsonld`."""
        return self.url(object_id) + document.filename


PROVIDER = Kind(
    name="provider", folder="providers", model=Provider, heading=N_("Providers"),
    template="provider.html", context_key="training_provider",
    title=lambda provider: provider.name,
    description=lambda provider: provider.description or None,
    documents=(
        Document("feed.xml", "application/atom+xml", N_("Atom feed of this provider's units")),
    ),
)

OUTCOME = Kind(
    name="outcome", folder="outcomes", model=Outcome, heading=N_("Outcomes"),
    template="outcome.html", context_key="outcome",
    title=lambda outcome: outcome.title,
    description=lambda outcome: outcome.statement,
)

UNIT = Kind(
    name="unit", folder="units", model=Unit, heading=N_("Units"),
    template="unit.html", context_key="unit",
    title=lambda unit: unit.title,
    description=lambda unit: unit.summary,
    references=(
        Reference(("provider",), "provider"),
        Reference(("awarding_bodies", EACH), "provider"),
        Reference(("credential", "issued_by", EACH), "provider"),
        Reference(("outcomes", EACH), "outcome"),
        Reference(("stackability", "into", EACH, "unit"), "unit"),
    ),
    checks=(stacking_cycles,),
    documents=(
        Document("elm.jsonld", "application/ld+json", N_("Europass (ELM) metadata")),
        Document("achievement.json", "application/ld+json", N_("Open Badges 3.0 achievement")),
        Document("unit.json", "application/json", N_("Plain JSON, references resolved")),
        Document("sessions.ics", "text/calendar", N_("Upcoming sessions (iCalendar)")),
    ),
)

PATHWAY = Kind(
    name="pathway", folder="pathways", model=Pathway, heading="Pathways",
    template="pathway.html", context_key="pathway", index_template="pathways.html",
    title=lambda pathway: pathway.title,
    description=lambda pathway: pathway.description,
    references=(
        Reference(("awarding_body",), "provider"),
        Reference(("stages", EACH, "units", EACH), "unit"),
        Reference(("stages", EACH, "pathways", EACH), "pathway"),
    ),
    checks=(pathway_cycles, pathway_repeats, pathway_credits, pathway_stackability),
    documents=(
        Document("elm.jsonld", "application/ld+json", N_("Europass (ELM) metadata")),
        Document("achievement.json", "application/ld+json", N_("Open Badges 3.0 achievement")),
    ),
)

RECOGNITION = Kind(
    name="recognition", folder="recognitions", model=Recognition, heading="Recognitions",
    template="recognition.html", context_key="recognition",
    title=lambda recognition: recognition.partner.name,
    description=lambda recognition: None,
    references=(
        Reference(("statements", EACH, "unit"), "unit"),
        Reference(("partner", "provider"), "provider"),
    ),
)

DEMAND = Kind(
    name="demand", folder="demands", model=Demand, heading="Labour-market demands",
    template="demand.html", context_key="demand",
    title=lambda demand: demand.title,
    description=lambda demand: demand.summary,
    dated=lambda demand: demand.updated or demand.published,
    shows_catalogue=True,
)

KINDS: tuple[Kind, ...] = (UNIT, PATHWAY, OUTCOME, PROVIDER, RECOGNITION, DEMAND)
"""Every kind, in the order lists of kinds are shown (diffs, the field reference)."""

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}


def kind(name: str) -> Kind:
    """The kind called `name` (singular, `unit`) or `KeyError`."""
    return BY_NAME[name]


def object_url(kind_name: str, object_id: str) -> str:
    """Stable path of an object's page: `object_url("unit", "x")` -> `units/x/`."""
    return BY_NAME[kind_name].url(object_id)


def catalogue_page_url(number: int) -> str:
    """Page `number` (1-based) of the plain catalogue list."""
    return "catalogue/" if number == 1 else f"catalogue/page/{number}/"


@dataclass(frozen=True)
class SiteInfo:
    """Where the site is published; every absolute URL in the metadata starts here."""

    url: str
    name: str = "microVET catalogue"
    repo_url: str | None = None
    edit_uri: str | None = None
    markdown_pages: tuple[str, ...] = ()
    """Site paths of the hand-written pages (`""`, `about/`), for the sitemap."""
    markdown_lastmod: tuple[tuple[str, dt.date], ...] = ()
    """Their last change (`site.pages.markdown_page_dates`), for the sitemap's `lastmod`."""
    markdown_fallbacks: tuple[tuple[str, str], ...] = ()
    """Hand-written pages published in another language as a copy of the default-language
    page (`site.pages.markdown_fallbacks`): (URL, URL of the page copied); also in
    `markdown_pages`."""
    language: str = "en"
    """The interface language of the pages (generator.i18n.LANGUAGES; `theme.language`)."""
    editor_auth_url: str | None = None
    """The OAuth provider through which the web editor (`admin/`) logs in to GitHub."""

    def __post_init__(self) -> None:
        if not self.url.endswith("/"):
            object.__setattr__(self, "url", self.url + "/")

    def absolute(self, path: str) -> str:
        """Absolute URL of a path inside the site (`units/x/` -> `https://.../units/x/`)."""
        return self.url + path.lstrip("/")
