"""The provider documentation stays true: README commands, the workflow, CONTRIBUTING's example."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT

from generator.cli import main
from generator.content.catalogue import load_catalogue
from generator.content.sources import parse_source
from generator.tools.diff import diff_revisions

README = (ROOT / "README.md").read_text(encoding="utf-8")
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "catalogue.yml").read_text())
SAMPLE_UNIT = ROOT / "content" / "units" / "barista-basics.yaml"
SAMPLE_DEMAND = ROOT / "content" / "demands" / "example-logistics-vienna.yaml"
PROVIDERS_PART, PARTNERS_PART = CONTRIBUTING.split("\n## For labour-market partners", 1)
"""CONTRIBUTING's part for providers (the unit example) and for labour-market partners."""


def blocks(markdown: str, language: str) -> list[str]:
    """The fenced code blocks of one language, in order."""
    return re.findall(rf"^```{language}\n(.*?)^```$", markdown, flags=re.MULTILINE | re.DOTALL)


def run_steps(job: str) -> list[str]:
    return [step["run"] for step in WORKFLOW["jobs"][job]["steps"] if "run" in step]


TEST_COMMAND = ('python3 -m venv .venv && .venv/bin/python -m pip install -q -c constraints.txt '
                '-e ".[test]" && npm ci --ignore-scripts --no-audit --no-fund '
                '&& .venv/bin/python -m pytest')


def test_readme_starts_with_the_two_commands():
    assert README.startswith(
        "# microVET catalogue\n\n```sh\n"
        "python3 -m venv .venv && .venv/bin/python -m pip install -q -c constraints.txt -e . "
        "&& .venv/bin/microvet build\n" + TEST_COMMAND + "\n```\n")


def test_ci_runs_the_readme_test_command_with_types_and_lint():
    steps = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
             if line.startswith((".venv/", "python3 -m venv", "npm "))]
    assert steps == ["python3 -m venv .venv",
                     '.venv/bin/python -m pip install -q -c constraints.txt -e ".[test]"',
                     "npm ci --ignore-scripts --no-audit --no-fund",
                     ".venv/bin/python -m ruff check .",
                     ".venv/bin/python -m mypy --strict generator",
                     ".venv/bin/python -m pytest"]
    assert " && ".join(steps[:3] + steps[-1:]) == TEST_COMMAND


def test_the_workflow_runs_the_readme_commands():
    assert run_steps("check") == [
        'python3 -m pip install -c constraints.txt -e ".[validate]"',
        "microvet check --format github",
        "microvet build",
        'microvet validate site --summary "$GITHUB_STEP_SUMMARY"',
        'microvet diff "origin/$BASE_REF" HEAD >> "$GITHUB_STEP_SUMMARY"',
    ]
    assert run_steps("deploy") == ["python3 -m pip install -c constraints.txt -e .",
                                   "microvet build"]
    for command in ('python3 -m pip install -c constraints.txt -e ".[validate]"',
                    "microvet check --format github", "microvet build",
                    'microvet validate site --summary "$GITHUB_STEP_SUMMARY"',
                    'microvet diff "origin/$BASE_REF" HEAD'):
        assert f"`{command}`" in README, command


def test_the_workflow_previews_pull_requests_and_deploys_main_to_pages():
    assert set(WORKFLOW[True]) == {"pull_request", "push", "workflow_dispatch",  # YAML 1.1 "on"
                                   "schedule"}
    assert WORKFLOW[True]["schedule"] == [{"cron": "17 3 * * *"}]  # daily: dates stay true
    check_uses = [step.get("uses", "") for step in WORKFLOW["jobs"]["check"]["steps"]]
    assert "actions/upload-artifact@v4" in check_uses
    deploy = WORKFLOW["jobs"]["deploy"]
    uses = [step["uses"] for step in deploy["steps"] if "uses" in step]
    assert uses[-2:] == ["actions/upload-pages-artifact@v3", "actions/deploy-pages@v4"]
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert WORKFLOW["jobs"]["check"]["steps"][0]["with"]["fetch-depth"] == 0


def test_contributing_links_the_field_reference_of_the_default_site():
    site_url = re.search(r'site_url: !ENV \[MICROVET_SITE_URL, "(.*)"\]',
                         (ROOT / "mkdocs.yml").read_text()).group(1)
    assert f"({site_url}reference/fields/)" in CONTRIBUTING


# --- the worked example ---------------------------------------------------------------------


def taken_from(example: object, real: object) -> bool:
    """Every value in `example` is in `real` (which may have more optional fields)."""
    if isinstance(example, dict) and isinstance(real, dict):
        return all(key in real and taken_from(value, real[key]) for key, value in example.items())
    return example == real


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy of the sample content in tmp_path (the project root)."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def test_the_worked_example_is_the_sample_unit_and_is_valid_alone(sample: Path):
    example = blocks(PROVIDERS_PART, "yaml")[-1]
    parsed, problems = parse_source(example, "example.yaml")
    real, _ = parse_source(SAMPLE_UNIT.read_text(encoding="utf-8"), "sample.yaml")
    assert problems == [] and parsed is not None and real is not None
    assert taken_from(parsed.data, real.data)
    assert example.splitlines()[0] == SAMPLE_UNIT.read_text().splitlines()[0]
    (sample / "content" / "units" / "barista-basics.yaml").write_text(example)
    catalogue = load_catalogue(sample / "content", root=sample)
    assert catalogue.units["barista-basics"].price.amount == 180


def test_the_worked_example_shows_real_output(sample: Path, monkeypatch: pytest.MonkeyPatch):
    created, scaffold_check, typo, summary = blocks(PROVIDERS_PART, "text")
    monkeypatch.chdir(sample)
    unit = sample / "content" / "units" / "barista-basics.yaml"
    real = unit.read_text(encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(main, ["new", "unit", "barista-basics"])
    assert f"`{refused.stderr.strip()}`" in " ".join(CONTRIBUTING.split())
    unit.unlink()
    assert runner.invoke(main, ["new", "unit", "barista-basics"]).stdout == created
    checked = runner.invoke(main, ["check"]).stdout.splitlines()
    assert checked[:3] == scaffold_check.splitlines()
    assert len(checked) == 17 and "17 in all" in CONTRIBUTING
    unit.write_text(real.replace("mode: onsite", "mode: on-site"))
    assert runner.invoke(main, ["check"]).stdout == typo
    unit.write_text(real.replace('eqf_level: "3"', 'eqf_levle: "3"'))
    assert ("unknown field `eqf_levle`; did you mean `eqf_level`?"
            in runner.invoke(main, ["check"]).stdout)
    unit.write_text(real)
    assert diff_after_adding(sample, unit) == summary


def diff_after_adding(root: Path, unit: Path) -> str:
    """`microvet diff origin/main HEAD` after a commit that adds `unit`."""
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                        "-c", "commit.gpgsign=false", *args], cwd=root, check=True,
                       capture_output=True)

    text = unit.read_text(encoding="utf-8")
    unit.unlink()
    git("init", "-q", "-b", "main")
    git("add", "content")
    git("commit", "-q", "-m", "catalogue without the unit")
    git("branch", "origin/main")
    unit.write_text(text, encoding="utf-8")
    git("add", "content")
    git("commit", "-q", "-m", "add the unit")
    return diff_revisions("origin/main", "HEAD", Path("content"), root)


# --- the worked example for labour-market partners ------------------------------------------


def test_the_partner_example_is_the_sample_demand(sample: Path, monkeypatch: pytest.MonkeyPatch):
    (example,) = blocks(PARTNERS_PART, "yaml")
    assert example == SAMPLE_DEMAND.read_text(encoding="utf-8")
    created, mistake, gaps = blocks(PARTNERS_PART, "text")
    demand = sample / "content" / "demands" / SAMPLE_DEMAND.name
    monkeypatch.chdir(sample)
    runner = CliRunner()
    demand.unlink()
    assert runner.invoke(main, ["new", "demand", demand.stem]).stdout == created
    demand.write_text(example.replace("nuts: AT13", "nuts: AT-13"), encoding="utf-8")
    assert runner.invoke(main, ["check"]).stdout == mistake
    demand.write_text(example, encoding="utf-8")
    assert runner.invoke(main, ["gaps", "--demand", demand.stem]).stdout == gaps
    assert "no offer yet" in gaps and "| warehouse-operations-wms |" in gaps


def test_the_partner_example_embeds_a_page_the_build_makes():
    (iframe,) = blocks(PARTNERS_PART, "html")
    site_url = re.search(r'site_url: !ENV \[MICROVET_SITE_URL, "(.*)"\]',
                         (ROOT / "mkdocs.yml").read_text()).group(1)
    assert f'src="{site_url}embed/demands/{SAMPLE_DEMAND.stem}/"' in iframe
# --- "Bring your existing courses": the spreadsheet worked example --------------------------


def test_the_spreadsheet_worked_example_runs_as_shown(sample: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    (rows,) = blocks(CONTRIBUTING, "csv")
    dry, mistake, imported = blocks(CONTRIBUTING, "console")
    monkeypatch.chdir(sample)
    courses = sample / "courses.csv"
    runner = CliRunner()
    courses.write_text(rows.replace(",3,1013,", ",Level 3,1013,"), encoding="utf-8")
    refused = runner.invoke(main, ["import", "courses.csv"])
    assert (refused.exit_code, refused.stdout) == (1, mistake)
    courses.write_text(rows, encoding="utf-8")
    assert runner.invoke(main, ["import", "courses.csv", "--dry-run"]).stdout == dry
    assert runner.invoke(main, ["import", "courses.csv"]).stdout == imported
    catalogue = load_catalogue(sample / "content", root=sample)
    unit = catalogue.units["espresso-refresher"]
    assert (unit.workload.hours, unit.price.amount, unit.languages) == (6, 45, ["en", "it"])
    for command in ("microvet export --template courses.xlsx", "microvet import courses.xlsx",
                    "microvet import courses.xlsx --dry-run"):
        assert f"`{command}`" in CONTRIBUTING
