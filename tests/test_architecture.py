"""Where things sit (issue 16): no module over 500 lines, and no import circles among the
application's modules nor among the core's packages (the contracts themselves, including
that every core package has its place in the layers, are checked by ``lint-imports``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import grimp

from tests.conftest import REPO

MAX_LINES = 500


def test_no_module_is_over_500_lines() -> None:
    long = {str(p.relative_to(REPO)): n for p in (REPO / "app").rglob("*.py")
            if "migrations" not in p.parts
            and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def _circles(nodes: Iterable[str], imported_by: Callable[[str], Iterable[str]]) -> list[set[str]]:
    """Strongly connected groups of nodes (Tarjan), each of more than one node."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(imported_by(module)):
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

    for module in sorted(nodes):
        if module not in index:
            visit(module)
    return found


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("app", exclude_type_checking_imports=True, cache_dir=None)


def test_no_import_circles() -> None:
    graph = _graph()
    assert _circles(graph.modules, lambda m: graph.find_modules_directly_imported_by(m)
                    & graph.modules) == []


def _core_part(module: str) -> str | None:
    """The core package (or top-level core module) a module belongs to."""
    parts = module.split(".")
    return ".".join(parts[:3]) if parts[:2] == ["app", "core"] and len(parts) > 2 else None


def test_no_import_circles_among_core_packages() -> None:
    """Each core package sits at one level: no package imports one that imports it back,
    however indirectly (a package split across layers shows up here)."""
    graph = _graph()
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        if (part := _core_part(module)) is None:
            continue
        edges.setdefault(part, set()).update(
            other for imported in graph.find_modules_directly_imported_by(module)
            if (other := _core_part(imported)) is not None and other != part)
    assert _circles(edges, lambda p: edges.get(p, set())) == []
