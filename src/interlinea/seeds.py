"""Reading seeds: strict UTF-8, no binary data, only characters XML allows.

A seed in another format (Markdown, HTML, .docx: see interlinea.sources) is read by its format's
reader into the plain text the converter segments, with its markup kept beside it (`Seed.markup`);
its digest and size are those of the file's own bytes.

A seed that fails a check is never half-converted: the error names the file and the line and column
(or byte offset) of the first problem, and says how to fix it.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from interlinea.errors import SeedError
from interlinea.limits import size_problem

if TYPE_CHECKING:
    from interlinea.sources.model import Markup

# XML 1.0 allows TAB, LF, CR and everything from U+0020 except the surrogates, U+FFFE and U+FFFF.
_NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BINARY_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"\x7fELF")


@dataclass(frozen=True)
class Seed:
    """A seed file read and checked: its exact bytes, digest, and text with LF line ends."""

    path: Path
    data: bytes
    text: str
    had_bom: bool
    had_crlf: bool
    markup: "Markup | None" = None  # a formatted source's markup (None: a plain-text seed)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def size(self) -> int:
        return len(self.data)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    # A few stray control characters are a text problem, reported with their line by the XML check.
    return controls >= 8 and controls > len(head) // 20


# A seed with thousands of bad characters is reported by its first ones and a count.
MAX_REPORTED = 20


class _Found(list):
    total = 0


def _more(total: int, shown: int, label: str) -> str:
    return f"\n{label}: … and {total - shown} more of the same kind" if total > shown else ""


def _text_position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _invalid_utf8(data: bytes) -> _Found:
    """Every byte sequence that is not UTF-8, found in one decoding pass: (line, column, bytes, offset,
    reason) for the first MAX_REPORTED of them, and their total."""
    found = _Found()

    def record(exc: UnicodeDecodeError) -> tuple[str, int]:
        found.total += 1
        if len(found) < MAX_REPORTED:
            line, column = _position(data, exc.start)
            if line == 1 and data.startswith(b"\xef\xbb\xbf"):
                column -= 1  # the byte-order mark is not a character of the text
            found.append((line, column, data[exc.start : exc.end].hex(" ").upper(), exc.start, exc.reason))
        return "\ufffd", exc.end

    codecs.register_error("interlinea-record", record)
    data.decode("utf-8", errors="interlinea-record")
    return found


def check_seed_bytes(data: bytes, label: str) -> tuple[str, bool, bool]:
    """Decode and check a seed's bytes; return (text with LF line ends, had BOM, had CRLF)."""
    if not data:
        raise SeedError(f"{label}: the file is empty (0 bytes); put the plain text of the source in it")
    nul = data.find(b"\x00")
    if nul >= 0 or _looks_binary(data):
        where = ""
        if nul >= 0:
            line, column = _position(data, nul)
            where = f" (NUL byte at line {line}, column {column}, byte offset {nul})"
        raise SeedError(
            f"{label}: this is a binary file, not plain text{where}; "
            "a seed must be the plain UTF-8 text of a source"
        )
    problems = []
    bad_bytes = _invalid_utf8(data)
    problems += [
        f"{label}:{line}:{column}: not valid UTF-8: byte(s) {bad} at byte offset {offset} ({reason}); "
        "re-save the file as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`"
        for line, column, bad, offset, reason in bad_bytes
    ]
    text = data.decode("utf-8", errors="replace")
    had_bom = text.startswith("\ufeff")
    if had_bom:
        text = text[1:]
    had_crlf = "\r" in text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad_chars = list(_NOT_XML_CHAR.finditer(text))
    problems += [
        f"{label}:{line}:{column}: character U+{ord(found.group()):04X} is not allowed in XML; "
        "delete it or replace it with the character it stands for"
        for found in bad_chars[:MAX_REPORTED]
        for line, column in [_text_position(text, found.start())]
    ]
    if problems:
        more = _more(bad_bytes.total, len(bad_bytes), label) + _more(len(bad_chars), min(len(bad_chars), MAX_REPORTED), label)
        raise SeedError("\n".join(problems) + more)
    if not text.strip():
        raise SeedError(f"{label}: the file holds only white space; put the plain text of the source in it")
    return text, had_bom, had_crlf


def read_seed(path: Path, label: str | None = None) -> Seed:
    """Read one seed file; `label` is how the file is named in messages (default: its path)."""
    label = label or str(path)
    try:
        too_large = size_problem(path.stat().st_size)
        if too_large:
            raise SeedError(f"{label}: {too_large}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SeedError(f"{label}: no such file; check the `source` key in seeds/edition.toml") from None
    except IsADirectoryError:
        raise SeedError(f"{label}: is a directory, not a text file") from None
    from interlinea.sources import reader_for

    found = reader_for(path.name)
    if found is not None:
        return read_formatted(path, data, label, *found)
    text, had_bom, had_crlf = check_seed_bytes(data, label)
    return Seed(path=path, data=data, text=text, had_bom=had_bom, had_crlf=had_crlf)


def read_formatted(path: Path, data: bytes, label: str, reader, takes_text: bool) -> Seed:
    """A seed in another format: its reader's plain text, checked as any seed's text is. A reader
    of a text format (Markdown) gets the file's text checked and decoded as a plain seed's."""
    from interlinea.sources.model import plain_text

    if not data:
        raise SeedError(f"{label}: the file is empty (0 bytes); put the text of the source in it")
    markup = reader(check_seed_bytes(data, label)[0] if takes_text else data, label)
    text = plain_text(markup)
    bad = _NOT_XML_CHAR.search(text)
    if bad:
        raise SeedError(
            f"{label}: character U+{ord(bad.group()):04X} (in the text of block {text.count(chr(10), 0, bad.start()) // 2 + 1}) "
            "is not allowed in XML; delete it or replace it with the character it stands for"
        )
    if not text.strip():
        raise SeedError(f"{label}: the file holds no text; put the text of the source in it")
    return Seed(path=path, data=data, text=text, had_bom=False, had_crlf=False, markup=markup)
