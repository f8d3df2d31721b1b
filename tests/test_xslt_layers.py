"""The layers of the publishing stylesheets: xslt/common/ decides what each TEI element means (its
role), a format (xslt/text/) decides only its form, through the hooks il:make-block and
il:make-inline; the entry stylesheet is a thin driver."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from interlinea.publish.xslt import PublishError, Stylesheet
from interlinea.resources import xslt_path
from interlinea.xml_input import parse_xml

XSL = "http://www.w3.org/1999/XSL/Transform"
NS = {"xsl": XSL}
COMMON = xslt_path("common")
TEXT = xslt_path("text")
MODULES = sorted(COMMON.glob("*.xsl")) + sorted(TEXT.glob("*.xsl"))


def parsed(path: Path) -> etree._ElementTree:
    return etree.parse(str(path))


def top_level_list(name: str) -> list[str]:
    """The strings of a top-level `<xsl:variable name="…" select="('a', 'b')"/>` of xslt/common/."""
    found = [
        variable.get("select")
        for path in COMMON.glob("*.xsl")
        for variable in parsed(path).getroot().findall(f"{{{XSL}}}variable")
        if variable.get("name") == name
    ]
    assert len(found) == 1, f"{name} is declared {len(found)} times in xslt/common/"
    return re.findall(r"'([^']*)'", found[0])


def alternatives(pattern: str) -> list[str]:
    """The alternatives of a match pattern (split at | outside predicates)."""
    parts, depth, current = [], 0, ""
    for char in pattern:
        depth += {"[": 1, "(": 1, "]": -1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return [*parts, current.strip()]


NODE_TESTS = {"*", "text()", "comment()", "processing-instruction()"}


def matched_elements(mode: str) -> set[str]:
    """Local names of the TEI elements matched by a template rule of xslt/common/ in `mode`."""
    names = set()
    for path in COMMON.glob("*.xsl"):
        for template in parsed(path).getroot().iterfind("xsl:template", NS):
            if mode not in (template.get("mode") or "").split() or template.get("match") is None:
                continue
            for alternative in alternatives(template.get("match")):
                last = last_step(alternative)
                if last in NODE_TESTS:
                    continue
                assert last.split(":")[0] in ("tei", "eg", "xi"), f"{path.name}: unexpected pattern {alternative!r} in mode {mode}"
                names.add(last.removeprefix("tei:"))
    return names


def last_step(alternative: str) -> str:
    """The node test of a pattern's last step: "tei:list[@type = 'links']/tei:item" gives "tei:item"."""
    depth, start = 0, 0
    for index, char in enumerate(alternative):
        depth += {"[": 1, "(": 1, "]": -1, ")": -1}.get(char, 0)
        if char == "/" and depth == 0:
            start = index + 1
    return re.sub(r"\[.*\]$", "", alternative[start:].strip())


def rules_by_module(mode: str) -> dict[str, set[str]]:
    """For each element matched in `mode`, the modules of xslt/common/ whose rules match it."""
    found: dict[str, set[str]] = {}
    for path in COMMON.glob("*.xsl"):
        for template in parsed(path).getroot().iterfind("xsl:template", NS):
            if mode in (template.get("mode") or "").split() and template.get("match"):
                for alternative in alternatives(template.get("match")):
                    last = last_step(alternative)
                    if last not in NODE_TESTS:
                        found.setdefault(last, set()).add(path.name)
    return found


def roles_called(hook: str) -> set[str]:
    """The roles xslt/common/ hands to a hook: il:make-block(., 'heading', …)."""
    call = re.compile(rf"il:{hook}\(\s*[^,]+,\s*'([\w-]+)'")
    return {role for path in COMMON.glob("*.xsl") for role in call.findall(path.read_text(encoding="utf-8"))}


def roles_implemented(folder: Path, hook: str) -> set[str]:
    """The roles a format lays out: template rules in mode il:<hook> matching il:a | il:b."""
    roles = set()
    for path in folder.glob("*.xsl"):
        for template in parsed(path).getroot().iterfind("xsl:template", NS):
            if template.get("mode") == f"il:{hook}":
                roles.update(re.findall(r"il:([\w-]+)", template.get("match")))
    return roles


# -- (4) the element lists of the common layer -------------------------------------------------------


def test_the_block_list_is_exactly_what_the_block_templates_match():
    listed = top_level_list("il:known-blocks")
    assert len(listed) == len(set(listed)), "il:known-blocks lists an element twice"
    matched = matched_elements("il:block")
    assert set(listed) == matched, f"listed only: {set(listed) - matched}; matched only: {matched - set(listed)}"


def test_the_inline_list_is_exactly_what_the_inline_templates_match():
    listed = top_level_list("il:known-phrases")
    assert len(listed) == len(set(listed)), "il:known-phrases lists an element twice"
    matched = matched_elements("il:inline")
    assert set(listed) == matched, f"listed only: {set(listed) - matched}; matched only: {matched - set(listed)}"


def test_what_the_converter_writes_is_known_in_the_same_flow():
    """tei.py's classes (il:block-elements, il:inline-elements) are known as blocks and as running text."""
    blocks, phrases = set(top_level_list("il:known-blocks")), set(top_level_list("il:known-phrases"))
    assert set(top_level_list("il:block-elements")) <= blocks
    assert set(top_level_list("il:inline-elements")) <= phrases - blocks


@pytest.mark.parametrize("mode", ["il:block", "il:inline"])
def test_no_two_modules_match_the_same_element_in_the_same_mode(mode):
    """Import precedence would decide between them silently: each element has its rules in one module."""
    shared = {name: modules for name, modules in rules_by_module(mode).items() if len(modules) > 1}
    assert not shared, shared


# -- (1) the text format handles every element and role the common layer knows ---------------------

SAMPLE = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="t" xml:lang="en">
  <teiHeader><fileDesc><titleStmt><title>Sample</title></titleStmt></fileDesc></teiHeader>
  <text><body>
    <fw type="navigation">w-fw</fw>
    <!-- a comment --><?a-pi?>
    <div type="work" n="1" xml:id="t.1">
      <head xml:id="t.1.1" n="1">w-head <persName ref="r#a">w-persName</persName></head>
      <byline xml:id="t.1.2" n="2">w-byline</byline>
      <p xml:id="t.1.3" n="3">w-p <placeName ref="r#b">w-placeName</placeName> <orgName ref="r#c">w-orgName</orgName>
        <ref target="https://example.org/w-ref">https://example.org/w-ref</ref></p>
      <note type="source" xml:id="t.1.4" n="4">w-note</note>
      <figure><head xml:id="t.1.5" n="5">w-caption</head></figure>
      <quote xml:id="t.1.6" n="6">w-quote</quote>
      <cit type="socialMedia" xml:id="t.1.7" n="7"><quote>w-post</quote>
        <bibl>— <author>w-author</author> <date when="2022-01-04">w-date</date></bibl></cit>
      <div type="section" n="1" xml:id="t.1.s1">
        <list type="links"><item xml:id="t.1.8" n="8">w-item<lb/>"<title level="a">w-title</title>"</item></list>
        <closer><signed xml:id="t.1.9" n="9">w-signed</signed><dateline xml:id="t.1.10" n="10">w-dateline</dateline></closer>
      </div>
      <postscript>
        <p xml:id="t.1.11" n="11">w-postscript</p>
        <trailer xml:id="t.1.12" n="12">w-trailer</trailer>
      </postscript>
    </div>
    <milestone unit="work" rend="w-milestone"/>
    <div type="work" n="2" xml:id="t.2"><p xml:id="t.2.1" n="1">w-div</p></div>
  </body></text>
</TEI>
"""


def tree_of(xml: str, label: str = "t.xml") -> etree._ElementTree:
    result = parse_xml(xml.encode("utf-8"), Path(label), label)
    assert result.tree is not None, result.problems
    return result.tree


@pytest.fixture(scope="module")
def text_stylesheet() -> Stylesheet:
    return Stylesheet(xslt_path("text", "text.xsl"))


# Elements whose own text is not published: empty by definition (their content, if any, is an
# attribute), annotations of the text, or readings the default parameters leave out.
NOT_PUBLISHED = {
    "pb", "cb", "lb", "milestone", "space", "caesura", "gap", "graphic", "ptr", "anchor", "index", "link", "linkGrp",
    "interp", "interpGrp", "span", "spanGrp", "certainty", "precision", "respons", "alt", "altGrp", "join", "joinGrp",
    "timeline", "fs", "fLib", "fvLib", "handShift", "addSpan", "delSpan", "damageSpan", "lacunaStart", "lacunaEnd",
    "witStart", "witEnd", "variantEncoding", "del", "am",
}
# What an element needs around its word to hold it (a document holds it in its text).
HOLDERS = {
    "TEI": "<text><body><p>{word}</p></body></text>",
    "teiCorpus": "<TEI><text><body><p>{word}</p></body></text></TEI>",
}


def element_document(body: str) -> str:
    return f"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="e"><teiHeader><fileDesc><titleStmt><title>E</title>
        </titleStmt></fileDesc></teiHeader><text><body>{body}</body></text></TEI>"""


@pytest.mark.parametrize("context", ["among blocks", "in running text"])
def test_every_element_the_common_layer_knows_renders_its_text_in_any_context(text_stylesheet, context):
    """Each TEI element of the two lists, alone among blocks (in a div) and inside running text (in
    a p): rendered without the fallback, never failing, its word published unless it is an element
    whose text is not (NOT_PUBLISHED; move is a stage direction among blocks, no text in a line)."""
    names = sorted({n for n in top_level_list("il:known-blocks") + top_level_list("il:known-phrases") if ":" not in n})
    problems = []
    for name in names:
        word = f"w{name}x"
        inner = HOLDERS.get(name, "{word}").format(word=word)
        element = f"<{name}>{inner}</{name}>"
        body = f"<div>{element}</div>" if context == "among blocks" else f"<div><p>before {element} after</p></div>"
        try:
            result = text_stylesheet.run(tree_of(element_document(body)), "e.xml", {})
        except PublishError as failure:
            problems.append(f"<{name}>: {failure}")
            continue
        if result.warnings:
            problems.append(f"<{name}>: warnings {result.warnings}")
        hidden = name in NOT_PUBLISHED or (name == "move" and context == "in running text")
        if not hidden and word not in result.output:
            problems.append(f"<{name}>: its text is missing")
        if context == "in running text" and not ("before" in result.output and "after" in result.output):
            problems.append(f"<{name}>: the text around it is missing")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("parameters", [{}, {"numbered": True, "wrap": 30}], ids=["plain", "numbered-wrapped"])
def test_the_text_format_lays_out_every_element_of_the_common_layer(text_stylesheet, parameters):
    output = text_stylesheet.transform(tree_of(SAMPLE), "t.xml", parameters)  # no termination
    words = set(re.findall(r"w-[\w]+", SAMPLE))
    assert {word for word in words if word in output} == words, f"missing: {sorted(w for w in words if w not in output)}"
    assert "a comment" not in output and "a-pi" not in output
    assert "  w-item\n" in output or "  [8] w-item\n" in output, "a line break in an item stays one"


@pytest.mark.parametrize("hook", ["make-block", "make-inline"])
def test_the_text_format_implements_exactly_the_roles_the_common_layer_hands_out(hook):
    called = roles_called(hook)
    assert called, f"no call of il:{hook} found in xslt/common/"
    implemented = roles_implemented(TEXT, hook)
    assert called == implemented, f"not laid out: {called - implemented}; unknown to common: {implemented - called}"


# -- (2) a format that forgets a role fails, naming it -----------------------------------------------


def tiny_format(tmp_path: Path, body: str = "") -> Stylesheet:
    """A format that imports the common layer and implements only what `body` says."""
    path = tmp_path / "tiny" / "tiny.xsl"
    path.parent.mkdir()
    path.write_text(
        f"""<xsl:stylesheet version="3.0" xmlns:xsl="{XSL}" xmlns:xs="http://www.w3.org/2001/XMLSchema"
            xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:il="urn:interlinea:xslt" exclude-result-prefixes="#all">
          <xsl:import href="{xslt_path('common', 'common.xsl').resolve().as_uri()}"/>
          <xsl:output method="text"/>
          {body}
          <xsl:template match="/">
            <xsl:value-of select="il:blocks(tei:TEI/tei:text/tei:body/node())"/>
          </xsl:template>
        </xsl:stylesheet>""",
        encoding="utf-8",
    )
    return Stylesheet(path)


DOCUMENT = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d">
<text><body>
<p xml:id="d.1" n="1">Some <persName ref="r#x">Name</persName> here.</p>
</body></text>
</TEI>
"""

PARAGRAPH_ONLY = """
  <xsl:variable name="il:format" as="xs:string" select="'tiny'"/>
  <xsl:template match="il:paragraph" mode="il:make-block">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="string-join($content, '')"/>
  </xsl:template>
"""


def test_a_format_that_implements_no_role_stops_naming_the_block_role(tmp_path):
    with pytest.raises(PublishError) as failure:
        tiny_format(tmp_path).transform(tree_of(DOCUMENT.replace("<persName ref=\"r#x\">Name</persName>", "Name")), "d.xml", {})
    message = str(failure.value)
    assert 'does not lay out the block role "paragraph" of <p>' in message
    assert "the unnamed format" in message  # the format did not name itself
    assert message.startswith("d.xml:3: ") and "/TEI[1]/text[1]/body[1]/p[1] (in d.1)" in message


def test_a_format_that_forgets_an_inline_role_stops_naming_it(tmp_path):
    with pytest.raises(PublishError) as failure:
        tiny_format(tmp_path, PARAGRAPH_ONLY).transform(tree_of(DOCUMENT), "d.xml", {})
    message = str(failure.value)
    assert 'the tiny format does not lay out the inline role "name" of <persName>' in message
    assert "/TEI[1]/text[1]/body[1]/p[1]/persName[1]" in message


def test_a_format_that_implements_the_roles_it_meets_runs(tmp_path):
    body = PARAGRAPH_ONLY + """
      <xsl:template match="il:name" mode="il:make-inline">
        <xsl:param name="content" as="item()*"/>
        <xsl:sequence select="upper-case(string-join($content, ''))"/>
      </xsl:template>"""
    assert tiny_format(tmp_path, body).transform(tree_of(DOCUMENT), "d.xml", {}) == "Some NAME here."


def test_an_unknown_element_is_rendered_by_the_fallback_and_reported(text_stylesheet):
    """Never a failure, never text lost: an element no module knows keeps its text, as running text
    where its container has running text and as a block where it stands among blocks; each is
    reported with its path, line and nearest identifier."""
    document = DOCUMENT.replace("<persName ref=\"r#x\">Name</persName>", "<frob>Name</frob>").replace(
        "</body>", "<widget><gadget>Apart</gadget></widget>\n<m:math xmlns:m=\"http://www.w3.org/1998/Math/MathML\">x²</m:math>\n</body>")
    result = text_stylesheet.run(tree_of(document), "d.xml", {})
    assert result.output.endswith("Some Name here.\n\nApart\n\nx²\n")
    assert [(w.rule, w.message, w.path, w.line, w.xml_id) for w in result.warnings] == [
        ("fallback", "frob", "/TEI[1]/text[1]/body[1]/p[1]/frob[1]", 3, "d.1"),
        ("fallback", "widget", "/TEI[1]/text[1]/body[1]/widget[1]", 4, "d"),
        ("fallback", "gadget", "/TEI[1]/text[1]/body[1]/widget[1]/gadget[1]", 4, "d"),
        ("fallback", "m:math (http://www.w3.org/1998/Math/MathML)", "/TEI[1]/text[1]/body[1]/math[1]", 5, "d"),
    ]


def test_the_publisher_reports_the_fallback_once_per_element_with_its_count():
    from interlinea.publish.text import TextRenderer

    document = DOCUMENT.replace("<persName ref=\"r#x\">Name</persName>", "<frob>Na</frob><frob>me</frob>")
    rendered = TextRenderer().render(tree_of(document), "d.xml")
    assert [d.format() for d in rendered.warnings] == [
        "d.xml:3:0: fallback: warning: <frob> has no rendering of its own: rendered 2 times by the generic "
        "fallback, its text kept (first at /TEI[1]/text[1]/body[1]/p[1]/frob[1])"
    ]
    assert rendered.fallback == {"frob": 2} and "Some Name here." in rendered.text


def test_a_parameter_with_a_value_it_does_not_accept_stops_naming_it(text_stylesheet):
    with pytest.raises(PublishError, match='the parameter choice is "modern"; it can be "regularised", "original", "both"'):
        text_stylesheet.transform(tree_of(DOCUMENT), "d.xml", {"choice": "modern"})


# -- (3) the entry stylesheet is a driver; modules are documented; parameters in one place ---------


def test_the_text_entry_stylesheet_is_a_thin_driver():
    path = TEXT / "text.xsl"
    assert len(path.read_text(encoding="utf-8").splitlines()) < 60
    children = [c for c in parsed(path).getroot() if isinstance(c.tag, str)]
    kinds = [etree.QName(c).localname for c in children]
    assert set(kinds) <= {"import", "output", "template"}, kinds
    templates = [c for c in children if etree.QName(c).localname == "template"]
    assert [t.get("match") for t in templates] == ["/"] and templates[0].get("mode") is None
    imports = [c.get("href") for c in children if etree.QName(c).localname == "import"]
    assert imports[0] == "../common/common.xsl", "the common layer first, so that the format's modules override it"


def test_format_modules_decide_no_meaning():
    """A format's modules match no TEI element: what an element is, is decided in xslt/common/."""
    for path in TEXT.glob("*.xsl"):
        for template in parsed(path).getroot().iterfind("xsl:template", NS):
            match = template.get("match") or ""
            assert "tei:" not in match and (template.get("mode") or "").split() != ["il:block"], f"{path.name}: {match}"
            assert (template.get("mode") or "") in ("il:make-block", "il:make-inline") or path.name == "text.xsl", f"{path.name}: {match}"


def test_the_common_layer_names_no_format():
    """Messages take the format's name from $il:format; common's code (comments aside) names none."""
    for path in COMMON.glob("*.xsl"):
        text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)
        assert "the text stylesheet" not in text and "the text format" not in text, path.name


def test_every_parameter_is_in_params_xsl_with_a_doc_comment():
    for path in MODULES:
        params = parsed(path).getroot().findall(f"{{{XSL}}}param")
        if path.name != "params.xsl":
            assert not params, f"{path.parent.name}/{path.name} declares a stylesheet parameter; it belongs in common/params.xsl"
            continue
        assert params
        for param in params:
            comment = param.getprevious()
            assert isinstance(comment, etree._Comment) and comment.text.strip(), f"${param.get('name')} has no doc comment"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_module_says_what_it_decides(path):
    root = parsed(path).getroot()
    comments = [c for c in root.itersiblings(preceding=True) if isinstance(c, etree._Comment)]
    assert comments and len(comments[-1].text.split()) >= 15, f"{path.name}: no comment at the top saying what the module decides"


def test_the_common_layer_declares_the_id_key_and_uses_it():
    keys = [k for path in COMMON.glob("*.xsl") for k in parsed(path).getroot().findall(f"{{{XSL}}}key")]
    assert [(k.get("name"), k.get("match"), k.get("use")) for k in keys] == [("il:id", "*[@xml:id]", "@xml:id")]
    assert any("key('il:id'" in path.read_text(encoding="utf-8") for path in COMMON.glob("*.xsl"))


# -- (5) the HTML format (xslt/html/): the same contract as the text format ---------------------------

HTML = xslt_path("html")
# The HTML format's modules for the reading text: the hooks (blocks, phrases) and their helpers.
HTML_TEXT_MODULES = sorted([HTML / "blocks.xsl", HTML / "phrases.xsl", *HTML.glob("text*.xsl")])


@pytest.mark.parametrize("hook", ["make-block", "make-inline"])
def test_the_html_format_implements_exactly_the_roles_the_common_layer_hands_out(hook):
    """One template rule per role (or group of roles) in blocks.xsl and phrases.xsl, none left to the
    failing default of hooks.xsl, and no catch-all rule that would hide a forgotten role."""
    called = roles_called(hook)
    implemented = roles_implemented(HTML, hook)
    assert called == implemented, f"not laid out: {called - implemented}; unknown to common: {implemented - called}"
    catch_alls = [
        (path.name, template.get("match"))
        for path in HTML.glob("*.xsl")
        for template in parsed(path).getroot().iterfind("xsl:template", NS)
        if template.get("mode") == f"il:{hook}" and not re.fullmatch(r"\s*il:[\w-]+(\s*\|\s*il:[\w-]+)*\s*", template.get("match") or "")
    ]
    assert not catch_alls, catch_alls


def test_the_html_format_forgets_no_role_on_the_sample(tmp_path):
    """The sample of every element through the HTML text page: every word there, nothing by the
    fallback (a role without a rule would stop the transformation, naming it)."""
    result = Stylesheet(HTML / "text.xsl").run(tree_of(SAMPLE), "t.xml", {})
    words = set(re.findall(r"w-[\w]+", SAMPLE))
    assert {word for word in words if word in result.output} == words
    assert not result.warnings


def test_the_html_modules_decide_no_meaning():
    """The reading text's modules of the HTML format match no TEI element and no mode of the common
    layer: what an element is, is decided in xslt/common/."""
    for path in HTML_TEXT_MODULES:
        for template in parsed(path).getroot().iterfind("xsl:template", NS):
            match = template.get("match") or ""
            assert "tei:" not in match and not set((template.get("mode") or "").split()) & {"il:block", "il:inline"}, f"{path.name}: {match}"


def test_the_html_text_entry_stylesheet_is_a_thin_driver():
    path = HTML / "text.xsl"
    assert len(path.read_text(encoding="utf-8").splitlines()) < 60
    children = [c for c in parsed(path).getroot() if isinstance(c.tag, str)]
    assert {etree.QName(c).localname for c in children} <= {"import", "output", "template"}
    imports = [c.get("href") for c in children if etree.QName(c).localname == "import"]
    assert imports[0] == "../common/common.xsl"


@pytest.mark.parametrize("path", HTML_TEXT_MODULES, ids=lambda p: f"html/{p.name}")
def test_every_html_text_module_says_what_it_decides(path):
    root = parsed(path).getroot()
    comments = [c for c in root.itersiblings(preceding=True) if isinstance(c, etree._Comment)]
    assert comments and len(comments[-1].text.split()) >= 15, f"{path.name}: no comment at the top saying what the module decides"
    assert not root.findall(f"{{{XSL}}}param"), f"{path.name} declares a stylesheet parameter; it belongs in common/params.xsl"
