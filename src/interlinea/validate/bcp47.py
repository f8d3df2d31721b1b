"""Well-formedness of BCP 47 language tags (RFC 5646, section 2.1), as a regular expression."""

from __future__ import annotations

import re

_LANGTAG = r"""
    (?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})
    (?:-(?P<script>[a-z]{4}))?
    (?:-(?P<region>[a-z]{2}|[0-9]{3}))?
    (?P<variants>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)
    (?P<extensions>(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*)
    (?:-x(?:-[a-z0-9]{1,8})+)?
"""
_PRIVATE = r"x(?:-[a-z0-9]{1,8})+"
_GRANDFATHERED = (
    "en-gb-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao|"
    "i-tay|i-tsu|sgn-be-fr|sgn-be-nl|sgn-ch-de|art-lojban|cel-gaulish|no-bok|no-nyn|zh-guoyu|"
    "zh-hakka|zh-min|zh-min-nan|zh-xiang"
)
TAG = re.compile(rf"^(?:{_LANGTAG}|{_PRIVATE}|{_GRANDFATHERED})$", re.IGNORECASE | re.VERBOSE)


def is_well_formed(tag: str) -> bool:
    """Whether `tag` follows the BCP 47 syntax; a variant or extension may not repeat."""
    match = TAG.match(tag)
    if not match:
        return False
    variants = (match.groupdict().get("variants") or "").lower().split("-")[1:]
    return len(variants) == len(set(variants))
