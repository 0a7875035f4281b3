"""Where the benchmarks and scripts find the shared data: ``<project root>/../shared``.

``$TRACKER_SHARED`` points elsewhere. Nothing in that folder is copied into the repository; a
benchmark whose data is absent says which path it looked for and stops cleanly (exit 0).
Scripts outside ``benchmarks/`` load this file by path (see scripts/train_classifier.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The shared folder: ``$TRACKER_SHARED``, else ``../shared`` next to the project root."""
    return Path(os.environ.get("TRACKER_SHARED") or ROOT.parent / "shared")


def shared_data(relative: str) -> Path:
    """``<shared>/data/<relative>`` (not checked: see ``require``)."""
    return shared_dir() / "data" / relative


def require(relative: str) -> Path:
    """``shared_data(relative)``, or exit 0 with "skipped: <path> not found (set TRACKER_SHARED)"."""
    path = shared_data(relative)
    if not path.exists():
        shown = path if os.environ.get("TRACKER_SHARED") else Path("..", "shared", "data", relative)
        print(f"skipped: {shown} not found (the shared data folder; set TRACKER_SHARED to use another)")
        sys.exit(0)
    return path
