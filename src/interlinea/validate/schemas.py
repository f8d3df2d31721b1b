"""The schemas: the project's open TEI customization and the official tei_all, both fast in lxml.

Both include the whole of TEI P5, which libxml2 takes some 9 s to compile. A `Schema` therefore
never compiles the whole grammar: for each document it compiles the grammar pruned to the element
names the document uses (`interlinea.validate.grammar`), which gives the same verdict in a few
milliseconds. Pruned grammars are cached twice:

* on disk, as RELAX NG files named by a digest of the schema files, the start pattern, the pruner's
  version and the set of names (`cache_dir()`: $INTERLINEA_CACHE_DIR, else the user's cache folder),
  so that a later run loads a small file instead of flattening tei_all again;
* in memory, compiled, for the documents of one run that use the same names (the texts of an
  edition often do).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from pathlib import Path

from lxml import etree

from interlinea.diagnostics import Diagnostic
from interlinea.resources import schema_path
from interlinea.tei import XML_ID
from interlinea.validate import contract
from interlinea.validate.grammar import RNG_NS, Grammar, Name, document_names, schema_parser

# Bump when the pruned grammars change for the same input (the pruner's output, the keep sets).
PRUNER_VERSION = "2"
MEMORY_CACHE_SIZE = 128
DISK_CACHE_LIMIT = 2000  # files; past it the older half is removed
_INCLUDE = re.compile(rb"<(?:\w+:)?include\b[^>]*\bhref\s*=\s*[\"']([^\"']+)[\"']")


def cache_dir() -> Path | None:
    """Where pruned grammars are kept between runs; None switches the disk cache off (INTERLINEA_CACHE_DIR="")."""
    configured = os.environ.get("INTERLINEA_CACHE_DIR")
    if configured is not None:
        return Path(configured) / "rng" if configured else None
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    elif os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "interlinea" / "rng"


@cache
def _sources_digest(path: Path) -> str:
    """SHA-256 over a grammar file and every file it includes (their bytes, in order)."""
    digest = hashlib.sha256()
    seen: set[Path] = set()

    def add(file: Path) -> None:
        if file in seen:
            return
        seen.add(file)
        data = file.read_bytes()
        digest.update(str(len(data)).encode() + b"\0" + data)
        for href in _INCLUDE.findall(data):
            add((file.parent / href.decode()).resolve())

    add(path.resolve())
    return digest.hexdigest()


@cache
def _grammar(path: Path) -> Grammar:
    return Grammar.load(path)


class Schema:
    """A RELAX NG schema, applied to each document through the grammar pruned to its element names.

    Used like lxml's RelaxNG: `validate(tree)` then `error_log`. `start` names the define to start
    from (all starts of the grammar when None). `keep_own` keeps, in every pruned grammar, the element
    patterns that the top grammar file itself names (the project's own elements: TEI, teiHeader,
    fileDesc, sourceDesc, langUsage, div, p…), as if every document had them: still exact, and a
    document that lacks one reads as with the whole grammar ("Expecting element langUsage").
    """

    def __init__(self, path: Path, start: str | None = None, keep_own: bool = False) -> None:
        self.path = Path(path).resolve()
        self.start = start
        self.keep_own = keep_own
        self._compiled: OrderedDict[frozenset[Name], etree.RelaxNG] = OrderedDict()
        self._last: etree.RelaxNG | None = None

    def __repr__(self) -> str:
        return f"Schema({self.path.name!r}, start={self.start!r})"

    # -- the lxml-like interface ---------------------------------------------------------------------

    def validate(self, tree: etree._ElementTree | etree._Element, names: frozenset[Name] | None = None) -> bool:
        """Whether `tree` is valid. `names`, when given, must hold every element name of the tree (any
        superset does: validating several documents with the union of their names compiles one grammar)."""
        self._last = self.compiled_for(document_names(tree) if names is None else names)
        return self._last.validate(tree)

    @property
    def error_log(self):
        if self._last is None:
            raise RuntimeError("error_log before validate()")
        return self._last.error_log

    def identity(self) -> str:
        """What decides this schema's verdicts: its files (and those they include) and start pattern."""
        return f"{_sources_digest(self.path)}:{self.start or ''}:{self.keep_own}"

    # -- pruned grammars --------------------------------------------------------------------------------

    def key(self, names: frozenset[Name]) -> str:
        digest = hashlib.sha256()
        for part in (PRUNER_VERSION, _sources_digest(self.path), self.start or "", str(self.keep_own)):
            digest.update(part.encode("utf-8") + b"\0")
        for ns, local in sorted(names):
            digest.update(f"{{{ns}}}{local}".encode("utf-8") + b"\0")
        return digest.hexdigest()

    def compiled_for(self, names: frozenset[Name]) -> etree.RelaxNG:
        """The compiled grammar for documents whose element names are `names` (memory, disk, or pruned now)."""
        compiled = self._compiled.get(names)
        if compiled is not None:
            self._compiled.move_to_end(names)
            return compiled
        compiled = etree.RelaxNG(self.pruned_tree(names))
        self._compiled[names] = compiled
        if len(self._compiled) > MEMORY_CACHE_SIZE:
            self._compiled.popitem(last=False)
        return compiled

    def pruned_tree(self, names: frozenset[Name]) -> etree._Element:
        """The pruned grammar as a tree, from the disk cache when it is there."""
        folder = cache_dir()
        file = folder / f"{self.key(names)}.rng" if folder else None
        if file is not None and file.is_file():
            try:
                return etree.parse(str(file), schema_parser()).getroot()
            except (OSError, etree.XMLSyntaxError):
                pass  # a damaged cache file is made again
        data = self.prune(names).serialize()
        if file is not None:
            _store(file, data)
        return etree.fromstring(data, schema_parser())

    def prune(self, names: frozenset[Name]) -> Grammar:
        grammar = _grammar(self.path)
        if self.start is not None:
            grammar = grammar.with_start(self.start)
        kept = set(names)
        if self.keep_own:
            kept |= _own_names(self.path)
        return grammar.prune(kept)

    def full(self) -> etree.RelaxNG:
        """The whole grammar compiled by lxml, unpruned (slow: for comparisons and tests)."""
        tree = _grammar(self.path).with_start(self.start).tree() if self.start else etree.parse(str(self.path), schema_parser())
        return etree.RelaxNG(tree)


def _store(file: Path, data: bytes) -> None:
    """Write a cache file atomically; a cache that cannot be written is simply not used."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=file.parent, prefix=".tmp-", suffix=".rng", delete=False) as out:
            out.write(data)
        os.replace(out.name, file)
        entries = list(file.parent.glob("*.rng"))
        if len(entries) > DISK_CACHE_LIMIT:
            entries.sort(key=lambda p: p.stat().st_mtime)
            for old in entries[: len(entries) // 2]:
                old.unlink(missing_ok=True)
    except OSError:
        pass


@cache
def _own_names(path: Path) -> frozenset[Name]:
    """Element names the top grammar file names itself (not those of the grammars it includes)."""
    own = etree.parse(str(path), schema_parser()).getroot()
    names: set[Name] = set()
    default_ns = own.get("ns", "")
    for element in own.iter(f"{{{RNG_NS}}}element"):
        if element.get("name"):
            prefix, _, local = element.get("name").rpartition(":")
            names.add((element.nsmap.get(prefix) if prefix else element.get("ns", default_ns) or default_ns, local))
    return frozenset(names)


# -- the schemas of Interlinea -----------------------------------------------------------------------------

# The start patterns of schema/interlinea.rnc: a text, a register, an alignment (all are <TEI>).
STARTS = ("TEI.text", "TEI.register", "TEI.alignment")


@cache
def project_schema(root: str | None = None) -> Schema:
    """schema/interlinea.rng, the open customization (compiled from schema/interlinea.rnc).

    With `root` ("TEI.text", "TEI.register" or "TEI.alignment"), the grammar starts at that pattern
    only. All are <TEI>; validating a document against the one it is, rather than the choice of all,
    keeps libxml2 from reporting the failed attempts of the other branches as errors.
    """
    if root is not None and root not in STARTS:
        raise ValueError(f"unknown start pattern {root!r}; one of {', '.join(STARTS)}")
    return Schema(schema_path("interlinea.rng"), start=root, keep_own=True)


def project_schema_for(tree: etree._ElementTree) -> Schema:
    root = tree.getroot()
    if root.xpath("*[local-name()='text']/*[local-name()='body']/*[local-name()='div'][@type='register']"):
        return project_schema("TEI.register")
    if root.xpath("*[local-name()='standOff']/*[local-name()='linkGrp']") and not root.xpath("*[local-name()='text']"):
        return project_schema("TEI.alignment")
    return project_schema("TEI.text")


@cache
def tei_all_schema() -> Schema:
    """The official TEI P5 tei_all (pruned per document: milliseconds instead of 9 s to compile)."""
    return Schema(schema_path("tei_all", "tei_all.rng"))


@cache
def tei_element_names() -> frozenset[str]:
    """The local names of every element TEI P5 defines (tei_all)."""
    tei = "http://www.tei-c.org/ns/1.0"
    return frozenset(local for ns, local in _grammar(schema_path("tei_all", "tei_all.rng").resolve()).element_names() if ns == tei)


def schema_diagnostics(
    tree: etree._ElementTree,
    schema: Schema | etree.RelaxNG,
    label: str,
    rule: str,
    column_of: Callable[[etree._Element], int] | None = None,
    names: frozenset[Name] | None = None,
) -> list[Diagnostic]:
    """The schema's errors for one document, as diagnostics.

    For a text checked against the project schema, a breach of the edition's contract (a citable
    block without xml:id, no langUsage, no seed digest…) is named by `interlinea.validate.contract`
    and reported once, in words; what else the schema finds is reported as libxml2 words it. An
    element TEI does not define is named as such, with the closest TEI name.
    """
    valid = schema.validate(tree, names) if isinstance(schema, Schema) else schema.validate(tree)
    if valid:
        return []
    errors = list(schema.error_log)
    breaches = []
    if isinstance(schema, Schema) and schema.start == "TEI.text":
        breaches, repaired = contract.explain(tree)
        if breaches:
            errors = [] if schema.validate(repaired) else list(schema.error_log)
    found = [
        Diagnostic(label, breach.node.sourceline or 0, column_of(breach.node) if column_of else 0, rule, breach.message,
                   xml_id=breach.node.get(XML_ID))
        for breach in breaches
    ]
    known = tei_element_names() if any(e.message.startswith("Did not expect element") for e in errors) else frozenset()
    found += [Diagnostic(label, e.line, e.column, rule, contract.unknown_element_hint(e.message, known)) for e in errors]
    return found
