"""Alignment benchmark: time and peak memory of aligning two works of 500, 2 000 and 8 000 blocks.

The works are built from the UDHR texts beside the checkout (../shared/corpus/udhr, as
bench/long_seed.py finds them): work a is the Polish text repeated, work b the Swedish one as many times, so the aligner meets real translation lengths and a few 1:2 and 2:1
groups in every copy.

Unlike the other benchmarks this one runs in-process: `interlinea.alignment.align` is a pure
function with no command of its own yet. Time is the median wall-clock time of `--repeats` calls
after one untimed warm-up call; memory is the peak of Python allocations during one further call,
measured with tracemalloc (tracing slows the call down, so it is not timed), reported in the
"Peak RSS MiB" column. Memory should grow linearly with the number of blocks (the search keeps only
a band around the diagonal); the note gives the ratios to the 500-block row.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from pathlib import Path

from bench.measure import Row, say
from interlinea.alignment import Unit, align

TITLE = "Alignment: time and peak memory by number of blocks"
SIZES = (500, 2000, 8000)
TARGET_BLOCKS, TARGET_S = 2000, 2.0
TARGETS = [
    f"two works of {TARGET_BLOCKS} blocks each align in under {TARGET_S:g} s",
    "peak memory grows linearly with the number of blocks (see the ratios in the notes)",
]
UDHR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "udhr"


def paragraphs(lang: str) -> list[str]:
    text = (UDHR / f"{lang}.txt").read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def works(blocks: int) -> tuple[list[Unit], list[Unit]]:
    """Work a: `blocks` units, the Polish UDHR repeated; work b: as many copies of the Swedish one.

    Both are cut at the same fraction of a copy, so that the two works stay translations of each
    other (cutting both at `blocks` would leave b's last copies unmatched)."""
    pl, sv = paragraphs("pl"), paragraphs("sv")
    a = [Unit(f"pl{k}", pl[k % len(pl)]) for k in range(blocks)]
    b = [Unit(f"sv{k}", sv[k % len(sv)]) for k in range(round(blocks * len(sv) / len(pl)))]
    return a, b


def _peak_mib(a: list[Unit], b: list[Unit]) -> float:
    tracemalloc.start()
    try:
        align(a, b)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _row(blocks: int, repeats: int, base: tuple[float, float] | None) -> Row:
    a, b = works(blocks)
    align(a, b)  # warm-up
    times = []
    for n in range(repeats):
        start = time.perf_counter()
        align(a, b)
        times.append(time.perf_counter() - start)
        say(f"align {blocks}+{blocks} blocks: run {n + 1}/{repeats}: {times[-1]:.2f} s")
    seconds, peak = statistics.median(times), _peak_mib(a, b)
    note = f"peak traced memory {peak:.1f} MiB"
    if base:
        note += f"; vs {SIZES[0]} blocks: {blocks / SIZES[0]:.0f}× the size, {seconds / base[0]:.1f}× the time, {peak / base[1]:.1f}× the memory"
    megabytes = sum(len(u.text.encode("utf-8")) for u in a + b) / 1e6
    target = TARGET_S if blocks == TARGET_BLOCKS else None
    return Row("align", f"{blocks}+{blocks} UDHR blocks", 2, megabytes, seconds, peak, target, note=note)


def run(options: argparse.Namespace) -> list[Row]:
    if not UDHR.is_dir():
        say(f"no UDHR corpus at {UDHR}: alignment benchmark skipped")
        return [Row("align", f"{n}+{n} UDHR blocks", 2, 0.0, note="no corpus") for n in SIZES]
    rows: list[Row] = []
    for blocks in SIZES:
        rows.append(_row(blocks, options.repeats if blocks < SIZES[-1] else 1, (rows[0].seconds, rows[0].rss_mib) if rows else None))
    return rows
