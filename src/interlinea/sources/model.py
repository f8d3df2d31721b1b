"""What a reader of a formatted source gives the converter: its blocks, each with its role and its
inline text as segments under the markup that holds them.

A block's segments are flat: (text, path, note) where `path` is the tuple of open spans, outermost
first (the same Span object for every segment it covers, so nesting is kept), and `note` the key of
a footnote referenced at that point. White space is collapsed to single spaces and stripped at both
ends, so that the block's text is exactly one line of the plain-text seed and exactly the text the
converter puts into its TEI element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Roles a reader gives its blocks; the converter's kinds they fix (None: the converter decides, as
# for a plain-text seed: a paragraph may still be a dateline, a signature or a title).
ROLES = {"heading": "heading", "quote": "quote", "item": "paragraph", "cell": "paragraph",
         "footnote": "paragraph", "paragraph": None}

_SPACE = re.compile(r"\s+")
SAFE_SCHEMES = {"http", "https", "mailto"}


@dataclass(eq=False)
class Span:
    """An inline element: `tag` is its TEI name (hi, ref), `attrs` its attributes."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)


Segment = tuple[str, tuple[Span, ...], "str | None"]


@dataclass
class SourceBlock:
    role: str  # a key of ROLES
    segments: list[Segment]
    level: int = 0  # a heading's level (1 = top); a list item's depth
    group: tuple | None = None  # items of one list, or (table, row) for cells: blocks grouped together
    key: str | None = None  # a footnote's key (what NoteRefs point to)
    label: bool = False  # a table's header cell
    numbered: bool = False  # an item of a numbered list
    # Blank lines before the block in the source (Markdown), or empty paragraphs (word processors):
    # the converter reads two after a signature or dateline as the start of another work.
    blank_before: int = 1

    @property
    def text(self) -> str:
        return "".join(text for text, _, _ in self.segments)

    @property
    def marked(self) -> bool:
        return any(path or note for _, path, note in self.segments)


@dataclass
class Markup:
    """A formatted source read: its blocks in reading order (footnotes last), the line of the
    plain-text seed each starts on, and what the reader left out on purpose."""

    format: str
    blocks: list[SourceBlock]
    lines: list[int] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)


class InlineCollector:
    """Collects the segments of one block while a reader walks its inline markup."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.path: list[Span] = []

    def text(self, text: str) -> None:
        if text:
            self.segments.append((text, tuple(self.path), None))

    def note(self, key: str) -> None:
        self.segments.append(("", tuple(self.path), key))

    def open(self, span: Span) -> None:
        self.path.append(span)

    def close(self) -> None:
        if self.path:
            self.path.pop()

    def finish(self) -> list[Segment]:
        return normalise(self.segments)


def normalise(segments: list[Segment]) -> list[Segment]:
    """Collapse white space across segments to single spaces, strip both ends, drop empty ones."""
    # A note reference sits inside the markup that holds text only: the superscript of its mark
    # holds nothing once the mark is a note.
    texted = {id(span) for text, path, _ in segments if text.strip() for span in path}
    segments = [(text, tuple(s for s in path if id(s) in texted) if note is not None else path, note)
                for text, path, note in segments]
    out: list[Segment] = []
    space = True  # at the start, leading white space is dropped
    for text, path, note in segments:
        if note is not None:
            out.append(("", path, note))
            continue
        collapsed = _SPACE.sub(" ", text)
        if space:
            collapsed = collapsed.lstrip(" ")
        if not collapsed:
            continue
        space = collapsed.endswith(" ")
        out.append((collapsed, path, None))
    # Trailing white space: strip from the end, across segments.
    while out and out[-1][2] is None and out[-1][0].endswith(" "):
        text, path, note = out.pop()
        if text.rstrip(" "):
            out.append((text.rstrip(" "), path, note))
            break
    return out


def safe_url(url: str) -> str | None:
    """The URL if a link to it is safe to publish (http, https, mailto, or relative), else None."""
    url = url.strip()
    if not url or any(ord(ch) < 32 for ch in url):
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme and scheme not in SAFE_SCHEMES:
        return None
    return url


def reading_order(blocks: list[SourceBlock]) -> list[SourceBlock]:
    """The blocks with each footnote right after the block that first refers to it (where its note
    will stand), footnotes nobody refers to at the end."""
    notes = {block.key: block for block in blocks if block.role == "footnote"}
    placed: set[str] = set()
    ordered = []
    for block in blocks:
        if block.role == "footnote":
            continue
        ordered.append(block)
        for _, _, key in block.segments:
            if key is not None and key in notes and key not in placed:
                placed.add(key)
                ordered.append(notes[key])
    return ordered + [block for key, block in notes.items() if key not in placed]


def plain_text(markup: Markup) -> str:
    """The plain-text seed: one line per block in reading order, a blank line between blocks. Sets
    `markup.lines` and puts `markup.blocks` in that order."""
    lines: list[str] = []
    markup.lines = []
    kept = []
    for block in reading_order(markup.blocks):
        text = block.text
        if not text.strip():
            continue  # a block with no text (an empty paragraph or cell) has nothing to keep
        kept.append(block)
        if lines:
            lines += [""] * max(1, block.blank_before)
        markup.lines.append(len(lines) + 1)
        lines.append(text)
    markup.blocks = kept
    return "\n".join(lines) + "\n" if lines else ""
