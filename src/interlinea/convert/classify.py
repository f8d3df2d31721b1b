"""Classification: what each block is (heading, paragraph, signature, list of links, …), and where works begin.

Rules are tried in a fixed order, most specific first; the manifest's passage entries decide before any
rule and always win. Every rule looks at one block and its neighbours only, so that a misjudged block
can be corrected in the manifest without side effects elsewhere; two facts about the whole text are
gathered first: the series of numbered labels ("Article 1." … "Article 30.", found by repetition in
any digits, `structure_signals.numbered_series`), and the text's declared language (for the month
names of its datelines, from CLDR). The signals are language-independent (`structure_signals`):
final punctuation of any script, case where the script has it, the next block continuing a
sentence, length, numbering, runs of short lines (lists). Each rule records the signal that decided
in `block.data["signals"]`, which `interlinea convert --explain` shows.
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
from interlinea.convert.structure_signals import (
    SENTENCE_TERMINALS,
    ends_continuing,
    ends_sentence,
    find_dates,
    navigation_segments,
    numbered,
    numbered_series,
    starts_lower,
)
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
        return _why(block, "last block or holds a URL: not a heading")
    if len(words) > HEADING_MAX_WORDS or len(text) > 100:
        return _why(block, f"{len(words)} words, {len(text)} characters: too long for a heading")
    end = text[-1]
    if end == ":":
        return _why(block, "a short label ending in ':' before a paragraph", len(words) <= LABEL_MAX_WORDS and following.kind == "paragraph")
    if end in "!?":
        return _why(block, "ends in '!' or '?' and is in title case", _is_title_case(words))
    if ends_continuing(text):
        return _why(block, f"ends in {end!r}: the sentence continues")
    if starts_lower(text):
        return _why(block, "begins in lower case: it continues a sentence")
    if starts_lower(following.text):
        return _why(block, "the next block begins in lower case: one sentence broken over blocks")
    if ends_sentence(text):
        return _why(block, f"ends in {end!r}: a sentence")
    return _why(block, "short, no final punctuation, followed by a block", True)


def _why(block: Block, signal: str, result: bool = False) -> bool:
    """Record a signal on the block (shown by `interlinea convert --explain`) and return `result`."""
    block.data.setdefault("signals", []).append(signal)
    return result


DATELINE_MAX_WORDS = 14
DATELINE_MAX_OTHER_WORDS = 4


def _dateline(block: Block, lang: str | None):
    """The dates of a dateline: a block of at most 14 words, not a sentence, that holds a date (any
    digits; CLDR's month names and date patterns; the Hijri calendars of calendars.toml) and at
    most 4 other words (a place and a link word: "Marseille, le 12 mars 2024")."""
    text = block.text
    if len(block.words) > DATELINE_MAX_WORDS or (ends_sentence(text) and text[-1] not in ".)"):
        return None
    found = find_dates(text, lang)
    if not found:
        return None
    rest, position = [], 0
    for date in found:
        rest += text[position : date.start].split()
        position = date.end
    rest += text[position:].split()
    if len([w for w in rest if any(ch.isalnum() for ch in w)]) > DATELINE_MAX_OTHER_WORDS:
        return None
    return found


@dataclass
class _TextContext:
    """What the rules know about the whole text: its language if declared, the names that sign it,
    and the blocks that belong to a series of numbered labels."""

    lang: str | None
    signatures: set[str]
    series: dict[int, str]


def _classify_one(block: Block, index: int, following: Block | None, context: _TextContext) -> str:
    text = block.text
    if SEPARATOR.match(text) and not any(ch.isalnum() for ch in text):
        return _kind(block, "separator", "a line of drawn characters")
    if index == 0:
        pieces = navigation_segments(text)
        if pieces:
            return _kind(block, "navigation", f"first line made of {len(pieces)} menu items ({' · '.join(pieces)})")
    if SOURCE_NOTE.match(text):
        return _kind(block, "source", "begins like a source note")
    if TRANSLATOR_CREDIT.match(text):
        return _kind(block, "translator", "begins like a translator's credit")
    if SOCIAL_POST.match(text):
        return _kind(block, "post", "a quoted post: text — Name (@handle) date")
    if len(block.words) <= 6 and parse_date(text):
        return _kind(block, "dateline", "a date alone on its line")
    found = _dateline(block, context.lang)
    if found:
        block.data["dates"] = found
        values = ", ".join(f"{d.iso or d.calendar + ' ' + d.custom} ({text[d.start:d.end]!r})" for d in found)
        return _kind(block, "dateline", f"a short line holding a date: {values}")
    if _normalise_name(text) in context.signatures:
        return _kind(block, "signature", "an author's name alone on its line")
    if index in context.series:
        members = sum(1 for t in context.series.values() if t == context.series[index])
        return _kind(block, "heading", f"numbered like {members} lines of the text ('{context.series[index]}')")
    if context.series and index > 1:
        if _looks_like_heading(block, following):
            _why(block, "but the text's headings are a numbered series and this line is not one of them")
        return "paragraph"
    label = numbered(text)
    if label and following is not None and not numbered(following.text) and len(following.text) > len(text):
        return _kind(block, "heading", f"a numbered label ('{label.template}') before a longer block")
    if _looks_like_heading(block, following):
        return "heading"
    return "paragraph"


def _kind(block: Block, kind: str, signal: str) -> str:
    _why(block, signal)
    return kind


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
    context = _TextContext(
        lang=entry.lang,
        signatures={_normalise_name(name) for name in entry.signature_names()},
        series=numbered_series([b.text for b in blocks]),
    )
    for i, block in enumerate(blocks):
        if block.data.get("fixed"):
            _why(block, "set by a [[text.passage]] of the manifest")
            continue
        if block.kind == "links":
            _why(block, "labels, quoted titles and URLs on successive lines")
            continue
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        block.kind = _classify_one(block, i, following, context)
    blocks = group_lists(blocks)
    if all(b.kind == "separator" for b in blocks):
        # A text of separator lines only has nothing to separate: keep the lines as its text.
        for block in blocks:
            block.kind = "paragraph"
    works = _split_works(blocks)
    for work in works:
        _mark_work_top(work.blocks)
    return works


LIST_ITEM_MAX_WORDS = 8
LIST_ITEM_MAX_CHARS = 80
LIST_MIN_ITEMS = 3
# What ends a sentence, as opposed to a name: a closing bracket or quotation mark ends either.
_ITEM_END = set(".!?…:;") | SENTENCE_TERMINALS
_INITIAL = re.compile(r"(?:^|\s)\w\.$")  # a name ending in an initial: "Maria K."


def _list_item_candidate(block: Block) -> bool:
    """A short line that could be one item of a list: a name, a name and a role, a short phrase."""
    text = block.text
    return (
        not block.data.get("fixed")
        and block.kind in {"heading", "paragraph", "signature"}
        and len(block.words) <= LIST_ITEM_MAX_WORDS
        and len(text) <= LIST_ITEM_MAX_CHARS
        and (text.rstrip()[-1] not in _ITEM_END or bool(_INITIAL.search(text)))
        and not find_urls(text)
    )


def _is_list_label(block: Block | None) -> bool:
    return (
        block is not None
        and not block.data.get("fixed")
        and block.kind in {"heading", "paragraph"}
        and block.text.endswith(":")
        and len(block.words) <= LABEL_MAX_WORDS + 1
    )


def group_lists(blocks: list[Block]) -> list[Block]:
    """Merge runs of short lines that form a list (the signatories of a letter, the members of a
    committee) into one 'list' block, its label ("Signatories:") as the list's head.

    A run is at least three short lines, none a sentence, and it is a list when a short label
    ending in ':' introduces it, or, after the text's first paragraph, when its lines stand one
    under the other without blank lines, or when they would all be headings (three headings in a
    row cannot each open a section: they would be empty; the last line of the run may also be the
    last of the text)."""
    merged: list[Block] = []
    started = False
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and _list_item_candidate(blocks[j]):
            j += 1
        run = blocks[i:j]
        label = merged[-1] if merged and _is_list_label(merged[-1]) else None
        reason = None
        if len(run) >= LIST_MIN_ITEMS:
            if label is not None:
                reason = f"{len(run)} short lines after the label {label.text!r}"
            elif started and all(b.blank_before == 0 for b in run[1:]):
                reason = f"{len(run)} short lines one under the other, after the text has begun"
            elif started and all(b.blank_before for b in run[1:]) and all(b.kind == "heading" for b in run[:-1]):
                # (the last line of a text is never taken for a heading: it heads nothing)
                reason = f"{len(run)} short lines in a row that would each be an empty section's heading"
        if reason is None:
            block = blocks[i]
            started = started or block.kind == "paragraph" and not _list_item_candidate(block)
            merged.append(block)
            i += 1
            continue
        if label is not None:
            merged.pop()
        first = label or run[0]
        lines = [line for block in ([label] if label else []) + run for line in block.lines]
        listing = Block(lines=lines, blank_before=first.blank_before, kind="list")
        listing.data["items"] = run
        listing.data["label"] = label
        listing.data["signals"] = [reason]
        for item in run:
            item.data.setdefault("signals", []).append("an item of a list")
        merged.append(listing)
        started = True
        i = j
    return merged


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
        _why(first, "the work's title: its first block, short and not a sentence")
    position = 0
    while position < len(content) and content[position].kind == "heading":
        position += 1
    if 0 < position < len(content) and content[position].kind == "signature":
        content[position].kind = "byline"
        _why(content[position], "a signature straight after the title: a byline")
