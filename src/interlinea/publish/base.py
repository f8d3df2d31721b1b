"""The publisher interface: every output format has the same shape, so a new one plugs in beside the rest.

A publisher says which of its outputs are out of date, writes the outputs of one text, and finishes
the run (as Sphinx builders do: get_outdated_docs, write_doc, finish). Outputs are written atomically,
and a build record (`.interlinea-build.json` in the output folder) remembers a fingerprint of what
made each file (TEI, stylesheets, options, version), so an unchanged output is not rewritten and a
file no longer produced is removed.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path

from interlinea import __version__
from interlinea.edition import Edition, Text
from interlinea.xmlio import write_atomic

RECORD = ".interlinea-build.json"


@dataclass(frozen=True)
class PublishOptions:
    numbered: bool = False
    wrap: int = 0
    edition_url: str = ""


@dataclass(frozen=True)
class Output:
    """One file a publisher makes from one text."""

    path: Path  # relative to the output folder
    parameters: dict = field(default_factory=dict)


class Publisher(ABC):
    format: str  # "text", "html"…

    def __init__(self, edition: Edition, out_dir: Path, options: PublishOptions):
        self.edition = edition
        self.out_dir = out_dir
        self.options = options
        self.record_path = out_dir / self.format / RECORD
        self.previous = self._read_record()
        self.current: dict[str, str] = {}

    # -- what each format defines

    @abstractmethod
    def outputs(self, text: Text) -> list[Output]:
        """The files this format makes from `text`."""

    @abstractmethod
    def render(self, text: Text, output: Output) -> bytes:
        """The content of one output."""

    def inputs_digest(self) -> str:
        """What, besides the TEI, decides the outputs (stylesheets, options, version)."""
        return hashlib.sha256(json.dumps([__version__, self.options.__dict__], sort_keys=True).encode()).hexdigest()

    # -- the same for every format

    def fingerprint(self, text: Text, output: Output) -> str:
        digest = hashlib.sha256()
        digest.update(text.tei_bytes or b"")
        digest.update(self.inputs_digest().encode())
        digest.update(json.dumps(output.parameters, sort_keys=True).encode())
        return digest.hexdigest()

    def outdated(self, texts: list[Text]) -> list[Text]:
        """The texts with an output that is missing or was made from other inputs."""
        stale = []
        for text in texts:
            for output in self.outputs(text):
                key = output.path.as_posix()
                if self.previous.get(key) != self.fingerprint(text, output) or not (self.out_dir / output.path).is_file():
                    stale.append(text)
                    break
        return stale

    def write(self, text: Text) -> list[Path]:
        """Write every output of one text; each file appears whole or not at all."""
        written = []
        for output in self.outputs(text):
            content = self.render(text, output)
            target = self.out_dir / output.path
            if not target.is_file() or target.read_bytes() != content:
                write_atomic(target, content)
                written.append(target)
            self.current[output.path.as_posix()] = self.fingerprint(text, output)
        return written

    def keep(self, text: Text) -> None:
        """Record the outputs of a text that was up to date (not rewritten this run)."""
        for output in self.outputs(text):
            self.current[output.path.as_posix()] = self.fingerprint(text, output)

    def finish(self) -> list[Path]:
        """Remove outputs no longer produced; save the build record. Returns the removed files."""
        removed = []
        for key in sorted(set(self.previous) - set(self.current)):
            stale = self.out_dir / key
            if stale.is_file():
                stale.unlink()
                removed.append(stale)
        record = json.dumps(dict(sorted(self.current.items())), indent=1).encode() + b"\n"
        write_atomic(self.record_path, record)
        return removed

    def _read_record(self) -> dict[str, str]:
        try:
            data = json.loads(self.record_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}
