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
from urllib.parse import urlsplit

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
    titles: dict[str, str]  # by language, in document order (the first of each language)
    lang: str | None  # the work's main language (textLang/@mainLang)
    authors: tuple[Author, ...] = ()
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    line: int = 0
    kept: bool = False  # note type="kept": in the register on purpose though nothing points to it
    all_titles: tuple[str, ...] = ()  # every title, in every language

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

    def find_url(self, url: str | None) -> BiblEntry | None:
        """The entry whose URL is `url` (compared loosely: scheme, "www.", case of the host, final slash)."""
        if not url:
            return None
        wanted = url_key(url)
        found = [e for e in self.entries.values() if e.url and url_key(e.url) == wanted]
        return found[0] if len(found) == 1 else None

    def find_title(self, title: str | None) -> BiblEntry | None:
        """The one entry with this title in any language (compared without case, quotes and final
        punctuation); None when none has it or several do."""
        if not title:
            return None
        wanted = title_key(title)
        found = [e for e in self.entries.values() if any(title_key(t) == wanted for t in e.all_titles)]
        return found[0] if len(found) == 1 else None

    def find_post(self, date: str | None, author_keys: set[str]) -> BiblEntry | None:
        """The one entry of that date by one of these authors (register keys): a quoted post, whose
        citation in the text gives only its author and date."""
        if not date or not author_keys:
            return None
        found = [
            e for e in self.entries.values()
            if e.date == date and {a.ref.rsplit("#", 1)[-1] for a in e.authors if a.ref} & author_keys
        ]
        return found[0] if len(found) == 1 else None


def url_key(url: str) -> str:
    """A URL reduced to what identifies the page: no scheme, no "www.", host in lower case, no
    final slash (the seeds quote one URL with and without it)."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def title_key(title: str) -> str:
    return " ".join(title.strip().strip("\"'“”‘’«»„").rstrip(".:;!?").split()).casefold()


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
    all_titles = []
    for title in node.findall(f"{{{TEI_NS}}}title"):
        value = _text(title)
        if value:
            titles.setdefault(title.get(XML_LANG) or "", value)
            all_titles.append(value)
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
        kept=node.find(f"{{{TEI_NS}}}note[@type='kept']") is not None,
        all_titles=tuple(all_titles),
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
