"""Segmentation: the lines of a seed become blocks (one block = one paragraph-like unit).

Two conventions meet in the seeds, sometimes in one file: paragraphs separated by blank lines, and
one paragraph per line. Both are handled by the same rule: every non-blank line is a block, except
that a line wrapped in the middle of a sentence is joined to the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interlinea.convert.structure_signals import TERMINAL_ANY
from interlinea.patterns import URL

# A wrapped line is long (short lines are headings, labels and signatures) and stops mid-sentence.
WRAP_MIN_LENGTH = 60
_LAST_WORD = re.compile(r"(\w+)\W*$")


@dataclass
class Block:
    """A unit of text from the seed, with the seed lines it came from."""

    lines: list[tuple[int, str]]  # (1-based line number, text without line end)
    blank_before: int = 0  # blank lines between this block and the previous one
    kind: str = "paragraph"
    lang: str | None = None
    data: dict = field(default_factory=dict)

    @property
    def first_line(self) -> int:
        return self.lines[0][0]

    @property
    def text(self) -> str:
        """The block's text; the lines of a wrapped paragraph are joined with one space."""
        return " ".join(text.strip() for _, text in self.lines)

    @property
    def words(self) -> list[str]:
        return self.text.split()


def is_wrapped(line: str, following: str) -> bool:
    """Whether `line` breaks in the middle of a sentence that `following` continues."""
    line, following = line.rstrip(), following.lstrip()
    if not line or not following or len(line) < WRAP_MIN_LENGTH:
        return False
    if line[-1] in TERMINAL_ANY or URL.search(line.split()[-1]):  # any script's sentence end: ".", "։", "۔", "。"
        return False
    if following[0].islower() or line.endswith(","):
        return True
    last_word = _LAST_WORD.search(line)
    return bool(last_word and last_word.group(1).islower())


def segment(text: str) -> list[Block]:
    """Split a seed's text (LF line ends) into blocks, joining hard-wrapped lines."""
    blocks: list[Block] = []
    blank = 0
    current: Block | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            blank += 1
            current = None
            continue
        if current is not None and is_wrapped(current.lines[-1][1], line):
            current.lines.append((number, line))
        else:
            current = Block(lines=[(number, line)], blank_before=blank if blocks else 0)
            blocks.append(current)
        blank = 0
    return blocks
