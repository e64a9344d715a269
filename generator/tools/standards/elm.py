"""Europass ELM 3.1: the LOQ SHACL shapes (pyshacl) and the QDR XML schema `loq.xsd` (lxml).

The shapes are loaded with rdflib and their Java-style `sh:pattern` regexes rewritten in
memory to Python's syntax; the files stay as published.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import rdflib
from lxml import etree
from pyshacl import validate
from rdflib.namespace import DCTERMS, RDF, SH

from generator.tools.standards import DATA
from generator.tools.standards.jsonld import expand_strictly, to_nquads

SHAPES = DATA / "elm" / "shacl"
LOQ_XSD = DATA / "elm" / "xsd" / "loq.xsd"
ELM = rdflib.Namespace("http://data.europa.eu/snb/model/elm/")
JAVA_REGEX = {
    # Java character-class unions and constructs that Python's `re` reads differently or not
    # at all, rewritten to their Python equivalents.
    r"[%[\p{L}\p{Nl}\p{Nd}]]": r"[%\w]",
    r"[[A-Fa-f0-9]\:\.]": r"[A-Fa-f0-9\:\.]",
    r"\p{L}\p{Nl}\p{Nd}": r"\w",
    "^(?i)": "(?i)^",
}


@cache
def loq_shapes() -> rdflib.Graph:
    """Both LOQ shape files in one graph, with every `sh:pattern` made Python-compatible."""
    shapes = rdflib.Graph()
    for name in ("LOQ-constraints.ttl", "LOQ-constraints-mdr.ttl"):
        shapes.parse(SHAPES / name, format="turtle")
    for subject, _, pattern in list(shapes.triples((None, SH.pattern, None))):
        rewritten = str(pattern)
        for java, python in JAVA_REGEX.items():
            rewritten = rewritten.replace(java, python)
        shapes.set((subject, SH.pattern, rdflib.Literal(rewritten)))
    return shapes


def to_graph(document: Any) -> rdflib.Graph:
    """The document's RDF; raises `DroppedTerm` if processing would drop any key."""
    expand_strictly(document)
    graph = rdflib.Graph()
    # Everything is in the default graph, so each N-Quads line is an N-Triples line.
    graph.parse(data=to_nquads(document), format="nt")
    return graph


def shacl_violations(document: Any) -> list[str]:
    """Every LOQ violation as `focus node / path: message` (empty when it conforms)."""
    conforms, report, _ = validate(to_graph(document), shacl_graph=loq_shapes())
    if conforms:
        return []
    return sorted(
        f"{report.value(result, SH.focusNode)} / {report.value(result, SH.resultPath)}: "
        f"{report.value(result, SH.resultMessage)}"
        for result in report.subjects(RDF.type, SH.ValidationResult))


def achievement_minimums(document: Any) -> list[str]:
    """What the deactivated `LearningAchievementSpecification` shape would require, missing."""
    graph = to_graph(document)
    missing = []
    required = {"title": DCTERMS.title, "language": DCTERMS.language,
                "ISCED-F code": ELM.ISCEDFCode, "learning outcome": ELM.learningOutcome}
    for node in document.get("@graph", []):
        opportunity = rdflib.URIRef(node["@id"])
        specification = graph.value(opportunity, ELM.learningAchievementSpecification)
        missing += [f"{specification}: no {name}" for name, path in required.items()
                    if graph.value(specification, path) is None]
    return missing


@cache
def loq_schema() -> etree.XMLSchema:
    """`loq.xsd` with its code lists (`cv/`) and external vocabularies (`external/`)."""
    return etree.XMLSchema(etree.parse(str(LOQ_XSD)))


def loq_xml_errors(document: bytes) -> list[str]:
    """Every `loq.xsd` violation as `line: message` (empty when valid)."""
    schema = loq_schema()
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    if schema.validate(etree.fromstring(document, parser)):
        return []
    # lxml-stubs omit `_ErrorLog.__iter__`; iterating it is lxml's documented use.
    return [f"{error.line}: {error.message}"
            for error in schema.error_log]  # type: ignore[attr-defined]
