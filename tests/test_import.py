"""TEI from elsewhere: `interlinea import` adds it to an edition as canonical TEI (no seed), and
`interlinea publish PATH...` publishes TEI that has no manifest as an edition of its own."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from interlinea.cli import main
from interlinea.edition import load_edition

from conftest import ROOT

LETTER = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{id}" xml:lang="en"><teiHeader><fileDesc><titleStmt>'
    "<title>{title}</title><author>Ann Example</author></titleStmt><publicationStmt><p>Unpublished.</p>"
    "</publicationStmt><sourceDesc><p>Written for the tests.</p></sourceDesc></fileDesc>"
    '<profileDesc><langUsage><language ident="en">English</language></langUsage></profileDesc></teiHeader>'
    "<text><body><p>{body}</p></body></text></TEI>\n"
)


def write_letter(folder, name, text_id="letter", title='A letter, "quoted"', body="Dear friend, hello."):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(LETTER.format(id=text_id, title=title, body=body), encoding="utf-8")
    return path


def run(*args, cwd=None, monkeypatch=None):
    if cwd is not None:
        monkeypatch.chdir(cwd)
    return CliRunner().invoke(main, list(args))


def test_import_copies_the_file_and_appends_a_canonical_entry(edition_copy, tmp_path):
    letter = write_letter(tmp_path / "incoming", "a.xml")
    manifest = edition_copy / "seeds" / "edition.toml"
    before = manifest.read_text(encoding="utf-8")
    result = run("import", str(letter), "--edition", str(edition_copy))
    assert result.exit_code == 0, result.output
    assert (edition_copy / "tei" / "letter.xml").read_bytes() == letter.read_bytes()
    after = manifest.read_text(encoding="utf-8")
    assert after.startswith(before), "the manifest is appended to, its comments and layout kept"
    entry = load_edition(edition_copy).manifest.text("letter")
    assert entry.canonical_tei and entry.lang == "en" and entry.titles == {"en": 'A letter, "quoted"'}
    # the converter leaves it alone, and says tei/ is up to date
    assert run("convert", "--edition", str(edition_copy)).exit_code == 0
    assert (edition_copy / "tei" / "letter.xml").read_bytes() == letter.read_bytes()
    assert run("convert", "--check", "--edition", str(edition_copy)).exit_code == 0
    # validated against tei_all (the project's header contract is not its own), then published
    built = run("build", "--edition", str(edition_copy))
    assert built.exit_code == 0, built.output
    assert "Dear friend, hello." in (edition_copy / "site" / "text" / "letter.txt").read_text(encoding="utf-8")


def test_import_takes_nothing_when_one_file_cannot_be_taken(edition_copy, tmp_path):
    good = write_letter(tmp_path / "in", "good.xml")
    bad = tmp_path / "in" / "bad.xml"
    bad.write_text("<notTEI/>", encoding="utf-8")
    clash = write_letter(tmp_path / "in2", "x.xml", text_id="organise-en")
    manifest = (edition_copy / "seeds" / "edition.toml").read_bytes()
    result = run("import", str(tmp_path / "in"), str(clash), "--edition", str(edition_copy))
    assert result.exit_code == 1
    assert "bad.xml: the root element is <notTEI>" in result.output and "nothing was imported" in result.output
    assert not (edition_copy / "tei" / "letter.xml").exists()
    assert (edition_copy / "seeds" / "edition.toml").read_bytes() == manifest
    assert good.exists()


def test_a_manifest_text_is_canonical_tei_or_has_a_seed(make_edition):
    folder = make_edition({"one": "One\n\nText.\n"}, extra='\n[[text]]\nid = "two"\ncanonical = "tei"\nsource = "000_one.txt"\ntitle = { en = "Two" }\n')
    result = CliRunner().invoke(main, ["convert", "--edition", str(folder)])
    assert result.exit_code == 1
    assert "a text whose TEI is canonical has no seed: drop 'source'" in result.output


def test_publish_paths_publishes_tei_without_a_manifest(tmp_path, monkeypatch):
    write_letter(tmp_path / "corpus", "one.xml", text_id="letter", title="First", body="Dear friend, hello.")
    write_letter(tmp_path / "corpus" / "more", "two.xml", text_id="letter", title="Second", body="Goodbye for now.")
    (tmp_path / "corpus" / "notes.xml").write_text("<notes/>", encoding="utf-8")
    result = run("publish", "corpus", cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 1, result.output  # one file is not TEI: named, the others published
    assert "corpus/notes.xml: the root element is <notes>" in result.output
    assert "1 of 3 files could not be published" in result.output
    first = (tmp_path / "site" / "text" / "letter.txt").read_text(encoding="utf-8")
    second = (tmp_path / "site" / "text" / "letter-2.txt").read_text(encoding="utf-8")
    assert "Goodbye for now." in first + second and "Dear friend, hello." in first + second
    (tmp_path / "corpus" / "notes.xml").unlink()
    again = run("publish", "corpus", "--out", "out", cwd=tmp_path, monkeypatch=monkeypatch)
    assert again.exit_code == 0, again.output
    assert sorted(p.name for p in (tmp_path / "out" / "text").glob("*.txt")) == ["letter-2.txt", "letter.txt"]
    # the web edition too, with no registers or alignments looked for beside the files
    assert sorted(p.name for p in (tmp_path / "out" / "texts").glob("*.html")) == ["letter-2.html", "letter.html"]
    assert "Goodbye for now." in (tmp_path / "out" / "texts" / "letter-2.html").read_text(encoding="utf-8") + (tmp_path / "out" / "texts" / "letter.html").read_text(encoding="utf-8")
    assert (tmp_path / "out" / "index.html").is_file() and not (tmp_path / "out" / "tei" / "registers").exists()
    only_text = run("publish", "corpus", "--format", "text", "--out", "text-only", cwd=tmp_path, monkeypatch=monkeypatch)
    assert only_text.exit_code == 0 and not (tmp_path / "text-only" / "index.html").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["publish", "corpus", "organise-en"], "give either text ids of the edition or TEI files and folders, not both"),
        (["publish", "corpus", "--format", "cite"], "TEI without a manifest is published as text and html"),
        (["publish", "missing/"], "missing: no such file or folder"),
    ],
)
def test_publish_paths_bad_usage(tmp_path, monkeypatch, args, message):
    write_letter(tmp_path / "corpus", "one.xml")
    result = run(*args, cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code in (1, 2)
    assert message in result.output


def test_publish_paths_publishes_every_real_tei_file_of_the_corpus(tmp_path, monkeypatch):
    corpus = ROOT.parent / "shared" / "corpus" / "tei"
    files = sorted(corpus.rglob("*.xml"))
    assert len(files) >= 30, "../shared/corpus/tei beside the checkout"
    result = run("publish", str(corpus), "--out", str(tmp_path / "site"), cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 0, result.output
    published = sorted((tmp_path / "site" / "text").glob("*.txt"))
    assert len(published) == len(files)
    assert all(path.stat().st_size > 0 for path in published)
    pages = sorted((tmp_path / "site" / "texts").glob("*.html"))
    assert [p.stem for p in pages] == [p.stem for p in published]
