"""Incremental conversion: a text whose inputs are what they were when Interlinea last wrote its TEI
is taken from tei/ instead of being converted again.

What a text's conversion depends on: its seed's bytes; the manifest (the text's entry, the edition's
metadata, and the relations of all the works come from it); the registers (names, their variants,
the bibliography); and the converter itself: a digest of Interlinea's own code and data files, so
that a new version or any edit of the converter converts everything again. The record,
`.interlinea/convert.json` in the edition's folder (build state, not committed), keeps for each text
the digest of those inputs and the digest of the TEI that conversion gave. A text is taken as it is
in tei/ when both match: the same inputs, and tei/<id>.xml exactly what that conversion wrote (a
file edited by hand since, or half-written by an interrupted run, is converted again, and the
hand-edit protection of `write_tei` decides what happens to it). Being wrong is impossible by
construction rather than unlikely: any byte of any input changes the digest.

The alignment, validation and publishing stages see the same trees either way (the file on disk is
the converter's output), so an incremental build writes byte-identical files to a clean one
(tests/test_incremental.py compares them after each kind of change).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from interlinea.digests import code_digest, sha256_of
from interlinea.edition import BUILD_STATE, Edition, Text
from interlinea.xmlio import write_atomic

RECORD = Path(BUILD_STATE) / "convert.json"
class ConvertCache:
    """The record of the inputs and outputs of the last conversion of each text."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self.path = edition.root / RECORD
        self.entries = self._read()
        self._shared: str | None = None

    def _read(self) -> dict[str, list[str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def shared_inputs(self) -> str:
        """What every text's conversion depends on: the converter, the manifest, the registers."""
        if self._shared is None:
            edition = self.edition
            manifest = edition.manifest.path.read_bytes() if edition.manifest.path.is_file() else b""
            registers = [p.name.encode() + b"\0" + edition.read_xml(p).data for p in edition.register_paths()]
            self._shared = sha256_of(code_digest().encode(), manifest, *registers)
        return self._shared

    def inputs(self, text: Text) -> str:
        assert text.seed is not None
        return sha256_of(self.shared_inputs().encode(), text.id.encode(), text.seed.data)

    def unchanged(self, text: Text) -> bytes | None:
        """The TEI of a text whose inputs are those of its last conversion, as that conversion wrote
        it in tei/; None when it must be converted."""
        recorded = self.entries.get(text.id)
        if not recorded or recorded[0] != self.inputs(text):
            return None
        path = self.edition.tei_path(text.id)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return data if hashlib.sha256(data).hexdigest() == recorded[1] else None

    def remember(self, text: Text) -> None:
        """Record the inputs and the TEI of a text converted (or found unchanged) in this run."""
        assert text.tei_bytes is not None
        self.entries[text.id] = [self.inputs(text), hashlib.sha256(text.tei_bytes).hexdigest()]

    def save(self) -> None:
        """Write the record (after tei/ is written: an entry whose TEI is not on disk is never used)."""
        known = {text.id for text in self.edition.texts}
        entries = {key: value for key, value in sorted(self.entries.items()) if key in known}
        write_atomic(self.path, json.dumps(entries, indent=1).encode() + b"\n")
