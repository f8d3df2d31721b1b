"""The TEI header of a text, from the manifest and the seed: who made what, from which file, and how."""

from __future__ import annotations

from lxml import etree

from interlinea import __version__
from interlinea.bcp47 import language_name
from interlinea.tei import XML_LANG, element, sub, tei
from interlinea.manifest import EditionMeta, Publication, TextEntry, Work
from interlinea.bibliography import BiblEntry
from interlinea.citation.reference import refs_decl
from interlinea.registers import Registers, agent_node as _agent
from interlinea.seeds import Seed

def _title_stmt(file_desc: etree._Element, entry: TextEntry, meta: EditionMeta, main_lang: str, registers: Registers | None) -> None:
    stmt = sub(file_desc, "titleStmt")
    titles = sorted(entry.titles.items(), key=lambda kv: (kv[0] != main_lang, kv[0]))
    for position, (lang, title) in enumerate(titles):
        kind = "desc" if entry.title_supplied else ("main" if position == 0 else "alt")
        sub(stmt, "title", title, type=kind, xml_lang=lang)
    authors = list(entry.authors) or [a for w in entry.declared_works for a in w.authors]
    for agent in dict.fromkeys(authors):
        _agent(stmt, "author", agent, registers)
    for translator in entry.translators:
        resp = sub(stmt, "respStmt")
        sub(resp, "resp", "translation")
        _agent(resp, "name", translator, registers)
    resp = sub(stmt, "respStmt")
    sub(resp, "resp", "TEI encoding")
    for editor in meta.editors:
        _agent(resp, "name", editor, registers)


def _publication_stmt(file_desc: etree._Element, entry: TextEntry, meta: EditionMeta) -> None:
    stmt = sub(file_desc, "publicationStmt")
    sub(stmt, "publisher", meta.publisher)
    if meta.pub_place:
        sub(stmt, "pubPlace", meta.pub_place)
    sub(stmt, "date", meta.date, when=meta.date)
    sub(stmt, "idno", entry.id, type="siglum")
    availability = sub(stmt, "availability", status="free")
    licence = sub(availability, "licence", target=meta.licence_url)
    licence.text = f"The encoding is available under the licence {meta.licence}."


def _series_stmt(file_desc: etree._Element, meta: EditionMeta, registers: Registers | None) -> None:
    stmt = sub(file_desc, "seriesStmt")
    sub(stmt, "title", meta.title, type="main")
    if meta.subtitle:
        sub(stmt, "title", meta.subtitle, type="sub")
    resp = sub(stmt, "respStmt")
    sub(resp, "resp", "edited by")
    for editor in meta.editors:
        _agent(resp, "name", editor, registers)
    sub(stmt, "idno", meta.id, type="edition")


def _original_bibl(parent: etree._Element, work: Work, original: Publication, target: str, registers: Registers | None) -> etree._Element:
    bibl = sub(parent, "bibl", type="original", corresp=f"#{target}")
    if original.title:
        sub(bibl, "title", original.title, level="a")
    for author in work.authors:
        _agent(bibl, "author", author, registers)
    if original.publisher:
        sub(bibl, "publisher", original.publisher)
    if original.date:
        sub(bibl, "date", original.date, when=original.date)
    if original.url:
        sub(bibl, "ref", original.url, target=original.url)
    if original.lang:
        sub(bibl, "textLang", language_name(original.lang), mainLang=original.lang)
    return bibl


def _outside_original(work: Work, registers: Registers | None) -> BiblEntry | None:
    """The bibliography entry of the original a work translates, when that original is outside the
    edition (then the header describes it from the entry, and points to it)."""
    if registers is None or not work.translation_of:
        return None
    return registers.bibliography.lookup(work.translation_of)


def _described_original(original: Publication | None, registers: Registers | None) -> BiblEntry | None:
    """The bibliography entry of the publication a work was taken from: the entry with its URL, or
    else the one entry with its title."""
    if original is None or registers is None:
        return None
    return registers.bibliography.find_url(original.url) or registers.bibliography.find_title(original.title)


def _source_desc(file_desc: etree._Element, entry: TextEntry, seed: Seed, registers: Registers | None) -> None:
    source = sub(file_desc, "sourceDesc")
    for number, work in enumerate(entry.works, start=1):
        outside = _outside_original(work, registers)
        if work.original is None and outside is not None:
            original = Publication(outside.title, outside.publisher, outside.date, outside.url, outside.lang)
            _original_bibl(source, work, original, f"{entry.id}.{number}", registers).set("sameAs", outside.pointer)
        else:
            bibl = _original_bibl(source, work, work.original or Publication(), f"{entry.id}.{number}", registers)
            described = _described_original(work.original, registers)
            if described is not None:
                bibl.set("sameAs", described.pointer)
    seed_bibl = sub(source, "bibl", type="seed")
    sub(seed_bibl, "title", "Plain-text transcription (seed file) from which this encoding was made")
    sub(seed_bibl, "idno", seed.name, type="filename")
    sub(seed_bibl, "idno", seed.sha256, type="sha256")
    extent = sub(seed_bibl, "extent")
    sub(extent, "measure", f"{seed.size} bytes", unit="byte", quantity=str(seed.size))


def _encoding_desc(header: etree._Element, meta: EditionMeta, seed: Seed, text_id: str) -> None:
    desc = sub(header, "encodingDesc")
    project = sub(desc, "projectDesc")
    sub(project, "p", meta.description or meta.title)
    editorial = sub(desc, "editorialDecl")
    normalization = sub(editorial, "normalization")
    changes = ["Line ends are normalised to LF"]
    if seed.had_crlf:
        changes.append("the seed used CR or CRLF line ends")
    if seed.had_bom:
        changes.append("a byte-order mark at the start of the seed was dropped")
    sub(
        normalization,
        "p",
        "The text is transcribed as it stands in the seed, misspellings included; nothing is corrected. "
        + "; ".join(changes)
        + ". White space at the ends of lines is not recorded.",
    )
    segmentation = sub(editorial, "segmentation")
    sub(
        segmentation,
        "p",
        "A block is a paragraph separated by blank lines or standing on a line of its own; a line "
        "broken in the middle of a sentence is joined to the next with one space. Each citable block "
        "(head, p, item, cit, quote, note, byline, signed, dateline, trailer) has an xml:id of the form "
        "text.work.n and a number n counted through its work.",
    )
    interpretation = sub(editorial, "interpretation")
    sub(
        interpretation,
        "p",
        "Headings, signatures, datelines, source notes, translator credits, lists of links, quoted "
        "social-media posts and site navigation are recognised by the layout of the seed and the "
        "manifest's list of authors; the manifest's passage entries override that recognition. "
        "URLs are encoded as ref elements whose content keeps the characters of the seed.",
    )
    sub(
        interpretation,
        "p",
        "Dates in the running text are encoded as date elements with ISO 8601 values; where the text "
        "gives a day without its year, the year is inferred from the date of the text and the date "
        "carries cert and evidence=\"conjecture\". Links, cited titles and quoted posts point to the "
        "entry of the work in the bibliography register (registers/bibliography.xml).",
    )
    desc.append(refs_decl(text_id))  # how organise-en 1.12 is resolved (interlinea.citation.reference)
    app_info = sub(desc, "appInfo")
    application = sub(app_info, "application", ident="interlinea", version=__version__)
    sub(application, "label", "Interlinea")


def declare_calendars(header: etree._Element, body: etree._Element) -> None:
    """Describe in the profile description each calendar other than the Gregorian that the body's
    dates use (date/@calendar="#islamic" points to calendarDesc/calendar xml:id="islamic")."""
    from interlinea.convert.structure_signals import calendar_label

    used = sorted({value[1:] for value in (d.get("calendar") for d in body.iter(tei("date"))) if value and value.startswith("#")})
    if not used:
        return
    described = sub(header.find(tei("profileDesc")), "calendarDesc")
    for name in used:
        calendar = sub(described, "calendar", xml_id=name)
        sub(calendar, "p", calendar_label(name))


def _profile_desc(header: etree._Element, entry: TextEntry, languages: list[str], usage: dict[str, int]) -> None:
    profile = sub(header, "profileDesc")
    created = entry.date or next((w.original.date for w in entry.works if w.original and w.original.date), None)
    if created:
        creation = sub(profile, "creation")
        sub(creation, "date", created, when=created)
    usage_element = sub(profile, "langUsage")
    for lang in languages:
        language = sub(usage_element, "language", language_name(lang), ident=lang)
        if lang in usage:
            language.set("usage", str(usage[lang]))


def build_header(
    entry: TextEntry,
    meta: EditionMeta,
    seed: Seed,
    languages: list[str],
    usage: dict[str, int],
    word_count: int,
    registers: Registers | None = None,
) -> etree._Element:
    main_lang = languages[0]
    header = element("teiHeader")
    file_desc = sub(header, "fileDesc")
    _title_stmt(file_desc, entry, meta, main_lang, registers)
    extent = sub(file_desc, "extent")
    sub(extent, "measure", f"{word_count} words", unit="word", quantity=str(word_count))
    _publication_stmt(file_desc, entry, meta)
    _series_stmt(file_desc, meta, registers)
    _source_desc(file_desc, entry, seed, registers)
    _encoding_desc(header, meta, seed, entry.id)
    _profile_desc(header, entry, languages, usage)
    revision = sub(header, "revisionDesc")
    sub(
        revision,
        "change",
        f"Encoded in TEI by Interlinea {__version__} from the seed {seed.name}.",
        when=meta.date,
    )
    header.set(XML_LANG, "en")
    return header
