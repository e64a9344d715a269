"""A failed build never touches the published site/: content error, template error, a strict
warning, or the build process killed midway — for `mkdocs build` and for `microvet build`."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs_build
from hostile.corpus import OUTCOME, PROVIDER, UNIT, edit

from generator.build import atomic

ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1"}


def snapshot(site: Path) -> dict[str, str]:
    """Every file and folder under `site`, with the SHA-256 of each file's bytes."""
    entries = {}
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.is_dir():
            entries[relative + "/"] = "folder"
        else:
            entries[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return entries


def leftovers(project: Path) -> list[str]:
    """Staging or retired folders beside site/."""
    return sorted(path.name for path in project.iterdir()
                  if path.name.startswith((atomic.STAGING_PREFIX, atomic.RETIRED_PREFIX)))


def write_content(content: Path, units: int) -> Path:
    """One provider, one outcome and `units` units named unit-0001, unit-0002, ..."""
    for kind in ("providers", "outcomes", "units"):
        (content / kind).mkdir(parents=True, exist_ok=True)
    (content / "providers" / "centre.yaml").write_text(PROVIDER, encoding="utf-8")
    (content / "outcomes" / "espresso.yaml").write_text(OUTCOME, encoding="utf-8")
    for number in range(1, units + 1):
        name = f"unit-{number:04d}"
        (content / "units" / f"{name}.yaml").write_text(
            edit(UNIT, ("id: barista", f"id: {name}"),
                 ("title: Barista basics", f"title: Barista basics {number}")),
            encoding="utf-8")
    return content


def microvet_build(project: Path) -> subprocess.CompletedProcess[str]:
    """The real `microvet build` (strict by default) in `project`."""
    script = Path(sysconfig.get_path("scripts")) / "microvet"
    return subprocess.run([str(script), "build"], cwd=project, capture_output=True, text=True,
                          env=ENV, check=False)


BUILDERS: dict[str, Callable[[Path], subprocess.CompletedProcess[str]]] = {
    "mkdocs build": mkdocs_build,
    "microvet build": microvet_build,
}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with three units, built once: the previous site every test starts from."""
    root = tmp_path_factory.mktemp("published")
    project = copy_project(root / "project", content=write_content(root / "content", 3))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def project(published: Path, tmp_path: Path) -> Path:
    """A fresh copy of the published project, site/ included."""
    return Path(shutil.copytree(published, tmp_path / "project", symlinks=True))


def _break_content(project: Path) -> None:
    unit = project / "content" / "units" / "unit-0001.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("eqf_level: 3", "eqf_level: 9"),
                    encoding="utf-8")


def _break_template(project: Path) -> None:
    template = project / "theme" / "unit.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("{% block content %}",
                                     "{% block content %}{{ unit.title | no_such_filter }}", 1),
                        encoding="utf-8")


def _add_broken_link(project: Path) -> None:
    with (project / "pages" / "about.md").open("a", encoding="utf-8") as page:
        page.write("\nSee [the missing page](missing.md).\n")


FAILURES = {
    "content error": (_break_content, "eqf_level"),
    "template error": (_break_template, "no_such_filter"),
    "strict-mode warning": (_add_broken_link, "missing.md"),
}


@pytest.mark.parametrize("builder", sorted(BUILDERS))
@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_a_failed_build_leaves_the_previous_site_byte_identical(project: Path, builder: str,
                                                                failure: str):
    before = snapshot(project / "site")
    breaks, evidence = FAILURES[failure]
    breaks(project)
    result = BUILDERS[builder](project)
    assert result.returncode != 0
    assert evidence in result.stdout + result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_a_successful_build_replaces_the_site_and_cleans_up(project: Path, builder: str):
    unit = project / "content" / "units" / "unit-0002.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace(
        "Barista basics 2", "Barista basics, second edition"), encoding="utf-8")
    result = BUILDERS[builder](project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "units" / "unit-0002" / "index.html").read_text(encoding="utf-8")
    assert "Barista basics, second edition" in page
    assert leftovers(project) == []


@pytest.fixture(scope="module")
def big_published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with enough units that a build takes several seconds, built once."""
    root = tmp_path_factory.mktemp("big")
    project = copy_project(root / "project", content=write_content(root / "content", 400))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project


def _start(builder: str, project: Path) -> subprocess.Popen[bytes]:
    """The build in its own process group, so that a kill reaches `microvet`'s mkdocs too."""
    if builder == "mkdocs build":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    else:
        command = [str(Path(sysconfig.get_path("scripts")) / "microvet"), "build"]
    return subprocess.Popen(command, cwd=project, env=ENV, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def _wait_until_half_built(project: Path, process: subprocess.Popen[bytes]) -> Path:
    """The staging folder, once some unit pages (but not the metadata) are written."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "the build ended before it could be killed"
        for staging in project.glob(f"{atomic.STAGING_PREFIX}site-*"):
            if len(list(staging.glob("units/*/index.html"))) >= 20:
                return staging
        time.sleep(0.005)
    raise AssertionError("the build never got halfway")


@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_killing_the_build_midway_leaves_the_previous_site(big_published: Path, tmp_path: Path,
                                                           builder: str):
    project = Path(shutil.copytree(big_published, tmp_path / "project", symlinks=True))
    before = snapshot(project / "site")
    _break_nothing_but_change_a_title(project)
    process = _start(builder, project)
    staging = _wait_until_half_built(project, process)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert snapshot(project / "site") == before
    assert staging.is_dir(), "the half-built folder stays until the next build"
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert leftovers(project) == []
    page = project / "site" / "units" / "unit-0400" / "index.html"
    assert "Barista basics, last edition" in page.read_text(encoding="utf-8")


def _break_nothing_but_change_a_title(project: Path) -> None:
    unit = project / "content" / "units" / "unit-0400.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace(
        "Barista basics 400", "Barista basics, last edition"), encoding="utf-8")


# --- the swap itself ---------------------------------------------------------------------


def _folder(path: Path, **files: str) -> Path:
    path.mkdir(parents=True)
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path):
    first = _folder(tmp_path / "first", a="1")
    second = _folder(tmp_path / "second", b="2")
    assert atomic.exchange(first, second) is True  # Linux: renameat2(RENAME_EXCHANGE)
    assert [p.name for p in first.iterdir()] == ["b"]
    assert [p.name for p in second.iterdir()] == ["a"]


def test_commit_puts_the_new_site_in_place_and_forgets_the_old_one(tmp_path: Path):
    _folder(tmp_path / "site", old="old")
    swap = atomic.Swap(tmp_path / "site")
    (swap.staging / "new").write_text("new", encoding="utf-8")
    swap.commit()
    assert snapshot(tmp_path / "site") == {"new": hashlib.sha256(b"new").hexdigest()}
    assert oct((tmp_path / "site").stat().st_mode & 0o777) == "0o755"
    assert leftovers(tmp_path) == []


def test_a_site_retired_by_a_build_killed_between_two_renames_is_put_back(tmp_path: Path):
    """Where renameat2 is missing the swap is two renames; a kill between them loses nothing."""
    _folder(tmp_path / f"{atomic.RETIRED_PREFIX}site-x1" / "site", page="previous")
    _folder(tmp_path / f"{atomic.STAGING_PREFIX}site-x2", page="half-built")
    swap = atomic.Swap(tmp_path / "site")
    swap.abandon()
    assert (tmp_path / "site" / "page").read_text(encoding="utf-8") == "previous"
    assert leftovers(tmp_path) == []
