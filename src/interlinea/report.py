"""Reports for editors: what the converter decided, laid out for review."""

from __future__ import annotations

import json

from interlinea.edition import Text


def _snippet(text: str, width: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def language_rows(text: Text) -> list[dict]:
    rows = []
    for decision in text.languages.decisions:
        guess = decision.guess
        rows.append(
            {
                "text": text.id,
                "xml_id": decision.block.data.get("xml_id", ""),
                "line": decision.block.first_line,
                "kind": decision.block.kind,
                "detected": guess.lang if guess and guess.lang else None,
                "confidence": round(guess.confidence, 2) if guess and guess.lang else None,
                "xml_lang": decision.effective,
                "written": decision.written,
                "reason": decision.reason,
                "excerpt": _snippet(decision.block.text),
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
