"""What a formatted seed's markup says, in the converter (the readers are in interlinea.sources): two calls in convert_text.

    works = classify(marked_blocks(segment(seed.text), seed), entry, label)
    placements = build_body(...)
    apply_markup(text, seed, placements)                   # before the passes

For a plain-text seed both do what the converter did without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from interlinea.sources.model import ROLES

if TYPE_CHECKING:
    from lxml import etree

    from interlinea.convert.segment import Block

    from interlinea.seeds import Seed


def marked_blocks(blocks: "list[Block]", seed: "Seed") -> "list[Block]":
    """The seed's blocks, segmented as any seed's, with the kinds a formatted source's markup states
    fixed (as a manifest passage fixes them)."""
    markup = getattr(seed, "markup", None)
    if markup is None:
        return blocks
    by_line = {block.first_line: block for block in blocks}
    for source, line in zip(markup.blocks, markup.lines):
        block = by_line.get(line)
        kind = ROLES[source.role]
        if block is None or kind is None:
            continue
        block.kind = kind
        block.data["fixed"] = True
    return blocks


def apply_markup(text_el: "etree._Element", seed: "Seed", placements: dict) -> None:
    """After the converter built the body: the markup of a formatted seed onto it (a plain seed:
    nothing)."""
    markup = getattr(seed, "markup", None)
    if markup is None:
        return
    from interlinea.sources.apply import apply_markup as apply

    apply(text_el, markup, placements)
