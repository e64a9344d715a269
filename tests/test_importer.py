"""The import's shared end: gaps of drafts, invalid values left out, safe writes, dry runs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ContentTree

from generator.content.catalogue import load_catalogue
from generator.tools.importer import Draft, ImportFailed, gaps_of, import_drafts, without_invalid

PROVIDER = {"id": "centre", "name": {"en": "Centre"}, "country": "IT", "city": "Bologna",
            "homepage": "https://example.org/"}


def test_gaps_are_the_mandatory_fields_still_missing():
    assert gaps_of("provider", PROVIDER) == ()
    assert gaps_of("provider", {"id": "centre", "name": {"en": "Centre"}}) == (
        "country", "city", "homepage")
    assert gaps_of("outcome", {"id": "espresso", "title": {"en": "T"}}) == ("statement",
                                                                       "category")


def test_values_the_model_refuses_are_left_out_with_a_note():
    data = {**PROVIDER, "email": "http://not-a-mailbox/", "short_name": None, "accreditations": []}
    clean, notes = without_invalid("provider", data)
    assert clean == PROVIDER
    assert notes == ["email: 'http://not-a-mailbox/' left out (value is not a valid email "
                     "address: An email address must have an @-sign.)"]
    unit = {"id": "u-1", "price": {"amount": Decimal("1.234"), "currency": "EUR"},
            "sessions": [{"start": "2027-02-01", "end": "2027-01-01", "location": "online"}]}
    clean, notes = without_invalid("unit", unit)
    assert clean == {"id": "u-1", "price": {"currency": "EUR"}}
    assert notes == [
        "price.amount: Decimal('1.234') left out (Decimal input should have no more than 2 "
        "decimal places)",
        "sessions[0]: the entry left out (`end` is before `start`)"]


def test_drafts_are_written_with_their_notes_and_gaps_reported(tmp_path: Path):
    draft = Draft("provider", "centre", {"id": "centre", "name": {"en": "Centre"}},
                  notes=("Imported from x.jsonld.",), gaps=("country", "city", "homepage"))
    report = import_drafts([draft], tmp_path, update=False, dry_run=False)
    assert report == (f"Wrote 1 file(s) in {tmp_path.as_posix()}/.\n"
                      f"- {tmp_path.as_posix()}/providers/centre.yaml: still to fill in: "
                      "country, city, homepage\n"
                      "Fill these in, then run `microvet check`: it lists what is still "
                      "missing.\n")
    assert (tmp_path / "providers" / "centre.yaml").read_text() == (
        "# yaml-language-server: $schema=../../schemas/provider.schema.json\n"
        "# Imported from x.jsonld.\nid: centre\nname: Centre\n")
    again = import_drafts([draft], tmp_path, update=False, dry_run=False)
    assert again.startswith(f"Wrote 0 file(s) in {tmp_path.as_posix()}/; 1 already there "
                            "unchanged.")


def test_an_object_imported_twice_is_refused_before_anything_is_written(tmp_path: Path):
    drafts = [Draft("provider", "centre", PROVIDER), Draft("provider", "centre", PROVIDER)]
    with pytest.raises(ImportFailed) as raised:
        import_drafts(drafts, tmp_path, update=False, dry_run=False)
    assert raised.value.problems == [
        "provider 'centre' is imported twice: give the two different ids"]
    assert not (tmp_path / "providers").exists()


def test_an_invalid_file_in_the_way_counts_as_different(content_tree: ContentTree):
    content_tree.minimal()
    path = content_tree.write("providers", "centre", "id: centre\nname: [broken\n")
    draft = Draft("provider", "centre", PROVIDER)
    with pytest.raises(ImportFailed) as raised:
        import_drafts([draft], content_tree.content, update=False, dry_run=False)
    assert raised.value.problems == [f"{path.as_posix()} already exists and differs from the "
                                     "imported one: use --update to replace it"]
    import_drafts([draft], content_tree.content, update=True, dry_run=False)
    assert load_catalogue(content_tree.content).providers["centre"].city == "Bologna"
