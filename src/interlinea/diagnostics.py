"""Diagnostics are data: a level, a rule id, a place, a message. Stages collect them; the CLI prints."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum


class Level(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    column: int
    rule: str
    message: str
    level: Level = field(default=Level.ERROR, compare=False)
    xml_id: str | None = field(default=None, compare=False)

    def format(self) -> str:
        severity = "" if self.level is Level.ERROR else "warning: "
        return f"{self.file}:{self.line}:{self.column}: {self.rule}: {severity}{self.message}"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["level"] = self.level.value
        return data


@dataclass
class Report:
    """Everything a validation run found, in a stable order."""

    files: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The files whose own checks ran in this run (not taken from a memo of an earlier one).
    checked: list[str] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def extend(self, diagnostics) -> None:
        self.diagnostics.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level is Level.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level is Level.WARNING]

    def failing_files(self) -> list[str]:
        return sorted({d.file for d in self.errors})

    def summary(self) -> str:
        n_files = len(self.files)
        return (
            f"{n_files} file{'s' if n_files != 1 else ''}, "
            f"{len(self.errors)} error{'s' if len(self.errors) != 1 else ''}, "
            f"{len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}"
        )

    def as_text(self) -> str:
        lines = [d.format() for d in sorted(set(self.diagnostics))]
        lines.append(self.summary())
        return "\n".join(lines) + "\n"

    def as_json(self) -> str:
        payload = {
            "files": sorted(self.files),
            "diagnostics": [d.to_dict() for d in sorted(set(self.diagnostics))],
            "summary": {
                "files": len(self.files),
                "errors": len(self.errors),
                "warnings": len(self.warnings),
            },
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
