"""Plain JSON of each unit with every reference resolved, and the bulk API files."""

from __future__ import annotations

from typing import Any

from generator.content.catalogue import Catalogue
from generator.content.models import Outcome, Provider, Unit
from generator.content.serialise import json_bytes
from generator.content.vocabularies import vocabulary
from generator.kinds import OUTCOME, PROVIDER, UNIT, SiteInfo
from generator.outputs.common import METADATA_LICENCE_CODE, is_open_licence

_VOCABULARY_FIELDS = {
    "eqf_level": "eqf_levels", "isced_f": "isced_f", "mode": "modes",
    "learning_setting": "learning_settings", "schedule": "schedules", "license": "licences",
}


def document(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> bytes:
    """`units/<id>/unit.json`."""
    return json_bytes(unit_document(catalogue, unit, site))


def render(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """`api/units.json` (every `unit.json` in one file) and `api/units.txt` (their pages)."""
    documents = {uid: unit_document(catalogue, unit, site) for uid, unit in catalogue.units.items()}
    files = {}
    files["api/units.json"] = json_bytes({
        "count": len(documents),
        "units": list(documents.values()),
    })
    files["api/units.txt"] = "".join(
        site.absolute(UNIT.url(uid)) + "\n" for uid in documents).encode("utf-8")
    return files


def unit_document(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> dict[str, Any]:
    """A unit as normalised plain JSON: codes expanded to label and URI, references inlined."""
    data = unit.model_dump(mode="python", exclude_none=True)
    for name, vocab in _VOCABULARY_FIELDS.items():
        if name in data:
            data[name] = concept(vocab, data[name])
    data["languages"] = [concept("languages", lang) for lang in unit.languages]
    data["assessment"]["methods"] = [concept("assessment_methods", m)
                                     for m in unit.assessment.methods]
    if unit.assessment.supervision:
        data["assessment"]["supervision"] = concept("supervision", unit.assessment.supervision)
    if unit.price.currency:
        data["price"]["currency"] = concept("currencies", unit.price.currency)
    data["target_groups"] = [concept("target_groups", g) for g in unit.target_groups]
    data["license"]["open"] = is_open_licence(unit.license)
    for material, licensed in zip(data["materials"], unit.materials, strict=True):
        material["license"] = {**concept("licences", licensed.license),
                               "open": is_open_licence(licensed.license)}
    data["metadata_license"] = concept("licences", METADATA_LICENCE_CODE)
    data["provider"] = provider_document(catalogue.provider_of(unit), site)
    data["awarding_bodies"] = [provider_document(p, site)
                               for p in catalogue.awarding_bodies_of(unit)]
    data["outcomes"] = [outcome_document(o, site) for o in catalogue.outcomes_of(unit)]
    dates = catalogue.dates[unit.id]
    data["published"] = dates.published
    data["updated"] = dates.updated
    data["url"] = site.absolute(UNIT.url(unit.id))
    data["source"] = catalogue.source_path("units", unit.id)
    return data


def outcome_document(outcome: Outcome, site: SiteInfo) -> dict[str, Any]:
    """An outcome as plain JSON with its page URL."""
    data = outcome.model_dump(mode="python", exclude_none=True)
    data["category"] = concept("outcome_categories", outcome.category)
    if outcome.reuse_level:
        data["reuse_level"] = concept("reuse_levels", outcome.reuse_level)
    if outcome.eqf_level:
        data["eqf_level"] = concept("eqf_levels", outcome.eqf_level)
    data["url"] = site.absolute(OUTCOME.url(outcome.id))
    return data


def provider_document(provider: Provider, site: SiteInfo) -> dict[str, Any]:
    """A provider as plain JSON with its page URL."""
    data = provider.model_dump(mode="python", exclude_none=True)
    data["country"] = concept("countries", provider.country)
    data["url"] = site.absolute(PROVIDER.url(provider.id))
    return data


def concept(vocab: str, code: str) -> dict[str, Any]:
    """`{"code", "label", "uri"}` for a vocabulary code."""
    term = vocabulary(vocab)[str(code)]
    return {"code": term.code, "label": term.label, "uri": term.uri}
