"""The edition manifest, `seeds/edition.toml`: typed, checked as a whole, every problem reported at once.

Each problem names the file, the line, the key and what was expected, e.g.
`seeds/edition.toml:14: text 'organise-en': key 'source': expected a string (a file name in seeds/), got 42`.
The README documents every key.
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interlinea.dates import is_iso_date
from interlinea.errors import ManifestError

MANIFEST_NAME = "edition.toml"

# A readable siglum: it becomes the prefix of every xml:id of the text, so it must be an NCName
# without dots (dots separate the parts of block identifiers).
TEXT_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
# Syntax of BCP 47 tags as far as the manifest needs it (language, script, region, variants);
# the validator checks tags in the TEI more fully.
BCP47 = re.compile(
    r"^(?:[a-z]{2,3}|[a-z]{5,8})(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?(?:-(?:[A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*$"
)
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
    translation_of: str | None = None  # a work reference: "text-id" or "text-id.N"
    sibling_of: tuple[str, ...] = ()  # works translated from the same original


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
    works: tuple[Work, ...]
    passages: tuple[Passage, ...]
    translation_of: str | None = None
    sibling_of: tuple[str, ...] = ()

    def work_list(self) -> tuple[Work, ...]:
        """The works of this text; a text with no `[[text.work]]` is one work described by the text."""
        if self.works:
            return self.works
        return (
            Work(
                titles=self.titles,
                title_supplied=self.title_supplied,
                authors=self.authors,
                lang=self.lang,
                original=self.publication,
                translation_of=self.translation_of,
                sibling_of=self.sibling_of,
            ),
        )

    def signature_names(self) -> set[str]:
        """Names that, standing alone on a line, sign the text (authors of the text or of its works)."""
        names = {a.name for a in self.authors}
        for work in self.works:
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
            for lang in [entry.lang, *(w.lang for w in entry.works), *(p.lang for p in entry.passages)]:
                if lang and lang not in found:
                    found.append(lang)
        return tuple(found)

    def text(self, text_id: str) -> TextEntry:
        for entry in self.texts:
            if entry.id == text_id:
                return entry
        known = ", ".join(t.id for t in self.texts)
        raise ManifestError([f"{self.path}: no text with id '{text_id}'; the manifest has: {known}"])


class _Checker:
    """Collects every problem of a manifest, each located by line where the key can be found."""

    def __init__(self, label: str, raw: str):
        self.label = label
        self.lines = raw.splitlines()
        self.problems: list[str] = []

    def line_of(self, table: str, index: int, key: str | None = None, after: int = 0) -> int:
        """The line of the `index`-th `[[table]]` header (or of `key` inside it), 1-based; 0 if unknown."""
        header = re.compile(rf"^\s*\[\[\s*{re.escape(table)}\s*\]\]")
        seen, start = -1, None
        for number, line in enumerate(self.lines[after:], start=after + 1):
            if header.match(line):
                seen += 1
                if seen == index:
                    start = number
                    break
        if start is None:
            return 0
        if key is None:
            return start
        key_line = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number, line in enumerate(self.lines[start:], start=start + 1):
            if re.match(r"^\s*\[", line):
                break
            if key_line.match(line):
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

    def problem(self, line: int, where: str, message: str) -> None:
        place = f"{self.label}:{line}" if line else self.label
        self.problems.append(f"{place}: {where}: {message}")


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

    def _fail(self, key: str, message: str) -> None:
        self.checker.problem(self.line_for(key), f"{self.where}: key '{key}'", message)

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
        if isinstance(value, str) and is_iso_date(value):
            return value
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
        if value is not None and not BCP47.match(value):
            self._fail(key, f"'{value}' is not a well-formed BCP 47 language tag (e.g. 'en', 'bg', 'sr-Latn')")
            return None
        return value

    def url(self, key: str) -> str | None:
        value = self.string(key, expected="a URL")
        if value is not None and not re.match(r"^https?://\S+$", value):
            self._fail(key, f"expected an http(s) URL without spaces, got {value!r}")
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
        titles = {}
        for lang, title in value.items():
            if not BCP47.match(lang):
                self._fail(key, f"'{lang}' is not a well-formed BCP 47 language tag")
            elif not isinstance(title, str) or not title.strip():
                self._fail(key, f"the title in '{lang}' must be a non-empty string, got {_kind(title)}")
            else:
                titles[lang] = title.strip()
        return titles

    def agents(self, key: str) -> tuple[Agent, ...]:
        self.allowed.add(key)
        value = self.data.get(key, [])
        expected = "an array of { name = \"…\", ref = \"register-key\" } tables"
        if not isinstance(value, list):
            self._fail(key, f"expected {expected}, got {_kind(value)}")
            return ()
        agents = []
        for position, item in enumerate(value, start=1):
            if not isinstance(item, dict):
                self._fail(key, f"item {position}: expected a table with a 'name', got {_kind(item)}")
                continue
            unknown = set(item) - {"name", "ref", "role"}
            name, ref, role = item.get("name"), item.get("ref"), item.get("role")
            if unknown:
                self._fail(key, f"item {position}: unknown key(s) {', '.join(sorted(unknown))}; allowed: name, ref, role")
            if not isinstance(name, str) or not name.strip():
                self._fail(key, f"item {position}: 'name' must be a non-empty string")
                continue
            if ref is not None and (not isinstance(ref, str) or not TEXT_ID.match(ref)):
                self._fail(key, f"item {position}: 'ref' must be a register key (letters, digits, _ or -), got {ref!r}")
                ref = None
            if role is not None and not isinstance(role, str):
                self._fail(key, f"item {position}: 'role' must be a string")
                role = None
            agents.append(Agent(name=name.strip(), ref=ref, role=role))
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

    def work_ref(self, key: str) -> str | None:
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
            self._fail(key, f"unknown key; allowed keys here: {', '.join(sorted(self.allowed))}")


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
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        place = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        where = f"{label}:{place[1]}:{place[2]}" if place else label
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ManifestError([f"{where}: not valid TOML: {reason}"]) from None

    checker = _Checker(label, raw)
    meta = _edition_meta(data, checker)
    texts = _texts(data, checker, path.parent)
    for key in sorted(set(data) - {"edition", "text"}):
        checker.problem(checker.line_of_top_level(key), f"top-level key '{key}'", "unknown; a manifest has [edition] and [[text]] tables")
    if checker.problems:
        raise ManifestError(checker.problems)
    assert meta is not None
    return Manifest(path=path, meta=meta, texts=tuple(texts))


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
        source = t.string("source", required=True, expected="a file name in seeds/")
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
            works=tuple(works),
            passages=tuple(passages),
            translation_of=t.work_ref("translation_of"),
            sibling_of=t.work_refs("sibling_of"),
        )
        t.reject_unknown()
        texts.append(entry)
    _check_work_refs(texts, checker)
    return texts


def resolve_work_ref(reference: str) -> tuple[str, int]:
    """("organise-en", 1) for "organise-en" or "organise-en.1"."""
    text_id, _, number = reference.partition(".")
    return text_id, int(number or 1)


def _check_work_refs(texts: list[TextEntry], checker: _Checker) -> None:
    """Translation relations must name works that the manifest describes."""
    works = {entry.id: len(entry.work_list()) for entry in texts}
    for index, entry in enumerate(texts):
        for number, work in enumerate(entry.work_list(), start=1):
            for key, references in (("translation_of", [work.translation_of] if work.translation_of else []), ("sibling_of", work.sibling_of)):
                for reference in references:
                    text_id, target = resolve_work_ref(reference)
                    if text_id not in works:
                        problem = f"'{reference}' names no text of the manifest (texts: {', '.join(works)})"
                    elif target > works[text_id]:
                        problem = f"'{reference}': text '{text_id}' has {works[text_id]} work(s)"
                    elif (text_id, target) == (entry.id, number):
                        problem = f"'{reference}' is the work itself"
                    else:
                        continue
                    line = checker.line_of("text", index, key) if not entry.works else checker.line_of("text", index)
                    checker.problem(line, f"text '{entry.id}': work {number}: key '{key}'", problem)


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
                sibling_of=w.work_refs("sibling_of"),
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
