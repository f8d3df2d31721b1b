"""The open edition schema and its fast validation.

* The enriched seed edition (tests/fixtures/enriched/: the converter's TEI with notes, corrections,
  emphasis, verse, a table, page and line breaks, foreign words, unclear passages and gaps, an
  apparatus, and a name and a date the tagger missed, added by hand) is valid against the project
  schema and against tei_all, and passes every integrity rule.
* What breaks the edition's contract fails, once, with a message that says what to do.
* The pruned grammars give the verdicts and error counts of the whole grammar, on real TEI from twenty
  projects (../shared/corpus/tei) and on the fixtures.
* The narrowed copies of TEI's elements in schema/interlinea.rnc list the same classes as TEI's own.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from interlinea.cli import main
from interlinea.tei import TEI_NS
from interlinea.validate import validate_files
from interlinea.validate.grammar import RNG_NS, Grammar, document_names
from interlinea.validate.schemas import Schema, cache_dir, project_schema, project_schema_for, tei_all_schema

from conftest import FIXTURES, ROOT

ENRICHED = FIXTURES / "enriched" / "tei"
ENRICHED_FILES = sorted(ENRICHED.glob("*.xml"))
REAL_TEI = sorted((ROOT.parent / "shared" / "corpus" / "tei").rglob("*.xml"))
INVALID = sorted((FIXTURES / "validation" / "invalid").glob("*.xml"))
# What the enrichment fixtures exercise, all of it together.
ADDED_BY_HAND = {
    "note", "hi", "choice", "sic", "corr", "orig", "reg", "unclear", "gap", "foreign", "lg", "l", "table", "row",
    "cell", "pb", "lb", "app", "lem", "rdg", "listWit", "witness", "name", "date",
}


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Pruned grammars go to a cache of this test session, not the user's."""
    monkeypatch.setenv("INTERLINEA_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "interlinea-cache"))


@pytest.fixture
def enriched_edition(tmp_path: Path) -> Path:
    """The seed edition (seeds/, tei/) with the enriched texts in place of the converted ones."""
    target = tmp_path / "edition"
    shutil.copytree(ROOT / "seeds", target / "seeds")
    shutil.copytree(ROOT / "tei", target / "tei")
    for path in ENRICHED_FILES:
        shutil.copyfile(path, target / "tei" / path.name)
    return target


def test_the_fixtures_are_the_seed_texts_with_hand_edits():
    assert [p.name for p in ENRICHED_FILES] == sorted(p.name for p in (ROOT / "tei").glob("*.xml"))
    used = set().union(*(document_names(etree.parse(str(p))) for p in ENRICHED_FILES))
    assert {(TEI_NS, local) for local in ADDED_BY_HAND} <= used


@pytest.mark.parametrize("path", ENRICHED_FILES, ids=[p.stem for p in ENRICHED_FILES])
def test_an_enriched_text_is_valid_against_the_open_schema_and_tei_all(path):
    tree = etree.parse(str(path))
    schema = project_schema_for(tree)
    assert schema.start == "TEI.text"
    assert schema.validate(tree), [e.message for e in schema.error_log]
    assert tei_all_schema().validate(tree), [e.message for e in tei_all_schema().error_log]


def test_the_enriched_edition_passes_validation_with_tei_all(enriched_edition):
    result = CliRunner().invoke(main, ["validate", "--tei-all", "--edition", str(enriched_edition)])
    assert result.exit_code == 0, result.stdout
    assert re.fullmatch(r"11 files, 0 errors, \d+ warnings", result.stdout.strip().splitlines()[-1]), result.stdout


# -- what the schema still refuses, and how it says so --------------------------------------------------

BREACHES = [
    pytest.param(
        "organise-en.xml", "mass protests broke out", "mass <hii>protests</hii> broke out",
        "Did not expect element hii there: <hii> is not an element of TEI P5; did you mean <hi>?",
        id="misspelt-element",
    ),
    pytest.param(
        "pramen-bg.xml", '<p xml:id="pramen-bg.1.5"', '<bogus>?</bogus>\n        <p xml:id="pramen-bg.1.5"',
        "Did not expect element bogus there: <bogus> is not an element of TEI P5",
        id="unknown-element-in-the-tei-namespace",
    ),
    pytest.param(
        "organise-it.xml", re.compile(r"<langUsage>.*?</langUsage>", re.S), "",
        "the header has no profileDesc/langUsage: list the languages of the text",
        id="missing-langUsage",
    ),
    pytest.param(
        "tir-en-it.xml", re.compile(r'\s*<idno type="sha256">[0-9a-f]+</idno>'), "",
        'the seed\'s <bibl type="seed"> has no <idno type="sha256">, the SHA-256 digest of the seed file',
        id="missing-seed-digest",
    ),
    pytest.param(
        "organise-en.xml", '<p xml:id="organise-en.1.5" n="5">', '<p n="5">',
        "<p> at block level is a citable block of work organise-en.1: it needs an xml:id",
        id="citable-block-without-xml-id",
    ),
    pytest.param(
        "tir-en-it.xml", '<head type="sub" xml:id="tir-en-it.1.2" n="2">', '<head type="sub" xml:id="tir-en-it.1.2">',
        "<head> at block level is a citable block of work tir-en-it.1: it needs a number n",
        id="citable-block-without-n",
    ),
    pytest.param(
        "organise-it.xml", '<title type="desc" xml:lang="it">', '<title type="desc">',
        "a title of the text (titleStmt/title) needs xml:lang",
        id="title-without-language",
    ),
    pytest.param(
        "organise-en.xml", '<div type="section" n="2"', '<div type="sectoin" n="2"',
        '<div> has type="sectoin": a division inside a work is a section, type="section"',
        id="closed-value-list",
    ),
]


@pytest.mark.parametrize("name, old, new, message", BREACHES)
def test_a_breach_of_the_contract_fails_once_with_a_clear_message(enriched_edition, name, old, new, message):
    path = enriched_edition / "tei" / name
    text = path.read_text(encoding="utf-8")
    edited = old.sub(new, text, count=1) if isinstance(old, re.Pattern) else text.replace(old, new, 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    everything = sorted((enriched_edition / "tei").rglob("*.xml"))
    report = validate_files([path], label=lambda p: str(p.relative_to(enriched_edition)), context=everything,
                            seeds_dir=enriched_edition / "seeds")
    schema_errors = [d for d in report.diagnostics if d.rule == "schema"]
    assert len(schema_errors) == 1, report.as_text()
    assert message in schema_errors[0].message
    assert schema_errors[0].line > 0


def test_an_error_the_contract_does_not_explain_is_reported_as_the_schema_says(enriched_edition):
    """Two problems in one text: the contract's is named in words, the other is libxml2's."""
    path = enriched_edition / "tei" / "organise-en.xml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('<p xml:id="organise-en.1.5" n="5">', '<p n="5">').replace("<pb n=\"2\"/>", "<pb n=\"2\"><p/></pb>")
    path.write_text(text, encoding="utf-8")
    report = validate_files([path], label=str, seeds_dir=enriched_edition / "seeds", rules=[])
    messages = [d.message for d in report.diagnostics]
    assert len(messages) == 2, messages
    assert any("it needs an xml:id" in m for m in messages)
    assert any(m.startswith("Element pb has extra content") or "pb" in m for m in messages)


# -- exactness of the pruned grammars -------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("schema", [tei_all_schema(), project_schema()], ids=["tei_all", "interlinea"])
def test_the_pruned_grammar_gives_the_verdict_of_the_whole_one(schema):
    """On real TEI of twenty projects, the edition, the enriched texts and the invalid fixtures: the same
    verdict and the same number of errors, pruned per document or compiled whole (some 6 s)."""
    files = REAL_TEI + sorted((ROOT / "tei").rglob("*.xml")) + ENRICHED_FILES + INVALID
    full = schema.full()
    verdicts = set()
    for path in files:
        tree = etree.parse(str(path))
        pruned_ok, pruned_errors = schema.validate(tree), len(schema.error_log)
        full_ok, full_errors = full.validate(tree), len(full.error_log)
        assert (pruned_ok, pruned_errors) == (full_ok, full_errors), f"{path}: pruned {pruned_ok}/{pruned_errors} errors, whole {full_ok}/{full_errors}"
        verdicts.add(full_ok)
    assert verdicts == {True, False}  # both kinds were compared
    if REAL_TEI:
        assert len(REAL_TEI) >= 30


def test_a_superset_of_the_names_gives_the_same_verdict():
    """Validating several documents with the union of their names is as exact as one by one."""
    trees = [etree.parse(str(p)) for p in ENRICHED_FILES + INVALID]
    union = frozenset().union(*(document_names(t) for t in trees))
    schema = project_schema("TEI.text")
    for tree in trees:
        assert schema.validate(tree, union) == schema.validate(tree)


def test_pruning_keeps_only_what_the_document_can_use():
    grammar = Grammar.load(ROOT / "schema" / "tei_all" / "tei_all.rng")
    names = document_names(etree.parse(str(ENRICHED / "pramen-bg.xml")))
    pruned = grammar.prune(names)
    assert len(pruned.defines) < len(grammar.defines) / 3
    # Every element pattern left names an element of the document, but the stubs (an element with
    # <notAllowed/> content, written where a content model expects an element the document lacks).
    live = {
        (element[0].get("ns"), element[0].text)
        for pattern in [pruned.start, *pruned.defines.values()]
        for element in pattern.iter(f"{{{RNG_NS}}}element")
        if element[-1].tag != f"{{{RNG_NS}}}notAllowed"
    }
    assert live <= names
    # Nothing to match: the grammar matches nothing.
    empty = grammar.prune(frozenset())
    assert not empty.defines and empty.start[0].tag == f"{{{RNG_NS}}}notAllowed"


def test_pruned_grammars_are_cached_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("INTERLINEA_CACHE_DIR", str(tmp_path))
    tree = etree.parse(str(ENRICHED / "tir-en-it.xml"))
    first = Schema(ROOT / "schema" / "interlinea.rng", start="TEI.text", keep_own=True)
    assert first.validate(tree)
    files = list(cache_dir().glob("*.rng"))
    assert len(files) == 1 and cache_dir() == tmp_path / "rng"
    # A new process (here: a new Schema) reads the file instead of pruning again.
    second = Schema(ROOT / "schema" / "interlinea.rng", start="TEI.text", keep_own=True)
    monkeypatch.setattr(Schema, "prune", lambda *_: pytest.fail("pruned again despite the cache"))
    assert second.validate(tree)
    # Another set of names is another file; the cache can be switched off.
    monkeypatch.undo()
    monkeypatch.setenv("INTERLINEA_CACHE_DIR", "")
    assert cache_dir() is None
    assert Schema(ROOT / "schema" / "tei_all" / "tei_all.rng").validate(tree)


# -- the customization is a narrowing of TEI's content models ---------------------------------------------

def _members(grammar: Grammar, define: str) -> set[str]:
    """The TEI element names a class (or choice of classes) stands for, following refs but not entering elements."""
    found: set[str] = set()
    seen: set[str] = set()
    pending = [grammar.defines[define]]
    while pending:
        node = pending.pop()
        for child in node:
            local = etree.QName(child).localname
            if local == "element":
                found.add(child[0].text.strip())
            elif local == "ref" and child.get("name") not in seen:
                seen.add(child.get("name"))
                pending.append(grammar.defines[child.get("name")])
            elif local not in ("attribute",):
                pending.append(child)
    return found


@pytest.fixture(scope="module")
def open_grammar() -> Grammar:
    return Grammar.load(ROOT / "schema" / "interlinea.rng")


@pytest.mark.parametrize("ours, theirs, left_out", [
    ("il.common", "model.common", set()),
    ("il.global", "model.global", set()),
    ("il.divTop", "model.divTop", set()),
    ("il.divBottom", "model.divBottom", set()),
    ("il.body.global", "model.global", set()),
    ("il.profileDesc.part", "model.profileDescPart", {"langUsage"}),
    ("il.sourceDesc.part", "model.biblLike", set()),
])
def test_the_copies_name_the_same_elements_as_tei_classes(open_grammar, ours, theirs, left_out):
    """A TEI release that adds an element to one of these classes shows up here: add it to the copy."""
    expected = _members(open_grammar, theirs) - left_out
    got = _members(open_grammar, ours)
    if ours == "il.sourceDesc.part":
        expected |= _members(open_grammar, "model.sourceDescPart") | _members(open_grammar, "model.listLike")
    assert got == expected, f"{ours} lacks {sorted(expected - got)}, has extra {sorted(got - expected)}"


def test_the_global_attributes_are_tei_s_with_three_made_explicit(open_grammar):
    refs = {ref.get("name") for ref in open_grammar.defines["att.global.attributes"].iter(f"{{{RNG_NS}}}ref")}
    ours = {ref.get("name") for ref in open_grammar.defines["il.att.global.rest"].iter(f"{{{RNG_NS}}}ref")}
    assert refs - ours == {"att.global.attribute.xmlid", "att.global.attribute.n", "att.global.attribute.xmllang"}
    assert ours <= refs


def _is_element(define: etree._Element) -> bool:
    return len(define) == 1 and etree.QName(define[0]).localname == "element"


def _attribute_classes(grammar: Grammar, pattern: etree._Element) -> set[str]:
    """The att.* classes a pattern uses, through our own groups (il.*) but not into other elements."""
    found: set[str] = set()
    for ref in pattern.iter(f"{{{RNG_NS}}}ref"):
        name = ref.get("name")
        if name.startswith("att."):
            found.add(name)
        elif name.startswith("il.") and not _is_element(grammar.defines[name]):
            found |= _attribute_classes(grammar, grammar.defines[name])
    return found


def test_each_narrowed_element_uses_only_attribute_classes_of_the_tei_element(open_grammar):
    """A copy of a TEI element may drop or narrow attributes, never add one TEI does not give it."""
    tei = Grammar.load(ROOT / "schema" / "tei_all" / "tei_all.rng")
    globals_ = {r.get("name") for r in tei.defines["att.global.attributes"].iter(f"{{{RNG_NS}}}ref")}
    checked = 0
    for name, define in open_grammar.defines.items():
        if not name.startswith("il.") or not _is_element(define):
            continue
        ours = _attribute_classes(open_grammar, define[0])
        if not ours:
            continue  # a register or alignment element, written out in full
        element = define[0][0].text.strip()
        theirs = _attribute_classes(tei, tei.defines[element][0])
        if "att.global.attributes" in theirs:
            theirs |= globals_
        if "att.typed.attributes" in theirs:
            theirs |= {"att.typed.attribute.type", "att.typed.attribute.subtype"}
        extra = ours - theirs
        assert not extra, f"{name} (<{element}>) uses {sorted(extra)}, which TEI's <{element}> does not have"
        checked += 1
    assert checked >= 25
