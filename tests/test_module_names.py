"""No module of the analysis assigns one module-level name twice: the later assignment silently
replaces the earlier for every function that reads it (sessions 28-29 found ``_LIMITERS`` and
``_DAYS`` so shadowed in materiality.py)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

import tracker.analysis

ANALYSIS = Path(tracker.analysis.__file__).parent


@pytest.mark.parametrize("module", sorted(p.name for p in ANALYSIS.glob("*.py")))
def test_no_module_level_name_is_assigned_twice(module: str) -> None:
    tree = ast.parse((ANALYSIS / module).read_text(encoding="utf-8"))
    names: Counter[str] = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names[node.name] += 1
    # a pattern extended in place on purpose (``X = re.compile(X.pattern + ...)``) reads itself
    extended = {n.targets[0].id for n in tree.body if isinstance(n, ast.Assign) and len(n.targets) == 1
                and isinstance(n.targets[0], ast.Name)
                and any(isinstance(x, ast.Name) and x.id == n.targets[0].id for x in ast.walk(n.value))}
    twice = sorted(n for n, k in names.items() if k > 1 and n not in extended)
    assert not twice, f"{module}: assigned more than once at module level: {twice}"
