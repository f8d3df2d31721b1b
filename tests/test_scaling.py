"""Structural guarantees behind linear-time conversion (the timings themselves are in bench/scaling.py).

The body builder keeps what it needs to know about the tree (is the current division closed, has it
content, has the work a title) in attributes instead of scanning the tree for every block; these
tests check, after every block, that the attributes say what the tree says. The grouping of links
computes each block's role once, however long a run of short lines.
"""

from __future__ import annotations

import importlib

import pytest
from lxml import etree

from interlinea import TEI_NS, stages
from interlinea.convert import convert_text
from interlinea.convert.body import _WorkBuilder
from interlinea.convert.classify import classify
from interlinea.convert.segment import segment
from interlinea.edition import load_edition
from interlinea.manifest import Agent, EditionMeta, TextEntry
from interlinea.seeds import Seed

from conftest import ROOT

# The module, not the function of the same name that interlinea.convert exports.
classify_module = importlib.import_module("interlinea.convert.classify")

# What TEI counts as the content of a division (model.common and subdivisions), read from the tree.
CONTENT = {"p", "list", "cit", "figure", "quote", "div", "ab", "closer", "postscript"}
NS = {"tei": TEI_NS}
PARA = "This paragraph is long enough to be prose and it ends with a full stop."
META = EditionMeta(
    id="s", title="Scaling", publisher="Tests", date="2026-01-01", licence="CC-BY-4.0",
    licence_url="https://creativecommons.org/licenses/by/4.0/", editors=(Agent("Tester"),),
)
ENTRY = TextEntry(
    id="s", source="s.txt", lang="en", titles={"en": "S"}, title_supplied=False,
    authors=(Agent("The Group"),), translators=(), publication=None, date=None, declared_works=(), passages=(),
)


def has_content(division: etree._Element) -> bool:
    return any(etree.QName(child).localname in CONTENT for child in division)


def has_closer(division: etree._Element) -> bool:
    return any(etree.QName(child).localname == "closer" for child in division)


def assert_state_matches_tree(builder: _WorkBuilder) -> None:
    assert builder.filled == has_content(builder.container)
    assert builder.signed == has_closer(builder.container)
    assert builder.closed == has_closer(builder.div)
    assert builder.titles == len(builder.div.findall("tei:head", NS))


@pytest.fixture
def checked_builders(monkeypatch):
    """Every work builder checks its state against the tree after each block, and that no postscript
    is left without content at the end. Returns the kinds of the blocks checked."""
    checked: list[str] = []
    add, finish = _WorkBuilder.add, _WorkBuilder.finish

    def checked_add(self, block):
        add(self, block)
        assert_state_matches_tree(self)
        checked.append(block.kind)

    def checked_finish(self):
        div = finish(self)
        assert all(has_content(postscript) for postscript in div.iterfind("tei:postscript", NS))
        return div

    monkeypatch.setattr(_WorkBuilder, "add", checked_add)
    monkeypatch.setattr(_WorkBuilder, "finish", checked_finish)
    return checked


def convert(text: str) -> etree._Element:
    data = text.encode("utf-8")
    seed = Seed(path=ROOT / "s.txt", data=data, text=text, had_bom=False, had_crlf=False)
    return convert_text(ENTRY, seed, META).tree.getroot()


def test_builder_state_matches_the_tree_on_the_seed_edition(checked_builders):
    edition = load_edition(ROOT)
    stages.convert(edition, edition.texts)
    assert {"heading", "paragraph", "signature", "dateline", "links", "source"} <= set(checked_builders)


@pytest.mark.parametrize(
    "text, expected",
    [
        # Sections, each closed by a signature and a dateline (one closer for both).
        (f"A Title\n\n{PARA}\n\nFirst Statement:\n\n{PARA}\n\nThe Group\n\nJanuary 10, 2022\n\n"
         f"Second Statement:\n\n{PARA}\n\nThe Group", "//tei:div[@type='section']/tei:closer"),
        # Text after the work's signature: postscripts, the last one only headings (trailers then).
        (f"A Title\n\n{PARA}\n\nThe Group\n\n{PARA}\n\nAfterword\n\n{PARA}\n\nNotes\n\nSources\n\n"
         "Original from https://a.org/x", "//tei:postscript"),
        (f"A Title\n\n{PARA}\n\nThe Group\n\n{PARA}\n\nNotes\n\nSources\n\nOriginal from https://a.org/x",
         "//tei:trailer"),
        # A signature before any content cannot close: it is a paragraph.
        (f"Translated by Somebody\n\nThe Group\n\n{PARA}\n\nThe Group", "//tei:p[.='The Group']"),
    ],
)
def test_builder_state_matches_the_tree_after_every_block(checked_builders, text, expected):
    root = convert(text)
    assert root.xpath(expected, namespaces=NS), "the case no longer builds what it is meant to check"
    assert checked_builders


@pytest.mark.parametrize("ending", ["https://example.org/list", "A last paragraph that ends a sentence."])
def test_each_block_gets_its_link_role_once_however_long_the_run_of_short_lines(monkeypatch, ending):
    # Short lines are possible labels, each waiting on the next line's role; asked again for every
    # line this cost the cube of the run's length and recursed as deep as the run was long.
    calls = []
    role = classify_module._link_role

    def counted(*args):
        calls.append(args)
        return role(*args)

    monkeypatch.setattr(classify_module, "_link_role", counted)
    text = "\n".join(f"Short line {n}" for n in range(3000)) + f"\n{ending}\n"
    works = classify(segment(text), ENTRY, "s.txt")
    assert len(calls) == 3001
    assert sum(len(work.blocks) for work in works) >= 1
