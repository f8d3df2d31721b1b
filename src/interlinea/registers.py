"""The registers: persons, places and organisations, each a hand-curated TEI file in tei/registers/.

A register is a TEI document whose body holds one `<div type="register">` with a head and, once it
has entries, a `<listPerson>`, `<listPlace>` or `<listOrg>`. (TEI does not allow an empty list, so an
empty register is the division with its head only.)
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from interlinea.convert.tei import XML_LANG, element, sub


@dataclass(frozen=True)
class RegisterKind:
    name: str  # file stem in tei/registers/
    list_element: str
    entry_element: str
    title: str


REGISTERS = (
    RegisterKind("persons", "listPerson", "person", "Persons"),
    RegisterKind("places", "listPlace", "place", "Places"),
    RegisterKind("organisations", "listOrg", "org", "Organisations"),
)


def empty_register(kind: RegisterKind, edition_title: str, publisher: str) -> etree._ElementTree:
    """A valid TEI register with no entries yet."""
    root = element("TEI", xml_id=f"register-{kind.name}")
    root.set(XML_LANG, "en")
    header = sub(root, "teiHeader")
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", f"{edition_title}: register of {kind.title.lower()}")
    publication = sub(file_desc, "publicationStmt")
    sub(publication, "publisher", publisher)
    source = sub(file_desc, "sourceDesc")
    sub(source, "p", "Compiled by the editors from the texts of the edition and verified authority data.")
    usage = sub(sub(header, "profileDesc"), "langUsage")
    sub(usage, "language", "English", ident="en")
    body = sub(sub(root, "text"), "body")
    div = sub(body, "div", type="register", subtype=kind.name)
    sub(div, "head", kind.title)
    return etree.ElementTree(root)
