"""The pages made from the edition document (xslt/html/site.xsl): home with the graph of relations,
registers and entry pages (keyword in context), map, timeline, bibliography, about.

They are rendered here alone (the publisher's site outputs, not the texts' pages) for the seed
edition as tei/ holds it, and for TEI from elsewhere published without a manifest (no registers, no
relations, no alignments): every page has one h1, headings in order, unique ids and links that
resolve to pages of the site; the keyword-in-context lines are the names as the TEI has them, in
their block's text; the map has one mark per place with coordinates, inside its frame; the timeline
is in the order of time; two renders give the same bytes; one entry page is golden.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import shutil
from functools import cache
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from interlinea import TEI_NS, XML_NS, __version__, stages
from interlinea.edition import Edition, load_edition
from interlinea.publish import PublishOptions
from interlinea.publish.html import HtmlPublisher
from interlinea.resources import xslt_path
from interlinea.tei_sources import foreign_edition

from html_golden import check_golden
from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "html" / "entity"
GOLDEN_PAGE = "places/almaty.html"
CORPUS = Path("/work/shared/corpus/tei")
# Real TEI from elsewhere: dates in the text (milestones), Arabic (right to left), Greek and Syriac.
FOREIGN = ("historyatstate-milestones", "openarabicpe-al-zuhur", "pta")
T = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"


def site_pages(edition: Edition) -> dict[str, bytes]:
    """Every page site.xsl makes for an edition, by its path in the site."""
    publisher = HtmlPublisher(edition, edition.texts, Path("unused"), PublishOptions())
    return {o.path.as_posix(): publisher.render(o) for o in publisher.outputs() if o.parameters.get("kind") == "site"}


def seed_edition(validated: bool = False) -> Edition:
    edition = load_edition(ROOT)
    edition.keep_state = False  # nothing written into the checkout
    stages.read_tei(edition, edition.texts)
    if validated:
        edition.validation = stages.validate(edition)
    return edition


@pytest.fixture(scope="module")
def seed():
    """The seed edition, validated, and its site pages."""
    edition = seed_edition(validated=True)
    return edition, site_pages(edition)


@pytest.fixture(scope="module")
def parsed(seed) -> dict[str, lxml.html.HtmlElement]:
    return {name: lxml.html.document_fromstring(data) for name, data in seed[1].items()}


@pytest.fixture(scope="module")
def foreign(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus of real TEI ({CORPUS}) is not here")
    edition, problems = foreign_edition([CORPUS / folder for folder in FOREIGN], tmp_path_factory.mktemp("foreign"))
    assert not problems
    return edition, site_pages(edition)


@cache
def tei(text_id: str) -> etree._ElementTree:
    return etree.parse(str(ROOT / "tei" / f"{text_id}.xml"))


@cache
def register(name: str) -> etree._ElementTree:
    return etree.parse(str(ROOT / "tei" / "registers" / f"{name}.xml"))


# ---------------------------------------------------------------------------- every page


def structure_problems(name: str, page: lxml.html.HtmlElement) -> list[str]:
    problems = []
    if page.get("lang") != "en":
        problems.append(f"{name}: html has no lang='en'")
    if not page.findtext("head/title", "").strip():
        problems.append(f"{name}: no <title>")
    if len(page.xpath("//h1")) != 1:
        problems.append(f"{name}: {len(page.xpath('//h1'))} h1")
    levels = [int(h.tag[1]) for h in page.xpath("//main//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]")]
    problems += [f"{name}: h{b} after h{a}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    ids = page.xpath("//@id")
    problems += [f"{name}: the id {i!r} is used {ids.count(i)} times" for i in sorted(set(ids)) if ids.count(i) > 1]
    problems += [f"{name}: inline style or handler on <{e.tag}>" for e in page.iter() if isinstance(e.tag, str) and
                 (e.get("style") is not None or any(a.startswith("on") for a in e.attrib))]
    problems += [f"{name}: a script in the page" for s in page.iter("script") if s.text and s.text.strip()]
    return problems


def test_a_page_made_from_the_edition_document_reads_nothing_but_its_view(seed):
    """The build record remakes a page made from the edition document (home, registers, map,
    timeline, bibliography, about, search, each entry) when its view changed (site_data.page_view):
    made from that view alone, every such page of the seed edition is the one the whole edition
    document gives."""
    from interlinea.publish.site_data import PAGE_READS, page_view

    edition, pages = seed
    publisher = HtmlPublisher(edition, edition.texts, Path("unused"), PublishOptions())
    made = [o for o in publisher.outputs() if o.parameters.get("kind") == "site"]
    assert {o.parameters["page"] for o in made} == set(PAGE_READS) and len(made) > 50
    for output in made:
        viewer = HtmlPublisher(edition, edition.texts, Path("unused"), PublishOptions())
        viewer.__dict__["_edition_tree"] = page_view(publisher._edition_tree, output.parameters["page"], output.parameters.get("entry"))
        assert viewer.render(output) == pages[output.path.as_posix()], output.path


def test_the_seed_edition_has_every_site_page(seed):
    pages = seed[1]
    assert {"index.html", "registers.html", "map.html", "timeline.html", "bibliography.html", "about.html"} <= set(pages)
    entries = {f"{path.stem}/{node.get(XML_ID)}.html" for path in (ROOT / "tei" / "registers").glob("*.xml")
               for node in register(path.stem).iter(f"{T}person", f"{T}place", f"{T}org")}
    assert entries and entries <= set(pages)


@pytest.mark.parametrize("which", ["seed", "foreign"])
def test_every_page_has_one_h1_headings_in_order_and_unique_ids(which, request):
    pages = request.getfixturevalue(which)[1]
    problems = [p for name, data in pages.items() for p in structure_problems(name, lxml.html.document_fromstring(data))]
    assert not problems, "\n".join(problems[:20])


def test_the_structure_check_finds_problems():
    page = lxml.html.document_fromstring(b"<html lang='en'><head><title>t</title></head><body><main><h1>a</h1><h3 id='x'>b</h3><p id='x' style='color:red'>c</p><h1>d</h1></main></body></html>")
    found = structure_problems("bad.html", page)
    assert any("2 h1" in p for p in found) and any("h3 after h1" in p for p in found)
    assert any("'x' is used 2 times" in p for p in found) and any("inline style" in p for p in found)


def site_links(name: str, page: lxml.html.HtmlElement) -> list[str]:
    """The page's links into the site, as paths from the top of the site (with their #anchor)."""
    found = []
    for href in page.xpath("//a/@href"):
        if re.match(r"^[a-z]+:", href):
            continue
        base = Path(name).parent
        path, _, anchor = href.partition("#")
        target = (base / path).as_posix() if path else name
        parts = []
        for part in target.split("/"):
            if part == "..":
                parts.pop()
            elif part not in ("", "."):
                parts.append(part)
        found.append("/".join(parts) + (f"#{anchor}" if anchor else ""))
    return found


def test_links_between_site_pages_resolve(seed, parsed):
    """A link to another page made here resolves, with its anchor; a link to a text's page names a
    block the text's TEI has."""
    ids = {name: set(page.xpath("//@id")) for name, page in parsed.items()}
    problems = []
    for name, page in parsed.items():
        for link in site_links(name, page):
            path, _, anchor = link.partition("#")
            if path in parsed:
                if anchor and anchor not in ids[path]:
                    problems.append(f"{name}: {link}: no such anchor")
            elif path.startswith("texts/"):
                text = path.removeprefix("texts/").removesuffix(".html")
                if anchor and not tei(text).getroot().xpath("//*[@xml:id=$a]", a=anchor):
                    problems.append(f"{name}: {link}: the TEI of {text} has no {anchor}")
            elif not (path.startswith(("parallel/", "tei/", "text/", "cite/", "assets/")) or path == "search.html"):
                problems.append(f"{name}: {link}: not a page of the site")
    assert not problems, "\n".join(problems[:20])


def test_two_renders_give_the_same_bytes(seed):
    again = site_pages(seed_edition(validated=True))
    assert again.keys() == seed[1].keys()
    assert [name for name in again if again[name] != seed[1][name]] == []


# ---------------------------------------------------------------------------- the edition document


def test_the_summary_keeps_every_name_of_the_texts_with_its_own_text(seed):
    """Each mention is a name of the text in the TEI's order, its keyword the name's text, and its
    context the text of its block around it."""
    edition, _ = seed
    document = HtmlPublisher(edition, edition.texts, Path("unused"), PublishOptions())._edition_tree
    site = "{urn:interlinea:site}"
    for text in document.getroot().iter(f"{site}text"):
        root = tei(text.get("id")).getroot()
        expected = []
        for node in root.find(f"{T}text").iter():
            for pointer in (node.get("ref") or "").split():
                if re.match(r"^(.*/)?(persons|places|organisations)\.xml#", pointer):
                    expected.append((pointer, " ".join(block_text(node).split())))
        mentions = text.findall(f"{site}summary/{site}mention")
        assert [(m.get("ref"), m.get("kw")) for m in mentions] == expected, text.get("id")
        for mention in mentions:
            block = root.xpath("//*[@xml:id=$b]", b=mention.get("block"))
            assert block, f"{text.get('id')}: no block {mention.get('block')}"
            line = (mention.get("left").lstrip("…") + mention.get("kw") + mention.get("right").rstrip("…")).strip()
            assert " ".join(line.split()) in " ".join(block_text(block[0]).split()), line


def block_text(element: etree._Element) -> str:
    """An element's text as the summary reads it: line breaks as spaces."""
    parts = [element.text or ""]
    for child in element:
        parts.append(" " if child.tag == f"{T}lb" and child.get("break") != "no" else block_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def test_the_edition_document_has_the_relations_without_a_convert_run(seed):
    """`publish` does not convert: the relations come from the manifest then."""
    edition, _ = seed
    assert edition.relations is None
    document = HtmlPublisher(edition, edition.texts, Path("unused"), PublishOptions())._edition_tree
    relations = document.getroot().findall("{urn:interlinea:site}relation")
    assert {(r.get("kind"), r.get("source"), r.get("target")) for r in relations} >= {
        ("translation", "organise-it.1", "organise-en.1"), ("version", "tir-en-it.1", "tir-en-it.2")}


# ---------------------------------------------------------------------------- home


def test_the_home_page_draws_every_related_work_and_links_every_parallel_view(seed, parsed):
    edition, _ = seed
    page = parsed["index.html"]
    svg = page.xpath("//figure[@class='relations']/svg")[0]
    works = {w.ref: w for w in edition.relations.works} if edition.relations else None
    document = HtmlPublisher(edition, edition.texts, Path("unused"), PublishOptions())._edition_tree.getroot()
    related = {r.get(side) for r in document.findall("{urn:interlinea:site}relation") for side in ("source", "target")}
    assert works is None and len(svg.xpath(".//*[contains(@class, 'work-box')]")) == len(related)
    internal = {w.get("ref") for w in document.findall("{urn:interlinea:site}work") if w.get("external") == "false" and w.get("ref") in related}
    node_links = svg.xpath(".//a[@class='work']/@href")
    assert sorted(h.partition("#")[2] for h in node_links) == sorted(internal)
    alignments = sorted(a.get("href") for a in document.findall("{urn:interlinea:site}alignment"))
    assert sorted(svg.xpath(".//a[@class='parallel-mark']/@href")) == alignments
    listed = page.xpath("//ul[@class='relations-list']//a/@href")
    assert set(alignments) <= set(listed) and set(node_links) <= set(listed)
    assert svg.get("aria-labelledby") and svg.xpath(f".//*[@id='{svg.get('aria-labelledby')}']")
    legend = " ".join(page.xpath("//ul[@class='relations-legend']//text()"))
    for language in ("Bulgarian (bg)", "English (en)", "Italian (it)", "translation", "versions", "siblings", "outside this edition"):
        assert language in legend
    assert svg.xpath(".//*[contains(@class, 'work-external')]"), "Pramen's original, outside the edition, is a dashed node"


def test_the_home_page_lists_the_texts_with_languages_authors_and_dates(parsed):
    cards = parsed["index.html"].xpath("//li[@class='text-card']")
    assert [c.xpath("string(h3/a/@href)") for c in cards] == ["texts/organise-it.html", "texts/organise-en.html", "texts/pramen-bg.html", "texts/tir-en-it.html"]
    first = cards[0].text_content()
    assert "Italian (97%), English (3%)" in first and "6 January 2022" in first and "Demenza HC" in first
    assert cards[2].xpath("string(.//h3//cite/@lang)") == "bg"


# ---------------------------------------------------------------------------- registers and entries


def pointers_to(key: str) -> int:
    """How many times the texts' TEI points to a register entry (register#id)."""
    name, _, identifier = key.partition("#")
    return sum(1 for text in ("organise-it", "organise-en", "pramen-bg", "tir-en-it")
               for node in tei(text).getroot().find(f"{T}text").iter()
               for pointer in (node.get("ref") or "").split()
               if pointer.endswith(f"{name}.xml#{identifier}"))


def test_the_registers_index_counts_every_mention(parsed):
    page = parsed["registers.html"]
    items = page.xpath("//ul[@class='register-index']/li")
    assert len(items) == sum(len(list(register(n).iter(f"{T}{e}"))) for n, e in (("persons", "person"), ("places", "place"), ("organisations", "org")))
    for item in items:
        href = item.xpath("string(a/@href)")
        folder, _, file = href.partition("/")
        count = item.xpath("string(span[@class='mention-count'])")
        expected = pointers_to(f"{folder}#{file.removesuffix('.html')}")
        assert count == ("no mentions" if expected == 0 else f"{expected} mention{'s' if expected != 1 else ''}"), href


def test_an_entry_page_has_names_in_every_language_authority_links_and_every_mention(parsed):
    page = parsed["places/almaty.html"]
    entry = register("places").getroot().xpath("//*[@xml:id='almaty']")[0]
    names = page.xpath("//dl[@class='entry-names']//span[@lang]")
    assert [(n.get("lang"), n.text) for n in names] == sorted(
        [(n.get(f"{{{XML_NS}}}lang"), n.text) for n in entry.iter(f"{T}placeName")],
        key=lambda pair: (pair[0] != "en", {"en": "English", "bg": "Bulgarian", "it": "Italian", "ru": "Russian"}[pair[0]]))
    assert page.xpath("//ul[@class='authorities']//a/@href") == ["http://www.wikidata.org/entity/Q35493"]
    rows = page.xpath("//table[@class='kwic']/tbody/tr")
    assert len(rows) == pointers_to("places#almaty")
    assert {r.get("lang") for r in rows} == {"it", "en", "bg"}
    assert page.xpath("//div[@data-pagefind-body]//h1")
    assert page.xpath("//head/meta[@data-pagefind-filter='register[content]']/@content") == ["Places"]
    assert "43.2775° N, 76.8958° E" in page.text_content()


def test_golden_entry_page(seed, accept):
    check_golden(GOLDEN / GOLDEN_PAGE, seed[1][GOLDEN_PAGE], accept, "the entry page")


def test_data_from_the_registers_stays_inert(tmp_path):
    """A name with markup in it and identifiers that are not what they say become text, never a
    live link or an element."""
    target = tmp_path / "edition"
    shutil.copytree(ROOT / "seeds", target / "seeds")
    shutil.copytree(ROOT / "tei", target / "tei")
    path = target / "tei" / "registers" / "persons.xml"
    tree = etree.parse(str(path))
    putin = tree.getroot().xpath("//*[@xml:id='putin']")[0]
    putin.find(f"{T}persName").text = "<script>alert(1)</script> Putin"
    for kind, value in (("URI", "javascript:alert(1)"), ("wikidata", "Q1 onerror=alert(1)"), ("viaf", "java\tscript:x")):
        etree.SubElement(putin, f"{T}idno", type=kind).text = value
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    edition = load_edition(target)
    stages.read_tei(edition, edition.texts)
    data = site_pages(edition)["persons/putin.html"]
    page = lxml.html.document_fromstring(data)
    assert not page.xpath("//main//script") and b"<script>alert" not in data
    assert "<script>alert(1)</script> Putin" in page.xpath("string(//h1)")
    assert page.xpath("//ul[@class='authorities']//a/@href") == ["http://www.wikidata.org/entity/Q7747"]
    assert "javascript:alert(1)" in page.xpath("string(//ul[@class='authorities'])")


# ---------------------------------------------------------------------------- map


def places_with_coordinates() -> dict[str, tuple[float, float]]:
    found = {}
    for place in register("places").getroot().iter(f"{T}place"):
        geo = place.findtext(f"{T}location/{T}geo")
        if geo:
            lat, lon = (float(v) for v in geo.split())
            found[place.get(XML_ID)] = (lat, lon)
    return found


def test_the_map_has_one_mark_per_place_with_coordinates_inside_its_frame(parsed):
    page = parsed["map.html"]
    svg = page.xpath("//figure[@class='map']/svg")[0]
    _, _, width, height = (float(v) for v in svg.get("viewbox").split())
    marks = svg.xpath(".//a[@class='map-place']")
    expected = places_with_coordinates()
    assert sorted(m.get("href") for m in marks) == sorted(f"places/{key}.html" for key in expected)
    positions = {}
    for mark in marks:
        circle = mark.find("circle")
        x, y = float(circle.get("cx")), float(circle.get("cy"))
        assert 0 < x < width and 0 < y < height, mark.get("href")
        assert mark.get("aria-label") and mark.findtext("title") == mark.get("aria-label")
        positions[mark.get("href")[7:-5]] = (x, y)
    # equirectangular: x grows with longitude and y with latitude (north up), each by one scale,
    # the scale of x that of y times the cosine of the frame's middle latitude (its caption)
    west, east = min(expected, key=lambda k: expected[k][1]), max(expected, key=lambda k: expected[k][1])
    north, south = max(expected, key=lambda k: expected[k][0]), min(expected, key=lambda k: expected[k][0])
    x_scale = (positions[east][0] - positions[west][0]) / (expected[east][1] - expected[west][1])
    y_scale = (positions[south][1] - positions[north][1]) / (expected[north][0] - expected[south][0])
    for key, (lat, lon) in expected.items():
        assert positions[key][0] == pytest.approx(positions[west][0] + (lon - expected[west][1]) * x_scale, abs=0.1), key
        assert positions[key][1] == pytest.approx(positions[north][1] + (expected[north][0] - lat) * y_scale, abs=0.1), key
    caption = page.xpath("string(//figure[@class='map']/figcaption)")
    low, high = (float(m) for m in re.findall(r"(\d+(?:\.\d)?)° N", caption))
    assert x_scale / y_scale == pytest.approx(math.cos(math.radians((low + high) / 2)), rel=0.01)
    # the outline of the countries is drawn, in the frame, with one decimal at most
    outlines = svg.xpath(".//g[@class='map-countries']/path/@d")
    assert len(outlines) > 20
    assert all(re.fullmatch(r"(M-?\d+(\.\d)?,-?\d+(\.\d)?l(-?\d+(\.\d)?,-?\d+(\.\d)?( |(?=z)))*z)+", d) for d in outlines)
    assert len(lxml.html.tostring(svg)) < 80_000
    # the list under the map names every place with coordinates
    assert sorted(page.xpath("//li[starts-with(@id, 'place-')]/@id")) == sorted(f"place-{key}" for key in expected)


def run_map_function(call: str) -> str:
    """A function of xslt/html/map-drawing.xsl, called on the vendored world, its result as JSON."""
    from saxonche import PySaxonProcessor

    stylesheet = f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:il="urn:interlinea:xslt">
      <xsl:import href="{xslt_path('html', 'map-drawing.xsl').as_uri()}"/>
      <xsl:param name="world" as="xs:string"/>
      <xsl:output method="json"/>
      <xsl:template name="xsl:initial-template">
        <xsl:variable name="topology" select="parse-json($world)"/>
        <xsl:sequence select="{call}"/>
      </xsl:template>
    </xsl:stylesheet>"""
    with PySaxonProcessor(license=False) as processor:
        compiled = processor.new_xslt30_processor().compile_stylesheet(stylesheet_text=stylesheet)
        compiled.set_parameter("world", processor.make_string_value(WORLD.read_text(encoding="utf-8")))
        return compiled.call_template_returning_string()


WORLD = xslt_path("html", "data", "world-atlas", "countries-110m.json")


def test_the_stylesheet_decodes_topojson_arcs_as_the_specification_says():
    topology = json.loads(WORLD.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    got = json.loads(run_map_function("array { il:topology-arcs($topology)(7), il:topology-arcs($topology)(300) }"))
    for index, flat in ((6, got[: len(topology["arcs"][6]) * 2]), (299, got[len(topology["arcs"][6]) * 2:])):
        x = y = 0
        expected = []
        for dx, dy in topology["arcs"][index]:
            x, y = x + dx, y + dy
            expected += [x * sx + tx, y * sy + ty]
        assert flat == pytest.approx(expected)


def test_rings_are_clipped_to_the_frame():
    # a square from (-10, -10) to (10, 10), clipped to a map of 100 x 50 (with 2 units of room)
    got = json.loads(run_map_function(
        "array { il:clip-to-frame((-10, -10, 10, -10, 10, 10, -10, 10), map { 'width': 100e0, 'height': 50e0 }) }"))
    corners = {(round(got[i], 6), round(got[i + 1], 6)) for i in range(0, len(got), 2)}
    assert corners == {(-2, -2), (10, -2), (10, 10), (-2, 10)}
    assert json.loads(run_map_function("array { il:clip-to-frame((200, 200, 210, 200, 210, 210), map { 'width': 100e0, 'height': 50e0 }) }")) == []


def test_the_vendored_world_is_the_one_its_readme_names():
    readme = " ".join((WORLD.parent / "README.md").read_text(encoding="utf-8").split())
    digest = hashlib.sha256(WORLD.read_bytes()).hexdigest()
    assert digest in readme and "world-atlas 2.0.2" in readme.replace("**", "")
    assert (WORLD.parent / "LICENSE").is_file()


# ---------------------------------------------------------------------------- timeline


def test_the_timeline_has_every_date_of_the_texts_in_the_order_of_time(parsed):
    page = parsed["timeline.html"]
    entries = page.xpath("//li[@class='timeline-entry']")
    dates = [d for text in ("organise-it", "organise-en", "pramen-bg", "tir-en-it")
             for d in tei(text).getroot().find(f"{T}text").iter(f"{T}date")]
    assert len(entries) == len(dates)
    starts = [tuple(int(p) for p in e.xpath("string(.//time/@datetime)").split("-")) for e in entries]
    assert starts == sorted(starts)
    inferred = sum(1 for d in dates if d.get("evidence") == "conjecture" or d.get("cert") in ("low", "medium"))
    assert inferred and len(page.xpath("//li[@class='timeline-entry']//span[@class='date-inferred']")) == inferred
    assert page.xpath("string(//h2[1])") == "1848"


# ---------------------------------------------------------------------------- bibliography and about


def test_the_bibliography_anchors_every_entry_and_lists_what_cites_it(parsed):
    page = parsed["bibliography.html"]
    keys = [b.get(XML_ID) for b in register("bibliography").getroot().iter(f"{T}bibl") if b.get(XML_ID)]
    assert sorted(page.xpath("//li[@class='bibliography-entry']/@id")) == sorted(keys)
    entry = page.xpath("//li[@id='pramen-colonialism']")[0]
    cited = entry.xpath(".//ul[@class='cited-in']/li/a/@href")
    assert "texts/organise-en.html#organise-en.1.19" in cited and "texts/pramen-bg.html" in cited
    assert all(not href.startswith("javascript") for href in page.xpath("//a/@href"))


def test_the_about_page_says_method_schema_validation_version_and_the_editions_date(parsed, seed):
    text = " ".join(parsed["about.html"].text_content().split())
    assert seed[0].validation.summary() in text
    assert "TEI P5, version 4.3.0" in text and "interlinea.rng" in text
    assert f"Interlinea {__version__}" in text and "22 November 2026" in text
    assert "The text is transcribed as it stands in the seed" in text
    assert parsed["about.html"].xpath("//h3[@id='method-reference']")


# ---------------------------------------------------------------------------- TEI from elsewhere


def test_tei_from_elsewhere_gets_the_same_pages_with_what_it_has(foreign):
    edition, pages = foreign
    assert set(pages) == {"index.html", "registers.html", "map.html", "timeline.html", "bibliography.html", "about.html", "search.html"}
    index = lxml.html.document_fromstring(pages["index.html"])
    assert len(index.xpath("//li[@class='text-card']")) == len(edition.texts)
    assert not index.xpath("//figure")
    assert "no registers" in lxml.html.document_fromstring(pages["registers.html"]).text_content()
    assert "No place of this edition has coordinates" in lxml.html.document_fromstring(pages["map.html"]).text_content()
    timeline = lxml.html.document_fromstring(pages["timeline.html"])
    assert timeline.xpath("//li[@class='timeline-entry']"), "the milestones mark dates"
    titles = index.xpath("//li[@class='text-card']//h3//cite")
    arabic = [t for t in titles if t.get("lang") == "ar"]
    assert arabic and all(t.get("dir") == "rtl" for t in arabic)
    assert all(not t.get("lang") or len(t.get("lang").split("-")[0]) in (2, 3) and t.get("lang") not in ("eng", "ara", "grc-x") for t in titles)
