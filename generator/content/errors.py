"""Content problems are for people; everything else is a bug."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_ONE_LINE = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})
"""A value quoted in a message (or a file name) must not start a new line of the report."""


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """One mistake in one content file, at a line and column (both 1-based)."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}".translate(_ONE_LINE)

    def as_dict(self) -> dict[str, object]:
        """Plain data for `--format json`."""
        return {"path": self.path, "line": self.line, "column": self.column,
                "message": self.message, "severity": "error"}


@dataclass(frozen=True, order=True, slots=True)
class CheckWarning:
    """Something valid but probably unintended, at a line and column: the build goes on.

    `microvet check --strict` treats warnings as problems.
    """

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: warning: {self.message}".translate(
            _ONE_LINE)

    def as_dict(self) -> dict[str, object]:
        """Plain data for `--format json`."""
        return {"path": self.path, "line": self.line, "column": self.column,
                "message": self.message, "severity": "warning"}


class ContentError(Exception):
    """The content has problems; the message lists every one of them, sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path, root: Path | None = None) -> str:
    """Path as a provider sees it in the repository: relative, forward slashes."""
    # Resolve the folder, not the file: a symbolic link is reported where it is, not where
    # it points.
    resolved = path.parent.resolve() / path.name
    if root is not None:
        try:
            return resolved.relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
