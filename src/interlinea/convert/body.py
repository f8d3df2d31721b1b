"""The body of a TEI text from classified blocks: works, sections, and the citable blocks within them.

Each work is a `<div type="work">`. A heading after the work's start opens a `<div type="section">`;
a signature or dateline closes the current division with a `<closer>`. Every citable block gets an
`xml:id` (`{text}.{work}.{n}`) and a number `@n` counted through the work, so that a passage can be
cited as "organise-en 1.12" and aligned with its translation.
"""

from __future__ import annotations


from dataclasses import dataclass

from lxml import etree

from interlinea.convert.classify import WorkBlocks
from interlinea.patterns import QUOTED, SOCIAL_POST
from interlinea.convert.segment import Block
from interlinea.tei import XML_LANG, add_text, sub, tei
from interlinea.dates import parse_date


_CLOSER = tei("closer")
_HEAD = tei("head")
_POSTSCRIPT = tei("postscript")


@dataclass
class Placement:
    """Where a block of the seed ended up in the TEI: its identifier (the first, for a list of links),
    and whether xml:lang is written on it. For review (`interlinea languages`), not for the tree."""

    xml_id: str | None = None
    lang_written: bool = False


# Block placements by the block's first line in the seed (blocks never share a line).
Placements = dict[int, Placement]


class _WorkBuilder:
    """Builds one work block by block.

    What the rules need to know about the tree (is the current division closed, has it content, has
    the work a title yet) is kept in attributes updated as children are added, never read back from
    the tree: scanning a division's children for every block made conversion quadratic in the size
    of the division.
    """

    def __init__(self, body: etree._Element, text_id: str, number: int, lang: str | None, placements: Placements):
        self.placements = placements
        self.text_id = text_id
        self.number = number
        self.lang = lang  # the language the work inherits (set on the div only if it differs)
        self.div = sub(body, "div", type="work", n=str(number), xml_id=f"{text_id}.{number}")
        self.sections = 0
        self.citable = 0
        self.started = False  # content (not headings) has begun
        self.titles = 0  # heads at the top of the work: the first is the main title
        self.closed = False  # the work's own division has a closer: only postscripts may follow
        self._enter(self.div)

    def _enter(self, container: etree._Element) -> None:
        """Make a new, empty division the current one."""
        self.container = container
        self.filled = False  # the current division has content (TEI's model.common), so it may close
        self.signed = False  # the current division has a closer

    def cite(self, node: etree._Element, block: Block) -> etree._Element:
        """Give a citable block its identifier and number, and its language if it differs."""
        self.citable += 1
        xml_id = f"{self.text_id}.{self.number}.{self.citable}"
        node.set("{http://www.w3.org/XML/1998/namespace}id", xml_id)
        node.set("n", str(self.citable))
        placement = self.placements.setdefault(block.first_line, Placement())
        placement.xml_id = placement.xml_id or xml_id
        if block.lang and block.lang != self.lang:
            node.set(XML_LANG, block.lang)
            placement.lang_written = True
        return node

    def open_section(self) -> etree._Element:
        self.sections += 1
        section = sub(self.div, "div", type="section", n=str(self.sections))
        section.set("{http://www.w3.org/XML/1998/namespace}id", f"{self.text_id}.{self.number}.s{self.sections}")
        self._enter(section)
        return section

    def open_division(self) -> etree._Element:
        """A new division for a heading, or for content that cannot join the current division."""
        if self.closed:
            # After the work's own closer TEI allows only more closers and postscripts.
            if self.container.tag == _POSTSCRIPT and not self.filled:
                return self.container
            self._enter(sub(self.div, "postscript"))
            return self.container
        return self.open_section()

    def finish(self) -> etree._Element:
        """Close the work: a postscript that got headings but no text keeps them as trailers.

        Only the current division can be such a postscript: a new one is opened only when the
        current one has content."""
        postscript = self.container
        if postscript.tag == _POSTSCRIPT and not self.filled:
            for child in list(postscript):
                if child.tag == _HEAD:
                    child.tag = tei("trailer")
                postscript.addprevious(child)
            self.div.remove(postscript)
        return self.div

    def content_parent(self) -> etree._Element:
        """Where the next paragraph-like block goes; that division has content from then on."""
        if self.signed or (self.container is self.div and self.sections):
            self.open_division()
        self.filled = True
        return self.container

    def inline(self, parent: etree._Element, text: str) -> None:
        """The block's characters as they are; links and names are marked by the passes."""
        add_text(parent, text)

    def add(self, block: Block) -> None:
        handler = getattr(self, f"_add_{block.kind}")
        handler(block)

    # One method per block kind (dispatch by name, like docutils' visitors).

    def _add_heading(self, block: Block) -> None:
        if not self.started and self.container is self.div:
            head = sub(self.div, "head", type="main" if not self.titles else "sub")
            self.titles += 1
        else:
            head = sub(self.open_division(), "head")
        self.inline(head, block.text)
        self.cite(head, block)

    def _add_byline(self, block: Block) -> None:
        node = sub(self.container, "byline")
        self.inline(node, block.text)
        self.cite(node, block)

    def _closer(self) -> etree._Element:
        """The closer that ends the current division: the last child if it is one, else a new one.
        (Only called when the division has content, so it has a last child.)"""
        last = self.container[-1]
        if last.tag == _CLOSER:
            return last
        self.signed = True
        if self.container is self.div:
            self.closed = True
        return sub(self.container, "closer")

    def _can_close(self) -> bool:
        """TEI allows a closer only after some content in its division."""
        return self.filled

    def _add_signature(self, block: Block) -> None:
        if not self._can_close():
            return self._add_paragraph(block)
        self.started = True
        signed = sub(self._closer(), "signed")
        self.inline(signed, block.text)
        self.cite(signed, block)

    def _add_dateline(self, block: Block) -> None:
        if not self._can_close():
            if self.started or self.container is not self.div:
                return self._add_paragraph(block)
            # At the top of the work (after its title): a dateline that heads the text (TEI's model.divTop).
            dateline = sub(self.div, "dateline")
        else:
            self.started = True
            dateline = sub(self._closer(), "dateline")
        when = parse_date(block.text)
        found = block.data.get("dates")
        if when or not found:
            date = sub(dateline, "date", block.text, when=when or "")
            if not date.get("when"):
                del date.attrib["when"]
        else:
            # The dates within the line: "Marseille, le <date when="2024-03-12">12 mars 2024</date>";
            # a date of another calendar keeps its own reckoning (TEI: @calendar, @when-custom).
            text, position = block.text, 0
            for found_date in found:
                add_text(dateline, text[position : found_date.start])
                date = sub(dateline, "date", text[found_date.start : found_date.end])
                if found_date.iso:
                    date.set("when", found_date.iso)
                else:
                    date.set("calendar", f"#{found_date.calendar}")
                    date.set("when-custom", found_date.custom)
                    date.set("datingMethod", f"#{found_date.calendar}")
                position = found_date.end
            add_text(dateline, text[position:])
        self.cite(dateline, block)

    def _add_list(self, block: Block) -> None:
        """A list of short lines (the signatories of a letter): <list>, its label as <head>, an <item>
        per line, each citable."""
        self.started = True
        listing = sub(self.content_parent(), "list")
        label = block.data.get("label")
        if label is not None:
            head = sub(listing, "head")
            self.inline(head, label.text)
            self.cite(head, label)
        for part in block.data["items"]:
            item = sub(listing, "item")
            self.inline(item, part.text)
            self.cite(item, part)

    def _add_navigation(self, block: Block) -> None:
        node = sub(self.container, "fw", type="navigation")
        self.inline(node, block.text)
        if block.lang and block.lang != self.lang:
            node.set(XML_LANG, block.lang)
            self.placements.setdefault(block.first_line, Placement()).lang_written = True

    def _note(self, block: Block, note_type: str) -> None:
        node = sub(self.container, "note", type=note_type)
        self.inline(node, block.text)
        self.cite(node, block)

    def _add_source(self, block: Block) -> None:
        self._note(block, "source")

    def _add_translator(self, block: Block) -> None:
        self._note(block, "translator")

    def _add_paragraph(self, block: Block) -> None:
        self.started = True
        p = sub(self.content_parent(), "p")
        self.inline(p, block.text)
        self.cite(p, block)

    def _add_quote(self, block: Block) -> None:
        self.started = True
        quote = sub(self.content_parent(), "quote")
        self.inline(quote, block.text)
        self.cite(quote, block)

    def _add_caption(self, block: Block) -> None:
        self.started = True
        figure = sub(self.content_parent(), "figure")
        head = sub(figure, "head")
        self.inline(head, block.text)
        self.cite(head, block)

    def _add_post(self, block: Block) -> None:
        """A social-media post quoted with its attribution: <cit><quote/><bibl/></cit>."""
        self.started = True
        match = SOCIAL_POST.match(block.text)
        assert match is not None
        cit = sub(self.content_parent(), "cit", type="socialMedia")
        quote = sub(cit, "quote")
        self.inline(quote, match["post"])
        bibl = sub(cit, "bibl")
        add_text(bibl, match["dash"] + " ")
        author = sub(bibl, "author")
        self.inline(author, match["who"])
        author.tail = " "
        sub(bibl, "date", match["date"], when=parse_date(match["date"]) or match["date"])
        self.cite(cit, block)
        if block.lang and block.lang != self.lang:
            # The post's language is the quotation's; the attribution is in the language around it.
            del cit.attrib[XML_LANG]
            quote.set(XML_LANG, block.lang)

    def _add_links(self, block: Block) -> None:
        """A list of links: each item a label, a quoted title and/or a URL, one per source line."""
        self.started = True
        listing = sub(self.content_parent(), "list", type="links")
        for parts in block.data["items"]:
            item = sub(listing, "item")
            for position, (role, part) in enumerate(parts):
                if position:
                    sub(item, "lb")
                _add_link_part(item, role, part.text)
            self.cite(item, block)


def _add_link_part(item: etree._Element, role: str, text: str) -> None:
    if role == "title":
        quoted = QUOTED.match(text)
        assert quoted is not None
        inner_start = text.index(quoted["inner"])
        add_text(item, text[:inner_start])
        title = sub(item, "title", level="a")
        add_text(title, quoted["inner"])
        add_text(item, text[inner_start + len(quoted["inner"]) :])
    else:
        add_text(item, text)


def build_body(
    parent: etree._Element,
    works: list[WorkBlocks],
    text_id: str,
    work_langs: list[str | None],
    text_lang: str | None,
) -> Placements:
    """The <body> of the text, built in place under `parent` (its <text>).

    Every element is created inside the document it ends up in: lxml moves a subtree into another
    document in time quadratic in the number of its xml:id and xml:lang attributes (one per block).
    """
    body = sub(parent, "body")
    placements: Placements = {}
    for number, (work, lang) in enumerate(zip(works, work_langs), start=1):
        for separator in work.separators:
            _separator(body, separator)
        blocks = work.blocks
        start = 0  # an index, not list.pop(0), which would copy the list for every navigation block
        # Web-page navigation before the first work belongs to the page, not to the work.
        while number == 1 and start < len(blocks) and blocks[start].kind == "navigation":
            navigation = blocks[start]
            start += 1
            fw = sub(body, "fw", type="navigation")
            add_text(fw, navigation.text)
            if navigation.lang and navigation.lang != text_lang:
                fw.set(XML_LANG, navigation.lang)
                placements.setdefault(navigation.first_line, Placement()).lang_written = True
        builder = _WorkBuilder(body, text_id, number, lang or text_lang, placements)
        for block in blocks[start:]:
            builder.add(block)
        builder.finish()
        if lang and lang != text_lang:
            builder.div.set(XML_LANG, lang)
        for separator in work.trailing_separators:
            _separator(body, separator)
    return placements


def _separator(body: etree._Element, block: Block) -> None:
    """The line that separated two works in the source, kept as drawn there."""
    sub(body, "milestone", unit="work", rend=" ".join(block.text.split()))

