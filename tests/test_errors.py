"""Problems for people (generator/content/errors.py)."""

from __future__ import annotations

from pathlib import Path

from generator.content.errors import CheckWarning, ContentError, Problem, display_path


def test_a_problem_is_one_line_whatever_the_value_quoted():
    problem = Problem("content/units/x.yaml", 3, 7, "'a\nb' is not allowed")
    assert str(problem) == "content/units/x.yaml:3:7: 'a\\nb' is not allowed"
    assert problem.as_dict() == {"path": "content/units/x.yaml", "line": 3, "column": 7,
                                 "message": "'a\nb' is not allowed", "severity": "error"}


def test_a_warning_reads_like_a_problem_with_its_severity():
    warning = CheckWarning("content/units/x.yaml", 3, 7, "every session is\nin the past")
    assert str(warning) == "content/units/x.yaml:3:7: warning: every session is\\nin the past"
    assert warning.as_dict() == {"path": "content/units/x.yaml", "line": 3, "column": 7,
                                 "message": "every session is\nin the past",
                                 "severity": "warning"}
    assert sorted([warning, CheckWarning("content/units/a.yaml", 9, 1, "x")])[0].path == \
        "content/units/a.yaml"


def test_content_error_lists_each_problem_once_sorted_by_file_and_place():
    late = Problem("content/units/b.yaml", 2, 1, "late")
    early = Problem("content/units/a.yaml", 9, 1, "early")
    error = ContentError([late, early, late])
    assert error.problems == [early, late]
    assert str(error) == "content/units/a.yaml:9:1: early\ncontent/units/b.yaml:2:1: late"


def test_display_path_is_relative_to_the_root_with_forward_slashes(tmp_path: Path):
    path = tmp_path / "content" / "units" / "x.yaml"
    assert display_path(path, tmp_path) == "content/units/x.yaml"
    assert display_path(path, tmp_path / "elsewhere").endswith("content/units/x.yaml")
