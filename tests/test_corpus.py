"""Properties that hold for every seed of the corpus: lossless, deterministic, valid, citable."""

from __future__ import annotations

import difflib
import hashlib

import pytest
from lxml import etree

from interlinea import TEI_NS, XML_NS, stages
from interlinea.edition import load_edition
from reading import reading_text
from interlinea.tei_store import TEIStore, digest

from conftest import ROOT

TEXT_IDS = [t.id for t in load_edition(ROOT).texts]
NS = {"tei": TEI_NS}
CITABLE = ["p", "head", "item", "cit", "note", "signed", "dateline", "byline", "trailer"]


def _text(edition, text_id):
    return next(t for t in edition.texts if t.id == text_id)


@pytest.mark.parametrize("text_id", TEXT_IDS)
def test_every_word_of_the_seed_is_in_the_tei_in_order(seed_edition, text_id):
    text = _text(seed_edition, text_id)
    expected = " ".join(text.seed.text.split())
    got = reading_text(etree.fromstring(text.tei_bytes))
    if got != expected:
        diff = difflib.unified_diff(expected.split(), got.split(), "seed", "tei", lineterm="", n=3)
        pytest.fail("reading text differs from the seed:\n" + "\n".join(list(diff)[:40]))


@pytest.mark.parametrize("text_id", TEXT_IDS)
def test_converting_twice_gives_the_same_bytes(seed_edition, text_id):
    edition = load_edition(ROOT)
    text = _text(edition, text_id)
    stages.convert(edition, [text])
    assert text.tei_bytes == _text(seed_edition, text_id).tei_bytes


@pytest.mark.parametrize("text_id", TEXT_IDS)
def test_committed_tei_matches_the_converter(seed_edition, text_id, accept):
    """tei/ is the golden output of the converter: a change shows as a diff to review (make golden)."""
    text = _text(seed_edition, text_id)
    path = seed_edition.tei_path(text_id)
    if accept:
        TEIStore(path.parent).write({path: text.tei_bytes}, force=True)
    committed = path.read_text(encoding="utf-8") if path.exists() else ""
    produced = text.tei_bytes.decode("utf-8")
    if committed != produced:
        diff = difflib.unified_diff(committed.splitlines(), produced.splitlines(), f"tei/{text_id}.xml (committed)", "converter output", lineterm="")
        pytest.fail(
            "tei/ differs from the converter's output; review and accept with `make golden`:\n"
            + "\n".join(list(diff)[:60])
        )


@pytest.fixture(scope="module")
def seed_alignments(seed_edition) -> dict:
    stages.align(seed_edition, seed_edition.texts)
    return seed_edition.alignments


@pytest.mark.parametrize("pair", ["organise-it.1__organise-en.1", "organise-it.2__pramen-bg.1", "tir-en-it.1__tir-en-it.2"])
def test_committed_alignments_match_the_aligner(seed_edition, seed_alignments, pair, accept):
    """tei/alignment/ is golden too: a change of the aligner shows as a diff to review (make golden)."""
    path = seed_edition.alignment_dir / f"{pair}.xml"
    produced = seed_alignments[path]
    if accept:
        TEIStore(seed_edition.tei_dir).write({path: produced}, force=True)
    committed = path.read_text(encoding="utf-8") if path.exists() else ""
    if committed != produced.decode("utf-8"):
        diff = difflib.unified_diff(committed.splitlines(), produced.decode("utf-8").splitlines(), f"tei/alignment/{pair}.xml (committed)", "aligner output", lineterm="")
        pytest.fail("tei/alignment/ differs from the aligner's output; review and accept with `make golden`:\n" + "\n".join(list(diff)[:60]))
    assert set(seed_alignments) == set(seed_edition.alignment_paths())


def test_committed_record_knows_every_tei_file(seed_edition):
    """tei/.interlinea-record.json lists the digest of each committed text, so that a fresh clone
    can tell a hand edit from the converter's output."""
    store = TEIStore(seed_edition.tei_dir)
    for text_id in TEXT_IDS:
        path = seed_edition.tei_path(text_id)
        assert store.record.get(path.name) == [digest(path.read_bytes())], f"{path.name}: run `make golden`"
    for path in seed_edition.alignment_paths():
        name = f"alignment/{path.name}"
        assert store.record.get(name) == [digest(path.read_bytes())], f"{name}: run `make golden`"


@pytest.mark.slow
@pytest.mark.parametrize("text_id", TEXT_IDS)
def test_tei_is_valid_against_tei_all(seed_edition, tei_all, text_id):
    tree = etree.fromstring(_text(seed_edition, text_id).tei_bytes)
    valid = tei_all.validate(tree)
    assert valid, "\n".join(f"{e.line}:{e.column}: {e.message}" for e in tei_all.error_log)


@pytest.mark.slow
def test_registers_are_valid_against_tei_all(seed_edition, tei_all):
    for path in seed_edition.register_paths():
        assert tei_all.validate(etree.parse(str(path))), f"{path}: " + str(tei_all.error_log)


def test_xml_ids_are_unique_across_the_edition(seed_edition):
    seen = {}
    for text in seed_edition.texts:
        for node in etree.fromstring(text.tei_bytes).iter():
            xml_id = node.get(f"{{{XML_NS}}}id")
            if xml_id:
                assert xml_id not in seen, f"{xml_id} in {text.id} and {seen[xml_id]}"
                seen[xml_id] = text.id


@pytest.mark.parametrize("text_id", TEXT_IDS)
def test_every_citable_block_has_an_id_and_a_number(seed_edition, text_id):
    root = etree.fromstring(_text(seed_edition, text_id).tei_bytes)
    body = root.find(".//tei:body", NS)
    for work in body.findall("tei:div[@type='work']", NS):
        numbers = []
        for local in CITABLE:
            for node in work.iter(f"{{{TEI_NS}}}{local}"):
                if local == "bibl" or (local == "quote" and node.getparent().tag.endswith("cit")):
                    continue
                assert node.get(f"{{{XML_NS}}}id"), f"<{local}> without xml:id at line {node.sourceline}"
                numbers.append(int(node.get("n")))
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), "numbers run 1..N through each work"


@pytest.mark.parametrize("text_id", TEXT_IDS)
def test_header_records_the_seed_file_and_its_digest(seed_edition, text_id):
    text = _text(seed_edition, text_id)
    root = etree.fromstring(text.tei_bytes)
    seed_bibl = root.find(".//tei:sourceDesc/tei:bibl[@type='seed']", NS)
    assert seed_bibl.findtext("tei:idno[@type='filename']", namespaces=NS) == text.entry.source
    digest = hashlib.sha256((ROOT / "seeds" / text.entry.source).read_bytes()).hexdigest()
    assert seed_bibl.findtext("tei:idno[@type='sha256']", namespaces=NS) == digest


def test_seeds_are_the_shared_corpus_unchanged():
    shared = ROOT.parent / "shared" / "seeds"
    assert shared.is_dir(), "../shared/seeds must lie beside this checkout (as on CI)"
    for path in sorted(shared.glob("*.txt")):
        assert (ROOT / "seeds" / path.name).read_bytes() == path.read_bytes(), path.name
