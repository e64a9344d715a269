"""The one place that writes generated files to disk."""

from __future__ import annotations

from collections.abc import Mapping
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
