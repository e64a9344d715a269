"""The skills-gap downloads and `microvet gaps` (generator/outputs/labour.py, generator/cli.py)."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import ROOT, ContentTree
from labour_content import FORKLIFT, HYGIENE, PYTHON, labour_tree

from generator.cli import main
from generator.kinds import SiteInfo
from generator.outputs import labour

SITE = SiteInfo("https://example.org/cat/")


def test_the_csv_parses_back_to_the_gap_rows(content_tree: ContentTree):
    files = labour.render(labour_tree(content_tree), SITE)
    rows = list(csv.DictReader(io.StringIO(files["api/gaps.csv"].decode("utf-8"))))
    assert [(r["skill_uri"], r["covered"], r["demands"], r["units"], r["priority"]) for r in rows] \
        == [(FORKLIFT, "no", "need other", "", "high"), (PYTHON, "no", "other", "", "low"),
            (HYGIENE, "yes", "need", "barista", "high")]
    assert rows[2]["skill_page"] == "https://example.org/cat/skills/" + HYGIENE[-36:] + "/"
    assert tuple(rows[0]) == labour.CSV_COLUMNS


def test_the_json_is_valid_against_the_published_schema(content_tree: ContentTree):
    files = labour.render(labour_tree(content_tree), SITE)
    schema = json.loads(files["api/gaps.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads(files["api/gaps.json"])
    jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER).validate(document)
    assert document["$schema"] == "https://example.org/cat/api/gaps.schema.json"
    assert [(d["id"], d["country"], d["nuts"], [s["skill_label"] for s in d["skills"]])
            for d in document["demands"]] == [
        ("need", "AT", "AT13", ["operate forklift", "apply hygiene standards"]),
        ("other", "DE", None, ["operate forklift", "Python (computer programming)"])]
    broken = {**document, "skills": [{**document["skills"][0], "covered": "no"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_the_sample_downloads_validate(tmp_path):
    from generator.content.catalogue import load_catalogue
    files = labour.render(load_catalogue(ROOT / "content", root=ROOT), SITE)
    schema = json.loads(files["api/gaps.schema.json"])
    jsonschema.validate(json.loads(files["api/gaps.json"]), schema)
    rows = list(csv.DictReader(io.StringIO(files["api/gaps.csv"].decode("utf-8"))))
    assert {row["covered"] for row in rows} == {"yes", "no"}


def test_the_tool_data_links_skills_units_and_occupations(content_tree: ContentTree):
    data = labour.tool_data(labour_tree(content_tree), SITE)
    assert data["units"] == [["barista", "Barista basics", "units/barista/"]]
    assert [skill[:2] + skill[3:] for skill in data["skills"]] == [
        [HYGIENE, "apply hygiene standards", [0], 1], [FORKLIFT, "operate forklift", [], 2],
        [PYTHON, "Python (computer programming)", [], 1]]
    assert data["occupations"] == [
        ["barista", "occupations/bf7d8b16-4e2c-48ef-b44e-dc25b2d0ab61/", [0]],
        ["forklift operator", "occupations/eeac6251-1974-42f5-91ed-513c6c883755/", [0, 1, 2]]]


MARKDOWN = """\
| Skill | Priority | Demands | Taught by |
|---|---|---|---|
| operate forklift | high | 2 | **no offer yet** |
| Python (computer programming) | low | 1 | **no offer yet** |
| apply hygiene standards | high | 1 | barista |

2 of 3 demanded skills have no offer yet.
"""


def run(content_tree: ContentTree, monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    labour_tree(content_tree)
    monkeypatch.chdir(content_tree.root)
    monkeypatch.setenv("MICROVET_SITE_URL", "https://example.org/cat/")
    result = CliRunner().invoke(main, ["gaps", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_microvet_gaps_prints_a_markdown_table(content_tree: ContentTree,
                                               monkeypatch: pytest.MonkeyPatch):
    assert run(content_tree, monkeypatch) == MARKDOWN


def test_microvet_gaps_filters_by_demand_and_country(content_tree: ContentTree,
                                                     monkeypatch: pytest.MonkeyPatch):
    assert run(content_tree, monkeypatch, "--demand", "need") == (
        "| Skill | Priority | Demands | Taught by |\n|---|---|---|---|\n"
        "| operate forklift | high | 1 | **no offer yet** |\n"
        "| apply hygiene standards | high | 1 | barista |\n\n"
        "1 of 2 demanded skills have no offer yet.\n")
    assert run(content_tree, monkeypatch, "--country", "fr") == "No demanded skills match.\n"


def test_microvet_gaps_csv_and_json_are_the_downloads(content_tree: ContentTree,
                                                      monkeypatch: pytest.MonkeyPatch):
    files = labour.render(labour_tree(content_tree), SITE)
    # Click's test runner reads CRLF line ends as LF
    assert run(content_tree, monkeypatch, "--format", "csv") == \
        files["api/gaps.csv"].decode("utf-8").replace("\r\n", "\n")
    assert json.loads(run(content_tree, monkeypatch, "--format", "json")) == \
        json.loads(files["api/gaps.json"])["skills"]


def test_microvet_gaps_names_an_unknown_demand(content_tree: ContentTree,
                                               monkeypatch: pytest.MonkeyPatch):
    labour_tree(content_tree)
    monkeypatch.chdir(content_tree.root)
    result = CliRunner().invoke(main, ["gaps", "--demand", "ned"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for --demand: there is no demand 'ned' in content/demands; "
        "did you mean 'need'?")


def test_the_default_site_url_is_mkdocs_ymls():
    assert f'"{labour.DEFAULT_SITE_URL}"' in (ROOT / "mkdocs.yml").read_text()


@pytest.mark.parametrize(("taught_by", "named", "more"), [(5, 5, None), (6, 5, "and 1 more"),
                                                           (40, 5, "and 35 more")])
def test_a_gap_row_names_five_units_and_links_to_the_skill_page_for_the_rest(
        taught_by: int, named: int, more: str | None):
    """The gaps page has a table per demand, country and sector: a skill taught by thousands
    of units must not list them all in each (10 MB at 10,000 units)."""
    from types import SimpleNamespace

    from bs4 import BeautifulSoup
    from jinja2 import Environment, FileSystemLoader, pass_context

    from generator.site import templating

    env = Environment(loader=FileSystemLoader(str(ROOT / "theme")), autoescape=False)
    env.filters["url"] = pass_context(lambda context, path: path)  # (MkDocs' is relative)
    templating.register(env)
    units = {f"u{n}": SimpleNamespace(title={"en": f"Unit {n}"}) for n in range(taught_by)}
    row = SimpleNamespace(skill=SimpleNamespace(url="skills/hygiene/", label="Hygiene"),
                          covered=True, priority="high", eqf_levels=[], demands=["need"],
                          units=list(units))
    html = env.get_template("partials/gap-table.html").render(
        rows=[row], caption="Italy", catalogue=SimpleNamespace(units=units), language="en")
    links = BeautifulSoup(html, "html.parser").select("tbody td a")
    assert [a.get_text() for a in links[:named]] == [f"Unit {n}" for n in range(named)]
    assert [a["href"] for a in links[named:]] == ([] if more is None else
                                                  ["skills/hygiene/#units"])
    assert [a.get_text() for a in links[named:]] == ([] if more is None else [more])
