"""Converting texts on several processes (`interlinea build --jobs N`).

A text's conversion depends on nothing but its seed and what the whole run shares (the manifest's
metadata and languages, the registers, the relation graph), and gives the same bytes wherever it
runs. So the texts are converted by a pool of worker processes, each set up once with the shared
inputs (its own name tagger, built from the registers, and its own language models), and the TEI
comes back as bytes, in the order of the texts: the edition written is byte-identical whatever
the number of processes (tests/test_parallel.py).

Processes, not threads: conversion is Python code (language identification is most of its time),
which threads would run one at a time. A pool is worth its start-up (each worker loads its language
models) only for enough texts: below MIN_TEXTS_PER_WORKER texts per worker, the run stays in one
process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from interlinea import workers
from interlinea.convert import convert_text
from interlinea.entities import Tagger
from interlinea.xmlio import serialize

MIN_TEXTS_PER_WORKER = 8

# What every conversion of a run shares, set once in each worker process (_start).
_shared: dict = {}


def workers_for(jobs: int, texts: int) -> int:
    """How many processes to convert `texts` texts with, at most `jobs`: 1 when a pool would cost
    more than it saves."""
    return workers.workers_for(jobs, texts, MIN_TEXTS_PER_WORKER)


def _start(meta, edition_languages, registers, relations) -> None:
    _shared.update(meta=meta, languages=edition_languages, registers=registers, relations=relations, tagger=Tagger(registers))


def _convert(entry, seed, label) -> bytes:
    converted = convert_text(
        entry,
        seed,
        _shared["meta"],
        label=label,
        edition_languages=_shared["languages"],
        registers=_shared["registers"],
        tagger=_shared["tagger"],
        relations=_shared["relations"],
    )
    return serialize(converted.tree)


def convert_in_processes(jobs: int, work: list[tuple], meta, edition_languages, registers, relations) -> Iterator[bytes]:
    """The TEI of each (entry, seed, label) of `work`, in order, converted by `jobs` processes. An
    error in any conversion (a ConversionError naming the seed) is raised here, as in one process."""
    entries, seeds, labels = zip(*work) if work else ((), (), ())
    # fork: the workers start with the modules already imported and the shared inputs given as
    # they are, not pickled (on systems without fork, the default start method pickles them).
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start, initargs=(meta, edition_languages, registers, relations)) as pool:
        yield from pool.map(_convert, entries, seeds, labels)
