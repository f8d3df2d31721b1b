"""tei/ as a store that never loses an editor's work.

Interlinea records, in `tei/.interlinea-record.json`, the SHA-256 of every TEI file it wrote. A file
whose bytes are not in that record was changed by someone else since: it was edited by hand, and it
is never overwritten unless the user says so (`--force`). The record is committed with tei/ (it is
deterministic: file names and digests, sorted).

Writing is crash-safe in two steps. Before any file is replaced, the record is saved listing both the
old and the new digest of each file about to change; then each file is replaced atomically
(`write_atomic`); then the record is saved with the new digests only. An interruption at any moment
leaves every file old or new, and each of those digests in the record, so the next run neither
mistakes its own half-finished work for a hand edit nor loses one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from interlinea.xmlio import write_atomic

RECORD_NAME = ".interlinea-record.json"


class State(str, Enum):
    NEW = "new"  # no file yet
    SAME = "same"  # the file already holds exactly these bytes
    OURS = "ours"  # the file is what Interlinea last wrote: safe to replace
    EDITED = "edited"  # the file differs from everything Interlinea wrote: someone edited it


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class WriteResult:
    written: list[Path] = field(default_factory=list)
    edited: list[Path] = field(default_factory=list)  # edited by hand and kept as they are
    overwritten: list[Path] = field(default_factory=list)  # edited by hand and replaced (--force)


class TEIStore:
    def __init__(self, folder: Path):
        self.folder = folder
        self.record_path = folder / RECORD_NAME
        self.record = self._read_record()

    def _read_record(self) -> dict[str, list[str]]:
        try:
            data = json.loads(self.record_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        files = data.get("files") if isinstance(data, dict) else None
        if not isinstance(files, dict):
            return {}
        return {name: [d for d in digests if isinstance(d, str)] for name, digests in files.items() if isinstance(digests, list)}

    def _save(self, record: dict[str, list[str]]) -> None:
        payload = {
            "about": "SHA-256 of each TEI file as Interlinea last wrote it; a file that differs was edited by hand",
            "files": {name: sorted(set(digests)) for name, digests in sorted(record.items())},
        }
        data = json.dumps(payload, indent=1, ensure_ascii=False).encode("utf-8") + b"\n"
        if not self.record_path.is_file() or self.record_path.read_bytes() != data:
            write_atomic(self.record_path, data)
        self.record = {name: list(digests) for name, digests in payload["files"].items()}

    def state(self, path: Path, data: bytes) -> State:
        """How the file at `path` stands with respect to new content `data`."""
        return self._state(self._name(path), _current(path), data)

    def _name(self, path: Path) -> str:
        """A file's key in the record: its path inside the folder ("organise-en.xml",
        "alignment/organise-it.1__organise-en.1.xml")."""
        try:
            return path.relative_to(self.folder).as_posix()
        except ValueError:
            return path.name

    def _state(self, name: str, current: bytes | None, data: bytes) -> State:
        if current is None:
            return State.NEW
        if current == data:
            return State.SAME
        if digest(current) in self.record.get(name, ()):
            return State.OURS
        return State.EDITED

    def write(self, files: dict[Path, bytes], force: bool = False) -> WriteResult:
        """Write `files` (paths in this folder), keeping hand-edited ones unless `force`."""
        result = WriteResult()
        plan: dict[Path, bytes] = {}
        replaced: dict[Path, str] = {}  # the digest of each file about to be replaced
        final = {name: list(digests) for name, digests in self.record.items()}
        for path, data in files.items():
            current = _current(path)
            state = self._state(self._name(path), current, data)
            if state is State.EDITED and not force:
                result.edited.append(path)
                continue
            final[self._name(path)] = [digest(data)]
            if state is State.SAME:
                continue
            plan[path] = data
            if current is not None:
                replaced[path] = digest(current)
            if state is State.EDITED:
                result.overwritten.append(path)
        if plan:
            pending = {name: list(digests) for name, digests in self.record.items()}
            for path, data in plan.items():
                known = pending.setdefault(self._name(path), [])
                if path in replaced:
                    known.append(replaced[path])
                known.append(digest(data))
            self._save(pending)
            for path, data in plan.items():
                write_atomic(path, data)
                result.written.append(path)
        self._save(final)
        return result


    def remove_obsolete(self, paths: list[Path]) -> list[Path]:
        """Delete files Interlinea wrote that nothing produces any more (an alignment whose relation
        was removed from the manifest); a file edited by hand since is kept. Returns the kept ones."""
        kept, record = [], {name: list(digests) for name, digests in self.record.items()}
        for path in paths:
            current = _current(path)
            if current is None:
                continue
            if digest(current) not in record.get(self._name(path), ()):
                kept.append(path)
                continue
            path.unlink()
            record.pop(self._name(path), None)
        self._save(record)
        return kept


def _current(path: Path) -> bytes | None:
    """The file's bytes, or None when there is no file yet."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
