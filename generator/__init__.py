"""microVET catalogue: YAML micro-credential descriptions to a static site and metadata.

The names below are imported when first used (PEP 562), so that `microvet check`, which
needs only the content stage, does not start by importing every renderer.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.build.pipeline import Plan, gather, publish
    from generator.content.catalogue import Catalogue, load_catalogue
    from generator.content.errors import ContentError, Problem
    from generator.kinds import KINDS, Kind, SiteInfo
    from generator.outputs import render_outputs
    from generator.site.pages import generated_pages

_HOMES = {
    "Plan": "generator.build.pipeline",
    "gather": "generator.build.pipeline",
    "publish": "generator.build.pipeline",
    "Catalogue": "generator.content.catalogue",
    "load_catalogue": "generator.content.catalogue",
    "ContentError": "generator.content.errors",
    "Problem": "generator.content.errors",
    "KINDS": "generator.kinds",
    "Kind": "generator.kinds",
    "SiteInfo": "generator.kinds",
    "render_outputs": "generator.outputs",
    "generated_pages": "generator.site.pages",
}

__all__ = [
    "KINDS",
    "Catalogue",
    "ContentError",
    "Kind",
    "Plan",
    "Problem",
    "SiteInfo",
    "gather",
    "generated_pages",
    "load_catalogue",
    "publish",
    "render_outputs",
]


def __getattr__(name: str) -> Any:
    """One of the public names, from its module (imported on first use)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'generator' has no attribute {name!r}")
    return getattr(import_module(home), name)
