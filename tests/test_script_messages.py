"""Tests of the catalogue script's words (generator/site/script_messages.py)."""

from __future__ import annotations

from generator.site.script_messages import MESSAGES, PLURALS, plural_forms, script_messages


def test_plural_messages_come_per_cldr_category_of_the_language():
    assert plural_forms("pl", "%(num)s hour", "%(num)s hours") == {
        "many": "%(num)s godzin", "one": "%(num)s godzina", "few": "%(num)s godziny",
        "other": "%(num)s godziny"}  # other: fractions, "1,5 godziny"
    assert plural_forms("fr", "%(num)s hour", "%(num)s hours") == {
        "one": "%(num)s heure", "other": "%(num)s heures"}  # 0 and 1 are singular in French
    assert plural_forms("en", "%(num)s hour", "%(num)s hours") == {
        "other": "%(num)s hours", "one": "%(num)s hour"}


def test_every_message_and_the_number_symbols_of_the_language():
    german = script_messages("de")
    assert german["language"] == "de"
    assert (german["group"], german["decimal"]) == (".", ",")
    assert set(german["messages"]) == set(MESSAGES)
    assert set(german["plurals"]) == set(PLURALS)
    assert german["messages"]["sortBy"] == "Sortieren nach"
    assert script_messages("en")["messages"]["sortBy"] == "Sort by"
