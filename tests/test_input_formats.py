"""Seeds in other formats (interlinea.sources): Markdown, HTML pages, Word documents, OpenDocument texts.

Each fixture in tests/fixtures/formats/ is converted and checked for what the markup says (headings,
emphasis, links, lists, quotations, tables, footnotes), losslessness against the text its own library
extracts, validity (project schema, integrity rules, tei_all), determinism, the digest of the file in
the header, and against its expected TEI body in tests/fixtures/formats/expected/.

The converter calls the readers through two calls in interlinea.convert.convert_text (see
interlinea.convert.markup); until they are there, the `hooked` fixture makes the same two calls around
the converter, so that these tests check the whole path either way.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from interlinea import stages
from interlinea.cli import main
from interlinea.errors import SeedError
from interlinea.seeds import read_seed
from interlinea.convert.markup import apply_markup, marked_blocks
from interlinea.tei import TEI_NS

FORMATS = Path(__file__).resolve().parent / "fixtures" / "formats"
T = f"{{{TEI_NS}}}"
NS = {"t": TEI_NS}

MANIFEST = """[edition]
id = "formats"
title = "Formats"
publisher = "Tests"
date = 2026-01-01
licence = "CC-BY-4.0"
licence_url = "https://creativecommons.org/licenses/by/4.0/"
editors = [{ name = "Tester" }]

[[text]]
id = "statement-md"
source = "statement.md"
title = { en = "Statement on the closure of the Mercato Vecchio library" }

[[text]]
id = "letter-docx"
source = "letter.docx"
title = { en = "Open letter to the city council on the Via Larga housing plan" }
authors = [{ name = "Comitato Via Larga" }]

[[text]]
id = "aufruf-odt"
source = "aufruf.odt"
lang = "de"
title = { de = "Aufruf zur Rettung des Stadtbads Nord", en = "Call to save the Stadtbad Nord" }

[[text]]
id = "news-html"
source = "news.html"
title = { fr = "La bibliothèque du Panier rouvre ses portes", en = "The Panier library reopens" }
"""
SOURCES = {"statement-md": "statement.md", "letter-docx": "letter.docx", "news-html": "news.html", "aufruf-odt": "aufruf.odt"}


@pytest.fixture
def hooked(monkeypatch):
    """The converter with the formatted-seed hook: as it is if convert_text already calls it, else
    with the same two calls made around it."""
    install_hook(monkeypatch)


def install_hook(monkeypatch) -> None:
    import interlinea.convert as convert

    if "marked_blocks" in vars(convert):
        return
    current = {}
    original, segment, build_body = convert.convert_text, convert.segment, convert.build_body

    def convert_text(entry, seed, *args, **kwargs):
        current["seed"] = seed
        return original(entry, seed, *args, **kwargs)

    def build_with_markup(parent, *args, **kwargs):
        placements = build_body(parent, *args, **kwargs)
        apply_markup(parent, current["seed"], placements)
        return placements

    monkeypatch.setattr(convert, "convert_text", convert_text)
    monkeypatch.setattr(stages, "convert_text", convert_text)
    monkeypatch.setattr(convert, "segment", lambda text: marked_blocks(segment(text), current["seed"]))
    monkeypatch.setattr(convert, "build_body", build_with_markup)


def make_edition(root: Path) -> Path:
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "edition.toml").write_text(MANIFEST, encoding="utf-8")
    for name in SOURCES.values():
        (root / "seeds" / name).write_bytes((FORMATS / name).read_bytes())
    return root


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def built(tmp_path, hooked) -> Path:
    edition = make_edition(tmp_path / "edition")
    result = run("convert", "--edition", str(edition))
    assert result.exit_code == 0, result.output
    return edition


def body(edition: Path, text_id: str) -> etree._Element:
    return etree.parse(str(edition / "tei" / f"{text_id}.xml")).getroot().find(f"{T}text")


def words(text: str) -> list[str]:
    return text.split()


def tei_words(text_el: etree._Element) -> list[str]:
    """The words of the TEI text, footnotes after the rest (where the sources' libraries give them)."""
    copy = etree.fromstring(etree.tostring(text_el))
    notes = []
    for note in list(copy.iter(f"{T}note")):
        notes.append("".join(note.itertext()))
        tail = note.tail
        parent = note.getparent()
        previous = note.getprevious()
        parent.remove(note)
        if tail:
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
    return words(" ".join(copy.itertext())) + words(" ".join(notes))


# --- what the markup says is kept --------------------------------------------------------------------


def test_markdown_markup_is_kept(built):
    text = body(built, "statement-md")
    assert text.xpath("string(.//t:head[@type='main'])", namespaces=NS) == "Statement on the closure of the Mercato Vecchio library"
    assert text.xpath("string(.//t:head[@type='main']/t:hi[@rend='italic'])", namespaces=NS) == "Mercato Vecchio"
    assert text.xpath(".//t:hi[@rend='bold']/text()", namespaces=NS) == ["Amici della Biblioteca"]
    assert text.xpath(".//t:ref[. = 'neighbourhood council']/@target", namespaces=NS) == ["https://example.org/council/minutes?id=42"]
    items = text.xpath(".//t:list[@rend='numbered']/t:item", namespaces=NS)
    assert [i.xpath("string()") for i in items][1] == "That the collections stay in the neighbourhood."
    assert text.xpath("count(.//t:quote)", namespaces=NS) == 1
    rows = text.xpath(".//t:table/t:row", namespaces=NS)
    assert [[c.xpath("normalize-space()") for c in row] for row in rows] == [
        ["Year", "Loans", "Visitors"], ["2023", "41 210", "96 000"], ["2024", "43 877", "101 450"]]
    assert rows[0][0].get("role") == "label" and rows[1][0].get("role") is None
    note = text.xpath(".//t:p/t:note[@place='foot']", namespaces=NS)
    assert len(note) == 1 and note[0].xpath("string()").startswith("The notice was posted")
    # Heading levels nest: "### Sources" is a section inside "## Figures".
    assert text.xpath("string(.//t:div[t:head='Figures']/t:div/t:head)", namespaces=NS) == "Sources"


def test_docx_markup_is_kept(built):
    text = body(built, "letter-docx")
    assert text.xpath(".//t:hi[@rend='bold']/text()", namespaces=NS) == ["Via Larga"]
    assert text.xpath(".//t:ref[. = 'published version']/@target", namespaces=NS) == ["https://example.org/council/plan-2025"]
    assert [len(x) for x in text.xpath(".//t:list", namespaces=NS)] == [3, 2]
    assert text.xpath(".//t:list/@rend", namespaces=NS) == ["bulleted", "numbered"]
    assert text.xpath("string(.//t:quote)", namespaces=NS).startswith("A city that sells its squares")
    assert text.xpath("count(.//t:table/t:row)", namespaces=NS) == 3
    assert text.xpath("count(.//t:cell[@role='label'])", namespaces=NS) == 3
    note = text.xpath(".//t:note[@place='foot']", namespaces=NS)[0]
    assert note.xpath("string()") == "The minutes of the meeting of 12 February are not public."
    assert note.xpath("string(t:hi[@rend='italic'])", namespaces=NS) == "not"
    # Heading 2 inside Heading 1; Title is the work's title.
    assert text.xpath("string(.//t:div[t:head='What the plan changes']/t:div/t:head)", namespaces=NS) == "Figures from the plan"
    # The plain paragraphs are still read by the converter: a dateline and the authors' signature.
    assert text.xpath("string(.//t:closer/t:dateline)", namespaces=NS) == "Florence, 14 March 2025"
    assert text.xpath("string(.//t:closer/t:signed)", namespaces=NS) == "Comitato Via Larga"
    # Deleted text of a tracked change is not text; the unsafe link keeps its text, without a ref.
    assert "withdrawn" not in "".join(text.itertext())
    assert "Our earlier letters are in the archive of the committee." in text.xpath(".//t:p/text()", namespaces=NS)


def test_html_markup_is_kept_and_chrome_dropped(built):
    text = body(built, "news-html")
    all_text = " ".join(text.itertext())
    for chrome in ("window.analytics", "font-family", "Tous droits", "Culture", "article starts here"):
        assert chrome not in all_text
    assert text.xpath("string(.//t:head[@type='main'])", namespaces=NS) == "La bibliothèque du Panier rouvre ses portes"
    assert text.xpath(".//t:ref/@target", namespaces=NS) == ["https://example.org/ateliers"]
    assert "cliquez ici" in all_text and not text.xpath(".//t:ref[contains(@target, 'javascript')]", namespaces=NS)
    assert "not text" not in all_text  # a script inside a paragraph
    assert text.xpath("count(.//t:list[@rend='bulleted']/t:item)", namespaces=NS) == 3
    note = text.xpath(".//t:note[@place='foot']", namespaces=NS)
    assert [n.xpath("string()") for n in note] == ["La salle passe de 120 à 200 m²."]
    assert "↩" not in all_text
    assert text.xpath("count(.//t:table/t:row)", namespaces=NS) == 3


def test_odt_markup_is_kept(built):
    text = body(built, "aufruf-odt")
    all_text = " ".join(text.itertext())
    assert text.xpath("string(.//t:head[@type='main'])", namespaces=NS) == "Aufruf zur Rettung des Stadtbads Nord"
    assert text.xpath(".//t:hi[@rend='bold']/text()", namespaces=NS) == ["Stadtbad Nord"]  # a style inheriting bold
    assert text.xpath(".//t:ref/@target", namespaces=NS) == ["https://example.org/gemeinderat/2025-04-10"]
    assert text.xpath(".//t:list/@rend", namespaces=NS) == ["numbered", "bulleted"]
    assert text.xpath("string(.//t:quote)", namespaces=NS) == "Ein Bad ist kein Luxus, sondern Daseinsvorsorge."
    assert text.xpath("count(.//t:cell[@role='label'])", namespaces=NS) == 2
    assert text.xpath("normalize-space(.//t:note[@place='foot'])", namespaces=NS) == "Beschlussvorlage Nr. 2025/117, nicht öffentlich."
    assert text.xpath("string(.//t:div[t:head='Was wir fordern']/t:div/t:head)", namespaces=NS) == "Zahlen"
    for not_text in ("gestrichener Entwurf", "Quelle prüfen", "Redaktion"):
        assert not_text not in all_text


# --- the guarantees of every seed --------------------------------------------------------------------


def markdown_words(path: Path) -> list[str]:
    from interlinea.sources.markdown import parser

    out = []
    for token in parser().parse(path.read_text(encoding="utf-8")):
        if token.type == "inline":
            out.append("".join(child.content if child.type in ("text", "code_inline") else " " if "break" in child.type else ""
                               for child in token.children))
        elif token.type in ("fence", "code_block"):
            out.append(token.content)
    return words(" ".join(out))


def docx_words(path: Path) -> list[str]:
    import docx
    from docx.table import Table

    document = docx.Document(str(path))
    out = []
    for part in document.iter_inner_content():
        if isinstance(part, Table):
            out += [cell.text for row in part.rows for cell in row.cells]
        else:
            out.append(part.text)
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            notes = etree.fromstring(rel.target_part.blob)
            w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
            for note in notes.iter(f"{w}footnote"):
                if note.get(f"{w}type") is None:
                    out.append("".join(t.text or "" for t in note.iter(f"{w}t")))
    return words(" ".join(out))


def html_words(path: Path) -> list[str]:
    """The words of the page's <main> as lxml gives them, without scripts and the footnote marks and
    back-links (the marks become the notes)."""
    import lxml.html

    main = lxml.html.fromstring(path.read_bytes()).find(".//main")
    for node in main.xpath(".//script | .//style | .//a[@role='doc-noteref'] | .//a[@role='doc-backlink']"):
        node.drop_tree()
    return words(main.text_content())


def odt_words(path: Path) -> list[str]:
    """The words of the document's office:text as lxml gives them, without what ODF marks as not
    text (tracked deletions, comments, note citation marks), the notes' text after the rest."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("content.xml"))
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    ns = {"office": office, "text": text_ns}
    text = root.find(f"{{{office}}}body/{{{office}}}text")
    for node in text.xpath(".//text:tracked-changes | .//office:annotation | .//text:note-citation", namespaces=ns):
        node.getparent().remove(node)  # (their tails are empty in the fixture)
    notes = []
    for note in text.xpath(".//text:note", namespaces=ns):
        notes.append(" ".join(note.itertext()))
        note.getparent().remove(note) if not note.tail else None
        if note.getparent() is not None:
            tail, parent, previous = note.tail, note.getparent(), note.getprevious()
            parent.remove(note)
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
    return words(" ".join(text.itertext())) + words(" ".join(notes))


@pytest.mark.parametrize("text_id, extract", [("statement-md", markdown_words), ("letter-docx", docx_words), ("news-html", html_words), ("aufruf-odt", odt_words)])
def test_lossless_against_the_sources_own_library(built, text_id, extract):
    """Every character of the source's text, in order (white space aside: the libraries join cells
    and paragraphs without it)."""
    assert "".join(tei_words(body(built, text_id))) == "".join(extract(FORMATS / SOURCES[text_id]))


def test_the_lossless_check_can_fail(built):
    text = body(built, "statement-md")
    text.find(f".//{T}item").text = "That the closure be suspended."
    assert "".join(tei_words(text)) != "".join(markdown_words(FORMATS / "statement.md"))


def test_valid_deterministic_and_digest_in_header(built, hooked):
    result = run("validate", "--tei-all", "--edition", str(built))
    assert result.exit_code == 0, result.output
    assert " 0 errors" in result.output
    assert run("convert", "--check", "--edition", str(built)).exit_code == 0
    for text_id, name in SOURCES.items():
        data = (FORMATS / name).read_bytes()
        header = etree.parse(str(built / "tei" / f"{text_id}.xml")).getroot()
        assert header.xpath("string(//t:bibl[@type='seed']/t:idno[@type='sha256'])", namespaces=NS) == hashlib.sha256(data).hexdigest()
        assert header.xpath("string(//t:bibl[@type='seed']/t:idno[@type='filename'])", namespaces=NS) == name
        assert header.xpath("string(//t:bibl[@type='seed']//t:measure/@quantity)", namespaces=NS) == str(len(data))


def test_build_end_to_end(tmp_path, hooked):
    edition = make_edition(tmp_path / "edition")
    result = run("build", "--edition", str(edition), "--out", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "text" / "letter-docx.txt").read_text(encoding="utf-8")
    assert "Figures from the plan" in page and "The minutes of the meeting" in page


def expected_body(text_el: etree._Element) -> bytes:
    return etree.tostring(text_el, encoding="utf-8", pretty_print=True)


@pytest.mark.parametrize("text_id", sorted(SOURCES))
def test_expected_tei(built, text_id):
    """The body as reviewed (tests/fixtures/formats/expected/; regenerate with
    `python tests/fixtures/formats/make_expected.py` and review the diff)."""
    assert expected_body(body(built, text_id)) == (FORMATS / "expected" / f"{text_id}.xml").read_bytes()


def test_the_plain_text_seed_is_every_word_in_reading_order():
    """What the converter segments: every word of the source, each footnote right after the block
    that refers to it (where its note will stand), one block per line."""
    seed = read_seed(FORMATS / "statement.md")
    assert sorted(words(seed.text)) == sorted(markdown_words(FORMATS / "statement.md"))
    lines = seed.text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.endswith("the neighbourhood council."))
    assert lines[at + 2].startswith("The notice was posted on the door")
    assert [line for line in lines[1::2] if line] == []  # a blank line between blocks


# --- the readers: errors and hostile input -----------------------------------------------------------


def test_plain_seeds_are_untouched():
    from interlinea.convert.segment import segment

    text = "Title\n\nA paragraph.\n"
    seed = type("S", (), {"text": text, "markup": None})()
    assert [b.kind for b in marked_blocks(segment(text), seed)] == ["paragraph", "paragraph"]


def test_markup_records_what_was_left_out():
    seed = read_seed(FORMATS / "news.html")
    assert seed.markup is not None and seed.markup.format == "html"
    assert seed.markup.dropped["script"] == 1
    assert seed.markup.dropped["words outside <main>"] > 0
    assert seed.markup.dropped["unsafe link (text kept)"] == 1


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_docx_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(_zip({"word/document.xml": b"\0" * 20_000_000, "[Content_Types].xml": b"<x/>"}))
    with pytest.raises(SeedError, match=r"bomb\.docx: member word/document\.xml .* possible zip bomb"):
        read_seed(path)


def test_docx_over_the_size_limit_when_expanded_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("INTERLINEA_MAX_INPUT_MB", "1")
    path = tmp_path / "big.docx"
    # Under 1 MB on disk, 1.5 MB expanded, at a ratio (about 2×) no bomb check would refuse.
    digits = "".join(hashlib.sha256(str(i).encode()).hexdigest() for i in range(24_000)).encode()
    path.write_bytes(_zip({"word/document.xml": digits}))
    assert path.stat().st_size < 1_048_576 < len(digits)
    with pytest.raises(SeedError, match=r"expands to more than 1 MB"):
        read_seed(path)


def test_not_a_docx_is_refused_with_its_name(tmp_path):
    path = tmp_path / "letter.docx"
    path.write_bytes(b"plain text, not a zip")
    with pytest.raises(SeedError, match=r"letter\.docx: not a \.docx file \(not a valid zip archive"):
        read_seed(path)
    path.write_bytes(_zip({"content.xml": b"<x/>"}))
    with pytest.raises(SeedError, match=r"letter\.docx: not a \.docx file \(the archive has no word/document\.xml\)"):
        read_seed(path)


def test_docx_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    data = (FORMATS / "letter.docx").read_bytes()
    source = zipfile.ZipFile(io.BytesIO(data))
    members = {info.filename: source.read(info.filename) for info in source.infolist()}
    document = members["word/document.xml"].decode("utf-8")
    declaration = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
    document = document.replace("?>", "?>" + declaration, 1).replace("Comitato Via Larga</w:t>", "Comitato &x;</w:t>", 1)
    path = tmp_path / "entity.docx"
    path.write_bytes(_zip({**members, "word/document.xml": document.encode("utf-8")}))
    try:
        seed = read_seed(path)
    except SeedError:
        return  # refused outright is as good
    assert "TOPSECRET" not in seed.text


def test_markdown_seed_with_bad_utf8_is_reported_with_its_line(tmp_path):
    path = tmp_path / "bad.md"
    path.write_bytes(b"# Title\n\nCaf\xe9\n")
    with pytest.raises(SeedError, match=r"bad\.md:3:4: not valid UTF-8"):
        read_seed(path)


def test_html_without_text_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_bytes(b"<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>")
    with pytest.raises(SeedError, match=r"empty\.html: the HTML page has no text"):
        read_seed(path)


def test_unsafe_urls_never_become_links():
    from interlinea.sources.model import safe_url

    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("mailto:x@example.org") and safe_url("../other.html") and safe_url("#note")
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "vbscript:x", "file:///etc/passwd", "java\nscript:x"):
        assert safe_url(bad) is None, bad


def test_expected_files_exist():
    assert sorted(p.stem for p in (FORMATS / "expected").glob("*.xml")) == sorted(SOURCES)
    assert re.search(r"python-docx", (FORMATS / "make_docx.py").read_text(encoding="utf-8"))
