"""The one place that writes generated files."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.writer import UnsafeOutputPath, write_outputs


def test_writes_files_in_new_and_existing_folders(tmp_path: Path):
    (tmp_path / "units" / "a").mkdir(parents=True)
    write_outputs(tmp_path, {"units/a/unit.json": b"1", "units/b/unit.json": b"2",
                             "api/deep/er/x.xml": b"3", "feed.xml": b"4"})
    write_outputs(tmp_path, {"units/b/elm.jsonld": b"5"})
    assert {p.relative_to(tmp_path).as_posix(): p.read_bytes()
            for p in tmp_path.rglob("*") if p.is_file()} == {
        "units/a/unit.json": b"1", "units/b/unit.json": b"2", "api/deep/er/x.xml": b"3",
        "feed.xml": b"4", "units/b/elm.jsonld": b"5"}


@pytest.mark.parametrize("path", ["../x", "/etc/x", "a/../../x", ""])
def test_refuses_paths_outside_the_site(tmp_path: Path, path: str):
    with pytest.raises(UnsafeOutputPath):
        write_outputs(tmp_path / "site", {path: b"x"})
    assert not (tmp_path / "x").exists()
