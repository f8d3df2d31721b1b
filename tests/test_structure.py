"""The structure the converter finds in each seed, checked against what a reader sees in the texts."""

from __future__ import annotations

import pytest
from lxml import etree

from interlinea import TEI_NS

NS = {"tei": TEI_NS}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def tei(seed_edition):
    return {t.id: etree.fromstring(t.tei_bytes) for t in seed_edition.texts}


def texts(root, xpath):
    return ["".join(n.itertext()) for n in root.xpath(xpath, namespaces=NS)]


def test_organise_it_holds_two_works_split_by_the_separator_line(tei):
    root = tei["organise-it"]
    body = root.find(".//tei:body", NS)
    assert [etree.QName(c).localname for c in body] == ["div", "milestone", "div"]
    assert body[1].get("rend") == "———————————————————————————————–"
    assert texts(root, "//tei:div[@type='work'][2]/tei:head") == ["Il colonialismo del XXI secolo"]


def test_headings_open_sections(tei):
    assert texts(tei["organise-it"], "//tei:div[@type='section']/tei:head") == [
        "Primo comunicato:", "Secondo comunicato:", "Media collegati",
    ]
    assert texts(tei["organise-en"], "//tei:div[@type='section']/tei:head") == [
        "First Statement:", "Second Statement:", "Related Media",
    ]


def test_signatures_close_the_statement_they_sign(tei):
    for text_id in ("organise-it", "organise-en"):
        signed = tei[text_id].xpath("//tei:signed", namespaces=NS)
        assert ["".join(s.itertext()) for s in signed] == ["Autonomous Action"]
        section = signed[0].getparent().getparent()
        assert section.get("type") == "section"
        assert section.findtext("tei:head", namespaces=NS).startswith(("Secondo", "Second"))


def test_source_notes_and_translator_credit(tei):
    root = tei["organise-it"]
    sources = root.xpath("//tei:note[@type='source']", namespaces=NS)
    assert [s.xpath("string(tei:ref/@target)", namespaces=NS) for s in sources] == [
        "https://organisemagazine.org.uk/2022/01/06/hands-off-kazakhstan-international",
        "https://pramen.io/en/2022/01/colonialism-of-the-twenty-first-century/",
    ]
    assert texts(root, "//tei:note[@type='translator']") == ["Traduzione a cura di Demenza HC"]


def test_link_lists_keep_label_title_and_url(tei):
    items = tei["organise-en"].xpath("//tei:list[@type='links'][2]/tei:item", namespaces=NS)
    assert len(items) == 4
    first = items[0]
    assert "".join(first.itertext()).startswith("Pramen")
    assert first.findtext("tei:title", namespaces=NS) == "Colonialism of the twenty-first century"
    assert first.find("tei:ref", NS).get("target") == "https://pramen.io/en/2022/01/colonialism-of-the-twenty-first-century"
    assert [i.findtext("tei:orgName", namespaces=NS) for i in items] == ["Pramen", "CrimethInc", "LeftEast", "CRAS-IWA"]
    # 000 lists Pramen without a link, then CrimethInc with one
    items_it = tei["organise-it"].xpath("//tei:list[@type='links'][2]/tei:item", namespaces=NS)
    assert [i.findtext("tei:orgName", namespaces=NS) for i in items_it] == ["Pramen", "CrimethInc"]
    assert items_it[0].find("tei:ref", NS) is None


def test_statement_links_are_labelled_items(tei):
    assert texts(tei["organise-en"], "//tei:list[@type='links'][1]/tei:item") == [
        "First Statement: https://avtonom.org/news/kazahstan-vyshel-na-ulicy-policiya-bezhit",
        "Second Statement: https://avtonom.org/news/protiv-vvoda-v-kazahstan-voysk-stran-chlenov-odkb",
    ]


def test_quoted_social_media_post_with_attribution(tei):
    cit = tei["organise-it"].find(".//tei:cit[@type='socialMedia']", NS)
    quote = cit.find("tei:quote", NS)
    assert quote.get(XML_LANG) == "en"
    assert "".join(quote.itertext()).startswith("Massive protests across Kazakhstan")
    assert [r.get("target") for r in quote.findall("tei:ref", NS)] == [
        "https://t.co/qoxrlQ1lbC", "https://pic.twitter.com/fKY6aPy9f5",
    ]
    assert [r.text for r in quote.findall("tei:ref", NS)][1] == "pic.twitter.com/fKY6aPy9f5"
    bibl = cit.find("tei:bibl", NS)
    assert "".join(bibl.find("tei:author", NS).itertext()) == "Liveuamap (@Liveuamap)"
    assert bibl.findtext("tei:author/tei:orgName", namespaces=NS) == "Liveuamap"
    assert bibl.find("tei:date", NS).get("when") == "2022-01-04"


def test_urls_glued_to_words_and_brackets_are_found_exactly(tei):
    refs = tei["organise-it"].xpath("//tei:p/tei:ref", namespaces=NS)
    targets = [r.get("target") for r in refs]
    assert "https://twitter.com/bad_immigrant" in targets  # "Immigrantc(https://…)"
    assert "https://twitter.com/abdujalil/" in targets  # "(https://…/),"


def test_tir_is_an_english_and_an_italian_version(tei):
    root = tei["tir-en-it"]
    works = root.xpath("//tei:div[@type='work']", namespaces=NS)
    assert len(works) == 2
    assert root.get(XML_LANG) == "en" and works[0].get(XML_LANG) is None and works[1].get(XML_LANG) == "it"
    assert texts(root, "//tei:div[@type='work'][1]/tei:head") == [
        "[INTERNATIONALISM] With the workers and people’s uprising in Kazakhistan. Down with the Capitalist regime, Russian troops go home",
        "Down With the Capitalist Regime, Russian Troops Go Home!",
    ]
    assert texts(root, "//tei:div[@type='work'][2]/tei:head") == ["abbasso il regime capitalista, fuori le truppe russe!"]
    assert texts(root, "//tei:div[@type='work'][2]/tei:byline") == ["– Tendenza internazionalista rivoluzionaria"]


def test_tir_closers_dateline_and_signatures(tei):
    root = tei["tir-en-it"]
    date = root.find(".//tei:dateline/tei:date", NS)
    assert (date.text, date.get("when")) == ("January 10, 2022", "2022-01-10")
    assert texts(root, "//tei:closer/tei:signed") == [
        "Tendenza Internazionalista Rivoluzionaria", "Tendenza internazionalista rivoluzionaria",
    ]


def test_site_navigation_and_image_caption(tei):
    root = tei["tir-en-it"]
    assert texts(root, "//tei:body/tei:fw[@type='navigation']") == ["Approfondimenti politiciCobasINTERNATIONAL"]
    caption = root.find(".//tei:figure/tei:head", NS)
    assert caption.text.startswith("Veicoli militari russi") and caption.get(XML_LANG) == "it"


def test_hard_wrapped_lines_are_joined(tei):
    paragraphs = texts(tei["tir-en-it"], "//tei:p")
    assert any("strengthening of the integration of the Eurasian Economic Union" in p for p in paragraphs)
    assert any("30th anniversary of the Kazakh Republic." in p for p in paragraphs)
    assert any("in the energy and mining sectors" in p for p in paragraphs)
    assert not any(p == "Kazakh Republic." for p in paragraphs)


def test_one_paragraph_per_line_texts(tei):
    assert len(tei["pramen-bg"].xpath("//tei:body//tei:p", namespaces=NS)) == 9
    assert len(tei["organise-en"].xpath("//tei:div[@type='section'][1]/tei:p", namespaces=NS)) == 4


def test_header_titles_authors_translators(tei):
    root = tei["organise-it"]
    assert root.xpath("string(//tei:titleStmt/tei:title[@xml:lang='en'])", namespaces=NS).startswith("Hands off Kazakhstan")
    assert texts(root, "//tei:titleStmt/tei:author") == ["Organise!", "Autonomous Action", "Pramen"]
    assert texts(root, "//tei:titleStmt/tei:respStmt[tei:resp='translation']/tei:name") == ["Demenza HC"]
    langs = root.xpath("//tei:langUsage/tei:language/@ident", namespaces=NS)
    assert langs == ["it", "en"]


def test_translation_relations_from_the_manifest(tei):
    relations = tei["organise-it"].xpath("//tei:standOff/tei:listRelation/tei:relation", namespaces=NS)
    assert [dict(r.attrib) for r in relations] == [
        {"name": "sibling", "mutual": "#organise-it.2 pramen-bg.xml#pramen-bg.1", "type": "derived"},
        {"name": "translation", "active": "#organise-it.1", "passive": "organise-en.xml#organise-en.1"},
        {"name": "translation", "active": "#organise-it.2", "passive": "registers/bibliography.xml#pramen-colonialism"},
    ]
    (tir,) = tei["tir-en-it"].xpath("//tei:relation", namespaces=NS)
    assert dict(tir.attrib) == {"name": "version", "mutual": "#tir-en-it.1 #tir-en-it.2", "cert": "medium"}
    # the original lists its translation too: a relation is found from either side
    (original,) = tei["organise-en"].xpath("//tei:relation", namespaces=NS)
    assert (original.get("active"), original.get("passive")) == ("organise-it.xml#organise-it.1", "#organise-en.1")
