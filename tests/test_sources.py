"""Reading YAML: positions, and refusing what providers never need."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content import strict_yaml
from generator.content.errors import Problem
from generator.content.sources import MAX_FILE_BYTES, parse_source, read_source


def parse(text: str):
    return parse_source(text, "x.yaml")


def test_values_keep_line_and_column():
    source, problems = parse("id: a\nworkload:\n  hours: 25\nlanguages: [en, it]\n")
    assert problems == []
    assert source.position(("workload", "hours")) == (3, 10)
    assert source.position(("languages", 1)) == (4, 17)
    assert source.position(("workload", "hours"), key=True) == (3, 3)


def test_missing_parts_of_a_location_point_at_the_nearest_existing_value():
    source, _ = parse("workload:\n  hours: 25\n")
    # "ects" is not in the file: the position is the value that would contain it.
    assert source.position(("workload", "ects")) == (2, 3)
    assert source.position(("workload", "ects"), key=True) == (1, 1)
    assert source.position(("nothing", "here")) == (1, 1)


def test_yaml_1_2_scalars_norway_octal_and_dates():
    source, problems = parse("country: NO\nisced: 0414\nyes_word: yes\nflag: true\n"
                             "n: 12\nx: 1.5\nday: 2026-03-01\n")
    assert problems == []
    assert source.data == {"country": "NO", "isced": "0414", "yes_word": "yes", "flag": True,
                           "n": 12, "x": 1.5, "day": dt.date(2026, 3, 1)}


@pytest.mark.parametrize(("text", "line", "column"), [
    ("a: 1\n\tb: 2\n", 2, 1), ("a:\n  b: 1\n  \tc: 2\n", 3, 3), ("a: 1\nb:\t[2]\n", 2, 3)])
def test_a_tab_says_yaml_needs_spaces_where_the_tab_is(text, line, column):
    for libyaml in (True, False):
        _, problems = parse_source(text, "x.yaml", libyaml=libyaml)
        assert problems == [Problem("x.yaml", line, column, "YAML needs spaces for indentation, "
                                    "not tabs: replace the tab here with spaces")]


@pytest.mark.parametrize(("text", "column", "example"), [
    ("title: Barista basics: espresso\n", 22, 'title: "Barista basics: espresso"'),
    ("a:\n  - title: Note: the \"best\" cup\n", 16, "title: 'Note: the \"best\" cup'"),
])
def test_an_unquoted_colon_in_text_says_put_the_text_in_quotes(text, column, example):
    _, problems = parse(text)
    assert problems == [Problem("x.yaml", text.count("\n"), column,
                                "a colon followed by a space inside text starts a new field: "
                                f"put the text in quotes, like {example}")]


def test_a_misplaced_field_keeps_the_parser_words():
    _, problems = parse("a: b\n  c: d: e\n")
    assert problems == [Problem("x.yaml", 2, 4, "invalid YAML: mapping values are not allowed "
                                                "here")]


def test_impossible_date_is_reported_at_its_position():
    _, problems = parse("id: a\nstart: 2026-02-30\n")
    assert problems == [Problem("x.yaml", 2, 8, "'2026-02-30' is not a real date (YYYY-MM-DD)")]


@pytest.mark.parametrize(("text", "expected"), [
    ("a: &x 1\nb: *x\n", Problem("x.yaml", 1, 4, "YAML anchors (&x) are not allowed: write "
                                 "each value out in full")),
    ("a: !!python/object:os.system 1\n", Problem(
        "x.yaml", 1, 4, "YAML tags (tag:yaml.org,2002:python/object:os.system) are not "
        "allowed: remove the tag and write a plain value")),
    ("a: !custom 1\n", Problem("x.yaml", 1, 4, "YAML tags (!custom) are not allowed: remove "
                               "the tag and write a plain value")),
    ("- a\n- b\n", Problem("x.yaml", 1, 1, "expected fields (`name: value` lines), found a list")),
    ("just text\n", Problem("x.yaml", 1, 1,
                            "expected fields (`name: value` lines), found a single value")),
    ("", Problem("x.yaml", 1, 1, "the file is empty: it must describe one object")),
    ("# only a comment\n",
     Problem("x.yaml", 1, 1, "the file is empty: it must describe one object")),
    ("a: [1\n", Problem("x.yaml", 2, 1, "invalid YAML: while parsing a flow sequence: "
                        "expected ',' or ']', but got '<stream end>'")),
])
def test_refused_constructs(text, expected):
    source, problems = parse(text)
    assert source is None
    assert problems == [expected]


def test_duplicate_keys_are_reported_with_the_first_line():
    source, problems = parse("title: A\nsummary: B\ntitle: C\n")
    assert problems == [Problem("x.yaml", 3, 1, "duplicate field 'title' (first given at line 1):"
                                " keep one of them")]
    assert source.data == {"title": "A", "summary": "B"}


def test_deep_nesting_is_refused():
    source, problems = parse("a: " + "[" * 50 + "]" * 50 + "\n")
    assert source is None
    assert problems[0].message == "nesting deeper than 20 levels is not allowed"


def test_alias_bomb_is_refused_before_expansion():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]"
              for i in range(8)]
    source, problems = parse("\n".join(lines) + "\n")
    assert source is None
    assert problems[0].line == 1


def test_not_utf8_points_at_the_byte(tmp_path: Path):
    path = tmp_path / "u.yaml"
    path.write_bytes(b"id: u\ntitle: caf\xe9\n")
    source, problems = read_source(path, "u.yaml")
    assert source is None
    assert problems == [Problem("u.yaml", 2, 11, "the file is not UTF-8 (byte 0xe9): save it "
                                "with UTF-8 encoding in your editor")]


def test_byte_order_mark_is_accepted(tmp_path: Path):
    path = tmp_path / "b.yaml"
    path.write_bytes("\ufeffid: b\n".encode())
    source, problems = read_source(path, "b.yaml")
    assert problems == []
    assert source.data == {"id": "b"}


def test_nul_byte_is_a_located_problem(tmp_path: Path):
    path = tmp_path / "n.yaml"
    path.write_bytes(b"id: n\ntitle: a\x00b\n")
    source, problems = read_source(path, "n.yaml")
    assert source is None
    assert problems == [Problem("n.yaml", 2, 9, "the file contains a control character "
                                "(U+0000) that is not allowed in YAML: delete it")]


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * (MAX_FILE_BYTES + 1))
    source, problems = read_source(path, "big.yaml")
    assert source is None
    assert problems[0].message.startswith(f"the file is {MAX_FILE_BYTES + 4:,} bytes")


# --- libyaml reads what the pure-Python parser would, and never changes a report ---------------

needs_libyaml = pytest.mark.skipif(strict_yaml.CParser is None, reason="PyYAML without libyaml")

YAML_PIECES = st.sampled_from([
    "a", "b", "é", "ß", "0414", "1.5", "NO", "true", "~", "2026-03-01", " ", "  ", "\n", "\t",
    "\r\n", ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "'", '"', "#", "&x ", "*x", "!!str ",
    "!t ", "|", ">", "? ", "%", "@", "`", "\\", "\\x41", "\x85", "\u2028", "---\n", "...\n",
    "\x00", "\x1b", "\ufffe", "\U0001f600", "\ufeff", "\r", "\u2029", "\n  ", "\n    ",
    "id: ", "  en: ", "  - ", '"\\u00e9"', "'it''s'", "|-\n  ", ">\n  ", "[a, b]", "{a: 1}",
    " #c", "%YAML 1.2\n", '"a\nb"', "'a\n b'", "a\n b", '"\\t"',
])
"""Bits of YAML, valid and not, that fuzzing showed the two parsers can disagree on."""


def _reading(text: str, *, libyaml: bool) -> tuple[Any, ...]:
    """Everything a reader's result tells later stages: data, problems, every position."""
    source, problems = parse_source(text, "x.yaml", libyaml=libyaml)
    if source is None:
        return None, problems
    return (source.data, problems, sorted(source.values, key=repr),
            {loc: source.position(loc) for loc in source.values},
            {loc: source.position(loc, key=True) for loc in source.keys})


def _assert_same_reading(text: str) -> None:
    assert _reading(text, libyaml=True) == _reading(text, libyaml=False)


@needs_libyaml
def test_libyaml_reads_the_sample_content_as_the_pure_python_parser_does():
    files = sorted(Path(__file__).parent.parent.joinpath("content").rglob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        source, _ = parse_source(text, "x.yaml")
        assert source is not None and source.text == text  # libyaml did read it
        _assert_same_reading(text)


@needs_libyaml
def test_libyaml_reads_the_hostile_corpus_as_the_pure_python_parser_does():
    from hostile.corpus import BASE, CASES

    texts = [*BASE.values()] + [text for case in CASES for text in case.files.values()
                                if isinstance(text, str)]
    for text in texts:
        _assert_same_reading(text)


@needs_libyaml
def test_positions_of_empty_values_come_from_the_pure_python_parser():
    # libyaml places the empty value at the closing brace (column 8), PyYAML after the colon.
    source, problems = parse("a: {b: }\n")
    assert problems == []
    assert source.position(("a", "b")) == (1, 7)


@needs_libyaml
def test_columns_count_characters_not_bytes():
    text = "t: {é€😀: [ü, x]}\n"
    source, problems = parse(text)
    assert problems == []
    assert source.position(("t", "é€😀", 1)) == (1, 14)
    _assert_same_reading(text)


@needs_libyaml
@settings(max_examples=1000, deadline=None)
@given(st.lists(YAML_PIECES, max_size=50).map("".join))
def test_libyaml_and_the_pure_python_parser_read_anything_alike(text: str):
    _assert_same_reading(text)
