"""Signals of a block's role that do not depend on the language: how it ends, how long it is against
the text's other blocks, whether it is numbered (in any digits) and in a series of like-numbered
lines, whether it is one of a run of short lines, whether it holds a date.

Every function here looks at characters and layout only. The one piece of language data used is
CLDR's (through Babel): the month and weekday names and the date patterns of a language
(`find_date`), never a list of words kept here. See `interlinea.dates`/`date_languages` for how the
rest of the converter reads dates.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from interlinea.patterns import TERMINAL

# Sentence-final characters of other scripts (Unicode's Sentence_Terminal property, the members
# used by living scripts): Arabic full stop and question mark, Devanagari danda, Armenian full stop,
# Ethiopic, Myanmar, CJK full stops and full-width marks, Tibetan shad, Georgian paragraph separator.
SENTENCE_TERMINALS = set("۔؟।॥։።፧၊။。．！？｡།჻܀܁܂")
TERMINAL_ANY = TERMINAL | SENTENCE_TERMINALS
# What a line that a sentence continues ends with: commas (Latin, Arabic, CJK, Ethiopic) and dashes.
CONTINUING = set(",،、，፣;؛-–—")

_ROMAN = re.compile(r"^(?=[IVXLCDM]+$)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# Han numerals, as written in "第一条", "第十二章" (CJK ideographs with a numeric value).
_HAN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}


def last_char(text: str) -> str:
    """The last character that is not a closing quotation mark, bracket or space."""
    stripped = text.rstrip()
    return stripped[-1] if stripped else ""


def ends_sentence(text: str) -> bool:
    return last_char(text) in TERMINAL_ANY


def ends_continuing(text: str) -> bool:
    return last_char(text) in CONTINUING


def has_case(text: str) -> bool:
    """Whether the script of `text` distinguishes upper and lower case (Latin, Greek, Cyrillic,
    Armenian, Georgian Mtavruli aside: any letter that has another case)."""
    return any(ch.isalpha() and (ch.lower() != ch.upper()) for ch in text)


def first_letter(text: str) -> str:
    return next((ch for ch in text if ch.isalpha()), "")


def starts_lower(text: str) -> bool:
    """The block begins in lower case, in a script that has case: it continues a sentence."""
    letter = first_letter(text)
    return bool(letter) and letter.islower() and letter.upper() != letter


def _han_value(token: str) -> int | None:
    if not token or any(ch not in _HAN_DIGITS and ch not in _HAN_UNITS for ch in token):
        return None
    total, digit = 0, None
    for ch in token:
        if ch in _HAN_DIGITS:
            digit = _HAN_DIGITS[ch]
        else:
            total += (digit if digit is not None else 1) * _HAN_UNITS[ch]
            digit = None
    return total + (digit or 0)


def _roman_value(token: str) -> int:
    values = [_ROMAN_VALUES[ch] for ch in token]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


_TOKEN = re.compile(r"\d+|[〇零一二三四五六七八九十百千]+|\b[IVXLCDM]+\b")


@dataclass(frozen=True)
class Numbered:
    """A short line made of a number and at most a few words: "Article 1.", "Člen 1", "第一条",
    "مادة ١", "अनुच्छेद १"; `template` is the line with the number replaced by '#', case folded."""

    template: str
    value: int


def numbered(text: str, max_words: int = 3, max_chars: int = 40) -> Numbered | None:
    """The line as a numbered label, or None. The number may be in any decimal digits (Unicode's
    decimal property: Arabic-Indic, Devanagari, Thai…), Roman numerals or Han numerals."""
    text = text.strip()
    if not text or len(text) > max_chars:
        return None
    numbers = list(_TOKEN.finditer(text))
    if len(numbers) != 1:
        return None
    token = numbers[0].group()
    if token.isdigit():
        value = int("".join(str(unicodedata.decimal(ch)) for ch in token))
    elif _ROMAN.match(token):
        value = _roman_value(token)
    else:
        value = _han_value(token)
        if value is None:
            return None
    rest = text[: numbers[0].start()] + " " + text[numbers[0].end():]
    words = [w for w in rest.split() if any(ch.isalnum() for ch in w)]
    if len(words) > max_words or any(any(ch.isdigit() for ch in w) for w in words):
        return None
    template = " ".join((text[: numbers[0].start()] + "#" + text[numbers[0].end():]).casefold().split())
    return Numbered(template, value)


def _loose(template: str) -> str:
    """A template without its punctuation and spaces: "kifungu cha #." and "kifungu cha #" (a
    full stop forgotten), "دفعہ #۔" and "دفعہ # ۔" (a space too many) are one."""
    return "".join(ch for ch in template if ch == "#" or not (ch.isspace() or unicodedata.category(ch).startswith("P")))


def numbered_series(texts: list[str], minimum: int = 3) -> dict[int, str]:
    """The indices of `texts` that belong to a series of numbered labels: at least `minimum` lines
    of one template whose numbers mostly go up by one ("Madde 1", "Madde 2", …), with the template.
    A series found by repetition, not by knowing the word "Madde". A label spelt a little
    differently (a typo: "Kufungu cha 7." among "Kifungu cha N.") joins the series when its number
    is the one the series expects there."""
    labels = {index: label for index, text in enumerate(texts) if (label := numbered(text))}
    groups: dict[str, list[tuple[int, int]]] = {}
    for index, label in labels.items():
        groups.setdefault(_loose(label.template), []).append((index, label.value))
    series: dict[int, str] = {}
    for key, members in groups.items():
        if len(members) < minimum:
            continue
        steps = [b[1] - a[1] for a, b in zip(members, members[1:])]
        if sum(1 for step in steps if step == 1) * 2 < len(steps):
            continue
        template = labels[members[0][0]].template
        for index, _ in members:
            series[index] = template
        # Labels of another spelling that fill a gap of the series, at the place and with the number expected.
        for (before, value_before), (after, value_after) in zip(members, members[1:]):
            for index in range(before + 1, after):
                label = labels.get(index)
                if (
                    label is not None
                    and index not in series
                    and value_before < label.value < value_after
                    and SequenceMatcher(None, _loose(label.template), key).ratio() >= 0.75
                ):
                    series[index] = template
    return series


# -- navigation ----------------------------------------------------------------------------------

_GLUE = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])")  # menu items glued together: "HomeNewsWorld"
_BARS = re.compile(r"\s[|»›>/·]\s")


def navigation_segments(text: str) -> list[str] | None:
    """The menu items of a line of site navigation ("HomeNewsWorld", "Home | News | World"), or None
    when the line is not one: at least three items, each at most three words and 25 characters,
    no sentence punctuation at the end. A title that happens to hold "iPhone" or "A / B" is not."""
    if len(text) > 120 or ends_sentence(text):
        return None
    pieces = [p for part in _BARS.split(text) for p in _GLUE.split(part)]
    pieces = [p.strip() for p in pieces if p.strip()]
    if len(pieces) < 3 or any(len(p.split()) > 3 or len(p) > 25 for p in pieces):
        return None
    return pieces


# -- dates ---------------------------------------------------------------------------------------


def ascii_digits(text: str) -> str:
    """`text` with every decimal digit of any script as an ASCII digit (same length, same offsets)."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text)


@dataclass(frozen=True)
class FoundDate:
    """A date in a text: its span, and its value: `iso` for a Gregorian date, else `custom`
    (YYYY-MM-DD in the calendar's own reckoning) and `calendar` ("islamic", "persian")."""

    iso: str | None
    start: int
    end: int
    calendar: str | None = None
    custom: str | None = None


@cache
def _calendars() -> dict:
    import tomllib
    from pathlib import Path

    return tomllib.loads((Path(__file__).with_name("calendars.toml")).read_text(encoding="utf-8"))


def calendar_label(name: str) -> str:
    """What calendars.toml calls a calendar ("islamic": "Hijri (Islamic) calendar")."""
    return _calendars().get(name, {}).get("name", name)


@cache
def _calendar_patterns() -> tuple[tuple[str, re.Pattern, dict[str, int]], ...]:
    """The other calendars of calendars.toml, as (name, pattern, month name → number)."""
    data = _calendars()
    built = []
    for name, table in sorted(data.items()):
        months = {form: number for number, forms in enumerate(table["months"], start=1) for form in forms}
        era = _alternation(table["era"])
        pattern = re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?P<mn>{_alternation(months)})\s*(?P<y>\d{{3,4}})(?!\d)(?:\s*(?:{era})(?!\w))?"
        )
        built.append((name, pattern, months))
    return tuple(built)


def find_other_calendar_dates(text: str) -> list[FoundDate]:
    """Dates of the calendars in calendars.toml (Hijri, Solar Hijri), digits of any script."""
    digits = ascii_digits(text)
    found = []
    for name, pattern, months in _calendar_patterns():
        for match in pattern.finditer(digits):
            custom = f"{int(match['y']):04d}-{months[match['mn']]:02d}-{int(match['d']):02d}"
            if 1 <= int(match["d"]) <= 31:
                found.append(FoundDate(None, match.start(), match.end(), calendar=name, custom=custom))
    return found


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True) if n)


@cache
def _date_patterns(tag: str) -> tuple[tuple[re.Pattern, dict[str, int]], ...]:
    """Regular expressions for the dates of a language, made from CLDR's date formats (full, long,
    medium, short) and month and weekday names, through Babel."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_date_format, get_day_names, get_month_names, tokenize_pattern

    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        try:
            locale = Locale.parse(tag.split("-")[0])
        except (UnknownLocaleError, ValueError):
            return ()
    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale).items():
                name = name.rstrip(".")
                # a short abbreviation ("Ma") is too weak a signal; wide names are taken as they are
                if (width == "wide" or len(name) >= 3) and not any(c.isdigit() for c in name):
                    months.setdefault(name.lower(), number)
    days = [n for w in ("wide", "abbreviated") for n in get_day_names(w, "format", locale).values()]
    built = []
    patterns = [get_date_format(width, locale=locale).pattern for width in ("full", "long", "medium", "short")]
    # The orders of day, month name and year that any language may use besides its CLDR default
    # ("12 May 2025" in a text whose locale writes "May 12, 2025"): orders, not words.
    patterns += ["d MMMM y", "MMMM d, y", "y MMMM d"]
    for pattern in dict.fromkeys(patterns):
        regex = []
        fields = set()
        names = False
        weekday_open = False  # a weekday and the punctuation after it are optional together
        for kind, value in tokenize_pattern(pattern):
            if kind == "chars":
                literal = value.strip()
                regex.append(r"\s*" + (re.escape(literal) + r"\s*" if literal else ""))
                if weekday_open:
                    regex.append(")?")
                    weekday_open = False
                continue
            if weekday_open:
                regex.append(")?")
                weekday_open = False
            letter, size = value
            if letter == "d":
                regex.append(r"(?P<d>\d{1,2})"); fields.add("d")
            elif letter in "ML" and size <= 2:
                regex.append(r"(?P<m>\d{1,2})"); fields.add("m")
            elif letter in "ML":
                regex.append(rf"(?P<mn>{_alternation(months)})\.?"); fields.add("m"); names = True
            elif letter in "yY":
                regex.append(r"(?P<y>\d{4})"); fields.add("y")
            elif letter in "Ec":
                regex.append(rf"(?:(?:{_alternation(days)})")
                weekday_open = True
            else:
                regex.append(r"\S*")
        if weekday_open:
            regex.append(")?")
        if fields >= {"d", "m", "y"} and (months or not names):
            built.append((re.compile(r"(?<!\d)" + "".join(regex) + r"(?!\d)", re.IGNORECASE), months))
    return tuple(built)


_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")


def find_date(text: str, lang: str | None) -> FoundDate | None:
    """The first calendar date written out in `text` in language `lang` (CLDR's patterns and month
    names; digits of any script), or an ISO date; None if there is none or it names no real day."""
    from datetime import date

    digits = ascii_digits(text)
    candidates = [(_ISO, {})]
    if lang:
        candidates = list(_date_patterns(lang)) + candidates
    for pattern, months in candidates:
        match = pattern.search(digits)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["m"]) if groups.get("m") else months.get((groups.get("mn") or "").lower())
        if month is None:
            continue
        try:
            iso = date(int(groups["y"]), month, int(groups["d"])).isoformat()
        except ValueError:
            continue
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return FoundDate(iso, start, end)
    return None


_YEAR_LIKE = re.compile(r"(?<!\d)\d{4}(?!\d)")


@cache
def _all_languages() -> tuple[str, ...]:
    """Every language CLDR (Babel) describes, without territory variants."""
    from babel.localedata import locale_identifiers

    return tuple(sorted(tag for tag in locale_identifiers() if "_" not in tag and tag != "root"))


def find_date_any(text: str, lang: str | None) -> FoundDate | None:
    """`find_date` in the text's language when it is known; when it is not, in every language CLDR
    knows, accepted only when all the languages that read a date there read the same day (a month
    name such as "listopad" is November in Polish and Czech but October in Croatian: no date)."""
    digits = ascii_digits(text)
    if not _YEAR_LIKE.search(digits):
        return None
    if lang:
        return find_date(text, lang)
    found = {}
    for tag in _all_languages():
        date = find_date(text, tag)
        if date is not None:
            found.setdefault((date.iso, date.start, date.end), date)
    if len(found) == 1:
        return next(iter(found.values()))
    days = {key[0] for key in found}
    if len(days) == 1:  # the same day read with more or fewer words around it: the widest reading
        return max(found.values(), key=lambda d: d.end - d.start)
    return None


def find_dates(text: str, lang: str | None) -> list[FoundDate]:
    """The dates written in `text`: a Gregorian one (`find_date_any`) and those of other
    calendars, in order, none overlapping another."""
    found = find_other_calendar_dates(text)
    gregorian = find_date_any(text, lang)
    if gregorian is not None and not any(d.start < gregorian.end and gregorian.start < d.end for d in found):
        found.append(gregorian)
    return sorted(found, key=lambda d: d.start)
