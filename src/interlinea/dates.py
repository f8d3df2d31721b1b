"""Recognising calendar dates written out in the languages of the corpus, and normalising them to ISO 8601."""

from __future__ import annotations

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


ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def is_iso_date(value: str) -> bool:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the forms TEI's @when accepts that the manifest uses)."""
    if not ISO_DATE.match(value):
        return False
    if len(value) == 10:
        try:
            date.fromisoformat(value)
        except ValueError:
            return False
    return True
