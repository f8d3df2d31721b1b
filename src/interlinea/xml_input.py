"""Every XML file Interlinea reads goes through `read_xml`: parsed once, inert, with every problem located.

"Inert" means that nothing in a file can make Interlinea read another file or a URL, or blow up in
time or memory: no DTD is loaded, no entity is declared or expanded, no XInclude is followed, no
network is reached, and libxml2's limits on depth and text size stay on. A DOCTYPE that declares
entities or names an external DTD is not even shown to the parser: it is blanked out (line and column
positions kept) and reported with the rule `doctype`, so that neither libxml2 nor, later, Saxon ever
sees it. Consumers (the validation rules, the stylesheets) receive the parsed tree, never the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from interlinea.diagnostics import Diagnostic
from interlinea.limits import size_problem

XINCLUDE_NS = "http://www.w3.org/2001/XInclude"


def safe_parser() -> etree.XMLParser:
    """libxml2 with everything that reaches outside the document switched off.

    `collect_ids=False`: a duplicate xml:id is the rule `id-unique`'s to report, with both places,
    not a parse error that hides every other problem of the file. It is safe only because no DTD
    ever reaches this parser (see `_blank_doctype`): with a DTD present, libxml2 would then load
    external parameter entities.
    """
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,  # keeps libxml2's limits: depth 256, 10 MB per text node
        collect_ids=False,
        remove_pis=False,
    )


@dataclass
class XMLFile:
    """One XML file as read: its bytes, its tree (None if it could not be parsed) and its problems."""

    path: Path
    label: str
    data: bytes = b""  # the file's bytes, as read
    tree: etree._ElementTree | None = None
    problems: list[Diagnostic] = field(default_factory=list)
    utf8: bytes = b""  # the document as parsed: in UTF-8, the DOCTYPE blanked

    @property
    def lines(self) -> list[str]:
        return self.utf8.decode("utf-8", errors="replace").splitlines()


def read_xml(path: Path, label: str | None = None) -> XMLFile:
    """Read and parse one XML file inertly; problems become diagnostics, never exceptions."""
    label = label or str(path)
    result = XMLFile(path=path, label=label)

    def fail(line: int, column: int, rule: str, message: str) -> XMLFile:
        result.problems.append(Diagnostic(label, line, column, rule, message))
        return result

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return fail(0, 0, "io", "no such file; `interlinea convert` makes the TEI of the texts")
    except OSError as exc:
        return fail(0, 0, "io", f"cannot read the file: {exc.strerror}")
    too_large = size_problem(size)
    if too_large:
        return fail(0, 0, "too-large", too_large)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        return fail(0, 0, "io", "is a folder, not an XML file")
    except OSError as exc:
        return fail(0, 0, "io", f"cannot read the file: {exc.strerror}")
    return parse_xml(data, path, label)


def parse_xml(data: bytes, path: Path, label: str) -> XMLFile:
    """Parse bytes already read (see `read_xml`)."""
    result = XMLFile(path=path, label=label, data=data)
    text = _as_utf8(data)
    if text is None:
        result.problems.append(Diagnostic(label, 1, 1, "well-formed", "not well-formed XML: the encoding cannot be read; save the file as UTF-8"))
        return result
    text, doctype = _blank_doctype(text)
    result.utf8 = text
    if doctype is not None:
        result.problems.append(Diagnostic(label, doctype.line, doctype.column, "doctype", doctype.message()))
    parser = safe_parser()
    try:
        root = etree.fromstring(text, parser, base_url=str(path))
    except etree.XMLSyntaxError as exc:
        result.problems.extend(_syntax_problems(exc, parser, label))
        return result
    result.tree = etree.ElementTree(root)
    result.problems.extend(_inert_problems(result.tree, label))
    return result


# -- encodings --------------------------------------------------------------------------------------

_DECLARED_ENCODING = re.compile(rb"^(<\?xml[^>]*?encoding\s*=\s*[\"'])([A-Za-z0-9._-]+)([\"'])")


def _as_utf8(data: bytes) -> bytes | None:
    """The document in UTF-8, so that the DOCTYPE scan below sees ASCII markup in any encoding.

    UTF-8 and ASCII-compatible files are returned as they are; UTF-16 (with a byte-order mark) and
    other declared encodings are transcoded and their declaration rewritten (line numbers unchanged).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            decoded = data.decode("utf-16")
        except UnicodeDecodeError:
            return None
        encoded = decoded.encode("utf-8")
        return _DECLARED_ENCODING.sub(rb"\1UTF-8\3", encoded, count=1)
    declared = _DECLARED_ENCODING.match(data.lstrip(b"\xef\xbb\xbf"))
    if declared and declared.group(2).lower() not in (b"utf-8", b"utf8", b"us-ascii", b"ascii"):
        try:
            decoded = data.decode(declared.group(2).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            return data  # libxml2 reports the encoding problem with its position
        return _DECLARED_ENCODING.sub(rb"\1UTF-8\3", decoded.encode("utf-8"), count=1)
    return data


# -- the DOCTYPE --------------------------------------------------------------------------------------

# What may come before a DOCTYPE: a BOM, the XML declaration, white space, comments, processing
# instructions.
_PROLOG_ITEM = re.compile(rb"\s+|<!--.*?-->|<\?.*?\?>", re.DOTALL)


@dataclass
class _Doctype:
    line: int
    column: int
    entities: list[str]
    external: str | None

    def message(self) -> str:
        parts = []
        if self.entities:
            names = ", ".join(self.entities[:5]) + (", …" if len(self.entities) > 5 else "")
            parts.append(f"declares entities ({names})")
        if self.external:
            parts.append(f"names an external DTD ('{self.external}')")
        if not parts:
            parts.append("has an internal DTD subset")
        return (
            f"the DOCTYPE {' and '.join(parts)}; Interlinea never loads a DTD or expands an entity, so "
            "that no file or URL can be pulled into the edition: delete the DOCTYPE declaration, and write "
            "characters instead of entity references (a numeric reference such as &#x2014; is fine)"
        )


def _blank_doctype(data: bytes) -> tuple[bytes, _Doctype | None]:
    """The document with any DOCTYPE declaration blanked (newlines kept); the declaration if it is
    one to report (internal subset or external DTD; a bare `<!DOCTYPE TEI>` is harmless)."""
    position = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while True:
        item = _PROLOG_ITEM.match(data, position)
        if item is None or item.end() == position:
            break
        position = item.end()
    if not data.startswith(b"<!DOCTYPE", position):
        return data, None
    end = _doctype_end(data, position)
    declaration = data[position:end]
    blank = bytes(b if b in b"\r\n" else 0x20 for b in declaration)
    line = data.count(b"\n", 0, position) + 1
    column = position - (data.rfind(b"\n", 0, position) + 1) + 1
    subset = b"[" in declaration
    external = re.search(rb"\b(?:SYSTEM|PUBLIC)\s+[\"']([^\"']*)[\"'](?:\s+[\"']([^\"']*)[\"'])?", declaration.split(b"[", 1)[0])
    if not subset and external is None:
        return data[:position] + blank + data[end:], None
    entities = [m.decode("utf-8", "replace") for m in re.findall(rb"<!ENTITY\s+(?:%\s+)?([^\s>]+)", declaration)]
    system = None
    if external is not None:
        system = (external.group(2) or external.group(1)).decode("utf-8", "replace")
    return data[:position] + blank + data[end:], _Doctype(line, column, entities, system)


def _doctype_end(data: bytes, start: int) -> int:
    """The offset just after a DOCTYPE declaration: quotes, comments and the `[…]` subset skipped.
    An unterminated declaration runs to the end (libxml2 then reports the document as empty)."""
    position, in_subset = start + len(b"<!DOCTYPE"), False
    while position < len(data):
        char = data[position : position + 1]
        if char in (b'"', b"'"):
            closing = data.find(char, position + 1)
            position = len(data) if closing < 0 else closing + 1
            continue
        if in_subset and data.startswith(b"<!--", position):
            closing = data.find(b"-->", position + 4)
            position = len(data) if closing < 0 else closing + 3
            continue
        if char == b"[":
            in_subset = True
        elif char == b"]":
            in_subset = False
        elif char == b">" and not in_subset:
            return position + 1
        position += 1
    return len(data)


# -- problems -------------------------------------------------------------------------------------------

# libxml2's messages for its limits and for entities, said in the user's terms, with the fix.
_EXPLAINED = [
    (re.compile(r"Excessive depth in document: (\d+)"), lambda m: f"elements are nested more than {m[1]} deep; such nesting is refused so that no file can exhaust memory: flatten the structure"),
    (re.compile(r"Text node too long|xmlSAX2Characters: huge text node"), lambda m: "a text node is longer than 10 MB; split it (e.g. into paragraphs)"),
    (re.compile(r"Entity '([^']+)' not defined"), lambda m: f"undefined entity reference &{m[1]};: XML allows only &lt; &gt; &amp; &quot; &apos; and numeric references (&#233;); write the character itself"),
    (re.compile(r"[Aa]mplification|[Ee]ntity loop|Detected an entity reference loop"), lambda m: "entity expansion refused (an entity that expands to too much text); remove the DOCTYPE and its entities"),
]


def _explain(message: str) -> str:
    message = re.sub(r",?\s*(use|try) XML_PARSE_HUGE( option)?", "", message).strip()
    for pattern, explain in _EXPLAINED:
        found = pattern.search(message)
        if found:
            return explain(found)
    return message


def _syntax_problems(exc: etree.XMLSyntaxError, parser: etree.XMLParser, label: str) -> list[Diagnostic]:
    """Every error libxml2 logged, each once (the first fatal error stops the parse)."""
    problems, seen = [], set()
    entries = [e for e in parser.error_log if e.level >= etree.ErrorLevels.ERROR]
    if not entries:
        line, column = exc.position if exc.position else (0, 0)
        return [Diagnostic(label, line or 0, column or 0, "well-formed", f"not well-formed XML: {_explain(exc.msg or str(exc))}")]
    for entry in entries:
        message = _explain(entry.message)
        key = (entry.line, message)
        if key in seen:
            continue
        seen.add(key)
        problems.append(Diagnostic(label, entry.line, entry.column, "well-formed", f"not well-formed XML: {message}"))
    return problems


def _inert_problems(tree: etree._ElementTree, label: str) -> list[Diagnostic]:
    """Constructs that would pull other files in if some tool processed them: XInclude."""
    problems = []
    for node in tree.getroot().iter(f"{{{XINCLUDE_NS}}}include", f"{{{XINCLUDE_NS}}}fallback"):
        problems.append(Diagnostic(
            label, node.sourceline or 0, 0, "xinclude",
            f"XInclude ({etree.QName(node).localname}) is never processed, so that no file can be pulled into "
            "the edition; paste the content to include into this file instead",
        ))
    return problems


def inert_copy(tree: etree._ElementTree) -> bytes:
    """The document as handed to another XML tool (Saxon): the root element only, no DOCTYPE, and
    no entity reference nodes (there can be none after `read_xml`; this guards trees built in code)."""
    root = tree.getroot()
    entity = next(root.iter(etree.Entity), None)
    if entity is not None:
        raise ValueError(f"entity reference &{entity.name}; in a tree handed on; it should have been refused when read")
    return etree.tostring(root, encoding="UTF-8")
