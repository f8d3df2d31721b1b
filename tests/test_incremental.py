"""Incremental conversion (convert_cache.py): a build converts only the texts whose inputs changed,
and writes exactly what a clean build writes, after each kind of change."""

from __future__ import annotations

import re
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


@pytest.fixture
def checked(monkeypatch) -> list[str]:
    """The files whose own checks (schema, rules of scope document) run, by label."""
    import interlinea.validate as validate

    calls: list[str] = []
    original = validate._schema_layer

    def counting(documents, schema_of, rule_id):
        calls.extend(document.label for document in documents)
        return original(documents, schema_of, rule_id)

    monkeypatch.setattr(validate, "_schema_layer", counting)
    return calls


@pytest.fixture
def rendered(monkeypatch) -> list[str]:
    """The pages about one text or one pair the web edition renders, and the summaries it makes."""
    from interlinea.publish.html import HtmlPublisher
    from interlinea.publish.summary_cache import SummaryCache

    calls: list[str] = []
    render, put = HtmlPublisher.render, SummaryCache.put

    def rendering(self, output):
        if output.parameters.get("kind") in ("text", "parallel"):
            calls.append(output.path.as_posix())
        return render(self, output)

    def summarising(self, name, data):
        calls.append("summary")
        return put(self, name, data)

    monkeypatch.setattr(HtmlPublisher, "render", rendering)
    monkeypatch.setattr(SummaryCache, "put", summarising)
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


EVERY_FILE = [f"tei/{text}.xml" for text in EVERY_TEXT]
PAIRS = ["organise-it.1__organise-en.1", "organise-it.2__pramen-bg.1", "tir-en-it.1__tir-en-it.2"]
EVERY_PAGE = [f"texts/{text}.html" for text in EVERY_TEXT] + [f"parallel/{pair}.html" for pair in PAIRS]


@pytest.mark.parametrize(
    ("change", "expected", "realigned", "rechecked", "pages"),
    [
        (None, [], 0, [], []),
        # its one pair (organise-it.2 ↔ pramen-bg.1), realigned: its file changed too; the other
        # texts' pages read nothing of it that changed (its titles and works are the same)
        (
            change_seed, ["pramen-bg"], 1, ["tei/pramen-bg.xml", "tei/alignment/organise-it.2__pramen-bg.1.xml"],
            ["summary", "texts/pramen-bg.html", "parallel/organise-it.2__pramen-bg.1.html"],
        ),
        # a new variant no text uses: the same texts, the same blocks to align; every page shows
        # the registers' names (in tooltips)
        (change_register, EVERY_TEXT, 0, ["tei/registers/places.xml"], EVERY_PAGE),
        # the edition's description is in every header
        (change_manifest, EVERY_TEXT, 0, EVERY_FILE, ["summary"] * len(EVERY_TEXT) + EVERY_PAGE),
    ],
    ids=["nothing", "one seed", "a register", "the manifest"],
)
def test_an_incremental_build_converts_what_changed_and_writes_what_a_clean_build_writes(tmp_path, converted, aligned, checked, rendered, change, expected, realigned, rechecked, pages):
    incremental = copy_edition(tmp_path / "incremental")
    build(incremental)
    assert (incremental / RECORD).is_file() and len(aligned) == 3
    clean = copy_edition(tmp_path / "clean")
    if change is not None:
        change(incremental)
        change(clean)
    converted.clear()
    aligned.clear()
    checked.clear()
    rendered.clear()
    build(incremental)
    assert sorted(converted) == sorted(expected)
    assert len(aligned) == realigned, aligned
    assert sorted(checked) == sorted(rechecked)
    assert sorted(rendered) == sorted(pages)
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


def test_the_validation_memo_gives_the_report_a_full_validation_gives(tmp_path):
    """A file edited after the build is checked again; the others come from the memo; the report is
    the one validating everything gives, and a damaged memo changes nothing but the time."""
    from interlinea.edition import load_edition
    from interlinea.validate import ValidationMemo

    edition_root = copy_edition(tmp_path / "edition")
    build(edition_root)
    memo_path = edition_root / stages.VALIDATION_MEMO
    assert memo_path.is_file()
    path = edition_root / "tei" / "organise-en.xml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'(<p [^>]*\bn=")\d+"', r'\g<1>99"', text.replace('xml:lang="en"', 'xml:lang="en-"', 1), count=1)
    path.write_text(text, encoding="utf-8")

    def report(memo):
        return stages.validate(load_edition(edition_root), memo=memo).as_text()

    full = report(None)
    assert "lang-syntax" in full and "n-sequence" in full  # what the edit broke is found
    assert report(ValidationMemo(memo_path)) == full
    memo_path.write_text('{"x": [{"file": 1}], ', encoding="utf-8")
    assert report(ValidationMemo(memo_path)) == full


def test_build_explain_says_what_was_made_again_and_why(tmp_path):
    edition = copy_edition(tmp_path / "edition")
    build(edition)

    def explain() -> list[str]:
        result = CliRunner().invoke(main, ["build", "-q", "--explain", "--edition", str(edition)])
        assert result.exit_code == 0, result.output
        return result.stdout.splitlines()

    assert explain() == ["nothing was made again: every output is up to date"]
    change_seed(edition)
    lines = explain()
    assert "convert: pramen-bg: the seed changed" in lines
    assert "align: organise-it.2 ↔ pramen-bg.1: the blocks of a side or their corrections changed, or the pair is new" in lines
    assert any(line.startswith("validate: tei/pramen-bg.xml: ") for line in lines)
    assert "publish: site/texts/pramen-bg.html: changed: the TEI of pramen-bg" in lines
    assert not any("organise-en.html" in line for line in lines)  # nothing it shows changed
    assert [line.split(":")[0] for line in lines] == sorted((line.split(":")[0] for line in lines), key=["convert", "align", "validate", "publish"].index)
    change_manifest(edition)
    assert "convert: organise-it: the manifest changed" in explain()
