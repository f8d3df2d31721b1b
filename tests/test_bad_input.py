"""Bad seeds: each kind fails with a message naming the file and the place, exit code 1, and no output.

A seed that cannot be read must never be half-converted: tei/ is left exactly as it was, even when
the other seeds of the edition are fine.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from interlinea import TEI_NS
from interlinea.cli import main
from interlinea.errors import SeedError
from reading import reading_text
from interlinea.seeds import check_seed_bytes

GOOD = "Good Title\n\nA fine paragraph of plain text, nothing wrong with it.\n"
BAD = "seeds/001_bad.txt"  # make_edition names the second seed 001_<id>.txt


def convert(folder: Path):
    return CliRunner().invoke(main, ["convert", "--edition", str(folder)], catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]] | None:
    """The bytes and mtime of every file under tei/, or None when tei/ does not exist."""
    tei = folder / "tei"
    if not tei.exists():
        return None
    return {str(p.relative_to(tei)): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(tei.rglob("*")) if p.is_file()}


# --- through the CLI: one bad seed next to a good one ------------------------------------------------

BAD_SEEDS = [
    pytest.param(b"", [f"{BAD}: the file is empty (0 bytes)"], id="empty"),
    pytest.param(b"   \n\t\n  \r\n", [f"{BAD}: the file holds only white space"], id="whitespace-only"),
    pytest.param(
        b"Title\n\ncaff\xe9 latte\n",
        [f"{BAD}:3:5: not valid UTF-8", "byte(s) E9 at byte offset 11"],
        id="latin-1",
    ),
    pytest.param(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        [f"{BAD}: this is a binary file, not plain text"],
        id="png",
    ),
    pytest.param(
        b"Title\n\nsome\x00text\n",
        [f"{BAD}: this is a binary file", "NUL byte at line 3, column 5, byte offset 11"],
        id="nul-byte",
    ),
    pytest.param(
        b"Title\n\nab\x0bcd\n",
        [f"{BAD}:3:3: character U+000B is not allowed in XML"],
        id="vertical-tab",
    ),
    pytest.param(
        b"Title\n\nA line\nx\x01y\n",
        [f"{BAD}:4:2: character U+0001 is not allowed in XML"],
        id="control-char",
    ),
]


@pytest.mark.parametrize("data, expected", BAD_SEEDS)
def test_bad_seed_fails_with_place_and_writes_nothing(make_edition, data, expected):
    """Each bad-input kind: exit 1, the message on stderr names the file and place, tei/ is not created."""
    folder = make_edition({"good": GOOD, "bad": data})
    result = convert(folder)
    assert result.exit_code == 1
    for part in expected:
        assert part in result.stderr, result.stderr
    assert result.stderr.startswith("error: ")
    assert "000_good.txt" not in result.stderr, "the good seed is not at fault"
    assert snapshot(folder) is None, "nothing may be written when a seed is bad"


def test_bad_seed_leaves_existing_tei_untouched(make_edition):
    """A failed convert must not update the TEI of the good seeds either (all or nothing)."""
    folder = make_edition({"good": GOOD, "bad": "Bad Title\n\nFine for now.\n"})
    assert convert(folder).exit_code == 0
    before = snapshot(folder)
    assert before is not None and set(before) == {"good.xml", "bad.xml", ".interlinea-record.json"}
    # The good seed changes (its TEI would change), the other becomes unreadable.
    (folder / "seeds" / "000_good.txt").write_text(GOOD + "\nA new paragraph.\n", encoding="utf-8")
    (folder / "seeds" / "001_bad.txt").write_bytes(b"Bad Title\n\ncaff\xe9\n")
    result = convert(folder)
    assert result.exit_code == 1
    assert f"{BAD}:3:5:" in result.stderr
    assert snapshot(folder) == before


def test_every_bad_seed_is_reported_at_once(make_edition):
    """All unreadable seeds are listed in one run, so the user does not fix them one by one."""
    folder = make_edition({"empty": b"", "latin": b"ok\ncaff\xe9\n", "good": GOOD})
    result = convert(folder)
    assert result.exit_code == 1
    assert "seeds/000_empty.txt: the file is empty" in result.stderr
    assert "seeds/001_latin.txt:2:5: not valid UTF-8" in result.stderr
    assert "002_good.txt" not in result.stderr
    assert snapshot(folder) is None


def test_seed_missing_from_seeds_is_a_manifest_error_on_source(make_edition):
    """A manifest entry whose seed file is gone is reported against the `source` key, with its line."""
    folder = make_edition({"good": GOOD, "gone": GOOD})
    (folder / "seeds" / "001_gone.txt").unlink()
    manifest = folder / "seeds" / "edition.toml"
    line = manifest.read_text(encoding="utf-8").splitlines().index('source = "001_gone.txt"') + 1
    result = convert(folder)
    assert result.exit_code == 1
    assert f"edition.toml:{line}: text 'gone': key 'source': no file '001_gone.txt'" in result.stderr
    assert snapshot(folder) is None


# --- accepted: BOM and CRLF ----------------------------------------------------------------------


def _normalization(tree: etree._ElementTree) -> str:
    p = tree.find(f".//{{{TEI_NS}}}normalization/{{{TEI_NS}}}p")
    assert p is not None
    return p.text


def test_bom_and_crlf_are_accepted_and_recorded(make_edition):
    """A BOM and CRLF line ends are normalised away, and the header says so; a plain seed says neither."""
    raw = b"\xef\xbb\xbfHands off\r\n\r\nA paragraph of text, written on Windows.\r\n"
    folder = make_edition({"bom": raw, "plain": GOOD})
    result = convert(folder)
    assert result.exit_code == 0, result.stderr

    data = (folder / "tei" / "bom.xml").read_bytes()
    assert b"\xef\xbb\xbf" not in data and b"\r" not in data
    tree = etree.ElementTree(etree.fromstring(data))
    assert reading_text(tree) == "Hands off A paragraph of text, written on Windows."
    note = _normalization(tree)
    assert "CR or CRLF line ends" in note
    assert "byte-order mark" in note
    # The header identifies the seed by its exact bytes, BOM and CRs included.
    assert hashlib.sha256(raw).hexdigest() in data.decode("utf-8")

    plain = _normalization(etree.parse(str(folder / "tei" / "plain.xml")))
    assert "CRLF" not in plain and "byte-order mark" not in plain


# --- check_seed_bytes directly -----------------------------------------------------------------------

REJECTED = [
    pytest.param(b"", "s.txt: the file is empty (0 bytes)", id="empty"),
    pytest.param(b"   ", "s.txt: the file holds only white space", id="spaces"),
    pytest.param(b"\n\r\n\t \n", "s.txt: the file holds only white space", id="blank-lines"),
    pytest.param(b"\xef\xbb\xbf \r\n", "s.txt: the file holds only white space", id="bom-then-space"),
    pytest.param(b"one\ntwo\ncaff\xe9\n", "s.txt:3:5: not valid UTF-8: byte(s) E9 at byte offset 12", id="latin1-line3"),
    pytest.param(b"\x93quoted\x94", "s.txt:1:1: not valid UTF-8: byte(s) 93 at byte offset 0", id="cp1252-quote"),
    pytest.param(b"ab\xc3", "s.txt:1:3: not valid UTF-8: byte(s) C3 at byte offset 2", id="truncated"),
    pytest.param("àè".encode() + b"\xff", "s.txt:1:3: not valid UTF-8: byte(s) FF at byte offset 4", id="after-multibyte"),  # column in characters
    pytest.param(b"a\r\nb\r\ncaff\xe9", "s.txt:3:5: not valid UTF-8: byte(s) E9 at byte offset 10", id="latin1-after-crlf"),
    pytest.param(b"\xef\xbb\xbfcaff\xe9", "s.txt:1:5: not valid UTF-8: byte(s) E9 at byte offset 7", id="latin1-after-bom"),  # the BOM is no column
    pytest.param(b"\x89PNG\r\n\x1a\nIHDR", "s.txt: this is a binary file, not plain text;", id="png"),
    pytest.param(b"%PDF-1.7\n%text", "s.txt: this is a binary file, not plain text;", id="pdf"),
    pytest.param(b"PK\x03\x04zip", "s.txt: this is a binary file, not plain text;", id="zip"),
    pytest.param(b"ab\x00cd", "s.txt: this is a binary file, not plain text (NUL byte at line 1, column 3, byte offset 2)", id="nul"),
    pytest.param("hi".encode("utf-16"), "s.txt: this is a binary file, not plain text (NUL byte at line 1, column 4, byte offset 3)", id="utf16"),
    pytest.param(b"\x01\x02\x03\x04abc", "s.txt:1:1: character U+0001 is not allowed in XML", id="few-controls"),
    pytest.param(bytes(range(1, 9)) * 4 + b"abc", "s.txt: this is a binary file, not plain text;", id="many-controls"),
    pytest.param(b"line one\nab\x0bc\n", "s.txt:2:3: character U+000B is not allowed in XML", id="vt"),
    pytest.param(b"x\ny\x01z", "s.txt:2:2: character U+0001 is not allowed in XML", id="soh"),
    pytest.param(b"a\x0cb", "s.txt:1:2: character U+000C is not allowed in XML", id="formfeed"),
    pytest.param("a\ufffe".encode(), "s.txt:1:2: character U+FFFE is not allowed in XML", id="ufffe"),
    pytest.param(b"a\r\nb\x0b", "s.txt:2:2: character U+000B is not allowed in XML", id="vt-after-crlf"),
    pytest.param(b"\xef\xbb\xbfab\x0bc", "s.txt:1:3: character U+000B is not allowed in XML", id="vt-after-bom"),
    pytest.param("é\x0b".encode(), "s.txt:1:2: character U+000B is not allowed in XML", id="vt-after-multibyte"),
]


@pytest.mark.parametrize("data, expected", REJECTED)
def test_check_seed_bytes_rejects(data, expected):
    """Each rejection names the label and, where there is one, the line:column and byte offset."""
    with pytest.raises(SeedError) as caught:
        check_seed_bytes(data, "s.txt")
    assert expected in caught.value.message


ACCEPTED = [
    (b"Hello\n", "Hello\n", False, False),
    (b"\xef\xbb\xbfHello\n", "Hello\n", True, False),
    (b"Hello\r\nworld\r\n", "Hello\nworld\n", False, True),
    (b"\xef\xbb\xbfHello\r\nworld", "Hello\nworld", True, True),
    (b"a\rb", "a\nb", False, True),
    (b"a\tb\n", "a\tb\n", False, False),
    ("Колониализмът\n".encode(), "Колониализмът\n", False, False),
]


@pytest.mark.parametrize("data, text, had_bom, had_crlf", ACCEPTED)
def test_check_seed_bytes_accepts(data, text, had_bom, had_crlf):
    """BOM and CR/CRLF are accepted, removed from the text and remembered for the header."""
    result = check_seed_bytes(data, "s.txt")
    assert result == (text, had_bom, had_crlf)
    assert "\ufeff" not in result[0] and "\r" not in result[0]


def test_messages_say_how_to_fix():
    """A message names the fix, not just the fault."""
    with pytest.raises(SeedError) as caught:
        check_seed_bytes(b"caff\xe9", "s.txt")
    assert re.search(r"iconv -f \S+ -t UTF-8", caught.value.message)


# --- every problem of a seed at once ------------------------------------------------------------


def test_every_problem_of_one_seed_is_reported():
    """Two control characters and a Latin-1 byte: three lines, each at its place, in file order."""
    with pytest.raises(SeedError) as failure:
        check_seed_bytes(b"Title\x0b\n\ncaff\xe9 latte\n\nend\x0c\n", "s.txt")
    lines = failure.value.message.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == ["s.txt:3:5", "s.txt:1:6", "s.txt:5:4"]
    assert "not valid UTF-8" in lines[0] and "U+000B" in lines[1] and "U+000C" in lines[2]


def test_thousands_of_bad_bytes_are_summarised():
    """A whole Latin-1 file is reported by its first problems and a count, in one linear pass."""
    data = ("Titolo\n\n" + "caffè e più " * 5000).encode("latin-1")
    with pytest.raises(SeedError) as failure:
        check_seed_bytes(data, "s.txt")
    lines = failure.value.message.splitlines()
    assert len(lines) == 21
    assert lines[-1] == "s.txt: … and 9980 more of the same kind"


def test_a_folder_where_a_tei_file_belongs_is_an_error_not_a_traceback(make_edition):
    folder = make_edition({"good": GOOD})
    (folder / "tei" / "good.xml").mkdir(parents=True)
    result = convert(folder)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and "good.xml: Is a directory" in result.stderr
    assert "Traceback" not in result.stderr
