"""Small helpers to build TEI trees with lxml: namespaced names, mixed content, URLs as <ref>."""

from __future__ import annotations

from lxml import etree

from interlinea import TEI_NS, XML_NS
from interlinea.patterns import find_urls, url_target

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
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def add_inline(parent: etree._Element, text: str) -> None:
    """Append running text to `parent`, turning each URL into a <ref> that keeps its exact characters."""
    position = 0
    for start, end, url in find_urls(text):
        add_text(parent, text[position:start])
        ref = sub(parent, "ref", url, target=url_target(url))
        ref.tail = None
        position = end
    add_text(parent, text[position:])
