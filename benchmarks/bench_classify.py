"""Time classifying 10,000 sentences, this tree against another commit, one process per run.

    .venv/bin/python benchmarks/bench_classify.py [--compare REF] [--runs N]

Each run is a fresh process that loads the model, classifies one warm-up sentence, clears the
caches and times ``classify_many`` over 10,000 distinct CLAUDETTE sentences (``"<i> <text>"``,
as ``benchmarks/quality.py speed`` builds them) from ../shared (or TRACKER_SHARED) with
``time.process_time``. The two trees alternate run by run (``--runs``, default 7, each), so load
on the machine hits both alike; printed: each tree's CPU median and every run. REF (default
``HEAD``) is unpacked with ``git archive`` into a temporary folder; each tree keeps its built
model in its own cache folder there. Labels are not compared here: ``label_snapshot.py`` does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from _shared import require  # noqa: E402

CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from tracker.analysis.classify import classify_many, classify_text, clear_caches
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
texts = [f"{i} {texts[i % len(texts)]}" for i in range(10_000)]
classify_text("warm up the model")
clear_caches()
t0 = time.process_time()
classify_many(texts)
print(time.process_time() - t0)
"""


def run(tree: Path, data: Path, cache: Path) -> float:
    """CPU seconds of one cold classification of the 10,000 sentences with ``tree``'s code."""
    env = dict(os.environ, TRACKER_CACHE_DIR=str(cache), PYTHONPATH=str(tree))
    out = subprocess.run([sys.executable, "-c", CHILD, str(tree), str(data)], env=env,
                         capture_output=True, text=True, check=True, cwd=tree)
    return float(out.stdout.split()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--compare", default="HEAD", metavar="REF", help="the other tree (default HEAD)")
    ap.add_argument("--runs", type=int, default=7, help="runs of each tree, alternating (default 7)")
    args = ap.parse_args()
    data = require("claudette/unfair_tos_trainval.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        ref = Path(tmp) / "ref"
        ref.mkdir()
        archive = subprocess.run(["git", "archive", args.compare], cwd=ROOT, capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(ref)], input=archive, check=True)
        trees = {args.compare: ref, "this tree": ROOT}
        times: dict[str, list[float]] = {name: [] for name in trees}
        for _ in range(args.runs):
            for name, tree in trees.items():
                times[name].append(run(tree, data, Path(tmp) / f"cache-{name.replace(' ', '-')}"))
        for name, xs in times.items():
            print(f"{name}: classify 10,000 sentences: CPU median {statistics.median(xs):.2f} s "
                  f"(runs {' '.join(f'{x:.2f}' for x in xs)})")


if __name__ == "__main__":
    main()
