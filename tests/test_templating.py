"""Tests of the template environment (generator/site/templating.py): one environment, many
languages, each page worded in its own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment

from generator.site import templating

TEMPLATES = {
    "page.html": (
        "{{ _('Fact sheet') }} | {{ 3 | hours }} | {{ '4' | label('eqf_levels') }} | "
        "{{ 'de' | label('languages') }} | {{ price | money }} | {{ day | long_date }} | "
        "{{ ngettext('%(num)s ECTS credit', '%(num)s ECTS credits', 1) }} | "
        "{{ title | t }} ({{ title | t_lang }}) | {% include 'part.html' %}"),
    "part.html": "{% import 'macros.html' as m with context %}{{ m.free() }}",
    "macros.html": "{% macro free() %}{{ _('Free') }}{% endmacro %}",
}


@pytest.fixture
def env() -> Environment:
    environment = Environment(loader=DictLoader(TEMPLATES), autoescape=True)
    templating.register(environment)
    return environment


def render(env: Environment, **context: object) -> str:
    return env.get_template("page.html").render(
        price=SimpleNamespace(amount=Decimal("1180.5"), currency="EUR"),
        day=dt.date(2027, 3, 3), title={"en": "Heat pumps", "de": "Wärmepumpen"}, **context)


def test_one_environment_renders_each_page_in_its_own_language(env):
    assert render(env, language="de") == (
        "Steckbrief | 3 Stunden | EQR-Niveau 4 | Deutsch | EUR 1.180,50 | 3. März 2027 | "
        "1 ECTS-Punkt | Wärmepumpen (de) | Kostenlos")
    assert render(env, language="pl") == (
        "Karta informacyjna | 3 godziny | Poziom 4 ERK | Niemiecki | EUR 1\u00a0180,50 | "
        "3 marca 2027 | 1 punkt ECTS | Heat pumps (en) | Bezpłatne")
    assert render(env) == (
        "Fact sheet | 3 hours | EQF level 4 | German | EUR 1,180.50 | 3 March 2027 | "
        "1 ECTS credit | Heat pumps (en) | Free")


def test_a_page_without_a_language_takes_the_environment_default(env):
    templating.register(env, "fi")
    assert render(env).startswith("Tietoja lyhyesti | 3 tuntia | EQF-taso 4 | Saksa")


def test_an_unknown_default_language_is_refused(env):
    with pytest.raises(ValueError, match=r"^'nl' is not an interface language; expected one of"):
        templating.register(env, "nl")


def test_the_catalogue_page_gets_its_language_s_index_stemmer_and_messages(env):
    env.loader = DictLoader({"c.html": (
        "{{ search_index_path() }} {{ search_stemmer_scripts() | join(',') }} "
        "{{ search_messages().messages.filters }} {{ search_messages().plurals.hours.few }}")})
    assert env.get_template("c.html").render(language="pl") == (
        "catalogue/search-index.pl.json  Filtry %(num)s godziny")
    assert env.get_template("c.html").render(language="de") == (
        "catalogue/search-index.de.json assets/vendor/lunr.stemmer.support.js,"
        "assets/vendor/lunr.de.js Filter ")
