"""The edition document: what the web edition's pages know about the edition as a whole.

Every page of the site is made by a stylesheet from one TEI document (a text, an alignment) or from
this document (home, registers, map, timeline, bibliography, about, search). It gathers, once per
run, what no single TEI file holds:

    <edition xmlns="urn:interlinea:site" id="" title="" subtitle="" publisher="" date="" licence=""
             licence-url="" url="" version="" validation="">
      <description>…</description>
      <editor ref="…">name</editor>*
      <text id="" href="texts/<id>.html" tei="tei/<id>.xml" plain="text/<id>.txt">
        …the text's summary, made by xslt/html/summary.xsl from its TEI…
      </text>*
      <alignment href="parallel/<a>__<b>.html" tei="tei/alignment/<a>__<b>.xml" a="<work>" b="<work>"
                 text-a="<text id>" text-b="<text id>"/>*
      <work ref="" text="" number="" lang="" title="" external="true|false"/>*
      <relation kind="translation|version|sibling" source="" target="" derived="" cert=""/>*
      <registers> the register TEI documents (persons, places, organisations, bibliography) </registers>
      <schema file="" title="" base="" tei-version=""/>*  the schemas of validation (About page)
      <geography source="" file="">…</geography>?  the outline of the world for the map (TopoJSON)
    </edition>

The relations come from the convert stage's graph, or, when the run did not convert (`publish`),
from the manifest, as the align stage finds them. The outline of the world (xslt/html/data/,
TopoJSON of Natural Earth) is there only when a register place has coordinates, for the map page.

The summaries are made by XSLT (the stylesheet decides what a page needs of a text: its titles,
languages, mentions of names with their context, dates); Python only assembles the document with
lxml's tree API from the manifest, the relation graph and the files of the edition. Nothing in it
depends on the time of the build: the dates are the edition's and the texts'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy
from pathlib import Path

from lxml import etree

from interlinea import TEI_NS, __version__
from interlinea.edition import Edition, Text
from interlinea.resources import schema_path, xslt_path

SITE_NS = "urn:interlinea:site"


def site(local: str) -> str:
    return f"{{{SITE_NS}}}{local}"


def text_page(text_id: str) -> str:
    return f"texts/{text_id}.html"


def parallel_page(alignment: Path) -> str:
    return f"parallel/{alignment.stem}.html"


def entry_page(register: str, entry_id: str) -> str:
    return f"{register}/{entry_id}.html"


def alignment_sides(tree: etree._ElementTree) -> tuple[str, str] | None:
    """The two works an alignment file aligns (its linkGrp's @domains), as work ids."""
    group = tree.getroot().find(".//{http://www.tei-c.org/ns/1.0}linkGrp")
    domains = (group.get("domains") or "").split() if group is not None else []
    if len(domains) != 2:
        return None
    a, b = (domain.rpartition("#")[2] for domain in domains)
    return a, b


def edition_document(
    edition: Edition,
    texts: list[Text],
    summarise: Callable[[Text], etree._Element],
    validation: str = "",
) -> etree._ElementTree:
    """The edition document for `texts` (see the module's doc): `summarise` turns a text into its
    summary element (summary.xsl); `validation` is the validation report's summary line, if the
    build validated the edition."""
    meta = edition.manifest.meta
    root = etree.Element(site("edition"), nsmap={None: SITE_NS})
    attributes = {
        "id": meta.id,
        "title": meta.title,
        "subtitle": meta.subtitle or "",
        "publisher": meta.publisher,
        "place": meta.pub_place or "",
        "date": meta.date,
        "licence": meta.licence,
        "licence-url": meta.licence_url,
        "url": meta.url or "",
        "version": __version__,
        "validation": validation,
    }
    for name, value in attributes.items():
        root.set(name, value)
    if meta.description:
        etree.SubElement(root, site("description")).text = meta.description
    for editor in meta.editors:
        node = etree.SubElement(root, site("editor"))
        node.text = editor.name
        if editor.ref:
            node.set("ref", editor.ref)
    for text in texts:
        holder = etree.SubElement(root, site("text"), id=text.id, href=text_page(text.id), tei=f"tei/{text.id}.xml", plain=f"text/{text.id}.txt")
        holder.append(summarise(text))
    text_of = {work: text.id for text in texts for work in _work_ids(text)}
    for path in edition.alignment_paths():
        parsed = edition.read_xml(path)
        sides = alignment_sides(parsed.tree) if parsed.tree is not None else None
        if sides is None or sides[0] not in text_of or sides[1] not in text_of:
            continue  # an alignment of texts not published in this run
        etree.SubElement(
            root,
            site("alignment"),
            href=parallel_page(path),
            tei=f"tei/alignment/{path.name}",
            a=sides[0],
            b=sides[1],
            **{"text-a": text_of[sides[0]], "text-b": text_of[sides[1]]},
        )
    graph = relations_of(edition)
    if graph is not None:
        for work in graph.works:
            etree.SubElement(
                root,
                site("work"),
                ref=work.ref,
                text=work.text or "",
                number=str(work.number),
                lang=work.lang or "",
                title=work.title,
                external="true" if work.external else "false",
            )
        for relation in graph.relations:
            # a group of siblings as a chain, each member with the next (n - 1 lines, not n²/2)
            for source, target in zip(relation.members, relation.members[1:]):
                etree.SubElement(
                    root,
                    site("relation"),
                    kind=relation.kind,
                    source=source,
                    target=target,
                    derived="true" if relation.derived else "false",
                    cert=relation.cert or "",
                )
    registers = etree.SubElement(root, site("registers"))
    for path in edition.register_paths():
        parsed = edition.read_xml(path)
        if parsed.tree is not None:
            copy = deepcopy(parsed.tree.getroot())
            copy.set(site("file"), path.stem)
            registers.append(copy)
    for schema in schemas():
        etree.SubElement(root, site("schema"), **schema)
    if registers.find(f".//{{{TEI_NS}}}place/{{{TEI_NS}}}location/{{{TEI_NS}}}geo") is not None:
        node = etree.SubElement(root, site("geography"), source=WORLD_SOURCE, file=WORLD_OUTLINE.relative_to(xslt_path()).as_posix())
        node.text = WORLD_OUTLINE.read_text(encoding="utf-8")
    return etree.ElementTree(root)


def page_context(document: etree._ElementTree) -> etree._ElementTree:
    """The edition document as a page about one text (or one pair) needs it: the edition's metadata,
    alignments, works, relations and registers, and of each text's summary only its titles and
    works; without the mentions, dates and citations of every text and without the outline of the
    world, which only the pages about the whole edition read; without the validation summary, which
    only the About page shows."""
    context = deepcopy(document.getroot())
    context.attrib.pop("validation", None)
    for summary in context.iterfind(f"{{{SITE_NS}}}text/{{{SITE_NS}}}summary"):
        for child in list(summary):
            if child.tag not in (site("title"), site("work")):
                summary.remove(child)
    for node in context.findall(site("geography")):
        context.remove(node)
    return etree.ElementTree(context)


# What each page made from the edition document reads of the texts' summaries, besides the page
# context (their titles and works: page_context): the kinds of summary elements, by page. An entry
# page also reads what points to its entry (mentions, authors, translators, citations). The map
# also reads the outline of the world; the About page, the validation summary.
PAGE_READS = {
    "index": ("author", "translator", "language"),
    "registers": ("mention", "author", "translator", "citation", "language"),
    "map": ("mention", "language"),
    "timeline": ("date", "language"),
    "bibliography": ("citation", "language"),
    "about": ("encoding", "language"),
    "search": ("language",),
    "entry": ("language",),
}
IN_CONTEXT = ("title", "work")  # the summary elements page_context keeps


def page_view(document: etree._ElementTree, page: str, entry_id: str | None = None) -> etree._ElementTree:
    """The edition document as one page made from it reads it (PAGE_READS; for an entry page,
    `entry_id`). Its content decides when the page is made again (the web edition's build record
    digests the same elements without building it: html.py); a test makes every such page of the
    seed edition from its view and from the whole document and compares them."""
    root = document.getroot()
    view = page_context(document).getroot()
    if page == "about" and root.get("validation") is not None:
        view.set("validation", root.get("validation"))
    if page == "map":
        view.extend(deepcopy(node) for node in root.iterfind(site("geography")))
    for holder, summary in zip(view.iterfind(f"{{{SITE_NS}}}text"), root.iterfind(f"{{{SITE_NS}}}text")):
        target, full = holder.find(site("summary")), summary.find(site("summary"))
        if target is None or full is None:
            continue
        target.extend(deepcopy(child) for child in full if page_reads(child, page, entry_id))
    return etree.ElementTree(view)


def page_reads(child: etree._Element, page: str, entry_id: str | None = None) -> bool:
    """Whether a page reads an element of a summary (beyond the page context): its kind is one the
    page reads, or it points to the page's entry by a fragment that names it (more than the
    stylesheets' keys match, never less)."""
    kind = etree.QName(child).localname
    if kind in IN_CONTEXT:
        return False
    if kind in PAGE_READS[page]:
        return True
    return entry_id is not None and bool(child.get("ref")) and child.get("ref", "").rpartition("#")[2] == entry_id


# The outline of the world the map page draws, and where it comes from (its README says more).
WORLD_OUTLINE = xslt_path("html", "data", "world-atlas", "countries-110m.json")
WORLD_SOURCE = "Natural Earth 1:110m Admin 0 countries (public domain), as TopoJSON from world-atlas 2.0.2 (ISC)"


def relations_of(edition: Edition):
    """The graph of the works' relations: the convert stage's, else read from the manifest as the
    align stage reads it (a run that publishes without converting); None for an edition with no
    texts in its manifest (TEI published without one). A register that cannot be read (validation
    says why) leaves the works outside the edition known by their keys only."""
    if edition.relations is not None or not edition.manifest.texts:
        return edition.relations
    from interlinea.errors import InterlineaError
    from interlinea.registers import load_registers
    from interlinea.relations import relation_graph

    try:
        bibliography = load_registers(edition.registers_dir, edition.read_xml).bibliography
    except InterlineaError:
        bibliography = None
    return relation_graph(edition.manifest, bibliography)


def schemas() -> list[dict[str, str]]:
    """The schemas validation uses, as the About page names them: the project schema (its file and
    the first line of its own description, which includes tei_all) and tei_all (its file and the
    TEI P5 release, from the comment TEI generates at its top). Only the head of each file is read."""
    project, tei_all = schema_path("interlinea.rng"), schema_path("tei_all", "tei_all.rng")
    found = []
    if project.is_file():
        comments = re.findall(r"<!--(.*?)-->", _head(project), re.S)
        lines = [line.strip() for text in comments for line in text.splitlines() if line.strip()]
        title = next((line for line in lines if not line.startswith("Compiled by")), "")
        found.append({"file": "interlinea.rng", "title": title, "base": "tei_all/tei_all.rng"})
    if tei_all.is_file():
        version = re.search(r"TEI Edition: Version\s+(\d+(?:\.\d+)*)", _head(tei_all))
        found.append({"file": "tei_all/tei_all.rng", "tei-version": version.group(1) if version else ""})
    return found


def _head(path: Path) -> str:
    with path.open("rb") as handle:
        return handle.read(4096).decode("utf-8", errors="replace")


def _work_ids(text: Text) -> list[str]:
    root = text.tree.getroot()
    works = root.findall("{http://www.tei-c.org/ns/1.0}text/{http://www.tei-c.org/ns/1.0}body/{http://www.tei-c.org/ns/1.0}div[@type='work']")
    return [w.get("{http://www.w3.org/XML/1998/namespace}id") for w in works if w.get("{http://www.w3.org/XML/1998/namespace}id")]
