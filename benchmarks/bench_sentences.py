"""Hand-run benchmark of `tracker.analysis.clauses.split_sentences` on real paragraphs.

Run: PYTHONPATH=. .venv/bin/python benchmarks/bench_sentences.py [--files 400] [--rounds 3]

Why: every clause of every version goes through split_sentences, and it now looks for a numbered
list run into a paragraph ("you will not 1. resell ...; 2. ...") before it splits. Reads the
first ``--files`` Markdown files under the shared folder (``_shared.shared_dir()``; skipped
cleanly when absent), splits every blank-line paragraph ``--rounds`` times and prints the CPU
seconds (process time), so two checkouts compare side by side in one shell under the same load.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import shared_dir  # noqa: E402

from tracker.analysis.clauses import split_sentences  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    files = sorted(shared_dir().glob("**/*.md"))[:args.files]
    if not files:
        print(f"skipped: no Markdown files under {shared_dir()} (set TRACKER_SHARED)")
        return
    paragraphs = [p for f in files for p in f.read_text(encoding="utf-8", errors="replace").split("\n\n")]
    started = time.process_time()
    for _ in range(args.rounds):
        for p in paragraphs:
            split_sentences(p)
    print(f"{len(paragraphs)} paragraphs of {len(files)} files, {args.rounds} rounds: "
          f"{time.process_time() - started:.3f} s CPU")


if __name__ == "__main__":
    main()
