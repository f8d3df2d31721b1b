"""The relations between the works of an edition, as a graph read from the manifest: which work
translates which, and which are siblings (translations of one original). Siblings are also derived:
two works that translate the same original are related though nobody declared it, and a relation is
found from either side. `interlinea relations` prints the graph; the relations pass writes it as TEI.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import asdict, dataclass, field
from functools import cached_property

from interlinea.bibliography import Bibliography
from interlinea.manifest import Agent, Manifest, is_external, relation_refs, resolve_work_ref


@dataclass(frozen=True)
class WorkNode:
    ref: str  # "organise-en.1", or a bibliography key for a work outside the edition
    text: str | None  # None: outside the edition
    number: int
    lang: str | None  # as the manifest (or the bibliography) declares it (None: identified at conversion)
    title: str

    @property
    def external(self) -> bool:
        return self.text is None


@dataclass(frozen=True, order=True)
class Relation:
    # "translation" (source translates target), "version" (no direction known) or "sibling"
    # (translations of one original; no direction)
    kind: str
    source: str
    target: str
    derived: bool = False  # found from other relations, not declared
    cert: str | None = None
    translators: tuple[Agent, ...] = field(default=(), compare=False)
    # Further members of a derived sibling group: the translations of one original are one
    # relation (source, target, *others), not one per pair (n translations, one relation).
    others: tuple[str, ...] = ()

    @property
    def directed(self) -> bool:
        return self.kind == "translation"

    @property
    def members(self) -> tuple[str, ...]:
        return (self.source, self.target, *self.others)


@dataclass(frozen=True)
class RelationGraph:
    works: tuple[WorkNode, ...]
    relations: tuple[Relation, ...]

    def of(self, work_ref: str) -> list[Relation]:
        """Every relation a work takes part in, on either side (or as a member of a group)."""
        return self._by_member.get(work_ref, [])

    @cached_property
    def _by_member(self) -> dict[str, list[Relation]]:
        found: dict[str, list[Relation]] = {}
        for relation in self.relations:
            for member in dict.fromkeys(relation.members):
                found.setdefault(member, []).append(relation)
        return found

    def node(self, ref: str) -> WorkNode | None:
        return next((w for w in self.works if w.ref == ref), None)

    def aligned_pairs(self) -> list[tuple[str, str]]:
        """The pairs of works of the edition whose paragraphs are aligned: a translation and its
        original, two versions, two siblings (in the relation's order).

        Siblings the manifest does not name (derived: translations of one original) are aligned
        along a chain, each with the next in the order of their references, and only when their
        original is outside the edition (otherwise each is aligned with the original itself): n
        translations of one work give n - 1 alignments, not n(n - 1)/2."""
        inside = {w.ref for w in self.works if not w.external}
        translations: dict[str, list[str]] = {}
        for relation in self.relations:
            if relation.kind == "translation":
                translations.setdefault(relation.target, []).append(relation.source)
        pairs = {(r.source, r.target) for r in self.relations if not r.derived}
        for original, sources in translations.items():
            if original not in inside:
                ordered = sorted(sources)
                pairs.update(zip(ordered, ordered[1:]))
        return sorted((a, b) for a, b in pairs if a in inside and b in inside)


def relation_graph(manifest: Manifest, bibliography: Bibliography | None = None) -> RelationGraph:
    bibliography = bibliography or Bibliography()
    texts = {entry.id for entry in manifest.texts}
    works, declared, outside = [], [], {}
    for entry in manifest.texts:
        for number, work in enumerate(entry.works, start=1):
            ref = f"{entry.id}.{number}"
            lang = work.lang if entry.declared_works else entry.lang
            title = next(iter(work.titles.values()), "") or next(iter(entry.titles.values()), "")
            works.append(WorkNode(ref, entry.id, number, lang, title))
            translators = work.translators or entry.translators
            for key, reference in relation_refs(work):
                other = _work_ref(reference, texts)
                if is_external(reference, texts):
                    known = bibliography.lookup(reference)
                    outside[reference] = WorkNode(reference, None, 1, known.lang if known else None, known.title if known else reference)
                if key == "translation_of":
                    declared.append(Relation("translation", ref, other, cert=work.relation_cert, translators=translators))
                elif key == "version_of":
                    declared.append(Relation("version", *sorted((ref, other)), cert=work.relation_cert))
                else:
                    declared.append(Relation("sibling", *sorted((ref, other))))
    works.extend(outside[key] for key in sorted(outside))
    return RelationGraph(tuple(works), tuple(sorted(set(declared) | _derived_siblings(declared))))


def _work_ref(reference: str, texts: set[str]) -> str:
    if is_external(reference, texts):
        return reference
    text_id, number = resolve_work_ref(reference)
    return f"{text_id}.{number}"


def _derived_siblings(declared: list[Relation]) -> set[Relation]:
    """Translations of one original are siblings: one relation for all of them (its members in the
    order of their references), unless the manifest says so already of the only two. One relation
    per group, not per pair: an original with 500 translations gives one relation that each of
    them lists, not 124 750."""
    known = {(r.source, r.target) for r in declared if r.kind == "sibling"}
    by_original: dict[str, list[str]] = {}
    for relation in declared:
        if relation.kind == "translation":
            by_original.setdefault(relation.target, []).append(relation.source)
    derived = set()
    for translations in by_original.values():
        members = sorted(set(translations))
        if len(members) < 2 or (len(members) == 2 and tuple(members) in known):
            continue
        derived.add(Relation("sibling", members[0], members[1], derived=True, others=tuple(members[2:])))
    return derived


def outside_problems(manifest: Manifest, bibliography: Bibliography, registers: str = "tei/registers") -> list[str]:
    """Relations to works outside the edition that the bibliography cannot back: a key it does not
    have, or an original in the translation's own language. Each at the line of the work's table."""
    texts = {entry.id for entry in manifest.texts}
    problems = []
    for entry in manifest.texts:
        for number, work in enumerate(entry.works, start=1):
            place = f"{manifest.path}:{work.line}" if work.line else str(manifest.path)
            for key, reference in relation_refs(work):
                if key == "sibling_of" or not is_external(reference, texts):
                    continue
                where = f"{place}: text '{entry.id}': work {number}: key '{key}'"
                known = bibliography.lookup(reference)
                if known is None:
                    close = difflib.get_close_matches(reference, [*bibliography.entries, *texts], n=1, cutoff=0.75)
                    fix = f"did you mean '{close[0]}'?" if close else f"describe the work in {registers}/bibliography.xml or correct the key"
                    problems.append(f"{where}: '{reference}' names no text of the manifest and no entry of {registers}/bibliography.xml; {fix}")
                    continue
                lang = work.lang if entry.declared_works else entry.lang
                if key == "translation_of" and lang and known.lang and lang.lower() == known.lang.lower():
                    problems.append(f"{where}: '{reference}' is in '{known.lang}' too ({registers}/bibliography.xml line {known.line}): a translation is in another language than its original; for another version in the same language, write 'version_of'")
    return problems


def as_text(graph: RelationGraph) -> str:
    langs = {w.ref: (w.lang or "?") + (", outside the edition" if w.external else "") for w in graph.works}
    lines = []
    for r in graph.relations:
        arrow = f"{r.kind} of"
        note = " (derived)" if r.derived else ""
        if r.cert:
            note += f" (cert: {r.cert})"
        if r.others:
            named = ", ".join(f"{ref} ({langs.get(ref, '?')})" for ref in r.members)
            lines.append(f"{named}: {r.kind}s{note}")
            continue
        lines.append(f"{r.source} ({langs.get(r.source, '?')}) {arrow} {r.target} ({langs.get(r.target, '?')}){note}")
    related = {ref for r in graph.relations for ref in r.members}
    for work in graph.works:
        if work.ref not in related:
            lines.append(f"{work.ref} ({work.lang or '?'}) has no relation")
    return "\n".join(lines) + "\n"


def as_json(graph: RelationGraph) -> str:
    works = [{**asdict(w), "external": w.external} for w in graph.works]
    relations = []
    for r in graph.relations:
        relation = {**asdict(r), "translators": [a.name for a in r.translators], "members": list(r.members)}
        del relation["others"]
        relations.append(relation)
    payload = {"works": works, "relations": relations}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def as_dot(graph: RelationGraph) -> str:
    """Graphviz: works as nodes labelled with their language, translations as arrows to the original,
    siblings as undirected dashed edges."""
    lines = ["digraph relations {", "  rankdir=LR;", "  node [shape=box];"]
    for work in graph.works:
        label = f"{work.ref}\\n{work.lang or '?'}"
        lines.append(f'  "{work.ref}" [label="{label}"];')
    for r in graph.relations:
        style = "" if r.directed else f' [dir=none, style=dashed, label="{r.kind}"]'
        for source, target in zip(r.members, r.members[1:]):  # a group as a chain
            lines.append(f'  "{source}" -> "{target}"{style};')
    lines.append("}")
    return "\n".join(lines) + "\n"


FORMATS = {"text": as_text, "json": as_json, "dot": as_dot}
