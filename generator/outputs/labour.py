"""The skills gap as downloads: `api/gaps.json`, `api/gaps.csv`, their JSON Schema, and the
data of the offline gap tool (`api/gap-tool.json`).

`microvet gaps` prints the same records (`gap_records`, `gaps_csv`), so the command and the
downloads cannot disagree.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.labour import GapRow
from generator.content.models import Demand
from generator.content.serialise import json_bytes
from generator.content.text import pick
from generator.kinds import DEMAND, UNIT, SiteInfo

GAPS_JSON = "api/gaps.json"
GAPS_CSV = "api/gaps.csv"
GAPS_SCHEMA = "api/gaps.schema.json"
TOOL_DATA = "api/gap-tool.json"
CSV_COLUMNS = ("skill_uri", "skill_label", "skill_page", "covered", "priority", "eqf_levels",
               "demand_count", "demands", "unit_count", "units")
"""One row per demanded skill; lists inside a cell are separated by spaces."""

NO_OFFER = "no offer yet"
DEFAULT_SITE_URL = "https://microvet-catalogue.github.io/microvet/"
"""Where `microvet gaps` links to when MICROVET_SITE_URL is not set (mkdocs.yml's default)."""


def render(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """The gap downloads for every demand, and the gap tool's data."""
    rows = catalogue.skill_gaps()
    return {
        GAPS_JSON: json_bytes(gaps_document(catalogue, site)),
        GAPS_CSV: gaps_csv(gap_records(rows, site)),
        GAPS_SCHEMA: json_bytes(GAPS_JSON_SCHEMA),
        TOOL_DATA: json_bytes(tool_data(catalogue, site), indent=None),
    }


def gap_records(rows: list[GapRow], site: SiteInfo) -> list[dict[str, Any]]:
    """Plain records of gap rows, in the rows' order (uncovered first)."""
    return [{
        "skill_uri": row.skill.uri, "skill_label": row.skill.label,
        "skill_page": site.absolute(row.skill.url), "covered": row.covered,
        "priority": row.priority, "eqf_levels": list(row.eqf_levels),
        "demand_count": len(row.demands), "demands": list(row.demands),
        "unit_count": len(row.units), "units": list(row.units),
    } for row in rows]


def gaps_csv(records: list[dict[str, Any]]) -> bytes:
    """The records as CSV (RFC 4180, header row, lists space-separated)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow([_cell(record[column]) for column in CSV_COLUMNS])
    return out.getvalue().encode("utf-8")


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    return str(value)


def gap_report(rows: list[GapRow], output_format: str, site: SiteInfo) -> str:
    """What `microvet gaps` prints: a Markdown table, or the CSV or JSON of `api/`."""
    records = gap_records(rows, site)
    if output_format == "csv":
        return gaps_csv(records).decode("utf-8")
    if output_format == "json":
        return json_bytes(records).decode("utf-8")
    if not rows:
        return "No demanded skills match.\n"
    lines = ["| Skill | Priority | Demands | Taught by |", "|---|---|---|---|"]
    for row in rows:
        offer = ", ".join(row.units) if row.covered else f"**{NO_OFFER}**"
        lines.append(f"| {_md(row.skill.label)} | {row.priority} | {len(row.demands)} | "
                     f"{offer} |")
    open_count = sum(not row.covered for row in rows)
    lines.append(f"\n{open_count} of {len(rows)} demanded skills have no offer yet.")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def gaps_document(catalogue: Catalogue, site: SiteInfo) -> dict[str, Any]:
    """Every demand with its gap list, and all demanded skills ranked (`api/gaps.json`)."""
    return {
        "$schema": site.absolute(GAPS_SCHEMA),
        "demands": [_demand(catalogue, demand, site) for demand in catalogue.demands.values()],
        "skills": gap_records(catalogue.skill_gaps(), site),
    }


def _demand(catalogue: Catalogue, demand: Demand, site: SiteInfo) -> dict[str, Any]:
    return {
        "id": demand.id, "title": pick(demand.title), "page": site.absolute(DEMAND.url(demand.id)),
        "country": demand.region.country, "nuts": demand.region.nuts,
        "nace": demand.sector.nace, "isced_f": demand.sector.isced_f,
        "skills": gap_records(catalogue.skill_gaps(demand=demand.id), site),
    }


_RECORD = {
    "type": "object", "additionalProperties": False, "required": list(CSV_COLUMNS),
    "properties": {
        "skill_uri": {"type": "string", "pattern": "^http://data\\.europa\\.eu/esco/skill/"},
        "skill_label": {"type": "string", "minLength": 1},
        "skill_page": {"type": "string", "format": "uri"},
        "covered": {"type": "boolean"},
        "priority": {"enum": ["high", "medium", "low"]},
        "eqf_levels": {"type": "array", "items": {"enum": [str(n) for n in range(1, 9)]}},
        "demand_count": {"type": "integer", "minimum": 1},
        "demands": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        "unit_count": {"type": "integer", "minimum": 0},
        "units": {"type": "array", "items": {"type": "string"}},
    },
}
GAPS_JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "microVET skills gap",
    "description": "Skills that labour-market demands ask for, with the units teaching them "
                   "(covered) or none (no offer yet).",
    "type": "object", "additionalProperties": False, "required": ["$schema", "demands", "skills"],
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "skills": {"type": "array", "items": {"$ref": "#/$defs/record"}},
        "demands": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["id", "title", "page", "country", "nuts", "nace", "isced_f", "skills"],
            "properties": {
                "id": {"type": "string", "pattern": "^[a-z0-9-]{3,64}$"},
                "title": {"type": "string"}, "page": {"type": "string", "format": "uri"},
                "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
                "nuts": {"type": ["string", "null"]}, "nace": {"type": ["string", "null"]},
                "isced_f": {"type": ["string", "null"]},
                "skills": {"type": "array", "items": {"$ref": "#/$defs/record"}},
            }}},
    },
    "$defs": {"record": _RECORD},
}


def tool_data(catalogue: Catalogue, site: SiteInfo) -> dict[str, Any]:
    """What the gap tool needs: skills with their units, units, occupations with skills."""
    labour = catalogue.labour
    unit_ids = sorted({uid for entry in labour.skills.values() for uid in entry.units})
    unit_index = {uid: number for number, uid in enumerate(unit_ids)}
    skill_index = {entry.uri: number for number, entry in enumerate(labour.skills.values())}
    occupations = []
    for entry in labour.occupations.values():
        skills = {skill.uri for uid in entry.units for skill in
                  catalogue.unit_skills(catalogue.units[uid])}
        demanded = labour.demanded_skills_of_occupation(entry, catalogue.demands)
        skills |= {row.skill.uri for row in demanded}
        occupations.append([entry.label, entry.url, sorted(skill_index[uri] for uri in skills)])
    return {
        "skills": [[entry.uri, entry.label, entry.url, [unit_index[u] for u in entry.units],
                    len(entry.demands)] for entry in labour.skills.values()],
        "units": [[uid, pick(catalogue.units[uid].title), UNIT.url(uid)] for uid in unit_ids],
        "occupations": occupations,
    }
