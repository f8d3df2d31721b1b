"""Languages: every block of the seeds matches the gold; inheritance; overrides; other languages and scripts."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from lxml import etree

from interlinea import TEI_NS
from interlinea.cli import main
from interlinea.edition import load_edition
from interlinea.langid import candidates_for, identify_passage
from interlinea import stages

from conftest import ROOT

NS = {"tei": TEI_NS}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def effective_language(node):
    for ancestor in [node, *node.iterancestors()]:
        if ancestor.get(XML_LANG):
            return ancestor.get(XML_LANG)
    return None


def block_languages(root, text_id):
    """xml:id -> the language of the block's text (for a quoted post, the quotation's)."""
    found = {}
    for node in root.xpath("//tei:body/tei:fw | //tei:body//*[@n][not(self::tei:div)]", namespaces=NS):
        key = node.get(XML_ID) or f"{text_id}.fw"
        quote = node.find("tei:quote", NS)
        found[key] = effective_language(quote if quote is not None else node)
    return found


def gold():
    rows = {}
    for line in (ROOT / "tests" / "gold" / "languages.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        text_id, xml_id, lang, _ = line.split("\t", 3)
        rows.setdefault(text_id, {})[xml_id] = lang
    return rows


GOLD = gold()


@pytest.mark.parametrize("text_id", sorted(GOLD))
def test_every_block_has_the_language_of_the_gold(seed_edition, text_id):
    text = next(t for t in seed_edition.texts if t.id == text_id)
    got = block_languages(etree.fromstring(text.tei_bytes), text_id)
    wrong = {k: (GOLD[text_id][k], got.get(k)) for k in GOLD[text_id] if got.get(k) != GOLD[text_id][k]}
    assert not wrong, f"(gold, converter) differ for {wrong}"
    assert set(got) == set(GOLD[text_id])


def test_xml_lang_is_written_only_where_it_changes(seed_edition):
    """In the text, xml:lang marks a change of language only. (In the header every title carries its
    language on purpose, so that a title can be picked by language without working out inheritance.)"""
    for text in seed_edition.texts:
        root = etree.fromstring(text.tei_bytes)
        for node in root.find("tei:text", NS).iter():
            if isinstance(node.tag, str) and node.get(XML_LANG):
                assert effective_language(node.getparent()) != node.get(XML_LANG), (
                    f"{text.id}: redundant xml:lang on <{etree.QName(node).localname}> line {node.sourceline}"
                )


def test_lang_usage_gives_shares_that_sum_to_100(seed_edition):
    usages = {}
    for text in seed_edition.texts:
        root = etree.fromstring(text.tei_bytes)
        languages = root.findall(".//tei:langUsage/tei:language", NS)
        shares = {l.get("ident"): int(l.get("usage")) for l in languages}
        assert sum(shares.values()) == 100 and all(v >= 1 for v in shares.values())
        assert languages[0].get("ident") == root.get(XML_LANG), "the text's own language comes first"
        usages[text.id] = shares
    assert usages["pramen-bg"] == {"bg": 100}
    assert usages["organise-it"]["it"] > 90 and 1 <= usages["organise-it"]["en"] <= 5
    assert 40 <= usages["tir-en-it"]["en"] <= 60


PARAGRAPHS = {
    "de": "Die Proteste in Kasachstan begannen am zweiten Januar, als die Preise für Flüssiggas stark "
    "stiegen. Innerhalb weniger Tage breiteten sie sich über das ganze Land aus, und die Regierung trat zurück.",
    "ru": "Протесты в Казахстане начались второго января, когда резко выросли цены на сжиженный газ. "
    "За несколько дней они охватили всю страну, и правительство ушло в отставку.",
    "bg": "Протестите в Казахстан започнаха на втори януари, когато цените на втечнения газ рязко се "
    "покачиха. За няколко дни те обхванаха цялата страна и правителството подаде оставка.",
    "mk": "Протестите во Казахстан започнаа на втори јануари, кога цените на течниот гас нагло "
    "пораснаа. За неколку дена тие ја зафатија целата земја, а владата поднесе оставка.",
    "ar": "بدأت الاحتجاجات في كازاخستان في الثاني من يناير عندما ارتفعت أسعار الغاز المسال بشكل حاد. "
    "وخلال أيام قليلة امتدت إلى البلاد كلها واستقالت الحكومة.",
    "he": "ההפגנות בקזחסטן החלו בשני בינואר, כאשר מחירי הגז הנוזלי עלו בחדות. תוך ימים ספורים הן "
    "התפשטו לכל המדינה והממשלה התפטרה.",
    "en": "The protests in Kazakhstan began on the second of January, when the price of liquefied gas "
    "rose sharply. Within a few days they had spread across the whole country, and the government resigned.",
    "it": "Le proteste in Kazakhstan sono iniziate il due gennaio, quando il prezzo del gas liquefatto è "
    "salito bruscamente. In pochi giorni si sono estese a tutto il paese e il governo si è dimesso.",
}


def convert_small(make_edition, text: str, lang: str | None = None, extra: str = ""):
    root = make_edition({"t": text}, lang=lang or "en", extra=extra)
    manifest = root / "seeds" / "edition.toml"
    if lang is None:  # no language in the manifest: the converter must find it
        manifest.write_text(manifest.read_text(encoding="utf-8").replace('lang = "en"\n', ""), encoding="utf-8")
    edition = load_edition(root)
    stages.convert(edition, edition.texts)
    return etree.fromstring(edition.texts[0].tei_bytes), edition.texts[0]


@pytest.mark.parametrize("lang", ["de", "ru", "bg", "mk", "ar", "he"])
def test_a_text_without_a_declared_language_is_identified(make_edition, lang):
    """Languages outside the seed corpus, Cyrillic neighbours, and right-to-left scripts."""
    root, _ = convert_small(make_edition, f"Title\n\n{PARAGRAPHS[lang]}\n\n{PARAGRAPHS[lang]}\n")
    assert root.get(XML_LANG) == lang
    assert [l.get("ident") for l in root.findall(".//tei:langUsage/tei:language", NS)] == [lang]


def test_cyrillic_passages_are_told_apart(make_edition):
    """A Russian paragraph in a Bulgarian text is Russian, not Bulgarian (and vice versa)."""
    root, _ = convert_small(make_edition, f"{PARAGRAPHS['bg']}\n\n{PARAGRAPHS['ru']}\n\n{PARAGRAPHS['bg']}\n", lang="bg")
    langs = [effective_language(p) for p in root.iterfind(".//tei:body//tei:p", NS)]
    assert langs == ["bg", "ru", "bg"]


def test_a_passage_in_another_declared_language_is_marked(make_edition):
    root, _ = convert_small(make_edition, f"{PARAGRAPHS['en']}\n\n{PARAGRAPHS['it']}\n\n{PARAGRAPHS['en']}\n", lang="en", extra="")
    ps = root.findall(".//tei:body//tei:p", NS)
    # Italian is not declared anywhere in this manifest: caught by the broad identifier (long passage)
    assert [p.get(XML_LANG) for p in ps] == [None, "it", None]


def test_an_undeclared_language_needs_a_long_passage(make_edition):
    short = "Die Regierung trat zurück."
    root, _ = convert_small(make_edition, f"{PARAGRAPHS['en']}\n\n{short}\n\n{PARAGRAPHS['en']}\n", lang="en")
    assert [p.get(XML_LANG) for p in root.findall(".//tei:body//tei:p", NS)] == [None, None, None]


def test_short_and_neutral_blocks_inherit(make_edition):
    text = f"{PARAGRAPHS['it']}\n\nhttps://example.org/news\n\nAutonomous Action\n"
    root, converted = convert_small(make_edition, text, lang="it", extra="")
    assert all(n.get(XML_LANG) is None for n in root.find(".//tei:body", NS).iter())
    reasons = [d.reason for d in converted.languages.decisions]
    assert reasons[0] == "detected" and reasons[1].startswith("inherited")


def test_the_manifest_overrides_the_identifier(make_edition):
    extra = '[[text.passage]]\nmatch = "The protests in Kazakhstan"\nlang = "de"\n'
    root, converted = convert_small(make_edition, f"{PARAGRAPHS['it']}\n\n{PARAGRAPHS['en']}\n", lang="it", extra=extra)
    ps = root.findall(".//tei:body//tei:p", NS)
    assert [p.get(XML_LANG) for p in ps] == [None, "de"]
    assert converted.languages.decisions[1].reason == "manifest"


def test_the_manifest_text_language_wins(make_edition):
    root, _ = convert_small(make_edition, f"Titolo\n\n{PARAGRAPHS['it']}\n", lang="en")
    assert root.get(XML_LANG) == "en"


def test_identify_passage_thresholds():
    candidates = candidates_for(["it", "en"])
    assert identify_passage("Pramen", candidates).reason == "neutral"
    assert identify_passage("https://a.org/x https://b.org/y", candidates).reason == "neutral"
    guess = identify_passage("Veicoli militari russi in attesa di essere caricati su aerei.", candidates)
    assert (guess.lang, guess.reason) == ("it", "detected") and guess.confidence > 0.9
    assert set(candidates_for(["bg"])) >= {"bg", "ru", "mk"}


def test_languages_command_shows_every_decision():
    result = CliRunner().invoke(main, ["languages", "tir-en-it", "--edition", str(ROOT)])
    assert result.exit_code == 0, result.output
    assert "tir-en-it: en (manifest)" in result.stdout
    caption = next(l for l in result.stdout.splitlines() if "Veicoli militari" in l)
    assert "caption" in caption and "it*" in caption and "manifest" in caption
    as_json = json.loads(CliRunner().invoke(main, ["languages", "--format", "json", "--edition", str(ROOT)]).stdout)
    assert [t["text"] for t in as_json] == ["organise-it", "organise-en", "pramen-bg", "tir-en-it"]
    post = next(b for b in as_json[0]["blocks"] if b["kind"] == "post")
    assert post["xml_lang"] == "en" and post["written"]
