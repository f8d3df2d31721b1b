"""Digests of what a stage's output is made from (build records, caches): one SHA-256 over several
parts, each part's length written before it, so that ("ab", "c") and ("a", "bc") differ."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path


def sha256_of(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


# The package's files that decide what its stages compute (code and its data tables). The
# stylesheets and schemas (data/) are digested by the stages that use them, each its own.
CODE_SUFFIXES = (".py", ".toml", ".json", ".tsv", ".txt")


@cache
def code_digest() -> str:
    """A digest of Interlinea's code and data tables, as installed or checked out."""
    package = Path(__file__).resolve().parent  # src/interlinea, or the installed package
    files = sorted(
        p for p in package.rglob("*")
        if p.is_file() and p.suffix in CODE_SUFFIXES and "data" not in p.relative_to(package).parts[:1] and "__pycache__" not in p.parts
    )
    return sha256_of(*(p.relative_to(package).as_posix().encode() + b"\0" + p.read_bytes() for p in files))
