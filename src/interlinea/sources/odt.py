"""OpenDocument text (.odt), read with lxml from the archive's content.xml and styles.xml (no network,
no entities resolved, the archive checked as a possible zip bomb first).

text:h → head (outline level N → level N + 1; a paragraph of style Title → 1), paragraphs of style
Quotations → quote, text:list → list/item (numbered when its list style numbers), table:table →
table/row/cell (header rows role="label"), text:section → its paragraphs. Inline: spans whose style
is bold, italic, underlined, struck through, superscript or subscript → hi with those @rend words;
text:a → ref (safe URLs only); text:note → note place="foot" / "end" with the note's text (its
citation mark is not text: publishing numbers notes). Left out, counted in `Markup.dropped`: the
deleted text of tracked changes, comments (office:annotation), drawings and images, and the text of
text boxes inside drawings (counted in words).
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from interlinea.errors import SeedError
from interlinea.sources.model import InlineCollector, Markup, SourceBlock, Span, safe_url
from interlinea.sources.zipped import check_zip
from interlinea.xml_input import safe_parser

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
}
_PARSER = safe_parser()  # the project's one inert parser (xml_input)


def q(prefixed: str) -> str:
    prefix, local = prefixed.split(":")
    return f"{{{NS[prefix]}}}{local}"


_SKIP = {q("text:tracked-changes"): "deleted text (tracked change)", q("office:annotation"): "comment",
         q("office:annotation-end"): "comment", q("draw:frame"): "drawing or image", q("draw:custom-shape"): "drawing or image",
         q("text:note-citation"): "note citation mark", q("text:sequence-decls"): "", q("office:forms"): ""}


class _Styles:
    """Paragraph, text and list styles, automatic and common, by name."""

    def __init__(self, *roots: etree._Element) -> None:
        self.styles: dict[tuple[str, str], etree._Element] = {}
        self.lists: dict[str, etree._Element] = {}
        for root in roots:
            for style in root.iter(q("style:style")):
                self.styles[(style.get(q("style:family")), style.get(q("style:name")))] = style
            for style in root.iter(q("text:list-style")):
                self.lists[style.get(q("style:name"))] = style

    def chain(self, family: str, name: str | None):
        seen = set()
        while name and (family, name) in self.styles and name not in seen:
            seen.add(name)
            style = self.styles[(family, name)]
            yield style
            name = style.get(q("style:parent-style-name"))

    def names(self, family: str, name: str | None) -> list[str]:
        return [(s.get(q("style:display-name")) or s.get(q("style:name")) or "").lower() for s in self.chain(family, name)] + [
            (name or "").lower()]

    def rend(self, name: str | None) -> str:
        words: list[str] = []
        for style in self.chain("text", name):
            props = style.find(q("style:text-properties"))
            if props is None:
                continue
            checks = (
                ("bold", props.get(q("fo:font-weight")) in ("bold", "600", "700", "800", "900")),
                ("italic", props.get(q("fo:font-style")) in ("italic", "oblique")),
                ("underline", props.get(q("style:text-underline-style")) not in (None, "none")),
                ("strikethrough", props.get(q("style:text-line-through-style")) not in (None, "none")),
                ("sup", (props.get(q("style:text-position")) or "").startswith("super")),
                ("sub", (props.get(q("style:text-position")) or "").startswith("sub")),
            )
            words += [word for word, on in checks if on and word not in words]
        return " ".join(words)

    def numbered(self, name: str | None) -> bool:
        style = self.lists.get(name or "")
        if style is None:
            return False
        first = next((child for child in style if isinstance(child.tag, str)), None)
        return first is not None and first.tag == q("text:list-level-style-number")


class _Reader:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.blocks: list[SourceBlock] = []
        self.empty = 0  # empty paragraphs since the last block: blank lines of a plain seed
        self.notes: list[SourceBlock] = []
        self.dropped: dict[str, int] = {}
        self.lists = self.tables = 0

    def drop(self, what: str, count: int = 1) -> None:
        if what:
            self.dropped[what] = self.dropped.get(what, 0) + count

    def inline(self, node: etree._Element, collector: InlineCollector) -> None:
        collector.text(node.text or "")
        for child in node:
            self._inline_child(child, collector)
            collector.text(child.tail or "")

    def _inline_child(self, child: etree._Element, collector: InlineCollector) -> None:
        tag = child.tag
        if not isinstance(tag, str):
            return
        if tag in _SKIP:
            self.drop(_SKIP[tag])
            if tag == q("draw:frame"):
                words = len(" ".join(child.itertext()).split())
                if words:
                    self.drop("words in text boxes", words)
            return
        if tag in (q("text:s"),):
            collector.text(" " * int(child.get(q("text:c"), "1") or 1))
        elif tag in (q("text:tab"), q("text:line-break")):
            collector.text(" ")
        elif tag == q("text:span"):
            rend = self.styles.rend(child.get(q("text:style-name")))
            if rend:
                collector.open(Span("hi", {"rend": rend}))
            self.inline(child, collector)
            if rend:
                collector.close()
        elif tag == q("text:a"):
            href = child.get(q("xlink:href")) or ""
            target = safe_url(href)
            if target is None and href:
                self.drop("unsafe link (text kept)")
            if target is not None:
                collector.open(Span("ref", {"target": target}))
            self.inline(child, collector)
            if target is not None:
                collector.close()
        elif tag == q("text:note"):
            place = "end" if child.get(q("text:note-class")) == "endnote" else "foot"
            key = f"{place}:{len(self.notes) + 1}"
            note = InlineCollector()
            body = child.find(q("text:note-body"))
            for position, paragraph in enumerate(body.iter(q("text:p"), q("text:h")) if body is not None else []):
                if position:
                    note.text(" ")
                self.inline(paragraph, note)
            self.notes.append(SourceBlock("footnote", note.finish(), key=key))
            collector.note(key)
        else:
            self.inline(child, collector)  # bookmarks, references, fields: their text

    def paragraph(self, node: etree._Element, role: str | None = None, **extra) -> None:
        collector = InlineCollector()
        self.inline(node, collector)
        names = self.styles.names("paragraph", node.get(q("text:style-name")))
        if node.tag == q("text:h"):
            level = node.get(q("text:outline-level")) or "1"
            block = SourceBlock("heading", collector.finish(), level=int(level) + 1 if level.isdigit() else 2)
        elif role is not None:
            block = SourceBlock(role, collector.finish(), **extra)
        elif "title" in names:
            block = SourceBlock("heading", collector.finish(), level=1)
        elif "quotations" in names or "quote" in names:
            block = SourceBlock("quote", collector.finish())
        else:
            block = SourceBlock("paragraph", collector.finish())
        if not block.text:
            self.empty += 1  # an empty paragraph: a blank line before the next block
            return
        block.blank_before, self.empty = 1 + self.empty, 0
        self.blocks.append(block)

    def body(self, container: etree._Element) -> None:
        for child in container:
            self.block(child)

    def block(self, child: etree._Element) -> None:
        tag = child.tag
        if tag in (q("text:p"), q("text:h")):
            self.paragraph(child)
        elif tag == q("text:list"):
            self.lists += 1
            self._list(child, ("list", self.lists), self.styles.numbered(child.get(q("text:style-name"))))
        elif tag == q("table:table"):
            self._table(child)
        elif tag in _SKIP:
            self.drop(_SKIP[tag])
        elif isinstance(tag, str):
            self.body(child)  # sections and other containers: their paragraphs

    def _list(self, node: etree._Element, group: tuple, numbered: bool) -> None:
        for item in node:
            if item.tag not in (q("text:list-item"), q("text:list-header")):
                continue
            for child in item:
                if child.tag in (q("text:p"), q("text:h")):
                    self.paragraph(child, "item", group=group, numbered=numbered)
                elif child.tag == q("text:list"):
                    self._list(child, group, numbered)  # nested: items of the same list
                else:
                    self.block(child)

    def _table(self, table: etree._Element) -> None:
        self.tables += 1
        number = 0
        for row in table.iter(q("table:table-row")):
            if next(row.iterancestors(q("table:table")), None) is not table:
                continue
            number += 1
            header = any(a.tag == q("table:table-header-rows") for a in row.iterancestors())
            for cell in row:
                if cell.tag != q("table:table-cell"):
                    continue
                collector = InlineCollector()
                for position, paragraph in enumerate(cell.iter(q("text:p"), q("text:h"))):
                    if any(a.tag == q("text:note-body") for a in paragraph.iterancestors()):
                        continue
                    if position:
                        collector.text(" ")
                    self.inline(paragraph, collector)
                self.blocks.append(SourceBlock("cell", collector.finish(), group=(self.tables, number), label=header))
                self.empty = 0


def _member(archive: zipfile.ZipFile, name: str, label: str) -> etree._Element | None:
    try:
        data = archive.read(name)
    except KeyError:
        return None
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise SeedError(f"{label}: {name} in the .odt archive is not well-formed XML ({exc}); save the document again") from None


def read(data: bytes, label: str) -> Markup:
    check_zip(data, label, ".odt", "content.xml")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = _member(archive, "content.xml", label)
        styles = _member(archive, "styles.xml", label)
    assert content is not None
    text = content.find(f"{q('office:body')}/{q('office:text')}")
    if text is None:
        raise SeedError(f"{label}: not a text document (content.xml has no office:text: a spreadsheet or presentation?); save it as a text document")
    reader = _Reader(_Styles(*(root for root in (styles, content) if root is not None)))
    reader.body(text)
    return Markup("odt", reader.blocks + reader.notes, dropped=reader.dropped)
