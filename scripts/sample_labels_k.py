"""Draw the blind held-out batch k of real version pairs to hand-label (no tracker import).

Usage: python scripts/sample_labels_k.py CONTRIB_CLONE DATING_CLONE [OUT.jsonl]

OUT defaults to sample_k.jsonl in the current directory; the hand labels made from it go to
benchmarks/data/material_labels_k.jsonl (labeller "k"). CONTRIB_CLONE and DATING_CLONE are plain
clones (branch main) of ../shared/data/ota/contrib-versions.bundle and dating-versions.bundle.
Procedure: ``scripts/sample_labels.py`` with seed 20261204 and strata en 66, fr up to 20,
de/other up to 4 (batch j found only 22 French and 3 German/other pairs left, so these take what
remains), then English again until 90 pairs, excluding batches a to j.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_labels import draw  # noqa: E402  (the shared sampler beside this script)

if __name__ == "__main__":
    draw("k", seed=20261204, target={'en': 66, 'fr': 20, 'xx': 4}, total=90)
