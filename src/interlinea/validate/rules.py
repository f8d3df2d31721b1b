"""Integrity rules: what a schema cannot check (across files, against the seeds, against authority syntax).

Each rule has an id, a level and a one-line summary, and yields Diagnostics. `RULES` lists them in the
order they run; the README's table is made from the same list (see tests/test_validate_rules.py).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml import etree

from interlinea import bcp47
from interlinea.diagnostics import Diagnostic, Level
from interlinea.tei import CITABLE, ENTRIES, NAMES, NS, TEI_NS, XML_ID, XML_LANG
from interlinea.patterns import url_problem
from interlinea.validate.corpus import Corpus, Document, pointers_of


# What a rule looks at: one document (what it finds in a file depends on that file alone, so an
# unchanged file need not be checked again: validate/memo.py), or the whole edition.
DOCUMENT = "document"
EDITION = "edition"


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    summary: str
    check: Callable[[Corpus], Iterator[Diagnostic]]
    scope: str = EDITION


RULES: list[Rule] = []


def rule(rule_id: str, summary: str, level: Level = Level.ERROR, scope: str = EDITION):
    def register(check: Callable[[Corpus], Iterator[Diagnostic]]):
        RULES.append(Rule(rule_id, level, summary, check, scope))
        return check

    return register




@rule("id-unique", "every xml:id is unique across the whole edition")
def id_unique(corpus: Corpus) -> Iterator[Diagnostic]:
    # Every occurrence of a duplicated id is reported, each naming the others: which one is wrong is
    # the editor's call.
    occurrences: dict[str, list[tuple[Document, etree._Element]]] = defaultdict(list)
    for document in corpus.documents:
        for node in document.root.iter():
            if isinstance(node.tag, str) and node.get(XML_ID) is not None:
                occurrences[node.get(XML_ID)].append((document, node))
    for xml_id, places in occurrences.items():
        if len(places) < 2:
            continue
        for document, node in places:
            if not document.report:
                continue
            others = ", ".join(f"{d.label}:{n.sourceline}" for d, n in places if n is not node)
            yield document.diagnostic(
                node, "id-unique",
                f"xml:id '{xml_id}' is also used at {others}; every xml:id must be unique in the edition",
                attribute=XML_ID,
            )


@rule("ref-resolves", "every pointer (@ref, @target, @corresp, @active, @passive, @mutual, @domains, @sameAs) into the edition resolves")
def ref_resolves(corpus: Corpus) -> Iterator[Diagnostic]:
    for link in corpus.links:
        if not link.document.report:
            continue
        if link.missing_file is not None:
            message = f"points to '{link.missing_file}', which is not a file of the edition"
        elif link.target is not None and link.element is None:
            place = "this file" if link.target is link.document else link.target.label
            message = f"points to no element: there is no xml:id '{link.pointer.split('#', 1)[1]}' in {place}"
        else:
            continue
        yield link.document.diagnostic(link.node, "ref-resolves", f"@{link.attribute} '{link.pointer}' {message}", attribute=link.attribute)


@rule("key-resolves", "every @key names an entry of the registers (persons, places, organisations)")
def key_resolves(corpus: Corpus) -> Iterator[Diagnostic]:
    # In an Interlinea edition @key is the key of a register entry (the xml:id of a person, place or
    # org); a key that names nothing is a typo or an entry that was removed.
    registers = [d for d in corpus.documents if d.is_register]
    if not registers and corpus.seeds_dir is None:
        return  # files validated outside an edition: there are no registers to check against
    keys = {entry.get(XML_ID) for d in registers for local in ENTRIES for entry in d.elements(local)}
    for document in corpus.reported():
        for node in document.root.iter():
            if not isinstance(node.tag, str) or node.get("key") is None:
                continue
            for key in node.get("key").split():
                if key not in keys:
                    yield document.diagnostic(
                        node, "key-resolves",
                        f"@key '{key}' names no entry of the registers (tei/registers/); add the entry, or "
                        "correct the key",
                        attribute="key",
                    )


@rule("lang-syntax", "every xml:lang and language/@ident is a valid BCP 47 tag (syntax and the IANA registry)", scope=DOCUMENT)
def lang_syntax(corpus: Corpus) -> Iterator[Diagnostic]:
    for document in corpus.reported():
        for node in document.root.iter():
            if not isinstance(node.tag, str):
                continue
            for attribute in (XML_LANG, "ident") if node.tag == f"{{{TEI_NS}}}language" else (XML_LANG,):
                tag = node.get(attribute)
                # xml:lang="" is XML's "language unknown" and is allowed.
                if tag is None or (tag == "" and attribute == XML_LANG):
                    continue
                problem = bcp47.problem(tag)
                if problem is not None:
                    yield document.diagnostic(node, "lang-syntax", problem, attribute=attribute)


@rule("lang-declared", "every language used in the text is declared in profileDesc/langUsage", scope=DOCUMENT)
def lang_declared(corpus: Corpus) -> Iterator[Diagnostic]:
    # langUsage describes the text; the header's own language (the metadata's) is not part of it.
    for document in corpus.reported():
        declared = document.declared_languages
        header = document.root.find(f"{{{TEI_NS}}}teiHeader")
        for node in document.root.iter():
            if not isinstance(node.tag, str) or node.get(XML_LANG) is None:
                continue
            if header is not None and (node is header or header in node.iterancestors()):
                continue
            lang = node.get(XML_LANG)
            if lang not in declared:
                listed = ", ".join(sorted(declared)) or "none"
                yield document.diagnostic(
                    node, "lang-declared",
                    f"xml:lang '{lang}' is not declared in langUsage (declared: {listed}); add <language ident=\"{lang}\">",
                    attribute=XML_LANG,
                )


def _work_of(corpus: Corpus, document, pointer: str):
    try:
        resolved = corpus.resolve(document, pointer)
    except LookupError:
        return None
    if resolved is None or resolved[1] is None:
        return None
    return resolved


@rule("relation-target", "a translation relation points to works (div type=\"work\") of texts of the edition, or to a bibliography entry for a work outside it")
def relation_target(corpus: Corpus) -> Iterator[Diagnostic]:
    for document in corpus.reported():
        for relation in document.elements("relation"):
            for attribute in ("active", "passive", "mutual"):
                for pointer in pointers_of(relation, attribute):
                    resolved = _work_of(corpus, document, pointer)
                    if resolved is None:
                        continue  # reported by ref-resolves
                    _, target = resolved
                    if not _is_work(target):
                        yield document.diagnostic(
                            relation, "relation-target",
                            f"@{attribute} '{pointer}' points to a <{etree.QName(target).localname}>, not to a work "
                            "(div type=\"work\", or a bibliography entry for a work outside the edition); a "
                            "translation relation links whole works",
                            attribute=attribute,
                        )


def _is_work(node: etree._Element) -> bool:
    """A work of the edition, or a work outside it described in the bibliography register."""
    if node.tag == f"{{{TEI_NS}}}div":
        return node.get("type") == "work"
    return node.tag == f"{{{TEI_NS}}}bibl" and bool(node.xpath("ancestor::tei:div[@subtype='bibliography']", namespaces=NS))


def _language_of_work(document, node: etree._Element) -> str | None:
    if node.tag == f"{{{TEI_NS}}}bibl":
        return next(iter(node.xpath("tei:textLang/@mainLang", namespaces=NS)), None)
    return document.language_of(node)


@rule("relation-languages", "works linked as translations are in different languages")
def relation_languages(corpus: Corpus) -> Iterator[Diagnostic]:
    for document in corpus.reported():
        for relation in document.elements("relation"):
            if relation.get("name") != "translation":
                continue  # versions and siblings may share a language (two Italian translations)
            pointers = pointers_of(relation, "active") + pointers_of(relation, "passive")
            languages = {}
            for pointer in pointers:
                resolved = _work_of(corpus, document, pointer)
                if resolved is not None:
                    target_document, target = resolved
                    languages[pointer] = _language_of_work(target_document, target)
            seen: dict[str, str] = {}
            for pointer, lang in languages.items():
                if lang is not None and lang in seen:
                    yield document.diagnostic(
                        relation, "relation-languages",
                        f"'{seen[lang]}' and '{pointer}' are both in '{lang}': a translation is in another "
                        "language than its original",
                    )
                elif lang is not None:
                    seen[lang] = pointer


@rule("register-unused", "every register entry is mentioned somewhere or marked <note type=\"kept\">", level=Level.WARNING)
def register_unused(corpus: Corpus) -> Iterator[Diagnostic]:
    used = {
        (str(link.target.path), link.element.get(XML_ID) or "")
        for link in corpus.links
        if link.attribute == "ref" and link.element is not None
    }
    used |= {("key", node.get("key")) for document in corpus.documents for node in document.root.iter() if isinstance(node.tag, str) and node.get("key")}
    for document in corpus.reported():
        if not document.is_register:
            continue
        for local in ENTRIES:
            for entry in document.elements(local):
                xml_id = entry.get(XML_ID) or ""
                kept = entry.find(f"{{{TEI_NS}}}note[@type='kept']") is not None
                if not kept and (str(document.path), xml_id) not in used and ("key", xml_id) not in used:
                    yield document.diagnostic(
                        entry, "register-unused",
                        f"register entry '{xml_id}' is not mentioned in any text; remove it, or keep it on "
                        "purpose with <note type=\"kept\">why</note>",
                        level=Level.WARNING,
                    )


@rule("bibl-unused", "every bibliography entry is pointed to by a text (a link, a title, a source description, a relation) or marked <note type=\"kept\">", level=Level.WARNING)
def bibl_unused(corpus: Corpus) -> Iterator[Diagnostic]:
    used = {id(link.element) for link in corpus.links if link.element is not None and link.document is not link.target}
    for document in corpus.reported():
        for group in document.root.iterfind(".//tei:div[@subtype='bibliography']", NS):
            for entry in group.iter(f"{{{TEI_NS}}}bibl"):
                kept = entry.find(f"{{{TEI_NS}}}note[@type='kept']") is not None
                if not kept and id(entry) not in used:
                    yield document.diagnostic(
                        entry, "bibl-unused",
                        f"bibliography entry '{entry.get(XML_ID)}' is cited by no text (no link, title, source "
                        "description or relation points to it); remove it, or keep it on purpose with "
                        "<note type=\"kept\">why</note>",
                        level=Level.WARNING,
                    )


def _looks_like_pointer(token: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", token, re.IGNORECASE)) or "#" in token or token.endswith(".xml")


@rule("url-syntax", "every web address (@target, @ref with http: or https:) is a well-formed URL", scope=DOCUMENT)
def url_syntax(corpus: Corpus) -> Iterator[Diagnostic]:
    for document in corpus.reported():
        for node in document.root.iter():
            if not isinstance(node.tag, str):
                continue
            for attribute in ("target", "ref"):
                pointers = pointers_of(node, attribute)
                for position, pointer in enumerate(pointers):
                    if not pointer.lower().startswith(("http:", "https:")):
                        continue
                    problem = url_problem(pointer)
                    following = pointers[position + 1] if position + 1 < len(pointers) else None
                    if problem is None and following and not _looks_like_pointer(following):
                        problem = f"is followed by '{following}': a space inside a URL (write it %20) or a missing scheme"
                    if problem:
                        yield document.diagnostic(node, "url-syntax", f"@{attribute} '{pointer}' {problem}", attribute=attribute)


AUTHORITY_SYNTAX = {
    "wikidata": (r"^Q[1-9][0-9]*$", "a Wikidata item id: Q followed by digits, e.g. Q232"),
    "viaf": (r"^[1-9][0-9]{0,21}$", "a VIAF id: digits"),
    "geonames": (r"^[1-9][0-9]{0,9}$", "a GeoNames id: digits"),
}


@rule("authority-syntax", "authority identifiers and coordinates have the right syntax and range", scope=DOCUMENT)
def authority_syntax(corpus: Corpus) -> Iterator[Diagnostic]:
    import re

    for document in corpus.reported():
        for idno in document.elements("idno"):
            kind = idno.get("type")
            if kind in AUTHORITY_SYNTAX:
                pattern, expected = AUTHORITY_SYNTAX[kind]
                value = (idno.text or "").strip()
                if not re.match(pattern, value):
                    yield document.diagnostic(idno, "authority-syntax", f"{kind} identifier '{value}' is not {expected}")
        for geo in document.elements("geo"):
            parts = (geo.text or "").split()
            try:
                latitude, longitude = (float(p) for p in parts)
            except ValueError:
                yield document.diagnostic(geo, "authority-syntax", f"coordinates '{geo.text}' are not 'latitude longitude' in decimal degrees")
                continue
            if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
                yield document.diagnostic(
                    geo, "authority-syntax",
                    f"coordinates '{geo.text}' are out of range: latitude must be within ±90, longitude within ±180",
                )


@rule("seed-digest", "the seed's SHA-256 in the header matches the seed file")
def seed_digest(corpus: Corpus) -> Iterator[Diagnostic]:
    if corpus.seeds_dir is None:
        return
    for document in corpus.reported():
        for bibl in document.root.xpath("tei:teiHeader//tei:sourceDesc/tei:bibl[@type='seed']", namespaces=NS):
            name_node = bibl.find(f"{{{TEI_NS}}}idno[@type='filename']")
            digest_node = bibl.find(f"{{{TEI_NS}}}idno[@type='sha256']")
            if name_node is None or digest_node is None:
                continue  # the schema requires both
            seed = corpus.seeds_dir / (name_node.text or "").strip()
            if not seed.is_file():
                yield document.diagnostic(name_node, "seed-digest", f"seed file '{name_node.text}' is not in {corpus.seeds_dir}")
                continue
            actual = hashlib.sha256(seed.read_bytes()).hexdigest()
            if actual != (digest_node.text or "").strip():
                yield document.diagnostic(
                    digest_node, "seed-digest",
                    f"the seed {name_node.text} has SHA-256 {actual}, not the one recorded here: the seed changed "
                    "after conversion; run `interlinea convert` again",
                )


@rule("n-sequence", "citable blocks are numbered 1, 2, 3… through each work", level=Level.WARNING, scope=DOCUMENT)
def n_sequence(corpus: Corpus) -> Iterator[Diagnostic]:
    for document in corpus.reported():
        for work in document.root.xpath("//tei:div[@type='work']", namespaces=NS):
            numbered = [n for n in work.iter(*(f"{{{TEI_NS}}}{local}" for local in CITABLE)) if n.get("n") is not None]
            for position, node in enumerate(numbered, start=1):
                if node.get("n") != str(position):
                    yield document.diagnostic(
                        node, "n-sequence",
                        f"@n is {node.get('n')}, but this is citable block {position} of its work (blocks are "
                        "numbered in order through the work); renumber, or reconvert the text",
                        level=Level.WARNING, attribute="n",
                    )


# Elements whose language the identifier can judge (neutral blocks such as signatures are left out).
JUDGED = ("head", "p", "note", "quote", "trailer", "fw")


@rule("lang-mismatch", "a block's xml:lang agrees with what the language identifier finds with high confidence", level=Level.WARNING, scope=DOCUMENT)
def lang_mismatch(corpus: Corpus) -> Iterator[Diagnostic]:
    # The converter's own decision (interlinea.language_decision.decide), asked with the language in
    # force at the element: what the converter wrote is never flagged, and what it left to inherit
    # neither (see that module). A hand-written xml:lang that strong evidence contradicts is.
    from interlinea.language_decision import decide

    for document in corpus.reported():
        if document.is_register:
            continue
        body = document.root.find(f"{{{TEI_NS}}}text")
        if body is None:
            continue
        text_languages = [document.root.get(XML_LANG) or "und"] + [
            div.get(XML_LANG) for div in body.iterfind(".//tei:div[@type='work']", NS) if div.get(XML_LANG)
        ]
        for node in body.iter(*(f"{{{TEI_NS}}}{local}" for local in JUDGED)):
            home = document.language_of(node) or "und"
            verdict = decide("".join(node.itertext()), home, text_languages)
            if verdict.lang is not None:
                yield document.diagnostic(
                    node, "lang-mismatch",
                    f"xml:lang is '{home}' here, but the text reads as '{verdict.lang}' ({verdict.signals}); "
                    "correct xml:lang, or keep it if the identifier is wrong",
                    level=Level.WARNING,
                )


def _alignment_sides(corpus: Corpus, document: Document, group: etree._Element):
    """The two works a linkGrp aligns (its @domains, resolved), or None when they do not resolve."""
    domains = [_work_of(corpus, document, pointer) for pointer in pointers_of(group, "domains")]
    if len(domains) != 2 or any(d is None for d in domains):
        return None  # reported by ref-resolves or the schema
    return [element for _, element in domains]


def _link_sides(corpus: Corpus, document: Document, link: etree._Element, domains) -> tuple[list, list, list[str]]:
    """The blocks of a link on each side, and the pointers that fall in neither work."""
    sides: tuple[list, list] = ([], [])
    outside = []
    for pointer in pointers_of(link, "target"):
        resolved = _work_of(corpus, document, pointer)
        if resolved is None:
            continue  # reported by ref-resolves
        element = resolved[1]
        ancestors = set(element.iterancestors())
        for side, work in zip(sides, domains):
            if work in ancestors:
                side.append(element)
                break
        else:
            outside.append(pointer)
    return sides[0], sides[1], outside


@rule("align-sides", "each alignment link joins citable blocks of its two works, at least one on each side, each block in one link")
def align_sides(corpus: Corpus) -> Iterator[Diagnostic]:
    for document in corpus.reported():
        for group in document.elements("linkGrp"):
            domains = _alignment_sides(corpus, document, group)
            if domains is None:
                continue
            seen: dict[int, int] = {}
            for link in group.iterfind("tei:link", NS):
                a, b, outside = _link_sides(corpus, document, link, domains)
                for pointer in outside:
                    yield document.diagnostic(link, "align-sides", f"'{pointer}' is in neither of the two works the group aligns ({group.get('domains')})", attribute="target")
                for block in a + b:
                    if etree.QName(block).localname not in CITABLE or block.get("n") is None:
                        yield document.diagnostic(link, "align-sides", f"'{block.get(XML_ID)}' is a <{etree.QName(block).localname}>, not a citable block (with @n)", attribute="target")
                    elif id(block) in seen:
                        yield document.diagnostic(link, "align-sides", f"'{block.get(XML_ID)}' is already in the link at line {seen[id(block)]}; a block belongs to one group", attribute="target")
                    else:
                        seen[id(block)] = link.sourceline or 0
                if not outside and (not a or not b):
                    yield document.diagnostic(link, "align-sides", "the link has blocks of one work only; a group joins blocks of both works (an unaligned block is in no link)", attribute="target")


def _entries_named(blocks: list[etree._Element]) -> set[str]:
    """The register entries named in blocks, by key."""
    return {
        node.get("ref").rsplit("#", 1)[-1]
        for block in blocks
        for node in block.iter(*(f"{{{TEI_NS}}}{local}" for local in NAMES))
        if node.get("ref")
    }


@rule("align-entities", "the two sides of an aligned group name the same register entries", level=Level.WARNING)
def align_entities(corpus: Corpus) -> Iterator[Diagnostic]:
    # A name survives translation: a group whose sides name different entries is either aligned
    # wrongly or tagged wrongly (or the translator dropped or added a name, which is worth a look).
    for document in corpus.reported():
        for group in document.elements("linkGrp"):
            domains = _alignment_sides(corpus, document, group)
            if domains is None:
                continue
            for link in group.iterfind("tei:link", NS):
                if link.get("type") == "correction":
                    continue  # an editor has looked at this group and fixed it
                a, b, _ = _link_sides(corpus, document, link, domains)
                named_a, named_b = _entries_named(a), _entries_named(b)
                if named_a == named_b:
                    continue
                parts = []
                for side, only in ((a, named_a - named_b), (b, named_b - named_a)):
                    if only:
                        blocks = ", ".join(block.get(XML_ID) for block in side) or "nothing"
                        parts.append(f"only {blocks} name{'s' if len(side) == 1 else ''} {', '.join(sorted(only))}")
                yield document.diagnostic(link, "align-entities", "; ".join(parts) + ": check the group and the names' tagging", level=Level.WARNING, attribute="target")
