"""Draw the blind held-out batch l of real version pairs to hand-label (no tracker import).

Usage: python scripts/sample_labels_l.py CONTRIB_CLONE DATING_CLONE [OUT.jsonl]

OUT defaults to sample_l.jsonl in the current directory; the hand labels made from it go to
benchmarks/data/material_labels_l.jsonl (labeller "l"). CONTRIB_CLONE and DATING_CLONE are plain
clones (branch main) of ../shared/data/ota/contrib-versions.bundle and dating-versions.bundle.
Procedure: ``scripts/sample_labels.py`` with seed 20261205 and strata en 70, fr up to 16,
de/other up to 4 (batch k found only 17 French and 3 German/other pairs left, so these take what
remains), then English again until 90 pairs, excluding batches a to k and ../shared/data/ota/pairs/.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_labels import draw  # noqa: E402  (the shared sampler beside this script)

if __name__ == "__main__":
    draw("l", seed=20261205, target={'en': 70, 'fr': 16, 'xx': 4}, total=90)
