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
    """The record of the inputs and outputs of the last conversion of each text: for each text id,
    the digest of every input (`inputs`), each part on its own (to say what changed), and the
    digest of the TEI written (`tei`)."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self.path = edition.root / RECORD
        self.entries = self._read()
        self._shared: dict[str, str] | None = None

    def _read(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {key: value for key, value in data.items() if isinstance(value, dict)}

    def shared_inputs(self) -> dict[str, str]:
        """What every text's conversion depends on: the converter, the manifest, the registers."""
        if self._shared is None:
            edition = self.edition
            manifest = edition.manifest.path.read_bytes() if edition.manifest.path.is_file() else b""
            registers = [p.name.encode() + b"\0" + edition.read_xml(p).data for p in edition.register_paths()]
            self._shared = {"converter": code_digest(), "manifest": sha256_of(manifest), "registers": sha256_of(*registers)}
        return self._shared

    def parts(self, text: Text) -> dict[str, str]:
        assert text.seed is not None
        return {**self.shared_inputs(), "seed": sha256_of(text.id.encode(), text.seed.data)}

    def unchanged(self, text: Text) -> bytes | None:
        """The TEI of a text whose inputs are those of its last conversion, as that conversion wrote
        it in tei/; None when it must be converted."""
        recorded = self.entries.get(text.id)
        if not recorded or recorded.get("inputs") != self.parts(text):
            return None
        path = self.edition.tei_path(text.id)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return data if hashlib.sha256(data).hexdigest() == recorded.get("tei") else None

    def reason(self, text: Text) -> str:
        """Why a text is converted (`unchanged` said None)."""
        recorded = self.entries.get(text.id)
        if not recorded:
            return "no record of an earlier conversion"
        before, now = recorded.get("inputs") or {}, self.parts(text)
        changed = [NAMES[part] for part in now if before.get(part) != now[part]]
        if changed:
            return ", ".join(changed) + " changed"
        return f"{self.edition.relative(self.edition.tei_path(text.id))} is not what the last conversion wrote (edited, or written by an interrupted run)"

    def remember(self, text: Text) -> None:
        """Record the inputs and the TEI of a text converted (or found unchanged) in this run."""
        assert text.tei_bytes is not None
        self.entries[text.id] = {"inputs": self.parts(text), "tei": hashlib.sha256(text.tei_bytes).hexdigest()}

    def save(self) -> None:
        """Write the record (after tei/ is written: an entry whose TEI is not on disk is never used)."""
        known = {text.id for text in self.edition.texts}
        entries = {key: value for key, value in sorted(self.entries.items()) if key in known}
        write_atomic(self.path, json.dumps(entries, indent=1, sort_keys=True).encode() + b"\n")


# How `reason` names each input.
NAMES = {"converter": "Interlinea's converter", "manifest": "the manifest", "registers": "the registers", "seed": "the seed"}
