"""Build into a folder beside site/, and swap it in only when the build succeeded.

A content error, a template error or a killed process leaves the previous site/ exactly as
it was: the half-built folder is a hidden sibling that the next build removes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

STAGING_PREFIX = ".building-"
RETIRED_PREFIX = ".retired-"


class Swap:
    """A staging folder for one build of `target`."""

    def __init__(self, target: Path) -> None:
        self.target = target.resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(self.target)
        self.staging = Path(tempfile.mkdtemp(
            prefix=f"{STAGING_PREFIX}{self.target.name}-", dir=self.target.parent))

    def commit(self) -> None:
        """Put the finished build in place of the target (two renames on one filesystem)."""
        retired = None
        if self.target.exists():
            retired = Path(tempfile.mkdtemp(
                prefix=f"{RETIRED_PREFIX}{self.target.name}-", dir=self.target.parent))
            os.replace(self.target, retired / "site")
        os.replace(self.staging, self.target)
        os.chmod(self.target, 0o755)  # mkdtemp made it private; a site is for everyone
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)

    def abandon(self) -> None:
        """Forget a failed build; the target is untouched."""
        shutil.rmtree(self.staging, ignore_errors=True)


def _remove_leftovers(target: Path) -> None:
    """Folders left behind by builds that were killed before they could clean up."""
    for prefix in (STAGING_PREFIX, RETIRED_PREFIX):
        for leftover in target.parent.glob(f"{prefix}{target.name}-*"):
            shutil.rmtree(leftover, ignore_errors=True)
