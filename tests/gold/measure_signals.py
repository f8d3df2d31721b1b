"""What each signal of the aligner is worth, measured: the seed gold pairs and the 190 UDHR pairs, with
all signals, with each signal switched off, and with lengths alone. Prints the Markdown table kept in
tests/gold/ALIGNMENT.md ("What each signal is worth").

    .venv/bin/python tests/gold/measure_signals.py      (about a minute)

A signal is switched off by setting its weights to zero in `interlinea.alignment` for the run.
"""

from __future__ import annotations

import csv
import sys
from contextlib import contextmanager
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))

from interlinea import alignment  # noqa: E402
from interlinea.alignment_units import work_units  # noqa: E402
from interlinea.xml_input import read_xml  # noqa: E402
from test_alignment import udhr_scores  # noqa: E402

ROOT = TESTS.parent
PAIRS = ["organise-it.1__organise-en.1", "organise-it.2__pramen-bg.1", "tir-en-it.1__tir-en-it.2"]
SIGNALS = {
    "anchors": {"ANCHOR_SHARED": 0.0, "ANCHOR_ALONE": 0.0},
    "sentence counts": {"SENTENCE_CAP": 0.0},
    "block kinds": {"KIND_MISMATCH": 0.0, "KIND_ABSENT": 0.0},
}


@contextmanager
def patched(values: dict[str, float]):
    old = {name: getattr(alignment, name) for name in values}
    for name, value in values.items():
        setattr(alignment, name, value)
    try:
        yield
    finally:
        for name, value in old.items():
            setattr(alignment, name, value)


def seed_f1(pair: str) -> float:
    a_ref, b_ref = pair.split("__")
    units = [work_units(read_xml(ROOT / "tei" / f"{ref.rsplit('.', 1)[0]}.xml").tree, ref) for ref in (a_ref, b_ref)]
    with open(TESTS / "gold" / "alignment" / f"{pair}.tsv", encoding="utf-8") as handle:
        gold = {(x, y) for row in csv.DictReader(handle, delimiter="\t") for x in row["a_ids"].split() for y in row["b_ids"].split()}
    got = {(x, y) for g in alignment.align(*units) for x in g.a for y in g.b}
    precision, recall = len(gold & got) / len(got), len(gold & got) / len(gold)
    return 2 * precision * recall / (precision + recall) if gold & got else 0.0


def row(label: str, values: dict[str, float]) -> str:
    with patched(values):
        seeds = [seed_f1(pair) for pair in PAIRS]
        udhr = udhr_scores()
    worst, mean = min(udhr.values()), sum(udhr.values()) / len(udhr)
    return f"| {label} | " + " | ".join(f"{f:.3f}" for f in seeds) + f" | {worst:.4f} | {mean:.4f} |"


def main() -> None:
    print("| signals | organise-it.1 ↔ en.1 | organise-it.2 ↔ pramen-bg.1 | tir-en-it.1 ↔ .2 | UDHR worst | UDHR mean |")
    print("|---|---|---|---|---|---|")
    print(row("all", {}), flush=True)
    for name, values in SIGNALS.items():
        print(row(f"all but {name}", values), flush=True)
    print(row("lengths alone", {k: v for values in SIGNALS.values() for k, v in values.items()}), flush=True)


if __name__ == "__main__":
    main()
