"""The validate stage, in layers (as ParlaMint does it), one report at the end:

1. well-formedness (lxml; entity expansion and network off) — a file that fails goes no further;
2. the project schema, schema/interlinea.rng (RELAX NG, lxml);
3. optionally the official TEI P5 tei_all schema (RELAX NG, lxml);
4. the integrity rules of `interlinea.validate.rules`, across all files of the edition.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from lxml import etree

from interlinea.diagnostics import Diagnostic, Report
from interlinea.validate.corpus import Corpus, Document
from interlinea.validate.rules import RULES, Rule
from interlinea.validate.schemas import project_schema, project_schema_for, schema_diagnostics, tei_all_schema
from interlinea.xmlio import safe_parser

__all__ = ["RULES", "Rule", "parse_document", "project_schema", "tei_all_schema", "validate_files"]


def parse_document(path: Path, label: str, report: bool = True) -> tuple[Document | None, list[Diagnostic]]:
    """Parse one file; a syntax error becomes a diagnostic at the parser's line and column."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Diagnostic(label, 0, 0, "io", "no such file; `interlinea convert` makes the TEI of the texts")]
    except OSError as exc:
        return None, [Diagnostic(label, 0, 0, "io", f"cannot read the file: {exc.strerror}")]
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser(), base_url=str(path)))
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        message = (exc.msg or str(exc)).split(f"{path}, ")[-1]
        return None, [Diagnostic(label, line or 0, column or 0, "well-formed", f"not well-formed XML: {message}")]
    lines = data.decode("utf-8", errors="replace").splitlines()
    return Document(path=path, label=label, tree=tree, source_lines=lines, report=report), []


def validate_files(
    paths: Iterable[Path],
    label: Callable[[Path], str] = str,
    *,
    context: Iterable[Path] = (),
    seeds_dir: Path | None = None,
    tei_all: bool = False,
    project: bool = True,
    rules: Iterable[Rule] | None = None,
) -> Report:
    """Validate `paths`; `context` are further files of the edition that pointers may lead to."""
    report = Report()
    corpus = Corpus(seeds_dir=seeds_dir)
    reported = [Path(p) for p in paths]
    wanted = {p.resolve() for p in reported}
    for path in reported:
        name = label(path)
        report.files.append(name)
        document, problems = parse_document(path, name)
        report.extend(problems)
        if document is None:
            continue
        corpus.documents.append(document)
        if project:
            report.extend(schema_diagnostics(document.tree, project_schema_for(document.tree), name, "schema"))
        if tei_all:
            report.extend(schema_diagnostics(document.tree, tei_all_schema(), name, "tei-all"))
    for path in context:
        if Path(path).resolve() in wanted:
            continue
        document, _ = parse_document(Path(path), label(Path(path)), report=False)
        if document is not None:
            corpus.documents.append(document)
    for selected in RULES if rules is None else rules:
        report.extend(selected.check(corpus))
    return report
