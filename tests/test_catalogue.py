"""Loading a content tree: exact, located messages; references; dates."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from conftest import ROOT, ContentTree

from generator.content.catalogue import load_catalogue
from generator.content.errors import ContentError


def problems_of(tree) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_catalogue(tree.content, root=tree.root)
    return [str(p) for p in raised.value.problems]


def replace(tree, kind, name, old, new):
    path = tree.content / kind / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_minimal_tree_loads_with_resolved_references(content_tree):
    catalogue = load_catalogue(content_tree.minimal().content, root=content_tree.root)
    unit = catalogue.units["barista"]
    assert catalogue.provider_of(unit).id == "centre"
    assert [o.id for o in catalogue.outcomes_of(unit)] == ["espresso"]
    assert [u.id for u in catalogue.units_of_provider("centre")] == ["barista"]
    assert [u.id for u in catalogue.units_with_outcome("espresso")] == ["barista"]
    assert catalogue.source_path("units", "barista") == "content/units/barista.yaml"
    assert unit.title == {"en": "Barista basics"}
    assert catalogue.outcomes["espresso"].esco_skills[0].label == "apply hygiene standards"


def test_a_unit_s_skills_are_kept_for_its_catalogue_and_worked_out_for_another_unit(
        content_tree):
    catalogue = load_catalogue(content_tree.minimal().content, root=content_tree.root)
    unit = catalogue.units["barista"]
    first = catalogue.unit_skills(unit)
    assert [s.label for s in first] == ["apply hygiene standards"]
    first.clear()  # a caller's list is its own
    assert [s.label for s in catalogue.unit_skills(unit)] == ["apply hygiene standards"]
    outside = unit.model_copy(update={"outcomes": []})  # same id, not the catalogue's unit
    assert catalogue.unit_skills(outside) == []
    assert [s.label for s in catalogue.unit_skills(unit)] == ["apply hygiene standards"]


def test_typo_in_a_key_names_the_key_and_suggests_the_field(content_tree):
    content_tree.minimal()
    replace(content_tree, "units", "barista", "eqf_level: 3", "eqf_levle: 3")
    assert problems_of(content_tree) == [
        "content/units/barista.yaml:1:1: missing required field `eqf_level`",
        "content/units/barista.yaml:6:1: unknown field `eqf_levle`; did you mean `eqf_level`?",
    ]


def test_unknown_nested_key_lists_the_allowed_fields_when_nothing_is_close(content_tree):
    content_tree.minimal()
    replace(content_tree, "units", "barista", "  ects: 1", "  credits_total: 1")
    assert problems_of(content_tree) == [
        "content/units/barista.yaml:10:3: unknown field `credits_total`. "
        "Allowed here: ects, ecvet, hours.",
    ]


def test_value_outside_a_vocabulary_lists_the_allowed_values(content_tree):
    content_tree.minimal()
    replace(content_tree, "units", "barista", "mode: onsite", "mode: distance")
    assert problems_of(content_tree) == [
        "content/units/barista.yaml:11:7: `mode`: 'distance' is not an allowed value; "
        "allowed: blended, online, onsite, work-based",
    ]


@pytest.mark.parametrize(("field", "typed", "message"), [
    ("mode: onsite", "mode: on-site",
     "11:7: `mode`: 'on-site' is not an allowed value; did you mean 'onsite' "
     "(On site (in person))?"),
    ("license: CC-BY-4.0", "license: CC BY 4.0",
     "18:10: `license`: 'CC BY 4.0' is not an allowed value; did you mean 'CC-BY-4.0' "
     "(Creative Commons Attribution 4.0 International)?"),
    ("languages: [en]", "languages: [Italian]",
     "5:13: `languages[0]`: 'Italian' is not an ISO 639-1 language code (two lowercase "
     "letters such as en, it, de, fr, es, pl); did you mean 'it' (Italian)?"),
    ("languages: [en]", "languages: [Italiano]",
     "5:13: `languages[0]`: 'Italiano' is not an ISO 639-1 language code (two lowercase "
     "letters such as en, it, de, fr, es, pl); did you mean 'it' (Italian)?"),
    ("price: free", "price: {amount: 120, currency: eur}",
     "19:32: `price.currency`: 'eur' is not an allowed value; did you mean 'EUR' (Euro)?"),
    ("price: free", "price: {amount: 120, currency: €}",
     "19:32: `price.currency`: '€' is not an allowed value; did you mean 'EUR' (Euro)?"),
])
def test_a_vocabulary_value_near_a_code_or_label_suggests_the_code(content_tree, field, typed,
                                                                   message):
    content_tree.minimal()
    replace(content_tree, "units", "barista", field, typed)
    assert problems_of(content_tree) == [f"content/units/barista.yaml:{message}"]


def test_a_country_name_suggests_its_code(content_tree):
    content_tree.minimal()
    replace(content_tree, "providers", "centre", "country: IT", "country: Portugal")
    assert problems_of(content_tree) == [
        "content/providers/centre.yaml:4:10: `country`: 'Portugal' is not an allowed value; "
        "did you mean 'PT' (Portugal)?"]


def test_an_outcome_title_given_as_a_reference_is_reported_once_with_the_id(content_tree):
    content_tree.minimal()
    replace(content_tree, "units", "barista", "outcomes: [espresso]",
            "outcomes: [Espresso extraction]")
    assert problems_of(content_tree) == [
        "content/units/barista.yaml:12:12: 'Espresso extraction' is the title of an outcome, "
        "not its id: write 'espresso' (the name of its file without .yaml)"]


def test_a_title_like_reference_that_matches_nothing_invents_no_path(content_tree):
    content_tree.minimal()
    replace(content_tree, "units", "barista", "outcomes: [espresso]",
            "outcomes: [Latte art for beginners]")
    assert problems_of(content_tree) == [
        "content/units/barista.yaml:12:12: 'Latte art for beginners' looks like a title, not an "
        "id: write the outcome's id, the name of its file in content/outcomes/ without .yaml"]


def test_wrong_types_and_bounds(content_tree):
    content_tree.minimal()
    replace(content_tree, "units", "barista", "hours: 25", "hours: -3")
    replace(content_tree, "units", "barista", "languages: [en]", "languages: english")
    assert problems_of(content_tree) == [
        "content/units/barista.yaml:5:12: `languages`: expected a list (one `- item` per line)",
        "content/units/barista.yaml:9:10: `workload.hours`: must be greater than 0",
    ]


def test_dangling_references_suggest_close_ids(content_tree):
    content_tree.minimal()
    replace(content_tree, "units", "barista", "provider: centre", "provider: centr")
    replace(content_tree, "units", "barista", "outcomes: [espresso]", "outcomes: [espresso, milk]")
    assert problems_of(content_tree) == [
        "content/units/barista.yaml:4:11: no provider 'centr': there is no file "
        "content/providers/centr.yaml; did you mean 'centre'?",
        "content/units/barista.yaml:12:22: no outcome 'milk': there is no file "
        "content/outcomes/milk.yaml",
    ]


def test_awarding_bodies_must_exist(content_tree):
    content_tree.minimal()
    replace(content_tree, "units", "barista", "languages: [en]",
            "awarding_bodies: [centre, ministry]\nlanguages: [en]")
    assert problems_of(content_tree) == [
        "content/units/barista.yaml:5:27: no provider 'ministry': there is no file "
        "content/providers/ministry.yaml",
    ]


def test_id_must_equal_the_file_name(content_tree):
    content_tree.minimal()
    replace(content_tree, "outcomes", "espresso", "id: espresso", "id: espresso-shot")
    assert problems_of(content_tree) == [
        "content/outcomes/espresso.yaml:1:5: `id`: 'espresso-shot' differs from the file name "
        "'espresso.yaml': they must be equal (rename one of them)",
    ]


def test_invalid_id_explains_the_rule(content_tree):
    content_tree.minimal()
    content_tree.write("providers", "Bad Name", "id: Bad Name\n")
    assert problems_of(content_tree) == [
        f"content/providers/Bad Name.yaml:1:1: missing required field `{name}`"
        for name in ("city", "country", "homepage", "name")
    ] + [
        "content/providers/Bad Name.yaml:1:5: `id`: 'Bad Name' is not a valid id: use 3-64 "
        "characters, lowercase letters a-z, digits and single hyphens, starting and ending "
        "with a letter or digit (for example 'barista-basics')",
    ]


def test_all_problems_in_all_files_are_reported_sorted(content_tree):
    content_tree.minimal()
    replace(content_tree, "units", "barista", "license: CC-BY-4.0", "license: GPL")
    replace(content_tree, "outcomes", "espresso", "category: skill", "category: ability")
    content_tree.write("providers", "empty", "")
    assert problems_of(content_tree) == [
        "content/outcomes/espresso.yaml:4:11: `category`: 'ability' is not an allowed value; "
        "did you mean 'skill' (Skills)?",
        "content/providers/empty.yaml:1:1: the file is empty: it must describe one object",
        "content/units/barista.yaml:18:10: `license`: 'GPL' is not an allowed value; allowed: "
        "see the Licences (SPDX) list in the field reference",
    ]


def test_units_stacking_into_a_unit_each_once_sorted_by_id(content_tree):
    content_tree.minimal()
    text = (content_tree.content / "units" / "barista.yaml").read_text()
    into = "stackability:\n  kind: stackable\n  into:\n    - unit: barista\n"
    content_tree.write("units", "milk", text.replace("id: barista", "id: milk") + into
                       + "    - title: Barista diploma\n    - unit: barista\n")
    content_tree.write("units", "latte-art", text.replace("id: barista", "id: latte-art") + into)
    catalogue = load_catalogue(content_tree.content, root=content_tree.root)
    assert [u.id for u in catalogue.units_stacking_into("barista")] == ["latte-art", "milk"]
    assert catalogue.units_stacking_into("milk") == []


def test_stacking_cycle_is_an_error(content_tree):
    content_tree.minimal()
    text = (content_tree.content / "units" / "barista.yaml").read_text()
    content_tree.write("units", "latte-art", text.replace("id: barista", "id: latte-art")
                       + "stackability:\n  kind: stackable\n  into:\n    - unit: barista\n")
    replace(content_tree, "units", "barista", "price: free",
            "price: free\nstackability:\n  kind: stackable\n  into:\n    - unit: latte-art\n")
    assert problems_of(content_tree) == [
        "content/units/barista.yaml:23:13: stacking goes round in a circle: 'barista' stacks "
        "into 'latte-art', which leads back to 'barista'",
        "content/units/latte-art.yaml:24:13: stacking goes round in a circle: 'latte-art' "
        "stacks into 'barista', which leads back to 'latte-art'",
    ]


def test_other_files_in_content_folders_are_flagged(content_tree):
    content_tree.minimal()
    (content_tree.content / "units" / "notes.yml").write_text("id: notes\n")
    assert problems_of(content_tree) == [
        "content/units/notes.yml:1:1: only `.yaml` files belong in this folder: rename or move it",
    ]


def test_language_maps_and_default_language(content_tree):
    content_tree.minimal()
    replace(content_tree, "units", "barista", "title: Barista basics",
            "default_language: it\ntitle: Corso base di caffetteria")
    replace(content_tree, "units", "barista", "summary: Make espresso drinks to a professional "
            "standard.", "summary: {it: Preparare il caffè., en: Make coffee.}")
    unit = load_catalogue(content_tree.content, root=content_tree.root).units["barista"]
    assert unit.title == {"it": "Corso base di caffetteria"}
    assert unit.summary == {"en": "Make coffee.", "it": "Preparare il caffè."}


def test_dates_come_from_git_history_and_outcome_changes(content_tree):
    content_tree.minimal()
    root = content_tree.root

    def git(*args, date):
        env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "HOME": str(root),
               "GIT_CONFIG_NOSYSTEM": "1"}
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                       cwd=root, check=True, capture_output=True, env=env)

    git("init", "-q", date="2025-01-10T10:00:00+00:00")
    git("add", "-A", date="2025-01-10T10:00:00+00:00")
    git("commit", "-qm", "first", date="2025-01-10T10:00:00+00:00")
    replace(content_tree, "outcomes", "espresso", "balanced", "well balanced")
    git("commit", "-qam", "outcome", date="2025-06-02T09:00:00+00:00")
    dates = load_catalogue(content_tree.content, root=root).dates["barista"]
    assert dates.published == dt.date(2025, 1, 10)
    assert dates.updated == dt.date(2025, 6, 2)


def test_dates_are_found_when_the_project_is_a_subfolder_of_its_repository(tmp_path):
    tree = ContentTree(tmp_path / "catalogue")  # the repository's top is tmp_path
    tree.minimal()
    date = "2025-04-07T08:00:00+00:00"
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "HOME": str(tmp_path),
           "GIT_CONFIG_NOSYSTEM": "1"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "first"]):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                       cwd=tmp_path, check=True, capture_output=True, env=env)
    dates = load_catalogue(tree.content, root=tree.root).dates["barista"]
    assert (dates.published, dates.updated) == (dt.date(2025, 4, 7), dt.date(2025, 4, 7))


def test_explicit_dates_win_and_without_git_the_source_date_epoch_is_used(
        content_tree, monkeypatch):
    content_tree.minimal()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    catalogue = load_catalogue(content_tree.content, root=content_tree.root)
    assert catalogue.dates["barista"].published == dt.date(2026, 1, 1)
    replace(content_tree, "units", "barista", "price: free",
            "price: free\npublished: 2025-02-01\nupdated: 2025-03-01")
    dates = load_catalogue(content_tree.content, root=content_tree.root).dates["barista"]
    assert (dates.published, dates.updated) == (dt.date(2025, 2, 1), dt.date(2025, 3, 1))


def test_session_location_errors_name_only_the_branch_written(content_tree):
    content_tree.minimal()
    replace(content_tree, "units", "barista", "price: free",
            "price: free\nsessions:\n  - start: 2027-01-10\n    location: onlin\n"
            "  - start: 2027-02-10\n    location: {city: Graz, contry: AT}\n")
    assert problems_of(content_tree) == [
        "content/units/barista.yaml:22:15: `sessions[0].location`: 'onlin' is not allowed; "
        "allowed: 'online'",
        "content/units/barista.yaml:24:5: missing required field `country` in "
        "`sessions[1].location`",
        "content/units/barista.yaml:24:28: unknown field `contry`; did you mean `country`?",
    ]


READ_BOTH_WAYS = """
import datetime as dt, json, sys
from pathlib import Path
from generator.content import catalogue as module
from generator.content.errors import ContentError

def read():
    try:
        found = module.load_catalogue(Path(sys.argv[1]), root=Path(sys.argv[2]),
                                      today=dt.date(2026, 11, 30))
        return (found.objects, found.paths, found.warnings, found.dates)
    except ContentError as error:
        return [str(problem) for problem in error.problems]

module.PARALLEL_FROM = 10**9
alone = read()
forks = []
pool = module.ProcessPoolExecutor
def counting(*args, **kwargs):
    forks.append(kwargs["mp_context"].get_start_method())
    return pool(*args, **kwargs)
module.PARALLEL_FROM = 2
module.ProcessPoolExecutor = counting
together = read()
print(json.dumps({"forks": forks, "same": together == alone,
                  "problems": alone if isinstance(alone, list) else None}))
"""


def _read_both_ways(content, root) -> dict:
    """Read the catalogue by one process, then by two, in a fresh interpreter (forking is
    only done from a process without other threads, and the test run may have some)."""
    result = subprocess.run([sys.executable, "-c", READ_BOTH_WAYS, str(content), str(root)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_two_processes_read_the_sample_catalogue_exactly_as_one():
    both = _read_both_ways(ROOT / "content", ROOT)
    assert both["forks"] == ["fork"]  # the second process did read half
    assert both["same"] is True


def test_two_processes_report_exactly_the_problems_of_one(content_tree):
    content_tree.minimal()
    replace(content_tree, "units", "barista", "hours: 25", "hours: lots")
    content_tree.write("units", "other", "id: other\ntitle: [\n")
    content_tree.write("outcomes", "dup", "id: dup\nid: dup\n")
    both = _read_both_ways(content_tree.content, content_tree.root)
    assert both["forks"] == ["fork"]
    assert both["same"] is True
    assert len(both["problems"]) >= 3


DIES_THERE = """
import json, os, sys
from pathlib import Path
from generator.content import catalogue as module

content, root = Path(sys.argv[1]), Path(sys.argv[2])
expected = module.load_catalogue(content, root=root).objects
here, read_files, pools = os.getpid(), module._read_files, []

def read_here_die_there(jobs):
    if os.getpid() != here:
        os._exit(1)  # the second process dies, as if killed
    return read_files(jobs)

def pool(*args, **kwargs):
    pools.append(1)
    return executor(*args, **kwargs)

executor = module.ProcessPoolExecutor
module.PARALLEL_FROM, module._read_files, module.ProcessPoolExecutor = 2, read_here_die_there, pool
print(json.dumps({
                  "same": module.load_catalogue(content, root=root).objects == expected,
                  "forked": len(pools)}))
"""


def test_a_second_process_that_dies_costs_nothing_but_time(content_tree):
    content_tree.minimal()
    result = subprocess.run([sys.executable, "-c", DIES_THERE, str(content_tree.content),
                             str(content_tree.root)], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == {"same": True, "forked": 1}
