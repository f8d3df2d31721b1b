"""What a citation says, read from a text's TEI and the manifest's `[edition]`.

From the TEI of the text: its title (the first of `titleStmt`, in the text's language), its authors
(`titleStmt/author`) and translators (`respStmt` "translation"); for each work, its authors, its
translators (the `desc` of its translation relation in `standOff`, else the text's) and its original:
`sourceDesc/bibl[@type='original']` pointing to the work with `@corresp`, or, where that `bibl` has
`@sameAs`, the bibliography register's entry it names (the `bibl` filling what the entry lacks). An
original whose description has no title is named by the work it translates (the translation relation's
`@passive`: a work of the edition, or a bibliography entry), and a work that translates nothing by its
own title (it is the same text, reprinted). The title of a work is the manifest's, in the work's
language (the TEI holds no title of a work but its heading, which is the text's own words). From the
manifest's `[edition]`: the edition's title, publisher, place, date, editors and URL.

Names pointing into the persons register are persons (cited "Family, Given", split at the last
space, or at the comma of "Family, Given"); every other name (organisations, names without a register
entry) is cited as written. A register that cannot be read (validation reports it) is left out: names
are then cited as written and originals as the header describes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from lxml import etree

from interlinea.bibliography import BiblEntry, load_bibliography
from interlinea.citation.reference import Reference
from interlinea.edition import Edition, Text
from interlinea.errors import InterlineaError
from interlinea.manifest import EditionMeta, Manifest, TextEntry
from interlinea.tei import CITABLE, NS, XML_ID, XML_LANG, tei

PERSONS_REGISTER = "persons.xml"


@dataclass(frozen=True)
class Name:
    """An author, translator or editor: a person (split into family and given names) or a name cited
    as written (an organisation, a collective, a name no register describes)."""

    text: str
    person: bool = False

    @property
    def family_given(self) -> tuple[str, str] | None:
        """(family, given) for a person whose name has a given name; None for a name cited whole."""
        if not self.person:
            return None
        if "," in self.text:
            family, _, given = self.text.partition(",")
            return family.strip(), given.strip()
        given, _, family = self.text.rpartition(" ")
        return (family, given) if given else None


@dataclass(frozen=True)
class Original:
    """A publication a work was taken from (the header's bibl type="original", or the register entry
    it names)."""

    title: str | None = None
    authors: tuple[Name, ...] = ()
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    lang: str | None = None
    key: str | None = None  # the bibliography register's key, when it describes the original

    def __bool__(self) -> bool:
        return bool(self.title or self.publisher or self.date or self.url)


@dataclass(frozen=True)
class EditionInfo:
    """The edition a text is part of, as the manifest's [edition] describes it."""

    id: str
    title: str
    publisher: str
    date: str
    editors: tuple[Name, ...]
    place: str | None = None
    url: str | None = None  # only when the manifest gives one: never made up

    @property
    def accessed(self) -> str | None:
        """The access date of a citation with a URL: the edition's date, never the day the citation
        is made, so that the same edition always gives the same citation."""
        return self.date if self.url else None


@dataclass(frozen=True)
class Citable:
    """A text, work or block, with everything its citation names."""

    reference: Reference
    title: str
    lang: str | None
    authors: tuple[Name, ...]
    translators: tuple[Name, ...]
    originals: tuple[Original, ...]
    edition: EditionInfo

    @property
    def id(self) -> str:
        return self.reference.id


@dataclass
class TextCitations:
    """Every citable thing of one text, in document order: the text, then each work followed by its
    blocks."""

    text: Text
    label: str  # the TEI file, as messages name it
    items: list[Citable] = field(default_factory=list)

    def get(self, reference: Reference) -> Citable:
        """The citable thing `reference` names; an error naming what the text has otherwise."""
        for item in self.items:
            if item.reference == reference:
                return item
        works = [item.reference.work for item in self.items if item.reference.kind == "work"]
        if reference.work not in works:
            raise InterlineaError(f"{self.label}: the text '{reference.text}' has no work {reference.work}; its works are {_ranges(works)}")
        blocks = [item.reference.block for item in self.items if item.reference.kind == "block" and item.reference.work == reference.work]
        raise InterlineaError(
            f"{self.label}: the work '{reference.text} {reference.work}' has no block {reference.block}; "
            f"its blocks are {_ranges(blocks)}"
        )


def _ranges(numbers: list[int | None]) -> str:
    """1, 2, 3, 5 → "1–3, 5"; nothing → "none"."""
    values = sorted({n for n in numbers if n is not None})
    if not values:
        return "none"
    spans: list[list[int]] = []
    for value in values:
        if spans and value == spans[-1][1] + 1:
            spans[-1][1] = value
        else:
            spans.append([value, value])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


def edition_info(edition: Edition) -> EditionInfo:
    meta: EditionMeta = edition.manifest.meta
    persons = _person_keys(edition)
    return EditionInfo(
        id=meta.id,
        title=meta.title,
        publisher=meta.publisher,
        date=meta.date,
        editors=tuple(Name(agent.name, agent.ref in persons) for agent in meta.editors),
        place=meta.pub_place,
        url=meta.url or None,
    )


def _person_keys(edition: Edition) -> set[str]:
    """The keys of the persons register; none when it cannot be read (validation says why), so that
    names are then cited as written."""
    parsed = edition.read_xml(edition.registers_dir / PERSONS_REGISTER)
    if parsed.tree is None or parsed.problems:
        return set()
    return {key for node in parsed.tree.iter(tei("person")) if (key := node.get(XML_ID))}


def _bibliography(edition: Edition) -> dict[str, BiblEntry]:
    """The bibliography register's entries; none when it cannot be read (validation says why), so
    that originals are then cited as the text's header describes them (it repeats each entry)."""
    try:
        return load_bibliography(edition.registers_dir, edition.read_xml).entries
    except InterlineaError:
        return {}


def text_citations(edition: Edition, text: Text, info: EditionInfo | None = None) -> TextCitations:
    """The citations of a text whose TEI tree is read (`stages.read_tei`)."""
    if text.tree is None:
        raise InterlineaError(f"{edition.relative(edition.tei_path(text.id))}: the TEI of '{text.id}' has not been read")
    info = info or edition_info(edition)
    reader = _Header(text.tree.getroot(), text.entry, _bibliography(edition), edition.manifest)
    result = TextCitations(text, edition.relative(edition.tei_path(text.id)))
    root_lang = reader.root.get(XML_LANG) or text.entry.lang
    text_item = Citable(
        reference=Reference(text.id),
        title=reader.text_title() or text.id,
        lang=root_lang,
        authors=reader.text_authors(),
        translators=reader.text_translators(),
        originals=(),
        edition=info,
    )
    works = []
    for div in reader.root.iterfind("tei:text/tei:body/tei:div[@type='work']", NS):
        number = _number(div.get("n"))
        if number is None:
            continue
        lang = div.get(XML_LANG) or root_lang
        work = Citable(
            reference=Reference(text.id, number),
            title=reader.work_title(div, number, lang),
            lang=lang,
            authors=reader.work_authors(div) or text_item.authors,
            translators=reader.work_translators(div) or text_item.translators,
            originals=tuple(o for o in [reader.original(div)] if o),
            edition=info,
        )
        blocks = []
        for node in div.iter(*(tei(name) for name in CITABLE)):
            block = _number(node.get("n"))
            if block is not None:
                blocks.append(replace(work, reference=Reference(text.id, number, block)))
        works.append((work, blocks))
    originals = tuple(dict.fromkeys(o for work, _ in works for o in work.originals))
    result.items.append(replace(text_item, originals=originals))
    seen = set()
    for item in (item for work, blocks in works for item in (work, *blocks)):
        if item.reference not in seen:  # a number used twice (a hand edit): the first is cited
            seen.add(item.reference)
            result.items.append(item)
    return result


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isascii() and value.isdigit() and not value.startswith("0") else None


def _text_of(node: etree._Element | None) -> str | None:
    if node is None:
        return None
    value = " ".join("".join(node.itertext()).split())
    return value or None


class _Header:
    """Reads the parts of one text's TEI that its citations need."""

    def __init__(self, root: etree._Element, entry: TextEntry, bibliography: dict[str, BiblEntry], manifest: Manifest):
        self.root = root
        self.entry = entry
        self.bibliography = bibliography
        self.manifest = manifest
        self.file_desc = root.find("tei:teiHeader/tei:fileDesc", NS)

    def _find(self, path: str) -> list[etree._Element]:
        return self.file_desc.findall(path, NS) if self.file_desc is not None else []

    def text_title(self) -> str | None:
        return next((t for t in (_text_of(n) for n in self._find("tei:titleStmt/tei:title")) if t), None)

    def text_authors(self) -> tuple[Name, ...]:
        return _names(self._find("tei:titleStmt/tei:author"))

    def text_translators(self) -> tuple[Name, ...]:
        return _names(
            name
            for resp in self._find("tei:titleStmt/tei:respStmt")
            if _text_of(resp.find("tei:resp", NS)) == "translation"
            for name in resp.findall("tei:name", NS)
        )

    def _original_bibl(self, div: etree._Element) -> etree._Element | None:
        pointer = f"#{div.get(XML_ID)}"
        return next((b for b in self._find("tei:sourceDesc/tei:bibl[@type='original']") if b.get("corresp") == pointer), None)

    def work_authors(self, div: etree._Element) -> tuple[Name, ...]:
        bibl = self._original_bibl(div)
        return _names(bibl.findall("tei:author", NS)) if bibl is not None else ()

    def work_translators(self, div: etree._Element) -> tuple[Name, ...]:
        pointer = f"#{div.get(XML_ID)}"
        return _names(
            name
            for relation in self.root.iterfind("tei:standOff/tei:listRelation/tei:relation[@name='translation']", NS)
            if relation.get("active") == pointer
            for name in relation.iterfind("tei:desc/tei:name", NS)
        )

    def work_title(self, div: etree._Element, number: int, lang: str | None) -> str:
        title = _manifest_title(self.entry, number, lang)
        if title:
            return title
        original = self.original(div)
        return _text_of(div.find("tei:head", NS)) or original.title or f"Part {number}"

    def _translated(self, div: etree._Element) -> str | None:
        """The title of the original of a work whose description gives none: the work it translates,
        as the translation relation in standOff names it (a work of the edition, its title in the
        manifest; or a bibliography entry); for a work that is no translation, its own title."""
        pointer = f"#{div.get(XML_ID)}"
        relations = [
            relation
            for relation in self.root.iterfind("tei:standOff/tei:listRelation/tei:relation[@name='translation']", NS)
            if relation.get("active") == pointer
        ]
        if not relations:
            number = _number(div.get("n"))
            return _manifest_title(self.entry, number, div.get(XML_LANG) or self.root.get(XML_LANG)) if number else None
        for relation in relations:
            target = relation.get("passive") or ""
            entry = self._register_entry(target)
            if entry is not None:
                return entry.title
            path, _, fragment = target.partition("#")
            text_id = PurePosixPath(path).stem if path else self.entry.id
            number = _number(fragment.rpartition(".")[2]) if fragment.startswith(f"{text_id}.") else None
            other = next((t for t in self.manifest.texts if t.id == text_id), None)
            if other is not None and number is not None:
                return _manifest_title(other, number, None)
        return None

    def original(self, div: etree._Element) -> Original:
        bibl = self._original_bibl(div)
        if bibl is None:
            return Original()
        text_lang = bibl.find("tei:textLang", NS)
        link = bibl.find("tei:ref", NS)
        date = bibl.find("tei:date", NS)
        described = Original(
            title=_text_of(bibl.find("tei:title", NS)),
            authors=_names(bibl.findall("tei:author", NS)),
            publisher=_text_of(bibl.find("tei:publisher", NS)),
            date=(date.get("when") or _text_of(date)) if date is not None else None,
            url=link.get("target") if link is not None else None,
            lang=text_lang.get("mainLang") if text_lang is not None else None,
        )
        entry = self._register_entry(bibl.get("sameAs"))
        if entry is None:
            if described and not described.title:
                return replace(described, title=self._translated(div))
            return described
        title = (entry.titles.get(entry.lang or "") or entry.title) if entry.titles else None
        return Original(
            title=title or described.title,
            authors=tuple(Name(a.name, _is_person(a.ref)) for a in entry.authors) or described.authors,
            publisher=entry.publisher or described.publisher,
            date=entry.date or described.date,
            url=entry.url or described.url,
            lang=entry.lang or described.lang,
            key=entry.key,
        )

    def _register_entry(self, pointer: str | None) -> BiblEntry | None:
        """The bibliography entry `registers/bibliography.xml#key` names (None for any other pointer)."""
        if not pointer or "#" not in pointer:
            return None
        path, _, key = pointer.partition("#")
        if PurePosixPath(path) != PurePosixPath("registers/bibliography.xml"):
            return None
        return self.bibliography.get(key)


def _manifest_title(entry: TextEntry, number: int, lang: str | None) -> str | None:
    """The title the manifest gives work `number` of a text: in `lang`, else in the work's own
    language, else in the text's, else the first."""
    works = entry.works
    if not 0 < number <= len(works):
        return None
    work = works[number - 1]
    for wanted in (lang, work.lang, entry.lang):
        if wanted in work.titles:
            return work.titles[wanted]
    return next(iter(work.titles.values()), None)


def _is_person(pointer: str | None) -> bool:
    return bool(pointer) and PurePosixPath(pointer.partition("#")[0]).name == PERSONS_REGISTER


def _names(nodes) -> tuple[Name, ...]:
    names = []
    for node in nodes:
        text = _text_of(node)
        if text:
            names.append(Name(text, _is_person(node.get("ref"))))
    return tuple(dict.fromkeys(names))


def text_of(edition: Edition, reference: Reference) -> Text:
    """The text a reference names; an error naming the edition's texts when there is none."""
    for text in edition.texts:
        if text.id == reference.text:
            return text
    known = ", ".join(text.id for text in edition.texts) or "none"
    raise InterlineaError(f"no text '{reference.text}' in this edition (reference '{reference}'); its texts are: {known}")
