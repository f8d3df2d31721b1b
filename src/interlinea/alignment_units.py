"""The units the aligner works on, read from a TEI tree: the citable blocks of one work, each with its
kind and, as anchors, the register entries it names (a name survives translation in any script)."""

from __future__ import annotations

from lxml import etree

from interlinea.alignment import Unit
from interlinea.tei import CITABLE, NAMES, TEI_NS, XML_ID, local_name

_CITABLE_TAGS = tuple(f"{{{TEI_NS}}}{local}" for local in CITABLE)
_NAME_TAGS = tuple(f"{{{TEI_NS}}}{local}" for local in NAMES)


def find_work(tree: etree._ElementTree, work_id: str) -> etree._Element | None:
    """The `div type="work"` whose xml:id is `work_id`, or None."""
    return next((d for d in tree.getroot().iter(f"{{{TEI_NS}}}div") if d.get(XML_ID) == work_id and d.get("type") == "work"), None)


def work_units(tree: etree._ElementTree, work_id: str) -> list[Unit]:
    """The citable blocks of the work `work_id` (`organise-en.1`), in document order; a block inside
    another citable block (the quotation of a cited post) belongs to it. Raises LookupError if the
    tree has no such work."""
    work = find_work(tree, work_id)
    if work is None:
        raise LookupError(work_id)
    units = []
    for node in work.iter(*_CITABLE_TAGS):
        if node.get(XML_ID) is None or node.get("n") is None or _inside_citable(node, work):
            continue
        names = frozenset(n.get("ref") for n in node.iter(*_NAME_TAGS) if n.get("ref"))
        units.append(Unit(node.get(XML_ID), " ".join("".join(node.itertext()).split()), local_name(node), names))
    return units


def _inside_citable(node: etree._Element, work: etree._Element) -> bool:
    for ancestor in node.iterancestors():
        if ancestor is work:
            return False
        if ancestor.get(XML_ID) and ancestor.get("n") and local_name(ancestor) in CITABLE:
            return True
    return False
