"""Europass QDR export: every unit and pathway in one LOQ `Courses` document, `api/loq.xml`.

The XML is written from the same ELM nodes as `units/<id>/elm.jsonld`, so the two can never
say different things. Each node with an identifier becomes one record in its `...References`
section, written once; every other mention of it becomes an `idref`. The element order below
follows `loq.xsd` (ELM 3.1.0) exactly.
"""

from __future__ import annotations

from typing import Any, cast

from lxml import etree

from generator.content.catalogue import Catalogue
from generator.content.text import pick_language
from generator.kinds import SiteInfo
from generator.outputs.elm import default_language, unit_to_elm
from generator.outputs.elm_concepts import Node
from generator.outputs.elm_pathway import pathway_to_elm

LOQ = "http://data.europa.eu/snb/model/ap/loq-constraints/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DC = "http://purl.org/dc/terms/"
NSMAP = {None: LOQ, "skos": SKOS, "dc": DC}

# Kinds of values: text per language; a code of a list the schema enumerates (URI only) or a
# concept of an open list (URI, labels, scheme); an identified node written as its own record
# (`ref`) or a record that another unit contributes (`link`); a plain literal; notes (one
# element per language) or a single-language note. Any other kind names a structure.
TEXT, CODE, CONCEPT, REF, LINK, LITERAL, NOTES, NOTE = (
    "text", "code", "concept", "ref", "link", "literal", "notes", "note")
Field = tuple[str, str, str]

STRUCTURES: dict[str, list[Field]] = {
    "Note": [("subject", f"{{{DC}}}subject", CONCEPT), ("noteLiteral", "noteLiteral", TEXT)],
    "WebResource": [("title", "title", TEXT), ("contentURL", "contentUrl", LITERAL)],
    "PeriodOfTime": [("startDate", "startDate", LITERAL), ("endDate", "endDate", LITERAL)],
    "PriceDetail": [("amount", "amount", "Amount"),
                    ("prefLabel", f"{{{SKOS}}}prefLabel", TEXT)],
    "Amount": [("unit", "unit", CODE), ("rdf:value", "value", LITERAL)],
    "CreditPoint": [("framework", "framework", CODE), ("point", "point", LITERAL)],
    "Address": [("fullAddress", "fullAddress", NOTE), ("countryCode", "countryCode", CODE)],
    "AwardingOpportunity": [("awardingBody", "awardingBody", REF),
                            ("learningAchievementSpecification",
                             "learningAchievementSpecification", REF)],
    "ContactPoint": [("phone", "phone", "Phone"), ("emailAddress", "emailAddress", LITERAL)],
    "Phone": [("phoneNumber", "phoneNumber", LITERAL)],
}

RECORDS: dict[str, tuple[str, str, list[Field]]] = {
    "LearningOpportunity": ("learningOpportunityReferences", "learningOpportunity", [
        ("title", "title", TEXT), ("description", "description", TEXT),
        ("dcType", "type", CODE), ("additionalNote", "additionalNote", NOTES),
        ("homepage", "homepage", "WebResource"),
        ("supplementaryDocument", "supplementaryDocument", "WebResource"),
        ("temporal", "temporal", "PeriodOfTime"), ("mode", "mode", CODE),
        ("learningSchedule", "learningSchedule", CODE),
        ("admissionProcedure", "admissionProcedure", NOTE),
        ("applicationDeadline", "applicationDeadline", LITERAL),
        ("priceDetail", "priceDetail", "PriceDetail"), ("providedBy", "providedBy", REF),
        ("location", "location", REF),
        ("learningAchievementSpecification", "learningAchievementSpecification", REF),
        ("hasPart", "hasPart", LINK), ("isPartOf", "isPartOf", LINK),
        ("elm:defaultLanguage", "defaultLanguage", CODE),
        ("dc:modified", "modified", LITERAL),
    ]),
    "LearningAchievementSpecification": (
        "learningAchievementSpecificationReferences", "learningAchievementSpecification", [
            ("title", "title", TEXT), ("description", "description", TEXT),
            ("additionalNote", "additionalNote", NOTES), ("homepage", "homepage", "WebResource"),
            ("supplementaryDocument", "supplementaryDocument", "WebResource"),
            ("thematicArea", "ISCEDFCode", CODE),
            ("volumeOfLearning", "volumeOfLearning", LITERAL),
            ("creditPoint", "creditPoint", "CreditPoint"),
            ("educationLevel", "educationLevel", CONCEPT), ("language", "language", CODE),
            ("mode", "mode", CODE), ("learningSetting", "learningSetting", CODE),
            ("targetGroup", "targetGroup", CODE),
            ("entryRequirement", "entryRequirement", NOTE),
            ("learningOutcome", "learningOutcome", REF), ("provenBy", "provenBy", REF),
            ("hasPart", "hasPart", LINK), ("isPartOf", "isPartOf", LINK),
            ("awardingOpportunity", "awardingOpportunity", "AwardingOpportunity"),
        ]),
    "LearningOutcome": ("learningOutcomeReferences", "learningOutcome", [
        ("title", "title", TEXT), ("dcType", "type", CODE),
        ("additionalNote", "additionalNote", NOTES),
        ("reusabilityLevel", "reusabilityLevel", CODE),
        ("relatedSkill", "relatedSkill", CONCEPT),
        ("relatedESCOSkill", "relatedESCOSkill", CONCEPT),
    ]),
    "LearningAssessmentSpecification": (
        "learningAssessmentSpecificationReferences", "learningAssessmentSpecification", [
            ("title", "title", TEXT), ("description", "description", TEXT),
            ("additionalNote", "additionalNote", NOTES), ("dcType", "type", CODE),
            ("language", "language", CODE), ("mode", "mode", CODE),
            ("proves", "proves", REF),
        ]),
    "Organisation": ("agentReferences", "organisation", [
        ("altLabel", f"{{{SKOS}}}altLabel", TEXT), ("legalName", "legalName", TEXT),
        ("homepage", "homepage", "WebResource"), ("additionalNote", "additionalNote", NOTES),
        ("location", "location", REF), ("contactPoint", "contactPoint", "ContactPoint"),
    ]),
    "Location": ("locationReferences", "location", [
        ("geographicName", "geographicName", TEXT), ("address", "address", "Address"),
    ]),
}

SECTIONS = (
    "learningOpportunityReferences", "learningAchievementSpecificationReferences",
    "learningOutcomeReferences", "learningAssessmentSpecificationReferences",
    "agentReferences", "locationReferences",
)
"""The reference sections this export fills, in the order `CoursesRootType` requires."""


def render(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """`api/loq.xml`: all units, then all pathways, as one QDR `Courses` document."""
    writer = _Writer()
    for unit in catalogue.units.values():
        language = default_language(unit)
        for node in unit_to_elm(catalogue, unit, site)["@graph"]:
            writer.record(node, language)
    for pathway in catalogue.objects["pathways"].values():
        language = pick_language(pathway.title, pathway.default_language)
        for node in pathway_to_elm(catalogue, pathway, site)["@graph"]:
            writer.record(node, language)
    return {"api/loq.xml": writer.document()}


class UnmappedProperty(RuntimeError):
    """An ELM node has a property the XML mapping does not know: a bug in the generator."""


_NSMAP = cast(dict[str, str], NSMAP)
"""lxml takes None for the default namespace; lxml-stubs types the keys as str only."""


class _Writer:
    """Collects records by section and writes each identified node exactly once."""

    def __init__(self) -> None:
        self.sections = {name: etree.Element(_qualified(name), nsmap=_NSMAP) for name in SECTIONS}
        self.written: set[str] = set()

    def document(self) -> bytes:
        """The finished `Courses` document."""
        root = etree.Element(_qualified("Courses"), nsmap=_NSMAP, xsdVersion="3.1.0")
        root.extend(section for section in self.sections.values() if len(section))
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def record(self, node: Node, language: str) -> None:
        """Write `node` and every node it embeds as records, each once.

        `language` is the unit's default language: it picks the text of notes that XML
        allows only once (an entry requirement, an address).
        """
        if node["@id"] in self.written:
            return
        self.written.add(node["@id"])
        section, name, fields = RECORDS[node["@type"]]
        element = etree.SubElement(self.sections[section], _qualified(name), id=node["@id"])
        self._fill(element, node, fields, language)

    def _fill(self, element: etree._Element, node: Node, fields: list[Field],
              language: str) -> None:
        """Write the properties of `node` into `element`, in the schema's order."""
        unknown = sorted(set(node) - {key for key, _, _ in fields} - {"@id", "@type"})
        if unknown:
            raise UnmappedProperty(f"{node.get('@type')}: no XML mapping for {unknown}")
        for key, name, kind in fields:
            for value in _values(node.get(key)):
                self._write(element, name, kind, value, language)

    def _write(self, parent: etree._Element, name: str, kind: str, value: Any,
               language: str) -> None:
        """Write one value of a property as the element(s) its kind calls for."""
        if kind == TEXT:
            for tag, text in sorted(value.items()):
                _sub(parent, name, text, language=tag)
        elif kind == CODE:
            _sub(parent, name, uri=value["@id"])
        elif kind == CONCEPT:
            _concept(parent, name, value)
        elif kind in (REF, LINK):
            _sub(parent, name, idref=value["@id"])
            if kind == REF and set(value) - {"@id", "@type"}:
                self.record(value, language)
        elif kind == LITERAL:
            _sub(parent, name, _literal(value))
        elif kind in (NOTES, NOTE):
            texts = value["noteLiteral"]
            tags = sorted(texts) if kind == NOTES else [pick_language(texts, language)]
            for tag in tags:  # an XML note holds one language
                self._fill(_sub(parent, name), {**value, "noteLiteral": {tag: texts[tag]}},
                           STRUCTURES["Note"], language)
        else:
            self._fill(_sub(parent, name), value, STRUCTURES[kind], language)


def _values(value: Any) -> list[Any]:
    """A property's values as a list (JSON-LD writes a single value without one)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _literal(value: Any) -> str:
    """A plain, typed (`@value`) or identifier (`@id`, e.g. a mailbox) value as text."""
    if isinstance(value, dict):
        return str(value.get("@value", value.get("@id")))
    return str(value)


def _qualified(name: str) -> str:
    """A name in the LOQ namespace, unless it already names its namespace (Clark notation)."""
    return name if name.startswith("{") else f"{{{LOQ}}}{name}"


def _sub(parent: etree._Element, name: str, text: str | None = None,
         **attributes: str) -> etree._Element:
    """A child element with optional text and attributes."""
    element = etree.SubElement(parent, _qualified(name), attributes)
    if text is not None:
        element.text = text
    return element


def _concept(parent: etree._Element, name: str, value: Node) -> None:
    """A concept by URI, with its labels, code and scheme.

    A concept without a URI (a skill of another framework) cannot be written: the XML
    requires one.
    """
    if "@id" not in value:
        return
    element = _sub(parent, name, uri=value["@id"])
    for tag, label in sorted(value.get("prefLabel", {}).items()):
        _sub(element, f"{{{SKOS}}}prefLabel", label, language=tag)
    if "notation" in value:
        _sub(element, f"{{{SKOS}}}notation", value["notation"])
    scheme = value.get("inScheme", {}).get("@id")
    if scheme:
        _sub(element, f"{{{SKOS}}}inScheme", scheme)
