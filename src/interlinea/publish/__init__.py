"""The publish stage: TEI in, editions out, one publisher per format (see base.Publisher).

`FORMATS` is the one registry of output formats, in the order they are published; the CLI offers
its keys. A new format is a new module with a Publisher, and one line here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from interlinea.edition import Edition, Text
from interlinea.publish.base import Inputs, Output, Publisher, PublishOptions
from interlinea.publish.cite import CitePublisher
from interlinea.publish.html import HtmlPublisher
from interlinea.publish.text import TextPublisher
from interlinea.publish.xslt import PublishError, Stylesheet

FORMATS: dict[str, type[Publisher]] = {"text": TextPublisher, "cite": CitePublisher, "html": HtmlPublisher}

__all__ = ["FORMATS", "Output", "PublishError", "PublishOptions", "Publisher", "Stylesheet", "publish"]


@dataclass
class PublishReport:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    up_to_date: int = 0


def publish(
    edition: Edition,
    texts: list[Text],
    formats: Iterable[str],
    out_dir: Path,
    options: PublishOptions,
    progress: Callable[[Iterable[Output], str], Iterable[Output]] = lambda items, _label: items,
) -> PublishReport:
    """Publish `texts` (with their trees) in each format; only outputs whose inputs changed are made."""
    report = PublishReport()
    inputs = Inputs(edition, texts)
    for name in formats:
        publisher = FORMATS[name](edition, texts, out_dir, options)
        for output in progress(publisher.outputs(), f"publish {name}"):
            fingerprint = publisher.fingerprint(output, inputs)
            if publisher.is_current(output, fingerprint):
                publisher.keep(output, fingerprint)
                report.up_to_date += 1
                continue
            written = publisher.write(output, fingerprint)
            if written is not None:
                report.written.append(written)
        report.removed.extend(publisher.finish())
    return report
