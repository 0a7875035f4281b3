"""Benchmark: `tracker history` and `tracker diff` on an archive of 10,000 versions, start-up included.

Builds (once, in a temporary directory unless --store is given) an archive of 100 documents x 100
versions of a fictional ~8 KB terms text, one clause changed per version, through the real
recording and indexing code; then times the real CLI in fresh processes (median of --runs).

    .venv/bin/python benchmarks/bench_queries.py [--store DIR] [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tracker.archive.index import Index
from tracker.archive.record import index_commits
from tracker.archive.store import NewVersion, Store

DOCS, VERSIONS = 100, 100
CLAUSE = "Section {i}. Members of Larkspur Cloud may keep up to {n} projects for {d} days under this plan."


def text(doc: int, version: int) -> str:
    lines = [f"# Larkspur Cloud terms {doc}", ""]
    for i in range(60):
        n = version if i == version % 60 else i
        lines += [CLAUSE.format(i=i, n=n, d=30 + i), ""]
    return "\n".join(lines)


def build(root: Path) -> None:
    store = Store(root)
    start = datetime(2020, 1, 1, tzinfo=timezone.utc)
    with Index(store.index_path) as index:
        for v in range(VERSIONS):
            batch = [
                NewVersion("larkspur", "Larkspur Cloud", f"Terms {d}", text(d, v), b"", "md",
                           f"https://larkspur.example/terms/{d}", f"https://larkspur.example/terms/{d}",
                           start + timedelta(days=v, seconds=d), 200, "text/markdown", "1",
                           "first" if v == 0 else "changed")
                for d in range(DOCS)
            ]
            store.record(batch)
            index_commits(store, index, store.commits(since=index.get_meta("indexed_head")))


def timed(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    root = args.store or Path(tempfile.mkdtemp(prefix="tracker-bench-queries-"))
    if not (root / "index.sqlite").exists():
        t0 = time.perf_counter()
        build(root)
        print(f"built {DOCS * VERSIONS} versions in {time.perf_counter() - t0:.1f} s at {root}")
    base = [sys.executable, "-m", "tracker", "--store", str(root)]
    print(f"median of {args.runs} runs, fresh process each (start-up included):")
    print(f"  python -c pass                       {timed([sys.executable, '-c', 'pass'], args.runs):7.1f} ms")
    print(f"  tracker --help                       {timed([*base, '--help'], args.runs):7.1f} ms")
    print(f"  tracker history larkspur 'Terms 7'   {timed([*base, 'history', 'larkspur', 'Terms 7'], args.runs):7.1f} ms")
    print(f"  tracker history larkspur (100 docs)  {timed([*base, 'history', 'larkspur'], args.runs):7.1f} ms")
    print(f"  tracker diff larkspur 'Terms 7'      {timed([*base, 'diff', 'larkspur', 'Terms 7'], args.runs):7.1f} ms")
    print("target: history and diff under 300 ms")


if __name__ == "__main__":
    main()
