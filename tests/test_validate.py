"""`microvet validate SITE_DIR`: the aggregators' validators over a built site, exit 0 or 1."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator import i18n
from generator.cli import main
from generator.tools import standards
from generator.tools.validate import validate_site

STANDARDS = {"AMB", "Atom", "ELM 3.1 LOQ shapes", "Open Badges 3.0", "QDR loq.xsd",
             "schema.org 30.0", "sitemaps.org"}


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built sample site that a test may break."""
    return Path(shutil.copytree(built_site, tmp_path / "site"))


def run(*args: str) -> Any:
    return CliRunner().invoke(main, ["validate", *args])


def first_unit(site: Path) -> str:
    return sorted(path.name for path in (site / "units").iterdir())[0]


def test_the_sample_site_is_valid_for_every_standard(built_site: Path, tmp_path: Path):
    summary = tmp_path / "summary.md"
    result = run(str(built_site), "--summary", str(summary))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    report = validate_site(built_site)
    assert set(report.checked) == STANDARDS
    units = len([path for path in (built_site / "units").iterdir() if path.is_dir()])
    assert report.checked["ELM 3.1 LOQ shapes"] == units
    # every unit page has its AMB block, the pages in other languages (`de/units/...`) too
    unit_pages = [*(built_site / "units").glob("*/index.html"), *(
        page for language in i18n.LANGUAGES if language != i18n.DEFAULT_LANGUAGE
        for page in (built_site / language / "units").glob("*/index.html"))]
    assert len(unit_pages) > units
    assert report.checked["AMB"] == len(unit_pages)
    assert result.stderr == f"{sum(report.checked.values())} documents checked, 0 problem(s)\n"
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Aggregators' validators\n\n**no problems**\n")
    assert f"| ELM 3.1 LOQ shapes | {units} |" in text


def test_a_broken_amb_block_and_feed_and_sitemap(site_copy: Path):
    unit = first_unit(site_copy)
    page = site_copy / "units" / unit / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count("https://w3id.org/kim/hcrt/course") == 1  # the AMB block's resource type
    page.write_text(html.replace("https://w3id.org/kim/hcrt/course", "https://example.org/x"),
                    encoding="utf-8")
    feed = site_copy / "feed.xml"
    feed.write_bytes(feed.read_bytes().replace(b"<title>", b"<name>", 1).replace(
        b"</title>", b"</name>", 1))
    sitemap = site_copy / "sitemap.xml"
    sitemap.write_bytes(sitemap.read_bytes().replace(b"</loc>", b"nowhere/</loc>", 1))
    lines = run(str(site_copy)).stdout.splitlines()
    assert "feed.xml: Atom: feed has 0 title" in lines
    assert any(line.startswith("sitemap.xml: sitemaps.org: loc ") and
               line.endswith("nowhere/ names a page the site does not have") for line in lines)
    assert (f"units/{unit}/index.html: AMB: block 2: learningResourceType: None of "
            "[{'id': 'https://example.org/x', 'prefLabel': {'de': 'Kurs', 'en': 'Course'}}] "
            "are valid under the given schema") in lines


def test_each_broken_document_is_one_clear_line(site_copy: Path):
    unit = first_unit(site_copy)
    path = site_copy / "units" / unit / "achievement.json"
    badge = json.loads(path.read_bytes())
    del badge["criteria"]
    path.write_text(json.dumps(badge), encoding="utf-8")
    path = site_copy / "units" / unit / "elm.jsonld"
    document = json.loads(path.read_bytes())
    document["@graph"][0]["colour"] = "blue"
    path.write_text(json.dumps(document), encoding="utf-8")
    (site_copy / "feed.xml").unlink()
    (site_copy / "catalogue.jsonld").write_text("{", encoding="utf-8")
    result = run(str(site_copy))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "catalogue.jsonld: schema.org 30.0: not JSON: Expecting property name enclosed in "
        "double quotes: line 1 column 2 (char 1)",
        "feed.xml: missing: the build publishes this file",
        f"units/{unit}/achievement.json: Open Badges 3.0: (root): "
        "'criteria' is a required property",
        f"units/{unit}/elm.jsonld: ELM 3.1 LOQ shapes: dropped on expansion: ['colour']",
    ]
    assert result.stderr.endswith(" documents checked, 4 problem(s)\n")


def test_without_the_extra_it_says_how_to_install_it(built_site: Path,
                                                       monkeypatch: pytest.MonkeyPatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(standards.importlib.util, "find_spec",
                        lambda name: None if name == "pyshacl" else real(name))
    result = run(str(built_site))
    assert result.exit_code == 1
    assert result.output == (
        "Error: microvet validate needs the standards validators, not installed here "
        "(missing: pyshacl). Install them with: pip install -e \".[validate]\"\n")


def test_a_folder_that_is_not_a_site(tmp_path: Path):
    result = run(str(tmp_path))
    assert result.exit_code == 1
    assert result.output == (f"Error: {tmp_path} is not a built site (no index.html): "
                             "run `microvet build` first\n")
