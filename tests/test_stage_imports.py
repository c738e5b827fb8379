"""The stages import one another in one direction: no circle, not even one hidden behind
`if TYPE_CHECKING:` or inside a function (import-linter leaves those out), so the
folder reads in flow order and `Options` lives apart from the entry that uses it."""

from __future__ import annotations

import ast
from pathlib import Path

STAGES = Path(__file__).resolve().parent.parent / "briefing" / "stages"


def _imports(path: Path) -> set[str]:
    """The `briefing.stages` modules a module imports anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        found.update(n.split(".")[2] for n in names if n.startswith("briefing.stages."))
    return found - {path.stem}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle, each as the path that closes it."""
    found: list[list[str]] = []

    def walk(node: str, path: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt in path:
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt > path[0]:  # each circle once, from its smallest module
                walk(nxt, [*path, nxt])

    for start in sorted(graph):
        walk(start, [start])
    return found


def test_cycles_finds_a_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle_in_the_stages() -> None:
    graph = {p.stem: _imports(p) for p in STAGES.glob("*.py")}
    assert cycles(graph) == []
