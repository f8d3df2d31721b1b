"""Structure recognition that does not depend on the language (issue 15).

* The UDHR in 20 languages and six scripts (../shared/corpus/udhr), each text converted as a text of
  an edition whose manifest declares no language; every TEI block is mapped back to GOLD.tsv by its
  seed line, and at least 99 % of the gold blocks must have the right kind (title and article
  headings `head`; clauses and items `p` or `item`). `pytest -s` prints the figures per language.
* Fixture texts in Greek, Arabic, Japanese and French (tests/fixtures/generality, see its README):
  the expected TEI element of every block, and the values of the dates, in expected.tsv.
* The signals one at a time (numbered labels in any digits, series, datelines in any language,
  lists, navigation, the layout signals of headings), and `interlinea convert --explain`.
"""

from __future__ import annotations

import csv
import json
import shutil

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import ROOT
from interlinea import stages
from interlinea.cli import main
from interlinea.convert.classify import classify
from interlinea.convert.segment import segment
from interlinea.convert.structure_signals import find_date_any, find_dates, navigation_segments, numbered, numbered_series
from interlinea.edition import load_edition
from interlinea.manifest import Agent, TextEntry

UDHR = ROOT.parent / "shared" / "corpus" / "udhr"
FIXTURES = ROOT / "tests" / "fixtures" / "generality"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
REQUIRED = 0.99

MANIFEST_HEAD = (
    '[edition]\nid = "udhr"\ntitle = "UDHR"\npublisher = "Tests"\ndate = 2026-01-01\n'
    'licence = "CC-BY-4.0"\nlicence_url = "https://creativecommons.org/licenses/by/4.0/"\n'
    'editors = [{ name = "Tester" }]\n'
)


def entry(lang=None, authors=()):
    return TextEntry(
        id="t", source="t.txt", lang=lang, titles={"en": "T"}, title_supplied=False,
        authors=tuple(Agent(a) for a in authors), translators=(), publication=None, date=None,
        declared_works=(), passages=(),
    )


def kinds(text: str, lang=None, authors=()) -> list[tuple[str, str]]:
    works = classify(segment(text), entry(lang, authors), "t.txt")
    return [(b.kind, b.text) for w in works for b in w.blocks]


def line_elements(converted_text) -> dict[int, etree._Element]:
    """Seed line → the TEI element its block became (by the placements the conversion recorded)."""
    root = etree.fromstring(converted_text.tei_bytes)
    by_id = {node.get(XML_ID): node for node in root.iter() if node.get(XML_ID)}
    return {line: by_id[p.xml_id] for line, p in converted_text.placements.items() if p.xml_id in by_id}


# -- the UDHR in 20 languages -------------------------------------------------------------------


def gold_kinds() -> dict[str, dict[int, str]]:
    """Per language: seed line → 'head' or 'p' (p or item). The first block of the preamble is its
    heading where the file has one (the Tamil file has none); GOLD.tsv does not say which, so it is
    not counted."""
    expected: dict[str, dict[int, str]] = {}
    with (UDHR / "GOLD.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            unit, lines = row["unit"], range(int(row["first_line"]), int(row["last_line"]) + 1, 2)
            target = expected.setdefault(row["lang"], {})
            if unit == "title" or unit.endswith(".head"):
                target.update(dict.fromkeys(lines, "head"))
            elif ".para" in unit or ".item" in unit:
                target.update(dict.fromkeys(lines, "p"))
            elif unit == "preamble":
                target.update(dict.fromkeys(list(lines)[1:], "p"))
    return expected


@pytest.fixture(scope="module")
def udhr_edition(tmp_path_factory):
    if not (UDHR / "GOLD.tsv").is_file():
        pytest.skip(f"the UDHR corpus is not at {UDHR}")
    root = tmp_path_factory.mktemp("udhr")
    (root / "seeds").mkdir()
    texts = []
    for path in sorted(UDHR.glob("*.txt")):
        shutil.copy(path, root / "seeds" / path.name)
        # No `lang`: the manifest declares no language, as a new user's would.
        texts.append(f'\n[[text]]\nid = "udhr-{path.stem}"\nsource = "{path.name}"\ntitle = {{ en = "UDHR ({path.stem})" }}\n')
    (root / "seeds" / "edition.toml").write_text(MANIFEST_HEAD + "".join(texts), encoding="utf-8")
    edition = load_edition(root)
    stages.convert(edition, edition.texts)
    return edition


def test_udhr_blocks_have_the_kind_of_the_gold(udhr_edition):
    expected = gold_kinds()
    total = right = 0
    report = [f"{'lang':<6} {'blocks':>6} {'right':>6} {'share':>7}  wrong (line: expected/found)"]
    for text in udhr_edition.texts:
        lang = text.id.removeprefix("udhr-")
        elements = line_elements(text)
        wrong = []
        for line, kind in sorted(expected[lang].items()):
            node = elements.get(line)
            found = etree.QName(node).localname if node is not None else "none"
            found = "p" if found == "item" else found
            if found != kind:
                wrong.append(f"{line}: {kind}/{found}")
        n = len(expected[lang])
        total, right = total + n, right + n - len(wrong)
        report.append(f"{lang:<6} {n:>6} {n - len(wrong):>6} {(n - len(wrong)) / n:>7.2%}  {', '.join(wrong[:5])}")
        assert (n - len(wrong)) / n >= REQUIRED, f"{lang}: {len(wrong)} of {n} blocks of the wrong kind: {wrong}"
    report.append(f"{'all':<6} {total:>6} {right:>6} {right / total:>7.2%}")
    print("\nUDHR, kind of each gold block (head / p or item), no language declared:\n" + "\n".join(report))
    assert right / total >= REQUIRED


def test_udhr_title_is_the_main_head_and_articles_open_sections(udhr_edition):
    for text in udhr_edition.texts:
        root = etree.fromstring(text.tei_bytes)
        work = root.find(f".//{TEI}body/{TEI}div")
        assert work[0].tag == f"{TEI}head" and work[0].get("type") == "main", text.id
        sections = work.findall(f"{TEI}div[@type='section']")
        assert len(sections) >= 30, f"{text.id}: {len(sections)} sections for 30 articles"


# -- the fixture texts --------------------------------------------------------------------------


def expected_fixtures() -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    with (FIXTURES / "expected.tsv").open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        rows.setdefault(row["text"], []).append(row)
    return rows


@pytest.fixture(scope="module")
def fixture_edition(tmp_path_factory):
    root = tmp_path_factory.mktemp("generality")
    shutil.copytree(FIXTURES / "seeds", root / "seeds")
    edition = load_edition(root)
    stages.convert(edition, edition.texts)
    return edition


@pytest.mark.parametrize("text_id", sorted(expected_fixtures()))
def test_fixture_blocks_become_the_expected_elements(fixture_edition, text_id):
    text = next(t for t in fixture_edition.texts if t.id == text_id)
    elements = line_elements(text)
    found, wanted = [], []
    for row in expected_fixtures()[text_id]:
        node = elements.get(int(row["line"]))
        element = f"{etree.QName(node.getparent()).localname}/{etree.QName(node).localname}" if node is not None else "none"
        dates = []
        if node is not None and etree.QName(node).localname == "dateline":
            for date in node.iter(f"{TEI}date"):
                dates.append(date.get("when") or f"{date.get('calendar')}:{date.get('when-custom')}")
        found.append((row["line"], element, " ".join(dates)))
        wanted.append((row["line"], row["element"], row["dates"] or ""))
    assert found == wanted
    # Every block of the seed is accounted for in expected.tsv.
    assert sorted(elements) == sorted(int(r["line"]) for r in expected_fixtures()[text_id])


def test_fixture_tei_is_valid(fixture_edition, tei_all):
    for text in fixture_edition.texts:
        document = etree.fromstring(text.tei_bytes)
        assert tei_all.validate(document), (text.id, tei_all.error_log.last_error)


def test_fixture_hijri_date_keeps_its_calendar(fixture_edition):
    text = next(t for t in fixture_edition.texts if t.id == "ar-statement")
    root = etree.fromstring(text.tei_bytes)
    hijri = root.find(f".//{TEI}dateline/{TEI}date[@calendar]")
    assert hijri.text == "١٤ ذو القعدة ١٤٤٦ هـ"
    assert hijri.get("when-custom") == "1446-11-14" and hijri.get("when") is None
    # the calendar it points to is described in the header
    calendar = root.find(f"{TEI}teiHeader/{TEI}profileDesc/{TEI}calendarDesc/{TEI}calendar")
    assert hijri.get("calendar") == "#" + calendar.get("{http://www.w3.org/XML/1998/namespace}id")
    assert "Hijri" in "".join(calendar.itertext())


# -- the signals one at a time ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, template, value",
    [
        ("Article 1.", "article #.", 1),
        ("Člen 1", "člen #", 1),
        ("Madde 12", "madde #", 12),
        ("第十二条", "第#条", 12),
        ("مادة ١", "مادة #", 1),
        ("अनुच्छेद १०", "अनुच्छेद #", 10),
        ("ข้อ ๓", "ข้อ #", 3),
        ("Chapitre IV", "chapitre #", 4),
        ("1. artikla.", "#. artikla.", 1),
    ],
)
def test_numbered_labels_in_any_digits(text, template, value):
    label = numbered(text)
    assert label is not None and (label.template, label.value) == (template, value)


@pytest.mark.parametrize("text", ["12 May 2025", "In 2022 the protests began in Almaty.", "Kazakhstan", "1 2 3"])
def test_what_is_not_a_numbered_label(text):
    assert numbered(text) is None


SERIES = {
    "en": ("Article 1.", "Article 2.", "Article 3."),
    "cs": ("Člen 1", "Člen 2", "Člen 3"),
    "tr": ("Madde 1", "Madde 2", "Madde 3"),
    "zh": ("第一条", "第二条", "第三条"),
    "ar": ("مادة ١", "مادة ٢", "مادة ٣"),
    "hi": ("अनुच्छेद १", "अनुच्छेद २", "अनुच्छेद ३"),
}
BODY = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt."


@pytest.mark.parametrize("lang", sorted(SERIES))
def test_numbered_article_headings_in_every_script(lang):
    """The same rule in every language: a series found by repetition, not a word list. A short
    unnumbered line among the articles (Thai and other scripts without final punctuation) stays a
    paragraph."""
    a, b, c = SERIES[lang]
    text = f"Title of the text\n\n{BODY}\n\n{a}\n\n{BODY}\n\n{b}\n\nShort clause without a stop\n\n{c}\n\n{BODY}\n"
    result = kinds(text)
    assert [k for k, t in result if t in SERIES[lang]] == ["heading"] * 3
    assert dict((t, k) for k, t in result)["Short clause without a stop"] == "paragraph"


def test_a_misspelt_label_joins_the_series_where_its_number_is_expected():
    labels = ["Kifungu cha 1.", "x", "Kifungu cha 2.", "x", "Kufungu cha 3.", "x", "Kifungu cha 4", "x", "Kifungu cha 5."]
    assert sorted(numbered_series(labels)) == [0, 2, 4, 6, 8]
    # A label with another number is not taken in.
    assert 2 not in numbered_series(["Madde 1", "x", "Kifungu 9", "x", "Madde 2", "x", "Madde 3"])


@pytest.mark.parametrize(
    "text, lang, iso",
    [
        ("12 May 2025", "en", "2025-05-12"),
        ("Marseille, le 12 mars 2024", "fr", "2024-03-12"),
        ("Marseille, 12. März 2024", "de", "2024-03-12"),
        ("Αθήνα, 12 Μαΐου 2025", "el", "2025-05-12"),
        ("Warszawa, 5 listopada 2024", "pl", "2024-11-05"),
        ("नई दिल्ली, १२ मई २०२५", "hi", "2025-05-12"),
        ("القاهرة في ١٢ مايو ٢٠٢٥", "ar", "2025-05-12"),
        ("東京、2025年5月12日", "ja", "2025-05-12"),
        ("12.03.2024", "de", "2024-03-12"),
        ("31 février 2024", "fr", None),
    ],
)
def test_dates_in_any_language_and_digits(text, lang, iso):
    found = find_date_any(text, lang)
    assert (found.iso if found else None) == iso


def test_a_date_without_a_language_needs_every_language_to_agree():
    assert find_date_any("Αθήνα, 12 Μαΐου 2025", None).iso == "2025-05-12"
    # "listopad" is November in Czech and Polish but October in Croatian: no date.
    assert find_date_any("Praha, 5 listopad 2024", None) is None


def test_solar_hijri_dates():
    (found,) = find_dates("تهران، ۲۲ اردیبهشت ۱۴۰۴", "fa")
    assert (found.calendar, found.custom, found.iso) == ("persian", "1404-02-22", None)


@pytest.mark.parametrize(
    "dateline",
    ["12 May 2025", "Marseille, le 12 mars 2024", "Marseille, 12. März 2024"],
)
def test_datelines_at_the_top_are_datelines_not_headings(dateline):
    lang = {"M": "fr" if "mars" in dateline else "de"}.get(dateline[0], "en")
    result = kinds(f"A title\n\n{dateline}\n\n{BODY}\n\n{BODY}\n", lang=lang)
    assert result[1] == ("dateline", dateline)


def test_a_sentence_with_a_date_is_not_a_dateline():
    text = f"A title\n\nOn 12 May 2025 the union called a general strike across the whole country.\n\n{BODY}\n"
    assert kinds(text, lang="en")[1][0] == "paragraph"


def test_signatories_become_a_list_not_empty_sections():
    names = ["Maria Rossi", "Jean Dupont", "Ana Kovač", "Olena Shevchenko"]
    labelled = kinds(f"Title\n\n{BODY}\n\nSignatories:\n" + "\n".join(names) + "\n")
    assert [k for k, _ in labelled] == ["heading", "paragraph", "list"]
    # Without a label, separated by blank lines: three headings in a row would be empty sections.
    spaced = kinds(f"Title\n\n{BODY}\n\n" + "\n\n".join(names) + "\n")
    assert [k for k, _ in spaced] == ["heading", "paragraph", "list"]


def test_short_lines_at_the_top_are_not_a_list():
    assert [k for k, _ in kinds(f"Title\nSubtitle of it\nBy Someone\n\n{BODY}\n")][0] == "heading"
    assert "list" not in [k for k, _ in kinds(f"Title\nSubtitle of it\nBy Someone\n\n{BODY}\n")]


@pytest.mark.parametrize(
    "line, menu",
    [
        ("HomeNewsWorldPolitics", True),
        ("Home | News | World | Politics", True),
        ("Approfondimenti politiciCobasINTERNATIONAL", True),
        ("Kazakhstan | Russia | CSTO: troops leave Almaty after nine days", False),
        ("McDonald's leaves Russia, iPhone sales fall", False),
    ],
)
def test_navigation_needs_several_short_menu_items(line, menu):
    assert (navigation_segments(line) is not None) is menu


def test_a_title_with_bars_is_a_title_not_navigation():
    text = f"Kazakhstan | Russia | CSTO: troops leave Almaty after nine days\n\n{BODY}\n\n{BODY}\n"
    assert kinds(text)[0][0] == "heading"


@pytest.mark.parametrize(
    "text, kind",
    [
        # one sentence broken over lines: a line ending in a comma, a line the next continues
        ("Title\n\n" + BODY + "\n\nTHE GENERAL ASSEMBLY,\n\nproclaims this declaration as a common standard\n\n" + BODY + "\n", "paragraph"),
        ("Title\n\n" + BODY + "\n\nThe General Assembly\n\nproclaims this declaration as a common standard\n\n" + BODY + "\n", "paragraph"),
        # a short line followed by a new sentence is a heading
        ("Title\n\n" + BODY + "\n\nThe General Assembly\n\n" + BODY + "\n", "heading"),
    ],
)
def test_layout_signals_of_headings(text, kind):
    assert kinds(text)[2][0] == kind


# -- convert --explain --------------------------------------------------------------------------


def test_explain_shows_kind_and_signals_and_writes_nothing(tmp_path):
    root = tmp_path / "edition"
    shutil.copytree(FIXTURES / "seeds", root / "seeds")
    result = CliRunner().invoke(main, ["convert", "--explain", "el-letter", "fr-communique", "--edition", str(root)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "el-letter (seeds/el-open-letter.txt)" in out
    assert "dateline" in out and "2025-05-12" in out and "('12 Μαΐου 2025')" in out
    assert "5 short lines after the label 'Υπογράφουν:'" in out
    assert "el-letter.1.9 " in out  # an item's xml:id
    assert "numbered like 3 lines of the text ('article #.')" in out
    assert "[[text.passage]]" in out
    assert not (root / "tei").exists()


def test_explain_as_json(tmp_path):
    root = tmp_path / "edition"
    shutil.copytree(FIXTURES / "seeds", root / "seeds")
    result = CliRunner().invoke(main, ["convert", "--explain", "--format", "json", "ar-statement", "--edition", str(root)])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.output)
    rows = {row["line"]: row for row in report["blocks"]}
    assert rows[3]["kind"] == "dateline" and rows[3]["dates"] == ["islamic:1446-11-14", "2025-05-12"]
    assert rows[11]["kind"] == "signature" and rows[11]["xml_id"] == "ar-statement.1.6"
    assert all(row["signals"] for row in report["blocks"])


def test_explain_names_the_passage_decision(tmp_path):
    root = tmp_path / "edition"
    shutil.copytree(FIXTURES / "seeds", root / "seeds")
    manifest = root / "seeds" / "edition.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + '\n[[text.passage]]\nmatch = "Le syndicat appelle"\nkind = "signature"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["convert", "--explain", "fr-communique", "--edition", str(root)])
    assert result.exit_code == 0, result.output
    assert "set by a [[text.passage]] of the manifest" in result.output


def test_a_line_ending_in_another_scripts_full_stop_is_not_joined_to_the_next():
    """Armenian has case and its own full stop (U+0589): a line ending in it ends the paragraph."""
    first = "Բոլոր մարդիկ ծնվում են ազատ ու հավասար իրենց արժանապատվությամբ և իրավունքներով։"
    blocks = segment(f"{first}\nնրանք օժտված են բանականությամբ ու խղճով։\n")
    assert [b.text for b in blocks] == [first, "նրանք օժտված են բանականությամբ ու խղճով։"]


@pytest.mark.parametrize("label", ["Article 1.", "Madde 1.", "Člen 1.", "第一条", "مادة ١.", "अनुच्छेद १।"])
def test_a_single_numbered_label_before_its_text_is_a_heading(label):
    result = kinds(f"Title of the text\n\n{BODY}\n\n{label}\n\n{BODY}\n")
    assert result[2] == ("heading", label)
