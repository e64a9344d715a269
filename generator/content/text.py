"""Text for people: language choice, safe Markdown, and plain-words formatting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from functools import cache, lru_cache

import nh3
from babel.dates import format_date
from babel.numbers import format_decimal
from markdown_it import MarkdownIt
from markupsafe import Markup

from generator.content.vocabularies import Term, vocabulary
from generator.i18n import babel_locale, translate, translate_plural

SITE_LANGUAGE = "en"

_ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "del",
}


FORMATTED = 8192
"""Numbers, amounts and dates kept formatted per language: a catalogue repeats few of them
(hours, ECTS, prices, session dates) over thousands of pages, and Babel takes 20-50 µs each."""


def pick(text: Mapping[str, str] | None, language: str = SITE_LANGUAGE) -> str:
    """The text in `language`, else English, else the first language given."""
    if not text:
        return ""
    return text.get(language) or text.get(SITE_LANGUAGE) or next(iter(text.values()))


def pick_language(text: Mapping[str, str] | None, language: str = SITE_LANGUAGE) -> str:
    """The language code of the text `pick` returns (for `lang` attributes)."""
    if not text:
        return language
    for candidate in (language, SITE_LANGUAGE):
        if text.get(candidate):
            return candidate
    return next(iter(text))


def other_languages(text: Mapping[str, str] | None,
                    language: str = SITE_LANGUAGE) -> dict[str, str]:
    """Translations besides the one `pick` shows."""
    if not text:
        return {}
    shown = pick_language(text, language)
    return {lang: value for lang, value in text.items() if lang != shown}


@cache
def _markdown() -> MarkdownIt:
    # "commonmark" with html off: raw HTML in content is shown as text, never passed through.
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    # Only absolute web and mail links: a relative one would point into this site, where the
    # description's author cannot know what exists; a refused link stays visible as text.
    parser.validateLink = _absolute_link  # type: ignore[method-assign]  # the documented hook
    return parser


def _absolute_link(url: str) -> bool:
    return url.strip().lower().startswith(("https://", "http://", "mailto:"))


def markdown(source: str) -> Markup:
    """Markdown to HTML that cannot run script: no raw HTML, only http(s)/mailto links."""
    html = _markdown().render(source)
    # Headings start at h2: the page's own title is the only h1.
    for level in range(5, 0, -1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(
            f"</h{level}>", f"</h{level + 1}>")
    clean = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "th": {"align"}, "td": {"align"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )
    return Markup(clean)  # sanitised by nh3 just above


def term(vocab: str, code: str | int | None) -> Term | None:
    """The vocabulary entry for a code (None for None)."""
    if code is None:
        return None
    return vocabulary(vocab).get(str(code))


def label(vocab: str, code: str | int | None, language: str = SITE_LANGUAGE) -> str:
    """The plain-words label of a code in `language` (English where it has none)."""
    found = term(vocab, code)
    return found.label_in(language) if found else ""


@lru_cache(maxsize=FORMATTED)
def number(value: Decimal | float | int | None, language: str = SITE_LANGUAGE) -> str:
    """`50`, `2.5` (`2,5` in German): no trailing `.0`, no grouping."""
    if value is None:
        return ""
    normal = Decimal(str(value)).normalize()
    return format_decimal(normal, locale=babel_locale(language), group_separator=False)


@lru_cache(maxsize=FORMATTED)
def hours(value: Decimal | float | int, language: str = SITE_LANGUAGE) -> str:
    """`1 hour`, `50 hours`, in `language`."""
    exact = Decimal(str(value))
    count = int(exact) if exact == exact.to_integral_value() else 2  # "1.5 hours": plural
    return translate_plural(language, "%(num)s hour", "%(num)s hours", count) % {
        "num": number(value, language)}


@lru_cache(maxsize=FORMATTED)
def money(amount: Decimal, currency: str | None, language: str = SITE_LANGUAGE) -> str:
    """`Free` or `EUR 180` / `EUR 1,099.50` (`EUR 1.099,50` in German)."""
    if amount == 0:
        return translate(language, "Free")
    pattern = "#,##0" if amount == amount.to_integral_value() else "#,##0.00"
    return f"{currency} {format_decimal(amount, format=pattern, locale=babel_locale(language))}"


@lru_cache(maxsize=FORMATTED)
def long_date(value: dt.date | None, language: str = SITE_LANGUAGE) -> str:
    """`3 March 2027` (`3. März 2027`), the same in every locale the build runs in."""
    if value is None:
        return ""
    return format_date(value, format="long", locale=babel_locale(language))
