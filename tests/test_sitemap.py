"""Tests of the sitemap (generator/site/sitemap.py)."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import subprocess
from pathlib import Path

import pytest
from conftest import ContentTree
from harvest_content import SITE, catalogue_of, dated_catalogue
from lxml import etree

from generator.content.catalogue import Catalogue, load_catalogue
from generator.kinds import SiteInfo
from generator.site import sitemap
from generator.site.pages import generated_pages, markdown_page_dates, markdown_page_urls

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BUILD_EPOCH = "1767225600"


@pytest.fixture
def catalogue(content_tree, monkeypatch) -> Catalogue:
    """The rich unit plus three plain ones: two dated, one with no date at all."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return dated_catalogue(content_tree)


def render(catalogue: Catalogue, site=SITE) -> dict[str, bytes]:
    return sitemap.render(catalogue, site, generated_pages(catalogue))


def test_sitemap_entries(catalogue: Catalogue):
    entries = dict(sitemap.sitemap_entries(catalogue, SITE, generated_pages(catalogue)))
    every_page = {page.url for page in generated_pages(catalogue) if page.in_sitemap} \
        | set(SITE.markdown_pages)
    assert not any(url.startswith("embed/") for url in entries)  # made for iframes, not search
    assert set(entries) == every_page
    dates = {uid: catalogue.dates[uid].updated for uid in catalogue.units}
    derived = ("reference/", "skills/", "occupations/", "gaps/", "statistics/")
    assert {url: day for url, day in entries.items() if not url.startswith(derived)} == {
        "": None, "about/": None, "data/": None,
        "catalogue/": dates["alpha"],
        "pathways/": None,
        "outcomes/digital-orders/": dates["barista"],
        "outcomes/espresso/": dates["alpha"],
        "providers/centre/": dates["alpha"],
        "quality/": None, "quality/centre/": None,
        "units/alpha/": dates["alpha"],
        "units/barista/": dates["barista"],
        "units/undated/": None,
        "units/zulu/": dates["zulu"],
        # index pages of the kinds, with their newest object (none for kinds without objects)
        "units/": dates["alpha"], "outcomes/": dates["alpha"], "providers/": dates["alpha"],
        "recognitions/": None, "demands/": None,
        # index pages of the folders of published files (no 404 on a prefix)
        "api/": None, "api/statistics/": None, "schemas/": None, "feeds/": None,
        "feeds/countries/": None, "feeds/fields/": None,
        "catalogue/page/": dates["alpha"],
    }
    assert list(entries) == sorted(entries)


def test_sitemap_xml_and_its_gzip(catalogue: Catalogue):
    files = render(catalogue, SITE)
    root = etree.fromstring(files["sitemap.xml"])
    urls = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
            for url in root.findall(f"{SITEMAP}url")}
    assert urls["https://catalogue.example.org/mv/units/barista/"] == "2026-02-10"
    assert urls["https://catalogue.example.org/mv/units/undated/"] is None
    assert urls["https://catalogue.example.org/mv/"] is None
    assert gzip.decompress(files["sitemap.xml.gz"]) == files["sitemap.xml"]
    assert files["sitemap.xml.gz"][4:8] == b"\0\0\0\0"  # no timestamp in the gzip header
    assert render(catalogue, SITE) == files


def test_sitemap_index_past_the_limit(catalogue: Catalogue, monkeypatch):
    monkeypatch.setattr(sitemap, "SITEMAP_LIMIT", 5)
    files = render(catalogue, SITE)
    index = etree.fromstring(files["sitemap.xml"])
    assert index.tag == f"{SITEMAP}sitemapindex"
    total = len(sitemap.sitemap_entries(catalogue, SITE, generated_pages(catalogue)))
    numbers = range(1, -(-total // 5) + 1)
    locs = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert locs == [SITE.absolute(f"sitemap-{n}.xml") for n in numbers]
    counts = [len(etree.fromstring(files[f"sitemap-{n}.xml"])) for n in numbers]
    assert counts == [5] * (len(numbers) - 1) + [total - 5 * (len(numbers) - 1)]


def test_built_sitemap_lists_every_page_with_real_dates(built_site: Path, monkeypatch):
    """Every HTML page MkDocs wrote is listed (but the lists for iframes, `embed/`), unit
    pages with their own `updated` date."""
    root = etree.fromstring((built_site / "sitemap.xml").read_bytes())
    site_url = root.findtext(f"{SITEMAP}url/{SITEMAP}loc")
    assert site_url is not None
    listed = {url.findtext(f"{SITEMAP}loc").removeprefix(site_url):
              url.findtext(f"{SITEMAP}lastmod") for url in root.findall(f"{SITEMAP}url")}
    pages = {path.parent.relative_to(built_site).as_posix() + "/"
             for path in built_site.rglob("index.html")}
    # The web editor is a tool for providers, not a page for readers or search engines; the
    # embeddable lists are for other sites' iframes.
    pages = {"" if page == "./" else page for page in pages
             if not page.startswith("embed/")} - {"admin/"}
    assert set(listed) == pages
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    project = built_site.parent
    catalogue = load_catalogue(project / "content", root=project)
    for unit_id, dates in catalogue.dates.items():
        assert listed[f"units/{unit_id}/"] == dates.updated.isoformat(), unit_id
    assert gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()) == (
        built_site / "sitemap.xml").read_bytes()


def test_markdown_pages_for_the_sitemap(tmp_path: Path):
    for name in ("index.md", "about.md", "guide/index.md", "guide/README.md", "guide/step.md",
                 ".drafts/x.md", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    assert markdown_page_urls(tmp_path) == ("", "about/", "guide/", "guide/step/")


def test_markdown_pages_carry_their_last_commit(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    pages = tmp_path / "pages"
    pages.mkdir()
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    for name, day in (("index.md", "2026-01-05"), ("about.md", "2026-02-07"),
                      ("index.md", "2026-03-09")):
        (pages / name).write_text(f"# {day}\n", encoding="utf-8")
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-q", "-m", day], check=True,
                       env={**os.environ, "GIT_COMMITTER_DATE": f"{day}T12:00:00Z",
                            "GIT_AUTHOR_DATE": f"{day}T12:00:00Z"})
    (pages / "draft.md").write_text("# not committed\n", encoding="utf-8")
    dates = markdown_page_dates(pages, tmp_path)
    assert dates == (("", dt.date(2026, 3, 9)), ("about/", dt.date(2026, 2, 7)))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)  # 2026-01-01, for uncommitted pages
    assert dict(markdown_page_dates(pages, tmp_path))["draft/"] == dt.date(2026, 1, 1)
    site = SiteInfo(url=SITE.url, markdown_pages=("", "about/", "draft/"), markdown_lastmod=dates)
    catalogue = catalogue_of(ContentTree(tmp_path).minimal())
    entries = dict(sitemap.sitemap_entries(catalogue, site, generated_pages(catalogue)))
    assert (entries[""], entries["about/"], entries["draft/"]) == (
        dt.date(2026, 3, 9), dt.date(2026, 2, 7), None)


def test_robots_txt_names_the_sitemap(catalogue: Catalogue):
    assert render(catalogue, SITE)["robots.txt"] == (
        b"User-agent: *\nAllow: /\n\nSitemap: https://catalogue.example.org/mv/sitemap.xml\n")
