"""The validator: one failing fixture per rule (by rule id and line), the layers, the report, the schema."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from interlinea.cli import main
from interlinea.validate import RULES, project_schema, tei_all_schema, validate_files

from conftest import FIXTURES, ROOT

BASE = FIXTURES / "validation" / "edition"
INVALID = sorted((FIXTURES / "validation" / "invalid").glob("*.xml"))
MARKER = re.compile(r"<!-- expect: ([a-z-]+) -->")


def expected_of(fixture: Path) -> tuple[str, set[tuple[int, str]]]:
    text = fixture.read_text(encoding="utf-8")
    replaces = re.search(r"<!-- replaces: (\S+) -->", text).group(1)
    expected = {(number, m.group(1)) for number, line in enumerate(text.splitlines(), 1) for m in MARKER.finditer(line)}
    return replaces, expected


def edition_with(tmp_path: Path, replaces: str | None = None, fixture: Path | None = None) -> Path:
    target = tmp_path / "edition"
    shutil.copytree(BASE, target)
    if replaces:
        shutil.copyfile(fixture, target / replaces)
    return target


def run_validation(edition: Path, *only: str, tei_all: bool = False):
    everything = sorted((edition / "tei").rglob("*.xml"))
    paths = [edition / p for p in only] if only else everything
    return validate_files(
        paths, label=lambda p: str(p.relative_to(edition)), context=everything,
        seeds_dir=edition / "seeds", tei_all=tei_all,
    )


def test_the_fixture_edition_is_valid(tmp_path):
    report = run_validation(edition_with(tmp_path))
    assert report.diagnostics == [], report.as_text()


@pytest.mark.parametrize("fixture", INVALID, ids=[f.stem for f in INVALID])
def test_each_fixture_triggers_exactly_its_rule_at_its_line(tmp_path, fixture):
    replaces, expected = expected_of(fixture)
    assert expected, f"{fixture.name} has no <!-- expect: rule --> marker"
    report = run_validation(edition_with(tmp_path, replaces, fixture), replaces)
    got = {(d.line, d.rule) for d in report.diagnostics}
    assert got == expected, report.as_text()
    assert all(d.file == replaces for d in report.diagnostics)


def test_every_rule_has_a_failing_fixture():
    covered = {rule for fixture in INVALID for _, rule in expected_of(fixture)[1]}
    assert {r.id for r in RULES} | {"schema"} <= covered


def test_every_rule_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"`{rule.id}`" in readme, f"README does not document rule {rule.id}"


ENRICHED = sorted((FIXTURES / "enriched" / "tei").glob("*.xml"))
REAL_TEI = sorted((ROOT.parent / "shared" / "corpus" / "tei").rglob("*.xml"))


def test_the_project_schema_is_a_subset_of_tei_all(tei_all, tmp_path):
    """Every document the project schema accepts, tei_all accepts too (the edition, the fixtures, the
    enriched texts, real TEI of other projects); the grammars are pruned per document, so this is fast."""
    candidates = sorted((ROOT / "tei").rglob("*.xml")) + sorted((BASE / "tei").rglob("*.xml")) + INVALID + ENRICHED + REAL_TEI
    checked = 0
    for path in candidates:
        tree = etree.parse(str(path))
        if project_schema().validate(tree):
            checked += 1
            assert tei_all.validate(tree), f"{path}: valid for the project schema but not for tei_all:\n{tei_all.error_log}"
    assert checked >= 19


@pytest.mark.slow
def test_the_project_schema_is_a_subset_of_tei_all_unpruned(tmp_path):
    """The same with both schemas compiled whole by lxml (some 6 s each), in case pruning hid something."""
    full_project, full_tei_all = project_schema().full(), tei_all_schema().full()
    checked = 0
    for path in sorted((ROOT / "tei").rglob("*.xml")) + sorted((BASE / "tei").rglob("*.xml")) + INVALID + ENRICHED:
        tree = etree.parse(str(path))
        if full_project.validate(tree):
            checked += 1
            assert full_tei_all.validate(tree), f"{path}: valid for the project schema but not for tei_all:\n{full_tei_all.error_log}"
    assert checked >= 19


def test_the_compiled_schema_is_not_stale():
    source = (ROOT / "schema" / "interlinea.rnc").read_bytes()
    compiled = (ROOT / "schema" / "interlinea.rng").read_text(encoding="utf-8")
    stamp = re.search(r"SHA-256 ([0-9a-f]{64})", compiled)
    assert stamp and stamp.group(1) == hashlib.sha256(source).hexdigest(), (
        "schema/interlinea.rng was not compiled from the current interlinea.rnc; run `make schema`"
    )


def test_the_project_schema_accepts_what_tei_has_and_rejects_what_it_has_not(tmp_path):
    """The schema is open to TEI an editor adds (<hi>), and closed to what TEI does not define (<hii>)."""
    edition = edition_with(tmp_path)
    path = edition / "tei" / "b.xml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("in English, from", "in <hi>English</hi>, from"), encoding="utf-8")
    assert run_validation(edition, "tei/b.xml").diagnostics == []
    path.write_text(original.replace("in English, from", "in <hii>English</hii>, from"), encoding="utf-8")
    report = run_validation(edition, "tei/b.xml")
    assert [d.rule for d in report.diagnostics] == ["schema"], report.as_text()
    assert "<hii> is not an element of TEI P5; did you mean <hi>?" in report.diagnostics[0].message


MALFORMED = [
    pytest.param("<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n<p>open\n</TEI>\n", 3, id="unclosed-tag"),
    pytest.param("<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n<p>a &nbsp; b</p>\n</TEI>\n", 2, id="undefined-entity"),
    pytest.param("<?xml version='1.0' encoding='UTF-16'?>\n<TEI/>\n", 1, id="wrong-encoding-declaration"),
    pytest.param("<?xml version='1.0' encoding='ISO-8859-1'?>\n<TEI>\n<p>caffè</p>\n</TEI>\n", None, id="latin1-declared-utf8-bytes"),
]


@pytest.mark.parametrize("content, line", MALFORMED)
def test_malformed_xml_gives_a_parse_error_with_its_line(tmp_path, content, line):
    bad = tmp_path / "bad.xml"
    bad.write_bytes(content.encode("utf-8"))
    result = CliRunner().invoke(main, ["validate", "--edition", str(tmp_path), str(bad)], catch_exceptions=False)
    if line is None:
        # Declared Latin-1 but UTF-8 bytes: well-formed, yet the text is mojibake; the schema catches the rest.
        assert result.exit_code == 1 and "well-formed" not in result.stdout
        return
    assert result.exit_code == 1
    assert re.search(rf"bad\.xml:{line}:\d+: well-formed: not well-formed XML", result.stdout), result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_report_is_sorted_with_a_summary_and_json_matches(tmp_path):
    edition = edition_with(tmp_path)
    for name in ("a.xml", "b.xml"):
        path = edition / "tei" / name
        path.write_text(path.read_text(encoding="utf-8").replace('xml:lang="en"', 'xml:lang="de"'), encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(main, ["validate", "--edition", str(edition)])
    lines = text.stdout.strip().splitlines()
    problems, summary = lines[:-1], lines[-1]
    assert text.exit_code == 1 and problems
    assert problems == sorted(problems, key=lambda l: (l.split(":")[0], int(l.split(":")[1]), int(l.split(":")[2])))
    assert re.fullmatch(r"6 files, \d+ errors, \d+ warnings", summary)
    as_json = json.loads(runner.invoke(main, ["validate", "--format", "json", "--edition", str(edition)]).stdout)
    assert len(as_json["diagnostics"]) == len(problems)
    assert {d["rule"] for d in as_json["diagnostics"]} == {l.split(": ")[1] for l in problems}


def test_strict_turns_warnings_into_failure(tmp_path):
    fixture = next(f for f in INVALID if f.stem == "n-sequence")
    edition = edition_with(tmp_path, "tei/a.xml", fixture)
    runner = CliRunner()
    assert runner.invoke(main, ["validate", "--edition", str(edition)]).exit_code == 0
    strict = runner.invoke(main, ["validate", "--strict", "--edition", str(edition)])
    assert strict.exit_code == 1 and "n-sequence" in strict.stdout


def test_a_single_file_is_checked_against_the_rest_of_the_edition(tmp_path):
    """Pointers into other files resolve when one file is named on the command line."""
    edition = edition_with(tmp_path)
    result = CliRunner().invoke(main, ["validate", "--edition", str(edition), str(edition / "tei" / "a.xml")])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip() == "1 file, 0 errors, 0 warnings"


def test_build_stops_and_names_the_failing_file(tmp_path):
    edition = edition_with(tmp_path)
    register = edition / "tei" / "registers" / "places.xml"
    register.write_text(register.read_text(encoding="utf-8").replace("43.2775", "143.2775"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--edition", str(edition)])
    assert result.exit_code == 1
    assert "validation failed for tei/registers/places.xml" in result.stderr
    assert "authority-syntax" in result.stderr


def test_usage_errors_exit_2(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["validate", str(tmp_path / "missing.xml")]).exit_code == 2
    assert runner.invoke(main, ["validate", "--format", "yaml"]).exit_code == 2
