"""The build pipeline without MkDocs (generator/build/pipeline.py): gather, then publish."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT

from generator.build.pipeline import Plan, gather, publish
from generator.content.errors import ContentError
from generator.i18n import DEFAULT_LANGUAGE
from generator.kinds import KINDS, SiteInfo
from generator.outputs import render_outputs
from generator.site.pages import page_language

SITE = SiteInfo(url="https://catalogue.example.org/mv/", markdown_pages=("", "about/"))


@pytest.fixture(scope="module")
def plan() -> Plan:
    return gather(ROOT / "content", ROOT, SITE)


def test_gather_lists_a_page_for_every_object_of_every_kind(plan: Plan):
    for kind in KINDS:
        pages = {page.object_id: page for page in plan.pages
                 if page.kind == kind.name and page.object_id is not None
                 and page_language(page.url) == DEFAULT_LANGUAGE}  # not the `<lang>/` copies
        assert set(pages) == set(plan.catalogue.objects[kind.folder]), kind.name
        for object_id, page in pages.items():
            assert page.url == kind.url(object_id)
            assert page.template == kind.template
            assert page.edit_path == f"content/{kind.folder}/{object_id}.yaml"


def test_page_context_carries_the_object_its_documents_and_its_json_ld(plan: Plan):
    page = plan.by_source["units/barista-basics.md"]
    context = plan.page_context(page)
    assert context["unit"] is plan.catalogue.units["barista-basics"]
    assert [alt["href"] for alt in context["alternates"]] == [
        "units/barista-basics/elm.jsonld", "units/barista-basics/achievement.json",
        "units/barista-basics/unit.json", "units/barista-basics/sessions.ics"]
    assert context["jsonld"][0].data["@id"] == SITE.absolute("units/barista-basics/")
    provider = plan.page_context(plan.by_source["providers/example-hospitality-school-bologna.md"])
    assert provider["training_provider"].id == "example-hospitality-school-bologna"


def test_publish_writes_every_output_and_the_pages_the_shell_renders(plan: Plan,
                                                                     tmp_path: Path):
    site_dir = tmp_path / "site"

    def render_pages(folder: Path) -> None:
        for page in plan.pages:
            target = folder / page.url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"<h1>{page.title}</h1>", encoding="utf-8")

    publish(plan, site_dir, render_pages)
    expected = render_outputs(plan.catalogue, plan.site)
    for path, data in expected.items():
        assert (site_dir / path).read_bytes() == data, path
    assert (site_dir / "units" / "barista-basics" / "index.html").is_file()
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://catalogue.example.org/mv/units/barista-basics/" in sitemap
    assert "https://catalogue.example.org/mv/about/" in sitemap
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging folder left


def test_a_failing_shell_leaves_the_previous_site_untouched(plan: Plan, tmp_path: Path):
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("previous", encoding="utf-8")

    def broken(folder: Path) -> None:
        raise RuntimeError("template error")

    with pytest.raises(RuntimeError, match="template error"):
        publish(plan, site_dir, broken)
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_gather_writes_nothing_and_reports_every_problem(content_tree, tmp_path: Path):
    content_tree.write("units", "broken", "id: broken\ntitle: [\n")
    content_tree.write("units", "other", "id: other\neqf_levle: 3\n")
    with pytest.raises(ContentError) as raised:
        gather(content_tree.content, content_tree.root, SITE)
    paths = {problem.path for problem in raised.value.problems}
    assert {"content/units/broken.yaml", "content/units/other.yaml"} <= paths


def test_unit_json_is_the_same_in_the_bulk_file(plan: Plan, tmp_path: Path):
    publish(plan, tmp_path / "site")
    bulk = json.loads((tmp_path / "site" / "api" / "units.json").read_bytes())
    one = json.loads((tmp_path / "site" / "units" / "barista-basics" / "unit.json").read_bytes())
    assert next(u for u in bulk["units"] if u["id"] == "barista-basics") == one
