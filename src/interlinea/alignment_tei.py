"""The paragraph alignment of two works as a TEI document of its own, in tei/alignment/.

One file per aligned pair (`organise-it.1__organise-en.1.xml`): a header saying what was aligned and
how, then `<standOff>` with one `<linkGrp type="translation">` whose `@domains` are the two works and
whose `<link>`s each join the blocks of one group, from both works (1:1, 1:n, n:1, n:m). A block in
no link is unaligned. `@cert` is the aligner's confidence (0–1) so that review starts with the weakest
links; a group fixed in the corrections file is `type="correction"`.

Why a file per pair and not the texts' own stand-off: an alignment depends on two texts, and a text
edited by hand is never rewritten; a separate file can follow both texts without touching either.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from interlinea import __version__
from interlinea.alignment import Group
from interlinea.bcp47 import language_name
from interlinea.tei import NS, TEI_NS, XML_LANG, element, sub

FOLDER = "alignment"


def file_name(a_ref: str, b_ref: str) -> str:
    return f"{a_ref}__{b_ref}.xml"


def _pointer(work_ref: str, block_id: str) -> str:
    """From tei/alignment/ to a block of a text in tei/."""
    return f"../{work_ref.rsplit('.', 1)[0]}.xml#{block_id}"


@dataclass(frozen=True)
class Side:
    work: str  # "organise-it.1"
    lang: str | None
    title: str


def alignment_tree(a: Side, b: Side, groups: Iterable[Group], corrected: set, publisher: str) -> etree._ElementTree:
    """The TEI document of one alignment; only groups with blocks on both sides become links."""
    root = element("TEI", xml_id=f"alignment.{a.work}__{b.work}")
    root.set(XML_LANG, "en")
    header = sub(root, "teiHeader")
    file_desc = sub(header, "fileDesc")
    sub(sub(file_desc, "titleStmt"), "title", f"Paragraph alignment of {a.work} ({a.title}) and {b.work} ({b.title})")
    sub(sub(file_desc, "publicationStmt"), "publisher", publisher)
    source = sub(file_desc, "sourceDesc")
    sub(source, "p", f"Computed by Interlinea from the citable blocks of the two works as encoded in tei/ "
        f"({a.work.rsplit('.', 1)[0]}.xml, {b.work.rsplit('.', 1)[0]}.xml), with the editors' corrections from seeds/alignment.toml.")
    application = sub(sub(sub(header, "encodingDesc"), "appInfo"), "application", ident="interlinea", version=__version__)
    sub(application, "label", "Interlinea")
    usage = sub(sub(header, "profileDesc"), "langUsage")
    for lang in dict.fromkeys(["en", *(s.lang for s in (a, b) if s.lang)]):
        sub(usage, "language", language_name(lang), ident=lang)
    group_element = sub(
        sub(root, "standOff"), "linkGrp", type="translation",
        domains=f"{_pointer(a.work, a.work)} {_pointer(b.work, b.work)}",
    )
    for group in groups:
        if not (group.a and group.b):
            continue
        targets = [_pointer(a.work, i) for i in group.a] + [_pointer(b.work, i) for i in group.b]
        link = sub(group_element, "link", target=" ".join(targets))
        if (tuple(group.a), tuple(group.b)) in corrected:
            link.set("type", "correction")
        link.set("cert", f"{group.cert:.3f}")
    if len(group_element) == 0:
        return None
    return etree.ElementTree(root)


def links_of(tree: etree._ElementTree) -> list[tuple[list[str], str | None, str | None]]:
    """Each link's pointers, type and cert, in document order."""
    return [
        (link.get("target", "").split(), link.get("type"), link.get("cert"))
        for link in tree.getroot().iterfind("tei:standOff/tei:linkGrp/tei:link", NS)
    ]


def is_alignment(root: etree._Element) -> bool:
    return root.find(f"{{{TEI_NS}}}standOff/{{{TEI_NS}}}linkGrp[@type='translation']") is not None and root.find(f"{{{TEI_NS}}}text") is None
