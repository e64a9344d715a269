"""Content files written by `microvet import` read as if written by hand, and mean the same."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from generator.content.catalogue import load_catalogue
from generator.content.models import Provider
from generator.content.sources import parse_source
from generator.content.validation import validate
from generator.kinds import BY_FOLDER, BY_NAME, KINDS
from generator.tools.content_yaml import _Dumper, content_yaml, dump, indent_lists, model_data

CATALOGUE = load_catalogue(ROOT / "content", root=ROOT)
MODELS = {kind.name: kind.model for kind in KINDS}


@pytest.mark.parametrize("folder", list(BY_FOLDER))
def test_every_sample_object_written_and_read_back_is_the_same_object(folder: str):
    kind = folder[:-1]
    for obj in CATALOGUE.objects[folder].values():
        text = content_yaml(kind, model_data(obj))
        source, problems = parse_source(text, f"{obj.id}.yaml")
        assert problems == [] and source is not None
        language = source.data.get("default_language", "en")
        again, problems = validate(BY_FOLDER[folder].model, source, {"default_language": language})
        assert problems == []
        assert again == obj, obj.id


@pytest.mark.parametrize("kind", list(MODELS))
def test_schema_line_first_keys_in_the_scaffold_order_and_no_nulls(kind: str):
    for obj in CATALOGUE.objects[BY_NAME[kind].folder].values():
        text = content_yaml(kind, model_data(obj), ["Imported from x.xlsx."])
        lines = text.splitlines()
        assert lines[:2] == [f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json",
                             "# Imported from x.xlsx."]
        source, _ = parse_source(text, "x.yaml")
        assert source is not None
        order = list(MODELS[kind].model_fields)
        keys = list(source.data)
        assert keys == sorted(keys, key=order.index)
        assert "null" not in text and ": []" not in text and ": {}" not in text
        assert "example: false" not in text


def test_a_text_in_the_default_language_alone_is_a_plain_string_and_others_come_after_it():
    text = content_yaml("outcome", {
        "id": "x", "default_language": "it", "title": {"it": "Estrazione"},
        "statement": {"en": "The learner can pull a shot.", "it": "Sa estrarre."},
        "category": "skill", "esco_skills": [], "eqf_level": None})
    assert text.splitlines()[1:] == [
        "id: x", "default_language: it", "title: Estrazione", "statement:",
        "  it: Sa estrarre.", "  en: The learner can pull a shot.", "category: skill"]


def test_long_texts_fold_markdown_keeps_its_lines_and_lists_sit_under_their_key(
        tmp_path: Path):
    unit = CATALOGUE.units["barista-basics"]
    text = content_yaml("unit", model_data(unit))
    assert "summary:\n  it: >-\n    Corso pratico di 30 ore" in text
    assert "description:\n  it: |-\n    ## A chi si rivolge\n" in text
    assert "outcomes:\n  - espresso-extraction\n" in text
    assert "languages: [it, en]\n" in text
    assert "eqf_level: '3'\nisced_f: '1013'\n" in text
    assert "workload:\n  hours: 30\n  ects: 1\n" in text
    assert "  - start: 2027-02-01\n" in text
    assert max(len(line) for line in text.splitlines() if not line.startswith("#")) <= 99


TEXTS = st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc"),
                                       blacklist_characters="\ufeff"), max_size=30)
                 | st.sampled_from(["\n", ": ", " #", "'", '"', "- ", "|", ">", "  ", "no"]),
                 min_size=1, max_size=12).map("".join).filter(str.strip)
"""Texts with what YAML treats specially: colons, comment marks, quotes, line breaks."""


@settings(max_examples=150, deadline=None)
@given(name=TEXTS, description=TEXTS, city=TEXTS)
def test_any_text_written_reads_back_the_same(name: str, description: str, city: str):
    data = {"id": "centre", "name": {"en": name, "it": description}, "description": description,
            "country": "IT", "city": city, "homepage": "https://example.org/"}
    try:
        provider = Provider.model_validate(data, context={"default_language": "en"})
    except ValidationError:
        assume(False)
    text = content_yaml("provider", model_data(provider))
    source, problems = parse_source(text, "centre.yaml")
    assert problems == [] and source is not None
    again, problems = validate(Provider, source, {"default_language": "en"})
    assert problems == [] and again == provider


def test_libyaml_and_pyyaml_write_the_same_data_lists_indented_alike():
    """The fast path (libyaml, then `indent_lists`) writes what PyYAML's own emitter does,
    up to where long folded lines break."""
    for kind in MODELS:
        for obj in CATALOGUE.objects[BY_NAME[kind].folder].values():
            tidy = yaml.safe_load(content_yaml(kind, model_data(obj)))
            slow = yaml.dump(tidy, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                             width=87, default_flow_style=False)
            fast = dump(tidy)
            assert yaml.safe_load(fast) == yaml.safe_load(slow)
            structure = [line for line in fast.splitlines() if line.lstrip().startswith("- ")
                         or line.rstrip().endswith(":")]
            assert structure == [line for line in slow.splitlines()
                                 if line.lstrip().startswith("- ") or line.rstrip().endswith(":")]


def test_indent_lists_moves_lists_and_their_blocks_but_not_text_inside_blocks():
    assert indent_lists("a:\n- x: |-\n    - not a list\n  y: 1\nb:\n  c:\n  - 1\n  - 2\n  d: 2\n"
                        ) == ("a:\n  - x: |-\n      - not a list\n    y: 1\nb:\n  c:\n    - 1\n"
                              "    - 2\n  d: 2\n")
