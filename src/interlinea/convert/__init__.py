"""The convert stage: a plain-text seed and its manifest entry become one TEI document.

Reading: segment (lines -> blocks) -> classify (what each block is, where works begin) -> languages
(what language each block is in) -> header + body: a bare TEI tree with its structure, identifiers and
languages, the blocks' characters as they are. Then the passes (interlinea.passes: links, names,
relations) enrich it, in their declared order.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from interlinea.convert.body import Placements, build_body
from interlinea.convert.classify import classify
from interlinea.convert.header import build_header, declare_calendars
from interlinea.convert.language import LanguagePlan, plan_languages
from interlinea.convert.segment import segment
from interlinea.entities import Tagger
from interlinea.passes import PassContext, run_passes
from interlinea.convert.markup import apply_markup, marked_blocks
from interlinea.tei import XML_LANG, element
from interlinea.errors import ConversionError
from interlinea.manifest import EditionMeta, TextEntry
from interlinea.registers import Registers
from interlinea.relations import RelationGraph
from interlinea.seeds import Seed


@dataclass
class Converted:
    """A converted text: its TEI tree, and for review the language decisions made on the way and
    where each block of the seed ended up."""

    tree: etree._ElementTree
    languages: LanguagePlan
    placements: Placements


def convert_text(
    entry: TextEntry,
    seed: Seed,
    meta: EditionMeta,
    label: str | None = None,
    edition_languages: tuple[str, ...] = (),
    registers: Registers | None = None,
    tagger: Tagger | None = None,
    relations: RelationGraph | None = None,
) -> Converted:
    """The TEI document of one text. `edition_languages` are the languages the manifest declares;
    `registers` link authors to their entries, and `tagger` (built from them) tags names in the text."""
    label = label or seed.name
    works = classify(marked_blocks(segment(seed.text), seed), entry, label)
    declared = entry.declared_works
    if declared and len(declared) != len(works):
        starts = ", ".join(f"line {w.blocks[0].first_line}" for w in works)
        raise ConversionError(
            f"{label}: the manifest describes {len(declared)} works for text '{entry.id}', but the seed "
            f"divides into {len(works)} (starting at {starts}); a work starts after a separator line or "
            "after two blank lines that follow a signature, dateline or source note. Adjust the seed "
            "or the [[text.work]] entries."
        )
    plan = plan_languages(works, entry, list(edition_languages))
    root = element("TEI", xml_id=entry.id)
    root.set(XML_LANG, plan.text_lang)
    usage = plan.usage()
    for lang in [plan.text_lang, *plan.work_langs]:
        usage.setdefault(lang, 0)  # declared on <TEI> or a work even if no block ended up in it
    languages = sorted(usage, key=lambda lang: (lang != plan.text_lang, -usage[lang], lang))
    header = build_header(entry, meta, seed, languages, usage, word_count=len(seed.text.split()), registers=registers)
    root.append(header)
    text = etree.SubElement(root, root.tag.replace("TEI", "text"))
    placements = build_body(text, works, entry.id, plan.work_langs, plan.text_lang)
    apply_markup(text, seed, placements)  # what a formatted seed's markup says (Markdown, HTML, .docx…)
    declare_calendars(header, text)
    tree = etree.ElementTree(root)
    run_passes(tree, PassContext(entry=entry, tagger=tagger, registers=registers, relations=relations))
    return Converted(tree, plan, placements)
