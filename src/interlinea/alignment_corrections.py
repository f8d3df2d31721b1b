"""Corrections to the automatic alignment: groups an editor has fixed, kept by every later build.

They live in `seeds/alignment.toml`, beside the manifest, one `[[group]]` per fixed group:

    [[group]]
    works = ["organise-it.1", "organise-en.1"]   # two works whose paragraphs the edition aligns
    a = [5, 6]                                   # block numbers (@n) in the first work
    b = [5]                                      # ... that stand for these blocks of the second
    note = "the translator merged two paragraphs" # optional, for the next editor

An empty side (`b = []`) says the blocks of the other side stand for nothing: they stay unaligned.
The aligner then works around the fixed groups: the groups a correction broke up are aligned again
in the gap it leaves, so a correction also steers its neighbours, and the rest stays as it was. A correction that no longer fits the texts (it names a
block a work does not have, or two corrections claim one block) stops the build with an error naming
the correction's line and the text.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from interlinea.alignment import Group, Unit
from interlinea.errors import InterlineaError
from interlinea.manifest import WORK_REF

FILE_NAME = "alignment.toml"
CORRECTED_CERT = 1.0
_GROUP_HEADER = re.compile(r"^\s*\[\[\s*group\s*\]\]")


class CorrectionError(InterlineaError):
    """The corrections file cannot be read, or a correction does not fit the texts."""


@dataclass(frozen=True)
class Correction:
    works: tuple[str, str]
    a: tuple[int, ...]
    b: tuple[int, ...]
    line: int
    note: str | None = None

    def facing(self, pair: tuple[str, str]) -> Correction:
        """The same correction with its sides in the order of `pair`."""
        if self.works == pair:
            return self
        return Correction(pair, self.b, self.a, self.line, self.note)


def load_corrections(path: Path, label: str | None = None) -> list[Correction]:
    """The corrections of `path` (none when there is no such file); every problem at once."""
    label = label or str(path)
    if not path.is_file():
        return []
    raw = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise CorrectionError(f"{label}: not valid TOML: {exc}; see the README (Alignment: corrections)") from None
    lines = [number for number, text in enumerate(raw.splitlines(), start=1) if _GROUP_HEADER.match(text)]
    problems, corrections = [], []
    unknown = sorted(set(data) - {"group"})
    if unknown:
        problems.append(f"{label}: unknown top-level key(s) {', '.join(unknown)}; the file holds [[group]] tables only")
    groups = data.get("group", [])
    if not isinstance(groups, list):
        groups = []
        problems.append(f"{label}: 'group' must be [[group]] tables")
    for index, table in enumerate(groups):
        line = lines[index] if index < len(lines) else 0
        found = _correction(table, line, f"{label}:{line}: group {index + 1}", problems)
        if found is not None:
            corrections.append(found)
    if problems:
        raise CorrectionError("\n".join(problems))
    return corrections


def _correction(table: dict, line: int, where: str, problems: list[str]) -> Correction | None:
    before = len(problems)
    extra = sorted(set(table) - {"works", "a", "b", "note"})
    if extra:
        problems.append(f"{where}: unknown key(s) {', '.join(extra)}; a group has works, a, b and note")
    works = table.get("works")
    if not (isinstance(works, list) and len(works) == 2 and all(isinstance(w, str) and WORK_REF.match(w) for w in works)):
        problems.append(f"{where}: 'works' must name two works, e.g. works = [\"organise-it.1\", \"organise-en.1\"]; got {works!r}")
    sides = []
    for key in ("a", "b"):
        value = table.get(key)
        if not (isinstance(value, list) and all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in value)):
            problems.append(f"{where}: '{key}' must be a list of block numbers (@n), e.g. {key} = [3, 4], or [] for none; got {value!r}")
            value = []
        sides.append(tuple(value))
    if not sides[0] and not sides[1] and len(problems) == before:
        problems.append(f"{where}: both sides are empty; a group names at least one block")
    note = table.get("note")
    if note is not None and not isinstance(note, str):
        problems.append(f"{where}: 'note' must be a string")
    if len(problems) > before:
        return None
    return Correction((_work_ref(works[0]), _work_ref(works[1])), sides[0], sides[1], line, note)


def _work_ref(reference: str) -> str:
    return reference if "." in reference else f"{reference}.1"


def corrections_for(corrections: Sequence[Correction], pair: tuple[str, str]) -> list[Correction]:
    return [c.facing(pair) for c in corrections if set(c.works) == set(pair)]


def unknown_pairs(corrections: Sequence[Correction], pairs: Sequence[tuple[str, str]], label: str) -> list[str]:
    """Corrections naming two works that the edition does not align (no relation between them)."""
    known = {frozenset(pair) for pair in pairs}
    listed = ", ".join(f"{a} ↔ {b}" for a, b in pairs) or "none"
    return [
        f"{label}:{c.line}: the group aligns {c.works[0]} with {c.works[1]}, which the edition does not align "
        f"(no translation, version or sibling relation joins them; aligned pairs: {listed}); correct 'works' "
        "or declare the relation in the manifest"
        for c in corrections
        if frozenset(c.works) not in known
    ]


def misfits(corrections: Sequence[Correction], numbers: dict[str, dict[int, str]], tei_file: dict[str, str], label: str) -> list[str]:
    """Corrections that no longer fit the texts: a block number a work does not have, a block two
    corrections claim. `numbers` maps each work to its blocks (@n → xml:id); `tei_file` names the file
    that holds each work."""
    problems, claimed = [], {}
    for correction in corrections:
        for work, side in zip(correction.works, (correction.a, correction.b)):
            blocks = numbers[work]
            for number in side:
                if number not in blocks:
                    span = f"1–{max(blocks)}" if blocks else "none"
                    problems.append(
                        f"{label}:{correction.line}: the group names block {number} of {work}, which "
                        f"{tei_file[work]} does not have (its blocks: {span}); the text changed since the "
                        "correction was made: fix the group's numbers or remove it"
                    )
                elif (work, number) in claimed:
                    problems.append(
                        f"{label}:{correction.line}: block {number} of {work} is already in the group at line "
                        f"{claimed[(work, number)]}; a block belongs to one group: merge the two groups or drop one"
                    )
                else:
                    claimed[(work, number)] = correction.line
    return problems


Aligner = Callable[[Sequence[Unit], Sequence[Unit]], list[Group]]


def align_around(a: Sequence[Unit], b: Sequence[Unit], fixed: Sequence[tuple[tuple[str, ...], tuple[str, ...]]], aligner: Aligner) -> tuple[list[Group], set[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """Align `a` and `b` keeping the `fixed` groups (block ids on each side) as they are.

    The works are aligned whole first, so that the aligner's statistics (the length ratio of the two
    works, how specific each anchor is) come from all of them; the groups that touch no fixed block
    stay as they are. The blocks of the groups a correction broke up are aligned again, gap by gap:
    the groups kept and the fixed groups cut the works into gaps (a fixed group that crosses another,
    a moved paragraph, cannot cut). Returns the groups in reading order and the set of corrections.
    """
    corrected = {(tuple(g[0]), tuple(g[1])) for g in fixed}
    whole = aligner(a, b)
    if not fixed:
        return whole, corrected
    position_a = {u.id: i for i, u in enumerate(a)}
    position_b = {u.id: i for i, u in enumerate(b)}
    taken = {i for group in fixed for i in group[0] + group[1]}
    kept = [g for g in whole if not taken.intersection(g.a + g.b)]
    covered = taken.union(*(g.a + g.b for g in kept))
    orphans_a = [u for u in a if u.id not in covered]
    orphans_b = [u for u in b if u.id not in covered]
    regroups: list[Group] = []
    if orphans_a or orphans_b:
        cuts = _monotone_chain([(g.a, g.b) for g in kept if g.a and g.b] + [g for g in fixed if g[0] and g[1]], position_a, position_b)
        ends_a = [max(position_a[i] for i in cut[0]) for cut in cuts]
        ends_b = [max(position_b[i] for i in cut[1]) for cut in cuts]
        gaps: dict[int, tuple[list[Unit], list[Unit]]] = {}
        for unit in orphans_a:
            gaps.setdefault(bisect.bisect(ends_a, position_a[unit.id]), ([], []))[0].append(unit)
        for unit in orphans_b:
            gaps.setdefault(bisect.bisect(ends_b, position_b[unit.id]), ([], []))[1].append(unit)
        for gap in sorted(gaps):
            regroups.extend(aligner(*gaps[gap]))
    groups = kept + regroups + [Group(tuple(g[0]), tuple(g[1]), CORRECTED_CERT) for g in fixed]
    groups.sort(key=lambda g: (min((position_a[i] for i in g.a), default=len(a)), min((position_b[i] for i in g.b), default=len(b))))
    return groups, corrected


def _monotone_chain(groups, position_a: dict[str, int], position_b: dict[str, int]) -> list:
    """The groups, in the order of the first work, that keep the order of the second too (a group
    crossing an earlier one is left out)."""
    chain, last_b = [], -1
    for group in sorted(groups, key=lambda g: min(position_a[i] for i in g[0])):
        if min(position_b[i] for i in group[1]) > last_b:
            chain.append(group)
            last_b = max(position_b[i] for i in group[1])
    return chain
