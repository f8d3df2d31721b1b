"""BCP 47 language tags (RFC 5646): one place for the manifest and the TEI validator.

A tag is accepted when it is well-formed (section 2.1: the syntax, checked here with a regular
expression, so that `en_GB` or `1en` are refused) and valid (section 2.2.9: its language, extended
language, script, region and variant subtags are in the IANA Language Subtag Registry, and no variant
or extension singleton is repeated). Private-use tags (`x-…`), private-use subtags (`qaa`–`qtz`,
`Qaaa`–`Qabx`, `QM`–`QZ`, `XA`–`XZ`, `ZZ`, which the registry lists as ranges) and grandfathered tags
(`i-klingon`, `zh-min-nan`) are valid. Case does not matter, as in BCP 47.

The registry is the copy bundled with `langcodes`, read on first use (a few milliseconds);
`langcodes.standardize_tag` proposes corrections ('eng' → 'en', 'en-UK' → 'en-GB'), and the
registry's descriptions map a language, script or region name to its code ('french' → 'fr').
`langcodes.tag_is_valid` is not used for the verdict: it normalises `en_GB` to `en-GB` and checks
CLDR's validity data, which accepts subtags the IANA registry does not have (`en-999`).

`problem(tag)` says what is wrong, for a user; `is_valid(tag)` is the yes/no.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import io
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

# RFC 5646, section 2.1 (langtag), case-insensitive. Grandfathered tags and a private-use tag
# alone are recognised separately, from the registry.
_LANGTAG = re.compile(
    r"""
    (?P<language>[a-z]{2,3}|[a-z]{4}|[a-z]{5,8})
    (?P<extlangs>(?:-[a-z]{3}){0,3})
    (?:-(?P<script>[a-z]{4}))?
    (?:-(?P<region>[a-z]{2}|[0-9]{3}))?
    (?P<variants>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)
    (?P<extensions>(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*)
    (?:-x(?:-[a-z0-9]{1,8})+)?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_PRIVATE = re.compile(r"x(?:-[a-z0-9]{1,8})+", re.IGNORECASE)

_KINDS = {
    "language": "language",
    "extlang": "extended language",
    "script": "script",
    "region": "region",
    "variant": "variant",
}
_HOW = {
    "language": "use an ISO 639 code such as 'en', 'it' or 'bg'",
    "extlang": "write the language alone (e.g. 'yue', not 'zh-yue')",
    "script": "use an ISO 15924 code such as 'Latn' or 'Cyrl'",
    "region": "use an ISO 3166 code such as 'GB' or 'US', or a UN M.49 number such as '419'",
    "variant": "remove it, or make it private use after '-x-' (e.g. 'en-x-mine')",
}
_ORDER = "subtags come in the order language-script-region-variants, e.g. 'sr-Latn-RS'"
_SHAPE = (
    "subtags come in the order language-script-region-variants, e.g. 'sr-Latn-RS': a language has "
    "2 or 3 letters, a script 4 letters, a region 2 letters or 3 digits, a variant 5 to 8 characters "
    "or a digit and 3 characters"
)


@dataclass(frozen=True)
class _Registry:
    subtags: dict[str, frozenset[str]]  # type -> lower-case subtags
    ranges: dict[str, tuple[tuple[str, str], ...]]  # type -> private-use ranges, e.g. ("qaa", "qtz")
    private: frozenset[str]  # private-use subtags that are not ranges ('aa' and 'zz', regions)
    tags: frozenset[str]  # grandfathered and redundant tags, lower case

    def has(self, kind: str, subtag: str) -> bool:
        subtag = subtag.lower()
        return subtag in self.subtags.get(kind, ()) or self.in_range(kind, subtag)

    def in_range(self, kind: str, subtag: str) -> bool:
        return any(len(low) == len(subtag) and low <= subtag <= high for low, high in self.ranges.get(kind, ()))


def _langcodes() -> ModuleType:
    """langcodes, imported when a tag is wrong: importing it compiles CLDR data (about 20 ms), which
    checking a valid tag does not need."""
    return importlib.import_module("langcodes")


@functools.cache
def registry_text() -> str:
    """The IANA Language Subtag Registry bundled with langcodes (found without importing it)."""
    spec = importlib.util.find_spec("langcodes")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("interlinea needs the langcodes package: pip install langcodes")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / "data" / "language-subtag-registry.txt").read_text(encoding="utf-8")


@functools.cache
def _registry() -> _Registry:
    subtags: dict[str, set[str]] = {}
    ranges: dict[str, list[tuple[str, str]]] = {}
    tags: set[str] = set()
    private: set[str] = set()
    records = re.findall(r"%%\nType: (\w+)\n(?:Subtag|Tag): ([^\n]+)\nDescription: ([^\n]+)", registry_text())
    for kind, value, description in records:
        value = value.strip().lower()
        if description.startswith("Private use") and ".." not in value:
            private.add(value)
        if kind in ("grandfathered", "redundant"):
            tags.add(value)
        elif ".." in value:
            low, high = value.split("..")
            ranges.setdefault(kind, []).append((low, high))
        else:
            subtags.setdefault(kind, set()).add(value)
    return _Registry(
        subtags={k: frozenset(v) for k, v in subtags.items()},
        ranges={k: tuple(v) for k, v in ranges.items()},
        private=frozenset(private),
        tags=frozenset(tags),
    )


@functools.cache
def registry_records() -> tuple[dict, ...]:
    """The records of the registry, as langcodes' parser reads them (Type, Subtag, Suppress-Script,
    Macrolanguage…), read once."""
    parse_file = importlib.import_module("langcodes.registry_parser").parse_file
    return tuple(parse_file(io.StringIO(registry_text())))


@functools.cache
def _names() -> dict[str, dict[str, str]]:
    """type -> lower-case English name (from the registry's descriptions) -> subtag; shortest,
    non-deprecated subtag first."""
    found: dict[str, dict[str, tuple[tuple[int, int, int], str]]] = {}
    for item in registry_records():
        kind, subtag = item.get("Type"), item.get("Subtag")
        if kind not in ("language", "script", "region") or not subtag or ".." in subtag:
            continue
        for description in item.get("Description", []):
            # 'Latin' names Latn before 'Latin (Fraktur variant)' can name Latf
            for stripped, name in enumerate((description, re.sub(r"\s*\(.*?\)", "", description))):
                rank = (1 if "Deprecated" in item else 0, stripped, len(subtag))
                key = name.strip().lower()
                current = found.setdefault(kind, {}).get(key)
                if key and (current is None or rank < current[0]):
                    found[kind][key] = (rank, subtag)
    return {kind: {name: subtag for name, (_, subtag) in table.items()} for kind, table in found.items()}


def code_for_name(name: str, kinds: tuple[str, ...] = ("language",)) -> str | None:
    """The registered subtag whose English name is `name` ('French' → 'fr', 'Cyrillic' → 'Cyrl'),
    looking in `kinds` in order; None when no registry entry has that name."""
    key = " ".join(name.replace("_", " ").split()).lower()
    if len(key) < 4:  # shorter strings are codes, not names ('En' is the name of 'enc')
        return None
    tables = _names()
    for kind in kinds:
        if key in tables.get(kind, {}):
            return tables[kind][key]
    if "language" in kinds and importlib.util.find_spec("language_data") is not None:
        try:  # other languages' names ('français'), when langcodes has its optional name data
            found = _langcodes().find(name)
        except Exception:  # LookupError: no language has that name
            return None
        tag = str(found)
        return tag if _valid(tag) else None
    return None


def canonical(tag: str) -> str:
    """`tag` in the conventional case of RFC 5646 2.1.1: 'EN-latn-us' → 'en-Latn-US' (subtags after a
    singleton are lower case). Meant for tags that are well-formed."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    after_singleton = len(parts[0]) == 1
    for part in parts[1:]:
        if after_singleton or len(part) == 1:
            after_singleton = True
            out.append(part.lower())
        elif len(part) == 2:
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


def is_valid(tag: str) -> bool:
    """Whether `tag` is a well-formed and valid BCP 47 language tag."""
    return isinstance(tag, str) and _valid(tag)


def problem(tag: str) -> str | None:
    """None when `tag` is a valid BCP 47 language tag; else a short message for a user saying which
    part is wrong and, when it can, the tag meant, e.g. "'french' is not a BCP 47 language tag:
    'french' is not a registered language subtag; use the ISO 639 code, e.g. 'fr'"."""
    if not isinstance(tag, str):
        return f"{tag!r} is not a BCP 47 language tag: expected a string such as 'en'"
    if not tag:
        return "an empty string is not a BCP 47 language tag; write a tag such as 'en', 'bg' or 'sr-Latn'"
    reason = _reason(tag)
    return None if reason is None else f"'{tag}' is not a BCP 47 language tag: {reason}"


@functools.lru_cache(maxsize=4096)
def _analyse(tag: str) -> tuple[bool, tuple[tuple[str, str], ...], tuple[str, ...]]:
    """(well-formed, unregistered subtags as (type, subtag as written), other problems)."""
    registry = _registry()
    if tag.lower() in registry.tags or _PRIVATE.fullmatch(tag):
        return True, (), ()
    match = _LANGTAG.fullmatch(tag)
    if not match:
        return False, (), ()
    wrong: list[tuple[str, str]] = []
    others: list[str] = []
    if not registry.has("language", match["language"]):
        wrong.append(("language", match["language"]))
    extlangs = match["extlangs"].split("-")[1:]
    if len(extlangs) > 1:
        others.append(f"only one extended language subtag is allowed, not {len(extlangs)} ({', '.join(extlangs)})")
    wrong.extend(("extlang", e) for e in extlangs if not registry.has("extlang", e))
    if match["script"] and not registry.has("script", match["script"]):
        wrong.append(("script", match["script"]))
    if match["region"] and not registry.has("region", match["region"]):
        wrong.append(("region", match["region"]))
    variants = match["variants"].split("-")[1:]
    wrong.extend(("variant", v) for v in variants if not registry.has("variant", v))
    others.extend(f"variant '{v}' is repeated; give each variant once" for v in _repeated(variants))
    singletons = [part for part in match["extensions"].split("-")[1:] if len(part) == 1]
    others.extend(f"extension '{s}' is repeated; put its subtags in one '-{s}-' extension" for s in _repeated(singletons))
    return True, tuple(wrong), tuple(others)


def _valid(tag: str) -> bool:
    well_formed, wrong, others = _analyse(tag)
    return well_formed and not wrong and not others


def _reason(tag: str) -> str | None:
    well_formed, wrong, others = _analyse(tag)
    if not well_formed:
        return _syntax(tag)
    if not wrong and not others:
        return None
    whats = [f"'{subtag}' is not a registered {_KINDS[kind]} subtag" for kind, subtag in wrong]
    suggestion = _suggest(tag, [subtag for _, subtag in wrong]) if wrong else None
    if suggestion and wrong[0][0] == "language":
        return "; ".join(whats + list(others)) + f"; use the ISO 639 code, e.g. '{suggestion}'"
    if suggestion:
        return "; ".join(whats + list(others)) + f"; did you mean '{suggestion}'?"
    return "; ".join([f"{what}; {_HOW[kind]}" for what, (kind, _) in zip(whats, wrong)] + list(others))


def _private_parts(tag: str) -> set[str]:
    """The private-use language, script and region subtags of `tag`, lower case."""
    registry = _registry()
    parts = tag.lower().split("-")
    found = {parts[0]} if registry.in_range("language", parts[0]) else set()
    for part in parts[1:]:
        if part in ("x", *"0123456789abcdefghijklmnopqrstuvwyz"):  # a singleton: what follows is no subtag
            break
        if part in registry.private or registry.in_range("script", part) or registry.in_range("region", part):
            found.add(part)
    return found


def _repeated(items: list[str]) -> list[str]:
    seen: set[str] = set()
    repeated: list[str] = []
    for item in items:
        low = item.lower()
        if low in seen and low not in repeated:
            repeated.append(low)
        seen.add(low)
    return repeated


def _syntax(tag: str) -> str:
    """What makes `tag` not well-formed, and the tag probably meant."""
    parts = tag.split("-")
    if tag.isascii() and tag.isalpha() and code_for_name(tag):  # a language name too long for a subtag
        return f"'{tag}' is not a registered language subtag; use the ISO 639 code, e.g. '{code_for_name(tag)}'"
    bad = sorted({c for c in tag if not (c.isascii() and (c.isalnum() or c == "-"))}, key=tag.index)
    if "_" in bad:
        what = "subtags are separated by '-', not '_'"
    elif bad:
        listed = ", ".join(repr(c) if c != "'" else '"\'"' for c in bad)
        what = f"{listed} {'is' if len(bad) == 1 else 'are'} not allowed (only letters a–z, digits and '-')"
    elif any(not part for part in parts):
        what = "it has an empty subtag (a '-' at the start or the end, or two together)"
    elif any(len(part) > 8 for part in parts):
        what = " and ".join(f"'{part}'" for part in parts if len(part) > 8) + " is longer than 8 characters"
    elif not parts[0].isalpha() or len(parts[0]) < 2:
        what = f"'{parts[0]}' is not a language subtag (2 or 3 letters, e.g. 'en')"
    else:
        what = _SHAPE
        langcodes = _langcodes()
        try:
            langcodes.Language.get(tag, normalize=False)
        except langcodes.LanguageTagError as exc:
            # "This script subtag, 'cyrl', is out of place. Expected …": its first sentence says which
            first = str(exc).split(". ")[0].rstrip(".")
            what = f"{first[:1].lower()}{first[1:]}"
            if "out of place" in what:
                what += f"; {_ORDER}"
            elif "must be followed" not in what:
                what += f"; {_SHAPE}"
    suggestion = _suggest(tag, [])
    if suggestion and not re.search(r"[-_]", tag.strip()):  # a language name: 'Bulgarian', 'English!'
        return f"{what}; use the ISO 639 code, e.g. '{suggestion}'"
    return f"{what}; did you mean '{suggestion}'?" if suggestion else what


def _suggest(tag: str, wrong: list[str]) -> str | None:
    """A valid tag that `tag` probably means, or None."""
    candidates: list[str] = [tag.strip()]
    if "_" in tag:
        candidates.append(tag.replace("_", "-"))
    langcodes = _langcodes()
    try:
        candidates.append(langcodes.standardize_tag(tag.replace("_", "-")))  # 'eng' → 'en', 'en-UK' → 'en-GB'
    except (langcodes.LanguageTagError, ValueError):
        pass
    parts = tag.split("-")
    for subtag in wrong:  # a name where a code belongs: 'french' → 'fr', 'sr-latin' → 'sr-Latn'
        position = next(i for i, part in enumerate(parts) if part == subtag)
        kinds = ("language",) if position == 0 else ("script", "region", "language")
        code = code_for_name(subtag, kinds)
        if code:
            candidates.append("-".join(parts[:position] + [code] + parts[position + 1 :]))
    if "-" not in tag:  # a language name with stray characters: 'English!', 'Modern Greek'
        name = re.sub(r"[^\w ]|\d", " ", tag)
        code = code_for_name(name)
        if code:
            candidates.append(code)
    for candidate in candidates:
        # a guess is never a private-use subtag the user did not write (langcodes turns an unknown region into 'ZZ')
        if candidate.lower() != tag.lower() and _valid(candidate) and _private_parts(candidate) <= _private_parts(tag):
            return canonical(candidate)
    return None


# English names of languages the edition is likely to meet; other tags are listed under their code.
LANGUAGE_NAMES = {
    "ar": "Arabic", "be": "Belarusian", "bg": "Bulgarian", "cs": "Czech", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "fa": "Persian", "fr": "French", "he": "Hebrew", "hu": "Hungarian",
    "it": "Italian", "kk": "Kazakh", "ky": "Kyrgyz", "la": "Latin", "mk": "Macedonian", "nl": "Dutch",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sr": "Serbian", "tg": "Tajik",
    "tr": "Turkish", "uk": "Ukrainian", "uz": "Uzbek", "zh": "Chinese", "und": "Undetermined",
}


def language_name(tag: str) -> str:
    """The English name of a language as the TEI headers give it (langUsage, textLang)."""
    return LANGUAGE_NAMES.get(tag.split("-")[0], tag)
