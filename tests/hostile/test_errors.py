"""Hostile input that must be refused: the real `microvet check`, its exact report, its cost.

Each case is a small content tree (corpus.py) written into tmp_path. The check must exit with
the case's code, print exactly the expected `path:line:col: message` lines (reports.py), never
a traceback, use less than two seconds of processor time and stay within a bounded amount of
memory. Processor time, not wall time: a shared, busy machine slows the check down without
the input being at fault, while an input that makes the check work harder (an expanding alias,
a pathological pattern) costs processor time wherever it runs. Wall time only guards against
a check that hangs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args

import pytest
from pydantic import BaseModel

from generator.content.models import Outcome, Provider, Unit
from generator.content.models.base import check_url

from .corpus import CASES, Case
from .reports import REPORTS
from .runner import run_check, write_case

CPU_SECONDS = 2.0
"""Processor time of one check of a small tree (start-up and imports included)."""
HANG_SECONDS = 60.0
PEAK_RSS_MIB = 300
"""`microvet check` on a small tree needs about 50 MiB; a bomb that expands would not fit."""


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_reports_exactly_where_and_what(case: Case, tmp_path: Path):
    run = run_check(write_case(tmp_path, case), *case.args)
    assert "Traceback" not in run.stdout + run.stderr
    assert run.stdout.splitlines() == REPORTS[case.name]
    assert run.exit_code == case.exit_code, run.stderr
    if case.exit_code:
        files = len({line.split(":", 1)[0] for line in REPORTS[case.name]}) if not case.args \
            else len({line.split(",line=", 1)[0] for line in REPORTS[case.name]})
        assert run.stderr.splitlines()[-1] == (
            f"{len(REPORTS[case.name])} problem(s) in {files} file(s)")
    assert run.cpu_seconds < CPU_SECONDS, f"took {run.cpu_seconds:.2f} s of processor time"
    assert run.seconds < HANG_SECONDS, f"took {run.seconds:.0f} s"
    assert run.peak_rss_mib < PEAK_RSS_MIB, f"peak memory {run.peak_rss_mib:.0f} MiB"


def test_a_python_tag_runs_nothing(tmp_path: Path):
    case = next(case for case in CASES if case.name == "python-object-apply")
    run_check(write_case(tmp_path, case))
    assert not (tmp_path / "pwned").exists()


def test_every_case_has_a_report_and_every_report_a_case():
    assert sorted(REPORTS) == sorted(case.name for case in CASES)
    assert len(CASES) >= 40


def _url_fields(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Dotted paths of every field typed `Url`, found by walking the models."""
    found = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        if _is_url(info.annotation) or any(getattr(m, "func", None) is check_url
                                           for m in info.metadata):
            found.add(path)
        for inner in _models_in(info.annotation):
            found |= _url_fields(inner, f"{path}.")
    return found


def _is_url(annotation: Any) -> bool:
    metadata = getattr(annotation, "__metadata__", ())
    if any(getattr(item, "func", None) is check_url for item in metadata):
        return True
    return any(_is_url(arg) for arg in get_args(annotation))


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def test_every_url_field_of_every_model_has_a_refusal_case():
    """A new URL field fails here until a case proves it refuses non-http(s) addresses."""
    fields = {f"{kind}.{path}" for kind, model in
              (("unit", Unit), ("outcome", Outcome), ("provider", Provider))
              for path in _url_fields(model)}
    reported = {line for report in REPORTS.values() for line in report}
    covered = set()
    for field in fields:
        kind, path = field.split(".", 1)
        pattern = path.replace(".", r"(\[\d+\])?\.")
        if any(re.search(rf"content/{kind}s/[^:]+:\d+:\d+: `{pattern}(\[\d+\])?`: '.*' is not a "
                         r"web address", line) for line in reported):
            covered.add(field)
    assert fields == {
        "outcome.other_skills.url", "provider.accreditations.url", "provider.homepage",
        "unit.homepage", "unit.materials.url", "unit.prior_learning.apply_url",
        "unit.quality_assurance.url",
        "unit.sessions.enrol_url", "unit.stackability.into.url",
    }
    assert covered == fields
