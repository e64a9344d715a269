"""The content files' JSON Schemas, published under `schemas/` beside the site."""

from __future__ import annotations

from ..catalogue import Catalogue
from ..schemas import schema_files
from ..site import SiteInfo


def render(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """`schemas/unit.schema.json`, `schemas/outcome.schema.json`, `schemas/provider.schema.json`."""
    return schema_files()
