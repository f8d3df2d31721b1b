"""Large, varied seeds for measuring how conversion scales with the size of one text.

A seed is made of the real material of the edition, shuffled: the blocks of the edition's seeds,
sorted by the kind the converter gives them (paragraphs, headings, a social-media post, lists of
links), and, for one paragraph in four, the Universal Declaration of Human Rights in twenty
languages from ../shared/corpus/udhr/ beside the checkout, when it is there. Around them goes the
furniture the converter recognises: works with titles and bylines, section headings, signatures
and datelines closing sections and works, text after a work's signature (postscripts), lists of
links (label, "quoted title", URL), source and translator notes, separator lines. Each work writes
its paragraphs one per line, separated by blank lines, or hard-wrapped, as the real seeds do. Never
one repeated line: the converter's cost depends on the structure it builds, and a uniform seed would
hide the divisions, closers and postscripts where quadratic behaviour hid.

Two shapes:
- `long`: one work (no separators, never two blank lines after a closing block): a long opening
  without headings (half the text, all in the work's own division, as in a long text with no
  headings at all, the shape that made conversion quadratic), then chapters of a few to hundreds
  of blocks, some ending with a signature;
- `works`: a long signed statement without sections followed by a long appendix of headed parts
  (postscripts after its signature), then many works of a few kilobytes split by separator lines
  or by two blank lines after a signature, some with sections and some with a postscript.

The same size and shape always give the same bytes (a fixed random seed).
"""

from __future__ import annotations

import random
import shutil
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from interlinea.convert.classify import HEADING_MAX_WORDS, classify
from interlinea.convert.segment import Block, segment
from interlinea.manifest import load_manifest
from interlinea.patterns import TERMINAL, find_urls

SHAPES = ("long", "works")
AUTHORS = ("Autonomous Action", "Pramen", "Tendenza Internazionalista Rivoluzionaria", "Demenza HC")
REGISTER_KEYS = ("autonomous_action", "pramen", "tir", "demenza_hc")  # their entries in tei/registers/
DATELINES = ("January 10, 2022", "6 gennaio 2022", "10 януари 2022", "6 January 2022", "2022-01-06")
SEPARATORS = ("———————————————————————————————–", "----", "* * *", "==========", "__________")
LINK_LABELS = ("Pramen", "CrimethInc", "LeftEast", "CRAS-IWA", "Avtonom")  # bare labels: no final "!" or "."


@dataclass
class Pools:
    """The material a generated seed is drawn from, by the kind the converter gives it in the seeds."""

    paragraphs: list[str]  # from the seeds
    foreign: list[str]  # from the UDHR
    headings: list[str]
    urls: list[str]
    posts: list[str]
    links: list[str]  # lists of links as written: label, "title", URL lines, or "Label: URL" lines


def _seed_blocks(repo: Path) -> list[Block]:
    """The blocks of the real seeds with the kinds the converter gives them (manifest decisions included)."""
    manifest = load_manifest(repo / "seeds" / "edition.toml")
    blocks = []
    for entry in manifest.texts:
        text = (repo / "seeds" / entry.source).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        blocks += [block for work in classify(segment(text), entry, entry.source) for block in work.blocks]
    return blocks


def _never_a_heading(text: str) -> bool:
    """Whether a paragraph stays a paragraph wherever it is put: too long for a heading, or ending
    a sentence. Others would open sections at random and break up the long runs of paragraphs."""
    return len(text.split()) > HEADING_MAX_WORDS or len(text) > 100 or (text[-1] in TERMINAL and text[-1] not in ":!?")


def _udhr_paragraphs(repo: Path) -> list[str]:
    folder = repo.parent / "shared" / "corpus" / "udhr"
    lines = [line.strip() for path in sorted(folder.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    return [line for line in lines if len(line.split()) >= 8 and _never_a_heading(line)]


def load_pools(repo: Path) -> Pools:
    """Sort the real blocks into pools by kind; the UDHR adds paragraphs in languages the seeds lack.

    Headings that name an author are left out: they would become signatures, and a signature
    followed by two blank lines would split the one work of the `long` shape."""
    paragraphs, headings, posts, links = [], [], [], []
    urls = set()
    for block in _seed_blocks(repo):
        text = block.text
        urls.update(url for _, _, url in find_urls(text))
        if block.kind == "paragraph" and _never_a_heading(text):
            paragraphs.append(text)
        elif block.kind == "heading" and text not in AUTHORS:
            headings.append(text)
        elif block.kind == "post":
            posts.append(text)
        elif block.kind == "links":
            links.append("\n".join(line.strip() for _, line in block.lines))
    return Pools(paragraphs, _udhr_paragraphs(repo), headings, sorted(urls), posts, links)


class _Writer:
    """Writes a seed block by block in the current paragraph style; knows the size so far."""

    def __init__(self):
        self.parts: list[str] = []
        self.size = 0
        self.style = "blank"

    def block(self, text: str, blank_lines: int | None = None) -> None:
        """One block; blank lines before it follow the style unless given (two end a work)."""
        if blank_lines is None:
            blank_lines = 0 if self.style == "lines" else 1
        if self.style == "wrapped" and len(text) > 80 and "\n" not in text:
            text = "\n".join(textwrap.wrap(text, 72, break_long_words=False, break_on_hyphens=False))
        chunk = ("\n" * blank_lines if self.parts else "") + text + "\n"
        self.parts.append(chunk)
        self.size += len(chunk.encode("utf-8"))

    def text(self) -> str:
        return "".join(self.parts)


class _Generator:
    def __init__(self, pools: Pools, rng: random.Random):
        self.pools = pools
        self.rng = rng
        self.out = _Writer()
        self.decks: dict[str, list[str]] = {"paragraphs": [], "foreign": []}

    def paragraph(self) -> str:
        """The next paragraph of a shuffled deck, so that every paragraph is used before any repeats.
        Mostly the seeds' own paragraphs; one in four from the UDHR, when it is there."""
        name = "foreign" if self.pools.foreign and self.rng.random() < 0.25 else "paragraphs"
        deck = self.decks[name]
        if not deck:
            deck += getattr(self.pools, name)
            self.rng.shuffle(deck)
        return deck.pop()

    def links(self) -> None:
        """A list of links: label, "quoted title" and URL on successive lines, several items."""
        lines = []
        for _ in range(self.rng.randint(2, 4)):
            label, title = self.rng.choice(LINK_LABELS), self.rng.choice(self.pools.headings)
            lines += [label, f'"{title}"', self.rng.choice(self.pools.urls)]
        self.out.block("\n".join(lines))

    def body_block(self) -> None:
        """A paragraph or, now and then, a post or a list of links (made up, or as a seed has it)."""
        roll = self.rng.random()
        if roll < 0.03:
            self.out.block(self.rng.choice(self.pools.posts))
        elif roll < 0.06:
            self.links()
        elif roll < 0.08:
            self.out.block(self.rng.choice(self.pools.links))
        else:
            self.out.block(self.paragraph())

    def section_length(self) -> int:
        """Blocks in a section: mostly a few, sometimes dozens, rarely hundreds (long chapters)."""
        roll = self.rng.random()
        if roll < 0.8:
            return self.rng.randint(3, 14)
        return self.rng.randint(15, 60) if roll < 0.95 else self.rng.randint(60, 400)

    def run_of_blocks(self, size: int) -> None:
        """Body blocks without a heading, `size` bytes of them: they all go into one division."""
        end = self.out.size + size
        while self.out.size < end:
            self.body_block()

    def heading(self) -> None:
        self.out.block(self.rng.choice(self.pools.headings))

    def closing(self, author: str) -> None:
        """A signature and/or a dateline, as at the end of a statement."""
        if self.rng.random() < 0.8:
            self.out.block(author)
        if self.rng.random() < 0.4:
            self.out.block(self.rng.choice(DATELINES))

    def notes(self) -> None:
        if self.rng.random() < 0.5:
            self.out.block(f"Originale da {self.rng.choice(self.pools.urls)}")
        if self.rng.random() < 0.3:
            self.out.block(f"Traduzione a cura di {AUTHORS[3]}")

    def title(self, author: str) -> None:
        """A work's title, maybe with a byline; each work has its own paragraph style."""
        self.out.style = self.rng.choice(("blank", "blank", "lines", "wrapped"))
        self.heading()
        if self.rng.random() < 0.3:
            self.out.block(author)

    def chapters(self, size: int, author: str) -> None:
        """Sections (a heading, then blocks) for `size` bytes, the last one cut short to fit; some
        end with a signature."""
        end = self.out.size + size
        while self.out.size < end:
            self.heading()
            blocks = self.section_length()
            while blocks and self.out.size < end:
                self.body_block()
                blocks -= 1
            if self.rng.random() < 0.1:
                self.closing(author)

    def appendix(self, size: int) -> None:
        """Headed parts after the work's signature (they become postscripts), `size` bytes of them."""
        end = self.out.size + size
        while self.out.size < end:
            self.heading()
            for _ in range(self.rng.randint(1, 6)):
                self.body_block()

    def small_work(self) -> None:
        """A few kilobytes: title, blocks, maybe sections, a signature, sometimes a postscript, notes."""
        author = self.rng.choice(AUTHORS[:3])
        self.title(author)
        for _ in range(self.rng.randint(3, 14)):
            self.body_block()
        for _ in range(self.rng.choice((0, 0, 1, 3))):
            self.heading()
            for _ in range(self.rng.randint(3, 14)):
                self.body_block()
            if self.rng.random() < 0.2:
                self.closing(author)
        self.closing(author)
        if self.rng.random() < 0.3:
            self.appendix(1)  # one headed part
        self.notes()

    def long_text(self, size: int) -> str:
        """One work: a long opening without headings (half), then chapters, then the closing."""
        self.title(AUTHORS[0])
        self.run_of_blocks(size // 2)
        self.chapters(size - self.out.size, AUTHORS[0])
        self.closing(AUTHORS[0])
        return self.out.text()

    def work_break(self) -> None:
        """A separator line, or two blank lines after the closing signature or note."""
        if self.rng.random() < 0.5:
            self.out.block(self.rng.choice(SEPARATORS), blank_lines=1)
        else:
            self.out.parts.append("\n")
            self.out.size += 1

    def many_works(self, size: int) -> str:
        """A long signed statement without sections and with a long appendix (a third of the size),
        then small works until the size is reached."""
        self.title(AUTHORS[1])
        self.run_of_blocks(size // 6)
        self.out.block(AUTHORS[1])
        self.appendix(size // 6)
        self.notes()
        while self.out.size < size:
            self.work_break()
            self.small_work()
        return self.out.text()


def generate_seed(pools: Pools, size: int, shape: str) -> str:
    """A seed of at least `size` bytes (UTF-8) in the given shape."""
    generator = _Generator(pools, random.Random(f"{shape}-{size}"))
    return generator.long_text(size) if shape == "long" else generator.many_works(size)


def text_id(shape: str, megabytes: int) -> str:
    return f"{shape}-{megabytes}mb"


def _manifest_entry(text: str, source: str) -> str:
    """The text's [[text]] table: its authors sign its works (a line with an author's name alone is a signature)."""
    agents = [f'{{ name = "{name}", ref = "{key}" }}' for name, key in zip(AUTHORS, REGISTER_KEYS)]
    return (
        f'\n[[text]]\nid = "{text}"\nsource = "{source}"\nlang = "en"\n'
        f'title = {{ en = "Generated text {text}" }}\ntitle_supplied = true\nauthors = [{", ".join(agents[:3])}]\n'
        f"translators = [{agents[3]}]\n"
    )


def write_edition(repo: Path, target: Path, megabytes: list[int], shapes: list[str]) -> list[str]:
    """A copy of the edition in `repo` (its seeds, manifest and registers) in `target`, with one
    generated text more per size and shape; returns the ids of the generated texts.

    Keeping the real texts keeps what conversion depends on: the languages the manifest declares
    (the identifier's candidates) and the registers whose names are tagged."""
    pools = load_pools(repo)
    shutil.copytree(repo / "seeds", target / "seeds")
    shutil.copytree(repo / "tei" / "registers", target / "tei" / "registers")
    manifest = [(repo / "seeds" / "edition.toml").read_text(encoding="utf-8")]
    ids = []
    for shape in shapes:
        for size in megabytes:
            text = text_id(shape, size)
            source = f"{text}.txt"
            (target / "seeds" / source).write_text(generate_seed(pools, size * 10**6, shape), encoding="utf-8")
            manifest.append(_manifest_entry(text, source))
            ids.append(text)
    (target / "seeds" / "edition.toml").write_text("".join(manifest), encoding="utf-8")
    return ids


def main(argv: list[str]) -> None:
    """`python -m bench.long_seed DIR [MB ...]`: write the generated edition, to look at or profile."""
    if not argv:
        raise SystemExit("usage: python -m bench.long_seed DIR [MB ...]  (default sizes: 1 4 16)")
    sizes = [int(size) for size in argv[1:]] or [1, 4, 16]
    repo = Path(__file__).resolve().parents[1]
    for text in write_edition(repo, Path(argv[0]), sizes, list(SHAPES)):
        print(text)


if __name__ == "__main__":
    main(sys.argv[1:])
