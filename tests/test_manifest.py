"""The manifest, seeds/edition.toml: every problem names the file, the line, the key and what was expected.

Each case edits one line of a small valid manifest (BASE, line numbers below) and looks for the one
problem that edit must cause.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from interlinea.cli import main
from interlinea.errors import ManifestError
from interlinea.manifest import load_manifest, unknown_refs

from conftest import ROOT

# Line numbers matter: the tests look for them in the messages.
BASE = """\
[edition]
id = "test"
title = "Test edition"
publisher = "Tests"
date = 2026-01-01
licence = "CC-BY-4.0"
licence_url = "https://creativecommons.org/licenses/by/4.0/"
editors = [{ name = "Tester" }]

[[text]]
id = "one"
source = "a.txt"
lang = "en"
title = { en = "One" }

[[text]]
id = "two"
source = "b.txt"
lang = "en"
title = { en = "Two" }
"""
assert BASE.splitlines()[9] == "[[text]]" and BASE.splitlines()[15] == "[[text]]"  # lines 10 and 16
PASSAGE = '\n[[text.passage]]\nmatch = "Hello"\n'  # appended: its header is line 22, in text 'two'


def write(tmp_path: Path, toml: str) -> Path:
    """tmp_path/seeds/edition.toml holding `toml`, next to the seeds it names."""
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    for name in ("a.txt", "b.txt"):
        (seeds / name).write_text("Hello\n\nA paragraph.\n", encoding="utf-8")
    path = seeds / "edition.toml"
    path.write_text(toml, encoding="utf-8")
    return path


def edit(old: str, new: str, toml: str = BASE, count: int = 1) -> str:
    """`toml` with one occurrence of `old` replaced (the replacement must really happen)."""
    assert old in toml, old
    return toml.replace(old, new, count)


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ManifestError) as caught:
        load_manifest(path)
    assert caught.value.problems, "a ManifestError must list its problems"
    assert caught.value.message == "\n".join(caught.value.problems)
    return caught.value.problems


def the_problem(path: Path, line: int, *parts: str) -> str:
    """The one problem located at `path:line:` that mentions every part."""
    found = [p for p in problems_of(path) if p.startswith(f"{path}:{line}: ") and all(part in p for part in parts)]
    assert found, f"no problem at line {line} with {parts}; got:\n" + "\n".join(problems_of(path))
    return found[0]


def test_base_manifest_is_valid(tmp_path):
    """The starting point of every case loads: each problem below comes from its one edit."""
    manifest = load_manifest(write(tmp_path, BASE))
    assert [t.id for t in manifest.texts] == ["one", "two"]
    assert manifest.meta.date == "2026-01-01"


def test_the_real_manifest_loads():
    """The project's own seeds/edition.toml is valid and describes the four texts."""
    manifest = load_manifest(ROOT / "seeds" / "edition.toml")
    assert [t.id for t in manifest.texts] == ["organise-it", "organise-en", "pramen-bg", "tir-en-it"]
    assert manifest.meta.id == "kz2022"
    tir = manifest.text("tir-en-it")
    assert [w.lang for w in tir.works] == ["en", "it"]
    assert [(p.match, p.kind, p.lang) for p in tir.passages] == [("Veicoli militari russi in attesa", "caption", "it")]


def test_invalid_toml_names_file_and_line(tmp_path):
    """A syntax error is reported with the file and the line TOML stopped at."""
    path = write(tmp_path, edit('lang = "en"', "lang = "))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:13:8: not valid TOML")


def test_missing_edition_table(tmp_path):
    """Without [edition] the manifest says so (and what the table holds)."""
    toml = BASE[BASE.index("[[text]]") :]
    path = write(tmp_path, toml)
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}: [edition]: missing table")
    assert "title, publisher, date and licence" in problem


EDITION_KEYS = {
    "id": "expected a short identifier",
    "title": "expected a string",
    "publisher": "expected a string",
    "date": "expected an ISO 8601 date",
    "licence": "expected the licence of the encoding",
    "licence_url": "expected the licence's URL",
    "editors": "name at least one editor",
}
ONLY_SUBTITLE = '[edition]\nsubtitle = "Nothing else"\n' + BASE[BASE.index("[[text]]") :]


def test_missing_edition_keys_are_all_named(tmp_path):
    """Every required [edition] key that is missing is named once, with what it should hold."""
    path = write(tmp_path, ONLY_SUBTITLE)
    problems = problems_of(path)
    assert len(problems) == len(EDITION_KEYS)
    for key, expected in EDITION_KEYS.items():
        (problem,) = [p for p in problems if f"[edition]: key '{key}'" in p]
        assert problem.startswith(str(path))
        assert "missing" in problem and expected in problem


def test_missing_edition_keys_name_a_line(tmp_path):
    """A missing key cannot be pointed at, but its table can: like [[text]], each problem gives a line in [edition]."""
    path = write(tmp_path, ONLY_SUBTITLE)
    for problem in problems_of(path):
        assert re.match(rf"^{re.escape(str(path))}:[12]: \[edition\]", problem), problem


WRONG_TYPES = [
    pytest.param('source = "a.txt"', "source = 42", 12, "text 'one': key 'source'", "expected a file name in seeds/, got a number (42)", id="source-42"),
    pytest.param("date = 2026-01-01", 'date = "yesterday"', 5, "[edition]: key 'date'", "expected an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD), got str 'yesterday'", id="edition-date-yesterday"),
    pytest.param('lang = "en"', 'date = "yesterday"', 13, "text 'one': key 'date'", "expected an ISO 8601 date", id="text-date-yesterday"),
    pytest.param('lang = "en"', 'lang = "english!"', 13, "text 'one': key 'lang'", "'english!' is not a BCP 47 language tag: '!' is not allowed (only letters a–z, digits and '-'); use the ISO 639 code, e.g. 'en'", id="lang-english!"),
    pytest.param('title = { en = "One" }', 'title = "plain string"', 14, "text 'one': key 'title'", "got a plain string: say which language it is in", id="title-plain-string"),
    pytest.param('title = { en = "One" }', 'title = { en_GB = "One" }', 14, "text 'one': key 'title'", "'en_GB' is not a BCP 47 language tag: subtags are separated by '-', not '_'; did you mean 'en-GB'?", id="title-bad-lang"),
    pytest.param('title = "Test edition"', "title = 42", 3, "[edition]: key 'title'", "expected a string, got a number (42)", id="edition-title-42"),
    pytest.param('id = "one"', "id = 7", 11, "text #1: key 'id'", "expected a siglum such as 'organise-en', got a number (7)", id="id-7"),
    pytest.param('licence_url = "https://creativecommons.org/licenses/by/4.0/"', 'licence_url = "creative commons"', 7, "[edition]: key 'licence_url'", "is not an http(s) URL", id="licence-url-not-url"),
    pytest.param('licence_url = "https://creativecommons.org/licenses/by/4.0/"', 'licence_url = "https://creative commons.org/"', 7, "[edition]: key 'licence_url'", "contains ' ', which a URL cannot hold", id="licence-url-with-space"),
    pytest.param('licence_url = "https://creativecommons.org/licenses/by/4.0/"', 'licence_url = "https://creativecommons..org/"', 7, "[edition]: key 'licence_url'", "has a malformed host", id="licence-url-bad-host"),
    pytest.param('editors = [{ name = "Tester" }]', 'editors = "Tester"', 8, "[edition]: key 'editors'", "expected an array of { name", id="editors-string"),
    pytest.param('editors = [{ name = "Tester" }]', 'editors = [{ nmae = "Tester" }]', 8, "[edition]: key 'editors'", "item 1: unknown key 'nmae'; did you mean 'name'? allowed: name, ref, role", id="editors-unknown-key"),
    pytest.param('editors = [{ name = "Tester" }]', "editors = []", 8, "[edition]: key 'editors'", "missing or empty", id="editors-empty"),
]


@pytest.mark.parametrize("old, new, line, where, expected", WRONG_TYPES)
def test_wrong_type_names_line_key_and_expectation(tmp_path, old, new, line, where, expected):
    """A value of the wrong type or form is reported at its own line, with what was expected."""
    the_problem(write(tmp_path, edit(old, new)), line, where, expected)


WORK = '\n\n[[text.work]]\ntitle = { en = "Work" }'  # inserted after line 20: its header is line 22, in text 'two'

LANGUAGE_TAGS = [
    pytest.param('lang = "en"', 'lang = "french"', 13, "text 'one': key 'lang'", "'french' is not a BCP 47 language tag: 'french' is not a registered language subtag; use the ISO 639 code, e.g. 'fr'", id="lang-name"),
    pytest.param('lang = "en"', 'lang = "xx"', 13, "text 'one': key 'lang'", "'xx' is not a registered language subtag; use an ISO 639 code such as 'en', 'it' or 'bg'", id="lang-unregistered"),
    pytest.param('lang = "en"', 'lang = "eng"', 13, "text 'one': key 'lang'", "'eng' is not a registered language subtag; use the ISO 639 code, e.g. 'en'", id="lang-iso-639-2"),
    pytest.param('lang = "en"', 'lang = "en-UK"', 13, "text 'one': key 'lang'", "'UK' is not a registered region subtag; did you mean 'en-GB'?", id="lang-region"),
    pytest.param('lang = "en"', 'lang = "de-1996-1996"', 13, "text 'one': key 'lang'", "variant '1996' is repeated; give each variant once", id="lang-repeated-variant"),
    pytest.param('title = { en = "One" }', 'title = { en = "One", english = "One" }', 14, "text 'one': key 'title'", "'english' is not a registered language subtag; use the ISO 639 code, e.g. 'en'", id="title-key"),
    pytest.param('title = { en = "One" }', 'title = { en = "One", EN = "Two" }', 14, "text 'one': key 'title'", "two titles in 'en' (BCP 47 tags ignore case); keep one", id="title-key-twice"),
    pytest.param('title = { en = "One" }', 'title = { en = "One" }\noriginal = { lang = "Bulgarian" }', 15, "text 'one': original: key 'lang'", "use the ISO 639 code, e.g. 'bg'", id="original-lang"),
    pytest.param('title = { en = "Two" }', 'title = { en = "Two" }' + WORK + '\nlang = "serbian"', 24, "text 'two': work 1: key 'lang'", "use the ISO 639 code, e.g. 'sr'", id="work-lang"),
]


@pytest.mark.parametrize("old, new, line, where, expected", LANGUAGE_TAGS)
def test_language_tags_must_be_registered(tmp_path, old, new, line, where, expected):
    """Every language tag (text, work, passage and original `lang`, the keys of a title table) must be a
    valid BCP 47 tag, checked against the IANA registry; a language name is answered with its code."""
    the_problem(write(tmp_path, edit(old, new)), line, where, expected)


def test_language_tags_are_read_in_their_conventional_case(tmp_path):
    """BCP 47 ignores case: 'EN-gb' is accepted and recorded as 'en-GB', a title key 'EN' as 'en'."""
    toml = edit('lang = "en"', 'lang = "EN-gb"')
    toml = edit('title = { en = "One" }', 'title = { EN = "One", "sr-latn" = "Jedan" }', toml)
    entry = load_manifest(write(tmp_path, toml)).texts[0]
    assert entry.lang == "en-GB" and entry.titles == {"en": "One", "sr-Latn": "Jedan"}


DATES = [
    pytest.param("date = 2026-01-01", 'date = "2022-02-30"', 5, "[edition]: key 'date'", "'2022-02-30' is not a date: day 30 is not in February 2022 (1–28)", id="no-such-day"),
    pytest.param("date = 2026-01-01", 'date = "2022-13"', 5, "[edition]: key 'date'", "'2022-13' is not a date: month 13 is not 1–12", id="no-such-month"),
    pytest.param("date = 2026-01-01", 'date = "2022-13-45"', 5, "[edition]: key 'date'", "'2022-13-45' is not a date: month 13 is not 1–12, and day 45 is not 1–31", id="no-such-month-nor-day"),
    pytest.param('lang = "en"', 'date = "2023-02-29"', 13, "text 'one': key 'date'", "'2023-02-29' is not a date: day 29 is not in February 2023 (1–28)", id="not-a-leap-year"),
    pytest.param('lang = "en"', 'date = "2024-1-5"', 13, "text 'one': key 'date'", "'2024-1-5' is not a date: write the month and the day with two digits: 2024-01-05", id="one-digit"),
    pytest.param('title = { en = "One" }', 'title = { en = "One" }\noriginal = { date = "2022-04-31" }', 15, "text 'one': original: key 'date'", "'2022-04-31' is not a date: day 31 is not in April 2022 (1–30)", id="original-date"),
]


@pytest.mark.parametrize("old, new, line, where, expected", DATES)
def test_dates_must_be_real_calendar_dates(tmp_path, old, new, line, where, expected):
    """A date written as a string must name a real month and day; the message says which part is wrong."""
    the_problem(write(tmp_path, edit(old, new)), line, where, expected)


def test_real_dates_are_accepted(tmp_path):
    toml = edit("date = 2026-01-01", 'date = "2024-02-29"')
    toml = edit('lang = "en"', 'lang = "en"\ndate = "2022-01"', toml)
    manifest = load_manifest(write(tmp_path, toml))
    assert manifest.meta.date == "2024-02-29" and manifest.texts[0].date == "2022-01"


# A date written bare (TOML's own date type) that is no date makes the whole file invalid TOML; the
# message explains the date instead of TOML's "Expected newline or end of document", at the date's
# line and column. (old, new, "line:column", where, what)
BARE_DATES = [
    pytest.param("date = 2026-01-01", "date = 2024-13-12", "5:8", "[edition]: key 'date'", "2024-13-12 is not a date: month 13 is not 1–12", id="no-such-month"),
    pytest.param("date = 2026-01-01", "date = 2022-02-30", "5:8", "[edition]: key 'date'", "2022-02-30 is not a date: day 30 is not in February 2022 (1–28)", id="no-such-day"),
    pytest.param("date = 2026-01-01", "date = 2022-02-30T10:00:00", "5:8", "[edition]: key 'date'", "2022-02-30T10:00:00 is not a date: day 30 is not in February 2022 (1–28)", id="date-time"),
    pytest.param("date = 2026-01-01", "date = 2024-1-5", "5:8", "[edition]: key 'date'", "2024-1-5 is not a date: write the month and the day with two digits: 2024-01-05", id="one-digit"),
    pytest.param('lang = "en"', 'lang = "en"\ndate = 2022-01  # January', "14:8", "text 'one': key 'date'", '2022-01 is not a TOML date: write a month as a string, "2022-01"', id="bare-month"),
    pytest.param('title = { en = "One" }', 'title = { en = "One" }\noriginal = { publisher = "P # not a comment", date = 2022-04-31 }', "15:54", "text 'one': original: key 'date'", "2022-04-31 is not a date: day 31 is not in April 2022 (1–30)", id="inline-table"),
    pytest.param('title = { en = "Two" }', 'title = { en = "Two" }' + WORK + "\noriginal = { date = 2022-02-29 }", "24:21", "text 'two': work 1: original: key 'date'", "2022-02-29 is not a date: day 29 is not in February 2022 (1–28)", id="work"),
]


@pytest.mark.parametrize("old, new, place, where, what", BARE_DATES)
def test_bare_dates_that_are_no_dates(tmp_path, old, new, place, where, what):
    path = write(tmp_path, edit(old, new))
    assert problems_of(path) == [f"{path}:{place}: {where}: {what}"]


def test_bare_dates_do_not_hide_other_problems(tmp_path):
    """TOML stops at the first bad date; the manifest is still checked as a whole: every bad date and
    every other problem are reported at once, unknown keys first, the rest in file order."""
    toml = edit("date = 2026-01-01", "date = 2024-13-12")
    toml = edit('source = "a.txt"', "source = 42", toml)
    toml = edit('lang = "en"', 'lang = "en"\ndate = 2022-02-30', toml)
    toml = edit('title = { en = "Two" }', 'titel = { en = "Two" }', toml)
    path = write(tmp_path, toml)
    assert [p.split(": ")[:2] for p in problems_of(path)] == [
        [f"{path}:21", "text 'two'"],  # key 'titel': unknown key; did you mean 'title'?
        [f"{path}:5:8", "[edition]"],
        [f"{path}:12", "text 'one'"],
        [f"{path}:14:8", "text 'one'"],
        [f"{path}:17", "text 'two'"],  # key 'title': missing
    ]


def test_bare_date_and_a_later_syntax_error(tmp_path):
    """After the bad dates, a real syntax error elsewhere is still reported, at its own column."""
    toml = edit("date = 2026-01-01", "date = 2024-13-12")
    toml = edit('lang = "en"', 'lang = "en"\ndate = 2022-02-30\nwords = [2022-13-01, ', toml)
    path = write(tmp_path, toml)
    problems = problems_of(path)
    assert problems[:3] == [
        f"{path}:5:8: [edition]: key 'date': 2024-13-12 is not a date: month 13 is not 1–12",
        f"{path}:14:8: text 'one': key 'date': 2022-02-30 is not a date: day 30 is not in February 2022 (1–28)",
        f"{path}:15:10: text 'one': key 'words': 2022-13-01 is not a date: month 13 is not 1–12",
    ]
    assert len(problems) == 4 and problems[3].startswith(f"{path}:16:") and "not valid TOML" in problems[3]


UNKNOWN_KEYS = [
    pytest.param('title = { en = "One" }', 'titel = { en = "One" }', 14, "text 'one': key 'titel'", "title", id="text-titel"),
    pytest.param('title = "Test edition"', 'titel = "Test edition"', 3, "[edition]: key 'titel'", "title", id="edition-titel"),
    pytest.param('lang = "en"', 'langauge = "en"', 13, "text 'one': key 'langauge'", "lang", id="text-langauge"),
]


@pytest.mark.parametrize("old, new, line, where, meant", UNKNOWN_KEYS)
def test_unknown_key_is_reported_with_the_allowed_ones(tmp_path, old, new, line, where, meant):
    """A typo is caught at its line, and the message lists the keys allowed there (the one meant among them)."""
    problem = the_problem(write(tmp_path, edit(old, new)), line, where, f"unknown key; did you mean '{meant}'? allowed keys here:")
    allowed = problem.split("allowed keys here: ")[1].split(", ")
    assert meant in allowed


def test_unknown_keys_come_first(tmp_path):
    """A typo comes first: it explains the problem that follows from it (the key it should have been is missing)."""
    path = write(tmp_path, edit('title = "Test edition"', 'titel = "Test edition"'))
    assert problems_of(path) == [
        f"{path}:3: [edition]: key 'titel': unknown key; did you mean 'title'? allowed keys here: date, description, editors, id, licence, licence_url, pub_place, publisher, subtitle, title, url",
        f"{path}:1: [edition]: key 'title': missing; expected a string",
    ]


def test_unknown_table_is_named_before_the_missing_one(tmp_path):
    """`[[txt]]` says first that 'txt' is unknown and probably meant 'text', then that there are no texts."""
    path = write(tmp_path, edit("[[text]]", "[[txt]]", count=2))
    problems = problems_of(path)
    assert problems[0] == f"{path}:10: top-level key 'txt': unknown; did you mean 'text'? a manifest has [edition] and [[text]] tables"
    assert len(problems) == 2 and "[[text]]: no texts" in problems[1]


def test_unknown_sub_table_names_its_header(tmp_path):
    """`[[text.wrok]]` is found at its header line, with the key probably meant."""
    path = write(tmp_path, BASE + '\n[[text.wrok]]\ntitle = { en = "W" }\n')
    the_problem(path, 22, "text 'two': key 'wrok'", "unknown key; did you mean 'work'?")


def test_unknown_top_level_key_names_its_line(tmp_path):
    """A stray top-level key is named, with its line like every other problem."""
    path = write(tmp_path, "version = 1\n" + BASE)
    the_problem(path, 1, "top-level key 'version'", "unknown; a manifest has [edition] and [[text]] tables")


# Register references: unknown_refs checks every `ref` against the register keys the convert stage read.
REFS = edit('editors = [{ name = "Tester" }]', 'editors = [{ name = "Tester", ref = "tester" }]')
REFS = edit('title = { en = "One" }', 'title = { en = "One" }\nauthors = [{ name = "Known", ref = "known" }, { name = "Laurent", ref = "laurent" }]', REFS)
REFS += """translators = [
  { name = "Anonymous" },
  { name = "Mystery", ref = "mystery" },  # ref = "decoy" in a comment
]

[[text.work]]
title = { en = "Two" }
authors = [{ name = "Known", ref = "known" }, { name = "Ghost", ref = "ghost" }]
"""
REGISTERS = "(tei/registers/persons.xml, organisations.xml)"
UNKNOWN_REFS = [
    (8, "[edition]: key 'editors': item 1: ref 'tester'"),
    (15, "text 'one': key 'authors': item 2: ref 'laurent'"),
    (24, "text 'two': key 'translators': item 2: ref 'mystery'"),
    (29, "text 'two': work 1: key 'authors': item 2: ref 'ghost'"),
]


@pytest.mark.parametrize("known", [{"known"}, {"known": object()}, lambda key: key == "known"], ids=["set", "dict", "function"])
def test_unknown_register_references(tmp_path, known):
    """Every editor, author and translator `ref` that names no register entry is one problem, at the
    line of that `ref` (an array may span lines), in file order."""
    path = write(tmp_path, REFS)
    manifest = load_manifest(path)
    assert unknown_refs(manifest, known) == [
        f"{path}:{line}: {where} names no entry in the registers {REGISTERS}; add the entry there or correct the key"
        for line, where in UNKNOWN_REFS
    ]


def test_known_register_references(tmp_path):
    manifest = load_manifest(write(tmp_path, REFS))
    assert unknown_refs(manifest, {"known", "tester", "laurent", "mystery", "ghost"}) == []
    assert [a.line for a in manifest.meta.editors] == [8]
    assert [(a.ref, a.line) for a in manifest.texts[1].translators] == [(None, 0), ("mystery", 24)]


def test_unknown_register_reference_suggests_a_close_key(tmp_path):
    manifest = load_manifest(write(tmp_path, REFS))
    problems = unknown_refs(manifest, {"known", "tester", "laurant", "mystery", "ghost"}, registers="registers")
    (problem,) = problems
    assert problem.endswith("ref 'laurent' names no entry in the registers (registers/persons.xml, organisations.xml); did you mean 'laurant'? If not, add the entry there")


def test_register_references_of_the_real_manifest():
    """Every `ref` of the project's manifest names an entry of its registers."""
    from interlinea.registers import load_registers

    registers = load_registers(ROOT / "tei" / "registers")
    assert unknown_refs(load_manifest(ROOT / "seeds" / "edition.toml"), registers) == []
    assert unknown_refs(load_manifest(ROOT / "seeds" / "edition.toml"), set(registers.entries)) == []


TEXT_PROBLEMS = [
    pytest.param(('id = "two"', 'id = "one"'), 17, "key 'id'", "duplicate id; also used by text #1", id="duplicate-id"),
    pytest.param(('id = "one"', 'id = "one.two"'), 11, "text 'one.two': key 'id'", "'one.two' must start with a letter and contain only letters, digits, '-' and '_'", id="id-with-dot"),
    pytest.param(('id = "one"', 'id = "1one"'), 11, "text '1one': key 'id'", "'1one' must start with a letter", id="id-starts-with-digit"),
    pytest.param(('source = "a.txt"', 'source = "../x.txt"'), 12, "text 'one': key 'source'", "'../x.txt' must be a plain file name inside seeds/, not a path", id="source-is-a-path"),
    pytest.param(('source = "b.txt"', 'source = "a.txt"'), 18, "text 'two': key 'source'", "'a.txt' is already the source of text 'one'", id="same-source-twice"),
    pytest.param(('source = "a.txt"', 'source = "nope.txt"'), 12, "text 'one': key 'source'", "no file 'nope.txt' in", id="missing-seed"),
]


@pytest.mark.parametrize("change, line, where, expected", TEXT_PROBLEMS)
def test_text_entry_problems(tmp_path, change, line, where, expected):
    """Ids and sources are checked across texts; each problem points at the key's own line."""
    the_problem(write(tmp_path, edit(*change)), line, where, expected)


PASSAGE_PROBLEMS = [
    pytest.param("", 22, "text 'two': passage 1", "says nothing about the block; give 'kind', 'lang' or both", id="neither-kind-nor-lang"),
    pytest.param('kind = "bogus"\n', 24, "text 'two': passage 1: key 'kind'", "'bogus' is not one of paragraph, heading, caption", id="unknown-kind"),
    pytest.param('lang = "Italian"\n', 24, "text 'two': passage 1: key 'lang'", "'Italian' is not a BCP 47 language tag: 'Italian' is not a registered language subtag; use the ISO 639 code, e.g. 'it'", id="bad-lang"),
    pytest.param('kind = "heading"\nmood = "grim"\n', 25, "text 'two': passage 1: key 'mood'", "unknown key; allowed keys here: kind, lang, match", id="unknown-key"),
]


@pytest.mark.parametrize("keys, line, where, expected", PASSAGE_PROBLEMS)
def test_passage_problems(tmp_path, keys, line, where, expected):
    """A passage must say something valid about its block; problems point at the key's line
    (a passage that says nothing, at its [[text.passage]] header)."""
    the_problem(write(tmp_path, BASE + PASSAGE + keys), line, where, expected)


def test_all_problems_are_reported_at_once(tmp_path):
    """Three independent mistakes give three problems in one run, in file order."""
    toml = edit("date = 2026-01-01", 'date = "yesterday"')
    toml = edit('source = "a.txt"', "source = 42", toml)
    toml += PASSAGE + 'kind = "bogus"\n'
    path = write(tmp_path, toml)
    problems = problems_of(path)
    assert len(problems) == 3, problems
    assert [p.split(": ")[0] for p in problems] == [f"{path}:5", f"{path}:12", f"{path}:24"]
    assert "key 'date'" in problems[0] and "key 'source'" in problems[1] and "key 'kind'" in problems[2]


def test_edition_header_with_a_comment_keeps_lines(tmp_path):
    """TOML allows a comment after a table header; the keys of [edition] must still be found by line."""
    toml = edit("[edition]", "[edition]  # the edition as a whole")
    toml = edit('title = "Test edition"', "title = 42", toml)
    the_problem(write(tmp_path, toml), 3, "[edition]: key 'title'", "expected a string, got a number (42)")


def test_text_as_plain_array_is_a_manifest_error(tmp_path):
    """`text = [...]` of strings instead of [[text]] tables is the user's mistake: a ManifestError, not a crash."""
    path = write(tmp_path, 'text = ["a.txt"]\n' + BASE[: BASE.index("[[text]]")])
    problems = problems_of(path)
    assert any(str(path) in p and "text" in p for p in problems), problems


def test_cli_prints_every_problem_and_exits_1(tmp_path):
    """Through `interlinea convert`, all problems go to stderr and the exit code is 1; nothing is written."""
    toml = edit("date = 2026-01-01", 'date = "yesterday"')
    toml = edit('source = "a.txt"', "source = 42", toml)
    path = write(tmp_path, toml)
    result = CliRunner().invoke(main, ["convert", "--edition", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert f"{path}:5: [edition]: key 'date'" in result.stderr
    assert f"{path}:12: text 'one': key 'source'" in result.stderr
    assert not (tmp_path / "tei").exists()


def test_passage_matching_no_block_is_a_conversion_error(make_edition):
    """A passage whose `match` is in no block stops the conversion, naming the passage and the seed."""
    folder = make_edition(
        {"good": "Good Title\n\nA paragraph.\n", "other": "Other Title\n\nSomewhere, not there.\n"},
        extra='[[text.passage]]\nmatch = "Nowhere"\nkind = "heading"\n',
    )
    result = CliRunner().invoke(main, ["convert", "--edition", str(folder)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "seeds/001_other.txt: the manifest's passage 'Nowhere' (text 'other') matches no block" in result.stderr
    assert not (folder / "tei").exists()


WORK_REF_PROBLEMS = [
    # (a bare key that names no text is a work outside the edition: checked against the bibliography
    # register at conversion, see test_relations.py)
    pytest.param('translation_of = "nowhere.1"', "'nowhere.1' names no text of the manifest", id="unknown-text"),
    pytest.param('sibling_of = "nowhere"', "'nowhere' names no text of the manifest", id="unknown-sibling"),
    pytest.param('translation_of = "two.3"', "'two.3': text 'two' has 1 work(s)", id="work-out-of-range"),
    pytest.param('translation_of = "one"', "'one' is the work itself", id="itself"),
    pytest.param('translation_of = "two.x"', "is not a work reference", id="malformed"),
    pytest.param('sibling_of = "two"', None, id="sibling-string-accepted"),
]


@pytest.mark.parametrize("line, expected", WORK_REF_PROBLEMS)
def test_translation_relations_must_name_works_of_the_manifest(tmp_path, line, expected):
    """translation_of / sibling_of are checked against the texts and works the manifest describes."""
    path = write(tmp_path, edit('lang = "en"', f'lang = "en"\n{line}'))
    if expected is None:
        assert load_manifest(path).texts[0].sibling_of == ("two",)
        return
    problems = problems_of(path)
    assert len(problems) == 1 and expected in problems[0], problems
    assert ":13:" in problems[0] or ":14:" in problems[0]


GRAPH_CASES = [
    pytest.param({"one": ('lang = "en"', 'translation_of = "two"'), "two": ('lang = "en"', "")}, "'two' is in 'en' too: a translation is in another language than its original", id="same-language"),
    pytest.param({"one": ('lang = "en"', 'translation_of = "two"'), "two": ('lang = "it"', 'translation_of = "one"')}, "translations go round in a circle (one.1 → two.1 → one.1)", id="cycle"),
]


@pytest.mark.parametrize("edits, message", GRAPH_CASES)
def test_contradictory_translation_relations_are_manifest_errors(tmp_path, edits, message):
    """A translation in its original's language, or a circle of translations, names the key and line."""
    toml = BASE
    for text_id, (lang, relation) in edits.items():
        block = f'id = "{text_id}"\nsource = "{"a.txt" if text_id == "one" else "b.txt"}"\nlang = "en"\n'
        assert block in toml
        toml = toml.replace(block, block.replace('lang = "en"\n', f"{lang}\n{relation}\n" if relation else f"{lang}\n"))
    with pytest.raises(ManifestError) as failure:
        load_manifest(write(tmp_path, toml))
    assert message in str(failure.value)
    assert re.search(r"edition\.toml:1[0-9]: text 'one': work 1: key 'translation_of'", str(failure.value)), str(failure.value)
