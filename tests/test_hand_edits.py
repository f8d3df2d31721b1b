"""TEI edited by hand is never overwritten: `build` and `convert` keep it, name it and stop (exit 1);
`--keep-edited` publishes it as it is; `--force` regenerates it; the record (tei/.interlinea-record.json)
decides what counts as edited, and a missing record makes every differing file count as edited."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from interlinea.cli import main

RECORD = ".interlinea-record.json"
EDITED = "tei/organise-en.xml"
# A word added by hand inside a paragraph (organise-en.1.5); the file stays valid.
ORIGINAL_PHRASE = b"The protesters are outraged by the fact"
EDITED_PHRASE = b"The protesters are deeply outraged by the fact"


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_of(edition: Path) -> dict[str, list[str]]:
    return json.loads((edition / "tei" / RECORD).read_text(encoding="utf-8"))["files"]


def edit_by_hand(edition: Path) -> bytes:
    """Add a word inside a paragraph of tei/organise-en.xml, as an editor would; return the new bytes."""
    path = edition / EDITED
    data = path.read_bytes()
    assert data.count(ORIGINAL_PHRASE) == 1
    edited = data.replace(ORIGINAL_PHRASE, EDITED_PHRASE)
    path.write_bytes(edited)
    return edited


def converter_output(seed_edition, text_id: str) -> bytes:
    text = next(t for t in seed_edition.texts if t.id == text_id)
    assert text.tei_bytes is not None
    return text.tei_bytes


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_named_as_edited(output: str, file: str = EDITED) -> None:
    assert f"error: {file}: edited by hand since Interlinea wrote it; kept as it is and not regenerated" in output
    assert "--keep-edited" in output and "--force" in output


def test_build_keeps_a_hand_edit_then_keep_edited_publishes_it_then_force_regenerates_it(edition_copy, seed_edition):
    edition = str(edition_copy)
    edited = edit_by_hand(edition_copy)
    # Two other texts must be written by the same run (they are missing), the edit notwithstanding.
    for other in ("pramen-bg", "tir-en-it"):
        (edition_copy / "tei" / f"{other}.xml").unlink()
    recorded_before = record_of(edition_copy)["organise-en.xml"]

    result = run("build", "--edition", edition)
    assert result.exit_code == 1, result.output
    assert_named_as_edited(result.output)
    assert (edition_copy / EDITED).read_bytes() == edited  # byte for byte
    for other in ("pramen-bg", "tir-en-it"):
        assert (edition_copy / "tei" / f"{other}.xml").read_bytes() == converter_output(seed_edition, other)
        assert record_of(edition_copy)[f"{other}.xml"] == [sha256(converter_output(seed_edition, other))]
    # The record still says what Interlinea wrote, so the file still counts as edited next time.
    assert record_of(edition_copy)["organise-en.xml"] == recorded_before
    assert sha256(edited) not in recorded_before

    result = run("build", "--keep-edited", "--edition", edition)
    assert result.exit_code == 0, result.output
    assert f"{EDITED}:0:0: hand-edited: warning: edited by hand; kept as it is, and validated and published as it is (--keep-edited)" in result.output
    assert (edition_copy / EDITED).read_bytes() == edited
    published = (edition_copy / "site" / "text" / "organise-en.txt").read_text(encoding="utf-8")
    assert EDITED_PHRASE.decode() in published
    assert ORIGINAL_PHRASE.decode() not in published

    # Keeping an edit once does not adopt it: a plain build still refuses to overwrite it.
    result = run("build", "--edition", edition)
    assert result.exit_code == 1, result.output
    assert_named_as_edited(result.output)
    assert (edition_copy / EDITED).read_bytes() == edited

    result = run("build", "--force", "--edition", edition)
    assert result.exit_code == 0, result.output
    regenerated = (edition_copy / EDITED).read_bytes()
    assert regenerated == converter_output(seed_edition, "organise-en")
    assert regenerated == (ROOT / EDITED).read_bytes()
    assert record_of(edition_copy)["organise-en.xml"] == [sha256(regenerated)]
    published = (edition_copy / "site" / "text" / "organise-en.txt").read_text(encoding="utf-8")
    assert ORIGINAL_PHRASE.decode() in published and EDITED_PHRASE.decode() not in published

    # And now it is Interlinea's own file again: a plain build succeeds and changes nothing.
    before = tree_bytes(edition_copy / "tei")
    result = run("build", "--edition", edition)
    assert result.exit_code == 0, result.output
    assert tree_bytes(edition_copy / "tei") == before


def test_convert_keeps_a_hand_edit_the_same_way(edition_copy, seed_edition):
    edition = str(edition_copy)
    edited = edit_by_hand(edition_copy)
    (edition_copy / "tei" / "pramen-bg.xml").unlink()

    result = run("convert", "--edition", edition)
    assert result.exit_code == 1, result.output
    assert_named_as_edited(result.output)
    assert (edition_copy / EDITED).read_bytes() == edited
    assert (edition_copy / "tei" / "pramen-bg.xml").read_bytes() == converter_output(seed_edition, "pramen-bg")

    result = run("convert", "--keep-edited", "--edition", edition)
    assert result.exit_code == 0, result.output
    assert f"{EDITED}:0:0: hand-edited: warning: edited by hand; kept as it is" in result.output
    assert (edition_copy / EDITED).read_bytes() == edited

    result = run("convert", "organise-en", "--edition", edition)  # selecting the text changes nothing
    assert result.exit_code == 1, result.output
    assert_named_as_edited(result.output)
    assert (edition_copy / EDITED).read_bytes() == edited

    result = run("convert", "--force", "--edition", edition)
    assert result.exit_code == 0, result.output
    assert f"{EDITED}:0:0: hand-edited: warning: had been edited by hand; regenerated from its seed, the edits discarded (--force)" in result.output
    regenerated = (edition_copy / EDITED).read_bytes()
    assert regenerated == converter_output(seed_edition, "organise-en")
    assert record_of(edition_copy)["organise-en.xml"] == [sha256(regenerated)]


def test_convert_check_says_the_file_was_edited_by_hand_and_writes_nothing(edition_copy):
    edit_by_hand(edition_copy)
    before = tree_bytes(edition_copy)
    result = run("convert", "--check", "--edition", str(edition_copy))
    assert result.exit_code == 1, result.output
    assert f"{EDITED}: differs from the converter's output; it was edited by hand since Interlinea wrote it" in result.output
    for other in ("organise-it", "pramen-bg", "tir-en-it"):
        assert f"tei/{other}.xml" not in result.output
    assert tree_bytes(edition_copy) == before


def test_convert_check_tells_a_stale_file_from_a_hand_edited_one(edition_copy):
    """A file Interlinea wrote whose seed changed since is stale, not edited: the record knows it."""
    seed = edition_copy / "seeds" / "001_6307cbb1398a19df.txt"
    seed.write_bytes(seed.read_bytes() + b"\nOne more paragraph added to the seed later on, after the first conversion.\n")
    result = run("convert", "--check", "--edition", str(edition_copy))
    assert result.exit_code == 1, result.output
    assert f"{EDITED}: differs from the converter's output; run `interlinea convert`" in result.output
    assert "edited by hand" not in result.output
    result = run("convert", "--edition", str(edition_copy))
    assert result.exit_code == 0, result.output
    assert f"wrote {EDITED}" in result.output


def test_a_fresh_edition_without_tei_or_record_converts(make_edition):
    folder = make_edition({
        "first": "A first text, written to be converted for the first time.\n\nIt has two paragraphs.\n",
        "second": "A second text, also converted for the first time.\n",
    })
    assert not (folder / "tei").exists()
    result = run("convert", "--edition", str(folder))
    assert result.exit_code == 0, result.output
    assert "edited by hand" not in result.output
    record = record_of(folder)
    for text_id in ("first", "second"):
        data = (folder / "tei" / f"{text_id}.xml").read_bytes()
        assert record[f"{text_id}.xml"] == [sha256(data)]
    assert not list(folder.rglob(".interlinea-tmp.*"))
    before = tree_bytes(folder / "tei")
    result = run("convert", "--edition", str(folder))  # again: nothing changes, nothing is edited
    assert result.exit_code == 0, result.output
    assert tree_bytes(folder / "tei") == before


def test_without_a_record_a_differing_file_counts_as_edited(edition_copy):
    """The safe default: when the user deleted the record, Interlinea cannot know who wrote a file
    that differs from its output, so it keeps it; files equal to its output are not in question."""
    (edition_copy / "tei" / RECORD).unlink()
    edited = edit_by_hand(edition_copy)
    result = run("convert", "--edition", str(edition_copy))
    assert result.exit_code == 1, result.output
    assert_named_as_edited(result.output)
    # the edited text, and the alignment made from it, which differs from the file on disk: without
    # a record, Interlinea cannot tell that file from a hand edit either
    assert result.output.count("tei/organise-en.xml: edited by hand since Interlinea wrote it") == 1
    assert (edition_copy / EDITED).read_bytes() == edited
    # The record is written again for the files that are Interlinea's output, not for the edited one.
    record = record_of(edition_copy)
    assert "organise-en.xml" not in record
    for other in ("organise-it", "pramen-bg", "tir-en-it"):
        assert record[f"{other}.xml"] == [sha256((edition_copy / "tei" / f"{other}.xml").read_bytes())]


def test_a_stale_file_without_a_record_counts_as_edited_too(edition_copy):
    (edition_copy / "tei" / RECORD).unlink()
    seed = edition_copy / "seeds" / "001_6307cbb1398a19df.txt"
    seed.write_bytes(seed.read_bytes() + b"\nOne more paragraph added to the seed later on.\n")
    before = (edition_copy / EDITED).read_bytes()
    result = run("build", "--edition", str(edition_copy))
    assert result.exit_code == 1, result.output
    assert_named_as_edited(result.output)
    assert (edition_copy / EDITED).read_bytes() == before


@pytest.mark.parametrize("command", ["build", "convert"])
def test_keep_edited_and_force_together_are_a_usage_error(edition_copy, command):
    edit_by_hand(edition_copy)
    before = tree_bytes(edition_copy)
    result = run(command, "--keep-edited", "--force", "--edition", str(edition_copy))
    assert result.exit_code == 2, result.output
    assert "--keep-edited" in result.output and "--force" in result.output
    assert tree_bytes(edition_copy) == before
