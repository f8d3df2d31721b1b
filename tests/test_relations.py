"""The relation graph of the works (`interlinea relations`): declared relations, derived siblings, formats."""

from __future__ import annotations

import json

from click.testing import CliRunner

import re
import shutil

import pytest
from lxml import etree

from interlinea.bibliography import load_bibliography
from interlinea.cli import main
from interlinea.edition import load_edition
from interlinea.errors import ManifestError
from interlinea.relations import Relation, relation_graph

from conftest import ROOT


def test_the_seed_edition_graph():
    edition = load_edition(ROOT)
    graph = relation_graph(edition.manifest, load_bibliography(edition.registers_dir))
    assert [w.ref for w in graph.works] == [
        "organise-it.1", "organise-it.2", "organise-en.1", "pramen-bg.1", "tir-en-it.1", "tir-en-it.2", "pramen-colonialism",
    ]
    outside = graph.node("pramen-colonialism")
    assert outside.external and outside.lang == "en" and outside.title == "Colonialism of the twenty-first century"
    assert set(graph.relations) == {
        Relation("translation", "organise-it.1", "organise-en.1"),
        Relation("translation", "organise-it.2", "pramen-colonialism"),
        Relation("translation", "pramen-bg.1", "pramen-colonialism"),
        Relation("sibling", "organise-it.2", "pramen-bg.1", derived=True),
        Relation("version", "tir-en-it.1", "tir-en-it.2", cert="medium"),
    }
    translators = next(r for r in graph.relations if r.source == "organise-it.1").translators
    assert [t.ref for t in translators] == ["demenza_hc"]
    assert graph.aligned_pairs() == [("organise-it.1", "organise-en.1"), ("organise-it.2", "pramen-bg.1"), ("tir-en-it.1", "tir-en-it.2")]


def _relations_in_tei(text_id: str) -> set[tuple]:
    tree = etree.parse(str(ROOT / "tei" / f"{text_id}.xml"))
    return {
        (r.get("name"), r.get("active"), r.get("passive"), r.get("mutual"), r.get("type"))
        for r in tree.iter("{http://www.tei-c.org/ns/1.0}relation")
    }


def test_every_relation_is_found_from_either_side_in_the_tei():
    """The original lists its translation as the translation lists its original; derived siblings
    are in both texts; the work outside the edition is its bibliography entry."""
    translation = ("translation", "#organise-it.1", "organise-en.xml#organise-en.1", None, None)
    assert translation in _relations_in_tei("organise-it")
    assert ("translation", "organise-it.xml#organise-it.1", "#organise-en.1", None, None) in _relations_in_tei("organise-en")
    assert ("sibling", None, None, "#organise-it.2 pramen-bg.xml#pramen-bg.1", "derived") in _relations_in_tei("organise-it")
    assert ("sibling", None, None, "organise-it.xml#organise-it.2 #pramen-bg.1", "derived") in _relations_in_tei("pramen-bg")
    outside = "registers/bibliography.xml#pramen-colonialism"
    assert ("translation", "#pramen-bg.1", outside, None, None) in _relations_in_tei("pramen-bg")
    assert ("translation", "#organise-it.2", outside, None, None) in _relations_in_tei("organise-it")
    assert ("version", None, None, "#tir-en-it.1 #tir-en-it.2", None) in _relations_in_tei("tir-en-it")


def _edition_with(make_edition, changes: dict[str, str]):
    """Three one-work texts (en, it, bg); `changes` adds lines after a text's `lang` line."""
    langs = {"one": "en", "two": "it", "three": "bg"}
    folder = make_edition({"one": "One\n\nThe original text.\n", "two": "Due\n\nIl testo tradotto.\n", "three": "Три\n\nПреведеният текст.\n"})
    manifest = folder / "seeds" / "edition.toml"
    text = manifest.read_text(encoding="utf-8")
    for text_id, lang in langs.items():
        block = f'id = "{text_id}"\nsource = "'
        start = text.index(block)
        end = text.index("title = ", start)
        segment = text[start:end].replace('lang = "en"', f'lang = "{lang}"' + ("\n" + changes[text_id] if text_id in changes else ""))
        text = text[:start] + segment + text[end:]
    manifest.write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"two": 'translation_of = "one"\nversion_of = "one"'}, "declared both the translation of 'one' and a version of 'one'"),
        ({"two": 'translation_of = "one"', "one": 'version_of = "two"'}, "the direction is known, so drop 'version_of'"),
        ({"two": 'translation_of = "one"\nsibling_of = ["one"]'}, "is declared the original or the translation of two.1, not its sibling"),
        ({"two": 'translation_of = "one"', "three": 'translation_of = "outside"\nsibling_of = ["two"]'}, "siblings translate one original, but three.1 translates 'outside' and 'two' translates 'one.1'"),
        ({"two": 'translation_of = ["one", "three"]'}, "a work is the translation or version of one work"),
        ({"two": 'translation_of = "one.2"'}, "'one.2': text 'one' has 1 work(s)"),
        ({"two": 'translation_of = "nobody.1"'}, "names no text of the manifest"),
        ({"two": 'translation_of = "one"\nrelation_cert = "sure"'}, "'sure' is not one of high, medium, low, unknown"),
    ],
)
def test_contradicting_relations_are_manifest_errors_with_line_and_key(make_edition, changes, expected):
    folder = _edition_with(make_edition, changes)
    with pytest.raises(ManifestError) as raised:
        load_edition(folder)
    message = str(raised.value)
    assert expected in message
    assert re.search(r"edition\.toml:\d+: text '\w+'", message), message


def test_an_original_outside_the_edition_must_be_in_the_bibliography(make_edition):
    folder = _edition_with(make_edition, {"two": 'translation_of = "pramen-colonialsm"'})
    (folder / "tei" / "registers").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "tei" / "registers" / "bibliography.xml", folder / "tei" / "registers")
    result = CliRunner().invoke(main, ["convert", "--edition", str(folder)])
    assert result.exit_code != 0
    assert "'pramen-colonialsm' names no text of the manifest and no entry of tei/registers/bibliography.xml; did you mean 'pramen-colonialism'?" in result.output
    assert re.search(r"edition\.toml:\d+: text 'two': work 1: key 'translation_of'", result.output)


def test_an_original_outside_the_edition_in_the_same_language_is_an_error(make_edition):
    folder = _edition_with(make_edition, {"one": 'translation_of = "pramen-colonialism"'})
    (folder / "tei" / "registers").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "tei" / "registers" / "bibliography.xml", folder / "tei" / "registers")
    result = CliRunner().invoke(main, ["convert", "--edition", str(folder)])
    assert result.exit_code != 0
    assert "'pramen-colonialism' is in 'en' too" in result.output


def test_translations_of_one_original_are_siblings_without_being_declared(make_edition):
    folder = _edition_with(make_edition, {"two": 'translation_of = "one"', "three": 'translation_of = "one"'})
    graph = relation_graph(load_edition(folder).manifest)
    assert Relation("sibling", "three.1", "two.1", derived=True) in graph.relations
    result = CliRunner().invoke(main, ["relations", "--edition", str(folder)])
    assert result.exit_code == 0
    assert "three.1 (bg) sibling of two.1 (it) (derived)" in result.output
    assert "two.1 (it) translation of one.1 (en)" in result.output


def test_json_and_dot():
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["relations", "--format", "json", "--edition", str(ROOT)]).output)
    version = {"kind": "version", "source": "tir-en-it.1", "target": "tir-en-it.2", "derived": False, "cert": "medium", "translators": [], "members": ["tir-en-it.1", "tir-en-it.2"]}
    assert version in data["relations"]
    assert {w["ref"]: w["external"] for w in data["works"]}["pramen-colonialism"] is True
    assert {w["ref"]: w["lang"] for w in data["works"]}["pramen-bg.1"] == "bg"
    dot = runner.invoke(main, ["relations", "--format", "dot", "--edition", str(ROOT)]).output
    assert dot.startswith("digraph relations {") and '"organise-it.1" -> "organise-en.1";' in dot
    assert '"organise-it.2" -> "pramen-colonialism";' in dot
    assert '"organise-it.2" -> "pramen-bg.1" [dir=none, style=dashed, label="sibling"];' in dot


def _graph_of(translations: dict[str, str]):
    """A graph of works translating others (work → original; an original not among the works is
    outside the edition)."""
    from interlinea.relations import RelationGraph, WorkNode, _derived_siblings

    refs = sorted(set(translations) | {o for o in translations.values() if "." in o})
    works = tuple(WorkNode(ref, ref.split(".")[0], 1, "xx", ref) for ref in refs)
    works += tuple(WorkNode(o, None, 1, None, o) for o in sorted(set(translations.values())) if "." not in o)
    declared = [Relation("translation", source, target) for source, target in translations.items()]
    return RelationGraph(works, tuple(sorted(set(declared) | _derived_siblings(declared))))


def test_many_translations_of_one_original_are_one_sibling_group_aligned_along_a_chain():
    # five translations of a work outside the edition: one sibling relation of five members (not
    # ten pairs), which each lists; four alignments
    graph = _graph_of({f"t{i}.1": "outside-original" for i in range(5)})
    siblings = [r for r in graph.relations if r.kind == "sibling"]
    assert [r.members for r in siblings] == [tuple(f"t{i}.1" for i in range(5))]
    assert all(siblings[0] in graph.of(f"t{i}.1") for i in range(5))
    assert graph.aligned_pairs() == [("t0.1", "t1.1"), ("t1.1", "t2.1"), ("t2.1", "t3.1"), ("t3.1", "t4.1")]
    # five translations of a work of the edition: each aligned with the original, siblings not again
    graph = _graph_of({f"t{i}.1": "orig.1" for i in range(5)})
    assert graph.aligned_pairs() == [(f"t{i}.1", "orig.1") for i in range(5)]
