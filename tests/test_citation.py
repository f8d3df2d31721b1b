"""Citation: canonical references declared in the TEI and resolved back, the `cite` command in every
format (golden files), the machine formats read back by their own tools, the `cite` publisher, bad
references and styles."""

from __future__ import annotations

import difflib
import json
import re

import bibtexparser
import jsonschema
import pytest
import rispy
from click.testing import CliRunner
from lxml import etree

from interlinea import TEI_NS, stages
from interlinea.citation import parse_reference
from interlinea.citation.formats import STYLES, bibtex, csl_json, render, write
from interlinea.citation.model import Name, text_citations
from interlinea.citation.reference import Reference, refs_decl
from interlinea.cli import main
from interlinea.edition import load_edition
from interlinea.resources import schema_path
from interlinea.tei import CITABLE, NS, XML_ID
from interlinea.validate.schemas import project_schema_for
from interlinea.xmlio import write_atomic

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "cite"
CSL_SCHEMA = json.loads(schema_path("csl", "csl-data.json").read_text(encoding="utf-8"))
# (suffix of the golden file, arguments of `interlinea cite`)
GOLDEN_FORMATS = [
    ("chicago-author-date.txt", ["--style", "chicago-author-date"]),
    ("apa.txt", ["--style", "apa"]),
    ("chicago-author-date.html", ["--format", "html"]),
    ("bib", ["--format", "bibtex"]),
    ("ris", ["--format", "ris"]),
    ("json", ["--format", "csl-json"]),
]


def cite(*args: str, edition=ROOT):
    return CliRunner().invoke(main, ["cite", "--edition", str(edition), *args])


@pytest.fixture(scope="module")
def committed():
    """The edition as tei/ holds it, every text read."""
    edition = load_edition(ROOT)
    stages.read_tei(edition, edition.texts)
    return edition


def all_citables(edition):
    return [item for text in edition.texts for item in text_citations(edition, text).items]


# -- the command, in every format ----------------------------------------------------------------------


@pytest.mark.parametrize("suffix, args", GOLDEN_FORMATS, ids=[s for s, _ in GOLDEN_FORMATS])
@pytest.mark.parametrize("reference", ["organise-it", "organise-en.1.12"])
def test_golden_citation(reference, suffix, args, accept):
    """One text and one block in each format, reviewed in diffs; `make golden` accepts a change."""
    result = cite(reference, *args)
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"{reference}.{suffix}"
    if accept:
        write_atomic(golden, result.stdout.encode("utf-8"))
    expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
    if result.stdout != expected:
        diff = difflib.unified_diff(expected.splitlines(), result.stdout.splitlines(), str(golden), "produced", lineterm="")
        pytest.fail("citation differs from its golden file; review, then `make golden`:\n" + "\n".join(list(diff)[:60]))


def test_a_citation_names_the_edition_authors_translators_original_and_paragraph():
    text = cite("organise-it").stdout
    for part in ("Organise!", "Autonomous Action", "Pramen", "translated by Demenza HC", "edited by Interlinea project",
                 "The January 2022 Uprising in Kazakhstan: Statements and Translations", "Interlinea project", "2026",
                 "Originally published as", "Colonialism of the twenty-first century"):
        assert part in text, part
    entry, in_text = cite("organise-en.1.12", "--style", "apa").stdout.splitlines()
    assert "Hands off Kazakhstan" in entry and "Original work published" in entry
    assert in_text == "(Organise! & Autonomous Action, 2022/2026, para. 12)"
    assert cite("organise-en 1.12").stdout == cite("organise-en.1.12").stdout  # both spellings


def test_a_work_is_cited_with_its_own_title_authors_and_original():
    entry = cite("organise-it.2").stdout
    assert entry.startswith("Pramen. ") and "Il colonialismo del XXI secolo" in entry
    assert "Originally published as Colonialism of the twenty-first century (Pramen)" in entry
    assert "Organise!" not in entry


def test_the_url_is_the_manifests_and_the_access_date_the_editions(edition_copy):
    """No URL is made up: none without `[edition] url`; with it, the access date is the edition's
    date, so that the output does not depend on the day the command runs."""
    data = json.loads(cite("organise-en.1.12", "--format", "csl-json").stdout)[0]
    assert "URL" not in data and "accessed" not in data
    assert "url" not in cite("organise-en", "--format", "bibtex").stdout
    manifest = edition_copy / "seeds" / "edition.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('licence = "CC-BY-4.0"', 'url = "https://example.org/kz2022/"\nlicence = "CC-BY-4.0"', 1), encoding="utf-8")
    data = json.loads(cite("organise-en.1.12", "--format", "csl-json", edition=edition_copy).stdout)[0]
    assert data["URL"] == "https://example.org/kz2022/" and data["accessed"] == {"date-parts": [[2026, 11, 22]]}
    entry = bibtexparser.parse_string(cite("organise-en", "--format", "bibtex", edition=edition_copy).stdout).entries[0]
    assert entry["url"] == "https://example.org/kz2022/" and entry["urldate"] == "2026-11-22"
    record = rispy.loads(cite("organise-en", "--format", "ris", edition=edition_copy).stdout)[0]
    assert record["urls"] == ["https://example.org/kz2022/"] and record["access_date"] == "2026/11/22/"
    assert "https://example.org/kz2022/" in cite("organise-en", edition=edition_copy).stdout


@pytest.mark.parametrize("style", STYLES)
def test_every_style_renders_every_text_and_work_and_a_block(committed, style):
    for item in all_citables(committed):
        if item.reference.kind != "block" or item.reference.block == 1:
            lines = render(item, style).splitlines()
            assert len(lines) == (2 if item.reference.kind == "block" else 1)
            assert all(line.strip() for line in lines)


# -- machine formats, read back by their own tools -------------------------------------------------


def test_the_bibtex_parses_back(committed):
    items = all_citables(committed)
    library = bibtexparser.parse_string(bibtex(items))
    assert not library.failed_blocks
    assert [entry.key for entry in library.entries] == [item.id for item in items]
    entry = library.entries_dict["organise-it.2"]
    assert entry.entry_type == "incollection"
    assert entry["author"] == "{Pramen}" and entry["translator"] == "{Demenza HC}"
    assert entry["title"] == "{Il colonialismo del XXI secolo}"
    assert entry["booktitle"] == "The January 2022 Uprising in Kazakhstan: Statements and Translations"
    assert entry["editor"] == "{Interlinea project}" and entry["year"] == "2026" and entry["date"] == "2026-11-22"
    assert entry["origtitle"] == "{Colonialism of the twenty-first century}" and entry["origdate"] == "2022-01"
    assert library.entries_dict["organise-en.1.12"]["note"] == "para. 12"


def test_bibtex_names_and_special_characters():
    from dataclasses import replace

    edition = load_edition(ROOT)
    stages.read_tei(edition, edition.texts[:1])
    item = text_citations(edition, edition.texts[0]).items[0]
    item = replace(item, title="Tom & Jerry: 100% {braces}", authors=(Name("Jane Q. Smith", person=True), Name("Smith, John", person=True), Name("A & B collective")))
    entry = bibtexparser.parse_string(bibtex([item])).entries[0]
    assert entry["author"] == r"Smith, Jane Q. and Smith, John and {A \& B collective}"
    assert entry["title"] == r"{Tom \& Jerry: 100\% \{braces\}}"
    data = json.loads(csl_json([item]))[0]
    assert data["author"] == [{"family": "Smith", "given": "Jane Q."}, {"family": "Smith", "given": "John"}, {"literal": "A & B collective"}]
    assert Name("Pramen", person=True).family_given is None


def test_the_csl_json_is_valid_against_the_csl_schema(committed):
    jsonschema.Draft7Validator.check_schema(CSL_SCHEMA)
    validator = jsonschema.Draft7Validator(CSL_SCHEMA)
    data = json.loads(csl_json(all_citables(committed)))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, errors[:5]
    for reference in ("organise-it", "organise-en.1.12"):
        assert not list(validator.iter_errors(json.loads(cite(reference, "--format", "csl-json").stdout)))
    block = next(d for d in data if d["id"] == "organise-en.1.12")
    assert block["locator"] == "12" and block["custom"] == {"canonical-reference": "organise-en 1.12", "locator-label": "paragraph"}


def test_the_ris_reads_back(committed):
    items = all_citables(committed)
    records = rispy.loads(write(items, "ris"))
    assert [r["id"] for r in records] == [item.id for item in items]
    record = next(r for r in records if r["id"] == "organise-it")
    assert record["type_of_reference"] == "CHAP" and record["subsidiary_authors"] == ["Demenza HC"]
    assert record["secondary_title"] == "The January 2022 Uprising in Kazakhstan: Statements and Translations"
    assert "Colonialism of the twenty-first century" in record["original_publication"]


# -- canonical references: declared in the TEI, resolved back ---------------------------------------


def test_references_in_both_spellings():
    assert parse_reference("organise-en") == Reference("organise-en")
    assert parse_reference("organise-en.1") == parse_reference("organise-en 1") == Reference("organise-en", 1)
    assert parse_reference("organise-en.1.12") == parse_reference("organise-en 1.12") == Reference("organise-en", 1, 12)
    assert Reference("organise-en", 1, 12).canonical == "organise-en 1.12" and Reference("organise-en", 1, 12).id == "organise-en.1.12"
    for bad in ("", "organise-en.", "organise-en.0", "organise-en.1.x", "organise-en 1 12", "1.12", "organise-en.1.12.3", "a b"):
        assert parse_reference(bad) is None, bad


def shape(node: etree._Element) -> list:
    return [(n.tag, sorted(n.attrib.items()), (n.text or "").strip()) for n in node.iter()]


def test_the_header_declares_the_citation_structure_and_stays_valid(seed_edition):
    for text in seed_edition.texts:
        decl = text.tree.getroot().find("tei:teiHeader/tei:encodingDesc/tei:refsDecl", NS)
        assert shape(decl) == shape(refs_decl(text.id))
        schema = project_schema_for(text.tree)
        assert schema.validate(text.tree), schema.error_log


@pytest.mark.slow
def test_the_citation_structure_is_valid_tei_all(seed_edition, tei_all):
    assert 'name="citeStructure"' in schema_path("tei_all", "tei_all.rng").read_text(encoding="utf-8")
    for text in seed_edition.texts:
        assert tei_all.validate(text.tree), tei_all.error_log


def resolve_with_cite_structure(tree: etree._ElementTree, reference: str) -> list[str]:
    """What a TEI-aware tool does with the header alone (Guidelines 16.2.5.4): split the reference on
    each level's @delim, build each level's @match with the predicate @use = part, evaluate the path
    (XPath 3.1, Saxon, TEI as the default element namespace); the xml:ids it finds."""
    from saxonche import PySaxonProcessor

    levels, structure = [], tree.getroot().find("tei:teiHeader/tei:encodingDesc/tei:refsDecl/tei:citeStructure", NS)
    while structure is not None:
        levels.append(structure)
        structure = structure.find("tei:citeStructure", NS)
    parts, rest = [], reference
    for level in levels:
        delim = level.get("delim")
        if delim is not None:
            if delim not in rest:
                break
            head, _, rest = rest.partition(delim)
            parts[-1] = head
        parts.append(rest)
    path = "/".join(f"{level.get('match')}[{level.get('use')} = '{part}']" for level, part in zip(levels, parts))
    processor = PySaxonProcessor(license=False)
    xpath = processor.new_xpath_processor()
    xpath.declare_namespace("", TEI_NS)
    xpath.set_context(xdm_item=processor.parse_xml(xml_text=etree.tostring(tree, encoding="unicode")))
    found = xpath.evaluate(f"({path})/@xml:id/string()")
    return [found.item_at(i).string_value for i in range(found.size)] if found is not None else []


def test_every_block_of_the_seeds_is_cited_and_its_citation_resolves_back_to_it(seed_edition):
    for text in seed_edition.texts:
        tree = text.tree
        blocks = {node.get(XML_ID): node for node in tree.iter(*(f"{{{TEI_NS}}}{name}" for name in CITABLE)) if node.get("n")}
        citations = text_citations(seed_edition, text)
        cited = {item.id: item for item in citations.items if item.reference.kind == "block"}
        assert sorted(cited) == sorted(blocks), text.id
        entries = bibtexparser.parse_string(bibtex(list(cited.values()))).entries
        for key, data in zip([e.key for e in entries], json.loads(csl_json(list(cited.values())))):
            assert key == data["id"]
            reference = parse_reference(data["custom"]["canonical-reference"])
            assert reference == parse_reference(key) and reference.id == key
            node = blocks[reference.id]  # the reference names the block's xml:id …
            assert node.get("n") == str(reference.block)
            work = next(a for a in node.iterancestors(f"{{{TEI_NS}}}div") if a.get("type") == "work")
            assert work.get("n") == str(reference.work)
        # … and the header's citation structure alone finds the same element.
        for reference in (Reference(text.id), Reference(text.id, 1), *(parse_reference(i) for i in sorted(cited))):
            assert resolve_with_cite_structure(tree, reference.canonical) == [reference.id], reference


# -- bad references and styles -----------------------------------------------------------------------


@pytest.mark.parametrize("reference, code, message", [
    ("nosuch", 1, "no text 'nosuch' in this edition (reference 'nosuch'); its texts are: organise-it, organise-en, pramen-bg, tir-en-it"),
    ("organise-en.2", 1, "tei/organise-en.xml: the text 'organise-en' has no work 2; its works are 1"),
    ("tir-en-it.3.1", 1, "tei/tir-en-it.xml: the text 'tir-en-it' has no work 3; its works are 1–2"),
    ("organise-en.1.99", 1, "tei/organise-en.xml: the work 'organise-en 1' has no block 99; its blocks are 1–29"),
    ("organise-en.1.x", 2, "'organise-en.1.x' is not a reference; give a text, a work or a block: organise-en, organise-en.1, organise-en.1.12"),
])
def test_a_reference_that_names_nothing(reference, code, message):
    result = cite(reference)
    assert result.exit_code == code and result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.output and (result.exception is None or isinstance(result.exception, SystemExit))


def test_an_unknown_style_or_format_is_a_usage_error():
    result = cite("organise-en", "--style", "chicago")
    assert result.exit_code == 2 and "'chicago' is not one of 'chicago-author-date', 'apa'" in result.stderr
    assert cite("organise-en", "--format", "endnote").exit_code == 2


def test_a_missing_tei_file_is_named(edition_copy):
    (edition_copy / "tei" / "pramen-bg.xml").unlink()
    result = cite("pramen-bg", edition=edition_copy)
    assert result.exit_code == 1 and "tei/pramen-bg.xml" in result.stderr and "no such file" in result.stderr


# -- the cite format of the published edition -------------------------------------------------------


def test_the_cite_format_publishes_every_entry_the_command_prints(edition_copy):
    result = CliRunner().invoke(main, ["publish", "-q", "--format", "cite", "--edition", str(edition_copy)])
    assert result.exit_code == 0, result.output
    folder = edition_copy / "site" / "cite"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [".interlinea-build.json"] + [f"{t}{s}" for t in ("organise-it", "organise-en", "pramen-bg", "tir-en-it") for s in (".bib", ".json", ".ris")]
    )
    published = json.loads((folder / "organise-en.json").read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft7Validator(CSL_SCHEMA).iter_errors(published))
    assert [d["id"] for d in published][:3] == ["organise-en", "organise-en.1", "organise-en.1.1"]
    printed = json.loads(cite("organise-en.1.12", "--format", "csl-json", edition=edition_copy).stdout)[0]
    assert printed in published
    bib = (folder / "organise-en.bib").read_text(encoding="utf-8")
    assert cite("organise-en.1.12", "--format", "bibtex", edition=edition_copy).stdout in bib
    ris = (folder / "organise-en.ris").read_text(encoding="utf-8")
    assert cite("organise-en.1.12", "--format", "ris", edition=edition_copy).stdout in ris
    library = bibtexparser.parse_string(bib)
    assert not library.failed_blocks and len(library.entries) == len(published)


def test_cite_files_are_rebuilt_only_when_their_text_changes(edition_copy):
    def run() -> list[str]:
        result = CliRunner().invoke(main, ["publish", "--format", "cite", "--edition", str(edition_copy)])
        assert result.exit_code == 0, result.output
        return sorted(re.findall(r"wrote .*/(\S+)", result.stderr))

    assert len(run()) == 12
    assert run() == []
    tei = edition_copy / "tei" / "pramen-bg.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace('n="3">', 'n="3" rend="x">', 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["publish", "--skip-validation", "--format", "cite", "--edition", str(edition_copy)])
    assert result.exit_code == 0 and "wrote" not in result.stderr  # the same citations: nothing rewritten
    tei.write_text(tei.read_text(encoding="utf-8").replace('xml:id="pramen-bg.1.3" n="3"', 'xml:id="pramen-bg.1.3" n="33"', 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["publish", "--skip-validation", "--format", "cite", "--edition", str(edition_copy)])
    assert sorted(re.findall(r"wrote .*/(\S+)", result.stderr)) == ["pramen-bg.bib", "pramen-bg.json", "pramen-bg.ris"]


def test_build_publishes_the_citations_by_default(edition_copy):
    result = CliRunner().invoke(main, ["build", "--edition", str(edition_copy)])
    assert result.exit_code == 0, result.output
    assert (edition_copy / "site" / "cite" / "tir-en-it.bib").is_file() and (edition_copy / "site" / "text" / "tir-en-it.txt").is_file()
    assert "(text, cite, html)" in result.stderr


def test_publishing_the_citations_twice_gives_the_same_bytes(edition_copy, tmp_path):
    outputs = []
    for name in ("a", "b"):
        assert CliRunner().invoke(main, ["publish", "-q", "--format", "cite", "--edition", str(edition_copy), "--out", str(tmp_path / name)]).exit_code == 0
        outputs.append({p.name: p.read_bytes() for p in (tmp_path / name / "cite").iterdir()})
    assert outputs[0] == outputs[1]
