"""The publish stage: TEI in, editions out, one publisher per format (see base.Publisher)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from interlinea.edition import Edition, Text
from interlinea.publish.base import Output, Publisher, PublishOptions
from interlinea.publish.text import TextPublisher
from interlinea.publish.xslt import PublishError, Stylesheet

PUBLISHERS: dict[str, type[Publisher]] = {"text": TextPublisher}

__all__ = ["PUBLISHERS", "Output", "PublishError", "PublishOptions", "Publisher", "Stylesheet", "publish"]


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
    progress: Callable[[Iterable[Text], str], Iterable[Text]] = lambda items, _label: items,
) -> PublishReport:
    """Publish `texts` (converted or read from tei/, with their trees) in each format."""
    report = PublishReport()
    for name in formats:
        publisher = PUBLISHERS[name](edition, out_dir, options)
        stale = {t.id for t in publisher.outdated(texts)}
        for text in progress(texts, f"publish {name}"):
            if text.id in stale:
                report.written.extend(publisher.write(text))
            else:
                publisher.keep(text)
                report.up_to_date += 1
        report.removed.extend(publisher.finish())
    return report
