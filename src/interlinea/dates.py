"""Recognising calendar dates written out in the languages of the corpus, and normalising them to ISO 8601;
checking ISO dates; and the year of a day written without one, from the date of the text that names it
(`infer_year`, used by the dates pass, `interlinea.passes.dates`)."""

from __future__ import annotations

import calendar
import re
from datetime import date

MONTHS: dict[str, int] = {}
for _names in (
    "january february march april may june july august september october november december",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "януари февруари март април май юни юли август септември октомври ноември декември",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
):
    for _number, _name in enumerate(_names.split(), start=1):
        MONTHS.setdefault(_name, _number)
for _name, _number in list(MONTHS.items()):
    if len(_name) > 3 and _name.isascii():
        MONTHS.setdefault(_name[:3], _number)  # "Jan", "gen", "Sept" style abbreviations
MONTHS.setdefault("sept", 9)

_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|°|º)?"
_YEAR = r"(?P<year>\d{4})(?:\s*(?:г\.?|года?))?"
_PATTERNS = [
    re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$", re.IGNORECASE),  # January 10, 2022
    re.compile(rf"^{_DAY}\s+{_MONTH},?\s+{_YEAR}$", re.IGNORECASE),  # 10 January 2022, 2 gennaio 2022
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"),  # 2022-01-10
]


def parse_date(text: str) -> str | None:
    """The ISO date (`YYYY-MM-DD`) of a text that is exactly one written-out date, else None."""
    candidate = text.strip().rstrip(".")
    for pattern in _PATTERNS:
        match = pattern.match(candidate)
        if not match:
            continue
        month = match["month"]
        number = int(month) if month.isdigit() else MONTHS.get(month.lower())
        if number is None:
            continue
        try:
            return date(int(match["year"]), number, int(match["day"])).isoformat()
        except ValueError:
            return None
    return None


# A value written as a date, right or wrong: year, month, day (one or two digits for month and day)
DATE_LIKE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?$")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def looks_like_date(value: str) -> bool:
    """Whether `value` is written as a date (`2022-13-45`, `2024-1-5`), real or not."""
    return bool(DATE_LIKE.match(value))


def date_problem(value: str) -> str | None:
    """None when `value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real year, month or calendar
    day; else which part is wrong, for a user: "month 13 is not 1–12", "day 30 is not in February
    2022 (1–28)", "write the month and the day with two digits: 2024-01-05"."""
    match = DATE_LIKE.match(value)
    if not match:
        return "not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    problems = []
    if year == 0:
        problems.append("year 0000 is not 0001–9999")
    if month is not None and not 1 <= month <= 12:
        problems.append(f"month {month} is not 1–12")
        if day is not None and not 1 <= day <= 31:
            problems.append(f"day {day} is not 1–31")
    elif day is not None:
        last = calendar.monthrange(year or 2000, month)[1]
        if not 1 <= day <= last:
            problems.append(f"day {day} is not in {MONTH_NAMES[month - 1]} {match['year']} (1–{last})")
    if problems:
        return ", and ".join(problems)
    if len(match["month"] or "mm") == 1 or len(match["day"] or "dd") == 1:
        two_digits = "-".join([match["year"], f"{month:02d}"] + ([f"{day:02d}"] if day is not None else []))
        short = [name for name, part in (("month", match["month"]), ("day", match["day"])) if part and len(part) == 1]
        what = " and the ".join(short)
        return f"write the {what} with two digits: {two_digits}"
    return None


def is_iso_date(value: str) -> bool:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the forms TEI's @when accepts that the manifest uses), naming
    a real calendar day: `2022-02-30` is not a date."""
    return date_problem(value) is None


# -- the year of a day written without one ---------------------------------------------------------

# How far after the text's own date a day may lie and still be read in the same year: an event the
# text announces ("the strike on 12 January" in a text of 10 January). Beyond it, the day is read as
# past, in the year before ("on 5 December" in a text of January 2022 is 5 December 2021).
FORWARD_DAYS = 31


def reference_day(reference: str) -> date | None:
    """The last day a text dated `reference` (`YYYY-MM-DD` or `YYYY-MM`) can have been written on:
    that day, or the last day of that month (the text was written some day in it). None for a year
    alone or a value that is not such a date."""
    match = DATE_LIKE.match(reference or "")
    if not match or match["month"] is None or date_problem(reference):
        return None
    year, month = int(match["year"]), int(match["month"])
    if match["day"] is not None:
        return date(year, month, int(match["day"]))
    return date(year, month, calendar.monthrange(year, month)[1])


def infer_year(month: int, day: int, reference: str | None) -> tuple[date, str] | None:
    """The calendar day that "`day` `month`", written without a year, most likely names in a text
    dated `reference` (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), and how sure that is (TEI's @cert).

    A text speaks mostly of what has happened: the day is the last such day on or before the text's
    date ("2 January" in a text of 10 January 2022: 2022-01-02, "medium"); a day at most
    FORWARD_DAYS after it is an announcement in the same year ("low": it could be a year earlier); a
    later one lies in the year before ("5 December" in a text of January 2022: 2021-12-05,
    "medium"). A text dated by its month only is taken at the month's last day. A text dated by its
    year only gives that year, "low". None without a reference, or when the day does not exist in
    the year found (29 February).
    """
    if not reference:
        return None
    last = reference_day(reference)
    try:
        if last is None:
            match = DATE_LIKE.match(reference)
            if not match or date_problem(reference):
                return None
            return date(int(match["year"]), month, day), "low"
        same_year = date(last.year, month, day)
        if same_year <= last:
            return same_year, "medium"
        if (same_year - last).days <= FORWARD_DAYS:
            return same_year, "low"
        return date(last.year - 1, month, day), "medium"
    except ValueError:  # 29 February in a common year, 31 April
        return None
