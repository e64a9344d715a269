"""The derived pages of issue 15 (generator/site/pages.py `labour_pages`, `embed_pages`) and
their templates: every referenced ESCO skill and occupation has a page; pages are well formed."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from generator.content.catalogue import load_catalogue
from generator.content.labour import SKILL_GROUPS
from generator.content.vocabularies.esco import normalise_uri
from generator.i18n import translate
from generator.site.pages import generated_pages


def test_every_referenced_skill_and_occupation_has_a_page():
    catalogue = load_catalogue(ROOT / "content", root=ROOT)
    urls = {page.url for page in generated_pages(catalogue)}
    skills = {normalise_uri(s.uri) for o in catalogue.outcomes.values() for s in o.esco_skills}
    skills |= {normalise_uri(s.uri) for d in catalogue.demands.values() for s in d.skills}
    occupations = {normalise_uri(o.uri) for kind in (catalogue.units, catalogue.demands)
                   for obj in kind.values() for o in obj.occupations}
    assert {u for u in urls if u.startswith("skills/") and u != "skills/"} == {
        f"skills/{uri.rsplit('/', 1)[1]}/" for uri in skills}
    assert {u for u in urls if u.startswith("occupations/") and u != "occupations/"} == {
        f"occupations/{uri.rsplit('/', 1)[1]}/" for uri in occupations}
    for folder, ids in (("providers", catalogue.providers), ("demands", catalogue.demands)):
        assert {f"embed/{folder}/{key}/" for key in ids} <= urls
    assert {"skills/", "occupations/", "gaps/", "gaps/tool/", "statistics/"} <= urls


PAGES = ["demands/example-logistics-vienna", "skills/28cb374e-6261-4133-8371-f9a5470145da",
         "occupations/eeac6251-1974-42f5-91ed-513c6c883755", "skills", "occupations", "gaps",
         "gaps/tool", "statistics", "embed/demands/example-logistics-vienna",
         "embed/skills/d9449998-c1f5-478c-a103-2255398cf0b6", "embed/providers/"
         "example-hospitality-school-bologna", "embed/occupations/"
         "bf7d8b16-4e2c-48ef-b44e-dc25b2d0ab61"]


@pytest.mark.parametrize("path", PAGES)
def test_one_h1_headings_in_order_no_nested_article(built_site: Path, path: str):
    soup = BeautifulSoup((built_site / path / "index.html").read_text("utf-8"), "lxml")
    main = soup.find("main") or soup.body
    levels = [int(h.name[1]) for h in main.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert not any(article.find_parent("article") for article in soup.find_all("article"))


def test_embeds_need_no_javascript_and_link_out_of_the_frame(built_site: Path):
    page = built_site / "embed" / "demands" / "example-logistics-vienna" / "index.html"
    soup = BeautifulSoup(page.read_text("utf-8"), "lxml")
    assert soup.find("script") is None
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    links = soup.select("main a")
    assert links and all(a["href"].startswith("http") and a["target"] == "_blank"
                         for a in links)
    assert "no offer yet" in soup.get_text() and "Use a warehouse" not in soup.get_text()
    assert soup.find(string="use a warehouse management system") is not None


def test_the_gap_page_ranks_uncovered_skills_by_demands(built_site: Path):
    soup = BeautifulSoup((built_site / "gaps" / "index.html").read_text("utf-8"), "lxml")
    ranking = [li.get_text(" ", strip=True) for li in soup.select("ol.mv-ranking li")]
    assert ranking[0].startswith(("conduct energy audit", "install insulation material",
                                  "operate forklift"))
    assert "asked for by 2 demands" in ranking[0]
    assert all("asked for by 1 demand," in line for line in ranking[3:])
    assert soup.select("tr.mv-gap--covered") and soup.select("tr.mv-gap--open")


def test_the_gap_page_in_german_says_counts_and_priorities_in_german(built_site: Path):
    soup = BeautifulSoup((built_site / "de" / "gaps" / "index.html").read_text("utf-8"), "lxml")
    ranking = [li.get_text(" ", strip=True) for li in soup.select("ol.mv-ranking li")]
    assert "in 2 Bedarfsmeldungen nachgefragt, Priorität hoch" in ranking[0]
    assert any("in 1 Bedarfsmeldung nachgefragt" in line for line in ranking)
    priorities = {td.get_text(" ", strip=True).split(" (")[0]
                  for td in soup.select("table.mv-gaps td[data-label='Priorität']")}
    assert priorities and priorities <= {"hoch", "mittel", "niedrig"}


def test_a_gap_table_cell_names_its_column_for_the_phone_layout(built_site: Path):
    soup = BeautifulSoup((built_site / "gaps" / "index.html").read_text("utf-8"), "lxml")
    table = soup.select_one("table.mv-gaps")
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    for row in table.select("tbody tr"):
        assert [td["data-label"] for td in row.select("td")] == headers[1:]


def test_pages_about_the_whole_catalogue_change_context_with_it(tmp_path: Path):
    """`microvet serve` re-renders a non-object page only when its context changes."""
    first = load_catalogue(ROOT / "content", root=ROOT)
    second = load_catalogue(ROOT / "content", root=ROOT)
    before = {p.src_uri: p.context for p in generated_pages(first)}
    after = {p.src_uri: p.context for p in generated_pages(second)}
    for src in ("gaps/index.md", "statistics/index.md", "skills/index.md",
                "skills/28cb374e-6261-4133-8371-f9a5470145da.md", "embed/demands/"
                "example-logistics-vienna.md"):
        assert before[src] != after[src]


def test_skill_groups_are_named_in_the_page_s_language(built_site: Path):
    def groups(path: str) -> list[str]:
        soup = BeautifulSoup((built_site / path).read_text("utf-8"), "lxml")
        return [a.get_text() for a in soup.select(".mv-skills nav a")]

    english = groups("skills/index.html")
    assert english[-1] == "Other skills" and set(english) <= set(SKILL_GROUPS.values())
    german = groups("de/skills/index.html")
    assert german == [translate("de", SKILL_GROUPS[code]) for code in
                      [next(c for c, label in SKILL_GROUPS.items() if label == name)
                       for name in english]]
    assert "Andere Fertigkeiten" in german and not set(german) & set(english)
