"""Small helpers to build TEI trees with lxml: namespaced names, mixed content, URLs as <ref>."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from interlinea import TEI_NS, XML_NS
from interlinea.patterns import find_urls, url_target

if TYPE_CHECKING:
    from interlinea.entities import Tagger

XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
NSMAP = {None: TEI_NS}


def tei(local: str) -> str:
    return f"{{{TEI_NS}}}{local}"


def element(local: str, text: str | None = None, **attributes: str) -> etree._Element:
    node = etree.Element(tei(local), nsmap=NSMAP)
    for name, value in attributes.items():
        node.set(_attribute_name(name), value)
    if text is not None:
        node.text = text
    return node


def sub(parent: etree._Element, local: str, text: str | None = None, **attributes: str) -> etree._Element:
    node = etree.SubElement(parent, tei(local))
    for name, value in attributes.items():
        node.set(_attribute_name(name), value)
    if text is not None:
        node.text = text
    return node


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


def add_inline(parent: etree._Element, text: str, tagger: Tagger | None = None) -> None:
    """Append running text to `parent`: each URL becomes a <ref> that keeps its exact characters, and,
    with a tagger, each name from the registers a persName, placeName or orgName pointing to its entry."""
    position = 0
    for start, end, url in find_urls(text):
        _add_names(parent, text[position:start], tagger)
        sub(parent, "ref", url, target=url_target(url))
        position = end
    _add_names(parent, text[position:], tagger)


def _add_names(parent: etree._Element, text: str, tagger: Tagger | None) -> None:
    if tagger is None:
        add_text(parent, text)
        return
    position = 0
    for mention in tagger.find(text):
        add_text(parent, text[position : mention.start])
        sub(parent, mention.entry.kind.name_element, mention.surface, ref=mention.entry.pointer)
        position = mention.end
    add_text(parent, text[position:])
