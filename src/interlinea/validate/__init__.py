"""The validate stage, in layers (as ParlaMint does it), one report at the end:

1. inert well-formedness (interlinea.xml_input: no DTD, no entities, no XInclude, no network, size
   and depth limits) — a file that cannot be parsed goes no further;
2. the project schema, schema/interlinea.rng (RELAX NG, lxml): Interlinea's open customization of TEI;
3. optionally the official TEI P5 tei_all schema (RELAX NG, lxml);
   both through grammars pruned to the elements the documents use (see interlinea.validate.grammar
   and interlinea.validate.schemas), which compile in milliseconds instead of seconds;
4. the integrity rules of `interlinea.validate.rules`, across all files of the edition.

Layers 2 and 3 and the rules whose scope is one document depend on nothing but the document: with a
memo (validate/memo.py, what a build keeps in .interlinea/), a file unchanged since the last build
gets their diagnostics back without being checked again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from interlinea.diagnostics import Diagnostic, Report
from interlinea.validate.corpus import Corpus, Document
from interlinea.validate.memo import ValidationMemo, key as memo_key
from interlinea.validate.rules import DOCUMENT, RULES, Rule
from interlinea.validate.grammar import document_names
from interlinea.validate.schemas import Schema, project_schema, project_schema_for, schema_diagnostics, tei_all_schema
from interlinea.xml_input import XMLFile, read_xml

Reader = Callable[[Path, str], XMLFile]

__all__ = ["RULES", "Rule", "Schema", "ValidationMemo", "parse_document", "project_schema", "tei_all_schema", "validate_files"]


def parse_document(path: Path, label: str, report: bool = True, reader: Reader = read_xml) -> tuple[Document | None, list[Diagnostic]]:
    """Parse one file inertly (see interlinea.xml_input); its problems come back as diagnostics.

    A file with a tree is validated further even when it has problems that did not stop the
    parser (a refused DOCTYPE, an XInclude), so that one problem does not hide the others.
    """
    parsed = reader(path, label)
    if parsed.tree is None:
        return None, parsed.problems
    return Document(path=path, label=label, tree=parsed.tree, lines=lambda: parsed.lines, report=report, data=parsed.data), parsed.problems


def _schema_layer(documents: list[Document], schema_of: Callable[[Document], Schema], rule_id: str) -> list[Diagnostic]:
    """One schema over many documents: those checked against the same grammar share one pruned to
    the union of their element names (exact for each, and compiled once)."""
    groups: dict[Schema, list[Document]] = {}
    for document in documents:
        groups.setdefault(schema_of(document), []).append(document)
    found = []
    for schema, members in groups.items():
        names = frozenset().union(*(document_names(d.tree) for d in members))
        for document in members:
            found += schema_diagnostics(document.tree, schema, document.label, rule_id, document.column_of, names)
    return found


def validate_files(
    paths: Iterable[Path],
    label: Callable[[Path], str] = str,
    *,
    context: Iterable[Path] = (),
    seeds_dir: Path | None = None,
    tei_all: bool = False,
    project: bool = True,
    rules: Iterable[Rule] | None = None,
    reader: Reader = read_xml,
    foreign: Iterable[Path] = (),
    memo: ValidationMemo | None = None,
    mapper: Callable = map,
) -> Report:
    """Validate `paths`; `context` are further files of the edition that pointers may lead to.
    `foreign` are texts whose TEI was written elsewhere (imported): the project's header contract
    is not theirs, so their schema layer is tei_all.

    `reader` parses a file (the edition passes its own, which parses each file once per run).
    `memo` keeps each document's own checks (schemas, rules of scope DOCUMENT) between runs;
    `mapper` maps those checks over the documents not in it (map, or interlinea.workers.fork_map
    on several processes).
    """
    report = Report()
    corpus = Corpus(seeds_dir=seeds_dir)
    reported = [Path(p) for p in paths]
    wanted = {p.resolve() for p in reported}
    for path in reported:
        name = label(path)
        report.files.append(name)
        document, problems = parse_document(path, name, reader=reader)
        report.extend(problems)
        if document is None:
            corpus.unreadable.add(path.resolve())
            continue
        corpus.documents.append(document)
    selected = list(RULES if rules is None else rules)
    imported = {Path(p).resolve() for p in foreign}
    schemas: list[tuple[str, Callable[[Document], Schema]]] = []
    if project:
        schemas.append(("schema", lambda d: tei_all_schema() if d.path.resolve() in imported else project_schema_for(d.tree)))
    if tei_all:
        schemas.append(("tei-all", lambda d: tei_all_schema()))
    own_rules = [r for r in selected if r.scope == DOCUMENT]
    own, report.checked = _own_checks(corpus.documents, schemas, own_rules, memo, seeds_dir, mapper)
    report.extend(own)
    for path in context:
        if Path(path).resolve() in wanted:
            continue
        document, _ = parse_document(Path(path), label(Path(path)), report=False, reader=reader)
        if document is not None:
            corpus.documents.append(document)
        else:
            corpus.unreadable.add(Path(path).resolve())
    for edition_rule in (r for r in selected if r.scope != DOCUMENT):
        report.extend(edition_rule.check(corpus))
    return report


def _own_checks(
    documents: list[Document],
    schemas: list[tuple[str, Callable[[Document], Schema]]],
    rules: list[Rule],
    memo: ValidationMemo | None,
    seeds_dir: Path | None,
    mapper: Callable = map,
) -> tuple[list[Diagnostic], list[str]]:
    """What each document's own checks find (its schemas, the rules of scope DOCUMENT): from the
    memo for a document checked before as it is, else checked now (and kept in the memo), by
    `mapper`; and the documents checked now, by label."""
    found: list[Diagnostic] = []
    todo: dict[str, tuple[Document, str]] = {}
    for document in documents:
        checks = [f"{rule_id}={schema_of(document).identity()}" for rule_id, schema_of in schemas] + [r.id for r in rules]
        digest = memo_key(document.data, document.label, checks)
        known = memo.get(digest) if memo is not None else None
        if known is not None:
            found += known
        else:
            todo[document.label] = (document, digest)
    if not todo:
        return found, []
    checked = [document for document, _ in todo.values()]

    def own_checks(document: Document) -> list[Diagnostic]:
        diagnostics = []
        for rule_id, schema_of in schemas:
            diagnostics += _schema_layer([document], schema_of, rule_id)
        own = Corpus(documents=[document], seeds_dir=seeds_dir)
        for own_rule in rules:
            diagnostics += own_rule.check(own)
        return diagnostics

    fresh: list[Diagnostic] = [d for diagnostics in mapper(own_checks, checked) for d in diagnostics]
    if memo is not None:
        by_file: dict[str, list[Diagnostic]] = {name: [] for name in todo}
        for diagnostic in fresh:
            by_file.setdefault(diagnostic.file, []).append(diagnostic)
        for name, (_, digest) in todo.items():
            memo.put(digest, by_file[name])
    return found + fresh, list(todo)
