"""Dates that are true: the build date, past and upcoming sessions, and what the metadata
publishes as an offer."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from harvest_content import SITE, catalogue_of, rich_tree

from generator.content.catalogue import Catalogue
from generator.content.history import build_date
from generator.outputs import elm, schemaorg

PAST_SESSION = """\
  - start: 2025-10-01
    application_deadline: 2025-09-15
    location: online
    enrol_url: https://example.org/enrol/past
  - start: 2026-01-20
    application_deadline: 2025-12-20
    location: online
    enrol_url: https://example.org/enrol/deadline-passed
"""


def test_the_build_date_is_source_date_epoch_when_set(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert build_date() == dt.date(2026, 1, 1)


def test_the_build_date_is_the_clock_otherwise(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_date() == dt.datetime.now(dt.UTC).date()


@pytest.fixture
def catalogue(content_tree, monkeypatch) -> Catalogue:
    """The rich unit with a session that has started and one whose deadline has passed."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    rich_tree(content_tree)
    path = content_tree.content / "units" / "barista.yaml"
    path.write_text(path.read_text().replace("sessions:\n", "sessions:\n" + PAST_SESSION, 1))
    return catalogue_of(content_tree)


def test_a_session_is_past_once_started_or_closed(catalogue):
    unit = catalogue.units["barista"]
    assert catalogue.today == dt.date(2026, 1, 1)
    assert [s.start for s in catalogue.past_sessions(unit)] == [
        dt.date(2026, 1, 20), dt.date(2025, 10, 1)]
    assert [s.start for s in catalogue.upcoming_sessions(unit)] == [
        dt.date(2027, 3, 1), dt.date(2027, 9, 1)]
    assert catalogue.next_session(unit).start == dt.date(2027, 3, 1)


def test_schemaorg_offers_only_upcoming_course_instances(catalogue):
    course = schemaorg.course(catalogue, catalogue.units["barista"], SITE)
    assert [i["startDate"] for i in course["hasCourseInstance"]] == ["2027-03-01", "2027-09-01"]


def test_a_unit_whose_sessions_are_all_past_offers_an_undated_instance(catalogue, content_tree):
    unit = catalogue.units["barista"]
    later = dataclasses.replace(catalogue, today=dt.date(2028, 1, 1))
    [instance] = schemaorg.course(later, unit, SITE)["hasCourseInstance"]
    assert "startDate" not in instance


def test_the_elm_learning_schedule_has_only_upcoming_sessions(catalogue):
    graph = elm.unit_to_elm(catalogue, catalogue.units["barista"], SITE)["@graph"]
    sessions = [node["temporal"]["startDate"] for node in graph[1:]]
    assert sessions == ["2027-03-01T00:00:00", "2027-09-01T00:00:00"]
    assert "enrol/past" not in str(graph)
