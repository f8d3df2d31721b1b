"""The schemas, each compiled once per process: the project's customization and the official tei_all."""

from __future__ import annotations

from functools import cache

from lxml import etree

from interlinea.diagnostics import Diagnostic
from interlinea.resources import schema_path
from interlinea.xml_input import safe_parser


RNG_NS = "http://relaxng.org/ns/structure/1.0"


@cache
def project_schema(root: str | None = None) -> etree.RelaxNG:
    """schema/interlinea.rng (compiled from schema/interlinea.rnc; milliseconds to compile).

    With `root` ("TEI.text", "TEI.register" or "TEI.alignment"), the grammar starts at that pattern
    only. All are <TEI>; validating a document against the one it is, rather than the choice of all,
    keeps libxml2 from reporting the failed attempts of the other branches as errors.
    """
    grammar = etree.parse(str(schema_path("interlinea.rng")), safe_parser())
    if root is not None:
        start = grammar.getroot().find(f"{{{RNG_NS}}}start")
        for child in list(start):
            start.remove(child)
        etree.SubElement(start, f"{{{RNG_NS}}}ref", name=root)
    return etree.RelaxNG(grammar)


def project_schema_for(tree: etree._ElementTree) -> etree.RelaxNG:
    root = tree.getroot()
    if root.xpath("*[local-name()='text']/*[local-name()='body']/*[local-name()='div'][@type='register']"):
        return project_schema("TEI.register")
    if root.xpath("*[local-name()='standOff']/*[local-name()='linkGrp']") and not root.xpath("*[local-name()='text']"):
        return project_schema("TEI.alignment")
    return project_schema("TEI.text")


@cache
def tei_all_schema() -> etree.RelaxNG:
    """The official TEI P5 tei_all (about 9 s to compile)."""
    return etree.RelaxNG(etree.parse(str(schema_path("tei_all", "tei_all.rng")), safe_parser()))


def schema_diagnostics(tree: etree._ElementTree, schema: etree.RelaxNG, label: str, rule: str) -> list[Diagnostic]:
    if schema.validate(tree):
        return []
    return [Diagnostic(label, error.line, error.column, rule, error.message) for error in schema.error_log]
