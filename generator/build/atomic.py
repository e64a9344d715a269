"""Build into a folder beside site/, and swap it in only when the build succeeded.

A content error, a template error or a killed process leaves the previous site/ exactly as
it was: the half-built folder is a hidden sibling that the next build removes.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import tempfile
from pathlib import Path

STAGING_PREFIX = ".building-"
RETIRED_PREFIX = ".retired-"
_RENAME_EXCHANGE = 2  # linux/fs.h: swap two paths in one step


class Swap:
    """A staging folder for one build of `target`."""

    def __init__(self, target: Path) -> None:
        self.target = target.resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(self.target)
        self.staging = Path(tempfile.mkdtemp(
            prefix=f"{STAGING_PREFIX}{self.target.name}-", dir=self.target.parent))

    def commit(self) -> None:
        """Put the finished build in place of the target, with no moment without a site."""
        self.staging.chmod(0o755)  # mkdtemp made it private; a site is for everyone
        if not self.target.exists():
            self.staging.replace(self.target)
        elif exchange(self.staging, self.target):
            shutil.rmtree(self.staging, ignore_errors=True)  # now holds the previous site
        else:
            retired = Path(tempfile.mkdtemp(
                prefix=f"{RETIRED_PREFIX}{self.target.name}-", dir=self.target.parent))
            self.target.replace(retired / "site")
            self.staging.replace(self.target)
            shutil.rmtree(retired, ignore_errors=True)

    def abandon(self) -> None:
        """Forget a failed build; the target is untouched."""
        shutil.rmtree(self.staging, ignore_errors=True)


def exchange(first: Path, second: Path) -> bool:
    """Swap two directories atomically (Linux renameat2); False where that is unavailable."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_cwd = -100
    done: int = renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), _RENAME_EXCHANGE)
    return done == 0


def _remove_leftovers(target: Path) -> None:
    """Folders left behind by builds that were killed before they could clean up.

    Without renameat2 the swap takes two renames; a build killed between them leaves the
    previous site in a retired folder and none at the target: put it back.
    """
    for retired in sorted(target.parent.glob(f"{RETIRED_PREFIX}{target.name}-*")):
        if not target.exists() and (retired / "site").is_dir():
            (retired / "site").replace(target)
    for prefix in (STAGING_PREFIX, RETIRED_PREFIX):
        for leftover in target.parent.glob(f"{prefix}{target.name}-*"):
            shutil.rmtree(leftover, ignore_errors=True)
