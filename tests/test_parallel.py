"""Every stage on several processes (parallel_convert.py, workers.py): the same edition whatever the
number of processes, and errors reported as in one process."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from interlinea import parallel_convert, publish, stages, workers
from interlinea.cli import main
from interlinea.errors import ConversionError
from interlinea.parallel_convert import MIN_TEXTS_PER_WORKER, workers_for

from test_incremental import copy_edition, files


def build(edition, *options):
    return CliRunner().invoke(main, ["build", "-q", "--edition", str(edition), *options])


def test_two_processes_write_the_same_edition_as_one(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel_convert, "MIN_TEXTS_PER_WORKER", 1)  # four texts: a pool of two
    one, two = copy_edition(tmp_path / "one"), copy_edition(tmp_path / "two")
    calls = []
    original = parallel_convert.convert_in_processes

    def counting(jobs, work, *args):
        calls.append((jobs, len(work)))
        yield from original(jobs, work, *args)

    monkeypatch.setattr("interlinea.stages.convert_in_processes", counting)
    assert build(one, "--jobs", "1").exit_code == 0
    assert calls == []
    result = build(two, "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert calls == [(2, 4)]
    assert files(one) == files(two)


def test_an_error_in_a_worker_is_reported_as_in_one_process(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel_convert, "MIN_TEXTS_PER_WORKER", 1)
    edition = copy_edition(tmp_path / "edition")
    real = parallel_convert.convert_text

    def failing(entry, seed, *args, **kwargs):
        if entry.id == "pramen-bg":
            raise ConversionError(f"seeds/{seed.name}: the seed cannot be converted (a test's failure)")
        return real(entry, seed, *args, **kwargs)

    # forked workers inherit the patched module, as the process itself does
    monkeypatch.setattr(parallel_convert, "convert_text", failing)
    monkeypatch.setattr("interlinea.stages.convert_text", failing)
    single, parallel = build(edition, "--jobs", "1"), build(edition, "--jobs", "2")
    assert single.exit_code == parallel.exit_code != 0
    assert "seeds/002_459f0461d98bee8c.txt: the seed cannot be converted" in parallel.output
    assert single.output == parallel.output
    assert "Traceback" not in parallel.output


@pytest.mark.parametrize(("jobs", "texts", "expected"), [(1, 1000, 1), (2, 4, 1), (2, 2 * MIN_TEXTS_PER_WORKER, 2), (8, 3 * MIN_TEXTS_PER_WORKER, 3)])
def test_a_pool_only_for_enough_texts(jobs, texts, expected):
    assert workers_for(jobs, texts) == expected


def test_every_stage_on_two_processes_gives_the_edition_and_report_of_one(tmp_path, monkeypatch):
    """Conversion, alignment, each file's own checks, the summaries and every page rendered by
    workers (thresholds lowered so that the four seed texts make pools): the same files, the same
    warnings."""
    monkeypatch.setattr(parallel_convert, "MIN_TEXTS_PER_WORKER", 1)
    monkeypatch.setattr(publish, "MIN_TEXTS_PER_WORKER", 1)
    pools = []
    real = workers.workers_for

    def every_time(jobs, items, min_per_worker):
        count = real(jobs, items, 1)
        if count > 1:
            pools.append(items)
        return count

    monkeypatch.setattr(workers, "workers_for", every_time)
    one, two = copy_edition(tmp_path / "one"), copy_edition(tmp_path / "two")
    # a hand edit that validation warns about: the warning must come back from a worker
    for edition in (one, two):
        path = edition / "tei" / "organise-en.xml"
        path.write_text(path.read_text(encoding="utf-8").replace('n="2"', 'n="22"', 1), encoding="utf-8")
    single = CliRunner().invoke(main, ["build", "--edition", str(one), "--jobs", "1", "--keep-edited"])
    assert pools == []
    double = CliRunner().invoke(main, ["build", "--edition", str(two), "--jobs", "2", "--keep-edited"])
    assert double.exit_code == single.exit_code == 0, double.output
    # a pool for: converting (3 texts: one is kept as edited), aligning (3 pairs), checking (11 files),
    # summarising (4 texts), then rendering each format
    assert len(pools) >= 6, pools
    assert files(one) == files(two)
    said = lambda output: sorted(line for line in output.splitlines() if not line.startswith(("wrote", "published")))  # noqa: E731
    assert said(double.output) == said(single.output)
    assert "(11 files, 0 errors, 1 warning)" in double.output  # n-sequence, found by a worker
    assert (two / stages.VALIDATION_MEMO).read_bytes() == (one / stages.VALIDATION_MEMO).read_bytes()
