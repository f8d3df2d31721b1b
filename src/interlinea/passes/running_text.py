"""Rewriting the running text of a TEI tree: find things in its text nodes, and wrap them in elements.

A text node is an element's text or a child's tail. Only the reading text (`<text>`) is visited,
never the header, and never inside the elements a pass names to skip (a link's characters are not
searched for names). Elements are inserted with `addnext`, which costs the same wherever it happens,
so a paragraph with thousands of finds is rewritten in linear time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree

from interlinea.tei import TEI_NS, local_name

# What a finder returns for one text: (start, end, element to put there) for each find, in order.
Finder = Callable[[str], list[tuple[int, int, etree._Element]]]


def text_slots(node: etree._Element, skip: frozenset[str]) -> Iterator[tuple[etree._Element, etree._Element | None]]:
    """(parent, None) for a parent's text, (parent, child) for a child's tail, in document order."""
    if node.text:
        yield node, None
    for child in node:
        if isinstance(child.tag, str) and local_name(child) not in skip:
            yield from text_slots(child, skip)
        if child.tail:
            yield node, child


def rewrite_running_text(tree: etree._ElementTree, skip: frozenset[str], find: Finder) -> None:
    text = tree.getroot().find(f"{{{TEI_NS}}}text")
    if text is None:
        return
    for parent, after in list(text_slots(text, skip)):
        value = parent.text if after is None else after.tail
        finds = find(value)
        if finds:
            _wrap(parent, after, value, finds)


def _wrap(parent: etree._Element, after: etree._Element | None, value: str, finds: list[tuple[int, int, etree._Element]]) -> None:
    """Put each find's element in place of its characters; the text between stays text."""
    head = value[: finds[0][0]] or None
    if after is None:
        parent.text = head
    else:
        after.tail = head
    anchor = after  # the new element goes after this node (None: first in `parent`)
    for index, (_start, end, node) in enumerate(finds):
        if anchor is None:
            parent.insert(0, node)
        else:
            anchor.addnext(node)
        following = finds[index + 1][0] if index + 1 < len(finds) else len(value)
        node.tail = value[end:following] or None
        anchor = node
