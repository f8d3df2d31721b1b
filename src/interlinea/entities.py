"""Tagging mentions of persons, places and organisations with the names in the registers.

Every name of every register entry, with the inflected forms its language makes, goes into one
Aho-Corasick automaton (pyahocorasick), so that finding all candidate names in a paragraph costs one
pass over it however large the registers grow. Among the candidates the tagger keeps whole words only
(a name never ends or starts inside a word: "Russia" is not found in "Russian"), never inside a URL,
and the longest one where several overlap ("Collective Security Treaty Organization", not "Security").
Matching is case-sensitive: "Total" the company is not "total"; a spelling in another case that a text
uses ("kazakhstan") is listed in the register as a variant.

What is not tagged, by decision: adjectives and demonyms derived from a name ("Kazakh", "kazaki",
"russe", "московски"); they are not mentions of the place. A metonym ("the Kremlin", "Moscow" for the
Russian government) is tagged as the name it is, pointing to the place; the register's note says what
it stands for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from interlinea.patterns import find_urls
from interlinea.registers import Entry, Registers

# Characters that may not touch a name on either side: letters, digits and joiners inside words.
_WORD = re.compile(r"\w", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# Russian noun endings by the shape of the stem (singular cases, enough for names of persons, places
# and organisations): Токаев -> Токаева, Токаеву, Токаевым, Токаеве; Москва -> Москвы, Москве,
# Москву, Москвой; Россия -> России, Россию, Россией.
_RU_ENDINGS = (
    (re.compile(r"ия$"), "ия", ("ии", "ию", "ией")),
    (re.compile(r"[бвгджзклмнпрстфхцчшщ]$"), "", ("а", "у", "ом", "ым", "е", "ой", "ой")),
    (re.compile(r"[ая]$"), None, ("ы", "и", "е", "у", "ю", "ой", "ей")),
    (re.compile(r"ь$"), "ь", ("я", "и", "ю", "ем", "ью", "е")),
    (re.compile(r"й$"), "й", ("я", "ю", "ем", "е")),
)
# Bulgarian nouns have no cases, but names of places and bodies take the definite article:
# Кремъл -> Кремъла, Кремълът; Казахстан -> Казахстана.
_BG_ARTICLES = (
    (re.compile(r"[бвгджзклмнпрстфхцчшщ]$"), ("а", "ът")),
    (re.compile(r"й$"), ("я", "ят")),
)
# English plural of a family name ("the Tokayevs", i.e. Tokayev and his circle).
_EN_PLURAL = ("s",)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    entry: Entry


def _ru_forms(word: str) -> set[str]:
    forms = set()
    for pattern, drop, endings in _RU_ENDINGS:
        if pattern.search(word):
            stem = word[: -len(drop)] if drop else (word[:-1] if drop is None else word)
            forms.update(stem + ending for ending in endings)
            break
    return forms


def inflected_forms(name: str, lang: str | None, entity_type: str) -> set[str]:
    """The forms a name takes in running text of its language (the name itself included)."""
    forms = {name}
    primary = (lang or "").split("-")[0]
    head, _, last = name.rpartition(" ")
    prefix = f"{head} " if head else ""
    if primary == "ru" and _CYRILLIC.search(last):
        forms.update(prefix + form for form in _ru_forms(last))
    elif primary == "bg" and _CYRILLIC.search(last) and entity_type != "person":
        for pattern, articles in _BG_ARTICLES:
            if pattern.search(last):
                stem = last[:-1] if last.endswith("й") else last
                forms.update(prefix + stem + article for article in articles)
    elif primary == "en" and entity_type == "person" and not head and last[:1].isupper():
        forms.update(name + suffix for suffix in _EN_PLURAL)
    return forms


class Tagger:
    """Finds the register's names in text; build once per conversion, reuse for every block."""

    def __init__(self, registers: Registers):
        self.registers = registers
        self.automaton = ahocorasick.Automaton()
        surfaces: dict[str, list[Entry]] = {}
        for entry in registers:
            for name in entry.names:
                for form in inflected_forms(name.text, name.lang, entry.kind.entity_type):
                    owners = surfaces.setdefault(form, [])
                    if entry not in owners:
                        owners.append(entry)
        # A surface that two entries share is ambiguous: it is left untagged (and reported by
        # `ambiguous`) rather than guessed.
        self.ambiguous = {surface: owners for surface, owners in surfaces.items() if len(owners) > 1}
        for surface, owners in surfaces.items():
            if len(owners) == 1:
                self.automaton.add_word(surface, (surface, owners[0]))
        if len(self.automaton):
            self.automaton.make_automaton()

    def find(self, text: str) -> list[Mention]:
        """The mentions in `text`: whole words, outside URLs, longest first, not overlapping."""
        if not len(self.automaton):
            return []
        urls = _Spans(len(text))
        for start, end, _ in find_urls(text):
            urls.take(start, end)
        candidates = []
        for end_index, (surface, entry) in self.automaton.iter(text):
            start, end = end_index - len(surface) + 1, end_index + 1
            if start > 0 and (_WORD.match(text[start - 1]) or text[start - 1] in "@#"):
                continue  # inside a word, or a @handle or #hashtag
            if end < len(text) and _WORD.match(text[end]):
                continue
            if urls.overlaps(start, end):
                continue
            candidates.append(Mention(start, end, surface, entry))
        candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
        chosen: list[Mention] = []
        taken = _Spans(len(text))
        for mention in sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)):
            if not taken.overlaps(mention.start, mention.end):
                taken.take(mention.start, mention.end)
                chosen.append(mention)
        return sorted(chosen, key=lambda m: m.start)


class _Spans:
    """Which characters of a text are taken (by a URL, or by a chosen mention).

    Checking a name against every span taken so far would cost the product of their numbers, which
    grows with the square of a paragraph's length; marking characters costs the name's length."""

    def __init__(self, length: int):
        self.marks = bytearray(length)

    def overlaps(self, start: int, end: int) -> bool:
        return self.marks.find(1, start, end) != -1

    def take(self, start: int, end: int) -> None:
        self.marks[start:end] = b"\x01" * (end - start)
