"""How each language writes a date: the month names from CLDR, and a small table of the words around
dates that CLDR does not hold.

**Month names and the shape of a long date come from CLDR, through Babel.** CLDR (the Unicode
Common Locale Data Repository) is the reference for this data in every language: month names wide
and abbreviated, in the *format* context, which is the genitive where a language has one ("7 января",
"5 stycznia"), and *stand-alone* ("январь"), and the pattern of a long date with its literals ("d
MMMM y 'г'." in Bulgarian, "d. MMMM y" in German, "d 'de' MMMM 'de' y" in Spanish). Babel
(https://babel.pocoo.org) is CLDR for Python: pure Python with the data bundled, so the result is
the same on every machine and needs no network and no installed system locale, unlike `locale` and
`strftime`, which know only the locales of the host (and one at a time). It is already a dependency.
So a language that Babel knows needs nothing here for its written-out dates ("5 de enero de 2022",
"декември 2011 г."): a new language works by its locale code.

**What CLDR does not hold is `WORDS`**, one entry per language (its primary subtag), data and not
code: the prepositions that make a bare four-digit number a year ("in 1956", "nel 1956", "през
1956"), the words that make a date the start or end of a period ("since 2005", "dal 2005") or a span
("between 2005 and 2010"), the suffixes of ordinal day numbers ("2nd", "1°", "1er") and the words that
mark a number as a year ("2020 г."). These lists are never the only signal: a preposition makes a
date only of a four-digit number standing alone (no separator, no decimal, no percent), and a day
number only next to a month name. A word is listed only where it is unambiguous before a number: the
Bulgarian "от" ("from", but also "of": "група от 2000 души") and "до" ("until", but also "up to")
are not since/until words, the German "bis" ("bis 2000 Euro") is not either, and the English "of"
("a total of 2000") licenses no year. A language with no entry still gets its dates with month names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import get_date_format, get_month_names, tokenize_pattern


@dataclass(frozen=True)
class DateWords:
    """The words around dates in one language. Multi-word entries are written with single spaces
    (any white space matches); an entry ending in an apostrophe ("dall'") joins the next word
    without a space, and matches both ' and ’. Matched without regard to case."""

    # Right before a four-digit number, make it a year; they stay outside the date: "in 1956".
    years: tuple[str, ...] = ()
    # Right before a date, make it the start of a period (@from), and are part of it: "since 2005".
    # They also make a four-digit number a year, so only unambiguous words are listed.
    since: tuple[str, ...] = ()
    # The same for the end of a period (@to): "until 2010".
    until: tuple[str, ...] = ()
    # "from X to Y": a period (@from, @to). Between two four-digit numbers only when the first is
    # smaller than the second.
    ranges: tuple[tuple[str, str], ...] = ()
    # "between X and Y": a span that an event falls in (@notBefore, @notAfter). Same condition.
    between: tuple[tuple[str, str], ...] = ()
    # What joins a year to the year before it ("in 1848 and 1956"): the second is a year too.
    lists: tuple[str, ...] = ()
    # After a number, say it is a year, and are part of the date: "2020 г.", "1956 года".
    year_marks: tuple[str, ...] = ()
    # Suffixes of an ordinal day number: "2nd January", "1° gennaio", "1er janvier".
    ordinals: tuple[str, ...] = ()
    # Between the day and the month: "the 2nd of January".
    links: tuple[str, ...] = ()


# The documented per-language data. Keys are primary language subtags (BCP 47).
WORDS: dict[str, DateWords] = {
    "en": DateWords(
        years=("in", "during", "in the year"),
        since=("since",),
        until=("until", "till"),
        ranges=(("from", "to"), ("from", "until"), ("from", "till")),
        between=(("between", "and"),),
        lists=("and", "or", ","),
        ordinals=("st", "nd", "rd", "th"),
        links=("of",),
    ),
    "it": DateWords(
        # "del": "le proteste del 2020"; "il" alone is not listed ("il 2000 per cento").
        years=("nel", "del", "durante il", "entro il", "prima del", "dopo il", "nell'anno"),
        since=("a partire dal", "a partire dall'", "sin dal", "fin dal", "dal", "dall'"),
        until=("fino al", "fino all'"),
        ranges=(("dal", "al"), ("dal", "all'"), ("dall'", "al"), ("dall'", "all'")),
        between=(("tra il", "e il"), ("fra il", "e il"), ("tra il", "e l'"), ("fra il", "e l'")),
        lists=("e", "o", ","),
        ordinals=("°", "º"),
    ),
    "bg": DateWords(
        years=("през",),
        since=("считано от",),
        ranges=(("от", "до"),),
        between=(("между", "и"),),
        lists=("и", "или", ","),
        year_marks=("г.", "година", "годината"),
        ordinals=("-ви", "-ри", "-ти", "-ми"),
    ),
    "ru": DateWords(
        # "с" is "since" but also "with" ("с 2000 человек"): a year needs its mark ("с 2005 года").
        since=("начиная с",),
        ranges=(("с", "по"),),
        between=(("между", "и"),),
        lists=("и", "или", ","),
        year_marks=("г.", "год", "года", "году"),
        ordinals=("-го", "-е"),
    ),
    "de": DateWords(
        # German writes a year without a preposition ("1956 wurde …"): only "im Jahr" licenses one.
        years=("im Jahr", "im Jahre", "anno"),
        since=("seit",),
        ranges=(("von", "bis"),),
        between=(("zwischen", "und"),),
        lists=("und", "oder", ","),
    ),
    "fr": DateWords(
        years=("en", "en l'an"),
        since=("depuis", "dès"),
        until=("jusqu'en",),
        ranges=(("de", "à"),),
        between=(("entre", "et"),),
        lists=("et", "ou", ","),
        ordinals=("er", "re"),
    ),
}


@dataclass(frozen=True)
class Language:
    """Everything the dates pass knows about one language."""

    code: str
    # Every month name as it is written (CLDR's case, and with a capital initial) → its number.
    months: dict[str, int]
    # The names among them that are only abbreviations ("Jan", "gen", "дек"): a date needs a year
    # with them, since "Gen 2" or "Mar 3" are not safe.
    abbreviations: frozenset[str]
    words: DateWords
    # CLDR's literals of the long date, merged with the table's: "." after the day (de), "de"
    # between the parts (es), "г." after the year (bg).
    day_suffixes: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    year_marks: tuple[str, ...] = field(default=())


def _babel_locale(tag: str) -> Locale | None:
    for candidate in (tag.replace("-", "_"), tag.split("-")[0]):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return None


def _capitalised(name: str) -> set[str]:
    return {name, name[:1].upper() + name[1:]}


def _long_date_literals(locale: Locale) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """From CLDR's long date pattern: what follows the day number before the month ("." in German
    "d. MMMM y"), the words between the parts ("de" in Spanish "d 'de' MMMM 'de' y"), and the word
    after the year ("г." in Bulgarian "d MMMM y 'г'.")."""
    tokens = tokenize_pattern(get_date_format("long", locale=locale).pattern)
    fields = [(index, value[0]) for index, (kind, value) in enumerate(tokens) if kind == "field"]
    day_suffixes: list[str] = []
    links: list[str] = []
    year_marks: list[str] = []
    for index, (kind, value) in enumerate(tokens):
        chars = value.strip() if kind == "chars" else ""
        if not chars:
            continue
        before = next((f for i, f in reversed(fields) if i < index), None)
        after = next((f for i, f in fields if i > index), None)
        if not any(c.isalpha() for c in chars):
            if before == "d" and after == "M":
                day_suffixes.append(chars)
        elif after is None:
            if before == "y":
                year_marks.append(chars)
        elif before is not None:
            links.append(chars)
    return tuple(day_suffixes), tuple(links), tuple(year_marks)


@cache
def language(tag: str) -> Language | None:
    """The date data of a language (a BCP 47 tag: "it", "en-GB", "sr-Latn"), or None when CLDR does
    not know it."""
    locale = _babel_locale(tag)
    if locale is None:
        return None
    words = WORDS.get(tag.split("-")[0].lower(), DateWords())
    wide: dict[str, int] = {}
    abbreviated: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in get_month_names("wide", context, locale).items():
            if any(c.isdigit() for c in name):  # "1月": months written as numbers are not names
                continue
            for form in _capitalised(name):
                wide.setdefault(form, number)
        for number, name in get_month_names("abbreviated", context, locale).items():
            name = name.rstrip(".")
            # a one- or two-letter abbreviation is too short to be a signal
            if len(name) >= 3 and not any(c.isdigit() for c in name):
                for form in _capitalised(name):
                    abbreviated.setdefault(form, number)
    months = {**abbreviated, **wide}
    day_suffixes, links, marks = _long_date_literals(locale)
    return Language(
        code=tag,
        months=months,
        abbreviations=frozenset(name for name in abbreviated if name not in wide),
        words=words,
        day_suffixes=tuple(dict.fromkeys(day_suffixes + words.ordinals)),
        links=tuple(dict.fromkeys(links + words.links)),
        year_marks=tuple(dict.fromkeys(marks + words.year_marks)),
    )
