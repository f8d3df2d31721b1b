"""The dates pass: every date in the running text becomes a <date> with its ISO 8601 value.

What is a date, in the language of the block (its xml:lang, inherited; the month names and the words
around dates of each language come from `interlinea.date_languages`, CLDR through Babel):

* a day and a month, with or without a year, in either order: "2 gennaio 2022", "January 10, 2022",
  "2nd January 2022", "5 януари", "5. Januar", "on 7 January" → `when="2022-01-07"`;
* a month and a year: "December 2011", "dicembre 2011", "декември 2011 г." → `when="2011-12"`;
* a four-digit number standing alone (no separator, decimal or percent next to it) only where a word
  says it is a year: a preposition of time before it ("in 1956", "nel 1956", "през 2020"), a year
  mark after it ("2020 г."), or a year it is listed with ("in 1848 and 1956") → `when="1956"`;
* a period or a span: "since 2005", "dal 2005", "a partire dal dicembre 2011" → `from`; "until 2010"
  → `to`; "from 2005 to 2010", "dal 2005 al 2010" → `from` and `to` (the event lasts the period);
  "between 2005 and 2010" → `notBefore` and `notAfter` (the event falls somewhere in the span). The
  word that makes the period is part of the date ("<date from="2005">Since 2005</date>"); a word that
  only introduces it stays outside ("in <date when="1956">1956</date>").

A day written without its year ("2 gennaio" in a text of January 2022) gets the year from the date of
the text: the date of the work's original publication in the header (`sourceDesc/bibl
type="original"`), else the text's creation date (`profileDesc/creation`), else the manifest's. The
year is the one that makes the day the last such day on or before the text's date, "5 December" in a
January text being the December before, except a day at most a month after the text's date, read as
announced in the same year (`interlinea.dates.infer_year`). Such a date carries `cert="medium"` (or
"low": the announced day, or a text dated by its year only) and `evidence="conjecture"`: TEI's attributes for an interpretation the editors make (att.global.
responsibility and att.editLike, both on `date` in tei_all). A text with no date leaves such days
untagged.

Never a date: a number with separators or decimals ("2,000 people", "2.7 million", "8,000
arrests"), a percentage ("40%"), a count ("162 deaths"), an ordinal of something else ("30th
anniversary"), a number in a URL (links are `ref`, skipped), a month alone ("in May": its year is
the story's, not the text's; "May" and "март" are words too), a numeric date ("06/01": day or month
first?), a century ("XXI secolo"), a decade ("the 1990s"), a relative date ("last summer").

The pass leaves existing dates alone (the datelines and the quoted posts' dates the converter makes,
and its own from an earlier run), links, names (a date is never inside a name), the citations of
posts (`bibl`) and lists of links (labels, titles and URLs), so that running it again changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from lxml import etree

from interlinea.date_languages import Language, language
from interlinea.dates import infer_year
from interlinea.passes.running_text import text_slots, rewrite_running_text
from interlinea.tei import NAMES, NS, XML_ID, XML_LANG, element, local_name, tei

if TYPE_CHECKING:
    from interlinea.manifest import TextEntry
    from interlinea.passes import PassContext

SKIP = frozenset({"date", "ref", "bibl", "list", *NAMES})

# A number that stands alone: not glued to a word, another number, a decimal or thousands separator,
# a currency sign, a path or a handle.
_ALONE = r"(?<![\w.,/:\-–$€£¥#+@])"
_NOT_CONTINUED = r"(?![.,/\-–]\d)"
_CERTAINTY_ORDER = {"medium": 1, "low": 0}


@dataclass(frozen=True)
class Core:
    """A date expression before its context is read: a day (with or without its year), a month of a
    year, or a four-digit number that may be a year."""

    start: int
    end: int
    kind: str  # "day", "month" or "year"
    year: int | None
    month: int | None = None
    day: int | None = None
    marked: bool = False  # a year with its mark ("2020 г.")


@dataclass(frozen=True)
class Value:
    """A date's ISO value, and how sure it is when its year was inferred (None: written)."""

    iso: str
    cert: str | None = None


@dataclass(frozen=True)
class Found:
    """A date found in a text: characters start:end and the attributes of its <date>."""

    start: int
    end: int
    attributes: tuple[tuple[str, str], ...]

    @property
    def attrs(self) -> dict[str, str]:
        return dict(self.attributes)


# -- the grammar of one language -----------------------------------------------------------------------


def _word_pattern(word: str) -> str:
    """A listed word as a pattern: any white space between its words; a final apostrophe either
    apostrophe."""
    parts = [re.escape(part) for part in word.split()]
    pattern = r"\s+".join(parts)
    return pattern[:-1] + "['’]" if word.endswith("'") else pattern


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(_word_pattern(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _canonical(word: str) -> str:
    return " ".join(word.replace("’", "'").lower().split())


class Grammar:
    """The compiled patterns of one language."""

    def __init__(self, lang: Language):
        self.lang = lang
        words = lang.words
        wide = [name for name in lang.months if name not in lang.abbreviations]
        months = "|".join(re.escape(n) for n in sorted(wide, key=lambda n: (-len(n), n)))
        abbreviations = "|".join(re.escape(n) for n in sorted(lang.abbreviations, key=lambda n: (-len(n), n)))
        month_names = f"(?:{months})" + (f"|(?:{abbreviations})\\.?" if abbreviations else "")
        suffixes = f"(?:{'|'.join(re.escape(s) for s in lang.day_suffixes)})?" if lang.day_suffixes else ""
        links = f"(?:\\s+(?:{_alternatives(lang.links)}))?" if lang.links else ""
        year_marks = _alternatives(lang.year_marks)

        def day(p: str) -> str:
            return rf"{_ALONE}(?P<{p}d>3[01]|[12]\d|0?[1-9])(?!\d){suffixes}"

        def month(p: str) -> str:
            return rf"(?<!\w)(?P<{p}m>{month_names})(?!\w)"

        def year(p: str) -> str:
            mark = rf"(?P<{p}k>\s?(?:{year_marks}))?" if year_marks else ""
            return rf"{_ALONE}(?P<{p}y>[12]\d{{3}})(?!\d){_NOT_CONTINUED}{mark}(?!\w)(?!\s?%)"

        year_link = f"(?:(?:{_alternatives(lang.links)})\\s+)?" if lang.links else ""
        forms = [
            # day month [year]: "2 gennaio 2022", "2nd of January", "5. Januar", "5 de enero de 2022"
            rf"{day('a')}{links}\s+{month('a')}(?:,?\s+{year_link}{year('a')})?",
            # month day [year]: "January 10, 2022", "January 2"
            rf"{month('b')}\s+{day('b')}(?!\w){_NOT_CONTINUED}(?:,?\s+{year('b')})?",
            # month year: "December 2011", "декември 2011 г."
            rf"{month('c')},?\s+{year_link}{year('c')}",
            # a four-digit number, a year if its context says so
            year("d"),
        ]
        self.cores = re.compile("|".join(f"(?:{form})" for form in forms))
        before = [*words.years, *words.since, *words.until, *(r[0] for r in words.ranges),
                  *(b[0] for b in words.between)]
        self.before = (
            re.compile(
                "(?<!\\w)(?P<w>" + "|".join(
                    _word_pattern(w) + ("" if w.endswith("'") else r"\s+")
                    for w in sorted(set(before), key=lambda w: (-len(w), w))
                ) + ")$",
                re.IGNORECASE,
            )
            if before else None
        )
        self.years = {_canonical(w) for w in words.years}
        self.since = {_canonical(w) for w in words.since}
        self.until = {_canonical(w) for w in words.until}
        self.ranges = [(_canonical(a), b) for a, b in words.ranges]
        self.between = [(_canonical(a), b) for a, b in words.between]
        listed = [w for w in words.lists if w != ","]
        self.lists = re.compile(
            r"\s*,\s*" + (rf"|,?\s+(?:{_alternatives(listed)})\s+" if listed else ""), re.IGNORECASE
        )

    def core_of(self, match: re.Match[str]) -> Core | None:
        groups = match.groupdict()
        for p, kind in (("a", "day"), ("b", "day"), ("c", "month"), ("d", "year")):
            if groups.get(f"{p}y") is None and groups.get(f"{p}d") is None and groups.get(f"{p}m") is None:
                continue
            year = int(groups[f"{p}y"]) if groups.get(f"{p}y") else None
            marked = bool(groups.get(f"{p}k"))
            if kind == "year":
                return Core(match.start(), match.end(), kind, year, marked=marked)
            name = groups[f"{p}m"].rstrip(".")
            if name in self.lang.abbreviations and year is None:
                return None  # "Gen 2", "Mar 3": an abbreviation is a month only with its year
            month = self.lang.months[name]
            day = int(groups[f"{p}d"]) if kind == "day" else None
            if year is not None:
                try:
                    date(year, month, day or 1)
                except ValueError:  # "31 February 2022"
                    return None
            return Core(match.start(), match.end(), kind, year, month, day, marked)
        return None

    def word_before(self, text: str, start: int) -> tuple[str, int] | None:
        """The listed word right before `start`, and where it begins."""
        if self.before is None:
            return None
        # The longest listed word is a few words long: a short window keeps this linear. The
        # lookbehind sees the text before the window too, so a word is never cut at its start.
        match = self.before.search(text, max(0, start - 40), start)
        return (_canonical(match["w"]), match.start()) if match else None


@cache
def grammar(tag: str) -> Grammar | None:
    lang = language(tag)
    return Grammar(lang) if lang is not None and lang.months else None


# -- finding the dates of a text --------------------------------------------------------------------------


def _value(core: Core, reference: str | None) -> Value | None:
    if core.kind == "year":
        return Value(f"{core.year:04d}")
    if core.kind == "month":
        return Value(f"{core.year:04d}-{core.month:02d}")
    if core.year is not None:
        return Value(date(core.year, core.month, core.day).isoformat())
    inferred = infer_year(core.month, core.day, reference)
    if inferred is None:
        return None
    day, cert = inferred
    return Value(day.isoformat(), cert)


def _attributes(pairs: list[tuple[str, Value]]) -> tuple[tuple[str, str], ...]:
    attributes = [(name, value.iso) for name, value in pairs]
    certs = [value.cert for _name, value in pairs if value.cert]
    if certs:
        attributes += [("cert", min(certs, key=_CERTAINTY_ORDER.__getitem__)), ("evidence", "conjecture")]
    return tuple(attributes)


def _ordered(first: Value, second: Value) -> bool:
    a, b = first.iso, second.iso
    return a < b if len(a) == len(b) else a[: min(len(a), len(b))] <= b[: min(len(a), len(b))]


def _period(rules: Grammar, text: str, word: str, word_start: int, core: Core, value: Value,
            following: Core, reference: str | None) -> Found | None:
    """"from X to Y" or "between X and Y", when `word` opens one and `following` closes it. Two
    four-digit numbers make one only if both are years in order ("from 2000 to 1500" is not)."""
    pairs = [(second, ("from", "to")) for first, second in rules.ranges if first == word]
    pairs += [(second, ("notBefore", "notAfter")) for first, second in rules.between if first == word]
    joint = text[core.end:following.start]
    for second, (opening, closing) in pairs:
        pattern = r"\s+" + _word_pattern(second) + ("" if second.endswith("'") else r"\s+")
        if not re.fullmatch(pattern, joint, re.IGNORECASE):
            continue
        other = _value(following, reference)
        bare = any(c.kind == "year" and not c.marked for c in (core, following))
        if other is None or (bare and core.kind != following.kind) or not _ordered(value, other):
            return None
        return Found(word_start, following.end, _attributes([(opening, value), (closing, other)]))
    return None


def find_dates(text: str, lang: str, reference: str | None = None) -> list[Found]:
    """The dates in `text`, written in language `lang` (a BCP 47 tag) by a text dated `reference`
    (ISO 8601, or None: days without a year are then left out), in order, not overlapping."""
    rules = grammar(lang)
    if rules is None:
        return []
    cores = [core for match in rules.cores.finditer(text) if (core := rules.core_of(match))]
    found: list[Found] = []
    last_year: Core | None = None  # a year just tagged, which a listed year may follow
    index = 0
    while index < len(cores):
        core = cores[index]
        index += 1
        value = _value(core, reference)
        if value is None:
            continue
        word, word_start = rules.word_before(text, core.start) or (None, core.start)
        if word is not None and index < len(cores):
            period = _period(rules, text, word, word_start, core, value, cores[index], reference)
            if period is not None:
                found.append(period)
                index += 1
                last_year = None
                continue
        listed = last_year is not None and rules.lists.fullmatch(text, last_year.end, core.start) is not None
        if core.kind == "year" and not core.marked and not listed:
            if not (word in rules.years or word in rules.since or word in rules.until):
                last_year = None
                continue
        if word in rules.since:
            found.append(Found(word_start, core.end, _attributes([("from", value)])))
        elif word in rules.until:
            found.append(Found(word_start, core.end, _attributes([("to", value)])))
        else:
            found.append(Found(core.start, core.end, _attributes([("when", value)])))
        last_year = core if core.kind == "year" and found[-1].start == core.start else None
    return found


# -- the pass ------------------------------------------------------------------------------------------------


def _date_element(text: str, found: Found) -> etree._Element:
    return element("date", text, **found.attrs)


def _references(root: etree._Element, entry: "TextEntry | None") -> tuple[dict[str, str], str | None]:
    """The date of each work (by xml:id) and of the whole text, to infer the years texts leave out."""
    works: dict[str, str] = {}
    for bibl in root.iterfind("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type='original']", NS):
        when = bibl.find("tei:date", NS)
        target = (bibl.get("corresp") or "").lstrip("#")
        if when is not None and when.get("when") and target:
            works[target] = when.get("when")
    if entry is not None:
        for div in root.iterfind("tei:text/tei:body/tei:div[@type='work']", NS):
            number = div.get("n")
            manifest_works = entry.works
            if div.get(XML_ID) not in works and number and number.isdigit() and int(number) <= len(manifest_works):
                original = manifest_works[int(number) - 1].original
                if original is not None and original.date:
                    works[div.get(XML_ID)] = original.date
    creation = root.find("tei:teiHeader/tei:profileDesc/tei:creation/tei:date", NS)
    text_date = creation.get("when") if creation is not None else None
    return works, text_date or (entry.date if entry is not None else None)


def _where(node: etree._Element, works: dict[str, str], text_date: str | None) -> tuple[str | None, str | None]:
    """The language of a node (its xml:lang or its nearest ancestor's) and the date of its work."""
    lang = reference = None
    seen_work = False
    for ancestor in (node, *node.iterancestors()):
        if lang is None:
            lang = ancestor.get(XML_LANG)
        if not seen_work and local_name(ancestor) == "div" and ancestor.get("type") == "work":
            seen_work = True
            reference = works.get(ancestor.get(XML_ID) or "")
    return lang, reference or text_date


def apply(tree: etree._ElementTree, context: "PassContext") -> None:
    root = tree.getroot()
    body = root.find(tei("text"))
    if body is None:
        return
    works, text_date = _references(root, getattr(context, "entry", None))
    # rewrite_running_text visits the same text nodes in the same order and hands the finder only
    # the characters; the queue says where each one is (its language and its work's date).
    places = iter(list(text_slots(body, SKIP)))

    def dates(value: str) -> list[tuple[int, int, etree._Element]]:
        parent, after = next(places)
        assert value == (parent.text if after is None else after.tail), "text nodes visited out of order"
        lang, reference = _where(parent, works, text_date)
        if lang is None:
            return []
        return [(f.start, f.end, _date_element(value[f.start:f.end], f)) for f in find_dates(value, lang, reference)]

    rewrite_running_text(tree, SKIP, dates)
