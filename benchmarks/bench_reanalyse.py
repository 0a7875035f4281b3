"""Benchmark and done-when check: `tracker reanalyse` of a history gives the index a fresh import gives.

    .venv/bin/python benchmarks/bench_reanalyse.py [BUNDLE] [--commits N] [--repeats K] [--no-dask]

Default bundle: ../shared/data/ota/dating-versions.bundle (1,031 commits; the shared folder is
$TRACKER_SHARED when set). Imports the history (or its first N commits) into a new store with
this code, keeps the rows the analysis produced (each version's labels, summary, categories and
clause changes, keyed by document and sequence number), then K times: wipes every version's
analysis (as if older code had labelled it: labels, summary and clause changes gone, analysis
version old) and runs `reanalyse`, once with the local process pool and, with the dask extra
installed, once on a `distributed.LocalCluster` of 2 worker processes (1 thread each). Prints
each reanalyse's wall time (medians over K), and whether the index equals the fresh import's
(exit 1 if not).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _shared import require  # noqa: E402

from tracker.analysis.executor import DaskCluster, LocalPool  # noqa: E402
from tracker.archive.index import Index  # noqa: E402
from tracker.archive.reanalyse import reanalyse  # noqa: E402
from tracker.archive.store import Store  # noqa: E402
from tracker.ota.history import import_history  # noqa: E402


def analysis_rows(path: Path) -> dict[str, Any]:
    """Each version's analysis columns and clause changes, keyed by document and seq."""
    conn = sqlite3.connect(path)
    try:
        keys = dict(conn.execute("SELECT commit_sha, document_key || '#' || seq FROM versions"))
        versions = {keys[r[0]]: r[1:] for r in conn.execute(
            "SELECT commit_sha, kind, revert_of, changes, material, severity, categories, summary, unchanged, "
            "analysis_version FROM versions")}
        changes: dict[str, list[tuple]] = {}
        for r in conn.execute("SELECT commit_sha, n, kind, clause_id, heading, before, after, material, severity, "
                              "categories, explanation, cosmetic FROM changes ORDER BY commit_sha, n"):
            changes.setdefault(keys[r[0]], []).append(r[1:])
        return {"versions": versions, "changes": changes}
    finally:
        conn.close()


def wipe(path: Path) -> None:
    """Every version as if an older analysis had labelled it (nothing of its labels left)."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM changes")
        conn.execute("UPDATE versions SET changes = 0, material = 0, severity = 'none', categories = '[]', "
                     "summary = 'stale', analysis_version = '0-old'")
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=None)
    parser.add_argument("--branch", default="main")
    parser.add_argument("--commits", type=int, default=0, help="import only the first N commits (0: all)")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--no-dask", action="store_true", help="skip the LocalCluster measurement")
    args = parser.parse_args()
    bundle = args.bundle or require("ota/dating-versions.bundle")
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "source"
        subprocess.run(["git", "clone", "-q", "-b", args.branch, str(bundle), str(repo)], check=True)
        commits = subprocess.run(["git", "rev-list", "--date-order", "--reverse", "HEAD"], cwd=repo,
                                 capture_output=True, text=True, check=True).stdout.split()
        rev = commits[args.commits - 1] if 0 < args.commits < len(commits) else "HEAD"
        store = Store(Path(tmp) / "store")
        store.init()
        started = time.perf_counter()
        with Index(store.index_path) as index:
            result = import_history(store, index, repo, rev=rev)
        imported = time.perf_counter() - started
        fresh = analysis_rows(store.index_path)
        print(f"history              {bundle} up to {rev[:12]} ({result.commits} commits, "
              f"{len(fresh['versions'])} versions)")
        print(f"fresh import         {imported:.1f} s (local pool)")
        executors: list[tuple[str, Any]] = [("local pool", LocalPool)]
        cluster = None
        if not args.no_dask:
            try:
                from distributed import LocalCluster
            except ImportError:
                print("LocalCluster         skipped: the dask extra is not installed (pip install -e '.[dask]')")
            else:
                cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=":0", silence_logs=40)
                address = cluster.scheduler_address
                executors.append(("LocalCluster 2x1", lambda: DaskCluster(address)))
        same = True
        try:
            for name, make in executors:
                times = []
                for _ in range(args.repeats):
                    wipe(store.index_path)
                    with make() as executor, Index(store.index_path) as index:
                        done = reanalyse(store, index, executor=executor)
                    times.append(done.seconds)
                    equal = analysis_rows(store.index_path) == fresh
                    same = same and equal
                print(f"reanalyse {name:<18} {statistics.median(times):.1f} s median of {len(times)} "
                      f"({', '.join(f'{t:.1f}' for t in times)}); {done.done} versions, {done.labels_changed} "
                      f"changed labels; index equals the fresh import: {'yes' if equal else 'NO'}")
        finally:
            if cluster is not None:
                cluster.close()
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
