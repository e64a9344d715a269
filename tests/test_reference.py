"""The description of every field, made from the models (feeds the reference page and scaffolds)."""

from __future__ import annotations

import pytest

from generator.kinds import KINDS
from generator.tools.reference import Shape, model_docs, sentence

MODELS = {kind.name: kind.model for kind in KINDS}
"""Every kind of content file and its model, from the registry."""


def fields(kind: str) -> dict[str, object]:
    doc = next(d for d in model_docs() if d.kind == kind)
    return {field.path: field for field in doc.rows()}


@pytest.mark.parametrize(("path", "required", "shape", "words"), [
    ("id", True, Shape("id"), "an id"),
    ("title", True, Shape("text"), "text (one language, or one text per language)"),
    ("languages", True, Shape("code", many=True, vocabulary="languages"),
     "a list of codes from the list"),
    ("eqf_level", True, Shape("code", vocabulary="eqf_levels"), "a code from the list"),
    ("workload.hours", True, Shape("number"), "a number, e.g. 25 or 12.5"),
    ("assessment.supervision", False, Shape("code", vocabulary="supervision"),
     "a code from the list"),
    ("stackability.kind", True, Shape("choice", choices=("standalone", "stackable")),
     "one of: standalone, stackable"),
    ("sessions.start", True, Shape("date"), "a date, YYYY-MM-DD"),
    ("sessions.places", False, Shape("integer"), "a whole number"),
    ("homepage", False, Shape("url"), "a web address starting with https://"),
    ("keywords", False, Shape("plain", many=True), "a list of texts"),
])
def test_unit_fields_are_described_from_the_model(path, required, shape, words):
    field = fields("unit")[path]
    assert field.required is required
    assert field.shape.kind == shape.kind
    assert field.shape.vocabulary == shape.vocabulary
    assert field.shape.many is shape.many
    assert field.shape.choices == shape.choices
    assert field.shape.words == words


def test_groups_of_fields_carry_their_sub_fields():
    unit = fields("unit")
    location = unit["sessions.location"]
    assert location.shape.kind == "either"
    assert location.shape.words == "online, or the fields below"
    assert [sub.path for sub in location.fields] == [
        "sessions.location.city", "sessions.location.country", "sessions.location.venue",
        "sessions.location.address"]
    assert unit["sessions"].shape.words == "a list of entries, each with the fields below"
    assert unit["sessions"].default == []


def test_every_model_field_is_described_once():
    for doc in model_docs():
        top = [field.name for field in doc.fields]
        assert top == list(MODELS[doc.kind].model_fields)
        assert all(field.description for field in doc.rows())
    provider = fields("provider")
    assert provider["example"].default is False
    assert provider["email"].shape.kind == "email"
    assert provider["default_language"].default == "en"


@pytest.mark.parametrize(("text", "expected"), [
    ("title of the unit", "Title of the unit."),
    ("EQF level 1-8", "EQF level 1-8."),
    ("done.", "Done."),
    ("", ""),
])
def test_sentence(text: str, expected: str):
    assert sentence(text) == expected
