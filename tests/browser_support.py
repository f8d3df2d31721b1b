"""What the checks of the web edition share: the seed edition's site, built once per test session,
a static web server for it, and the headless Chromium that the browser tests drive.

The site is built by the real command (`interlinea build --out`) from a copy of the repository's
seeds/ and tei/, so that the repository is never written. Tests that need a site of their own (a
second build to compare, a rebuild) make it with `build_site`.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from interlinea.cli import main

# Debian's chromium, as the machine and CI install it (.ci/run); Playwright never downloads one.
CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Headless, and quiet on a machine without internet: without the last flags Chromium keeps trying
# to reach Google's services and floods the log with refused connections.
CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
ARTIFACTS_VARIABLE = "INTERLINEA_ARTIFACTS"

_built: dict[str, Path] = {}


def copy_edition(target: Path) -> Path:
    """A writable copy of the seed edition (seeds/ and tei/)."""
    shutil.copytree(ROOT / "seeds", target / "seeds")
    shutil.copytree(ROOT / "tei", target / "tei")
    return target


def build_site(edition: Path, out: Path) -> str:
    """`interlinea build --out OUT` on an edition, in this process; returns what it printed."""
    result = CliRunner().invoke(main, ["build", "--edition", str(edition), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed edition's site, built once per session and shared by every test that reads it
    (tests must not change it)."""
    if "seed" not in _built:
        folder = tmp_path_factory.mktemp("seed-site")
        _built["seed"] = folder / "site"
        build_site(copy_edition(folder / "edition"), _built["seed"])
    return _built["seed"]


def html_pages(site: Path) -> list[Path]:
    """Every HTML page of a site, in a stable order."""
    return sorted(site.rglob("*.html"))


def artifacts_folder() -> Path:
    """Where the browser tests keep their screenshots: $INTERLINEA_ARTIFACTS if set, else
    interlinea-browser-artifacts/ in the system's temporary folder (/tmp), kept after the session
    (pytest's own temporary folders are deleted by later runs) and overwritten by the next."""
    given = os.environ.get(ARTIFACTS_VARIABLE)
    folder = Path(given) if given else Path(tempfile.gettempdir()) / "interlinea-browser-artifacts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; keeps the test output free of request logs."""

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port) from a thread; yields the base URL ("http://…/")."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def find_chromium() -> str | None:
    """The path of Debian's chromium, or None when it is not installed."""
    for path in CHROMIUM_PATHS:
        if os.access(path, os.X_OK):
            return path
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found
