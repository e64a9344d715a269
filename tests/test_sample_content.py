"""The sample content is part of the product: varied, valid, and every typo is caught."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import ROOT

from generator.content.catalogue import load_catalogue
from generator.content.sources import parse_source, read_source
from generator.content.validation import validate
from generator.content.vocabularies.esco import esco_occupation, esco_skill
from generator.kinds import BY_FOLDER

CONTENT = ROOT / "content"
SAMPLE_FILES = sorted(CONTENT.glob("*/*.yaml"))


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(CONTENT, root=ROOT)


def test_sample_content_is_large_and_varied(catalogue):
    units = list(catalogue.units.values())
    assert len(units) >= 24
    assert len(catalogue.outcomes) >= 60
    providers = list(catalogue.providers.values())
    assert len(providers) >= 4
    assert all(p.example for p in providers), "sample providers are marked as examples"
    assert len({p.country for p in providers}) >= 3
    assert len({u.isced_f[:2] for u in units}) >= 4, "at least four sectors (broad fields)"
    assert {"2", "3", "4", "5", "6"} <= {u.eqf_level for u in units}
    assert sum(1 for u in units if len(u.title) > 1) >= 6, "units with text in 2+ languages"
    assert any(u.price.is_free for u in units)
    assert any(not u.price.is_free for u in units)
    assert len({u.license for u in units}) >= 3
    assert {u.mode for u in units} == {"online", "onsite", "blended", "work-based"}


def test_every_esco_uri_in_the_samples_is_real(catalogue):
    skills = [s for o in catalogue.outcomes.values() for s in o.esco_skills]
    assert skills
    for skill in skills:
        assert esco_skill(skill.uri) is not None, skill.uri
        assert skill.label == esco_skill(skill.uri).label
    for unit in catalogue.units.values():
        for occupation in unit.occupations:
            assert esco_occupation(occupation.uri) is not None, occupation.uri


def _typo(key: str) -> str:
    """A plausible slip: doubled last letter for short keys, else two letters swapped."""
    if len(key) <= 4:
        return key + key[-1]
    middle = len(key) // 2
    swapped = key[: middle - 1] + key[middle] + key[middle - 1] + key[middle + 1 :]
    return swapped if swapped != key else key + key[-1]


def _in_language_map(loc: tuple) -> bool:
    """Keys of a language map (`title: {en: ...}`) are language codes, not field names."""
    return len(loc) >= 2 and isinstance(loc[-1], str) and len(loc[-1]) == 2 and loc[-1].islower()


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_typo_in_any_field_of_any_sample_file_is_located_with_a_suggestion(path):
    display = path.relative_to(ROOT).as_posix()
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    source, _ = read_source(path, display)
    model = BY_FOLDER[path.parent.name].model
    missed = []
    for loc, (line, column) in source.keys.items():
        if _in_language_map(loc):
            continue
        key = str(loc[-1])
        row = lines[line - 1]
        assert row[column - 1 : column - 1 + len(key)] == key
        broken = [*lines]
        broken[line - 1] = row[: column - 1] + _typo(key) + row[column - 1 + len(key) :]
        typo_source, problems = parse_source("".join(broken), display)
        assert problems == []
        _, problems = validate(model, typo_source, {"default_language": "en"})
        expected = (f"{display}:{line}:{column}: unknown field `{_typo(key)}`; "
                    f"did you mean `{key}`?")
        if expected not in [str(p) for p in problems]:
            missed.append((expected, [str(p) for p in problems]))
    assert missed == []


def test_every_sample_file_declares_its_json_schema():
    for path in SAMPLE_FILES:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = path.parent.name[:-1]
        assert first == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json", path


def test_sample_providers_use_reserved_example_domains(catalogue):
    for provider in catalogue.providers.values():
        assert provider.homepage.startswith(("https://example.org", "https://example.com",
                                             "https://www.example.org", "https://www.example.com"))


def test_outcomes_are_shared_between_units(catalogue):
    uses = Counter(oid for u in catalogue.units.values() for oid in u.outcomes)
    assert any(count > 1 for count in uses.values())
