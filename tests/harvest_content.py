"""A small, fixed content tree exercising every harvestable field (exact and golden tests)."""

from __future__ import annotations

from conftest import ContentTree

from generator.content.catalogue import Catalogue, load_catalogue
from generator.kinds import SiteInfo

SITE = SiteInfo(url="https://catalogue.example.org/mv/", name="microVET catalogue",
                repo_url="https://example.org/repo", edit_uri="edit/main/",
                markdown_pages=("", "about/", "data/"))

RICH_UNIT = """\
id: barista
title: {en: Barista basics, it: Barista di base}
summary: Make espresso drinks to a professional standard.
provider: centre
languages: [en, it]
eqf_level: 3
isced_f: "1013"
workload: {hours: 27.5, ects: 1.5, ecvet: 2}
mode: onsite
outcomes: [espresso, digital-orders]
assessment:
  methods: [practical, oral]
  description: A practical test at the coffee machine.
  supervision: supervised-with-id-check
quality_assurance: Reviewed each year by the school's quality board.
credential:
  type: open-badge-3
  verification: An Open Badges 3.0 credential signed by the school; any verifier checks it.
  recognition: {en: Partner cafés hire on it., it: I bar partner lo riconoscono.}
prerequisites: Basic English.
stackability:
  kind: stackable
  into:
    - title: Café operations certificate
      url: https://example.org/cafe-certificate
license: CC-BY-SA-4.0
price: {amount: 180, currency: EUR}
homepage: https://example.org/centre/barista
keywords: [coffee, espresso]
target_groups: [employment-retraining]
sessions:
  - start: 2027-03-01
    end: 2027-03-05
    location: {city: Bologna, country: IT, venue: Example Campus, address: Via Roma 1}
    enrol_url: https://example.org/enrol/march
    places: 12
  - start: 2027-09-01
    location: online
    enrol_url: https://example.org/enrol/september
published: 2026-01-05
updated: 2026-02-10
"""

SECOND_OUTCOME = """\
id: digital-orders
title: Digital orders
statement: The learner can take orders on a tablet till.
category: skill
esco_skills:
  - http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6
other_skills:
  - framework: DigComp 2.2
    code: "2.4"
    label: Collaborating through digital technologies
"""

PLAIN_UNIT = """\
id: {id}
title: {title}
summary: A plain, free, online unit.
provider: centre
languages: [de]
eqf_level: 2
isced_f: "1013"
workload: {{hours: 10}}
mode: online
outcomes: [espresso]
assessment:
  methods: [practical]
  description: A short online test.
quality_assurance: Internal review.
license: CC0-1.0
price: free
credential: {{type: other, verification: Ask the centre., recognition: None formal.}}
{dates}"""


def rich_tree(tree: ContentTree) -> ContentTree:
    """The minimal tree with the unit `barista` enriched with every optional field."""
    tree.minimal()
    tree.write("outcomes", "digital-orders", SECOND_OUTCOME)
    tree.write("units", "barista", RICH_UNIT)
    return tree


def plain_unit(tree: ContentTree, unit_id: str, title: str, dates: str = "") -> None:
    """Add a bare unit; `dates` like 'published: 2026-01-01\\nupdated: 2026-01-02\\n'."""
    tree.write("units", unit_id, PLAIN_UNIT.format(id=unit_id, title=title, dates=dates))


def catalogue_of(tree: ContentTree) -> Catalogue:
    """Load the tree (outside git, so dates come only from the YAML or SOURCE_DATE_EPOCH)."""
    return load_catalogue(tree.content, root=tree.root)


def dated_catalogue(tree: ContentTree) -> Catalogue:
    """The rich unit plus three plain ones: two dated, one with no date at all."""
    rich_tree(tree)
    plain_unit(tree, "alpha", "alpha unit", "published: 2026-03-01\nupdated: 2026-03-01\n")
    plain_unit(tree, "zulu", "Zulu unit", "published: 2026-03-01\n")
    plain_unit(tree, "undated", "Undated unit")
    return catalogue_of(tree)
