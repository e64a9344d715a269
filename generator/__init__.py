"""microVET catalogue: YAML micro-credential descriptions to a static site and metadata."""

from __future__ import annotations

from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.errors import ContentError, Problem
from generator.outputs import render_outputs
from generator.site.pages import SiteInfo, generated_pages

__all__ = [
    "Catalogue",
    "ContentError",
    "Problem",
    "SiteInfo",
    "generated_pages",
    "load_catalogue",
    "render_outputs",
]
