"""The plain-text edition: site/text/<id>.txt for every text, and <id>.<n>.<lang>.txt for each work
of a text whose works are in different languages (003: its English and its Italian version)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from interlinea import TEI_NS, XML_NS, __version__
from interlinea.publish.base import Output, Publisher, sha256_of, text_input
from interlinea.publish.xslt import Stylesheet
from interlinea.resources import xslt_path


class TextPublisher(Publisher):
    format = "text"
    entry = ("text", "text.xsl")

    @cached_property
    def stylesheet(self) -> Stylesheet:
        """Compiled once per run, when the first output is rendered."""
        return Stylesheet(xslt_path(*self.entry))

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
        parameters = {
            "numbered": self.options.numbered,
            "wrap": self.options.wrap,
            "edition-url": self.options.edition_url,
            "generator": f"Interlinea {__version__}",
            **output.parameters,
        }
        path = self.edition.tei_path(text.id)
        return self.stylesheet.transform(text.tree, self.edition.relative(path), parameters, base_uri=path.resolve().as_uri()).encode("utf-8")
