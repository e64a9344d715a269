"""The `microvet` command: help with examples, and the exact output of each command."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import ROOT, ContentTree

from generator.cli import main
from generator.tools.schemas import schema_files


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def examples(help_text: str) -> list[str]:
    """The command lines listed under `Example:` / `Examples:` in a help text."""
    lines = help_text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() in {"Example:", "Examples:"})
    found = []
    for line in lines[start + 1:]:
        if not line.strip().startswith("microvet "):
            break
        found.append(line.strip())
    return found


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_with_a_runnable_example(name: str,
                                                        monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)  # where the examples are meant to be typed
    result = run(name, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: main {name} ")
    lines = examples(result.stdout)
    assert lines, f"`microvet {name} --help` shows no example"
    for line in lines:
        words = shlex.split(line)
        assert words[:2] == ["microvet", name]
        command = main.commands[name]
        command.make_context(name, words[2:])  # raises if the example's arguments are wrong


def test_the_group_lists_every_command():
    result = run("--help")
    listed = {line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines()
              if line.strip()}
    assert listed == {"build", "check", "credential", "diff", "export", "gaps", "import", "new",
                      "schema", "serve", "translations", "validate"}


# --- check -----------------------------------------------------------------------------------


@pytest.fixture
def broken(content_tree: ContentTree, monkeypatch: pytest.MonkeyPatch) -> ContentTree:
    """The minimal tree with two mistakes in the unit, as the current directory."""
    content_tree.minimal()
    path = content_tree.content / "units" / "barista.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("mode: onsite", "mode: 100%").replace("eqf_level: 3", "eqf_levle: 3")
    path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(content_tree.root)
    return content_tree


def test_check_text(broken: ContentTree):
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout == (
        "content/units/barista.yaml:1:1: missing required field `eqf_level`\n"
        "content/units/barista.yaml:6:1: unknown field `eqf_levle`; did you mean `eqf_level`?\n"
        "content/units/barista.yaml:11:7: `mode`: '100%' is not an allowed value; "
        "allowed: blended, online, onsite, work-based\n")
    assert result.stderr == "3 problem(s) in 1 file(s)\n"


def test_check_github_annotations(broken: ContentTree):
    result = run("check", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout == (
        "::error file=content/units/barista.yaml,line=1,col=1::"
        "missing required field `eqf_level`\n"
        "::error file=content/units/barista.yaml,line=6,col=1::"
        "unknown field `eqf_levle`; did you mean `eqf_level`?\n"
        "::error file=content/units/barista.yaml,line=11,col=7::"
        "`mode`: '100%25' is not an allowed value; allowed: blended, online, onsite, work-based\n")
    assert result.stderr == "3 problem(s) in 1 file(s)\n"


def test_check_json(broken: ContentTree):
    result = run("check", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {"path": "content/units/barista.yaml", "line": 1, "column": 1,
         "message": "missing required field `eqf_level`", "severity": "error"},
        {"path": "content/units/barista.yaml", "line": 6, "column": 1,
         "message": "unknown field `eqf_levle`; did you mean `eqf_level`?", "severity": "error"},
        {"path": "content/units/barista.yaml", "line": 11, "column": 7,
         "message": "`mode`: '100%' is not an allowed value; allowed: blended, online, onsite, "
                    "work-based", "severity": "error"},
    ]
    assert result.stdout.startswith('[\n  {\n    "path": "content/units/barista.yaml",\n')


@pytest.mark.parametrize(("output_format", "stdout"), [
    ("text", ""), ("github", ""), ("json", "[]\n")])
def test_check_valid_content(content_tree: ContentTree, monkeypatch: pytest.MonkeyPatch,
                             output_format: str, stdout: str):
    content_tree.minimal()
    monkeypatch.chdir(content_tree.root)
    result = run("check", "--format", output_format)
    assert result.exit_code == 0
    assert result.stdout == stdout
    assert result.stderr == "OK: 1 units, 1 outcomes, 1 providers\n"


@pytest.fixture
def doubtful(content_tree: ContentTree, monkeypatch: pytest.MonkeyPatch) -> ContentTree:
    """The minimal tree with a unit that is valid but earns a warning: 20 ECTS for 60 hours."""
    content_tree.minimal()
    path = content_tree.content / "units" / "barista.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("hours: 25\n  ects: 1", "hours: 60\n  ects: 20"),
                    encoding="utf-8")
    monkeypatch.chdir(content_tree.root)
    return content_tree


ECTS_WARNING = ("20 ECTS for 60 hours is 3 hours per credit, but one ECTS credit is 25-30 "
                "hours (60 hours are about 2-2.4 ECTS): check `hours` and `ects`")


def test_check_prints_warnings_and_succeeds(doubtful: ContentTree):
    result = run("check")
    assert result.exit_code == 0
    assert result.stdout == f"content/units/barista.yaml:10:3: warning: {ECTS_WARNING}\n"
    assert result.stderr == "OK: 1 units, 1 outcomes, 1 providers, 1 warning(s)\n"


def test_check_warnings_as_annotations_and_json(doubtful: ContentTree):
    github = run("check", "--format", "github")
    assert github.exit_code == 0
    assert github.stdout == (
        f"::warning file=content/units/barista.yaml,line=10,col=3::{ECTS_WARNING}\n")
    as_json = run("check", "--format", "json")
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout) == [
        {"path": "content/units/barista.yaml", "line": 10, "column": 3,
         "message": ECTS_WARNING, "severity": "warning"}]


def test_check_strict_makes_warnings_problems(doubtful: ContentTree):
    result = run("check", "--strict")
    assert result.exit_code == 1
    assert result.stdout == f"content/units/barista.yaml:10:3: {ECTS_WARNING}\n"
    assert result.stderr == ("1 problem(s) in 1 file(s)\n"
                             "--strict: the warnings above count as problems\n")
    github = run("check", "--strict", "--format", "github")
    assert github.exit_code == 1
    assert github.stdout.startswith("::error file=content/units/barista.yaml,line=10,col=3::")


def test_check_reports_a_fresh_scaffold_as_fields_to_fill_in(content_tree: ContentTree,
                                                             monkeypatch: pytest.MonkeyPatch):
    content_tree.minimal()
    monkeypatch.chdir(content_tree.root)
    assert run("new", "provider", "my-school").exit_code == 0
    result = run("check", "--format", "github")
    assert result.stdout == (
        "::error file=content/providers/my-school.yaml,line=36,col=7::"
        "`name`: fill this in — legal name of the organisation\n"
        "::error file=content/providers/my-school.yaml,line=50,col=10::"
        "`country`: fill this in — ISO 3166 two-letter country code, e.g. IT, DE, PL\n"
        "::error file=content/providers/my-school.yaml,line=54,col=7::"
        "`city`: fill this in — city of the registered office\n"
        "::error file=content/providers/my-school.yaml,line=62,col=11::"
        "`homepage`: fill this in — your website\n")


# --- new -------------------------------------------------------------------------------------


def test_new_creates_the_file(content_tree: ContentTree, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(content_tree.root)
    result = run("new", "unit", "barista-basics")
    assert result.exit_code == 0
    assert result.stdout == ("Created content/units/barista-basics.yaml: fill in every field "
                             "marked MANDATORY, then run `microvet check`.\n")
    assert (content_tree.content / "units" / "barista-basics.yaml").is_file()


def test_new_refuses_an_existing_file_and_a_bad_id(content_tree: ContentTree,
                                                   monkeypatch: pytest.MonkeyPatch):
    content_tree.minimal()
    monkeypatch.chdir(content_tree.root)
    before = (content_tree.content / "units" / "barista.yaml").read_text()
    result = run("new", "unit", "barista")
    assert result.exit_code == 1
    assert result.stderr == ("Error: content/units/barista.yaml already exists: choose another "
                             "id, or edit that file\n")
    assert (content_tree.content / "units" / "barista.yaml").read_text() == before
    result = run("new", "outcome", "Milk Texturing")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 'Milk Texturing' is not a valid id: use 3-64 characters, lowercase letters a-z, "
        "digits and single hyphens, starting and ending with a letter or digit (for example "
        "'barista-basics')\n")


def test_new_refuses_an_unknown_kind():
    result = run("new", "course", "barista")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for 'KIND': 'course' is not one of 'unit', 'pathway', "
        "'outcome', 'provider', 'recognition', 'demand'.\n")


# --- schema ----------------------------------------------------------------------------------


def test_schema_writes_a_schema_per_kind(tmp_path: Path):
    result = run("schema", "--output", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout == "".join(
        f"Wrote {tmp_path.as_posix()}/schemas/{kind}.schema.json\n"
        for kind in ("demand", "outcome", "pathway", "provider", "recognition", "unit"))
    written = {path.relative_to(tmp_path).as_posix(): path.read_bytes()
               for path in sorted((tmp_path / "schemas").iterdir())}
    assert written == schema_files()


# --- diff ------------------------------------------------------------------------------------


def test_diff_prints_markdown_and_names_a_bad_revision(content_tree: ContentTree,
                                                       monkeypatch: pytest.MonkeyPatch):
    content_tree.minimal()
    root = content_tree.root
    for args in (["init", "-q", "-b", "main"], ["add", "content"],
                 ["-c", "user.name=Test", "-c", "user.email=test@example.org",
                  "-c", "commit.gpgsign=false", "commit", "-q", "-m", "first"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    unit = content_tree.content / "units" / "barista.yaml"
    unit.write_text(unit.read_text().replace("eqf_level: 3", "eqf_level: 4"))
    monkeypatch.chdir(root)
    result = run("diff", "main")
    assert result.exit_code == 0
    assert result.stdout == (
        "## Catalogue changes from `main` to the working tree\n\n"
        "**Units:** 1 changed.\n\n"
        "### Units\n\n"
        "- Changed unit `barista`: Barista basics\n"
        "  - `eqf_level`: `3` → `4`\n")
    result = run("diff", "mian")
    assert result.exit_code == 1
    assert result.stderr == "Error: 'mian' is not a commit, branch or tag of this repository\n"


# --- build -----------------------------------------------------------------------------------


def test_build_warns_when_the_site_url_is_not_set(tmp_path: Path, content_tree: ContentTree):
    from conftest import copy_project

    project = copy_project(tmp_path / "project", content=content_tree.minimal().content)
    environment = {key: value for key, value in os.environ.items()
                   if key != "MICROVET_SITE_URL"}
    environment |= {"SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "generator.cli", "build"], cwd=project,
                            capture_output=True, text=True, env=environment, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "mkdocs.yml:5:11: warning: MICROVET_SITE_URL is not set, so every address in the site "
        "and its metadata starts with the default site_url of mkdocs.yml: set it to the public "
        "address of your site, e.g. MICROVET_SITE_URL=https://example.org/catalogue/ "
        "microvet build")
    assert (project / "site" / "index.html").is_file()
    environment["MICROVET_SITE_URL"] = "https://example.org/catalogue/"
    again = subprocess.run([sys.executable, "-m", "generator.cli", "build"], cwd=project,
                           capture_output=True, text=True, env=environment, check=False)
    assert again.returncode == 0, again.stderr
    assert "MICROVET_SITE_URL" not in again.stderr
