"""End to end: a real `mkdocs build --strict` of small content trees, asserting on the HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, copy_project, mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.site.plugin import TemplatePage

RICH_UNIT_EXTRA = """\
description: |
  ## What you do

  Pull shots, steam milk and <script>alert(1)</script> keep the bar *clean*.

  [Guide](https://example.org/guide) and [bad](javascript:alert(1))
sessions:
  - start: 2027-03-01
    end: 2027-03-05
    application_deadline: 2027-02-15
    location: {city: Bologna, country: IT, venue: Example Campus}
    enrol_url: https://example.org/enrol
occupations:
  - http://data.europa.eu/esco/occupation/52df9d56-efd4-48d0-ad93-59231943fc4c
published: 2026-01-05
updated: 2026-02-10
"""


@pytest.fixture
def built(content_tree, tmp_path: Path) -> Path:
    content_tree.minimal()
    unit = content_tree.content / "units" / "barista.yaml"
    unit.write_text(unit.read_text() + RICH_UNIT_EXTRA)
    project = copy_project(tmp_path / "project", content=content_tree.content)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING  -" not in result.stderr
    return project / "site"


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_unit_page_is_a_complete_fact_sheet(built: Path):
    html = page(built, "units/barista/index.html")
    assert html.h1.get_text() == "Barista basics"
    facts = {dt.get_text(strip=True): " ".join(dd.get_text().split())
             for dt, dd in zip(html.select(".mv-factsheet dt"), html.select(".mv-factsheet dd"),
                               strict=True)}
    assert facts["Level"].startswith("EQF level 3")
    assert facts["Workload"] == "25 hours · 1 ECTS credit"
    assert facts["Assessment"].startswith("Practical assessment — Supervised, with ID check")
    assert facts["Offered by"].startswith("Example Training Centre (fictional), Bologna, Italy")
    assert facts["Field of education"] == "Hotel, restaurants and catering (ISCED-F 1013)"
    assert facts["Price"] == "Free"
    assert facts["Last updated"] == "10 February 2026"
    licence = html.select_one('.mv-factsheet a[rel="license"]')
    assert licence["href"] == "https://creativecommons.org/licenses/by/4.0/"
    skill = html.select_one(".mv-outcomes a.mv-skill")
    # the skill's own page, which links to ESCO and to every unit teaching the skill
    assert skill["href"] == "../../skills/d9449998-c1f5-478c-a103-2255398cf0b6/"
    enrol = html.select_one(".mv-sessions a")
    assert enrol["href"] == "https://example.org/enrol"
    edit = html.select_one("a.mv-edit__link")
    assert edit["href"] == ("https://github.com/microvet-catalogue/microvet/edit/main/"
                            "content/units/barista.yaml")


def test_markdown_description_is_rendered_without_raw_html(built: Path):
    description = page(built, "units/barista/index.html").select_one(".mv-description")
    # Headings move one level down: the description sits under the page's own h2.
    assert description.h3.get_text() == "What you do"
    assert description.find("script") is None
    assert "<script>alert(1)</script>" in description.get_text()
    hrefs = [a.get("href") for a in description.find_all("a")]
    assert hrefs[0] == "https://example.org/guide"
    assert not any(h and h.startswith("javascript:") for h in hrefs)


def test_outcome_and_provider_pages_list_their_units(built: Path):
    outcome = page(built, "outcomes/espresso/index.html")
    assert [a["href"] for a in outcome.select(".mv-card__title a")] == ["../../units/barista/"]
    provider = page(built, "providers/centre/index.html")
    assert [a.get_text() for a in provider.select(".mv-card__title a")] == ["Barista basics"]
    assert "fictional example" in provider.select_one(".mv-kicker").get_text()


def test_catalogue_lists_every_unit_without_javascript(built: Path):
    catalogue = page(built, "catalogue/index.html")
    cards = catalogue.select("#mv-results .mv-card")
    assert [c.h3.get_text(strip=True) for c in cards] == ["Barista basics"]
    assert "EQF level 3" in cards[0].get_text()


def test_generated_pages_stay_out_of_the_navigation(built: Path):
    home = page(built, "index.html")
    nav_links = [a.get("href", "") for a in home.select("nav.md-nav a")]
    assert nav_links, "the site navigation is present"
    assert not any("units/" in href or "outcomes/" in href for href in nav_links)


def test_unit_json_is_published(built: Path):
    assert (built / "units" / "barista" / "unit.json").is_file()
    assert (built / "api" / "units.txt").read_text().endswith("units/barista/\n")


def test_content_error_fails_the_build_before_writing(content_tree, tmp_path: Path):
    content_tree.minimal()
    unit = content_tree.content / "units" / "barista.yaml"
    unit.write_text(unit.read_text().replace("eqf_level: 3", "eqf_levle: 3"))
    project = copy_project(tmp_path / "project", content=content_tree.content)
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert ("content/units/barista.yaml:6:1: unknown field `eqf_levle`; did you mean "
            "`eqf_level`?") in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()
    assert not list(project.glob(".building-*"))


def test_fact_sheet_golden(built: Path, update_golden: bool):
    """The unit fact sheet, byte for byte; refresh with `pytest --update-golden`."""
    article = page(built, "units/barista/index.html").select_one("div.mv-unit")
    rendered = article.prettify()
    golden = Path(__file__).parent / "golden" / "factsheet-barista.html"
    if update_golden:
        golden.write_text(rendered, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == rendered


def _with_language(project: Path, language: str) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  language: en\n" in text
    config.write_text(text.replace("  language: en\n", f"  language: {language}\n"),
                      encoding="utf-8")
    return project


def test_theme_language_sets_the_interface_language(content_tree, tmp_path: Path):
    content_tree.minimal()
    project = _with_language(copy_project(tmp_path / "project", content=content_tree.content),
                             "it")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((project / "site" / "units" / "barista" / "index.html").read_text(
        encoding="utf-8"), "html.parser")
    assert page.html["lang"] == "it"
    assert page.find(id="facts").get_text() == "Scheda sintetica"
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
             for dt in page.select("dl.mv-factsheet dt")}
    assert facts["Impegno richiesto"] == "25 ore · 1 credito ECTS"
    # the header search (ours: Material's search plugin is off) is worded in Italian too
    assert page.select_one("input.mv-header-search__input")["placeholder"] == "Cerca corsi"


def test_a_theme_language_without_translations_stops_the_build(content_tree, tmp_path: Path):
    content_tree.minimal()
    project = _with_language(copy_project(tmp_path / "project", content=content_tree.content),
                             "nl")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert ("theme.language 'nl' has no microVET translation; use one of en, de, fr, it, es, "
            "pl, fi, or add the language (docs/translating.md)") in result.stderr
    assert not (project / "site").exists()


def test_content_warnings_are_printed_but_do_not_fail_a_strict_build(content_tree, build_project):
    content_tree.minimal()
    unit = content_tree.content / "units" / "barista.yaml"
    unit.write_text(unit.read_text().replace("hours: 25\n  ects: 1", "hours: 60\n  ects: 20"))
    result = build_project(content_tree.content)
    assert result.returncode == 0, result.stderr
    assert ("INFO    -  content/units/barista.yaml:10:3: warning: 20 ECTS for 60 hours is 3 "
            "hours per credit, but one ECTS credit is 25-30 hours (60 hours are about 2-2.4 "
            "ECTS): check `hours` and `ects`\n") in result.stderr


@pytest.mark.parametrize(("unit_id", "materials"), [
    ("forklift-safety-basics", "All rights reserved — ask the provider before reusing them"),
    ("green-skills-at-work", "Creative Commons Attribution-ShareAlike 3.0 Germany (CC BY-SA 3.0 "
                             "DE) — open: anyone may reuse and adapt them"),
    ("cafe-bar-operations", "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 "
                            "International (CC BY-NC-SA 4.0) — not open: reuse only as its "
                            "terms allow"),
])
def test_the_unit_page_says_what_each_licence_covers(built_site, unit_id, materials):
    html = BeautifulSoup((built_site / "units" / unit_id / "index.html").read_text(),
                         "html.parser")
    facts = {dt.get_text(" ", strip=True): dd.get_text(" ", strip=True)
             for dt, dd in zip(html.select(".mv-factsheet dt"), html.select(".mv-factsheet dd"),
                               strict=True)}
    assert facts["Licence of the course materials"] == materials
    assert facts["Licence of this description"] == (
        "CC0 1.0 — this page's text and its metadata are free to reuse for any purpose")


@pytest.mark.parametrize("source", ["", "## What you do\n\nSee [the guide](https://example.org/)."])
def test_a_template_page_renders_its_markdown_as_mkdocs_does(source: str):
    """Generated pages skip MkDocs' Markdown converter for their empty source (TemplatePage):
    the page comes out as MkDocs' own conversion makes it, empty or not."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = "microvet"  # as while MkDocs runs the plugin's on_files
    rendered = []
    for kind in (Page, TemplatePage):
        page = kind(None, File.generated(config, "units/x.md", content=source), config)
        page.read_source(config)
        page.render(config, Files([]))
        rendered.append((page.content, [(item.title, item.id) for item in page.toc],
                         page.title, page.present_anchor_ids, page.links_to_anchors))
    assert rendered[0] == rendered[1]
    assert bool(rendered[1][0]) == bool(source)
