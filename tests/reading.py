"""The reading text of a TEI document: its words in order, as a reader meets them.

Used to prove that conversion is lossless (the seed's words, in order, are all in the TEI) and by any
output that needs the plain words of a text. Block elements and <lb/> separate words; inline
elements do not (so "Kazakhstan" in <placeName> followed by "’s" stays "Kazakhstan’s").
"""

from __future__ import annotations

from lxml import etree

from interlinea.tei import TEI_NS, WORD_BOUNDARY, local_name

def _walk(node: etree._Element, out: list[str]) -> None:
    local = local_name(node)
    block = local in WORD_BOUNDARY
    if block:
        out.append(" ")
    if local == "milestone" and node.get("rend"):
        out.append(node.get("rend"))
    if isinstance(node.tag, str) and node.text:
        out.append(node.text)
    for child in node:
        if isinstance(child.tag, str):
            _walk(child, out)
        if child.tail:
            out.append(child.tail)
    if block:
        out.append(" ")


def reading_text(tree: etree._ElementTree | etree._Element) -> str:
    """The words of the TEI <text>, separated by single spaces."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    text = root.find(f"{{{TEI_NS}}}text")
    out: list[str] = []
    if text is not None:
        _walk(text, out)
    return " ".join("".join(out).split())
