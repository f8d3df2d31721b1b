"""The code's structure: no import cycles, a foundation that imports nothing above it, one table of
element classes that the stylesheets agree with."""

from __future__ import annotations

import ast
from pathlib import Path

from lxml import etree

from interlinea import tei
from interlinea.resources import xslt_path

from conftest import ROOT

SRC = ROOT / "src"
XSL = "http://www.w3.org/1999/XSL/Transform"
# Modules every stage may import; they import no stage.
FOUNDATION = {
    "interlinea", "interlinea.tei", "interlinea.bcp47", "interlinea.diagnostics", "interlinea.errors",
    "interlinea.limits", "interlinea.xml_input", "interlinea.xmlio", "interlinea.resources", "interlinea.dates",
    "interlinea.patterns", "interlinea.digests",
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module -> the interlinea modules it imports (at any depth of the file, TYPE_CHECKING blocks
    aside). Importing `a.b.c` also runs `a.b`'s __init__, so it counts as importing `a.b` too."""
    modules = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}

    def add(source: str, target: str) -> None:
        while target and target not in modules:
            target = target.rpartition(".")[0]
        parts = target.split(".")
        for depth in range(1, len(parts) + 1):
            prefix = ".".join(parts[:depth])
            if prefix in modules and prefix != source and not source.startswith(prefix + "."):
                graph[source].add(prefix)

    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]

        class Visitor(ast.NodeVisitor):
            def visit_If(self, node: ast.If) -> None:
                if isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
                    return
                self.generic_visit(node)

            def visit_Import(self, node: ast.Import) -> None:
                for alias in node.names:
                    if alias.name.startswith("interlinea"):
                        add(name, alias.name)

            def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                if base.startswith("interlinea"):
                    for alias in node.names:
                        add(name, f"{base}.{alias.name}")

        Visitor().visit(ast.parse(path.read_text(encoding="utf-8")))
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles_in_src():
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_foundation_imports_nothing_above_it():
    graph = import_graph()
    for module in sorted(FOUNDATION):
        upward = graph[module] - FOUNDATION
        assert not upward, f"{module} imports {sorted(upward)}, which are not foundation modules"


def _stylesheet_list(name: str) -> set[str]:
    for path in sorted(xslt_path("common").glob("*.xsl")):
        tree = etree.parse(str(path))
        for variable in tree.getroot().iter(f"{{{XSL}}}variable"):
            if variable.get("name") == name:
                return set(ast.literal_eval("[" + variable.get("select").strip("()") + "]"))
    raise AssertionError(f"no variable {name} in xslt/common/")


def test_the_element_classes_agree_with_the_stylesheets():
    """What Python calls a block or running text is what the stylesheets lay out as one."""
    assert _stylesheet_list("il:block-elements") == set(tei.BLOCK)
    assert _stylesheet_list("il:inline-elements") == set(tei.INLINE)


def test_citable_and_names_are_blocks_and_running_text():
    assert set(tei.CITABLE) <= tei.BLOCK
    assert set(tei.NAMES) <= tei.INLINE
    assert tei.BLOCK <= tei.WORD_BOUNDARY


def test_every_benchmark_module_imports():
    """`make bench` runs them all: a helper moved or renamed must not break one silently."""
    import importlib
    import sys

    sys.path.insert(0, str(ROOT))
    try:
        from bench import BENCHMARKS

        for name in BENCHMARKS:
            importlib.import_module(f"bench.{name}")
    finally:
        sys.path.remove(str(ROOT))
