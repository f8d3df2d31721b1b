"""The paragraph aligner (interlinea.alignment) on the UDHR in 20 languages, on generated edits of it,
on unrelated texts, and its structural guarantee (every unit in exactly one group, in order).

Gold alignment: ../shared/corpus/udhr/GOLD.tsv (beside the checkout) names, per language, the blocks of each unit (the
title, the preamble, each article's heading, items and paragraphs); units with the same name translate
each other. Blocks are the blank-line-separated lines of each .txt, numbered from 1 (README: block k
is on line 2k-1). The gold pairs of two languages are all pairs of blocks of the same leaf unit.
The preamble is a leaf whose paragraphs are divided differently by each translation (9 to 13
blocks), so which of its blocks translate which is not known: pairs inside the two preambles count
neither as right nor as wrong; a pair joining a preamble block with any other block is wrong.
"""

from __future__ import annotations

import itertools
import random
import re
import time

import pytest

from interlinea.alignment import Group, Unit, align, looks_unrelated

from conftest import ROOT

UDHR = ROOT.parent / "shared" / "corpus" / "udhr"  # shared/ lies beside the checkout (as on CI)

UDHR_FLOOR = 0.99  # worst pair reached: 0.9939 (cs-sw, sw-vi); the issue asks 0.98 on every pair
UDHR_MEAN_FLOOR = 0.999  # reached: 0.9999
EDITED_FLOOR = 0.90  # worst of the 12 seeds reached: 0.913 (mean 0.963)
DONT_CARE = "preamble"


def blocks(lang: str) -> list[Unit]:
    text = (UDHR / f"{lang}.txt").read_text(encoding="utf-8")
    lines = [line for line in text.split("\n\n") if line.strip()]
    return [Unit(f"{lang}:{k}", line.strip()) for k, line in enumerate(lines, 1)]


def gold_units() -> dict[str, dict[str, str]]:
    """lang -> block id -> the leaf unit it belongs to."""
    rows = [line.split("\t") for line in (UDHR / "GOLD.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    names = {r[0] for r in rows}
    leaves = {n for n in names if not any(m.startswith(n + ".") for m in names)}
    owner: dict[str, dict[str, str]] = {}
    for unit, lang, first, last, *_ in rows:
        if unit in leaves:
            for k in range(int(first), int(last) + 1):
                owner.setdefault(lang, {})[f"{lang}:{k}"] = unit
    return owner


LANGS = sorted(p.stem for p in UDHR.glob("*.txt"))
BLOCKS = {lang: blocks(lang) for lang in LANGS}
GOLD = gold_units()


def pairs(groups: list[Group]) -> set[tuple[str, str]]:
    return {(x, y) for g in groups for x in g.a for y in g.b}


def f1(found: set, gold: set) -> float:
    if not found and not gold:
        return 1.0
    right = len(found & gold)
    precision = right / len(found) if found else 0.0
    recall = right / len(gold) if gold else 0.0
    return 2 * precision * recall / (precision + recall) if right else 0.0


def udhr_f1(la: str, lb: str, **options) -> float:
    owner_a, owner_b = GOLD[la], GOLD[lb]
    gold = {(x.id, y.id) for x in BLOCKS[la] for y in BLOCKS[lb]
            if owner_a.get(x.id) == owner_b.get(y.id) != DONT_CARE}
    found = {(x, y) for x, y in pairs(align(BLOCKS[la], BLOCKS[lb], **options))
             if not (owner_a.get(x) == owner_b.get(y) == DONT_CARE)}
    return f1(found, gold)


def udhr_scores(**options) -> dict[tuple[str, str], float]:
    return {(la, lb): udhr_f1(la, lb, **options) for la, lb in itertools.combinations(LANGS, 2)}


def test_udhr_all_pairs() -> None:
    start = time.perf_counter()
    scores = udhr_scores()
    seconds = time.perf_counter() - start
    worst = sorted(scores.items(), key=lambda kv: kv[1])[:5]
    mean = sum(scores.values()) / len(scores)
    print(f"\nUDHR: {len(scores)} pairs in {seconds:.1f} s, mean F1 {mean:.4f}, worst: "
          + ", ".join(f"{a}-{b} {s:.4f}" for (a, b), s in worst))
    assert len(scores) == 190
    assert worst[0][1] >= UDHR_FLOOR
    assert mean >= UDHR_MEAN_FLOOR


# Generated edits: the truth is known because we make the differences ourselves.

_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")


def edited_copy(units: list[Unit], rng: random.Random) -> tuple[list[Unit], set[tuple[str, str]]]:
    """A copy of `units` with blocks merged, split at a sentence end, dropped, and foreign ones inserted;
    returns the copy and the true pairs (original id, copy id)."""
    copy: list[Unit] = []
    truth: set[tuple[str, str]] = set()
    n = 0
    i = 0

    def emit(text: str, sources: list[str]) -> None:
        nonlocal n
        n += 1
        copy.append(Unit(f"c{n}", text))
        truth.update((s, f"c{n}") for s in sources)

    while i < len(units):
        roll = rng.random()
        u = units[i]
        parts = [p for p in _SENTENCE_END.split(u.text) if p]
        if roll < 0.08 and i + 1 < len(units):  # merge two or three blocks
            k = rng.choice((2, 3))
            group = units[i:i + k]
            emit(" ".join(x.text for x in group), [x.id for x in group])
            i += k
            continue
        if roll < 0.16 and len(parts) >= 2:  # split at a sentence end
            cut = rng.randrange(1, len(parts))
            emit(" ".join(parts[:cut]), [u.id])
            emit(" ".join(parts[cut:]), [u.id])
        elif roll < 0.20:  # dropped
            pass
        else:
            emit(u.text, [u.id])
        if rng.random() < 0.04:  # an inserted block, from another text
            emit(rng.choice(SEED_PARAGRAPHS), [])
        i += 1
    return copy, truth


def seed_paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [b.strip() for t in texts for b in re.split(r"\n\s*\n", t) if len(b.strip()) > 40]


SEED_PARAGRAPHS = seed_paragraphs()


@pytest.mark.parametrize("seed", range(12))
def test_generated_edits(seed: int) -> None:
    rng = random.Random(seed)
    la = rng.choice(LANGS)
    original = BLOCKS[la]
    copy, truth = edited_copy(original, rng)
    score = f1(pairs(align(original, copy)), truth)
    print(f"\ngenerated edits, seed {seed} ({la}): F1 {score:.4f}")
    assert score >= EDITED_FLOOR


@pytest.mark.parametrize("la, lb", [("pl", "th"), ("fa", "sv"), ("ka", "vi")])
def test_unrelated_shuffled(la: str, lb: str) -> None:
    shuffled = BLOCKS[lb][:]
    random.Random(1).shuffle(shuffled)
    groups = align(BLOCKS[la], shuffled)
    print(f"\nunrelated {la} vs shuffled {lb}: max cert {max(g.cert for g in groups):.3f}")
    assert looks_unrelated(groups)


def test_unrelated_seeds() -> None:
    seeds = [Unit(f"s{k}", t) for k, t in enumerate(SEED_PARAGRAPHS)]
    groups = align(BLOCKS["pl"], seeds)
    assert looks_unrelated(groups)


def test_related_do_not_look_unrelated() -> None:
    assert not looks_unrelated(align(BLOCKS["pl"], BLOCKS["th"]))


@pytest.mark.parametrize("seed", range(30))
def test_groups_cover_every_unit_in_order(seed: int) -> None:
    rng = random.Random(seed)
    na, nb = rng.randrange(0, 40), rng.randrange(0, 40)
    pool = [u.text for u in BLOCKS["sv"]] + ["", "1", "x"]
    a = [Unit(f"a{k}", rng.choice(pool), rng.choice(("p", "head"))) for k in range(na)]
    b = [Unit(f"b{k}", rng.choice(pool)) for k in range(nb)]
    groups = align(a, b, band=rng.randrange(1, 8))
    assert [x for g in groups for x in g.a] == [u.id for u in a]
    assert [y for g in groups for y in g.b] == [u.id for u in b]
    assert all(g.a or g.b for g in groups)
    assert all(0.0 <= g.cert <= 1.0 for g in groups)
