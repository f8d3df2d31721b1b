"""The citations of the edition, for the web edition's "cite this" box and for reference managers:
site/cite/<id>.bib (BibTeX), <id>.ris (RIS) and <id>.json (CSL-JSON) for every text.

Each file holds the text, then each of its works followed by its citable blocks, in document order,
each entry keyed by the reference's xml:id (`organise-en`, `organise-en.1`, `organise-en.1.12`): the
box takes the entry of the passage the reader is at. `interlinea cite REF --format bibtex|ris|csl-json`
prints the same entry. No stylesheet is involved: the entries are made in Python from the TEI header
and the manifest (see interlinea.citation).
"""

from __future__ import annotations

from functools import cached_property
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from interlinea import __version__
from interlinea.citation.formats import MACHINE_FORMATS, write
from interlinea.citation.model import EditionInfo, TextCitations, edition_info, text_citations
from interlinea.publish.base import MANIFEST, REGISTERS, Output, Publisher, sha256_of, text_input

# The libraries whose output these files are: a new version may write them differently.
LIBRARIES = ("bibtexparser", "rispy")


class CitePublisher(Publisher):
    format = "cite"

    def method_digest(self) -> str:
        """The version and the libraries that write the files; the text edition's options
        (numbering, wrapping) change nothing here."""
        parts = [f"interlinea {__version__}", self.format]
        for name in LIBRARIES:
            try:
                parts.append(f"{name} {version(name)}")
            except PackageNotFoundError:
                parts.append(name)
        return sha256_of(*(part.encode() for part in parts))

    def outputs(self) -> list[Output]:
        # The manifest gives the edition's metadata and each work's title; the registers the
        # bibliography entries that describe originals.
        return [
            Output(Path(self.format) / f"{text.id}{suffix}", (text_input(text.id), MANIFEST, REGISTERS), {"format": name}, text.id)
            for text in self.texts
            for name, suffix in MACHINE_FORMATS.items()
        ]

    def render(self, output: Output) -> bytes:
        return write(self._citations(output.text_id).items, output.parameters["format"]).encode("utf-8")

    @cached_property
    def _edition(self) -> EditionInfo:
        return edition_info(self.edition)

    def _citations(self, text_id: str) -> TextCitations:
        cache = self.__dict__.setdefault("_by_text", {})
        if text_id not in cache:
            cache[text_id] = text_citations(self.edition, self.by_id[text_id], self._edition)
        return cache[text_id]
