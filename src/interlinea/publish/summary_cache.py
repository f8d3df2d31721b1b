"""The texts' summaries for the edition document (xslt/html/summary.xsl), kept between builds.

Every build needs the summary of every text (the home page lists them all, an entry page lists every
mention of its entry), but a text's summary changes only when its TEI or the stylesheets change. A
summary is kept as a small XML file named by the digest of exactly those
(`.interlinea/summaries/<digest>.xml`, build state, not committed), so a build after one seed changed
runs the summary stylesheet on that text alone. The files are read with the inert parser; one that
cannot be read is made again; those no text used in a run are removed at its end.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lxml import etree

from interlinea.digests import sha256_of
from interlinea.xml_input import safe_parser
from interlinea.xmlio import remove_temporaries, write_atomic


class SummaryCache:
    """Summaries by the digest of what makes them; with `folder` None they are kept for this run
    only (in memory)."""

    def __init__(self, folder: Path | None, method: str):
        self.folder = folder
        self.method = method  # the digest of the stylesheets that make a summary
        self.used: set[str] = set()
        self.in_memory: dict[str, bytes] = {}

    def name(self, tei: bytes, parameter: str) -> str:
        """The summary of a text whose TEI is `tei` (`parameter`: what else the stylesheet is given)."""
        return sha256_of(self.method.encode(), parameter.encode(), tei) + ".xml"

    def has(self, name: str) -> bool:
        return name in self.in_memory or (self.folder is not None and (self.folder / name).is_file())

    def put(self, name: str, data: bytes) -> None:
        """Keep a summary made in this run (here or in a worker process)."""
        self.used.add(name)
        if self.folder is None:
            self.in_memory[name] = data
        else:
            write_atomic(self.folder / name, data)

    def summary(self, name: str, make: Callable[[], bytes]) -> etree._Element:
        """The summary called `name`: kept, else made now by `make` (its serialised bytes)."""
        self.used.add(name)
        data = self.in_memory.get(name)
        if data is None and self.folder is not None:
            try:
                data = (self.folder / name).read_bytes()
            except OSError:
                data = None
        if data is not None:
            try:
                return etree.fromstring(data, safe_parser())
            except etree.XMLSyntaxError:
                pass  # damaged: made again
        data = make()
        self.put(name, data)
        return etree.fromstring(data, safe_parser())

    def prune(self) -> None:
        """Remove the summaries no text of this run used (and what an interrupted run left)."""
        if self.folder is None or not self.folder.is_dir():
            return
        remove_temporaries(self.folder)
        for path in self.folder.glob("*.xml"):
            if path.name not in self.used:
                path.unlink()
