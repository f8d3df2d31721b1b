"""Markdown seeds, read with markdown-it-py (CommonMark, with tables) and its footnote plugin.

Headings → head (their level nests the sections), emphasis → hi rend="italic", strong → hi
rend="bold", strikethrough → hi rend="strikethrough", code → hi rend="code", links → ref (safe URLs
only: http, https, mailto, relative; another link keeps its text, without ref), lists → list/item,
block quotes → quote, tables → table/row/cell, footnotes → note place="foot", code blocks →
paragraphs of code, thematic breaks → the converter's separator between works (milestone). Blank
lines are counted as in a plain seed (two after a signature start another work). Left out, as they
are not text: images (their alt text is kept), raw HTML tags (the text between them is kept).
"""

from __future__ import annotations

from lxml import html as lxml_html

from interlinea.errors import SeedError
from interlinea.sources.model import InlineCollector, Markup, SourceBlock, Span, safe_url

_INLINE_SPANS = {
    "em": ("hi", "italic"),
    "strong": ("hi", "bold"),
    "s": ("hi", "strikethrough"),
}


def parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    # html=True so that raw HTML is recognised as markup (and left out), not kept as literal tags.
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)


def _inline(children, collector: InlineCollector, dropped: dict[str, int]) -> None:
    for token in children or []:
        kind = token.type
        if kind in ("text",):
            collector.text(token.content)
        elif kind == "code_inline":
            collector.open(Span("hi", {"rend": "code"}))
            collector.text(token.content)
            collector.close()
        elif kind in ("softbreak", "hardbreak"):
            collector.text(" ")
        elif kind.endswith("_open") and kind[:-5] in _INLINE_SPANS:
            tag, rend = _INLINE_SPANS[kind[:-5]]
            collector.open(Span(tag, {"rend": rend}))
        elif kind.endswith("_close") and kind[:-6] in _INLINE_SPANS:
            collector.close()
        elif kind == "link_open":
            target = safe_url(str(token.attrs.get("href", "")))
            if target is None:
                dropped["unsafe link (text kept)"] = dropped.get("unsafe link (text kept)", 0) + 1
                collector.open(Span("seg", {}))  # balanced with link_close; removed below
            else:
                collector.open(Span("ref", {"target": target}))
        elif kind == "link_close":
            collector.close()
        elif kind == "image":
            dropped["image (alt text kept)"] = dropped.get("image (alt text kept)", 0) + 1
            _inline(token.children, collector, dropped)
        elif kind == "footnote_ref":
            collector.note(str(token.meta["id"]))
        elif kind == "html_inline":
            dropped["raw HTML tag"] = dropped.get("raw HTML tag", 0) + 1
        else:
            collector.text(token.content)


def _strip_seg(segments):
    """The placeholder spans of unsafe links are not elements: their text stays, unwrapped."""
    return [(text, tuple(s for s in path if s.tag != "seg"), note) for text, path, note in segments]


def _blank_lines(lines: list[str], start: int, end: int) -> int:
    """The blank lines just before line `end` (0-based), back to line `start`."""
    count = 0
    for index in range(end - 1, start - 1, -1):
        if index < len(lines) and not lines[index].strip():
            count += 1
        else:
            break
    return count


def read(source: str, label: str) -> Markup:
    """`source`: the file's text, checked and decoded as a plain seed's (UTF-8, LF line ends)."""
    tokens = parser().parse(source)
    blocks: list[SourceBlock] = []
    dropped: dict[str, int] = {}
    lists: list[tuple[int, bool]] = []  # open lists: (number, ordered)
    list_count = table_count = row_count = 0
    quote_depth = 0
    footnote: str | None = None
    heading_level = 0
    cell_label = in_cell = False
    footnotes: list[SourceBlock] = []

    last_line = [0]  # the source line after the last block read

    def add(role: str, collector: InlineCollector, where=None, **extra) -> None:
        segments = _strip_seg(collector.finish())
        block = SourceBlock(role, segments, **extra)
        if where is not None and where.map and role != "footnote":
            block.blank_before = _blank_lines(source_lines, last_line[0], where.map[0])
            last_line[0] = where.map[1]
        (footnotes if role == "footnote" else blocks).append(block)

    source_lines = source.split("\n")
    for position, token in enumerate(tokens):
        kind = token.type
        if kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_count += 1
            lists.append((list_count, kind == "ordered_list_open"))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "table_open":
            table_count += 1
        elif kind == "tr_open":
            row_count += 1
        elif kind in ("th_open", "td_open"):
            cell_label, in_cell = kind == "th_open", True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind == "footnote_open":
            footnote = str(token.meta["id"])
        elif kind == "footnote_close":
            footnote = None
        elif kind == "hr":
            # A thematic break separates works, as a separator line of a plain seed does: kept as
            # drawn (the converter's milestone rend), not as text.
            collector = InlineCollector()
            collector.text(token.markup if len(token.markup) >= 3 else "---")
            add("paragraph", collector, token)
        elif kind in ("fence", "code_block"):
            collector = InlineCollector()
            collector.open(Span("hi", {"rend": "code"}))
            collector.text(token.content)
            add("footnote" if footnote else "quote" if quote_depth else "paragraph", collector, token, key=footnote)
        elif kind == "html_block":
            collector = InlineCollector()
            fragment = token.content.strip()
            if fragment:
                try:
                    collector.text(lxml_html.fromstring(fragment).text_content())
                except Exception:  # lxml: no element in it (a comment only)
                    pass
            dropped["raw HTML block (its text kept)"] = dropped.get("raw HTML block (its text kept)", 0) + 1
            if collector.segments:
                add("paragraph", collector)
        elif kind == "inline":
            collector = InlineCollector()
            _inline(token.children, collector, dropped)
            where = tokens[position - 1] if position else None
            if heading_level:
                add("heading", collector, where, level=heading_level)
            elif footnote is not None:
                add("footnote", collector, key=footnote)
            elif in_cell:
                add("cell", collector, group=(table_count, row_count), label=cell_label)
            elif lists:
                add("item", collector, where, group=(lists[0][0],), level=len(lists), numbered=lists[0][1])
            elif quote_depth:
                add("quote", collector, where)
            else:
                add("paragraph", collector, where)
        elif kind == "heading_close":
            heading_level = 0
    if not blocks and not footnotes:
        raise SeedError(f"{label}: the Markdown file has no text; put the text of the source in it")
    return Markup("markdown", blocks + footnotes, dropped=dropped)
