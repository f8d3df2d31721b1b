"""The convert stage: a plain-text seed and its manifest entry become one TEI document.

segment (lines -> blocks) -> classify (what each block is, where works begin) -> body + header.
"""

from __future__ import annotations

from lxml import etree

from interlinea.convert.body import build_body
from interlinea.convert.classify import classify
from interlinea.convert.header import build_header
from interlinea.convert.relations import build_relations
from interlinea.convert.segment import segment
from interlinea.convert.tei import XML_LANG, element
from interlinea.errors import ConversionError
from interlinea.manifest import EditionMeta, TextEntry
from interlinea.seeds import Seed


def convert_text(entry: TextEntry, seed: Seed, meta: EditionMeta, label: str | None = None) -> etree._ElementTree:
    """The TEI document of one text."""
    label = label or seed.name
    blocks = segment(seed.text)
    works = classify(blocks, entry, label)
    declared = entry.works
    if declared and len(declared) != len(works):
        starts = ", ".join(f"line {w.blocks[0].first_line}" for w in works)
        raise ConversionError(
            f"{label}: the manifest describes {len(declared)} works for text '{entry.id}', but the seed "
            f"divides into {len(works)} (starting at {starts}); a work starts after a separator line or "
            "after two blank lines that follow a signature, dateline or source note. Adjust the seed "
            "or the [[text.work]] entries."
        )
    work_langs = [w.lang for w in entry.work_list()] if declared else [entry.lang] * len(works)
    text_lang = entry.lang or next((lang for lang in work_langs if lang), None) or "und"
    languages = _languages(text_lang, work_langs, blocks)
    root = element("TEI", xml_id=entry.id)
    root.set(XML_LANG, text_lang)
    root.append(build_header(entry, meta, seed, languages, word_count=len(seed.text.split())))
    text = etree.SubElement(root, root.tag.replace("TEI", "text"))
    text.append(build_body(works, entry.id, work_langs, text_lang))
    relations = build_relations(entry)
    if relations is not None:
        root.append(relations)
    return etree.ElementTree(root)


def _languages(text_lang: str, work_langs: list[str | None], blocks) -> list[str]:
    """Every language used in the text, the main one first."""
    found = [text_lang] + [lang for lang in work_langs if lang] + [b.lang for b in blocks if b.lang]
    return list(dict.fromkeys(found))
