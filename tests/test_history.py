"""Dates from git history (generator/content/history.py)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from generator.content.history import fallback_date, git_dates


def _git(folder: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def test_first_and_last_commit_of_each_file_from_one_log(tmp_path: Path):
    content = tmp_path / "content" / "units"
    content.mkdir(parents=True)
    _git(tmp_path, "init", "-q")
    (content / "a.yaml").write_text("id: a\n")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "a", date="2026-01-05T10:00:00+00:00")
    (content / "a.yaml").write_text("id: a\ntitle: A\n")
    (content / "b.yaml").write_text("id: b\n")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "b", date="2026-03-09T23:30:00+00:00")
    dates = git_dates(tmp_path, tmp_path / "content")
    a, b = (content / "a.yaml").resolve(), (content / "b.yaml").resolve()
    assert (dates[a].first, dates[a].last) == (dt.date(2026, 1, 5), dt.date(2026, 3, 9))
    assert (dates[b].first, dates[b].last) == (dt.date(2026, 3, 9), dt.date(2026, 3, 9))


def test_outside_git_there_is_no_history(tmp_path: Path):
    assert git_dates(tmp_path, tmp_path) == {}


def test_the_fallback_date_is_source_date_epoch_never_the_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert fallback_date() == dt.date(2026, 1, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    assert fallback_date() is None
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert fallback_date() is None
