"""Benchmark: import an Open Terms Archive versions repository (git bundle) into a new store.

    .venv/bin/python benchmarks/bench_import.py [BUNDLE] [--profile]

Default bundle: ../shared/data/ota/dating-versions.bundle (1,031 commits, 26 services; the shared
folder is $TRACKER_SHARED when set).
Prints wall time (clone excluded), peak memory (ru_maxrss of this process),
the time of each phase, the time for the first and for the second half of the commits (the
second half is imported incrementally on top of the first: cost per commit should stay flat),
and the share of versions labelled material / revert / cosmetic. Targets: < 60 s, < 500 MB.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _shared import shared_data  # noqa: E402

from tracker.ota.history import import_history  # noqa: E402
from tracker.archive.index import Index  # noqa: E402
from tracker.archive.store import Store  # noqa: E402

DEFAULT_BUNDLE = shared_data("ota/dating-versions.bundle")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=DEFAULT_BUNDLE)
    parser.add_argument("--branch", default="main")
    parser.add_argument("--profile", action="store_true", help="cProfile the import; print the top functions")
    args = parser.parse_args()
    if not args.bundle.exists():
        print(f"skipped: {args.bundle} not found; nothing to benchmark (set TRACKER_SHARED)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "source"
        subprocess.run(["git", "clone", "-q", "-b", args.branch, str(args.bundle), str(repo)], check=True)
        commits = subprocess.run(["git", "rev-list", "--date-order", "--reverse", "HEAD"], cwd=repo,
                                 capture_output=True, text=True, check=True).stdout.split()
        middle = commits[len(commits) // 2 - 1]
        store = Store(Path(tmp) / "store")
        store.init()
        index = Index(store.index_path)
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        started = time.perf_counter()
        first = import_history(store, index, repo, rev=middle)
        half = time.perf_counter()
        clause_changes = [index.conn.execute("SELECT COUNT(*) FROM changes").fetchone()[0]]
        second = import_history(store, index, repo)
        ended = time.perf_counter()
        clause_changes.append(index.conn.execute("SELECT COUNT(*) FROM changes").fetchone()[0] - clause_changes[0])
        if profiler:
            profiler.disable()
        versions = index.conn.execute(
            "SELECT COUNT(*), SUM(seq > 1), SUM(material = 1), SUM(kind = 'revert'), SUM(severity = 'cosmetic') "
            "FROM versions"
        ).fetchone()
        services = index.conn.execute("SELECT COUNT(*) FROM services").fetchone()[0]
        index.close()
        rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        total, changes, material, reverts, cosmetic = (v or 0 for v in versions)

        def share(n: int) -> str:
            return f"{n} ({100 * n / changes:.1f}% of {changes} changes)" if changes else str(n)

        print(f"bundle               {args.bundle} ({len(commits)} commits)")
        print(f"wall time            {ended - started:.2f} s (target < 60 s)")
        print(f"peak memory          {rss_self:.0f} MB (ru_maxrss of the python process; target < 500 MB)")
        halves = (("first half", first, half - started, clause_changes[0]),
                  ("second half", second, ended - half, clause_changes[1]))
        for name, r, seconds, n_changes in halves:
            per = 1000 * seconds / max(r.commits, 1)
            per_change = 1000 * r.seconds_index / max(n_changes, 1)
            print(f"{name:<20} {seconds:.2f} s for {r.commits} commits ({per:.1f} ms/commit): read {r.seconds_read:.2f} s, "
                  f"record {r.seconds_record:.2f} s, index+analyse {r.seconds_index:.2f} s; "
                  f"{r.versions} versions, {r.unchanged} formatting-only; {n_changes} clause changes "
                  f"({per_change:.2f} ms of analysis each)")
        print(f"services, versions   {services}, {total}")
        print(f"material             {share(material)}")
        print(f"revert               {share(reverts)}")
        print(f"cosmetic             {share(cosmetic)}")
        if profiler:
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
            print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
