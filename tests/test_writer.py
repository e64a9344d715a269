"""The one place that writes generated files."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from generator.build import writer
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


def test_the_caller_waits_when_a_batch_is_already_waiting(tmp_path: Path, monkeypatch):
    disk_free = threading.Event()
    written: list[str] = []

    def slow_write(site_dir: Path, files: dict[str, bytes]) -> None:
        disk_free.wait(timeout=30)
        written.extend(files)

    monkeypatch.setattr(writer, "write_outputs", slow_write)
    background = BackgroundWriter(tmp_path)
    background.write({"a.json": b"1"})  # being written (held up)
    background.write({"b.json": b"2"})  # waits its turn: room for WAITING_BATCHES == 1
    third = threading.Thread(target=background.write, args=({"c.json": b"3"},))
    third.start()
    third.join(timeout=0.5)
    assert third.is_alive()  # no room: the caller waits instead of piling up batches
    disk_free.set()
    third.join(timeout=30)
    assert not third.is_alive()
    background.finish()
    assert written == ["a.json", "b.json", "c.json"]
