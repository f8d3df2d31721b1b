"""A large edition made of renamed copies of the seed edition, for measuring how validation scales.

Every copy must be a valid text of its own, so validation times what a real edition of that size
costs and not the reporting of thousands of errors. Per copy `b042` of text `organise-en`:

- tei/organise-en-b042.xml: the TEI with the text id (the prefix of every xml:id) renamed to
  `organise-en-b042`, so `organise-en.1.3` becomes `organise-en-b042.1.3`; every pointer
  (`#id`, `file.xml#id`) follows; `<idno type="siglum">` follows;
- seeds/001_6307cbb1398a19df-b042.txt: the seed's exact bytes under a new name (the header records
  its SHA-256, which a rule checks against seeds/<filename>), and `<idno type="filename">` names it;
- seeds/edition.toml: the [edition] table once, then each [[text]] entry (with its works and
  passages) once per copy, with `id`, `source` and the work references (`translation_of`,
  `sibling_of`) renamed.

tei/registers/ is copied unchanged: the copies refer to the same persons and organisations.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"<[A-Za-z][^>]*>")  # a start tag; lxml escapes '>' in attribute values
_ATTRIBUTE = re.compile(r'(\s)([\w:.-]+)="([^"]*)"')
_TEXT_HEADER = re.compile(r"^\[\[text\]\]\s*(?:#.*)?$", re.M)


@dataclass(frozen=True)
class Corpus:
    """Where an edition is and what its TEI amounts to (for the Files, TEI MB and Files/s columns)."""

    root: Path
    label: str

    def tei_files(self) -> list[Path]:
        """The texts and registers, as `interlinea validate --edition` checks them."""
        tei = self.root / "tei"
        return sorted(tei.glob("*.xml")) + sorted((tei / "registers").glob("*.xml"))

    def megabytes(self) -> float:
        return sum(p.stat().st_size for p in self.tei_files()) / 1e6


class _Renamer:
    """Renames text ids, xml:ids and pointers of one copy; ids of other editions' files are left alone."""

    def __init__(self, text_ids: list[str], suffix: str):
        self.suffix = suffix
        # Longest first, so that an id that is the prefix of another cannot steal its match.
        alternatives = "|".join(re.escape(t) for t in sorted(text_ids, key=len, reverse=True))
        self.siglum = re.compile(rf"^({alternatives})(?=\.|$)")

    def reference(self, value: str) -> str:
        """A text id or work reference (`organise-en`, `tir-en-it.2`) renamed; any other string unchanged."""
        return self.siglum.sub(rf"\g<1>{self.suffix}", value, count=1)

    def xml_id(self, value: str) -> str:
        """`organise-en.1.3` -> `organise-en-b042.1.3`; an id without a text prefix gets the suffix at the end."""
        renamed, count = self.siglum.subn(rf"\g<1>{self.suffix}", value)
        return renamed if count else value + self.suffix

    def pointer(self, token: str) -> str:
        """`#id` is renamed like the xml:id it points to; `text.xml#id` only when `text` is a text of the edition."""
        if "#" not in token:
            return token
        document, _, fragment = token.partition("#")
        if not document:
            return "#" + self.xml_id(fragment)
        stem = document.removesuffix(".xml")
        if document.endswith(".xml") and self.siglum.match(stem.rsplit("/", 1)[-1]):
            head, _, name = document.rpartition("/")
            new_name = self.siglum.sub(rf"\g<1>{self.suffix}", name.removesuffix(".xml")) + ".xml"
            return f"{head}/{new_name}#{self.xml_id(fragment)}" if head else f"{new_name}#{self.xml_id(fragment)}"
        return token

    def attribute(self, match: re.Match) -> str:
        space, name, value = match.groups()
        if name == "xml:id":
            value = self.xml_id(value)
        elif "#" in value:
            value = re.sub(r"\S+", lambda m: self.pointer(m.group()), value)
        return f'{space}{name}="{value}"'

    def tei(self, text: str) -> str:
        text = _TAG.sub(lambda tag: _ATTRIBUTE.sub(self.attribute, tag.group()), text)
        return re.sub(
            r'(<idno type="siglum">)([^<]*)(</idno>)',
            lambda m: m.group(1) + self.xml_id(m.group(2)) + m.group(3),
            text,
        )


def seed_copy_name(source: str, suffix: str) -> str:
    """`001_6307cbb1398a19df.txt` -> `001_6307cbb1398a19df-b042.txt`."""
    path = Path(source)
    return f"{path.stem}{suffix}{path.suffix}"


def _manifest_entry(block: str, renamer: _Renamer, source: str, suffix: str) -> str:
    """One [[text]] block of edition.toml (with its works and passages) for one copy.

    Every string that is a text id or a work reference (`id`, `translation_of = "tir-en-it.2"`,
    `sibling_of = ["pramen-bg"]`, and keys added later that hold the same kind of value) is renamed,
    so the copies refer to each other within a copy; `source` names the copied seed.
    """
    block = re.sub(r'"([^"\\\n]*)"', lambda m: '"' + renamer.reference(m.group(1)) + '"', block)
    return re.sub(
        r'^(\s*source\s*=\s*)"[^"]*"', rf'\g<1>"{seed_copy_name(source, suffix)}"', block, count=1, flags=re.M
    )


def generate(edition: Path, target: Path, copies: int) -> Corpus:
    """Write an edition of `copies` renamed copies of every text of `edition` into `target`.

    The texts are those of the manifest (each must have its tei/<id>.xml), so the result is exactly
    what `interlinea validate --edition target` will look for.
    """
    manifest_text = (edition / "seeds" / "edition.toml").read_text(encoding="utf-8")
    texts = tomllib.loads(manifest_text)["text"]
    text_ids = [t["id"] for t in texts]
    headers = [m.start() for m in _TEXT_HEADER.finditer(manifest_text)]
    if len(headers) != len(texts):
        raise ValueError(f"found {len(headers)} [[text]] headers but {len(texts)} texts in edition.toml")
    preamble = manifest_text[: headers[0]]
    blocks = [manifest_text[a:b] for a, b in zip(headers, headers[1:] + [len(manifest_text)])]

    (target / "seeds").mkdir(parents=True, exist_ok=True)
    (target / "tei").mkdir(exist_ok=True)
    shutil.copytree(edition / "tei" / "registers", target / "tei" / "registers")
    originals = {t["id"]: (edition / "tei" / f"{t['id']}.xml").read_text(encoding="utf-8") for t in texts}

    entries = [preamble.rstrip() + "\n"]
    for n in range(copies):
        suffix = f"-b{n:03d}"
        renamer = _Renamer(text_ids, suffix)
        for entry, block in zip(texts, blocks):
            text_id, source = entry["id"], entry["source"]
            new_seed = seed_copy_name(source, suffix)
            shutil.copyfile(edition / "seeds" / source, target / "seeds" / new_seed)
            # The seed's file name appears in <idno type="filename"> and in the revisionDesc note.
            tei = renamer.tei(originals[text_id]).replace(source, new_seed)
            (target / "tei" / f"{text_id}{suffix}.xml").write_text(tei, encoding="utf-8")
            entries.append("\n" + _manifest_entry(block, renamer, source, suffix).strip() + "\n")
    (target / "seeds" / "edition.toml").write_text("".join(entries), encoding="utf-8")
    return Corpus(target, f"{copies}x generated")
