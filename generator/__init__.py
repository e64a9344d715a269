"""microVET catalogue: YAML micro-credential descriptions to a static site and metadata."""

from __future__ import annotations

from .catalogue import Catalogue, load_catalogue
from .errors import ContentError, Problem
from .outputs import render_outputs
from .site import SiteInfo, generated_pages

__all__ = [
    "Catalogue",
    "ContentError",
    "Problem",
    "SiteInfo",
    "generated_pages",
    "load_catalogue",
    "render_outputs",
]
