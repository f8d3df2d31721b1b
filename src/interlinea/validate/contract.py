"""The edition's contract in words: what the project schema requires of a text, said clearly.

The open schema (schema/interlinea.rnc) decides whether a text is valid. When it rejects one, libxml2
says so in its own terms ("Element p failed to validate attributes", "Expecting an element , got
nothing"), often several times for one cause. For the parts of the contract an editor can break by
hand, this module names the breach ("<p> at block level of work organise-en.1 is a citable block: it
needs an xml:id"), and repairs it in a copy of the tree, so that the schema is asked again about
what remains: each breach is then reported once, clearly, and any other error as libxml2 gives it.

It runs only when the schema has rejected the document, so it can never make a valid text invalid.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml import etree

from interlinea.tei import TEI_NS, XML_ID, XML_LANG

SEED_DIGEST = re.compile(r"[0-9a-f]{64}")
BLOCKS = ("head", "p", "byline", "dateline", "signed", "trailer", "note", "quote", "cit")
TITLE_TYPES = ("main", "sub", "alt", "desc")
LANG = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")
POSITIVE = re.compile(r"^\+?0*[1-9][0-9]*$")


@dataclass
class Breach:
    node: etree._Element
    message: str
    repair: Callable[[], None]


def t(local: str) -> str:
    return f"{{{TEI_NS}}}{local}"


def _local(node: etree._Element) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _children(node: etree._Element | None, local: str) -> list[etree._Element]:
    return [] if node is None else [c for c in node if c.tag == t(local)]


def _child(node: etree._Element | None, local: str) -> etree._Element | None:
    found = _children(node, local)
    return found[0] if found else None


def explain(tree: etree._ElementTree) -> tuple[list[Breach], etree._ElementTree]:
    """The breaches of the contract of a text, and a copy of the tree with all of them repaired."""
    repaired = copy.deepcopy(tree)
    root = repaired.getroot()
    found = []
    for check in (_root, _titles, _seed, _languages, _structure):
        found.extend(check(root))
    for breach in found:
        breach.repair()
    return found, repaired


def _set(node: etree._Element, attribute: str, value: str) -> Callable[[], None]:
    return lambda: node.set(attribute, value)


def _root(root: etree._Element) -> Iterator[Breach]:
    if root.get(XML_ID) is None:
        yield Breach(root, "<TEI> needs an xml:id, the text's identifier (its file name without .xml)", _set(root, XML_ID, "il-repaired"))
    lang = root.get(XML_LANG)
    if lang is None or not LANG.match(lang):
        yield Breach(root, "<TEI> needs an xml:lang, the main language of the text (a BCP 47 tag such as 'en')", _set(root, XML_LANG, "und"))


def _titles(root: etree._Element) -> Iterator[Breach]:
    statement = _child(_child(_child(root, "teiHeader"), "fileDesc"), "titleStmt")
    for title in _children(statement, "title"):
        lang = title.get(XML_LANG)
        if lang is None or not LANG.match(lang):
            yield Breach(title, "a title of the text (titleStmt/title) needs xml:lang, the language it is in", _set(title, XML_LANG, "und"))
        if title.get("type") not in TITLE_TYPES:
            said = f"is '{title.get('type')}'" if title.get("type") is not None else "is missing"
            yield Breach(title, f"title/@type {said}: a title of the text is type=\"main\", \"sub\", \"alt\" or \"desc\" (supplied by the editors)",
                         _set(title, "type", "main"))


def _seed(root: etree._Element) -> Iterator[Breach]:
    file_description = _child(_child(root, "teiHeader"), "fileDesc")
    source = _child(file_description, "sourceDesc")
    if source is None:
        return  # TEI's own content model requires sourceDesc: libxml2's message says so
    seeds = [b for b in _children(source, "bibl") if b.get("type") == "seed"]
    for bibl in _children(source, "bibl"):
        if bibl.get("type") not in ("seed", "original"):
            said = f"type=\"{bibl.get('type')}\"" if bibl.get("type") is not None else "no @type"
            yield Breach(bibl, f"a <bibl> in sourceDesc has {said}: it is type=\"original\" (an original publication) or "
                         "type=\"seed\" (the seed file); describe other sources with listBibl, biblStruct or msDesc",
                         _set(bibl, "type", "original"))
    if not seeds:
        def add_seed() -> None:
            bibl = etree.SubElement(source, t("bibl"), type="seed")
            etree.SubElement(bibl, t("idno"), type="filename").text = "seed.txt"
            etree.SubElement(bibl, t("idno"), type="sha256").text = "0" * 64
        yield Breach(source, "sourceDesc has no <bibl type=\"seed\">: the seed file the text was converted from, with "
                     "<idno type=\"filename\"> and <idno type=\"sha256\">; run `interlinea convert` to restore it", add_seed)
        return
    for extra in seeds[1:]:
        yield Breach(extra, "sourceDesc has more than one <bibl type=\"seed\">; a text comes from one seed", _set(extra, "type", "original"))
    yield from _seed_identifiers(seeds[0])


def _seed_identifiers(bibl: etree._Element) -> Iterator[Breach]:
    idnos = _children(bibl, "idno")
    name = next((i for i in idnos if i.get("type") == "filename"), None)
    digest = next((i for i in idnos if i.get("type") == "sha256"), None)

    def rebuild() -> None:
        # title?, idno filename, idno sha256, extent?: keep what is there, in that order.
        title, extent = _child(bibl, "title"), _child(bibl, "extent")
        for child in list(bibl):
            bibl.remove(child)
        if title is not None:
            bibl.append(title)
        for kind, value in (("filename", name.text if name is not None and name.text else "seed.txt"),
                            ("sha256", digest.text if digest is not None and SEED_DIGEST.fullmatch(digest.text or "") else "0" * 64)):
            etree.SubElement(bibl, t("idno"), type=kind).text = value
        if extent is not None:
            bibl.append(extent)

    if name is None:
        yield Breach(bibl, "the seed's <bibl type=\"seed\"> has no <idno type=\"filename\">, the seed's file name; run "
                     "`interlinea convert` to restore it", rebuild)
    if digest is None:
        yield Breach(bibl, "the seed's <bibl type=\"seed\"> has no <idno type=\"sha256\">, the SHA-256 digest of the seed "
                     "file; run `interlinea convert` to restore it", rebuild)
    elif not SEED_DIGEST.fullmatch(digest.text or ""):
        yield Breach(digest, f"the seed's SHA-256 digest '{digest.text}' is not 64 lower-case hexadecimal digits", rebuild)


def _languages(root: etree._Element) -> Iterator[Breach]:
    header = _child(root, "teiHeader")
    if header is None:
        return
    profile = _child(header, "profileDesc")
    usage = _child(profile, "langUsage")
    if usage is not None and _children(usage, "language"):
        return

    def add_usage() -> None:
        nonlocal profile
        if profile is None:
            profile = etree.Element(t("profileDesc"))
            revision = _child(header, "revisionDesc")
            if revision is not None:
                revision.addprevious(profile)
            else:
                header.append(profile)
        holder = _child(profile, "langUsage")
        if holder is None:
            holder = etree.SubElement(profile, t("langUsage"))
        for child in list(holder):
            holder.remove(child)
        etree.SubElement(holder, t("language"), ident="und").text = "undetermined"

    where = profile if profile is not None else header
    if usage is None:
        message = "the header has no profileDesc/langUsage: list the languages of the text, <language ident=\"en\">English</language>"
    else:
        where = usage
        message = "langUsage lists no <language>: give one per language of the text, <language ident=\"en\">English</language>"
    yield Breach(where, message, add_usage)


def _structure(root: etree._Element) -> Iterator[Breach]:
    body = _child(_child(root, "text"), "body")
    if body is None:
        return
    for div in _children(body, "div"):
        yield from _division(div, "work")


def _division(div: etree._Element, kind: str) -> Iterator[Breach]:
    if div.get("type") != kind:
        said = f"type=\"{div.get('type')}\"" if div.get("type") is not None else "no @type"
        where = "in <body> is a work" if kind == "work" else "inside a work is a section"
        yield Breach(div, f"<div> has {said}: a division {where}, type=\"{kind}\"", _set(div, "type", kind))
    yield from _numbered(div, f"<div type=\"{kind}\">", "a division")
    for child in div:
        yield from _block_level(child, div)


def _numbered(node: etree._Element, what: str, role: str) -> Iterator[Breach]:
    if node.get(XML_ID) is None:
        yield Breach(node, f"{what} is {role}: it needs an xml:id (text.work.n, as its neighbours have)",
                     _set(node, XML_ID, f"il-repaired-{id(node)}"))
    if node.get("n") is None or not POSITIVE.match(node.get("n")):
        said = f"is '{node.get('n')}'" if node.get("n") is not None else "is missing"
        yield Breach(node, f"{what} is {role}: it needs a number n (1, 2, 3… through its work), and its n {said}", _set(node, "n", "1"))


def _block_level(node: etree._Element, division: etree._Element) -> Iterator[Breach]:
    """The blocks of a work (or of a section, a closer, a postscript): each citable one needs xml:id and n."""
    local = _local(node)
    work = next((d for d in [division, *division.iterancestors(t("div"))] if d.get("type") == "work"), division)
    where = f"a citable block of work {work.get(XML_ID) or '?'}"
    if not node.tag == t(local):
        return
    if local == "div":
        yield from _division(node, "section")
    elif local in BLOCKS:
        yield from _numbered(node, f"<{local}> at block level", where)
    elif local == "list":
        for item in _children(node, "item"):
            yield from _numbered(item, "<item> of a list at block level", where)
    elif local == "figure":
        for head in _children(node, "head"):
            yield from _numbered(head, "<head> of a figure (its caption)", where)
    elif local in ("closer", "postscript"):
        for child in node:
            if isinstance(child.tag, str) and (local == "postscript" or _local(child) in ("signed", "dateline")):
                yield from _block_level(child, division)


def unknown_element_hint(message: str, known: frozenset[str]) -> str:
    """libxml2's "Did not expect element hii there", with what the name is not, and the closest TEI name."""
    found = re.match(r"Did not expect element (\S+) there", message)
    if not found or found.group(1) in known:
        return message
    name = found.group(1)
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
    guess = f"; did you mean <{close[0]}>?" if close else ""
    return f"{message}: <{name}> is not an element of TEI P5{guess}"
