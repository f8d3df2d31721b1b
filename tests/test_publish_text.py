"""The publishing stage and the plain-text edition: lossless, deterministic, golden, laid out, safe."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from interlinea import TEI_NS, publish as publishing, stages
from interlinea.cli import main
from interlinea.edition import load_edition
from interlinea.publish import FORMATS, Output, Publisher, PublishOptions
from interlinea.publish.base import EVERY_TEXT, REGISTERS, text_input
from interlinea.xmlio import write_atomic

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "text"
RULE = "=" * 72


def published(edition_dir: Path, *args: str) -> Path:
    result = CliRunner().invoke(main, ["publish", "--quiet", "--edition", str(edition_dir), *args])
    assert result.exit_code == 0, result.stderr
    return edition_dir / "site" / "text"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The seed edition published with the default options, once for the module."""
    target = tmp_path_factory.mktemp("published") / "edition"
    shutil.copytree(ROOT / "seeds", target / "seeds")
    shutil.copytree(ROOT / "tei", target / "tei")
    return published(target)


def reading_text(content: str) -> str:
    """The reading text of a text edition: what follows the header's rule, numbers removed."""
    body = content.split(RULE + "\n", 1)[1]
    body = re.sub(r"(?m)^(\s*)\[\d+\] ", r"\1", body)
    return " ".join(body.split())


TEXTS = ["organise-it", "organise-en", "pramen-bg", "tir-en-it"]


@pytest.mark.parametrize("text_id", TEXTS)
def test_the_reading_text_keeps_every_word_of_the_seed(site, text_id):
    edition = load_edition(ROOT)
    seed = (ROOT / "seeds" / edition.manifest.text(text_id).source).read_text(encoding="utf-8")
    got = reading_text((site / f"{text_id}.txt").read_text(encoding="utf-8"))
    expected = " ".join(seed.split())
    if got != expected:
        diff = difflib.unified_diff(expected.split(), got.split(), "seed", "text edition", lineterm="", n=2)
        pytest.fail("\n".join(list(diff)[:40]))


@pytest.mark.parametrize("text_id", TEXTS)
def test_golden_text_edition(site, text_id, accept):
    """The text edition of each seed, reviewed in diffs; `make golden` accepts a change."""
    produced = (site / f"{text_id}.txt").read_text(encoding="utf-8")
    golden = GOLDEN / f"{text_id}.txt"
    if accept:
        write_atomic(golden, produced.encode("utf-8"))
    expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
    if produced != expected:
        diff = difflib.unified_diff(expected.splitlines(), produced.splitlines(), str(golden), "produced", lineterm="")
        pytest.fail("text edition differs from its golden file; review, then `make golden`:\n" + "\n".join(list(diff)[:60]))


def test_golden_numbered_and_wrapped(edition_copy, accept):
    out = published(edition_copy, "--numbered", "--wrap", "72", "tir-en-it")
    for name in ("tir-en-it.txt", "tir-en-it.2.it.txt"):
        produced = (out / name).read_text(encoding="utf-8")
        golden = GOLDEN / name.replace(".txt", ".numbered-72.txt")
        if accept:
            write_atomic(golden, produced.encode("utf-8"))
        assert produced == golden.read_text(encoding="utf-8"), f"differs from {golden.name}; review, then `make golden`"


def test_one_file_per_work_for_a_text_in_two_languages(site):
    assert sorted(p.name for p in site.glob("tir-en-it*")) == ["tir-en-it.1.en.txt", "tir-en-it.2.it.txt", "tir-en-it.txt"]
    assert not list(site.glob("organise-it.*.txt")), "a text whose works share one language gets no part files"
    english = (site / "tir-en-it.1.en.txt").read_text(encoding="utf-8")
    italian = (site / "tir-en-it.2.it.txt").read_text(encoding="utf-8")
    assert "Language:         English (en)" in english and "The uprising in Kazakhstan" in english
    assert "L’insurrezione esplosa" not in english
    assert "Language:         Italian (it)" in italian and "L’insurrezione esplosa" in italian
    assert "tir-en-it 2." in italian  # the citation names the part


def test_header_block(site):
    header = (site / "organise-it.txt").read_text(encoding="utf-8").split(RULE)[0]
    assert header.startswith("Giù le mani dal Kazakhstan; Il colonialismo del XXI secolo\n")
    for field in ("Authors:", "Translators:      Demenza HC", "Source:", "Language:         Italian (it, 97%); English (en, 3%)",
                  "Cite as:", "Licence:", "https://creativecommons.org/licenses/by/4.0/", "Transcribed from: 000_53bed44b13b481fb.txt"):
        assert field in header
    assert "https://organisemagazine.org.uk/2022/01/06/hands-off-kazakhstan-international" in header


def test_plain_text_conventions(site):
    for path in site.glob("*.txt"):
        data = path.read_bytes()
        assert b"\r" not in data and data.endswith(b"\n") and not data.endswith(b"\n\n")
        text = data.decode("utf-8")
        assert "registers/" not in text and "<" not in text and "xml:id" not in text
        assert "\n\n\n" not in text


def test_layout_of_quotes_lists_and_closers(site):
    text = (site / "organise-it.txt").read_text(encoding="utf-8")
    assert "\n    Massive protests across Kazakhstan" in text
    assert "\n    — Liveuamap (@Liveuamap) January 4, 2022\n" in text
    assert "\n  Primo comunicato: https://avtonom.org/news/kazahstan-vyshel-na-ulicy-policiya-bezhit\n" in text
    assert "\n  Pramen\n\n  CrimethInc\n  https://crimethinc.com/" in text
    assert "\n———————————————————————————————–\n" in text
    tir = (site / "tir-en-it.txt").read_text(encoding="utf-8")
    assert "\nJanuary 10, 2022\nTendenza Internazionalista Rivoluzionaria\n" in tir
    assert "\n    Veicoli militari russi" in tir


@pytest.mark.parametrize("width", [40, 72])
def test_wrapping_never_breaks_a_url_and_keeps_every_word(edition_copy, width):
    out = published(edition_copy, "--wrap", str(width), "--numbered")
    for text_id in TEXTS:
        content = (out / f"{text_id}.txt").read_text(encoding="utf-8")
        tei = etree.parse(str(edition_copy / "tei" / f"{text_id}.xml"))
        for ref in tei.iter(f"{{{TEI_NS}}}ref"):
            if ref.getparent().tag != f"{{{TEI_NS}}}bibl":
                assert ref.text in content, f"URL broken: {ref.text}"
        body = content.split(RULE + "\n", 1)[1]
        for line in body.splitlines():
            assert len(line) <= width or len(line.split()) == 1 or re.match(r"^\s*(\[\d+\] )?\S+$", line), line
        seed = (edition_copy / "seeds" / load_edition(edition_copy).manifest.text(text_id).source).read_text(encoding="utf-8")
        assert reading_text(content) == " ".join(seed.split())


def test_publishing_twice_gives_the_same_bytes(edition_copy, tmp_path):
    runner = CliRunner()
    for name in ("a", "b"):
        result = runner.invoke(main, ["publish", "-q", "--edition", str(edition_copy), "--out", str(tmp_path / name)])
        assert result.exit_code == 0
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b and len([p for p in files_a if p.parts[0] == "text"]) == 7
    for relative in files_a:
        assert (tmp_path / "a" / relative).read_bytes() == (tmp_path / "b" / relative).read_bytes()


def test_publish_uses_hand_edited_tei_without_converting(edition_copy):
    path = edition_copy / "tei" / "pramen-bg.xml"
    path.write_text(path.read_text(encoding="utf-8").replace("Ние, от своя страна", "Ние, от наша страна"), encoding="utf-8")
    out = published(edition_copy, "pramen-bg")
    assert "Ние, от наша страна" in (out / "pramen-bg.txt").read_text(encoding="utf-8")


FAILING = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:il="urn:interlinea:xslt">
  <xsl:import href="{entry}"/>
  <xsl:template match="tei:persName[ancestor::tei:p/@xml:id = 'pramen-bg.1.3']" mode="il:inline">
    <xsl:message terminate="yes">cannot render &lt;persName&gt; at <xsl:value-of select="il:where(.)"/></xsl:message>
  </xsl:template>
</xsl:stylesheet>
"""


def test_a_stylesheet_error_names_the_file_and_element_and_leaves_nothing_half_written(edition_copy, tmp_path, monkeypatch):
    """The text stylesheet renders any TEI; a stylesheet that stops (here, one customised by importing
    the text stylesheet and overriding one rule) is reported with the TEI file, the line and the
    element, and the run leaves every output as it was."""
    from interlinea.publish.text import TextPublisher, TextRenderer
    from interlinea.resources import xslt_path

    good = published(edition_copy)
    before = {p.name: p.read_bytes() for p in good.glob("*.txt")}
    failing = tmp_path / "failing.xsl"
    failing.write_text(FAILING.format(entry=xslt_path("text", "text.xsl").resolve().as_uri()), encoding="utf-8")
    monkeypatch.setattr(TextPublisher, "renderer", property(lambda self: TextRenderer(failing)))
    path = edition_copy / "tei" / "pramen-bg.xml"
    path.write_text(path.read_text(encoding="utf-8").replace("Ние, от своя страна", "Ние, от наша страна"), encoding="utf-8")
    number = next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()) if 'xml:id="pramen-bg.1.3"' in line)
    result = CliRunner().invoke(main, ["publish", "--skip-validation", "--edition", str(edition_copy)])
    assert result.exit_code == 1
    assert f"tei/pramen-bg.xml:{number + 1}:" in result.stderr
    assert "cannot render <persName>" in result.stderr and "pramen-bg.1.3" in result.stderr
    assert "/TEI[1]/text[1]/body[1]/div[1]/p[3]/persName[1]" in result.stderr
    after = {p.name: p.read_bytes() for p in good.glob("*.txt")}
    assert after == before, "a failed run must not leave changed or partial files"
    assert not list(good.glob(".*.tmp"))


def test_validation_runs_before_publishing(edition_copy):
    path = edition_copy / "tei" / "pramen-bg.xml"
    path.write_text(path.read_text(encoding="utf-8").replace("Ние, от своя страна", "<hix>Ние</hix>, от своя страна", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["publish", "--edition", str(edition_copy)])
    assert result.exit_code == 1 and "validation failed for tei/pramen-bg.xml" in result.stderr
    assert not (edition_copy / "site").exists()


def test_each_stylesheet_is_compiled_once_per_run(edition_copy, monkeypatch):
    compiled = []
    original = publishing.text.Stylesheet.__init__

    def counting(self, path):
        compiled.append(path)
        original(self, path)

    monkeypatch.setattr(publishing.text.Stylesheet, "__init__", counting)
    published(edition_copy, "--wrap", "60")
    assert compiled and len(compiled) == len(set(compiled)), compiled
    assert [p for p in compiled if p.parent.name == "text"] == [publishing.text.xslt_path("text", "text.xsl")]


class ShoutPublisher(Publisher):
    """A second format, made in the test: it plugs in beside the text one without touching it. One
    file per text, and one index of the whole edition that depends on every text and the registers."""

    format = "shout"

    def outputs(self):
        per_text = [Output(Path(self.format) / f"{t.id}.txt", (text_input(t.id),), text_id=t.id) for t in self.texts]
        return [*per_text, Output(Path(self.format) / "index.txt", (EVERY_TEXT, REGISTERS))]

    def render(self, output):
        if output.text_id is None:
            return "".join(sorted(f"{t.id}\n" for t in self.texts)).encode()
        tree = self.by_id[output.text_id].tree
        return tree.getroot().get("{http://www.w3.org/XML/1998/namespace}id").upper().encode() + b"\n"


def test_a_new_format_plugs_in_with_the_same_interface(edition_copy, monkeypatch):
    monkeypatch.setitem(FORMATS, "shout", ShoutPublisher)
    edition = load_edition(edition_copy)
    stages.read_tei(edition, edition.texts)
    report = stages.publish(edition, edition.texts, ("text", "shout"), edition_copy / "site", PublishOptions())
    assert (edition_copy / "site" / "shout" / "pramen-bg.txt").read_text() == "PRAMEN-BG\n"
    assert (edition_copy / "site" / "text" / "pramen-bg.txt").is_file()
    assert len(report.written) == 6 + 5  # text: 4 texts and the 2 parts of tir-en-it; shout: 4 and the index
    again = stages.publish(edition, edition.texts, ("text", "shout"), edition_copy / "site", PublishOptions())
    assert again.written == [] and again.up_to_date == 11


def test_an_edition_wide_output_is_rebuilt_when_any_of_its_inputs_changes(edition_copy, monkeypatch):
    """The index depends on every text and on the registers: a change to one text rebuilds that
    text's outputs and the index, nothing else; a change to a register rebuilds the index only."""
    monkeypatch.setitem(FORMATS, "shout", ShoutPublisher)
    rendered: list[str] = []
    original = ShoutPublisher.render

    def counting(self, output):
        rendered.append(output.path.name)
        return original(self, output)

    monkeypatch.setattr(ShoutPublisher, "render", counting)

    def run() -> list[str]:
        rendered.clear()
        edition = load_edition(edition_copy)
        stages.read_tei(edition, edition.texts)
        stages.publish(edition, edition.texts, ("shout",), edition_copy / "site", PublishOptions())
        return sorted(rendered)

    assert len(run()) == 5
    assert run() == []
    tei = edition_copy / "tei" / "pramen-bg.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("Ние, от своя страна", "Ние, от наша страна"), encoding="utf-8")
    assert run() == ["index.txt", "pramen-bg.txt"]
    register = edition_copy / "tei" / "registers" / "places.xml"
    register.write_text(register.read_text(encoding="utf-8").replace("</listPlace>", "</listPlace>\n", 1), encoding="utf-8")
    assert run() == ["index.txt"]


def test_outputs_no_longer_produced_are_removed(edition_copy):
    out = published(edition_copy)
    manifest = edition_copy / "seeds" / "edition.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text[: text.index("# --- 003")], encoding="utf-8")
    result = CliRunner().invoke(main, ["publish", "--skip-validation", "--edition", str(edition_copy)])
    assert result.exit_code == 0, result.stderr
    assert not list(out.glob("tir-en-it*")) and (out / "organise-it.txt").exists()
    assert "removed" in result.stderr


def test_build_publishes_after_validating(edition_copy):
    result = CliRunner().invoke(main, ["build", "--edition", str(edition_copy)])
    assert result.exit_code == 0, result.stderr
    assert (edition_copy / "site" / "text" / "organise-en.txt").is_file()


def test_a_stylesheet_gets_the_registers_as_a_parameter_and_the_document_its_base_uri(tmp_path):
    """Edition-wide formats reach other documents as parameters (never through doc()), and a text
    keeps its own URI, so that relative pointers in it can be resolved."""
    from interlinea.publish import Stylesheet
    from interlinea.xml_input import read_xml

    stylesheet = tmp_path / "count.xsl"
    stylesheet.write_text(
        """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
             xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:xs="http://www.w3.org/2001/XMLSchema">
             <xsl:param name="registers" as="document-node()"/>
             <xsl:output method="text"/>
             <xsl:template match="/">
               <xsl:value-of select="count($registers//tei:place), tokenize(base-uri(/), '/')[last()]"/>
             </xsl:template>
           </xsl:stylesheet>""",
        encoding="utf-8",
    )
    places = read_xml(ROOT / "tei" / "registers" / "places.xml").tree
    text = ROOT / "tei" / "pramen-bg.xml"
    result = Stylesheet(stylesheet).transform(read_xml(text).tree, "pramen-bg.xml", {}, base_uri=text.as_uri(), documents={"registers": places})
    assert result == f"{len(places.getroot().findall('.//{http://www.tei-c.org/ns/1.0}place'))} pramen-bg.xml"


# -- tiny cases: each construct of TEI and each reading option, in the text form ----------------------

TEXT_CASES = [
    # (case, the body of a TEI text, options, the reading text expected)
    ("a footnote after its block", "<p>Text<note>A note.</note> goes on.</p><p>Next.</p>", {},
     "Text[^1] goes on.\n\n[^1] A note.\n\nNext."),
    ("a footnote in place", "<p>Text<note>A note.</note> goes on.</p>", {"notes": "in-place"}, "Text [A note.] goes on."),
    ("notes marked by @n, else by their number", "<p>Text<note n='a'>A note.</note> and<note>another</note>.</p>", {},
     "Text[^a] and[^2].\n\n[^a] A note.\n\n[^2] another"),
    ("a note standing among blocks", "<p>Text.</p><note>Block note.</note>", {}, "Text.\n\nBlock note."),
    ("a note printed in the line", "<p>Text <note place='inline'>aside</note> goes on.</p>", {}, "Text [aside] goes on."),
    ("choice, regularised", "<p>The <choice><sic>teh</sic><corr>the</corr></choice> <choice><orig>colour</orig><reg>color</reg>"
     "</choice> <choice><abbr>Dr</abbr><expan>Doctor</expan></choice></p>", {}, "The the color Doctor"),
    ("choice, original", "<p>The <choice><sic>teh</sic><corr>the</corr></choice> <choice><orig>colour</orig><reg>color</reg>"
     "</choice> <choice><abbr>Dr</abbr><expan>Doctor</expan></choice></p>", {"choice": "original"}, "The teh colour Dr"),
    ("choice, both", "<p>The <choice><sic>teh</sic><corr>the</corr></choice> word.</p>", {"choice": "both"}, "The the [teh] word."),
    ("expansions", "<p><expan><abbr>D</abbr><ex>omi</ex>n<ex>o</ex></expan> <abbr>D<am>~</am>no</abbr></p>", {}, "Domino Dno"),
    ("expansions, original", "<p><expan><abbr>D</abbr><ex>omi</ex>n<ex>o</ex></expan> <abbr>D<am>~</am>no</abbr></p>",
     {"choice": "original"}, "Dn D~no"),
    ("an apparatus: the lemma", "<p>In <app><lem wit='#A'>principio</lem><rdg wit='#B #C'>principium</rdg></app> erat.</p>", {},
     "In principio erat."),
    ("an apparatus: the entry after the block", "<p>In <app><lem wit='#A'>principio</lem><rdg wit='#B #C'>principium</rdg>"
     "<rdg wit='#D'/></app> erat.</p>", {"app": "apparatus"}, "In principio erat.\n\nprincipio] principium B C; om. D"),
    ("an apparatus of its own", "<listApp><app loc='1'><lem>jitaṁ</lem><rdg source='bib:X'>jitam</rdg><note>A note.</note></app>"
     "</listApp>", {}, "(1) jitaṁ] jitam bib:X; A note."),
    ("a deletion, omitted", "<p>He <del>wrote</del><add>said</add> it.</p>", {}, "He said it."),
    ("a deletion, shown", "<p>He <del>wrote</del><add>said</add> it.</p>", {"deletions": "show"}, "He ⟦wrote⟧said it."),
    ("editorial signs", "<p>ba<supplied reason='lost'>lā</supplied>t <unclear>r</unclear>a<surplus>t</surplus> <gap/> "
     "<gap><desc>two lines</desc></gap></p>", {}, "ba[lā]t ra{t} […] [… two lines]"),
    ("line breaks, kept", "<p>first line<lb/>second li<lb break='no'/>ne <lb/>third</p>", {}, "first line\nsecond line\nthird"),
    ("line breaks, ignored", "<p>first line<lb/>second li<lb break='no'/>ne <lb/>third</p>", {"line_breaks": "ignore"},
     "first line second line third"),
    ("page breaks, marked", "<p>one page <pb n='2'/>and the next, in a wo<pb n='3' break='no'/>rd</p>", {"page_breaks": True},
     "one page [p. 2] and the next, in a wo[p. 3]rd"),
    ("verse", "<lg type='stanza'><head>I</head><l>First line,</l><l>second line.</l></lg><lg><l>Third.</l></lg>", {},
     "I\nFirst line,\nsecond line.\n\nThird."),
    ("drama", "<sp><speaker>ROBERT.</speaker><stage>aside</stage><l>Who goes there?</l><l>Speak <stage>(louder)</stage> up!</l>"
     "</sp><sp><speaker>ABÄLARD.</speaker><p>I.</p></sp>", {},
     "ROBERT.\n    aside\nWho goes there?\nSpeak (louder) up!\n\nABÄLARD.\nI."),
    ("a cast list", "<castList><head>Persons</head><castItem><role>Robert</role>, <roleDesc>his son</roleDesc></castItem>"
     "<castGroup><castItem><role>A</role></castItem><roleDesc>princes</roleDesc></castGroup></castList>", {},
     "Persons\n- Robert, his son\n- A\nprinces"),
    ("lists", "<list><item>one</item><item>two <list rend='numbered'><item>a</item><item>b</item></list></item></list>"
     "<list type='gloss'><label>TEI</label><item>Text Encoding Initiative</item></list>", {},
     "- one\n- two\n\n  1. a\n  2. b\n\nTEI Text Encoding Initiative"),
    ("a table", "<table><head>Volumes</head><row role='label'><cell>Year</cell><cell>Volumes</cell></row>"
     "<row><cell>1861</cell><cell>1</cell></row><row><cell>1862</cell><cell/></row></table>", {},
     "    Volumes\nYear | Volumes\n1861 | 1\n1862"),
    ("a figure", "<figure><graphic url='img/a.jpg'/><head>A caption</head><figDesc>A description.</figDesc></figure>", {},
     "    [image: img/a.jpg]\n\n    A caption\n\n    A description."),
    ("quotations, by language", "<p xml:lang='de'>Er sagte <q>Guten Abend</q> und <said direct='false'>ging</said>.</p>"
     "<p>She said <quote>hello</quote> and <q>“hi”</q>.</p><p xml:lang='fr'>Il dit <q>bonjour</q>.</p>", {},
     "Er sagte „Guten Abend“ und ging.\n\nShe said “hello” and “hi”.\n\nIl dit «bonjour»."),
    ("quotation marks the text has already", "<p>She said \"<q>hi</q>\" twice, <q>“bye”</q>.</p>", {},
     "She said \"hi\" twice, “bye”."),
    ("names of markup", "<p>The <gi>salute</gi> element, its <att>rend</att> attribute, <val>italic</val>.</p>", {},
     "The <salute> element, its @rend attribute, italic."),
    ("an example of markup", "<p>Like this:</p><egXML xmlns='http://www.tei-c.org/ns/Examples'><closer>\n\t\t<salute>Best "
     "wishes,</salute>\n\t\t<signed>John</signed>\n\t</closer></egXML>", {},
     "Like this:\n\n    <closer>\n        <salute>Best wishes,</salute>\n        <signed>John</signed>\n    </closer>"),
    ("a letter", "<div type='letter'><opener><dateline>Bern, 3 May</dateline><salute>Dear friend,</salute></opener><p>Body.</p>"
     "<closer><salute>Yours</salute><signed>W.</signed><address><addrLine>Monsieur Haller</addrLine><addrLine>Göttingen"
     "</addrLine></address></closer><postscript><p>P.S. More.</p></postscript></div>", {},
     "Bern, 3 May\nDear friend,\n\nBody.\n\nYours\nW.\nMonsieur Haller\nGöttingen\n\nP.S. More."),
    ("loose text and phrases among blocks", "<div>Loose text with a <persName>name</persName>.<p>A paragraph.</p>"
     "<persName>Alone</persName> <placeName>Here</placeName></div>", {}, "Loose text with a name.\n\nA paragraph.\n\nAlone Here"),
    ("records", "<listBibl><head>Works</head><biblStruct><monogr><author>A. Author</author><title>A Title</title><imprint>"
     "<pubPlace>Basel</pubPlace><date>2014</date></imprint></monogr></biblStruct><bibl><author>B</author>, <title>T</title>, "
     "1900.</bibl></listBibl><listPerson><person><persName>Anna</persName><persName type='variant'>Anne</persName>"
     "<birth>1800</birth><idno type='wikidata'>Q1</idno></person></listPerson>", {},
     "Works\n\nA. Author, A Title, Basel, 2014\n\nB, T, 1900.\n\nAnna, Anne, 1800, Q1"),
    ("a text floating inside another", "<p>She read: <floatingText><body><p>Once upon a time.</p></body></floatingText> and "
     "slept.</p>", {}, "She read:\n\nOnce upon a time.\n\nand slept."),
    ("links and pointers", "<p>See <ref target='https://example.org'>the site</ref>, <ptr target='https://example.org/x'/>.</p>",
     {}, "See the site, https://example.org/x."),
]

FRONT_AND_BACK = """<front><titlePage><docTitle><titlePart type='main'>Robert Guiskard</titlePart><titlePart type='sub'>Fragment
  </titlePart></docTitle><byline>by <docAuthor>Kleist</docAuthor></byline><docImprint><pubPlace>Berlin</pubPlace>
  <docDate>1808</docDate></docImprint></titlePage><epigraph><quote>An epigraph.</quote></epigraph><argument><p>The argument.</p>
  </argument></front><body><p>Text.</p></body><back><div><p>Back matter.</p></div></back>"""


def case_document(text: str) -> etree._ElementTree:
    from interlinea.xml_input import parse_xml

    xml = (f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>Case</title></titleStmt></fileDesc></teiHeader>'
           f"<text>{text}</text></TEI>")
    parsed = parse_xml(xml.encode("utf-8"), Path("case.xml"), "case.xml")
    assert parsed.tree is not None, parsed.problems
    return parsed.tree


@pytest.fixture(scope="module")
def renderer():
    from interlinea.publish.text import TextRenderer

    return TextRenderer()


@pytest.mark.parametrize("case, body, options, expected", TEXT_CASES, ids=[case[0] for case in TEXT_CASES])
def test_each_construct_in_the_text_form(renderer, case, body, options, expected):
    rendered = renderer.render(case_document(f"<body>{body}</body>"), "case.xml", PublishOptions(**options))
    assert rendered.text.split(RULE + "\n\n", 1)[1] == expected + "\n"
    assert not rendered.warnings


def test_front_and_back_matter_in_the_text_form(renderer):
    rendered = renderer.render(case_document(FRONT_AND_BACK), "case.xml")
    assert rendered.text.split(RULE + "\n\n", 1)[1] == (
        "Robert Guiskard\n\nFragment\n\nby Kleist\n\nBerlin 1808\n\n    An epigraph.\n\nThe argument.\n\nText.\n\nBack matter.\n"
    )


ENRICHED = sorted((ROOT / "tests" / "fixtures" / "enriched" / "tei").glob("*.xml"))


@pytest.mark.parametrize("path", ENRICHED, ids=lambda p: p.name)
def test_the_seed_texts_enriched_by_hand_publish_every_word(renderer, path):
    """The enrichment fixtures (notes, corrections, emphasis, verse, a table, breaks, an apparatus
    added by hand to the seed texts): rendered without the fallback, every word in reading order."""
    from interlinea.xml_input import read_xml
    from test_foreign_tei import expected_text, kept_in_order, words

    tree = read_xml(path).tree
    rendered = renderer.render(tree, path.name)
    assert not rendered.warnings
    expected = words(expected_text(tree))
    assert kept_in_order(expected, words(rendered.text.split(RULE + "\n", 1)[1])) == len(expected)
