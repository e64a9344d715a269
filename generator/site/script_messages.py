"""The words theme/assets/catalogue.js shows, translated, for the page to hand to the script.

The catalogue page embeds them as a JSON block (`<script type="application/json"
id="mv-messages">`): the script itself holds no English. Plural messages come as one text per
CLDR plural category (`one`, `few`, `many`, `other`), the categories the browser's
`Intl.PluralRules` names, each the gettext form of a number in that category. Placeholders
keep gettext's `%(name)s` form.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from babel import Locale
from babel.numbers import get_decimal_symbol, get_group_symbol

from generator.i18n import N_, NP_, babel_locale, translate, translate_plural

MESSAGES = {
    "sortRelevance": N_("Best match"),
    "sortTitle": N_("Title (A to Z)"),
    "sortNext": N_("Next start (soonest first)"),
    "sortPrice": N_("Price (lowest first)"),
    "sortWorkload": N_("Workload (shortest first)"),
    "sortNewest": N_("Newest first"),
    "filters": N_("Filters"),
    "clearFilters": N_("Clear all filters"),
    "searchLabel": N_("Search micro-credentials"),
    "search": N_("Search"),
    "searchHint": N_("Matches titles, summaries, learning outcomes, ESCO skills, keywords and "
                     "providers in every language. Results change as you type."),
    "sortBy": N_("Sort by"),
    "keyFacts": N_("Key facts"),
    "ects": N_("%(num)s ECTS"),
    "removeFilter": N_("Remove the last filter: %(facet)s %(value)s"),
    "clearWords": N_("Clear the search words"),
    "noMatch": N_("No micro-credentials match these words and filters."),
    "didYouMean": N_("Did you mean %(query)s?"),
    "quickFilters": N_("Quick filters"),
    "quickUpcoming": N_("Upcoming only"),
    "quickFree": N_("Free"),
    "nextStart": N_("Next start: %(date)s"),
    "noDates": N_("No dates announced"),
    "printWords": N_("Search words: “%(words)s”."),
    "printFilter": N_("%(facet)s: %(value)s"),
    "printFilters": N_("Filters: %(filters)s."),
    "printNoFilters": N_("No filters."),
    "downloadCsv": N_("Download these results (CSV)"),
}
"""Messages without a number."""

PLURALS = {
    "hours": NP_("%(num)s hour", "%(num)s hours"),
    "chosen": NP_(" (%(num)s chosen)", " (%(num)s chosen)"),
    "active": NP_(" (%(num)s active)", " (%(num)s active)"),
    "more": NP_("Show %(num)s more (%(left)s not shown)",
                "Show %(num)s more (%(left)s not shown)"),
    "all": NP_("%(num)s micro-credential.", "%(num)s micro-credentials."),
    "showResults": NP_("Show %(num)s result", "Show %(num)s results"),
    "longFacet": NP_("%(num)s value: scroll the list for more.",
                     "%(num)s values: scroll the list for more."),
    "matches": NP_("%(num)s micro-credential matches (of %(total)s).",
                   "%(num)s micro-credentials match (of %(total)s)."),
}
"""Messages whose form follows a number (`num`)."""

_SAMPLES = (*range(0, 200), 1.5)
"""Numbers tried to find one of each plural category (1.5: the category of fractions)."""


def plural_forms(language: str, singular: str, plural: str) -> dict[str, str]:
    """The message for each CLDR plural category of `language`."""
    rule = Locale.parse(babel_locale(language)).plural_form
    forms: dict[str, str] = {}
    for sample in _SAMPLES:
        category = rule(sample)
        if category not in forms:
            count = sample if isinstance(sample, int) else 2  # gettext counts are integers
            forms[category] = translate_plural(language, singular, plural, count)
    return forms


@cache
def script_messages(language: str) -> dict[str, Any]:
    """Everything catalogue.js words, in `language`, with its number symbols."""
    locale = babel_locale(language)
    return {
        "language": language,
        "group": get_group_symbol(locale),
        "decimal": get_decimal_symbol(locale),
        "messages": {key: translate(language, text) for key, text in MESSAGES.items()},
        "plurals": {key: plural_forms(language, *pair) for key, pair in PLURALS.items()},
    }
