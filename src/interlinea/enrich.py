"""Enriching TEI that an editor has changed (`interlinea enrich`): the machine's passes (links, names,
dates, works cited, relations) run over the editor's tree and add what is new, without undoing what
the editor did.

What an editor added stays: the passes never look inside an existing name, date or link, and never
change a character of the text (checked before anything is written). What an editor took away stays
away: a name the converter tags in a block and the editor un-tagged is a decision, found by comparing
the editor's block with the converter's, recorded in `tei/.interlinea-decisions.json` (committed with
tei/, so the decision outlives the seed's next change) and respected by every later enrichment.

The enriched file is still the editor's: it is not recorded as Interlinea's output, so `convert`
and `build` keep treating it as edited by hand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from interlinea.passes import PassContext, run_passes
from interlinea.tei import NAMES, TEI_NS, XML_ID

DECISIONS_NAME = ".interlinea-decisions.json"
_NAME_TAGS = tuple(f"{{{TEI_NS}}}{local}" for local in NAMES)


@dataclass(frozen=True, order=True)
class Untagged:
    """A name the editor un-tagged: in block `block`, the words `surface`, which the machine tags
    as the register entry `ref`."""

    block: str
    surface: str
    ref: str


@dataclass
class Decisions:
    path: Path
    untagged: dict[str, set[Untagged]] = field(default_factory=dict)  # by text id

    @classmethod
    def load(cls, path: Path) -> Decisions:
        decisions = cls(path)
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            for text_id, items in data.get("untagged", {}).items():
                decisions.untagged[text_id] = {Untagged(**item) for item in items}
        return decisions

    def to_bytes(self) -> bytes:
        payload = {
            "about": "Editorial decisions that `interlinea enrich` respects: names an editor un-tagged in a block.",
            "untagged": {
                text_id: [item.__dict__ for item in sorted(items)]
                for text_id, items in sorted(self.untagged.items())
                if items
            },
        }
        return (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _names_by_block(tree: etree._ElementTree) -> dict[str, list[tuple[str, str]]]:
    """For each element with an xml:id, the names directly in it or below (surface, ref)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for node in tree.getroot().iter(*_NAME_TAGS):
        block = next((a for a in node.iterancestors() if a.get(XML_ID) and a.get("n")), None)
        if block is not None and node.get("ref"):
            found.setdefault(block.get(XML_ID), []).append(("".join(node.itertext()), node.get("ref")))
    return found


def untagged_by_editor(machine: etree._ElementTree, edited: etree._ElementTree) -> set[Untagged]:
    """Names the converter's tree tags in a block that the editor's tree has as plain text there."""
    ids = {node.get(XML_ID) for node in edited.getroot().iter() if isinstance(node.tag, str) and node.get(XML_ID)}
    made, kept = _names_by_block(machine), _names_by_block(edited)
    decisions = set()
    for block, names in made.items():
        if block not in ids:
            continue  # the editor removed or renumbered the block: nothing to learn from it
        remaining = list(kept.get(block, []))
        for name in names:
            if name in remaining:
                remaining.remove(name)
            else:
                decisions.add(Untagged(block, *name))
    return decisions


def _text_of(tree: etree._ElementTree) -> str:
    text = tree.getroot().find(f"{{{TEI_NS}}}text")
    return "".join(text.itertext()) if text is not None else ""


def _unwrap(node: etree._Element) -> None:
    """Replace an element by its content (text and children), in place."""
    parent = node.getparent()
    previous = node.getprevious()
    text, tail = node.text or "", node.tail or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    children = list(node)
    index = parent.index(node)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    last = children[-1] if children else previous
    if last is not None:
        last.tail = (last.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    node.tail = None
    parent.remove(node)


def respect(tree: etree._ElementTree, before: set[etree._Element], decisions: set[Untagged]) -> None:
    """Undo the names the passes just added where the editor decided there is no name."""
    refused = {(d.block, d.surface, d.ref) for d in decisions}
    for node in list(tree.getroot().iter(*_NAME_TAGS)):
        if node in before:
            continue
        block = next((a for a in node.iterancestors() if a.get(XML_ID) and a.get("n")), None)
        if block is not None and (block.get(XML_ID), "".join(node.itertext()), node.get("ref")) in refused:
            _unwrap(node)


class EnrichmentChangedText(Exception):
    """The passes would have changed a character of the text: nothing is written."""


def enrich_tree(tree: etree._ElementTree, context: PassContext, decisions: set[Untagged]) -> bool:
    """Run the passes over an editor's tree, respecting the decisions. Returns whether it changed."""
    before_bytes = etree.tostring(tree)
    before_text = _text_of(tree)
    existing = set(tree.getroot().iter(*_NAME_TAGS))  # the set keeps each element's proxy, so identity holds
    run_passes(tree, context)
    respect(tree, existing, decisions)
    if _text_of(tree) != before_text:
        raise EnrichmentChangedText()
    return etree.tostring(tree) != before_bytes
