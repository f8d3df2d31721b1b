"""Classification: what each block is (heading, paragraph, signature, list of links, …), and where works begin.

Rules are tried in a fixed order, most specific first; the manifest's passage entries decide before any
rule and always win. Every rule looks at one block and its neighbours only, so that a misjudged block
can be corrected in the manifest without side effects elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interlinea.patterns import (
    LABELLED_URL,
    QUOTED,
    SEPARATOR,
    SOCIAL_POST,
    SOURCE_NOTE,
    TERMINAL,
    TRANSLATOR_CREDIT,
    find_urls,
    is_url_only,
)
from interlinea.convert.segment import Block
from interlinea.dates import parse_date
from interlinea.errors import ConversionError
from interlinea.manifest import TextEntry

HEADING_MAX_WORDS = 12
TITLE_MAX_WORDS = 25
LABEL_MAX_WORDS = 5

# Kinds that end a work or a section: after them, two blank lines start a new work.
CLOSING_KINDS = {"signature", "dateline", "source", "translator"}
# Kinds that are not part of the reading order of paragraphs (page furniture and notes about the text).
APART_KINDS = {"navigation", "source", "translator"}


@dataclass
class WorkBlocks:
    """The blocks of one work, and the separator lines around it."""

    blocks: list[Block] = field(default_factory=list)
    separators: list[Block] = field(default_factory=list)  # the separator lines before the work
    trailing_separators: list[Block] = field(default_factory=list)


def _is_title_case(words: list[str]) -> bool:
    long_words = [w.strip("\"“”‘’'(),") for w in words if len(w.strip("\"“”‘’'(),")) >= 4]
    if not long_words:
        return False
    capitalised = sum(1 for w in long_words if w[:1].isupper())
    return capitalised / len(long_words) >= 0.7


def _normalise_name(text: str) -> str:
    return re.sub(r"^[\s\-‐–—―]+", "", text).strip().rstrip("!.").casefold()


def _is_bare_label(block: Block) -> bool:
    text = block.text
    return (
        len(block.words) <= LABEL_MAX_WORDS
        and len(text) <= 50
        and text[-1] not in TERMINAL
        and not find_urls(text)
        and not QUOTED.match(text)
    )


def _is_quoted_title(block: Block) -> bool:
    return bool(QUOTED.match(block.text)) and len(block.words) <= 30 and not find_urls(block.text)


def _link_role(block: Block, following: str | None) -> str | None:
    """The role of a block in a list of links, given the role of the block after it: 'url',
    'labelled', 'title', 'label', or None."""
    if block.data.get("fixed"):
        return None
    if is_url_only(block.text):
        return "url"
    if LABELLED_URL.match(block.text) and len(LABELLED_URL.match(block.text)["label"].split()) <= 6:
        return "labelled"
    if _is_quoted_title(block):
        return "title"
    # A label must lead to a link: followed by a title, a URL, or another such label.
    if _is_bare_label(block) and following in {"url", "title", "label"}:
        return "label"
    return None


def _link_roles(blocks: list[Block]) -> list[str | None]:
    """The role of every block, in one pass from the last block back, since a label's role depends
    on the next block's. (Asking for the next block's role again for each block made a run of short
    lines cost the cube of its length, and recurse as deep as it was long.)"""
    roles: list[str | None] = [None] * len(blocks)
    following = None
    for i in range(len(blocks) - 1, -1, -1):
        roles[i] = following = _link_role(blocks[i], following)
    return roles


def _link_items(run: list[tuple[str, Block]]) -> list[list[tuple[str, Block]]]:
    """The items of a run of link blocks: a label (or "Label: URL" line) starts an item, and so does
    a URL after a URL or a title after a title or URL. An item is thus at most label, title, URL."""
    items: list[list[tuple[str, Block]]] = []
    for role, block in run:
        starts_item = role in {"label", "labelled"} or not items or (
            role == "url" and items[-1][-1][0] == "url"
        ) or (role == "title" and any(r in {"title", "url"} for r, _ in items[-1]))
        if starts_item:
            items.append([])
        items[-1].append((role, block))
    return items


def _group_links(blocks: list[Block]) -> list[Block]:
    """Merge runs of link blocks (labels, quoted titles, URLs) into one 'links' block with items."""
    roles = _link_roles(blocks)
    merged: list[Block] = []
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and roles[j] is not None:
            j += 1
        items = _link_items(list(zip(roles[i:j], blocks[i:j])))
        has_link = any(role in {"url", "labelled"} for role in roles[i:j])
        if len(items) >= 2 and has_link:
            run = blocks[i:j]
            lines = [line for block in run for line in block.lines]
            links = Block(lines=lines, blank_before=run[0].blank_before, kind="links")
            links.data["items"] = items
            merged.append(links)
            i = j
        elif has_link:
            # A run of one item (three blocks at most): the list may still start at the next block.
            merged.append(blocks[i])
            i += 1
        else:
            # Without a link, no part of the run is a list either: keep its blocks (at least one) as they are.
            end = max(j, i + 1)
            merged.extend(blocks[i:end])
            i = end
    return merged


def _looks_like_heading(block: Block, following: Block | None) -> bool:
    text, words = block.text, block.words
    if following is None or find_urls(text):
        return False
    if len(words) > HEADING_MAX_WORDS or len(text) > 100:
        return False
    end = text[-1]
    if end == ":":
        return len(words) <= LABEL_MAX_WORDS and following.kind == "paragraph"
    if end in "!?":
        return _is_title_case(words)
    return end not in TERMINAL


def _classify_one(block: Block, following: Block | None, signatures: set[str], first: bool) -> str:
    text = block.text
    if SEPARATOR.match(text) and not any(ch.isalnum() for ch in text):
        return "separator"
    if first and _is_navigation(text):
        return "navigation"
    if SOURCE_NOTE.match(text):
        return "source"
    if TRANSLATOR_CREDIT.match(text):
        return "translator"
    if SOCIAL_POST.match(text):
        return "post"
    if len(block.words) <= 6 and parse_date(text):
        return "dateline"
    if _normalise_name(text) in signatures:
        return "signature"
    if _looks_like_heading(block, following):
        return "heading"
    return "paragraph"


def _is_navigation(text: str) -> bool:
    """Site navigation left over from a web page: menu items glued together or split by bars."""
    if len(text) > 120 or text[-1] in ".!?":
        return False
    glued = re.findall(r"[a-zà-ÿ][A-Z]", text)
    bars = re.findall(r"\s[|»›>/·]\s", text)
    return len(glued) >= 2 or len(bars) >= 2


def _apply_passages(blocks: list[Block], entry: TextEntry, label: str) -> None:
    """Apply the manifest's passage decisions; a block whose kind they set is marked fixed."""
    for passage in entry.passages:
        hits = [i for i, b in enumerate(blocks) if b.text.lstrip().startswith(passage.match)]
        if not hits:
            raise ConversionError(
                f"{label}: the manifest's passage '{passage.match}' (text '{entry.id}') matches no block "
                "of the seed; copy the first words of the block exactly as they are in the seed"
            )
        if len(hits) > 1:
            lines = ", ".join(str(blocks[i].first_line) for i in hits)
            raise ConversionError(
                f"{label}: the manifest's passage '{passage.match}' (text '{entry.id}') matches the blocks "
                f"at lines {lines}; give more words so that it matches one block"
            )
        block = blocks[hits[0]]
        if passage.kind:
            block.kind = passage.kind
            block.data["fixed"] = True
        if passage.lang:
            block.lang = passage.lang


def classify(blocks: list[Block], entry: TextEntry, label: str) -> list[WorkBlocks]:
    """Set each block's kind and split the blocks into works."""
    _apply_passages(blocks, entry, label)
    blocks = _group_links(blocks)
    signatures = {_normalise_name(name) for name in entry.signature_names()}
    for i, block in enumerate(blocks):
        if block.data.get("fixed") or block.kind == "links":
            continue
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        block.kind = _classify_one(block, following, signatures, first=(i == 0))
    if all(b.kind == "separator" for b in blocks):
        # A text of separator lines only has nothing to separate: keep the lines as its text.
        for block in blocks:
            block.kind = "paragraph"
    works = _split_works(blocks)
    for work in works:
        _mark_work_top(work.blocks)
    return works


def _split_works(blocks: list[Block]) -> list[WorkBlocks]:
    works = [WorkBlocks()]
    for block in blocks:
        current = works[-1]
        if block.kind == "separator":
            if current.blocks:
                works.append(WorkBlocks())
            works[-1].separators.append(block)
            continue
        previous = current.blocks[-1] if current.blocks else None
        if previous is not None and previous.kind in CLOSING_KINDS and block.blank_before >= 2:
            works.append(WorkBlocks())
        works[-1].blocks.append(block)
    if len(works) > 1 and not works[-1].blocks:
        # Separators after the last work stay where they were, after it.
        works[-2].trailing_separators.extend(works.pop().separators)
    return works


def _mark_work_top(blocks: list[Block]) -> None:
    """A work's title is its first block when that is short and not a sentence; a signature
    straight after the title is a byline."""
    content = [b for b in blocks if b.kind not in APART_KINDS]
    if len(content) < 2:
        return
    first = content[0]
    text = first.text
    if (
        first.kind == "paragraph"
        and not first.data.get("fixed")
        and len(first.words) <= TITLE_MAX_WORDS
        and text[-1] not in ".:;,"
        and not find_urls(text)
    ):
        first.kind = "heading"
    position = 0
    while position < len(content) and content[position].kind == "heading":
        position += 1
    if 0 < position < len(content) and content[position].kind == "signature":
        content[position].kind = "byline"
