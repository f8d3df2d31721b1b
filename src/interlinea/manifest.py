"""The edition manifest, `seeds/edition.toml`: typed, checked as a whole, every problem reported at once.

Each problem names the file, the line, the key and what was expected, e.g.
`seeds/edition.toml:14: text 'organise-en': key 'source': expected a string (a file name in seeds/), got 42`.
Unknown keys (probably typos) are reported first, with the key probably meant; then every other
problem in file order. A date written bare that is no date (`date = 2024-13-12`) is explained instead
of TOML's "Expected newline", and the rest of the file is still checked. The README documents every key.

`unknown_refs` checks the `ref` of every author, translator and editor against the registers (the
convert stage calls it once the registers are read).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import difflib
import re
import tomllib
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from interlinea import bcp47
from interlinea.dates import date_problem, looks_like_date
from interlinea.errors import ManifestError
from interlinea.patterns import url_problem

MANIFEST_NAME = "edition.toml"

# A readable siglum: it becomes the prefix of every xml:id of the text, so it must be an NCName
# without dots (dots separate the parts of block identifiers).
TEXT_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
CERTAINTIES = ("high", "medium", "low", "unknown")
WORK_REF = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*(\.[1-9][0-9]*)?$")
PASSAGE_KINDS = (
    "paragraph",
    "heading",
    "caption",
    "quote",
    "signature",
    "dateline",
    "source",
    "translator",
    "navigation",
)


@dataclass(frozen=True)
class Agent:
    """An author, translator or editor: a display name and, when known, a register key."""

    name: str
    ref: str | None = None
    role: str | None = None
    line: int = field(default=0, compare=False, repr=False)  # line of its `ref` in the manifest (0: unknown)


@dataclass(frozen=True)
class Publication:
    """A publication as the text gives it: the original a work was taken from."""

    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Work:
    """One work held in a text (most texts hold one; 000 and 003 hold two)."""

    titles: dict[str, str]
    title_supplied: bool = False
    authors: tuple[Agent, ...] = ()
    lang: str | None = None
    original: Publication | None = None
    # A work reference: "text-id" or "text-id.N" for a work of the edition, or the key of an entry of
    # the bibliography register for a work outside the edition.
    translation_of: str | None = None
    version_of: str | None = None  # another version, the direction of translation unknown
    sibling_of: tuple[str, ...] = ()  # works translated from the same original
    relation_cert: str | None = None  # how sure the editors are of translation_of / version_of
    translators: tuple[Agent, ...] = ()
    line: int = field(default=0, compare=False, repr=False)  # where its relation is declared


@dataclass(frozen=True)
class Passage:
    """An editorial decision about one block, found by the start of its text."""

    match: str
    kind: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class TextEntry:
    id: str
    source: str
    lang: str | None
    titles: dict[str, str]
    title_supplied: bool
    authors: tuple[Agent, ...]
    translators: tuple[Agent, ...]
    publication: Publication | None
    date: str | None
    declared_works: tuple[Work, ...]  # the [[text.work]] tables, as written (none for most texts)
    passages: tuple[Passage, ...]
    translation_of: str | None = None
    sibling_of: tuple[str, ...] = ()
    version_of: str | None = None
    relation_cert: str | None = None
    line: int = field(default=0, compare=False, repr=False)  # of the text's table in the manifest
    # The TEI in tei/ is the text itself (imported, `canonical = "tei"`): no seed, never converted.
    canonical_tei: bool = False

    @property
    def works(self) -> tuple[Work, ...]:
        """The works of this text; a text with no `[[text.work]]` is one work described by the text."""
        if self.declared_works:
            return self.declared_works
        return (
            Work(
                titles=self.titles,
                title_supplied=self.title_supplied,
                authors=self.authors,
                lang=self.lang,
                original=self.publication,
                translation_of=self.translation_of,
                version_of=self.version_of,
                sibling_of=self.sibling_of,
                relation_cert=self.relation_cert,
                translators=self.translators,
                line=self.line,
            ),
        )

    def signature_names(self) -> set[str]:
        """Names that, standing alone on a line, sign the text (authors of the text or of its works)."""
        names = {a.name for a in self.authors}
        for work in self.declared_works:
            names.update(a.name for a in work.authors)
        return names


@dataclass(frozen=True)
class EditionMeta:
    id: str
    title: str
    publisher: str
    date: str
    licence: str
    licence_url: str
    editors: tuple[Agent, ...]
    subtitle: str | None = None
    pub_place: str | None = None
    description: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Manifest:
    path: Path
    meta: EditionMeta
    texts: tuple[TextEntry, ...]
    seeds_dir: Path = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "seeds_dir", self.path.parent)

    def languages(self) -> tuple[str, ...]:
        """Every language the manifest declares: of texts, works and passages, in order of appearance."""
        found: list[str] = []
        for entry in self.texts:
            for lang in [entry.lang, *(w.lang for w in entry.declared_works), *(p.lang for p in entry.passages)]:
                if lang and lang not in found:
                    found.append(lang)
        return tuple(found)

    def text(self, text_id: str) -> TextEntry:
        for entry in self.texts:
            if entry.id == text_id:
                return entry
        known = ", ".join(t.id for t in self.texts)
        raise ManifestError([f"{self.path}: no text with id '{text_id}'; the manifest has: {known}"])


_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\]\s]+)\s*\]\]")


class _Checker:
    """Collects every problem of a manifest, each located by line where the key can be found."""

    def __init__(self, label: str, raw: str):
        self.label = label
        self.lines = raw.splitlines()
        self.masked = _mask(raw).splitlines()  # the same lines, strings and comments blanked
        self._found: list[tuple[int, int, str]] = []  # (0 for an unknown key else 1, line, message)
        self.repaired: set[tuple[int, str]] = set()  # bare dates already reported, quoted to read the rest

    @property
    def problems(self) -> list[str]:
        """Unknown keys first (a typo explains the problems that follow from it), then the rest, in
        file order."""
        return [message for _, _, message in sorted(self._found, key=lambda found: found[:2])]

    @cached_property
    def _headers(self) -> dict[str, list[int]]:
        """The lines (1-based, in order) of every `[[table]]` header, by table name: found in one pass,
        so that locating a key costs the size of its table, not of the whole manifest."""
        headers: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines, start=1):
            found = _ARRAY_HEADER.match(line)
            if found:
                headers.setdefault(found.group(1), []).append(number)
        return headers

    def line_of(self, table: str, index: int, key: str | None = None, after: int = 0) -> int:
        """The line of the `index`-th `[[table]]` header (or of `key` inside it), 1-based; 0 if unknown."""
        headers = self._headers.get(table, [])
        position = bisect.bisect_right(headers, after) + index
        if position >= len(headers):
            return 0
        start = headers[position]
        if key is None:
            return start
        key_line = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(start + 1, len(self.lines) + 1):  # indices, not a slice: no copy per call
            line = self.lines[number - 1]
            if re.match(r"^\s*\[", line):
                break
            if key_line.match(line):
                return number
        # a sub-table written as its own header, e.g. [[text.wrok]] for the key 'wrok'
        sub_header = re.compile(rf"^\s*\[\[?\s*{re.escape(table)}\.{re.escape(key)}\s*\]")
        next_table = headers[position + 1] if position + 1 < len(headers) else len(self.lines) + 1
        for number in range(start + 1, next_table):
            if sub_header.match(self.lines[number - 1]):
                return number
        return start

    def line_of_key(self, section: str, key: str) -> int:
        """The line of `key` in the `[section]` table; the table's header line if the key is absent."""
        header = re.compile(rf"^\[\s*{re.escape(section)}\s*\]\s*(#.*)?$")
        in_section, header_line = False, 0
        for number, line in enumerate(self.lines, start=1):
            stripped = line.strip()
            if stripped.startswith("["):
                in_section = bool(header.match(stripped))
                if in_section:
                    header_line = number
                continue
            if in_section and re.match(rf"^{re.escape(key)}\s*=", stripped):
                return number
        return header_line

    def line_of_top_level(self, key: str) -> int:
        """The line where a top-level key or table `key` is defined."""
        pattern = re.compile(rf"^\s*(?:{re.escape(key)}\s*=|\[\[?\s*{re.escape(key)}\s*[\].])")
        return next((n for n, line in enumerate(self.lines, start=1) if pattern.match(line)), 0)

    def ref_lines(self, key_line: int, refs: list[str | None]) -> list[int]:
        """The line of each item's `ref = "…"` in the array of tables that starts at `key_line`
        (an array may span lines); the key's line where it cannot be found."""
        found: list[tuple[int, str]] = []
        for number in range(key_line, len(self.lines) + 1) if key_line else ():
            if number > key_line and re.match(r"^\s*(\[|[A-Za-z0-9_\"'-]+\s*=)", self.masked[number - 1]):
                break  # the next key or table: the array has ended
            masked = self.masked[number - 1]
            for m in re.finditer(r"""\bref\s*=\s*(?:"([^"]*)"|'([^']*)')""", self.lines[number - 1]):
                if masked[m.start() : m.start() + 3] == "ref":  # not inside a comment or a string
                    found.append((number, m[1] or m[2] or ""))
        lines, position = [], 0
        for ref in refs:
            line = key_line
            for index in range(position, len(found)):
                if ref is not None and found[index][1] == ref:
                    line, position = found[index][0], index + 1
                    break
            lines.append(line)
        return lines

    def where_at(self, number: int) -> str:
        """The table holding line `number`, as problems name it: "[edition]", "text 'organise-en'",
        "text 'tir-en-it': work 2", "text 'tir-en-it': passage 1"; "" at the top level."""
        table, texts, subs, text_start = None, 0, {}, 0
        for index, line in enumerate(self.masked[:number]):
            header = re.match(r"^\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]", line)
            if not header:
                continue
            table = header[2]
            if table == "text" and header[1] == "[[":
                texts, subs, text_start = texts + 1, {}, index
            elif header[1] == "[[":
                subs[table] = subs.get(table, 0) + 1
        if table is None:
            return ""
        if table == "edition":
            return "[edition]"
        if not table.startswith("text") or not texts:
            return f"[{table}]"
        text = f"text #{texts}"
        for index in range(text_start + 1, len(self.lines)):
            if re.match(r"^\s*\[", self.masked[index]):
                break
            found = re.match(r"""^\s*id\s*=\s*(?:"([^"]*)"|'([^']*)')""", self.lines[index])
            if found:
                text = f"text '{found[1] or found[2]}'"
                break
        if table == "text":
            return text
        kind = table.removeprefix("text.")
        return f"{text}: {kind} {subs.get(table, 1)}"

    def add(self, line: int, message: str) -> None:
        """Record a message already located (it starts with the file name), in file order."""
        self._found.append((1, line, message))

    def problem(self, line: int, where: str, message: str, column: int = 0, first: bool = False) -> None:
        """Record a problem at `line` (0: none known); `first` for unknown keys, reported before the rest."""
        place = f"{self.label}:{line}" if line else self.label
        if line and column:
            place += f":{column}"
        self._found.append((0 if first else 1, line, f"{place}: {where}: {message}"))


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return f"a date ({value})"
    return f"{type(value).__name__} {value!r}"


class _Table:
    """Typed access to one TOML table; wrong types and missing keys become problems, not exceptions."""

    def __init__(self, data: dict, checker: _Checker, where: str, line_for):
        self.data = data
        self.checker = checker
        self.where = where
        self.line_for = line_for  # key -> line number
        self.allowed: set[str] = set()

    def _fail(self, key: str, message: str, first: bool = False) -> None:
        self.checker.problem(self.line_for(key), f"{self.where}: key '{key}'", message, first=first)

    def string(self, key: str, required: bool = False, expected: str = "a string") -> str | None:
        self.allowed.add(key)
        if key not in self.data:
            if required:
                self._fail(key, f"missing; expected {expected}")
            return None
        value = self.data[key]
        if not isinstance(value, str) or not value.strip():
            self._fail(key, f"expected {expected}, got {_kind(value) if value != '' else 'an empty string'}")
            return None
        return value.strip()

    def date(self, key: str, required: bool = False) -> str | None:
        self.allowed.add(key)
        if key not in self.data:
            if required:
                self._fail(key, "missing; expected an ISO 8601 date such as 2022-01-10")
            return None
        value = self.data[key]
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, _dt.date):
            return value.isoformat()
        if isinstance(value, str) and (self.line_for(key), value) in self.checker.repaired:
            return None  # a bare date that is no date: already reported, where TOML stopped
        if isinstance(value, str) and looks_like_date(value.strip()):
            problem = date_problem(value.strip())
            if problem is None:
                return value.strip()
            self._fail(key, f"'{value}' is not a date: {problem}")
            return None
        self._fail(key, f"expected an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD), got {_kind(value)}")
        return None

    def boolean(self, key: str) -> bool:
        self.allowed.add(key)
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self._fail(key, f"expected true or false, got {_kind(value)}")
            return False
        return value

    def lang(self, key: str, required: bool = False) -> str | None:
        value = self.string(key, required, expected="a BCP 47 language tag such as 'it' or 'en'")
        if value is None:
            return None
        problem = bcp47.problem(value)
        if problem is not None:
            self._fail(key, problem)
            return None
        return bcp47.canonical(value)  # 'EN' and 'en' are one language

    def url(self, key: str) -> str | None:
        value = self.string(key, expected="a URL")
        if value is None:
            return None
        problem = url_problem(value) if re.match(r"^https?://", value, re.IGNORECASE) else "is not an http(s) URL"
        if problem:
            self._fail(key, f"{value!r} {problem}; expected a web address such as https://example.org/page")
            return None
        return value

    def titles(self, key: str, required: bool = True) -> dict[str, str]:
        self.allowed.add(key)
        value = self.data.get(key)
        expected = "a table of titles by language, e.g. { it = \"…\", en = \"…\" }"
        if value is None:
            if required:
                self._fail(key, f"missing; expected {expected}")
            return {}
        if isinstance(value, str):
            self._fail(key, f"expected {expected}, got a plain string: say which language it is in")
            return {}
        if not isinstance(value, dict) or not value:
            self._fail(key, f"expected {expected}, got {_kind(value)}")
            return {}
        titles: dict[str, str] = {}
        for lang, title in value.items():
            problem = bcp47.problem(lang)
            if problem is not None:
                self._fail(key, problem)
            elif not isinstance(title, str) or not title.strip():
                self._fail(key, f"the title in '{lang}' must be a non-empty string, got {_kind(title)}")
            elif bcp47.canonical(lang) in titles:
                self._fail(key, f"two titles in '{bcp47.canonical(lang)}' (BCP 47 tags ignore case); keep one")
            else:
                titles[bcp47.canonical(lang)] = title.strip()
        return titles

    def agents(self, key: str) -> tuple[Agent, ...]:
        self.allowed.add(key)
        value = self.data.get(key, [])
        expected = "an array of { name = \"…\", ref = \"register-key\" } tables"
        if not isinstance(value, list):
            self._fail(key, f"expected {expected}, got {_kind(value)}")
            return ()
        agents = []
        refs = [item.get("ref") if isinstance(item, dict) and isinstance(item.get("ref"), str) else None for item in value]
        ref_lines = self.checker.ref_lines(self.line_for(key), refs)
        for position, item in enumerate(value, start=1):
            if not isinstance(item, dict):
                self._fail(key, f"item {position}: expected a table with a 'name', got {_kind(item)}")
                continue
            name, ref, role = item.get("name"), item.get("ref"), item.get("role")
            for unknown in sorted(set(item) - {"name", "ref", "role"}):
                self._fail(key, f"item {position}: unknown key '{unknown}'" + _did_you_mean(unknown, ("name", "ref", "role"), "allowed: name, ref, role"), first=True)
            if not isinstance(name, str) or not name.strip():
                self._fail(key, f"item {position}: 'name' must be a non-empty string")
                continue
            if ref is not None and (not isinstance(ref, str) or not TEXT_ID.match(ref)):
                self._fail(key, f"item {position}: 'ref' must be a register key (letters, digits, _ or -), got {ref!r}")
                ref = None
            if role is not None and not isinstance(role, str):
                self._fail(key, f"item {position}: 'role' must be a string")
                role = None
            agents.append(Agent(name=name.strip(), ref=ref, role=role, line=ref_lines[position - 1] if ref else 0))
        return tuple(agents)

    def publication(self, key: str) -> Publication | None:
        self.allowed.add(key)
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self._fail(key, f"expected a table {{ publisher, date, url, title, lang }}, got {_kind(value)}")
            return None
        sub = _Table(value, self.checker, f"{self.where}: {key}", lambda _k: self.line_for(key))
        publication = Publication(
            title=sub.string("title"),
            publisher=sub.string("publisher"),
            date=sub.date("date"),
            url=sub.url("url"),
            lang=sub.lang("lang"),
        )
        sub.reject_unknown()
        return publication

    def certainty(self, key: str) -> str | None:
        value = self.string(key, expected=f"one of {', '.join(CERTAINTIES)}")
        if value is not None and value not in CERTAINTIES:
            self._fail(key, f"'{value}' is not one of {', '.join(CERTAINTIES)} (TEI's certainty values)")
            return None
        return value

    def work_ref(self, key: str) -> str | None:
        if isinstance(self.data.get(key), list):
            self.allowed.add(key)
            self._fail(key, "a work is the translation or version of one work; give one reference (a text made from several originals holds one [[text.work]] per original)")
            return None
        value = self.string(key, expected="a work reference: a text id, or text id and work number ('organise-en.1')")
        if value is not None and not WORK_REF.match(value):
            self._fail(key, f"'{value}' is not a work reference; write a text id ('organise-en') or a text id, a dot and a work number ('tir-en-it.2')")
            return None
        return value

    def work_refs(self, key: str) -> tuple[str, ...]:
        self.allowed.add(key)
        value = self.data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and WORK_REF.match(v) for v in value):
            self._fail(key, f"expected an array of work references such as [\"pramen-bg\", \"organise-it.2\"], got {value!r}")
            return ()
        return tuple(value)

    def reject_unknown(self) -> None:
        for key in sorted(set(self.data) - self.allowed):
            allowed = ", ".join(sorted(self.allowed))
            self._fail(key, "unknown key" + _did_you_mean(key, self.allowed, f"allowed keys here: {allowed}"), first=True)


def _did_you_mean(key: str, allowed, then: str) -> str:
    """"; did you mean 'title'? {then}" when an allowed key is close to `key`, else "; {then}"."""
    by_lower = {a.lower(): a for a in allowed}
    close = difflib.get_close_matches(key.lower(), list(by_lower), n=1, cutoff=0.6)
    return f"; did you mean '{by_lower[close[0]]}'? {then}" if close else f"; {then}"


def load_manifest(path: Path) -> Manifest:
    """Read and check `edition.toml`; raise ManifestError listing every problem found."""
    label = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ManifestError(
            [f"{label}: no manifest here; create one with `interlinea init DIR` or point --edition at an edition"]
        ) from None
    except UnicodeDecodeError as exc:
        raise ManifestError([f"{label}: not valid UTF-8 at byte offset {exc.start}; save the file as UTF-8"]) from None
    checker = _Checker(label, raw)
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        data = _read_past_bare_dates(raw, exc, checker)

    meta = _edition_meta(data, checker)
    texts = _texts(data, checker, path.parent)
    for key in sorted(set(data) - {"edition", "text"}):
        message = "unknown" + _did_you_mean(key, ("edition", "text"), "a manifest has [edition] and [[text]] tables")
        checker.problem(checker.line_of_top_level(key), f"top-level key '{key}'", message, first=True)
    if checker.problems:
        raise ManifestError(checker.problems)
    assert meta is not None
    return Manifest(path=path, meta=meta, texts=tuple(texts))


def _toml_error(label: str, exc: tomllib.TOMLDecodeError, shifts: dict[int, list[int]] | None = None) -> str:
    """"file:line:column: not valid TOML: reason"; `shifts` gives, by line, the columns where the
    text parsed had two quotes more than the file (bare dates quoted), to give the file's column."""
    place = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
    if not place:
        return f"{label}: not valid TOML: {reason}"
    line, column = int(place[1]), int(place[2])
    column -= 2 * sum(1 for at in (shifts or {}).get(line, []) if at < column)
    return f"{label}:{line}:{column}: not valid TOML: {reason}"


# A date or date-time written bare (unquoted), as TOML allows, real or not: `2024-13-12`, `2022-01`
_BARE_DATE = re.compile(
    r"(?<![\w.:+-])(?P<date>\d{4}-\d{1,2}(?:-\d{1,2})?)"
    r"(?P<time>[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?(?![\w.:+-])"
)


def _read_past_bare_dates(raw: str, exc: tomllib.TOMLDecodeError, checker: _Checker) -> dict:
    """The manifest's data when what TOML refused is bare dates that are no dates: each is reported
    (`seeds/edition.toml:5:8: [edition]: key 'date': 2024-13-12 is not a date: month 13 is not 1–12`),
    then read as a string so that the rest of the manifest is checked too. Any other TOML error is
    reported as TOML gives it."""
    place = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    bare = _bare_dates(checker)
    if not place or not any(line == int(place[1]) for line, *_ in bare):
        raise ManifestError([_toml_error(checker.label, exc)]) from None
    lines = raw.splitlines(keepends=True)  # numbered as the checker's lines
    shifts: dict[int, list[int]] = {}
    for line, column, token, message in sorted(bare, reverse=True):  # right to left: columns stay right
        where = checker.where_at(line)
        prefix = checker.masked[line - 1][: column - 1]
        key = re.search(r"([A-Za-z0-9_-]+)\s*=[^=]*$", prefix)
        outer = re.match(r"^\s*([A-Za-z0-9_-]+)\s*=\s*\{", prefix)
        if outer and key and key[1] != outer[1]:
            where = f"{where}: {outer[1]}" if where else outer[1]
        what = f"key '{key[1]}'" if key else "value"
        checker.problem(line, f"{where}: {what}" if where else what, message, column=column)
        text = lines[line - 1]
        lines[line - 1] = f'{text[: column - 1]}"{token}"{text[column - 1 + len(token) :]}'
        shifts.setdefault(line, []).append(column)
        checker.repaired.add((line, token))
    try:
        return tomllib.loads("".join(lines))
    except tomllib.TOMLDecodeError as again:
        place = re.search(r"\(at line (\d+), column (\d+)\)", str(again))
        checker.add(int(place[1]) if place else 0, _toml_error(checker.label, again, shifts))
        raise ManifestError(checker.problems) from None


def _bare_dates(checker: _Checker) -> list[tuple[int, int, str, str]]:
    """(line, column, literal, what is wrong) for every bare date in the manifest that TOML cannot
    read: not a real day, a month alone, one-digit month or day."""
    found = []
    for number, line in enumerate(checker.masked, start=1):
        for match in _BARE_DATE.finditer(line):
            if re.match(r"\s*=(?!=)", line[match.end() :]):
                continue  # a bare key made of digits and dashes, not a value
            token, date = match[0], match["date"]
            problem = date_problem(date)
            if problem is None and len(date) == 10:
                continue  # a real date: TOML reads it
            if problem is None:  # a month (or year-month) written bare: TOML has no such value
                message = f"{token} is not a TOML date: write a month as a string, \"{token}\""
            else:
                message = f"{token} is not a date: {problem}"
            found.append((number, match.start() + 1, token, message))
    return found


def _mask(raw: str) -> str:
    """`raw` with the contents of strings and comments replaced by spaces (the same length and the
    same lines), so that keys, punctuation and bare values can be found by position."""
    out: list[str] = []
    index, end = 0, len(raw)
    while index < end:
        char = raw[index]
        if char == "#":
            stop = raw.find("\n", index)
            stop = end if stop < 0 else stop
        elif char in "\"'":
            quote = char * 3 if raw.startswith(char * 3, index) else char
            stop = index + len(quote)
            while stop < end:
                if char == '"' and raw[stop] == "\\":
                    stop += 2
                elif raw.startswith(quote, stop):
                    stop += len(quote)
                    break
                elif len(quote) == 1 and raw[stop] == "\n":
                    break  # an unterminated string ends with its line
                else:
                    stop += 1
            stop = min(stop, end)
        else:
            out.append(char)
            index += 1
            continue
        out.append("".join(c if c in _LINE_BREAKS else " " for c in raw[index:stop]))
        index = stop
    return "".join(out)


# What str.splitlines() breaks at: kept by _mask, so that its lines are the checker's lines
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _edition_meta(data: dict, checker: _Checker) -> EditionMeta | None:
    table = data.get("edition")
    if not isinstance(table, dict):
        checker.problem(checker.line_of_top_level("edition"), "[edition]", "missing table; expected the edition's title, publisher, date and licence")
        return None
    t = _Table(table, checker, "[edition]", lambda key: checker.line_of_key("edition", key))
    meta = EditionMeta(
        id=t.string("id", required=True, expected="a short identifier for the edition") or "",
        title=t.string("title", required=True) or "",
        subtitle=t.string("subtitle"),
        publisher=t.string("publisher", required=True) or "",
        pub_place=t.string("pub_place"),
        date=t.date("date", required=True) or "",
        licence=t.string("licence", required=True, expected="the licence of the encoding, e.g. 'CC-BY-4.0'") or "",
        licence_url=t.url("licence_url") or "",
        editors=t.agents("editors"),
        description=t.string("description"),
        url=t.url("url"),
    )
    if "licence_url" not in table:
        checker.problem(checker.line_of_key("edition", "licence"), "[edition]: key 'licence_url'", "missing; expected the licence's URL")
    if not meta.editors and isinstance(table.get("editors", []), list):
        checker.problem(checker.line_of_key("edition", "editors"), "[edition]: key 'editors'", "missing or empty; name at least one editor responsible for the encoding")
    t.reject_unknown()
    return meta


def _texts(data: dict, checker: _Checker, seeds_dir: Path) -> list[TextEntry]:
    entries = data.get("text")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        what = "no texts" if not entries else "'text' must be [[text]] tables"
        checker.problem(checker.line_of_top_level("text"), "[[text]]", f"{what}; add one [[text]] table per seed file")
        return []
    texts: list[TextEntry] = []
    seen_ids: dict[str, int] = {}
    seen_sources: dict[str, str] = {}
    for index, table in enumerate(entries):
        text_id = table.get("id") if isinstance(table.get("id"), str) else None
        where = f"text '{text_id}'" if text_id else f"text #{index + 1}"
        t = _Table(table, checker, where, lambda key, i=index: checker.line_of("text", i, key))
        text_id = t.string("id", required=True, expected="a siglum such as 'organise-en'")
        id_line = checker.line_of("text", index, "id")
        if text_id and not TEXT_ID.match(text_id):
            checker.problem(id_line, f"{where}: key 'id'", f"'{text_id}' must start with a letter and contain only letters, digits, '-' and '_'")
        if text_id in seen_ids:
            checker.problem(id_line, f"{where}: key 'id'", f"duplicate id; also used by text #{seen_ids[text_id]}")
        elif text_id:
            seen_ids[text_id] = index + 1
        canonical = t.string("canonical", expected='"tei" for a text whose TEI in tei/ is the text itself (no seed)')
        if canonical not in (None, "tei"):
            checker.problem(checker.line_of("text", index, "canonical"), f"{where}: key 'canonical'", f"'{canonical}' is not 'tei'; write canonical = \"tei\" for a text imported as TEI (no seed), or drop the key")
        if canonical == "tei" and "source" in table:
            checker.problem(checker.line_of("text", index, "source"), f"{where}: key 'source'", "a text whose TEI is canonical has no seed: drop 'source', or drop canonical = \"tei\" to convert the seed")
        source = t.string("source", required=canonical != "tei", expected="a file name in seeds/")
        if source:
            if Path(source).name != source:
                checker.problem(checker.line_of("text", index, "source"), f"{where}: key 'source'", f"'{source}' must be a plain file name inside seeds/, not a path")
            elif not (seeds_dir / source).is_file():
                checker.problem(checker.line_of("text", index, "source"), f"{where}: key 'source'", f"no file '{source}' in {seeds_dir}/")
            if source in seen_sources:
                checker.problem(checker.line_of("text", index, "source"), f"{where}: key 'source'", f"'{source}' is already the source of text '{seen_sources[source]}'")
            seen_sources[source] = text_id or "?"
        works = _works(table, checker, index, where)
        passages = _passages(table, checker, index, where)
        t.allowed.update({"work", "passage"})
        entry = TextEntry(
            id=text_id or "",
            source=source or "",
            lang=t.lang("lang"),
            titles=t.titles("title"),
            title_supplied=t.boolean("title_supplied"),
            authors=t.agents("authors"),
            translators=t.agents("translators"),
            publication=t.publication("original"),
            date=t.date("date"),
            declared_works=tuple(works),
            passages=tuple(passages),
            translation_of=t.work_ref("translation_of"),
            sibling_of=t.work_refs("sibling_of"),
            version_of=t.work_ref("version_of"),
            relation_cert=t.certainty("relation_cert"),
            line=checker.line_of("text", index),
            canonical_tei=canonical == "tei",
        )
        t.reject_unknown()
        texts.append(entry)
    _check_work_refs(texts, checker)
    return texts


def resolve_work_ref(reference: str) -> tuple[str, int]:
    """("organise-en", 1) for "organise-en" or "organise-en.1"."""
    text_id, _, number = reference.partition(".")
    return text_id, int(number or 1)


RELATION_KEYS = ("translation_of", "version_of", "sibling_of")


def relation_refs(work: Work) -> list[tuple[str, str]]:
    """(key, reference) for every relation a work declares."""
    found = [(key, getattr(work, key)) for key in ("translation_of", "version_of") if getattr(work, key)]
    return found + [("sibling_of", reference) for reference in work.sibling_of]


def is_external(reference: str, texts: Container[str]) -> bool:
    """A reference to a work outside the edition: a key of the bibliography register (no work number,
    no text of that id). Whether the key exists is checked once the register is read."""
    return "." not in reference and reference not in texts


def _relation_line(checker: _Checker, index: int, entry: TextEntry, work: Work, key: str) -> int:
    if entry.declared_works:
        return work.line or checker.line_of("text", index)
    return checker.line_of("text", index, key)


def _check_work_refs(texts: list[TextEntry], checker: _Checker) -> None:
    """Relations must name works that the manifest describes (or, for an original outside the
    edition, a bibliography key), and must not contradict one another."""
    works = {entry.id: len(entry.works) for entry in texts}
    for index, entry in enumerate(texts):
        for number, work in enumerate(entry.works, start=1):
            where = f"text '{entry.id}': work {number}"
            if work.translation_of and work.version_of:
                line = _relation_line(checker, index, entry, work, "version_of")
                checker.problem(line, f"{where}: key 'version_of'", f"the work is declared both the translation of '{work.translation_of}' and a version of '{work.version_of}'; keep 'translation_of' when the direction is known, 'version_of' when it is not")
            for key, reference in relation_refs(work):
                text_id, target = resolve_work_ref(reference)
                if key != "sibling_of" and is_external(reference, works):
                    continue  # a bibliography entry: checked against the register at conversion
                if text_id not in works:
                    problem = f"'{reference}' names no text of the manifest (texts: {', '.join(works)})"
                    if key != "sibling_of":
                        problem += "; a work outside the edition is named by its bibliography key, without a work number"
                elif target > works[text_id]:
                    problem = f"'{reference}': text '{text_id}' has {works[text_id]} work(s)"
                elif (text_id, target) == (entry.id, number):
                    problem = f"'{reference}' is the work itself"
                else:
                    continue
                checker.problem(_relation_line(checker, index, entry, work, key), f"{where}: key '{key}'", problem)
    _check_translation_graph(texts, checker)


def _declared_lang(entry: TextEntry, work: Work) -> str | None:
    """A work's language as the manifest states it (None when the converter is to identify it)."""
    return work.lang if entry.declared_works else entry.lang


def _check_translation_graph(texts: list[TextEntry], checker: _Checker) -> None:
    """A translation is in another language than its original; no chain of translations leads back
    to where it started (A translates B, B translates A); siblings and versions agree with the
    translations (a work is not the sibling of its own original, nor a version of its translation)."""
    works = {(entry.id, number): (index, entry, work) for index, entry in enumerate(texts) for number, work in enumerate(entry.works, start=1)}

    def target(reference: str | None) -> tuple[str, int] | None:
        found = resolve_work_ref(reference) if reference else None
        return found if found in works else None

    original_of = {key: target(w.translation_of) for key, (_i, _e, w) in works.items()}
    original_of = {key: value for key, value in original_of.items() if value is not None and value != key}
    for key, original in original_of.items():
        index, entry, work = works[key]
        line = _relation_line(checker, index, entry, work, "translation_of")
        where = f"text '{entry.id}': work {key[1]}: key 'translation_of'"
        _target_index, target_entry, target_work = works[original]
        lang, target_lang = _declared_lang(entry, work), _declared_lang(target_entry, target_work)
        if lang and target_lang and lang.lower() == target_lang.lower():
            checker.problem(line, where, f"'{work.translation_of}' is in '{target_lang}' too: a translation is in another language than its original; for another version in the same language, write 'version_of'")
        seen, current = [key], original
        while current in original_of and current not in seen:
            seen.append(current)
            current = original_of[current]
        if current == key:
            chain = " → ".join(f"{text}.{number}" for text, number in [*seen, key])
            checker.problem(line, where, f"translations go round in a circle ({chain}); one of them is the original: remove its 'translation_of'")
    text_ids = {text_id for text_id, _number in works}
    originals = {  # what each translation translates, comparable: "organise-en.1", or a bibliography key
        key: w.translation_of if is_external(w.translation_of, text_ids) else "%s.%d" % resolve_work_ref(w.translation_of)
        for key, (_i, _e, w) in works.items()
        if w.translation_of
    }
    for key, (index, entry, work) in works.items():
        name = f"{key[0]}.{key[1]}"
        version = target(work.version_of)
        if version is not None and (original_of.get(version) == key or original_of.get(key) == version):
            checker.problem(
                _relation_line(checker, index, entry, work, "version_of"), f"text '{entry.id}': work {key[1]}: key 'version_of'",
                f"'{work.version_of}' and {name} are declared translation and original elsewhere: the direction is known, so drop 'version_of'",
            )
        for reference in work.sibling_of:
            other = target(reference)
            if other is None:
                continue
            where = f"text '{entry.id}': work {key[1]}: key 'sibling_of'"
            line = _relation_line(checker, index, entry, work, "sibling_of")
            if original_of.get(key) == other or original_of.get(other) == key:
                checker.problem(line, where, f"'{reference}' is declared the original or the translation of {name}, not its sibling; drop it from 'sibling_of'")
            elif originals.get(key) and originals.get(other) and originals[key] != originals[other]:
                checker.problem(line, where, f"siblings translate one original, but {name} translates '{originals[key]}' and '{reference}' translates '{originals[other]}'; correct one of them")


def _subtables(table: dict, key: str, checker: _Checker, where: str, line: int) -> list[dict]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        checker.problem(line, f"{where}: key '{key}'", f"expected [[text.{key}]] tables, got {_kind(value)}")
        return []
    return value


def _works(table: dict, checker: _Checker, text_index: int, where: str) -> list[Work]:
    text_line = checker.line_of("text", text_index)
    works = []
    for n, sub in enumerate(_subtables(table, "work", checker, where, text_line), start=1):
        w = _Table(
            sub, checker, f"{where}: work {n}",
            lambda key, i=n - 1: checker.line_of("text.work", i, key, after=max(text_line - 1, 0)),
        )
        works.append(
            Work(
                titles=w.titles("title"),
                title_supplied=w.boolean("title_supplied"),
                authors=w.agents("authors"),
                lang=w.lang("lang"),
                original=w.publication("original"),
                translation_of=w.work_ref("translation_of"),
                version_of=w.work_ref("version_of"),
                sibling_of=w.work_refs("sibling_of"),
                relation_cert=w.certainty("relation_cert"),
                translators=w.agents("translators"),
                line=checker.line_of("text.work", n - 1, after=max(text_line - 1, 0)),
            )
        )
        w.reject_unknown()
    return works


def _passages(table: dict, checker: _Checker, text_index: int, where: str) -> list[Passage]:
    text_line = checker.line_of("text", text_index)
    passages = []
    for n, sub in enumerate(_subtables(table, "passage", checker, where, text_line), start=1):
        line = checker.line_of("text.passage", n - 1, after=max(text_line - 1, 0))
        p = _Table(
            sub, checker, f"{where}: passage {n}",
            lambda key, i=n - 1: checker.line_of("text.passage", i, key, after=max(text_line - 1, 0)),
        )
        match = p.string("match", required=True, expected="the first words of the block, as in the seed")
        kind = p.string("kind", expected=f"one of {', '.join(PASSAGE_KINDS)}")
        if kind is not None and kind not in PASSAGE_KINDS:
            checker.problem(p.line_for("kind"), f"{where}: passage {n}: key 'kind'", f"'{kind}' is not one of {', '.join(PASSAGE_KINDS)}")
            kind = None
        lang = p.lang("lang")
        if match and kind is None and lang is None and "kind" not in sub and "lang" not in sub:
            checker.problem(line, f"{where}: passage {n}", "says nothing about the block; give 'kind', 'lang' or both")
        p.reject_unknown()
        if match:
            passages.append(Passage(match=match, kind=kind, lang=lang))
    return passages


def unknown_refs(
    manifest: Manifest,
    known: Callable[[str], bool] | Container[str],
    registers: str = "tei/registers",
) -> list[str]:
    """One problem per author, translator or editor whose `ref` names no register entry, at the line
    of that `ref` in the manifest, in file order, e.g.
    `seeds/edition.toml:23: text 'organise-en': key 'authors': item 1: ref 'laurent' names no entry in
    the registers (tei/registers/persons.xml, organisations.xml); add the entry there or correct the key`.

    `known` is the register keys (a set, or a dict keyed by them such as `registers.entries`), the
    `Registers` themselves, or a function saying whether a key is one; `registers` is the registers'
    folder as messages should name it.
    """
    keys: list[str] = []  # to propose the key probably meant
    if callable(known):
        is_known = known
    elif hasattr(known, "lookup"):  # the Registers themselves
        registry = known
        is_known = lambda key: registry.lookup(key) is not None  # noqa: E731
        keys = sorted(getattr(known, "entries", {}))
    else:
        is_known = known.__contains__
        keys = sorted(str(key) for key in known) if isinstance(known, Iterable) else []
    groups: list[tuple[str, tuple[Agent, ...]]] = [("[edition]: key 'editors'", manifest.meta.editors)]
    for entry in manifest.texts:
        groups.append((f"text '{entry.id}': key 'authors'", entry.authors))
        groups.append((f"text '{entry.id}': key 'translators'", entry.translators))
        for number, work in enumerate(entry.declared_works, start=1):
            groups.append((f"text '{entry.id}': work {number}: key 'authors'", work.authors))
            groups.append((f"text '{entry.id}': work {number}: key 'translators'", work.translators))
    found: list[tuple[int, str]] = []
    for where, agents in groups:
        for position, agent in enumerate(agents, start=1):
            if agent.ref is None or is_known(agent.ref):
                continue
            close = difflib.get_close_matches(agent.ref, keys, n=1, cutoff=0.75)
            fix = f"did you mean '{close[0]}'? If not, add the entry there" if close else "add the entry there or correct the key"
            place = f"{manifest.path}:{agent.line}" if agent.line else str(manifest.path)
            found.append(
                (
                    agent.line,
                    f"{place}: {where}: item {position}: ref '{agent.ref}' names no entry in the registers "
                    f"({registers}/persons.xml, organisations.xml); {fix}",
                )
            )
    return [message for _, message in sorted(found, key=lambda item: item[0])]
