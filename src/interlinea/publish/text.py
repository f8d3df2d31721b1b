"""The plain-text edition: site/text/<id>.txt for every text, and <id>.<n>.<lang>.txt for each work
of a text whose works are in different languages (003: its English and its Italian version).

Rendering one TEI tree as text, outside any edition (TEI from elsewhere, a test, a tool), is
`TextRenderer().render(tree, label)`: the tree in, the text and its warnings out. The renderer
compiles the stylesheet once; keep it for every document of a run.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from lxml import etree

from interlinea import TEI_NS, XML_NS
from interlinea.diagnostics import Diagnostic
from interlinea.publish.base import Output, Publisher, PublishOptions, sha256_of, text_input
from interlinea.publish.xslt import Stylesheet, stylesheet_diagnostics, stylesheet_parameters
from interlinea.resources import xslt_path

ENTRY = ("text", "text.xsl")


@dataclass
class RenderedText:
    """One document as plain text, with what the stylesheet had to say about it."""

    text: str
    warnings: list[Diagnostic] = field(default_factory=list)
    # Elements rendered by the generic fallback, by name ("hi", "math (http://…/MathML)"), counted.
    fallback: Counter = field(default_factory=Counter)


class TextRenderer:
    """The text stylesheet, compiled once, applied to any number of TEI trees. `path` names another
    entry stylesheet (one that imports xslt/text/text.xsl and overrides some rules)."""

    def __init__(self, path: Path | None = None) -> None:
        self.stylesheet = Stylesheet(path or xslt_path(*ENTRY))

    def render(
        self,
        tree: etree._ElementTree,
        label: str,
        options: PublishOptions = PublishOptions(),
        *,
        work: str = "",
        base_uri: str | None = None,
    ) -> RenderedText:
        """A TEI document (TEI, teiCorpus, or any TEI fragment) as plain text.

        `label` names the document in errors and warnings (a path, as messages show it). Raises
        PublishError if the stylesheet stops (a parameter it does not accept, a `work` the text does
        not have); any element it does not know is rendered by the fallback and reported, rule
        `fallback`, once per element name with the count and the first place.
        """
        result = self.stylesheet.run(tree, label, stylesheet_parameters(options, work), base_uri=base_uri)
        return RenderedText(result.output, *stylesheet_diagnostics(label, result.warnings))


def render_text(tree: etree._ElementTree, label: str, options: PublishOptions = PublishOptions(), **keywords) -> RenderedText:
    """One document as plain text with a renderer of its own (compiles the stylesheet: for many
    documents, keep a TextRenderer)."""
    return TextRenderer().render(tree, label, options, **keywords)


class TextPublisher(Publisher):
    format = "text"
    entry = ENTRY

    @cached_property
    def renderer(self) -> TextRenderer:
        """Compiled once per run, when the first output is rendered."""
        return TextRenderer()

    @property
    def stylesheet(self) -> Stylesheet:
        return self.renderer.stylesheet

    def method_digest(self) -> str:
        modules = sorted(p for folder in ("common", self.format) for p in xslt_path(folder).glob("*.xsl"))
        return sha256_of(super().method_digest().encode(), *(p.name.encode() + p.read_bytes() for p in modules))

    def outputs(self) -> list[Output]:
        outputs = []
        for text in self.texts:
            made_from = (text_input(text.id),)
            outputs.append(Output(Path(self.format) / f"{text.id}.txt", made_from, {"work": ""}, text.id))
            root = text.tree.getroot()
            text_lang = root.get(f"{{{XML_NS}}}lang")
            works = root.findall(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body/{{{TEI_NS}}}div[@type='work']")
            languages = [work.get(f"{{{XML_NS}}}lang", text_lang) for work in works]
            if len(set(languages)) > 1:
                for work, lang in zip(works, languages):
                    number = work.get("n")
                    outputs.append(Output(Path(self.format) / f"{text.id}.{number}.{lang}.txt", made_from, {"work": number}, text.id))
        return outputs

    def render(self, output: Output) -> bytes:
        text = self.by_id[output.text_id]
        path = self.edition.tei_path(text.id)
        rendered = self.renderer.render(
            text.tree, self.edition.relative(path), self.options, work=output.parameters.get("work", ""), base_uri=path.resolve().as_uri()
        )
        for diagnostic in rendered.warnings:
            self.warn(diagnostic)
        return rendered.text.encode("utf-8")
