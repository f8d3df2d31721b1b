"""Build at scale: the whole `interlinea build` on generated editions of 1 000 and 10 000 texts, and
`interlinea publish` on the real TEI of ../shared/corpus/tei/, each next to its floor.

Run it on request only (it takes hours at the default sizes; `python -m bench` without names leaves
it out): `python -m bench build_scale [--texts 1000,10000]`. A quick check: `--texts 40 --repeats 1`.

**The generated editions.** `bench.corpus.generate` writes `texts // 4` renamed copies of the seed
edition (4 texts each) into a temporary folder (or `--keep-corpus DIR`, in `DIR/build_scale/`):
seeds, manifest with the relations of every copy (translations, versions, siblings: the aligner
aligns the works they relate), registers. The generator also writes each copy's TEI, renamed from
the seed edition's tei/; those files are not the converter's bytes, so the build's hand-edit
protection would take them for hand edits. Rather than `--force` (which would time a build that
overwrites edited files, and keep a tei/ that never came from the seeds), the benchmark deletes
them: every full build starts as a fresh clone would, from seeds/, seeds/edition.toml and
tei/registers/ alone, and converts, aligns, validates and publishes everything.

**Rows, for each generated edition** (every build runs `interlinea build --edition DIR` in a child
process, as a user would type it):

- `full build --jobs 1` and `full build --jobs 2`: each from the same clean state (tei/ texts,
  tei/alignment/, tei/.interlinea-record.json, site/ and the build state .interlinea/ removed before
  every run; seeds/ and tei/registers/ kept);
- `floor`: in the benchmark process, every tei/**/*.xml of the built edition (texts, alignments,
  registers) read as bytes once, then parsed with lxml (`etree.fromstring(data, parser)`, parser
  `XMLParser(resolve_entities=False, no_network=True)`) and serialised (`etree.tostring`); the best of
  3 passes. The full builds' "× floor" column is their time divided by it;
- `rebuild, nothing changed` (`--jobs 2`): the build state and tei/ as the full build left them;
- `rebuild, one seed changed` (`--jobs 2`): a paragraph "Added for the benchmark." appended to the
  seed of the manifest's first text before the run; with several runs, the runs alternate between
  adding it and taking it away again (each is a change of one seed), and the seed is restored at the
  end whatever happens;
- `full build, Dask executor`: `distributed.LocalCluster(n_workers=2, threads_per_worker=1,
  processes=True)` started in the benchmark process (not timed), then `interlinea build --executor
  dask --scheduler ADDRESS` from the clean state, then the cluster closed. A non-zero exit (an
  `interlinea` without `--executor`, a broken cluster) makes the row FAIL with the message; without
  the `distributed` package the row is skipped.

Each full build's tei/ (texts and alignments) is hashed; a build whose TEI differs from the first
full build's FAILs (`--jobs` and the executor must not change the result).

**The real TEI** (../shared/corpus/tei/, 32 files of other projects): there are no seeds, so nothing
to convert or build; the row is `interlinea publish FOLDER --out DIR` (text and HTML, validation of
the foreign TEI as the command does it) from an empty DIR each run, with the floor of the same files.

**Runs.** Generated editions of fewer than 1 000 texts: every row has one untimed warm-up run (that
also checks it) and `--repeats` timed runs, each full build from the clean state. From 1 000 texts on,
every row runs once, timed, without warm-up: a full build of 1 000 texts takes minutes (see
bench/README.md). Instead, one untimed build of a one-copy edition at the start of the benchmark warms
the file cache, the .pyc files and the language models' files for all sizes. The real-TEI row is
small: warm-up and `--repeats` runs.

**Columns.** Time is the median wall-clock time of the timed runs. Files/s is the TEI files the run
wrote (texts and alignments whose bytes changed on disk; for the floor, the files parsed; for
publish, the TEI files read) divided by the time. Peak RSS is `os.wait4`'s `ru_maxrss` of the
`interlinea` child: the largest single process among the child and the processes it waited for (the
conversion pool of `--jobs 2`), not their sum; the Dask workers are the benchmark's children, not the
command's, so their own peaks are in the note. Always exits 0: the PASS/MISS lines under the table are
for a person to read.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import re
import shutil
import statistics
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import generate
from bench.measure import Measurement, Run, interlinea_command, run_once, say
from bench.real_tei import corpus_folder

TITLE = "Build at scale: `interlinea build` on 1 000 and 10 000 generated texts, `interlinea publish` on real TEI, next to lxml's parse and serialise"
DEFAULT_TEXTS = (1000, 10000)
TEXTS_PER_COPY = 4  # the seed edition's texts
LONG_RUN_TEXTS = 1000  # from this size on, every row runs once, without warm-up

RSS_LIMIT_MIB = 1024
FLOOR_RATIO = 20.0
SPEEDUP = 1.7
INCREMENTAL_SHARE = 0.02
INCREMENTAL_S_AT_1000 = 2.0
DASK_RATIO = 1.3
TARGETS = [
    f"10 000 texts: peak RSS at most {RSS_LIMIT_MIB // 1024} GiB (every row of that edition)",
    f"10 000 texts: the full build (--jobs 1, one core like the floor) at most {FLOOR_RATIO:g}× the floor (lxml parsing and serialising the same TEI)",
    f"every size: the full build with --jobs 2 at least {SPEEDUP:g}× as fast as with --jobs 1",
    f"every size: a rebuild after one seed changed takes at most {INCREMENTAL_SHARE:.0%} of the full build (--jobs 2); on 1 000 texts also at most {INCREMENTAL_S_AT_1000:g} s",
    f"every size (the issue's target is the 1 000-text edition): the Dask executor on a 2-worker local cluster within {DASK_RATIO:g}× the time of --jobs 2",
]
COLUMNS = """Columns: Texts is the texts of the edition (real TEI: the files published); Time s is the median wall-clock
time of the timed runs; Files/s is the TEI files the run wrote (texts and alignments whose bytes changed; floor: files
parsed and serialised; publish: TEI files read) per second; Peak RSS MiB is the largest peak resident memory of one
process of the command's tree (os.wait4); × floor is the time divided by the floor's (lxml parsing and serialising
every TEI file of the corpus, best of 3, in the benchmark process); Result is FAIL when the command failed or its
output is wrong, SKIP when not run, `-` otherwise. The PASS/MISS lines under the table check the targets."""

SEED_ADDITION = "Added for the benchmark."
_BUILT = re.compile(r"built (\d+) TEI files in \S+ \(([^)]*)\)")
_PUBLISHED = re.compile(r"published (\d+) texts \([^)]*\) in .*: (\d+) files written")


@dataclass
class ScaleRow:
    """One line of the table. `kind` names the row for the target checks (full-1, full-2, floor,
    rebuild, seed, dask, publish); `seconds` None means skipped."""

    corpus: str
    texts: int
    case: str
    kind: str
    seconds: float | None = None
    files: int | None = None  # files written (or parsed, or read) in one run
    rss_mib: float | None = None
    floor_s: float | None = None  # set on the rows that are compared to the floor
    failed: bool = False
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.failed:
            return "FAIL"
        return "SKIP" if self.seconds is None else "-"


# --- the edition's state --------------------------------------------------------------------------

def _output_files(root: Path) -> list[Path]:
    """The TEI a build writes: tei/<text>.xml and the alignments (not the registers, not dot files)."""
    tei = root / "tei"
    return sorted(p for p in tei.glob("*.xml") if not p.name.startswith(".")) + sorted((tei / "alignment").glob("*.xml"))


def _snapshot(root: Path) -> dict[Path, tuple[int, int, int]]:
    """What is on disk (inode, size, mtime) for each output file: a file replaced since differs."""
    state = {}
    for path in _output_files(root):
        st = path.stat()
        state[path] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return state


def _written(before: dict, after: dict) -> int:
    return sum(1 for path, state in after.items() if before.get(path) != state)


def _tei_digest(root: Path) -> str:
    """One digest of the texts' and alignments' names and bytes, to compare builds."""
    digest = hashlib.sha256()
    for path in _output_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def clean(root: Path) -> None:
    """The state of a fresh clone without tei/: seeds/ and tei/registers/ only."""
    tei = root / "tei"
    for path in tei.glob("*.xml"):
        path.unlink()
    for name in (".interlinea-record.json",):
        (tei / name).unlink(missing_ok=True)
    for path in tei.glob(".interlinea-tmp.*"):
        path.unlink()
    for folder in (tei / "alignment", tei / "alignments", root / "site", root / ".interlinea"):
        shutil.rmtree(folder, ignore_errors=True)


class SeedChange:
    """Appends a paragraph to one seed, or takes it away again, alternately; `restore` puts the
    original bytes back."""

    def __init__(self, seed: Path):
        self.seed = seed
        self.original = seed.read_bytes()
        self.changed = False

    def toggle(self) -> None:
        if self.changed:
            self.restore()
            return
        separator = b"\n" if self.original.endswith(b"\n") else b"\n\n"
        self.seed.write_bytes(self.original + separator + SEED_ADDITION.encode() + b"\n")
        self.changed = True

    def restore(self) -> None:
        self.seed.write_bytes(self.original)
        self.changed = False


def first_seed(root: Path) -> Path:
    """The seed of the manifest's first text."""
    manifest = tomllib.loads((root / "seeds" / "edition.toml").read_text(encoding="utf-8"))
    return root / "seeds" / manifest["text"][0]["source"]


# --- the floor ------------------------------------------------------------------------------------

def floor(paths: list[Path], passes: int = 3) -> tuple[float, int, float, int]:
    """Best-of-`passes` seconds to parse and serialise every file with lxml; the files parsed, their MB,
    and how many did not parse (skipped)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    data = [p.read_bytes() for p in paths]
    good = []
    for item in data:
        try:
            etree.fromstring(item, parser)
            good.append(item)
        except etree.XMLSyntaxError:
            pass
    best = float("inf")
    for _ in range(passes):
        started = time.perf_counter()
        for item in good:
            etree.tostring(etree.fromstring(item, parser))
        best = min(best, time.perf_counter() - started)
    return best, len(good), sum(map(len, good)) / 1e6, len(data) - len(good)


def floor_row(corpus: str, texts: int, paths: list[Path]) -> ScaleRow:
    seconds, files, megabytes, bad = floor(paths)
    say(f"{corpus}: floor: {seconds * 1000:.0f} ms for {files} files ({megabytes:.1f} MB)")
    note = f"{seconds * 1000:.0f} ms; {files} files, {megabytes:.2f} MB; best of 3"
    if bad:
        note += f"; {bad} files that do not parse left out"
    return ScaleRow(corpus, texts, "floor: lxml parse + serialise", "floor", seconds, files, note=note)


# --- timing ---------------------------------------------------------------------------------------

def _last_line(text: str) -> str:
    return next((line.strip() for line in reversed(text.splitlines()) if line.strip()), "no message")


def timed(
    label: str,
    cmd: list[str],
    cwd: Path,
    repeats: int,
    warmup: bool,
    before: Callable[[], None] | None = None,
) -> tuple[Measurement, list[int]]:
    """Like bench.measure.measure, with `before` called (untimed) before every run, the warm-up
    included; also returns the TEI files each timed run wrote."""
    measurement: Measurement | None = None
    written: list[int] = []

    def one() -> Run:
        if before:
            before()
        state = _snapshot(cwd) if (cwd / "tei").is_dir() else {}
        run = run_once(cmd, cwd)
        if (cwd / "tei").is_dir():
            written.append(_written(state, _snapshot(cwd)))
        return run

    if warmup:
        say(f"{label}: warm-up and check run")
        measurement = Measurement(warmup=one())
        written.clear()
    for n in range(1, repeats + 1):
        run = one()
        say(f"{label}: run {n}/{repeats}: {run.seconds:.2f} s, {run.max_rss_bytes / 2**20:.0f} MiB, exit {run.exit_code}")
        if measurement is None:
            measurement = Measurement(warmup=run)
        measurement.runs.append(run)
    assert measurement is not None, "repeats must be at least 1"
    return measurement, written


def build_problem(m: Measurement, texts: int) -> str | None:
    """None when every run exited 0 and the first (checked) run built every text."""
    bad = next((r for r in [m.warmup, *m.runs] if r.exit_code != 0), None)
    if bad is not None:
        return f"exit {bad.exit_code}: {_last_line(bad.stderr + bad.stdout)}"
    built = _BUILT.search(m.warmup.stderr + m.warmup.stdout)
    if not built:
        return f"no `built N TEI files` line; last: {_last_line(m.warmup.stderr + m.warmup.stdout)}"
    if int(built.group(1)) != texts:
        return f"built {built.group(1)} TEI files, expected {texts}"
    return None


def build_note(m: Measurement, written: list[int]) -> str:
    """What the checked run said: the validation summary and the site files it wrote."""
    output = m.warmup.stderr + m.warmup.stdout
    parts = []
    if written:
        parts.append(f"{statistics.median(written):g} TEI files written")
    built = _BUILT.search(output)
    if built:
        parts.append(f"validation: {built.group(2)}")
    published = _PUBLISHED.search(output)
    if published:
        parts.append(f"{published.group(2)} site files written")
    if len(m.runs) > 1:
        parts.append(f"median of {len(m.runs)}")
    return "; ".join(parts)


def build_row(corpus: str, texts: int, case: str, kind: str, m: Measurement, written: list[int], extra: str = "") -> ScaleRow:
    problem = build_problem(m, texts)
    note = problem or build_note(m, written)
    if extra:
        note = f"{note}; {extra}" if note else extra
    files = round(statistics.median(written)) if written else None
    return ScaleRow(corpus, texts, case, kind, m.median_seconds, files, m.max_rss_mib, failed=problem is not None, note=note)


# --- one generated edition ------------------------------------------------------------------------

def _build_cmd(root: Path, *extra: str) -> list[str]:
    return [*interlinea_command(), "build", "--edition", str(root), *extra]


def dask_row(corpus: str, texts: int, root: Path, repeats: int, warmup: bool) -> tuple[ScaleRow, str | None]:
    """The full build on a 2-worker LocalCluster started here; FAIL (not a crash) when it does not work."""
    case = "full build, Dask executor (2 workers)"
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        say(f"{corpus}: skipping the Dask row: {error}")
        return ScaleRow(corpus, texts, case, "dask", note=f"SKIP: distributed is not installed ({error})"), None
    cluster = client = None
    try:
        say(f"{corpus}: starting a LocalCluster of 2 workers")
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR,
        )
        client = Client(cluster)
        cmd = _build_cmd(root, "--executor", "dask", "--scheduler", cluster.scheduler_address)
        m, written = timed(f"{corpus}: {case}", cmd, root, repeats, warmup, before=lambda: clean(root))
        extra = ""
        try:
            import resource

            peaks = client.run(resource.getrusage, resource.RUSAGE_SELF)
            extra = "workers' peak RSS " + ", ".join(f"{usage.ru_maxrss * 1024 / 2**20:.0f}" for usage in peaks.values()) + " MiB"
        except Exception as error:  # the workers' memory is extra information, not the row
            extra = f"workers' peak RSS unknown ({type(error).__name__}: {error})"
        row = build_row(corpus, texts, case, "dask", m, written, extra)
        return row, None if row.failed else _tei_digest(root)
    except Exception as error:
        say(f"WARNING: {corpus}: {case}: {type(error).__name__}: {error}")
        return ScaleRow(corpus, texts, case, "dask", failed=True, note=f"the cluster: {type(error).__name__}: {error}"), None
    finally:
        for closing in (client, cluster):
            if closing is not None:
                try:
                    closing.close()
                except Exception as error:
                    say(f"note: closing {type(closing).__name__}: {error}")


def edition_rows(root: Path, texts: int, repeats: int) -> list[ScaleRow]:
    corpus = f"generated, {texts} texts"
    long_run = texts >= LONG_RUN_TEXTS
    warmup, repeats = (False, 1) if long_run else (True, repeats)
    rows: list[ScaleRow] = []
    reference: dict[str, str] = {}  # the first successful full build's TEI digest, and its case

    def same_tei(row: ScaleRow, digest: str | None) -> None:
        """The build's TEI must be the first full build's; a difference FAILs the row."""
        if row.failed or digest is None:
            return
        if not reference:
            reference.update(digest=digest, case=row.case)
        elif digest != reference["digest"]:
            row.failed = True
            row.note = f"TEI differs from the {reference['case']}'s; {row.note}"

    for jobs in (1, 2):
        case = f"full build --jobs {jobs}"
        m, written = timed(f"{corpus}: {case}", _build_cmd(root, "--jobs", str(jobs)), root, repeats, warmup, before=lambda: clean(root))
        rows.append(build_row(corpus, texts, case, f"full-{jobs}", m, written))
        same_tei(rows[-1], None if rows[-1].failed else _tei_digest(root))

    floor_rows = [floor_row(corpus, texts, sorted((root / "tei").rglob("*.xml")))]
    rows += floor_rows

    case = "rebuild, nothing changed (--jobs 2)"
    m, written = timed(f"{corpus}: {case}", _build_cmd(root, "--jobs", "2"), root, repeats, warmup)
    rows.append(build_row(corpus, texts, case, "rebuild", m, written))

    change = SeedChange(first_seed(root))
    case = "rebuild, one seed changed (--jobs 2)"
    try:
        m, written = timed(f"{corpus}: {case}", _build_cmd(root, "--jobs", "2"), root, repeats, warmup, before=change.toggle)
    finally:
        change.restore()
    rows.append(build_row(corpus, texts, case, "seed", m, written, f"seed {change.seed.name}"))

    row, digest = dask_row(corpus, texts, root, repeats, warmup)
    same_tei(row, digest)
    rows.append(row)

    floor_s = floor_rows[0].seconds
    for row in rows:
        if row.kind in ("full-1", "full-2", "dask") and row.seconds:
            row.floor_s = floor_s
    return rows


# --- the real TEI ---------------------------------------------------------------------------------

def real_tei_rows(folder: Path, work: Path, repeats: int) -> list[ScaleRow]:
    corpus = "real TEI (../shared/corpus/tei)"
    paths = sorted(folder.rglob("*.xml"))
    if not paths:
        return [ScaleRow(corpus, 0, "interlinea publish FOLDER", "publish", note=f"SKIP: no TEI in {folder}")]
    floor_rows = [floor_row(corpus, len(paths), paths)]
    out = work / "site"
    case = "interlinea publish FOLDER (text, html)"
    cmd = [*interlinea_command(), "publish", str(folder), "--out", str(out)]
    m, _ = timed(f"{corpus}: {case}", cmd, work, repeats, True, before=lambda: shutil.rmtree(out, ignore_errors=True))
    bad = next((r for r in [m.warmup, *m.runs] if r.exit_code != 0), None)
    output = m.warmup.stderr + m.warmup.stdout
    published = _PUBLISHED.search(output)
    if bad is not None:
        note, failed = f"exit {bad.exit_code}: {_last_line(bad.stderr + bad.stdout)}", True
    elif not published:
        note, failed = f"no `published N texts` line; last: {_last_line(output)}", True
    else:
        note, failed = f"no conversion (no seeds): validation and publishing only; {published.group(1)} texts, {published.group(2)} files written", False
    texts = int(published.group(1)) if published else len(paths)
    row = ScaleRow(corpus, texts, case, "publish", m.median_seconds, len(paths), m.max_rss_mib,
                   floor_s=floor_rows[0].seconds, failed=failed, note=note)
    return floor_rows + [row]


# --- the run --------------------------------------------------------------------------------------

def _warm_caches(edition: Path, work: Path) -> None:
    """One untimed build of a one-copy edition: file cache, .pyc files, language models, schemas."""
    root = work / "warm-up"
    generate(edition, root, 1)
    clean(root)
    say("warm-up: one untimed build of a one-copy edition")
    run = run_once(_build_cmd(root, "--jobs", "2"), root)
    if run.exit_code != 0:
        say(f"WARNING: the warm-up build failed: exit {run.exit_code}: {_last_line(run.stderr + run.stdout)}")
    shutil.rmtree(root, ignore_errors=True)


def run(options: argparse.Namespace) -> list[ScaleRow]:
    edition = options.edition.resolve()
    sizes = list(getattr(options, "texts", None) or DEFAULT_TEXTS)
    rows: list[ScaleRow] = []
    with tempfile.TemporaryDirectory(prefix="interlinea-bench-build-") as tmp:
        work = Path(tmp)
        editions = work
        if options.keep_corpus:
            editions = options.keep_corpus.resolve() / "build_scale"
            if editions.exists() and any(editions.iterdir()):
                raise SystemExit(f"--keep-corpus: {editions} is not empty; name a new or empty folder")
        _warm_caches(edition, work)
        for texts in sizes:
            copies = max(texts // TEXTS_PER_COPY, 1)
            root = editions / f"texts-{copies * TEXTS_PER_COPY}"
            say(f"generating {copies} copies ({copies * TEXTS_PER_COPY} texts) in {root}")
            started = time.perf_counter()
            generate(edition, root, copies)
            clean(root)
            say(f"generated in {time.perf_counter() - started:.1f} s")
            rows += edition_rows(root, copies * TEXTS_PER_COPY, options.repeats)
            if not options.keep_corpus:
                shutil.rmtree(root, ignore_errors=True)
        folder = corpus_folder(edition)
        if folder.is_dir():
            (work / "publish").mkdir()
            rows += real_tei_rows(folder, work / "publish", options.repeats)
        else:
            rows.append(ScaleRow("real TEI", 0, "interlinea publish FOLDER", "publish", note=f"SKIP: no corpus at {folder}"))
    return rows


# --- the table and the targets --------------------------------------------------------------------

def _find(rows: list[ScaleRow], texts: int, kind: str) -> ScaleRow | None:
    row = next((r for r in rows if r.texts == texts and r.kind == kind and r.corpus.startswith("generated")), None)
    return row if row is not None and row.seconds and not row.failed else None


def checks(rows: list[ScaleRow]) -> list[str]:
    """One PASS/MISS line per target and size that the rows allow; `n/a` when a row is missing or failed."""
    lines = []

    def line(ok: bool | None, text: str) -> None:
        lines.append(f"- {'n/a' if ok is None else 'PASS' if ok else 'MISS'}: {text}")

    sizes = sorted({r.texts for r in rows if r.corpus.startswith("generated")})
    for texts in sizes:
        full1, full2 = _find(rows, texts, "full-1"), _find(rows, texts, "full-2")
        seed, dask = _find(rows, texts, "seed"), _find(rows, texts, "dask")
        name = f"{texts} texts"
        if full1 and full2:
            speedup = full1.seconds / full2.seconds
            line(speedup >= SPEEDUP, f"{name}: --jobs 2 is {speedup:.2f}× as fast as --jobs 1 ({full1.seconds:.1f} s / {full2.seconds:.1f} s; target ≥ {SPEEDUP:g}×)")
        else:
            line(None, f"{name}: speed-up of --jobs 2 (a full build failed or did not run)")
        if seed and full2:
            share = seed.seconds / full2.seconds
            line(share <= INCREMENTAL_SHARE, f"{name}: rebuild after one seed changed {seed.seconds:.2f} s = {share:.1%} of the full build --jobs 2 ({full2.seconds:.1f} s; target ≤ {INCREMENTAL_SHARE:.0%})")
        else:
            line(None, f"{name}: rebuild after one seed changed vs full build (a row failed or did not run)")
        if texts == 1000:
            if seed:
                line(seed.seconds <= INCREMENTAL_S_AT_1000, f"{name}: rebuild after one seed changed {seed.seconds:.2f} s (target ≤ {INCREMENTAL_S_AT_1000:g} s)")
            else:
                line(None, f"{name}: rebuild after one seed changed ≤ {INCREMENTAL_S_AT_1000:g} s (the row failed or did not run)")
        if dask and full2:
            ratio = dask.seconds / full2.seconds
            line(ratio <= DASK_RATIO, f"{name}: Dask executor {dask.seconds:.1f} s = {ratio:.2f}× --jobs 2 ({full2.seconds:.1f} s; target ≤ {DASK_RATIO:g}×)")
        else:
            line(None, f"{name}: Dask executor vs --jobs 2 (a row failed, was skipped or did not run)")
        if texts == 10000:
            measured = [r for r in rows if r.texts == texts and r.corpus.startswith("generated") and r.rss_mib is not None]
            if measured:
                top = max(measured, key=lambda r: r.rss_mib)
                line(top.rss_mib <= RSS_LIMIT_MIB, f"{name}: peak RSS {top.rss_mib:.0f} MiB ({top.case}; target ≤ {RSS_LIMIT_MIB} MiB)")
            else:
                line(None, f"{name}: peak RSS (no row measured)")
            if full1 and full1.floor_s:
                ratio = full1.seconds / full1.floor_s
                line(ratio <= FLOOR_RATIO, f"{name}: full build --jobs 1 {full1.seconds:.1f} s = {ratio:.0f}× the floor ({full1.floor_s:.2f} s; target ≤ {FLOOR_RATIO:g}×)")
            else:
                line(None, f"{name}: full build vs the floor (a row failed or did not run)")
    return lines


def markdown_table(rows: list[ScaleRow]) -> str:
    """The table, then the targets checked (bench/__main__.py uses this instead of the generic table)."""
    header = ["Corpus", "Texts", "Case", "Time s", "Files/s", "Peak RSS MiB", "× floor", "Result", "Note"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        timed_row = row.seconds is not None
        valid = timed_row and not row.failed  # a failed run's rates and ratios mean nothing
        cells = [
            row.corpus,
            str(row.texts),
            row.case,
            f"{row.seconds:.2f}" if timed_row else "-",
            f"{row.files / row.seconds:.1f}" if valid and row.files is not None and row.seconds else "-",
            f"{row.rss_mib:.0f}" if row.rss_mib is not None else "-",
            f"{row.seconds / row.floor_s:.1f}" if valid and row.floor_s else "-",
            row.verdict,
            row.note.replace("|", "\\|").replace("\n", " "),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n\nTargets:\n\n" + "\n".join(checks(rows)) + "\n"
