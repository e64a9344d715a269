"""The preview (generator/site/preview.py): incremental rebuilds equal a full build."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from conftest import copy_project

from generator.content.catalogue import load_catalogue
from generator.site.preview import Preview, changed_objects, error_page, neighbours

SITE_URL = "http://127.0.0.1:8765/"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by relative path."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """The paths that differ between two trees, with why."""
    found = [f"only in the incremental build: {p}" for p in sorted(first.keys() - second.keys())]
    found += [f"only in the full build: {p}" for p in sorted(second.keys() - first.keys())]
    found += [f"differs: {p}" for p in sorted(first.keys() & second.keys())
              if first[p] != second[p]]
    return found


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.chdir(tmp_path)
    return copy_project(tmp_path / "project")


def full_build(project: Path) -> dict[str, bytes]:
    preview = Preview(project / "mkdocs.yml", SITE_URL)
    try:
        preview.build_all()
        assert preview.problems == []
        return tree(preview.site_dir)
    finally:
        preview.close()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_incremental_rebuilds_give_the_bytes_of_a_full_build(project: Path):
    content = project / "content"
    preview = Preview(project / "mkdocs.yml", SITE_URL)
    try:
        preview.build_all()
        unit = content / "units" / "barista-basics.yaml"
        edit(unit, '  en: "Barista basics: espresso and milk drinks"',
             '  en: "Barista basics: espresso, milk and a first latte art"')
        preview.update()
        assert "a first latte art" in (
            preview.site_dir / "units" / "barista-basics" / "index.html").read_text()
        outcome = next((content / "outcomes").glob("*.yaml"))
        edit(outcome, "statement:", "# edited in the preview test\nstatement:")
        edit(outcome, "The learner can", "The learner can confidently")
        preview.update()
        provider = content / "providers" / "example-hospitality-school-bologna.yaml"
        edit(provider, "city: Bologna", "city: Bologna (Emilia-Romagna)")
        preview.update()
        added = content / "units" / "barista-basics-evening.yaml"
        added.write_text(unit.read_text(encoding="utf-8").replace(
            "id: barista-basics", "id: barista-basics-evening"), encoding="utf-8")
        preview.update()
        removed = sorted((content / "units").glob("*.yaml"))[-1]
        removed.unlink()
        preview.update()
        assert preview.problems == []
        incremental = tree(preview.site_dir)
    finally:
        preview.close()
    assert differences(incremental, full_build(project)) == []


def test_a_content_problem_becomes_the_page_and_the_preview_recovers(project: Path):
    preview = Preview(project / "mkdocs.yml", SITE_URL)
    try:
        preview.build_all()
        unit = project / "content" / "units" / "barista-basics.yaml"
        good = unit.read_text(encoding="utf-8")
        interrupted = threading.Event()
        interrupted.set()  # another save came at once: the update leaves work undone
        edit(unit, '  en: "Barista basics: espresso and milk drinks"', '  en: "Barista"')
        preview.update(interrupted)
        assert preview.pending
        unit.write_text(good.replace('eqf_level: "3"', 'eqf_level: "11"'), encoding="utf-8")
        epoch = preview.epoch
        preview.update()
        assert preview.epoch == epoch + 1
        assert not preview.pending and preview.finish() is False  # nothing clears the problems
        assert preview.problems
        assert [str(p) for p in preview.problems] == [
            "content/units/barista-basics.yaml:45:12: `eqf_level`: '11' is not an allowed "
            "value; allowed: 1, 2, 3, 4, 5, 6, 7, 8"]
        page = error_page(preview.problems, preview.epoch)
        assert "content/units/barista-basics.yaml:45:12: `eqf_level`: &#x27;11&#x27;" in page
        unit.write_text(good, encoding="utf-8")
        preview.update()
        assert preview.problems == []
    finally:
        preview.close()


def test_a_whole_build_that_fails_shows_its_problems_and_the_next_save_retries(project: Path):
    unit = project / "content" / "units" / "barista-basics.yaml"
    good = unit.read_text(encoding="utf-8")
    unit.write_text(good.replace('eqf_level: "3"', 'eqf_level: "11"'), encoding="utf-8")
    preview = Preview(project / "mkdocs.yml", SITE_URL)
    try:
        preview.build_all()
        assert [p.path for p in preview.problems] == ["content/units/barista-basics.yaml"]
        unit.write_text(good, encoding="utf-8")
        preview.update()
        assert preview.problems == []
        assert (preview.site_dir / "units" / "barista-basics" / "index.html").is_file()
    finally:
        preview.close()


def test_neighbours_are_the_objects_one_reference_away(project: Path):
    catalogue = load_catalogue(project / "content", root=project)
    unit = catalogue.units["barista-basics"]
    near = neighbours(catalogue, {("units", "barista-basics")})
    assert ("providers", unit.provider) in near
    assert {("outcomes", oid) for oid in unit.outcomes} <= near
    assert changed_objects(catalogue, catalogue) == set()


def test_close_removes_the_preview_folder(project: Path):
    preview = Preview(project / "mkdocs.yml", SITE_URL)
    folder = preview.site_dir
    assert folder.is_dir()
    preview.close()
    assert not folder.exists()
    shutil.rmtree(folder, ignore_errors=True)
