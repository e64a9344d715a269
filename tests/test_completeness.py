"""Completeness: which Annex I and benchmark elements units and providers describe."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import ROOT

from generator.cli import main
from generator.content.catalogue import load_catalogue
from generator.tools.completeness import ELEMENTS, as_json, as_text, completeness


@pytest.fixture(scope="module")
def sample():
    return completeness(load_catalogue(ROOT / "content", root=ROOT))


def test_the_minimal_unit_has_the_mandatory_elements_only(content_tree):
    report = completeness(load_catalogue(content_tree.minimal().content, root=content_tree.root))
    [unit] = report.units
    assert unit.missing() == ["prerequisites", "stackability", "further_information",
                              "sessions", "translations"]
    assert unit.present["prior_learning"] is None and unit.present["credential"] is True
    assert unit.present["supervision"] is True and unit.present["open_materials"] is True
    assert all(unit.present[e.key] for e in ELEMENTS if e.group == "mandatory")
    [provider] = report.providers
    assert (provider.provider, provider.units) == ("centre", 1)
    assert provider.present["sessions"] == 0 and provider.present["prior_learning"] is None
    assert provider.present["credential"] == 1


def test_each_element_follows_the_content(content_tree):
    content_tree.minimal()
    path = content_tree.content / "units" / "barista.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Barista basics", "title: {en: Barista basics, "
                                 "it: Barista}\nprerequisites: None\nhomepage: https://x.org/b")
                    .replace("summary: Make", "summary:\n  it: Fare\n  en: Make")
                    .replace("license: CC-BY-4.0", "license: all-rights-reserved")
                    .replace("  supervision: supervised-with-id-check\n", ""), encoding="utf-8")
    [unit] = completeness(load_catalogue(content_tree.content, root=content_tree.root)).units
    assert unit.missing() == ["supervision", "stackability", "sessions", "open_materials"]


def test_sample_text_report(sample):
    text = as_text(sample)
    assert text.startswith(
        "Completeness of 35 unit(s): elements of Annex I of the Council Recommendation on "
        "micro-credentials (2022/C 243/02) and the catalogue's benchmark\n"
        "Unknown for every unit (prior-learning route): the content model has no field for "
        "this yet.\n\n"
        "example-alpine-tourism-campus-lucerne: 2 unit(s)\n"
        "  Annex I mandatory: title 2/2, country of the issuer 2/2, awarding body 2/2, learning "
        "outcomes 2/2, notional workload 2/2, level (EQF) 2/2, type of assessment 2/2, form of "
        "participation 2/2, type of quality assurance 2/2\n")
    assert ("forklift-safety-basics (example-logistics-retail-academy-vienna): Annex I "
            "mandatory 9/9; Annex I optional 4/4; benchmark 4/6; missing: workload in ECTS "
            "credits, open materials\n") in text


def test_sample_json_agrees_with_the_text(sample):
    data = as_json(sample)
    assert [e["key"] for e in data["elements"]] == [e.key for e in ELEMENTS]
    assert sum(p["units"] for p in data["providers"]) == len(data["units"]) == 35
    forklift = next(u for u in data["units"] if u["id"] == "forklift-safety-basics")
    assert forklift["present"]["open_materials"] is False  # all rights reserved
    assert forklift["present"]["credential"] is True
    assert forklift["present"]["prior_learning"] is None
    for provider in data["providers"]:
        own = [u for u in data["units"] if u["provider"] == provider["id"]]
        for key, count in provider["present"].items():
            expected = None if own[0]["present"][key] is None else sum(
                bool(u["present"][key]) for u in own)
            assert count == expected, (provider["id"], key)
    json.dumps(data)  # plain data


def test_check_completeness_command(monkeypatch):
    monkeypatch.chdir(ROOT)
    text = CliRunner().invoke(main, ["check", "--completeness"])
    assert text.exit_code == 0
    report = completeness(load_catalogue(ROOT / "content", root=ROOT))
    assert text.stdout == as_text(report)
    as_data = CliRunner().invoke(main, ["check", "--completeness", "--format", "json"])
    assert json.loads(as_data.stdout) == json.loads(json.dumps(as_json(report)))
