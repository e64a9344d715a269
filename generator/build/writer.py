"""The one place that writes generated files to disk."""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path, PurePosixPath


class UnsafeOutputPath(ValueError):
    """A renderer asked for a path outside the site folder: a bug, not a content problem."""


def check_output_path(path: str) -> PurePosixPath:
    """A relative, normalised path inside the site, or `UnsafeOutputPath`."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or not pure.parts or any(p in {"..", ".", ""} for p in pure.parts):
        raise UnsafeOutputPath(path)
    return pure


def write_outputs(site_dir: Path, files: Mapping[str, bytes]) -> None:
    """Write every file under `site_dir`, in sorted order, each path once."""
    for path in sorted(files):
        target = site_dir.joinpath(*check_output_path(path).parts)
        try:
            target.write_bytes(files[path])
        except FileNotFoundError:  # a new folder: cheaper than a mkdir before every file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[path])


WAITING_BATCHES = 1
"""Batches that may wait behind the one being written; the caller waits for room beyond that,
so that a slow disk cannot pile every renderer's files up in memory (at 10,000 units a
renderer's batch is up to a few hundred MB)."""


class BackgroundWriter:
    """Writes batches of files in one background thread while the caller goes on working.

    Writing a file releases the GIL, so a build renders its pages while its 70,000 outputs
    are written. At most `WAITING_BATCHES` wait their turn. `finish` waits for every batch
    and raises the first error; `cancel` drops what has not started (for a build that failed
    anyway).
    """

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="microvet-writer")
        self._pending: list[Future[None]] = []

    def write(self, files: Mapping[str, bytes]) -> None:
        """Queue the files (their paths are checked now, in the caller's thread)."""
        for path in files:
            check_output_path(path)
        unfinished = [future for future in self._pending if not future.done()]
        if len(unfinished) > WAITING_BATCHES:
            wait(unfinished[:len(unfinished) - WAITING_BATCHES])
        self._pending.append(self._pool.submit(write_outputs, self.site_dir, dict(files)))

    def finish(self) -> None:
        """Wait until every queued file is written; raise the first error."""
        try:
            for future in self._pending:
                future.result()
        finally:
            self._pending = []
            self._pool.shutdown(wait=True)

    def cancel(self) -> None:
        """Drop the batches not started, wait for the one being written, ignore errors."""
        for future in self._pending:
            future.cancel()
        self._pending = []
        self._pool.shutdown(wait=True)
