"""`interlinea align A B`: an alignment laid out for review, side by side, the weakest groups flagged."""

from __future__ import annotations

import json

from interlinea.alignment import UNRELATED_CERT, Group, Unit, looks_unrelated
from interlinea.report import snippet

WEAK = UNRELATED_CERT  # groups below this are flagged "?" for review


def _excerpt(units: list[Unit], width: int) -> str:
    return snippet(" / ".join(u.text for u in units), width)


def _numbers(units: list[Unit]) -> str:
    return ",".join(u.id.rsplit(".", 1)[1] for u in units) or "-"


def _flag(group: Group, corrected: set) -> str:
    if (tuple(group.a), tuple(group.b)) in corrected:
        return "="
    return "?" if group.cert < WEAK else " "


def as_text(a_ref: str, b_ref: str, groups: list[Group], units: dict[str, Unit], corrected: set = frozenset(), width: int = 34) -> str:
    lines = [f"{a_ref} ↔ {b_ref}: {len(groups)} groups", f"{'cert':>5}   {a_ref:<{width + 10}} {b_ref}"]
    for group in groups:
        a, b = [units[i] for i in group.a], [units[i] for i in group.b]
        flag = _flag(group, corrected)
        left = f"{_numbers(a):<8} {_excerpt(a, width)}"
        lines.append(f"{group.cert:5.2f} {flag} {left:<{width + 10}} {_numbers(b):<8} {_excerpt(b, width)}")
    weak = sum(1 for g in groups if _flag(g, corrected) == "?")
    lines.append(f"{weak} of {len(groups)} groups are weak (cert < {WEAK}, flagged ?); review them first")
    if corrected:
        lines.append(f"{len(corrected)} groups are fixed in seeds/alignment.toml (flagged =)")
    if looks_unrelated(groups):
        lines.append("the two works look unrelated: hardly any group is sure; check that one translates the other")
    return "\n".join(lines) + "\n"


def as_json(a_ref: str, b_ref: str, groups: list[Group], units: dict[str, Unit], corrected: set = frozenset()) -> str:
    payload = {
        "a": a_ref,
        "b": b_ref,
        "unrelated": looks_unrelated(groups),
        "groups": [
            {"a": list(g.a), "b": list(g.b), "cert": round(g.cert, 3), "corrected": (tuple(g.a), tuple(g.b)) in corrected}
            for g in groups
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
