"""Jinja filters and tests that the page templates use; the same for any presentation shell."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

from generator.content import text
from generator.content.serialise import script_json
from generator.kinds import KINDS, catalogue_page_url

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
    **{f"{kind.name}_url": kind.url for kind in KINDS},
}


def _label(code: Any, vocab: str) -> str:
    return text.label(vocab, code)


def _term(code: Any, vocab: str) -> Any:
    return text.term(vocab, code)


def _money(price: Any) -> str:
    return text.money(price.amount, price.currency)


def register(env: Environment) -> None:
    """Add the catalogue's filters, and gettext (`_`) if the shell has none, to an environment."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    if not getattr(env, "newstyle_gettext", False):
        # MkDocs installs old-style null translations: `_("%(n)s", n=1)` needs the new style.
        env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(FILTERS)
    env.filters["label"] = _label
    env.filters["term"] = _term
    env.filters["money"] = _money
