"""Paragraph alignment of two texts (a work and its translation), language-independent.

`align(a, b)` pairs the blocks of two texts into groups (1:1, 1:n, n:1 up to `MAX_MERGE`, 2:2, 2:3,
3:2, and 1:0 / 0:1), in document order, each unit in exactly one group, each group with a certainty
in [0, 1].

Only signals that survive translation are used:
- character lengths (Gale & Church 1993): a translation's blocks are about `ratio` times as long as
  the original's, `ratio` fitted to the pair as the ratio of the total lengths, and the difference
  follows a normal law whose variance grows with the length;
- sentence counts, the same way: translators keep most sentences whole, so a group's two sides have
  about as many sentences, however verbose each language is (full stops of any script);
- anchors: numbers (any digit system, normalised with unicodedata.digit; a date gives its numbers),
  URLs, @handles, and the caller's own anchors (`Unit.anchors`, e.g. register entry keys) shared by
  both sides, each weighted by how specific it is (a name in every block tells nothing);
- block kinds (a heading rarely translates a paragraph; a kind only one text uses, such as a
  translator's note, is rarely a translation);
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
# (A 2:3 or 3:2 group, where the translator moved a paragraph break, is a 2:2 group with one block
# more merged in: PRIOR_2_2 + PRIOR_MERGE.)
# Sentence counts are a second, coarser length: translators keep most sentences whole, so a group's
# sentence counts on the two sides agree (times the pair's ratio of sentences), whatever the
# languages' verbosity. The same normal model as for characters, with a fixed variance per sentence:
# most blocks agree exactly, so a variance fitted to them would be near 0 and punish the translator
# who splits one sentence in two. And capped: a split or joined sentence, a script that marks no
# sentence ends (Thai), or a full stop after an abbreviation must not outweigh the other signals, so a
# disagreement costs at most a little less than a skipped block; its use is to tip close choices
# (an 81-character block and a 576-character introduction of four sentences).
SENTENCE_VARIANCE = 0.5
SENTENCE_CAP = 3.0
MERGE_Z2 = 9.0  # stop merging once the lengths differ by three standard deviations
ANCHOR_SHARED = 2.5  # bonus per anchor found on both sides
ANCHOR_ALONE = 1.0  # cost per anchor found on one side only (translations may spell numbers out)
# Anchors counted at most: shared ones per group, unmatched ones per unit (so that merging a unit
# costs its unmatched anchors as skipping it does), so a table of figures does not outweigh everything.
ANCHOR_CAP = 4
# An anchor named in many blocks (the country a whole text is about) says little about which of them
# pair up, and is often dropped or added by a translator: it counts less, down to nothing for one in
# every block. Anchors in at most 1/ANCHOR_COMMON of the blocks count fully.
ANCHOR_COMMON = 10.0
KIND_MISMATCH = 3.0
# Per unit paired although the other text has no block of its kind at all (a note, a byline, a
# dateline in one text only): a kind the translation never uses marks what the translator or
# publisher added (a source note, a credit), which should stay unpaired rather than be merged into
# a neighbouring group whose lengths it happens to fit.
KIND_ABSENT = 2.0
REGULARITY_RANGE = (0.92, 0.97)  # correlation of group lengths: from no evidence of translation to full
CERT_MERGE = 0.8  # each block merged makes a group less sure: merging is how chance fits lengths
CERT_WINDOW = 2  # groups on each side whose fit vouches for a group's certainty
UNRELATED_CERT = 0.5

_URL = re.compile(r"https?://[^\s<>\"')\]]+|www\.[^\s<>\"')\]]+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
_DIGITS = re.compile(r"\d+")
# A sentence ends with a full stop of any script and closing quotes or brackets, then a space or the
# end (scripts written without spaces, CJK, need no space after theirs).
_SENTENCE_END = re.compile(r"[.!?…।۔؟։።။][\"'”’»)\]]*(?:\s+|$)|[。！？][」』）\"'”’)]*")
_SQRT_HALF = math.sqrt(0.5)


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


def sentences_of(text: str, cased: bool = True) -> int:
    """How many sentences the text has (at least one): its full stops, except, in a `cased` text (one
    that uses capitals), those followed by a lower-case letter (an abbreviation: "e.g. the"). A text
    without capitals (a script without case, or Georgian, whose letters are all lower-case) counts them all."""
    ends = sum(1 for m in _SENTENCE_END.finditer(text) if not (cased and text[m.end():m.end() + 1].islower()))
    return max(1, ends)


def _normal_cost(delta: float) -> float:
    """-log P(|Z| >= delta) for a standard normal Z (Gale & Church's cost of a length difference)."""
    p = math.erfc(delta * _SQRT_HALF)
    # For large delta erfc underflows; its logarithm is about delta²/2 there.
    return -math.log(p) if p > 1e-300 else delta * delta / 2 + math.log(delta)


def _prefix(values) -> list:
    """[0, v0, v0+v1, ...]: the sum over any run of units in O(1)."""
    sums = [0]
    for v in values:
        sums.append(sums[-1] + v)
    return sums


def _anchor_weights(anchors: list[frozenset[str]]) -> dict[str, float]:
    """Weight of each anchor named in more than 1/ANCHOR_COMMON of the blocks (the others weigh 1):
    log(1/share) / log(ANCHOR_COMMON), the information the anchor carries about where it is."""
    counts: dict[str, int] = {}
    for found in anchors:
        for x in found:
            counts[x] = counts.get(x, 0) + 1
    blocks = len(anchors)
    return {x: math.log(blocks / n) / math.log(ANCHOR_COMMON) for x, n in counts.items() if n * ANCHOR_COMMON > blocks}


def _weigh(anchors: frozenset[str], weights: dict[str, float]) -> float:
    """The anchors' count, each weighted by how specific it is (see ANCHOR_COMMON)."""
    return sum(weights.get(x, 1.0) for x in anchors)


@dataclass
class _Side:
    """Per-text data the search needs: prefix sums over the units (of lengths, sentences, kind
    changes...), so that any run of units costs O(1) to measure, and each unit's anchors."""

    units: Sequence[Unit]
    cum: list[int]  # characters
    sentences: list[int]
    anchors: list[frozenset[str]]
    weights: dict[str, float]  # of the anchors, from both texts (see _anchor_weights)
    anchored: list[int]  # units that have anchors
    # Each unit's anchors weighed and capped at ANCHOR_CAP: their cost when none is matched.
    lone: list[float]
    lone_cum: list[float]
    # How often the kind changes between neighbours (a heading merged with a paragraph, a paragraph
    # with an editorial note: merges rarely cross kinds).
    kind_changes: list[int]
    # Units of a kind the other text never uses.
    strays: list[int]

    @classmethod
    def pair(cls, a: Sequence[Unit], b: Sequence[Unit]) -> tuple[_Side, _Side]:
        """The two sides of an alignment: anchor weights and kinds depend on both texts."""
        anchors_a, anchors_b = [anchors_of(u) for u in a], [anchors_of(u) for u in b]
        weights = _anchor_weights(anchors_a + anchors_b)
        return cls._of(a, anchors_a, b, weights), cls._of(b, anchors_b, a, weights)

    @classmethod
    def _of(cls, units: Sequence[Unit], anchors: list[frozenset[str]], other: Sequence[Unit], weights: dict[str, float]) -> _Side:
        other_kinds = {u.kind for u in other}
        # Whether the text uses capitals is a property of its script, not of one block ("21. artikla.").
        cased = any(u.text != u.text.lower() for u in units)
        lone = [min(_weigh(x, weights), ANCHOR_CAP) for x in anchors]
        return cls(
            units,
            _prefix(len(u.text) for u in units),
            _prefix(sentences_of(u.text, cased) for u in units),
            anchors,
            weights,
            _prefix(bool(x) for x in anchors),
            lone,
            _prefix(lone),
            _prefix(k > 0 and u.kind != units[k - 1].kind for k, u in enumerate(units)),
            _prefix(u.kind not in other_kinds for u in units),
        )

    def mixed_kinds(self, i0: int, i1: int) -> int:
        """How often the kind changes inside units[i0:i1]."""
        return self.kind_changes[i1] - self.kind_changes[i0 + 1]


def _prior(k: int, l: int) -> float:
    """-log of the prior probability of a group of k units of a and l of b, both at least one."""
    if k == l:
        return PRIOR_1_1 if k == 1 else PRIOR_2_2
    if k > 1 and l > 1:  # 2:3, 3:2: a 2:2 group with one more unit merged in
        return PRIOR_2_2 + PRIOR_MERGE
    return PRIOR_MERGE + PRIOR_MERGE_STEP * (max(k, l) - 2)


class _Scorer:
    """Cost of a group (-log probability): length fit, anchors, kinds, and the prior of its shape."""

    def __init__(
        self, a: _Side, b: _Side, use_length: bool = True, use_anchors: bool = True, variance: float = VARIANCE,
    ) -> None:
        self.a, self.b, self.variance, self.half_variance = a, b, variance, variance / 2
        self.priors = [[_prior(k, l) if k and l else math.inf for l in range(MAX_MERGE + 1)] for k in range(MAX_MERGE + 1)]
        # Fit the length ratio to the pair: translations differ in verbosity and script.
        self.ratio = (b.cum[-1] / a.cum[-1]) if a.cum[-1] and b.cum[-1] else 1.0
        self.sentence_ratio = b.sentences[-1] / a.sentences[-1] if a.sentences[-1] and b.sentences[-1] else 1.0
        self.use_length, self.use_anchors = use_length, use_anchors
        # Kinds cost nothing when both texts use one and the same kind (most plain texts): skip them.
        self.kinds_matter = len({u.kind for u in a.units} | {u.kind for u in b.units}) > 1
        self._sentence_costs: dict[tuple[int, int], float] = {}
        self.skip_a = [self.skip_cost(a, i) for i in range(len(a.units))]
        self.skip_b = [self.skip_cost(b, j) for j in range(len(b.units))]

    def cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Cost of the group a[i0:i1] ~ b[j0:j1], both sides non-empty."""
        return self.base(i0, i1, j0, j1) + self.extra(i0, i1, j0, j1)

    def base(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """A lower bound of `cost`, the part of it cheap to compute: the prior and the length fit, less
        the most the anchors could bring. The search scores the rest only if this leaves a chance."""
        # This runs for every group the search tries: _normal_cost and most_shared are inlined.
        a, b = self.a, self.b
        c = self.priors[i1 - i0][j1 - j0]
        if self.use_length:  # Gale & Church: the length difference, in standard deviations
            la, lb = (a.cum[i1] - a.cum[i0]) * self.ratio, b.cum[j1] - b.cum[j0]
            if la + lb:
                delta = abs(lb - la) / math.sqrt(self.half_variance * (la + lb))
                p = math.erfc(delta * _SQRT_HALF)
                c += -math.log(p) if p > 1e-300 else delta * delta / 2 + math.log(delta)
        if self.use_anchors:
            c -= ANCHOR_SHARED * min(a.lone_cum[i1] - a.lone_cum[i0], b.lone_cum[j1] - b.lone_cum[j0], ANCHOR_CAP)
        return c

    def extra(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """`cost` less `base`, at least 0: sentence counts, anchors, kinds."""
        a, b = self.a, self.b
        c = 0.0
        if self.use_length:
            c += self.sentence_cost(a.sentences[i1] - a.sentences[i0], b.sentences[j1] - b.sentences[j0])
        if self.use_anchors and (a.anchored[i1] - a.anchored[i0] or b.anchored[j1] - b.anchored[j0]):
            c += self.anchor_cost(i0, i1, j0, j1) + ANCHOR_SHARED * self.most_shared(i0, i1, j0, j1)
        if self.kinds_matter:
            c += self.kind_cost(i0, i1, j0, j1)
        return c

    def most_shared(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """The most the shared anchors can weigh (before ANCHOR_SHARED): no more than either side names
        (each unit's capped weight summed: at least the weight of the union, capped)."""
        a, b = self.a, self.b
        return min(a.lone_cum[i1] - a.lone_cum[i0], b.lone_cum[j1] - b.lone_cum[j0], ANCHOR_CAP)

    def sentence_cost(self, sa: int, sb: int) -> float:
        """The same for sentence counts, capped (see SENTENCE_CAP); few distinct counts, so memoised."""
        key = (sa, sb)
        cost = self._sentence_costs.get(key)
        if cost is None:
            sa_scaled = sa * self.sentence_ratio
            delta = abs(sb - sa_scaled) / math.sqrt(SENTENCE_VARIANCE * (sa_scaled + sb) / 2)
            cost = self._sentence_costs[key] = min(_normal_cost(delta), SENTENCE_CAP)
        return cost

    def anchor_cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Bonus for the anchors the two sides share, cost for those each unit names alone.

        The cost of unmatched anchors is capped per unit, as for a skipped unit: capped per group, it
        would let a merge hide a unit's unmatched anchors in a group that already has many."""
        a, b = self.a, self.b
        alone = a.lone_cum[i1] - a.lone_cum[i0] + b.lone_cum[j1] - b.lone_cum[j0]
        if not (a.anchored[i1] - a.anchored[i0] and b.anchored[j1] - b.anchored[j0]):
            return ANCHOR_ALONE * alone
        shared = frozenset().union(*a.anchors[i0:i1]) & frozenset().union(*b.anchors[j0:j1])
        if not shared:
            return ANCHOR_ALONE * alone
        # Units naming a shared anchor: only their other anchors are unmatched.
        for side, k0, k1 in ((a, i0, i1), (b, j0, j1)):
            for k in range(k0, k1):
                if side.anchors[k] & shared:
                    alone += min(_weigh(side.anchors[k] - shared, a.weights), ANCHOR_CAP) - side.lone[k]
        return -ANCHOR_SHARED * min(_weigh(shared, a.weights), ANCHOR_CAP) + ANCHOR_ALONE * alone

    def kind_cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Cost of the group's kinds: sides that start with different kinds, runs that mix kinds, and
        units of a kind the other text never uses."""
        a, b = self.a, self.b
        c = KIND_MISMATCH * (a.units[i0].kind != b.units[j0].kind)
        c += KIND_MISMATCH * (a.mixed_kinds(i0, i1) + b.mixed_kinds(j0, j1))
        return c + KIND_ABSENT * (a.strays[i1] - a.strays[i0] + b.strays[j1] - b.strays[j0])

    def skip_cost(self, side: _Side, i: int) -> float:
        """Cost of leaving unit i of `side` unpaired: its anchors are left unmatched too."""
        return PRIOR_SKIP + (ANCHOR_ALONE * side.lone[i] if self.use_anchors else 0.0)

    def too_long(self, one: float, many: float) -> bool:
        """Whether `many` (the merged side's length, in the other side's scale) exceeds `one` by more
        than MERGE_Z2 allows: merging further only makes it longer."""
        excess = many - one
        return self.use_length and excess > 0 and excess * excess > MERGE_Z2 * self.variance * (one + excess / 2)


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


@dataclass
class _Row:
    """The band's cells of one row i: columns lo, lo+1, ...; cost inf where no path arrives."""

    lo: int
    cost: list[float]
    runner_up: list[float]
    move: list[tuple[int, int]]

    def at(self, j: int) -> float:
        k = j - self.lo
        return self.cost[k] if 0 <= k < len(self.cost) else math.inf


# The groups the search tries besides 1:n and n:1 merges, as (units of a, units of b): a skip first
# (its cost is a constant, so the second best soon prunes), then from the likeliest.
_SHAPES = ((1, 0), (1, 1), (2, 2), (3, 2), (2, 3))


def _search(scorer: _Scorer, band: _Band) -> list[_Row]:
    """Fill the band row by row; the table holds only the band's cells, so it is linear in the texts' size."""
    rows: list[_Row] = []
    for i in range(band.na + 1):
        lo, hi = band.bounds(i)
        width = hi - lo + 1
        rows.append(_Row(lo, [math.inf] * width, [math.inf] * width, [(0, 0)] * width))
        if not i:
            rows[0].cost[0] = 0.0  # the empty alignment: where every path starts
        _fill(scorer, rows, i)
    return rows


def _fill(scorer: _Scorer, rows: list[_Row], i: int) -> None:
    """Fill row i: for each cell, score every group that can end there from a cell some path
    reaches, and keep the best and the second best way in (the margin of the choice).

    The search's inner loop, so written for speed: the skips are tried first (their cost is a
    constant), then the groups from the likeliest, and a group whose lower bound (`_Scorer.base`)
    cannot bring the total under the second best so far is not scored in full: the best and the
    second best come out the same as if every group had been."""
    inf = math.inf
    row = rows[i]
    base, extra, skip_a, skip_b = scorer.base, scorer.extra, scorer.skip_a, scorer.skip_b
    shapes = [(k, l, rows[i - k]) for k, l in _SHAPES if k <= i]
    for j in range(max(row.lo, 1 - i), row.lo + len(row.cost)):
        best = second = inf
        move = (0, 0)
        # (cost of the cell the group starts from, k, l) for a group of k units of a and l of b.
        starts = [(row.cost[j - 1 - row.lo], 0, 1)] if j > row.lo else []
        for k, l, prev in shapes:
            q = j - l - prev.lo
            if 0 <= q < len(prev.cost):
                starts.append((prev.cost[q], k, l))
        if i and j:
            starts += _merge_starts(scorer, rows, i, j)
        for prev, k, l in starts:
            if prev == inf:
                continue
            if not k:
                total = prev + skip_b[j - 1]
            elif not l:
                total = prev + skip_a[i - 1]
            else:
                total = prev + base(i - k, i, j - l, j)
                if total >= second:
                    continue
                total += extra(i - k, i, j - l, j)
            if total < best:
                best, second, move = total, best, (k, l)
            elif total < second:
                second = total
        q = j - row.lo
        row.cost[q], row.runner_up[q], row.move[q] = best, second, move


def _merge_starts(scorer: _Scorer, rows: list[_Row], i: int, j: int) -> list[tuple[float, int, int]]:
    """The 1:l and k:1 groups ending at (i, j), l, k >= 2, as in `_fill`: longer merges stop once the
    merged side is too long to fit (merging further only makes it longer)."""
    a_cum, b_cum, ratio, too_long = scorer.a.cum, scorer.b.cum, scorer.ratio, scorer.too_long
    starts = []
    above = rows[i - 1]
    one = (a_cum[i] - a_cum[i - 1]) * ratio
    for l in range(2, min(MAX_MERGE, j) + 1):  # a[i-1] ~ b[j-l:j]
        q = j - l - above.lo
        if 0 <= q < len(above.cost):
            starts.append((above.cost[q], 1, l))
        if too_long(one, b_cum[j] - b_cum[j - l]):
            break
    one = b_cum[j] - b_cum[j - 1]
    for k in range(2, min(MAX_MERGE, i) + 1):  # a[i-k:i] ~ b[j-1]
        prev = rows[i - k]
        q = j - 1 - prev.lo
        if 0 <= q < len(prev.cost):
            starts.append((prev.cost[q], k, 1))
        if too_long(one, (a_cum[i] - a_cum[i - k]) * ratio):
            break
    return starts


def _path(rows: list[_Row], na: int, nb: int) -> list[tuple[int, int, _Cell]] | None:
    """The best path's cells, first group first: (i, j, cell) for each group ending at (i, j)."""
    if rows[na].at(nb) == math.inf:
        return None
    steps = []
    i, j = na, nb
    while (i, j) != (0, 0):
        row = rows[i]
        k = j - row.lo
        cell = _Cell(row.cost[k], row.move[k], row.runner_up[k])
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
    side_a, side_b = _Side.pair(a, b)
    scorer = _Scorer(side_a, side_b, use_length, use_anchors)
    # The first pass only measures the variance: a quarter of the band is enough (it doubles where the
    # path needs more) and costs a quarter as much.
    steps = _best_path(scorer, max(4, band // 4) if use_length else band)
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
