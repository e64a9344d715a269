"""The Jinja filters the templates use (generator/site/templating.py, generator/content/text.py),
and one environment rendering each page in its own language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import copy_project
from jinja2 import DictLoader, Environment
from mkdocs.commands.build import build
from mkdocs.config import load_config

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


# --- one environment, many languages -------------------------------------------------------

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
def lang_env() -> Environment:
    environment = Environment(loader=DictLoader(TEMPLATES), autoescape=True)
    templating.register(environment)
    return environment


def render_page(env: Environment, **context: object) -> str:
    return env.get_template("page.html").render(
        price=SimpleNamespace(amount=Decimal("1180.5"), currency="EUR"),
        day=dt.date(2027, 3, 3), title={"en": "Heat pumps", "de": "Wärmepumpen"}, **context)


def test_one_environment_renders_each_page_in_its_own_language(lang_env):
    assert render_page(lang_env, language="de") == (
        "Steckbrief | 3 Stunden | EQR-Niveau 4 | Deutsch | EUR 1.180,50 | 3. März 2027 | "
        "1 ECTS-Punkt | Wärmepumpen (de) | Kostenlos")
    assert render_page(lang_env, language="pl") == (
        "Karta informacyjna | 3 godziny | Poziom 4 ERK | Niemiecki | EUR 1\u00a0180,50 | "
        "3 marca 2027 | 1 punkt ECTS | Heat pumps (en) | Bezpłatne")
    assert render_page(lang_env) == (
        "Fact sheet | 3 hours | EQF level 4 | German | EUR 1,180.50 | 3 March 2027 | "
        "1 ECTS credit | Heat pumps (en) | Free")


def test_a_page_without_a_language_takes_the_environment_default(lang_env):
    templating.register(lang_env, "fi")
    assert render_page(lang_env).startswith("Tietoja lyhyesti | 3 tuntia | EQF-taso 4 | Saksa")


def test_an_unknown_default_language_is_refused(lang_env):
    with pytest.raises(ValueError, match=r"^'nl' is not an interface language; expected one of"):
        templating.register(lang_env, "nl")


def test_the_catalogue_page_gets_its_language_s_index_stemmer_and_messages(lang_env):
    lang_env.loader = DictLoader({"c.html": (
        "{{ search_index_path() }} {{ search_stemmer_scripts() | join(',') }} "
        "{{ search_messages().messages.filters }} {{ search_messages().plurals.hours.few }}")})
    assert lang_env.get_template("c.html").render(language="pl") == (
        "catalogue/search-index.pl.json  Filtry %(num)s godziny")
    assert lang_env.get_template("c.html").render(language="de") == (
        "catalogue/search-index.de.json assets/vendor/lunr.stemmer.support.js,"
        "assets/vendor/lunr.de.js Filter ")


def _build_in_process(project: Path) -> dict[str, bytes]:
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()
    site = project / "site"
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*.html"))}


def test_remembered_parts_give_the_same_pages_as_rendering_each_page_whole(
        tmp_path: Path, monkeypatch):
    """The unit cards, the language switcher and Material's navigation, header, footer and
    fixed blocks, kept per language and folder (`Memo`), give every page of the sample site
    byte for byte what rendering every page in full gives."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    remembered = copy_project(tmp_path / "remembered")
    monkeypatch.chdir(remembered)
    calls: list[bool] = []
    part = templating.Memo.part

    def counting(self, context, key, render, links_to_or_below, **options):
        if context.get("page") is not None:  # (the 404 page has none, and renders whole)
            calls.append(links_to_or_below(context["page"].url))
        return part(self, context, key, render, links_to_or_below, **options)

    monkeypatch.setattr(templating.Memo, "part", counting)
    with_memo = _build_in_process(remembered)
    whole = copy_project(tmp_path / "whole")
    monkeypatch.chdir(whole)
    monkeypatch.setattr(templating.Memo, "part",
                        lambda self, context, key, render, links_to_or_below, **options:
                        render())
    without = _build_in_process(whole)
    assert len(with_memo) > 500
    assert sorted(with_memo) == sorted(without)
    assert [page for page in with_memo if with_memo[page] != without[page]] == []
    # the parts were kept for most pages, and pages a part links to rendered their own
    assert calls.count(False) > 1000 and calls.count(True) > 50


PAGE_URLS = ["", "units/", "units/barista/", "units/barista-basics/", "de/units/barista/",
             "skills/a/b/", "404.html"]
LINK_PATHS = ["", "units/", "units/barista/", "units/barista", "units/barista/elm.jsonld",
              "units/barista-basics/", "units/bar/", "de/units/barista/", "skills/a/",
              "catalogue/?query=tea", "catalogue/#filters", "assets/x.css", "../up/", "./",
              "#top", "/abs/", "https://example.org/", "mailto:a@example.org"]


def test_links_made_once_per_folder_read_as_mkdocs_makes_them_from_each_page():
    """The `url` filter keeps a site path's link per folder of the page (not for the page it
    leads to or pages above it): every link is the one MkDocs' own filter makes from the page,
    whichever page of the folder asked first."""
    from mkdocs.utils.templates import url_filter

    environment = Environment(autoescape=True)
    environment.filters["url"] = url_filter
    templating.register(environment)
    template = environment.from_string("{{ path | url }}")
    for order in (PAGE_URLS, PAGE_URLS[::-1]):
        for page_url in order:
            page = SimpleNamespace(url=page_url)
            for path in LINK_PATHS:
                expected = environment.from_string("{{ path | url_exact }}").render(
                    page=page, base_url="", path=path)
                assert template.render(page=page, base_url="", path=path) == expected, (
                    page_url, path)
    assert template.render(page=None, base_url="..", path="units/") == "../units/"


def test_a_part_without_links_is_kept_once_per_language_for_every_folder(env: Environment):
    template = env.from_string(
        '{% call remembered("facts", 1, anywhere=True) %}{{ page.url }} {{ _("Price") }}'
        '{% endcall %}')
    catalogue = object()

    def on(url: str, language: str = "en") -> str:
        return template.render(page=SimpleNamespace(url=url), catalogue=catalogue,
                               language=language)

    assert on("units/a/") == "units/a/ Price"
    assert on("providers/b/") == "units/a/ Price"  # kept, from another folder
    assert on("de/units/a/", "de") == "de/units/a/ Preis"  # per language
    with pytest.raises(ValueError, match="a part with links is not the same anywhere"):
        env.from_string('{% call remembered("x", links=("units/",), anywhere=True) %}'
                        '{% endcall %}').render(page=SimpleNamespace(url="a/"),
                                                catalogue=catalogue)
