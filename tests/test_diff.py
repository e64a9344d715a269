"""`microvet diff`: catalogue-level Markdown summaries of changes between git revisions."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import OUTCOME, ContentTree

from generator.content.catalogue import load_catalogue
from generator.tools.diff import DiffError, catalogue_changes, diff_revisions, markdown, show


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
         "-c", "commit.gpgsign=false", *args],
        cwd=root, capture_output=True, text=True, check=True).stdout


def edit(tree: ContentTree, kind: str, name: str, old: str, new: str) -> None:
    path = tree.content / kind / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(content_tree: ContentTree) -> ContentTree:
    """A git repository whose first commit (tagged `v1`) is the minimal catalogue."""
    content_tree.minimal()
    git(content_tree.root, "init", "-q", "-b", "main")
    git(content_tree.root, "add", "content")
    git(content_tree.root, "commit", "-q", "-m", "first")
    git(content_tree.root, "tag", "v1")
    return content_tree


def second_revision(tree: ContentTree) -> None:
    """Change a unit, add an outcome, remove nothing; rewrite a file without changing it."""
    edit(tree, "units", "barista", "  hours: 25", "  hours: 30")
    edit(tree, "units", "barista", "title: Barista basics",
         "title:\n  en: Barista basics\n  it: Caffetteria di base")
    edit(tree, "units", "barista", "outcomes: [espresso]", "outcomes: [espresso, milk]")
    edit(tree, "units", "barista", "price: free", "price: {amount: 0}")  # same price
    tree.write("outcomes", "milk", OUTCOME.format(id="milk").replace(
        "Espresso extraction", "Milk texturing"))


EXPECTED_CHANGES = """\
**Units:** 1 changed. **Outcomes:** 1 added.

### Units

- Changed unit `barista`: Barista basics
  - `title.it`: *(none)* → `Caffetteria di base`
  - `workload.hours`: `25` → `30`
  - `outcomes`: `espresso` → `espresso, milk`

### Outcomes

- Added outcome `milk`: Milk texturing
"""


def test_diff_between_two_commits(repo: ContentTree):
    second_revision(repo)
    git(repo.root, "add", "content")
    git(repo.root, "commit", "-q", "-m", "second")
    assert diff_revisions("v1", "main", Path("content"), repo.root) == (
        "## Catalogue changes from `v1` to `main`\n\n" + EXPECTED_CHANGES)


def test_diff_against_the_working_tree(repo: ContentTree):
    second_revision(repo)
    assert diff_revisions("main", None, Path("content"), repo.root) == (
        "## Catalogue changes from `main` to the working tree\n\n" + EXPECTED_CHANGES)


def test_removed_objects_and_provider_changes(repo: ContentTree):
    (repo.content / "units" / "barista.yaml").unlink()
    (repo.content / "outcomes" / "espresso.yaml").unlink()
    edit(repo, "providers", "centre", "city: Bologna", "city: Modena")
    assert diff_revisions("v1", None, Path("content"), repo.root) == (
        "## Catalogue changes from `v1` to the working tree\n\n"
        "**Units:** 1 removed. **Outcomes:** 1 removed. **Providers:** 1 changed.\n\n"
        "### Units\n\n"
        "- Removed unit `barista`: Barista basics\n\n"
        "### Outcomes\n\n"
        "- Removed outcome `espresso`: Espresso extraction\n\n"
        "### Providers\n\n"
        "- Changed provider `centre`: Example Training Centre (fictional)\n"
        "  - `city`: `Bologna` → `Modena`\n")


def test_a_changed_outcome_or_provider_lists_the_units_it_affects(repo: ContentTree):
    repo.write("units", "latte", (repo.content / "units" / "barista.yaml").read_text(
        encoding="utf-8").replace("id: barista", "id: latte"))
    git(repo.root, "add", "content")
    git(repo.root, "commit", "-q", "-m", "two units")
    edit(repo, "outcomes", "espresso", "title: Espresso extraction", "title: Espresso shots")
    edit(repo, "providers", "centre", "city: Bologna", "city: Modena")
    assert diff_revisions("main", None, Path("content"), repo.root) == (
        "## Catalogue changes from `main` to the working tree\n\n"
        "**Outcomes:** 1 changed. **Providers:** 1 changed.\n\n"
        "### Outcomes\n\n"
        "- Changed outcome `espresso`: Espresso shots\n"
        "  - `title.en`: `Espresso extraction` → `Espresso shots`\n"
        "  - Affects 2 unit(s): `barista`, `latte`\n\n"
        "### Providers\n\n"
        "- Changed provider `centre`: Example Training Centre (fictional)\n"
        "  - `city`: `Bologna` → `Modena`\n"
        "  - Affects 2 unit(s): `barista`, `latte`\n")


def test_a_reformatted_file_is_no_catalogue_change(repo: ContentTree):
    edit(repo, "units", "barista", "languages: [en]", "languages:\n  - en")
    edit(repo, "units", "barista", "price: free", "price: 0")
    assert diff_revisions("v1", None, Path("content"), repo.root) == (
        "## Catalogue changes from `v1` to the working tree\n\n"
        "No changes to units, pathways, outcomes, providers, recognitions or demands.\n")


def test_an_invalid_side_is_reported_with_its_problems(repo: ContentTree):
    edit(repo, "units", "barista", "eqf_level: 3", "eqf_level: 9")
    with pytest.raises(DiffError) as raised:
        diff_revisions("v1", None, Path("content"), repo.root)
    assert str(raised.value) == (
        "The catalogue in the working tree is not valid, so it cannot be compared "
        "(1 problem(s); `microvet check` lists them):\n\n"
        "- content/units/barista.yaml:6:12: `eqf_level`: '9' is not an allowed value; "
        "allowed: 1, 2, 3, 4, 5, 6, 7, 8")


def test_an_unknown_revision_is_named(repo: ContentTree):
    with pytest.raises(DiffError) as raised:
        diff_revisions("no-such-branch", None, Path("content"), repo.root)
    assert str(raised.value) == ("'no-such-branch' is not a commit, branch or tag of this "
                                 "repository")


def test_outside_a_git_repository(content_tree: ContentTree):
    content_tree.minimal()
    with pytest.raises(DiffError) as raised:
        diff_revisions("main", None, Path("content"), content_tree.root)
    assert str(raised.value).startswith("git rev-parse failed: fatal: not a git repository")


def test_changes_of_nested_lists_name_each_entry(content_tree: ContentTree):
    content_tree.minimal()
    old = load_catalogue(content_tree.content, root=content_tree.root)
    edit(content_tree, "units", "barista", "price: free",
         "price: free\nsessions:\n  - start: 2027-03-01\n    location: online")
    new = load_catalogue(content_tree.content, root=content_tree.root)
    assert markdown(catalogue_changes(old, new)) == (
        "**Units:** 1 changed.\n\n"
        "### Units\n\n"
        "- Changed unit `barista`: Barista basics\n"
        "  - `sessions[0].start`: *(none)* → `2027-03-01`\n"
        "  - `sessions[0].location`: *(none)* → `online`\n")


@pytest.mark.parametrize(("value", "shown"), [
    (None, "*(none)*"),
    (True, "`true`"),
    (2.5, "`2.5`"),
    (["en", "it"], "`en, it`"),
    ("use `code`", "`use 'code'`"),
    ("x" * 100, "`" + "x" * 79 + "…`"),
])
def test_values_are_shown_short_and_as_code(value: object, shown: str):
    assert show(value) == shown


def test_demands_are_compared_like_any_kind(content_tree: ContentTree):
    from test_demand import DEMAND
    content_tree.minimal()
    (content_tree.content / "demands").mkdir()
    old = load_catalogue(content_tree.content, root=content_tree.root)
    content_tree.write("demands", "need", DEMAND)
    middle = load_catalogue(content_tree.content, root=content_tree.root)
    assert markdown(catalogue_changes(old, middle)) == (
        "**Labour-market demands:** 1 added.\n\n"
        "### Labour-market demands\n\n"
        "- Added demand `need`: Forklift drivers (fictional example)\n")
    edit(content_tree, "demands", "need", "priority: high", "priority: low")
    new = load_catalogue(content_tree.content, root=content_tree.root)
    assert markdown(catalogue_changes(middle, new)) == (
        "**Labour-market demands:** 1 changed.\n\n"
        "### Labour-market demands\n\n"
        "- Changed demand `need`: Forklift drivers (fictional example)\n"
        "  - `skills[0].priority`: `high` → `low`\n")
