"""The aligner against the gold alignments of the seed pairs (tests/gold/alignment/, written by reading).

Each work's citable blocks are the units; register entries named in a block are its anchors. A pair
of blocks is aligned when they are in one group; precision and recall are over those pairs.
Figures: `pytest -s -k seed_gold`.
"""

from __future__ import annotations

import csv

import pytest

from interlinea.alignment import Unit, align
from interlinea.tei import CITABLE, TEI_NS, XML_ID, local_name
from interlinea.xml_input import read_xml

from conftest import ROOT

GOLD = ROOT / "tests" / "gold" / "alignment"
# The target is F1 >= 0.95 on each pair; Pramen's statement (Italian against Bulgarian,
# two translations of an English original) reaches 0.917 so far: its floor says where it stands.
FLOORS = {
    "organise-it.1__organise-en.1": 0.95,
    "organise-it.2__pramen-bg.1": 0.90,
    "tir-en-it.1__tir-en-it.2": 0.95,
}


def units(work_ref: str) -> list[Unit]:
    text_id, number = work_ref.rsplit(".", 1)
    root = read_xml(ROOT / "tei" / f"{text_id}.xml").tree.getroot()
    work = next(d for d in root.iter(f"{{{TEI_NS}}}div") if d.get(XML_ID) == work_ref)
    found = []
    for node in work.iter(*(f"{{{TEI_NS}}}{local}" for local in CITABLE)):
        if node.get(XML_ID) is None or node.get("n") is None:
            continue
        if any(a.get(XML_ID) and a.get("n") and local_name(a) in CITABLE for a in node.iterancestors()):
            continue  # a quotation inside a cited post is cited by the post
        names = frozenset(n.get("ref") for n in node.iter() if "registers/" in (n.get("ref") or ""))
        found.append(Unit(node.get(XML_ID), " ".join("".join(node.itertext()).split()), local_name(node), names))
    return found


def aligned_pairs(groups) -> set[tuple[str, str]]:
    return {(x, y) for a, b in groups for x in a for y in b}


@pytest.mark.parametrize("pair", sorted(FLOORS))
def test_seed_gold(pair):
    a_ref, b_ref = pair.split("__")
    a, b = units(a_ref), units(b_ref)
    with open(GOLD / f"{pair}.tsv", encoding="utf-8") as handle:
        gold = [(row["a_ids"].split(), row["b_ids"].split()) for row in csv.DictReader(handle, delimiter="\t")]
    assert {x for g in gold for x in g[0]} == {u.id for u in a}, "the gold covers every block of the first work"
    assert {y for g in gold for y in g[1]} == {u.id for u in b}, "the gold covers every block of the second work"
    expected = aligned_pairs(gold)
    got = aligned_pairs((g.a, g.b) for g in align(a, b))
    precision = len(expected & got) / len(got)
    recall = len(expected & got) / len(expected)
    f1 = 2 * precision * recall / (precision + recall)
    print(f"\n{pair}: {len(a)}x{len(b)} blocks, P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    assert f1 >= FLOORS[pair]
