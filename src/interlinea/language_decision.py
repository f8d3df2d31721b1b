"""The one decision on a passage's language: does it differ from the language around it?

The converter (convert/language.py) asks `decide(text, home, text_languages)` for every block, with
its work's language as `home`; the validator's `lang-mismatch` rule asks it for every judged element,
with the language in force there (its own xml:lang, or the nearest ancestor's). `text_languages` are
the languages of the text's works, which the TEI shows (the root's and the work divisions' xml:lang);
nothing else goes in (not the manifest's other languages, which the validator does not know). So:

* the converter writes L on a block only when `decide(text, work, langs).lang == L`; the validator
  then asks `decide(text, L, langs)`: the broad detector's best language is L, and the comparisons
  that chose L are run over the same languages, so there is no verdict;
* the converter leaves a block to inherit when there is no verdict; the validator asks the same
  question and gets the same answer.
(tests/test_language_decision.py checks this on the seeds, the UDHR and generated texts.)

A passage gets a language L from outside the text only on strong evidence, all of:

1. length: at least FOREIGN_MIN_LETTERS letters and FOREIGN_MIN_WORDS words (letters only in scripts
   written without spaces), once URLs and @handles are removed; not a short run of capitalised words
   (a name); shorter passages inherit;
2. the broad detector (lingua over all its 75 languages, trigram models) names L, at least
   BROAD_CONFIDENCE sure;
3. the letters are in a script L is written in (L's Suppress-Script in the IANA registry, when it has
   one: a Latin passage is never Russian);
4. L has no sibling lingua also knows (one macrolanguage in the IANA registry: Croatian, Bosnian and
   Serbian; Indonesian and Malay; Bokmål and Nynorsk), which lingua does not tell apart reliably on a
   passage; a sibling of the text's own language is taken for that language (only its script may
   differ);
5. a second, different run agrees: lingua's high-accuracy models (uni- to five-grams), comparing only
   L, the text's languages and the languages easily confused with them, also find L best, at least
   FOREIGN_CONFIDENCE sure and FOREIGN_MARGIN ahead of the home language.

A passage in another of the text's own languages (a bilingual text's other work) is accepted from
MIN_WORDS words and MIN_LETTERS letters, when the high-accuracy run over the text's languages and
their neighbours and a second run with trigram models only choose the same one, FOREIGN_CONFIDENCE
sure and FOREIGN_MARGIN ahead of home.

A passage in home's language but another script gets the script in its tag ('sr-Cyrl' work, Latin
block: 'sr-Latn') when the language's script varies (see langid.with_script). Text is compared in
Unicode NFC (decomposed Vietnamese reads as Vietnamese, not as Zulu).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from interlinea.langid import (
    MIN_LETTERS,
    MIN_WORDS,
    WORK_SCRIPT_SHARE,
    broad_best,
    clean,
    dominant_script,
    family,
    is_name,
    letters,
    pair_confidences,
    primary,
    script_fits,
    script_of,
    known_languages,
    siblings,
    suppress_script,
    with_script,
)

# The thresholds: one set, for the converter and the validator.
FOREIGN_MIN_LETTERS = 30
FOREIGN_MIN_WORDS = 5
BROAD_CONFIDENCE = 0.50
FOREIGN_CONFIDENCE = 0.80
FOREIGN_MARGIN = 0.50

# Scripts written without spaces between words: their passages are measured in letters only.
SPACELESS = frozenset({"Hani", "Hans", "Hant", "Jpan", "Thai", "Laoo", "Khmr", "Mymr", "Tibt", "Bali", "Java"})


@dataclass(frozen=True)
class Verdict:
    """The decision on one passage. `lang` is its own language tag when it differs from `home`, else
    None (the passage inherits); `reason` says which step decided, `signals` what each signal found."""

    lang: str | None
    reason: str  # neutral, short, home, unsure, script-disagrees, foreign, script
    detected: str | None  # the broad detector's best language (ISO 639-1), for review
    confidence: float  # its confidence, or the second run's confidence in the foreign language
    letters: int
    signals: str = ""


def normalise(text: str) -> str:
    """The words of a passage as the decision sees them: no URLs or handles, white space collapsed
    (so that the seed's block and the TEI element's text give the same input)."""
    return " ".join(clean(unicodedata.normalize("NFC", " ".join(text.split()))).split())


def _strip_script(tag: str) -> str:
    parts = tag.split("-")
    return "-".join([parts[0], *(p for p in parts[1:] if not (len(p) == 4 and p.isalpha()))])


def decide(text: str, home: str, text_languages: Iterable[str] = ()) -> Verdict:
    """Whether `text` is in a language other than `home` (a BCP 47 tag), on strong evidence only.

    `text_languages` are the languages of the text's works (the TEI root's and the work divisions'
    xml:lang; `home` is always among them): one of them is accepted on shorter passages, when two runs
    of different models agree.
    """
    words = normalise(text)
    count = letters(words)
    if count < MIN_LETTERS or (len(words.split()) < MIN_WORDS and count < FOREIGN_MIN_LETTERS) or is_name(words):
        return Verdict(None, "neutral", None, 0.0, count)
    own = sorted({primary(t) for t in (*text_languages, home)} - {"und"})
    best, confidence = broad_best(words)
    script = dominant_script(words)
    signals = f"broad {best} {confidence:.2f}; script {script or '?'}"
    verdict = None
    if best is not None and best != primary(home):
        verdict = _foreign(words, home, own, best, confidence, count, script, signals)
        if verdict.lang:
            return verdict
    within = _within_text(words, home, own, count, script, signals)
    if within is not None:
        return within
    if verdict is not None and verdict.reason != "sibling":
        return verdict
    if best is None:
        return Verdict(None, "unsure", None, 0.0, count, signals)
    # Home's language, or one lingua cannot tell from it: only the script may differ.
    return _same_language(words, home, best, confidence, count, script)


def _foreign(words, home, own, best, confidence, count, script, signals) -> Verdict:
    """Any language lingua knows: long passage, broad detector, script, second run all agree."""
    if count < FOREIGN_MIN_LETTERS or (script not in SPACELESS and len(words.split()) < FOREIGN_MIN_WORDS):
        return Verdict(None, "short", best, confidence, count, signals)
    if confidence < BROAD_CONFIDENCE:
        return Verdict(None, "unsure", best, confidence, count, signals)
    if not script_fits(script, suppress_script(best)):
        return Verdict(None, "script-disagrees", best, confidence, count, signals)
    if best not in own and any(siblings(best, code) for code in own):
        return Verdict(None, "sibling", best, confidence, count, signals)
    if best not in own and any(siblings(best, code) for code in known_languages()):
        return Verdict(None, "ambiguous", best, confidence, count, signals)
    # The set compared does not depend on `home` (home is one of the text's languages), so the
    # validator, asking with the language the converter wrote, runs the same comparison.
    pair = pair_confidences(words, {c for code in (best, *own) for c in family(code)})
    winner = max(pair, key=lambda code: (pair[code], code))
    foreign, at_home = pair.get(best, 0.0), pair.get(primary(home), 0.0)
    signals += f"; second run {winner} {pair[winner]:.2f}, {primary(home)} {at_home:.2f}"
    if winner != best or foreign < FOREIGN_CONFIDENCE or foreign - at_home < FOREIGN_MARGIN:
        return Verdict(None, "unsure", best, foreign, count, signals)
    return Verdict(with_script(best, script), "foreign", best, foreign, count, signals)


def _within_text(words, home, own, count, script, signals) -> Verdict | None:
    """Another language of the same text (a bilingual text's other work): the text's languages and
    their neighbours compared with high-accuracy models and again with trigram models only; both
    must choose the same one of the text's languages."""
    if len(own) < 2:
        return None
    candidates = {c for code in own for c in family(code)}
    full = pair_confidences(words, candidates)
    winner = max(full, key=lambda code: (full[code], code))
    if winner == primary(home) or winner not in own:
        return None
    quick = pair_confidences(words, candidates, quick=True)
    second = max(quick, key=lambda code: (quick[code], code))
    signals += f"; text's languages {winner} {full[winner]:.2f}, {primary(home)} {full.get(primary(home), 0.0):.2f}; trigrams {second}"
    if second != winner or full[winner] < FOREIGN_CONFIDENCE or full[winner] - full.get(primary(home), 0.0) < FOREIGN_MARGIN:
        return Verdict(None, "unsure", winner, full[winner], count, signals)
    return Verdict(with_script(winner, script), "text language", winner, full[winner], count, signals)


def _same_language(words: str, home: str, best: str, confidence: float, count: int, script: str | None) -> Verdict:
    """A passage in the home language: its own tag only when written in another script than the
    home tag names, for a language whose script varies."""
    signals = f"broad {best} {confidence:.2f}; script {script or '?'}"
    expected = script_of(home)
    if script and expected and suppress_script(home) is None and not script_fits(script, expected):
        tag = with_script(_strip_script(home), script)
        if tag.lower() != home.lower():
            return Verdict(tag, "script", best, confidence, count, signals)
    return Verdict(None, "home", best, confidence, count, signals)


def language_of_whole(passages: Iterable[str]) -> str | None:
    """The language of a whole text or work whose language nobody declared, with the script subtag
    BCP 47 practice wants ('zh-Hans', 'sr-Cyrl'), or None when the text is too short to tell.

    Each passage votes with its letters for the broad detector's best language (a text with a few long
    paragraphs in another language and script is still in its own); languages lingua cannot tell apart
    (siblings in one macrolanguage) vote together, and the broad detector over the passages of the
    winning group chooses among them. The script is the one most of those passages' letters are in.
    """
    votes: dict[str, int] = {}
    group_of: dict[str, list[str]] = {}
    for passage in passages:
        words = normalise(passage)
        count = letters(words)
        if count < MIN_LETTERS:
            continue
        best, _ = broad_best(words)
        if best is None:
            continue
        group = min([best, *(c for c in known_languages() if siblings(best, c))])
        votes[group] = votes.get(group, 0) + count
        group_of.setdefault(group, []).append(words)
    if not votes:
        return None
    group = max(votes, key=lambda g: (votes[g], g))
    text = " ".join(group_of[group])
    best, _ = broad_best(text)
    return with_script(best or group, dominant_script(text, WORK_SCRIPT_SHARE))
