"""Odd but valid text is published as text: a real build of the payload content, parsed.

Every page and document of the built site is walked (inert.py), so outputs added later are
covered without touching this file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from lxml import etree

from .inert import json_ld_blocks, site_problems, strings_in
from .payloads import KEYWORDS, MARKDOWN, SHOWN, payload

EVERY_FIELD = sorted({field for fields in SHOWN.values() for field in fields} | {
    "session-address"})


def soup_of(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def test_no_page_or_document_of_the_hostile_site_can_run_injected_script(hostile_site: Path):
    assert site_problems(hostile_site) == []


def test_no_page_or_document_of_the_sample_site_can_run_injected_script(built_site: Path):
    assert site_problems(built_site) == []


@pytest.mark.parametrize(("url", "field"), [(url, field) for url, fields in SHOWN.items()
                                            for field in fields])
def test_the_text_is_shown_as_written(hostile_site: Path, url: str, field: str):
    """Escaped, not stripped: the reader sees exactly what the provider wrote."""
    assert payload(field) in soup_of(hostile_site, url).get_text()


def test_title_and_description_in_the_head_are_escaped_exactly_once(hostile_site: Path):
    head = soup_of(hostile_site, "units/evil-unit").head
    assert head is not None and head.title is not None
    assert head.title.get_text() == f"{payload('unit-title')} - microVET catalogue"
    description = head.find("meta", attrs={"name": "description"})
    assert isinstance(description, Tag)
    assert description["content"] == payload("unit-summary")


@pytest.mark.parametrize(("source", "html"), MARKDOWN, ids=[html[:40] for _, html in MARKDOWN])
def test_markdown_in_a_description_cannot_make_markup_or_script_links(hostile_site: Path,
                                                                       source: str, html: str):
    description = soup_of(hostile_site, "units/evil-unit").find(class_="mv-description")
    assert isinstance(description, Tag)
    assert html in description.decode_contents()


def test_embedded_json_ld_parses_and_carries_the_text_unchanged(hostile_site: Path):
    blocks = json_ld_blocks(hostile_site / "units" / "evil-unit" / "index.html")
    if not blocks:
        pytest.skip("no JSON-LD is embedded in unit pages yet")
    assert payload("unit-title") in set(strings_in(blocks))


def test_plain_json_keeps_every_text_unchanged(hostile_site: Path):
    data = json.loads((hostile_site / "units" / "evil-unit" / "unit.json").read_text("utf-8"))
    strings = set(strings_in(data))
    assert [field for field in EVERY_FIELD if payload(field) not in strings] == []
    assert set(KEYWORDS) <= strings


def test_xml_documents_keep_the_text_as_text(hostile_site: Path):
    """Wherever an XML document (feed, QDR export) carries the title, it is the exact text."""
    documents = sorted(hostile_site.rglob("*.xml"))
    assert documents, "the site publishes no XML"
    for path in documents:
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        texts = set(tree.getroot().itertext()) | {
            value for element in tree.iter() for value in element.attrib.values()}
        mentions = [text for text in texts if "alert('unit-title')" in text]
        assert all(payload("unit-title") in text for text in mentions), path
