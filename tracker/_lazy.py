"""Lazy package exports (PEP 562): a stage's ``__init__`` names its public API without importing
it, so ``import tracker.archive.index`` does not pull in the recorder, the analysis and worker
processes, and read-only commands keep their start-up."""

from __future__ import annotations

import importlib
import sys
from typing import Any, Mapping


def load(package: str, exports: Mapping[str, str], name: str) -> Any:
    """The attribute ``name`` of ``package``, imported from the module ``exports[name]`` on first
    use and kept in the package's namespace. Raises AttributeError for a name not exported."""
    module = exports.get(name)
    if module is None:
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    setattr(sys.modules[package], name, value)
    return value
