"""RELAX NG grammars made small enough for lxml to compile at once: flattened, then pruned per document.

libxml2 (lxml) compiles the whole of TEI P5's tei_all, about 600 element patterns, in some 9 s, and
every grammar that includes it (the project's open schema) costs the same. A document, though, can
only ever match element patterns whose names occur in it. So, for one set of element names:

1. `Grammar.load` reads a grammar and everything it includes into one flat grammar (RELAX NG
   simplification, spec section 4, as far as the schemas here need it: `include` with overriding
   `define`s and `start`, `div`, `combine`, names made explicit `<name ns="…">` as 4.8 says, the
   datatype library written on each `data`/`value`, annotations dropped);
2. `Grammar.prune(names)` replaces every element pattern whose name class matches none of `names`
   with `notAllowed`, simplifies (`choice` without it, `group`/`interleave`/`oneOrMore` with it
   become `notAllowed`, `optional`/`zeroOrMore` become `empty`; a `define` that comes down to
   `notAllowed` takes its `ref`s with it) and keeps only the defines still reachable from `start`.
   An element pattern whose name is in `names` is kept even when its content comes down to
   `notAllowed`, and that content then names the children it expected as stubs (`element x
   { notAllowed }`): the same language, with libxml2's error at the element where the whole
   grammar has it.

The pruned grammar accepts exactly the documents with those element names that the full one accepts
(a pattern that can match no element of the document makes no difference to whether the document
matches), and it is small: a seed text of the edition uses some 60 of TEI's 590 elements, and its
grammar compiles in 4 ms instead of 5 to 9 s. What may differ is libxml2's wording of an error, never
the verdict: tests/test_open_schema.py compares verdicts and error counts with the whole grammar on
the fixtures and on real TEI from twenty projects (../shared/corpus/tei); on those 66 files the
verdicts and the numbers of errors are the same, and 65 give word for word the same errors.
`interlinea.validate.schemas` caches pruned grammars on disk and compiled ones in memory.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_LIBRARY = "http://www.w3.org/2001/XMLSchema-datatypes"
XML_NS = "http://www.w3.org/XML/1998/namespace"

Name = tuple[str, str]  # (namespace URI, local name)


def _tag(local: str) -> str:
    return f"{{{RNG_NS}}}{local}"


_RNG_PREFIX = f"{{{RNG_NS}}}"


def _local(node: etree._Element) -> str:
    """The local name of a RELAX NG element ('' for anything else); called very often, so kept cheap."""
    tag = node.tag
    return tag[len(_RNG_PREFIX):] if isinstance(tag, str) and tag.startswith(_RNG_PREFIX) else ""


_NAME_CLASSES = {"name", "anyName", "nsName", "choice"}


class GrammarError(ValueError):
    """A grammar uses a RELAX NG feature this simplifier does not handle, or is inconsistent."""


def schema_parser() -> etree.XMLParser:
    # A schema is one of ours (schema/): still, nothing reaches outside the file but the includes
    # this module follows itself.
    return etree.XMLParser(remove_comments=True, remove_pis=True, remove_blank_text=True,
                           resolve_entities=False, no_network=True, load_dtd=False)


@dataclass
class Grammar:
    """A flat RELAX NG grammar: one `start` pattern and named `define`s, every name explicit."""

    start: etree._Element
    defines: dict[str, etree._Element] = field(default_factory=dict)
    sources: tuple[Path, ...] = ()

    # -- loading ---------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> Grammar:
        path = Path(path).resolve()
        start, defines, sources = _load(path, ())
        if start is None:
            raise GrammarError(f"{path}: the grammar has no start pattern")
        return cls(start=start, defines=defines, sources=tuple(sources))

    def with_start(self, *refs: str) -> Grammar:
        """The same grammar starting at the named defines only (a choice of them)."""
        for name in refs:
            if name not in self.defines:
                raise GrammarError(f"no define {name!r} to start from")
        start = etree.Element(_tag("start"))
        holder = start if len(refs) == 1 else etree.SubElement(start, _tag("choice"))
        for name in refs:
            etree.SubElement(holder, _tag("ref"), name=name)
        return Grammar(start=start, defines=self.defines, sources=self.sources)

    # -- output ----------------------------------------------------------------------------------

    def tree(self) -> etree._ElementTree:
        """The grammar as a RELAX NG document (XML syntax), defines in name order."""
        root = etree.Element(_tag("grammar"), nsmap={None: RNG_NS})
        root.append(copy.deepcopy(self.start))
        for name in sorted(self.defines):
            root.append(copy.deepcopy(self.defines[name]))
        return etree.ElementTree(root)

    def serialize(self) -> bytes:
        return etree.tostring(self.tree(), xml_declaration=True, encoding="UTF-8")

    def digest(self) -> str:
        return hashlib.sha256(self.serialize()).hexdigest()

    # -- what a grammar can name -------------------------------------------------------------------

    def element_names(self) -> set[Name]:
        """Every element name the grammar names explicitly (`<name>` in an element's name class)."""
        found: set[Name] = set()
        for pattern in [self.start, *self.defines.values()]:
            for element in pattern.iter(_tag("element")):
                for name in element[0].iter(_tag("name")):
                    found.add((name.get("ns", ""), (name.text or "").strip()))
        return found

    # -- pruning -----------------------------------------------------------------------------------

    def prune(self, names: Iterable[Name]) -> Grammar:
        """The grammar for documents whose element names are all in `names` (see the module doc)."""
        return _Pruner(self, frozenset(names)).run()


# ------------------------------------------------------------------------------------------------
# Loading: includes, divs, combine, explicit names and datatype libraries


def _load(path: Path, stack: tuple[Path, ...]) -> tuple[etree._Element | None, dict[str, etree._Element], list[Path]]:
    if path in stack:
        raise GrammarError(f"{path}: included recursively ({' -> '.join(map(str, stack))})")
    try:
        root = etree.parse(str(path), schema_parser()).getroot()
    except (OSError, etree.XMLSyntaxError) as problem:
        raise GrammarError(f"{path}: cannot read the grammar: {problem}") from problem
    if root.tag != _tag("grammar"):
        raise GrammarError(f"{path}: the root element is not a RELAX NG <grammar>")
    _strip_annotations(root)
    _make_explicit(root, ns="", library="")
    sources = [path]
    start: etree._Element | None = None
    defines: dict[str, etree._Element] = {}
    combines: dict[str, list[etree._Element]] = {}

    def add_define(define: etree._Element) -> None:
        combines.setdefault(define.get("name"), []).append(define)

    def add_start(node: etree._Element) -> None:
        nonlocal start
        if start is not None and not node.get("combine") and not start.get("combine"):
            raise GrammarError(f"{path}: two start patterns without combine")
        start = node if start is None else _combined(start, node, "start")

    def components(parent: etree._Element) -> Iterable[etree._Element]:
        for child in parent:
            if _local(child) == "div":
                yield from components(child)
            else:
                yield child

    for child in components(root):
        kind = _local(child)
        if kind == "start":
            add_start(child)
        elif kind == "define":
            add_define(child)
        elif kind == "include":
            href = child.get("href")
            if not href:
                raise GrammarError(f"{path}: <include> without href")
            included_start, included, included_sources = _load((path.parent / href).resolve(), (*stack, path))
            sources += included_sources
            overrides = list(components(child))
            overridden = {o.get("name") for o in overrides if _local(o) == "define"}
            missing = overridden - set(included)
            if missing:
                raise GrammarError(f"{path}: <include href={href!r}> overrides {sorted(missing)}, which it does not define")
            for name, define in included.items():
                if name not in overridden:
                    add_define(define)
            if any(_local(o) == "start" for o in overrides):
                for override in overrides:
                    if _local(override) == "start":
                        add_start(override)
            elif included_start is not None:
                add_start(included_start)
            for override in overrides:
                if _local(override) == "define":
                    add_define(override)
        else:
            raise GrammarError(f"{path}: <{kind}> in a grammar is not supported here")
    for name, group in combines.items():
        merged = group[0]
        for other in group[1:]:
            merged = _combined(merged, other, name)
        defines[name] = merged
    if start is not None:
        start.attrib.pop("combine", None)
    for define in defines.values():
        define.attrib.pop("combine", None)
    return start, defines, sources


def _combined(first: etree._Element, second: etree._Element, name: str) -> etree._Element:
    how = {first.get("combine"), second.get("combine")} - {None}
    if len(how) != 1:
        raise GrammarError(f"{name!r} is defined twice without one combine method")
    method = how.pop()
    merged = etree.Element(first.tag, name=first.get("name")) if first.get("name") else etree.Element(first.tag)
    merged.set("combine", method)
    holder = etree.SubElement(merged, _tag(method))
    for part in (first, second):
        body = _as_one(list(part))
        holder.append(body)
    return merged


def _as_one(children: list[etree._Element]) -> etree._Element:
    if len(children) == 1:
        return children[0]
    group = etree.Element(_tag("group"))
    group.extend(children)
    return group


def _strip_annotations(root: etree._Element) -> None:
    """Drop foreign elements and attributes (documentation, Schematron): they do not take part in validation."""
    for node in list(root.iter()):
        if not isinstance(node.tag, str):
            continue
        if not node.tag.startswith(f"{{{RNG_NS}}}"):
            parent = node.getparent()
            if parent is not None:
                parent.remove(node)
            continue
        for attribute in list(node.attrib):
            if attribute.startswith("{"):
                del node.attrib[attribute]


def _resolve(qname: str, node: etree._Element, default_ns: str) -> Name:
    prefix, _, local = qname.strip().rpartition(":")
    if not prefix:
        return default_ns, local
    if prefix == "xml":
        return XML_NS, local
    uri = node.nsmap.get(prefix)
    if uri is None:
        raise GrammarError(f"undeclared prefix {prefix!r} in name {qname!r}")
    return uri, local


def _make_explicit(node: etree._Element, ns: str, library: str) -> None:
    """RELAX NG simplification 4.3, 4.8 and 4.9: inherited `ns` and `datatypeLibrary` written out where they count."""
    ns = node.get("ns", ns)
    library = node.get("datatypeLibrary", library)
    kind = _local(node)
    if kind in ("element", "attribute") and node.get("name") is not None:
        default = ns if kind == "element" else node.get("ns", "")
        uri, local = _resolve(node.get("name"), node, default)
        del node.attrib["name"]
        name = etree.Element(_tag("name"), ns=uri)
        name.text = local
        node.insert(0, name)
    elif kind == "name":
        uri, local = _resolve(node.text or "", node, ns)
        node.set("ns", uri)
        node.text = local
    elif kind == "nsName":
        node.set("ns", ns)
    elif kind == "data" or (kind == "value" and node.get("type") is not None):
        node.set("datatypeLibrary", library)
    elif kind == "value":
        node.set("type", "token")
        node.set("datatypeLibrary", "")
    if kind not in ("name", "nsName", "value"):
        node.attrib.pop("ns", None)
    if kind not in ("data", "value"):
        node.attrib.pop("datatypeLibrary", None)
    for child in node:
        if isinstance(child.tag, str):
            _make_explicit(child, ns, library)


# ------------------------------------------------------------------------------------------------
# Pruning


def _name_class_matches(name_class: etree._Element, names: frozenset[Name]) -> bool:
    kind = _local(name_class)
    if kind == "name":
        return (name_class.get("ns", ""), (name_class.text or "").strip()) in names
    if kind == "choice":
        return any(_name_class_matches(child, names) for child in name_class)
    return any(_matches(name_class, name) for name in names)


def _matches(name_class: etree._Element, name: Name) -> bool:
    kind = _local(name_class)
    if kind == "name":
        return (name_class.get("ns", ""), (name_class.text or "").strip()) == name
    if kind == "choice":
        return any(_matches(child, name) for child in name_class)
    if kind == "anyName":
        caught = True
    elif kind == "nsName":
        caught = name[0] == name_class.get("ns", "")
    else:
        raise GrammarError(f"<{kind}> is not a name class")
    if not caught:
        return False
    excepted = name_class.find(_tag("except"))
    return excepted is None or not any(_matches(child, name) for child in excepted)


class _Pruner:
    """One pruning: which defines die for these names, then a simplified copy of what is reachable."""

    NOT_ALLOWED = None

    def __init__(self, grammar: Grammar, names: frozenset[Name]) -> None:
        self.grammar = grammar
        self.names = names
        self.dead: set[str] = set()
        self.stubbing = False  # True while an element whose content is dead is written (see _stub)
        # Keyed by the element itself, which keeps its proxy alive (an id() of a proxy may be reused).
        self.matchable: dict[etree._Element, bool] = {}

    def element_matchable(self, element: etree._Element) -> bool:
        if element not in self.matchable:
            self.matchable[element] = _name_class_matches(element[0], self.names)
        return self.matchable[element]

    def run(self) -> Grammar:
        # Dead defines: a least fixpoint from "all alive" (keeping a pattern is always exact, so a
        # define is only removed when it is shown to match nothing).
        defines = self.grammar.defines
        changed = True
        while changed:
            changed = False
            for name, define in defines.items():
                if name in self.dead:
                    continue
                if self._simplify_children(define, "group", copy_result=False) is self.NOT_ALLOWED:
                    self.dead.add(name)
                    changed = True
        start = self._simplify_children(self.grammar.start, "group")
        start_node = etree.Element(_tag("start"))
        start_node.append(start if start is not self.NOT_ALLOWED else etree.Element(_tag("notAllowed")))
        kept: dict[str, etree._Element] = {}
        pending = [start_node]
        while pending:
            node = pending.pop()
            for ref in node.iter(_tag("ref")):
                name = ref.get("name")
                if name in kept:
                    continue
                body = self._simplify_children(defines[name], "group")
                define = etree.Element(_tag("define"), name=name)
                _append_unwrapped(define, body)
                kept[name] = define
                pending.append(define)
        return Grammar(start=start_node, defines=kept, sources=self.grammar.sources)

    # Simplification returns a new element, EMPTY (an <empty/> element) or NOT_ALLOWED (None).
    # With copy_result=False it only decides whether the pattern is notAllowed (no copies made).

    def _simplify_children(self, parent: etree._Element, combinator: str, copy_result: bool = True):
        return self._combine(combinator, [self._simplify(child, copy_result) for child in parent], copy_result)

    def _combine(self, combinator: str, parts: list, copy_result: bool):
        if combinator == "choice":
            parts = [p for p in parts if p is not self.NOT_ALLOWED]
            if not parts:
                return self.NOT_ALLOWED
        elif any(p is self.NOT_ALLOWED for p in parts):
            return self.NOT_ALLOWED
        if not copy_result:
            return True
        empties = [p for p in parts if _local(p) == "empty"]
        others = [p for p in parts if _local(p) != "empty"]
        if combinator == "choice":
            others = others + empties[:1]
        if not others:
            return etree.Element(_tag("empty"))
        if len(others) == 1:
            return others[0]
        node = etree.Element(_tag(combinator))
        node.extend(others)
        return node

    def _simplify(self, node: etree._Element, copy_result: bool):
        kind = _local(node)
        if kind == "element":
            if not self.element_matchable(node):
                return self.NOT_ALLOWED
            if not copy_result:
                # An element the document can have is kept even when its content can match nothing
                # (it then holds <notAllowed/>): the same language, but libxml2 reports the error at
                # that element rather than at the root ("Expecting element langUsage", not "Did not
                # expect element TEI").
                return True
            content = self._simplify_children_from(node, 1, "group", True)
            if content is self.NOT_ALLOWED and not self.stubbing:
                # Its content can match nothing here: write it again with the pruned elements it
                # expects as stubs (see _stub), so that libxml2 says which child was expected.
                self.stubbing = True
                try:
                    content = self._simplify_children_from(node, 1, "group", True)
                finally:
                    self.stubbing = False
            if content is self.NOT_ALLOWED:
                content = etree.Element(_tag("notAllowed"))
            element = etree.Element(_tag("element"))
            element.append(copy.deepcopy(node[0]))
            _append_unwrapped(element, content)
            return element
        if kind == "attribute":
            content = self._simplify_children_from(node, 1, "group", copy_result) if len(node) > 1 else (etree.Element(_tag("text")) if copy_result else True)
            if content is self.NOT_ALLOWED:
                return self.NOT_ALLOWED
            if not copy_result:
                return True
            attribute = etree.Element(_tag("attribute"))
            attribute.append(copy.deepcopy(node[0]))
            attribute.append(content)
            return attribute
        if kind == "ref":
            if node.get("name") not in self.grammar.defines:
                raise GrammarError(f"reference to undefined pattern {node.get('name')!r}")
            if node.get("name") in self.dead:
                return self._stub(node.get("name")) if copy_result and self.stubbing else self.NOT_ALLOWED
            return etree.Element(_tag("ref"), name=node.get("name")) if copy_result else True
        if kind == "notAllowed":
            return self.NOT_ALLOWED
        if kind in ("empty", "text", "data", "value"):
            return copy.deepcopy(node) if copy_result else True
        if kind in ("group", "interleave", "choice"):
            return self._simplify_children(node, kind, copy_result)
        if kind in ("oneOrMore", "zeroOrMore", "optional", "list", "mixed"):
            inner = self._simplify_children(node, "group", copy_result)
            if inner is self.NOT_ALLOWED:
                return etree.Element(_tag("empty")) if kind in ("zeroOrMore", "optional") and copy_result else (
                    True if kind in ("zeroOrMore", "optional") else self.NOT_ALLOWED)
            if not copy_result:
                return True
            if _local(inner) == "empty":
                if kind == "list":
                    wrapper = etree.Element(_tag("list"))
                    wrapper.append(inner)
                    return wrapper
                return etree.Element(_tag("text")) if kind == "mixed" else inner
            wrapper = etree.Element(_tag(kind))
            wrapper.append(inner)
            return wrapper
        if kind in ("parentRef", "externalRef", "grammar"):
            raise GrammarError(f"<{kind}> is not supported by the pruner")
        raise GrammarError(f"unexpected <{kind}> in a pattern")

    def _stub(self, name: str):
        """A reference to a pruned element, written as the element with <notAllowed/> content.

        Used only in the content of an element that can match nothing otherwise (a <textDesc> without
        the children TEI requires): the same language as notAllowed, but libxml2 then still knows
        which element the content model expected there, and says so as it does with the whole
        grammar ("Did not expect element authorGender there" rather than "Element textDesc failed to
        validate attributes"). Only a define that is a single named element gets a stub; a pruned
        class stays notAllowed. Stubs everywhere would make libxml2's automata ten times slower to build.
        """
        body = self.grammar.defines[name]
        if len(body) != 1 or _local(body[0]) != "element" or _local(body[0][0]) != "name":
            return self.NOT_ALLOWED
        element = etree.Element(_tag("element"))
        element.append(copy.deepcopy(body[0][0]))
        etree.SubElement(element, _tag("notAllowed"))
        return element

    def _simplify_children_from(self, parent: etree._Element, first: int, combinator: str, copy_result: bool):
        return self._combine(combinator, [self._simplify(child, copy_result) for child in parent[first:]], copy_result)


def _append_unwrapped(parent: etree._Element, content: etree._Element) -> None:
    """Append a pattern as the content of an element or define: a group's members one by one.

    The same language either way, but libxml2 compiles an element's content model into an automaton
    (fast to run, and its errors name the unexpected element: "Did not expect element hii there")
    only when the attribute patterns are not wrapped in a group with the content.
    """
    if _local(content) == "group":
        parent.extend(list(content))
    else:
        parent.append(content)


def document_names(tree: etree._ElementTree | etree._Element) -> frozenset[Name]:
    """The (namespace, local name) of every element of a document."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    found = set()
    for node in root.iter():
        if isinstance(node.tag, str):
            qname = etree.QName(node)
            found.add((qname.namespace or "", qname.localname))
    return frozenset(found)
