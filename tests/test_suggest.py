"""Did-you-mean for vocabulary values: codes and every label a vocabulary carries."""

from __future__ import annotations

import pytest

from generator.content.vocabularies.suggest import did_you_mean, normalise, suggest


@pytest.mark.parametrize(("name", "typed", "code"), [
    ("currencies", "eur", "EUR"),          # case
    ("currencies", "€", "EUR"),            # a symbol
    ("currencies", "zł", "PLN"),
    ("currencies", "Euro", "EUR"),         # the label
    ("countries", "Portugal", "PT"),       # the name
    ("countries", "ITA", "IT"),            # the three-letter authority code
    ("countries", "portgual", "PT"),       # spelling
    ("languages", "Italian", "it"),        # the English name
    ("languages", "Italiano", "it"),       # the language's own name
    ("languages", "Deutsch", "de"),
    ("languages", "EN", "en"),
    ("licences", "CC BY 4.0", "CC-BY-4.0"),  # the short name, punctuation ignored
    ("licences", "cc by-sa 3.0", "CC-BY-SA-3.0"),
    ("licences", "All rights reserved", "all-rights-reserved"),
    ("modes", "on-site", "onsite"),        # punctuation
    ("modes", "On Site", "onsite"),
    ("modes", "onlin", "online"),
])
def test_a_value_near_a_code_or_label_suggests_the_code(name: str, typed: str, code: str):
    assert suggest(name, typed) == code


@pytest.mark.parametrize(("name", "typed"), [
    ("licences", "GPL"),        # three letters guess nothing (NGPL is as close as any)
    ("countries", "Atlantis"),
    ("currencies", "kr"),       # the sign of four currencies
    ("modes", "   "),
    ("modes", "--"),
])
def test_nothing_close_suggests_nothing(name: str, typed: str):
    assert suggest(name, typed) is None
    assert did_you_mean(name, typed) == ""


def test_the_suggestion_names_the_code_and_its_label():
    assert did_you_mean("countries", "Portugal") == "; did you mean 'PT' (Portugal)?"
    assert did_you_mean("modes", "onlin") == "; did you mean 'online'?"  # label = code


def test_normalise_ignores_case_spaces_and_punctuation():
    assert normalise("On-Site") == normalise("onsite") == "onsite"
    assert normalise("CC BY 4.0") == normalise("CC-BY-4.0")
