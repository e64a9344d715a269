"""Two builds of the same input are byte-identical, file by file.

The builds differ in everything that must not matter: the folder they run in, Python's hash
seed (set iteration order), the time zone, and the wall-clock second they start in.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, copy_project, mkdocs_build

VARIATIONS = [
    {"PYTHONHASHSEED": "1", "TZ": "Pacific/Kiritimati"},  # UTC+14
    {"PYTHONHASHSEED": "2", "TZ": "America/Adak"},  # UTC-10: another calendar day
]


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path inside the site."""
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


def differences(first: Path, second: Path) -> list[str]:
    """Paths present in only one site, or whose bytes differ (with the first difference)."""
    a, b = site_files(first), site_files(second)
    found = [f"only in one build: {path}" for path in sorted(set(a) ^ set(b))]
    for path in sorted(set(a) & set(b)):
        if a[path] != b[path]:
            at = next(i for i, (x, y) in enumerate(zip(a[path], b[path], strict=False)) if x != y) \
                if len(a[path]) == len(b[path]) else min(len(a[path]), len(b[path]))
            found.append(f"{path} differs at byte {at}: {a[path][max(0, at - 40):at + 40]!r} "
                         f"vs {b[path][max(0, at - 40):at + 40]!r}")
    return found


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path: Path):
    sites = []
    for index, variation in enumerate(VARIATIONS):
        project = copy_project(tmp_path / f"build-{index}" / ("nested/" * index) / "project")
        result = mkdocs_build(project, env=variation)
        assert result.returncode == 0, result.stderr
        sites.append(project / "site")
    assert site_files(sites[0]), "the build produced nothing"
    assert differences(*sites) == []


def _git(cwd: Path, *args: str) -> None:
    environment = {**os.environ, "GIT_AUTHOR_DATE": "2026-03-02T10:00:00+01:00",
                   "GIT_COMMITTER_DATE": "2026-03-02T10:00:00+01:00",
                   "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                   "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    subprocess.run(["git", *args], cwd=cwd, env=environment, check=True, capture_output=True)


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path: Path):
    """Dates then come from git history: the same commit gives the same dates everywhere."""
    origin = copy_project(tmp_path / "origin")
    _git(origin, "init", "-q", "-b", "main")
    _git(origin, "add", "mkdocs.yml", "pages", "theme", "content")
    _git(origin, "commit", "-q", "-m", "catalogue")
    clone = tmp_path / "elsewhere" / "clone"
    _git(tmp_path, "clone", "-q", str(origin), str(clone))
    sites = []
    for project, variation in zip((origin, clone), VARIATIONS, strict=True):
        result = mkdocs_build(project, env=variation)
        assert result.returncode == 0, result.stderr
        sites.append(project / "site")
    assert differences(*sites) == []


def test_without_source_date_epoch_nothing_records_the_build_time(tmp_path: Path):
    """No git, no SOURCE_DATE_EPOCH, builds seconds apart: still no "now" in any file."""
    environment = {key: value for key, value in os.environ.items()
                   if key != "SOURCE_DATE_EPOCH"} | {"NO_MKDOCS_2_WARNING": "1"}
    sites = []
    for index, variation in enumerate(VARIATIONS):
        project = copy_project(tmp_path / f"build-{index}")
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"],
                                cwd=project, env=environment | variation, capture_output=True,
                                text=True, check=False)
        assert result.returncode == 0, result.stderr
        sites.append(project / "site")
        time.sleep(1.1)  # a timestamp with seconds would differ
    assert differences(*sites) == []


def test_the_sample_content_is_what_the_repository_builds():
    """Guard for the two tests above: they build the real sample content."""
    assert any((ROOT / "content" / "units").glob("*.yaml"))
