"""Draw the blind held-out batch j of real version pairs to hand-label (no tracker import).

Usage: python scripts/sample_labels_j.py CONTRIB_CLONE DATING_CLONE [OUT.jsonl]

OUT defaults to sample_j.jsonl in the current directory; the hand labels made from it go to
benchmarks/data/material_labels_j.jsonl (labeller "j"). CONTRIB_CLONE and DATING_CLONE are plain
clones (branch main) of ../shared/data/ota/contrib-versions.bundle and dating-versions.bundle.
Procedure: ``scripts/sample_labels.py`` with seed 20261203 and strata en 60, fr 30, de/other up
to 9, excluding batches a to i.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_labels import draw  # noqa: E402  (the shared sampler beside this script)

if __name__ == "__main__":
    draw("j", seed=20261203, target={'en': 60, 'fr': 30, 'xx': 9})
