"""The content models: shapes providers may write, and what they normalise to."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from generator.content.models import EscoSkill, Price, Session, Stackability, Unit, Workload
from generator.content.models.base import check_url, unique


def errors(model, data, context=None) -> list[str]:
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data, context=context)
    return [e["msg"] for e in raised.value.errors()]


@pytest.mark.parametrize("free", [0, "free", "Free"])
def test_free_price_shorthands(free):
    price = Price.model_validate(free)
    assert price.is_free
    assert price.amount == 0


def test_paid_price_needs_a_currency():
    assert Price.model_validate({"amount": 120, "currency": "EUR"}).amount == Decimal(120)
    assert errors(Price, {"amount": 120}) == ["a paid offer needs a `currency`, e.g. EUR"]
    assert errors(Price, 120) == [
        "give the currency too, like `price: {amount: 120, currency: EUR}`"]


def test_price_is_bounded():
    assert errors(Price, {"amount": -1, "currency": "EUR"}) == [
        "Input should be greater than or equal to 0"]


def test_workload_bounds():
    assert Workload.model_validate({"hours": 25, "ects": 1}).ects == Decimal(1)
    assert errors(Workload, {"hours": 0}) == ["Input should be greater than 0"]
    assert errors(Workload, {"hours": 10, "ects": 90}) == [
        "Input should be less than or equal to 60"]


def test_session_dates_must_be_in_order():
    ok = Session.model_validate({"start": dt.date(2027, 3, 1), "end": dt.date(2027, 3, 5),
                                 "location": "online"})
    assert ok.location == "online"
    assert errors(Session, {"start": dt.date(2027, 3, 5), "end": dt.date(2027, 3, 1),
                            "location": "online"}) == ["`end` is before `start`"]


def test_onsite_session_needs_city_and_country():
    session = Session.model_validate({"start": dt.date(2027, 3, 1),
                                      "location": {"city": "Graz", "country": "AT"}})
    assert session.location.city == "Graz"


def test_stackability_kind_and_targets_agree():
    assert Stackability.model_validate({"kind": "standalone"}).into == []
    assert errors(Stackability, {"kind": "stackable"}) == [
        "a stackable unit lists what it stacks into under `into`"]
    assert errors(Stackability, {"kind": "stackable", "into": [{"unit": "a-b", "title": "X"}]}) \
        == ["give either `unit` (a unit id) or `title` (an outside qualification)"]


def test_esco_skill_label_is_filled_from_the_bundled_list():
    skill = EscoSkill.model_validate(
        "http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6")
    assert skill.label == "apply hygiene standards"


def test_unknown_esco_skill_needs_a_label_and_bad_uris_are_rejected():
    unknown = "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000"
    assert errors(EscoSkill, unknown) == [
        f"ESCO skill {unknown} is not in ESCO 1.2: check the URI on the ESCO portal; for a "
        "concept of a later ESCO version, add its `label` (the preferred term shown on the ESCO "
        "portal)"]
    assert EscoSkill.model_validate({"uri": unknown, "label": "x"}).label == "x"
    assert errors(EscoSkill, "https://example.org/skill/1") == [
        "'https://example.org/skill/1' is not an ESCO skill URI: copy it from the ESCO portal, "
        "it looks like http://data.europa.eu/esco/skill/ followed by a UUID"]


def test_every_esco_1_2_skill_is_accepted_and_unlabelled_ones_ask_for_a_label():
    forklift = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"
    assert errors(EscoSkill, forklift) == [
        f"ESCO skill {forklift} is in ESCO 1.2, but outside the labelled part bundled with the "
        "catalogue (the green, digital, transversal and language collections): add its `label` "
        "(the preferred term shown on the ESCO portal)"]
    assert EscoSkill.model_validate({"uri": forklift, "label": "operate forklift"}).label \
        == "operate forklift"
HYGIENE = "d9449998-c1f5-478c-a103-2255398cf0b6"


@pytest.mark.parametrize(("typed", "message"), [
    (f"https://data.europa.eu/esco/skill/{HYGIENE}",
     f"'https://data.europa.eu/esco/skill/{HYGIENE}': ESCO URIs start with http://, not "
     f"https://; write http://data.europa.eu/esco/skill/{HYGIENE}"),
    (f"http://data.europa.eu/esco/skill/{HYGIENE}/",
     f"'http://data.europa.eu/esco/skill/{HYGIENE}/': ESCO URIs are lowercase, without a "
     f"slash at the end; write http://data.europa.eu/esco/skill/{HYGIENE}"),
    ("https://esco.ec.europa.eu/en/classification/skill?uri=http%3A%2F%2Fdata.europa.eu%2F"
     f"esco%2Fskill%2F{HYGIENE}",
     "'https://esco.ec.europa.eu/en/classification/skill?uri=http%3A%2F%2Fdata.europa.eu%2Fesco"
     "%2Fskill%...' is a page of the ESCO portal, not the skill's URI; write "
     f"http://data.europa.eu/esco/skill/{HYGIENE}"),
    (f"http://data.europa.eu/esco/occupation/{HYGIENE}",
     f"'http://data.europa.eu/esco/occupation/{HYGIENE}' is an ESCO occupation, not an ESCO "
     "skill: list it under the right field, or use an ESCO skill URI"),
])
def test_an_esco_uri_spelled_another_way_says_what_to_write(typed, message):
    assert errors(EscoSkill, typed) == [message]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "/relative",
                                 "ftp://example.org/x", "https://", "https://exa mple.org"])
def test_only_absolute_http_urls(url):
    with pytest.raises(Exception, match="is not a web address"):
        check_url(url)


def test_models_are_frozen_and_strict():
    price = Price.model_validate("free")
    with pytest.raises(ValidationError):
        price.amount = Decimal(3)  # type: ignore[misc]
    assert errors(Price, {"amount": 0, "colour": "red"}) == ["Extra inputs are not permitted"]


def test_every_eu_recommendation_element_has_a_unit_field():
    mandatory = {"title", "provider", "outcomes", "workload", "eqf_level", "assessment", "mode",
                 "quality_assurance"}
    optional = {"prerequisites", "stackability", "description", "homepage"}
    fields = Unit.model_fields
    assert all(fields[name].is_required() for name in mandatory)
    assert optional <= set(fields)
    assert "supervision" in Unit.model_fields["assessment"].annotation.model_fields


def test_text_in_the_default_language_from_the_context():
    session = Session.model_validate({"start": "2027-03-01", "location": "online"})
    assert session.start == dt.date(2027, 3, 1)
    from generator.content.models import Outcome
    outcome = Outcome.model_validate(
        {"id": "abc", "title": "Titolo", "statement": {"it": "Il discente sa ...", "en": "Can"},
         "category": "skill"}, context={"default_language": "it"})
    assert outcome.title == {"it": "Titolo"}
    assert list(outcome.statement) == ["en", "it"]


def test_a_repeated_entry_is_refused_but_not_two_that_only_lost_a_refused_character():
    assert unique(["forklift", "safety"]) == ["forklift", "safety"]
    with pytest.raises(PydanticCustomError, match="'forklift' is listed twice"):
        unique(["forklift", "safety", "forklift"])
    # "\e" and "\x1A" both read as U+FFFD, each already reported with its line and column
    # (found by tests/test_properties.py): a third message saying "listed twice" would mislead
    assert unique(["\ufffd", "\ufffd"]) == ["\ufffd", "\ufffd"]
