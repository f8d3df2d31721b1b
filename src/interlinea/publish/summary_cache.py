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
    """Summaries by the digest of what makes them; `folder` None keeps nothing (each is made)."""

    def __init__(self, folder: Path | None, method: str):
        self.folder = folder
        self.method = method  # the digest of the stylesheets that make a summary
        self.used: set[str] = set()
        self.made = 0  # how many were made in this run (not found)

    def summary(self, tei: bytes, parameter: str, make: Callable[[], etree._Element]) -> etree._Element:
        """The summary of a text whose TEI is `tei` (`parameter`: what else the stylesheet is given)."""
        if self.folder is None:
            self.made += 1
            return make()
        name = sha256_of(self.method.encode(), parameter.encode(), tei) + ".xml"
        self.used.add(name)
        path = self.folder / name
        try:
            return etree.fromstring(path.read_bytes(), safe_parser())
        except (OSError, etree.XMLSyntaxError):
            pass  # not made yet, or damaged: made again
        made = make()
        self.made += 1
        write_atomic(path, etree.tostring(made, encoding="UTF-8"))
        return made

    def prune(self) -> None:
        """Remove the summaries no text of this run used (and what an interrupted run left)."""
        if self.folder is None or not self.folder.is_dir():
            return
        remove_temporaries(self.folder)
        for path in self.folder.glob("*.xml"):
            if path.name not in self.used:
                path.unlink()
