"""Interface languages: the gettext catalogues in generator/locales, compiled when first used.

Each language has `locales/<lang>/LC_MESSAGES/messages.po` (extracted into `messages.pot` by
`microvet translations extract`, see docs/translating.md). The messages are English;
`en/.../messages.po` starts as a copy of them, so English wording can be edited like any
translation, without touching the code. The build reads the `.po` files
and compiles them in memory (Babel's `read_po` and `write_mo`): no `.mo` file is committed or
written. Fuzzy entries are left out, so a message marked for review shows in English.

Python code that produces text for learners marks its messages with `N_` (module constants,
translated where they are shown) or calls `translate(language, message)` and
`translate_plural(language, singular, plural, count)` (extraction keywords `translate:2` and
`translate_plural:2,3`, set in babel.cfg).
"""

from __future__ import annotations

import io
from functools import cache
from importlib import resources
from pathlib import Path

from babel.support import Translations

LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "it", "es", "pl", "fi")
"""The interface languages, the default first."""
DEFAULT_LANGUAGE = "en"
DOMAIN = "messages"

BABEL_LOCALES = {"en": "en_GB"}
"""CLDR locale for dates and numbers where the language alone picks an unwanted region:
English dates read `3 March 2027`, not `March 3, 2027`."""


def locales_dir() -> Path:
    """The folder holding `messages.pot` and one `<lang>/LC_MESSAGES/messages.po` each."""
    return Path(str(resources.files("generator") / "locales"))


def po_path(language: str) -> Path:
    """The `.po` file of an interface language."""
    return locales_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def check_language(language: str) -> str:
    """`language` if it is an interface language, else a ValueError naming the choices."""
    if language not in LANGUAGES:
        raise ValueError(f"{language!r} is not an interface language; "
                         f"expected one of {', '.join(LANGUAGES)}")
    return language


@cache
def translations(language: str) -> Translations:
    """The compiled messages of `language`."""
    check_language(language)
    # Imported here: `microvet check` never translates, and these load the whole .po machinery.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path(language).open("rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@cache
def autonym(language: str, *, in_sentence: bool = False) -> str:
    """The language's name in itself (CLDR): capitalised as a menu shows it (`Deutsch`,
    `Français`), or as a sentence in that language writes it (`Deutsch`, `français`)."""
    from babel import Locale  # imported here, as in `translations`

    name = Locale.parse(language).get_display_name(language) or language
    return name if in_sentence else name[:1].upper() + name[1:]


def babel_locale(language: str) -> str:
    """The CLDR locale that formats dates and numbers for `language`."""
    return BABEL_LOCALES.get(language, language)


def translate(language: str, message: str) -> str:
    """`message` in `language`."""
    return translations(language).gettext(message)


def translate_plural(language: str, singular: str, plural: str, count: int) -> str:
    """The singular or (one of the) plural forms for `count`, in `language`."""
    return translations(language).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark `message` for extraction; it is translated later, where it is shown."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural message for extraction, translated where a number is known."""
    return singular, plural
