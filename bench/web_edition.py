"""Web edition benchmark: the HTML text pages per KB of TEI, next to the floor, in the same run.

Two corpora: the seed edition (with its registers, alignments and edition document) and the real
TEI of ../shared/corpus/tei/ published without a manifest (as `interlinea publish corpus/` does).
Each is read once; the HTML publisher is made as a build makes it, and every page is rendered once,
untimed (it compiles the stylesheets, makes the edition document, checks that every page renders).
Then, alternating in the same process: every text page (xslt/html/text.xsl, as the publisher
renders it: the text's tree, the edition document, the parameters), and the floor: an identity
transform of the same trees through the same runner. The table gives medians and the ratio; the
other pages (site pages, parallel views, entry pages) are measured once per pass too, without a
target. Target: the text pages take at most 3× the floor.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench.measure import Row, say
from bench.publishing import IDENTITY
from bench.real_tei import corpus_folder

TITLE = "Web edition: HTML text pages per KB of TEI, next to an identity transform of the same files"
TARGET_RATIO = 3.0
TARGETS = [f"the HTML text pages take at most {TARGET_RATIO:.0f}× the time of an identity transform of the same files (the floor)"]


def _seed_edition(root: Path):
    from interlinea import stages
    from interlinea.edition import load_edition

    edition = load_edition(root)
    stages.read_tei(edition, edition.texts)
    return edition


def _foreign_edition(folder: Path):
    from interlinea.tei_sources import foreign_edition

    edition, _problems = foreign_edition([folder], folder)
    return edition


def _measure(edition, label: str, repeats: int) -> list[Row]:
    from interlinea.publish import PublishOptions, Stylesheet
    from interlinea.publish.html import HtmlPublisher

    texts = edition.texts
    kilobytes = sum(len(text.tei_bytes or b"") for text in texts) / 1000
    with tempfile.TemporaryDirectory(prefix="interlinea-bench-html-") as out:
        publisher = HtmlPublisher(edition, texts, Path(out), PublishOptions())
        started = time.perf_counter()
        outputs = publisher.outputs()
        for output in outputs:  # untimed: compiles, makes the edition document, checks every page
            publisher.render(output)
        first_s = time.perf_counter() - started
        text_pages = [o for o in outputs if o.parameters.get("kind") == "text"]
        other_pages = [o for o in outputs if o.parameters.get("kind") in ("site", "parallel")]
        identity_path = Path(out) / "identity.xsl"
        identity_path.write_text(IDENTITY, encoding="utf-8")
        identity = Stylesheet(identity_path)

        def floor_pass() -> None:
            for text in texts:
                identity.transform(text.tree, text.id, {})

        def text_pass() -> None:
            for output in text_pages:
                publisher.render(output)

        def other_pass() -> None:
            for output in other_pages:
                publisher.render(output)

        floor_pass()
        timings: dict[str, list[float]] = {"floor": [], "text": [], "other": []}
        for _ in range(repeats):
            for name, run in (("floor", floor_pass), ("text", text_pass), ("other", other_pass)):
                started = time.perf_counter()
                run()
                timings[name].append(time.perf_counter() - started)
    floor_s, text_s, other_s = (statistics.median(timings[name]) for name in ("floor", "text", "other"))
    megabytes = kilobytes / 1000
    return [
        Row("first render of every page (compile, edition document)", label, len(outputs), megabytes, first_s, note="once per run"),
        Row("identity transform (the floor)", label, len(texts), megabytes, floor_s, note=f"{1000 * floor_s / kilobytes:.3f} ms/KB"),
        Row(
            "HTML text pages", label, len(text_pages), megabytes, text_s, target_s=TARGET_RATIO * floor_s,
            note=f"{1000 * text_s / kilobytes:.3f} ms/KB; {text_s / floor_s:.2f}× the floor",
        ),
        Row(
            "other pages (site, registers, parallel views)", label, len(other_pages), megabytes, other_s,
            note=f"{1000 * other_s / max(len(other_pages), 1):.1f} ms/page",
        ),
    ]


def run(options: argparse.Namespace) -> list[Row]:
    repeats = max(options.repeats, 5)  # passes are short: a few more make the median steadier
    rows = []
    say("web edition: the seed edition")
    rows += _measure(_seed_edition(options.edition.resolve()), "seed edition", repeats)
    folder = corpus_folder(options.edition)
    if not folder.is_dir():
        rows.append(Row("HTML text pages", "real TEI", 0, 0.0, note=f"SKIP: no corpus at {folder}"))
        return rows
    say(f"web edition: real TEI in {folder}")
    rows += _measure(_foreign_edition(folder), "real TEI (../shared/corpus/tei)", repeats)
    return rows
