"""The translator's workflow: extract messages into `messages.pot`, merge them into each `.po`.

The same as `pybabel extract -F babel.cfg ...` and `pybabel update` (docs/translating.md), in
Python so that a test can tell whether the committed template is current. Locations are
written without line numbers, so moving a string does not touch every `.po` file.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from generator import i18n

KEYWORDS = {
    "_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "NP_": (1, 2),
    "translate": (2,), "translate_plural": (2, 3),
}
"""Functions whose string arguments are messages; `translate(language, message)` and
`translate_plural(language, singular, plural, count)` are generator.i18n's."""

METHOD_MAP = [
    ("theme/**.html", "jinja2"),
    ("generator/**.py", "python"),
]
"""Where messages are (the same patterns as babel.cfg)."""

OPTIONS_MAP = {"theme/**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "false"}}

PLURAL_FORMS = {"fr": (2, "(n > 1)"), "it": (2, "(n != 1)"), "es": (2, "(n != 1)")}
"""gettext's customary plural forms where Babel's CLDR rules add a third form for round
millions (`1 000 000 de ...`), which no message of this interface needs."""

COMMENT_TAGS = ("Translators:",)
HEADER = "Messages of the microVET catalogue's interface."
"""The first line of every `.po` file's header comment."""


@dataclass(frozen=True)
class Progress:
    """How far one language's `.po` file is: untranslated and fuzzy message ids."""

    language: str
    total: int
    untranslated: tuple[str, ...]
    fuzzy: tuple[str, ...]


def extract(root: Path) -> Catalog:
    """Every message of the templates and the Python, with its files and translator notes."""
    catalog = Catalog(project="microVET catalogue", copyright_holder="microVET contributors",
                      fuzzy=False)
    found = extract_from_dir(root, METHOD_MAP, OPTIONS_MAP, KEYWORDS, COMMENT_TAGS,
                             strip_comment_tags=True)
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments,
                    context=context)
    return catalog


def template_text(catalog: Catalog) -> bytes:
    """The `.pot` file of `catalog`, with a fixed header so that it changes only with messages."""
    catalog.header_comment = f"# {HEADER}\n# Extracted by `microvet translations extract`."
    catalog.creation_date = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return _po_bytes(catalog)


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False,
             omit_header=False)
    return buffer.getvalue()


def template_path() -> Path:
    """The committed template, `generator/locales/messages.pot`."""
    return i18n.locales_dir() / f"{i18n.DOMAIN}.pot"


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    """A `.po` or `.pot` file as a Babel catalogue."""
    with path.open("rb") as source:
        return read_po(source, locale=language, domain=i18n.DOMAIN)


def update(language: str, template: Catalog) -> bytes:
    """The `.po` file of `language` merged with `template`: new messages empty, old ones gone."""
    path = i18n.po_path(language)
    if path.exists():
        catalog = read_catalog(path, language)
    else:
        catalog = Catalog(locale=language, domain=i18n.DOMAIN, project="microVET catalogue",
                          copyright_holder="microVET contributors", fuzzy=False,
                          language_team=f"microVET translators ({language})",
                          last_translator="microVET contributors",
                          revision_date=dt.datetime(1970, 1, 1, tzinfo=dt.UTC))
        catalog.header_comment = f"# {HEADER}\n# Language: {language}."
        if language in PLURAL_FORMS:
            count, expression = PLURAL_FORMS[language]
            catalog.mime_headers = [*catalog.mime_headers, (
                "Plural-Forms", f"nplurals={count}; plural={expression};")]
    # A copy: Babel adds the template's own message objects for new messages, so filling in
    # the English text below would otherwise reach every language updated after English.
    catalog.update(copy.deepcopy(template), no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    if language == i18n.DEFAULT_LANGUAGE:  # the source language: a new message is its own text
        for message in catalog:
            if message.id and not _translated(message.string or ""):
                message.string = message.id
    return _po_bytes(catalog)


def progress(language: str) -> Progress:
    """Which messages of `language`'s `.po` file still need a translator."""
    catalog = read_catalog(i18n.po_path(language), language)
    messages = [message for message in catalog if message.id]
    return Progress(
        language=language,
        total=len(messages),
        untranslated=tuple(_key(m.id) for m in messages if not _translated(m.string or "")),
        fuzzy=tuple(_key(m.id) for m in messages if m.fuzzy),
    )


def _translated(string: str | tuple[str, ...] | list[str]) -> bool:
    if isinstance(string, str):
        return bool(string)
    return all(string)


def _key(message_id: str | tuple[str, ...] | list[str]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]
