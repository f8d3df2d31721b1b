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
    </edition>

The summaries are made by XSLT (the stylesheet decides what a page needs of a text: its titles,
languages, mentions of names with their context, dates); Python only assembles the document with
lxml's tree API from the manifest, the relation graph and the files of the edition. Nothing in it
depends on the time of the build: the dates are the edition's and the texts'.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from pathlib import Path

from lxml import etree

from interlinea import __version__
from interlinea.edition import Edition, Text

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
    graph = edition.relations
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
            etree.SubElement(
                root,
                site("relation"),
                kind=relation.kind,
                source=relation.source,
                target=relation.target,
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
    return etree.ElementTree(root)


def _work_ids(text: Text) -> list[str]:
    root = text.tree.getroot()
    works = root.findall("{http://www.tei-c.org/ns/1.0}text/{http://www.tei-c.org/ns/1.0}body/{http://www.tei-c.org/ns/1.0}div[@type='work']")
    return [w.get("{http://www.w3.org/XML/1998/namespace}id") for w in works if w.get("{http://www.w3.org/XML/1998/namespace}id")]
