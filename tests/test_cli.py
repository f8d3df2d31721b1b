"""The command line: every command documented and tested, exit codes, messages on stderr."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from interlinea import __version__
from interlinea.cli import main

from conftest import ROOT

COMMANDS = sorted(main.commands)


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"interlinea {command}" in readme, f"README does not document `interlinea {command}`"


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_usage_error_exits_2():
    assert run("convert", "--no-such-option").exit_code == 2
    assert run("no-such-command").exit_code == 2


def test_no_edition_is_a_clear_error(tmp_path):
    result = run("build", "--edition", str(tmp_path))
    assert result.exit_code == 1
    assert "edition.toml" in result.stderr and "interlinea init" in result.stderr


def test_build_writes_the_tei_and_validates(edition_copy):
    for path in (edition_copy / "tei").glob("*.xml"):
        path.unlink()
    result = run("build", "--edition", str(edition_copy))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (edition_copy / "tei").glob("*.xml")) == [
        "organise-en.xml", "organise-it.xml", "pramen-bg.xml", "tir-en-it.xml",
    ]
    for path in (edition_copy / "tei").glob("*.xml"):
        assert path.read_bytes() == (ROOT / "tei" / path.name).read_bytes()


def test_convert_check_detects_a_stale_file(edition_copy):
    assert run("convert", "--check", "--edition", str(edition_copy)).exit_code == 0
    stale = edition_copy / "tei" / "pramen-bg.xml"
    stale.write_text(stale.read_text(encoding="utf-8").replace("Путин", "Putin"), encoding="utf-8")
    result = run("convert", "--check", "--edition", str(edition_copy))
    assert result.exit_code == 1
    assert "tei/pramen-bg.xml: differs" in result.stderr
    assert "Putin" in stale.read_text(encoding="utf-8"), "--check must not write"


def test_convert_selected_texts_only(edition_copy):
    for path in (edition_copy / "tei").glob("*.xml"):
        path.unlink()
    result = run("convert", "pramen-bg", "--edition", str(edition_copy))
    assert result.exit_code == 0
    assert [p.name for p in (edition_copy / "tei").glob("*.xml")] == ["pramen-bg.xml"]


def test_convert_unknown_text_id_lists_the_known_ones(edition_copy):
    result = run("convert", "nope", "--edition", str(edition_copy))
    assert result.exit_code == 1
    assert "no text with id 'nope'" in result.stderr and "organise-en" in result.stderr


def test_quiet_prints_nothing_on_success(edition_copy):
    result = run("convert", "--quiet", "--edition", str(edition_copy))
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == ""


@pytest.mark.slow
def test_validate_the_seed_edition(edition_copy):
    result = run("validate", "--edition", str(edition_copy))
    assert result.exit_code == 0
    assert result.stdout.strip().splitlines()[-1] == "11 files, 0 errors, 0 warnings"


@pytest.mark.slow
def test_validate_reports_file_line_column_rule(edition_copy):
    broken = edition_copy / "tei" / "pramen-bg.xml"
    lines = broken.read_text(encoding="utf-8").splitlines()
    line_no = next(i for i, line in enumerate(lines) if "<body>" in line) + 1
    lines[line_no - 1] = lines[line_no - 1].replace("<body>", "<body><bogus/>")
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("validate", "--edition", str(edition_copy))
    assert result.exit_code == 1
    assert re.search(rf"^tei/pramen-bg\.xml:{line_no}:\d+: schema: ", result.stdout, re.M), result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("11 files, ")
    with_tei_all = run("validate", "--tei-all", "--edition", str(edition_copy))
    assert re.search(rf"^tei/pramen-bg\.xml:{line_no}:\d+: tei-all: ", with_tei_all.stdout, re.M), with_tei_all.stdout


@pytest.mark.slow
def test_validate_json_report(edition_copy):
    result = run("validate", "--format", "json", "--edition", str(edition_copy))
    report = json.loads(result.stdout)
    assert report["summary"] == {"files": 11, "errors": 0, "warnings": 0}
    assert "tei/organise-en.xml" in report["files"]


def test_validate_malformed_xml_gives_the_line_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <p>unclosed\n</TEI>\n', encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 1
    assert re.search(r"bad\.xml:4:\d+: well-formed: not well-formed XML", result.stdout), result.stdout


def test_init_scaffolds_an_edition_that_builds_once_it_has_a_seed(tmp_path):
    target = tmp_path / "new"
    result = run("init", str(target))
    assert result.exit_code == 0
    manifest = target / "seeds" / "edition.toml"
    assert manifest.is_file() and "[[text]]" in manifest.read_text(encoding="utf-8")
    assert sorted(p.name for p in (target / "tei" / "registers").glob("*.xml")) == [
        "organisations.xml", "persons.xml", "places.xml",
    ]
    (target / "seeds" / "letter.txt").write_text("A Letter\n\nDear friend, this is the whole letter.\n", encoding="utf-8")
    with manifest.open("a", encoding="utf-8") as out:
        out.write('\n[[text]]\nid = "letter"\nsource = "letter.txt"\nlang = "en"\ntitle = { en = "A Letter" }\n')
    result = run("build", "--edition", str(target))
    assert result.exit_code == 0, result.stderr
    assert (target / "tei" / "letter.xml").is_file()


def test_init_refuses_to_overwrite(tmp_path):
    assert run("init", str(tmp_path)).exit_code == 0
    result = run("init", str(tmp_path))
    assert result.exit_code == 1 and "already exists" in result.stderr


def test_a_terminal_sees_the_progress_of_each_stage_and_a_pipe_sees_none(edition_copy):
    """On an interactive terminal (a pseudo-terminal here), a bar per stage on stderr; in a pipe
    (CI, scripts), none."""
    import os
    import pty
    import subprocess
    import sys
    import threading

    primary, secondary = pty.openpty()
    seen = bytearray()

    def read() -> None:  # the bar is read as it is drawn: a full terminal buffer would block the build
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                return
            if not chunk:
                return
            seen.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    command = [sys.executable, "-m", "interlinea", "build", "--jobs", "1", "--edition", str(edition_copy)]
    on_terminal = subprocess.run(command, stdout=subprocess.PIPE, stderr=secondary, timeout=600)
    os.close(secondary)
    reader.join(timeout=10)
    os.close(primary)
    assert on_terminal.returncode == 0
    drawn = seen.decode("utf-8", errors="replace")
    for stage in ("convert", "align", "validate", "publish text", "publish html"):
        assert stage in drawn, (stage, drawn[-2000:])
    (edition_copy / "seeds" / "edition.toml").touch()  # the same build again, into a pipe
    in_pipe = subprocess.run(command + ["--force"], capture_output=True, timeout=600)
    assert in_pipe.returncode == 0
    assert b"[" not in in_pipe.stderr and b"%" not in in_pipe.stderr
