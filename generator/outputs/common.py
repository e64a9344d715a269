"""Conventions every harvestable document shares: the metadata licence, dates, durations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.content.vocabularies import Term, vocabulary

METADATA_LICENCE_CODE = "CC0-1.0"
"""Licence of the catalogue's own metadata (`sdLicense`): public domain, free to harvest."""


def metadata_licence() -> Term:
    """The licence under which every metadata document of the catalogue is published."""
    return vocabulary("licences")[METADATA_LICENCE_CODE]


def metadata_licence_uri() -> str:
    """The URL of the metadata licence, for `sdLicense` and `rel="license"`."""
    uri = licence_uri(METADATA_LICENCE_CODE)
    assert uri is not None  # CC0 has one
    return uri


def licence_uri(code: str) -> str | None:
    """The canonical URL of a licence (its steward's page, else SPDX's); None for
    `all-rights-reserved`, which no URL stands for."""
    return vocabulary("licences")[code].uri


def is_open_licence(code: str) -> bool:
    """Whether the licence makes materials open educational resources (see licences.json)."""
    return bool(vocabulary("licences")[code].extra.get("open"))


def iso_duration(hours: Decimal) -> str:
    """ISO 8601 (and `xsd:duration`) of a number of hours: `PT25H`, `PT12H30M`, `PT30M`.

    The one duration function of every output (schema.org, AMB, ELM, QDR). Minutes instead
    of a decimal fraction of hours, because several consumers (the AMB duration pattern
    among them) accept fractions only on seconds.
    """
    minutes = int((hours * 60).to_integral_value())
    whole, rest = divmod(minutes, 60)
    text = "PT"
    if whole:
        text += f"{whole}H"
    if rest or not whole:
        text += f"{rest}M"
    return text


def midnight_utc(day: dt.date) -> str:
    """A calendar day as an RFC 3339 date-time with offset: `2026-03-01T00:00:00+00:00`."""
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC).isoformat()


def atom_date(day: dt.date) -> str:
    """A calendar day as an Atom/RFC 3339 timestamp: `2026-03-01T00:00:00Z`."""
    return f"{day.isoformat()}T00:00:00Z"
