"""The baseline of the build benchmark: the same website as plain Markdown for MkDocs + Material.

`write_baseline(project, target)` reads a microVET project and writes, under `target`, an
ordinary MkDocs project: the same theme settings (Material, palette, features, Markdown
extensions, strict), MkDocs' own search plugin, no microVET plugin and no theme overrides,
and one Markdown page for every page the microVET build makes from content, none of them in
the navigation, with the same text:

- each unit: title, provider, summary and its translations, the badges, the fact sheet as a
  list, the Markdown description (and its translations), the outcomes with their statements
  and ESCO skills, dates and enrolment;
- each outcome and provider: its facts and the cards of its units;
- the plain catalogue list, 50 cards a page, with a page list;
- each labour-market demand with its skills and the units teaching each; each ESCO skill and
  occupation named anywhere, with the units teaching it or relevant to it (issue 15). The
  embeddable lists (`embed/`) are extra pages only our build makes.

So the ratio of the two builds is what the catalogue costs over writing the same pages by
hand; the machine-readable files (JSON, JSON-LD, XML, feeds, our search index) are ours alone.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator.content import text
from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.models import Outcome, Provider, Unit
from generator.i18n import LANGUAGES
from generator.site.pages import catalogue_pages, site_pages

MKDOCS_ONLY_PLUGINS = ["search"]


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking the default of each `!ENV [NAME, default]`."""


_ConfigLoader.add_constructor(
    "!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
    if isinstance(node, yaml.SequenceNode) else None)


def _nav_of(nav: list[Any], pages: dict[str, str]) -> list[Any]:
    """The navigation's entries whose page the baseline has, sections kept when not empty."""
    kept: list[Any] = []
    for entry in nav:
        title, target = next(iter(entry.items()))
        if isinstance(target, list):
            inner = _nav_of(target, pages)
            if inner:
                kept.append({title: inner})
        elif target in pages:
            kept.append(entry)
    return kept


def write_baseline(project: Path, target: Path) -> int:
    """Write the plain MkDocs project; return its number of Markdown pages."""
    if target.exists():
        shutil.rmtree(target)
    (target / "pages").mkdir(parents=True)
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), _ConfigLoader)
    config["theme"].pop("custom_dir", None)
    config["plugins"] = MKDOCS_ONLY_PLUGINS
    catalogue = load_catalogue(project / "content", root=project)
    pages = {path.relative_to(project / "pages").as_posix():
             _without_theme_template(path.read_text(encoding="utf-8"))
             for path in (project / "pages").rglob("*.md")}
    pages.update(_content_pages(catalogue))
    pages.update(_language_copies(catalogue, pages))
    config["nav"] = _nav_of(config["nav"], pages)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False,
                                                      allow_unicode=True), encoding="utf-8")
    for name, markdown in pages.items():
        path = target / "pages" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
    return len(pages)


def _language_copies(catalogue: Catalogue, pages: dict[str, str]) -> dict[str, str]:
    """The pages our build publishes under `<lang>/`, as copies of the default-language
    Markdown one folder deeper (links adjusted), so that both builds have the same pages."""
    sources = {page.src_uri for page in site_pages(catalogue)}
    sources |= {f"{language}/{name}" for name in pages if "/" not in name
                for language in LANGUAGES[1:]}  # the hand-written pages, or their copies
    copies = {}
    for source in sorted(sources):
        language, _, default = source.partition("/")
        if language in LANGUAGES[1:] and default in pages and source not in pages:
            copies[source] = re.sub(r"\]\((\.\./)", r"](../\1", pages[default])
    return copies


def _without_theme_template(markdown: str) -> str:
    """The page without a `template:` line in its front matter (our templates are not there)."""
    return "".join(line for line in markdown.splitlines(keepends=True)
                   if not line.startswith("template: "))


def _content_pages(catalogue: Catalogue) -> dict[str, str]:
    """Markdown for every unit, outcome, provider and catalogue list page."""
    pages = {f"units/{u.id}.md": unit_page(catalogue, u) for u in catalogue.units.values()}
    pages |= {f"outcomes/{o.id}.md": outcome_page(catalogue, o)
              for o in catalogue.outcomes.values()}
    pages |= {f"providers/{p.id}.md": provider_page(catalogue, p)
              for p in catalogue.providers.values()}
    for page in catalogue_pages(catalogue):
        pages[page.src_uri] = list_page(catalogue, page.src_uri, page.title, page.context)
    pages |= _labour_pages(catalogue)
    return pages


def _labour_pages(catalogue: Catalogue) -> dict[str, str]:
    """Demand, skill and occupation pages: their facts and the links to units."""
    def links(src: str, unit_ids: tuple[str, ...]) -> str:
        return "".join(f"- [{text.pick(catalogue.units[uid].title)}]"
                       f"({_link(src, f'units/{uid}.md')})\n" for uid in unit_ids) or \
            "no offer yet\n"

    pages = {}
    for demand in catalogue.demands.values():
        src = f"demands/{demand.id}.md"
        rows = "".join(f"## {row.skill.label}\n\n{links(src, row.units)}\n"
                       for row in catalogue.skill_gaps(demand=demand.id))
        pages[src] = (f"# {text.pick(demand.title)}\n\n{text.pick(demand.summary)}\n\n"
                      f"- **Region:** {demand.region.country}\n\n{rows}")
    for entry in catalogue.labour.skills.values():
        src = f"skills/{entry.slug}.md"
        pages[src] = (f"# {entry.label}\n\n<{entry.uri}>\n\n## Micro-credentials\n\n"
                      f"{links(src, entry.units)}\n## Demands\n\n"
                      + "".join(f"- {text.pick(catalogue.demands[d].title)}\n"
                                for d in entry.demands))
    for occupation in catalogue.labour.occupations.values():
        src = f"occupations/{occupation.slug}.md"
        pages[src] = (f"# {occupation.label}\n\n<{occupation.uri}>\n\n## Micro-credentials\n\n"
                      f"{links(src, occupation.units)}")
    return pages


def _link(src_uri: str, target: str) -> str:
    """Relative link from one Markdown page to another (both paths from the docs folder)."""
    depth = src_uri.count("/")
    return "../" * depth + target


def _translations(value: Any) -> str:
    others = text.other_languages(value)
    return "".join(f"*{text.label('languages', lang)}:* {other}\n\n"
                   for lang, other in others.items())


def unit_page(catalogue: Catalogue, unit: Unit) -> str:
    """A unit's fact sheet as Markdown."""
    src = f"units/{unit.id}.md"
    provider = catalogue.provider_of(unit)
    licence = text.term("licences", unit.license)
    workload = text.hours(unit.workload.hours) + (
        f" · {text.number(unit.workload.ects)} ECTS" if unit.workload.ects else "")
    dates = catalogue.dates[unit.id]
    facts = [
        f"**Offered by:** [{text.pick(provider.name)}]({_link(src, f'providers/{provider.id}.md')})"
        f", {provider.city}, {text.label('countries', provider.country)}",
        f"**Level:** EQF level {unit.eqf_level} — "
        f"{text.term('eqf_levels', unit.eqf_level).description}",  # type: ignore[union-attr]
        f"**Workload:** {workload}",
        f"**Form of participation:** {text.label('modes', unit.mode)}",
        "**Languages:** " + ", ".join(text.label("languages", lang) for lang in unit.languages),
        f"**Field of education:** {text.label('isced_f', unit.isced_f)} "
        f"(ISCED-F {unit.isced_f})",
        "**Assessment:** " + ", ".join(text.label("assessment_methods", m)
                                       for m in unit.assessment.methods)
        + f" — {text.pick(unit.assessment.description)}",
        f"**Quality assurance:** {text.pick(unit.quality_assurance.description)}",
        f"**Prerequisites:** {text.pick(unit.prerequisites) or 'None'}",
        "**Stackability:** Stand-alone micro-credential",
        f"**Price:** {text.money(unit.price.amount, unit.price.currency)}",
        f"**Licence of the course materials:** [{licence.label}]({licence.uri})",  # type: ignore[union-attr]
        f"**Published:** {text.long_date(dates.published)}",
        f"**Last updated:** {text.long_date(dates.updated)}",
    ]
    parts = [
        f"# {text.pick(unit.title)}\n\n{_translations(unit.title)}",
        f"Micro-credential · {text.pick(provider.name)}\n\n",
        f"{text.pick(unit.summary)}\n\n{_translations(unit.summary)}",
        f"- EQF level {unit.eqf_level}\n- {workload}\n- {text.label('modes', unit.mode)}\n"
        f"- {text.money(unit.price.amount, unit.price.currency)}\n"
        f"- {licence.extra['short']}\n\n",  # type: ignore[union-attr]
        "## Fact sheet\n\n" + "".join(f"- {fact}\n" for fact in facts) + "\n",
    ]
    if unit.description:
        parts.append(f"## About this micro-credential\n\n{text.pick(unit.description)}\n\n"
                     + _translations(unit.description))
    parts.append("## What you will be able to do\n\n")
    for outcome in catalogue.outcomes_of(unit):
        skills = ", ".join(f"[{skill.label}]({skill.uri})" for skill in outcome.esco_skills)
        parts.append(
            f"1. **[{text.pick(outcome.title)}]({_link(src, f'outcomes/{outcome.id}.md')})** "
            f"({text.label('outcome_categories', outcome.category).lower()})\n\n"
            f"    {text.pick(outcome.statement)}\n\n    ESCO skills: {skills}\n\n")
    parts.append(f"## Dates and enrolment\n\nNo dated sessions are published. Contact "
                 f"[{text.pick(provider.name)}]({provider.homepage}) for the next start.\n")
    return "".join(parts)


def _card(catalogue: Catalogue, unit: Unit, src: str) -> str:
    provider = catalogue.provider_of(unit)
    facts = [f"EQF level {unit.eqf_level}", text.hours(unit.workload.hours),
             text.label("modes", unit.mode),
             ", ".join(text.label("languages", lang) for lang in unit.languages),
             text.term("licences", unit.license).extra["short"],  # type: ignore[union-attr]
             text.money(unit.price.amount, unit.price.currency)]
    return (f"### [{text.pick(unit.title)}]({_link(src, f'units/{unit.id}.md')})\n\n"
            f"{text.pick(unit.summary)}\n\n" + " · ".join(facts) + "\n\n"
            f"{text.pick(provider.name)}, {text.label('countries', provider.country)}\n\n")


def outcome_page(catalogue: Catalogue, outcome: Outcome) -> str:
    """An outcome with its skills and the cards of its units."""
    src = f"outcomes/{outcome.id}.md"
    units = catalogue.units_with_outcome(outcome.id)
    skills = "".join(f"- [{skill.label}]({skill.uri})\n" for skill in outcome.esco_skills)
    return (f"# {text.pick(outcome.title)}\n\n{_translations(outcome.title)}"
            f"{text.pick(outcome.statement)}\n\n"
            f"- **Type:** {text.label('outcome_categories', outcome.category)}\n\n"
            f"## ESCO skills\n\n{skills}\n"
            f"## Micro-credentials with this outcome ({len(units)})\n\n"
            + "".join(_card(catalogue, unit, src) for unit in units))


def provider_page(catalogue: Catalogue, provider: Provider) -> str:
    """A provider's facts and the cards of its units."""
    src = f"providers/{provider.id}.md"
    units = catalogue.units_of_provider(provider.id)
    return (f"# {text.pick(provider.name)}\n\n{text.pick(provider.description)}\n\n"
            f"- **Location:** {provider.city}, {text.label('countries', provider.country)}\n"
            f"- **Website:** <{provider.homepage}>\n\n"
            f"## Micro-credentials ({len(units)})\n\n"
            + "".join(_card(catalogue, unit, src) for unit in units))


def list_page(catalogue: Catalogue, src: str, title: str, context: dict[str, Any]) -> str:
    """One page of the plain catalogue list, with links to its neighbours."""
    cards = "".join(_card(catalogue, unit, src) for unit in context["units_page"])
    number, count = context["page_number"], context["page_count"]
    neighbours = [n for n in (1, number - 1, number + 1, count) if 1 <= n <= count and n != number]
    pager = " · ".join(
        f"[{n}]({_link(src, 'catalogue/index.md' if n == 1 else f'catalogue/page/{n}.md')})"
        for n in sorted(set(neighbours)))
    return (f"# {title}\n\n{context['total_units']} micro-credentials, sorted by title.\n\n"
            f"{cards}Pages: {pager}\n")
