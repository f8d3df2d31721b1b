"""The relations pass: translation relations between works, from the manifest, as TEI stand-off
<listRelation type="translation">.

A translation points to its original (active = the translation, passive = the original); works that
are translations of one original are siblings (mutual). Pointers are relative URIs: "#id" within
the text, "other-text.xml#id" for another text of the edition (all texts live side by side in tei/).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from interlinea.manifest import TextEntry, resolve_work_ref
from interlinea.tei import TEI_NS, element, sub

if TYPE_CHECKING:
    from interlinea.passes import PassContext


def work_pointer(from_text: str, reference: str) -> str:
    text_id, number = resolve_work_ref(reference)
    fragment = f"#{text_id}.{number}"
    return fragment if text_id == from_text else f"{text_id}.xml{fragment}"


def build_relations(entry: TextEntry) -> etree._Element | None:
    """The <standOff> with this text's relations, or None when it declares none."""
    relations = []
    for number, work in enumerate(entry.works, start=1):
        this = f"#{entry.id}.{number}"
        if work.translation_of:
            relations.append({"name": "translation", "active": this, "passive": work_pointer(entry.id, work.translation_of)})
        if work.sibling_of:
            others = " ".join(work_pointer(entry.id, ref) for ref in work.sibling_of)
            relations.append({"name": "sibling", "mutual": f"{this} {others}"})
    if not relations:
        return None
    stand_off = element("standOff")
    listing = sub(stand_off, "listRelation", type="translation")
    for attributes in relations:
        sub(listing, "relation", **attributes)
    return stand_off


def apply(tree: etree._ElementTree, context: "PassContext") -> None:
    """Put the manifest's relations in the text's stand-off, replacing those an earlier run put there
    (other stand-off content, an editor's, is kept)."""
    root = tree.getroot()
    for old in root.findall(f"{{{TEI_NS}}}standOff/{{{TEI_NS}}}listRelation[@type='translation']"):
        stand_off = old.getparent()
        stand_off.remove(old)
        if len(stand_off) == 0:
            root.remove(stand_off)
    relations = build_relations(context.entry)
    if relations is None:
        return
    existing = root.find(f"{{{TEI_NS}}}standOff")
    if existing is None:
        root.append(relations)
    else:
        existing.extend(list(relations))
