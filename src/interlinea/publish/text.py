"""The plain-text edition: site/text/<id>.txt for every text, and <id>.<n>.<lang>.txt for each work
of a text whose works are in different languages (003: its English and its Italian version)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from interlinea import TEI_NS, XML_NS, __version__
from interlinea.edition import Text
from interlinea.publish.base import Output, Publisher, PublishOptions
from interlinea.publish.xslt import Stylesheet
from interlinea.resources import xslt_path


class TextPublisher(Publisher):
    format = "text"
    entry = ("text", "text.xsl")

    def __init__(self, edition, out_dir: Path, options: PublishOptions, stylesheet: Stylesheet | None = None):
        super().__init__(edition, out_dir, options)
        self.stylesheet = stylesheet or Stylesheet(xslt_path(*self.entry))

    def inputs_digest(self) -> str:
        digest = hashlib.sha256(super().inputs_digest().encode())
        for folder in ("common", self.format):
            for path in sorted(xslt_path(folder).glob("*.xsl")):
                digest.update(path.name.encode() + path.read_bytes())
        return digest.hexdigest()

    def outputs(self, text: Text) -> list[Output]:
        outputs = [Output(Path(self.format) / f"{text.id}.txt", {"work": ""})]
        root = text.tree.getroot()
        text_lang = root.get(f"{{{XML_NS}}}lang")
        works = root.findall(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body/{{{TEI_NS}}}div[@type='work']")
        languages = [work.get(f"{{{XML_NS}}}lang", text_lang) for work in works]
        if len(set(languages)) > 1:
            for work, lang in zip(works, languages):
                number = work.get("n")
                outputs.append(Output(Path(self.format) / f"{text.id}.{number}.{lang}.txt", {"work": number}))
        return outputs

    def render(self, text: Text, output: Output) -> bytes:
        parameters = {
            "numbered": self.options.numbered,
            "wrap": self.options.wrap,
            "edition-url": self.options.edition_url,
            "generator": f"Interlinea {__version__}",
            **output.parameters,
        }
        label = self.edition.relative(self.edition.tei_path(text.id))
        return self.stylesheet.transform(text.tree, label, parameters).encode("utf-8")
