"""Draw the blind held-out batch o of real version pairs to hand-label (no tracker import).

Usage: python scripts/sample_labels_o.py CONTRIB_CLONE DATING_CLONE [OUT.jsonl]

OUT defaults to sample_o.jsonl in the current directory; the hand labels made from it go to
benchmarks/data/material_labels_o.jsonl (labeller "o"). CONTRIB_CLONE and DATING_CLONE are plain
clones (branch main) of ../shared/data/ota/contrib-versions.bundle and dating-versions.bundle.
Procedure: ``scripts/sample_labels.py`` with seed 20261208 and strata en 80, fr up to 8,
de/other up to 2, then English again until 90 pairs, excluding batches a to n and
../shared/data/ota/pairs/. Batch n was drawn at the same time (its labels not yet committed), so
its draw, ``benchmarks/data/sample_n.jsonl``, is excluded as well.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_labels import draw  # noqa: E402  (the shared sampler beside this script)

if __name__ == "__main__":
    draw("o", seed=20261208, target={'en': 80, 'fr': 8, 'xx': 2}, total=90,
         exclude_samples=("benchmarks/data/sample_n.jsonl",))
