"""Property tests: for any text the converter accepts, the TEI is valid and keeps every word in order."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from interlinea.convert import convert_text
from interlinea.errors import SeedError
from interlinea.manifest import Agent, EditionMeta, TextEntry
from reading import reading_text
from interlinea.seeds import Seed, check_seed_bytes
from interlinea.validate import project_schema
from interlinea.entities import Tagger
from interlinea.registers import load_registers
from pathlib import Path

META = EditionMeta(
    id="p", title="Property edition", publisher="Tests", date="2026-01-01", licence="CC-BY-4.0",
    licence_url="https://creativecommons.org/licenses/by/4.0/", editors=(Agent("Tester"),),
)
ENTRY = TextEntry(
    id="prop", source="prop.txt", lang="en", titles={"en": "Prop"}, title_supplied=False,
    authors=(Agent("The Group"),), translators=(), publication=None, date=None, declared_works=(), passages=(),
)

TAGGER = Tagger(load_registers(Path(__file__).resolve().parents[1] / "tei" / "registers"))

WORDS = st.sampled_from(
    "the uprising in Kazakhstan began on January workers Zhanaozen протести Казахстан città Putin's Москвы "
    "Collective Security Treaty Organization dell’Armenia Tokayevs "
    "(CSTO) “quoted” ‘single’ Putin's l’esercito — – ... ! ? : 2022 10, ■ [note] a&b <tag> x>y".split()
)
URLS = st.sampled_from(["https://a.org/x", "(https://b.org/y)", "pic.twitter.com/z", "www.c.org/q?a=1&b=2."])
SPECIAL_LINES = st.sampled_from([
    "First Statement:", "Related Media", "The Group", "– The Group", "January 10, 2022", "———————",
    "Originale da https://a.org/x", "Translated by Somebody", '"A Quoted Title"', "Pramen",
    "Post text https://t.co/a — Someone (@someone) January 4, 2022", "Home | News | About",
])


@st.composite
def line(draw):
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(SPECIAL_LINES)
    words = draw(st.lists(st.one_of(WORDS, URLS) if kind == 1 else WORDS, min_size=1, max_size=30))
    return " ".join(words)


@st.composite
def seed_text(draw):
    lines = draw(st.lists(line(), min_size=1, max_size=25))
    gaps = draw(st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n"]), min_size=len(lines), max_size=len(lines)))
    return "".join(text + gap for text, gap in zip(lines, gaps))


def seed_of(text: str) -> Seed:
    from pathlib import Path

    data = text.encode("utf-8")
    decoded, bom, crlf = check_seed_bytes(data, "prop.txt")
    return Seed(path=Path("prop.txt"), data=data, text=decoded, had_bom=bom, had_crlf=crlf)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed_text())
def test_any_text_converts_to_tei_valid_for_both_schemas_keeping_every_word(tei_all, text):
    tree = convert_text(ENTRY, seed_of(text), META, tagger=TAGGER).tree
    assert reading_text(tree) == " ".join(text.split())
    assert project_schema("TEI.text").validate(tree), str(project_schema("TEI.text").error_log)
    assert tei_all.validate(tree), str(tei_all.error_log)
    root = tree.getroot()
    declared = set(root.xpath("//*[local-name()='langUsage']/*/@ident"))
    used = set(root.xpath("*[local-name()='text']//@xml:lang | @xml:lang"))
    assert used <= declared, f"xml:lang {used - declared} not declared in langUsage"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_are_either_read_or_refused_with_a_seed_error(data):
    try:
        text, _, _ = check_seed_bytes(data, "x.txt")
    except SeedError as exc:
        assert exc.message.startswith("x.txt")
    else:
        assert text.strip() and "\r" not in text
        etree.fromstring(f"<t>{text.replace('&', '&amp;').replace('<', '&lt;')}</t>".encode())
