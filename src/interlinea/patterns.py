"""Regular expressions shared by the converter's steps."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Sentence-final and closing characters: a line ending in one of them does not continue.
# "■" and similar marks end articles on web pages.
TERMINAL = set(".!?:;…\"”»’)]■□▪●◆")

# URLs as they appear in running text: with a scheme, or www., or twitter's pic.twitter.com links.
# Trailing punctuation and unbalanced closing brackets are trimmed by `trim_url`.
URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)[^\s<>\"“”‘’«»]+", re.IGNORECASE)

# A whole line that is only a URL.

_TRAILING = ".,;:!?'’"
_PAIRS = {")": "(", "]": "[", "}": "{"}


def trim_url(candidate: str) -> str:
    """Drop trailing sentence punctuation and unbalanced closing brackets from a matched URL.

    The brackets are counted once and the end moved back, rather than counting and slicing again
    for every character dropped, which was quadratic in the length of a run of trailing characters."""
    closing = {bracket: candidate.count(bracket) for bracket in _PAIRS}
    opening = {bracket: candidate.count(opener) for bracket, opener in _PAIRS.items()}
    end = len(candidate)
    while end:
        last = candidate[end - 1]
        if last in _TRAILING:
            end -= 1
        elif last in _PAIRS and closing[last] > opening[last]:
            closing[last] -= 1
            end -= 1
        else:
            break
    return candidate[:end]


def find_urls(text: str) -> list[tuple[int, int, str]]:
    """(start, end, url) for each URL in `text`, trimmed."""
    found = []
    for match in URL.finditer(text):
        url = trim_url(match.group())
        if len(url) > len("https://") or not url.lower().startswith("http"):
            found.append((match.start(), match.start() + len(url), url))
    return found


def url_target(url: str) -> str:
    """An absolute URI for a URL as written (scheme-less forms get https://)."""
    return url if re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE) else f"https://{url}"


def is_url_only(text: str) -> bool:
    urls = find_urls(text)
    return len(urls) == 1 and urls[0][2] == text.strip()


SEPARATOR = re.compile(r"^[\s\-‐‑‒–—―_=*~·•#+]{3,}$")

SOURCE_NOTE = re.compile(
    r"^(?:originale\s+da|original(?:ly)?\s+(?:from|published\s+(?:at|by|on|in))|source\s*:|fonte\s*:|"
    r"източник\s*:|оригинал(?:ът)?\s*:|первоисточник\s*:|источник\s*:)",
    re.IGNORECASE,
)
TRANSLATOR_CREDIT = re.compile(
    r"^(?:traduzione(?:\s+a\s+cura)?\s+di|tradotto\s+da|translated\s+by|translation\s*(?:by|:)|"
    r"превод(?:ът)?\s*(?:от|:)|преведе(?:на|но)?\s+от|перевод\s*(?::|с)|traduit\s+par|übersetzt\s+von)\s",
    re.IGNORECASE,
)

# An embedded social-media post: text, a dash, "Name (@handle)", the date written in English.
SOCIAL_POST = re.compile(
    r"^(?P<post>.+?)\s+(?P<dash>[—–-])\s+(?P<who>[^—–]{1,80}?\(@\w{1,30}\))\s+"
    r"(?P<date>(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4})$"
)

# "Label: https://…" on one line.
LABELLED_URL = re.compile(rf"^(?P<label>[^:]{{1,60}}?)\s*:\s+(?P<url>{URL.pattern})\s*$", re.IGNORECASE)

QUOTED = re.compile(r"^[\"“”«„'‘’](?P<inner>.+)[\"“”»'‘’]$")


# Characters RFC 3986 never allows in a URI (a space, quotes, angle brackets, braces, and so on).
_URL_FORBIDDEN = re.compile(r"[\s<>\"{}|\\^`]")
_URL_HOST = re.compile(r"^(?:[^@/]*@)?(?:[\w-]+(?:\.[\w-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$", re.IGNORECASE)
_PERCENT = re.compile(r"%(?![0-9a-f]{2})", re.IGNORECASE)


def url_problem(url: str) -> str | None:
    """What is wrong with a web address (http, https), or None."""
    forbidden = _URL_FORBIDDEN.search(url)
    if forbidden:
        return f"contains {forbidden.group(0)!r}, which a URL cannot hold (write it percent-encoded)"
    if _PERCENT.search(url):
        return "has a '%' not followed by two hexadecimal digits"
    parts = urlsplit(url)
    if not parts.netloc:
        return "has no host after the scheme (write https://host/path)"
    if not _URL_HOST.match(parts.netloc):
        return f"has a malformed host '{parts.netloc}'"
    return None
