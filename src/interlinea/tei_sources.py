"""TEI without a manifest: files or folders of TEI that other projects wrote, taken as an edition of
their own (`interlinea publish PATH...`).

Everything the manifest would say is read from the TEI headers: each file is one text whose id is
its `TEI/@xml:id` (else its file name), whose titles, authors and language are those of its
`titleStmt` and its `xml:lang`. The files stay where they are; nothing is written next to them.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from lxml import etree

from interlinea.diagnostics import Level
from interlinea.edition import Edition, Text, TextState
from interlinea.errors import InterlineaError
from interlinea.manifest import Agent, EditionMeta, Manifest, TextEntry
from interlinea.tei import NS, TEI_NS, XML_ID, XML_LANG

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def tei_files(paths: list[Path]) -> list[Path]:
    """The XML files named, and those in the folders named (recursively), in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.xml") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise InterlineaError(f"{path}: no such file or folder; name TEI files or folders that hold them")
    unique = list(dict.fromkeys(Path(os.path.abspath(p)) for p in found))
    if not unique:
        raise InterlineaError(f"no .xml file in {', '.join(map(str, paths))}; name TEI files or folders that hold them")
    return unique


def _text(node: etree._Element | None) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def text_id_for(root: etree._Element, path: Path, taken: set[str]) -> str:
    """A file name safe id: the TEI's own xml:id, else the file's name; made unique with -2, -3…"""
    candidate = _ID_UNSAFE.sub("-", root.get(XML_ID) or path.stem).strip("-.") or "text"
    if not candidate[0].isalpha():
        candidate = f"t-{candidate}"
    unique, number = candidate, 2
    while unique in taken:
        unique, number = f"{candidate}-{number}", number + 1
    taken.add(unique)
    return unique


def entry_from_header(root: etree._Element, path: Path, text_id: str) -> TextEntry:
    """What the manifest would say of a text, read from its TEI header."""
    stmt = root.find("tei:teiHeader/tei:fileDesc/tei:titleStmt", NS)
    lang = root.get(XML_LANG) or next(iter(root.xpath("tei:text/@xml:lang", namespaces=NS)), None)
    titles: dict[str, str] = {}
    if stmt is not None:
        for title in stmt.iterfind("tei:title", NS):
            value = _text(title)
            if value:
                titles.setdefault(title.get(XML_LANG) or lang or "und", value)
    authors = tuple(Agent(_text(a)) for a in (stmt.iterfind("tei:author", NS) if stmt is not None else ()) if _text(a))
    return TextEntry(
        id=text_id,
        source=path.name,
        lang=lang,
        titles=titles or {lang or "und": path.stem},
        title_supplied=not titles,
        authors=authors,
        translators=(),
        publication=None,
        date=None,
        declared_works=(),
        passages=(),
    )


def foreign_edition(paths: list[Path], root: Path, title: str | None = None) -> tuple[Edition, list[str]]:
    """An edition of the TEI files at `paths` (files or folders), rooted at `root` for messages and
    output, each file read once through the edition's inert reader. Returns the edition, its texts
    read, and the problems of files that could not be taken (not XML, not TEI)."""
    files = tei_files(paths)
    meta = EditionMeta(
        id="tei",
        title=title or "TEI files",
        publisher="",
        date="",  # no date is invented: the headers date the texts
        licence="",
        licence_url="",
        editors=(),
    )
    edition = Edition(root=root, manifest=Manifest(path=root / "(TEI headers)", meta=meta, texts=()), foreign=True)
    problems, entries, taken = [], [], set()
    for path in files:
        parsed = edition.read_xml(path)
        if parsed.tree is None:
            problems.extend(problem.format() for problem in parsed.problems)
            continue
        tree_root = parsed.tree.getroot()
        if tree_root.tag not in (f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus"):
            problems.append(f"{edition.relative(path)}: the root element is <{etree.QName(tree_root).localname}>, not a TEI P5 <TEI> or <teiCorpus> (namespace {TEI_NS}); skip this file or convert it to TEI P5")
            continue
        for problem in parsed.problems:  # readable with reservations (an XInclude left unexpanded)
            edition.diagnostics.append(replace(problem, level=Level.WARNING))
        entry = entry_from_header(tree_root, path, text_id_for(tree_root, path, taken))
        entries.append(entry)
        text = Text(entry=entry, state=TextState.READ, tree=parsed.tree, tei_bytes=parsed.data)
        edition.texts.append(text)
        edition.sources[entry.id] = path
    edition.manifest = replace(edition.manifest, texts=tuple(entries))
    return edition, problems
