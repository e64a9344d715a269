"""Plain JSON of the units and the bulk API (generator/outputs/plain.py)."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from generator.content.catalogue import Catalogue, load_catalogue
from generator.kinds import SiteInfo
from generator.outputs import plain

SITE = SiteInfo(url="https://catalogue.example.org/mv/")


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return load_catalogue(ROOT / "content", root=ROOT)


def test_a_unit_document_expands_codes_and_resolves_references(sample: Catalogue):
    unit = sample.units["barista-basics"]
    data = json.loads(plain.document(sample, unit, SITE))
    assert data["eqf_level"] == {"code": unit.eqf_level, "label": f"EQF level {unit.eqf_level}",
                                 "uri": f"http://data.europa.eu/snb/eqf/{unit.eqf_level}"}
    assert data["provider"]["id"] == unit.provider
    assert data["provider"]["url"] == SITE.absolute(f"providers/{unit.provider}/")
    assert [o["id"] for o in data["outcomes"]] == unit.outcomes
    assert data["url"] == SITE.absolute("units/barista-basics/")
    assert data["source"] == "content/units/barista-basics.yaml"


def test_the_bulk_files_hold_every_unit(sample: Catalogue):
    files = plain.render(sample, SITE)
    bulk = json.loads(files["api/units.json"])
    assert bulk["count"] == len(sample.units) == len(bulk["units"])
    assert [u["id"] for u in bulk["units"]] == list(sample.units)
    urls = files["api/units.txt"].decode("utf-8").splitlines()
    assert urls == [SITE.absolute(f"units/{uid}/") for uid in sample.units]
