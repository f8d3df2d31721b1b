"""The links pass: every URL in the running text becomes a <ref> whose content keeps the exact
characters of the source (a scheme-less `pic.twitter.com/…` gets `https://` in @target only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from interlinea.passes.running_text import rewrite_running_text
from interlinea.patterns import find_urls, url_target
from interlinea.tei import element

if TYPE_CHECKING:
    from interlinea.passes import PassContext

# Inside a link there is no other link; a date's text is a date.
SKIP = frozenset({"ref", "date"})


def _links(text: str) -> list[tuple[int, int, etree._Element]]:
    return [(start, end, element("ref", url, target=url_target(url))) for start, end, url in find_urls(text)]


def apply(tree: etree._ElementTree, context: "PassContext") -> None:
    rewrite_running_text(tree, SKIP, _links)
