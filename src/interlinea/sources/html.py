"""Saved web pages (HTML), parsed with lxml's HTML parser (network off, comments and processing
instructions removed, entities not resolved from outside).

What is the text: the page's <main>, else its only <article>, else its <body>. Left out, counted in
`Markup.dropped`: <head>, scripts, styles, <noscript>, <template>, embedded objects and frames, SVG and
canvas, forms and their controls, navigation (<nav>, and <header>, <footer> and <aside> outside an
<article>), images (their alt text is not text of the page), and, when <main> or an <article> was
chosen, the words of the page outside it.
Blocks: h1–h6 → head (levels nest the sections), p and other paragraph-like elements → p, li → item
(ol numbered), blockquote → quote, table → table/row/cell (th role="label"), loose text in a
container → p. Inline: em, i, cite, dfn, var → hi rend="italic"; strong, b → bold; u, ins → underline;
s, strike, del → strikethrough; code, kbd, samp, tt → code; sup, sub; a href → ref (safe URLs only).
Footnotes: a link to an element marked as a footnote (role doc-footnote/doc-endnote, or an item of a
list marked footnotes/endnotes by class, id or role) becomes note place="foot" holding that element's
text, in place of the reference mark (the mark's number is the note's; publishing numbers notes
again); back-links inside the note are dropped.
"""

from __future__ import annotations

import re

from lxml import etree

from interlinea.errors import SeedError
from interlinea.sources.model import InlineCollector, Markup, SourceBlock, Span, safe_url

DROPPED = {
    "head": "page head", "script": "script", "style": "style", "noscript": "noscript", "template": "template",
    "iframe": "embedded frame", "frame": "embedded frame", "frameset": "embedded frame", "object": "embedded object",
    "embed": "embedded object", "svg": "SVG drawing", "canvas": "canvas", "form": "form", "button": "form control",
    "select": "form control", "input": "form control", "textarea": "form control", "nav": "navigation",
    "img": "image", "picture": "image", "video": "media", "audio": "media", "hr": "thematic break", "dialog": "dialog",
}
CHROME = {"header": "page header", "footer": "page footer", "aside": "aside"}
HEADINGS = {f"h{n}": n for n in range(1, 7)}
PARAGRAPHS = {"p", "pre", "address", "figcaption", "dt", "dd", "summary", "caption", "legend"}
CONTAINERS = {"html", "body", "main", "article", "section", "div", "figure", "details", "header", "footer", "aside",
              "center", "dl", "fieldset", "hgroup", "span-block"}
LISTS = {"ul", "ol", "menu"}
INLINE = {
    "em": "italic", "i": "italic", "cite": "italic", "dfn": "italic", "var": "italic",
    "strong": "bold", "b": "bold", "u": "underline", "ins": "underline", "s": "strikethrough",
    "strike": "strikethrough", "del": "strikethrough", "code": "code", "kbd": "code", "samp": "code", "tt": "code",
    "sup": "sup", "sub": "sub",
}
_NOTE_MARK = re.compile(r"foot|end|note", re.I)


def _parse(data: bytes, label: str) -> etree._Element:
    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, default_doctype=False)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    try:
        if text is not None:
            root = etree.fromstring(text.encode("utf-8"), etree.HTMLParser(
                no_network=True, remove_comments=True, remove_pis=True, encoding="utf-8", default_doctype=False))
        else:
            root = etree.fromstring(data, parser)  # the page's own <meta charset> decides
    except etree.ParserError as exc:
        root = None
        problem = str(exc)
    else:
        problem = "no element"
    if root is None:
        raise SeedError(f"{label}: not a readable HTML page ({problem}); save the page again as HTML")
    return root


def _tag(node: etree._Element) -> str:
    return node.tag.lower() if isinstance(node.tag, str) else ""


def _words(node: etree._Element) -> int:
    return len(" ".join(node.itertext()).split())


class _Reader:
    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.blocks: list[SourceBlock] = []
        self.dropped: dict[str, int] = {}
        self.lists = 0
        self.tables = 0
        self.ids = {node.get("id"): node for node in root.iter() if isinstance(node.tag, str) and node.get("id")}
        self.notes = self._footnotes()
        self.note_order: list[str] = []

    def drop(self, what: str, count: int = 1) -> None:
        self.dropped[what] = self.dropped.get(what, 0) + count

    # -- footnotes ---------------------------------------------------------------------------------

    def _is_note(self, node: etree._Element) -> bool:
        if (node.get("role") or "") in ("doc-footnote", "doc-endnote"):
            return True
        if _tag(node) != "li":
            return False
        for ancestor in node.iterancestors():
            marks = " ".join(ancestor.get(a) or "" for a in ("class", "id", "role"))
            if _NOTE_MARK.search(marks):
                return True
        return False

    def _footnotes(self) -> dict[str, etree._Element]:
        notes = {}
        for link in self.root.iter("a"):
            href = link.get("href") or ""
            if href.startswith("#") and href[1:] in self.ids:
                target = self.ids[href[1:]]
                if self._is_note(target) and not any(a is target for a in link.iterancestors()):
                    notes[href[1:]] = target
        return notes

    # -- inline ------------------------------------------------------------------------------------

    def inline(self, node: etree._Element, collector: InlineCollector, note: bool = False) -> None:
        """The text and inline markup inside `node` (its own text first, then each child and its tail)."""
        collector.text(node.text or "")
        for child in node:
            self._inline_child(child, collector, note)
            collector.text(child.tail or "")

    def _inline_child(self, child: etree._Element, collector: InlineCollector, note: bool) -> None:
        tag = _tag(child)
        if not tag:
            return
        if tag in DROPPED:
            self.drop(DROPPED[tag])
            return
        if tag == "br":
            collector.text(" ")
            return
        if tag == "a":
            href = child.get("href") or ""
            if href.startswith("#") and href[1:] in self.notes and not note:
                key = href[1:]
                if key not in self.note_order:
                    self.note_order.append(key)
                collector.note(key)
                self.drop("footnote mark (replaced by its note)")
                return
            if note and href.startswith("#") and (child.get("role") == "doc-backlink" or not _words(child) or len(child.text_content().strip()) <= 2):
                self.drop("footnote back-link")
                return
            target = safe_url(href) if child.get("href") is not None else None
            if child.get("href") is not None and target is None:
                self.drop("unsafe link (text kept)")
            if target is not None:
                collector.open(Span("ref", {"target": target}))
                self.inline(child, collector, note)
                collector.close()
            else:
                self.inline(child, collector, note)
            return
        if tag in INLINE:
            collector.open(Span("hi", {"rend": INLINE[tag]}))
            self.inline(child, collector, note)
            collector.close()
            return
        self.inline(child, collector, note)

    # -- blocks ------------------------------------------------------------------------------------

    def _is_block(self, node: etree._Element) -> bool:
        tag = _tag(node)
        return tag in HEADINGS or tag in PARAGRAPHS or tag in CONTAINERS or tag in LISTS or tag in (
            "blockquote", "table", "li") or tag in DROPPED or tag in CHROME

    def add(self, role: str, collector: InlineCollector, **extra) -> None:
        self.blocks.append(SourceBlock(role, collector.finish(), **extra))

    def container(self, node: etree._Element, role: str = "paragraph", inside_article: bool = False) -> None:
        """A container's children: block elements in turn, runs of loose inline content as blocks of `role`."""
        loose = InlineCollector()
        loose.text(node.text or "")
        for child in node:
            if isinstance(child.tag, str) and self._is_block(child):
                if loose.segments:
                    self.add(role, loose)
                    loose = InlineCollector()
                self.block(child, role, inside_article)
                loose.text(child.tail or "")
            else:
                self._inline_child(child, loose, False)
                loose.text(child.tail or "")
        if loose.segments:
            self.add(role, loose)

    def block(self, node: etree._Element, role: str = "paragraph", inside_article: bool = False) -> None:
        tag = _tag(node)
        if node.get("id") in self.notes:
            return  # read at its reference
        if tag in DROPPED:
            self.drop(DROPPED[tag])
            return
        if tag in CHROME and not inside_article:
            self.drop(f"{CHROME[tag]} ({_words(node)} words)")
            return
        if tag in HEADINGS:
            collector = InlineCollector()
            self.inline(node, collector)
            self.add("heading", collector, level=HEADINGS[tag])
        elif tag in PARAGRAPHS:
            collector = InlineCollector()
            self.inline(node, collector)
            self.add(role, collector)
        elif tag == "blockquote":
            self.container(node, "quote", inside_article)
        elif tag in LISTS:
            self.lists += 1
            self._list(node, ("list", self.lists), tag == "ol", inside_article)
        elif tag == "li":
            self.container(node, "item" if role == "paragraph" else role, inside_article)
        elif tag == "table":
            self._table(node)
        else:
            self.container(node, role, inside_article or tag in ("article", "main"))

    def _list(self, node: etree._Element, group: tuple, numbered: bool, inside_article: bool) -> None:
        for item in node:
            if _tag(item) != "li":
                if isinstance(item.tag, str):
                    self.block(item, "paragraph", inside_article)
                continue
            if item.get("id") in self.notes:
                continue
            collector = InlineCollector()
            collector.text(item.text or "")
            for child in item:
                if _tag(child) in LISTS:
                    if collector.segments:
                        self.add("item", collector, group=group, numbered=numbered)
                        collector = InlineCollector()
                    self._list(child, group, numbered, inside_article)  # nested: items of the same list
                elif isinstance(child.tag, str) and self._is_block(child) and _tag(child) not in ("li",):
                    if collector.segments:
                        self.add("item", collector, group=group, numbered=numbered)
                        collector = InlineCollector()
                    self.block(child, "item", inside_article)
                else:
                    self._inline_child(child, collector, False)
                collector.text(child.tail or "")
            if collector.segments:
                self.add("item", collector, group=group, numbered=numbered)

    def _table(self, table: etree._Element) -> None:
        self.tables += 1
        number = 0
        for row in table.iter("tr"):
            if next((a for a in row.iterancestors("table")), None) is not table:
                continue  # a nested table's rows are read with the cell that holds them
            number += 1
            for cell in row:
                if _tag(cell) not in ("td", "th"):
                    continue
                collector = InlineCollector()
                self._cell(cell, collector)
                self.add("cell", collector, group=(self.tables, number), label=_tag(cell) == "th")

    def _cell(self, node: etree._Element, collector: InlineCollector) -> None:
        collector.text(node.text or "")
        for child in node:
            if isinstance(child.tag, str) and self._is_block(child) and _tag(child) not in DROPPED:
                collector.text(" ")
                self._cell(child, collector)
                collector.text(" ")
            else:
                self._inline_child(child, collector, False)
            collector.text(child.tail or "")

    def footnote_blocks(self) -> list[SourceBlock]:
        blocks = []
        for key in self.note_order:
            collector = InlineCollector()
            self._cell_note(self.notes[key], collector)
            blocks.append(SourceBlock("footnote", collector.finish(), key=key))
        return blocks

    def _cell_note(self, node: etree._Element, collector: InlineCollector) -> None:
        collector.text(node.text or "")
        for child in node:
            if isinstance(child.tag, str) and self._is_block(child) and _tag(child) not in DROPPED:
                collector.text(" ")
                self._cell_note(child, collector)
                collector.text(" ")
            else:
                self._inline_child(child, collector, True)
            collector.text(child.tail or "")


def read(data: bytes, label: str) -> Markup:
    root = _parse(data, label)
    reader = _Reader(root)
    for head in root.iter("head"):
        reader.drop("page head")
        head.getparent().remove(head)
        break
    body = root.find("body")
    if body is None:
        body = root
    mains = list(body.iter("main")) or list(body.iter("article"))
    chosen = mains[0] if len(mains) == 1 else body
    if chosen is not body:
        outside = _words(body) - _words(chosen)
        for note in reader.notes.values():
            if not any(a is chosen for a in note.iterancestors()):
                outside -= _words(note)  # footnotes outside <main> are read at their references
        if outside > 0:
            reader.drop(f"words outside <{_tag(chosen)}>", outside)
    reader.block(chosen, inside_article=_tag(chosen) in ("article", "main"))
    markup = Markup("html", reader.blocks + reader.footnote_blocks(), dropped=reader.dropped)
    if not any(block.text for block in markup.blocks):
        raise SeedError(f"{label}: the HTML page has no text in its body; save the page itself, not a frame or a redirect")
    return markup
