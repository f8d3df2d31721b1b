"""The Edition model passed from stage to stage: where things are, the manifest, the texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from pathlib import Path

from lxml import etree

from interlinea.errors import EditionNotFound
from interlinea.manifest import MANIFEST_NAME, Manifest, TextEntry, load_manifest
from interlinea.seeds import Seed

if TYPE_CHECKING:
    from interlinea.convert.language import LanguagePlan
    from interlinea.registers import Registers


@dataclass
class Text:
    """One text of the edition as it goes through the stages."""

    entry: TextEntry
    seed: Seed | None = None
    tree: etree._ElementTree | None = None
    tei_bytes: bytes | None = None
    languages: "LanguagePlan | None" = None  # the language decisions of the last conversion

    @property
    def id(self) -> str:
        return self.entry.id


@dataclass
class Edition:
    root: Path
    manifest: Manifest
    texts: list[Text] = field(default_factory=list)
    registers: "Registers | None" = None  # read by the convert stage, once per run

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def tei_dir(self) -> Path:
        return self.root / "tei"

    def tei_path(self, text_id: str) -> Path:
        return self.tei_dir / f"{text_id}.xml"

    @property
    def registers_dir(self) -> Path:
        return self.tei_dir / "registers"

    def register_paths(self) -> list[Path]:
        return sorted(self.registers_dir.glob("*.xml"))

    def tei_files(self) -> list[Path]:
        """Every TEI file of the edition: one per text, then the registers."""
        return [self.tei_path(t.id) for t in self.texts] + self.register_paths()

    def relative(self, path: Path) -> str:
        """A path as messages show it: relative to the edition when inside it."""
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)

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
