"""`python -m bench [NAME ...] [--only NAME]`: run benchmarks, print Markdown tables, save them in bench/results/.

The benchmarks of ON_REQUEST (hours at their default sizes) run only when named: `python -m bench build_scale`.

Always exits 0 when the benchmarks ran, whatever the PASS/MISS/FAIL verdicts: the tables are the
result, to be read by a person, not a gate.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from bench import BENCHMARKS
from bench.measure import machine_info, markdown_table, say

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
RESULTS = BENCH_DIR / "results"
ON_REQUEST = ("build_scale",)  # run only when named, never by a bare `python -m bench`
KNOWN = BENCHMARKS + ON_REQUEST

COLUMNS = """Columns: Files and TEI MB (10^6 bytes) describe the corpus; Median s is the median wall-clock time
of the timed runs (after one untimed warm-up run that also checks the result); Files/s = Files / Median s;
Peak RSS MiB is the largest peak resident memory of the command's process tree over the timed runs;
Result is PASS/MISS against the target, FAIL when the command failed or reported errors, SKIP when not run."""


def _sizes(value: str) -> tuple[int, ...]:
    """`1000,10000` -> (1000, 10000): numbers of texts, each at least 4 (one copy of the seed edition)."""
    try:
        sizes = tuple(int(part) for part in value.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of numbers: {value!r}") from None
    if not sizes or min(sizes) < 4:
        raise argparse.ArgumentTypeError(f"give numbers of texts of at least 4: {value!r}")
    return sizes


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"benchmarks to run (default: all but {', '.join(ON_REQUEST)}): {', '.join(KNOWN)}")
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="run only this benchmark (repeatable)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per measurement (default: 3)")
    parser.add_argument("--scale", type=int, default=100, help="copies of the edition in the large corpus (default: 100)")
    parser.add_argument("--edition", type=Path, default=REPO, help="the edition to measure (default: this repository)")
    parser.add_argument("--keep-corpus", type=Path, metavar="DIR", help="generate the large corpus in DIR (new or empty) and keep it")
    parser.add_argument("--texts", type=_sizes, default=None, metavar="N,N", help="build_scale: texts of the generated editions, comma-separated (default: 1000,10000)")
    options = parser.parse_args(argv)
    unknown = sorted(set(options.names + options.only) - set(KNOWN))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(KNOWN)}")
    if options.repeats < 1 or options.scale < 1:
        parser.error("--repeats and --scale must be at least 1")
    return options


def report(module, rows, machine: list[str]) -> str:
    """The Markdown saved in bench/results/<name>.md: heading, targets, table, columns, machine.

    A module with a table of its own defines `markdown_table(rows)` and `COLUMNS` (bench/build_scale.py)."""
    targets = "\n".join(f"- target: {t}" for t in module.TARGETS) or "- no targets"
    machine_lines = "\n".join(f"- {line}" for line in machine)
    table = getattr(module, "markdown_table", markdown_table)(rows)
    return (
        f"# {module.TITLE}\n\n{targets}\n\n{table}\n{getattr(module, 'COLUMNS', COLUMNS)}\n\n"
        f"## Machine\n\n{machine_lines}\n"
    )


def main(argv: list[str]) -> int:
    options = parse_args(argv)
    selected = set(options.names + options.only)
    names = [name for name in KNOWN if name in selected] if selected else list(BENCHMARKS)
    machine = machine_info(REPO)
    RESULTS.mkdir(exist_ok=True)
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        rows = module.run(options)
        text = report(module, rows, machine)
        path = RESULTS / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        print(f"# {module.TITLE}\n")
        print("\n".join(f"target: {t}" for t in module.TARGETS) + "\n")
        print(getattr(module, "markdown_table", markdown_table)(rows))
        say(f"saved {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
