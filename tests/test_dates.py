"""The dates pass: tables of cases per language (Italian, English, Bulgarian, and German, French,
Russian and Spanish by configuration alone), what is never a date, the year inferred from the text's
own date, and the pass over the four seeds converted in memory: every date found, valid against the
project schema and tei_all, lossless, and run twice the same."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from lxml import etree

from interlinea.date_languages import WORDS, language
from interlinea.dates import infer_year
from interlinea.edition import load_edition
from interlinea import stages
from interlinea.passes import PASSES, PassContext, dates, run_passes
from interlinea.tei import NS, XML_ID, local_name
from interlinea.validate.schemas import project_schema_for
from interlinea.xmlio import serialize

from conftest import ROOT

INFERRED = (("cert", "medium"), ("evidence", "conjecture"))


def found(text: str, lang: str, reference: str | None = None) -> list[tuple[str, dict[str, str]]]:
    """(the characters of each date, its attributes)."""
    return [(text[f.start:f.end], f.attrs) for f in dates.find_dates(text, lang, reference)]


def when(value: str, cert: str | None = None) -> dict[str, str]:
    return {"when": value, **({"cert": cert, "evidence": "conjecture"} if cert else {})}


# -- the year of a day written without one -------------------------------------------------------------


@pytest.mark.parametrize(
    "month, day, reference, expected",
    [
        (1, 2, "2022-01-10", (date(2022, 1, 2), "medium")),  # before the text's date: that year
        (1, 10, "2022-01-10", (date(2022, 1, 10), "medium")),  # the text's own day
        (12, 5, "2022-01-10", (date(2021, 12, 5), "medium")),  # "December" in a January text: the year before
        (1, 12, "2022-01-10", (date(2022, 1, 12), "low")),  # two days later: announced, same year, less sure
        (2, 10, "2022-01-10", (date(2022, 2, 10), "low")),  # 31 days later: still announced
        (2, 11, "2022-01-10", (date(2021, 2, 11), "medium")),  # 32 days later: last year's
        (1, 31, "2022-01", (date(2022, 1, 31), "medium")),  # a text of January: its last day counts
        (2, 20, "2022-01", (date(2022, 2, 20), "low")),
        (3, 20, "2022-01", (date(2021, 3, 20), "medium")),
        (7, 14, "2022", (date(2022, 7, 14), "low")),  # a text dated by its year only
        (2, 29, "2022-01-10", None),  # no 29 February in 2022
        (1, 2, None, None),  # a text without a date: no year
        (1, 2, "January", None),
    ],
)
def test_infer_year(month, day, reference, expected):
    assert infer_year(month, day, reference) == expected


# -- language data -----------------------------------------------------------------------------------------


def test_month_names_come_from_cldr_in_every_form():
    """Wide and abbreviated, format (genitive) and stand-alone, as CLDR writes them and capitalised."""
    assert language("it").months["gennaio"] == 1 and language("it").months["Gennaio"] == 1
    assert language("bg").months["януари"] == 1 and language("bg").months["декември"] == 12
    assert language("ru").months["января"] == 1 and language("ru").months["январь"] == 1  # genitive, nominative
    assert language("en").months["Dec"] == 12 and "Dec" in language("en").abbreviations
    assert "may" not in language("en").months  # English months are capitalised: "may" is a verb
    assert language("de").day_suffixes == (".",)  # "5. Januar", from CLDR's "d. MMMM y"
    assert language("es").links == ("de",)  # "5 de enero de 2022", from "d 'de' MMMM 'de' y"
    assert language("bg").year_marks[0] == "г."  # "2022 г.", from "d MMMM y 'г'."
    assert language("sr-Latn").months["januar"] == 1  # a script subtag reaches CLDR's own data
    assert language("xx") is None  # CLDR does not know it: no dates


def test_the_word_table_is_data_for_each_language():
    assert set(WORDS) >= {"en", "it", "bg", "de", "fr"}
    for code, words in WORDS.items():
        for word in (*words.years, *words.since, *words.until, *words.lists, *words.year_marks):
            assert word and word == " ".join(word.split()), (code, word)


# -- tables of cases -------------------------------------------------------------------------------------------

CASES = {
    "it": [
        ("Il 2 gennaio 2022 sono scoppiate delle proteste", None, [("2 gennaio 2022", when("2022-01-02"))]),
        ("la loro protesta è iniziata il 2 gennaio ma", "2022-01-06", [("2 gennaio", when("2022-01-02", "medium"))]),
        ("(al momento 6 gennaio) di lingua inglese", "2022-01-06", [("6 gennaio", when("2022-01-06", "medium"))]),
        ("lo stesso Biden il 5 dicembre scorso", "2022-01-10", [("5 dicembre", when("2021-12-05", "medium"))]),
        ("il 1° maggio 1886", None, [("1° maggio 1886", when("1886-05-01"))]),
        ("rivoluzioni ungheresi nel 1848 e nel 1956", None, [("1848", when("1848")), ("1956", when("1956"))]),
        ("durante le proteste del 2020 in Bielorussia", None, [("2020", when("2020"))]),
        ("a partire dal dicembre 2011 quando la polizia", None, [("a partire dal dicembre 2011", {"from": "2011-12"})]),
        ("cui dal 2005 si sono aggiunte", None, [("dal 2005", {"from": "2005"})]),
        ("dall’8 gennaio", "2022-01-10", [("dall’8 gennaio", {"from": "2022-01-08", "cert": "medium", "evidence": "conjecture"})]),
        ("dal 2005 al 2010", None, [("dal 2005 al 2010", {"from": "2005", "to": "2010"})]),
        ("tra il 2005 e il 2010", None, [("tra il 2005 e il 2010", {"notBefore": "2005", "notAfter": "2010"})]),
        ("fino al 2010", None, [("fino al 2010", {"to": "2010"})]),
        ("nel dicembre 2011", None, [("dicembre 2011", when("2011-12"))]),
        # never dates
        ("i dati ufficiali danno 162 morti e 8 mila arresti", "2022-01-10", []),
        ("(2,7 milioni di kmq) con il 40% della produzione, salire dell’8%", "2022-01-10", []),
        ("per il 30° anniversario della repubblica", "2022-01-10", []),
        ("dai 70 ai 120 tenge per litro", None, []),
        ("un aumento del 2000%", None, []),
        ("Il colonialismo del XXI secolo", None, []),
        ("licenziati a maggio (in mille!)", "2022-01-10", []),  # a month alone
        ("il 2022 è stato", None, []),  # "il" alone licenses no year
        ("Gen 2 e mar 3", "2022-01-10", []),  # abbreviations need a year
    ],
    "en": [
        ("On 2nd January 2022, mass protests broke out", None, [("2nd January 2022", when("2022-01-02"))]),
        ("their protest began on January 2, but", "2022-01-06", [("January 2", when("2022-01-02", "medium"))]),
        ("January 10, 2022", None, [("January 10, 2022", when("2022-01-10"))]),
        ("with a few days delay on 7 January.", "2022-01-10", [("7 January", when("2022-01-07", "medium"))]),
        ("on 5 December Biden himself", "2022-01-10", [("5 December", when("2021-12-05", "medium"))]),
        ("the 2nd of January", "2022-01-10", [("2nd of January", when("2022-01-02", "medium"))]),
        ("a strike on 12 January", "2022-01-10", [("12 January", when("2022-01-12", "low"))]),
        ("revolutions in 1848 and 1956, with the tanks in 1968 and in 1979", None,
         [("1848", when("1848")), ("1956", when("1956")), ("1968", when("1968")), ("1979", when("1979"))]),
        ("in 1848, 1956 and 1968", None, [("1848", when("1848")), ("1956", when("1956")), ("1968", when("1968"))]),
        ("ever since December 2011 when the police fired", None, [("since December 2011", {"from": "2011-12"})]),
        ("Since 2005, they have been joined", None, [("Since 2005", {"from": "2005"})]),
        ("from 1991 to 2022", None, [("from 1991 to 2022", {"from": "1991", "to": "2022"})]),
        ("between 2005 and 2010", None, [("between 2005 and 2010", {"notBefore": "2005", "notAfter": "2010"})]),
        ("until 2010", None, [("until 2010", {"to": "2010"})]),
        ("Dec 2011 and Jan. 5, 2022", None, [("Dec 2011", when("2011-12")), ("Jan. 5, 2022", when("2022-01-05"))]),
        # never dates
        ("Official figures report 162 deaths and 8,000 arrests", "2022-01-10", []),
        ("2.7 million square kilometres, 55 percent, 40% of global production", "2022-01-10", []),
        ("$20 billion, 2,000 people, from about 0.12 to 0.24 euros", "2022-01-10", []),
        ("on the 30th anniversary of the Kazakh Republic", "2022-01-10", []),
        ("https://organisemagazine.org.uk/2022/01/06/hands-off", "2022-01-10", []),  # outside a ref too
        ("(at this time 06/01) in Kazakhstan", "2022-01-10", []),  # numeric: day or month first?
        ("at least 14 were killed in 2000 cases of 1956", None, [("2000", when("2000"))]),  # "of" licenses nothing
        ("in the 1990s", None, []),
        ("from 2000 to 1500 people", None, []),  # not two years in order
        ("1956 was the year", None, []),  # a bare number
        ("in 1848–1849", None, []),  # glued to another number
        ("who had been dismissed in May", "2022-01-10", []),  # a month alone
        ("Last summer, these workers", "2022-01-10", []),
        ("we may 2 times", "2022-01-10", []),  # "may" is not a month in English
        ("on 31 February 2022", None, []),  # no such day
        ("2 January", None, []),  # no date of the text: no year, no tag
    ],
    "bg": [
        ("до вечерта на 5 януари Алмати", "2022-01", [("5 януари", when("2022-01-05", "medium"))]),
        ("по време на протестите през 2020 г. в Беларус", None, [("2020 г.", when("2020"))]),
        ("през 1956 и 1968", None, [("1956", when("1956")), ("1968", when("1968"))]),
        ("на 10 януари 2022 г.", None, [("10 януари 2022 г.", when("2022-01-10"))]),
        ("декември 2011 г.", None, [("декември 2011 г.", when("2011-12"))]),
        ("5-ти декември", "2022-01-10", [("5-ти декември", when("2021-12-05", "medium"))]),
        ("от 2005 до 2010 г.", None, [("от 2005 до 2010 г.", {"from": "2005", "to": "2010"})]),
        ("между 2005 и 2010", None, [("между 2005 и 2010", {"notBefore": "2005", "notAfter": "2010"})]),
        # never dates: "от" is also "of" and "до" "up to"
        ("група от 2000 души, до 3000 души", None, []),
        ("Колониализмът на XXI век", None, []),
        ("162 загинали и 8000 арестувани", "2022-01-10", []),
    ],
    # languages by configuration alone: CLDR's month names and literals, and their rows of WORDS
    "de": [
        ("Am 5. Januar 2022 begann", None, [("5. Januar 2022", when("2022-01-05"))]),
        ("am 7. Januar", "2022-01-10", [("7. Januar", when("2022-01-07", "medium"))]),
        ("seit 2005", None, [("seit 2005", {"from": "2005"})]),
        ("im Dezember 2011", None, [("Dezember 2011", when("2011-12"))]),
        ("im Jahr 1956", None, [("1956", when("1956"))]),
        ("von 1991 bis 2022", None, [("von 1991 bis 2022", {"from": "1991", "to": "2022"})]),
        ("zwischen 2005 und 2010", None, [("zwischen 2005 und 2010", {"notBefore": "2005", "notAfter": "2010"})]),
        ("1956 wurde", None, []),  # German writes a bare year: without a listed word it is a number
        ("bis 2000 Euro, 8.000 Festnahmen", None, []),
    ],
    "fr": [
        ("le 1er janvier 2022", None, [("1er janvier 2022", when("2022-01-01"))]),
        ("le 5 décembre", "2022-01-10", [("5 décembre", when("2021-12-05", "medium"))]),
        ("depuis 2005", None, [("depuis 2005", {"from": "2005"})]),
        ("en 1956 et 1968", None, [("1956", when("1956")), ("1968", when("1968"))]),
        ("entre 2005 et 2010", None, [("entre 2005 et 2010", {"notBefore": "2005", "notAfter": "2010"})]),
        ("2 000 personnes, 40 %", None, []),
    ],
    "ru": [
        ("7 января 2022 года", None, [("7 января 2022 года", when("2022-01-07"))]),
        ("7 января", "2022-01-10", [("7 января", when("2022-01-07", "medium"))]),
        ("с 2005 года", None, [("2005 года", when("2005"))]),  # "с" is also "with": not a since-word
        ("с 2000 человек", None, []),
    ],
    # no row in WORDS: dates with month names from CLDR alone, no bare years
    "es": [
        ("el 5 de enero de 2022", None, [("5 de enero de 2022", when("2022-01-05"))]),
        ("en diciembre de 2011", None, [("diciembre de 2011", when("2011-12"))]),
        ("en 1956", None, []),
    ],
}


@pytest.mark.parametrize(
    "lang, text, reference, expected",
    [(lang, *case) for lang, cases in CASES.items() for case in cases],
    ids=[f"{lang}:{case[0][:40]}" for lang, cases in CASES.items() for case in cases],
)
def test_dates_in_running_text(lang, text, reference, expected):
    assert found(text, lang, reference) == expected


def test_the_language_decides_the_month_names():
    assert found("il 5 gennaio 2022", "en") == []
    assert found("il 5 gennaio 2022", "it-CH") == [("5 gennaio 2022", when("2022-01-05"))]
    assert found("5 January 2022", "zz") == []  # a language nobody knows


# -- the seeds, converted in memory ------------------------------------------------------------------------

# Every date of the running text of each seed: (block, characters, attributes). The converter's own
# dates (a dateline, the date of a quoted post) are in the list too, marked by the block kind.
SEED_DATES = {
    "organise-it": [
        ("organise-it.1.2", "2 gennaio 2022", when("2022-01-02")),
        ("organise-it.1.5", "2 gennaio", when("2022-01-02", "medium")),  # the text of 6 January 2022
        ("organise-it.1.15", "1848", when("1848")),
        ("organise-it.1.15", "1956", when("1956")),
        ("organise-it.1.15", "1968", when("1968")),
        ("organise-it.1.15", "1979", when("1979")),
        ("organise-it.1.31", "January 4, 2022", when("2022-01-04")),  # the converter's, in a quoted post
        ("organise-it.1.33", "6 gennaio", when("2022-01-06", "medium")),
        ("organise-it.2.3", "5 gennaio", when("2022-01-05", "medium")),  # Pramen's text of January 2022
        ("organise-it.2.8", "2020", when("2020")),  # "le proteste del 2020"
    ],
    "organise-en": [
        ("organise-en.1.1", "2nd January 2022", when("2022-01-02")),
        ("organise-en.1.4", "January 2", when("2022-01-02", "medium")),
        ("organise-en.1.11", "1848", when("1848")),
        ("organise-en.1.11", "1956", when("1956")),  # "in 1848 and 1956"
        ("organise-en.1.11", "1968", when("1968")),
        ("organise-en.1.11", "1979", when("1979")),
    ],
    "pramen-bg": [
        ("pramen-bg.1.2", "5 януари", when("2022-01-05", "medium")),
        ("pramen-bg.1.5", "2020 г.", when("2020")),
    ],
    "tir-en-it": [
        ("tir-en-it.1.3", "2 January", when("2022-01-02", "medium")),  # the text of 10 January 2022
        ("tir-en-it.1.5", "since December 2011", {"from": "2011-12"}),
        ("tir-en-it.1.17", "7 January", when("2022-01-07", "medium")),
        ("tir-en-it.1.18", "5 December", when("2021-12-05", "medium")),  # after 10 January: the year before
        ("tir-en-it.1.23", "Since 2005", {"from": "2005"}),
        ("tir-en-it.1.47", "January 10, 2022", when("2022-01-10")),  # the converter's dateline
        ("tir-en-it.2.3", "2 gennaio", when("2022-01-02", "medium")),
        ("tir-en-it.2.4", "a partire dal dicembre 2011", {"from": "2011-12"}),
        ("tir-en-it.2.8", "7 gennaio", when("2022-01-07", "medium")),
        ("tir-en-it.2.8", "5 dicembre", when("2021-12-05", "medium")),
        ("tir-en-it.2.9", "dal 2005", {"from": "2005"}),
    ],
}


def _dates(tree: etree._ElementTree) -> list[tuple[str, str, dict[str, str]]]:
    out = []
    for node in tree.getroot().iterfind("tei:text//tei:date", NS):
        block = next(a for a in node.iterancestors() if a.get(XML_ID))
        out.append((block.get(XML_ID), node.text, dict(node.attrib)))
    return out


@pytest.fixture(scope="module")
def converted():
    edition = load_edition(ROOT)
    stages.convert(edition, edition.texts)
    return edition


def _text(edition, text_id):
    return next(t for t in edition.texts if t.id == text_id)


def _context(edition, text):
    from interlinea.entities import Tagger

    return PassContext(entry=text.entry, tagger=Tagger(edition.registers), registers=edition.registers,
                       relations=edition.relations)


@pytest.mark.parametrize("text_id", list(SEED_DATES))
def test_every_date_of_the_seeds(converted, text_id):
    got = _dates(_text(converted, text_id).tree)
    print(f"\n{text_id}: {len(got)} dates")
    for row in got:
        print("  ", *row)
    assert got == SEED_DATES[text_id]


@pytest.mark.parametrize("text_id", list(SEED_DATES))
def test_the_dates_are_valid_in_the_project_schema(converted, text_id):
    tree = _text(converted, text_id).tree
    schema = project_schema_for(tree)
    assert schema.validate(tree), str(schema.error_log)


@pytest.mark.slow
@pytest.mark.parametrize("text_id", list(SEED_DATES))
def test_the_dates_are_valid_in_tei_all(converted, tei_all, text_id):
    tree = _text(converted, text_id).tree
    assert tei_all.validate(tree), str(tei_all.error_log)


def _unwrap_running_dates(tree: etree._ElementTree) -> etree._ElementTree:
    """A copy of `tree` without the dates the pass makes (the converter's stay)."""
    bare = copy.deepcopy(tree)
    for node in list(bare.getroot().iterfind("tei:text//tei:date", NS)):
        if local_name(node.getparent()) not in {"dateline", "bibl"}:
            parent, tail = node.getparent(), (node.text or "") + (node.tail or "")
            previous = node.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
            parent.remove(node)
    return bare


def _blocks(tree: etree._ElementTree) -> dict[str, str]:
    return {node.get(XML_ID): "".join(node.itertext()) for node in tree.getroot().xpath("tei:text//*[@xml:id]", namespaces=NS)}


@pytest.mark.parametrize("text_id", list(SEED_DATES))
def test_the_pass_keeps_every_character_and_runs_twice_the_same(converted, text_id):
    text = _text(converted, text_id)
    bare = _unwrap_running_dates(text.tree)
    assert _dates(bare) == [d for d in SEED_DATES[text_id] if d[1] in {"January 4, 2022", "January 10, 2022"}]
    dates.apply(bare, _context(converted, text))
    assert _blocks(bare) == _blocks(text.tree)  # lossless: every block's text as it was
    assert serialize(bare) == serialize(text.tree)  # the pass alone gives what the conversion gave
    again = copy.deepcopy(text.tree)
    run_passes(again, _context(converted, text))
    assert serialize(again) == serialize(text.tree)  # idempotent, with every pass


def test_the_pass_enriches_a_hand_edited_tree(converted):
    """An editor adds a sentence with dates: the pass marks them, in the block's language, with the
    year of the text's date."""
    text = _text(converted, "tir-en-it")
    tree = copy.deepcopy(text.tree)
    paragraph = tree.getroot().xpath("tei:text//tei:div[@xml:id='tir-en-it.2']//tei:p", namespaces=NS)[0]
    added = " Lo sciopero del 4 gennaio, come nel 1986."
    last = paragraph[-1] if len(paragraph) else None
    if last is not None:
        last.tail = (last.tail or "") + added
    else:
        paragraph.text = (paragraph.text or "") + added
    dates.apply(tree, _context(converted, text))
    rows = [row for row in _dates(tree) if row[0] == paragraph.get(XML_ID)]
    assert rows[-2:] == [(paragraph.get(XML_ID), "4 gennaio", when("2022-01-04", "medium")),
                         (paragraph.get(XML_ID), "1986", when("1986"))]


def test_a_text_without_a_date_keeps_its_days_untagged_but_not_its_years(tmp_path):
    """A German edition, configured by its language code only: no code knows German."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        "Ein Aufstand\n\nDer Aufstand begann am 2. Januar in Schangaösen, seit 2005 sind chinesische "
        "Firmen dort, und im Dezember 2011 schoss die Polizei auf die Arbeiter. Es gab 162 Tote und "
        "8.000 Festnahmen.\n",
        encoding="utf-8",
    )
    manifest = (
        '[edition]\nid = "t"\ntitle = "T"\npublisher = "T"\ndate = 2026-01-01\nlicence = "CC-BY-4.0"\n'
        'licence_url = "https://creativecommons.org/licenses/by/4.0/"\neditors = [{ name = "T" }]\n'
        '[[text]]\nid = "a"\nsource = "a.txt"\nlang = "de"\ntitle = { de = "Ein Aufstand" }\n'
    )
    for stated, expected in (
        ("", [("2005", "seit 2005"), ("2011-12", "Dezember 2011")]),
        ("date = 2022-01-10\n", [("2022-01-02", "2. Januar"), ("2005", "seit 2005"), ("2011-12", "Dezember 2011")]),
    ):
        (seeds / "edition.toml").write_text(manifest + stated, encoding="utf-8")
        edition = load_edition(tmp_path)
        stages.convert(edition, edition.texts)
        tree = edition.texts[0].tree
        got = [(next(iter(d[2].values())), d[1]) for d in _dates(tree)]
        assert got == expected
        assert project_schema_for(tree).validate(tree)


def test_the_pass_runs_after_names_and_before_relations():
    order = [p.name for p in PASSES]
    assert order.index("names") < order.index("dates") < order.index("relations")
