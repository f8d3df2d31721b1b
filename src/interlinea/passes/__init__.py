"""Passes: named transformations of a TEI tree, run in a declared order after the converter has read a
seed into a bare tree (structure, identifiers, languages), and just as well over TEI that already
exists (hand-edited files, to enrich them again without regenerating them).

Each pass is a module with one entry point, `apply(tree, context)`, that changes the tree in place
and leaves alone what it has done before (a pass run twice changes nothing the second time). The order
is `PASSES`: adding a pass is a new module and one line here, and touches no other pass. Passes over
the whole edition (alignment, which needs two texts) will run after these, once every text is read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from interlinea.passes import dates, links, names, relations, works_cited

if TYPE_CHECKING:
    from interlinea.entities import Tagger
    from interlinea.manifest import TextEntry
    from interlinea.registers import Registers
    from interlinea.relations import RelationGraph


@dataclass(frozen=True)
class PassContext:
    """What the passes may know besides the tree: the text's manifest entry, the tagger made from
    the registers (None: names are not tagged), the registers, and the edition's relation graph
    (None: the text's relations are left as they are)."""

    entry: "TextEntry"
    tagger: "Tagger | None" = None
    registers: "Registers | None" = None
    relations: "RelationGraph | None" = None


@dataclass(frozen=True)
class Pass:
    name: str
    apply: Callable[[etree._ElementTree, PassContext], None]


# The order matters: names are looked for only outside the links, so links come first; dates only
# outside links and names (a URL's /2022/01/06/ is not a date of the text).
PASSES: tuple[Pass, ...] = (
    Pass("links", links.apply),
    Pass("names", names.apply),
    Pass("dates", dates.apply),
    Pass("works-cited", works_cited.apply),
    Pass("relations", relations.apply),
)


def run_passes(tree: etree._ElementTree, context: PassContext, passes: tuple[Pass, ...] = PASSES) -> None:
    for each in passes:
        each.apply(tree, context)
