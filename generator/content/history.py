"""When each content file was first published and last changed, from git history.

One `git log` over the whole content folder, not one per file: a catalogue of 10,000 units
must not start 10,000 processes.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class FileDates:
    """First and last commit dates of one file."""

    first: dt.date
    last: dt.date


def git_dates(root: Path, folder: Path) -> dict[Path, FileDates]:
    """Commit dates of every file under `folder` (absolute paths); empty outside git."""
    top, dates = repository_dates(root, folder)
    return {Path(top, path): known for path, known in dates.items()}


def repository_dates(root: Path, folder: Path) -> tuple[str, dict[str, FileDates]]:
    """The repository's top folder, and the commit dates of every file under `folder` by
    its path from there (`content/units/a.yaml`); ("", {}) outside git."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True,
            text=True, check=True, timeout=30,
        ).stdout.strip()
        log = subprocess.run(
            ["git", "log", "--format=%x00%cI", "--name-only", "--no-renames", "--", str(folder)],
            cwd=root, capture_output=True, text=True, check=True, timeout=120,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "", {}
    dates: dict[str, FileDates] = {}
    current: dt.date | None = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            current = dt.datetime.fromisoformat(line[1:]).astimezone(dt.UTC).date()
        elif line and current is not None:
            known = dates.get(line)
            # git log lists newest first: the first date seen is the last change.
            dates[line] = FileDates(first=current, last=known.last if known else current)
    return top, dates


def fallback_date() -> dt.date | None:
    """The reproducible build date (SOURCE_DATE_EPOCH), never the wall clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return None


def build_date() -> dt.date:
    """Today for the build: SOURCE_DATE_EPOCH when set, else the clock (UTC).

    Used only to decide which sessions are past, never written into an output.
    """
    return fallback_date() or dt.datetime.now(dt.UTC).date()
