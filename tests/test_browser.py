"""The web edition in a real browser: Debian's Chromium, headless, driven by Playwright.

The seed edition's site (built once per session, tests/browser_support.py) is served on 127.0.0.1
by a static server in a thread, as any web server would serve it. Each page of each kind loads with
no console error and no failed request, and axe-core finds no violation of WCAG 2.0, 2.1 and 2.2 A
and AA on it; hovering or focusing a block of a parallel view marks its counterparts; the search
page finds a Bulgarian and an Italian word and links each passage to its block; a page opened from
disk (file://) has its style and its scripts, and the search page says why it cannot search there.

Screenshots of every page are kept in $INTERLINEA_ARTIFACTS, else in
/tmp/interlinea-browser-artifacts/ (the system's temporary folder), overwritten by the next run.

Skipped, with the reason, only when Chromium is not installed; .ci/run installs it, so CI never
skips. Playwright never downloads a browser of its own.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote_plus

import pytest

from browser_support import CHROMIUM_ARGS, artifacts_folder, find_chromium, seed_site, serve
from conftest import ROOT

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# One page of each kind: (name of the screenshot, path in the site).
PAGES = [
    ("home", "index.html"),
    ("text", "texts/pramen-bg.html"),
    ("parallel", "parallel/organise-it.2__pramen-bg.1.html"),
    ("entity", "persons/putin.html"),
    ("registers", "registers.html"),
    ("map", "map.html"),
    ("search", "search.html"),
]
# Words the search must find, each in the text (and language) it comes from.
SEARCHED = [("справедливост", "pramen-bg", "bg"), ("proporzioni", "organise-it", "it")]
PAPER = "rgb(253, 252, 248)"  # base.css --paper: the page's background when its style is loaded


@pytest.fixture(scope="module")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        pytest.skip("Chromium is not installed (Debian package chromium: apt-get install -y chromium; .ci/run installs it)")
    return path


@pytest.fixture(scope="module")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return seed_site(tmp_path_factory)


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def artifacts() -> Path:
    return artifacts_folder()


@dataclass
class Watched:
    """A browser page with what went wrong on it: console errors, uncaught exceptions, failed
    requests (an HTTP error or no answer)."""

    page: object
    problems: list[str] = field(default_factory=list)


@pytest.fixture
def open_page(browser):
    contexts = []

    def open_(url: str) -> Watched:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        watched = Watched(context.new_page())
        page = watched.page
        page.on("console", lambda message: message.type == "error" and watched.problems.append(f"console: {message.text} ({message.location.get('url')})"))
        page.on("pageerror", lambda error: watched.problems.append(f"uncaught: {error}"))
        page.on("requestfailed", lambda request: watched.problems.append(f"request failed: {request.url} {request.failure}"))
        page.on("response", lambda response: response.status >= 400 and watched.problems.append(f"HTTP {response.status}: {response.url}"))
        page.goto(url, wait_until="load")
        return watched

    yield open_
    for context in contexts:
        context.close()


def axe_violations(page) -> list[str]:
    """axe-core's violations of WCAG 2.x A/AA on the page, one line each with the elements."""
    from axe_playwright_python.sync_playwright import Axe

    # preload off: axe would fetch the style sheets again itself, resolving their @import against
    # the page instead of the sheet (404s and a blocked inline style of its own in the console).
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"], "preload": False}
    results = Axe().run(page, options=options)
    return [
        f"{violation['id']} ({violation.get('impact')}): {violation['help']}: "
        + "; ".join(" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


def settle(page) -> None:
    """Let the page's scripts finish what they start on load (the search page loads its index)."""
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_a_page_loads_without_errors_and_axe_finds_no_violation(open_page, base_url, site, artifacts, name, path):
    assert (site / path).is_file(), f"the site has no {path}"
    watched = open_page(base_url + path)
    page = watched.page
    settle(page)
    if name == "search":
        page.locator("#search-form[data-ready='true']").wait_for(timeout=15000)
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
    assert page.title().strip()
    problems = list(watched.problems)  # the page's own, before axe runs in it
    violations = axe_violations(page)
    assert not problems, "\n".join(problems)
    assert not violations, f"axe-core on {path}:\n" + "\n".join(violations)


# ---------------------------------------------------------------------------- the parallel view


def groups_on_both_sides(page) -> list[str]:
    sides: dict[str, set[str]] = {}
    for block in page.locator(".parallel-block[data-group]").all():
        sides.setdefault(block.get_attribute("data-group"), set()).add(block.get_attribute("data-side") or "")
    return [group for group, found in sides.items() if len(found) > 1]


def counterpart_marks(page, group: str, side: str) -> list[bool]:
    """For each block of the group on the other side: whether it is marked as a counterpart."""
    others = page.locator(f".parallel-block[data-group='{group}']:not([data-side='{side}'])")
    return ["is-counterpart" in (block.get_attribute("class") or "").split() for block in others.all()]


def test_hovering_or_focusing_a_block_marks_its_counterparts(open_page, base_url, artifacts):
    watched = open_page(base_url + PAGES[2][1])
    page = watched.page
    groups = groups_on_both_sides(page)
    assert groups, "no group of the parallel view has blocks on both sides"
    group = groups[len(groups) // 2]
    block = page.locator(f".parallel-block[data-group='{group}']").first
    side = block.get_attribute("data-side")
    assert not any(counterpart_marks(page, group, side))

    block.hover()
    marks = counterpart_marks(page, group, side)
    assert marks and all(marks), f"hovering a block of group {group} did not mark its counterparts: {marks}"
    page.screenshot(path=str(artifacts / "parallel-hover.png"))
    page.locator("h1").hover()
    assert not any(counterpart_marks(page, group, side)), "the marks stay when the pointer leaves"

    # From the keyboard, on a page the mouse has not touched (focusing scrolls the page, and a
    # block scrolled under a resting pointer would take the marks).
    keyboard = open_page(base_url + PAGES[2][1])
    block = keyboard.page.locator(f".parallel-block[data-group='{group}'][data-side='{side}']").first
    focusable = block.locator("a[href], [tabindex]").first
    assert focusable.count(), f"a block of group {group} has nothing that takes the focus"
    focusable.focus()
    marks = counterpart_marks(keyboard.page, group, side)
    assert marks and all(marks), "focusing a block did not mark its counterparts"
    assert not watched.problems + keyboard.problems, "\n".join(watched.problems + keyboard.problems)


# ---------------------------------------------------------------------------- search


def search_for(page, words: str) -> None:
    """Type the words and press Enter, as a reader does; wait until the results are shown."""
    page.locator("#search-form[data-ready='true']").wait_for(timeout=15000)
    field_ = page.get_by_label("Words to find")
    field_.fill(words)
    field_.press("Enter")
    page.locator("#search-status", has_text=re.compile(r"found", re.I)).wait_for(timeout=15000)


@pytest.mark.parametrize(("word", "text_id", "lang"), SEARCHED, ids=[lang for *_, lang in SEARCHED])
def test_the_search_finds_a_word_in_its_language_and_links_to_its_block(open_page, base_url, artifacts, word, text_id, lang):
    assert word in (ROOT / "tei" / f"{text_id}.xml").read_text(encoding="utf-8"), f"{word!r} is not in tei/{text_id}.xml any more"
    watched = open_page(base_url + "search.html")
    page = watched.page
    search_for(page, word)
    page.screenshot(path=str(artifacts / f"search-{lang}.png"), full_page=True)
    result = page.locator(".search-result").filter(has=page.locator(f"h3 a[href$='texts/{text_id}.html']"))
    assert result.count() == 1, f"no result for {word!r} links to texts/{text_id}.html: {page.locator('#search-result-list').inner_text()}"
    passage = result.locator(".search-passage-link").first
    href = passage.get_attribute("href")
    assert re.search(rf"texts/{re.escape(text_id)}\.html#{re.escape(text_id)}\.", href), href
    excerpt = passage.locator(".search-excerpt")
    assert excerpt.get_attribute("lang") == lang
    marked = [text.casefold() for text in excerpt.locator("mark").all_inner_texts()]
    assert any(word.casefold() in text for text in marked), marked
    assert page.url.endswith("search.html?q=" + quote_plus(word))

    passage.click()  # the link leads to the block, which the page has
    page.wait_for_load_state("load")
    block_id = href.rpartition("#")[2]
    assert page.locator(f"[id='{block_id}']").count() == 1
    assert word.casefold() in page.locator(f"[id='{block_id}']").inner_text().casefold()
    assert not watched.problems, "\n".join(watched.problems)


def test_the_search_filters_by_language(open_page, base_url, artifacts):
    watched = open_page(base_url + "search.html")
    page = watched.page
    search_for(page, "Kazakhstan")
    unfiltered = page.locator(".search-result").count()
    languages = page.locator("#search-filters details").filter(has_text="Language")
    assert languages.count() == 1, "the search page shows no language filter"
    italian = languages.get_by_label(re.compile(r"^Italian\b"))
    italian.check()
    page.locator("#search-status", has_text="filtered").wait_for(timeout=15000)
    page.screenshot(path=str(artifacts / "search-filtered.png"), full_page=True)
    links = page.locator(".search-result h3 a").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert links and len(links) < unfiltered, (links, unfiltered)
    assert any("organise-it" in link for link in links) and not any("pramen-bg" in link for link in links), links
    assert "language=Italian" in page.url
    problems = list(watched.problems)
    violations = axe_violations(page)  # the page as the script left it: filters, results, marks
    assert not problems, "\n".join(problems)
    assert not violations, "axe-core on the search results:\n" + "\n".join(violations)


# One word for Pagefind's excerpts (they split at white space), so that the word found is the markup.
HOSTILE = "<img/src=x/onerror=alert(1)>zzhostile<script>alert(2)</script>"


def test_the_search_shows_markup_found_in_a_text_as_text(browser, site, tmp_path, artifacts):
    """Text that looks like markup (a seed may hold it; the page has it escaped) stays text in the
    results: search.js builds them with textContent, never as HTML."""
    from lxml import etree, html

    from interlinea.publish.search import index_site

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "texts" / "organise-en.html"
    tree = html.parse(str(page))
    body = (tree.xpath("//*[@data-pagefind-body]") or tree.xpath("//main"))[0]
    etree.SubElement(body, "p", id="hostile").text = HOSTILE
    page.write_bytes(html.tostring(tree, doctype="<!DOCTYPE html>", encoding="utf-8"))
    index_site(copy)

    with serve(copy) as url:
        context = browser.new_context()
        dialogs = []
        tab = context.new_page()
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.goto(url + "search.html")
        search_for(tab, "zzhostile")
        excerpt = tab.locator(".search-excerpt").first
        assert HOSTILE in excerpt.inner_text()
        assert tab.locator("#search-result-list img, #search-result-list script").count() == 0
        tab.screenshot(path=str(artifacts / "search-markup-as-text.png"))
        context.close()
    assert not dialogs


# ---------------------------------------------------------------------------- from disk


def test_a_page_opened_from_disk_has_its_style_and_no_error(open_page, site, artifacts):
    watched = open_page((site / PAGES[1][1]).as_uri())
    page = watched.page
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == PAPER, f"the style sheet did not load from disk: body background {background}"
    skip = page.locator(".skip-link").bounding_box()
    assert skip is not None and skip["y"] + skip["height"] <= 0, f"the skip link shows before it has the focus: {skip}"
    page.screenshot(path=str(artifacts / "text-from-disk.png"), full_page=True)
    assert not watched.problems, "\n".join(watched.problems)


def test_the_search_page_from_disk_says_how_to_search(open_page, site, artifacts):
    watched = open_page((site / "search.html").as_uri())
    page = watched.page
    notice = page.locator("#search-offline")
    notice.wait_for(state="visible", timeout=5000)
    assert "python3 -m http.server" in notice.inner_text()
    assert notice.locator("a[href='registers.html']").count() == 1
    assert page.locator("#search-form").is_hidden()
    page.screenshot(path=str(artifacts / "search-from-disk.png"), full_page=True)
    assert not watched.problems, "\n".join(watched.problems)
