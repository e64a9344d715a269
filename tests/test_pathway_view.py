"""The pathway page's computed parts: the diagram's layout, next sessions, countries."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from conftest import ROOT

from generator.content.catalogue import Catalogue, load_catalogue
from generator.site.pathway_view import WIDTH, layout, next_session, pathway_view


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return load_catalogue(ROOT / "content")


def test_boxes_stack_top_to_bottom_without_overlapping(sample: Catalogue):
    diagram = layout(sample, sample.objects["pathways"]["smart-factory-technician"])
    boxes = [box for stage in diagram.stages for box in stage.boxes] + [diagram.credential]
    for upper, lower in itertools.pairwise(boxes):
        assert upper.y + upper.height <= lower.y
    assert all(box.x + box.width <= WIDTH for box in boxes)
    assert diagram.height >= diagram.credential.y + diagram.credential.height
    assert [len(stage.boxes) for stage in diagram.stages] == [3, 1]


def test_long_titles_wrap_and_the_box_grows(sample: Catalogue):
    diagram = layout(sample, sample.objects["pathways"]["smart-factory-technician"])
    box = diagram.stages[0].boxes[2]
    assert box.lines == ["Operating industrial and collaborative", "robots safely"]
    assert box.height == 20 * 3 + 14


def test_the_next_session_is_the_first_one_from_the_build_date(sample: Catalogue):
    unit = sample.units["industrial-robot-operation"]
    starts = sorted(session.start for session in unit.sessions)
    assert next_session(unit, starts[0]).start == starts[0]
    assert next_session(unit, starts[0] + dt.timedelta(days=1)).start == starts[1]
    assert next_session(unit, starts[-1] + dt.timedelta(days=1)) is None


def test_the_next_session_follows_source_date_epoch(sample: Catalogue, monkeypatch):
    unit = sample.units["industrial-robot-operation"]
    first = min(session.start for session in unit.sessions)
    after = dt.datetime.combine(first + dt.timedelta(days=1), dt.time(), dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(after.timestamp())))
    assert next_session(unit).start > first


def test_a_transnational_pathway_names_both_countries(sample: Catalogue):
    view = pathway_view(sample, sample.objects["pathways"]["hospitality-and-tourism-host"])
    assert view.countries == ["AT", "CH", "IT"]
    assert set(view.sessions) == {"food-hygiene-haccp-basics", "kitchen-food-waste-reduction",
                                  "retail-sales-and-customer-advice",
                                  "guest-service-and-complaints", "hotel-front-office-digital",
                                  "sustainable-tourism-experiences"}
