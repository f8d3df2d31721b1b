"""The pipeline's stages, each a small function over the Edition; `build` is the recipe.

seeds/*.txt + seeds/edition.toml + tei/registers --convert--> tei/*.xml --validate--> --publish--> site/
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from lxml import etree

from interlinea.convert import convert_text
from interlinea.diagnostics import Report
from interlinea.edition import Edition, Text
from interlinea.entities import Tagger
from interlinea.registers import load_registers
from interlinea.errors import SeedError
from interlinea.seeds import read_seed
from interlinea.validate import validate_files
from interlinea.xmlio import safe_parser, serialize, write_atomic

Progress = Callable[[Iterable[Text], str], Iterable[Text]]


def _plain(items: Iterable[Text], _label: str) -> Iterable[Text]:
    return items


def read_seeds(edition: Edition, texts: list[Text]) -> None:
    """Read every selected seed; report all unreadable seeds at once, before anything is written."""
    problems = []
    for text in texts:
        path = edition.seeds_dir / text.entry.source
        try:
            text.seed = read_seed(path, label=edition.relative(path))
        except SeedError as exc:
            problems.append(exc.message)
    if problems:
        raise SeedError("\n".join(problems))


def convert(edition: Edition, texts: list[Text], progress: Progress = _plain) -> None:
    """Convert the selected texts in memory (nothing is written here)."""
    read_seeds(edition, texts)
    registers = edition.registers = load_registers(edition.registers_dir)
    tagger = Tagger(registers)  # one automaton for the whole run
    for text in progress(texts, "convert"):
        assert text.seed is not None
        label = edition.relative(edition.seeds_dir / text.entry.source)
        converted = convert_text(
            text.entry,
            text.seed,
            edition.manifest.meta,
            label=label,
            edition_languages=edition.manifest.languages(),
            registers=registers,
            tagger=tagger,
        )
        text.tree = converted.tree
        text.languages = converted.languages
        text.tei_bytes = serialize(text.tree)


def write_tei(edition: Edition, texts: list[Text]) -> list[Path]:
    """Write the converted TEI; files whose bytes would not change are left untouched."""
    written = []
    for text in texts:
        assert text.tei_bytes is not None
        path = edition.tei_path(text.id)
        if not path.exists() or path.read_bytes() != text.tei_bytes:
            write_atomic(path, text.tei_bytes)
            written.append(path)
    return written


def stale_tei(edition: Edition, texts: list[Text]) -> list[str]:
    """The TEI files that differ from what the converter produces now (for `convert --check`)."""
    stale = []
    for text in texts:
        path = edition.tei_path(text.id)
        if not path.exists():
            stale.append(f"{edition.relative(path)}: missing; run `interlinea convert`")
        elif path.read_bytes() != text.tei_bytes:
            stale.append(f"{edition.relative(path)}: differs from the converter's output; run `interlinea convert`")
    return stale


def validate(edition: Edition, paths: list[Path] | None = None, tei_all: bool = False) -> Report:
    """Validate files of the edition (all by default), with the whole edition as context."""
    everything = edition.tei_files()
    return validate_files(
        everything if paths is None else paths,
        label=edition.relative,
        context=everything,
        seeds_dir=edition.seeds_dir,
        tei_all=tei_all,
    )


def read_tei(edition: Edition, texts: list[Text]) -> None:
    """Read the TEI of texts from tei/ (to publish hand-edited TEI without converting)."""
    from interlinea.errors import InterlineaError

    problems = []
    for text in texts:
        path = edition.tei_path(text.id)
        try:
            text.tei_bytes = path.read_bytes()
            text.tree = etree.ElementTree(etree.fromstring(text.tei_bytes, safe_parser(), base_url=str(path)))
        except OSError:
            problems.append(f"{edition.relative(path)}: no such file; run `interlinea convert` first")
        except etree.XMLSyntaxError as exc:
            problems.append(f"{edition.relative(path)}:{exc.position[0]}: not well-formed XML: {exc.msg}")
    if problems:
        raise InterlineaError("\n".join(problems))


def publish(edition: Edition, texts: list[Text], formats, out_dir: Path, options, progress: Progress = _plain):
    from interlinea.publish import publish as run_publishers

    return run_publishers(edition, texts, formats, out_dir, options, progress)


def build(edition: Edition, progress: Progress = _plain) -> Report:
    """Convert every text, write tei/, validate it (the CLI publishes when the report has no errors)."""
    texts = edition.select()
    convert(edition, texts, progress)
    write_tei(edition, texts)
    return validate(edition)
