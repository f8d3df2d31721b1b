"""Hostile input: nothing of the host's files reaches any output, and each attack is reported by its rule.

The TEI attacks are the files of tests/fixtures/bad/ (made by make_bad.py): each replaces one file of
the small fixture edition and names the rule ids validation must report. Every file goes through
`validate`, `publish`, `publish --skip-validation` and `build` (with and without --keep-edited); a
secret file outside the edition, named by the attacks, holds a token that must appear nowhere.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from interlinea.cli import main
from interlinea.publish.xslt import PublishError, Stylesheet
from interlinea.resources import xslt_path
from interlinea.xml_input import read_xml

from conftest import FIXTURES, ROOT

BAD = sorted((FIXTURES / "bad").glob("*.xml"))
BASE = FIXTURES / "validation" / "edition"
TOKEN = "HOST-SECRET-3f9c1a7e"


def header(fixture: Path, key: str) -> str:
    return re.search(rf"<!-- {key}: (.+?) -->", fixture.read_text(encoding="utf-8")).group(1)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "host" / "secret.txt"
    path.parent.mkdir()
    path.write_text(f"{TOKEN}\n", encoding="utf-8")
    return path


def hostile_edition(tmp_path: Path, fixture: Path, secret: Path) -> tuple[Path, str]:
    edition = tmp_path / "edition"
    shutil.copytree(BASE, edition)
    replaces = header(fixture, "replaces")
    text = fixture.read_text(encoding="utf-8")
    text = text.replace("file:///SECRET", secret.as_uri()).replace("http://127.0.0.1:9/SECRET", f"http://127.0.0.1:9{secret}")
    (edition / replaces).write_text(text, encoding="utf-8")
    return edition, replaces


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def assert_no_leak(edition: Path, *results) -> None:
    for result in results:
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert "Traceback" not in result.output + result.stderr
        assert TOKEN not in result.output + result.stderr
    for path in edition.rglob("*"):
        if path.is_file() and not path.is_symlink():  # the links themselves point at the secret
            assert TOKEN.encode() not in path.read_bytes(), f"{path} holds the host's secret"


@pytest.mark.parametrize("fixture", BAD, ids=[f.stem for f in BAD])
def test_validate_reports_each_attack_by_its_rule(tmp_path, fixture, secret):
    edition, replaces = hostile_edition(tmp_path, fixture, secret)
    result = run("validate", "--edition", str(edition), "--format", "json")
    assert result.exit_code == 1, result.output
    import json

    report = json.loads(result.output)
    errors = [d for d in report["diagnostics"] if d["level"] == "error"]
    assert {d["rule"] for d in errors if d["file"] == replaces} == set(header(fixture, "expect").split()), result.output
    assert all(d["file"] == replaces for d in errors), "one bad file must not produce errors in the others"
    assert all(d["line"] > 0 for d in errors), "every problem is located"
    assert_no_leak(edition, result)


@pytest.mark.parametrize("fixture", BAD, ids=[f.stem for f in BAD])
def test_publishing_hostile_tei_leaks_nothing(tmp_path, fixture, secret):
    edition, _ = hostile_edition(tmp_path, fixture, secret)
    validated = run("publish", "--edition", str(edition))
    assert validated.exit_code == 1
    assert not (edition / "site" / "text").exists() or not any((edition / "site" / "text").glob("*.txt"))
    forced = run("publish", "--skip-validation", "--edition", str(edition))
    assert forced.exit_code in (0, 1), forced.output
    assert_no_leak(edition, validated, forced)


@pytest.mark.parametrize("fixture", BAD, ids=[f.stem for f in BAD])
def test_build_keeps_hostile_tei_as_an_edit_and_leaks_nothing(tmp_path, fixture, secret):
    edition, replaces = hostile_edition(tmp_path, fixture, secret)
    before = (edition / replaces).read_bytes()
    plain = run("build", "--edition", str(edition))
    assert plain.exit_code == 1
    assert f"{replaces}: edited by hand" in plain.stderr
    assert (edition / replaces).read_bytes() == before, "a hand-edited file is never overwritten"
    kept = run("build", "--keep-edited", "--edition", str(edition))
    assert kept.exit_code == 1, "the kept file does not validate, so nothing is published"
    assert_no_leak(edition, plain, kept)


def test_inert_reading_never_opens_the_named_file(tmp_path, secret):
    """The attack files parse to trees (or fail) without the secret's content anywhere in them."""
    from lxml import etree

    for fixture in BAD:
        if not {"doctype", "xinclude", "well-formed"} & set(header(fixture, "expect").split()):
            continue
        copy = tmp_path / fixture.name
        copy.write_text(fixture.read_text(encoding="utf-8").replace("file:///SECRET", secret.as_uri()), encoding="utf-8")
        parsed = read_xml(copy)
        assert parsed.problems, fixture.name
        if parsed.tree is not None:
            assert TOKEN.encode() not in etree.tostring(parsed.tree)


UNPARSED_TEXT = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:value-of select="unparsed-text(string(//tei:title[1]))"/>
    <xsl:value-of select="count(doc(string(//tei:title[2]))//*)"/>
  </xsl:template>
</xsl:stylesheet>
"""


@pytest.mark.parametrize("call", ["unparsed-text", "doc"])
def test_a_stylesheet_cannot_reach_a_file_named_by_the_tei(tmp_path, secret, call):
    """Even a stylesheet that dereferences TEI data gets no file: Saxon may open no URI at all."""
    (tmp_path / "secret.xml").write_text(f"<s>{TOKEN}</s>", encoding="utf-8")
    stylesheet = tmp_path / "reader.xsl"
    select = UNPARSED_TEXT if call == "unparsed-text" else UNPARSED_TEXT.replace('<xsl:value-of select="unparsed-text(string(//tei:title[1]))"/>', "")
    stylesheet.write_text(select, encoding="utf-8")
    tei = tmp_path / "t.xml"
    tei.write_text(
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><title>{secret.as_uri()}</title><title>{(tmp_path / "secret.xml").as_uri()}</title></TEI>',
        encoding="utf-8",
    )
    compiled = Stylesheet(stylesheet)
    with pytest.raises(PublishError) as failure:
        compiled.transform(read_xml(tei).tree, "t.xml", {})
    assert TOKEN not in str(failure.value)
    assert "prohibited" in str(failure.value)


def test_the_stylesheets_read_no_document_themselves():
    """Data comes into the stylesheets as the parsed TEI and as parameters, never through a URI."""
    calls = re.compile(r"\b(doc|document|unparsed-text|unparsed-text-lines|unparsed-text-available|collection|uri-collection|json-doc|doc-available)\s*\(")
    for path in sorted(xslt_path().rglob("*.xsl")):
        # what the stylesheet says (attributes and text of its elements), not its comments
        tree = etree.parse(str(path))
        code = [value for node in tree.iter() if isinstance(node.tag, str) for value in (*node.attrib.values(), node.text or "")]
        for value in code:
            found = calls.search(value)
            assert found is None, f"{path.relative_to(ROOT)} calls {found.group(1)}()"
    assert calls.search("select=\"document('x')\"") and calls.search("unparsed-text ($u)")


# -- links and paths that lead out of the edition ----------------------------------------------------


def test_a_seed_that_links_outside_the_edition_is_refused(make_edition, secret):
    folder = make_edition({"one": "Title\n\nA paragraph of plain text.\n"})
    seed = folder / "seeds" / "000_one.txt"
    seed.unlink()
    seed.symlink_to(secret)
    result = run("build", "--edition", str(folder))
    assert result.exit_code == 1
    assert "seeds/000_one.txt: is a symbolic link to" in result.stderr and "outside the edition" in result.stderr
    assert_no_leak(folder, result)


@pytest.mark.parametrize("where", ["tei/a.xml", "tei/registers/persons.xml"])
def test_tei_that_links_outside_the_edition_is_refused(tmp_path, secret, where):
    edition = tmp_path / "edition"
    shutil.copytree(BASE, edition)
    outside = secret.parent / "outside.xml"
    shutil.copyfile(edition / where, outside)
    text = outside.read_text(encoding="utf-8")
    outside.write_text(text.replace("</title>", f" {TOKEN}</title>", 1), encoding="utf-8")
    (edition / where).unlink()
    (edition / where).symlink_to(outside)
    validated = run("validate", "--edition", str(edition))
    assert validated.exit_code == 1
    assert f"{where}:0:0: outside-edition:" in validated.output
    published = run("publish", "--skip-validation", "--edition", str(edition))
    # The text editions do not read the registers; a linked text is refused.
    assert published.exit_code == (1 if where == "tei/a.xml" else 0), published.output
    built = run("build", "--keep-edited", "--edition", str(edition))
    assert built.exit_code == 1
    assert_no_leak(edition, validated, published, built)


def test_a_manifest_source_with_a_path_is_refused(make_edition, secret):
    folder = make_edition({"one": "Title\n\nA paragraph of plain text.\n"})
    manifest = folder / "seeds" / "edition.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"000_one.txt"', f'"../../host/{secret.name}"'), encoding="utf-8")
    result = run("build", "--edition", str(folder))
    assert result.exit_code == 1
    assert "must be a plain file name inside seeds/" in result.stderr
    assert_no_leak(folder, result)


def test_a_file_past_the_size_limit_is_refused_before_reading(make_edition, monkeypatch):
    folder = make_edition({"one": "Title\n\n" + "A paragraph of plain text.\n\n" * 50_000})
    monkeypatch.setenv("INTERLINEA_MAX_INPUT_MB", "1")
    result = run("convert", "--edition", str(folder))
    assert result.exit_code == 1
    assert re.search(r"seeds/000_one\.txt: the file is 1\.\d MB, over the limit of 1 MB", result.stderr), result.stderr
    assert not (folder / "tei").exists()
    monkeypatch.setenv("INTERLINEA_MAX_INPUT_MB", "lots")
    result = run("convert", "--edition", str(folder))
    assert result.exit_code == 1 and "INTERLINEA_MAX_INPUT_MB='lots' is not a size" in result.stderr


# -- wrong data: refused with a message that says what is wrong, nothing written ---------------------

WRONG_DATA = [
    pytest.param('lang = "en"', 'lang = "french"', "key 'lang': 'french' is not a BCP 47 language tag", id="lang-name"),
    pytest.param('lang = "en"', 'lang = "en-UK"', "did you mean 'en-GB'?", id="lang-region"),
    pytest.param('editors = [{ name = "Tester" }]', 'editors = [{ name = "Tester", ref = "laurent" }]', "ref 'laurent' names no entry in the registers", id="unknown-ref"),
    pytest.param("date = 2026-01-01", "date = 2024-13-12", "2024-13-12 is not a date: month 13 is not 1–12", id="bare-date"),
    pytest.param("date = 2026-01-01", 'date = "2022-02-30"', "day 30 is not in February 2022 (1–28)", id="string-date"),
    pytest.param("[[text]]", "[[txt]]", "top-level key 'txt': unknown; did you mean 'text'?", id="table-typo"),
]


@pytest.mark.parametrize("old, new, message", WRONG_DATA)
def test_wrong_data_is_refused_with_the_reason(make_edition, old, new, message):
    folder = make_edition({"one": "Title\n\nA paragraph of plain text.\n"})
    manifest = folder / "seeds" / "edition.toml"
    text = manifest.read_text(encoding="utf-8")
    assert old in text
    manifest.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run("build", "--edition", str(folder))
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith("error: ") and re.match(r"error: \S*edition\.toml:\d+", first), result.stderr
    assert message in first, "the specific problem comes first"
    assert not (folder / "tei").exists() and not (folder / "site").exists()
    assert "Traceback" not in result.stderr
