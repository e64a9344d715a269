"""The registry of content kinds (generator/kinds.py) is the one list every stage reads."""

from __future__ import annotations

import pytest
from conftest import ROOT

from generator import outputs
from generator.content.catalogue import load_catalogue
from generator.kinds import BY_FOLDER, BY_NAME, EACH, KINDS, Document, Kind, object_url
from generator.tools import diff, reference, schemas


def test_names_and_folders_are_unique_and_match_the_content_folders():
    assert len(BY_NAME) == len(BY_FOLDER) == len(KINDS)
    assert sorted(kind.folder for kind in KINDS) == sorted(
        path.name for path in (ROOT / "content").iterdir() if path.is_dir())


def test_every_reference_names_a_registered_kind_and_a_field_of_the_model():
    for kind in KINDS:
        for ref in kind.references:
            assert ref.target in BY_NAME, (kind.name, ref)
            assert ref.path[0] in kind.model.model_fields, (kind.name, ref)
            assert ref.path[-1] != EACH or len(ref.path) > 1


def test_every_listed_document_has_a_renderer_and_every_renderer_is_listed():
    listed = {(kind.name, doc.filename) for kind in KINDS for doc in kind.documents}
    assert listed == set(outputs.DOCUMENTS)


def test_a_kind_listing_an_unrendered_document_is_refused(monkeypatch):
    unit = BY_NAME["unit"]
    extra = Kind(**{**{f: getattr(unit, f) for f in unit.__dataclass_fields__},
                    "documents": (*unit.documents, Document("x.json", "application/json", "X"))})
    monkeypatch.setattr(outputs, "KINDS", tuple(extra if k is unit else k for k in KINDS))
    with pytest.raises(outputs.UnregisteredDocument):
        outputs._check_documents()


def test_urls_follow_the_folder():
    assert object_url("unit", "barista-basics") == "units/barista-basics/"
    assert BY_NAME["provider"].page_source("x-y") == "providers/x-y.md"
    unit = BY_NAME["unit"]
    assert unit.document_path("a-b", unit.documents[0]) == "units/a-b/elm.jsonld"


def test_the_catalogue_loads_every_kind_and_indexes_its_references():
    catalogue = load_catalogue(ROOT / "content", root=ROOT)
    assert set(catalogue.objects) == set(BY_FOLDER)
    unit = catalogue.units["barista-basics"]
    assert ("units", "barista-basics") in catalogue.referrers("providers", unit.provider)
    for outcome_id in unit.outcomes:
        assert unit in catalogue.units_with_outcome(outcome_id)


def test_tools_read_the_registry():
    assert [doc.kind for doc in reference.model_docs()] == [kind.name for kind in KINDS]
    assert set(schemas.schema_files()) == {f"schemas/{kind.name}.schema.json" for kind in KINDS}
    assert "Units" in diff.markdown([diff.Change("units", "x", "X", "added")])
