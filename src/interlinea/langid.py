"""Language identification with lingua (lingua-language-detector), and scripts from the characters.

The decision itself (does a passage differ from the language around it?) is made in one place,
interlinea.language_decision, for the converter and the validator alike; this module gives it its
signals:
* a broad detector over all 75 languages lingua knows, in low-accuracy mode (trigram models only:
  fast and small in memory): the best language of a passage or a whole text;
* narrow detectors over a few languages (a passage's candidates and the languages easily confused
  with them: Bulgarian with Russian, Macedonian, Serbian, Ukrainian…), in high-accuracy mode or, as a
  second independent run, with trigram models only;
* the script of a passage from the Unicode Script property of its letters (the `regex` module),
  Simplified or Traditional Han from the characters that differ (OpenCC's tables), and the IANA
  registry's Suppress-Script and Macrolanguage fields (the registry bundled with langcodes).

Text too short or made of URLs, numbers and names is "neutral": no guess is made, the block inherits.
`identify_passage` (one narrow detector over a candidate set) is kept for review tools and tests.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from interlinea.bcp47 import registry_records
from interlinea.patterns import URL

# Passages shorter than this are not identified: they inherit their parent's language.
MIN_LETTERS = 12
MIN_WORDS = 3
# A short run of capitalised words is a name ("Autonomous Action", "Tendenza Internazionalista
# Rivoluzionaria"): names keep the language of the text around them.
NAME_MAX_WORDS = 4
# A passage gets its own xml:lang only when the narrow detector is at least this sure.
PASSAGE_CONFIDENCE = 0.80
# An undeclared language is accepted for a passage only when it is long and the broad detector is sure.
UNDECLARED_MIN_WORDS = 12
UNDECLARED_CONFIDENCE = 0.95

# Languages that share a script and much vocabulary: whenever one is a candidate, the others are too,
# so that the detector can tell them apart rather than force the only Cyrillic candidate.
CONFUSABLE = {
    "bg": ("ru", "mk", "sr", "uk"),
    "ru": ("uk", "be", "bg", "mk", "sr"),
    "mk": ("bg", "sr", "ru"),
    "uk": ("ru", "be", "bg"),
    "sr": ("bs", "hr", "mk", "bg", "ru"),
    "be": ("ru", "uk"),
    "bs": ("hr", "sr"),
    "hr": ("bs", "sr", "sl"),
    "kk": ("ru", "ky"),
    "ky": ("kk", "ru"),
}

_HANDLE = re.compile(r"[@#]\w+")
_GLUED = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])")  # "politiciCobas" -> "politici Cobas"
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True)
class Guess:
    """What the identifier found for one passage."""

    lang: str | None  # ISO 639-1 code, or None when neutral or unsure
    confidence: float
    letters: int
    reason: str  # "neutral", "detected", "unsure", "undeclared"


def _code(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def _language(code: str) -> Language | None:
    try:
        return Language.from_iso_code_639_1(IsoCode639_1.from_str(code.split("-")[0].lower()))
    except (ValueError, AttributeError):
        return None


@cache
def known_languages() -> tuple[str, ...]:
    """The ISO 639-1 codes of every language lingua knows."""
    return tuple(sorted(_code(language) for language in Language.all()))


def supported(code: str) -> bool:
    return _language(code) is not None


def clean(text: str) -> str:
    """The words of a passage, without URLs, handles and glued menu items."""
    text = URL.sub(" ", text)
    text = _HANDLE.sub(" ", text)
    return _GLUED.sub(" ", text)


def letters(text: str) -> int:
    return len(_LETTERS.findall(text))


def _is_name(words: str) -> bool:
    tokens = [t for t in re.findall(r"[^\W\d_][^\s]*", words)]
    return 0 < len(tokens) <= NAME_MAX_WORDS and all(t[0].isupper() for t in tokens)


def candidates_for(declared: Iterable[str]) -> tuple[str, ...]:
    """The narrow candidate set: declared languages lingua knows, and their confusable neighbours."""
    codes: list[str] = []
    for tag in declared:
        primary = tag.split("-")[0].lower()
        for code in (primary, *CONFUSABLE.get(primary, ())):
            if supported(code) and code not in codes:
                codes.append(code)
    for fallback in ("en", "it"):  # lingua needs two languages to compare
        if len(codes) < 2 and fallback not in codes:
            codes.append(fallback)
    return tuple(sorted(codes))


@cache
def _narrow_detector(codes: tuple[str, ...], quick: bool = False):
    builder = LanguageDetectorBuilder.from_languages(*(_language(c) for c in codes))
    # Low-accuracy mode uses trigrams only: loads in a tenth of a second instead of about two, and is
    # as sure as high accuracy on sentences; high accuracy is for the short passages of conversion.
    return (builder.with_low_accuracy_mode() if quick else builder).build()


@cache
def _broad_detector():
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def _best(detector, text: str) -> tuple[str | None, float]:
    values = detector.compute_language_confidence_values(text)
    if not values:
        return None, 0.0
    return _code(values[0].language), float(values[0].value)


def identify_passage(text: str, candidates: tuple[str, ...], quick: bool = False) -> Guess:
    """The language of a passage among the candidates, or None when it is neutral or unsure.

    `quick` is for checking many long passages (the validator): trigram models only, and no search
    for undeclared languages among all 75 (that search is four fifths of the time of a full guess).
    """
    words = clean(text)
    count = letters(words)
    if count < MIN_LETTERS or len(words.split()) < MIN_WORDS or _is_name(words):
        return Guess(None, 0.0, count, "neutral")
    lang, confidence = _best(_narrow_detector(candidates, quick), words)
    if not quick and len(words.split()) >= UNDECLARED_MIN_WORDS:
        broad, broad_confidence = _best(_broad_detector(), words)
        if broad is not None and broad not in candidates and broad_confidence >= UNDECLARED_CONFIDENCE:
            return Guess(broad, broad_confidence, count, "undeclared")
    if lang is None or confidence < PASSAGE_CONFIDENCE:
        return Guess(lang, confidence, count, "unsure")
    return Guess(lang, confidence, count, "detected")


# --- The IANA registry's script data ------------------------------------------------------------


@cache
def script_codes() -> tuple[str, ...]:
    """The script subtags of the IANA registry (ISO 15924 codes), ranges left out."""
    return tuple(r["Subtag"] for r in registry_records() if r.get("Type") == "script" and ".." not in r["Subtag"])


@cache
def _suppress_scripts() -> dict[str, str]:
    return {
        r["Subtag"].lower(): r["Suppress-Script"]
        for r in registry_records()
        if r.get("Type") == "language" and "Suppress-Script" in r
    }


def suppress_script(language: str) -> str | None:
    """The registry's Suppress-Script of a language: the script it is written in so nearly always that
    a tag should not name it ('en' -> 'Latn', 'ru' -> 'Cyrl', 'ja' -> 'Jpan'); None for languages
    whose script varies ('sr', 'zh', 'az')."""
    return _suppress_scripts().get(primary(language))


@cache
def cldr_script_variants(language: str) -> frozenset[str]:
    """Scripts CLDR has a locale for, for this language ('sr' -> Cyrl, Latn; 'zh' -> Hans, Hant, Latn),
    read from Babel's locale list: a language with such locales is written in more than one script."""
    from babel.localedata import locale_identifiers

    found = set()
    for identifier in locale_identifiers():
        parts = identifier.split("_")
        if parts[0] == primary(language) and len(parts) > 1 and re.fullmatch(r"[A-Z][a-z]{3}", parts[1]):
            found.add(parts[1])
    return frozenset(found)


def with_script(tag: str, script: str | None) -> str:
    """The tag with the script subtag BCP 47 practice wants for text in `script`.

    A script is named when the language's script varies (no Suppress-Script in the IANA registry, and
    CLDR has locales in several scripts: 'sr-Latn', 'zh-Hans', 'az-Cyrl') or when it is not the
    language's usual one ('kk-Arab'); never for the usual script ('en', 'ru', 'ja'). A tag that already
    names a script, and text whose script is undecided (None, or Han not known to be Simplified or
    Traditional), are left as they are.
    """
    parts = tag.split("-")
    if script is None or script == "Hani" or any(len(p) == 4 and p.isalpha() for p in parts[1:]):
        return tag
    usual = suppress_script(parts[0])
    if usual is not None:
        if script_fits(script, usual):
            return tag
    elif not cldr_script_variants(parts[0]):
        return tag
    return "-".join([parts[0], script, *parts[1:]])


@cache
def _macrolanguages() -> dict[str, str]:
    return {
        r["Subtag"].lower(): r["Macrolanguage"].lower()
        for r in registry_records()
        if r.get("Type") == "language" and "Macrolanguage" in r
    }


def siblings(a: str, b: str) -> bool:
    """Whether two languages are one macrolanguage's members, or one is the other's macrolanguage
    (IANA registry: Croatian, Bosnian and Serbian in 'sh'; Indonesian in Malay 'ms'; Bokmål and
    Nynorsk in 'no'). lingua tells such languages apart no better than chance on a passage."""
    a, b = primary(a), primary(b)
    table = _macrolanguages()
    return a != b and table.get(a, a) == table.get(b, b)


def script_of(tag: str) -> str | None:
    """The script a tag names, or its language's usual script (None when neither)."""
    for part in tag.split("-")[1:]:
        if len(part) == 4 and part.isalpha():
            return part.title()
    return suppress_script(tag)


# --- Scripts -------------------------------------------------------------------------------------
#
# The Unicode Script property of each letter, from the `regex` module (its tables follow the Unicode
# version it was built for; Python's unicodedata has no script property). Script codes are the ISO
# 15924 codes the IANA registry lists for script subtags, so a script found here can be written in a
# tag as it is. Letters of Common and Inherited script (digits, punctuation, combining marks) count
# for no script.

# Han written with kana is Japanese (Jpan), with hangul Korean (Kore): the registry's composite codes.
_COMPOSITE = {"Hira": "Jpan", "Kana": "Jpan", "Hang": "Kore"}
# A script decided on fewer letters than this, or covering less than this share of the letters, is
# not decided (None): a few Latin letters in a Cyrillic sentence (an acronym, a URL) do not count.
SCRIPT_MIN_LETTERS = 12
SCRIPT_MIN_SHARE = 0.80
# The script of a whole work is the one most of its letters are in (a Serbian text in Cyrillic may
# quote a paragraph in Latin).
WORK_SCRIPT_SHARE = 0.50
# Simplified or Traditional Han: at least this many characters that exist in one form only, and at
# least this share of such characters in that form.
HAN_VARIANT_MIN_CHARS = 3
HAN_VARIANT_MIN_SHARE = 0.90


@cache
def _script_pattern():
    try:
        import regex
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError("interlinea needs the regex package (Unicode script property): pip install regex") from error

    groups = []
    for code in script_codes():
        try:
            regex.compile(rf"\p{{sc={code}}}")
        except regex.error:  # composite or variant codes (Jpan, Hans, Latf…) are no Unicode script
            continue
        if code not in ("Zyyy", "Zinh", "Zzzz"):
            groups.append(rf"(?P<{code}>\p{{sc={code}}})")
    return regex.compile("|".join(groups))


def script_counts(text: str) -> Counter:
    """Letters of each Unicode script in the text (Common and Inherited not counted)."""
    counts: Counter = Counter()
    for match in _script_pattern().finditer(text):
        if match.group().isalpha():
            counts[match.lastgroup] += 1
    return counts


@cache
def _han_variants() -> tuple[frozenset[str], frozenset[str]]:
    """Characters that exist only in Simplified and only in Traditional Chinese.

    From OpenCC's character tables (STCharacters.txt: simplified -> traditional forms; TSCharacters.txt:
    traditional -> simplified), shipped by opencc-python-reimplemented. A character that is among its own
    conversions (后 -> 後 后) is written in both and tells nothing; one that appears on both sides is
    dropped too.
    """
    from importlib.resources import files
    from importlib.util import find_spec

    if find_spec("opencc") is None:
        raise ModuleNotFoundError("interlinea needs OpenCC's character tables: pip install opencc-python-reimplemented")

    def table(name: str) -> dict[str, list[str]]:
        rows = {}
        for line in files("opencc").joinpath("dictionary", name).read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                key, values = line.split("\t", 1)
                rows[key] = values.split()
        return rows

    simplified = {k for k, v in table("STCharacters.txt").items() if len(k) == 1 and k not in v}
    traditional = {k for k, v in table("TSCharacters.txt").items() if len(k) == 1 and k not in v}
    both = simplified & traditional
    return frozenset(simplified - both), frozenset(traditional - both)


def han_variant(text: str) -> str | None:
    """'Hans' or 'Hant' when the text's characters say which, else None (too few that differ)."""
    simplified, traditional = _han_variants()
    s = sum(1 for ch in text if ch in simplified)
    t = sum(1 for ch in text if ch in traditional)
    if s + t < HAN_VARIANT_MIN_CHARS:
        return None
    if s >= HAN_VARIANT_MIN_SHARE * (s + t):
        return "Hans"
    if t >= HAN_VARIANT_MIN_SHARE * (s + t):
        return "Hant"
    return None


def dominant_script(text: str, share: float = SCRIPT_MIN_SHARE) -> str | None:
    """The ISO 15924 code of the script the text is written in, or None when undecided (fewer than
    SCRIPT_MIN_LETTERS letters, or no script with `share` of them: a passage must be nearly all in one
    script; a whole work, with WORK_SCRIPT_SHARE, mostly).

    Han with kana is 'Jpan', with hangul 'Kore'; Han alone is 'Hans' or 'Hant' when the characters
    tell, else 'Hani'.
    """
    counts = script_counts(text)
    total = sum(counts.values())
    if total < SCRIPT_MIN_LETTERS:
        return None
    merged: Counter = Counter()
    composite = {_COMPOSITE[s] for s in counts if s in _COMPOSITE}
    for script, n in counts.items():
        if script == "Hani" and composite:
            script = sorted(composite)[0]
        merged[_COMPOSITE.get(script, script)] += n
    script, n = max(merged.items(), key=lambda item: (item[1], item[0]))
    if n < share * total:
        return None
    if script == "Hani":
        return han_variant(text) or "Hani"
    return script


def script_fits(script: str | None, expected: str | None) -> bool:
    """Whether text in `script` can be in a language usually written in `expected` (None: any).
    Han of undecided form fits Simplified, Traditional, Japanese and Korean; Simplified does not fit
    Traditional."""
    if script is None or expected is None or script == expected:
        return True
    han = {"Hans", "Hant", "Jpan", "Kore"}
    return (script == "Hani" and expected in han) or (expected == "Hani" and script in han)


# --- Broad identification and the pair check ------------------------------------------------------


def broad_best(text: str) -> tuple[str | None, float]:
    """The most likely language among all lingua knows (trigram models), and its confidence."""
    return _best(_broad_detector(), text)


def primary(tag: str) -> str:
    return tag.split("-")[0].lower()


def family(code: str) -> tuple[str, ...]:
    """A language and those easily confused with it that lingua knows."""
    return tuple(c for c in (primary(code), *CONFUSABLE.get(primary(code), ())) if supported(c))


def pair_confidences(text: str, languages: Iterable[str], quick: bool = False) -> dict[str, float]:
    """Confidence of each language when only `languages` are compared: high-accuracy models, or with
    `quick` trigram models only (a second, different run)."""
    codes = tuple(sorted({c for c in languages if supported(c)}))
    for fallback in ("en", "it"):  # lingua needs two languages to compare
        if len(codes) < 2 and fallback not in codes:
            codes = tuple(sorted({*codes, fallback}))
    detector = _narrow_detector(codes, quick)
    return {_code(v.language): float(v.value) for v in detector.compute_language_confidence_values(text)}


def is_name(words: str) -> bool:
    return _is_name(words)
