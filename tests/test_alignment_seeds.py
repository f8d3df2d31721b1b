"""The aligner against the gold alignments of the seed pairs (tests/gold/alignment/, written by reading).

Each work's citable blocks are the units; register entries named in a block are its anchors. A pair
of blocks is aligned when they are in one group; precision and recall are over those pairs.
Figures: `pytest -s -k seed_gold`.
"""

from __future__ import annotations

import csv

import pytest

from interlinea.alignment import Unit, align
from interlinea.alignment_units import work_units
from interlinea.xml_input import read_xml

from conftest import ROOT

GOLD = ROOT / "tests" / "gold" / "alignment"
# The target, F1 >= 0.95, on each pair. Reached: organise-it.1 0.986 (the embedded tweet,
# whose text the English only links to, stays unaligned), Pramen's statement (Italian against
# Bulgarian, two translations of an English original) 1.000, tir-en-it 0.957 (the English main heading
# and the caption a monotone aligner cannot leave out of its group, one paragraph on the wrong side of
# a boundary).
FLOORS = {
    "organise-it.1__organise-en.1": 0.95,
    "organise-it.2__pramen-bg.1": 0.95,
    "tir-en-it.1__tir-en-it.2": 0.95,
}


def units(work_ref: str) -> list[Unit]:
    text_id = work_ref.rsplit(".", 1)[0]
    return work_units(read_xml(ROOT / "tei" / f"{text_id}.xml").tree, work_ref)


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


def test_align_shows_the_groups_for_review():
    from click.testing import CliRunner

    from interlinea.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["align", "organise-it.1", "organise-en", "--edition", str(ROOT)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == "2 groups are fixed in seeds/alignment.toml (flagged =)"
    assert lines[0] == f"organise-it.1 ↔ organise-en.1: {len(lines) - 4} groups"
    assert "groups are weak (cert < 0.5, flagged ?); review them first" in lines[-2]
    assert any(line.lstrip().startswith(("0.", "1.")) and "?" in line[:8] for line in lines[2:-1]), "a 1:0 group is flagged"
    import json

    data = json.loads(runner.invoke(main, ["align", "tir-en-it.1", "tir-en-it.2", "--format", "json", "--edition", str(ROOT)]).output)
    assert data["unrelated"] is False
    assert {"a": ["tir-en-it.1.19", "tir-en-it.1.20", "tir-en-it.1.21", "tir-en-it.1.22", "tir-en-it.1.23", "tir-en-it.1.24", "tir-en-it.1.25", "tir-en-it.1.26", "tir-en-it.1.27"], "b": ["tir-en-it.2.9"]} in [
        {"a": g["a"], "b": g["b"]} for g in data["groups"]
    ], "one Italian block stands for nine English ones"
    missing = runner.invoke(main, ["align", "organise-it.3", "organise-en", "--edition", str(ROOT)])
    assert missing.exit_code == 1 and "no work 'organise-it.3'" in missing.stderr


@pytest.mark.parametrize("pair", sorted(FLOORS))
def test_the_stored_alignment_with_the_corrections_meets_the_target_too(pair):
    """What tei/alignment/ holds (the aligner around the editors' confirmed groups) scores as well."""
    from lxml import etree

    a_ref = pair.split("__")[0]
    with open(GOLD / f"{pair}.tsv", encoding="utf-8") as handle:
        expected = aligned_pairs((row["a_ids"].split(), row["b_ids"].split()) for row in csv.DictReader(handle, delimiter="\t"))
    got = set()
    for link in etree.parse(str(ROOT / "tei" / "alignment" / f"{pair}.xml")).iter("{http://www.tei-c.org/ns/1.0}link"):
        ids = [pointer.split("#", 1)[1] for pointer in link.get("target").split()]
        side_a = [i for i in ids if i.startswith(a_ref + ".")]
        got |= {(x, y) for x in side_a for y in ids if y not in side_a}
    precision, recall = len(expected & got) / len(got), len(expected & got) / len(expected)
    assert 2 * precision * recall / (precision + recall) >= FLOORS[pair]
