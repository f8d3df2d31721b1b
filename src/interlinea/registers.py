"""The registers: persons, places and organisations, each a hand-curated TEI file in tei/registers/.

A register is a TEI document whose body holds one `<div type="register">` with a head and, once it
has entries, a `<listPerson>`, `<listPlace>` or `<listOrg>`. (TEI does not allow an empty list, so an
empty register is the division with its head only.) Each entry has an xml:id (its key), its names in
every language with xml:lang (variants and abbreviations marked by @type), authority identifiers
(`idno type="wikidata"`), coordinates for places (`location/geo`, "latitude longitude") and notes.

The converter reads the registers to tag mentions in the texts: adding an entry, or a name to an
entry, is enough for its mentions to be tagged at the next conversion.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from interlinea.bcp47 import language_name
from interlinea.bibliography import Bibliography, load_bibliography
from interlinea.tei import TEI_NS, XML_LANG, XML_NS, element, sub
from interlinea.errors import InterlineaError
from interlinea.xml_input import XMLFile, read_xml

if TYPE_CHECKING:
    from interlinea.manifest import Agent


@dataclass(frozen=True)
class RegisterKind:
    name: str  # file stem in tei/registers/
    list_element: str
    entry_element: str
    name_element: str
    title: str
    entity_type: str  # person, place, org


REGISTERS = (
    RegisterKind("persons", "listPerson", "person", "persName", "Persons", "person"),
    RegisterKind("places", "listPlace", "place", "placeName", "Places", "place"),
    RegisterKind("organisations", "listOrg", "org", "orgName", "Organisations", "org"),
)
KIND_BY_TYPE = {kind.entity_type: kind for kind in REGISTERS}


@dataclass(frozen=True)
class Name:
    text: str
    lang: str | None
    type: str | None = None  # None (a standard name), "variant" or "abbreviation"


@dataclass
class Entry:
    """One person, place or organisation."""

    id: str
    kind: RegisterKind
    names: list[Name] = field(default_factory=list)
    cert: str | None = None

    @property
    def pointer(self) -> str:
        """How a text in tei/ points to this entry."""
        return f"registers/{self.kind.name}.xml#{self.id}"

    def label(self, lang: str = "en") -> str:
        """The entry's standard name in `lang`, else in English, else its first name."""
        for wanted in (lang, "en"):
            for name in self.names:
                if name.type is None and name.lang == wanted:
                    return name.text
        return self.names[0].text if self.names else self.id


@dataclass
class Registers:
    entries: dict[str, Entry] = field(default_factory=dict)
    bibliography: Bibliography = field(default_factory=Bibliography)  # works, keyed apart from entities

    def lookup(self, key: str) -> Entry | None:
        return self.entries.get(key)

    def __iter__(self):
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)


def agent_node(parent: etree._Element, local: str, agent: "Agent", registers: Registers | None = None) -> etree._Element:
    """An author, translator or editor as a child of `parent`: @ref to the register entry, or @key
    when there is none yet."""
    node = sub(parent, local, agent.name)
    if agent.ref:
        entry = registers.lookup(agent.ref) if registers is not None else None
        if entry is not None:
            node.set("ref", entry.pointer)
        else:
            node.set("key", agent.ref)
    return node


def load_registers(directory: Path, reader: Callable[[Path], XMLFile] = read_xml) -> Registers:
    """Read tei/registers/*.xml; a missing folder is an edition without registers.

    `reader` parses a file inertly (the edition passes its own, which parses each file once per
    run); a register with any reading problem (not well-formed, a DOCTYPE, a link outside the
    edition) stops the conversion, all of its problems listed.
    """
    registers = Registers(bibliography=load_bibliography(directory, reader))
    for kind in REGISTERS:
        path = directory / f"{kind.name}.xml"
        if not path.is_file():
            continue
        parsed = reader(path)
        if parsed.problems or parsed.tree is None:
            raise InterlineaError("\n".join(problem.format() for problem in parsed.problems))
        tree = parsed.tree
        for node in tree.iter(f"{{{TEI_NS}}}{kind.entry_element}"):
            key = node.get(f"{{{XML_NS}}}id")
            if not key:
                raise InterlineaError(f"{path}:{node.sourceline}: <{kind.entry_element}> without xml:id; every entry needs a key")
            if key in registers.entries:
                raise InterlineaError(f"{path}:{node.sourceline}: the key '{key}' is already used by another register entry")
            names = [
                Name(" ".join((n.text or "").split()), n.get(XML_LANG), n.get("type"))
                for n in node.findall(f"{{{TEI_NS}}}{kind.name_element}")
                if (n.text or "").strip()
            ]
            registers.entries[key] = Entry(key, kind, names, node.get("cert"))
    return registers


def empty_register(kind: RegisterKind, edition_title: str, publisher: str, languages: tuple[str, ...] = ("en",)) -> etree._ElementTree:
    """A valid TEI register with no entries yet."""
    root = element("TEI", xml_id=f"register-{kind.name}")
    root.set(XML_LANG, "en")
    header = sub(root, "teiHeader")
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", f"{edition_title}: register of {kind.title.lower()}")
    publication = sub(file_desc, "publicationStmt")
    sub(publication, "publisher", publisher)
    source = sub(file_desc, "sourceDesc")
    sub(source, "p", "Compiled by the editors from the texts of the edition and verified authority data.")
    usage = sub(sub(header, "profileDesc"), "langUsage")
    for lang in languages:
        sub(usage, "language", language_name(lang), ident=lang)
    body = sub(sub(root, "text"), "body")
    div = sub(body, "div", type="register", subtype=kind.name)
    sub(div, "head", kind.title)
    return etree.ElementTree(root)


def add_entry(
    register: etree._ElementTree,
    kind: RegisterKind,
    key: str,
    names: list[Name],
    *,
    wikidata: str | None = None,
    geo: tuple[str, str] | None = None,
    cert: str | None = None,
    notes: list[tuple[str | None, str]] = (),
) -> etree._Element:
    """Append an entry to a register tree (creating its list on the first entry)."""
    div = register.getroot().find(f".//{{{TEI_NS}}}div[@type='register']")
    listing = div.find(f"{{{TEI_NS}}}{kind.list_element}")
    if listing is None:
        listing = sub(div, kind.list_element)
    entry = sub(listing, kind.entry_element, xml_id=key)
    if cert:
        entry.set("cert", cert)
    for name in names:
        node = sub(entry, kind.name_element, name.text)
        if name.lang:
            node.set(XML_LANG, name.lang)
        if name.type:
            node.set("type", name.type)
    if geo is not None:
        # Coordinates are written exactly as the source gives them (no rounding, no reformatting).
        sub(sub(entry, "location"), "geo", f"{geo[0]} {geo[1]}")
    if wikidata:
        sub(entry, "idno", wikidata, type="wikidata")
    for note_type, text in notes:
        note = sub(entry, "note", text)
        if note_type:
            note.set("type", note_type)
    return entry
