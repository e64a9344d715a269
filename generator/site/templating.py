"""Jinja filters, tests and gettext for the page templates; the same for any presentation shell.

One environment renders pages in several interface languages: every function that words
something reads the page's language from the template context (`language`, one of
generator.i18n.LANGUAGES; the environment's `default_language` global when a page has none),
so translations are chosen per page, not per build.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from functools import cache, partial
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from jinja2.utils import missing
from markupsafe import Markup

from generator import i18n
from generator.content import text
from generator.content.labour import skill_group_label
from generator.content.labour import slug as esco_slug
from generator.content.models.prior_learning import EVIDENCE
from generator.content.models.recognition import PARTNER_TYPES, PURPOSES
from generator.content.serialise import script_json
from generator.kinds import KINDS, catalogue_page_url
from generator.outputs import search, statistics
from generator.outputs.common import metadata_licence
from generator.site.charts import bar_chart
from generator.site.pathway_view import pathway_view
from generator.site.script_messages import script_messages

FILTERS = {
    "markdown": text.markdown,
    "script_json": script_json,
    "catalogue_page_url": catalogue_page_url,
    "esco_slug": esco_slug,
    "skill_group": skill_group_label,
    **{f"{kind.name}_url": kind.url for kind in KINDS},
}


def page_language(context: Context) -> str:
    """The interface language of the page being rendered."""
    language = context.resolve_or_missing("language")  # (what `get` does, minus two calls)
    if language is missing or not language:
        language = context.resolve_or_missing("default_language")
    return str(language) if language is not missing and language else i18n.DEFAULT_LANGUAGE


@cache
def _worded(language: str, message: str, autoescape: bool) -> str:
    """`message` in `language`, as Jinja's new-style gettext hands it to the template: Markup
    where the template autoescapes, so that only the values put into it are escaped."""
    worded = i18n.translate(language, message)
    return Markup(worded) if autoescape else worded


@cache
def _worded_alone(language: str, message: str, autoescape: bool) -> str:
    """`_worded` with no values put in (`%%` read as `%`, as everywhere)."""
    return _worded(language, message, autoescape) % {}


@pass_context
def _gettext(context: Context, message: str, /, **variables: Any) -> str:
    """`_("…")`, `gettext` and `{% trans %}`: Jinja's new-style gettext (jinja2.ext) in the
    page's language, each message worded once per language (pages say the same words
    thousands of times)."""
    autoescape = context.eval_ctx.autoescape
    if not variables:
        return _worded_alone(page_language(context), message, autoescape)
    return _worded(page_language(context), message, autoescape) % variables


@pass_context
def _ngettext(context: Context, singular: str, plural: str, count: int, /,
              **variables: Any) -> str:
    """`ngettext` and `{% trans %}` with a count: Jinja's new-style ngettext in the page's
    language (`num` is the count, unless given)."""
    variables.setdefault("num", count)
    worded = i18n.translate_plural(page_language(context), singular, plural, count)
    if context.eval_ctx.autoescape:
        worded = Markup(worded)
    return worded % variables


@pass_context
def _pick(context: Context, value: Mapping[str, str] | None) -> str:
    return text.pick(value, page_language(context))


@pass_context
def _pick_language(context: Context, value: Mapping[str, str] | None) -> str:
    return text.pick_language(value, page_language(context))


@pass_context
def _others(context: Context, value: Mapping[str, str] | None) -> dict[str, str]:
    return text.other_languages(value, page_language(context))


@pass_context
def _label(context: Context, code: Any, vocab: str) -> str:
    return text.label(vocab, code, page_language(context))


@pass_context
def _description(context: Context, code: Any, vocab: str) -> str:
    found = text.term(vocab, code)
    return (found.description_in(page_language(context)) or "") if found else ""


@pass_context
def _term(context: Context, code: Any, vocab: str) -> Any:
    return text.term(vocab, code)


@pass_context
def _number(context: Context, value: Any) -> str:
    return text.number(value, page_language(context))


@pass_context
def _hours(context: Context, value: Any) -> str:
    return text.hours(value, page_language(context))


@pass_context
def _long_date(context: Context, value: Any) -> str:
    return text.long_date(value, page_language(context))


@pass_context
def _money(context: Context, price: Any) -> str:
    return text.money(price.amount, price.currency, page_language(context))


@pass_context
def _bar_chart(context: Context, table: statistics.Table) -> Any:
    return bar_chart(table, page_language(context))


@pass_context
def _inline(context: Context, label: str) -> str:
    """A label inside a sentence: lowercase first letter, except in German (nouns)."""
    if page_language(context) == "de" or not label:
        return label
    return label[0].lower() + label[1:]


def _plural_count(value: Any) -> int:
    """The count that picks a plural form: 1 for exactly one, 2 for a fraction like 1.5."""
    return int(value) if value == int(value) else 2


LANGUAGE_FILTERS = {
    "t": _pick, "t_lang": _pick_language, "t_others": _others, "label": _label,
    "description": _description, "term": _term, "number": _number, "hours": _hours,
    "long_date": _long_date, "money": _money, "inline": _inline, "bar_chart": _bar_chart,
}
"""Filters that word or choose text in the page's language."""


@pass_context
def _page_language(context: Context) -> str:
    return page_language(context)


@pass_context
def _search_index_path(context: Context) -> str:
    return search.index_path(page_language(context))


@pass_context
def _search_summaries_path(context: Context) -> str:
    return search.summaries_path(page_language(context))


@pass_context
def _search_stemmer_scripts(context: Context) -> list[str]:
    return search.stemmer_scripts(page_language(context))


@pass_context
def _catalogue_statistics(context: Context, catalogue: Any) -> list[statistics.Table]:
    return statistics.tables(catalogue, page_language(context))


@pass_context
def _search_messages(context: Context) -> dict[str, Any]:
    return script_messages(page_language(context))


class Memo:
    """HTML that many pages share, rendered once per catalogue and kept for the build.

    A unit's card is the same on its outcome, provider and catalogue pages, and the
    navigation of every unit page in a language is the same: rendering each once saves a
    fifth of the pages' time. A part is kept by its key, the page's language and the folder
    the page is in, and forgotten when the catalogue changes (a new build, or a preview after
    an edit). Links are relative, and the same from every page of one folder, except to the
    page itself or below it: a page the part links to, or to below, renders its own.
    """

    def __init__(self) -> None:
        self._catalogue: object = None
        self._parts: dict[Hashable, str] = {}

    def part(self, context: Context, key: Hashable, render: Callable[[], str],
             links_to_or_below: Callable[[str], bool], *, per_folder: bool = True) -> str:
        """The part's HTML: kept from an earlier page, or rendered now (and kept).

        `links_to_or_below(url)` says whether the part links to the page at `url` or below;
        a part without links is kept once per language (`per_folder=False`).
        """
        catalogue = context.get("catalogue")
        url = getattr(context.get("page"), "url", None)
        if catalogue is None or not isinstance(url, str) or links_to_or_below(url):
            return render()
        if catalogue is not self._catalogue:
            self._catalogue, self._parts = catalogue, {}
        folder = page_folder(url) if per_folder else None
        full_key = (key, page_language(context), folder)
        html = self._parts.get(full_key)
        if html is None:
            html = self._parts[full_key] = render()
        return html


def page_folder(url: str) -> str:
    """The folder a page is in (`units` for `units/barista/`): relative links from pages of
    one folder read the same, except to the page itself or below it (`Memo`, the url filter)."""
    return url.rstrip("/").rpartition("/")[0]


MEMO = "microvet_memo"
"""The environment's global that holds its `Memo`."""


def memo_of(env: Environment) -> Memo:
    """The environment's `Memo` (made by `register`)."""
    memo = env.globals[MEMO]
    assert isinstance(memo, Memo)  # register() puts it there
    return memo


@pass_context
def _remembered(context: Context, *key: Hashable, links: tuple[str, ...] = (),
                anywhere: bool = False, caller: Callable[[], str]) -> str:
    """`{% call remembered("unit-card", unit.id, links=(unit.id | unit_url,)) %}…{% endcall %}`:
    the block's HTML, the same for every page of one language and folder (see `Memo`).
    `links`: the site paths it links to (as given to the `url` filter). `anywhere=True`: a
    block without links, the same on every page of one language."""
    if anywhere and links:
        raise ValueError(f"remembered{key}: a part with links is not the same anywhere")
    language = page_language(context)

    def links_to_or_below(url: str) -> bool:
        return any(link.startswith(url) or f"{language}/{link}".startswith(url)
                   for link in links)

    return memo_of(context.environment).part(context, key, caller, links_to_or_below,
                                             per_folder=not anywhere)


GLOBALS = {
    "remembered": _remembered,
    "page_language": _page_language, "search_index_path": _search_index_path,
    "search_summaries_path": _search_summaries_path,
    "search_stemmer_scripts": _search_stemmer_scripts, "search_messages": _search_messages,
    "catalogue_statistics": _catalogue_statistics,
}
"""Functions the templates call: the page's language, its search index and messages."""


LANGUAGE_SUGGESTION = i18n.N_("This page is also in %(language)s")
"""The home page's offer of the browser's preferred language, worded in that language."""


def localised_url(context: Context, path: Any) -> Any:
    """`path` (a site path such as `units/x/`) in the page's language, where the site has
    that version (`localised_urls`, from the build plan); else `path` unchanged."""
    localised = context.get("localised_urls")
    if not localised or not isinstance(path, str) or path.startswith(("/", "#", ".")) \
            or "://" in path:
        return path
    page, mark, rest = path.partition("?") if "?" in path else path.partition("#")
    candidate = f"{page_language(context)}/{page}"
    return candidate + mark + rest if candidate in localised else path


_NOT_A_SITE_PATH = (".", "/", "#", "?")
"""How a link starts that is relative to the page, absolute, or within the page."""


def _localising(url_filter: Callable[..., Any]) -> Callable[..., Any]:
    """The shell's `url` filter, first choosing the version in the page's language.

    A site path's link reads the same from every page of one folder, except from the page it
    leads to or from above it (as in `Memo`): those links are made once per folder.
    """
    made: dict[tuple[str, str], Any] = {}

    @pass_context
    def url(context: Context, path: Any) -> Any:
        path = localised_url(context, path)
        page_url = getattr(context.get("page"), "url", None)
        if not isinstance(path, str) or not isinstance(page_url, str) \
                or not page_url.endswith("/") or path.startswith(_NOT_A_SITE_PATH) \
                or "://" in path:
            return url_filter(context, path)
        target = path.partition("#")[0].partition("?")[0].rstrip("/") + "/"
        if target.startswith(page_url):
            return url_filter(context, path)
        key = (path, page_folder(page_url))
        link = made.get(key)
        if link is None:
            link = made[key] = url_filter(context, path)
        return link
    url.localising = True  # type: ignore[attr-defined]  # marks a wrapped filter
    return url


def register(env: Environment, default_language: str = i18n.DEFAULT_LANGUAGE) -> None:
    """Add the catalogue's filters and gettext (`_`, `gettext`, `ngettext`) to `env`.

    The shell's `url` filter (MkDocs' makes a path relative to the page) then leads to the
    version of a page in the page's language, so a German page's links, navigation included,
    stay in German where the site has German pages; `url_exact` is the shell's own (the
    language switcher links to each version as it is).
    """
    shell_url = env.filters.get("url")
    if shell_url is not None and not getattr(shell_url, "localising", False):
        env.filters["url_exact"] = shell_url
        env.filters["url"] = _localising(shell_url)
    env.filters.update(FILTERS)
    env.filters.update(LANGUAGE_FILTERS)
    env.filters["plural_count"] = _plural_count
    env.globals.update(GLOBALS)
    env.globals[MEMO] = Memo()
    env.globals["default_language"] = i18n.check_language(default_language)
    env.globals["interface_languages"] = [(code, i18n.autonym(code)) for code in i18n.LANGUAGES]
    env.globals["translate_to"] = i18n.translate
    env.globals["language_in_sentence"] = partial(i18n.autonym, in_sentence=True)
    env.globals["language_suggestion"] = LANGUAGE_SUGGESTION
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    # New-style gettext (`newstyle_gettext`, which `{% trans %}` compiles by), with callables
    # that are new-style themselves: the extension's wrappers would add three calls a message.
    env.newstyle_gettext = True  # type: ignore[attr-defined]  # added by the extension
    env.globals.update(_=_gettext, gettext=_gettext, ngettext=_ngettext)
    env.globals["metadata_licence"] = metadata_licence()
    env.globals["pathway_view"] = pathway_view
    env.filters["evidence_label"] = EVIDENCE.get
    env.filters["partner_type"] = PARTNER_TYPES.get
    env.filters["recognition_purpose"] = PURPOSES.get
    env.filters["extract"] = lambda key, container: container[key]
    env.globals.update(catalogue_provider_statistics=statistics.provider_rows,
                       catalogue_summary=statistics.summary)
