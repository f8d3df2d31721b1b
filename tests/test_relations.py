"""The relation graph of the works (`interlinea relations`): declared relations, derived siblings, formats."""

from __future__ import annotations

import json

from click.testing import CliRunner

from interlinea.cli import main
from interlinea.edition import load_edition
from interlinea.relations import Relation, relation_graph

from conftest import ROOT


def test_the_seed_edition_graph():
    graph = relation_graph(load_edition(ROOT).manifest)
    assert [w.ref for w in graph.works] == ["organise-it.1", "organise-it.2", "organise-en.1", "pramen-bg.1", "tir-en-it.1", "tir-en-it.2"]
    assert set(graph.relations) == {
        Relation("translation", "organise-it.1", "organise-en.1"),
        Relation("sibling", "organise-it.2", "pramen-bg.1"),
        Relation("translation", "tir-en-it.1", "tir-en-it.2"),
    }


def test_translations_of_one_original_are_siblings_without_being_declared(make_edition):
    extra_langs = {"two": "it", "three": "bg"}
    folder = make_edition({"one": "One\n\nThe original text.\n", "two": "Due\n\nIl testo tradotto.\n", "three": "Три\n\nПреведеният текст.\n"})
    manifest = folder / "seeds" / "edition.toml"
    text = manifest.read_text(encoding="utf-8")
    for text_id, lang in extra_langs.items():
        block = f'id = "{text_id}"\nsource = "'
        start = text.index(block)
        end = text.index("title = ", start)
        segment = text[start:end].replace('lang = "en"', f'lang = "{lang}"\ntranslation_of = "one"')
        text = text[:start] + segment + text[end:]
    manifest.write_text(text, encoding="utf-8")
    graph = relation_graph(load_edition(folder).manifest)
    assert Relation("sibling", "three.1", "two.1", derived=True) in graph.relations
    result = CliRunner().invoke(main, ["relations", "--edition", str(folder)])
    assert result.exit_code == 0
    assert "three.1 (bg) sibling of two.1 (it) (derived)" in result.output
    assert "two.1 (it) translation of one.1 (en)" in result.output


def test_json_and_dot():
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["relations", "--format", "json", "--edition", str(ROOT)]).output)
    assert {"kind": "translation", "source": "tir-en-it.1", "target": "tir-en-it.2", "derived": False} in data["relations"]
    assert {w["ref"]: w["lang"] for w in data["works"]}["pramen-bg.1"] == "bg"
    dot = runner.invoke(main, ["relations", "--format", "dot", "--edition", str(ROOT)]).output
    assert dot.startswith("digraph relations {") and '"organise-it.1" -> "organise-en.1";' in dot
    assert '"organise-it.2" -> "pramen-bg.1" [dir=none, style=dashed, label="sibling"];' in dot
