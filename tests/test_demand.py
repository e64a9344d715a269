"""Labour-market demands (generator/content/models/demand.py): strict, with plain-words errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, ContentTree

from generator.cli import main
from generator.content.catalogue import load_catalogue

DEMAND = """\
id: need
example: true
title: Forklift drivers (fictional example)
summary: A fictional association needs forklift drivers.
actor:
  name: Example Association (fictional)
  type: employer-association
region:
  country: AT
  nuts: AT13
sector:
  nace: H
occupations:
  - http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755
skills:
  - uri: http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6
    priority: high
    eqf_level: "3"
horizon:
  start: 2027
  end: 2028
evidence:
  - title: Survey (fictional example)
    url: https://example.org/survey
published: 2026-09-01
"""


def check(tree: ContentTree, monkeypatch: pytest.MonkeyPatch, text: str) -> list[str]:
    """`microvet check` output lines for the minimal content plus one demand file."""
    (tree.content / "demands").mkdir(exist_ok=True)
    tree.write("demands", "need", text)
    monkeypatch.chdir(tree.root)
    return CliRunner().invoke(main, ["check"]).stdout.splitlines()


def test_a_valid_demand_is_loaded_with_labels_filled_in(content_tree: ContentTree):
    content_tree.minimal()
    (content_tree.content / "demands").mkdir()
    content_tree.write("demands", "need", DEMAND)
    demand = load_catalogue(content_tree.content).demands["need"]
    assert demand.skills[0].label == "apply hygiene standards"
    assert demand.occupations[0].label == "forklift operator"
    assert (demand.region.country, demand.region.nuts, demand.sector.nace) == ("AT", "AT13", "H")


@pytest.mark.parametrize(("change", "expected"), [
    (("nuts: AT13", "nuts: AT31X"),
     "content/demands/need.yaml:10:9: `region.nuts`: 'AT31X' is not a NUTS code: NUTS codes "
     "start with the country (EL for Greece) and add one to three characters, e.g. DE1, ITH5, "
     "FI197; did you mean 'AT31' (Oberösterreich)?"),
    (("nuts: AT13", "nuts: DE1"),
     "content/demands/need.yaml:9:3: `region`: NUTS region DE1 lies in DE, not in AT: fix "
     "`country` or `nuts`"),
    (("  nace: H", "  naec: H"),
     "content/demands/need.yaml:12:3: unknown field `naec`; did you mean `nace`?"),
    (("    priority: high\n", ""),
     "content/demands/need.yaml:16:5: missing required field `priority` in `skills[0]`"),
    (("priority: high", "priority: urgent"),
     "content/demands/need.yaml:17:15: `skills[0].priority`: 'urgent' is not allowed; allowed: "
     "'high', 'medium' or 'low'"),
    (("d9449998-c1f5-478c-a103-2255398cf0b6", "28cb374e-6261-4133-8371-f9a5470145da"),
     "content/demands/need.yaml:16:5: `skills[0]`: ESCO skill http://data.europa.eu/esco/skill/"
     "28cb374e-6261-4133-8371-f9a5470145da is in ESCO 1.2, but outside the labelled part "
     "bundled with the catalogue (the green, digital, transversal and language collections): "
     "add its `label` (the preferred term shown on the ESCO portal)"),
    (("  start: 2027\n  end: 2028", "  start: 2029\n  end: 2028"),
     "content/demands/need.yaml:20:3: `horizon`: `end` is before `start`"),
])
def test_mistakes_are_reported_where_they_are(content_tree: ContentTree,
                                              monkeypatch: pytest.MonkeyPatch,
                                              change: tuple[str, str], expected: str):
    content_tree.minimal()
    assert change[0] in DEMAND
    assert check(content_tree, monkeypatch, DEMAND.replace(*change)) == [expected]


def test_a_sector_needs_nace_or_isced_f(content_tree: ContentTree,
                                        monkeypatch: pytest.MonkeyPatch):
    content_tree.minimal()
    assert check(content_tree, monkeypatch, DEMAND.replace("sector:\n  nace: H\n", "sector: {}\n")
                 ) == ["content/demands/need.yaml:11:9: `sector`: fill this in — NACE section "
                       "and/or ISCED-F field"]


def test_the_sample_has_six_demands_from_four_countries_all_marked_as_examples():
    catalogue = load_catalogue(ROOT / "content", root=ROOT)
    demands = catalogue.demands.values()
    assert len(demands) >= 6
    assert len({demand.region.country for demand in demands}) >= 4
    assert all(demand.example and "(fictional example)" in demand.title["en"]
               for demand in demands)
    rows = catalogue.skill_gaps()
    assert any(row.covered for row in rows) and any(not row.covered for row in rows)


def test_microvet_new_demand_scaffolds_a_file_that_asks_for_every_mandatory_field(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "content").mkdir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["new", "demand", "my-need"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "content" / "demands" / "my-need.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../../schemas/demand.schema.json\n")
    for field in ("actor:", "region:", "sector:", "skills:", "horizon:", "evidence:",
                  "published:"):
        assert f"\n{field}" in text
