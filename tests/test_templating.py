"""The Jinja filters the templates use (generator/site/templating.py, generator/content/text.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from jinja2 import Environment

from generator.site import templating


@pytest.fixture(scope="module")
def env() -> Environment:
    environment = Environment(autoescape=True)
    templating.register(environment)
    return environment


def render(env: Environment, source: str, **context: object) -> str:
    return env.from_string(source).render(**context)


def test_language_maps_pick_english_else_the_first_language(env: Environment):
    title = {"it": "Caffè", "en": "Coffee"}
    assert render(env, "{{ t | t }} {{ t | t_lang }}", t=title) == "Coffee en"
    assert render(env, "{{ t | t }} {{ t | t_lang }}", t={"pl": "Kawa"}) == "Kawa pl"
    assert render(env, "{{ t | t_others }}", t=title) == "{&#39;it&#39;: &#39;Caffè&#39;}"


def test_markdown_cannot_carry_script_or_relative_links(env: Environment):
    html = render(env, "{{ d | markdown }}",
                  d="# Head\n<script>x()</script> [a](javascript:x) [b](/admin) [c](https://e.org)")
    assert "<h2>Head</h2>" in html
    assert "<script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html
    assert 'href="javascript' not in html and 'href="/admin"' not in html
    assert '<a href="https://e.org" rel="nofollow noopener">c</a>' in html


def test_numbers_hours_money_and_dates_in_plain_words(env: Environment):
    assert render(env, "{{ n | number }}", n=Decimal("2.50")) == "2.5"
    assert render(env, "{{ h | hours }}", h=Decimal("1")) == "1 hour"
    assert render(env, "{{ h | hours }}", h=Decimal("25.0")) == "25 hours"
    assert render(env, "{{ d | long_date }}", d=dt.date(2027, 3, 3)) == "3 March 2027"


def test_vocabulary_labels_and_urls_from_the_registry(env: Environment):
    assert render(env, "{{ '4' | label('eqf_levels') }}") == "EQF level 4"
    assert render(env, "{{ 'x-y' | unit_url }} {{ 'p' | provider_url }}") == \
        "units/x-y/ providers/p/"
    assert render(env, "{{ 3 | catalogue_page_url }}") == "catalogue/page/3/"
