"""Publishing benchmark: stylesheet compile time, then time per document and per KB of TEI, per format.

Measured in-process, through the same Publisher classes `interlinea publish` uses, so that compiling
(once per run) is apart from transforming (once per output); and once end to end, as a user runs it,
for peak memory. Every format in interlinea.publish.FORMATS is measured the same way.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench.corpus import Corpus, generate
from bench.measure import Row, interlinea_command, measure, say


TITLE = "Publishing: stylesheet compile time, time per document and per KB of TEI"
TARGET_PER_DOCUMENT_MS = 100.0
TARGETS = [
    f"publishing a text (all its outputs) takes under {TARGET_PER_DOCUMENT_MS:.0f} ms per document once the stylesheet is compiled",
]


def _texts(edition_root: Path):
    from interlinea import stages
    from interlinea.edition import load_edition

    edition = load_edition(edition_root)
    stages.read_tei(edition, edition.texts)
    return edition, edition.texts


IDENTITY = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:mode on-no-match="shallow-copy"/>
</xsl:stylesheet>
"""


def _floor_seconds(texts, repeats: int) -> float:
    """The floor: an identity transform of the same trees through the same runner (Saxon, one
    compile, the document handed over as publishing hands it), so that the format's own cost is read
    as a ratio to what any transform of these files costs on this machine, in this run."""
    from interlinea.publish import Stylesheet

    with tempfile.TemporaryDirectory(prefix="interlinea-bench-identity-") as folder:
        path = Path(folder) / "identity.xsl"
        path.write_text(IDENTITY, encoding="utf-8")
        identity = Stylesheet(path)
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            for text in texts:
                identity.transform(text.tree, text.id, {})
            timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def _format_rows(name: str, corpus: Corpus, repeats: int) -> list[Row]:
    from interlinea.publish import FORMATS, PublishOptions

    edition, texts = _texts(corpus.root)
    kilobytes = sum(len(t.tei_bytes) for t in texts) / 1000
    with tempfile.TemporaryDirectory(prefix="interlinea-bench-site-") as out:
        publisher = FORMATS[name](edition, texts, Path(out), PublishOptions(wrap=72))
        started = time.perf_counter()
        getattr(publisher, "stylesheet", None)  # a format with stylesheets compiles them here, once
        compile_s = time.perf_counter() - started
        outputs = publisher.outputs()
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            for output in outputs:
                publisher.render(output)
            timings.append(time.perf_counter() - started)
    seconds = statistics.median(timings)
    per_document_ms = 1000 * seconds / len(texts)
    per_kb_ms = 1000 * seconds / kilobytes
    floor = _floor_seconds(texts, repeats)
    outputs_per_text = len(outputs) / len(texts)
    return [
        Row(f"compile {name} stylesheet", corpus.label, 0, 0.0, compile_s, note="once per run"),
        Row("identity transform (the floor)", corpus.label, len(texts), kilobytes / 1000, floor, note="one output per text"),
        Row(
            f"publish {name} (in-process)", corpus.label, len(texts), kilobytes / 1000, seconds,
            target_s=TARGET_PER_DOCUMENT_MS * len(texts) / 1000,
            note=(
                f"{per_document_ms:.1f} ms/document, {per_kb_ms:.2f} ms/KB of TEI; {seconds / floor:.1f}× the floor "
                f"({outputs_per_text:.2f} outputs per text)"
            ),
        ),
    ]


def _end_to_end_row(corpus: Corpus, repeats: int) -> Row:
    with tempfile.TemporaryDirectory(prefix="interlinea-bench-site-") as out:
        # Each run starts from an empty output folder: otherwise every run after the first would
        # measure an incremental build with nothing to do.
        site = Path(out) / "site"
        publish = interlinea_command() + ["publish", "--quiet", "--skip-validation", "--wrap", "72", "--edition", str(corpus.root), "--out", str(site)]
        command = ["sh", "-c", f'rm -rf "{site}" && exec "$@"', "sh", *publish]
        m = measure(command, corpus.root, repeats, f"interlinea publish ({corpus.label})")
    problem = None if m.exit_codes == {0} else (m.warmup.stderr.strip().splitlines() or ["failed"])[0]
    texts = len(list((corpus.root / "tei").glob("*.xml")))
    return Row(
        "interlinea publish (end to end)", corpus.label, texts, corpus.megabytes(), m.median_seconds, m.max_rss_mib,
        failed=problem is not None, note=problem or "start-up, compile and all outputs",
    )


def run(options: argparse.Namespace) -> list[Row]:
    from interlinea.publish import FORMATS

    edition = options.edition.resolve()
    rows: list[Row] = []
    seed = Corpus(edition, "seed edition")
    for name in FORMATS:
        rows += _format_rows(name, seed, options.repeats)
    rows.append(_end_to_end_row(seed, options.repeats))
    with tempfile.TemporaryDirectory(prefix="interlinea-bench-") as tmp:
        target = Path(tmp) / "edition"
        say(f"generating the {options.scale}x corpus in {target}")
        large = generate(edition, target, options.scale)
        for name in FORMATS:
            rows += _format_rows(name, large, 1)
        rows.append(_end_to_end_row(large, 1))
    return rows
