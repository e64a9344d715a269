"""Tests of the catalogue search index (generator/outputs/search.py and packed_index.py)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest
from lunr import __TARGET_JS_VERSION__
from lunr.builder import Builder
from lunr.index import Index

from generator.content.catalogue import Catalogue, load_catalogue
from generator.content.text import pick
from generator.kinds import SiteInfo
from generator.outputs import AGGREGATES, packed_index, search

SITE = SiteInfo(url="https://example.org/catalogue/")

ITALIAN_UNIT = """\
id: caffe-italiano
title:
  en: Italian coffee culture
  it: Cultura del caffè italiano
summary:
  en: Regional coffee traditions for bar staff.
  it: Le tradizioni regionali del caffè per il personale di sala.
description: |
  Moka pots, **granita** and the ritual of the *bancone*: see https://example.org/moka
provider: academy
languages: [it, en]
eqf_level: 4
isced_f: "1015"
workload: {hours: 40}
mode: online
outcomes: [espresso, origins]
assessment:
  methods: [oral]
  description: An oral exam.
quality_assurance: Reviewed yearly.
license: CC-BY-SA-4.0
price: {amount: 90, currency: EUR}
credential: {type: certificate, verification: Numbered., recognition: None formal.}
keywords: [Barista, Italia]
published: 2025-05-02
"""

OUTCOME_ORIGINS = """\
id: origins
title: Coffee origins
statement: The learner can explain how altitude and processing shape the flavour of beans.
category: knowledge
"""

PROVIDER_ACADEMY = """\
id: academy
name: Gdańsk Hospitality Academy (fictional)
short_name: GHA
country: PL
city: Gdańsk
homepage: https://example.org/gha
"""


@pytest.fixture
def catalogue(content_tree) -> Catalogue:
    """The minimal catalogue plus an Italian-English unit of a second provider."""
    content_tree.minimal()
    content_tree.write("providers", "academy", PROVIDER_ACADEMY)
    content_tree.write("outcomes", "origins", OUTCOME_ORIGINS)
    content_tree.write("units", "caffe-italiano", ITALIAN_UNIT)
    text = (content_tree.content / "units" / "barista.yaml").read_text(encoding="utf-8")
    content_tree.write("units", "barista", text + "published: 2025-01-15\n")
    return load_catalogue(content_tree.content)


def loaded(document: dict) -> Index:
    """The search index as lunr.py loads it."""
    return Index.load(packed_index.unpack(document["index"]))


def query(document: dict, word: str) -> list[dict]:
    """lunr.py's hits for a typed word, as catalogue.js asks: the word stemmed in the texts of
    the index's language, folded as typed in the others (without prefixes)."""
    language = document["language"]
    stem = search.normalise_words(word, language)
    plain = search.normalise_words(word, language, stem=False)
    if not stem:
        return []
    own = ("title", "keywords", "text")

    index = loaded(document)
    asked = index.create_query()
    asked.term(stem[0], use_pipeline=False, fields=list(own))
    asked.term(plain[0], use_pipeline=False, fields=[field + search.OTHER for field in own])
    return index.query(asked)


def found(document: dict, word: str) -> list[str]:
    """Unit ids matching `word` in lunr.py, directly or through an outcome or provider."""
    units = document["units"]["id"]
    first_outcome = len(units)
    first_provider = first_outcome + len(document["outcomeUnits"])
    providers = document["units"]["facets"]["provider"]
    ids = []
    for hit in query(document, word):
        number = int(hit["ref"])
        if number < first_outcome:
            ids.append(units[number])
        elif number < first_provider:
            gaps = packed_index.decode_numbers(document["outcomeUnits"][number - first_outcome])
            positions = [sum(gaps[: i + 1]) - 1 for i in range(len(gaps))]
            ids += [units[p] for p in positions]
        else:
            ids += [uid for uid, p in zip(units, providers, strict=True)
                    if p == number - first_provider]
    return sorted(set(ids))


# --- the document the page loads -------------------------------------------------------------


def test_facets_list_every_value_with_its_label_in_order(catalogue):
    document = search.search_index(catalogue)
    assert document["facets"] == [
        {"key": "level", "label": "EQF level", "values": [["3", "EQF level 3"],
                                                          ["4", "EQF level 4"]]},
        {"key": "workload", "label": "Workload",
         "values": [["0-25", "Up to 25 hours"], ["25-50", "Over 25, up to 50 hours"]]},
        {"key": "lang", "label": "Language of instruction",
         "values": [["en", "English"], ["it", "Italian"]]},
        {"key": "mode", "label": "Mode of participation",
         "values": [["online", "Online"], ["onsite", "On site (in person)"]]},
        {"key": "licence", "label": "Licence",
         "values": [["CC-BY-4.0", "CC BY 4.0"], ["CC-BY-SA-4.0", "CC BY-SA 4.0"]]},
        {"key": "open", "label": "Open licence",
         "values": [["open", "Open (OER: free to reuse and adapt)"]]},
        {"key": "price", "label": "Price", "values": [["free", "Free"], ["paid", "Paid"]]},
        {"key": "country", "label": "Provider country",
         "values": [["IT", "Italy"], ["PL", "Poland"]]},
        {"key": "provider", "label": "Provider",
         "values": [["centre", "Example Training Centre (fictional)"],
                    ["academy", "Gdańsk Hospitality Academy (fictional)"]]},
        {"key": "field", "label": "Field of education", "values": [["10", "Services"]]},
        {"key": "dates", "label": "Dates", "values": [["none", "No dates announced"]]},
    ]


def test_units_carry_only_what_a_result_card_shows(catalogue):
    units = search.search_index(catalogue)["units"]
    assert units == {
        "id": ["barista", "caffe-italiano"],
        "title": ["Barista basics", "Italian coffee culture"],
        "titleLang": {},
        "hours": [25, 40],
        "ects": [1, None],
        "price": ["Free", "EUR 90"],
        "cost": [0, 90],
        "next": {},  # neither has an upcoming session
        "published": [20103, 20210],  # days since 1970-01-01: 2025-01-15, 2025-05-02
        "local": [0, 1],  # both are described in English: a page in the index's language
        "facets": {"level": [0, 1], "workload": [0, 1], "lang": [[0], [0, 1]],
                   "mode": [1, 0], "licence": [0, 1], "open": [0, 0], "price": [0, 1],
                   "country": [0, 1], "provider": [0, 1], "field": [0, 0], "dates": [0, 0]},
    }


def test_outcomes_list_the_units_that_use_them_as_gaps(catalogue):
    document = search.search_index(catalogue)
    # documents: 2 units, then the outcomes espresso (both units), origins (the second)
    assert document["outcomeUnits"] == ["11", "2"]  # gaps [1, 1] and [2], one digit each
    assert document["index"]["documents"] == 2 + 2 + 2


def test_a_title_in_another_language_keeps_its_language(content_tree):
    content_tree.minimal()
    text = (content_tree.content / "units" / "barista.yaml").read_text(encoding="utf-8")
    content_tree.write("units", "barista", text.replace(
        "title: Barista basics", "title: {it: Corso base per baristi}"))
    units = search.search_index(load_catalogue(content_tree.content))["units"]
    assert units["title"] == ["Corso base per baristi"]
    assert units["titleLang"] == {"0": "it"}


@pytest.mark.parametrize(("hours", "band"), [
    ("0.5", "0-25"), ("25", "0-25"), ("25.5", "25-50"), ("50", "25-50"), ("100", "50-100"),
    ("200", "100-200"), ("200.5", "200+"), ("3000", "200+"),
])
def test_workload_bands_include_their_upper_bound(hours, band):
    assert search.workload_band(Decimal(hours)) == band


def test_words_are_folded_split_and_stripped_of_stop_words_and_links():
    assert search.normalise_words(
        "The Caffè-Bar: l'ESPRESSO, ½ litre (3-2-1 rule) 🙂ok, see https://x.org/a?b=c "
        "Łódź naïve_word", stem=False) == [
        "caffe", "bar", "l", "espresso", "1", "2", "litre", "3", "2", "1", "rule", "ok",
        "see", "łodz", "naive", "word"]


def test_the_page_script_cuts_words_at_the_same_characters():
    script = (Path(__file__).parent.parent / "theme" / "assets" / "catalogue.js").read_text()
    declared = re.search(r"var SEPARATORS = /(.*)/;", script)
    assert declared is not None
    # JavaScript's \xNN and \uNNNN escapes mean the same to Python's re; beyond the BMP,
    # JavaScript sees the two UTF-16 surrogates that the \ud800-\udfff range matches.
    javascript = re.compile(declared.group(1))
    for code in range(0xD800):
        assert bool(javascript.fullmatch(chr(code))) == bool(
            search.SEPARATORS.fullmatch(chr(code))), hex(code)
    for code in range(0xE000, 0x10000):
        assert bool(javascript.fullmatch(chr(code))) == bool(
            search.SEPARATORS.fullmatch(chr(code))), hex(code)
    assert javascript.fullmatch("\ud83d\ude42") and search.SEPARATORS.fullmatch("\U0001f642")


def test_a_long_description_adds_only_its_most_distinctive_words(content_tree):
    content_tree.minimal()
    words = [f"word{n:03d}" for n in range(100)]
    text = (content_tree.content / "units" / "barista.yaml").read_text(encoding="utf-8")
    content_tree.write("units", "barista",
                       text + "description: " + " ".join(words + ["espresso"] * 5) + "\n")
    document = search.search_index(load_catalogue(content_tree.content))
    text_field = document["index"]["fields"].index("text")
    summary_words = len(search.normalise_words(
        "Make espresso drinks to a professional standard."))
    length = packed_index.decode_numbers(document["index"]["lengths"][text_field])[0]
    kept = length - summary_words
    assert kept == search.DESCRIPTION_WORDS  # "espresso" is in the summary: never repeated


# --- compactness -------------------------------------------------------------------------------


def test_the_file_is_compact_json_without_display_text_it_does_not_need(catalogue):
    data = search.render(catalogue, SITE)[search.INDEX_PATH]
    text = data.decode("utf-8")
    assert json.loads(text)["version"] == search.FORMAT_VERSION
    assert text == json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False,
                              separators=(",", ":"))
    for unused in ("Regional coffee traditions", "An oral exam", "Reviewed yearly",
                   "example.org", "**granita**"):  # summaries, assessment, QA, links, text
        assert unused not in text


def test_rendering_twice_gives_the_same_bytes(catalogue):
    assert search.render(catalogue, SITE) == search.render(catalogue, SITE)


def test_the_renderer_is_registered_and_ships_lunr(catalogue):
    assert search.render in AGGREGATES
    files = search.render(catalogue, SITE)
    assert sorted(files) == sorted([
        search.LUNR_SCRIPT_PATH, search.STEMMER_SUPPORT_PATH,
        *(f"assets/vendor/lunr.{lang}.js" for lang in ("de", "fr", "it", "es", "fi")),
        search.INDEX_PATH, *(f"catalogue/search-index.{lang}.json"
                             for lang in ("de", "fr", "it", "es", "pl", "fi")),
        search.SUMMARIES_PATH, *(f"catalogue/summaries.{lang}.json"
                                 for lang in ("de", "fr", "it", "es", "pl", "fi"))])
    script = files[search.LUNR_SCRIPT_PATH].decode("utf-8")
    assert f"not as bright - {__TARGET_JS_VERSION__}\n" in script  # the banner of the release
    assert json.loads(files[search.INDEX_PATH])["index"]["version"] == __TARGET_JS_VERSION__


# --- the packed lunr index --------------------------------------------------------------------


def test_numbers_take_five_bits_a_character_and_come_back():
    assert packed_index.encode_numbers([0, 31, 32, 1023, 1024]) == "0VX0_VXW0"
    numbers = [0, 1, 31, 32, 33, 1023, 1024, 32767, 32768, 10**9]
    assert packed_index.decode_numbers(packed_index.encode_numbers(numbers)) == numbers
    assert set(packed_index.DIGITS) <= set("-_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "abcdefghijklmnopqrstuvwxyz")  # never escaped


def test_unpacking_gives_back_lunr_py_serialised_index(catalogue):
    units = list(catalogue.units.values())
    words = search.Words("it")
    rarity = search.description_rarity(units, words)
    documents = [search.unit_words(unit, rarity, words) for unit in units]
    stock = Builder()  # lunr.py's own, with an empty pipeline: words are already normalised
    stock.ref("ref")
    for name, boost in search.FIELD_BOOSTS.items():
        stock.field(name, boost=boost)
    for number, document in enumerate(documents):
        stock.add({"ref": str(number), **document})
    expected = stock.build().serialize()
    unpacked = packed_index.unpack(packed_index.pack(search.FIELD_BOOSTS, documents))
    assert unpacked["fields"] == expected["fields"]
    assert unpacked["version"] == expected["version"]
    terms = [term for term, _ in expected["invertedIndex"]]
    assert [term for term, _ in unpacked["invertedIndex"]] == terms
    renumber = {posting["_index"]: n for n, (_, posting) in enumerate(expected["invertedIndex"])}
    for (_, ours), (_, theirs) in zip(unpacked["invertedIndex"], expected["invertedIndex"],
                                      strict=True):
        assert {k: v for k, v in ours.items() if k != "_index"} == json.loads(json.dumps(
            {k: v for k, v in theirs.items() if k != "_index"}))
    vectors = {ref: elements for ref, elements in expected["fieldVectors"] if elements}
    assert [ref for ref, _ in unpacked["fieldVectors"]] == sorted(
        vectors, key=lambda ref: (list(search.FIELD_BOOSTS).index(ref.split("/")[0]),
                                  int(ref.split("/")[1])))
    for ref, elements in unpacked["fieldVectors"]:
        theirs = vectors[ref]
        pairs = sorted((renumber[theirs[i]], theirs[i + 1]) for i in range(0, len(theirs), 2))
        assert elements[0::2] == [term for term, _ in pairs]
        assert elements[1::2] == pytest.approx([score for _, score in pairs], abs=0.0011)


def test_a_word_finds_its_unit_through_any_language_outcome_or_provider(catalogue):
    document = search.search_index(catalogue)
    assert found(document, "espresso") == ["barista", "caffe-italiano"]  # outcome
    assert found(document, "caffe") == ["caffe-italiano"]  # Italian title, accent folded
    assert found(document, "tradizioni") == ["caffe-italiano"]  # Italian summary
    assert found(document, "granita") == ["caffe-italiano"]  # description
    assert found(document, "altitude") == ["caffe-italiano"]  # outcome statement
    assert found(document, "gdansk") == ["caffe-italiano"]  # provider name
    assert found(document, "gha") == ["caffe-italiano"]  # provider short name
    assert found(document, "italia") == ["caffe-italiano"]  # keyword
    assert found(document, "barista") == ["barista", "caffe-italiano"]  # title, keyword
    assert found(document, "moka") == ["caffe-italiano"]
    assert found(document, "example") == ["barista"]  # provider, not the link in a description


def test_the_built_site_has_the_index_the_script_and_the_plain_list(built_site: Path):
    document = json.loads((built_site / "catalogue" / "search-index.json").read_bytes())
    units = sorted(path.parent.name for path in (built_site / "units").glob("*/index.html"))
    assert sorted(document["units"]["id"]) == units
    assert (built_site / "assets" / "vendor" / "lunr.min.js").stat().st_size > 25_000
    assert (built_site / "assets" / "catalogue.js").exists()
    html = (built_site / "catalogue" / "index.html").read_text(encoding="utf-8")
    assert 'data-index="search-index.json"' in html
    assert '<script src="../assets/vendor/lunr.min.js" defer></script>' in html
    shown = min(len(units), 50)
    assert html.count('class="mv-card"') == shown  # the whole list works without the script


# --- one index per interface language ---------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
INFLECTED = [
    # (language, form typed, the unit whose text has another form of the word)
    ("de", "Wärmepumpen", "heat-pump-installation"),  # title: "Wärmepumpen ... installieren"
    ("de", "Wärmepumpe", "heat-pump-installation"),
    ("fr", "expérience", "sustainable-tourism-experiences"),  # "expériences touristiques"
    ("fr", "touristique", "sustainable-tourism-experiences"),
    ("it", "reclamo", "guest-service-and-complaints"),  # "gestione dei reclami"
    ("it", "bevanda", "barista-basics"),  # "bevande a base di latte"
    ("es", "caída", "safe-moving-and-handling"),  # "prevención de caídas"
    ("es", "infección", "infection-prevention-basics"),  # "control de infecciones"
    ("fi", "jyrsintä", "cnc-milling-setup"),  # "CNC-jyrsinnän asetus"
    ("fi", "jyrsinnässä", "cnc-milling-setup"),
    ("fi", "robotti", "industrial-robot-operation"),  # "yhteistyörobottien"... "robottien"
]


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    """The sample content of the repository."""
    return load_catalogue(ROOT / "content", root=ROOT)


@pytest.fixture(scope="module")
def sample_indexes(sample) -> dict[str, dict]:
    """The index of every interface language over the sample content."""
    return {language: search.search_index(sample, language)
            for language in ("en", "de", "fr", "it", "es", "pl", "fi")}


@pytest.mark.parametrize(("language", "typed", "unit"), INFLECTED)
def test_an_inflected_form_finds_the_unit_in_its_language(sample_indexes, language, typed,
                                                          unit):
    document = sample_indexes[language]
    assert unit in found(document, typed)
    hits = query(document, typed)
    own_fields = {field for hit in hits for term in hit["match_data"].metadata.values()
                  for field in term if not field.endswith(search.OTHER)}
    assert own_fields  # found through the texts in the page's language, stemmed


def test_texts_in_other_languages_are_folded_not_stemmed(sample_indexes):
    english = sample_indexes["en"]
    assert "heat-pump-installation" in found(english, "Wärmepumpen")  # the word as written
    german = sample_indexes["de"]
    terms = set(german["index"]["terms"])
    assert {"warmepump", "installi"} <= terms  # German texts, stemmed
    assert "installation" in terms  # English texts in the German index, as written


def test_each_language_has_its_own_titles_prices_and_facet_labels(sample_indexes):
    german, polish = sample_indexes["de"], sample_indexes["pl"]
    position = german["units"]["id"].index("heat-pump-installation")
    assert german["units"]["title"][position] == "Wärmepumpen fachgerecht installieren"
    assert str(position) not in german["units"]["titleLang"]  # the title is German
    assert german["units"]["price"][position] == "EUR 760"
    assert [facet["label"] for facet in german["facets"]] == [
        "EQR-Niveau", "Arbeitsaufwand", "Unterrichtssprache", "Teilnahmeform", "Lizenz",
        "Offene Lizenz", "Preis", "Land des Anbieters", "Anbieter", "Bildungsbereich", "Termine",
        "Anerkennung von Vorkenntnissen", "Anerkannt von", "Teil eines Lernpfads"]
    price = next(facet for facet in polish["facets"] if facet["key"] == "price")
    assert price["values"] == [["free", "Bezpłatne"], ["paid", "Płatne"]]
    english = sample_indexes["en"]
    position = english["units"]["id"].index("heat-pump-installation")
    assert english["units"]["title"][position] == "Wärmepumpen fachgerecht installieren"
    assert english["units"]["titleLang"][str(position)] == "de"  # no English title


def test_polish_words_are_folded_but_not_stemmed():
    assert search.normalise_words("Arkusze kalkulacyjne w chmurze", "pl") == [
        "arkusze", "kalkulacyjne", "w", "chmurze"]
    assert search.normalise_words("Arkusze kalkulacyjne", "de") == ["arkusz", "kalkulacyjn"]


def test_stop_words_are_those_of_the_interface_language():
    assert search.normalise_words("die Wärmepumpe und der Kältekreis", "de") == [
        "warmepump", "kaltekreis"]
    assert search.normalise_words("die Wärmepumpe und der Kältekreis", "en", stem=False) == [
        "die", "warmepumpe", "und", "der", "kaltekreis"]


def test_the_vendored_stemmers_are_those_mkdocs_ships():
    """Re-vendor (and rerun the browser's stem test) when MkDocs updates lunr-languages."""
    shipped = resources.files("mkdocs.contrib.search") / "lunr-language"
    vendored = resources.files("generator.outputs") / "vendor"
    for name in ("lunr.stemmer.support.js", *(f"lunr.{lang}.js" for lang in search.SNOWBALL)):
        assert (vendored / name).read_bytes() == (shipped / name).read_bytes(), name


def test_summaries_follow_the_order_of_each_language_index(catalogue):
    for language in ("en", "de"):
        ids = search.search_index(catalogue, language)["units"]["id"]
        assert search.summaries(catalogue, language) == [
            pick(catalogue.units[unit_id].summary, language) for unit_id in ids]
    assert search.summaries_path("en") == "catalogue/summaries.json"
    assert search.summaries_path("fi") == "catalogue/summaries.fi.json"
