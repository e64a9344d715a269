"""What the website consists of, independent of the tool that renders it.

The MkDocs plugin turns each `GeneratedPage` into a page rendered with its template; another
presentation shell could do the same from this list.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.history import fallback_date, git_dates
from generator.content.text import pick
from generator.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, translate
from generator.kinds import KINDS, Kind, catalogue_page_url
from generator.outputs import feeds, statistics
from generator.tools.completeness import GROUP_TITLES, as_json, completeness
from generator.tools.reference import field_reference

CATALOGUE_PAGE_SIZE = 50
"""Units per page of the plain (no JavaScript) catalogue list."""
PAGER_NEIGHBOURS = 2
"""Pages linked either side of the current one; with the first and last, at most 9 links."""


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from content, not from a Markdown file."""

    src_uri: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    edit_path: str | None = None
    description: str | None = None
    in_nav: bool = False
    kind: str | None = None
    """The registry kind of the object the page shows (`unit`), or None for other pages."""
    object_id: str | None = None
    in_sitemap: bool = True
    """False for pages made to be embedded in other sites (`embed/...`), not to be found."""

    @property
    def url(self) -> str:
        """Directory-style URL, e.g. `units/barista-basics/`."""
        return source_url(self.src_uri)


def source_url(src_uri: str) -> str:
    """The directory-style URL of a page's (virtual) Markdown source: `units/x.md` ->
    `units/x/`, `de/index.md` -> `de/`."""
    stem = src_uri.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem + "/"


@dataclass(frozen=True, slots=True)
class PagerLink:
    """One numbered link of the catalogue list's pager."""

    number: int
    url: str


def markdown_page_urls(docs_dir: Path) -> tuple[str, ...]:
    """Directory-style URLs of the Markdown pages in `docs_dir`, sorted (`index.md` -> `""`)."""
    return tuple(sorted(set(_markdown_pages(docs_dir).values())))


def _markdown_pages(docs_dir: Path) -> dict[Path, str]:
    """Each Markdown file of `docs_dir` with its directory-style URL."""
    urls = {}
    for path in docs_dir.rglob("*.md"):
        parts = path.relative_to(docs_dir).with_suffix("").parts
        if any(part.startswith(".") for part in parts):  # MkDocs skips hidden files too
            continue
        if parts[-1] in {"index", "README"}:
            parts = parts[:-1]
        urls[path] = "".join(f"{part}/" for part in parts)
    return urls


def markdown_fallbacks(urls: Iterable[str],
                       default_language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """The hand-written pages each other interface language lacks: {its URL there: the URL of
    the default-language page it copies}. `pages/de/about.md` translates `pages/about.md`;
    without it, `de/about/` shows the default text (marked with its `lang`) in a German
    interface, so every language has the same pages. Pages in a language folder are
    translations, never copied (also that of the default language, if it has one)."""
    present = set(urls)
    return {f"{language}/{url}": url
            for url in sorted(present) if url.split("/", 1)[0] not in LANGUAGES
            for language in LANGUAGES
            if language != default_language and f"{language}/{url}" not in present}


def language_versions(urls: Iterable[str], default_language: str = DEFAULT_LANGUAGE
                      ) -> dict[str, dict[str, str]]:
    """The versions of each page: {default-language URL: {language: URL}}, for the language
    switcher and the `hreflang` alternates (the page head and the sitemap)."""
    versions: dict[str, dict[str, str]] = {}
    for url in urls:
        versions.setdefault(default_url(url, default_language), {})[
            page_language(url, default_language)] = url
    return versions


def markdown_page_dates(docs_dir: Path, root: Path) -> tuple[tuple[str, dt.date], ...]:
    """Each Markdown page's last change: its last commit, else SOURCE_DATE_EPOCH, as content.

    One `git log` for the folder (generator/content/history.py); pages with neither date
    are left out, so the sitemap gives them no `lastmod`.
    """
    history = git_dates(root, docs_dir)
    folder = docs_dir.resolve()
    fallback = fallback_date()
    dates: dict[str, dt.date] = {}
    for path, url in _markdown_pages(docs_dir).items():
        known = history.get(folder / path.relative_to(docs_dir))
        day = known.last if known else fallback
        if day is not None:
            dates[url] = max(day, dates.get(url, day))
    return tuple(sorted(dates.items()))


def site_pages(catalogue: Catalogue, previous: Mapping[str, GeneratedPage] | None = None,
               default_language: str = DEFAULT_LANGUAGE) -> list[GeneratedPage]:
    """Every page made from content: in the default language at the root (the published
    URLs), and under `<language>/` in each other interface language (`language_pages`)."""
    pages = generated_pages(catalogue, previous, default_language)
    for language in LANGUAGES:
        if language != default_language:
            pages += language_pages(catalogue, language, previous)
    return pages


def generated_pages(catalogue: Catalogue,
                    previous: Mapping[str, GeneratedPage] | None = None,
                    language: str = DEFAULT_LANGUAGE) -> list[GeneratedPage]:
    """Every page made from content, worded in `language` (the context key `language`): one
    per object of each kind, an index of each kind, the catalogue list, the field reference,
    the completeness dashboard, and a page for each folder of published files (no prefix of a
    published path answers 404).

    `previous` (pages by source, from an earlier catalogue) are kept where their object is
    the very same (a file the reader did not read again) and the language too, which a
    preview of 10,000 units notices.
    """
    pages = _object_pages(catalogue, language, previous)
    pages += [kind_index_page(catalogue, kind, language) for kind in KINDS]
    embeds = embed_pages(catalogue, language)
    return [*pages, *catalogue_pages(catalogue, language), field_reference_page(language),
            *quality_pages(catalogue), *folder_pages(catalogue, language),
            *labour_pages(catalogue, language), *embeds, *embed_folder_pages(embeds, language)]


def language_pages(catalogue: Catalogue, language: str,
                   previous: Mapping[str, GeneratedPage] | None = None) -> list[GeneratedPage]:
    """The site in another interface language, under `<language>/`: the page of each object
    described in that language (`Kind.languages`), each kind's index, the catalogue list and
    the pages about everything (skills, occupations, gaps, statistics).

    Pages for providers and aggregators (the field reference, the completeness dashboard,
    folders of files) and one page per ESCO concept stay in the default language only; a
    link to them from a page in `language` leads to the default version
    (`site/templating.py`, the `url` filter).
    """
    prefix = f"{language}/"
    pages = _object_pages(catalogue, language, previous, prefix)
    shared = [*(kind_index_page(catalogue, kind, language) for kind in KINDS),
              *catalogue_pages(catalogue, language), *derived_pages(catalogue, language)]
    return pages + [replace(page, src_uri=prefix + page.src_uri, in_nav=False)
                    for page in shared]


def object_versions(catalogue: Catalogue, kind: Kind, obj: Any,
                    default_language: str = DEFAULT_LANGUAGE) -> list[GeneratedPage]:
    """One object's pages: at its URL in the default language, and under `<language>/` in
    each other interface language it is described in (as `site_pages` lists them)."""
    return [_object_page_in(catalogue, kind, obj, language,
                            "" if language == default_language else f"{language}/")
            for language in LANGUAGES
            if language == default_language or language in kind.languages(obj)]


def _object_page_in(catalogue: Catalogue, kind: Kind, obj: Any, language: str,
                    prefix: str) -> GeneratedPage:
    """The object's page in `language`, at `prefix` + its URL."""
    page = object_page(catalogue, kind, obj, language)
    return replace(page, src_uri=prefix + page.src_uri, in_nav=False) if prefix else page


def _object_pages(catalogue: Catalogue, language: str,
                  previous: Mapping[str, GeneratedPage] | None,
                  prefix: str = "") -> list[GeneratedPage]:
    """The page of each object, at `prefix` + its URL; with a prefix, only the objects
    described in `language`."""
    pages = []
    for kind in KINDS:
        for obj in catalogue.objects[kind.folder].values():
            if prefix and language not in kind.languages(obj):
                continue
            source = prefix + kind.page_source(obj.id)
            old = previous.get(source) if previous else None
            if (old is not None and old.context.get(kind.context_key) is obj
                    and old.context.get("language") == language):
                pages.append(old)
            else:
                pages.append(_object_page_in(catalogue, kind, obj, language, prefix))
    return pages


def page_language(url: str, default_language: str = DEFAULT_LANGUAGE) -> str:
    """The interface language of the page at `url`: its first folder if that is a language."""
    first = url.split("/", 1)[0]
    return first if first in LANGUAGES and first != default_language else default_language


def default_url(url: str, default_language: str = DEFAULT_LANGUAGE) -> str:
    """The URL of the default-language version of the page at `url` (`de/units/x/` ->
    `units/x/`)."""
    language = page_language(url, default_language)
    return url if language == default_language else url.removeprefix(f"{language}/")


def labour_pages(catalogue: Catalogue, language: str = DEFAULT_LANGUAGE) -> list[GeneratedPage]:
    """Pages derived from ESCO references: skills, occupations, the gap view, statistics."""
    labour = catalogue.labour
    # Derived pages show units, outcomes and demands by their titles: a context that differs
    # for every catalogue makes `microvet serve` re-render them after any save
    # (site/preview.py re-renders a page that is no object's page when its context changes).
    shared = {"catalogue_revision": id(catalogue), "language": language}
    pages = [GeneratedPage(
        src_uri=f"skills/{entry.slug}.md", template="skill.html", title=entry.label,
        context={"skill": entry, **shared},
        description=translate(language, N_("ESCO skill: who teaches %(label)s, and which "
                                           "labour-market demands ask for it."))
        % {"label": entry.label})
        for entry in labour.skills.values()]
    pages += [GeneratedPage(
        src_uri=f"occupations/{entry.slug}.md", template="occupation.html", title=entry.label,
        context={"occupation": entry, **shared},
        description=translate(language, N_("ESCO occupation: micro-credentials for %(label)s "
                                           "and the skills that labour-market demands ask for."))
        % {"label": entry.label})
        for entry in labour.occupations.values()]
    return [*pages, *derived_pages(catalogue, language)]


def derived_pages(catalogue: Catalogue, language: str = DEFAULT_LANGUAGE) -> list[GeneratedPage]:
    """The pages about everything (`DERIVED_PAGES`): skills, occupations, gaps, statistics."""
    shared = {"catalogue_revision": id(catalogue), "language": language}
    return [GeneratedPage(src_uri=src, template=template, title=translate(language, title),
                          description=translate(language, description), in_nav=in_nav,
                          context=shared)
            for src, template, title, description, in_nav in DERIVED_PAGES]


DERIVED_PAGES = (
    ("skills/index.md", "skills.html", N_("Skills"),
     N_("Every ESCO skill the catalogue teaches or that labour-market partners ask for."), True),
    ("occupations/index.md", "occupations.html", N_("Occupations"),
     N_("Every ESCO occupation named by a micro-credential or a labour-market demand."), True),
    ("gaps/index.md", "gaps.html", N_("Skills gaps"),
     N_("Skills that labour-market partners need, with the micro-credentials that teach them "
        "or no offer yet."), True),
    ("gaps/tool.md", "gap-tool.html", N_("Check your skills against the catalogue"),
     N_("Paste ESCO skills or pick an occupation: see which are taught here and which are "
        "not."), False),
    ("statistics/index.md", "statistics.html", N_("Statistics"),
     N_("The catalogue in numbers: levels, fields, countries, languages, modes, prices, "
        "workload, ESCO coverage and freshness, overall and per provider."), True),
)
"""(source, template, title, description, in the navigation) of each page about everything."""


def embed_pages(catalogue: Catalogue, language: str = DEFAULT_LANGUAGE) -> list[GeneratedPage]:
    """Lists for other websites' iframes, without JavaScript: per provider, skill,
    occupation and demand (`embed/<folder>/<id>/`)."""
    labour = catalogue.labour
    subjects: list[tuple[str, str, str, Any]] = [
        *(("providers", pid, pick(p.name, language), p)
          for pid, p in catalogue.providers.items()),
        *(("skills", slug, entry.label, entry) for slug, entry in labour.skills.items()),
        *(("occupations", slug, entry.label, entry) for slug, entry in labour.occupations.items()),
        *(("demands", did, pick(d.title, language), d) for did, d in catalogue.demands.items()),
    ]
    return [GeneratedPage(src_uri=f"embed/{folder}/{key}.md", template="embed.html",
                          title=title, context={"embed_kind": folder, "subject": subject,
                                                "catalogue_revision": id(catalogue),
                                                "language": language},
                          in_sitemap=False)
            for folder, key, title, subject in subjects]


def embed_folder_pages(embeds: list[GeneratedPage],
                       language: str = DEFAULT_LANGUAGE) -> list[GeneratedPage]:
    """`embed/` and `embed/<folder>/`: the lists for iframes, linked (no 404 on a prefix);
    like the lists, not for search engines."""
    folders: dict[str, list[tuple[str, str]]] = {"embed/": []}
    for page in embeds:
        folder = page.url.rsplit("/", 2)[0] + "/"
        if folder not in folders:
            folders["embed/"].append((folder, f"/{folder}"))
            folders[folder] = []
        folders[folder].append((page.url, page.title))
    return [GeneratedPage(src_uri=f"{folder}index.md", template="folder.html",
                          title=f"/{folder}", context={"links": links, "language": language},
                          description=translate(language, "Files published in this folder."),
                          in_sitemap=False)
            for folder, links in folders.items() if links]


def kind_index_page(catalogue: Catalogue, kind: Kind,
                    language: str = DEFAULT_LANGUAGE) -> GeneratedPage:
    """`units/`, `outcomes/`, `providers/`: every object of a kind, by title.

    Units are listed by the catalogue (searchable, paginated), so their index points there.
    """
    objects = sorted(catalogue.objects[kind.folder].values(),
                     key=lambda obj: (pick(kind.title(obj), language).casefold(), obj.id))
    return GeneratedPage(
        src_uri=f"{kind.folder}/index.md", template=kind.index_template or "kind-index.html",
        title=translate(language, kind.heading),
        # The revision: an index shows counts of units (providers), which change with files
        # of other kinds; `microvet serve` re-renders it after every save.
        context={"kind": kind, "kind_name": kind.name,
                 "objects": [] if kind.name == "unit" else objects,
                 "count": len(objects), "language": language,
                 "catalogue_revision": id(catalogue)},
        description=translate(language, KIND_INDEX_DESCRIPTIONS[kind.name]),
        in_nav=kind.name in ("provider", "pathway"), kind=kind.name,
    )


KIND_INDEX_DESCRIPTIONS = {"unit": N_("Every unit in the catalogue."),
                           "outcome": N_("Every outcome in the catalogue."),
                           "provider": N_("Every provider in the catalogue."),
                           "pathway": N_("Every pathway in the catalogue: the units it stacks"
                                         " and the credential it leads to."),
                           "recognition": N_("Every recognition statement in the catalogue."),
                           "demand": N_("Every labour-market demand in the catalogue: who "
                                        "needs which skills, where.")}
"""The description of each kind's index page (`kind_index_page`)."""


def folder_pages(catalogue: Catalogue,
                 language: str = DEFAULT_LANGUAGE) -> list[GeneratedPage]:
    """A page for each folder of published files that has none: its files, linked."""
    selections = feeds.selections(catalogue)
    folders = {
        "catalogue/page/": [(catalogue_page_url(1), N_("Catalogue, page 1"))],
        "reference/": [("reference/fields/", N_("Field reference"))],
        "api/": [("api/units.json", N_("Every unit as plain JSON")),
                 ("api/units.txt", N_("The address of every unit page")),
                 ("api/loq.xml", N_("Every unit for Europass (QDR LOQ XML)")),
                 ("api/statistics/", N_("Statistics"))],
        "api/statistics/": [*((table.csv_path, table.title)
                              for table in statistics.tables(catalogue)),
                            (f"{statistics.CSV_FOLDER}/providers.csv",
                             N_("Each statistic per provider"))],
        "schemas/": [(f"schemas/{kind.name}.schema.json", SCHEMA_LINKS[kind.name])
                     for kind in KINDS],
        "feeds/": [("feed.xml", N_("Every unit (Atom)")),
                   ("feeds/countries/", N_("By provider country")),
                   ("feeds/fields/", N_("By field of education"))],
    }
    links = {folder: [(href, translate(language, text)) for href, text in entries]
             for folder, entries in folders.items()}
    links["feeds/countries/"] = [(s.path, s.title) for s in selections
                                 if s.path.startswith("feeds/countries/")]
    links["feeds/fields/"] = [(s.path, s.title) for s in selections
                              if s.path.startswith("feeds/fields/")]
    return [GeneratedPage(src_uri=f"{folder}index.md", template="folder.html",
                          title=f"/{folder}", context={"links": entries, "language": language},
                          description=translate(language, "Files published in this folder."))
            for folder, entries in links.items()]


SCHEMA_LINKS = {"unit": N_("JSON Schema of a unit file"),
                "outcome": N_("JSON Schema of an outcome file"),
                "provider": N_("JSON Schema of a provider file"),
                "pathway": N_("JSON Schema of a pathway file"),
                "recognition": N_("JSON Schema of a recognition file"),
                "demand": N_("JSON Schema of a labour-market demand file")}
"""The link text of each kind's JSON Schema on the `schemas/` folder page."""


def catalogue_feeds(catalogue: Catalogue) -> list[dict[str, str]]:
    """The catalogue page's alternate feeds: by provider country and by field of education."""
    return [{"href": s.path, "type": "application/atom+xml", "title": s.title}
            for s in feeds.selections(catalogue)]


def object_page(catalogue: Catalogue, kind: Kind, obj: Any,
                language: str = DEFAULT_LANGUAGE) -> GeneratedPage:
    """The page of one object in `language`: its kind's template, URL and edit link."""
    return GeneratedPage(
        src_uri=kind.page_source(obj.id), template=kind.template,
        title=pick(kind.title(obj), language),
        context={kind.context_key: obj, "language": language},
        edit_path=catalogue.source_path(kind.folder, obj.id),
        description=pick(kind.description(obj), language) or None, kind=kind.name,
        object_id=obj.id,
    )


def field_reference_page(language: str = DEFAULT_LANGUAGE) -> GeneratedPage:
    """Every content field and allowed value, made from the models (it cannot drift)."""
    return GeneratedPage(
        src_uri="reference/fields.md", template="fields.html",
        title=translate(language, "Field reference"),
        context={"reference": field_reference(), "language": language},
        description=translate(
            language, "Every field of every kind of content file, and every allowed value."),
        in_nav=True,
    )


QUALITY_URL = "quality/"
"""The completeness dashboard; each provider's units at `quality/<provider id>/`."""


def quality_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    """Which Annex I and benchmark elements each provider and unit describe.

    The same report as `microvet check --completeness` (`generator.tools.completeness`):
    the overview counts per provider, and one page per provider lists its units, so no page
    grows with the whole catalogue.
    """
    report = as_json(completeness(catalogue))
    known = [element for element in report["elements"] if element["known"]]
    common = {
        "groups": [{"key": group, "title": title,
                    "elements": [e for e in known if e["group"] == group]}
                   for group, title in GROUP_TITLES.items()],
        "elements": known,
        "unknown": [element["label"] for element in report["elements"]
                    if not element["known"]],
        "overview_url": QUALITY_URL,
    }
    # Names and titles travel in the context, so the preview re-renders a page they change.
    providers = [{**row, "name": catalogue.providers[row["id"]].name}
                 for row in report["providers"]]
    pages = [GeneratedPage(
        src_uri="quality.md", template="quality.html", title="Completeness",
        context={"quality": {**common, "providers": providers}},
        description="Which elements of the EU Council Recommendation on micro-credentials "
                    "(Annex I) and of the catalogue's benchmark each provider's units describe.",
        in_nav=True,
    )]
    for provider in providers:
        units = [{**unit, "title": catalogue.units[unit["id"]].title}
                 for unit in report["units"] if unit["provider"] == provider["id"]]
        name = pick(provider["name"])
        pages.append(GeneratedPage(
            src_uri=f"{QUALITY_URL}{provider['id']}.md", template="quality.html",
            title=f"Completeness: {name}",
            context={"quality": {**common, "provider": provider, "units": units}},
            description=f"Which Annex I and benchmark elements each unit of {name} describes.",
        ))
    return pages


def catalogue_title(number: int, count: int, language: str = DEFAULT_LANGUAGE) -> str:
    """`Catalogue`, or `Catalogue, page 2 of 7`, in `language`."""
    if number == 1:
        return translate(language, "Catalogue")
    return translate(language, "Catalogue, page %(number)s of %(count)s") % {
        "number": number, "count": count}


def catalogue_pages(catalogue: Catalogue,
                    language: str = DEFAULT_LANGUAGE) -> list[GeneratedPage]:
    """The plain list of all units, split into pages small enough for any phone."""
    units = sorted(catalogue.units.values(),
                   key=lambda u: (pick(u.title, language).casefold(), u.id))
    count = max(1, math.ceil(len(units) / CATALOGUE_PAGE_SIZE))
    pages = []
    for number in range(1, count + 1):
        chunk = units[(number - 1) * CATALOGUE_PAGE_SIZE : number * CATALOGUE_PAGE_SIZE]
        src = "catalogue/index.md" if number == 1 else f"catalogue/page/{number}.md"
        pages.append(GeneratedPage(
            src_uri=src, template="catalogue.html",
            title=catalogue_title(number, count, language),
            context={"units_page": chunk, "page_number": number, "page_count": count,
                     "alternates": catalogue_feeds(catalogue) if number == 1 else [],
                     "first_index": (number - 1) * CATALOGUE_PAGE_SIZE + 1,
                     "total_units": len(units), "first_url": catalogue_page_url(1),
                     "previous_url": catalogue_page_url(number - 1) if number > 1 else None,
                     "next_url": catalogue_page_url(number + 1) if number < count else None,
                     "pager": pager(number, count), "language": language},
            description=translate(language, "Every micro-credential in the catalogue."),
            in_nav=number == 1,
        ))
    return pages


def pager(number: int, count: int) -> list[PagerLink | None]:
    """Links from page `number` of `count`: the first, the last and the neighbours.

    None marks a gap. The list stays the same length however long the catalogue grows
    (a page linking every other page would make the list quadratic in size).
    """
    low = max(1, number - PAGER_NEIGHBOURS)
    high = min(count, number + PAGER_NEIGHBOURS)
    shown = sorted({1, count, *range(low, high + 1)})
    links: list[PagerLink | None] = []
    for index, page in enumerate(shown):
        if index and page - shown[index - 1] == 2:  # a gap of one page: show that page instead
            links.append(PagerLink(page - 1, catalogue_page_url(page - 1)))
        elif index and page - shown[index - 1] > 2:
            links.append(None)
        links.append(PagerLink(page, catalogue_page_url(page)))
    return links
