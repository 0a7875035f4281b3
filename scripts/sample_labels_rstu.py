"""Draw one of the label batches r, s, t, u, v, w, x, y, z of real version pairs to hand-label (no tracker import).

Usage: python scripts/sample_labels_rstu.py BATCH CONTRIB_CLONE DATING_CLONE [OUT.jsonl]

BATCH is r, s, t, u, v, w, x, y, z, zz, zzz, zzzz, zzzzz or zzzzzz. OUT defaults to sample_BATCH.jsonl in the current directory; the hand labels
made from it go to benchmarks/data/material_labels_BATCH.jsonl. CONTRIB_CLONE and DATING_CLONE are
plain clones (branch main) of ../shared/data/ota/contrib-versions.bundle and dating-versions.bundle.
Procedure: ``scripts/sample_labels.py`` with the batch's seed (``SEEDS``) and strata en 80, fr up
to 8, de/other up to 2, then English again until 90 pairs, excluding the batches labelled before
it and ../shared/data/ota/pairs/. The four were drawn together (session 11, as training data for
the learned decision and category models; p and q stay the held-out set), in the order r, s, t, u,
each excluding the draws before it. v and w were drawn in session 12 (2026-12-02) the same way, as a
fresh blind test of that session's changes before they join the training data; x and y in
session 13 (2026-12-02), likewise. z, drawn in session 14 (2026-12-02) as the next blind test, is
twice the size (180 pairs: en 160, fr up to 16, de/other up to 4), labelled in two halves of 90.
zz, drawn in session 15 (2026-12-02) the same way as z, is the next blind test (the letters ran out); zzz (session 22, 2026-12-03) likewise, labelled
first and then read as the session's fresh dev data after its blind figure was taken. zzzz (session 24,
2026-12-04) is a batch of 90 drawn the same way as r-y, the next blind test; zzzzz (session 25,
2026-12-04) likewise; zzzzzz (session 26, 2026-12-04) likewise, and each later batch of z up to 14 z (session 34, 2026-12-05).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_labels import draw  # noqa: E402  (the shared sampler beside this script)

SEEDS = {"r": 20261211, "s": 20261212, "t": 20261213, "u": 20261214, "v": 20261215, "w": 20261216,
         "x": 20261217, "y": 20261218, "z": 20261219, "zz": 20261220, "zzz": 20261221,
         "zzzz": 20261222, "zzzzz": 20261223, "zzzzzz": 20261224, "zzzzzzz": 20261225, "zzzzzzzz": 20261226, "zzzzzzzzz": 20261227, "zzzzzzzzzz": 20261228, "zzzzzzzzzzz": 20261229, "zzzzzzzzzzzz": 20261230, "zzzzzzzzzzzzz": 20261231, "zzzzzzzzzzzzzz": 20261232, "zzzzzzzzzzzzzzz": 20261233, "zzzzzzzzzzzzzzzz": 20261234, "zzzzzzzzzzzzzzzzz": 20261235}

if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[1] not in SEEDS:
        sys.exit("usage: python scripts/sample_labels_rstu.py {r,s,t,u,v,w,x,y,z,zz,zzz,zzzz,zzzzz,zzzzzz,zzzzzzz,zzzzzzzz,zzzzzzzzz,zzzzzzzzzz,zzzzzzzzzzz,zzzzzzzzzzzz,zzzzzzzzzzzzz,zzzzzzzzzzzzzz,zzzzzzzzzzzzzzz,zzzzzzzzzzzzzzzz,zzzzzzzzzzzzzzzzz} CONTRIB_CLONE DATING_CLONE [OUT.jsonl]")
    batch = sys.argv.pop(1)  # ``draw`` reads the clones and OUT from the rest of the command line
    earlier = [b for b in SEEDS if b < batch]
    double = batch in ("z", "zz", "zzz")  # z and zz are batches of 180: twice the strata of the others
    draw(batch, seed=SEEDS[batch], target={'en': 160, 'fr': 16, 'xx': 4} if double else {'en': 80, 'fr': 8, 'xx': 2},
         total=180 if double else 90,
         exclude_samples=tuple(f"benchmarks/data/sample_{b}.jsonl" for b in earlier))
