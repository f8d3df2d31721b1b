"""Converting texts on a Dask cluster (`interlinea build --executor dask --scheduler tcp://HOST:PORT`).

The same work as parallel_convert.py, sent to the workers of a Dask distributed cluster instead of
a local pool: a text's conversion depends on nothing but its seed and what the whole run shares, so
any worker can convert any text, in any order, and the edition written is byte-identical to a build
in one process (tests/test_dask_convert.py).

Everything goes to the workers as data. Each task carries its text's manifest entry and its seed
(the seed's bytes and text are inside `Seed`), and the run's shared inputs (the manifest's metadata
and languages, the registers, the relation graph) are scattered to every worker once. A worker needs
the interlinea package installed, at the version of the build (the TEI header records it, so
another version would write other bytes: that is checked), and no access to the edition's folder:
the cluster's machines need not share a file system with the one that builds.

Each worker process sets itself up once per run (its name tagger, built from the registers, and
its language models), with the same code as a local pool (parallel_convert._start and _convert): a
run is named by a random token, and a worker set up for another token sets itself up again. A
worker process converts one text at a time (the set-up is the process's own), so its threads add
nothing: start workers with one thread and one process per core.

The client keeps a bounded number of texts on the cluster at a time (a few per worker thread) and
gives each text's TEI back in the order of the texts as soon as it is there, forgetting it on the
cluster; an error in a conversion (a ConversionError naming the seed) is raised here as in one
process.
"""

from __future__ import annotations

import threading
import uuid
from collections import deque
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING

from interlinea import __version__, parallel_convert
from interlinea.errors import InterlineaError

if TYPE_CHECKING:
    import distributed

# Seconds to wait for the scheduler to answer, and then for at least one worker to be there.
CONNECT_TIMEOUT = 10.0
# Texts on the cluster at a time, per worker thread: enough to keep every worker busy while the
# client takes the results in order, few enough that the scheduler does not hold every seed at once.
TEXTS_PER_THREAD = 4

INSTALL_HINT = "install it with `pip install 'dask[distributed]'` (or interlinea's `dask` extra)"

# In a worker process: the run it is set up for, and how many times it was set up (tests read it).
_setup: dict = {"run": None, "count": 0}
_lock = threading.Lock()


def _convert_on_worker(shared: tuple, run: str, version: str, entry, seed, label: str) -> bytes:
    """On a worker: the TEI of one text, the process first set up for `run` if it is not yet."""
    with _lock:  # parallel_convert's state is the process's: one conversion at a time
        if _setup["run"] != run:
            if version != __version__:
                raise InterlineaError(
                    f"{label}: a Dask worker runs interlinea {__version__}, and the build interlinea {version}; "
                    "install the same version on every worker, or the edition would depend on the machine"
                )
            parallel_convert._start(*shared)
            _setup.update(run=run, count=_setup["count"] + 1)
        return parallel_convert._convert(entry, seed, label)


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise InterlineaError(f"building on a Dask cluster needs the `distributed` package, which is not installed ({exc}); {INSTALL_HINT}") from None
    return distributed


def _connect(distributed, address: str) -> distributed.Client:
    if not isinstance(address, str) or not address.strip():
        raise InterlineaError(f"--scheduler {address!r}: give the Dask scheduler's address, such as tcp://HOST:8786")

    class Client(distributed.Client):
        """A client that, when it cannot connect, is closed at once, not when Python exits (where it
        would wait, then print its own error)."""

        def start(self, **kwargs):
            try:
                super().start(**kwargs)
            except BaseException:
                self.close()
                raise

    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, ValueError, TypeError) as exc:
        raise InterlineaError(
            f"cannot reach the Dask scheduler at {address} ({exc}). Start one with `dask scheduler` (it prints "
            "its address, tcp://HOST:8786 by default) and check the address, the port and the firewall"
        ) from None


def _wait_for_workers(distributed, client: distributed.Client) -> None:
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except TimeoutError:  # distributed's WorkerStartTimeoutError
        address = client.scheduler.address
        raise InterlineaError(
            f"the Dask scheduler at {address} has no workers after {CONNECT_TIMEOUT:g} s: start "
            f"`dask worker {address} --nthreads 1` on each machine, with interlinea {__version__} installed"
        ) from None


def convert_on_dask(scheduler: str | distributed.Client, work: list[tuple], meta, edition_languages, registers, relations) -> Iterator[bytes]:
    """The TEI bytes of each (entry, seed, label) of `work`, in order, converted on the Dask cluster
    at `scheduler`: its address (tcp://HOST:PORT; the client made for it is closed at the end) or a
    `distributed.Client` (left open). An error in any conversion (a ConversionError naming the seed)
    is raised here, as in one process; a scheduler that cannot be reached, or has no worker, is an
    InterlineaError. Nothing happens until the first TEI is asked for, and no work needs no
    scheduler."""
    if not work:
        return
    distributed = _distributed()
    own = not isinstance(scheduler, distributed.Client)
    client = _connect(distributed, scheduler) if own else scheduler
    try:
        _wait_for_workers(distributed, client)
        yield from _convert_with(distributed, client, work, (meta, edition_languages, registers, relations))
    finally:
        if own:
            client.close()


def _convert_with(distributed, client: distributed.Client, work: list[tuple], inputs: tuple) -> Iterator[bytes]:
    run = uuid.uuid4().hex
    # The shared inputs go to the cluster once: every worker has them before its first text.
    [shared] = client.scatter([inputs], broadcast=True, hash=False)
    tasks = (
        (label, client.submit(_convert_on_worker, shared, run, __version__, entry, seed, label, key=f"interlinea-convert-{index}-{run}", priority=-index))
        for index, (entry, seed, label) in enumerate(work)
    )
    window = max(1, TEXTS_PER_THREAD * sum(client.nthreads().values()))
    pending = deque(islice(tasks, window))
    while pending:
        label, future = pending.popleft()
        data = _result(distributed, client, label, future)
        future.release()  # the TEI is forgotten on the cluster
        pending.extend(islice(tasks, 1))
        yield data


def _result(distributed, client: distributed.Client, label: str, future: distributed.Future) -> bytes:
    try:
        return future.result()
    except distributed.KilledWorker as exc:
        raise InterlineaError(
            f"{label}: the Dask workers converting it died ({exc}); their logs say why (often memory: give "
            "each worker more, or start fewer per machine)"
        ) from None
    except distributed.client.FutureCancelledError as exc:
        raise InterlineaError(
            f"{label}: its conversion on the Dask cluster at {client.scheduler.address} was cancelled ({exc}); "
            "check that the scheduler and its workers are still running"
        ) from None
