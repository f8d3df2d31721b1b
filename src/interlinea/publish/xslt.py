"""Running XSLT 3.0 with saxonche: each stylesheet compiled once per run, errors mapped to the TEI.

A stylesheet that cannot go on stops with an xsl:message naming the element by its XPath (`path()`);
the runner turns that path into the line of the TEI file, so that the error reads like every other
Interlinea error: `tei/x.xml:88: text/text.xsl: the text format does not lay out the block role …`.
A stylesheet that goes on but has something to report (an element it rendered by its generic
fallback, an XInclude it did not follow) says so in an xsl:message that starts with
`[interlinea:warning]`, then the rule, the element's path and the message, tab-separated
(xslt/common/fallback.xsl, `il:warn`); `Stylesheet.run` returns those as `StylesheetWarning`s beside
the output, located like errors.

Saxon never reads a file or a URL while it transforms: each stylesheet gets a Saxon processor of its
own, whose permitted URI schemes (`allowedProtocols`) are set to none once the stylesheet and its
modules are compiled, so that no `doc()`, `unparsed-text()`, `document()` or `collection()` can reach
the disk or the network, whatever the TEI says. Documents come in as the trees Interlinea parsed
(`interlinea.xml_input`), never as files; data a stylesheet needs from elsewhere comes in as
parameters.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from interlinea import __version__
from interlinea.diagnostics import Diagnostic, Level
from interlinea.errors import InterlineaError
from interlinea.xml_input import inert_copy

if TYPE_CHECKING:
    from interlinea.publish.base import PublishOptions


class PublishError(InterlineaError):
    """A stylesheet failed on a TEI file; nothing half-written is left behind."""


ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"
WARNING_MARKER = "[interlinea:warning]"  # xslt/common/fallback.xsl, $il:warning-marker


@dataclass(frozen=True)
class StylesheetWarning:
    """Something a stylesheet reported without stopping, about one element of the document."""

    rule: str  # "fallback", "xinclude"
    path: str  # the element, as XPath 3.1 path() gives it, namespaces taken out: /TEI[1]/text[1]/…
    line: int  # its line in the document (0 if unknown)
    message: str  # for "fallback", the element's name
    xml_id: str | None = None  # the nearest identifier at or above the element


@dataclass
class Transformed:
    """The result of one transformation: its output and the warnings it reported."""

    output: str
    warnings: list[StylesheetWarning] = field(default_factory=list)


def _new_processor():
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)


@contextmanager
def _native_stderr():
    """Capture what Saxon's native code prints on file descriptor 2 (its own error report)."""
    captured = {"text": ""}
    with tempfile.TemporaryFile(mode="w+b") as sink:
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
        try:
            yield captured
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            captured["text"] = sink.read().decode("utf-8", errors="replace")


_PATH = re.compile(r"(/Q\{[^}]*\}[\w.-]+\[\d+\])+")


def element_of_path(tree: etree._ElementTree, path: str) -> etree._Element | None:
    """The element an XPath 3.1 `path()` names (Q{ns}local[n] steps): the deepest one found."""
    steps = re.findall(r"Q\{([^}]*)\}([\w.-]+)\[(\d+)\]", path)
    node = tree.getroot()
    if not steps or etree.QName(node).localname != steps[0][1]:
        return None
    for namespace, local, position in steps[1:]:
        children = [c for c in node if isinstance(c.tag, str) and c.tag == (f"{{{namespace}}}{local}" if namespace else local)]
        index = int(position) - 1
        if index >= len(children):
            return node
        node = children[index]
    return node


def line_of_path(tree: etree._ElementTree, path: str) -> int:
    """The line of the element an XPath 3.1 `path()` names, or 0."""
    node = element_of_path(tree, path)
    return (node.sourceline or 0) if node is not None else 0


def _nearest_id(node: etree._Element | None) -> str | None:
    while node is not None:
        identifier = node.get("{http://www.w3.org/XML/1998/namespace}id")
        if identifier:
            return identifier
        node = node.getparent()
    return None


def _readable(path: str) -> str:
    return re.sub(r"Q\{[^}]*\}", "", path)  # /Q{tei-ns}TEI[1]/… reads as /TEI[1]/…


def _warnings(tree: etree._ElementTree, texts: list[str]) -> list[StylesheetWarning]:
    found = []
    for text in texts:
        parts = text[len(WARNING_MARKER):].strip("\t").split("\t", 2)
        if len(parts) != 3:
            continue
        rule, path, message = parts
        node = element_of_path(tree, path)
        line = (node.sourceline or 0) if node is not None else 0
        found.append(StylesheetWarning(rule, _readable(path), line, message, _nearest_id(node)))
    return found


class Stylesheet:
    """One compiled XSLT 3.0 stylesheet, reused for every document of a run."""

    def __init__(self, path: Path):
        from saxonche import PySaxonApiError

        self.path = path
        self._builder = None
        self.processor = processor = _new_processor()
        compiler = processor.new_xslt30_processor()
        with _native_stderr() as report:
            try:
                self.executable = compiler.compile_stylesheet(stylesheet_file=str(path))
            except PySaxonApiError as exc:
                self.executable = None
                error = f"{path}: the stylesheet does not compile: {exc}\n{report['text'].strip()}"
        if self.executable is None:
            raise PublishError(error)
        # From here on this processor may open no URI at all (once set, Saxon does not allow it back).
        processor.set_configuration_property(ALLOWED_PROTOCOLS, "")
        self.executable.set_save_xsl_message(True)

    def transform(
        self,
        tree: etree._ElementTree,
        label: str,
        parameters: dict[str, object],
        base_uri: str | None = None,
        documents: dict[str, etree._ElementTree] | None = None,
    ) -> str:
        """Apply the stylesheet to a parsed TEI document; `label` names it in errors.

        `base_uri` is the document's own URI (for `base-uri()` and relative references in the
        data); `documents` are further parsed documents (the registers, other texts) handed to the
        stylesheet as parameters of type document-node(), the only way a stylesheet sees them.
        The warnings the stylesheet reports are dropped: `run` returns them.
        """
        return self.run(tree, label, parameters, base_uri, documents).output

    def run(
        self,
        tree: etree._ElementTree,
        label: str,
        parameters: dict[str, object],
        base_uri: str | None = None,
        documents: dict[str, object] | None = None,
        *,
        loaded=None,
    ) -> Transformed:
        """As `transform`, returning the output with the warnings the stylesheet reported.

        A document used for many transformations (the web edition's edition document) is parsed
        once with `load` and given as it comes back, in `documents` or as `loaded` (then it is the
        document transformed, and `tree` is its lxml original, for locating errors).
        """
        from saxonche import PySaxonApiError

        processor = self.processor
        executable = self.executable
        executable.clear_parameters()
        executable.clear_xsl_messages()
        for name, value in parameters.items():
            executable.set_parameter(name, _xdm(processor, value))
        for name, other in (documents or {}).items():
            executable.set_parameter(name, self._document(other, None) if isinstance(other, etree._ElementTree) else other)
        document = loaded if loaded is not None else self._document(tree, base_uri)
        with _native_stderr() as report:
            try:
                output = executable.transform_to_string(xdm_node=document)
            except PySaxonApiError as exc:
                failure = exc
            else:
                return Transformed(output or "", _warnings(tree, [m for m in self._messages() if m.startswith(WARNING_MARKER)]))
        text = " ".join(m for m in self._messages() if not m.startswith(WARNING_MARKER))
        detail = text or str(failure).strip() or report["text"].strip().splitlines()[0]
        path = _PATH.search(detail)
        line = line_of_path(tree, path.group()) if path else 0
        detail = _readable(detail)
        where = f"{label}:{line}" if line else label
        raise PublishError(f"{where}: {self.path.parent.name}/{self.path.name}: {detail}")

    def load(self, tree: etree._ElementTree, base_uri: str | None = None):
        """A document parsed once for this stylesheet, to give to `run` any number of times."""
        return self._document(tree, base_uri)

    def _messages(self) -> list[str]:
        messages = self.executable.get_xsl_messages()
        return [getattr(m, "string_value", str(m)) for m in messages] if messages is not None else []

    def _document(self, tree: etree._ElementTree, base_uri: str | None):
        if base_uri is None:
            return self.processor.parse_xml(xml_text=inert_copy(tree).decode("utf-8"))
        if self._builder is None:
            self._builder = self.processor.new_document_builder()  # one per stylesheet: costly to make
        self._builder.set_base_uri(base_uri)
        return self._builder.parse_xml(xml_text=inert_copy(tree).decode("utf-8"))


def _xdm(processor, value: object):
    if isinstance(value, bool):
        return processor.make_boolean_value(value)
    if isinstance(value, int):
        return processor.make_integer_value(value)
    return processor.make_string_value(str(value))


def stylesheet_parameters(options: "PublishOptions", work: str = "") -> dict[str, object]:
    """The stylesheets' parameters (xslt/common/params.xsl) for some options: the reading options
    every format shares, the text format's layout, the work published."""
    return {
        "numbered": options.numbered,
        "wrap": options.wrap,
        "edition-url": options.edition_url,
        "generator": f"Interlinea {__version__}",
        "choice": options.choice,
        "app": options.app,
        "deletions": options.deletions,
        "notes": options.notes,
        "line-breaks": options.line_breaks,
        "page-breaks": options.page_breaks,
        "work": work,
    }


def stylesheet_diagnostics(label: str, warnings: list[StylesheetWarning]) -> tuple[list[Diagnostic], Counter]:
    """The stylesheet's warnings as diagnostics: the fallback's once per element name, counted, at
    its first place; the others once each."""
    fallback: Counter = Counter()
    first: dict[str, StylesheetWarning] = {}
    others: dict[tuple, Diagnostic] = {}
    for warning in warnings:
        if warning.rule == "fallback":
            fallback[warning.message] += 1
            first.setdefault(warning.message, warning)
        else:
            diagnostic = Diagnostic(label, warning.line, 0, warning.rule, warning.message, level=Level.WARNING, xml_id=warning.xml_id)
            others.setdefault((warning.line, warning.rule, warning.message), diagnostic)
    diagnostics = list(others.values())
    for name, count in fallback.items():
        where = first[name]
        times = "once" if count == 1 else f"{count} times"
        message = (
            f"<{name}> has no rendering of its own: rendered {times} by the generic fallback, its text kept "
            f"(first at {where.path})"
        )
        diagnostics.append(Diagnostic(label, where.line, 0, "fallback", message, level=Level.WARNING, xml_id=where.xml_id))
    return sorted(diagnostics), fallback
