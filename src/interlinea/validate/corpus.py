"""The documents being validated, indexed once: identifiers, pointers, and where things are in the files."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from interlinea.diagnostics import Diagnostic, Level
from interlinea.tei import NS, TEI_NS, XML_ID, XML_LANG, XML_NS
# Attributes whose values are pointers (space-separated lists of URI references).
POINTER_ATTRIBUTES = ("ref", "target", "corresp", "active", "passive", "mutual", "source", "domains", "sameAs")
# The elements with a pointer attribute, in document order.
_WITH_POINTERS = etree.XPath("descendant-or-self::*[" + " or ".join(f"@{name}" for name in POINTER_ATTRIBUTES) + "]")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


@dataclass
class Document:
    path: Path
    label: str
    tree: etree._ElementTree
    # The file's lines, for the columns of diagnostics: a list, or what makes it when a diagnostic
    # first needs it (most files get none, and an edition's lines would double its memory).
    lines: "list[str] | Callable[[], list[str]]"
    report: bool = True  # False for documents loaded only as context for cross-file rules
    data: bytes = b""  # the file's bytes, as parsed (for the memo of its own checks)

    @cached_property
    def folder(self) -> str:
        """The folder the file's relative pointers start from (a string: hashed hundreds of
        thousands of times per run, which a Path is slow at)."""
        return str(self.path.parent)

    @cached_property
    def source_lines(self) -> list[str]:
        return self.lines() if callable(self.lines) else self.lines

    @property
    def root(self) -> etree._Element:
        return self.tree.getroot()

    def column_of(self, node: etree._Element, attribute: str | None = None) -> int:
        """1-based column of an element's start tag (or of one of its attributes) on its line."""
        line_number = node.sourceline or 0
        if not 0 < line_number <= len(self.source_lines):
            return 0
        line = self.source_lines[line_number - 1]
        local = etree.QName(node).localname
        start = re.search(rf"<(?:\w+:)?{re.escape(local)}\b", line)
        if start is None:
            return 1
        if attribute is None:
            return start.start() + 1
        name = "xml:" + attribute.split("}")[1] if attribute.startswith(f"{{{XML_NS}}}") else attribute
        found = re.compile(rf"\s{re.escape(name)}\s*=").search(line, start.end())
        return found.start() + 2 if found else start.start() + 1

    def diagnostic(self, node: etree._Element, rule: str, message: str, level: Level = Level.ERROR, attribute: str | None = None) -> Diagnostic:
        return Diagnostic(
            self.label,
            node.sourceline or 0,
            self.column_of(node, attribute),
            rule,
            message,
            level=level,
            xml_id=node.get(XML_ID),
        )

    def elements(self, local: str) -> list[etree._Element]:
        return list(self.root.iter(f"{{{TEI_NS}}}{local}"))

    @cached_property
    def ids(self) -> dict[str, etree._Element]:
        found: dict[str, etree._Element] = {}
        for node in self.root.iter():
            if isinstance(node.tag, str) and node.get(XML_ID) is not None:
                found.setdefault(node.get(XML_ID), node)
        return found

    @cached_property
    def declared_languages(self) -> set[str]:
        """The languages profileDesc/langUsage declares for the text."""
        return set(self.root.xpath("tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident", namespaces=NS))

    @property
    def is_register(self) -> bool:
        return bool(self.root.xpath("tei:text/tei:body/tei:div[@type='register']", namespaces=NS))

    def language_of(self, node: etree._Element) -> str | None:
        """The language in force at a node (its own xml:lang or the nearest ancestor's)."""
        for ancestor in [node, *node.iterancestors()]:
            if ancestor.get(XML_LANG) is not None:
                return ancestor.get(XML_LANG)
        return None


@dataclass(frozen=True)
class Link:
    """One pointer of one attribute, resolved once for every rule that needs it."""

    document: Document
    node: etree._Element
    attribute: str
    pointer: str
    missing_file: str | None  # the file named, when it is not part of the corpus
    target: Document | None  # None for an external URI or a missing file
    element: etree._Element | None  # None when the fragment names nothing


@dataclass
class Corpus:
    """Every document of a validation run, plus the seeds folder for the digest rule."""

    documents: list[Document] = field(default_factory=list)
    seeds_dir: Path | None = None
    # Files of the edition that could not be parsed: their own errors are reported; pointers into
    # them cannot be checked, and saying they are "not a file of the edition" would be false.
    unreadable: set[Path] = field(default_factory=set)

    def reported(self) -> list[Document]:
        return [d for d in self.documents if d.report]

    @cached_property
    def by_path(self) -> dict[Path, Document]:
        return {d.path.resolve(): d for d in self.documents}

    @cached_property
    def links(self) -> list[Link]:
        """Every pointer in every document, resolved (once per validation run)."""
        found = []
        for document in self.documents:
            for node in _WITH_POINTERS(document.root):  # in document order, found by libxml2
                for attribute in POINTER_ATTRIBUTES:
                    for pointer in pointers_of(node, attribute):
                        try:
                            resolved = self.resolve(document, pointer)
                        except LookupError as missing:
                            found.append(Link(document, node, attribute, pointer, str(missing), None, None))
                            continue
                        target, element = resolved if resolved is not None else (None, None)
                        found.append(Link(document, node, attribute, pointer, None, target, element))
        return found

    def resolve(self, document: Document, pointer: str) -> tuple[Document, etree._Element | None] | None:
        """The document and element a pointer inside the edition designates.

        None for an external URI (with a scheme) or a file that could not be parsed; (document, None) when the file exists but the
        fragment names nothing; raises LookupError when the file is not part of the corpus.
        """
        where = self._file_of(document.folder, pointer)
        if where is None:
            return None
        path, fragment, named = where
        if path is None:
            target = document
        else:
            target = self._by_name.get(path)
            if target is None and path in self._unreadable_names:
                return None
            if target is None:
                raise LookupError(named)
        if not fragment:
            return target, target.root
        return target, target.ids.get(fragment)

    def _file_of(self, folder: str, pointer: str) -> tuple[str | None, str, str] | None:
        """What a pointer written in a file of `folder` names: the file, resolved (None for the same
        file), the fragment and the file as written, unquoted; None for an external URI. Once per
        run for each pointer and folder: an edition repeats the same few pointers (its registers')
        thousands of times."""
        if pointer.startswith("#"):  # most pointers: an element of the same file
            return None, _unquoted(pointer[1:]), ""
        if _SCHEME.match(pointer):
            return None
        written, _, fragment = pointer.partition("#")
        relative = _unquoted(written.partition("?")[0])
        cache = self.__dict__.setdefault("_files", {})
        key = (folder, relative)
        if key not in cache:
            cache[key] = str(_resolve_path(Path(folder), relative)) if relative else None
        return cache[key], _unquoted(fragment), relative

    @cached_property
    def _by_name(self) -> dict[str, Document]:
        return {str(path): document for path, document in self.by_path.items()}

    @property
    def _unreadable_names(self) -> set[str]:
        return {str(path) for path in self.unreadable}


def _unquoted(part: str) -> str:
    return unquote(part) if "%" in part else part


def _resolve_path(folder: Path, relative: str) -> Path:
    return (folder / relative).resolve()


def pointers_of(node: etree._Element, attribute: str) -> list[str]:
    value = node.get(attribute)
    return value.split() if value else []
