"""scripts/train_materiality.py refuses any label glob that reaches a blind batch (p, q, z; x and y became dev data in session 14),
whether or not its files exist yet, before it reads a single pair."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("option", ["--labels", "--test-labels"])
@pytest.mark.parametrize("glob", ["material_labels_[p].jsonl", "material_labels_[y-z].jsonl", "material_labels_z.jsonl",
                                  "material_labels_[a-z].jsonl", "material_labels*.jsonl", "*", "second_labels_q.jsonl"])
def test_a_glob_reaching_a_blind_batch_is_refused(option, glob):
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_materiality.py"), option, glob, "--seeds", ""],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "refusing a glob that matches the blind batches" in done.stderr
    assert "Traceback" not in done.stderr
