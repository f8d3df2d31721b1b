"""A build stopped at any moment leaves the edition whole, and one writer at a time.

Real processes: `interlinea build` runs as a subprocess of the test and gets SIGKILL, SIGTERM or SIGINT
at seeded random moments. After each interruption every file in tei/ and site/ holds exactly its old
or exactly its new content (never a part of it); SIGTERM and SIGINT stop cleanly (exit code 130, no
temporary file left); after SIGKILL the next build cleans up and gives exactly what an uninterrupted
build gives, without taking Interlinea's own files for hand edits. The edition lock refuses a second
writer at once and is released however its holder ends.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from interlinea.cli import main
from interlinea.lock import LOCK_NAME, edition_lock
from interlinea.xmlio import TEMP_PREFIX

RECORD = "tei/.interlinea-record.json"
OUTPUT_FOLDERS = ("tei", "site")
# The search index: Pagefind names its files by their content, so a new index is a new set of files;
# it is written as a whole (in a temporary folder that then takes its place, publish/search.py) and
# is checked as a whole: the old set of files or the new one, never a mixture.
SEARCH_BUNDLE = "site/pagefind/"
TIMEOUT = 180  # seconds any one subprocess may take before the test gives up on it


def interlinea_command() -> list[str]:
    """The installed console script beside the running interpreter, else `python -m interlinea`."""
    folder = Path(sys.executable).parent
    for name in ("interlinea", "interlinea.exe"):
        script = folder / name
        if script.is_file() and os.access(script, os.X_OK):
            return [str(script)]
    return [sys.executable, "-m", "interlinea"]


def snapshot(root: Path, folders=OUTPUT_FOLDERS) -> dict[str, bytes]:
    """Every file under `folders` of the edition but temporaries (files, and what temporary
    folders hold), by relative path."""
    files = {}
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            relative = path.relative_to(root)
            if path.is_file() and not any(part.startswith(TEMP_PREFIX) for part in relative.parts):
                files[relative.as_posix()] = path.read_bytes()
    return files


def search_bundle(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if name.startswith(SEARCH_BUNDLE)}


def without_search_bundle(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if not name.startswith(SEARCH_BUNDLE)}


def temporaries(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob(f"{TEMP_PREFIX}*"))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def change_seeds(root: Path) -> None:
    """Change every seed (its longest line gets three of its own words again), so that a build
    rewrites every text's TEI file and every published file."""
    for path in sorted((root / "seeds").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        longest = max(range(len(lines)), key=lambda i: len(lines[i]))
        lines[longest] += " " + " ".join(lines[longest].split()[1:4])
        path.write_text("\n".join(lines), encoding="utf-8")


def build_in_process(root: Path):
    """A normal build, run in the test process (the recovery run after an interruption)."""
    result = CliRunner().invoke(main, ["build", "--edition", str(root)], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@dataclass
class Scenario:
    base: Path  # the edition before the build: old tei/ and site/, changed seeds
    old: dict[str, bytes]  # tei/ and site/ before
    new: dict[str, bytes]  # tei/ and site/ after a clean, uninterrupted build
    duration: float  # of that build, as a subprocess, in seconds
    # For each writing phase of that build ("tei", "site"): the file it writes first, and how long
    # the phase lasts, from that first write to its last one, in seconds.
    phases: dict[str, tuple[str, float]]


@pytest.fixture(scope="module")
def scenario(tmp_path_factory) -> Scenario:
    folder = tmp_path_factory.mktemp("interrupt")
    base = folder / "base"
    shutil.copytree(ROOT / "seeds", base / "seeds")
    # change_seeds renumbers blocks, which the editors' alignment corrections would (rightly) refuse
    (base / "seeds" / "alignment.toml").unlink()
    shutil.copytree(ROOT / "tei", base / "tei")
    result = build_in_process(base)  # site/ as the previous build left it
    assert result.exit_code == 0, result.output
    change_seeds(base)
    old = snapshot(base)

    reference = folder / "reference"
    shutil.copytree(base, reference)
    started = time.time()
    done = subprocess.run(interlinea_command() + ["build", "--edition", str(reference)], capture_output=True, timeout=TIMEOUT)
    duration = time.time() - started
    assert done.returncode == 0, done.stderr.decode()
    new = snapshot(reference)

    # The build really rewrites every text's TEI file, the record and every published file.
    changed = sorted(name for name in new if old.get(name) != new[name])
    assert set(without_search_bundle(old)) <= set(new)
    assert search_bundle(old) and search_bundle(old) != search_bundle(new)  # the words changed: a new index
    unchanged = sorted(name for name in new if name not in changed)
    # (citations change only with what they say: a change of wording leaves them as they are; so do
    # the web edition's assets, its copies of registers and alignments, and the pages made from the
    # edition as a whole, which list titles, names and dates rather than the wording)
    site_wide = ("site/assets/", "site/parallel/", "site/tei/registers/", "site/tei/alignment/", "site/persons/", "site/places/", "site/organisations/", SEARCH_BUNDLE)
    assert all(
        name.startswith(("tei/registers/", "tei/alignment/", "site/cite/") + site_wide) or name.count("/") == 1 and name.endswith(".html")
        for name in unchanged
    ), [name for name in unchanged if not name.startswith(("tei/", "site/cite/") + site_wide)]
    assert any(name.startswith("site/texts/") for name in changed), changed
    # four texts and the record (an alignment changes only if its groups do)
    assert len([n for n in changed if n.startswith("tei/") and not n.startswith("tei/alignment/")]) == 5, changed
    assert len([n for n in changed if n.startswith("site/text/")]) == 7, changed  # six files and the build record

    phases = {}
    for phase in OUTPUT_FOLDERS:
        written = sorted(((reference / name).stat().st_mtime_ns, name) for name in changed if name.startswith(f"{phase}/"))
        span = (written[-1][0] - written[0][0]) / 1e9
        # The record is saved first too (listing old and new digests), before any TEI file.
        first = RECORD if phase == "tei" else written[0][1]
        phases[phase] = (first, min(max(span, 0.02), duration))
    return Scenario(base, old, new, duration, phases)


def check_whole(scenario: Scenario, root: Path) -> dict[str, bytes]:
    """Every file of tei/ and site/ is its old or its new content, the search index is the old one
    or the new one; the record vouches for each TEI file."""
    now = snapshot(root)
    bundle = search_bundle(now)
    assert bundle in (search_bundle(scenario.old), search_bundle(scenario.new)), (
        f"the search index is neither the old one nor the new one: {sorted(bundle)[:5]}…")
    for name in without_search_bundle(scenario.old):
        assert name in now, f"{name} disappeared"
    for name, data in without_search_bundle(now).items():
        assert name in scenario.new, f"{name}: a file no build makes"
        if name == RECORD:
            continue
        assert data in (scenario.old.get(name), scenario.new[name]), (
            f"{name}: neither its old nor its new content ({len(data)} bytes; old {len(scenario.old.get(name) or b'')}, "
            f"new {len(scenario.new[name])})"
        )
    # The record may be the one saved between the two steps (old and new digests), but it is whole
    # and lists the digest of what each file holds now, so the next run will not think it edited.
    record = json.loads(now[RECORD].decode("utf-8"))["files"]
    old_record = json.loads(scenario.old[RECORD])["files"]
    assert set(record) == set(old_record)
    for name, digests in record.items():
        path = f"tei/{name}"
        allowed = {sha256(scenario.old[path]), sha256(scenario.new[path])}
        assert sha256(now[path]) in digests, f"{RECORD} does not list what {path} holds now"
        assert set(digests) <= allowed, f"{RECORD}: digests for {name} that are neither old nor new"
    return now


def interrupt(scenario: Scenario, root: Path, sig: signal.Signals, anchor: str, fraction: float) -> subprocess.CompletedProcess:
    """Run a build in a fresh copy of the edition and send `sig` at a moment chosen by `fraction`:
    of the whole run (anchor "start"), or of one of its writing phases ("tei", "site") once the
    phase's first write is seen (the writes take a small part of the run, so they get draws of
    their own)."""
    shutil.copytree(scenario.base, root)
    args = interlinea_command() + ["build", "--edition", str(root)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        if anchor == "start":
            delay = fraction * scenario.duration * 1.05
        else:
            first, span = scenario.phases[anchor]
            watched, before = root / first, scenario.old.get(first)
            deadline = time.monotonic() + TIMEOUT
            while proc.poll() is None and time.monotonic() < deadline:
                try:
                    if watched.read_bytes() != before:
                        break  # the phase has begun
                except OSError:
                    pass
                time.sleep(0.001)
            delay = fraction * span * 1.25
        time.sleep(delay)  # the random moment of the interruption, not a synchronisation
        proc.send_signal(sig)  # nothing happens if the build has already ended
        out, err = proc.communicate(timeout=TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def plans(sig: signal.Signals) -> list[tuple[str, float]]:
    draw = random.Random(f"interlinea-interrupt-{sig.name}")
    return [("start", draw.random()), ("tei", draw.random()), ("site", draw.random()), (draw.choice(["tei", "site"]), draw.random())]


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_an_interrupted_build_leaves_every_file_whole_and_the_next_build_finishes_it(scenario, tmp_path, sig):
    runs = plans(sig)
    roots = [tmp_path / f"run{i}" for i in range(len(runs))]
    # Two builds at a time (the machine has two cores); each is checked on its own below.
    with ThreadPoolExecutor(max_workers=max(1, min(2, os.cpu_count() or 1))) as pool:
        outcomes = list(pool.map(lambda job: interrupt(scenario, job[0], sig, *job[1]), zip(roots, runs)))

    for root, (anchor, fraction), done in zip(roots, runs, outcomes):
        where = f"{sig.name} at {anchor} {fraction:.3f} in {root.name}: exit {done.returncode}, stderr {done.stderr.decode(errors='replace')[-2000:]!r}"
        now = check_whole(scenario, root)
        left = temporaries(root)
        if sig is signal.SIGKILL:
            assert done.returncode in (-signal.SIGKILL, 0), where
        elif done.returncode == -sig:
            # The signal came before Interlinea's handlers were installed (interpreter start-up and
            # imports) or after they were removed (interpreter shutdown): nothing or everything is
            # written then, never a part.
            assert now == scenario.old or now == scenario.new, where
            assert not left, f"{where}: temporaries left: {left}"
        else:
            assert done.returncode in (130, 0), where
            assert not left, f"{where}: temporaries left: {left}"
            assert b"Traceback" not in done.stderr, where
            if done.returncode == 130:
                assert f"interrupted ({sig.name})".encode() in done.stderr, where
            else:
                assert now == scenario.new, where

        # The next build, run normally, cleans up and finishes the job exactly.
        result = build_in_process(root)
        assert result.exit_code == 0, f"{where}\nnext build: {result.output}"
        assert "edited by hand" not in result.output, f"{where}\nnext build: {result.output}"
        assert not temporaries(root), f"{where}: the next build left {temporaries(root)}"
        after = snapshot(root)
        assert sorted(after) == sorted(scenario.new), where
        for name in after:
            assert after[name] == scenario.new[name], f"{where}: after the next build, {name} differs from a clean build's"


def test_a_second_writer_is_refused_at_once_while_the_edition_is_locked(scenario, tmp_path):
    root = tmp_path / "edition"
    shutil.copytree(scenario.base, root)
    everything = ("seeds", "tei", "site")
    before = snapshot(root, everything)
    with edition_lock(root):
        started = time.monotonic()
        done = subprocess.run(interlinea_command() + ["build", "--edition", str(root)], capture_output=True, timeout=TIMEOUT)
        elapsed = time.monotonic() - started
        in_process = {
            command: CliRunner().invoke(main, [command, "--edition", str(root)]) for command in ("convert", "publish")
        }
    stderr = done.stderr.decode()
    expected = (
        f"error: {root / LOCK_NAME}: another interlinea command (pid {os.getpid()}) is writing this edition; "
        "wait until it has finished, then run this command again"
    )
    assert done.returncode == 1, stderr
    assert expected in stderr
    assert "Traceback" not in stderr
    assert elapsed < scenario.duration, f"refusing took {elapsed:.2f} s, a whole build {scenario.duration:.2f} s: it did not refuse at once"
    for command, result in in_process.items():
        assert result.exit_code == 1, f"{command}: {result.output}"
        assert expected in result.output, f"{command}: {result.output}"
    assert snapshot(root, everything) == before
    assert not temporaries(root)

    result = build_in_process(root)  # the lock released, the build runs
    assert result.exit_code == 0, result.output
    assert snapshot(root) == scenario.new


HOLDER = """
import sys
from pathlib import Path
from interlinea.lock import edition_lock
with edition_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.read()
"""


def test_a_lock_whose_holder_was_killed_is_released(scenario, tmp_path):
    root = tmp_path / "edition"
    shutil.copytree(scenario.base, root)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(root)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked", holder.stderr.read()
        result = build_in_process(root)
        assert result.exit_code == 1, result.output
        assert f"another interlinea command (pid {holder.pid}) is writing this edition" in result.output
        holder.kill()
        holder.wait(timeout=TIMEOUT)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        holder.stdin.close()
        holder.stdout.close()
        holder.stderr.close()
    assert holder.returncode == -signal.SIGKILL
    assert (root / LOCK_NAME).exists()  # the file stays; the lock on it went with the process
    result = build_in_process(root)
    assert result.exit_code == 0, result.output
    assert snapshot(root) == scenario.new


def test_temporaries_left_by_a_killed_build_are_removed_by_the_next_one(scenario, tmp_path):
    root = tmp_path / "edition"
    shutil.copytree(scenario.base, root)
    # What a SIGKILL in the middle of write_atomic leaves: a cut-off copy beside the target.
    planted = {
        root / "tei" / f"{TEMP_PREFIX}organise-en.xml.k1ll3d.tmp": scenario.new["tei/organise-en.xml"][:1000],
        root / "tei" / f"{TEMP_PREFIX}.interlinea-record.json.k1ll3d.tmp": scenario.new[RECORD][:50],
        root / "site" / "text" / f"{TEMP_PREFIX}organise-en.txt.k1ll3d.tmp": scenario.new["site/text/organise-en.txt"][:1000],
    }
    for path, data in planted.items():
        path.write_bytes(data)
    result = build_in_process(root)
    assert result.exit_code == 0, result.output
    assert not temporaries(root)
    assert snapshot(root) == scenario.new


class Stop(Exception):
    """Stands for the process dying right after a given number of writes."""


def test_a_build_stopped_between_any_two_tei_writes_is_finished_without_seeing_hand_edits(scenario, tmp_path, monkeypatch):
    """Deterministic complement of the kill test, for the record's two steps: writing tei/ stops
    after the 0th, 1st, 2nd… write (the record with old and new digests, each TEI file, the final
    record); whatever the moment, every file is whole, and the next run writes what a clean build
    writes without calling any file edited by hand."""
    import interlinea.tei_store
    from interlinea import stages
    from interlinea.edition import load_edition

    converted = load_edition(scenario.base)
    stages.convert(converted, converted.texts)  # once: the same TEI bytes for every attempt
    stages.align(converted, converted.texts)
    texts = converted.texts
    aligned = {path.relative_to(converted.root): data for path, data in converted.alignments.items()}

    def edition_at(root):
        edition = load_edition(root)
        edition.alignments = {root / relative: data for relative, data in aligned.items()}
        return edition

    real_write = interlinea.tei_store.write_atomic
    stops = 0
    while True:
        root = tmp_path / f"stop{stops}"
        shutil.copytree(scenario.base, root)
        done = []

        def write_then_stop(path, data, limit=stops):
            if len(done) == limit:
                raise Stop(path)
            real_write(path, data)
            done.append(path.name)

        monkeypatch.setattr(interlinea.tei_store, "write_atomic", write_then_stop)
        try:
            stages.write_tei(edition_at(root), texts)
        except Stop:
            stopped = True
        else:
            stopped = False
        finally:
            monkeypatch.setattr(interlinea.tei_store, "write_atomic", real_write)
        if not stopped:
            break
        where = f"stopped after {stops} writes {done}"
        check_whole(scenario, root)
        result = stages.write_tei(edition_at(root), texts)  # raises HandEdited if it thinks so
        assert not result.edited and not result.overwritten, where
        assert snapshot(root, ["tei"]) == {k: v for k, v in scenario.new.items() if k.startswith("tei/")}, where
        stops += 1
    assert stops >= 6, f"only {stops} writes to tei/: the record twice and four TEI files were expected"
