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
