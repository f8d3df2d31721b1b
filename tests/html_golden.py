"""Golden pages of the web edition, shared by the HTML tests: a page as its golden file keeps it,
and the comparison (`--accept` rewrites the file, to be reviewed in the diff)."""

from __future__ import annotations

import difflib
from pathlib import Path

import lxml.html
import pytest

from interlinea import __version__


def normalised(page: bytes) -> str:
    """Pretty-printed (block elements on lines of their own; the pages have no white space of their
    own to keep), the program's version taken out."""
    document = lxml.html.document_fromstring(page)
    text = lxml.html.tostring(document, pretty_print=True, encoding="unicode", doctype="<!DOCTYPE html>")
    return text.replace(f"Interlinea {__version__}", "Interlinea VERSION")


def check_golden(golden: Path, page: bytes, accept: bool, what: str) -> None:
    """Compare a page with its golden file; with --accept, write it instead."""
    got = normalised(page)
    if accept:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
        return
    assert golden.is_file(), f"no golden page {golden}: run pytest with --accept and review it"
    expected = golden.read_text(encoding="utf-8")
    if got != expected:
        diff = "\n".join(list(difflib.unified_diff(expected.splitlines(), got.splitlines(), "golden", "made", lineterm="", n=1))[:60])
        pytest.fail(f"{what} differs from {golden} (accept with --accept after review):\n{diff}")
