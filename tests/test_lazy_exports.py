"""A stage export named like its own module (analysis.analyse, run.decide, archive.verify) stays
the function whatever was imported first (a fresh interpreter, so test order cannot matter)."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import tracker.analysis.analyse, tracker.run.decide, tracker.archive.verify
from tracker.analysis.analyse import SEVERITY_ORDER
from tracker.analysis import analyse
from tracker.run import decide
from tracker.archive import verify
assert all(callable(f) for f in (analyse, decide, verify)), (analyse, decide, verify)
assert analyse("Credits expire after 12 months.", "Credits expire after 6 months.").material
"""


def test_exports_named_like_their_module_stay_functions() -> None:
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
