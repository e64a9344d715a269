"""The content files' JSON Schemas, published under `schemas/` beside the site."""

from __future__ import annotations

from generator.content.catalogue import Catalogue
from generator.kinds import SiteInfo
from generator.tools.schemas import schema_files


def render(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """`schemas/unit.schema.json`, `schemas/outcome.schema.json`, `schemas/provider.schema.json`."""
    return schema_files()
