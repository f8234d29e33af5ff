"""Where things sit (issue 16): no module over 500 lines and no import circles among the
application's modules (the layer contracts themselves are checked by ``lint-imports``)."""

from __future__ import annotations

import grimp

from tests.conftest import REPO

MAX_LINES = 500


def test_no_module_is_over_500_lines() -> None:
    long = {str(p.relative_to(REPO)): n for p in (REPO / "app").rglob("*.py")
            if "migrations" not in p.parts
            and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def _circles(graph: grimp.ImportGraph) -> list[set[str]]:
    """Strongly connected groups of modules (Tarjan), each of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph.find_modules_directly_imported_by(module)):
            if other not in graph.modules:
                continue
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(group)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_circles() -> None:
    graph = grimp.build_graph("app", exclude_type_checking_imports=True)
    assert _circles(graph) == []
