"""Incremental conversion (convert_cache.py): a build converts only the texts whose inputs changed,
and writes exactly what a clean build writes, after each kind of change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from interlinea import stages
from interlinea.cli import main
from interlinea.convert_cache import RECORD

from conftest import ROOT


def copy_edition(target: Path) -> Path:
    shutil.copytree(ROOT / "seeds", target / "seeds")
    shutil.copytree(ROOT / "tei", target / "tei")
    return target


def build(edition: Path) -> None:
    result = CliRunner().invoke(main, ["build", "-q", "--edition", str(edition)])
    assert result.exit_code == 0, result.output


def files(edition: Path) -> dict[str, bytes]:
    """Everything a build leaves in tei/ and site/ (its own state in .interlinea/ aside)."""
    return {
        p.relative_to(edition).as_posix(): p.read_bytes()
        for folder in ("tei", "site")
        for p in sorted((edition / folder).rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def aligned(monkeypatch) -> list[tuple[str, str]]:
    """The pairs of works the aligner aligns (first block of each side), in order."""
    import interlinea.align_cache as align_cache

    calls: list[tuple[str, str]] = []
    original = align_cache.align_around

    def counting(a, b, *args, **kwargs):
        calls.append((a[0].id, b[0].id))
        return original(a, b, *args, **kwargs)

    monkeypatch.setattr(align_cache, "align_around", counting)
    return calls


@pytest.fixture
def converted(monkeypatch) -> list[str]:
    """The ids of the texts the converter converts, in order."""
    calls: list[str] = []
    original = stages.convert_text

    def counting(entry, *args, **kwargs):
        calls.append(entry.id)
        return original(entry, *args, **kwargs)

    monkeypatch.setattr(stages, "convert_text", counting)
    return calls


def change_seed(edition: Path) -> None:
    path = edition / "seeds" / "002_459f0461d98bee8c.txt"
    text = path.read_text(encoding="utf-8")
    assert "много по-сложна" in text
    path.write_text(text.replace("много по-сложна", "значително по-сложна", 1), encoding="utf-8")


def change_register(edition: Path) -> None:
    path = edition / "tei" / "registers" / "places.xml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('<placeName xml:lang="en">Almaty</placeName>', '<placeName xml:lang="en">Almaty</placeName>\n            <placeName xml:lang="en" type="variant">Almaty City</placeName>', 1), encoding="utf-8")


def change_manifest(edition: Path) -> None:
    path = edition / "seeds" / "edition.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("A multilingual TEI edition", "A multilingual TEI edition, second printing", 1), encoding="utf-8")


EVERY_TEXT = ["organise-it", "organise-en", "pramen-bg", "tir-en-it"]


@pytest.mark.parametrize(
    ("change", "expected", "realigned"),
    [
        (None, [], 0),
        (change_seed, ["pramen-bg"], 1),  # its one pair (organise-it.2 ↔ pramen-bg.1)
        (change_register, EVERY_TEXT, 0),  # a new variant no text uses: the same blocks to align
        (change_manifest, EVERY_TEXT, 0),
    ],
    ids=["nothing", "one seed", "a register", "the manifest"],
)
def test_an_incremental_build_converts_what_changed_and_writes_what_a_clean_build_writes(tmp_path, converted, aligned, change, expected, realigned):
    incremental = copy_edition(tmp_path / "incremental")
    build(incremental)
    assert (incremental / RECORD).is_file() and len(aligned) == 3
    clean = copy_edition(tmp_path / "clean")
    if change is not None:
        change(incremental)
        change(clean)
    converted.clear()
    aligned.clear()
    build(incremental)
    assert sorted(converted) == sorted(expected)
    assert len(aligned) == realigned, aligned
    build(clean)  # no record: converts everything
    assert files(incremental) == files(clean)


def test_a_text_edited_by_hand_after_the_build_is_not_taken_for_the_converters_output(tmp_path, converted):
    edition = copy_edition(tmp_path / "edition")
    build(edition)
    path = edition / "tei" / "organise-en.xml"
    path.write_text(path.read_text(encoding="utf-8").replace("No war!", "No war at all!", 1), encoding="utf-8")
    converted.clear()
    result = CliRunner().invoke(main, ["build", "--edition", str(edition)])
    assert converted == ["organise-en"]  # its TEI is not what the record says: converted again
    assert result.exit_code == 1 and "edited by hand" in result.output  # and the edit is kept
    assert "No war at all!" in path.read_text(encoding="utf-8")


def test_a_damaged_record_only_costs_a_full_conversion(tmp_path, converted):
    edition = copy_edition(tmp_path / "edition")
    build(edition)
    (edition / RECORD).write_text("{not json", encoding="utf-8")
    converted.clear()
    build(edition)
    assert len(converted) == 4
