"""Reports for editors: what the converter decided, laid out for review."""

from __future__ import annotations

import json
import re

from interlinea.edition import Text


def snippet(text: str, width: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def language_rows(text: Text) -> list[dict]:
    rows = []
    for decision in text.languages.decisions:
        guess = decision.guess
        placement = text.placements.get(decision.block.first_line)
        rows.append(
            {
                "text": text.id,
                "xml_id": (placement.xml_id if placement else None) or "",
                "line": decision.block.first_line,
                "kind": decision.block.kind,
                "detected": guess.lang if guess and guess.lang else None,
                "confidence": round(guess.confidence, 2) if guess and guess.lang else None,
                "xml_lang": decision.effective,
                "written": bool(placement and placement.lang_written),
                "reason": decision.reason,
                "excerpt": snippet(decision.block.text),
            }
        )
    return rows


def language_report(texts: list[Text], output_format: str = "text") -> str:
    if output_format == "json":
        payload = [
            {
                "text": t.id,
                "lang": t.languages.text_lang,
                "works": t.languages.work_langs,
                "usage": t.languages.usage(),
                "blocks": language_rows(t),
            }
            for t in texts
        ]
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    lines = []
    for text in texts:
        plan = text.languages
        usage = ", ".join(f"{lang} {share}%" for lang, share in sorted(plan.usage().items(), key=lambda kv: -kv[1]))
        source = "manifest" if text.entry.lang else "identified"
        lines.append(f"{text.id}: {plan.text_lang} ({source}); works: {' '.join(plan.work_langs)}; usage: {usage}")
        lines.append(f"  {'xml:id':<18} {'line':>4}  {'kind':<10} {'found':<10} {'xml:lang':<9} {'decision':<28} text")
        for row in language_rows(text):
            found = f"{row['detected']} {row['confidence']:.2f}" if row["detected"] else "-"
            lang = row["xml_lang"] + ("*" if row["written"] else "")
            lines.append(
                f"  {row['xml_id']:<18} {row['line']:>4}  {row['kind']:<10} {found:<10} {lang:<9} {row['reason']:<28} {row['excerpt']}"
            )
        lines.append("")
    return "\n".join(lines)


def _block_elements(tree):
    from interlinea import TEI_NS

    return tree.getroot().xpath("//tei:body//*[@n][not(self::tei:div)] | //tei:body/tei:fw", namespaces={"tei": TEI_NS})


_NAME_TAGS = ("persName", "placeName", "orgName")
_WORD = re.compile(r"(?<![\w@#/.])[^\W\d_][\w’'\-]*")
_SENTENCE_START = re.compile(r"(^|[.!?:;…]\s+|[“\"‘(«]\s*)$")


def _free_text(element) -> list[str]:
    """The pieces of a block's text outside names and links (names and links split the pieces)."""
    from lxml import etree

    pieces = [""]

    def walk(node):
        local = etree.QName(node).localname
        if local in _NAME_TAGS or local == "ref":
            pieces.append("")
        else:
            pieces[-1] += node.text or ""
            for child in node:
                walk(child)
                pieces[-1] += " " if etree.QName(child).localname == "lb" else ""
        if node is not element:
            if local in _NAME_TAGS or local == "ref":
                pieces.append(node.tail or "")
            else:
                pieces[-1] += node.tail or ""

    walk(element)
    return [p for p in pieces if p.strip()]


def _capitalised_phrases(piece: str):
    """Runs of capitalised words separated by single spaces, with where each run starts."""
    run: list[re.Match] = []
    for match in list(_WORD.finditer(piece)) + [None]:
        joined = match is not None and run and piece[run[-1].end() : match.start()] == " "
        if match is not None and match.group()[0].isupper() and (joined or not run):
            run.append(match)
            continue
        if run:
            yield " ".join(m.group().strip("’'-") for m in run), run[0].start()
        run = [match] if match is not None and match.group()[0].isupper() else []


def entity_rows(text: Text, registers) -> tuple[list[dict], list[dict]]:
    """Mentions per entity, and capitalised words or phrases that no register knows (with counts)."""
    from collections import Counter

    from interlinea import TEI_NS

    mentions: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = {}
    candidates: Counter[str] = Counter()
    for block in _block_elements(text.tree):
        for name in block.iter(*(f"{{{TEI_NS}}}{tag}" for tag in _NAME_TAGS)):
            key = (name.get("ref") or "").rpartition("#")[2]
            mentions[key] += 1
            surfaces.setdefault(key, Counter())[name.text or ""] += 1
        for piece in _free_text(block):
            for phrase, start in _capitalised_phrases(piece):
                initial = bool(_SENTENCE_START.search(piece[:start]))
                if len(phrase.split()) > 1 or not initial:
                    candidates[phrase] += 1
    rows = []
    for key, count in sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0])):
        entry = registers.lookup(key)
        rows.append({
            "entity": key,
            "type": entry.kind.entity_type if entry else "?",
            "name": entry.label() if entry else key,
            "mentions": count,
            "forms": dict(sorted(surfaces[key].items(), key=lambda kv: (-kv[1], kv[0]))),
        })
    unknown = [{"candidate": c, "count": n} for c, n in sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0]))]
    return rows, unknown


def entity_report(texts: list[Text], registers, output_format: str = "text") -> str:
    reports = [(text, *entity_rows(text, registers)) for text in texts]
    if output_format == "json":
        payload = [{"text": t.id, "entities": rows, "candidates": unknown} for t, rows, unknown in reports]
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    lines = []
    for text, rows, unknown in reports:
        total = sum(r["mentions"] for r in rows)
        lines.append(f"{text.id}: {total} mentions of {len(rows)} entities")
        for row in rows:
            forms = ", ".join(f"{form} ×{n}" if n > 1 else form for form, n in row["forms"].items())
            lines.append(f"  {row['mentions']:>4}  {row['entity']:<22} {row['type']:<6} {row['name']}  ({forms})")
        lines.append(f"  candidates: capitalised words or phrases in no register ({len(unknown)})")
        for row in unknown:
            lines.append(f"  {row['count']:>4}  {row['candidate']}")
        lines.append("")
    return "\n".join(lines)
