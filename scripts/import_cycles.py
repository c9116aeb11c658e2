#!/usr/bin/env python3
"""Import cycles and backward imports in the core, read from the source with `ast` (nothing is imported).

    python scripts/import_cycles.py

Fails (exit 1) when a module cycle exists among `akhbar`, `assets` and `pipelines` (imports inside
functions count too), or when an import points against the layers: `pipelines` -> `assets` ->
`akhbar`, and inside the core the stage order of `LAYERS` (a subpackage may import only its own
modules and the subpackages before it).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pipelines", "assets", "akhbar")  # each may import only the ones after it
# The core's subpackages in the order a document goes through them; each may import only earlier ones.
LAYERS = ("text", "lexicons", "tables", "ingest", "clean", "extract", "lake", "warehouse", "run", "sql")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """Project modules imported anywhere in `path` (`from a.b import c` counts a.b.c when c is a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return {m for m in found if m in modules}


def layer(module: str) -> tuple[int, int]:
    parts = module.split(".")
    top = PACKAGES.index(parts[0])
    sub = LAYERS.index(parts[1]) if parts[0] == "akhbar" and len(parts) > 1 and parts[1] in LAYERS else -1
    return top, sub


def main() -> int:
    files = {module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}
    modules = set(files)
    graph = {m: imports_of(p, modules) - {m} for m, p in files.items()}
    problems = []
    for m, deps in sorted(graph.items()):
        for d in sorted(deps):
            (mt, ms), (dt, ds) = layer(m), layer(d)
            if dt < mt or (mt == dt == 2 and ds > ms and ms >= 0):
                problems.append(f"backward import: {m} -> {d}")
    # cycles: depth-first search over the module graph (a package importing its own __init__ is not one)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for d in sorted(graph[m]):
            if m.startswith(d + "."):
                continue
            if state.get(d) == 1:
                problems.append("cycle: " + " -> ".join(stack[stack.index(d) :] + [d]))
            elif d not in state:
                visit(d)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    for p in problems:
        print(p)
    print(f"{len(graph)} modules, {sum(map(len, graph.values()))} imports, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
