"""The package's shape: layers import only downward, no cycles, small modules and functions.

Data flows one way, text -> Article -> detectors -> findings -> show / learn / teach
(docs/architecture.md). These tests read the source with ``ast`` (nothing is imported),
so an upward import fails here even when it hides inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "medialit"

# Lower numbers are lower layers. A module may import from its own layer or below.
LAYERS: dict[str, int] = {
    "_version": 0,
    "_util": 0,
    "errors": 0,
    "vocab": 0,
    "text": 2,
    "detect": 3,
    "findings": 4,
    "show": 5,
    "learn": 6,
    "teach": 7,
    "cli": 8,
    "__main__": 8,
    "__init__": 9,
}

MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80
# A longer function says why in its docstring with this phrase.
LONG_REASON = "Long because"


def _modules() -> dict[str, Path]:
    """Dotted name inside medialit (``detect.hedges``) -> file."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _layer(module: str) -> int:
    return LAYERS[module.split(".")[0]]


def _package_of(module: str, path: Path) -> list[str]:
    parts = module.split(".") if module != "__init__" else []
    return parts if path.name == "__init__.py" else parts[:-1]


def _type_only(tree: ast.Module) -> set[int]:
    """Ids of the import nodes under ``if TYPE_CHECKING:``: names for type hints only."""
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            ids |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return ids


def _imports(module: str, path: Path, *, runtime_only: bool = False) -> set[str]:
    """Every medialit module ``module`` imports, at the top or inside a function.

    ``runtime_only`` leaves out imports made only for type hints (under TYPE_CHECKING).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    known = _modules()
    skip = _type_only(tree) if runtime_only else set()
    targets: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(module, path)
                base = base[: len(base) - (node.level - 1)]
            elif node.module and node.module.split(".")[0] == "medialit":
                base, node_module = [], node.module.split(".", 1)[1:]
                node = ast.ImportFrom(".".join(node_module) or None, node.names, 1)
            else:
                continue
            stem = base + (node.module.split(".") if node.module else [])
            for alias in node.names:
                candidate = ".".join([*stem, alias.name])
                target = candidate if candidate in known else ".".join(stem)
                if target and target in known:
                    targets.add(target)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("medialit."):
                    targets.add(alias.name.split(".", 1)[1])
    targets.discard(module)
    return targets


GRAPH = {name: _imports(name, path) for name, path in _modules().items()}
RUNTIME_GRAPH = {
    name: _imports(name, path, runtime_only=True) for name, path in _modules().items()
}


def test_every_top_level_name_has_a_layer():
    assert {name.split(".")[0] for name in GRAPH} <= set(LAYERS)


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_only_go_down(module):
    upward = sorted(t for t in GRAPH[module] if _layer(t) > _layer(module))
    assert not upward, f"medialit.{module} imports from a higher layer: {upward}"


def test_no_import_cycles():
    seen: dict[str, int] = {}  # 1 = on the current path, 2 = done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(RUNTIME_GRAPH.get(node, ())):
            # A package's __init__ importing its own modules is how packages work.
            if node and nxt.startswith(node + ".") and _modules()[node].name == "__init__.py":
                continue
            if seen.get(nxt) == 1:
                cycles.append([*path, nxt])
            elif nxt not in seen:
                visit(nxt, [*path, nxt])
        seen[node] = 2

    for start in sorted(RUNTIME_GRAPH):
        if start not in seen:
            visit(start, [start])
    assert not cycles, f"import cycles: {cycles}"


def test_the_checker_sees_an_upward_import(tmp_path):
    """The rule is real: a detector importing the renderer would be caught."""
    fake = tmp_path / "fake.py"
    fake.write_text("def f():\n    from ..show.render import highlight\n")
    assert "show.render" in _imports("detect.fake", fake)


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_modules_stay_small(module):
    lines = _modules()[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"medialit.{module} has {lines} lines"


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_long_functions_say_why(module):
    tree = ast.parse(_modules()[module].read_text(encoding="utf-8"))
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
        and LONG_REASON not in (ast.get_docstring(node) or "")
    ]
    assert not long, f"medialit.{module}: long functions without a reason: {long}"
