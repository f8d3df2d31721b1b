"""The publish stage: TEI in, editions out, one publisher per format (see base.Publisher).

`FORMATS` is the one registry of output formats, in the order they are published; the CLI offers
its keys. A new format is a new module with a Publisher, and one line here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from interlinea.edition import Edition, Text
from interlinea.publish.base import Inputs, Output, Publisher, PublishOptions, text_input
from interlinea.publish.cite import CitePublisher
from interlinea.publish.html import HtmlPublisher
from interlinea.publish.text import TextPublisher
from interlinea.publish.xslt import PublishError, Stylesheet
from interlinea.workers import can_fork, fork_map

FORMATS: dict[str, type[Publisher]] = {"text": TextPublisher, "cite": CitePublisher, "html": HtmlPublisher}

__all__ = ["FORMATS", "Output", "PublishError", "PublishOptions", "Publisher", "Stylesheet", "publish"]


@dataclass
class PublishReport:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    up_to_date: int = 0


# Below this many changed texts per process, the formats' work is done in this process.
MIN_TEXTS_PER_WORKER = 8


def publish(
    edition: Edition,
    texts: list[Text],
    formats: Iterable[str],
    out_dir: Path,
    options: PublishOptions,
    progress: Callable[[Iterable[Output], str], Iterable[Output]] = lambda items, _label: items,
    jobs: int = 1,
) -> PublishReport:
    """Publish `texts` (with their trees) in each format; only outputs whose inputs changed are made,
    by up to `jobs` processes (interlinea.workers), byte-identical whatever their number.

    The run decides once whether it renders in workers: when enough texts changed since the last
    build (a worker's start-up, compiling the stylesheets, costs more than a few pages); then every
    stylesheet runs in a worker and none here, so that no worker is forked from a process in
    which Saxon has started."""
    report = PublishReport()
    inputs = Inputs(edition, texts)
    publishers = [FORMATS[name](edition, texts, out_dir, options) for name in formats]
    changed = max((sum(p.previous_inputs.get(text_input(t.id)) != inputs.digest(text_input(t.id)) for t in texts) for p in publishers), default=0)
    pooled = jobs > 1 and changed >= MIN_TEXTS_PER_WORKER * 2 and can_fork()
    mapper = (lambda function, items: fork_map(jobs, function, items, min_per_worker=1)) if pooled else map
    for publisher in publishers:
        name = publisher.format
        publisher.prepare(mapper)
        stale = []
        for output in publisher.outputs():
            fingerprint = publisher.fingerprint(output, inputs)
            if publisher.is_current(output, fingerprint):
                publisher.keep(output, fingerprint)
                report.up_to_date += 1
            else:
                stale.append((output, fingerprint))
                edition.explain("publish", edition.relative(out_dir / output.path), publisher.why(output))
        # Each output is rendered and written where it is made (a worker writes its own files):
        # only the file's name, if it changed, and the warnings come back.
        made = mapper(lambda item: publisher.make(item[0]), stale)
        for (output, fingerprint), (written, warnings) in zip(progress(stale, f"publish {name}"), made):
            for warning in warnings:
                publisher.warn(warning)
            publisher.record(output, fingerprint)
            if written is not None:
                report.written.append(written)
        report.removed.extend(publisher.finish())
    return report
