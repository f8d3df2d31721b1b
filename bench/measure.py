"""Shared helpers for every benchmark: timing a subprocess, its peak memory, and the result rows.

Each benchmark runs the real command line in a child process, so what is measured is what a user
waits for (interpreter start-up, imports, schema compilation included), and the child's memory is
not mixed up with the benchmark's own.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# ru_maxrss is in KiB on Linux and in bytes on macOS.
_RSS_UNIT = 1 if sys.platform == "darwin" else 1024


@dataclass
class Run:
    """One execution of a command: wall-clock seconds, the child's own peak RSS, exit code, output."""

    seconds: float
    max_rss_bytes: int
    exit_code: int
    stdout: str
    stderr: str


@dataclass
class Measurement:
    """A command run `repeats` times after an untimed warm-up run (whose output is kept for checks).

    Without a warm-up (see `measure`), `warmup` is the first timed run, the one that was checked."""

    warmup: Run
    runs: list[Run] = field(default_factory=list)

    @property
    def median_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def max_rss_mib(self) -> float:
        return max(r.max_rss_bytes for r in self.runs) / 2**20

    @property
    def exit_codes(self) -> set[int]:
        return {self.warmup.exit_code} | {r.exit_code for r in self.runs}


@dataclass
class Row:
    """One line of a results table. `seconds` is None for a skipped row; `target_s` None means no target."""

    case: str
    corpus: str
    files: int
    megabytes: float
    seconds: float | None = None
    rss_mib: float | None = None
    target_s: float | None = None
    failed: bool = False
    note: str = ""

    @property
    def verdict(self) -> str:
        """PASS/MISS against the target; FAIL if the command itself failed; SKIP if not run."""
        if self.seconds is None:
            return "SKIP"
        if self.failed:
            return "FAIL"
        if self.target_s is None:
            return "-"
        return "PASS" if self.seconds <= self.target_s else "MISS"


def run_once(cmd: list[str], cwd: Path) -> Run:
    """Run `cmd` once and reap it with os.wait4, which gives this child's own rusage.

    getrusage(RUSAGE_CHILDREN) would report the largest child seen so far by this process, so a
    small run after a big one would inherit the big one's peak. wait4 also covers the child's own
    waited-for children (e.g. the JVM that `pyjing` starts). Output goes to temporary files, not
    pipes, so a chatty child cannot block while we wait for it.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # tell Popen the child is already reaped
        out.seek(0)
        err.seek(0)
        return Run(
            seconds=seconds,
            max_rss_bytes=usage.ru_maxrss * _RSS_UNIT,
            exit_code=proc.returncode,
            stdout=out.read().decode("utf-8", errors="replace"),
            stderr=err.read().decode("utf-8", errors="replace"),
        )


def measure(
    cmd: list[str],
    cwd: Path,
    repeats: int,
    label: str,
    check: Callable[[Run], str | None] | None = None,
    warmup: bool = True,
) -> Measurement:
    """Warm up once (file cache, .pyc files), then time `repeats` runs.

    The warm-up run doubles as the correctness check: `check` returns a problem (or None) and a
    problem is printed as a warning before timing starts. Timing goes on anyway, so a failure is
    reported with its numbers rather than hidden. `warmup=False` is for a long run of a command
    whose caches a shorter run has just warmed: the first timed run is then the one checked.
    """
    measurement = None
    if warmup:
        say(f"{label}: warm-up and check run")
        measurement = Measurement(warmup=run_once(cmd, cwd))
        _warn(label, check, measurement.warmup)
    for n in range(1, repeats + 1):
        run = run_once(cmd, cwd)
        say(f"{label}: run {n}/{repeats}: {run.seconds:.2f} s, {run.max_rss_bytes / 2**20:.0f} MiB, exit {run.exit_code}")
        if measurement is None:
            measurement = Measurement(warmup=run)
            _warn(label, check, run)
        measurement.runs.append(run)
    assert measurement is not None, "repeats must be at least 1"
    return measurement


def _warn(label: str, check: Callable[[Run], str | None] | None, run: Run) -> None:
    problem = check(run) if check else None
    if problem:
        say(f"WARNING: {label}: {problem}")


def say(message: str) -> None:
    """Progress goes to stderr so that stdout holds only the table."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def markdown_table(rows: list[Row]) -> str:
    """The rows as a Markdown table; times are medians, memory is the maximum over the timed runs."""
    header = [
        "Case", "Corpus", "Files", "TEI MB", "Median s", "Files/s", "Peak RSS MiB", "Target", "Result", "Note",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        timed = row.seconds is not None
        cells = [
            row.case,
            row.corpus,
            str(row.files),
            f"{row.megabytes:.2f}",
            f"{row.seconds:.2f}" if timed else "-",
            f"{row.files / row.seconds:.1f}" if timed and row.seconds else "-",
            f"{row.rss_mib:.0f}" if row.rss_mib is not None else "-",
            f"< {row.target_s:g} s" if row.target_s is not None else "-",
            row.verdict,
            row.note.replace("|", "\\|").replace("\n", " "),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _first_output_line(cmd: list[str], cwd: Path | None = None) -> str | None:
    """First line a command prints (stdout, else stderr: `java -version` writes to stderr); None if it cannot run."""
    try:
        result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    lines = (result.stdout or result.stderr).strip().splitlines()
    return lines[0] if result.returncode == 0 and lines else None


def machine_info(repo: Path) -> list[str]:
    """What the numbers depend on, so results from different machines or commits are not compared blindly."""
    from importlib import metadata

    try:
        interlinea = metadata.version("interlinea")
    except metadata.PackageNotFoundError:
        interlinea = "not installed"
    commit = _first_output_line(["git", "rev-parse", "--short", "HEAD"], repo)
    # --no-optional-locks: a plain `git status` may rewrite the index; this must stay read-only.
    changes = _first_output_line(["git", "--no-optional-locks", "status", "--porcelain", "--untracked-files=no"], repo)
    return [
        f"date: {time.strftime('%Y-%m-%d %H:%M:%S %z')}",
        f"python: {platform.python_version()} ({platform.python_implementation()}) at {sys.executable}",
        f"platform: {platform.platform()}",
        f"CPUs: {os.cpu_count()}",
        f"interlinea: {interlinea}",
        f"java: {_first_output_line(['java', '-version']) or 'not available'}",
        f"git: {commit or 'unknown'}{' with uncommitted changes' if changes else ''}",
    ]


def venv_script(name: str) -> str | None:
    """A console script of the running interpreter's environment (the project's venv), else from PATH."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.is_file() else shutil.which(name)


def interlinea_command() -> list[str]:
    """How to run the installed CLI: its console script, else `python -m interlinea`."""
    script = venv_script("interlinea")
    return [script] if script else [sys.executable, "-m", "interlinea"]
