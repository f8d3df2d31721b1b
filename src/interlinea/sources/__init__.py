"""Seeds in other formats than plain text: Markdown, saved web pages (HTML), Word
documents (.docx) and OpenDocument texts (.odt).
One module per format, each with `read(data, label) -> Markup`; `READERS` maps file extensions to them.

A formatted source is converted in two steps. Its reader makes the plain-text seed the converter
segments (one line per block, a blank line between blocks) and keeps what the markup says about each
block (`model.Markup`); the seed's digest and size stay those of the file's bytes. The converter's hook
(`hook.blocks_of`) fixes the kinds the markup states (headings, quotations; list items, table cells
and footnotes stay paragraphs), leaving plain paragraphs to the converter as in a plain-text seed (a
dateline, a signature). After the body is built, `hook.apply_markup` puts the inline markup (hi, ref,
footnotes as note place="foot"), lists, tables and heading levels onto it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interlinea.sources.model import Markup

# Extension -> (module of interlinea.sources, whether the reader takes text: the file's bytes are
# checked and decoded as a plain seed's are first).
READERS: dict[str, tuple[str, bool]] = {
    ".md": ("markdown", True),
    ".markdown": ("markdown", True),
    ".html": ("html", False),
    ".htm": ("html", False),
    ".xhtml": ("html", False),
    ".docx": ("docx", False),
    ".odt": ("odt", False),
}


def _reader(module: str) -> Callable:
    if module == "markdown":
        from interlinea.sources import markdown

        return markdown.read
    if module == "html":
        from interlinea.sources import html

        return html.read
    if module == "docx":
        from interlinea.sources import docx

        return docx.read
    from interlinea.sources import odt

    return odt.read


def reader_for(name: str) -> "tuple[Callable[..., Markup], bool] | None":
    """The reader of a file by its extension (case-insensitive) and whether it takes text, or None
    for a plain-text seed."""
    lowered = name.lower()
    for extension, (module, takes_text) in READERS.items():
        if lowered.endswith(extension):
            return _reader(module), takes_text
    return None
