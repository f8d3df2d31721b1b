"""Registers and entity tagging: quality against the gold, each inflection case, URLs, boundaries."""

from __future__ import annotations

import csv
import json
from collections import Counter

import pytest
from click.testing import CliRunner
from lxml import etree

from interlinea import TEI_NS, stages
from interlinea.cli import main
from interlinea.edition import load_edition
from interlinea.entities import Tagger, inflected_forms
from interlinea.registers import KIND_BY_TYPE, Entry, Name, Registers, add_entry, load_registers
from interlinea.xmlio import serialize

from conftest import ROOT

NS = {"tei": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
GOLD_DIR = ROOT / "tests" / "gold" / "entities"
REFERENCE = ROOT.parent / "shared" / "reference" / "authorities.tsv"


def gold_mentions() -> Counter:
    gold: Counter = Counter()
    for path in sorted(GOLD_DIR.glob("*.tsv")):
        if path.name.startswith("new-entities"):
            continue
        for row in csv.DictReader((l for l in path.read_text(encoding="utf-8").splitlines() if not l.startswith("#")), delimiter="\t"):
            gold[(row["block"], row["entity"])] += 1
    return gold


def tagged_mentions(edition) -> Counter:
    found: Counter = Counter()
    for text in edition.texts:
        root = etree.fromstring(text.tei_bytes)
        for block in root.xpath("//tei:body//*[@n][not(self::tei:div)]", namespaces=NS):
            for name in block.xpath(".//tei:persName | .//tei:placeName | .//tei:orgName", namespaces=NS):
                found[(block.get(XML_ID), name.get("ref").rpartition("#")[2])] += 1
    return found


def test_precision_and_recall_against_the_gold(seed_edition):
    """A mention counts as found when the right entity is tagged in the right block (as many times)."""
    gold, found = gold_mentions(), tagged_mentions(seed_edition)
    true_positives = sum((gold & found).values())
    precision = true_positives / sum(found.values())
    recall = true_positives / sum(gold.values())
    print(f"\nentity tagging on the seeds: {sum(gold.values())} gold mentions, {sum(found.values())} tagged, "
          f"precision {precision:.3f}, recall {recall:.3f}")
    assert sum(gold.values()) > 300
    assert precision >= 0.97, f"precision {precision:.3f}; extra: {dict(found - gold)}"
    assert recall >= 0.95, f"recall {recall:.3f}; missed: {dict(gold - found)}"


def entry(key: str, kind: str, *names: tuple[str, str]) -> Entry:
    return Entry(key, KIND_BY_TYPE[kind], [Name(text, lang) for text, lang in names])


REGISTERS = Registers({
    e.id: e
    for e in [
        entry("putin", "person", ("Putin", "en"), ("Putin", "it"), ("Путин", "ru"), ("Путин", "bg")),
        entry("tokayev", "person", ("Tokayev", "en"), ("Токаев", "ru")),
        entry("moscow", "place", ("Moscow", "en"), ("Москва", "ru"), ("Москва", "bg")),
        entry("russia", "place", ("Russia", "en"), ("Россия", "ru")),
        entry("armenia", "place", ("Armenia", "it")),
        entry("kremlin", "place", ("Кремъл", "bg"), ("Kremlin", "en")),
        entry("kazakhstan", "place", ("Kazakhstan", "en"), ("Казахстан", "bg")),
        entry("csto", "org", ("Collective Security Treaty Organization", "en"), ("CSTO", "en")),
        entry("total", "org", ("Total", "en")),
    ]
})
TAGGER = Tagger(REGISTERS)


def tags(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.entry.id) for m in TAGGER.find(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # English possessive: the clitic stays outside the name
        ("Putin's new Russian Empire", [("Putin", "putin")]),
        ("Russia’s NATO", [("Russia", "russia")]),
        # English plural of a family name
        ("the final loss of legitimacy by the Tokayevs.", [("Tokayevs", "tokayev")]),
        # Italian elision
        ("l’invasione dell’Armenia e dell'Armenia", [("Armenia", "armenia"), ("Armenia", "armenia")]),
        # Russian case endings
        ("поддержка Путина и Токаеву", [("Путина", "putin"), ("Токаеву", "tokayev")]),
        ("решение Москвы, в Москве", [("Москвы", "moscow"), ("Москве", "moscow")]),
        ("границы России", [("России", "russia")]),
        # Bulgarian definite article on a place name
        ("решенията на Кремъла", [("Кремъла", "kremlin")]),
        # no inflection across languages: a Bulgarian form is not declined the Russian way
        ("Путина", [("Путина", "putin")]),
    ],
)
def test_inflected_forms_are_found(text, expected):
    assert tags(text) == expected


def test_the_longest_name_wins():
    assert tags("an appeal to the Collective Security Treaty Organization (CSTO)") == [
        ("Collective Security Treaty Organization", "csto"), ("CSTO", "csto"),
    ]


@pytest.mark.parametrize("text", [
    "the Kazakh people and Russian troops",  # adjectives are not mentions
    "Kazakhstani elites",  # a name inside a longer word
    "a total of 162 deaths",  # case-aware: "total" is not the company
    "see https://example.org/Kazakhstan/Putin",  # never inside a URL
    "@Putin posted",  # a handle
])
def test_no_mention(text):
    assert tags(text) == []


def test_a_url_in_a_paragraph_is_not_tagged_but_the_text_around_it_is():
    assert tags("Kazakhstan: https://kazakhstan.example/Putin and Putin") == [("Kazakhstan", "kazakhstan"), ("Putin", "putin")]


def test_inflected_forms_table():
    assert {"Токаева", "Токаеву", "Токаевым", "Токаеве"} <= inflected_forms("Токаев", "ru", "person")
    assert {"Москвы", "Москве", "Москву", "Москвой"} <= inflected_forms("Москва", "ru", "place")
    assert inflected_forms("Токаев", "bg", "person") == {"Токаев"}
    assert {"Tokayevs"} <= inflected_forms("Tokayev", "en", "person")
    assert inflected_forms("Kazakhstan", "en", "place") == {"Kazakhstan"}


def test_an_ambiguous_name_is_not_guessed():
    registers = Registers({
        "a": entry("a", "person", ("Smith", "en")),
        "b": entry("b", "org", ("Smith", "en")),
    })
    tagger = Tagger(registers)
    assert tagger.find("Smith said") == []
    assert set(tagger.ambiguous) == {"Smith"}


def test_a_name_is_never_tagged_across_paragraphs(make_edition):
    root = make_edition({"t": "An appeal to the Collective Security\n\nTreaty Organization was made."})
    reg = root / "tei" / "registers"
    reg.mkdir(parents=True)
    tree = etree.parse(str(ROOT / "tei" / "registers" / "organisations.xml"))
    (reg / "organisations.xml").write_bytes(serialize(tree))
    edition = load_edition(root)
    stages.convert(edition, edition.texts)
    assert b"orgName" not in edition.texts[0].tei_bytes


def test_a_new_register_entry_is_tagged_without_code_changes(edition_copy):
    """The registers are data: an entry added to the TEI file is found at the next conversion."""
    path = edition_copy / "tei" / "registers" / "persons.xml"
    tree = etree.parse(str(path))
    add_entry(tree, KIND_BY_TYPE["person"], "pramen_editor", [Name("Jane Editor", "en")])
    path.write_bytes(serialize(tree))
    seed = edition_copy / "seeds" / "001_6307cbb1398a19df.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("LeftEast\n", "LeftEast, edited by Jane Editor\n"), encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", "organise-en", "--edition", str(edition_copy)])
    assert result.exit_code == 0, result.stderr
    text = (edition_copy / "tei" / "organise-en.xml").read_text(encoding="utf-8")
    assert '<persName ref="registers/persons.xml#pramen_editor">Jane Editor</persName>' in text


def test_mentions_resolve_and_every_register_entry_is_used_or_kept(seed_edition):
    from interlinea.validate import validate_files

    files = seed_edition.tei_files()
    report = validate_files(files, label=seed_edition.relative, context=files, seeds_dir=seed_edition.seeds_dir)
    assert not [d for d in report.diagnostics if d.rule in ("ref-resolves", "register-unused")], report.as_text()
    registers = load_registers(seed_edition.registers_dir)
    assert len(registers) >= 70


def test_authors_point_to_their_register_entries(seed_edition):
    root = etree.fromstring(next(t for t in seed_edition.texts if t.id == "organise-it").tei_bytes)
    refs = root.xpath("//tei:titleStmt/tei:author/@ref", namespaces=NS)
    assert refs == [
        "registers/organisations.xml#organise", "registers/organisations.xml#autonomous_action",
        "registers/organisations.xml#pramen",
    ]


def test_register_facts_come_from_the_reference_table():
    """Every Wikidata id and coordinate in the registers is the verified one; none is invented."""
    assert REFERENCE.is_file(), "../shared/reference must lie beside this checkout (as on CI)"
    with REFERENCE.open(encoding="utf-8") as table:
        reference = {row["id"]: row for row in csv.DictReader(table, delimiter="\t")}
    for path in sorted((ROOT / "tei" / "registers").glob("*.xml")):
        for node in etree.parse(str(path)).getroot().xpath("//*[@xml:id][tei:idno or tei:location]", namespaces=NS):
            row = reference.get(node.get(XML_ID))
            assert row is not None, f"{node.get(XML_ID)} has authority data but is not in the reference table"
            wikidata = node.findtext("tei:idno[@type='wikidata']", namespaces=NS)
            assert (wikidata or "") == row["wikidata"].strip(), node.get(XML_ID)
            geo = node.findtext("tei:location/tei:geo", namespaces=NS)
            if geo:
                assert geo.split() == [row["lat"].strip(), row["long"].strip()], node.get(XML_ID)


def test_entities_command_reports_mentions_and_candidates():
    result = CliRunner().invoke(main, ["entities", "--format", "json", "--edition", str(ROOT)])
    assert result.exit_code == 0, result.output
    report = {t["text"]: t for t in json.loads(result.stdout)}
    kazakhstan = next(e for e in report["organise-en"]["entities"] if e["entity"] == "kazakhstan")
    assert kazakhstan["mentions"] == 15 and kazakhstan["forms"] == {"Kazakhstan": 13, "Kazakstan": 2}
    candidates = {c["candidate"] for c in report["tir-en-it"]["candidates"]}
    assert "Independence Day" in candidates and "Tokayev" not in candidates
    text = CliRunner().invoke(main, ["entities", "pramen-bg", "--edition", str(ROOT)]).stdout
    assert text.startswith("pramen-bg: 35 mentions of 14 entities")
