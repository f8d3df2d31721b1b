"""Language identification with lingua (lingua-language-detector), made safe for short passages.

Two detectors, each built once per candidate set and reused:
* a narrow one, over the languages the edition declares plus the languages easily confused with
  them (Bulgarian with Russian, Macedonian, Serbian, Ukrainian…), in lingua's high-accuracy mode: it
  decides the language of each passage;
* a broad one, over all 75 languages lingua knows, in low-accuracy mode (trigram models only: fast and
  small in memory): it identifies a text whose language the manifest does not give, and catches a long
  passage in a language nobody declared.

Text too short or made of URLs, numbers and names is "neutral": no guess is made, the block inherits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

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


def identify_document(text: str) -> Guess:
    """The language of a whole text (or work) among all languages lingua knows."""
    words = clean(text)
    count = letters(words)
    if count < MIN_LETTERS:
        return Guess(None, 0.0, count, "neutral")
    lang, confidence = _best(_broad_detector(), words)
    return Guess(lang, confidence, count, "detected" if lang else "unsure")
