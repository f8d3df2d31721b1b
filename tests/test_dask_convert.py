"""Conversion on a Dask cluster (dask_convert.py): on a local cluster of two worker processes, the
same bytes as one process, errors reported as in one process, and a clear error without a scheduler."""

from __future__ import annotations

import dataclasses
import re
import shutil
import socket
import sys
import time

import distributed
import pytest

from interlinea import dask_convert, stages
from interlinea.convert import convert_text
from interlinea.dask_convert import convert_on_dask
from interlinea.edition import load_edition
from interlinea.entities import Tagger
from interlinea.errors import ConversionError, InterlineaError

from test_input_formats import make_edition


def local_cluster(**options) -> distributed.LocalCluster:
    """A cluster on this machine, without a dashboard; its scheduler's HTTP server (always started)
    on a free port, not on 8787, which another cluster may hold (a warning, an error here)."""
    return distributed.LocalCluster(host="127.0.0.1", dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}, **options)


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread, as `dask worker --nthreads 1` starts them: spawned, so
    they share nothing with this process but what is sent to them."""
    with local_cluster(n_workers=2, threads_per_worker=1, processes=True) as cluster:
        yield cluster


@pytest.fixture
def client(cluster):
    with distributed.Client(cluster, set_as_default=False) as client:
        yield client


def work_of(edition):
    """The work list and shared inputs of an edition read in one process, as stages.convert gives
    them to a pool."""
    work = [(text.entry, text.seed, edition.relative(edition.seeds_dir / text.entry.source)) for text in edition.texts]
    return work, edition.manifest.meta, edition.manifest.languages(), edition.registers, edition.relations


def setups(client) -> dict:
    """Each worker's set-up state: the run it is set up for and how many times it was set up."""
    return client.run(getattr, dask_convert, "_setup")


def test_a_cluster_given_by_its_address_converts_the_same_bytes_as_one_process(cluster, seed_edition):
    work, *shared = work_of(seed_edition)
    before = set(cluster.scheduler.clients)
    converted = list(convert_on_dask(cluster.scheduler_address, work, *shared))
    assert converted == [text.tei_bytes for text in seed_edition.texts]
    deadline = time.monotonic() + 10
    while set(cluster.scheduler.clients) != before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert set(cluster.scheduler.clients) == before  # the client it made is closed


def test_a_client_is_used_and_left_open_and_each_worker_sets_up_once(client, seed_edition):
    work, *shared = work_of(seed_edition)
    texts = seed_edition.texts * 3  # more texts than workers, in a window of a few per worker
    work = work * 3
    before = setups(client)
    converted = list(convert_on_dask(client, work, *shared))
    assert converted == [text.tei_bytes for text in texts]
    assert client.status == "running"
    after = setups(client)
    assert all(after[worker]["count"] - before[worker]["count"] <= 1 for worker in after)
    runs = {state["run"] for worker, state in after.items() if state["count"] > before[worker]["count"]}
    assert len(runs) == 1  # the workers that converted were set up for this run
    assert list(convert_on_dask(client, work[:2], *shared)) == converted[:2]  # a second run on the same client


def test_the_workers_need_no_access_to_the_editions_folder(client, tmp_path):
    """Formatted seeds (Markdown, Word, ODT, HTML: their markup travels with them), converted after
    the edition's folder is gone."""
    edition = load_edition(make_edition(tmp_path / "edition"))
    stages.convert(edition, edition.texts)  # in one process
    work, *shared = work_of(edition)
    assert len(work) == 4
    shutil.rmtree(tmp_path / "edition")
    assert list(convert_on_dask(client, work, *shared)) == [text.tei_bytes for text in edition.texts]


def test_an_error_in_a_worker_is_reported_as_in_one_process(client, seed_edition):
    work, meta, languages, registers, relations = work_of(seed_edition)
    # organise-it's manifest names a passage of its seed; in another text it matches no block.
    index = next(i for i, (entry, _, _) in enumerate(work) if entry.passages)
    entry, seed, label = work[index]
    other = next(other_seed for other_entry, other_seed, _ in work if other_entry.id != entry.id)
    broken = dataclasses.replace(seed, text=other.text, data=other.data)
    with pytest.raises(ConversionError) as local:
        convert_text(entry, broken, meta, label=label, edition_languages=languages, registers=registers, tagger=Tagger(registers), relations=relations)
    work[index] = (entry, broken, label)
    results = convert_on_dask(client, work, meta, languages, registers, relations)
    for text in seed_edition.texts[:index]:
        assert next(results) == text.tei_bytes
    with pytest.raises(ConversionError) as remote:
        next(results)
    assert type(remote.value) is ConversionError  # the original exception, as pickled by the worker
    assert str(remote.value) == str(local.value)
    assert remote.value.message.startswith(f"{label}: the manifest's passage")


def test_a_worker_of_another_version_refuses_to_convert(seed_edition):
    work, *_ = work_of(seed_edition)
    entry, seed, label = work[0]
    with pytest.raises(InterlineaError, match=f"^{re.escape(label)}: a Dask worker runs interlinea .*, and the build interlinea 0.0.0"):
        dask_convert._convert_on_worker((), "a-run", "0.0.0", entry, seed, label)


def test_an_unreachable_scheduler_is_a_clear_error(monkeypatch, seed_edition):
    monkeypatch.setattr(dask_convert, "CONNECT_TIMEOUT", 1.0)
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{sock.getsockname()[1]}"
    work, *shared = work_of(seed_edition)
    start = time.monotonic()
    with pytest.raises(InterlineaError) as error:
        list(convert_on_dask(address, work, *shared))
    assert time.monotonic() - start < 10
    assert f"cannot reach the Dask scheduler at {address}" in error.value.message
    assert "dask scheduler" in error.value.message


def test_a_scheduler_without_workers_is_a_clear_error(monkeypatch, seed_edition):
    monkeypatch.setattr(dask_convert, "CONNECT_TIMEOUT", 0.5)
    work, *shared = work_of(seed_edition)
    with local_cluster(n_workers=0, processes=True) as empty:
        with pytest.raises(InterlineaError) as error:
            list(convert_on_dask(empty.scheduler_address, work, *shared))
    assert f"the Dask scheduler at {empty.scheduler_address} has no workers" in error.value.message


def test_without_distributed_installed_the_error_says_how_to_install_it(monkeypatch, seed_edition):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` fails
    work, *shared = work_of(seed_edition)
    with pytest.raises(InterlineaError, match=r"needs the `distributed` package.*pip install"):
        list(convert_on_dask("tcp://127.0.0.1:8786", work, *shared))


def test_no_work_needs_no_scheduler(seed_edition):
    _, *shared = work_of(seed_edition)
    assert list(convert_on_dask("tcp://127.0.0.1:1", [], *shared)) == []


def test_build_on_a_cluster_writes_what_a_local_build_writes(cluster, tmp_path):
    """`interlinea build --executor dask` end to end: the edition (TEI and site) byte-identical to a
    local build's; the options go together."""
    from click.testing import CliRunner

    from interlinea.cli import main
    from test_incremental import copy_edition, files

    local, remote = copy_edition(tmp_path / "local"), copy_edition(tmp_path / "remote")
    for target in (local, remote):
        shutil.rmtree(target / "tei" / "alignment")
        for path in (target / "tei").glob("*.xml"):
            path.unlink()  # a build from the seeds alone: every text is converted
    assert CliRunner().invoke(main, ["build", "-q", "--jobs", "1", "--edition", str(local)]).exit_code == 0
    result = CliRunner().invoke(main, ["build", "-q", "--executor", "dask", "--scheduler", cluster.scheduler_address, "--edition", str(remote)])
    assert result.exit_code == 0, result.output
    assert files(remote) == files(local)
    for options in (["--executor", "dask"], ["--scheduler", cluster.scheduler_address]):
        result = CliRunner().invoke(main, ["build", "-q", *options, "--edition", str(remote)])
        assert result.exit_code == 2 and "--executor dask needs --scheduler" in result.output
