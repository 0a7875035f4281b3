"""Draw the label batch s of real version pairs to hand-label (no tracker import).

Usage: python scripts/sample_labels_s.py CONTRIB_CLONE DATING_CLONE [OUT.jsonl]

OUT defaults to sample_s.jsonl in the current directory; the hand labels made from it go to
benchmarks/data/material_labels_s.jsonl (labeller "s"). CONTRIB_CLONE and DATING_CLONE are plain
clones (branch main) of ../shared/data/ota/contrib-versions.bundle and dating-versions.bundle.
Procedure: ``scripts/sample_labels.py`` with seed 20261212 and strata en 80, fr up to 8,
de/other up to 2, then English again until 90 pairs, excluding the batches labelled before it and
../shared/data/ota/pairs/. Batches r, s, t and u were drawn together (session 11, as training data
for the learned decision and category models; p and q stay the held-out set), in that order, each
excluding the draws before it.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_labels import draw  # noqa: E402  (the shared sampler beside this script)

if __name__ == "__main__":
    draw("s", seed=20261212, target={'en': 80, 'fr': 8, 'xx': 2}, total=90,
         exclude_samples=("benchmarks/data/sample_r.jsonl", ))
