"""`interlinea enrich`: the machine's passes over a text an editor changed add what is new and keep
every edit, including a name the editor un-tagged."""

from __future__ import annotations

import json

from click.testing import CliRunner
from lxml import etree

from interlinea.cli import main
from interlinea.enrich import _unwrap
from interlinea.tei import NS

PUTIN = '<persName ref="registers/persons.xml#putin">Putin</persName>\'s new'
NOTE = "<note type=\"editorial\">On 7 January Tokayev asked the CSTO for help.</note>"


def run(*args):
    return CliRunner().invoke(main, list(args))


def edit(edition_copy):
    """Un-tag Putin in 1.1 and add a note (with a name and a date the machine has not seen) to 1.2."""
    path = edition_copy / "tei" / "organise-en.xml"
    text = path.read_text(encoding="utf-8")
    assert PUTIN in text
    text = text.replace(PUTIN, "Putin's new", 1)
    text = text.replace("standing with the protestors against the imperialist coup.</p>", "standing with the protestors against the imperialist coup." + NOTE + "</p>", 1)
    path.write_text(text, encoding="utf-8")
    return path


def block(path, xml_id):
    return etree.parse(str(path)).getroot().xpath(f"//*[@xml:id='{xml_id}']", namespaces=NS)[0]


def test_enrich_adds_what_is_new_and_keeps_every_edit(edition_copy):
    path = edit(edition_copy)
    before = "".join(etree.parse(str(path)).getroot().find("tei:text", NS).itertext())
    result = run("enrich", "organise-en", "--edition", str(edition_copy))
    assert result.exit_code == 0, result.output
    assert "wrote tei/organise-en.xml" in result.output
    note = block(path, "organise-en.1.2").find("tei:note", NS)
    assert note.get("type") == "editorial", "the editor's note stays"
    assert note.find("tei:persName", NS).get("ref") == "registers/persons.xml#tokayev", "a name in it is tagged"
    assert note.find("tei:date", NS).get("when") == "2022-01-07", "a date in it is tagged"
    first = block(path, "organise-en.1.1")
    assert not [n for n in first.iter("{http://www.tei-c.org/ns/1.0}persName") if n.text == "Putin"], "the un-tagged name stays untagged"
    after = "".join(etree.parse(str(path)).getroot().find("tei:text", NS).itertext())
    assert after == before, "not a character of the text changes"
    decisions = json.loads((edition_copy / "tei" / ".interlinea-decisions.json").read_text(encoding="utf-8"))
    assert {"block": "organise-en.1.1", "surface": "Putin", "ref": "registers/persons.xml#putin"} in decisions["untagged"]["organise-en"]
    # still the editor's file: convert keeps it and says so
    convert = run("convert", "--edition", str(edition_copy))
    assert convert.exit_code == 1 and "tei/organise-en.xml: edited by hand" in convert.output
    # a second enrichment has nothing to add
    again = run("enrich", "organise-en", "--edition", str(edition_copy))
    assert again.exit_code == 0 and "wrote" not in again.output


def test_enrich_leaves_interlineas_own_output_alone(edition_copy):
    before = {p: p.read_bytes() for p in (edition_copy / "tei").glob("*.xml")}
    result = run("enrich", "--edition", str(edition_copy))
    assert result.exit_code == 0, result.output
    assert {p: p.read_bytes() for p in (edition_copy / "tei").glob("*.xml")} == before
    assert not (edition_copy / "tei" / ".interlinea-decisions.json").exists()


def test_unwrap_keeps_text_children_and_tails():
    root = etree.fromstring("<p>a <b>x <i>y</i> z</b> c<e/></p>")
    _unwrap(root.find("b"))
    assert etree.tostring(root) == b"<p>a x <i>y</i> z c<e/></p>"
    root = etree.fromstring("<p><b>x</b> tail</p>")
    _unwrap(root.find("b"))
    assert etree.tostring(root) == b"<p>x tail</p>"
