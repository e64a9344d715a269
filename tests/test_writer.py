"""The one place that writes generated files."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build.writer import BackgroundWriter, UnsafeOutputPath, write_outputs


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


def test_the_background_writer_has_written_everything_when_finished(tmp_path: Path):
    writer = BackgroundWriter(tmp_path)
    for number in range(50):
        writer.write({f"units/u{number}/unit.json": b"%d" % number})
    writer.write({"api/units.txt": b"all"})
    writer.finish()
    assert (tmp_path / "units" / "u49" / "unit.json").read_bytes() == b"49"
    assert (tmp_path / "api" / "units.txt").read_bytes() == b"all"


def test_the_background_writer_refuses_unsafe_paths_at_once(tmp_path: Path):
    writer = BackgroundWriter(tmp_path / "site")
    with pytest.raises(UnsafeOutputPath):
        writer.write({"ok.json": b"1", "../escape": b"2"})
    writer.finish()
    assert not (tmp_path / "escape").exists() and not (tmp_path / "site" / "ok.json").exists()


def test_the_background_writer_raises_a_failed_write_when_finished(tmp_path: Path):
    (tmp_path / "feed.xml").mkdir()  # a folder where a file must go
    writer = BackgroundWriter(tmp_path)
    writer.write({"feed.xml": b"x"})
    with pytest.raises(IsADirectoryError):
        writer.finish()
