"""One language decision for the converter and the validator; script subtags; the UDHR in 20 languages
as an edition whose manifest declares no language (run with `-s` to see the figures)."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from interlinea import TEI_NS, stages
from interlinea.bcp47 import is_valid
from interlinea.edition import load_edition
from interlinea.langid import dominant_script, han_variant, primary, siblings, suppress_script, with_script
from interlinea.language_decision import FOREIGN_MIN_LETTERS, decide
from interlinea.validate.corpus import Corpus, Document
from interlinea.validate.rules import JUDGED, lang_mismatch

from conftest import FIXTURES, ROOT, minimal_manifest

NS = {"tei": TEI_NS}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
UDHR = ROOT.parent / "shared" / "corpus" / "udhr"
LANGUAGE_FIXTURES = FIXTURES / "languages"

needs_udhr = pytest.mark.skipif(not (UDHR / "GOLD.tsv").exists(), reason="../shared/corpus/udhr is not beside the repository")


# --- helpers ---------------------------------------------------------------------------------------


def edition_without_language(folder: Path, seeds: dict[str, Path | str]):
    """An edition of the given seeds whose manifest declares no language anywhere, converted in memory."""
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    sources = {}
    for text_id, seed in seeds.items():
        name = f"{text_id}.txt"
        if isinstance(seed, Path):
            shutil.copy(seed, folder / "seeds" / name)
        else:
            (folder / "seeds" / name).write_text(seed, encoding="utf-8")
        sources[text_id] = name
    manifest = minimal_manifest(sources).replace('lang = "en"\n', "")
    assert "lang =" not in manifest
    (folder / "seeds" / "edition.toml").write_text(manifest, encoding="utf-8")
    edition = load_edition(folder)
    stages.convert(edition, edition.texts)
    return edition


def documents(edition) -> list[Document]:
    found = []
    for text in edition.texts:
        data = text.tei_bytes
        tree = etree.ElementTree(etree.fromstring(data))
        found.append(Document(Path(f"{text.id}.xml"), f"tei/{text.id}.xml", tree, data.decode("utf-8").splitlines()))
    return found


def mismatches(edition) -> list:
    return list(lang_mismatch(Corpus(documents(edition))))


def marked(root) -> list[tuple[str, str]]:
    """(xml:lang, text) of every element of the body that carries its own xml:lang."""
    body = root.find("tei:text", NS)
    return [(n.get(XML_LANG), " ".join("".join(n.itertext()).split())) for n in body.iter() if isinstance(n.tag, str) and n.get(XML_LANG)]


def judged_agree(edition) -> tuple[int, list]:
    """Every judged element: the converter's language (in force there) against the decision asked
    afresh from the TEI, as the validator asks it. Returns (count, disagreements)."""
    count, wrong = 0, []
    for document in documents(edition):
        root = document.root
        text_languages = [root.get(XML_LANG)] + [d.get(XML_LANG) for d in root.iterfind(".//tei:div[@type='work']", NS) if d.get(XML_LANG)]
        for node in root.find("tei:text", NS).iter(*(f"{{{TEI_NS}}}{local}" for local in JUDGED)):
            count += 1
            written = document.language_of(node)
            verdict = decide("".join(node.itertext()), written, text_languages)
            if verdict.lang is not None:
                wrong.append((document.label, node.sourceline, written, verdict.lang, verdict.signals))
    return count, wrong


# --- the UDHR as an edition without a declared language ---------------------------------------------


@pytest.fixture(scope="module")
def udhr_edition(tmp_path_factory):
    if not (UDHR / "GOLD.tsv").exists():
        pytest.skip("../shared/corpus/udhr is not beside the repository")
    start = time.perf_counter()
    edition = edition_without_language(tmp_path_factory.mktemp("udhr"), {f"udhr-{p.stem.lower()}": p for p in sorted(UDHR.glob("*.txt"))})
    return edition, time.perf_counter() - start


def expected_tag(file_tag: str) -> str:
    """The tag a text must get from its characters: the file name's language, with the script subtag
    BCP 47 practice wants. A region ('pt-PT') cannot be read from the characters, so it is not expected."""
    return primary(file_tag)


@needs_udhr
def test_udhr_every_language_right_and_no_foreign_block(udhr_edition):
    edition, seconds = udhr_edition
    wrong, foreign, blocks = [], [], 0
    for text in edition.texts:
        root = etree.fromstring(text.tei_bytes)
        file_tag = text.entry.source.removesuffix(".txt").removeprefix("udhr-")
        language = next(p.stem for p in UDHR.glob("*.txt") if p.stem.lower() == file_tag)
        if root.get(XML_LANG) != expected_tag(language):
            wrong.append((text.id, language, root.get(XML_LANG)))
        foreign += [(text.id, *m) for m in marked(root)]
        blocks += len(root.xpath("//tei:body//*[@n][not(self::tei:div)]", namespaces=NS))
    print(
        f"\nUDHR, 20 texts as an edition declaring no language: {len(edition.texts) - len(wrong)}/{len(edition.texts)} "
        f"texts with the right language; {len(foreign)} of {blocks} blocks marked with another language; "
        f"converted in {seconds:.1f} s"
    )
    assert len(edition.texts) == 20
    assert not wrong, wrong
    assert not foreign, foreign[:10]


@needs_udhr
def test_udhr_languages_need_no_script_subtag():
    """The expectation above is right: every UDHR language here has a Suppress-Script in the IANA
    registry that its file's characters agree with, so BCP 47 practice wants no script subtag."""
    for path in sorted(UDHR.glob("*.txt")):
        language = primary(path.stem)
        script = dominant_script(path.read_text(encoding="utf-8"))
        assert suppress_script(language) == script, (path.name, suppress_script(language), script)
        assert with_script(language, script) == language


@needs_udhr
def test_udhr_converter_and_validator_agree(udhr_edition):
    edition, _ = udhr_edition
    count, wrong = judged_agree(edition)
    found = mismatches(edition)
    print(f"\nUDHR: {count} judged elements, {len(wrong)} where the decision disagrees with the converter, {len(found)} lang-mismatch warnings")
    assert count > 1500 and not wrong and not found, (wrong[:5], found[:5])


# --- the seeds --------------------------------------------------------------------------------------


def test_seeds_converter_and_validator_agree(seed_edition):
    count, wrong = judged_agree(seed_edition)
    found = mismatches(seed_edition)
    print(f"\nseeds: {count} judged elements, {len(wrong)} disagreements, {len(found)} lang-mismatch warnings")
    assert count > 100 and not wrong and not found


def test_the_rule_flags_a_wrong_language(seed_edition):
    """The agreement above is not vacuous: a wrong xml:lang on a long paragraph is flagged, and so is an
    Italian paragraph left to inherit English."""
    docs = documents(seed_edition)
    english = next(d for d in docs if d.label == "tei/organise-en.xml")
    paragraph = english.root.xpath("//tei:body//tei:p[string-length(.) > 200]", namespaces=NS)[0]
    paragraph.set(XML_LANG, "it")
    italian = next(d for d in docs if d.label == "tei/organise-it.xml")
    work = italian.root.xpath("//tei:body/tei:div[@type='work']", namespaces=NS)[0]
    italian.root.set(XML_LANG, "en")
    work.set(XML_LANG, "en")  # the whole work now claims English; its paragraphs inherit it
    found = list(lang_mismatch(Corpus([english, italian])))
    flagged = {(d.file, d.line) for d in found}
    assert ("tei/organise-en.xml", paragraph.sourceline) in flagged
    assert "reads as 'en'" in next(d.message for d in found if d.file == "tei/organise-en.xml")
    assert sum(1 for d in found if d.file == "tei/organise-it.xml" and "reads as 'it'" in d.message) >= 10


# --- the decision -----------------------------------------------------------------------------------

IT = "Le proteste in Kazakhstan sono iniziate il due gennaio, quando il prezzo del gas liquefatto è salito bruscamente."
EN = "The protests in Kazakhstan began on the second of January, when the price of liquefied gas rose sharply."
RU = "Протесты в Казахстане начались второго января, когда резко выросли цены на сжиженный газ."
BG = "Протестите в Казахстан започнаха на втори януари, когато цените на втечнения газ рязко се покачиха."


def test_a_long_passage_in_another_language_is_found_and_the_reverse_question_agrees():
    verdict = decide(IT, "en")
    assert (verdict.lang, verdict.reason) == ("it", "foreign") and "second run it" in verdict.signals
    assert decide(IT, "it").lang is None
    assert decide(RU, "bg").lang == "ru" and decide(RU, "ru").lang is None
    assert decide(EN, "en").reason == "home"


def test_short_and_name_only_blocks_inherit():
    for text in ("Die Regierung trat zurück.", "Autonomous Action", "Tendenza Internazionalista Rivoluzionaria",
                 "https://example.org/a-long-address-with-words", "Nessuna guerra tra i popoli!"):
        assert decide(text, "en").lang is None, text
    assert decide("Die Regierung trat zurück.", "en").reason in ("neutral", "short")
    assert len("".join(c for c in "Nessuna guerra tra i popoli!" if c.isalpha())) < FOREIGN_MIN_LETTERS


def test_a_short_passage_in_another_of_the_texts_languages_needs_two_runs_to_agree():
    line = "Approfondimenti politici Cobas INTERNATIONAL"
    assert decide(line, "en").lang is None  # short: no language from outside the text
    verdict = decide(line, "en", ["en", "it"])  # a text with an Italian work
    assert (verdict.lang, verdict.reason) == ("it", "text language") and "trigrams it" in verdict.signals
    assert decide(line, "it", ["en", "it"]).lang is None


def test_siblings_in_one_macrolanguage_are_not_told_apart():
    assert siblings("hr", "bs") and siblings("id", "ms") and siblings("nb", "nn") and not siblings("bg", "ru")
    croatian = ("Svatko ima pravo na slobodu misli, savjesti i vjere; to pravo uključuje slobodu da se mijenja "
                "vjera ili uvjerenje i slobodu da se, bilo pojedinačno ili u zajednici s drugima, javno ili privatno iskazuje.")
    assert decide(croatian, "hr").lang is None
    assert decide(croatian, "hr", ["hr", "bs"]).lang in (None, "bs")  # declared by the text: allowed


def test_nfc_and_nfd_give_the_same_verdict():
    import unicodedata

    vietnamese = "Mọi người đều có quyền tự do ngôn luận và bày tỏ ý kiến; kể cả tự do bảo lưu quan điểm mà không bị can thiệp."
    nfd = unicodedata.normalize("NFD", vietnamese)
    assert decide(nfd, "vi").lang is None and decide(nfd, "vi").reason == "home"
    assert decide(nfd, "en") == decide(vietnamese, "en")


# --- scripts ----------------------------------------------------------------------------------------


def test_scripts_from_the_characters():
    assert dominant_script("Отворено писмо о будућности библиотеке") == "Cyrl"
    assert dominant_script("Otvoreno pismo o budućnosti biblioteke") == "Latn"
    assert dominant_script("东京的会议在星期一开始了，各国代表都来了") == "Hans"
    assert dominant_script("東京的會議在星期一開始了，各國代表都來了") == "Hant"
    assert dominant_script("東京で会議が開かれ、各国の代表が集まった") == "Jpan"
    assert dominant_script("서울에서 회의가 열렸고 각국 대표가 모였다") == "Kore"
    assert dominant_script("اعلامیه جهانی حقوق بشر") == "Arab"
    assert dominant_script("short") is None  # too few letters
    assert han_variant("中文") is None  # no character that differs between the two forms


def test_script_subtags_only_where_practice_wants_them():
    assert with_script("sr", "Cyrl") == "sr-Cyrl" and with_script("sr", "Latn") == "sr-Latn"
    assert with_script("az", "Cyrl") == "az-Cyrl" and with_script("uz", "Arab") == "uz-Arab"
    assert with_script("zh", "Hans") == "zh-Hans" and with_script("zh", "Hani") == "zh"
    assert with_script("en", "Latn") == "en" and with_script("ru", "Cyrl") == "ru" and with_script("ja", "Hani") == "ja"
    assert with_script("kk", "Arab") == "kk-Arab"  # not the language's usual script
    assert with_script("yo", "Latn") == "yo"  # no Suppress-Script, but written in one script only (CLDR)
    assert with_script("sr-RS", "Latn") == "sr-Latn-RS" and with_script("sr-Cyrl", "Latn") == "sr-Cyrl"
    assert all(is_valid(t) for t in ("sr-Latn-RS", "zh-Hans", "kk-Arab", "uz-Arab"))


def test_a_block_in_the_other_script_of_its_language(tmp_path):
    edition = edition_without_language(tmp_path, {"letter": LANGUAGE_FIXTURES / "sr-Cyrl-letter.txt"})
    root = etree.fromstring(edition.texts[0].tei_bytes)
    assert root.get(XML_LANG) == "sr-Cyrl"
    assert [lang for lang, _ in marked(root)] == ["sr-Latn"]
    assert marked(root)[0][1].startswith("Jedan od potpisnika")
    idents = [l.get("ident") for l in root.iterfind(".//tei:langUsage/tei:language", NS)]
    assert idents == ["sr-Cyrl", "sr-Latn"]
    assert not mismatches(edition) and not judged_agree(edition)[1]


def test_chinese_news_is_simplified(tmp_path):
    traditional = ("市立圖書館將於下週一起在三個分館試行夜間開放，每天延長至晚上十點。\n\n"
                   "負責人表示，這項措施主要是為了方便白天工作的讀者，尤其是準備職業考試的年輕人。\n")
    edition = edition_without_language(tmp_path, {"news": LANGUAGE_FIXTURES / "zh-Hans-news.txt", "hk": traditional})
    news, hk = (etree.fromstring(t.tei_bytes) for t in edition.texts)
    assert news.get(XML_LANG) == "zh-Hans" and not marked(news)
    assert [l.get("ident") for l in news.iterfind(".//tei:langUsage/tei:language", NS)] == ["zh-Hans"]
    assert hk.get(XML_LANG) == "zh-Hant" and not marked(hk)
    assert not mismatches(edition)


# --- generated mixed texts ----------------------------------------------------------------------------


def _udhr_blocks() -> dict[str, list[str]]:
    if not (UDHR / "GOLD.tsv").exists():
        return {}
    pool = {}
    for path in sorted(UDHR.glob("*.txt")):
        pool[primary(path.stem)] = [b for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    return pool


POOL = _udhr_blocks()
LANGS = sorted(POOL) or ["en"]


@st.composite
def mixed_text(draw):
    """A text mostly in one UDHR language with blocks of another: long and short passages, headings."""
    main = draw(st.sampled_from(LANGS))
    other = draw(st.sampled_from([lang for lang in LANGS if lang != main and not siblings(lang, main)]))
    blocks, origins = [], []
    for _ in range(draw(st.integers(4, 9))):
        lang = draw(st.sampled_from([main, main, main, other]))
        block = draw(st.sampled_from(POOL[lang]))
        if block in blocks:
            continue
        blocks.append(block)
        origins.append(lang)
    return main, other, blocks, origins


@needs_udhr
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_text())
def test_generated_mixed_texts_never_invent_and_always_agree(example):
    main, other, blocks, origins = example
    with tempfile.TemporaryDirectory() as folder:
        edition = edition_without_language(Path(folder), {"mixed": "\n\n".join(blocks) + "\n"})
    root = etree.fromstring(edition.texts[0].tei_bytes)
    origin = {" ".join(b.split()): lang for b, lang in zip(blocks, origins)}
    # The language of most letters, whichever it is (between siblings such as Indonesian and Malay,
    # lingua's choice on a short text may be the sibling).
    text_lang = primary(root.get(XML_LANG))
    assert any(text_lang == lang or siblings(text_lang, lang) for lang in (main, other)), text_lang
    for lang, text in marked(root):
        # never a language the passage is not in, never a third language
        assert origin.get(text) == primary(lang), (lang, text[:80])
    assert not mismatches(edition)
    assert not judged_agree(edition)[1]


@needs_udhr
def test_mixed_texts_measured(tmp_path):
    """Nineteen texts, one per UDHR language, each with three paragraphs of another language among
    eight of its own (a deterministic draw). Figures printed; no block may get a language it is not in."""
    import random

    rng = random.Random(15)
    seeds, origin = {}, {}
    for main in LANGS:
        other = rng.choice([lang for lang in LANGS if lang != main and not siblings(lang, main)])
        own, foreign = rng.sample(POOL[main][5:], 8), rng.sample(POOL[other][5:], 3)
        seeds[f"mix-{main}"] = "\n\n".join(own[:3] + foreign[:1] + own[3:6] + foreign[1:] + own[6:]) + "\n"
        origin[f"mix-{main}"] = {**{" ".join(b.split()): main for b in own}, **{" ".join(b.split()): other for b in foreign}}
    edition = edition_without_language(tmp_path, seeds)
    right = wrong = missed = 0
    for text in edition.texts:
        root = etree.fromstring(text.tei_bytes)
        text_lang = primary(root.get(XML_LANG))
        found = {passage: lang for lang, passage in marked(root)}
        for passage, lang in found.items():
            right, wrong = (right + 1, wrong) if origin[text.id].get(passage) == primary(lang) else (right, wrong + 1)
        missed += sum(1 for passage, lang in origin[text.id].items()
                      if lang != text_lang and passage not in found and len(passage.split()) >= 5)
    warnings = mismatches(edition)
    print(f"\nmixed texts: {right} passages marked with their language, {wrong} with a wrong one, {missed} of "
          f"{right + missed} passages of 5 words or more in another language left to inherit; {len(warnings)} lang-mismatch warnings")
    assert wrong == 0 and not warnings
    assert right >= 0.7 * (right + missed)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.lists(st.sampled_from([IT, EN, RU, BG, "Die Regierung trat zurück.", "Autonomous Action", "Approfondimenti politici",
                              "東京的會議在星期一開始了", "Отворено писмо о будућности библиотеке", "Otvoreno pismo o budućnosti biblioteke"]),
             min_size=1, max_size=3),
    st.sampled_from(["en", "it", "bg", "ru", "sr-Cyrl", "zh-Hans", "de"]),
    st.lists(st.sampled_from(["en", "it", "bg", "sr-Latn"]), max_size=2),
)
def test_the_decision_is_stable_under_its_own_answer(parts, home, others):
    """What the converter writes (the verdict, asked with the work's language) is what the validator
    accepts (no verdict, asked with the language written), for any text and any text languages."""
    text = " ".join(parts)
    text_languages = [home, *others]
    verdict = decide(text, home, text_languages)
    written = verdict.lang or home
    assert decide(text, written, text_languages).lang is None, (text, home, verdict)


@pytest.mark.slow
def test_the_fixtures_tei_is_valid_with_script_subtags(tmp_path, tei_all):
    edition = edition_without_language(tmp_path, {p.stem.lower(): p for p in sorted(LANGUAGE_FIXTURES.glob("*.txt"))})
    for text in edition.texts:
        tree = etree.fromstring(text.tei_bytes)
        assert tei_all.validate(tree), "\n".join(f"{e.line}:{e.column}: {e.message}" for e in tei_all.error_log)
        assert all(is_valid(tag) for tag in tree.xpath("//@xml:lang"))
