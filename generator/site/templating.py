"""Jinja filters and tests that the page templates use; the same for any presentation shell."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

from generator.content import text
from generator.content.models.prior_learning import EVIDENCE
from generator.content.models.recognition import PARTNER_TYPES, PURPOSES
from generator.content.serialise import script_json
from generator.kinds import KINDS, catalogue_page_url
from generator.site.pathway_view import pathway_view

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
    """Add the catalogue's filters to a Jinja environment."""
    env.filters.update(FILTERS)
    env.filters["label"] = _label
    env.filters["term"] = _term
    env.filters["money"] = _money
    env.globals["pathway_view"] = pathway_view
    env.filters["evidence_label"] = EVIDENCE.get
    env.filters["partner_type"] = PARTNER_TYPES.get
    env.filters["recognition_purpose"] = PURPOSES.get
    if not getattr(env, "newstyle_gettext", False):
        # `_("... %(name)s", name=...)` in the templates; MkDocs installs old-style gettext.
        env.add_extension("jinja2.ext.i18n")
        env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
