"""Tables of tiny cases for each step of the converter: segmentation, URLs, dates, classification."""

from __future__ import annotations

import pytest

from interlinea.convert.classify import classify
from interlinea.patterns import find_urls, url_target
from interlinea.convert.segment import is_wrapped, segment
from interlinea.dates import is_iso_date, parse_date
from interlinea.manifest import Agent, Passage, TextEntry

LONG = "This is a long line of running prose that goes on well past sixty characters"


def entry(authors=(), passages=()):
    return TextEntry(
        id="t", source="t.txt", lang="en", titles={"en": "T"}, title_supplied=False,
        authors=tuple(Agent(a) for a in authors), translators=(), publication=None, date=None,
        declared_works=(), passages=tuple(passages),
    )


@pytest.mark.parametrize(
    "line, following, wrapped",
    [
        (LONG + " of the", "integration of the union.", True),  # next starts lower case
        (LONG + " of the", "Kazakh Republic.", True),  # ends on a lower-case word
        (LONG + ",", "And so on.", True),  # ends on a comma
        (LONG + ".", "next sentence", False),  # sentence ends
        ("Related Media", "Police in Akobi announce", False),  # short line: a heading
        ("Pramen", '"Colonialism of the twenty-first century"', False),
        (LONG + " https://example.org/x", "They also", False),  # ends on a URL
        (LONG + ":", "https://example.org", False),
    ],
)
def test_is_wrapped(line, following, wrapped):
    assert is_wrapped(line, following) is wrapped


def test_segment_mixes_both_conventions_and_counts_blank_lines():
    text = "One.\nTwo.\n\nThree " + LONG + " and\nfour.\n\n\nFive."
    blocks = segment(text)
    assert [b.text for b in blocks] == ["One.", "Two.", f"Three {LONG} and four.", "Five."]
    assert [b.blank_before for b in blocks] == [0, 0, 1, 2]
    assert [b.first_line for b in blocks] == [1, 2, 4, 8]


@pytest.mark.parametrize(
    "text, urls",
    [
        ("see https://a.org/x.", ["https://a.org/x"]),
        ("Bad Immigrantc(https://twitter.com/bad_immigrant) ha", ["https://twitter.com/bad_immigrant"]),
        ("(https://twitter.com/abdujalil/), che", ["https://twitter.com/abdujalil/"]),
        ("https://en.wikipedia.org/wiki/Foo_(bar) ok", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
        ("x pic.twitter.com/fKY6aPy9f5 — y", ["pic.twitter.com/fKY6aPy9f5"]),
        ("“https://a.org/q?x=1&y=2”", ["https://a.org/q?x=1&y=2"]),
        ("no url here: http:// nothing", []),
    ],
)
def test_find_urls_keeps_exact_characters(text, urls):
    assert [u for _, _, u in find_urls(text)] == urls


def test_url_target_adds_a_scheme_only_when_missing():
    assert url_target("pic.twitter.com/x") == "https://pic.twitter.com/x"
    assert url_target("http://a.org") == "http://a.org"


@pytest.mark.parametrize(
    "text, iso",
    [
        ("January 10, 2022", "2022-01-10"),
        ("10 January 2022", "2022-01-10"),
        ("2 gennaio 2022", "2022-01-02"),
        ("10 януари 2022 г.", "2022-01-10"),
        ("2nd January 2022", "2022-01-02"),
        ("2022-01-10", "2022-01-10"),
        ("January 32, 2022", None),
        ("Autonomous Action", None),
        ("January 10, 2022 was a day", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("value, ok", [("2022", True), ("2022-01", True), ("2022-02-30", False), ("22-01-01", False)])
def test_is_iso_date(value, ok):
    assert is_iso_date(value) is ok


def kinds(text, authors=(), passages=()):
    works = classify(segment(text), entry(authors, passages), "t.txt")
    return [[(b.kind, b.text[:20]) for b in w.blocks] for w in works]


PARA = "This paragraph is long enough to be prose and it ends with a full stop."


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"{PARA}\nFirst Statement:\n{PARA}", ["paragraph", "heading", "paragraph"]),
        (f"{PARA}\n\nRelated Media\n\n{PARA}", ["paragraph", "heading", "paragraph"]),
        (f"{PARA}\nNo war! ■\n{PARA}", ["paragraph", "paragraph", "paragraph"]),
        (f"{PARA}\nNessuna guerra!\n{PARA}", ["paragraph", "paragraph", "paragraph"]),
        (f"{PARA}\nDown With the Capitalist Regime, Russian Troops Go Home!\n{PARA}", ["paragraph", "heading", "paragraph"]),
        (f"{PARA}\nWhat is the nature of this?\n{PARA}", ["paragraph", "paragraph", "paragraph"]),
        (f"{PARA}\nOriginal from https://a.org/x", ["paragraph", "source"]),
        (f"{PARA}\nOriginale da Organise https://a.org/x", ["paragraph", "source"]),
        (f"{PARA}\nTraduzione a cura di Demenza HC", ["paragraph", "translator"]),
        (f"{PARA}\nTranslated by Jane Doe", ["paragraph", "translator"]),
        (f"{PARA}\nJanuary 10, 2022", ["paragraph", "dateline"]),
        (f"{PARA}\nhttps://a.org/x", ["paragraph", "paragraph"]),
        (
            f"{PARA}\nMassive protests https://t.co/x pic.twitter.com/y — Liveuamap (@Liveuamap) January 4, 2022",
            ["paragraph", "post"],
        ),
    ],
)
def test_classify_block_kinds(text, expected):
    assert [k for k, _ in kinds(text)[0]] == expected


def test_signature_is_recognised_from_the_manifest_authors():
    assert [k for k, _ in kinds(f"{PARA}\nAutonomous Action", authors=["Autonomous Action"])[0]] == ["paragraph", "signature"]
    # the same line without the author in the manifest is not a signature (here: the last line, so no heading)
    assert [k for k, _ in kinds(f"{PARA}\nAutonomous Action")[0]] == ["paragraph", "paragraph"]


def test_link_lists_group_label_title_and_url():
    text = f'{PARA}\nPramen\n"Colonialism"\nhttps://a.org/1\nCrimethInc\n"The Uprising"\nhttps://a.org/2\nRelated Media\n{PARA}'
    blocks = kinds(text)[0]
    assert [k for k, _ in blocks] == ["paragraph", "links", "heading", "paragraph"]


def test_a_label_that_leads_to_no_link_is_not_a_list():
    assert [k for k, _ in kinds(f"{PARA}\nPramen\nCrimethInc\n{PARA}")[0]] == ["paragraph", "heading", "heading", "paragraph"]


def test_a_separator_line_divides_works():
    works = kinds(f"{PARA}\n\n———————\n\nA Second Title\n\n{PARA}")
    assert [[k for k, _ in w] for w in works] == [["paragraph"], ["heading", "paragraph"]]


def test_two_blank_lines_after_a_signature_divide_works_and_byline_follows_title():
    text = f"{PARA}\n\nThe Group\n\n\nsecond title in lower case!\n\n– The Group\n\n{PARA}"
    works = kinds(text, authors=["The Group"])
    assert [[k for k, _ in w] for w in works] == [["paragraph", "signature"], ["heading", "byline", "paragraph"]]


def test_two_blank_lines_after_a_title_do_not_divide_works():
    assert len(kinds(f"A Title\n\n\n{PARA}\n\n{PARA}")) == 1


def test_site_navigation_on_the_first_line():
    assert kinds(f"Approfondimenti politiciCobasINTERNATIONAL\n\n{PARA}")[0][0][0] == "navigation"
    assert kinds(f"Home | News | About | Contact\n\n{PARA}")[0][0][0] == "navigation"


def test_manifest_passage_overrides_win():
    passages = [Passage(match="Caption of the photo", kind="caption", lang="it"), Passage(match="First Statement", kind="paragraph")]
    works = classify(segment(f"{PARA}\nCaption of the photo here.\nFirst Statement:\n{PARA}"), entry(passages=passages), "t.txt")
    blocks = works[0].blocks
    assert blocks[1].kind == "caption" and blocks[1].lang == "it"
    assert blocks[2].kind == "paragraph"  # would be a heading without the override


def test_an_ambiguous_passage_is_an_error_naming_the_lines():
    from interlinea.errors import ConversionError

    with pytest.raises(ConversionError, match="lines 1, 3"):
        classify(segment(f"{PARA}\nOther.\n{PARA}"), entry(passages=[Passage(match="This paragraph", lang="de")]), "t.txt")
