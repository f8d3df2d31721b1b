"""The relations between the works of an edition, as a graph read from the manifest: which work
translates which, and which are siblings (translations of one original). Siblings are also derived:
two works that translate the same original are related though nobody declared it, and a relation is
found from either side. `interlinea relations` prints the graph; the relations pass writes it as TEI.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from interlinea.manifest import Manifest, resolve_work_ref


@dataclass(frozen=True)
class WorkNode:
    ref: str  # "organise-en.1"
    text: str
    number: int
    lang: str | None  # as the manifest declares it (None: identified at conversion)
    title: str


@dataclass(frozen=True, order=True)
class Relation:
    kind: str  # "translation" (source translates target) or "sibling" (no direction)
    source: str
    target: str
    derived: bool = False  # found from other relations, not declared


@dataclass(frozen=True)
class RelationGraph:
    works: tuple[WorkNode, ...]
    relations: tuple[Relation, ...]


def relation_graph(manifest: Manifest) -> RelationGraph:
    works, declared = [], []
    for entry in manifest.texts:
        for number, work in enumerate(entry.works, start=1):
            ref = f"{entry.id}.{number}"
            lang = work.lang if entry.declared_works else entry.lang
            title = next(iter(work.titles.values()), "") or next(iter(entry.titles.values()), "")
            works.append(WorkNode(ref, entry.id, number, lang, title))
            if work.translation_of:
                declared.append(Relation("translation", ref, _work_ref(work.translation_of)))
            for other in work.sibling_of:
                declared.append(Relation("sibling", *sorted((ref, _work_ref(other)))))
    return RelationGraph(tuple(works), tuple(sorted(set(declared) | _derived_siblings(declared))))


def _work_ref(reference: str) -> str:
    text_id, number = resolve_work_ref(reference)
    return f"{text_id}.{number}"


def _derived_siblings(declared: list[Relation]) -> set[Relation]:
    """Translations of one original are siblings, unless the manifest says so already."""
    known = {(r.source, r.target) for r in declared if r.kind == "sibling"}
    by_original: dict[str, list[str]] = {}
    for relation in declared:
        if relation.kind == "translation":
            by_original.setdefault(relation.target, []).append(relation.source)
    derived = set()
    for translations in by_original.values():
        for position, first in enumerate(sorted(translations)):
            for second in sorted(translations)[position + 1 :]:
                if (first, second) not in known:
                    derived.add(Relation("sibling", first, second, derived=True))
    return derived


def as_text(graph: RelationGraph) -> str:
    langs = {w.ref: w.lang or "?" for w in graph.works}
    lines = []
    for r in graph.relations:
        arrow = "translation of" if r.kind == "translation" else "sibling of"
        note = " (derived)" if r.derived else ""
        lines.append(f"{r.source} ({langs.get(r.source, '?')}) {arrow} {r.target} ({langs.get(r.target, '?')}){note}")
    related = {ref for r in graph.relations for ref in (r.source, r.target)}
    for work in graph.works:
        if work.ref not in related:
            lines.append(f"{work.ref} ({work.lang or '?'}) has no relation")
    return "\n".join(lines) + "\n"


def as_json(graph: RelationGraph) -> str:
    payload = {"works": [asdict(w) for w in graph.works], "relations": [asdict(r) for r in graph.relations]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def as_dot(graph: RelationGraph) -> str:
    """Graphviz: works as nodes labelled with their language, translations as arrows to the original,
    siblings as undirected dashed edges."""
    lines = ["digraph relations {", "  rankdir=LR;", "  node [shape=box];"]
    for work in graph.works:
        label = f"{work.ref}\\n{work.lang or '?'}"
        lines.append(f'  "{work.ref}" [label="{label}"];')
    for r in graph.relations:
        style = "" if r.kind == "translation" else ' [dir=none, style=dashed, label="sibling"]'
        lines.append(f'  "{r.source}" -> "{r.target}"{style};')
    lines.append("}")
    return "\n".join(lines) + "\n"


FORMATS = {"text": as_text, "json": as_json, "dot": as_dot}
