"""microVET catalogue: YAML micro-credential descriptions to a static site and metadata."""

from __future__ import annotations

from generator.build.pipeline import Plan, gather, publish
from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.errors import ContentError, Problem
from generator.kinds import KINDS, Kind, SiteInfo
from generator.outputs import render_outputs
from generator.site.pages import generated_pages

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
