"""Digests of what a stage's output is made from (build records, caches): one SHA-256 over several
parts, each part's length written before it, so that ("ab", "c") and ("a", "bc") differ."""

from __future__ import annotations

import hashlib


def sha256_of(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()
