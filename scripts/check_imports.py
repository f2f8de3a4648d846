"""The house's import rules, checked from the source alone (``make lint`` runs it).

1. No import cycle between modules of ``src/`` (imports under ``if TYPE_CHECKING:`` are annotations only
   and do not count).
2. An app imports only its own floor or lower ones (``FLOORS`` below, top floor first);
   ``ALLOWED_UPWARD`` names the exceptions, each one explained in ``docs/architecture.md``.
3. No import inside a function of another module of the project, except in ``AppConfig.ready()`` where an
   app registers its rules. A heavy optional library may still be imported in a function, with a comment.

Prints every breach and exits 1 if there is one.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "nangsuat"

# Top floor first; apps on one floor may import each other (without a cycle).
FLOORS: tuple[tuple[str, ...], ...] = (
    ("demo",),
    ("reports",),
    ("indicators", "showcase", "productivity", "budget"),
    ("contracts",),
    ("documents",),
    ("councils", "notifications"),
    ("dossiers", "accounts", "portal", "activities"),
    ("registry",),
    ("api", "reference"),
    ("core",),
)
# Modules that wire the house together and stand outside the floors.
OUTSIDE = {"settings", "urls", "wsgi", "__main__", "__init__"}
ALLOWED_UPWARD: set[tuple[str, str]] = set()

FLOOR_OF = {app: i for i, apps in enumerate(FLOORS) for app in apps}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def resolve(module: str, is_package: bool, node: ast.ImportFrom | ast.Import) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level == 0:
        base = node.module or ""
    else:
        parts = module.split(".")
        keep = len(parts) - node.level + (1 if is_package else 0)
        base = ".".join(parts[:keep] + ([node.module] if node.module else []))
    # "from x import y" may name a submodule y; the caller keeps the names that are modules.
    return [base] + [f"{base}.{alias.name}" for alias in node.names]


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class Collector(ast.NodeVisitor):
    def __init__(self) -> None:
        self.imports: list[tuple[ast.AST, bool, str]] = []  # node, inside a function, function name
        self._functions: list[str] = []

    def visit_If(self, node: ast.If) -> None:
        if is_type_checking(node.test):
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._functions.append(node.name)
        self.generic_visit(node)
        self._functions.pop()

    visit_FunctionDef = _function
    visit_AsyncFunctionDef = _function

    def _import(self, node: ast.Import | ast.ImportFrom) -> None:
        self.imports.append((node, bool(self._functions), self._functions[-1] if self._functions else ""))

    visit_Import = _import
    visit_ImportFrom = _import


def main() -> int:
    files = {module_name(p): p for p in ROOT.rglob("*.py") if "migrations" not in p.parts}
    modules = set(files)
    edges: dict[str, set[str]] = defaultdict(set)
    breaches: list[str] = []
    for module, path in sorted(files.items()):
        collector = Collector()
        collector.visit(ast.parse(path.read_text(), str(path)))
        for node, in_function, function in collector.imports:
            targets = [t for t in resolve(module, path.name == "__init__.py", node) if t in modules]
            targets = [t for t in targets if t.startswith(PACKAGE + ".") and t != module]
            if not targets:
                continue
            where = f"{path.relative_to(ROOT.parent)}:{node.lineno}"
            if in_function and not (function == "ready" and module.endswith(".apps")):
                breaches.append(f"{where}: import inside {function}() of {', '.join(sorted(set(targets)))}")
            for target in targets:
                edges[module].add(target)
                source_app, target_app = app_of(module), app_of(target)
                if source_app in OUTSIDE or target_app in OUTSIDE or source_app == target_app:
                    continue
                if source_app not in FLOOR_OF or target_app not in FLOOR_OF:
                    breaches.append(f"{where}: app {source_app or target_app!r} is on no floor")
                elif FLOOR_OF[target_app] < FLOOR_OF[source_app] and (source_app, target_app) not in (
                    ALLOWED_UPWARD
                ):
                    breaches.append(f"{where}: {source_app} imports {target} from a floor above")
    breaches += [f"import cycle: {' -> '.join(cycle)}" for cycle in cycles(edges)]
    for line in breaches:
        print(line)
    print(f"{len(files)} modules, {sum(map(len, edges.values()))} imports, {len(breaches)} breach(es)")
    return 1 if breaches else 0


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each listed in order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


if __name__ == "__main__":
    sys.exit(main())
