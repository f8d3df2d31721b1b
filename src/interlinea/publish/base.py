"""The publisher interface: every output format has the same shape, so a new one plugs in beside the rest.

A publisher declares the files it makes for the whole edition (`outputs`), each with the inputs it
depends on: one text's TEI (`tei:organise-en`), every text (`tei:*`), the registers, the manifest.
It renders one output at a time (`render`). Around it, the same for every format (as Sphinx builders
share get_outdated_docs, write_doc, finish): a build record (`.interlinea-build.json` in the format's
folder) keeps a fingerprint of everything that made each file (its inputs, the stylesheets, the
options, the version), so that a file is rebuilt exactly when something it depends on changed (an
entity page when any text that mentions the entity changes), an unchanged one is not rewritten, and a
file no longer produced is removed. Writes are atomic.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from interlinea import __version__
from interlinea.diagnostics import Diagnostic
from interlinea.digests import sha256_of
from interlinea.edition import Edition, Text
from interlinea.xmlio import write_atomic

RECORD = ".interlinea-build.json"
EVERY_TEXT = "tei:*"
REGISTERS = "registers"
MANIFEST = "manifest"
ALIGNMENTS = "alignments"
METHOD = "method"  # in the build record: the digest of what decides every output (method_digest)


def alignment_input(name: str) -> str:
    """One alignment file of tei/alignment/, by its name."""
    return f"alignment:{name}"


@dataclass(frozen=True)
class PublishOptions:
    """How the editions are made. The reading options say which readings of the TEI are published and
    how some of it is laid out; each is a parameter of the stylesheets, documented, with the values it
    accepts, in xslt/common/params.xsl."""

    numbered: bool = False
    wrap: int = 0
    edition_url: str = ""
    choice: str = "regularised"  # choice: 'regularised' | 'original' | 'both'
    app: str = "lemma"  # app in running text: 'lemma' | 'apparatus'
    deletions: str = "omit"  # del: 'omit' | 'show'
    notes: str = "after-block"  # a note in running text: 'after-block' | 'in-place'
    line_breaks: str = "keep"  # lb: 'keep' | 'ignore'
    page_breaks: bool = False  # pb marked as [p. N]


@dataclass(frozen=True)
class Output:
    """One file a publisher makes."""

    path: Path  # relative to the output folder
    inputs: tuple[str, ...]  # what it is made from: "tei:<text id>", "tei:*", "registers", "alignments", "manifest"
    parameters: dict = field(default_factory=dict, hash=False)
    text_id: str | None = None  # the text it shows, when it shows one


def text_input(text_id: str) -> str:
    return f"tei:{text_id}"


class Inputs:
    """The digest of each input of the edition, computed once per run, on demand."""

    def __init__(self, edition: Edition, texts: list[Text]):
        self.edition = edition
        self.texts = {text.id: text for text in texts}
        self._digests: dict[str, str] = {}

    def digest(self, key: str) -> str:
        if key not in self._digests:
            self._digests[key] = self._compute(key)
        return self._digests[key]

    def _compute(self, key: str) -> str:
        if key == EVERY_TEXT:
            return sha256_of(*(self.digest(text_input(text_id)).encode() for text_id in sorted(self.texts)))
        if key.startswith("tei:"):
            return sha256_of(self.texts[key[4:]].tei_bytes or b"")
        if key == REGISTERS:
            return sha256_of(*(p.name.encode() + self.edition.read_xml(p).data for p in self.edition.register_paths()))
        if key.startswith("alignment:"):
            return sha256_of(self.edition.read_xml(self.edition.alignment_dir / key.partition(":")[2]).data)
        if key == ALIGNMENTS:
            return sha256_of(*(p.name.encode() + self.edition.read_xml(p).data for p in self.edition.alignment_paths()))
        if key == MANIFEST:
            manifest = self.edition.manifest
            if manifest.path.is_file():
                return sha256_of(manifest.path.read_bytes())
            return sha256_of(repr((manifest.meta, manifest.texts)).encode())  # read from TEI headers
        raise KeyError(f"unknown publishing input {key!r}")


class Publisher(ABC):
    format: str  # "text", "html"…
    folder: str | None = None  # where its files go in the output folder (None: a folder named as the format)

    def __init__(self, edition: Edition, texts: list[Text], out_dir: Path, options: PublishOptions):
        self.edition = edition
        self.texts = texts
        self.by_id = {text.id: text for text in texts}
        self.out_dir = out_dir
        self.options = options
        self.record_path = out_dir / (self.format if self.folder is None else self.folder) / RECORD
        self.previous, self.previous_inputs = self._read_record()
        self.current: dict[str, str] = {}
        self.current_inputs: dict[str, str] = {}
        self._warned: set[Diagnostic] = set()

    # -- what each format defines

    @abstractmethod
    def outputs(self) -> list[Output]:
        """Every file this format makes for the edition, with what each depends on."""

    @abstractmethod
    def render(self, output: Output) -> bytes:
        """The content of one output."""

    def prepare(self, mapper) -> None:
        """Work this format does once before its outputs (the web edition's summaries of the
        texts), with `mapper` mapping a function over items (in worker processes)."""

    def method_digest(self) -> str:
        """What, besides the data, decides every output: the version and the options (a format adds
        its stylesheets)."""
        return sha256_of(json.dumps([__version__, self.format, self.options.__dict__], sort_keys=True).encode())

    # -- the same for every format

    def fingerprint(self, output: Output, inputs: Inputs) -> str:
        digests = {key: self.input_digest(key, inputs) for key in sorted(output.inputs)}
        self.current_inputs.update(digests)
        return sha256_of(
            self._method.encode(),
            json.dumps(output.parameters, sort_keys=True).encode(),
            *(f"{key}={digest}".encode() for key, digest in digests.items()),
        )

    def why(self, output: Output) -> str:
        """Why an output that is not current is made (for `build --explain`); call after
        `fingerprint`."""
        if output.path.as_posix() not in self.previous:
            return "new: not made by an earlier build"
        if self.previous_inputs.get(METHOD) != self._method:
            return "the stylesheets, the options or Interlinea's version changed"
        changed = [key for key in sorted(output.inputs) if self.previous_inputs.get(key) != self.current_inputs.get(key)]
        if changed:
            return "changed: " + "; ".join(self.describe_input(key) for key in changed)
        if not (self.out_dir / output.path).is_file():
            return "the file was missing"
        return "made from other parameters"

    def describe_input(self, key: str) -> str:
        """An input in words (for `why`)."""
        if key == EVERY_TEXT:
            return "the TEI of a text of the edition"
        if key.startswith("tei:"):
            return f"the TEI of {key[4:]}"
        if key.startswith("alignment:"):
            return f"the alignment {key.partition(':')[2]}"
        return {ALIGNMENTS: "an alignment", REGISTERS: "the registers", MANIFEST: "the manifest"}.get(key, key)

    def input_digest(self, key: str, inputs: Inputs) -> str:
        """The digest of one input of an output: the edition's (Inputs), or one only this format
        makes (the web edition's page context)."""
        return inputs.digest(key)

    @cached_property
    def _method(self) -> str:
        return self.method_digest()

    def is_current(self, output: Output, fingerprint: str) -> bool:
        return self.previous.get(output.path.as_posix()) == fingerprint and (self.out_dir / output.path).is_file()

    def write(self, output: Output, fingerprint: str) -> Path | None:
        """Render and write one output, and record it; the file appears whole or not at all.
        Returns it if it changed."""
        written, _ = self.make(output)
        self.current[output.path.as_posix()] = fingerprint
        return written

    def make(self, output: Output) -> tuple[Path | None, list[Diagnostic]]:
        """Render and write one output (not recorded: the caller records it, see `record`), the
        file only if its bytes change; returns it if it changed, and the warnings rendering gave
        (for a worker process, whose own report is lost)."""
        before = len(self.edition.diagnostics)
        content = self.render(output)
        warnings = self.edition.diagnostics[before:]
        target = self.out_dir / output.path
        if target.is_file() and target.read_bytes() == content:
            return None, warnings
        write_atomic(target, content)
        return target, warnings

    def record(self, output: Output, fingerprint: str) -> None:
        """Record an output made in this run (by `make`, here or in a worker)."""
        self.current[output.path.as_posix()] = fingerprint

    def warn(self, diagnostic: Diagnostic) -> None:
        """Report a warning about the TEI met while rendering (the CLI prints the edition's
        diagnostics); the same warning twice (a text and one of its works) is reported once."""
        if diagnostic not in self._warned:
            self._warned.add(diagnostic)
            self.edition.diagnostics.append(diagnostic)

    def keep(self, output: Output, fingerprint: str) -> None:
        """Record an output that was up to date (not rewritten this run)."""
        self.current[output.path.as_posix()] = fingerprint

    def finish(self) -> list[Path]:
        """Remove outputs no longer produced; save the build record. Returns the removed files."""
        removed = []
        for key in sorted(set(self.previous) - set(self.current)):
            stale = self.out_dir / key
            if stale.is_file():
                stale.unlink()
                removed.append(stale)
        inputs = {METHOD: self._method, **self.current_inputs}
        record = {"inputs": dict(sorted(inputs.items())), "outputs": dict(sorted(self.current.items()))}
        write_atomic(self.record_path, json.dumps(record, indent=1).encode() + b"\n")
        return removed

    def _read_record(self) -> tuple[dict[str, str], dict[str, str]]:
        """The fingerprint of each output of the last build, and the digest of each input then."""
        try:
            data = json.loads(self.record_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}, {}
        if not isinstance(data, dict) or not isinstance(data.get("outputs"), dict) or not isinstance(data.get("inputs"), dict):
            return {}, {}  # damaged, or written by an older version: everything is made again
        return data["outputs"], data["inputs"]
