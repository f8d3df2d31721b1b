"""The web edition: a static, archival HTML site in site/, made by the stylesheets of xslt/html/.

    site/index.html                   home: the texts, the graph of their relations
    site/texts/<id>.html              one page per text (xslt/html/text.xsl, from the text's TEI)
    site/parallel/<a>__<b>.html       one page per aligned pair (xslt/html/parallel.xsl, from the
                                      alignment's TEI and the two texts)
    site/<register>/<id>.html         one page per register entry (persons/, places/, organisations/)
    site/registers.html, map.html, timeline.html, bibliography.html, about.html, search.html
                                      (xslt/html/site.xsl, from the edition document: site_data.py)
    site/tei/…                        the TEI files, for download
    site/assets/…                     the style sheet and the scripts (xslt/html/assets/)

Every page links to the others by relative URLs, so the site works opened from disk (file://) and
from any static server, and asks no other host for anything. Python orders the pages and writes the
files; what each page says and how is the stylesheets'. Each stylesheet is compiled once per run;
the edition document is handed to each once, as a parsed document, and reused for every page.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path

from lxml import etree

from interlinea import TEI_NS, XML_NS
from interlinea.publish.base import ALIGNMENTS, EVERY_TEXT, MANIFEST, REGISTERS, Inputs, Output, Publisher, alignment_input, sha256_of, text_input
from interlinea.publish.site_data import IN_CONTEXT, PAGE_READS, SITE_NS, alignment_sides, edition_document, entry_page, page_context, parallel_page, schemas, text_page
from interlinea.publish.summary_cache import SummaryCache
from interlinea.publish.xslt import Stylesheet, stylesheet_diagnostics, stylesheet_parameters
from interlinea.resources import xslt_path
from interlinea.xml_input import safe_parser

# The pages made from the edition document by xslt/html/site.xsl, each by its $page parameter.
SITE_PAGES = ("index", "registers", "map", "timeline", "bibliography", "about", "search")
# The entries of a register that get a page of their own.
ENTRY_ELEMENTS = tuple(f"{{{TEI_NS}}}{name}" for name in ("person", "place", "org"))
STYLESHEETS = {"text": "text.xsl", "parallel": "parallel.xsl", "site": "site.xsl", "summary": "summary.xsl"}
# The input of the pages about one text or one pair: the edition document as they are given it
# (site_data.page_context), so that such a page is made again exactly when what it reads changed.
PAGE_CONTEXT = "html:page-context"
# The input of a page made from the edition document: what it reads of it (site_data.page_view),
# "html:view:index", "html:view:entry:<id>".
PAGE_VIEW = "html:view:"


def root_of(page: Path) -> str:
    """The relative URL of the site's top from a page ('' or '../')."""
    return "../" * (len(page.parts) - 1)


class HtmlPublisher(Publisher):
    format = "html"
    folder = ""  # the pages are the site: site/index.html, not site/html/index.html

    def method_digest(self) -> str:
        """The stylesheets (common layer and HTML), the assets, the vendored data and the schemas the
        About page names decide every page."""
        files = sorted(p for folder in ("common", "html") for p in xslt_path(folder).rglob("*") if p.is_file())
        return sha256_of(
            super().method_digest().encode(),
            json.dumps(schemas(), sort_keys=True).encode(),
            *(p.relative_to(xslt_path()).as_posix().encode() + p.read_bytes() for p in files),
        )

    # -- what the site is made of

    def outputs(self) -> list[Output]:
        outputs = [self._site_page(name) for name in SITE_PAGES]
        for text in self.texts:
            page = Path(text_page(text.id))
            outputs.append(Output(page, (text_input(text.id), PAGE_CONTEXT), {"kind": "text"}, text.id))
            outputs.append(Output(Path("tei") / f"{text.id}.xml", (text_input(text.id),), {"kind": "copy-text"}, text.id))
        for path, (text_a, text_b) in self._alignments.items():
            inputs = (text_input(text_a), text_input(text_b), alignment_input(path.name), PAGE_CONTEXT)
            outputs.append(Output(Path(parallel_page(path)), inputs, {"kind": "parallel", "alignment": path.name}))
            outputs.append(Output(Path("tei/alignment") / path.name, (alignment_input(path.name),), {"kind": "copy", "source": f"alignment/{path.name}"}))
        for register, entry_id in self._entries:
            page = Path(entry_page(register, entry_id))
            outputs.append(Output(page, (f"{PAGE_VIEW}entry:{entry_id}",), {"kind": "site", "page": "entry", "register": register, "entry": entry_id}))
        for path in self.edition.register_paths():
            if self.edition.read_xml(path).tree is not None:  # a register the edition refuses is not published
                outputs.append(Output(Path("tei/registers") / path.name, (REGISTERS,), {"kind": "copy", "source": f"registers/{path.name}"}))
        assets = xslt_path("html", "assets")
        for path in sorted(p for p in assets.rglob("*") if p.is_file()):
            outputs.append(Output(Path("assets") / path.relative_to(assets), (), {"kind": "asset", "source": path.relative_to(assets).as_posix()}))
        return outputs

    def finish(self) -> list[Path]:
        """Remove the pages no longer made and save the build record, then index the pages for the
        search (site/pagefind/; remade only when a page changed: publish/search.py)."""
        from interlinea.publish.search import index_site

        removed = super().finish()
        self._summaries.prune()
        index_site(self.out_dir)
        return removed

    def input_digest(self, key: str, inputs: Inputs) -> str:
        if key == PAGE_CONTEXT:
            return self._page_context_digest
        if key.startswith(PAGE_VIEW):
            page, _, entry_id = key[len(PAGE_VIEW):].partition(":")
            return self._page_view_digest(page, entry_id or None)
        return super().input_digest(key, inputs)

    def describe_input(self, key: str) -> str:
        if key == PAGE_CONTEXT:
            return "what the page shows of the edition (titles and works of the texts, relations, alignments, registers)"
        if key.startswith(f"{PAGE_VIEW}entry:"):
            return f"what the texts say of {key.rpartition(':')[2]} (mentions, authorships, citations)"
        if key.startswith(PAGE_VIEW):
            return "what the page shows of the texts (" + ", ".join(PAGE_READS[key[len(PAGE_VIEW):]]) + ") or of the edition"
        return super().describe_input(key)

    def _page_view_digest(self, page: str, entry_id: str | None) -> str:
        """The digest of site_data.page_view for a page, without building it: the page context, what
        the page reads of each summary (with the text it is in), and for the map and the About page
        the outline of the world and the validation summary."""
        index = self.__dict__.get("_summary_index")
        if index is None:
            index = self.__dict__["_summary_index"] = {"kind": {}, "entry": {}}
            for holder in self._edition_tree.getroot().iterfind(f"{{{SITE_NS}}}text"):
                for summary in holder.iterfind(f"{{{SITE_NS}}}summary"):
                    for child in summary:
                        kind = etree.QName(child).localname
                        if kind in IN_CONTEXT:
                            continue
                        part = holder.get("id", "").encode() + b"\0" + etree.tostring(child, encoding="UTF-8")
                        index["kind"].setdefault(kind, []).append(part)
                        if child.get("ref"):
                            index["entry"].setdefault(child.get("ref").rpartition("#")[2], []).append(part)
        root = self._edition_tree.getroot()
        extra = []
        if page == "about":
            extra.append((root.get("validation") or "").encode())
        if page == "map":
            extra += [etree.tostring(node, encoding="UTF-8") for node in root.iterfind(f"{{{SITE_NS}}}geography")]
        parts = [part for kind in PAGE_READS[page] for part in index["kind"].get(kind, [])]
        if entry_id is not None:
            parts += index["entry"].get(entry_id, [])
        return sha256_of(page.encode(), self._page_context_digest.encode(), *extra, *parts)

    @cached_property
    def _page_context(self) -> etree._ElementTree:
        return page_context(self._edition_tree)

    @cached_property
    def _page_context_digest(self) -> str:
        return sha256_of(etree.tostring(self._page_context, encoding="UTF-8"))

    def _site_page(self, name: str) -> Output:
        return Output(Path(f"{name}.html"), (PAGE_VIEW + name,), {"kind": "site", "page": name})

    @cached_property
    def _alignments(self) -> dict[Path, tuple[str, str]]:
        """The alignments between texts published in this run: file → (text of a, text of b)."""
        text_of = {}
        for text in self.texts:
            for work in text.tree.getroot().iterfind(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body/{{{TEI_NS}}}div[@type='work']"):
                text_of[work.get(f"{{{XML_NS}}}id")] = text.id
        found = {}
        for path in self.edition.alignment_paths():
            parsed = self.edition.read_xml(path)
            sides = alignment_sides(parsed.tree) if parsed.tree is not None else None
            if sides and sides[0] in text_of and sides[1] in text_of:
                found[path] = (text_of[sides[0]], text_of[sides[1]])
        return found

    @cached_property
    def _entries(self) -> list[tuple[str, str]]:
        """Every register entry that gets a page: (register file's stem, xml:id)."""
        entries = []
        for path in self.edition.register_paths():
            parsed = self.edition.read_xml(path)
            if parsed.tree is None:
                continue
            for node in parsed.tree.getroot().iter(*ENTRY_ELEMENTS):
                identifier = node.get(f"{{{XML_NS}}}id")
                if identifier:
                    entries.append((path.stem, identifier))
        return entries

    # -- making one page

    def render(self, output: Output) -> bytes:
        kind = output.parameters["kind"]
        if kind == "asset":
            return xslt_path("html", "assets", *output.parameters["source"].split("/")).read_bytes()
        if kind == "copy":  # as the edition read it: never a file outside the edition through a link
            return self.edition.read_xml(self.edition.tei_dir.joinpath(*output.parameters["source"].split("/"))).data
        if kind == "copy-text":
            return self.by_id[output.text_id].tei_bytes or etree.tostring(self.by_id[output.text_id].tree, xml_declaration=True, encoding="UTF-8")
        parameters = self._parameters(output)
        if kind == "text":
            return self._run("text", self.by_id[output.text_id].tree, self.edition.tei_path(output.text_id), parameters)
        if kind == "parallel":
            path = self.edition.alignment_dir / output.parameters["alignment"]
            text_a, text_b = self._alignments[path]
            documents = {"text-a": self.by_id[text_a].tree, "text-b": self.by_id[text_b].tree}
            return self._run("parallel", self.edition.read_xml(path).tree, path, parameters, documents)
        if kind == "site":
            parameters["site-page"] = output.parameters["page"]
            for name in ("register", "entry"):
                parameters[name] = output.parameters.get(name, "")
            stylesheet = self._stylesheet("site")
            result = stylesheet.run(self._edition_tree, "edition document", parameters, documents={"edition": self._edition_node("site")}, loaded=self._edition_node("site"))
            return self._finish(result, "edition document")
        raise ValueError(f"unknown kind of page {kind!r}")

    def _parameters(self, output: Output) -> dict[str, object]:
        parameters = stylesheet_parameters(self.options)
        parameters["root"] = root_of(output.path)
        parameters["page"] = output.path.as_posix()
        return parameters

    def _run(self, name: str, tree: etree._ElementTree, path: Path, parameters: dict, documents: dict | None = None) -> bytes:
        label = self.edition.relative(path)
        given = {"edition": self._edition_node(name), **(documents or {})}
        result = self._stylesheet(name).run(tree, label, parameters, base_uri=path.resolve().as_uri(), documents=given)
        return self._finish(result, label)

    def _finish(self, result, label: str) -> bytes:
        for diagnostic in stylesheet_diagnostics(label, result.warnings)[0]:
            self.warn(diagnostic)
        return result.output.encode("utf-8")

    def _stylesheet(self, name: str) -> Stylesheet:
        """Each stylesheet compiled once per run, when a page first needs it."""
        compiled = self.__dict__.setdefault("_compiled", {})
        if name not in compiled:
            compiled[name] = Stylesheet(xslt_path("html", STYLESHEETS[name]))
        return compiled[name]

    def _edition_node(self, name: str):
        """The edition document, parsed once for each stylesheet that reads it: whole for the site
        pages; for the text pages and parallel views, without what only the site pages read (the
        texts' mentions, dates and citations, the outline of the world), so that a page's work and
        its key indexes do not grow with the number of texts."""
        loaded = self.__dict__.setdefault("_loaded", {})
        if name not in loaded:
            tree = self._edition_tree if name == "site" else self._page_context
            loaded[name] = self._stylesheet(name).load(tree)
        return loaded[name]

    @cached_property
    def _summaries(self) -> SummaryCache:
        state = self.edition.state_dir
        return SummaryCache(state / "summaries" if state is not None else None, self._method)

    def _summary_name(self, text) -> str:
        tei = text.tei_bytes or etree.tostring(text.tree, encoding="UTF-8")
        return self._summaries.name(tei, f"{self.edition.tei_path(text.id).name}\0{text_page(text.id)}")

    def _make_summary(self, text) -> bytes:
        """A text's summary (xslt/html/summary.xsl), serialised."""
        path = self.edition.tei_path(text.id)
        result = self._stylesheet("summary").run(text.tree, self.edition.relative(path), {"page": text_page(text.id)}, base_uri=path.resolve().as_uri())
        return result.output.encode("utf-8")

    def prepare(self, mapper) -> None:
        """Make the summaries not kept from an earlier build, by `mapper` (in worker processes)."""
        todo = [(text, self._summary_name(text)) for text in self.texts]
        todo = [(text, name) for text, name in todo if not self._summaries.has(name)]
        for (_, name), data in zip(todo, mapper(lambda item: self._make_summary(item[0]), todo)):
            self._summaries.put(name, data)

    @cached_property
    def _edition_tree(self) -> etree._ElementTree:
        def summarise(text) -> etree._Element:
            return self._summaries.summary(self._summary_name(text), lambda: self._make_summary(text))

        validation = getattr(self.edition, "validation", None)
        return edition_document(self.edition, self.texts, summarise, validation.summary() if validation is not None else "")
