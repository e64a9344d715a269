"""The pathway page's computed parts: the diagram's layout, next sessions, countries."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from conftest import ROOT

from generator.content.catalogue import Catalogue, load_catalogue
from generator.site.pathway_view import HEADING_WRAP, WIDTH, layout, next_session, pathway_view


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


def test_the_diagram_is_worded_in_the_page_s_language(sample: Catalogue):
    pathway = sample.objects["pathways"]["care-assistant-older-adults"]
    spanish = layout(sample, pathway, "es")
    first = spanish.stages[0].boxes[0]
    assert first.lines == ["Atención centrada en la persona mayor"] and first.language == "es"
    english = layout(sample, pathway)
    assert english.stages[0].boxes[0].lines == ["Person-centred care for older adults"]
    assert spanish.stages[0].heading[0][0] == "Etapa 1 · Cuidado centrado en la persona"


def test_a_stage_heading_too_long_for_one_line_puts_its_rule_below(sample: Catalogue):
    pathway = sample.objects["pathways"]["care-assistant-older-adults"]
    spanish = layout(sample, pathway, "es")
    long, short = spanish.stages[0], spanish.stages[2]
    assert long.heading == [("Etapa 1 · Cuidado centrado en la persona", ""),
                            ("", "— todas estas")]
    assert short.heading == [("Etapa 3 · Coordinación", "— todas estas")]
    assert long.boxes[0].y - long.y == short.boxes[0].y - short.y + 20  # one line more
    for stage in spanish.stages:
        assert all(len(bold) + len(plain) + 1 <= HEADING_WRAP for bold, plain in stage.heading)
