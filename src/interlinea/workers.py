"""Per-item work of a stage on several processes of this machine (`interlinea build --jobs N`).

Each stage has work that is the same function over many independent items: a text's own checks
(validate), a pair of works to align (align), a page to render (publish). `fork_map` runs such a
function on `jobs` processes forked from this one at the moment of the call, so the workers start
with everything the stage has built so far (trees, registers, the edition document) as it is in
memory, not pickled: only the items (small: indexes) go to them and only the results (bytes,
diagnostics, groups) come back, in the order of the items, whatever the number of processes.

The function must not depend on what a worker did before (a worker's caches — compiled stylesheets,
language models — are its own and are made on first use), and what it returns must be all the
caller needs: anything a worker changes in its copy of memory is lost. A pool is worth its start-up
only for enough items (`min_per_worker`); below that, and where the system cannot fork, the items
are done here, one after another, by the same function.

Saxon (XSLT) is started in a worker only: a stage that renders in workers does not render here
first (a forked copy of a started Saxon is not something to rely on).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# The function of the running fork_map, inherited by the forked workers.
_task: list[Callable] = []


def default_jobs() -> int:
    """The number of processes a build uses unless told: the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def workers_for(jobs: int, items: int, min_per_worker: int) -> int:
    """How many processes to do `items` items with, at most `jobs`: 1 when a pool would cost more
    than it saves (fewer than `min_per_worker` items each) or cannot be forked."""
    if not can_fork():
        return 1
    return max(1, min(jobs, items // max(1, min_per_worker)))


def _run(index: int):
    return _task[-1](index)


def fork_map(jobs: int, function: Callable[[Item], Result], items: Sequence[Item], min_per_worker: int = 8) -> Iterator[Result]:
    """`function(item)` for each item, in order, on up to `jobs` forked processes. An exception in
    any call is raised here, as it would be in this process."""
    workers = workers_for(jobs, len(items), min_per_worker)
    if workers <= 1:
        yield from map(function, items)
        return
    _task.append(lambda index: function(items[index]))
    try:
        # Small chunks keep the workers equally busy when items differ in size (texts do).
        chunk = max(1, len(items) // (workers * 8))
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(_run, range(len(items)), chunksize=chunk)
    finally:
        _task.pop()
