"""The TEI vocabulary as Interlinea uses it: namespaces, tree builders, and one table of element classes.

A foundation module: it imports nothing of Interlinea's but the namespaces of the package itself,
and every stage may import it. Which element
is a block, which is running text, which is citable is decided here once; the stylesheets' own lists
(`il:block-elements`, `il:inline-elements` in xslt/common/) are checked against this table by
tests/test_architecture.py.
"""

from __future__ import annotations

from lxml import etree

from interlinea import TEI_NS, XML_NS

XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
NSMAP = {None: TEI_NS}
NS = {"tei": TEI_NS}  # for XPath

# -- element classes ----------------------------------------------------------------------------------

# Blocks: start on a new line of the reading text; the stylesheets lay each out as a block.
BLOCK = frozenset({
    "div", "postscript", "head", "p", "note", "byline", "trailer", "fw", "milestone", "closer", "signed",
    "dateline", "figure", "quote", "cit", "bibl", "list", "item",
})
# Running text inside a block; the stylesheets render each as (part of) a line.
INLINE = frozenset({"persName", "placeName", "orgName", "ref", "title", "date", "author", "lb"})
# Boundaries between words when the reading text is extracted: the blocks, a line break, and the
# block-like containers TEI has beyond the ones Interlinea writes.
WORD_BOUNDARY = BLOCK | {"lb", "ab", "listBibl", "floatingText"}
# Blocks that carry an xml:id and a number @n, so that they can be cited and aligned.
CITABLE = ("head", "p", "item", "cit", "quote", "note", "byline", "signed", "dateline", "trailer")
# What counts as the content of a division (TEI's model.common and subdivisions): a closer may follow.
DIVISION_CONTENT = frozenset({"p", "list", "cit", "figure", "quote", "div", "ab", "closer", "postscript"})
# Names of persons, places and organisations, each pointing to a register entry.
NAMES = ("persName", "placeName", "orgName")
# Register entries.
ENTRIES = ("person", "place", "org")
# Elements whose content is text (paragraph-like and phrase-level): never indented when written,
# even when they happen to hold only elements, because white space there is part of the text.
MIXED_CONTENT = frozenset({
    "p", "head", "item", "note", "quote", "q", "signed", "byline", "dateline", "date", "ab", "l", "seg",
    "title", "name", "persName", "placeName", "orgName", "ref", "label", "hi", "emph", "foreign",
    "author", "publisher", "resp", "licence", "language", "change", "measure", "idno", "pubPlace",
    "fw", "term", "salute", "trailer", "desc", "edition", "textLang", "geo",
})


def local_name(node: etree._Element) -> str:
    """An element's name without its namespace ('' for comments and processing instructions)."""
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


# -- building trees ------------------------------------------------------------------------------------


def tei(local: str) -> str:
    return f"{{{TEI_NS}}}{local}"


def element(local: str, text: str | None = None, **attributes: str) -> etree._Element:
    node = etree.Element(tei(local), nsmap=NSMAP)
    _fill(node, text, attributes)
    return node


def sub(parent: etree._Element, local: str, text: str | None = None, **attributes: str) -> etree._Element:
    node = etree.SubElement(parent, tei(local))
    _fill(node, text, attributes)
    return node


def _fill(node: etree._Element, text: str | None, attributes: dict[str, str]) -> None:
    for name, value in attributes.items():
        node.set(_attribute_name(name), value)
    if text is not None:
        node.text = text


def _attribute_name(name: str) -> str:
    if name == "xml_id":
        return XML_ID
    if name == "xml_lang":
        return XML_LANG
    return name.rstrip("_")  # type_ -> type


def add_text(parent: etree._Element, text: str) -> None:
    """Append character data after the last child of `parent` (or as its text)."""
    if not text:
        return
    # reversed() reaches the last child at once, where len() counts all the children: a paragraph
    # with many names or URLs would cost the square of their number.
    last = next(reversed(parent), None)
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
