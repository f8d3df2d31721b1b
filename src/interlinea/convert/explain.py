"""`interlinea convert --explain`: for each block of a seed, the kind the converter chose and the
signals that chose it, so that an editor can see why a line became a heading, a list or a dateline
and correct it with a `[[text.passage]]` in the manifest.

The explanation re-reads the seed with the same steps as the conversion (segment, classify: both
pure and deterministic), and takes from the conversion where each block ended up (its xml:id).
"""

from __future__ import annotations

import json

from interlinea.convert.classify import classify
from interlinea.convert.segment import Block, segment
from interlinea.manifest import TextEntry

EXCERPT = 60

# What a kind becomes in the TEI, for the report.
TEI_OF_KIND = {
    "heading": "head",
    "paragraph": "p",
    "signature": "closer/signed",
    "byline": "byline",
    "dateline": "dateline",
    "navigation": "fw[@type=navigation]",
    "source": "note[@type=source]",
    "translator": "note[@type=translator]",
    "links": "list[@type=links]",
    "list": "list/item",
    "post": "cit[@type=socialMedia]",
    "quote": "quote",
    "caption": "figure/head",
    "separator": "milestone",
}


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def _rows(entry: TextEntry, seed_text: str, label: str, placements: dict) -> list[dict]:
    works = classify(segment(seed_text), entry, label)
    rows = []
    for number, work in enumerate(works, start=1):
        for block in [*work.separators, *work.blocks, *work.trailing_separators]:
            rows.append(_row(block, number, placements))
    return rows


def _row(block: Block, work: int, placements: dict) -> dict:
    placement = placements.get(block.first_line)
    row = {
        "work": work,
        "line": block.first_line,
        "last_line": block.lines[-1][0],
        "kind": block.kind,
        "tei": TEI_OF_KIND.get(block.kind, block.kind),
        "xml_id": placement.xml_id if placement and placement.xml_id else None,
        "text": block.text if block.kind != "list" else block.lines[0][1].strip(),
        "signals": list(block.data.get("signals", [])),
    }
    if block.kind == "dateline" and block.data.get("dates"):
        row["dates"] = [d.iso or f"{d.calendar}:{d.custom}" for d in block.data["dates"]]
    if block.kind == "list":
        label = block.data.get("label")
        row["label"] = label.text if label is not None else None
        row["items"] = [
            {"line": item.first_line, "text": item.text, "xml_id": (placements.get(item.first_line).xml_id if placements.get(item.first_line) else None)}
            for item in block.data["items"]
        ]
    return row


def explain(entry: TextEntry, seed_text: str, label: str, placements: dict, output_format: str = "text") -> str:
    """The report for one text: one entry per block, with its kind, its TEI, and the signals."""
    rows = _rows(entry, seed_text, label, placements)
    if output_format == "json":
        return json.dumps({"text": entry.id, "seed": label, "blocks": rows}, ensure_ascii=False, indent=2) + "\n"
    lines = [f"{entry.id} ({label}): {len(rows)} blocks"]
    for row in rows:
        where = f"{row['line']}" if row["line"] == row["last_line"] else f"{row['line']}-{row['last_line']}"
        lines.append(f"  line {where:<9} {row['kind']:<11} → {row['tei']:<22} {row['xml_id'] or '-':<20} {_excerpt(row['text'])}")
        # The last signal decided; those before it were weighed and overruled.
        for position, signal in enumerate(row["signals"], start=1):
            lines.append(f"      {'because' if position == len(row['signals']) else 'weighed'}: {signal}")
        if row.get("dates"):
            lines.append(f"      dates: {', '.join(row['dates'])}")
        if row.get("label"):
            lines.append(f"      head: {_excerpt(row['label'])}")
        for item in row.get("items", []):
            lines.append(f"      item line {item['line']:<5} {item['xml_id'] or '-':<20} {_excerpt(item['text'])}")
    lines.append(
        "  To change a decision, add to seeds/edition.toml under this [[text]]:\n"
        '    [[text.passage]]\n    match = "<the first words of the block>"\n'
        "    kind = \"paragraph\"  # or heading, caption, quote, signature, dateline, source, translator, navigation"
    )
    return "\n".join(lines) + "\n"


def explain_texts(edition, texts, output_format: str = "text") -> str:
    """The explanation of every text given, converted already (`stages.convert`), in order."""
    parts = []
    for text in texts:
        if text.seed is None:  # imported as TEI: no seed, nothing was classified
            parts.append(f"{text.id}: imported as TEI (canonical = \"tei\"); nothing to explain\n")
            continue
        label = edition.relative(edition.seeds_dir / text.entry.source)
        parts.append(explain(text.entry, text.seed.text, str(label), text.placements, output_format))
    if output_format == "json":
        return "[\n" + ",\n".join(p.rstrip("\n") for p in parts) + "\n]\n"
    return "\n".join(parts)
