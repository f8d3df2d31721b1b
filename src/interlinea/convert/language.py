"""Languages: the language of each text, work and block, decided once and recorded for review.

Order of authority: the manifest (a passage's, work's or text's `lang`) always wins; then the shared
decision (interlinea.language_decision.decide, the one the validator's lang-mismatch rule uses) on
strong evidence; otherwise a block inherits. Blocks that carry no language of their
own (signatures, datelines, lists of links, text too short or made of names and URLs) always inherit,
so a noisy guess never flips them. xml:lang is then written only where a block differs from its
work, and a work from its text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from interlinea.convert.classify import WorkBlocks
from interlinea.patterns import SOCIAL_POST
from interlinea.convert.segment import Block
from interlinea.langid import Guess, letters
from interlinea.language_decision import Verdict, decide, language_of_whole
from interlinea.manifest import TextEntry

# Kinds that are language-neutral by nature: they inherit whatever the identifier would say.
NEUTRAL_KINDS = {"signature", "byline", "dateline", "links", "list", "separator"}  # names, dates, URLs: no language of their own


@dataclass
class LanguageDecision:
    """Why a block has the language it has (shown by `interlinea languages`)."""

    block: Block
    work: int
    guess: Guess | None
    effective: str
    reason: str  # manifest, detected, undeclared, inherited (neutral kind / short / unsure)


@dataclass
class LanguagePlan:
    text_lang: str
    work_langs: list[str]
    decisions: list[LanguageDecision]

    def usage(self) -> dict[str, int]:
        """Share of each language in the text, in percent of its non-space characters (sums to 100)."""
        counts: Counter[str] = Counter()
        for decision in self.decisions:
            counts[decision.effective] += len("".join(decision.block.text.split()))
        return _percentages(counts)


def _percentages(counts: Counter[str]) -> dict[str, int]:
    """Whole percentages by the largest-remainder method; a language present gets at least 1."""
    total = sum(counts.values())
    if not total:
        return {}
    exact = {lang: 100 * n / total for lang, n in counts.items()}
    shares = {lang: max(1, int(value)) for lang, value in exact.items()}
    ordered = sorted(exact, key=lambda lang: (-(exact[lang] - int(exact[lang])), lang))
    i = 0
    while sum(shares.values()) < 100:
        shares[ordered[i % len(ordered)]] += 1
        i += 1
    while sum(shares.values()) > 100:
        largest = max(shares, key=lambda lang: (shares[lang], lang))
        shares[largest] -= 1
    return shares


def _detection_text(block: Block) -> str:
    if block.kind == "post":
        match = SOCIAL_POST.match(block.text)
        if match:
            return match["post"]
    return block.text


def plan_languages(works: list[WorkBlocks], entry: TextEntry, declared: list[str]) -> LanguagePlan:
    """Decide every block's language (stored in block.lang) and each work's and the text's.

    `declared` (the languages the manifest names for the edition) does not narrow the decision: the
    validator, which must reach the same verdicts from the TEI alone, does not know them.
    """
    declared_works = list(entry.declared_works) if entry.declared_works else [None] * len(works)
    work_langs = []
    for number, work in enumerate(works):
        declared_work = declared_works[number] if number < len(declared_works) else None
        lang = (declared_work.lang if declared_work else None) or (entry.lang if not entry.declared_works else None)
        work_langs.append(lang or _whole(work) or "und")
    text_lang = entry.lang or _weighted_majority(works, work_langs) or "und"

    text_languages = (text_lang, *work_langs)
    decisions = []
    for number, (work, work_lang) in enumerate(zip(works, work_langs), start=1):
        for block in work.blocks:
            guess = None
            if block.lang:
                effective, reason = block.lang, "manifest"
            elif block.kind in NEUTRAL_KINDS:
                effective, reason = work_lang, "inherited: neutral block"
            else:
                # Navigation stands before the first work, in the text's language.
                home = text_lang if block.kind == "navigation" else work_lang
                verdict = decide(_detection_text(block), home, text_languages)
                guess = _guess(verdict)
                effective = verdict.lang or home
                reason = _REASONS.get(verdict.reason, f"inherited: {verdict.reason}")
            block.lang = effective
            decisions.append(LanguageDecision(block, number, guess, effective, reason))
    return LanguagePlan(text_lang, work_langs, decisions)


# How a verdict reads in `interlinea languages`.
_REASONS = {"home": "detected", "foreign": "detected", "text language": "detected", "script": "detected: script"}


def _guess(verdict: Verdict) -> Guess:
    return Guess(verdict.detected, verdict.confidence, verdict.letters, verdict.reason)


def _whole(work: WorkBlocks) -> str | None:
    """The language of a work nobody declared, decided from its running text (blocks of neutral kinds
    left out unless there is nothing else), with the script subtag where due."""
    running = [b.text for b in work.blocks if b.kind not in NEUTRAL_KINDS]
    return language_of_whole(running) or language_of_whole(b.text for b in work.blocks)


def _weighted_majority(works: list[WorkBlocks], work_langs: list[str]) -> str | None:
    counts: Counter[str] = Counter()
    for work, lang in zip(works, work_langs):
        counts[lang] += sum(letters(b.text) for b in work.blocks)
    return counts.most_common(1)[0][0] if counts else None
