"""Shared fixtures: the seed edition, its conversion (once per session), the compiled tei_all schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from interlinea import stages
from interlinea.edition import Edition, load_edition

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--accept",
        action="store_true",
        help="Regenerate golden files (tei/ and tests/golden/) from the current code; review the diff.",
    )


@pytest.fixture(scope="session")
def accept(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--accept"))


@pytest.fixture(scope="session")
def seed_edition() -> Edition:
    """The seed edition converted in memory (tei/ is not touched)."""
    edition = load_edition(ROOT)
    stages.convert(edition, edition.texts)
    return edition


def seed_html_publisher(out: Path):
    """The web edition's publisher over the seed edition as tei/ holds it (nothing is written until
    asked; `out` is where it would write)."""
    from interlinea.publish import PublishOptions
    from interlinea.publish.html import HtmlPublisher

    edition = load_edition(ROOT)
    edition.keep_state = False  # nothing written into the checkout
    stages.read_tei(edition, edition.texts)
    return HtmlPublisher(edition, edition.texts, out, PublishOptions())


@pytest.fixture(scope="module")
def seed_publisher(tmp_path_factory):
    """The web edition's publisher over the seed edition, once per test module."""
    return seed_html_publisher(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    from interlinea.validate import tei_all_schema

    return tei_all_schema()


@pytest.fixture
def edition_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed edition (seeds/ and tei/) for commands that write."""
    target = tmp_path / "edition"
    shutil.copytree(ROOT / "seeds", target / "seeds")
    shutil.copytree(ROOT / "tei", target / "tei")
    return target


def minimal_manifest(sources: dict[str, str], lang: str = "en", extra: str = "") -> str:
    """A valid manifest with one text per (id, seed file name)."""
    texts = "".join(
        f'\n[[text]]\nid = "{text_id}"\nsource = "{source}"\nlang = "{lang}"\ntitle = {{ {lang} = "Title of {text_id}" }}\n'
        for text_id, source in sources.items()
    )
    return (
        '[edition]\nid = "test"\ntitle = "Test edition"\npublisher = "Tests"\ndate = 2026-01-01\n'
        'licence = "CC-BY-4.0"\nlicence_url = "https://creativecommons.org/licenses/by/4.0/"\n'
        'editors = [{ name = "Tester" }]\n' + texts + extra
    )


@pytest.fixture
def make_edition(tmp_path: Path):
    """Build a small edition from seed texts (str or bytes) and return its folder."""

    def make(seeds: dict[str, str | bytes], lang: str = "en", extra: str = "") -> Path:
        root = tmp_path / "small"
        (root / "seeds").mkdir(parents=True, exist_ok=True)
        sources = {}
        for number, (text_id, content) in enumerate(seeds.items()):
            name = f"{number:03d}_{text_id}.txt"
            data = content.encode("utf-8") if isinstance(content, str) else content
            (root / "seeds" / name).write_bytes(data)
            sources[text_id] = name
        (root / "seeds" / "edition.toml").write_text(minimal_manifest(sources, lang, extra), encoding="utf-8")
        return root

    return make
