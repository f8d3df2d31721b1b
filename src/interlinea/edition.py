"""The Edition model passed from stage to stage: where things are, the manifest, the texts."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING
from pathlib import Path

from lxml import etree

from interlinea.diagnostics import Diagnostic, Level, Report
from interlinea.errors import EditionNotFound
from interlinea.manifest import MANIFEST_NAME, Manifest, TextEntry, load_manifest
from interlinea.seeds import Seed
from interlinea.xml_input import XMLFile, read_xml

if TYPE_CHECKING:
    from interlinea.convert.body import Placements
    from interlinea.convert.language import LanguagePlan
    from interlinea.registers import Registers
    from interlinea.relations import RelationGraph


BUILD_STATE = ".interlinea"  # the folder of the build's records in an edition (not committed)


@dataclass(frozen=True)
class Rebuilt:
    """Something a build made again, and why (`interlinea build --explain`)."""

    stage: str  # convert, align, validate, publish
    subject: str  # a text id, a pair of works, a file
    reason: str


class TextState(str, Enum):
    """Where a text's tree comes from in this run."""

    DESCRIBED = "described"  # only its manifest entry is known yet
    CONVERTED = "converted"  # made from its seed in this run (not yet written)
    READ = "read"  # read from tei/ as Interlinea wrote it
    EDITED = "edited"  # read from tei/, where an editor changed it by hand (kept as it is)


@dataclass
class Text:
    """One text of the edition as it goes through the stages."""

    entry: TextEntry
    state: TextState = TextState.DESCRIBED
    seed: Seed | None = None
    tree: etree._ElementTree | None = None
    tei_bytes: bytes | None = None
    # For review only (`interlinea languages`): the language decisions of the conversion, and where
    # each block of the seed ended up (xml:id, xml:lang written).
    languages: "LanguagePlan | None" = None
    placements: "Placements" = field(default_factory=dict)

    @property
    def edited(self) -> bool:
        return self.state is TextState.EDITED

    @property
    def id(self) -> str:
        return self.entry.id


@dataclass
class Edition:
    root: Path
    manifest: Manifest
    texts: list[Text] = field(default_factory=list)
    registers: "Registers | None" = None  # read by the convert stage, once per run
    relations: "RelationGraph | None" = None  # made by the convert stage from manifest and bibliography
    # The TEI of each alignment (tei/alignment/), made by the align stage, written with the texts
    # (None: the stage has not run, so the alignments on disk are left as they are).
    alignments: dict[Path, bytes] | None = field(default=None, repr=False)
    # Every XML file of the edition read in this run, parsed once (see read_xml).
    parsed: dict[Path, XMLFile] = field(default_factory=dict, repr=False)
    # Warnings and notes the stages collect for the user (errors stop a stage and are raised).
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Where a text's TEI is when it is not tei/<id>.xml (TEI published without a manifest).
    sources: dict[str, Path] = field(default_factory=dict)
    # TEI published without a manifest (`interlinea publish PATH`): the files named are the whole
    # edition; no registers or alignments are looked for beside them.
    foreign: bool = False
    # What this run made again and why, stage by stage (build --explain).
    rebuilt: list[Rebuilt] = field(default_factory=list)
    # Whether this run may keep what it learns in state_dir (tests over the repository's edition say no).
    keep_state: bool = True
    # The validation report of this run, if the edition was validated (the web edition's About page).
    validation: Report | None = None

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def state_dir(self) -> Path | None:
        """Where builds keep what they remember between runs (caches, records): .interlinea/ in the
        edition's folder, git-ignored; None for TEI published without a manifest (nothing is written
        into another project's folder)."""
        return None if self.foreign or not self.keep_state else self.root / BUILD_STATE

    @property
    def tei_dir(self) -> Path:
        return self.root / "tei"

    def tei_path(self, text_id: str) -> Path:
        return self.sources.get(text_id) or self.tei_dir / f"{text_id}.xml"

    @property
    def registers_dir(self) -> Path:
        return self.tei_dir / "registers"

    def register_paths(self) -> list[Path]:
        return [] if self.foreign else sorted(self.registers_dir.glob("*.xml"))

    @property
    def alignment_dir(self) -> Path:
        return self.tei_dir / "alignment"

    def alignment_paths(self) -> list[Path]:
        return [] if self.foreign else sorted(self.alignment_dir.glob("*.xml"))

    def tei_files(self) -> list[Path]:
        """Every TEI file of the edition: one per text, the registers, the alignments."""
        return [self.tei_path(t.id) for t in self.texts] + self.register_paths() + self.alignment_paths()

    def relative(self, path: Path) -> str:
        """A path as messages show it: relative to the edition when inside it (symbolic links are
        not followed, so a link is named by where it is, not by where it points)."""
        try:
            return str(Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root)))
        except ValueError:
            return str(path)

    def escapes(self, path: Path) -> Path | None:
        """Where a path inside the edition really leads, when a symbolic link takes it outside the
        edition's folder (None when it stays inside). Interlinea reads nothing outside the edition
        through a link, so that no file of the host can end up in the published edition."""
        if not Path(os.path.abspath(path)).is_relative_to(os.path.abspath(self.root)):
            return None  # a file named explicitly outside the edition (`interlinea validate FILE`)
        real = path.resolve()
        if real.is_relative_to(self.root.resolve()):
            return None
        return real

    def read_xml(self, path: Path, label: str | None = None) -> XMLFile:
        """An XML file of the edition, parsed inertly once per run (later calls get the same tree)."""
        key = Path(os.path.abspath(path))
        if key not in self.parsed:
            label = label or self.relative(path)
            outside = self.escapes(path)
            if outside is not None:
                problem = Diagnostic(label, 0, 0, "outside-edition", f"is a symbolic link to {outside}, outside the edition's folder; Interlinea reads no file outside the edition through a link: copy the file in instead")
                self.parsed[key] = XMLFile(path=path, label=label, problems=[problem])
            else:
                self.parsed[key] = read_xml(path, label)
        return self.parsed[key]

    def explain(self, stage: str, subject: str, reason: str) -> None:
        self.rebuilt.append(Rebuilt(stage, subject, reason))

    def warn(self, path: Path, rule: str, message: str) -> None:
        """Record a warning about a file for the user (the CLI prints them)."""
        self.diagnostics.append(Diagnostic(self.relative(path), 0, 0, rule, message, level=Level.WARNING))

    def forget(self, paths: list[Path]) -> None:
        """Drop parsed copies of files that were just rewritten."""
        for path in paths:
            self.parsed.pop(Path(os.path.abspath(path)), None)

    def select(self, text_ids: tuple[str, ...] | list[str] = ()) -> list[Text]:
        """The texts named (all when none are), in manifest order; unknown ids are an error."""
        if text_ids:
            for text_id in text_ids:
                self.manifest.text(text_id)  # raises with the list of known ids
            return [t for t in self.texts if t.id in set(text_ids)]
        return list(self.texts)


def load_edition(root: Path) -> Edition:
    """The edition whose manifest is `root/seeds/edition.toml`."""
    manifest_path = root / "seeds" / MANIFEST_NAME
    if not manifest_path.is_file():
        raise EditionNotFound(
            f"{manifest_path}: no edition manifest here. Run the command in an edition's folder, "
            "point --edition at one, or create one with `interlinea init DIR`."
        )
    manifest = load_manifest(manifest_path)
    edition = Edition(root=root, manifest=manifest)
    edition.texts = [Text(entry=entry) for entry in manifest.texts]
    return edition
