"""The validate stage: well-formedness, then the official TEI P5 `tei_all` schema.

Layered as ParlaMint does it: a file that is not well-formed is reported with the parser's line and
column and goes no further; a well-formed file is checked against the schema. Every problem is a
Diagnostic; the caller prints the report.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from lxml import etree

from interlinea.diagnostics import Diagnostic, Report
from interlinea.resources import schema_path
from interlinea.xmlio import safe_parser

TEI_ALL = ("tei_all", "tei_all.rng")


@cache
def tei_all_schema() -> etree.RelaxNG:
    """The compiled tei_all RELAX NG schema (compiling takes seconds: done once per process)."""
    path = schema_path(*TEI_ALL)
    return etree.RelaxNG(etree.parse(str(path), safe_parser()))


def parse_file(path: Path, label: str) -> tuple[etree._ElementTree | None, list[Diagnostic]]:
    """Parse one XML file; a syntax error becomes a diagnostic at the parser's line and column."""
    try:
        return etree.parse(str(path), safe_parser()), []
    except OSError as exc:
        return None, [Diagnostic(label, 0, 0, "io", f"cannot read the file: {exc}")]
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        message = exc.msg.split(f"{path}, ")[-1] if exc.msg else str(exc)
        return None, [Diagnostic(label, line or 0, column or 0, "well-formed", f"not well-formed XML: {message}")]


def schema_diagnostics(tree: etree._ElementTree, schema: etree.RelaxNG, label: str, rule: str) -> list[Diagnostic]:
    if schema.validate(tree):
        return []
    return [
        Diagnostic(label, error.line, error.column, rule, error.message)
        for error in schema.error_log
    ]


def validate_files(
    paths: list[Path],
    label: Callable[[Path], str] = str,
    tei_all: bool = True,
) -> Report:
    report = Report()
    for path in paths:
        name = label(path)
        report.files.append(name)
        tree, problems = parse_file(path, name)
        report.extend(problems)
        if tree is None:
            continue
        if tei_all:
            report.extend(schema_diagnostics(tree, tei_all_schema(), name, "tei-all"))
    return report
