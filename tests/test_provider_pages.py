"""What providers rely on in the built site: field reference, schemas, edit links, freshness."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT

from generator.content.vocabularies import vocabulary
from generator.tools.reference import field_reference, model_docs, used_vocabularies

REPO_EDIT = "https://github.com/microvet-catalogue/microvet/edit/main/"
"""repo_url + edit_uri in mkdocs.yml: GitHub's web editor on the main branch."""


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_every_unit_page_links_its_yaml_in_the_web_editor_and_shows_freshness(built_site: Path):
    units = sorted(path.stem for path in (ROOT / "content" / "units").glob("*.yaml"))
    assert units
    for unit_id in units:
        html = page(built_site, f"units/{unit_id}/index.html")
        edit = html.select_one("a.mv-edit__link")
        assert edit is not None, unit_id
        assert edit.get_text() == "Edit this unit"
        assert edit["href"] == f"{REPO_EDIT}content/units/{unit_id}.yaml"
        facts = {dt.get_text(strip=True): dd for dt, dd in
                 zip(html.select(".mv-factsheet dt"), html.select(".mv-factsheet dd"),
                     strict=True)}
        updated = facts["Last updated"].select_one("time")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", updated["datetime"]), unit_id


def test_the_field_reference_page_is_in_the_navigation(built_site: Path):
    home = page(built_site, "index.html")
    links = {a.get_text(strip=True): a["href"] for a in home.select("nav.md-nav a[href]")}
    assert links["Field reference"] == "reference/fields/"


def test_the_field_reference_lists_every_field_with_its_need_and_meaning(built_site: Path):
    html = page(built_site, "reference/fields/index.html")
    assert html.h1.get_text() == "Field reference"
    for doc in model_docs():
        rows = html.select(f"#{doc.kind} + p + div table tbody tr")
        shown = [row.th.get_text() for row in rows]
        assert shown == [field.path for field in doc.rows()]
    hours = html.select_one("#unit-workload-hours").find_all("td")
    assert [td.get_text() for td in hours] == [
        "mandatory", "a number, e.g. 25 or 12.5",
        "Total notional learning hours (teaching, practice and self-study)."]
    mode = " ".join(html.select_one("#unit-mode").find_all("td")[1].get_text().split())
    assert mode == ("a code from Modes of learning and assessment: blended, online, onsite, "
                    "work-based")


def test_the_field_reference_lists_every_allowed_value_with_its_label(built_site: Path):
    html = page(built_site, "reference/fields/index.html")
    for vocab in used_vocabularies():
        rows = html.select(f"#values-{vocab.name} + p + div table tbody tr")
        assert [row.td.get_text() for row in rows] == list(vocab.codes()), vocab.name
    eqf3 = [td.get_text() for td in html.select("#values-eqf_levels + p + div tbody tr")[2]]
    term = vocabulary("eqf_levels")["3"]
    assert eqf3 == ["3", "EQF level 3", term.description, term.extra["knowledge"],
                    term.extra["skills"], term.extra["responsibility_autonomy"]]
    isced = {row.td.get_text(): row.find_all("td")[1].get_text()
             for row in html.select("#values-isced_f + p + div tbody tr")}
    assert isced["1013"] == "Hotel, restaurants and catering"
    methods = {row.td.get_text(): row.find_all("td")[1].get_text()
               for row in html.select("#values-assessment_methods + p + div tbody tr")}
    assert methods["practical"] == "Practical assessment"


def test_the_reference_covers_every_vocabulary_a_field_uses():
    names = [vocab.name for vocab in field_reference()["vocabularies"]]
    assert names == ["languages", "eqf_levels", "isced_f", "modes", "learning_settings",
                     "schedules", "assessment_methods", "supervision", "credential_types",
                     "currencies", "licences", "countries", "target_groups",
                     "outcome_categories", "reuse_levels", "nace_sections"]


def test_the_site_publishes_the_schemas_the_content_files_name(built_site: Path):
    for kind in ("unit", "outcome", "provider"):
        published = built_site / "schemas" / f"{kind}.schema.json"
        assert published.read_bytes() == (ROOT / "schemas" / f"{kind}.schema.json").read_bytes()
    link = page(built_site, "reference/fields/index.html").select_one('a[href$="unit.schema.json"]')
    assert link["href"] == "../../schemas/unit.schema.json"
