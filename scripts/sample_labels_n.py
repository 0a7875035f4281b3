"""Draw the blind held-out batch n of real version pairs to hand-label (no tracker import).

Usage: python scripts/sample_labels_n.py CONTRIB_CLONE DATING_CLONE [OUT.jsonl]

OUT defaults to sample_n.jsonl in the current directory; the hand labels made from it go to
benchmarks/data/material_labels_n.jsonl (labeller "n"). CONTRIB_CLONE and DATING_CLONE are plain
clones (branch main) of ../shared/data/ota/contrib-versions.bundle and dating-versions.bundle.
Procedure: ``scripts/sample_labels.py`` with seed 20261207 and strata en 80, fr up to 8,
de/other up to 2 (the French and German pools are nearly exhausted), then English again until
90 pairs, excluding batches a to m and ../shared/data/ota/pairs/.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_labels import draw  # noqa: E402  (the shared sampler beside this script)

if __name__ == "__main__":
    draw("n", seed=20261207, target={'en': 80, 'fr': 8, 'xx': 2}, total=90)
