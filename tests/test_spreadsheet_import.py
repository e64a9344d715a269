"""`microvet import` of spreadsheets: lossless round trips, problems by cell, safe writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import ROOT, ContentTree
from openpyxl import Workbook

from generator.cli import main
from generator.content.catalogue import Catalogue, load_catalogue

UNIT_HEADER = ["id", "title.en", "summary.en", "eqf_level", "provider", "languages",
               "isced_f", "workload.hours", "mode", "outcomes", "assessment.methods",
               "assessment.description.en", "quality_assurance.description.en", "license",
               "price.amount", "workload.ects", "assessment.supervision", "credential.type",
               "credential.verification.en", "credential.recognition.en"]
GOOD_UNIT = ["barista", "Barista basics", "Make espresso drinks to a professional standard.", 3,
             "centre", "en", "1013", 25, "onsite", "espresso", "practical",
             "A practical test at the coffee machine.",
             "Reviewed each year by the school's quality board.", "CC-BY-4.0", 0, 1,
             "supervised-with-id-check", "certificate", "Numbered and signed.", "Partner cafés."]
"""The unit of conftest's minimal content tree, as a spreadsheet row."""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """An .xlsx file as a provider might type it: the given sheets and rows."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        page = book.create_sheet(name)
        for row in rows:
            page.append(row)
    book.save(path)
    return path


def objects(catalogue: Catalogue) -> tuple[dict, dict, dict]:
    return dict(catalogue.units), dict(catalogue.outcomes), dict(catalogue.providers)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_round_trip_of_the_sample_is_lossless(tmp_path: Path, suffix: str,
                                                  monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)
    path = tmp_path / f"catalogue{suffix}"
    assert run("export", str(path)).exit_code == 0
    empty = tmp_path / "content"
    result = run("import", str(path), "--content", str(empty))
    assert result.exit_code == 0, result.output
    before = load_catalogue(ROOT / "content", root=ROOT)
    count = sum(len(found) for found in before.objects.values())
    assert result.stdout.startswith(f"Wrote {count} file(s) in {empty.as_posix()}/.\n")
    after = load_catalogue(empty, root=tmp_path)
    assert objects(after) == objects(before)
    assert dict(after.objects) == dict(before.objects)  # every kind, pathways included
    again = run("import", str(path), "--content", str(empty))
    assert again.stdout.startswith(
        f"Wrote 0 file(s) in {empty.as_posix()}/; {count} already there unchanged.\n")


def test_problems_are_reported_by_cell_all_at_once_and_nothing_is_written(tmp_path: Path):
    units = [UNIT_HEADER, GOOD_UNIT, *([[f"unit-{n}", *GOOD_UNIT[1:]] for n in range(2, 6)]),
             ["late", *GOOD_UNIT[1:3], "Level 4", *GOOD_UNIT[4:]]]
    units[3][UNIT_HEADER.index("outcomes")] = "espreso"
    units[4][UNIT_HEADER.index("mode")] = None
    units[2][0] = "Bad Id"
    path = workbook(tmp_path / "units.xlsx", {
        "Units": units,
        "Unit sessions": [["unit_id", "start", "location", "places"],
                          ["barista", "2027-02-31", "online", 8],
                          ["nobody", "2027-03-01", "online", None]],
        "Outcomes": [["id", "title.en", "statement.en", "category", "eqf_levle"],
                     ["espresso", "Espresso", "The learner can pull a shot.", "skill", 3]],
        "Providers": [["id", "name.en", "country", "city", "homepage"],
                      ["centre", "Centre", "IT", "Bologna", "https://example.org"]],
    })
    content = tmp_path / "content"
    result = run("import", str(path), "--content", str(content))
    assert result.exit_code == 1
    assert result.stdout == (
        "units.xlsx:Units!A3: `id`: 'Bad Id' is not a valid id: use 3-64 characters, lowercase "
        "letters a-z, digits and single hyphens, starting and ending with a letter or digit "
        "(for example 'barista-basics')\n"
        "units.xlsx:Units!J4: no outcome 'espreso': it is neither on the Outcomes sheet nor "
        f"in {content.as_posix()}/outcomes/\n"
        "units.xlsx:Units!A5: missing required field `mode`\n"
        "units.xlsx:Units!D7: `eqf_level`: 'Level 4' is not an allowed value; did you mean "
        "'4' (EQF level 4)?\n"
        "units.xlsx:Unit sessions!B2: `sessions[0].start`: expected a date like 2026-03-01\n"
        "units.xlsx:Unit sessions!A3: no unit 'nobody' on the Units sheet: give the id of "
        "the unit this row belongs to\n"
        "units.xlsx:Outcomes!E1: unknown column `eqf_levle` on the Outcomes sheet; did you "
        "mean `eqf_level`?\n")
    assert result.stderr == "7 problem(s): nothing was written\n"
    assert not content.exists()


def test_csv_cells_are_named_by_file(tmp_path: Path):
    (tmp_path / "courses.csv").write_text(
        ",".join(UNIT_HEADER) + "\n" + ",".join(str(v) for v in GOOD_UNIT).replace(
            ",onsite,", ",on-site,") + "\n", encoding="utf-8")
    result = run("import", str(tmp_path / "courses.csv"), "--content", str(tmp_path / "c"))
    assert result.stdout.splitlines()[-1] == (
        "courses.csv:I2: `mode`: 'on-site' is not an allowed value; did you mean 'onsite' "
        "(On site (in person))?")


def test_provider_option_fills_units_without_one_and_existing_ids_resolve(
        content_tree: ContentTree):
    content_tree.minimal()
    header = [key for key in UNIT_HEADER if key != "provider"]
    row = [value for key, value in zip(UNIT_HEADER, GOOD_UNIT, strict=True) if key != "provider"]
    row[0] = "latte-art"
    path = workbook(content_tree.root / "more.xlsx", {"Units": [header, row]})
    result = run("import", str(path), "--content", str(content_tree.content),
                 "--provider", "centre")
    assert result.exit_code == 0, result.output
    written = (content_tree.content / "units" / "latte-art.yaml").read_text()
    assert written.startswith("# yaml-language-server: $schema=../../schemas/unit.schema.json\n"
                              "id: latte-art\ndefault_language: en\ntitle: Barista basics\n")
    assert "provider: centre\n" in written and "price:\n  amount: 0\n" in written
    load_catalogue(content_tree.content, root=content_tree.root)


def test_an_existing_file_that_differs_is_replaced_only_with_update(content_tree: ContentTree):
    content_tree.minimal()
    target = content_tree.content / "units" / "barista.yaml"
    original = target.read_text()
    row = list(GOOD_UNIT)
    row[UNIT_HEADER.index("workload.hours")] = 30
    path = workbook(content_tree.root / "units.xlsx", {"Units": [UNIT_HEADER, row]})
    args = ["import", str(path), "--content", str(content_tree.content)]
    refused = run(*args)
    assert refused.exit_code == 1
    assert refused.stdout == (f"{target.as_posix()} already exists and differs from the "
                              "imported one: use --update to replace it\n")
    assert target.read_text() == original
    dry = run(*args, "--dry-run")
    assert dry.exit_code == 0
    assert dry.stdout == (
        "## What the import would change\n\n**Units:** 1 changed.\n\n### Units\n\n"
        "- Changed unit `barista`: Barista basics\n  - `workload.hours`: `25` → `30`\n"
        "\nWithout --update the import would stop here:\n\n"
        f"- {target.as_posix()} already exists and differs from the imported one: use "
        "--update to replace it\n")
    assert target.read_text() == original
    updated = run(*args, "--update")
    assert updated.exit_code == 0
    assert load_catalogue(content_tree.content).units["barista"].workload.hours == 30


def test_dry_run_lists_additions_as_microvet_diff_does_and_writes_nothing(tmp_path: Path):
    path = workbook(tmp_path / "units.xlsx", {
        "Units": [UNIT_HEADER, GOOD_UNIT],
        "Outcomes": [["id", "title.en", "statement.en", "category"],
                     ["espresso", "Espresso", "The learner can pull a shot.", "skill"]],
        "Providers": [["id", "name.en", "country", "city", "homepage"],
                      ["centre", "Centre", "IT", "Bologna", "https://example.org"]]})
    result = run("import", str(path), "--content", str(tmp_path / "content"), "--dry-run")
    assert result.stdout == (
        "## What the import would change\n\n"
        "**Units:** 1 added. **Outcomes:** 1 added. **Providers:** 1 added.\n\n"
        "### Units\n\n- Added unit `barista`: Barista basics\n\n"
        "### Outcomes\n\n- Added outcome `espresso`: Espresso\n\n"
        "### Providers\n\n- Added provider `centre`: Centre\n")
    assert not (tmp_path / "content").exists()


def test_a_sheet_without_its_id_column_and_unnamed_columns_with_values_are_reported(
        tmp_path: Path):
    path = workbook(tmp_path / "units.xlsx", {
        "Units": [UNIT_HEADER[1:], GOOD_UNIT[1:]],
        "Outcomes": [["id", None, "title.en"], ["espresso", "stray", "Espresso"]]})
    result = run("import", str(path), "--content", str(tmp_path / "c"))
    assert result.stdout.splitlines()[:2] == [
        "units.xlsx:Units!A1: the Units sheet needs a `id` column: add it, with the id of "
        "each row's object",
        "units.xlsx:Outcomes!B1: this column has values but no name in row 1: name it after "
        "a field, or delete it"]


def test_files_that_are_not_spreadsheets_are_refused_in_plain_words(tmp_path: Path):
    (tmp_path / "courses.xlsx").write_text("not a workbook", encoding="utf-8")
    messages = [run("import", str(tmp_path / name)).stderr
                for name in ("courses.xlsx", "courses.ods", "missing.csv")]
    assert messages == [
        f"Error: {(tmp_path / 'courses.xlsx').as_posix()} is not a readable .xlsx file "
        "(File is not a zip file)\n",
        f"Error: {(tmp_path / 'courses.ods').as_posix()}: microvet import reads .xlsx, .csv, "
        ".jsonld and .xml files\n",
        f"Error: {(tmp_path / 'missing.csv').as_posix()} does not exist\n"]


def test_csv_saved_with_semicolons_is_read_too(tmp_path: Path):
    row = ";".join(str(v) for v in GOOD_UNIT).replace(";en;", ";en, it;").replace(
        "Make espresso drinks", '"Make espresso; drinks"')
    (tmp_path / "courses.csv").write_text(";".join(UNIT_HEADER) + "\n" + row + "\n",
                                          encoding="utf-8")
    result = run("import", str(tmp_path / "courses.csv"), "--content", str(tmp_path / "c"))
    assert result.stdout.splitlines() == [  # the ';' inside quotes is text, not a column
        "courses.csv:F2: `languages`: 'en, it' is not an ISO 639-1 language code (two "
        "lowercase letters such as en, it, de, fr, es, pl)"]


def test_a_word_and_the_columns_under_it_are_not_both_given(tmp_path: Path):
    path = workbook(tmp_path / "units.xlsx", {
        "Units": [UNIT_HEADER, GOOD_UNIT],
        "Unit sessions": [["unit_id", "start", "location", "location.city", "location.country"],
                          ["barista", "2027-02-01", "online", "Bologna", "IT"]]})
    result = run("import", str(path), "--content", str(tmp_path / "c"))
    assert "units.xlsx:Unit sessions!D2: `location.city`: give either `location` or the " \
           "columns under it (`location.…`), not both" in result.stdout.splitlines()
