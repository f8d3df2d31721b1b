"""Citation: the canonical reference of every text, work and block, and its citation in every format.

* `reference.py`: the canonical references (`organise-en 1.12`), parsed in either spelling, and the
  header's `refsDecl/citeStructure` that declares them to TEI-aware tools (the converter writes it).
* `model.py`: what a citation says, read from a text's TEI header (titles, authors, translators, the
  original of each work, through `@sameAs` to the bibliography register) and the manifest's
  `[edition]` (title, publisher, date, editors, URL): one `Citable` per text, work and block.
* `formats.py`: the machine formats (CSL-JSON, BibTeX through bibtexparser, RIS through rispy) and the
  human-readable citation rendered by citeproc-py in a CSL style (`STYLES`).

The `cite` command and the `cite` publisher (site/cite/) both go through `formats.write`, so a
citation printed and the same citation published are the same bytes.
"""

from interlinea.citation.reference import FORMS, Reference, parse_reference

__all__ = ["FORMS", "Reference", "parse_reference"]
