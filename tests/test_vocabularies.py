"""Tests of the packaged controlled vocabularies and the ESCO lookup (no network, no shared/)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
from importlib import resources
from urllib.parse import urlsplit

import pytest
from conftest import ROOT

from generator.content.vocabularies import NAMES, Term, Vocabulary, vocabulary
from generator.content.vocabularies.esco import EscoConcept, esco_occupation, esco_skill, in_esco

DATA = resources.files("generator.content.vocabularies") / "data"


@pytest.mark.parametrize("name", NAMES)
def test_every_vocabulary_loads(name: str) -> None:
    vocab = vocabulary(name)
    assert isinstance(vocab, Vocabulary)
    assert vocab.name == name
    assert vocab.title and vocab.source
    assert len(vocab.terms) > 0
    assert all(isinstance(term, Term) and term.code and term.label for term in vocab.terms)
    assert vocabulary(name) is vocab  # cached


@pytest.mark.parametrize("name", NAMES)
def test_codes_are_unique(name: str) -> None:
    codes = vocabulary(name).codes()
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("name", NAMES)
def test_uris_are_absolute_http(name: str) -> None:
    vocab = vocabulary(name)
    uris = [term.uri for term in vocab.terms if term.uri is not None]
    if vocab.scheme is not None:
        uris.append(vocab.scheme)
    for uri in uris:
        parts = urlsplit(uri)
        assert parts.scheme in {"http", "https"} and parts.netloc, uri


def test_every_json_file_is_listed_and_shaped() -> None:
    files = {item.name for item in DATA.iterdir() if item.name.endswith(".json")}
    assert files == {f"{name}.json" for name in NAMES}
    for name in NAMES:
        data = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
        assert list(data) == ["name", "title", "scheme", "source", "terms"]
        for item in data["terms"]:
            assert list(item)[:6] == ["code", "label", "uri", "description", "extra", "labels"]
            assert set(item) - {"descriptions"} == {
                "code", "label", "uri", "description", "extra", "labels"}


INTERFACE = ("de", "fr", "it", "es", "pl", "fi")
SHOWN = ("eqf_levels", "isced_f", "languages", "countries", "modes", "learning_settings",
         "schedules", "assessment_methods", "supervision", "reuse_levels", "outcome_categories",
         "target_groups", "licences", "nace_sections", "isco_major_groups")
"""Vocabularies whose labels learners read on the site (NUTS regions keep their own names)."""


@pytest.mark.parametrize("name", SHOWN)
def test_every_label_a_learner_reads_exists_in_every_interface_language(name: str) -> None:
    missing = [(term.code, language) for term in vocabulary(name) for language in INTERFACE
               if not term.labels.get(language)]
    if name == "licences":  # official titles, the same in every language; not so the one non-title
        missing = [(code, language) for code, language in missing
                   if code == "all-rights-reserved"]
    if name == "languages":  # CLDR names the languages people write; a few rare ones it lacks
        assert len(missing) <= 0.1 * len(vocabulary(name)) * len(INTERFACE)
        assert not [code for code, _ in missing if code in {"en", "de", "fr", "it", "es",
                                                              "pl", "fi", "pt", "nl", "sv"}]
    else:
        assert missing == []


def test_labels_come_in_the_interface_language_with_english_as_fallback() -> None:
    assert vocabulary("languages")["de"].label_in("fr") == "Allemand"  # CLDR
    assert vocabulary("countries")["PL"].label_in("pl") == "Polska"
    assert vocabulary("isced_f")["0713"].label_in("it") == "Elettricità ed energia"
    assert vocabulary("isced_f")["0719"].label_in("de") == (
        "Ingenieurwesen und technische Berufe (anderweitig nicht klassifiziert)")
    assert vocabulary("eqf_levels")["4"].label_in("es") == "Nivel 4 del MEC"
    assert vocabulary("eqf_levels")["4"].description_in("fi").startswith("Laajat tosiasia-")
    assert vocabulary("nace_sections")["F"].label_in("pl") == "Budownictwo"
    assert vocabulary("nuts")["AT13"].label_in("fr") == "Wien"  # the official name everywhere
    assert vocabulary("modes")["online"].label_in("xx") == "Online"
    assert vocabulary("modes")["blended"].label_in("en") == "Blended (online and on site)"


def test_lookup_api() -> None:
    modes = vocabulary("modes")
    assert "online" in modes
    assert "Online" not in modes
    assert 3 not in modes
    assert modes["online"].uri == "http://data.europa.eu/snb/learning-assessment/920fbb3cbe"
    assert modes.get("nowhere") is None
    with pytest.raises(KeyError, match="onsite"):
        modes["on-site"]
    onsite = modes.by_uri("http://data.europa.eu/snb/learning-assessment/9191af2ed9")
    assert onsite is not None and onsite.code == "onsite"
    assert modes["onsite"].pref_label == "Presential"
    assert len(modes) == len(list(modes)) == 4
    with pytest.raises(ValueError, match="unknown vocabulary"):
        vocabulary("colours")


def test_terms_are_immutable_and_hashable() -> None:
    term = vocabulary("eqf_levels")["4"]
    assert hash(term) == hash(vocabulary("eqf_levels")["4"])
    with pytest.raises(TypeError):
        term.extra["knowledge"] = "changed"  # type: ignore[index]


def test_eqf_levels() -> None:
    eqf = vocabulary("eqf_levels")
    assert eqf.codes() == tuple(str(level) for level in range(1, 9))
    assert eqf.scheme == "http://data.europa.eu/snb/eqf/25831c2"
    for level in range(1, 9):
        term = eqf[str(level)]
        assert term.label == f"EQF level {level}"
        assert term.uri == f"http://data.europa.eu/snb/eqf/{level}"
        assert term.description
        for key in ("knowledge", "skills", "responsibility_autonomy"):
            assert isinstance(term.extra[key], str) and len(term.extra[key]) > 15
    assert eqf["1"].extra["knowledge"] == "Basic general knowledge"
    assert eqf["4"].extra["skills"] == (
        "A range of cognitive and practical skills required to generate solutions to specific "
        "problems in a field of work or study"
    )


def test_isced_f() -> None:
    isced = vocabulary("isced_f")
    assert isced.scheme == "http://data.europa.eu/snb/isced-f/25831c2"
    lengths = [len(code) for code in isced.codes()]
    assert (lengths.count(2), lengths.count(3), lengths.count(4)) == (12, 58, 150)
    assert "marketing" in isced["0414"].label.lower()
    assert isced["1013"].label == "Hotel, restaurants and catering"
    assert isced["1013"].uri == "http://data.europa.eu/snb/isced-f/1013"
    assert isced["1013"].extra["broad"] == "10"
    assert isced["1013"].extra["narrow"] == "101"
    assert isced["04"].extra["narrow"] is None
    for code in ("00", "0688", "061", "0613", "0721", "0732", "099"):
        assert code in isced
    assert list(isced.codes()) == sorted(isced.codes())
    for term in isced.terms:
        assert term.code.isdigit() and term.label == " ".join(term.label.split())


def test_languages() -> None:
    languages = vocabulary("languages")
    assert languages.scheme == "http://publications.europa.eu/resource/authority/language"
    expected = {"en": "ENG", "it": "ITA", "de": "DEU", "el": "ELL", "fr": "FRA", "es": "SPA"}
    for code, authority in expected.items():
        term = languages[code]
        assert term.extra["authority_code"] == authority
        assert term.uri == f"http://publications.europa.eu/resource/authority/language/{authority}"
    assert languages["en"].label == "English"
    assert languages["el"].extra["native_name"] == "Ελληνικά"
    assert len(languages) > 150
    assert all(len(code) == 2 and code.islower() for code in languages.codes())


def test_countries() -> None:
    countries = vocabulary("countries")
    assert countries["IT"].extra["authority_code"] == "ITA"
    assert countries["IT"].label == "Italy"
    assert countries["GR"].extra["authority_code"] == "GRC"
    assert countries["GR"].uri == "http://publications.europa.eu/resource/authority/country/GRC"
    for code in ("AT", "BE", "DE", "ES", "FR", "PT", "SE", "CH", "NO", "UA", "US", "JP"):
        assert code in countries
    assert len(countries) >= 240
    assert all(len(code) == 2 and code.isupper() for code in countries.codes())


def test_currencies() -> None:
    currencies = vocabulary("currencies")
    assert currencies["EUR"].uri == "http://publications.europa.eu/resource/authority/currency/EUR"
    assert currencies["EUR"].label == "Euro"
    assert "CHF" in currencies and "GBP" in currencies


def test_licences_are_the_spdx_list_and_all_rights_reserved() -> None:
    licences = vocabulary("licences")
    assert len(licences) > 600
    assert {"CC0-1.0", "CC-BY-4.0", "CC-BY-SA-3.0", "CC-BY-2.0", "CC-BY-NC-ND-4.0", "MIT",
            "GFDL-1.3-or-later", "all-rights-reserved"} <= set(licences.codes())
    assert "GPL-2.0" not in licences  # deprecated SPDX ids are left out
    by = licences["CC-BY-4.0"]
    assert by.label == "Creative Commons Attribution 4.0 International"
    assert by.uri == "https://creativecommons.org/licenses/by/4.0/"
    assert by.extra["short"] == "CC BY 4.0"
    assert by.extra["spdx_url"] == "https://spdx.org/licenses/CC-BY-4.0.html"
    assert licences["CC0-1.0"].uri == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert licences["all-rights-reserved"].uri is None


@pytest.mark.parametrize(("code", "uri", "short"), [
    ("CC-BY-SA-3.0", "https://creativecommons.org/licenses/by-sa/3.0/", "CC BY-SA 3.0"),
    ("CC-BY-3.0-DE", "https://creativecommons.org/licenses/by/3.0/de/", "CC BY 3.0 DE"),
    ("CC-BY-NC-SA-2.0-UK", "https://creativecommons.org/licenses/by-nc-sa/2.0/uk/",
     "CC BY-NC-SA 2.0 UK"),
    ("GPL-3.0-or-later", "https://www.gnu.org/licenses/gpl-3.0.html", "GPL-3.0-or-later"),
    ("GFDL-1.2-only", "https://www.gnu.org/licenses/old-licenses/fdl-1.2.html", "GFDL-1.2-only"),
    ("Apache-2.0", "https://www.apache.org/licenses/LICENSE-2.0", "Apache-2.0"),
    ("EUPL-1.2", "https://spdx.org/licenses/EUPL-1.2.html", "EUPL-1.2"),
])
def test_every_licence_has_its_canonical_url(code: str, uri: str, short: str) -> None:
    term = vocabulary("licences")[code]
    assert (term.uri, term.extra["short"]) == (uri, short)


@pytest.mark.parametrize(("code", "is_open"), [
    ("CC0-1.0", True), ("CC-BY-1.0", True), ("CC-BY-SA-3.0-AT", True), ("CC-BY-4.0", True),
    ("CC-BY-NC-4.0", False), ("CC-BY-ND-3.0", False), ("CC-BY-NC-SA-2.0-FR", False),
    ("CC-PDDC", True), ("ODbL-1.0", True), ("MIT", True), ("GFDL-1.3-only", True),
    ("EUPL-1.2", True), ("all-rights-reserved", False), ("CC-BY-NC-ND-4.0", False),
])
def test_open_means_free_to_reuse_and_adapt(code: str, is_open: bool) -> None:
    assert vocabulary("licences")[code].extra["open"] is is_open


def test_the_licence_list_is_current() -> None:
    script = ROOT / "scripts" / "extract_licences.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("modes", {"online", "onsite", "blended", "work-based"}),
        ("learning_settings", {"formal", "non-formal"}),
        ("schedules", {"full-time", "part-time", "part-time-intensive"}),
        (
            "supervision",
            {"unsupervised", "supervised-without-id-check", "supervised-with-id-check"},
        ),
        ("reuse_levels", {"transversal", "cross-sector", "sector-specific", "occupation-specific"}),
        ("skill_types", {"knowledge", "skill"}),
        ("outcome_categories", {"knowledge", "skill", "responsibility-autonomy"}),
        ("credit_systems", {"ects", "ecvet"}),
    ],
)
def test_small_vocabularies_have_the_agreed_codes(name: str, codes: set[str]) -> None:
    assert set(vocabulary(name).codes()) == codes


def test_assessment_methods() -> None:
    methods = vocabulary("assessment_methods")
    assert len(methods) == 14
    assert methods["written"].extra["pref_label"] == "written examination"
    assert methods["artefact"].uri == "http://data.europa.eu/snb/assessment/de4d165a6c"
    assert methods.scheme == "http://data.europa.eu/snb/assessment/25831c2"


def test_supervision_uris() -> None:
    supervision = vocabulary("supervision")
    assert supervision.scheme == "http://data.europa.eu/snb/supervision-verification/25831c2"
    assert (
        supervision["unsupervised"].uri
        == "http://data.europa.eu/snb/supervision-verification/c598449d64"
    )


def test_target_groups_and_opportunity_types() -> None:
    groups = vocabulary("target_groups")
    assert len(groups) == 20
    # learners read plain words; ELM and the other standards get the official label
    assert groups["migrants"].label == "People new to the country"
    assert groups["migrants"].pref_label == "Migrants"
    assert groups["work-experience-0-3"].uri == "http://data.europa.eu/snb/target-group/5e56931138"
    assert "non-native-speakers" in groups and "employment-retraining" in groups
    types = vocabulary("learning_opportunity_types")
    assert types["short-learning-programme"].uri == (
        "http://data.europa.eu/snb/learning-opportunity/74a4a268e8"
    )
    assert "mooc" in types


def test_outcome_categories_have_descriptions_and_no_invented_uris() -> None:
    for term in vocabulary("outcome_categories").terms:
        assert term.description and term.uri is None


def _first_csv_row(filename: str) -> dict[str, str]:
    text = (DATA / "esco" / filename).read_text(encoding="utf-8")
    return next(iter(csv.DictReader(io.StringIO(text))))


def test_esco_skill_known_and_unknown() -> None:
    row = _first_csv_row("skills.csv")
    concept = esco_skill(row["conceptUri"])
    assert isinstance(concept, EscoConcept)
    assert concept.label == row["preferredLabel"].strip()
    assert concept.kind == "skill"
    sample = esco_skill("http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a")
    if sample is not None:  # "develop digital content", used by the ELM sample
        assert sample.label == "develop digital content"
        assert sample.skill_type == "skill"
    assert (
        esco_skill("http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000") is None
    )
    assert esco_skill("https://example.org/not-esco") is None


def test_esco_skill_types_and_reuse_levels() -> None:
    modelling = esco_skill("http://data.europa.eu/esco/skill/97965983-0da4-4902-9daf-d5cd2693ef73")
    assert modelling is not None
    assert (modelling.label, modelling.skill_type, modelling.reuse_level) == (
        "3D modelling",
        "knowledge",
        "cross-sector",
    )
    text = (DATA / "esco" / "skills.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text)):
        concept = esco_skill(row["conceptUri"])
        assert concept is not None
        assert concept.skill_type in {"skill", "knowledge", None}
        assert concept.reuse_level in {*vocabulary("reuse_levels").codes(), None}


def test_esco_occupation() -> None:
    row = _first_csv_row("occupations.csv")
    concept = esco_occupation(row["conceptUri"])
    assert concept is not None
    assert concept.label == row["preferredLabel"].strip() and concept.kind == "occupation"
    assert concept.skill_type is None and concept.reuse_level is None
    assert esco_occupation(row["conceptUri"].replace("http://", "https://")) == concept
    assert esco_occupation(row["conceptUri"].replace("occupation", "skill")) is None


def test_all_of_esco_1_2_is_bundled_as_uuids():
    folder = resources.files("generator.content.vocabularies") / "data" / "esco"
    counts = {kind: len(gzip.decompress((folder / f"{kind}-uuids.txt.gz").read_bytes()).split())
              for kind in ("skill", "occupation")}
    assert counts == {"skill": 13_939, "occupation": 3_039}
    skill = "http://data.europa.eu/esco/skill/"
    assert in_esco("skill", "https://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da")
    assert in_esco("skill", skill + "d9449998-c1f5-478c-a103-2255398cf0b6")
    assert not in_esco("skill", skill + "00000000-0000-4000-8000-000000000000")
    assert not in_esco("occupation",
                       "http://data.europa.eu/esco/occupation/28cb374e-6261-4133-8371-f9a5470145da")


def test_nuts_codes_know_their_iso_country():
    nuts = vocabulary("nuts")
    assert (nuts["AT13"].label, nuts["AT13"].extra["country"]) == ("Wien", "AT")
    assert nuts["EL30"].extra["country"] == "GR"
    assert vocabulary("nace_sections")["F"].label == "Construction"
    assert vocabulary("isco_major_groups")["7"].uri == "http://data.europa.eu/esco/isco/C7"
