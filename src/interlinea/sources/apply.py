"""The post-step that puts a formatted source's markup onto the tree the converter built from its
plain text: inline markup (hi, ref, footnotes), lists, tables, heading levels as nested divisions.

The converter built one element per block, holding the block's text as it is; a block whose element
does not hold exactly that text (the converter merged it into a list of links, or made it a dateline)
keeps the converter's encoding: its characters are there, only its inline markup is not. Nothing of
the text is ever dropped: a footnote's text moves into its <note place="foot"> at the reference.
"""

from __future__ import annotations

import re

from lxml import etree

from interlinea.sources.model import Markup, Segment
from interlinea.tei import XML_ID, XML_LANG, add_text, sub, tei

_DIV = tei("div")
_BOTTOM = {tei(name) for name in ("closer", "postscript", "trailer", "signed", "dateline")}


def render(parent: etree._Element, segments: list[Segment], footnotes: dict[str, tuple[list[Segment], str | None]]) -> None:
    """Append the segments to `parent` as text and nested elements; a reference to a footnote
    becomes its <note place="foot"> (with the language the converter found for it, if any)."""
    stack: list[tuple[object, etree._Element]] = [(None, parent)]
    for text, path, note in segments:
        depth = 0
        while depth < len(path) and depth + 1 < len(stack) and stack[depth + 1][0] is path[depth]:
            depth += 1
        del stack[depth + 1 :]
        for span in path[depth:]:
            stack.append((span, sub(stack[-1][1], span.tag, **span.attrs)))
        target = stack[-1][1]
        if note is not None:
            footnote = footnotes.get(note)
            if footnote is not None:
                # A reader keys an endnote "end:…"; every other note is a footnote.
                note_el = sub(target, "note", place="end" if note.startswith("end:") else "foot")
                if footnote[1]:
                    note_el.set(XML_LANG, footnote[1])
                render(note_el, footnote[0], {})
        add_text(target, text)


def _holds(node: etree._Element, text: str) -> bool:
    return len(node) == 0 and (node.text or "") == text


def apply_markup(text_el: etree._Element, markup: Markup, placements: dict) -> None:
    """Apply `markup` to the <text> element the converter built; `placements` (line → placement) is
    updated for blocks renumbered or moved into notes."""
    ids = {node.get(XML_ID): node for node in text_el.iter() if node.get(XML_ID) is not None}
    nodes: list[etree._Element | None] = []
    for block, line in zip(markup.blocks, markup.lines):
        placement = placements.get(line)
        node = ids.get(placement.xml_id) if placement is not None and placement.xml_id else None
        nodes.append(node if node is not None and _holds(node, block.text) else None)
    # Only references the markup is applied to: a footnote referenced from a block the converter
    # encoded otherwise stays a paragraph of its own.
    referenced = {note for block, node in zip(markup.blocks, nodes) if block.role != "footnote" and node is not None
                  for _, _, note in block.segments if note is not None}
    footnotes: dict[str, tuple[list[Segment], str | None]] = {}
    # A referenced footnote's own paragraph goes: its text is rendered at the reference.
    for block, line, node in zip(markup.blocks, markup.lines, nodes):
        if block.role == "footnote" and block.key in referenced and node is not None and block.key not in footnotes:
            footnotes[block.key] = (block.segments, node.get(XML_LANG))
            _remove(node)
            placements.pop(line, None)
    for block, node in zip(markup.blocks, nodes):
        if node is None or block.role == "footnote" or not block.marked:
            continue
        node.text = None
        render(node, block.segments, footnotes)
    _groups(markup, nodes)
    _nest_sections(text_el, markup, nodes)
    _renumber(text_el, placements)


def _remove(node: etree._Element) -> None:
    """Remove a block; a section or postscript it leaves empty goes too (the work's division stays)."""
    parent = node.getparent()
    parent.remove(node)
    while len(parent) == 0 and parent.tag in (_DIV, tei("postscript")) and parent.get("type") != "work":
        grandparent = parent.getparent()
        grandparent.remove(parent)
        parent = grandparent


def _groups(markup: Markup, nodes: list[etree._Element | None]) -> None:
    """Items of one list become <list><item>; cells of one table <table><row><cell><p>."""
    current_list: tuple | None = None
    list_el: etree._Element | None = None
    table_key: object = None
    table_el: etree._Element | None = None
    row_key: object = None
    row_el: etree._Element | None = None
    for block, node in zip(markup.blocks, nodes):
        if node is None or node.tag != tei("p"):
            current_list = table_key = None
            continue
        if block.role == "item":
            if not (current_list == block.group and list_el is not None and list_el.getnext() is node):
                list_el = etree.Element(tei("list"))
                list_el.set("rend", "numbered" if block.numbered else "bulleted")
                node.addprevious(list_el)
                current_list = block.group
            node.tag = tei("item")
            list_el.append(node)
            table_key = None
        elif block.role == "cell":
            table, row = block.group or (None, None)
            if not (table_key == table and table_el is not None and table_el.getnext() is node):
                table_el = etree.Element(tei("table"))
                node.addprevious(table_el)
                table_key, row_key = table, None
            if row_key != row:
                row_el = sub(table_el, "row")
                row_key = row
            assert row_el is not None
            cell = sub(row_el, "cell")
            if block.label:
                cell.set("role", "label")
            cell.append(node)
            current_list = None
        else:
            current_list = table_key = None


def _nest_sections(text_el: etree._Element, markup: Markup, nodes: list[etree._Element | None]) -> None:
    """Sections whose heading has a deeper level than the section before go inside it."""
    levels = {id(node): block.level for block, node in zip(markup.blocks, nodes)
              if node is not None and block.role == "heading" and block.level}
    for work in text_el.iter(_DIV):
        if work.get("type") != "work":
            continue
        stack: list[tuple[int, etree._Element]] = []
        for section in [child for child in work if child.tag == _DIV and child.get("type") == "section"]:
            head = section[0] if len(section) and section[0].tag == tei("head") else None
            level = levels.get(id(head)) if head is not None else None
            if level is None:
                stack = []
                continue
            while stack and stack[-1][0] >= level:
                stack.pop()
            if stack:
                parent = stack[-1][1]
                if len(parent) and parent[-1].tag in _BOTTOM:
                    stack = []  # a division that has closed takes no subdivisions after its closer
                else:
                    parent.append(section)
            stack.append((level, section))


def _renumber(text_el: etree._Element, placements: dict) -> None:
    """Citable blocks numbered 1, 2, 3… through each work in document order, and placements kept."""
    renamed: dict[str, str] = {}
    for work in text_el.iter(_DIV):
        if work.get("type") != "work":
            continue
        prefix = work.get(XML_ID)
        own = re.compile(re.escape(f"{prefix}.") + r"\d+")
        position = 0
        # The converter's citable blocks: an xml:id text.work.n and a number (divisions have .sN).
        for node in work.iter():
            if node.get("n") is None or not own.fullmatch(node.get(XML_ID) or ""):
                continue
            position += 1
            old = node.get(XML_ID)
            new = f"{prefix}.{position}"
            node.set("n", str(position))
            if old != new:
                node.set(XML_ID, new)
                renamed[old] = new
    if renamed:
        for placement in placements.values():
            if placement.xml_id in renamed:
                placement.xml_id = renamed[placement.xml_id]

