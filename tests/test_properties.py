"""Property-based tests: content with arbitrary Unicode text never crashes the pipeline.

Valid units, outcomes and providers are generated with free text drawn from all of Unicode
(minus surrogates and the control characters the reader refuses), written with PyYAML, and
then loaded, rendered by every renderer and checked: every document parses, the embedded
JSON-LD blocks satisfy schema.org and AMB, the QDR export satisfies its XSD. A few examples go
through a real `mkdocs build` and the inertness checks of the hostile corpus.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from conftest import copy_project, mkdocs_build
from hostile.inert import site_problems
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.errors import ContentError
from generator.content.serialise import script_json
from generator.content.sources import parse_source, read_source
from generator.content.vocabularies import vocabulary
from generator.kinds import UNIT, SiteInfo
from generator.outputs import embedded_jsonld, render_each
from generator.tools.standards import elm as elm_standard
from generator.tools.standards.amb import amb_errors
from generator.tools.standards.schemaorg import schemaorg_problems

SITE = SiteInfo(url="https://microvet-catalogue.github.io/microvet/")
KNOWN_SKILL = "http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6"
FAST = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class Quoted(str):
    """Free text: always written double-quoted, so YAML never reads it as a number or date."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Quoted, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", str(value), style='"'))


def to_yaml(data: dict[str, Any]) -> str:
    """PyYAML's safe dumper, free text double-quoted."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=80)


# --- strategies ------------------------------------------------------------------------------

ANY_CHARACTER = st.characters(exclude_categories=("Cs",))
PUBLISHABLE = st.one_of(
    st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff"),
    st.sampled_from("\t\n"),
)
"""Everything the reader accepts in text: no surrogates, no control characters but tab/LF."""


def free_text(alphabet: st.SearchStrategy[str] = PUBLISHABLE, max_size: int = 40):
    return st.text(alphabet, min_size=1, max_size=max_size).filter(str.strip).map(Quoted)


def codes(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from(list(vocabulary(name).codes()))


def text_field(alphabet: st.SearchStrategy[str] = PUBLISHABLE):
    """Plain text, or a language map of one to three languages."""
    return st.one_of(
        free_text(alphabet),
        st.dictionaries(codes("languages"), free_text(alphabet), min_size=1, max_size=3),
    )


@st.composite
def provider(draw: st.DrawFn, alphabet: st.SearchStrategy[str]) -> dict[str, Any]:
    data = {"id": "centre", "name": draw(text_field(alphabet)),
            "country": draw(codes("countries")), "city": draw(free_text(alphabet)),
            "homepage": "https://example.org/centre"}
    if draw(st.booleans()):
        data["description"] = draw(text_field(alphabet))
    return data


@st.composite
def outcome(draw: st.DrawFn, name: str, alphabet: st.SearchStrategy[str]) -> dict[str, Any]:
    data = {"id": name, "title": draw(text_field(alphabet)),
            "statement": draw(text_field(alphabet)), "category": draw(codes("outcome_categories"))}
    if draw(st.booleans()):
        data["esco_skills"] = [KNOWN_SKILL]
    if draw(st.booleans()):
        data["assessment_criteria"] = draw(st.lists(text_field(alphabet), max_size=2))
    return data


@st.composite
def session(draw: st.DrawFn, alphabet: st.SearchStrategy[str]) -> dict[str, Any]:
    start = draw(st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)))
    data: dict[str, Any] = {"start": start, "end": start + dt.timedelta(days=draw(
        st.integers(0, 60)))}
    data["location"] = draw(st.one_of(st.just("online"), st.fixed_dictionaries({
        "city": free_text(alphabet), "country": codes("countries")})))
    return data


@st.composite
def unit(draw: st.DrawFn, name: str, outcomes: list[str],
         alphabet: st.SearchStrategy[str]) -> dict[str, Any]:
    hours = draw(st.decimals(Decimal("0.5"), Decimal(3000), places=1))
    data: dict[str, Any] = {
        "id": name, "title": draw(text_field(alphabet)), "summary": draw(text_field(alphabet)),
        "provider": "centre",
        "languages": draw(st.lists(codes("languages"), min_size=1, max_size=3, unique=True)),
        "eqf_level": int(draw(codes("eqf_levels"))), "isced_f": draw(codes("isced_f")),
        "workload": {"hours": float(hours)}, "mode": draw(codes("modes")),
        "outcomes": outcomes,
        "assessment": {"methods": draw(st.lists(codes("assessment_methods"), min_size=1,
                                                max_size=3, unique=True)),
                       "description": draw(text_field(alphabet))},
        "quality_assurance": draw(text_field(alphabet)),
        "credential": {"type": draw(codes("credential_types")),
                       "verification": draw(text_field(alphabet)),
                       "recognition": draw(text_field(alphabet))},
        "license": draw(codes("licences")),
        "price": draw(st.one_of(st.just("free"), st.fixed_dictionaries({
            "amount": st.decimals(Decimal("0.01"), Decimal(100_000), places=2).map(float),
            "currency": codes("currencies")}))),
    }
    if draw(st.booleans()):
        data["description"] = draw(text_field(alphabet))
    if draw(st.booleans()):
        data["prerequisites"] = draw(text_field(alphabet))
    if draw(st.booleans()):
        data["keywords"] = draw(st.lists(free_text(alphabet, max_size=60), max_size=4,
                                         unique_by=str.strip))
    if draw(st.booleans()):
        data["sessions"] = draw(st.lists(session(alphabet), max_size=2))
    return data


@st.composite
def content(draw: st.DrawFn, alphabet: st.SearchStrategy[str] = PUBLISHABLE) -> dict[str, str]:
    """A whole content tree: {"units/x.yaml": yaml text, ...}."""
    outcome_ids = [f"outcome-{n}" for n in range(draw(st.integers(1, 2)))]
    files = {"providers/centre.yaml": to_yaml(draw(provider(alphabet)))}
    for name in outcome_ids:
        files[f"outcomes/{name}.yaml"] = to_yaml(draw(outcome(name, alphabet)))
    for number in range(draw(st.integers(1, 2))):
        name = f"unit-{number}"
        files[f"units/{name}.yaml"] = to_yaml(draw(unit(name, outcome_ids, alphabet)))
    return files


def write_content(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "content"


# --- checks -------------------------------------------------------------------------------------


def loq_schema() -> etree.XMLSchema:
    return elm_standard.loq_schema()


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def output_problems(catalogue: Catalogue) -> list[str]:
    """What is wrong with any output of any renderer, and with the embedded JSON-LD."""
    problems = []
    for _, files in render_each(catalogue, SITE):
        for path, data in files.items():
            if path.endswith((".json", ".jsonld")):
                json.loads(data.decode("utf-8"), parse_constant=_no_constant)
            elif path.endswith(".xml"):
                document = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
                schema = loq_schema()
                if path == "api/loq.xml" and not schema.validate(document):
                    problems += [f"{path}:{e.line}: {e.message}" for e in schema.error_log]
    for unit_ in catalogue.units.values():
        for block in embedded_jsonld(catalogue, UNIT, unit_, SITE):
            embedded = script_json(block)
            assert "</" not in embedded and "<!--" not in embedded
            assert json.loads(embedded) == json.loads(json.dumps(block, default=str))
            problems += schemaorg_problems(block)
            if "w3id.org/kim/amb" in json.dumps(block.get("@context")):
                problems += amb_errors(block)
    return problems


# --- properties ---------------------------------------------------------------------------------


@FAST
@given(st.text(ANY_CHARACTER, max_size=400))
def test_reading_any_text_never_crashes(text: str):
    source, problems = parse_source(text, "x.yaml")
    assert source is not None or problems
    assert all("\n" not in str(problem) for problem in problems)


@FAST
@given(st.binary(max_size=400))
def test_reading_any_bytes_never_crashes(data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.yaml"
        path.write_bytes(data)
        source, problems = read_source(path, "x.yaml")
    assert source is not None or problems


@FAST
@given(content(st.one_of(ANY_CHARACTER, st.sampled_from("\x00\x1b\x7f\x85\ufffe"))))
def test_any_text_either_loads_or_is_reported_with_its_place(files: dict[str, str]):
    """Control characters written as YAML escapes are refused, cleanly; the rest loads."""
    with tempfile.TemporaryDirectory() as folder:
        try:
            load_catalogue(write_content(Path(folder), files), root=Path(folder))
        except ContentError as error:
            for problem in error.problems:
                assert "\n" not in str(problem)
                assert "which is not allowed in published text" in problem.message, problem


@FAST
@given(content())
def test_valid_content_loads_and_every_output_renders_and_validates(files: dict[str, str]):
    with tempfile.TemporaryDirectory() as folder:
        catalogue = load_catalogue(write_content(Path(folder), files), root=Path(folder))
    for path, text in files.items():
        if path.startswith("units/"):
            title = yaml.safe_load(text)["title"]
            expected = {"en": title.strip()} if isinstance(title, str) else {
                lang: value.strip() for lang, value in sorted(title.items())}
            assert catalogue.units[Path(path).stem].title == expected
    assert output_problems(catalogue) == []


@settings(max_examples=3, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(content())
def test_a_real_build_of_any_valid_content_succeeds_and_is_inert(files: dict[str, str]):
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project",
                               content=write_content(Path(folder) / "source", files))
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stderr
        assert site_problems(project / "site") == []
