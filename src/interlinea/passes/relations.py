"""The relations pass: the relations of a text's works with other works, from the edition's relation
graph, as TEI stand-off `<listRelation type="translation">`.

Every text lists every relation one of its works takes part in, on either side: the original lists
its translations as the translation lists its original, and siblings (translations of one original)
list each other even when only derived. A translation is `name="translation"` with `active` the
translation and `passive` the original; versions (direction unknown) and siblings are `mutual`.
Pointers are relative URIs: "#id" within the text, "other-text.xml#id" for another text (all texts
live side by side in tei/), "registers/bibliography.xml#key" for a work outside the edition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from interlinea.registers import agent_node
from interlinea.tei import TEI_NS, XML_LANG, element, sub

if TYPE_CHECKING:
    from interlinea.bibliography import Bibliography
    from interlinea.passes import PassContext
    from interlinea.relations import Relation, RelationGraph


def work_pointer(from_text: str, work_ref: str, graph: "RelationGraph", bibliography: "Bibliography | None") -> str:
    node = graph.node(work_ref)
    if node is not None and node.external:
        entry = bibliography.lookup(work_ref) if bibliography is not None else None
        return entry.pointer if entry is not None else f"registers/bibliography.xml#{work_ref}"
    text_id = work_ref.rsplit(".", 1)[0]
    return f"#{work_ref}" if text_id == from_text else f"{text_id}.xml#{work_ref}"


def _relation(relation: "Relation", pointer, context: "PassContext") -> etree._Element:
    if relation.directed:
        node = element("relation", name=relation.kind, active=pointer(relation.source), passive=pointer(relation.target))
    else:
        node = element("relation", name=relation.kind, mutual=" ".join(pointer(member) for member in relation.members))
    if relation.derived:
        node.set("type", "derived")
    if relation.cert:
        node.set("cert", relation.cert)
    if relation.translators:
        desc = sub(node, "desc", "translated by ")
        desc.set(XML_LANG, "en")
        for position, translator in enumerate(relation.translators):
            agent = agent_node(desc, "name", translator, context.registers)
            agent.tail = ", " if position < len(relation.translators) - 1 else None
    return node


def build_relations(context: "PassContext") -> etree._Element | None:
    """The <standOff> with the relations of the text's works, or None when they have none."""
    graph, entry = context.relations, context.entry
    assert graph is not None
    bibliography = context.registers.bibliography if context.registers is not None else None
    mine = [f"{entry.id}.{number}" for number in range(1, len(entry.works) + 1)]
    relations = sorted({r for ref in mine for r in graph.of(ref)})
    if not relations:
        return None
    stand_off = element("standOff")
    listing = sub(stand_off, "listRelation", type="translation")
    for relation in relations:
        listing.append(_relation(relation, lambda ref: work_pointer(entry.id, ref, graph, bibliography), context))
    return stand_off


def apply(tree: etree._ElementTree, context: "PassContext") -> None:
    """Put the text's relations in its stand-off, replacing those an earlier run put there (other
    stand-off content, an editor's, is kept). Without a relation graph, nothing changes."""
    if context.relations is None:
        return
    root = tree.getroot()
    for old in root.findall(f"{{{TEI_NS}}}standOff/{{{TEI_NS}}}listRelation[@type='translation']"):
        stand_off = old.getparent()
        stand_off.remove(old)
        if len(stand_off) == 0:
            root.remove(stand_off)
    relations = build_relations(context)
    if relations is None:
        return
    existing = root.find(f"{{{TEI_NS}}}standOff")
    if existing is None:
        root.append(relations)
    else:
        existing.extend(list(relations))
