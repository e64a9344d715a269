"""`microvet import` of Europass documents: our own ELM back to equivalent units; the EU's
sample credential and the QDR samples into drafts that pass `microvet check` once filled in."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import REFERENCE, ROOT

from generator.cli import main
from generator.content.catalogue import load_catalogue
from generator.content.models import Unit
from generator.content.sources import parse_source
from generator.kinds import SiteInfo
from generator.outputs.elm import document
from generator.tools.content_yaml import content_yaml
from generator.tools.europass_import import europass_drafts

EU_SAMPLE = REFERENCE / "elm" / "examples" / "Sample-MC-Annex1-unsigned.jsonld"
QDR_SAMPLES = sorted((REFERENCE / "elm" / "xsd").glob("loq*.xml"))
CATALOGUE = load_catalogue(ROOT / "content", root=ROOT)

FILL: dict[str, Any] = {
    "summary": "A short course.", "assessment.methods": ["practical"],
    "assessment.description": "A practical task.", "quality_assurance": "Reviewed yearly.",
    "license": "CC-BY-4.0", "price": 0, "price.amount": 100, "city": "Dublin",
    "category": "skill", "languages": ["en"], "workload": {"hours": 25}, "mode": "online",
    "eqf_level": "4", "isced_f": "0413", "country": "IT", "homepage": "https://example.org/",
    "credential": {"type": "certificate", "verification": "A numbered, signed certificate.",
                   "recognition": "Recognised by partner employers."},
    "credential.verification": "Check it in the Europass wallet.",
    "credential.recognition": "Recognised by partner employers.",
}
"""What a provider would write for each gap the import reports."""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def reported_gaps(output: str) -> dict[Path, list[str]]:
    """`- content/units/x.yaml: still to fill in: a, b` lines of the import's report."""
    return {Path(path): gaps.split(", ")
            for path, gaps in re.findall(r"^- (.+?): still to fill in: (.+)$", output, re.M)}


def fill_in(path: Path, gaps: list[str]) -> None:
    """Fill each gap as a provider would, keeping the rest of the file."""
    source, problems = parse_source(path.read_text(encoding="utf-8"), path.name)
    assert source is not None and problems == []
    data = source.data
    for gap in gaps:
        parts: list[Any] = [int(p) if p.isdigit() else p for p in gap.split(".")]
        value = "CC-BY-4.0" if parts[-1] == "license" else FILL[gap]
        target = data
        for part in parts[:-1]:
            target = target.setdefault(part, {}) if isinstance(part, str) else target[part]
        target[parts[-1]] = value
    path.write_text(content_yaml(path.parent.name[:-1], data), encoding="utf-8")


def import_and_fill(tmp_path: Path, document: Path, *args: str) -> dict[Path, list[str]]:
    content = tmp_path / "content"
    result = run("import", str(document), "--content", str(content), *args)
    assert result.exit_code == 0, result.output
    gaps = reported_gaps(result.stdout)
    for path, missing in gaps.items():
        fill_in(path, missing)
    checked = run("check", "--content", str(content))
    assert checked.exit_code == 0, checked.output
    return gaps


def test_the_eu_sample_credential_imports_into_drafts_that_pass_check_once_filled(
        tmp_path: Path):
    gaps = import_and_fill(tmp_path, EU_SAMPLE)
    content = tmp_path / "content"
    assert {path.relative_to(content).as_posix(): missing for path, missing in gaps.items()} == {
        "providers/university-of-zed.yaml": ["city"],
        "outcomes/communication-collaboration-and-creativity.yaml": ["category"],
        "outcomes/developing-digital-content.yaml": ["category"],
        "units/digital-micro-credential-creation.yaml": [
            "summary", "assessment.methods", "assessment.description", "quality_assurance",
            "credential.verification", "credential.recognition", "license", "price"],
    }
    unit = load_catalogue(content).units["digital-micro-credential-creation"]
    assert (unit.title, unit.eqf_level, unit.isced_f, unit.mode) == (
        {"en": "Digital micro-credential creation"}, "6", "003", "blended")
    assert (unit.workload.hours, unit.workload.ects, unit.learning_setting) == (60, 2,
                                                                                "non-formal")
    assert unit.assessment.supervision == "unsupervised"
    assert unit.provider == "university-of-zed" and unit.languages == ["en"]
    assert unit.prerequisites == {"en": "The learner needs to have an EDC Online Credential "
                                        "Builder account, that requires an EU Login ID."}


def test_unmapped_source_elements_are_named_in_a_comment_and_no_personal_data_is_copied(
        tmp_path: Path):
    content = tmp_path / "content"
    run("import", str(EU_SAMPLE), "--content", str(content))
    unit = (content / "units" / "digital-micro-credential-creation.yaml").read_text()
    header = unit.split("\nid: ")[0]
    assert header.splitlines()[:4] == [
        "# yaml-language-server: $schema=../../schemas/unit.schema.json",
        "# Imported from Sample-MC-Annex1-unsigned.jsonld by `microvet import`.",
        "# MANDATORY, still to fill in: summary, assessment.methods, assessment.description,",
        "#   quality_assurance, credential.verification, credential.recognition, license, price."]
    for element in ("# - Qualification.nqfLevel", "# - Qualification.thematicArea: only the "
                    "first of 003, 0688 is kept", "# - LearningAssessment.grade"):
        assert element in header
    assert ("LearningAssessmentSpecification.dcType: "
            "<urn:epass:concept:d1ebf223-3c68-449a-9023-90bc245a0079> is not in the list of "
            "Assessment methods") in " ".join(line.strip("# ") for line in header.splitlines())
    everything = "".join(path.read_text() for path in content.rglob("*.yaml"))
    for personal in ("Andromeda", "LA-234218", "1999-10-01", "ana.andromeda", "Pass"):
        assert personal not in everything


@pytest.mark.parametrize("sample", QDR_SAMPLES, ids=lambda path: path.name)
def test_the_qdr_samples_import_into_drafts_that_pass_check_once_filled(tmp_path: Path,
                                                                        sample: Path):
    gaps = import_and_fill(tmp_path, sample)
    catalogue = load_catalogue(tmp_path / "content")
    assert len(catalogue.units) == 2 and len(catalogue.outcomes) == 2
    assert all("license" in missing for path, missing in gaps.items()
               if path.parent.name == "units")
    if sample.name == "loq.xml":
        unit = catalogue.units["yopx"]
        assert (unit.eqf_level, unit.isced_f, unit.mode, unit.schedule, unit.learning_setting,
                unit.outcomes, unit.assessment.methods) == (
            "2", "1022", "work-based", "part-time-intensive", "formal", ["xdjumg", "lbu7"],
            ["peer-assessment", "quiz"])


def test_with_provider_the_units_name_it_and_no_provider_draft_is_made(tmp_path: Path):
    content = tmp_path / "content"
    result = run("import", str(EU_SAMPLE), "--content", str(content), "--provider", "my-school")
    assert result.exit_code == 0
    assert not (content / "providers").exists()
    text = (content / "units" / "digital-micro-credential-creation.yaml").read_text()
    assert "\nprovider: my-school\n" in text


EQUIVALENT = ("id", "default_language", "title", "summary", "provider", "awarding_bodies",
              "languages", "eqf_level", "isced_f", "workload", "mode", "learning_setting",
              "schedule", "outcomes", "assessment", "prerequisites", "price", "target_groups",
              "homepage")
"""What ELM carries of a unit, and so what comes back from our own elm.jsonld."""


def test_our_own_elm_of_every_sample_unit_imports_back_to_an_equivalent_unit(tmp_path: Path):
    site = SiteInfo(url="https://example.org/catalogue/")
    for unit_id, original in CATALOGUE.units.items():
        path = tmp_path / f"{unit_id}.jsonld"
        path.write_bytes(document(CATALOGUE, original, site))
        drafts = {(d.kind, d.object_id): d for d in europass_drafts(path, None)}
        draft = drafts[("unit", unit_id)]
        assert set(draft.gaps) <= {"quality_assurance", "credential", "license", *(
            f"materials.{n}.license" for n in range(len(original.materials)))}, unit_id
        data = {**draft.data, "quality_assurance": original.quality_assurance.model_dump(),
                "credential": original.credential.model_dump(), "license": original.license}
        for material, source in zip(data.get("materials", []), original.materials, strict=True):
            material["license"] = source.license
        unit = Unit.model_validate(data, context={"default_language": data["default_language"]})
        for name in EQUIVALENT:
            assert getattr(unit, name) == getattr(original, name), (unit_id, name)
        # ELM leaves out past sessions: they can no longer be joined
        upcoming = CATALOGUE.upcoming_sessions(original)
        assert [(s.start, s.end, s.application_deadline, s.enrol_url) for s in unit.sessions] \
            == [(s.start, s.end, s.application_deadline, s.enrol_url) for s in upcoming]
        assert [getattr(s.location, "city", s.location) for s in unit.sessions] == [
            getattr(s.location, "city", s.location) for s in upcoming]
        assert [(m.title, m.url) for m in unit.materials] == [
            (m.title, m.url) for m in original.materials]
        stack, back = original.stackability, unit.stackability
        wholes = [t.unit for t in stack.into if t.unit] if stack else []
        assert ([t.unit for t in back.into] if back else []) == wholes
        for outcome_id in original.outcomes:
            outcome, source = drafts[("outcome", outcome_id)].data, CATALOGUE.outcomes[outcome_id]
            assert outcome["statement"] == source.statement
            assert outcome.get("reuse_level") == source.reuse_level
            assert [s["uri"] for s in outcome.get("esco_skills", [])] == [
                s.uri for s in source.esco_skills]
            assert outcome.get("assessment_criteria", []) == source.assessment_criteria
        provider = drafts[("provider", original.provider)].data
        real = CATALOGUE.providers[original.provider]
        assert (provider["name"], provider["country"], provider["city"], provider["homepage"]) \
            == (real.name, real.country, real.city, real.homepage)


def test_documents_that_are_not_europass_are_refused_in_plain_words(tmp_path: Path):
    (tmp_path / "other.jsonld").write_text('{"name": "a course"}', encoding="utf-8")
    (tmp_path / "broken.jsonld").write_text("{", encoding="utf-8")
    (tmp_path / "other.xml").write_text("<Courses><x/></Courses>", encoding="utf-8")
    messages = [run("import", str(tmp_path / name)).stderr for name in (
        "other.jsonld", "broken.jsonld", "other.xml", "missing.xml")]
    assert messages == [
        f"Error: {(tmp_path / 'other.jsonld').as_posix()}: no learning opportunity, "
        "achievement specification or issued credential found\n",
        f"Error: {(tmp_path / 'broken.jsonld').as_posix()} is not a JSON document: Expecting "
        "property name enclosed in double quotes: line 1 column 2 (char 1)\n",
        f"Error: {(tmp_path / 'other.xml').as_posix()}: no learningOpportunity element: is "
        "this a QDR Courses document (loq.xml)?\n",
        f"Error: {(tmp_path / 'missing.xml').as_posix()} does not exist\n"]
