"""Fuzzing the commands with damaged input: mutated TEI (bytes and trees) and mutated seeds.

Whatever the input, a command ends with a documented exit code (0, 1, 2) and a message, never a
traceback; it leaves no temporary file and no partial output; a command that fails leaves tei/ as it
was. One edition per test is built once (module scope) and each example restores what it changed.
"""

from __future__ import annotations

import copy
import json
import shutil
import traceback
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import ROOT, minimal_manifest
from interlinea.cli import main
from interlinea.errors import SeedError
from reading import reading_text
from interlinea.seeds import check_seed_bytes
from interlinea.xml_input import safe_parser
from interlinea.xmlio import TEMP_PREFIX

FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,  # the same examples on every run and on CI
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# -- the edition and its checks -------------------------------------------------------------------------


class Built(tuple):
    """An edition built once for a test, and its files as built (to compare with and restore);
    shown by its folder only when Hypothesis reports an example."""

    def __new__(cls, root: Path, files: dict[str, bytes]):
        return super().__new__(cls, (root, files))

    def __repr__(self) -> str:
        return f"Built({str(self[0])!r})"


def files_under(root: Path, *folders: str) -> dict[str, bytes]:
    found = {}
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found


def restore(root: Path, baseline: dict[str, bytes], *folders: str) -> None:
    """Put `folders` of the edition back exactly as `baseline` has them."""
    for name, data in files_under(root, *folders).items():
        if name not in baseline:
            (root / name).unlink()
        elif data != baseline[name]:
            (root / name).write_bytes(baseline[name])
    for name, data in baseline.items():
        if not (root / name).is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)


def invoke(*args: str):
    """Run a command as a user would, catching everything, and check that it ended cleanly."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        crash = "".join(traceback.format_exception(*result.exc_info))
        raise AssertionError(f"`interlinea {' '.join(args)}` crashed:\n{crash}\noutput:\n{result.output}")
    assert "Traceback" not in result.output, result.output
    assert result.exit_code in (0, 1, 2), f"{' '.join(args[:2])}: exit code {result.exit_code}\n{result.output}"
    return result


def assert_no_temporaries(root: Path) -> None:
    left = sorted(p.relative_to(root).as_posix() for p in root.rglob(f"{TEMP_PREFIX}*"))
    assert not left, f"temporary files left: {left}"


def assert_site_whole(root: Path) -> None:
    """Every published file is complete: UTF-8 ending in a newline; the build record is JSON."""
    folder = root / "site" / "text"
    for path in sorted(folder.glob("*.txt")):
        data = path.read_bytes()
        data.decode("utf-8")  # raises on a cut multi-byte character
        assert data.endswith(b"\n"), f"{path.name}: no final newline (cut short?)"
    record = folder / ".interlinea-build.json"
    if record.exists():
        json.loads(record.read_text(encoding="utf-8"))


# -- (a) mutated TEI --------------------------------------------------------------------------------------

TEI_TARGETS = ("tei/organise-en.xml", "tei/registers/persons.xml", "tei/registers/places.xml", "tei/registers/organisations.xml")
ORIGINALS = {name: (ROOT / name).read_bytes() for name in TEI_TARGETS}
ELEMENT_COUNTS = {
    name: sum(1 for _ in etree.fromstring(data, safe_parser()).iter(tag=etree.Element)) for name, data in ORIGINALS.items()
}

BYTE_TOKENS = [
    b"<!DOCTYPE", b"<!DOCTYPE TEI>", b'<!DOCTYPE TEI [<!ENTITY x "xxxxxxxxxxxxxxxx">]>',
    b'<!DOCTYPE TEI SYSTEM "file:///etc/passwd">', b'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "http://example.org/x">%p;]>',
    b"&x;", b"&amp", b"&#0;", b"&#x110000;", b"&#xFFFE;", b"]]>", b"<![CDATA[", b"<![CDATA[x]]>", b"\x00",
    b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf", b"\xef\xbf\xbe", b"\xef\xbb\xbf", b"\xff\xfe",
    b"<", b">", b"&", b'"', b"'", b"=", b"</p>", b"<p>", b"</TEI>", b"<TEI>", b"<?xml version='1.0'?>",
    b"<?xml-stylesheet href='x.xsl'?>", b"<!--", b"-->", b"\r", b"\x1b", b"\x0c", b"\xc2\x85", b"\xe2\x80\xae",
    b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>',
    b'<p xml:id="organise-en.1.1" n="1">again</p>', b' xml:lang="qq-#"', b' ref="#nowhere"',
]
UNKNOWN_NAMES = [f"{{{TEI_NS}}}bogus", f"{{{TEI_NS}}}hi", f"{{{TEI_NS}}}div", f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}script", "{urn:other}thing", "p", "html"]
JUNK_LANGS = ["", " ", "x", "en_US", "123", "zz-ZZZZ-99", "i-klingon", "en--gb", "x-", "qaa-x-private", "EN", "-", "und", "sr-Latn-RS-u-ca-gregory"]
POINTER_ATTRIBUTES = ["ref", "target", "corresp", "active", "passive", "mutual", "sameAs", "key", "facs", "source"]
POINTERS = [
    "#nowhere", "", " ", "#", "nosuch.xml#x", "organise-it.xml#nothing", "registers/places.xml#nothing", "registers/places.xml",
    "../../etc/passwd", "file:///etc/passwd", "javascript:alert(1)", "https://example.org/x", "#organise-en.1.1 #nowhere",
    "%zz", "a b c", "http://[::1", "#organise-en.1.1", "organise-en.xml#organise-en.1",
]


@st.composite
def tree_edit(draw, target: str):
    index = draw(st.integers(0, ELEMENT_COUNTS[target] - 1))
    kind = draw(st.sampled_from(["delete", "duplicate", "rename", "lang", "pointer", "text", "move"]))
    if kind == "rename":
        return (kind, index, draw(st.sampled_from(UNKNOWN_NAMES)))
    if kind == "lang":
        return (kind, index, draw(st.one_of(st.sampled_from(JUNK_LANGS), st.text("abcxyzQ-_ 019#", max_size=12))))
    if kind == "pointer":
        return (kind, index, draw(st.sampled_from(POINTER_ATTRIBUTES)), draw(st.sampled_from(POINTERS)))
    if kind == "text":
        return (kind, index, draw(st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"), max_size=40)))
    if kind == "move":
        return (kind, index, draw(st.integers(0, ELEMENT_COUNTS[target] - 1)))
    return (kind, index)


@st.composite
def byte_edit(draw, size: int):
    kind = draw(st.sampled_from(["flip", "insert", "insert", "delete", "truncate"]))
    position = draw(st.integers(0, size))
    if kind == "flip":
        return (kind, position, draw(st.integers(1, 255)))
    if kind == "insert":
        return (kind, position, draw(st.one_of(st.sampled_from(BYTE_TOKENS), st.binary(min_size=1, max_size=8))))
    if kind == "delete":
        return (kind, position, draw(st.integers(1, 64)))
    return (kind, position)


@st.composite
def tei_mutation(draw):
    target = draw(st.sampled_from(TEI_TARGETS))
    trees = draw(st.lists(tree_edit(target), max_size=2))
    size = len(ORIGINALS[target])
    edits = draw(st.lists(byte_edit(size), min_size=0 if trees else 1, max_size=2))
    return target, trees, edits


def apply_tree_edits(data: bytes, edits) -> bytes:
    root = etree.fromstring(data, safe_parser())
    for edit in edits:
        elements = list(root.iter(tag=etree.Element))
        element = elements[edit[1] % len(elements)]
        parent = element.getparent()
        kind = edit[0]
        if kind == "delete" and parent is not None:
            parent.remove(element)
        elif kind == "duplicate" and parent is not None:
            element.addnext(copy.deepcopy(element))  # the copy keeps the xml:id
        elif kind == "rename":
            element.tag = edit[2]
        elif kind == "lang":
            element.set(XML_LANG, edit[2])
        elif kind == "pointer":
            element.set(edit[2], edit[3])
        elif kind == "text":
            element.text = edit[2]
        elif kind == "move":
            destination = elements[edit[2] % len(elements)]
            if parent is not None and element not in list(destination.iterancestors()) and destination is not element:
                destination.append(element)
    return etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True)


def apply_byte_edits(data: bytes, edits) -> bytes:
    for edit in edits:
        kind, position = edit[0], min(edit[1], len(data))
        if kind == "flip" and position < len(data):
            data = data[:position] + bytes([data[position] ^ edit[2]]) + data[position + 1 :]
        elif kind == "insert":
            data = data[:position] + edit[2] + data[position:]
        elif kind == "delete":
            data = data[:position] + data[position + edit[2] :]
        elif kind == "truncate":
            data = data[:position]
    return data


@pytest.fixture(scope="module")
def tei_edition(tmp_path_factory):
    """The seed edition, built once (tei/ and site/), with what it holds to restore after each example."""
    root = tmp_path_factory.mktemp("fuzz-tei") / "edition"
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copytree(ROOT / "tei", root / "tei")
    result = CliRunner().invoke(main, ["build", "--quiet", "--edition", str(root)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return Built(root, files_under(root, "tei", "site"))


@FUZZ
@given(tei_mutation())
def test_damaged_tei_is_reported_never_crashes_and_never_leaves_partial_output(tei_edition, mutation):
    check_damaged_tei(tei_edition, mutation)


@pytest.mark.parametrize(
    "mutation",
    [
        # Found by the test above (unseeded, longer runs): the TEI namespace of a text lost to one
        # flipped byte (`ymlns=`), and the same with the declaration deleted. Another text's
        # translation relation points into it, and `validate` crashed in the rule relation-target.
        ("tei/organise-en.xml", [], [("flip", 44, 1)]),
        ("tei/organise-en.xml", [], [("delete", 43, len(b' xmlns="http://www.tei-c.org/ns/1.0"'))]),
    ],
    ids=["namespace-flipped", "namespace-deleted"],
)
def test_damaged_tei_found_by_fuzzing(tei_edition, mutation):
    check_damaged_tei(tei_edition, mutation)


def check_damaged_tei(tei_edition, mutation) -> None:
    root, baseline = tei_edition
    target, trees, edits = mutation
    data = apply_byte_edits(apply_tree_edits(ORIGINALS[target], trees) if trees else ORIGINALS[target], edits)
    edition = str(root)
    (root / target).write_bytes(data)
    try:
        site_before = files_under(root, "site")
        checked = invoke("validate", "--edition", edition)
        assert checked.exit_code in (0, 1), checked.output

        published = invoke("publish", "--edition", edition)
        if checked.exit_code == 1:
            # Validation fails, so nothing is published.
            assert published.exit_code == 1, published.output
            assert files_under(root, "site") == site_before
        else:
            # What validates can be published.
            assert published.exit_code == 0, published.output
        assert_no_temporaries(root)
        assert_site_whole(root)

        forced = invoke("publish", "--skip-validation", "--edition", edition)
        assert forced.exit_code in (0, 1), forced.output
        if forced.exit_code == 1:
            assert "error: " in forced.output, forced.output  # a message, not silence
        assert_no_temporaries(root)
        assert_site_whole(root)

        # Neither validating nor publishing ever writes tei/.
        expected = dict(baseline, **{target: data})
        assert files_under(root, "tei") == {k: v for k, v in expected.items() if k.startswith("tei/")}
    finally:
        restore(root, baseline, "tei", "site")


# -- (b) mutated seeds ------------------------------------------------------------------------------------

ALPHA = (
    "Statement on the protests\n\n"
    "On 2nd January 2022, mass protests broke out in Kazakhstan in reaction to the rising cost of living.\n"
    "The residents of Zhanaozen were the first to take to the streets, and the protests quickly spread.\n\n"
    "Our solidarity goes out to the working class of Kazakhstan as it takes a stand against injustice.\n\n"
    "Read more: https://example.org/kazakhstan-2022\n"
)
BETA = "A second text that is never damaged.\n\nIt must stay exactly as converted whenever the first fails.\n"
ALPHA_SEED = "seeds/000_alpha.txt"

SEED_TOKENS = (
    [bytes([c]) for c in range(0, 32) if c not in (9, 10)]
    + [b"\x7f", b"\xc2\x85", b"\xc2\x9f", b"\xef\xbb\xbf", b"\r", b"\r\n", b"\n\r", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\xe2\x80\xae", b"\xe2\x80\x8b"]
    + [b"\xff", b"\xfe", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80", b"\xf4\x90\x80\x80", b"\xef\xbf\xbe", b"\xef\xbf\xbf"]
    + [b"<p>", b"&x;", b"&amp;", b"]]>", b"<!DOCTYPE", b"<![CDATA[", b"--", b"\xd0\x9a\xd0\xb0\xd0\xb7\xd0\xb0\xd1\x85", b"\xe4\xb8\xad\xe6\x96\x87"]
)


@st.composite
def seed_edit(draw):
    kind = draw(st.sampled_from(["insert", "insert", "insert", "bom", "crlf", "cr", "long", "truncate", "empty", "blank", "binary"]))
    if kind == "insert":
        return (kind, draw(st.integers(0, 600)), draw(st.one_of(st.sampled_from(SEED_TOKENS), st.binary(min_size=1, max_size=6))))
    if kind == "long":
        return (kind, draw(st.integers(0, 600)), draw(st.sampled_from([b"a", b"word ", b"\xd0\xb6", b"-", b" "])), draw(st.integers(500, 20000)))
    if kind == "truncate":
        return (kind, draw(st.integers(0, 600)))
    if kind == "binary":
        return (kind, draw(st.binary(max_size=300)))
    return (kind,)


def apply_seed_edits(data: bytes, edits) -> bytes:
    for edit in edits:
        kind = edit[0]
        if kind == "insert":
            position = min(edit[1], len(data))
            data = data[:position] + edit[2] + data[position:]
        elif kind == "bom":
            data = b"\xef\xbb\xbf" + data
        elif kind == "crlf":
            data = data.replace(b"\n", b"\r\n")
        elif kind == "cr":
            data = data.replace(b"\n", b"\r")
        elif kind == "long":
            position = min(edit[1], len(data))
            line = (edit[2] * (edit[3] // len(edit[2]) + 1))[: edit[3]]
            data = data[:position] + b"\n" + line + b"\n" + data[position:]
        elif kind == "truncate":
            data = data[: min(edit[1], len(data))]
        elif kind == "empty":
            data = b""
        elif kind == "blank":
            data = b" \n\t\n  \n"
        elif kind == "binary":
            data = edit[1]
    return data


@pytest.fixture(scope="module")
def small_edition(tmp_path_factory):
    """A small edition of two texts, converted once; what tei/ holds then, to compare and restore."""
    root = tmp_path_factory.mktemp("fuzz-seeds") / "small"
    (root / "seeds").mkdir(parents=True)
    (root / ALPHA_SEED).write_text(ALPHA, encoding="utf-8")
    (root / "seeds" / "001_beta.txt").write_text(BETA, encoding="utf-8")
    (root / "seeds" / "edition.toml").write_text(
        minimal_manifest({"alpha": "000_alpha.txt", "beta": "001_beta.txt"}), encoding="utf-8"
    )
    shutil.copytree(ROOT / "tei" / "registers", root / "tei" / "registers")
    result = CliRunner().invoke(main, ["convert", "--quiet", "--edition", str(root)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return Built(root, files_under(root, "tei"))


@settings(FUZZ, max_examples=60)
@given(st.lists(seed_edit(), min_size=1, max_size=3))
def test_damaged_seeds_are_converted_or_refused_cleanly_and_a_refusal_writes_nothing(small_edition, edits):
    root, baseline = small_edition
    data = apply_seed_edits(ALPHA.encode("utf-8"), edits)
    (root / ALPHA_SEED).write_bytes(data)
    try:
        result = invoke("convert", "--edition", str(root))
        assert_no_temporaries(root)
        if result.exit_code != 0:
            assert result.exit_code == 1, result.output
            assert "000_alpha.txt" in result.output, result.output  # the message names the seed
            assert files_under(root, "tei") == baseline, "a failed conversion changed tei/"
            return
        # Accepted: the seed was readable text, and the TEI is valid and keeps every word in order.
        try:
            text, _, _ = check_seed_bytes(data, ALPHA_SEED)
        except SeedError as exc:
            raise AssertionError(f"convert accepted a seed that the seed check refuses: {exc.message}") from None
        tree = etree.parse(str(root / "tei" / "alpha.xml"), safe_parser())
        assert reading_text(tree) == " ".join(text.split())
        assert (root / "tei" / "beta.xml").read_bytes() == baseline["tei/beta.xml"]
        checked = invoke("validate", "--edition", str(root))
        assert checked.exit_code == 0, checked.output
    finally:
        (root / ALPHA_SEED).write_text(ALPHA, encoding="utf-8")
        restore(root, baseline, "tei")
