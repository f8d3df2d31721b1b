"""The names pass: every mention of a register entry in the running text becomes a persName,
placeName or orgName pointing to the entry (see interlinea.entities for how mentions are found)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from interlinea.passes.running_text import rewrite_running_text
from interlinea.tei import NAMES, element

if TYPE_CHECKING:
    from interlinea.passes import PassContext

# Never inside a link's characters or a date, and never inside a name already marked (by this pass
# on an earlier run, or by an editor).
SKIP = frozenset({"ref", "date", "name", "rs", *NAMES})


def apply(tree: etree._ElementTree, context: "PassContext") -> None:
    tagger = context.tagger
    if tagger is None:
        return

    def names(text: str) -> list[tuple[int, int, etree._Element]]:
        return [
            (m.start, m.end, element(m.entry.kind.name_element, m.surface, ref=m.entry.pointer))
            for m in tagger.find(text)
        ]

    rewrite_running_text(tree, SKIP, names)
