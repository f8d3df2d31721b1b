"""The alignment as part of the edition: one TEI file per related pair in tei/alignment/, written by
`convert` and `build`, valid like the rest of tei/, with the editors' corrections kept by every build."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from lxml import etree

from interlinea.alignment import Group, Unit, align
from interlinea.alignment_corrections import CorrectionError, align_around, load_corrections
from interlinea.alignment_tei import links_of
from interlinea.cli import main
from interlinea.tei import NS

from conftest import ROOT

PAIRS = ["organise-it.1__organise-en.1", "organise-it.2__pramen-bg.1", "tir-en-it.1__tir-en-it.2"]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def link_ids(path) -> list[tuple[list[str], str | None]]:
    """Each link as its block ids (fragments) and type."""
    return [([p.split("#", 1)[1] for p in pointers], kind) for pointers, kind, _cert in links_of(etree.parse(str(path)))]


def test_every_related_pair_of_the_seeds_has_its_alignment_in_tei():
    files = sorted(p.stem for p in (ROOT / "tei" / "alignment").glob("*.xml"))
    assert files == PAIRS


@pytest.mark.parametrize("pair", PAIRS)
def test_an_alignment_file_links_blocks_of_both_works_each_once(pair):
    a_ref, b_ref = pair.split("__")
    tree = etree.parse(str(ROOT / "tei" / "alignment" / f"{pair}.xml"))
    (group,) = tree.getroot().findall("tei:standOff/tei:linkGrp", NS)
    assert group.get("type") == "translation"
    assert group.get("domains").split() == [f"../{ref.rsplit('.', 1)[0]}.xml#{ref}" for ref in (a_ref, b_ref)]
    seen = []
    for pointers, _kind, cert in links_of(tree):
        ids = [p.split("#", 1)[1] for p in pointers]
        assert any(i.startswith(a_ref + ".") for i in ids) and any(i.startswith(b_ref + ".") for i in ids)
        assert 0 <= float(cert) <= 1
        seen += ids
    assert len(seen) == len(set(seen))


def _with_corrections(edition_copy, text: str):
    (edition_copy / "seeds" / "alignment.toml").write_text(text, encoding="utf-8")
    return run("convert", "--edition", str(edition_copy))


def test_a_correction_is_kept_by_every_build(edition_copy):
    path = edition_copy / "tei" / "alignment" / "organise-it.1__organise-en.1.xml"
    before = link_ids(path)
    # The first Italian block alone, against the first two English blocks: whatever the aligner said.
    result = _with_corrections(edition_copy, '[[group]]\nworks = ["organise-it.1", "organise-en.1"]\na = [1]\nb = [1, 2]\nnote = "test"\n')
    assert result.exit_code == 0, result.output
    after = link_ids(path)
    assert (["organise-it.1.1", "organise-en.1.1", "organise-en.1.2"], "correction") in after
    assert after != before
    assert run("convert", "--edition", str(edition_copy)).exit_code == 0
    assert link_ids(path) == after
    assert run("convert", "--check", "--edition", str(edition_copy)).exit_code == 0
    assert run("validate", "--edition", str(edition_copy)).exit_code == 0


def test_a_correction_written_the_other_way_round_and_an_unaligned_block(edition_copy):
    path = edition_copy / "tei" / "alignment" / "organise-it.1__organise-en.1.xml"
    result = _with_corrections(edition_copy, '[[group]]\nworks = ["organise-en", "organise-it.1"]\na = [1]\nb = []\n')
    assert result.exit_code == 0, result.output
    assert all("organise-en.1.1" not in ids for ids, _ in link_ids(path))


@pytest.mark.parametrize(
    ("corrections", "expected"),
    [
        ('[[group]]\nworks = ["organise-it.1", "organise-en.1"]\na = [1]\nb = [99]\n',
         r"seeds/alignment\.toml:1: the group names block 99 of organise-en\.1, which tei/organise-en\.xml does not have \(its blocks: 1–\d+\)"),
        ('[[group]]\nworks = ["organise-it.1", "organise-en.1"]\na = [1]\nb = [1]\n\n[[group]]\nworks = ["organise-it.1", "organise-en.1"]\na = [2]\nb = [1]\n',
         r"seeds/alignment\.toml:6: block 1 of organise-en\.1 is already in the group at line 1"),
        ('[[group]]\nworks = ["organise-it.1", "pramen-bg.1"]\na = [1]\nb = [1]\n',
         r"seeds/alignment\.toml:1: the group aligns organise-it\.1 with pramen-bg\.1, which the edition does not align"),
        ('[[group]]\nworks = ["organise-it.1"]\na = [1]\nb = [1]\n', r"'works' must name two works"),
        ('[[group]]\nworks = ["organise-it.1", "organise-en.1"]\na = ["one"]\nb = [1]\n', r"'a' must be a list of block numbers"),
        ('[[group]]\nworks = ["organise-it.1", "organise-en.1"]\na = []\nb = []\n', r"both sides are empty"),
        ('[[group]]\nworks = ["organise-it.1", "organise-en.1"]\na = [1]\nb = [1]\ncert = 1\n', r"unknown key\(s\) cert"),
        ('[[group]\n', r"seeds/alignment\.toml: not valid TOML"),
    ],
)
def test_a_correction_that_does_not_fit_stops_before_anything_is_written(edition_copy, corrections, expected):
    tei_before = {p: p.read_bytes() for p in (edition_copy / "tei").rglob("*.xml")}
    result = _with_corrections(edition_copy, corrections)
    assert result.exit_code == 1
    assert re.search(expected, result.output), result.output
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in (edition_copy / "tei").rglob("*.xml")} == tei_before


def test_a_hand_edited_alignment_is_kept_and_named(edition_copy):
    path = edition_copy / "tei" / "alignment" / "tir-en-it.1__tir-en-it.2.xml"
    edited = path.read_text(encoding="utf-8").replace('cert="', 'cert="0', 1).replace('cert="00.', 'cert="0.', 1) + "<!-- reviewed -->\n"
    path.write_text(edited, encoding="utf-8")
    result = run("convert", "--edition", str(edition_copy))
    assert result.exit_code == 1
    assert "tei/alignment/tir-en-it.1__tir-en-it.2.xml: edited by hand" in result.output
    assert "seeds/alignment.toml" in result.output
    assert path.read_text(encoding="utf-8") == edited


def units(*lengths: int, prefix: str) -> list[Unit]:
    return [Unit(f"{prefix}{n}", "word " * length) for n, length in enumerate(lengths, start=1)]


def test_fixed_groups_are_kept_the_rest_as_the_whole_alignment_and_the_broken_groups_realigned():
    a = units(10, 20, 30, 40, 50, 60, prefix="a")
    b = units(10, 20, 30, 40, 50, 60, prefix="b")
    whole = align(a, b)
    assert [(g.a, g.b) for g in whole] == [((f"a{n}",), (f"b{n}",)) for n in range(1, 7)]
    # a3 with b3 and b4 (which breaks up a4 ↔ b4); a6 ↔ b1 crosses everything; a2 is fixed unaligned.
    fixed = [(("a3",), ("b3", "b4")), (("a6",), ("b1",)), (("a2",), ())]
    calls = []

    def spy(x, y):
        calls.append(([u.id for u in x], [u.id for u in y]))
        return align(x, y)

    groups, corrected = align_around(a, b, fixed, spy)
    assert calls[0] == ([u.id for u in a], [u.id for u in b])  # the whole works first
    assert corrected == {(("a3",), ("b3", "b4")), (("a6",), ("b1",)), (("a2",), ())}
    assert Group(("a3",), ("b3", "b4"), 1.0) in groups and Group(("a2",), (), 1.0) in groups
    untouched = [g for g in whole if g.a[0] in ("a5",)]
    assert all(g in groups for g in untouched)
    # what the corrections broke up (a1, a4, b2, b6) is aligned again in its gaps
    assert sorted(i for g in groups for i in g.a) == ["a1", "a2", "a3", "a4", "a5", "a6"]
    assert sorted(i for g in groups for i in g.b) == ["b1", "b2", "b3", "b4", "b5", "b6"]
    assert any(set(g.a) == {"a1"} and set(g.b) == {"b2"} for g in groups)


def test_no_corrections_file_is_no_corrections(tmp_path):
    assert load_corrections(tmp_path / "alignment.toml") == []
    (tmp_path / "alignment.toml").write_text("[[group]]\nworks = 3\n", encoding="utf-8")
    with pytest.raises(CorrectionError):
        load_corrections(tmp_path / "alignment.toml")


def test_an_alignment_whose_relation_is_gone_is_removed(edition_copy):
    manifest = edition_copy / "seeds" / "edition.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('version_of = "tir-en-it.2"\nrelation_cert = "medium"\n', ""), encoding="utf-8")
    (edition_copy / "seeds" / "alignment.toml").unlink()  # its corrections of that pair would be an error
    path = edition_copy / "tei" / "alignment" / "tir-en-it.1__tir-en-it.2.xml"
    check = run("convert", "--check", "--edition", str(edition_copy))
    assert check.exit_code == 1 and "tir-en-it.1__tir-en-it.2.xml: the edition no longer aligns these works" in check.output
    result = run("convert", "--edition", str(edition_copy))
    assert result.exit_code == 0, result.output
    assert not path.exists()
    assert run("convert", "--check", "--edition", str(edition_copy)).exit_code == 0


def test_the_review_shows_the_corrections(edition_copy):
    (edition_copy / "seeds" / "alignment.toml").write_text('[[group]]\nworks = ["tir-en-it.2", "tir-en-it.1"]\na = [1]\nb = [1, 2]\n', encoding="utf-8")
    result = run("align", "tir-en-it.1", "tir-en-it.2", "--edition", str(edition_copy))
    assert result.exit_code == 0, result.output
    assert re.search(r"^ 1\.00 = 1,2 ", result.output, re.M), result.output
    assert "1 groups are fixed in seeds/alignment.toml (flagged =)" in result.output
    data = run("align", "tir-en-it.1", "tir-en-it.2", "--format", "json", "--edition", str(edition_copy)).output
    assert '"corrected": true' in data
