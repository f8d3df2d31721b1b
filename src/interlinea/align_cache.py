"""Incremental alignment: a pair of works whose blocks (and the editors' corrections for them) are
what they were when they were last aligned is not aligned again.

The aligner's result depends only on the two works' units (each block's id, text, kind and
anchors), the corrections that apply to the pair, and the aligner itself (Interlinea's code). The
record, `.interlinea/align.json` in the edition's folder (build state, not committed), maps a digest
of those inputs to the groups the aligner found; a pair with the same digest gets the same groups
without running the aligner. JSON, not pickle: the record lies in a folder users share, and is read
as data only (a damaged record costs a new alignment, nothing else).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from interlinea.alignment import Group, Unit
from interlinea.alignment_corrections import align_around
from interlinea.edition import BUILD_STATE
from interlinea.digests import code_digest
from interlinea.edition import Edition
from interlinea.xmlio import write_atomic

RECORD = f"{BUILD_STATE}/align.json"

Fixed = Sequence[tuple[tuple[str, ...], tuple[str, ...]]]


def _units(units: Sequence[Unit]) -> list:
    return [[u.id, u.text, u.kind, sorted(u.anchors)] for u in units]


class AlignCache:
    """align_around, remembered: call it as align_around is called."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self.path = edition.root / RECORD
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        self.known: dict = data if isinstance(data, dict) else {}
        self.used: dict = {}

    def __call__(self, a: Sequence[Unit], b: Sequence[Unit], fixed: Fixed, aligner):
        """The groups of a pair: remembered, or aligned now (`record` keeps them for the next run)."""
        found = self._decode(self.known.get(self._key(a, b, fixed)))
        return found if found is not None else align_around(a, b, fixed, aligner)

    def record(self, a_ref: str, b_ref: str, a: Sequence[Unit], b: Sequence[Unit], fixed: Fixed, found) -> None:
        """Keep the groups of a pair of this run (called where the run gathers the results: the
        aligning itself may happen in another process)."""
        groups, corrected = found
        key = self._key(a, b, fixed)
        if key not in self.known:
            self.edition.explain("align", f"{a_ref} ↔ {b_ref}", "the blocks of a side or their corrections changed, or the pair is new")
        self.used[key] = {
            "groups": [[list(g.a), list(g.b), g.cert] for g in groups],
            "corrected": sorted([list(x), list(y)] for x, y in corrected),
        }

    @staticmethod
    def _key(a: Sequence[Unit], b: Sequence[Unit], fixed: Fixed) -> str:
        return hashlib.sha256(json.dumps([code_digest(), _units(a), _units(b), [list(map(list, f)) for f in fixed]], ensure_ascii=False).encode()).hexdigest()

    @staticmethod
    def _decode(entry) -> tuple[list[Group], set] | None:
        try:
            groups = [Group(tuple(a), tuple(b), float(cert)) for a, b, cert in entry["groups"]]
            corrected = {(tuple(a), tuple(b)) for a, b in entry["corrected"]}
        except (TypeError, KeyError, ValueError):
            return None
        return groups, corrected

    def save(self) -> None:
        """Keep the alignments of this run's pairs only."""
        write_atomic(self.path, json.dumps(dict(sorted(self.used.items())), ensure_ascii=False, indent=0).encode() + b"\n")
