"""What validation found in each document, kept between builds: an unchanged file is not checked again.

Most of validation's time goes to checks that look at one document only: its schema layer and the
rules whose scope is the document (`Rule.scope`; the language of every block is identified again by
`lang-mismatch`). Their result is a function of the document's bytes, its name in the report, the
schema it is checked against and Interlinea's code, so it is kept under a digest of exactly those
(`key`); a file whose digest is known gets its diagnostics back without being checked. The rules
that look across files (unique ids, pointers, registers, relations, alignments) run on every build:
what they find in one file depends on the others.

The memo is build state (`.interlinea/validate.json` in an edition's folder, never committed), read
as JSON data only; a damaged or missing memo costs one full validation, never a wrong result.
"""

from __future__ import annotations

import json
from pathlib import Path

from interlinea.diagnostics import Diagnostic, Level
from interlinea.digests import code_digest, sha256_of
from interlinea.xmlio import write_atomic


def key(data: bytes, label: str, checks: list[str]) -> str:
    """The digest of what a document's own checks depend on: its bytes, its name, the checks (rule
    ids and the schemas' digests) and Interlinea's code."""
    return sha256_of(code_digest().encode(), label.encode(), json.dumps(checks).encode(), data)


class ValidationMemo:
    """The diagnostics of each document's own checks, by `key`."""

    def __init__(self, path: Path):
        self.path = path
        self.known = self._read()
        self.used: dict[str, list[dict]] = {}

    def _read(self) -> dict[str, list[dict]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, digest: str) -> list[Diagnostic] | None:
        found = self.known.get(digest)
        if not isinstance(found, list):
            return None
        try:
            diagnostics = [_diagnostic(item) for item in found]
        except (TypeError, ValueError, KeyError):
            return None  # a damaged entry: check the document again
        self.used[digest] = found
        return diagnostics

    def put(self, digest: str, diagnostics: list[Diagnostic]) -> None:
        self.used[digest] = [d.to_dict() for d in sorted(diagnostics)]

    def save(self) -> None:
        """Keep what this run used or found (the documents of the edition as it is now)."""
        write_atomic(self.path, json.dumps(dict(sorted(self.used.items())), ensure_ascii=False, indent=0).encode() + b"\n")


def _diagnostic(item: dict) -> Diagnostic:
    return Diagnostic(
        str(item["file"]), int(item["line"]), int(item["column"]), str(item["rule"]), str(item["message"]),
        level=Level(item["level"]), xml_id=item.get("xml_id"),
    )
