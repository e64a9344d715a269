"""Tests of the interface translations (generator/tools/translations.py, generator/locales)."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, TranslationError
from babel.messages.checkers import checkers
from babel.messages.pofile import read_po
from click.testing import CliRunner
from jinja2 import Environment

from generator import i18n
from generator.cli import main
from generator.tools import translations

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = sorted((ROOT / "theme").rglob("*.html"))
CHECKED_ATTRIBUTES = {"aria-label", "aria-description", "placeholder", "title", "alt", "label"}
GETTEXT = {"_", "gettext", "ngettext"}
ENGLISH_LITERAL = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]|^[A-Z][a-z]")
"""A Jinja string literal that reads as words: two words, or a capitalised word."""


def _messages(catalog) -> list[tuple[object, tuple[str, ...]]]:
    return sorted(((m.id, tuple(sorted({f for f, _ in m.locations}))) for m in catalog if m.id),
                  key=repr)


def test_the_committed_template_is_current():
    """Run `microvet translations extract` after changing a message, and commit the files."""
    committed = translations.read_catalog(translations.template_path())
    extracted = translations.extract(ROOT)
    assert _messages(committed) == _messages(extracted)
    assert translations.template_text(extracted) == translations.template_path().read_bytes()


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    found = translations.progress(language)
    assert found.total == len([m for m in translations.read_catalog(
        translations.template_path()) if m.id])
    assert found.untranslated == ()
    assert found.fuzzy == ()


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_translations_keep_placeholders_and_plural_forms(language):
    """Babel's own checks: the same %(name)s placeholders, one text per plural form."""
    catalog = translations.read_catalog(i18n.po_path(language), language)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        for checker in checkers:
            try:
                checker(catalog, message)
            except TranslationError as error:
                problems.append(f"{message.id!r}: {error}")
    assert problems == []


@pytest.mark.parametrize(("language", "plurals"), [
    ("en", 2), ("de", 2), ("fr", 2), ("it", 2), ("es", 2), ("pl", 3), ("fi", 2)])
def test_each_language_declares_its_plural_forms(language, plurals):
    catalog = translations.read_catalog(i18n.po_path(language), language)
    assert catalog.num_plurals == plurals


def test_the_status_command_says_every_language_is_complete():
    result = CliRunner().invoke(main, ["translations", "status"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("en: ")
    assert all(" translated" in line and "to do" not in line
               for line in result.output.splitlines())


def test_a_new_message_is_its_own_text_in_english_only(tmp_path, monkeypatch):
    """`extract` merges one template into every language, English first."""
    monkeypatch.setattr(i18n, "locales_dir", lambda: tmp_path)
    template = Catalog()
    template.add("A new message", None, [("theme/page.html", 1)])
    merged = {language: read_po(io.BytesIO(translations.update(language, template)))
              for language in ("en", "de")}
    assert merged["en"]["A new message"].string == "A new message"
    assert merged["de"]["A new message"].string == ""
    assert not template["A new message"].string  # the template is left as it was


# --- no English left in the templates -----------------------------------------------------


class _VisibleText(HTMLParser):
    """Text nodes and the attributes people read (screen readers included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        self.found += [f"{tag}[{name}]={value}" for name, value in attrs
                       if name in CHECKED_ATTRIBUTES and value and _has_words(value)]

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and _has_words(data):
            self.found.append(data.strip())


def _has_words(text: str) -> bool:
    """Two letters or more with a lowercase one: words, not acronyms such as ESCO or ISCED-F."""
    return any(re.search(r"[^\W\d_]", word) and word != word.upper()
               for word in re.findall(r"[^\W\d_]{2,}", text))


def markup_and_literals(source: str) -> tuple[str, list[str]]:
    """The template's HTML with every Jinja part (and `trans` block) blanked out, and the
    string literals of its expressions that are not gettext arguments."""
    markup: list[str] = []
    literals: list[str] = []
    in_trans = depth = 0
    previous = ""
    call_depth: list[int] = []
    for _, kind, value in Environment(extensions=["jinja2.ext.i18n"]).lex(source):
        if kind == "name" and previous == "block_begin":
            in_trans += {"trans": 1, "endtrans": -1}.get(value, 0)
        if kind == "data" and not in_trans:
            markup.append(value)
        elif kind in {"variable_begin", "block_begin"}:
            markup.append("\x00")
        if kind == "operator" and value == "(":
            depth += 1
            if previous in GETTEXT:
                call_depth.append(depth)
        elif kind == "operator" and value == ")":
            if call_depth and call_depth[-1] == depth:
                call_depth.pop()
            depth -= 1
        elif kind == "string" and not call_depth and not in_trans and ENGLISH_LITERAL.search(
                value[1:-1]):
            literals.append(value[1:-1])
        if kind not in {"whitespace"}:
            previous = value if kind == "name" else kind
    html = re.sub("<(/?)\x00", r"<\1span", "".join(markup)).replace("\x00", " ")
    return html, literals


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_template_shows_untranslated_text(template):
    markup, literals = markup_and_literals(template.read_text(encoding="utf-8"))
    parser = _VisibleText()
    parser.feed(markup)
    assert parser.found == []
    assert literals == []


def test_the_template_check_finds_english_text_attributes_and_literals():
    markup, literals = markup_and_literals(
        '<p>Hello {{ name }}</p><p>{{ _("Translated") }}</p><input placeholder="e.g. barista">'
        '{% trans %}Also translated{% endtrans %}<b>{{ "Fact sheet" if x }}{{ "Free" }}</b>'
        '<i title="{{ _(\'Fine\') }}">·</i>{{ x | label("eqf_levels") }}')
    parser = _VisibleText()
    parser.feed(markup)
    assert parser.found == ["Hello", "input[placeholder]=e.g. barista"]
    assert literals == ["Fact sheet", "Free"]


def test_the_catalogue_script_holds_no_english_for_learners():
    """Its words come translated from the page (#mv-messages); only console errors are English."""
    script = (ROOT / "theme" / "assets" / "catalogue.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.DOTALL)
    code = re.sub(r"new Error\([^)]*\)", "", code)
    literals = re.findall(r'"((?:[^"\\\n]|\\.)*)"', code)
    class_names = re.compile(r"(m[dv]-[\w-]+ ?)+")
    assert [text for text in literals if ENGLISH_LITERAL.search(text)
            and not class_names.fullmatch(text)] == ["use strict"]
