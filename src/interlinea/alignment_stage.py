"""The alignment stage: over the whole edition, once every text is converted, the paragraph alignment
of every pair of related works (a translation and its original, two versions, two siblings), with
the editors' corrections kept, as one TEI file per pair for tei/alignment/.

The texts are taken as they will stand in tei/: the converter's output, or the file on disk when it
was edited by hand and is kept. A pair whose text is missing from tei/ is skipped with a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from lxml import etree

from interlinea.alignment import Group, Unit, align
from interlinea.alignment_corrections import Correction, CorrectionError, align_around, corrections_for, misfits, unknown_pairs
from interlinea.alignment_tei import Side, alignment_tree, file_name
from interlinea.alignment_units import find_work, work_units
from interlinea.relations import RelationGraph
from interlinea.tei import XML_ID, XML_LANG
from interlinea.xmlio import serialize


@dataclass
class PairAlignment:
    a: str
    b: str
    groups: list[Group]
    corrected: set = field(default_factory=set)


def block_numbers_of(tree: etree._ElementTree, units: list[Unit]) -> list[int]:
    """The number (@n) of each unit, in order (0 when a block has none)."""
    ids = {unit.id: unit for unit in units}
    found = {}
    for node in tree.getroot().iter():
        if isinstance(node.tag, str) and node.get(XML_ID) in ids and node.get(XML_ID) not in found:
            found[node.get(XML_ID)] = int(node.get("n")) if node.get("n", "").isdigit() else 0
    return [found.get(unit.id, 0) for unit in units]


def _numbers(tree: etree._ElementTree, units: list[Unit]) -> dict[int, str]:
    """@n → xml:id for a work's units."""
    return {n: unit.id for n, unit in zip(block_numbers_of(tree, units), units) if n}


def _language(work: etree._Element) -> str | None:
    for node in (work, *work.iterancestors()):
        if node.get(XML_LANG):
            return node.get(XML_LANG)
    return None


def align_pairs(
    graph: RelationGraph,
    trees: Mapping[str, etree._ElementTree],
    corrections: list[Correction],
    labels: Callable[[str], str],
    corrections_label: str,
    aligner=align,
    pair_aligner=align_around,
    mapper=map,
) -> tuple[list[PairAlignment], list[str]]:
    """Every aligned pair of the graph whose two texts are in `trees` (text id → tree); `labels`
    names a text's TEI file in messages; `pair_aligner` aligns one pair around its corrections
    (align_around, or a remembering one: align_cache.AlignCache, told of every result here by its
    `record`); `mapper` maps a function over the pairs (map, or workers.fork_map on several
    processes). Returns the alignments and the pairs skipped (why).
    Raises CorrectionError when a correction does not fit."""
    pairs = graph.aligned_pairs()
    problems = unknown_pairs(corrections, pairs, corrections_label)
    units: dict[str, list[Unit]] = {}
    numbers: dict[str, dict[int, str]] = {}
    for pair in pairs:
        for ref in pair:
            text_id = ref.rsplit(".", 1)[0]
            if ref in units or text_id not in trees:
                continue
            work = find_work(trees[text_id], ref)
            if work is None:
                continue
            units[ref] = work_units(trees[text_id], ref)
            numbers[ref] = _numbers(trees[text_id], units[ref])
    ready = [pair for pair in pairs if pair[0] in units and pair[1] in units]
    skipped = []
    for a_ref, b_ref in pairs:
        missing = [ref for ref in (a_ref, b_ref) if ref not in units]
        if missing:
            where = ", ".join(f"{ref} (in {labels(ref.rsplit('.', 1)[0])})" for ref in missing)
            skipped.append(f"{a_ref} ↔ {b_ref}: not aligned: tei/ has no work {where}")
    mine = [c for c in corrections if all(w in units for w in c.works)]
    problems += misfits(mine, numbers, {ref: labels(ref.rsplit(".", 1)[0]) for ref in units}, corrections_label)
    if problems:
        raise CorrectionError("\n".join(problems))
    requests = []
    for a_ref, b_ref in ready:
        fixed = [
            (tuple(numbers[a_ref][n] for n in c.a), tuple(numbers[b_ref][n] for n in c.b))
            for c in corrections_for(corrections, (a_ref, b_ref))
        ]
        requests.append((units[a_ref], units[b_ref], fixed))
    outcomes = mapper(lambda request: pair_aligner(*request, aligner), requests)
    record = getattr(pair_aligner, "record", None)
    results = []
    for (a_ref, b_ref), request, (groups, corrected) in zip(ready, requests, outcomes):
        if record is not None:
            record(a_ref, b_ref, *request, (groups, corrected))
        results.append(PairAlignment(a_ref, b_ref, groups, corrected))
    return results, skipped


def alignment_files(results: list[PairAlignment], graph: RelationGraph, trees: Mapping[str, etree._ElementTree], publisher: str) -> dict[str, bytes]:
    """The TEI file of each alignment, by file name (in tei/alignment/)."""
    files = {}
    for result in results:
        sides = []
        for ref in (result.a, result.b):
            node = graph.node(ref)
            work = find_work(trees[ref.rsplit(".", 1)[0]], ref)
            sides.append(Side(ref, _language(work) if work is not None else None, node.title if node else ref))
        tree = alignment_tree(sides[0], sides[1], result.groups, result.corrected, publisher)
        if tree is not None:
            files[file_name(result.a, result.b)] = serialize(tree)
    return files
