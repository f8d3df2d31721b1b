"""Real TEI benchmark: the text stylesheet on TEI other projects wrote, per KB, next to the floor.

The corpus is ../shared/corpus/tei/ (32 files of 20 projects, 3 MB, one of them 1.2 MB: novels,
plays, letters, inscriptions with an apparatus, periodicals in Arabic, Persian verse, authority
files). Each file is read once (interlinea.xml_input.read_xml); then, in the same run and the same
process, each measured pass transforms every tree: through the text stylesheet as the text publisher
renders a text (publish.text.TextRenderer, default options, and --wrap 72), and through an identity
transform (the floor: `xsl:mode on-no-match="shallow-copy"`, same runner, same trees handed over
the same way). Passes alternate, so that both see the same machine; the table gives the median.
Target: the text stylesheet takes at most twice the floor.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench.measure import Row, say
from bench.publishing import IDENTITY

TITLE = "Real TEI: the text stylesheet per KB of TEI from other projects, next to an identity transform"
TARGET_RATIO = 2.0
TARGETS = [
    f"the text stylesheet takes at most {TARGET_RATIO:.0f}× the time of an identity transform of the same files (the floor)",
]
CORPUS_LABEL = "real TEI (../shared/corpus/tei)"


def corpus_folder(edition: Path) -> Path:
    return edition.resolve().parent / "shared" / "corpus" / "tei"


def _read(folder: Path):
    from interlinea.xml_input import read_xml

    documents = []
    for path in sorted(folder.rglob("*.xml")):
        read = read_xml(path, path.relative_to(folder).as_posix())
        if read.tree is not None:
            documents.append((read.label, read.tree, path.stat().st_size))
    return documents


def _passes(documents, repeats: int, wrap: int) -> tuple[float, float, float]:
    """Median seconds of a pass over every document: the text stylesheet, the identity; and the
    text stylesheet's compile time."""
    from interlinea.publish import PublishOptions, Stylesheet
    from interlinea.publish.text import TextRenderer

    started = time.perf_counter()
    renderer = TextRenderer()
    compile_s = time.perf_counter() - started
    options = PublishOptions(wrap=wrap)
    with tempfile.TemporaryDirectory(prefix="interlinea-bench-identity-") as folder:
        path = Path(folder) / "identity.xsl"
        path.write_text(IDENTITY, encoding="utf-8")
        identity = Stylesheet(path)

        def text_pass() -> None:
            for label, tree, _size in documents:
                renderer.render(tree, label, options)

        def identity_pass() -> None:
            for label, tree, _size in documents:
                identity.transform(tree, label, {})

        text_pass()  # untimed: the first pass warms caches (and checks that every file publishes)
        identity_pass()
        text_times, identity_times = [], []
        for _ in range(repeats):
            for timings, run in ((identity_times, identity_pass), (text_times, text_pass)):
                started = time.perf_counter()
                run()
                timings.append(time.perf_counter() - started)
    return statistics.median(text_times), statistics.median(identity_times), compile_s


def run(options: argparse.Namespace) -> list[Row]:
    folder = corpus_folder(options.edition)
    if not folder.is_dir():
        return [Row("text stylesheet on real TEI", CORPUS_LABEL, 0, 0.0, note=f"SKIP: no corpus at {folder}")]
    documents = _read(folder)
    kilobytes = sum(size for _label, _tree, size in documents) / 1000
    megabytes = kilobytes / 1000
    repeats = max(options.repeats, 5)  # passes are short: a few more make the median steadier
    rows: list[Row] = []
    for wrap in (0, 72):
        say(f"real TEI: {len(documents)} files, {kilobytes:.0f} KB, wrap {wrap}, {repeats} passes each")
        text_s, floor_s, compile_s = _passes(documents, repeats, wrap)
        options_label = "default options" if wrap == 0 else "--wrap 72"
        if wrap == 0:
            rows.append(Row("compile the text stylesheet", CORPUS_LABEL, 0, 0.0, compile_s, note="once per run"))
        rows.append(Row(
            f"identity transform (the floor; {options_label} run)", CORPUS_LABEL, len(documents), megabytes, floor_s,
            note=f"{1000 * floor_s / kilobytes:.3f} ms/KB",
        ))
        rows.append(Row(
            f"text stylesheet, {options_label}", CORPUS_LABEL, len(documents), megabytes, text_s, target_s=TARGET_RATIO * floor_s,
            note=f"{1000 * text_s / kilobytes:.3f} ms/KB; {text_s / floor_s:.2f}× the floor",
        ))
    return rows
