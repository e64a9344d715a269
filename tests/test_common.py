"""Shared conventions of the harvestable documents: licence, durations, dates."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.outputs.common import (
    atom_date,
    iso_duration,
    licence_uri,
    metadata_licence,
    metadata_licence_uri,
    midnight_utc,
)
from generator.tools.standards.amb import AMB_SCHEMAS


def test_metadata_is_public_domain():
    assert metadata_licence().code == "CC0-1.0"
    assert metadata_licence_uri() == "https://creativecommons.org/publicdomain/zero/1.0/"


def test_licence_uri_of_an_spdx_id():
    assert licence_uri("CC-BY-SA-4.0") == "https://creativecommons.org/licenses/by-sa/4.0/"


@pytest.mark.parametrize(("hours", "expected"), [
    ("25", "PT25H"), ("27.5", "PT27H30M"), ("0.5", "PT30M"), ("0.1", "PT6M"), ("1800", "PT1800H"),
])
def test_iso_duration(hours: str, expected: str):
    assert iso_duration(Decimal(hours)) == expected


@given(st.decimals(min_value=Decimal("0.1"), max_value=Decimal(3000), places=1))
def test_every_workload_is_a_duration_amb_accepts(hours: Decimal):
    pattern = json.loads((AMB_SCHEMAS / "duration.json").read_text(encoding="utf-8"))["pattern"]
    text = iso_duration(hours)
    assert re.search(pattern, text), text
    match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?", text)
    assert match is not None
    assert int(match[1] or 0) * 60 + int(match[2] or 0) == hours * 60


def test_dates_carry_an_offset():
    assert midnight_utc(dt.date(2026, 3, 1)) == "2026-03-01T00:00:00+00:00"
    assert atom_date(dt.date(2026, 3, 1)) == "2026-03-01T00:00:00Z"


# --- every licence, in every format -----------------------------------------------------------

LICENCE_CASES = [
    # code, canonical URL, whether AMB's schema can carry it
    ("CC-BY-SA-3.0", "https://creativecommons.org/licenses/by-sa/3.0/", True),
    ("CC-BY-3.0-DE", "https://creativecommons.org/licenses/by/3.0/de/", True),
    ("GPL-3.0-or-later", "https://www.gnu.org/licenses/gpl-3.0.html", True),
    ("EUPL-1.2", "https://spdx.org/licenses/EUPL-1.2.html", False),
    ("all-rights-reserved", None, False),
]


@pytest.mark.parametrize(("code", "url", "in_amb"), LICENCE_CASES)
def test_every_format_uses_the_canonical_url_of_the_licence(content_tree, code, url, in_amb):
    from harvest_content import SITE, catalogue_of, rich_tree
    from lxml import etree

    from generator.outputs import elm, loq_xml
    from generator.outputs.feeds import feed_entry
    from generator.outputs.openbadges import achievement
    from generator.outputs.plain import unit_document
    from generator.outputs.schemaorg import amb_learning_resource, course
    from generator.tools.standards.amb import amb_errors
    from generator.tools.standards.jsonld import expand_strictly
    from generator.tools.standards.schemaorg import schemaorg_problems

    tree = rich_tree(content_tree)
    path = tree.content / "units" / "barista.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "license: CC-BY-SA-4.0", f"license: {code}"), encoding="utf-8")
    catalogue = catalogue_of(tree)
    unit = catalogue.units["barista"]
    google = course(catalogue, unit, SITE)
    amb = amb_learning_resource(catalogue, unit, SITE)
    badge = achievement(catalogue, unit, SITE)
    assert google.get("license") == url
    assert schemaorg_problems(google) == []
    assert amb.get("license") == ({"id": url} if in_amb else None)
    assert amb_errors(amb) == []
    assert badge.get("license") == url
    expand_strictly(badge)  # nothing dropped
    links = [link.get("href") for link in feed_entry(catalogue, unit, SITE)
             if link.get("rel") == "license"]
    assert links == ([url] if url else [])
    document = unit_document(catalogue, unit, SITE)
    assert document["license"]["uri"] == url
    assert document["license"]["open"] is (code != "all-rights-reserved")
    assert document["metadata_license"]["uri"] == metadata_licence_uri()
    # ELM 3.1 and QDR's loq.xsd have no property for the licence of course materials.
    elm_text = elm.document(catalogue, unit, SITE).decode("utf-8")
    assert "licen" not in elm_text and (url is None or url not in elm_text)
    assert b"licen" not in etree.tostring(etree.fromstring(
        loq_xml.render(catalogue, SITE)["api/loq.xml"]))
