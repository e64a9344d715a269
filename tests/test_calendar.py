"""iCalendar files: each unit's upcoming sessions and deadlines, and the catalogue's, parsed
back with the `icalendar` library (RFC 5545)."""

from __future__ import annotations

import datetime as dt

import pytest
from harvest_content import SITE, catalogue_of, rich_tree
from icalendar import Calendar

from generator.content.catalogue import Catalogue
from generator.outputs import calendar, render_outputs

PAST_SESSION = """\
  - start: 2025-03-01
    end: 2025-03-02
    location: online
    enrol_url: https://example.org/enrol/past
"""


@pytest.fixture
def catalogue(content_tree, monkeypatch) -> Catalogue:
    """The rich unit (sessions 2027-03-01 with a place, 2027-09-01 online) plus a past one."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    rich_tree(content_tree)
    path = content_tree.content / "units" / "barista.yaml"
    text = path.read_text()
    path.write_text(text.replace("sessions:\n", "sessions:\n" + PAST_SESSION, 1))
    return catalogue_of(content_tree)


def events(data: bytes) -> list[dict[str, object]]:
    parsed = Calendar.from_ical(data)
    return [{key: event.decoded(key) if key in ("DTSTART", "DTEND", "DTSTAMP") else str(event[key])
             for key in ("UID", "SUMMARY", "DTSTART", "DTEND", "DTSTAMP", "LOCATION", "URL")}
            for event in parsed.walk("VEVENT")]


def test_a_units_calendar_has_its_upcoming_sessions_as_all_day_events(catalogue):
    data = calendar.document(catalogue, catalogue.units["barista"], SITE)
    parsed = Calendar.from_ical(data)
    assert str(parsed["VERSION"]) == "2.0" and str(parsed["PRODID"]) == calendar.PRODUCT
    assert events(data) == [
        {"UID": "barista-2027-03-01@catalogue.example.org", "SUMMARY": "Barista basics",
         "DTSTART": dt.date(2027, 3, 1), "DTEND": dt.date(2027, 3, 6),
         "DTSTAMP": dt.datetime(2026, 2, 10, tzinfo=dt.UTC),
         "LOCATION": "Example Campus, Via Roma 1, Bologna, Italy",
         "URL": "https://example.org/enrol/march"},
        {"UID": "barista-2027-09-01@catalogue.example.org", "SUMMARY": "Barista basics",
         "DTSTART": dt.date(2027, 9, 1), "DTEND": dt.date(2027, 9, 2),
         "DTSTAMP": dt.datetime(2026, 2, 10, tzinfo=dt.UTC), "LOCATION": "Online",
         "URL": "https://example.org/enrol/september"},
    ]


def test_an_application_deadline_is_an_event_of_its_own(catalogue, content_tree):
    path = content_tree.content / "units" / "barista.yaml"
    path.write_text(path.read_text().replace(
        "  - start: 2027-09-01\n", "  - start: 2027-09-01\n    application_deadline: 2027-08-15\n"))
    found = events(calendar.document(catalogue_of(content_tree),
                                     catalogue_of(content_tree).units["barista"], SITE))
    deadline = [e for e in found if e["SUMMARY"] == "Application deadline: Barista basics"]
    assert [(e["DTSTART"], e["DTEND"]) for e in deadline] == [
        (dt.date(2027, 8, 15), dt.date(2027, 8, 16))]


def test_past_sessions_are_left_out(catalogue):
    data = calendar.document(catalogue, catalogue.units["barista"], SITE)
    assert b"2025" not in data.replace(b"DTSTAMP", b"")
    assert all(e["DTSTART"] > dt.date(2026, 1, 1) for e in events(data))


def test_the_catalogue_calendar_holds_every_units_upcoming_sessions(catalogue):
    files = render_outputs(catalogue, SITE)
    whole = events(files["calendar.ics"])
    unit = events(files["units/barista/sessions.ics"])
    assert unit and whole == unit
    assert "calendar.ics" in calendar.render(catalogue, SITE)


def test_a_unit_without_sessions_has_an_empty_but_valid_calendar(content_tree, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    catalogue = catalogue_of(content_tree.minimal())
    parsed = Calendar.from_ical(calendar.document(catalogue, catalogue.units["barista"], SITE))
    assert parsed.walk("VEVENT") == []
