"""Pure renderers: `Catalogue` -> {site path: bytes}. None of them touches the disk."""

from __future__ import annotations

from collections.abc import Callable

from ..catalogue import Catalogue
from ..site import SiteInfo
from . import plain

Renderer = Callable[[Catalogue, SiteInfo], dict[str, bytes]]

RENDERERS: tuple[Renderer, ...] = (plain.render,)
"""Every renderer whose files the build publishes, in a fixed order."""


class DuplicateOutput(RuntimeError):
    """Two renderers produced the same path: a bug in the generator."""


def render_outputs(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """All machine-readable files of the site; refuses a path produced twice."""
    files: dict[str, bytes] = {}
    for renderer in RENDERERS:
        for path, content in renderer(catalogue, site).items():
            if path in files:
                raise DuplicateOutput(f"{path} is produced twice (by {renderer.__module__})")
            files[path] = content
    return files
