"""`interlinea import FILE...`: TEI written elsewhere joins an edition as texts whose TEI is canonical.

Each file is copied, unchanged, to tei/<id>.xml, and the manifest gets a `[[text]]` entry with
`canonical = "tei"` (no seed: the converter never regenerates it), its id, language and titles read
from the TEI header. The manifest is appended to, never rewritten, so its comments and layout stay;
the new entries are checked by reading the whole manifest back before anything is written.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from interlinea.edition import Edition
from interlinea.errors import InterlineaError
from interlinea.tei import TEI_NS
from interlinea.tei_sources import entry_from_header, tei_files, text_id_for
from interlinea.xmlio import write_atomic


@dataclass(frozen=True)
class Imported:
    source: Path
    target: Path
    data: bytes
    manifest_entry: str


def _toml(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def manifest_entry(text_id: str, lang: str | None, titles: dict[str, str], source_name: str) -> str:
    lines = [f"\n# --- {text_id}: imported as TEI from {source_name} (canonical: no seed) ---", "[[text]]", f"id = {_toml(text_id)}", 'canonical = "tei"']
    if lang:
        lines.append(f"lang = {_toml(lang)}")
    title = ", ".join(f"{key if key.replace('-', '').isalnum() else _toml(key)} = {_toml(value)}" for key, value in titles.items())
    lines.append(f"title = {{ {title} }}")
    return "\n".join(lines) + "\n"


def plan_import(edition: Edition, paths: list[Path]) -> list[Imported]:
    """What importing `paths` would do; raises with every problem found, nothing written."""
    taken = {entry.id for entry in edition.manifest.texts}
    plans, problems = [], []
    for path in tei_files(paths):
        parsed = edition.read_xml(path, label=str(path))
        if parsed.tree is None or parsed.problems:
            problems.extend(problem.format() for problem in parsed.problems)
            continue
        root = parsed.tree.getroot()
        if root.tag != f"{{{TEI_NS}}}TEI":
            problems.append(f"{path}: the root element is <{etree.QName(root).localname}>, not a TEI P5 <TEI>; import the texts of a corpus one by one")
            continue
        text_id = text_id_for(root, path, taken)
        target = edition.tei_path(text_id)
        if target.exists():
            problems.append(f"{path}: {edition.relative(target)} exists already; give the file another xml:id or name")
            continue
        entry = entry_from_header(root, path, text_id)
        plans.append(Imported(path, target, parsed.data, manifest_entry(text_id, entry.lang, entry.titles, path.name)))
    if problems:
        raise InterlineaError("\n".join(problems) + "\nnothing was imported")
    return plans


def apply_import(edition: Edition, plans: list[Imported]) -> None:
    """Copy the files and append their entries; the manifest is checked before it is written."""
    manifest = edition.manifest.path
    text = manifest.read_text(encoding="utf-8")
    extended = text + ("" if text.endswith("\n") else "\n") + "".join(plan.manifest_entry for plan in plans)
    try:
        tomllib.loads(extended)
    except tomllib.TOMLDecodeError as exc:  # a title the entry cannot hold: say so, write nothing
        raise InterlineaError(f"{manifest}: the entries for the imported files would not be valid TOML ({exc}); nothing was imported") from None
    for plan in plans:
        write_atomic(plan.target, plan.data)
    write_atomic(manifest, extended.encode("utf-8"))
