"""The package layout: stage packages import each other in one direction only.

Every ``import tracker.X`` / ``from tracker.X import ...`` counts, including those inside
functions: a function-local import is still a dependency, only a later one.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import tracker

ROOT = Path(tracker.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("tracker"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tracker") and not node.level:
            found.add(node.module)
            # `from tracker.fetch import guards` imports the module tracker.fetch.guards
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                if (ROOT.parent / candidate.replace(".", "/")).with_suffix(".py").exists():
                    found.add(candidate)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in ROOT.rglob("*.py")}
    return {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}


def _stage(module: str) -> str:
    """``tracker.fetch.http`` -> ``fetch``; top-level modules (errors, records, ...) are their own stage."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "(package)"


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_module_imports_itself_back() -> None:
    assert _cycle(_graph()) is None


def test_stage_packages_form_no_cycle() -> None:
    stages: dict[str, set[str]] = {}
    for module, deps in _graph().items():
        if module == "tracker":  # the public API re-exports lazily from every stage
            continue
        stages.setdefault(_stage(module), set()).update(
            _stage(d) for d in deps if _stage(d) != _stage(module) and d != "tracker")
    assert _cycle(stages) is None, stages


def test_every_stage_has_exports() -> None:
    for package in ("sources", "fetch", "extract", "archive", "analysis", "run", "publish", "ota", "cli"):
        init = ROOT / package / "__init__.py"
        assert init.exists(), package
        assert "__all__" in init.read_text(encoding="utf-8"), f"tracker/{package}/__init__.py has no __all__"


def test_cli_imports_stay_light() -> None:
    """`import tracker.cli` pulls in no heavy library: those load when a command needs them."""
    code = ("import sys, tracker.cli; heavy = [m for m in ('aiohttp', 'selectolax', 'html_to_markdown', "
            "'rapidfuzz', 'jinja2', 'feedgen', 'sqlite_utils', 'rich', 'diff_match_patch', 'pypdfium2') "
            "if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_python_api_sits_above_every_stage() -> None:
    """tracker.api may use any stage; only the command line (a client of the API) imports it,
    and tracker.text (used by every stage) imports nothing of the project."""
    graph = _graph()
    importers = {module for module, deps in graph.items() if "tracker.api" in deps}
    assert importers and all(m.startswith("tracker.cli") for m in importers), importers
    assert not any(d.startswith("tracker.cli") for d in graph["tracker.api"])
    assert graph["tracker.text"] == set()


def test_exports_are_what_they_say_after_every_module_is_loaded() -> None:
    """A lazily exported function named like its module must not be shadowed by the module once
    someone imports that module (the import system sets the package attribute to it)."""
    code = """
import importlib, pkgutil, types
for stage in ("sources", "fetch", "extract", "archive", "analysis", "run", "publish", "ota"):
    package = importlib.import_module("tracker." + stage)
    for info in pkgutil.iter_modules(package.__path__):
        if info.name != "browser":
            importlib.import_module(f"tracker.{stage}.{info.name}")
    for name in package.__all__:
        assert not isinstance(getattr(package, name), types.ModuleType), (stage, name)
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr
