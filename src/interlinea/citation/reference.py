"""Canonical references: what they look like, how they are parsed, and how a TEI header declares them.

A text is cited by its identifier (`organise-en`), a work by the text's identifier, a space and the
work's number (`organise-en 1`), a citable block by those, a full stop and the block's number `@n`,
counted through its work (`organise-en 1.12`). Each is also the `xml:id` of the element it names, with
full stops for the space (`organise-en.1.12`); both spellings are accepted wherever a reference is read.

Every text's header declares the scheme with TEI P5's `refsDecl/citeStructure` (Guidelines 16.2.5.4,
"Citation Structures"), so that a TEI-aware tool resolves `organise-en 1.12` without knowing
Interlinea: split on the `@delim` of each nested level, then evaluate each level's `@match` with the
predicate `@use = value`: `/TEI[@xml:id='organise-en']/text/body/div[@type='work'][@n='1']
//(head|p|…)[@n='12']`. The `citeData` elements say where a tool finds the text's title and each
work's and block's `xml:id`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from interlinea.tei import CITABLE, element, sub

DC_TITLE = "http://purl.org/dc/terms/title"
DC_IDENTIFIER = "http://purl.org/dc/terms/identifier"

# The three levels, outermost first: (unit, @match, @use, @delim before it). The block level's match
# lists the citable elements of tei.CITABLE (XPath 3.0, as TEI's teidata.xpath allows).
TEXT_MATCH = "/TEI"
WORK_MATCH = "text/body/div[@type='work']"
BLOCK_MATCH = ".//(" + "|".join(CITABLE) + ")"
WORK_DELIM = " "
BLOCK_DELIM = "."

_TEXT_ID = r"[A-Za-z][A-Za-z0-9_-]*"
_REFERENCE = re.compile(rf"^(?P<text>{_TEXT_ID})(?:[ .](?P<work>[1-9][0-9]*)(?:\.(?P<block>[1-9][0-9]*))?)?$")


@dataclass(frozen=True, order=True)
class Reference:
    """A text, one of its works, or one of a work's citable blocks."""

    text: str
    work: int | None = None
    block: int | None = None

    @property
    def kind(self) -> str:
        return "text" if self.work is None else "work" if self.block is None else "block"

    @property
    def id(self) -> str:
        """The xml:id of what it names: `organise-en.1.12`."""
        return ".".join(str(part) for part in (self.text, self.work, self.block) if part is not None)

    @property
    def canonical(self) -> str:
        """The reference as it is cited: `organise-en 1.12`."""
        if self.work is None:
            return self.text
        return f"{self.text}{WORK_DELIM}{self.work}" + (f"{BLOCK_DELIM}{self.block}" if self.block is not None else "")

    def of_work(self) -> Reference:
        """The work a block belongs to (a work or a text is its own)."""
        return Reference(self.text, self.work) if self.block is not None else self

    def __str__(self) -> str:
        return self.canonical


FORMS = "a text, a work or a block: organise-en, organise-en.1, organise-en.1.12 (or organise-en 1.12)"


def parse_reference(value: str) -> Reference | None:
    """The reference `value` spells, in either form (`organise-en.1.12`, `organise-en 1.12`); None
    when it is not a reference at all."""
    match = _REFERENCE.match(value.strip())
    if match is None:
        return None
    work, block = match.group("work"), match.group("block")
    return Reference(match.group("text"), int(work) if work else None, int(block) if block else None)


def refs_decl(text_id: str) -> etree._Element:
    """The header's `refsDecl`: the citation structure text → work → block, for TEI-aware tools."""
    decl = element("refsDecl")
    text = sub(decl, "citeStructure", unit="text", match=TEXT_MATCH, use="@xml:id")
    sub(text, "citeData", property=DC_TITLE, use="teiHeader/fileDesc/titleStmt/title[1]")
    work = sub(text, "citeStructure", unit="work", match=WORK_MATCH, use="@n", delim=WORK_DELIM)
    sub(work, "citeData", property=DC_IDENTIFIER, use="@xml:id")
    block = sub(work, "citeStructure", unit="block", match=BLOCK_MATCH, use="@n", delim=BLOCK_DELIM)
    sub(block, "citeData", property=DC_IDENTIFIER, use="@xml:id")
    sub(
        text,
        "desc",
        f"A text is cited by its identifier ({text_id}), a work by the text's identifier, a space and "
        f"the work's number ({text_id} 1), a block by those, a full stop and the block's number n, "
        f"counted through its work ({text_id} 1.1); the xml:id of each is the reference with full "
        f"stops for the space ({text_id}.1.1).",
    )
    return decl
