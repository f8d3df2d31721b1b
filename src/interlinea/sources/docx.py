"""Word documents (.docx), opened with python-docx; each paragraph's runs are read from its XML.

Paragraph styles: Title and Heading N → head (level N + 1, Title 1, so the sections nest), Quote,
Intense Quote, Block Text → quote, list paragraphs (numbering or a List style) → list/item (numbered
when their numbering is not bullets). Runs: bold, italic, underline, strikethrough, superscript,
subscript, small capitals → hi with those @rend words (the character styles Strong and Emphasis
too); hyperlinks → ref (safe URLs only; an internal anchor → #anchor); footnote and endnote
references → note place="foot" / place="end" with the note's text. Tables → table/row/cell (a
header row's cells role="label"); text boxes become paragraphs after the paragraph that anchors them.
Not text, and left out: deleted text of tracked changes, field codes, images, page and section
properties. External relationships (linked images, templates) are never followed.
"""

from __future__ import annotations

import io

from lxml import etree

from interlinea.errors import SeedError
from interlinea.sources.model import InlineCollector, Markup, SourceBlock, Span, safe_url
from interlinea.sources.zipped import check_zip
from interlinea.xml_input import safe_parser

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(local: str) -> str:
    return f"{{{W}}}{local}"


_CONTAINERS = {w(n) for n in ("ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "moveTo", "dir", "bdo")}
_SKIPPED = {w("del"): "deleted text (tracked change)", w("moveFrom"): "moved-from text (tracked change)"}
_QUOTE_STYLES = {"quote", "intense quote", "block text"}
_RUN_STYLES = {"strong": "bold", "emphasis": "italic", "intense emphasis": "italic"}
_SAFE_PARSER = safe_parser()  # the project's one inert parser (xml_input)


def _on(element: etree._Element | None) -> bool:
    return element is not None and element.get(w("val"), "true") not in ("0", "false", "none", "off")


class _Reader:
    def __init__(self, document, label: str) -> None:
        self.document = document
        self.part = document.part
        self.label = label
        self.blocks: list[SourceBlock] = []
        self.empty = 0  # empty paragraphs since the last block: blank lines of a plain seed
        self.notes: dict[str, SourceBlock] = {}
        self.note_order: list[str] = []
        self.dropped: dict[str, int] = {}
        self.tables = 0
        self.numbering = self._numbering()
        self.note_xml = {"foot": self._notes_part("footnotes", "footnote"), "end": self._notes_part("endnotes", "endnote")}

    def drop(self, what: str) -> None:
        self.dropped[what] = self.dropped.get(what, 0) + 1

    # -- parts -------------------------------------------------------------------------------------

    def _related_blob(self, suffix: str) -> bytes | None:
        for rel in self.part.rels.values():
            if rel.reltype.endswith("/" + suffix) and not rel.is_external:
                return rel.target_part.blob
        return None

    def _notes_part(self, suffix: str, local: str) -> dict[str, etree._Element]:
        blob = self._related_blob(suffix)
        if blob is None:
            return {}
        root = etree.fromstring(blob, _SAFE_PARSER)
        return {note.get(w("id")): note for note in root.iter(w(local))
                if note.get(w("type")) in (None, "normal")}

    def _numbering(self) -> dict[tuple[str, str], str]:
        """(numId, ilvl) → numFmt ("bullet", "decimal", …)."""
        blob = self._related_blob("numbering")
        if blob is None:
            return {}
        root = etree.fromstring(blob, _SAFE_PARSER)
        abstract = {a.get(w("abstractNumId")): a for a in root.iter(w("abstractNum"))}
        formats = {}
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            definition = abstract.get(ref.get(w("val"))) if ref is not None else None
            if definition is None:
                continue
            for level in definition.iter(w("lvl")):
                fmt = level.find(w("numFmt"))
                formats[(num.get(w("numId")), level.get(w("ilvl")))] = fmt.get(w("val")) if fmt is not None else "bullet"
        return formats

    # -- inline ------------------------------------------------------------------------------------

    def _rend(self, run: etree._Element) -> str:
        props = run.find(w("rPr"))
        words: list[str] = []
        if props is None:
            return ""
        style = props.find(w("rStyle"))
        if style is not None:
            name = self._style_name(style.get(w("val")), "character").lower()
            if name in _RUN_STYLES:
                words.append(_RUN_STYLES[name])
        for local, word in (("b", "bold"), ("i", "italic"), ("strike", "strikethrough"), ("dstrike", "strikethrough"), ("smallCaps", "smallcaps")):
            if _on(props.find(w(local))) and word not in words:
                words.append(word)
        underline = props.find(w("u"))
        if underline is not None and underline.get(w("val"), "single") != "none":
            words.append("underline")
        vertical = props.find(w("vertAlign"))
        if vertical is not None and vertical.get(w("val")) in ("superscript", "subscript"):
            words.append("sup" if vertical.get(w("val")) == "superscript" else "sub")
        return " ".join(words)

    def inline(self, container: etree._Element, collector: InlineCollector, state: dict) -> None:
        for child in container:
            tag = child.tag
            if tag == w("r"):
                self._run(child, collector, state)
            elif tag == w("hyperlink"):
                target = self._link(child)
                state["span"] = None
                if target is None:
                    self.inline(child, collector, state)
                else:
                    collector.open(Span("ref", {"target": target}))
                    self.inline(child, collector, state)
                    collector.close()
                state["span"] = None
            elif tag in _SKIPPED:
                self.drop(_SKIPPED[tag])
            elif tag in _CONTAINERS:
                self.inline(child, collector, state)

    def _link(self, link: etree._Element) -> str | None:
        rid = link.get(f"{{{R}}}id")
        if rid:
            rel = self.part.rels.get(rid)
            url = rel.target_ref if rel is not None and rel.is_external else None
            anchor = link.get(w("anchor"))
            if url and anchor:
                url = f"{url}#{anchor}"
        else:
            anchor = link.get(w("anchor"))
            url = f"#{anchor}" if anchor else None
        if url is None:
            return None
        safe = safe_url(url)
        if safe is None:
            self.drop("unsafe link (text kept)")
        return safe

    def _run(self, run: etree._Element, collector: InlineCollector, state: dict) -> None:
        # A run that holds only a note reference: its formatting (superscript) is the mark's, not text's.
        rend = self._rend(run) if run.find(w("t")) is not None else ""
        if rend:
            # Consecutive runs with the same formatting make one <hi>.
            span = state.get("span")
            if span is None or span.attrs.get("rend") != rend:
                span = state["span"] = Span("hi", {"rend": rend})
            collector.open(span)
        else:
            state["span"] = None
        for child in run:
            tag = child.tag
            if tag == w("t"):
                collector.text(child.text or "")
            elif tag in (w("tab"), w("br"), w("cr"), w("ptab")):
                collector.text(" ")
            elif tag == w("noBreakHyphen"):
                collector.text("\u2011")
            elif tag == w("sym"):
                code = child.get(w("char"), "")
                try:
                    collector.text(chr(int(code, 16)))
                except ValueError:
                    pass
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                place = "foot" if tag == w("footnoteReference") else "end"
                key = f"{place}:{child.get(w('id'))}"
                if key not in self.note_order:
                    self.note_order.append(key)
                collector.note(key)
            elif tag == w("instrText"):
                self.drop("field code")
            elif tag == w("delText"):
                self.drop("deleted text (tracked change)")
            elif tag in (w("drawing"), w("pict"), f"{{{MC}}}AlternateContent"):
                self.drop("image or drawing")
        if rend:
            collector.close()

    # -- blocks ------------------------------------------------------------------------------------

    def _style_name(self, style_id: str | None, kind: str = "paragraph") -> str:
        if not style_id:
            return "Normal" if kind == "paragraph" else ""
        for style in self.document.styles:
            if style.style_id == style_id:
                return style.name or style_id
        return style_id

    def _paragraph_style(self, paragraph: etree._Element) -> tuple[str, etree._Element | None]:
        props = paragraph.find(w("pPr"))
        style = props.find(w("pStyle")) if props is not None else None
        return self._style_name(style.get(w("val")) if style is not None else None), props

    def paragraph(self, paragraph: etree._Element) -> None:
        collector = InlineCollector()
        self.inline(paragraph, collector, {})
        segments = collector.finish()
        name, props = self._paragraph_style(paragraph)
        lowered = name.lower()
        numbering = props.find(w("numPr")) if props is not None else None
        outline = props.find(w("outlineLvl")) if props is not None else None
        if lowered == "title":
            block = SourceBlock("heading", segments, level=1)
        elif lowered.startswith("heading ") and lowered[8:].isdigit():
            block = SourceBlock("heading", segments, level=int(lowered[8:]) + 1)
        elif outline is not None and (outline.get(w("val")) or "").isdigit() and int(outline.get(w("val"))) < 9:
            block = SourceBlock("heading", segments, level=int(outline.get(w("val"))) + 2)
        elif lowered in _QUOTE_STYLES:
            block = SourceBlock("quote", segments)
        elif numbering is not None or lowered.startswith("list"):
            num_id = numbering.find(w("numId")) if numbering is not None else None
            level = numbering.find(w("ilvl")) if numbering is not None else None
            key = (num_id.get(w("val")) if num_id is not None else name, level.get(w("val")) if level is not None else "0")
            fmt = self.numbering.get(key, "decimal" if "number" in lowered else "bullet")
            block = SourceBlock("item", segments, group=("list", key[0]), numbered=fmt not in ("bullet", "none"))
        else:
            block = SourceBlock("paragraph", segments)
        self.add(block)
        # Text boxes anchored in this paragraph (the fallback copy of the same box is not read twice).
        for box in paragraph.iter(w("txbxContent")):
            if any(ancestor.tag == f"{{{MC}}}Fallback" for ancestor in box.iterancestors()):
                continue
            for inner in box.iter(w("p")):
                collector = InlineCollector()
                self.inline(inner, collector, {})
                self.add(SourceBlock("paragraph", collector.finish()))

    def add(self, block: SourceBlock) -> None:
        """A block; an empty paragraph counts as a blank line before the next one."""
        if not block.text:
            self.empty += 1
            return
        block.blank_before, self.empty = 1 + self.empty, 0
        self.blocks.append(block)

    def table(self, table: etree._Element) -> None:
        self.tables += 1
        for number, row in enumerate(table.iter(w("tr")), start=1):
            if any(ancestor.tag == w("tbl") and ancestor is not table for ancestor in row.iterancestors()):
                continue  # a nested table's rows are read with the cell that holds them
            props = row.find(w("trPr"))
            header = props is not None and _on(props.find(w("tblHeader")))
            for cell in row.findall(w("tc")):
                collector = InlineCollector()
                for position, paragraph in enumerate(cell.iter(w("p"))):
                    if position:
                        collector.text(" ")
                    self.inline(paragraph, collector, {})
                self.blocks.append(SourceBlock("cell", collector.finish(), group=(self.tables, number), label=header))
                self.empty = 0

    def body(self, container: etree._Element) -> None:
        for child in container:
            if child.tag == w("p"):
                self.paragraph(child)
            elif child.tag == w("tbl"):
                self.table(child)
            elif child.tag in (w("sdt"), w("sdtContent"), w("customXml")):
                self.body(child)

    def notes_blocks(self) -> list[SourceBlock]:
        blocks = []
        for key in self.note_order:
            place, number = key.split(":", 1)
            note = self.note_xml[place].get(number)
            if note is None:
                continue
            collector = InlineCollector()
            for position, paragraph in enumerate(note.iter(w("p"))):
                if position:
                    collector.text(" ")
                self.inline(paragraph, collector, {})
            blocks.append(SourceBlock("footnote", collector.finish(), key=key))
        return blocks


def read(data: bytes, label: str) -> Markup:
    check_zip(data, label, ".docx", "word/document.xml")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise SeedError(f"{label}: not a readable .docx document ({exc}); save it again from the word processor") from None
    reader = _Reader(document, label)
    reader.body(document.element.body)
    return Markup("docx", reader.blocks + reader.notes_blocks(), dropped=reader.dropped)
