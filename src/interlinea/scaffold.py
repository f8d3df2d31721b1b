"""`interlinea init DIR`: the skeleton of a new edition, ready to receive seeds."""

from __future__ import annotations

from pathlib import Path

from interlinea.errors import InterlineaError
from interlinea.registers import REGISTERS, empty_register
from interlinea.xmlio import serialize, write_atomic

MANIFEST_TEMPLATE = '''\
# Interlinea edition manifest. Every key is described in Interlinea's README ("The manifest").
# Dates are ISO 8601 (2022-01-10, or "2022-01" for a month); languages are BCP 47 tags ("en", "it").

[edition]
id = "my-edition"                       # short identifier, used in citations
title = "Title of the edition"
# subtitle = "A TEI edition"
publisher = "Who publishes the edition"
# pub_place = "City"
date = {today}                          # date of this edition
licence = "CC-BY-4.0"                   # licence of the encoding
licence_url = "https://creativecommons.org/licenses/by/4.0/"
editors = [{{ name = "Your Name" }}]      # responsible for the encoding
# description = "What the edition is, in a sentence or two."

# One [[text]] table per file in seeds/. Uncomment and fill in:
#
# [[text]]
# id = "letter-en"                      # siglum: letters, digits, '-' and '_'; prefixes every xml:id
# source = "letter.txt"                 # the plain-text file in seeds/ (UTF-8)
# lang = "en"                           # main language, when known
# title = {{ en = "The letter", it = "La lettera" }}   # in the text's language and in English
# title_supplied = false                # true when the editors supplied the title
# authors = [{{ name = "Author Name", ref = "author_key" }}]   # ref: key in the registers
# translators = [{{ name = "Translator Name" }}]
# date = 2022-01-10                     # when the text was written
# original = {{ publisher = "Where it appeared", date = 2022-01-06, url = "https://…", lang = "en" }}
#
# A seed holding several works (a text and its translation, two articles) gets one
# [[text.work]] per work, in order, each with title, authors, lang and original as above.
#
# An editorial decision about one block, found by its first words:
# [[text.passage]]
# match = "First words of the block"
# kind = "caption"                      # paragraph, heading, caption, quote, signature, dateline,
#                                       # source, translator or navigation
# lang = "it"                           # the block's language, when it differs
'''


def init_edition(directory: Path) -> list[Path]:
    """Create the edition skeleton; refuse to overwrite an existing manifest."""
    import datetime

    manifest = directory / "seeds" / "edition.toml"
    if manifest.exists():
        raise InterlineaError(f"{manifest}: an edition already exists here; nothing was changed")
    created = []
    (directory / "seeds").mkdir(parents=True, exist_ok=True)
    write_atomic(manifest, MANIFEST_TEMPLATE.format(today=datetime.date.today().isoformat()).encode("utf-8"))
    created.append(manifest)
    for kind in REGISTERS:
        path = directory / "tei" / "registers" / f"{kind.name}.xml"
        if not path.exists():
            write_atomic(path, serialize(empty_register(kind, "New edition", "Interlinea")))
            created.append(path)
    return created
