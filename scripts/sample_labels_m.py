"""Draw the blind held-out batch m of real version pairs to hand-label (no tracker import).

Usage: python scripts/sample_labels_m.py CONTRIB_CLONE DATING_CLONE [OUT.jsonl]

OUT defaults to sample_m.jsonl in the current directory; the hand labels made from it go to
benchmarks/data/material_labels_m.jsonl (labeller "m"). CONTRIB_CLONE and DATING_CLONE are plain
clones (branch main) of ../shared/data/ota/contrib-versions.bundle and dating-versions.bundle.
Procedure: ``scripts/sample_labels.py`` with seed 20261206 and strata en 76, fr up to 12,
de/other up to 2 (batch l found only 16 French and no German/other pairs left, so these take what
remains), then English again until 90 pairs, excluding batches a to l and ../shared/data/ota/pairs/.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_labels import draw  # noqa: E402  (the shared sampler beside this script)

if __name__ == "__main__":
    draw("m", seed=20261206, target={'en': 76, 'fr': 12, 'xx': 2}, total=90)
