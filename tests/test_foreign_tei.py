"""Real TEI from other projects (../shared/corpus/tei/, 32 files from 20 projects: SOURCES.tsv says
what each exercises): every file publishes as text, the way the text publisher renders a text
(`TextRenderer`, read with `read_xml`); the words of its <text> come out in reading order (at least
99.9 % of them, each file); right-to-left and non-Latin scripts keep every character; an XInclude is
reported and never followed; what the stylesheet had no rendering for is listed with counts.

How the words are compared. Words are runs of letters, marks and digits (Unicode categories L, M, N),
after the editorial signs the text edition adds ([ ] { } ⟦ ⟧) are taken out of both sides. The
expected words are read from the TEI by `expected_words` below, a model of the reading text written
apart from the stylesheets; the words kept are those of the longest sequence common to both, in
order (difflib's SequenceMatcher on the word lists). What the model leaves out, as the stylesheets do
with their default parameters (xslt/common/params.xsl):

* the header (teiHeader), and stand-off data beside a text (relations, annotations);
* in running text, the readings of an apparatus entry other than its lemma, with its notes and
  witness details (app = 'lemma'; an apparatus of its own, listApp, keeps its readings);
* of a choice, the source's reading (sic, orig, abbr) when there is an editor's one (corr, reg,
  expan), and abbreviation marks (am) (choice = 'regularised');
* deletions (del) (deletions = 'omit');
* annotations that are not text: index, anchor, link, linkGrp, interp, interpGrp, span, spanGrp,
  certainty, precision, respons, alt, altGrp, join, joinGrp, timeline, fs, fLib, fvLib, handShift,
  addSpan, delSpan, damageSpan, lacunaStart, lacunaEnd, witStart, witEnd, and move in running text.

And what it moves: a note inside running text is read after the block that holds it (notes =
'after-block'), where the text edition prints it; `test_with_notes_in_place_the_order_is_the_documents`
checks the document's own order with notes = 'in-place'. Words the edition adds (note marks, the
names of elements in an example of markup, image URLs) are not counted against it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from interlinea.publish import PublishOptions
from interlinea.publish.text import TextRenderer
from interlinea.xml_input import parse_xml, read_xml

from conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus" / "tei"  # shared/ lies beside the checkout (as on CI)
FILES = sorted(CORPUS.rglob("*.xml"))
TEI = "http://www.tei-c.org/ns/1.0"
RULE = "=" * 72
TARGET = 0.999

# -- the model of the reading text -------------------------------------------------------------------

LEFT_OUT = {
    "teiHeader", "del", "am", "index", "anchor", "link", "linkGrp", "interp", "interpGrp", "span", "spanGrp",
    "certainty", "precision", "respons", "alt", "altGrp", "join", "joinGrp", "timeline", "fs", "fLib", "fvLib",
    "handShift", "addSpan", "delSpan", "damageSpan", "lacunaStart", "lacunaEnd", "witStart", "witEnd",
    "variantEncoding",
}
BREAKS = {"lb", "pb", "cb", "milestone", "space", "caesura"}  # a word boundary, unless break="no"
# Elements whose children are blocks: a note standing among them stays where it is.
CONTAINERS = {
    "TEI", "teiCorpus", "text", "front", "body", "back", "group", "floatingText", "standOff", "div", "div1", "div2",
    "div3", "div4", "div5", "div6", "div7", "postscript", "argument", "epigraph", "titlePage", "docTitle", "opener",
    "closer", "address", "list", "table", "row", "figure", "cit", "lg", "sp", "spGrp", "set", "castList", "castGroup",
    "listBibl", "listPerson", "listPlace", "listOrg", "listEvent", "listNym", "listObject", "listRelation", "listApp",
    "listWit", "prologue", "epilogue", "performance",
}
# Blocks of running text (a note inside one is read after it), and elements that separate words.
TEXT_BLOCKS = {
    "p", "ab", "head", "l", "item", "label", "cell", "note", "quote", "said", "speaker", "stage", "trailer", "byline",
    "dateline", "signed", "salute", "addrLine", "titlePart", "docAuthor", "docDate", "docImprint", "docEdition",
    "figDesc", "castItem", "fw", "bibl", "biblStruct", "person", "place", "org", "event", "witness", "app",
}
BOUNDARIES = CONTAINERS | TEXT_BLOCKS | {"gap", "graphic", "roleDesc", "role", "idno", "location", "geo", "citedRange", "biblScope"}
JOIN = "\ufdd0"


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _is_tei(element: etree._Element) -> bool:
    return etree.QName(element).namespace == TEI


def _holds_text(element: etree._Element) -> bool:
    return bool((element.text or "").strip()) or any((child.tail or "").strip() for child in element)


def _in_running_text(parent: etree._Element) -> bool:
    return not (_is_tei(parent) and _local(parent) in CONTAINERS) or _holds_text(parent)


def _lemma(app: etree._Element) -> etree._Element | None:
    for path in ("t:lem", "t:rdgGrp//t:lem", "t:rdg", "t:rdgGrp//t:rdg"):
        found = app.find(path.replace("t:", f"{{{TEI}}}"))
        if found is not None:
            return found
    return None


class ReadingModel:
    """The words of a TEI document in the order the text edition reads them (see the module's doc)."""

    def __init__(self, notes_in_place: bool = False):
        self.notes_in_place = notes_in_place

    def text(self, tree: etree._ElementTree) -> str:
        text = " ".join(self._block(root) for root in reading_roots(tree.getroot()))
        return re.sub(r"\s*" + JOIN + r"\s*", "", text)

    def _content(self, element: etree._Element, notes: list[str]) -> str:
        parts = [element.text or ""]
        for child in element:
            parts.append(self._child(child, element, notes))
            parts.append(child.tail or "")
        return "".join(parts)

    def _block(self, element: etree._Element) -> str:
        """A block's text, then the notes of its running text."""
        notes: list[str] = []
        text = self._content(element, notes)
        return " ".join([" ", text, *notes, " "])

    def _child(self, child: etree._Element, parent: etree._Element, notes: list[str]) -> str:
        if not isinstance(child.tag, str):
            return ""  # comments, processing instructions
        name = _local(child)
        if not _is_tei(child):
            return self._block(child)  # another namespace (an example of markup): its text, apart
        if name in LEFT_OUT or (name == "move" and _in_running_text(parent)):
            return ""
        if name in BREAKS:
            return JOIN if child.get("break") == "no" else " "
        if name in ("sic", "orig", "abbr") and _local(parent) == "choice":
            if any(_local(c) in ("corr", "reg", "expan") for c in parent if isinstance(c.tag, str)):
                return ""
        if name == "app" and _local(parent) != "listApp":
            lemma = _lemma(child)
            return self._content(lemma, notes) if lemma is not None else ""
        if name == "note" and _in_running_text(parent):
            if self.notes_in_place:
                return " " + self._content(child, notes) + " "
            notes.append(self._block(child))
            return " "
        if name in TEXT_BLOCKS and not _in_running_text(parent):
            return self._block(child)
        boundary = " " if name in BOUNDARIES else ""
        return boundary + self._content(child, notes) + boundary


def reading_roots(root: etree._Element) -> list[etree._Element]:
    """What is read: the text of each document (a corpus: of each of its documents); a document without
    a text, its stand-off data."""
    if _local(root) == "teiCorpus":
        return [r for child in root if isinstance(child.tag, str) and _local(child) in ("TEI", "teiCorpus") for r in reading_roots(child)]
    found = root.find(f"{{{TEI}}}text")
    if found is None:
        found = root.find(f"{{{TEI}}}standOff")
    return [found] if found is not None else []


def expected_text(tree: etree._ElementTree, notes_in_place: bool = False) -> str:
    return ReadingModel(notes_in_place).text(tree)


SIGNS = dict.fromkeys(map(ord, "[]{}⟦⟧"), None)


def words(text: str) -> list[str]:
    """Runs of letters, marks and digits, once the editorial signs are taken out."""
    found, current = [], []
    for char in text.translate(SIGNS):
        if unicodedata.category(char)[0] in "LMN":
            current.append(char)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found


def kept_in_order(expected: list[str], got: list[str]) -> int:
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def reading_text(output: str) -> str:
    return output.split(RULE + "\n", 1)[1]


# -- the corpus, published once --------------------------------------------------------------------


@dataclass
class Published:
    path: Path
    tree: etree._ElementTree
    text: str
    fallback: Counter
    warnings: list


@pytest.fixture(scope="module")
def renderer() -> TextRenderer:
    return TextRenderer()


@pytest.fixture(scope="module")
def corpus(renderer) -> dict[str, Published]:
    if not FILES:
        pytest.fail(f"no TEI files in {CORPUS}: ../shared/corpus must lie beside this checkout (as on CI)")
    published = {}
    for path in FILES:
        label = path.relative_to(CORPUS).as_posix()
        read = read_xml(path, label)
        assert read.tree is not None, [p.format() for p in read.problems]
        rendered = renderer.render(read.tree, label, PublishOptions(), base_uri=path.resolve().as_uri())
        published[label] = Published(path, read.tree, rendered.text, rendered.fallback, rendered.warnings)
    return published


LABELS = [path.relative_to(CORPUS).as_posix() for path in FILES]


def test_the_corpus_is_there():
    assert len(FILES) >= 32, f"expected the 32 files of {CORPUS}"


@pytest.mark.parametrize("label", LABELS)
def test_every_file_publishes_as_text(corpus, label):
    """A header block (the titles of the TEI header first, when it has any), the rule, the reading text."""
    published = corpus[label]
    assert published.text.endswith("\n") and f"\n{RULE}\n" in published.text
    stmt = f"{{{TEI}}}teiHeader/{{{TEI}}}fileDesc/{{{TEI}}}titleStmt/{{{TEI}}}title"
    titles = [" ".join("".join(t.itertext()).split()) for t in published.tree.getroot().iterfind(stmt)]
    if titles:
        assert published.text.startswith(titles[0] + "\n")
    assert "Published by:     Interlinea" in published.text.split(RULE)[0]


@pytest.mark.parametrize("label", LABELS)
def test_the_words_of_the_text_come_out_in_reading_order(corpus, label):
    published = corpus[label]
    expected = words(expected_text(published.tree))
    got = words(reading_text(published.text))
    kept = kept_in_order(expected, got)
    share = kept / len(expected) if expected else 1.0
    print(f"{label}: {kept}/{len(expected)} words in order ({share:.4%}); fallback: {dict(published.fallback) or 'none'}")
    if share < TARGET:
        matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
        lost = [f"{' '.join(expected[i1:i2][:12])!r} → {' '.join(got[j1:j2][:12])!r}" for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag in ("delete", "replace")]
        pytest.fail(f"{label}: {share:.4%} of the words in order (target {TARGET:.1%}); lost:\n" + "\n".join(lost[:20]))


def test_the_measure_notices_a_word_lost_or_moved(corpus):
    """The comparison is not blind: a paragraph dropped, or two swapped, costs their words."""
    published = corpus["gerdracor/leisewitz-die-pfandung.xml"]
    expected = words(expected_text(published.tree))
    got = words(reading_text(published.text))
    assert kept_in_order(expected, got) == len(expected)
    assert kept_in_order(expected, got[:100] + got[110:]) == len(expected) - 10
    assert kept_in_order(expected, got[:100] + got[150:200] + got[100:150] + got[200:]) <= len(expected) - 50


@pytest.mark.parametrize("label", [label for label in LABELS if "<note" in (CORPUS / label).read_text(encoding="utf-8")])
def test_with_notes_in_place_the_order_is_the_documents(renderer, corpus, label):
    published = corpus[label]
    output = renderer.render(published.tree, label, PublishOptions(notes="in-place")).text
    expected = words(expected_text(published.tree, notes_in_place=True))
    kept = kept_in_order(expected, words(reading_text(output)))
    assert kept / len(expected) >= TARGET, f"{label}: {kept}/{len(expected)}"


SCRIPTS = ("ARABIC", "SYRIAC", "HEBREW", "GREEK", "CYRILLIC", "DEVANAGARI", "LATIN")


def script_of(char: str) -> str | None:
    name = unicodedata.name(char, "")
    return next((script for script in SCRIPTS if name.startswith(script)), None)


@pytest.mark.parametrize("label", LABELS)
def test_every_character_of_every_script_is_kept(corpus, label):
    """Right-to-left (Arabic, Persian, Syriac) and other scripts: every character of the expected words
    is in the output as often, unnormalised (the same code points: combining marks included), and
    the bidirectional controls of the source are kept."""
    published = corpus[label]
    expected = Counter("".join(words(expected_text(published.tree))))
    got = Counter(reading_text(published.text))
    by_script: dict[str, list[int]] = {}
    for char, count in expected.items():
        if ord(char) < 128:
            continue
        script = script_of(char) or unicodedata.category(char)
        totals = by_script.setdefault(script, [0, 0])
        totals[0] += count
        totals[1] += min(count, got[char])
    for script, (total, kept) in sorted(by_script.items()):
        assert kept / total >= TARGET, f"{label}: {script}: {kept}/{total} characters kept"
    source = "".join(t for root in reading_roots(published.tree.getroot()) for t in root.itertext())
    for control in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c":
        assert got[control] >= source.count(control), f"{label}: U+{ord(control):04X} lost"


RIGHT_TO_LEFT = {
    "openarabicpe-al-zuhur/oclc_1034545644-i_.TEIP5.xml": "ARABIC",
    "perseus-farsilit/hafez.divan.perseus-far1.xml": "ARABIC",
    "pta/pta0200.pta001.pta-syc2.xml": "SYRIAC",
}


@pytest.mark.parametrize("label", sorted(RIGHT_TO_LEFT))
def test_right_to_left_texts_read_in_their_own_order(corpus, label):
    """The runs of right-to-left text of paragraphs, verse lines and segments (their text nodes) stand in the
    output as in the TEI, in logical order, character for character: no reversal, no reshaping, no
    normalisation."""
    published = corpus[label]
    runs = []
    for element in published.tree.getroot().iter(f"{{{TEI}}}l", f"{{{TEI}}}p", f"{{{TEI}}}seg"):
        for text in [element.text, *(child.tail for child in element)]:
            run = " ".join((text or "").split())
            if len(run) >= 20 and sum(script_of(c) == RIGHT_TO_LEFT[label] for c in run) > len(run) / 2:
                runs.append(run)
    runs = runs[:100]
    assert len(runs) >= 20, f"{label}: only {len(runs)} runs of right-to-left text"
    flat = " ".join(reading_text(published.text).split())
    missing = [run for run in runs if run not in flat]
    assert not missing, f"{label}: {len(missing)}/{len(runs)} runs not found verbatim, e.g. {missing[0]!r}"


def test_the_fallback_lists_what_it_rendered_with_counts(corpus):
    """Each element the stylesheets do not know is a warning, once per element name, with its count
    and its first line; on this corpus there are none."""
    for label, published in corpus.items():
        names = {d.message.split(">")[0].lstrip("<") for d in published.warnings if d.rule == "fallback"}
        assert names == set(published.fallback), label
    table = {label: dict(p.fallback) for label, p in corpus.items() if p.fallback}
    print(f"rendered by the fallback: {table or 'nothing'}")


# -- XInclude, never followed -------------------------------------------------------------------------

XINCLUDE = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">
  <teiHeader><fileDesc><titleStmt><title>With inclusions</title></titleStmt>
    <publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <p>Before the chapters.</p>
    <xi:include href="chapter1.xml"/>
    <xi:include href="chapter2.xml"><xi:fallback><p>Chapter two is missing.</p></xi:fallback></xi:include>
    <p>Read <xi:include href="/etc/hostname" parse="text"/> here.</p>
  </body></text>
</TEI>
"""


def test_xinclude_is_reported_and_never_followed(renderer, tmp_path):
    (tmp_path / "chapter1.xml").write_text('<p xmlns="http://www.tei-c.org/ns/1.0">SECRET-CHAPTER</p>', encoding="utf-8")
    path = tmp_path / "book.xml"
    path.write_text(XINCLUDE, encoding="utf-8")
    read = read_xml(path, "book.xml")
    assert [p.rule for p in read.problems] == ["xinclude"] * 4  # the reader names each include and fallback
    rendered = renderer.render(read.tree, "book.xml", base_uri=path.resolve().as_uri())
    body = reading_text(rendered.text)
    assert "SECRET-CHAPTER" not in body and "hostname" in body and "Chapter two is missing." in body
    assert "[not included: chapter1.xml]" in body and "Read [not included: /etc/hostname] here." in body
    xincludes = [d for d in rendered.warnings if d.rule == "xinclude"]
    assert [(d.line, d.file) for d in xincludes] == [(6, "book.xml"), (7, "book.xml"), (8, "book.xml")]
    assert xincludes[0].message == "XInclude of chapter1.xml not followed: marked as not included in the text"
    assert xincludes[1].message == "XInclude of chapter2.xml not followed: its fallback published in its place"


# -- a corpus, groups of texts, a text floating in another --------------------------------------------

CORPUS_DOCUMENT = """<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Letters</title><author>Several hands</author></titleStmt>
    <publicationStmt><availability><licence target="https://creativecommons.org/publicdomain/zero/1.0/">CC0</licence></availability></publicationStmt>
    <sourceDesc><p>Born digital.</p></sourceDesc></fileDesc></teiHeader>
  <TEI><teiHeader><fileDesc><titleStmt><title>First letter</title></titleStmt></fileDesc></teiHeader>
    <text><body><p>Dear friend, <floatingText><body><p>a story told inside</p></body></floatingText> and so on.</p></body></text></TEI>
  <TEI><teiHeader><fileDesc><titleStmt><title>Second letter</title></titleStmt></fileDesc></teiHeader>
    <text><group><text><body><p>Part one.</p></body></text><text><body><p>Part two.</p></body></text></group></text></TEI>
</teiCorpus>
"""


def test_a_corpus_is_published_document_by_document(renderer):
    tree = parse_xml(CORPUS_DOCUMENT.encode(), Path("corpus.xml"), "corpus.xml").tree
    rendered = renderer.render(tree, "corpus.xml")
    header, body = rendered.text.split(RULE + "\n")
    assert header.startswith("Letters\n") and "Authors:          Several hands" in header and "Licence:          CC0" in header
    assert "Source:           Born digital." in header and "Cite as" not in header and "Transcribed from" not in header
    assert body == (
        "\nFirst letter\n------------\n\nDear friend,\n\na story told inside\n\nand so on.\n\n"
        "Second letter\n-------------\n\nPart one.\n\nPart two.\n"
    )
    assert not rendered.warnings
    assert words(expected_text(tree)) == [w for w in words(body) if w not in ("First", "Second", "letter")]
