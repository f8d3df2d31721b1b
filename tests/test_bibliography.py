"""The bibliography register and the works-cited pass: every work the seeds cite or come from is
described once, from what the seeds say, and every link, cited title, quoted post and source
description points to its entry."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from interlinea.bibliography import load_bibliography, title_key, url_key
from interlinea.passes import works_cited
from interlinea.tei import NS, XML_ID

from conftest import ROOT

REGISTER = ROOT / "tei" / "registers" / "bibliography.xml"
SEEDS = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*")) if p.is_file())


@pytest.fixture(scope="module")
def bibliography():
    return load_bibliography(ROOT / "tei" / "registers")


def test_every_work_the_seeds_cite_or_come_from_has_an_entry(bibliography):
    assert sorted(bibliography.entries) == sorted([
        "organise-hands-off", "avtonom-first-statement", "avtonom-second-statement", "pramen-colonialism",
        "crimethinc-uprising", "lefteast-interview", "cras-statement", "tiktok-akobi-police",
        "liveuamap-central-asia", "liveuamap-tweet-2022-01-04", "bad-immigrant-account", "abdurasulov-account",
        "tir-statement-en", "tir-statement-it",
    ])


def test_entries_say_only_what_the_seeds_give(bibliography):
    """No invented fact: every URL is in a seed (with or without its final slash), every title that is
    not the editors' own (type="desc") is quoted in a seed or the manifest, every date is in the text
    or the URL."""
    urls = {url_key(u) for u in re.findall(r"https?://[^\s\"()]+", SEEDS)}
    tree = etree.parse(str(REGISTER))
    for entry in tree.iterfind(".//tei:listBibl/tei:bibl", NS):
        key = entry.get(XML_ID)
        url = entry.find("tei:ref", NS)
        if url is not None:
            assert url_key(url.get("target")) in urls, key
            assert url.text == url.get("target"), key
        for title in entry.iterfind("tei:title", NS):
            if title.get("type") != "desc":
                assert title_key(title.text) in title_key(SEEDS), (key, title.text)
        date = entry.find("tei:date", NS)
        if date is not None:
            when = date.get("when")
            in_url = url is not None and when.replace("-", "/") in url.get("target")
            in_text = key.startswith("tir-") or key.startswith("liveuamap-tweet")  # a dateline, a post's date
            assert in_url or in_text, key
            if in_url:
                assert date.get("cert") == "medium", f"{key}: a date read from a URL is an inference"


def test_lookups_are_loose_on_the_form_and_strict_on_ambiguity(bibliography):
    assert bibliography.find_url("http://www.pramen.io/en/2022/01/colonialism-of-the-twenty-first-century").key == "pramen-colonialism"
    assert bibliography.find_title("“The Uprising in Kazakhstan”").key == "crimethinc-uprising"
    assert bibliography.find_title("Primo comunicato").key == "avtonom-first-statement"
    assert bibliography.find_title("Kazakhstan") is None
    assert bibliography.find_post("2022-01-04", {"liveuamap"}).key == "liveuamap-tweet-2022-01-04"
    assert bibliography.find_post("2022-01-05", {"liveuamap"}) is None


def _points(tree, xpath):
    return [node.get("sameAs") or node.get("corresp") or node.get("ref") for node in tree.xpath(xpath, namespaces=NS)]


def test_links_titles_posts_and_sources_point_to_their_entries(seed_edition):
    texts = {t.id: t.tree for t in seed_edition.texts}
    english, italian = texts["organise-en"], texts["organise-it"]
    assert _points(english, "//tei:text//tei:ref[@target='https://aitrus.info/node/5884']") == ["registers/bibliography.xml#cras-statement"]
    assert "registers/bibliography.xml#lefteast-interview" in _points(english, "//tei:text//tei:title")
    assert _points(italian, "//tei:cit/tei:bibl") == ["registers/bibliography.xml#liveuamap-tweet-2022-01-04"]
    # the Italian's source note ("Originale da …") and the English's list both point to Pramen's entry
    assert "registers/bibliography.xml#pramen-colonialism" in _points(italian, "//tei:text//tei:ref")
    assert "registers/bibliography.xml#pramen-colonialism" in _points(english, "//tei:text//tei:ref")
    # every source description points to the entry of its publication or original
    sources = {
        text_id: _points(tree, "//tei:sourceDesc/tei:bibl[@type='original']")
        for text_id, tree in texts.items()
    }
    assert sources == {
        "organise-it": ["registers/bibliography.xml#organise-hands-off", "registers/bibliography.xml#pramen-colonialism"],
        "organise-en": ["registers/bibliography.xml#organise-hands-off"],
        "pramen-bg": ["registers/bibliography.xml#pramen-colonialism"],
        "tir-en-it": ["registers/bibliography.xml#tir-statement-en", "registers/bibliography.xml#tir-statement-it"],
    }
    # only links the register does not describe stay without a pointer: the post's own short links
    unlinked = sorted(r.get("target") for tree in texts.values() for r in tree.xpath("//tei:text//tei:ref[not(@corresp)]", namespaces=NS))
    assert unlinked == ["https://pic.twitter.com/fKY6aPy9f5", "https://t.co/qoxrlQ1lbC"]


def test_the_pass_takes_back_pointers_that_no_longer_match(seed_edition, bibliography):
    tree = etree.ElementTree(etree.fromstring(etree.tostring(next(t.tree for t in seed_edition.texts if t.id == "organise-en"))))
    before = etree.tostring(tree)
    works_cited.link_works(tree, bibliography)
    assert etree.tostring(tree) == before, "idempotent"
    del bibliography.entries["cras-statement"]
    try:
        works_cited.link_works(tree, bibliography)
    finally:
        bibliography.entries.clear()
        bibliography.entries.update(load_bibliography(ROOT / "tei" / "registers").entries)
    assert not tree.xpath("//*[@corresp='registers/bibliography.xml#cras-statement' or @ref='registers/bibliography.xml#cras-statement']")
    assert tree.xpath("//tei:ref[@target='https://aitrus.info/node/5884']", namespaces=NS)
