"""Check that two trees recorded the same in bench_run's nonce scenario: the proof an output-identical
speed-up of the run path (issue 14) changed nothing recorded.

Run: .venv/bin/python benchmarks/nonce_stores_identity.py DIR
     (DIR: the work folder of `bench_run.py --only nonce --baseline TREE --keep DIR`, whose two
     stores, nonce-store<N> and nonce-store<N>-baseline, saw the same pages in the same order)
     .venv/bin/python benchmarks/nonce_stores_identity.py STORE_A STORE_B

Compared, each as a multiset (versions of one batch reach git in the order their pages arrive):
  - the commits: message and files changed (``git log --stat``), fetch times masked;
  - the files each commit wrote, with their blobs, but the raw pages' (per-request noise);
  - every index table's rows, with times, commit shas, row ids, durations, the hash of the raw
    bytes (noise) and ``analysis_version`` (a digest of the analysis package's source, which any
    edit of it moves) masked; ``meta.indexed_head`` and the full-text index's internal tables left out.
Exit status 1 when anything differs (the first rows that differ are printed).
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?")
SHA = re.compile(r"\b[0-9a-f]{40}\b")
MASKED = {"duration_ms", "seq", "id", "run_id", "version_id", "raw_hash", "analysis_version"}
FTS_INTERNAL = ("_data", "_idx", "_docsize", "_config", "_content")


def _git(store: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(store / "archive"), *args], capture_output=True, text=True,
                          check=True).stdout


def commits(store: Path) -> Counter[str]:
    """Each commit's message and file list, fetch times masked."""
    out = _git(store, "log", "--format=%x00%B", "--stat=200", "--no-renames")
    return Counter(TIME.sub("T", c) for c in out.split("\x00") if c.strip())


def files(store: Path) -> Counter[str]:
    """Each file a commit wrote, with its blob (a raw page's blob masked: its noise differs)."""
    out = _git(store, "log", "--format=", "--raw", "--no-abbrev")
    found: Counter[str] = Counter()
    for line in out.splitlines():
        if line.strip():
            path = line.split("\t")[-1]
            found[f"{path} {'raw' if '/.raw/' in '/' + path else line.split()[3]}"] += 1
    return found


def tables(store: Path) -> dict[str, Counter[str]]:
    """Each index table's rows, masked as the module doc says."""
    db = sqlite3.connect(store / "index.sqlite")
    try:
        names = [r[0] for r in db.execute("select name from sqlite_master where type='table'")]
        out: dict[str, Counter[str]] = {}
        for name in names:
            if "fts" in name and name.endswith(FTS_INTERNAL):
                continue
            cols = [r[1] for r in db.execute(f"pragma table_info('{name}')")]
            rows: Counter[str] = Counter()
            for row in db.execute(f"select * from '{name}'"):
                values = dict(zip(cols, row))
                if name == "meta" and values.get("key") == "indexed_head":
                    continue
                for col, value in values.items():
                    if col in MASKED or col.endswith("_at") or "time" in col:
                        values[col] = "~"
                    elif isinstance(value, str):
                        values[col] = SHA.sub("SHA", TIME.sub("T", value))
                rows[repr(sorted(values.items()))] += 1
            out[name] = rows
        return out
    finally:
        db.close()


def compare(a: Path, b: Path) -> bool:
    """Print what the two stores recorded, part by part; True when all of it is the same."""
    same = True
    for what, read in (("commits", commits), ("files written", files)):
        ca, cb = read(a), read(b)
        print(f"{what:<16} {sum(ca.values()):>6} {sum(cb.values()):>6}  {'same' if ca == cb else 'DIFFER'}")
        same &= ca == cb
    ta, tb = tables(a), tables(b)
    for name in sorted(set(ta) | set(tb)):
        ra, rb = ta.get(name, Counter()), tb.get(name, Counter())
        print(f"table {name:<18} {sum(ra.values()):>5} {sum(rb.values()):>5}  {'same' if ra == rb else 'DIFFER'}")
        if ra != rb:
            same = False
            for label, rows in (("only in the first", ra - rb), ("only in the second", rb - ra)):
                for row in list(rows)[:2]:
                    print(f"    {label}: {row[:300]}")
    return same


def main() -> None:
    args = [Path(a) for a in sys.argv[1:]]
    if len(args) == 1:
        stores = sorted(p for p in args[0].glob("nonce-store*") if p.is_dir())
        if len(stores) != 2:
            sys.exit(f"{args[0]}: expected two nonce stores (bench_run.py --baseline ... --keep DIR), found {len(stores)}")
        args = stores
    if len(args) != 2:
        sys.exit(__doc__)
    sys.exit(0 if compare(args[0], args[1]) else 1)


if __name__ == "__main__":
    main()
