"""The passes: each runs after the reader in a declared order, leaves its earlier work alone, and
enriches TEI that already exists (a hand-edited file) without regenerating it."""

from __future__ import annotations

import pytest
from lxml import etree

from interlinea import passes
from interlinea.edition import load_edition
from interlinea.entities import Tagger
from interlinea.passes import PASSES, PassContext, run_passes
from interlinea.registers import load_registers
from interlinea.tei import TEI_NS
from interlinea.xml_input import read_xml
from interlinea.xmlio import serialize

from conftest import ROOT

TEXTS = ["organise-it", "organise-en", "pramen-bg", "tir-en-it"]


@pytest.fixture(scope="module")
def context_of():
    edition = load_edition(ROOT)
    tagger = Tagger(load_registers(edition.registers_dir))
    return lambda text_id: PassContext(entry=edition.manifest.text(text_id), tagger=tagger)


def test_the_passes_run_in_their_declared_order():
    assert [p.name for p in PASSES] == ["links", "names", "dates", "works-cited", "relations"]


@pytest.mark.parametrize("text_id", TEXTS)
def test_the_passes_change_nothing_in_tei_they_already_enriched(context_of, text_id):
    """Run over the committed TEI, every pass finds its work done: the file's bytes are unchanged."""
    path = ROOT / "tei" / f"{text_id}.xml"
    tree = read_xml(path).tree
    run_passes(tree, context_of(text_id))
    assert serialize(tree) == path.read_bytes()


def test_the_passes_enrich_a_hand_edited_tree(context_of):
    """An editor adds a sentence with a URL and a name: the passes mark both, and nothing else moves."""
    path = ROOT / "tei" / "organise-en.xml"
    tree = read_xml(path).tree
    paragraph = tree.getroot().find(f"{{{TEI_NS}}}text//{{{TEI_NS}}}p")
    added = " Reported from Almaty, see https://example.org/report."
    last = paragraph[-1] if len(paragraph) else None
    if last is not None:
        last.tail = (last.tail or "") + added
    else:
        paragraph.text = (paragraph.text or "") + added
    before = etree.tostring(paragraph, encoding="unicode")
    run_passes(tree, context_of("organise-en"))
    after = etree.tostring(paragraph, encoding="unicode")
    assert '<placeName ref="registers/places.xml#almaty">Almaty</placeName>' in after
    assert '<ref target="https://example.org/report">https://example.org/report</ref>' in after
    assert "".join(etree.fromstring(before).itertext()) == "".join(etree.fromstring(after).itertext())


def test_a_pass_is_added_without_touching_the_others(context_of, monkeypatch):
    """A new pass is one entry in PASSES; the reader and the other passes do not change."""
    seen = []

    def shout(tree, context):
        seen.append(context.entry.id)

    monkeypatch.setattr(passes, "PASSES", (*PASSES, passes.Pass("shout", shout)))
    tree = read_xml(ROOT / "tei" / "pramen-bg.xml").tree
    passes.run_passes(tree, context_of("pramen-bg"), passes.PASSES)
    assert seen == ["pramen-bg"]
