"""Jinja filters and tests that the page templates use; the same for any presentation shell."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

from generator.content import text
from generator.content.history import fallback_date
from generator.content.labour import slug as esco_slug
from generator.content.serialise import script_json
from generator.kinds import KINDS, catalogue_page_url
from generator.outputs import statistics
from generator.site.charts import bar_chart

FILTERS = {
    "t": text.pick,
    "t_lang": text.pick_language,
    "t_others": text.other_languages,
    "markdown": text.markdown,
    "number": text.number,
    "hours": text.hours,
    "long_date": text.long_date,
    "script_json": script_json,
    "catalogue_page_url": catalogue_page_url,
    "bar_chart": bar_chart,
    "esco_slug": esco_slug,
    **{f"{kind.name}_url": kind.url for kind in KINDS},
}


def _label(code: Any, vocab: str) -> str:
    return text.label(vocab, code)


def _term(code: Any, vocab: str) -> Any:
    return text.term(vocab, code)


def _money(price: Any) -> str:
    return text.money(price.amount, price.currency)


def _upcoming(sessions: list[Any]) -> list[Any]:
    """Sessions that have not started by the build date (all of them when none is set)."""
    today = fallback_date()
    return [s for s in sessions if today is None or s.start >= today]


def register(env: Environment) -> None:
    """Add the catalogue's filters and gettext (`_`) to a Jinja environment."""
    env.filters.update(FILTERS)
    env.filters["upcoming"] = _upcoming
    env.filters["extract"] = lambda key, container: container[key]
    env.globals.update(catalogue_statistics=statistics.tables,
                       catalogue_provider_statistics=statistics.provider_rows,
                       catalogue_summary=statistics.summary)
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    if "_" not in env.globals or not getattr(env, "newstyle_gettext", False):
        env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    env.filters["label"] = _label
    env.filters["term"] = _term
    env.filters["money"] = _money
