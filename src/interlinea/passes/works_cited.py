"""The works-cited pass: each link and each cited title in the running text points to the entry of
the bibliography register (tei/registers/bibliography.xml) that describes the work.

A `<ref>` whose URL is an entry's URL gets `@corresp` pointing to the entry (its `@target` stays the
URL, as the seed gives it); a `<title>` whose words are one of an entry's titles gets `@ref`, as a
name points to its register entry; the `<bibl>` of a quoted post (its author and date) gets
`@corresp` to the one entry by that author on that date. The seed's characters are not touched. Pointers this pass made
earlier and that no longer match (an entry removed or changed) are taken away, so the pass can run
again over an existing or hand-edited file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from interlinea.bibliography import FILE_NAME
from interlinea.tei import TEI_NS

if TYPE_CHECKING:
    from interlinea.bibliography import Bibliography, BiblEntry
    from interlinea.passes import PassContext

_OURS = f"registers/{FILE_NAME}#"


def _point(node: etree._Element, attribute: str, entry: "BiblEntry | None") -> None:
    current = node.get(attribute)
    if entry is not None:
        node.set(attribute, entry.pointer)
    elif current is not None and current.startswith(_OURS):
        del node.attrib[attribute]


def link_works(tree: etree._ElementTree, bibliography: "Bibliography") -> None:
    text = tree.getroot().find(f"{{{TEI_NS}}}text")
    if text is None:
        return
    for ref in text.iter(f"{{{TEI_NS}}}ref"):
        _point(ref, "corresp", bibliography.find_url(ref.get("target")))
    for title in text.iter(f"{{{TEI_NS}}}title"):
        _point(title, "ref", bibliography.find_title("".join(title.itertext())))
    for bibl in text.iter(f"{{{TEI_NS}}}bibl"):  # the citation of a quoted post: author and date
        date = bibl.find(f"{{{TEI_NS}}}date")
        authors = {n.get("ref").rsplit("#", 1)[-1] for n in bibl.iterfind(f"{{{TEI_NS}}}author/*") if n.get("ref")}
        _point(bibl, "corresp", bibliography.find_post(date.get("when") if date is not None else None, authors))


def apply(tree: etree._ElementTree, context: "PassContext") -> None:
    if context.registers is None:
        return
    link_works(tree, context.registers.bibliography)
