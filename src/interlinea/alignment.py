"""Paragraph alignment of two texts (a work and its translation), language-independent.

`align(a, b)` pairs the blocks of two texts into groups (1:1, 1:n, n:1 up to `MAX_MERGE`, 2:2, and
1:0 / 0:1), in document order, each unit in exactly one group, each group with a certainty in [0, 1].

Only signals that survive translation are used:
- character lengths (Gale & Church 1993): a translation's blocks are about `ratio` times as long as
  the original's, `ratio` fitted to the pair as the ratio of the total lengths, and the difference
  follows a normal law whose variance grows with the length;
- anchors: numbers (any digit system, normalised with unicodedata.digit; a date gives its numbers),
  URLs, @handles, and the caller's own anchors (`Unit.anchors`, e.g. register entry keys) shared by both sides;
- block kinds (a heading rarely translates a paragraph);
- relative position: the search stays in a band around the diagonal.

The dynamic programme runs in a band of half-width `band` around the diagonal, so time and memory are
linear in the number of blocks for a fixed band; if the best path touches the band's edge, the band
is doubled and the search repeated (the edge may have cut off the true path).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

MAX_MERGE = 10  # one block may stand for up to ten (an Italian block for nine English ones)
# Variance of the length difference per character. Gale & Church found 6.8 for sentences of related
# languages; paragraphs across unrelated scripts vary more (40 to 100 all work on the UDHR), a copy
# of a text far less. So a first pass uses 40, the second VARIANCE_SLACK times the variance measured
# on the first pass's 1:1 groups (slack: on the UDHR, 1x gives a mean F1 of 0.968, 10x 0.9999).
VARIANCE = 40.0
VARIANCE_RANGE = (0.5, 100.0)
VARIANCE_SLACK = 10.0
# -log of the prior probability of each shape of group (Gale & Church's table, extended):
# each extra block merged costs more, so a merge needs the lengths to ask for it.
PRIOR_1_1 = 0.1
PRIOR_SKIP = 4.5
PRIOR_2_2 = 4.5
PRIOR_MERGE = 2.3  # 1:2 and 2:1
PRIOR_MERGE_STEP = 0.7  # added for each block beyond two
MERGE_Z2 = 9.0  # stop merging once the lengths differ by three standard deviations
ANCHOR_SHARED = 2.5  # bonus per anchor found on both sides
ANCHOR_ALONE = 1.0  # cost per anchor found on one side only (translations may spell numbers out)
ANCHOR_CAP = 4  # anchors counted at most, so a table of figures does not outweigh everything
KIND_MISMATCH = 3.0
REGULARITY_RANGE = (0.92, 0.97)  # correlation of group lengths: from no evidence of translation to full
CERT_MERGE = 0.8  # each block merged makes a group less sure: merging is how chance fits lengths
CERT_WINDOW = 2  # groups on each side whose fit vouches for a group's certainty
UNRELATED_CERT = 0.5

_URL = re.compile(r"https?://[^\s<>\"')\]]+|www\.[^\s<>\"')\]]+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Unit:
    """One block of a text: its id, its text, its kind ("p", "head", ...) and the caller's anchors."""

    id: str
    text: str
    kind: str = "p"
    anchors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Group:
    """Units of text a (ids) that translate units of text b; `cert` says how sure the aligner is."""

    a: tuple[str, ...]
    b: tuple[str, ...]
    cert: float


def anchors_of(unit: Unit) -> frozenset[str]:
    """The unit's anchors: its caller-given ones plus numbers, URLs and @handles found in its text."""
    text = unit.text
    found = {"url:" + u.rstrip(".,;:").lower() for u in _URL.findall(text)}
    found |= {h.lower() for h in _HANDLE.findall(_URL.sub(" ", text))}
    # \d matches every Unicode decimal digit; normalise so that ١٨ and 18 are the same anchor.
    found |= {"#" + str(int("".join(str(unicodedata.digit(c)) for c in m))) for m in _DIGITS.findall(text)}
    return frozenset(found) | unit.anchors


@dataclass
class _Side:
    """Per-text data the search needs: prefix sums of lengths, anchors and kinds per unit."""

    units: Sequence[Unit]
    cum: list[int]
    anchors: list[frozenset[str]]
    # kind_changes[k]: how often the kind changes between neighbours among units[0:k], so that the
    # changes inside any run of units cost O(1) to count.
    kind_changes: list[int]

    @classmethod
    def of(cls, units: Sequence[Unit]) -> _Side:
        cum, changes = [0], [0]
        for k, u in enumerate(units):
            cum.append(cum[-1] + len(u.text))
            changes.append(changes[-1] + (k > 0 and u.kind != units[k - 1].kind))
        return cls(units, cum, [anchors_of(u) for u in units], changes)

    def mixed_kinds(self, i0: int, i1: int) -> int:
        """How often the kind changes inside units[i0:i1] (a heading merged with a paragraph, a
        paragraph with an editorial note): merges rarely cross kinds."""
        return self.kind_changes[i1] - self.kind_changes[i0 + 1]


class _Scorer:
    """Cost of a group (-log probability): length fit, anchors, kinds, and the prior of its shape."""

    def __init__(
        self, a: _Side, b: _Side, use_length: bool = True, use_anchors: bool = True, variance: float = VARIANCE,
    ) -> None:
        self.a, self.b, self.variance = a, b, variance
        # Fit the length ratio to the pair: translations differ in verbosity and script.
        self.ratio = (b.cum[-1] / a.cum[-1]) if a.cum[-1] and b.cum[-1] else 1.0
        self.use_length, self.use_anchors = use_length, use_anchors

    def length_cost(self, la: int, lb: int) -> float:
        """-log P(|delta|) under Gale & Church's normal model."""
        if not self.use_length:
            return 0.0
        la_scaled = la * self.ratio
        mean = (la_scaled + lb) / 2
        if mean == 0:
            return 0.0
        delta = abs(lb - la_scaled) / math.sqrt(self.variance * mean)
        p = math.erfc(delta / math.sqrt(2))
        # For large delta erfc underflows; its logarithm is about delta²/2 there.
        return -math.log(p) if p > 1e-300 else delta * delta / 2 + math.log(delta)

    def anchor_cost(self, sa: frozenset[str], sb: frozenset[str]) -> float:
        if not self.use_anchors or not (sa or sb):
            return 0.0
        shared = len(sa & sb)
        alone = len(sa) + len(sb) - 2 * shared
        return -ANCHOR_SHARED * min(shared, ANCHOR_CAP) + ANCHOR_ALONE * min(alone, ANCHOR_CAP)

    def cost(self, i0: int, i1: int, j0: int, j1: int, sa: frozenset[str], sb: frozenset[str]) -> float:
        """Cost of the group a[i0:i1] ~ b[j0:j1], both sides non-empty; sa, sb their anchors."""
        a, b = self.a, self.b
        c = self.length_cost(a.cum[i1] - a.cum[i0], b.cum[j1] - b.cum[j0]) + self.anchor_cost(sa, sb)
        if a.units[i0].kind != b.units[j0].kind:
            c += KIND_MISMATCH
        c += KIND_MISMATCH * (a.mixed_kinds(i0, i1) + b.mixed_kinds(j0, j1))
        n = max(i1 - i0, j1 - j0)
        if n == 1:
            return c + PRIOR_1_1
        if i1 - i0 == j1 - j0:
            return c + PRIOR_2_2
        return c + PRIOR_MERGE + PRIOR_MERGE_STEP * (n - 2)

    def skip_cost(self, side: _Side, i: int) -> float:
        """Cost of leaving unit i of `side` unpaired: its anchors are left unmatched too."""
        alone = len(side.anchors[i]) if self.use_anchors else 0
        return PRIOR_SKIP + ANCHOR_ALONE * min(alone, ANCHOR_CAP)


class _Band:
    """Which columns j each row i may use: a strip of half-width `width` around the diagonal."""

    def __init__(self, na: int, nb: int, width: int) -> None:
        self.na, self.nb, self.width = na, nb, width
        self.slope = nb / na if na else 0.0

    def bounds(self, i: int) -> tuple[int, int]:
        centre = round(i * self.slope)
        return max(0, centre - self.width), min(self.nb, centre + self.width)

    def at_edge(self, i: int, j: int) -> bool:
        lo, hi = self.bounds(i)
        return (j == lo and lo > 0) or (j == hi and hi < self.nb)


@dataclass
class _Cell:
    cost: float
    move: tuple[int, int]  # (units of a, units of b) of the group ending here
    runner_up: float  # best cost reaching this cell by any other move: the margin of the choice


def _moves_into(scorer: _Scorer, i: int, j: int):
    """Every group that can end at (i, j): (k, l, its cost). Merges stop once lengths overshoot."""
    a, b = scorer.a, scorer.b
    if i and j:
        yield 1, 1, scorer.cost(i - 1, i, j - 1, j, a.anchors[i - 1], b.anchors[j - 1])
    if i:
        yield 1, 0, scorer.skip_cost(a, i - 1)
    if j:
        yield 0, 1, scorer.skip_cost(b, j - 1)
    if i >= 2 and j >= 2:
        yield 2, 2, scorer.cost(i - 2, i, j - 2, j, a.anchors[i - 2] | a.anchors[i - 1], b.anchors[j - 2] | b.anchors[j - 1])
    if i and j:
        yield from _merges(scorer, i, j, a, b, flip=False)
        yield from _merges(scorer, j, i, b, a, flip=True)


def _merges(scorer: _Scorer, i: int, j: int, a: _Side, b: _Side, flip: bool):
    """Groups of one unit a[i-1] against l >= 2 units b[j-l:j] (or the mirror image when `flip`)."""
    one = a.cum[i] - a.cum[i - 1]
    ratio = scorer.ratio if not flip else 1 / scorer.ratio
    sb = b.anchors[j - 1]
    for l in range(2, min(MAX_MERGE, j) + 1):
        sb = sb | b.anchors[j - l]
        if flip:
            yield l, 1, scorer.cost(j - l, j, i - 1, i, sb, a.anchors[i - 1])
        else:
            yield 1, l, scorer.cost(i - 1, i, j - l, j, a.anchors[i - 1], sb)
        # Lengths only grow with l: once the merged side is too long to fit, longer merges fit worse.
        excess = b.cum[j] - b.cum[j - l] - one * ratio
        if scorer.use_length and excess > 0 and excess * excess > MERGE_Z2 * scorer.variance * (one * ratio + excess / 2):
            break


def _search(scorer: _Scorer, band: _Band) -> dict[tuple[int, int], _Cell]:
    """Fill the band; the table holds only the band's cells, so it is linear in the texts' size."""
    table: dict[tuple[int, int], _Cell] = {(0, 0): _Cell(0.0, (0, 0), math.inf)}
    for i in range(band.na + 1):
        lo, hi = band.bounds(i)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            best = second = math.inf
            move = (0, 0)
            for k, l, c in _moves_into(scorer, i, j):
                prev = table.get((i - k, j - l))
                if prev is None:
                    continue
                total = prev.cost + c
                if total < best:
                    best, second, move = total, best, (k, l)
                elif total < second:
                    second = total
            if move != (0, 0):
                table[(i, j)] = _Cell(best, move, second)
    return table


def _path(table: dict[tuple[int, int], _Cell], na: int, nb: int) -> list[tuple[int, int, _Cell]] | None:
    """The best path's cells, first group first: (i, j, cell) for each group ending at (i, j)."""
    steps = []
    i, j = na, nb
    if (i, j) not in table:
        return None
    while (i, j) != (0, 0):
        cell = table[(i, j)]
        steps.append((i, j, cell))
        i, j = i - cell.move[0], j - cell.move[1]
    return steps[::-1]


def _fit(scorer: _Scorer, i: int, j: int, k: int, l: int) -> float:
    """How well a group's lengths and anchors agree, in [0, 1] (1: exactly as expected of a translation)."""
    if not k or not l:
        return 0.0
    a, b = scorer.a, scorer.b
    shared = len(frozenset().union(*a.anchors[i - k:i]) & frozenset().union(*b.anchors[j - l:j]))
    la, lb = (a.cum[i] - a.cum[i - k]) * scorer.ratio, b.cum[j] - b.cum[j - l]
    # The normal density relative to its peak: 1 when the lengths are as expected, about 0.8 typically.
    z2 = (lb - la) ** 2 / (scorer.variance * max(1.0, (la + lb) / 2))
    length = math.exp(-z2 / 2) if scorer.use_length else 0.5
    length *= CERT_MERGE ** (max(k, l) - 1)
    if scorer.use_anchors and shared:
        # A shared anchor vouches for the pair even when the lengths disagree.
        return max(length, 1 - 0.5 ** (shared + 1))
    return length


def _regularity(scorer: _Scorer, steps: list[tuple[int, int, _Cell]]) -> float:
    """How much the whole alignment looks like a translation, in [0, 1]: the correlation of the groups'
    (log) lengths on the two sides, or the share of anchors matched, whichever says more.

    Translations keep the rhythm of short and long blocks (UDHR pairs: 0.976 to 0.998); two unrelated
    texts do not, even after the search has merged and skipped blocks to fit them (0.71 to 0.91)."""
    a, b = scorer.a, scorer.b
    xs, ys = [], []
    total = shared = 0
    for i, j, cell in steps:
        k, l = cell.move
        sa, sb = frozenset().union(*a.anchors[i - k:i]), frozenset().union(*b.anchors[j - l:j])
        total += len(sa | sb)
        shared += len(sa & sb)
        if k and l:
            xs.append(math.log1p(a.cum[i] - a.cum[i - k]))
            ys.append(math.log1p(b.cum[j] - b.cum[j - l]))
    low, high = REGULARITY_RANGE
    rhythm = max(0.0, min(1.0, (_correlation(xs, ys) - low) / (high - low))) if len(xs) >= 5 else 0.5
    anchored = shared / total if total >= 10 and scorer.use_anchors else 0.0
    return max(rhythm, anchored)


def _correlation(xs: list[float], ys: list[float]) -> float:
    """Pearson's correlation; 0 when either side does not vary."""
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx, syy = sum((x - mx) ** 2 for x in xs), sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def _certainties(scorer: _Scorer, steps: list[tuple[int, int, _Cell]]) -> list[float]:
    """Certainty of each group: the margin of its choice, times how well it and its neighbours fit,
    times how regular the whole alignment is.

    The neighbours' fit and the regularity matter because two unrelated texts still produce groups
    whose lengths agree by chance (the search looks for them); a run of 1:1 fits does not happen by chance.
    """
    fits = [_fit(scorer, i, j, *cell.move) for i, j, cell in steps]
    regular = _regularity(scorer, steps)
    certs = []
    for n, (_, _, cell) in enumerate(steps):
        margin = cell.runner_up - cell.cost
        decided = 1 - math.exp(-margin) if margin < math.inf else 1.0
        window = fits[max(0, n - CERT_WINDOW): n + CERT_WINDOW + 1]
        around = sum(window) / len(window)
        certs.append(round(max(0.0, min(1.0, decided * math.sqrt(fits[n] * around) * regular)), 4))
    return certs


def _best_path(scorer: _Scorer, band: int) -> list[tuple[int, int, _Cell]]:
    """The best path in the narrowest band (from `band` up, doubling) whose edge it does not touch."""
    na, nb = len(scorer.a.units), len(scorer.b.units)
    width = max(1, band)
    while True:
        limits = _Band(na, nb, width)
        steps = _path(_search(scorer, limits), na, nb)
        full = width >= max(na, nb)
        if steps is not None and (full or not any(limits.at_edge(i, j) for i, j, _ in steps)):
            return steps
        width *= 2


def _fitted_variance(scorer: _Scorer, steps: list[tuple[int, int, _Cell]]) -> float:
    """The length variance of this pair, from the 1:1 groups of a first alignment.

    Weighted by length (sum of squared differences over sum of lengths), so that short headings do not
    make it look tighter than the paragraphs are; the worst tenth is left out (wrong pairs of the first
    pass); inflated by VARIANCE_SLACK because a variance fitted too tight turns every unusual
    translation into a skip or a merge."""
    a, b = scorer.a.cum, scorer.b.cum
    spreads = []
    for i, j, cell in steps:
        if cell.move == (1, 1):
            la, lb = (a[i] - a[i - 1]) * scorer.ratio, b[j] - b[j - 1]
            spreads.append(((lb - la) ** 2 / max(1.0, (la + lb) / 2), (la + lb) / 2))
    if len(spreads) < 5:
        return VARIANCE
    spreads.sort()
    kept = spreads[: max(5, len(spreads) * 9 // 10)]
    variance = VARIANCE_SLACK * sum(s * w for s, w in kept) / max(1.0, sum(w for _, w in kept))
    low, high = VARIANCE_RANGE
    return min(high, max(low, variance))


def align(
    a: Sequence[Unit], b: Sequence[Unit], band: int = 20, use_length: bool = True, use_anchors: bool = True,
) -> list[Group]:
    """Align the units of two texts; every unit is in exactly one group, groups in document order.

    `band` is the initial half-width of the search around the diagonal (in units of b); it doubles
    whenever the best path touches its edge. `use_length` and `use_anchors` switch signals off (to
    measure what each is worth).
    """
    side_a, side_b = _Side.of(a), _Side.of(b)
    scorer = _Scorer(side_a, side_b, use_length, use_anchors)
    # The first pass only measures the variance: a narrower band is enough and halves its cost.
    steps = _best_path(scorer, max(4, band // 2) if use_length else band)
    if use_length:
        scorer = _Scorer(side_a, side_b, use_length, use_anchors, _fitted_variance(scorer, steps))
        steps = _best_path(scorer, band)
    certs = _certainties(scorer, steps)
    return [
        Group(tuple(u.id for u in a[i - c.move[0]:i]), tuple(u.id for u in b[j - c.move[1]:j]), cert)
        for (i, j, c), cert in zip(steps, certs)
    ]


def looks_unrelated(groups: Sequence[Group]) -> bool:
    """True when the alignment found nothing but chance: (almost) no group is held with confidence."""
    if not groups:
        return True
    strong = sum(1 for g in groups if g.cert >= UNRELATED_CERT)
    return strong <= 0.05 * len(groups)
