"""The bibliography register: works the edition cites or comes from, hand-curated in
tei/registers/bibliography.xml as a `<listBibl>` of `<bibl>` entries, each keyed by its xml:id.

A work outside the edition (an original that no text of the edition holds, such as Pramen's English
statement, which two texts translate) is described here once; the manifest's `translation_of` names
it by its key, and every text that translates it points to this entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from interlinea.errors import InterlineaError
from interlinea.tei import TEI_NS, XML_ID, XML_LANG
from interlinea.xml_input import XMLFile, read_xml

FILE_NAME = "bibliography.xml"


@dataclass(frozen=True)
class Author:
    name: str
    ref: str | None  # pointer to a register entry, as the bibliography writes it


@dataclass(frozen=True)
class BiblEntry:
    key: str
    titles: dict[str, str]  # by language, in document order
    lang: str | None  # the work's main language (textLang/@mainLang)
    authors: tuple[Author, ...] = ()
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    line: int = 0

    @property
    def pointer(self) -> str:
        """How a text in tei/ points to this entry."""
        return f"registers/{FILE_NAME}#{self.key}"

    @property
    def title(self) -> str:
        return next(iter(self.titles.values()), self.key)


@dataclass
class Bibliography:
    path: Path | None = None
    entries: dict[str, BiblEntry] = field(default_factory=dict)

    def lookup(self, key: str) -> BiblEntry | None:
        return self.entries.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self.entries


def _text(node: etree._Element | None) -> str | None:
    if node is None:
        return None
    value = " ".join("".join(node.itertext()).split())
    return value or None


def _entry(node: etree._Element, path: Path) -> BiblEntry:
    key = node.get(XML_ID)
    if not key:
        raise InterlineaError(f"{path}:{node.sourceline}: <bibl> without xml:id; every entry needs a key")
    titles: dict[str, str] = {}
    for title in node.findall(f"{{{TEI_NS}}}title"):
        value = _text(title)
        if value:
            titles.setdefault(title.get(XML_LANG) or "", value)
    authors = []
    for author in node.findall(f"{{{TEI_NS}}}author"):
        named = next((child for child in author if isinstance(child.tag, str)), None)
        authors.append(Author(_text(author) or "", named.get("ref") if named is not None else None))
    date = node.find(f"{{{TEI_NS}}}date")
    link = node.find(f"{{{TEI_NS}}}ref")
    lang = node.find(f"{{{TEI_NS}}}textLang")
    return BiblEntry(
        key=key,
        titles=titles,
        lang=lang.get("mainLang") if lang is not None else None,
        authors=tuple(authors),
        publisher=_text(node.find(f"{{{TEI_NS}}}publisher")),
        date=(date.get("when") or _text(date)) if date is not None else None,
        url=link.get("target") if link is not None else None,
        line=node.sourceline or 0,
    )


def load_bibliography(directory: Path, reader: Callable[[Path], XMLFile] = read_xml) -> Bibliography:
    """Read tei/registers/bibliography.xml; no file is an edition whose works are all its own."""
    path = directory / FILE_NAME
    if not path.is_file():
        return Bibliography()
    parsed = reader(path)
    if parsed.problems or parsed.tree is None:
        raise InterlineaError("\n".join(problem.format() for problem in parsed.problems))
    bibliography = Bibliography(path)
    for node in parsed.tree.iter(f"{{{TEI_NS}}}bibl"):
        entry = _entry(node, path)
        if entry.key in bibliography.entries:
            raise InterlineaError(f"{path}:{node.sourceline}: the key '{entry.key}' is already used by another entry")
        bibliography.entries[entry.key] = entry
    return bibliography
