"""Conversion on several processes (parallel_convert.py): the same edition whatever the number of
processes, and errors reported as in one process."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from interlinea import parallel_convert
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
