"""The material flag and categories through ``tracker run``, on the hand-labelled pairs' real histories.

``material_dev.py`` judges ``analyse(parent, commit)`` on each labelled pair in isolation (the
compare path). A scheduled run adds its own decisions on top: a text the page had before is a
revert (never material), a flip back is taken for a blink, a sudden shrink is held, a change with
"no clause changed" is dropped, a version is analysed against the version recorded before it
(which is the labelled parent only if that one was recorded). This benchmark measures the flags
users see: for every labelled DEV pair of the ``--collection`` bundle (``contrib`` by default) it
serves the document's history from 127.0.0.1, one version per ``tracker run`` (the real CLI, in
a subprocess, as ``replay_versions.py`` does), and reads what the archive recorded at the step
that served the pair's commit: recorded or not (with the run's outcome and reason when not), its
kind, material flag and categories.

A document whose history has at most ``--whole`` versions is replayed whole; a longer one is cut
into segments, from ``--before`` versions before each labelled pair's parent through its commit
(overlapping segments merged), each replayed as a document of its own, so the number of runs is
the longest segment's, not the longest history's. Versions whose text extracts to the text before
them are dropped (no new version to either side), so a pair whose two texts extract the same has
no step ("same text").

It prints P/R/F1 of the material flag and the category micro-F1 (over truly material pairs) through
the run path, next to the compare path's on the same pairs, then every pair where the two paths
disagree (flag, categories, or not recorded), with both outcomes, grouped by the run path's
reason. By default a sample of ``--limit`` 40 documents (spread by a hash of their path); the
whole DEV set (637 contrib documents, 1,605 pairs) takes a few hours on a loaded 2-core machine.

    .venv/bin/python benchmarks/replay_labelled.py [--limit N] [--labels GLOB] [--json OUT]
        [--collection contrib] [--before K] [--whole N] [--doc PATH ...] [--tracker-root DIR]

Only the DEV label files may be read (``material_labels_[a-o].jsonl``, ``[r-y]``): a glob that
matches a blind batch (p, q, z, zz, zzz, zzzz, zzzzz, zzzzzz) or a sample / second-labels file is refused. Data: the
shared bundles (``../shared/data/ota/<collection>-versions.bundle``), read in place.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from _shared import shared_dir  # noqa: E402
from material_dev import LABELS_DIR, Bundles, load_labels, metrics  # noqa: E402
from noise import document_commits, read_blobs  # noqa: E402
from replay_versions import run_tracker, serve, sources_toml  # noqa: E402

DEFAULT_LABELS = "material_labels_[a-o].jsonl,material_labels_[r-y].jsonl"
BLIND = ("p", "q", "z", "zz", "zzz", "zzzz", "zzzzz", "zzzzzz", "zzzzzzz", "zzzzzzzz", "zzzzzzzzz", "zzzzzzzzzz", "zzzzzzzzzzz", "zzzzzzzzzzzz", "zzzzzzzzzzzzz", "zzzzzzzzzzzzzz", "zzzzzzzzzzzzzzz", "zzzzzzzzzzzzzzzz", "zzzzzzzzzzzzzzzzz")
RECORDED = ("new", "changed", "revert")


def blind_glob(pattern: str) -> bool:
    """Does ``pattern`` (a glob in benchmarks/data) match a blind batch or a file that is not a DEV
    label file: any ``material_labels_<p|q|z|zz|zzz|zzzz|zzzzz|zzzzzz>``, ``sample_*`` or ``second_labels_*``, present or
    to come?"""
    names = [p.name for p in LABELS_DIR.glob(pattern)]
    names += [f"{kind}_{c}.jsonl" for kind in ("material_labels", "second_labels", "sample") for c in BLIND]
    for name in names:
        if not fnmatch.fnmatch(name, pattern):
            continue
        stem = name.removesuffix(".jsonl")
        if not stem.startswith("material_labels_") or stem.rsplit("_", 1)[1] in BLIND:
            return True
    return False


def labelled_pairs(patterns: list[str], collection: str) -> list[dict]:
    """The DEV pairs with a commit, parent and file in ``collection``'s versions bundle."""
    records: list[dict] = []
    seen: set[str] = set()
    for pattern in patterns:
        for rec in load_labels("low", pattern):
            if rec["id"] in seen or not all(rec.get(k) for k in ("commit", "parent", "file")):
                continue
            if Path(rec.get("bundle", "")).name != f"{collection}-versions.bundle":
                continue
            seen.add(rec["id"])
            records.append(rec)
    return records


def normaliser() -> Any:
    """The tracker's extraction of a Markdown text (None when it has no text)."""
    from tracker.errors import ExtractError
    from tracker.extract.convert import extract

    def normal(text: str | None) -> str | None:
        if not text:
            return None
        try:
            return extract(text.encode("utf-8"), "text/markdown")
        except ExtractError:
            return None

    return normal


def segments(positions: list[int], length: int, before: int, whole: int) -> list[tuple[int, int]]:
    """The ranges of a history's commit indexes to replay (inclusive): all of it when it has at most
    ``whole`` versions, else from ``before`` versions before each labelled commit's parent through
    the commit (``positions``: the labelled commits' indexes), overlapping or touching ones merged."""
    if length <= whole:
        return [(0, length - 1)]
    spans = sorted((max(0, p - 1 - before), p) for p in positions)
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def plan(repo: Path, records: list[dict], before: int, whole: int) -> tuple[dict[str, list[str]], list[dict]]:
    """The replay units (unit path -> texts served run by run) and, per labelled pair, where it is:
    ``unit``, ``step`` (the run serving the commit's text; None when it extracts to the text
    before it), and the raw ``before`` / ``after`` texts for the compare path."""
    docs = document_commits(repo)
    by_file: dict[str, list[dict]] = defaultdict(list)
    for rec in records:
        by_file[rec["file"]].append(rec)
    normal = normaliser()
    units: dict[str, list[str]] = {}
    pairs: list[dict] = []
    for path in sorted(by_file):
        commits = [c for c, _ in docs.get(path, [])]
        index = {c: i for i, c in enumerate(commits)}
        recs = by_file[path]
        placed = [r for r in recs if r["commit"] in index and index[r["commit"]] > 0]
        for r in recs:
            if r not in placed:
                pairs.append({"rec": r, "unit": None, "step": None, "why": "commit not in the history"})
        if not placed:
            continue
        spans = segments([index[r["commit"]] for r in placed], len(commits), before, whole)
        blobs = read_blobs(repo, [f"{commits[i]}:{path}" for lo, hi in spans for i in range(lo, hi + 1)])
        for n, (lo, hi) in enumerate(spans):
            unit = path if len(spans) == 1 else f"{path.removesuffix('.md')} [{n + 1}].md"
            seq: list[str] = []
            step_of: dict[int, int | None] = {}  # commit index -> step serving it (None: same text)
            last: str | None = None
            for i in range(lo, hi + 1):
                text = blobs.get(f"{commits[i]}:{path}")
                norm = normal(text)
                if text and norm and norm != last:
                    seq.append(text)
                    last = norm
                    step_of[i] = len(seq) - 1
                else:
                    step_of[i] = None
            if seq:
                units[unit] = seq
            for r in placed:
                i = index[r["commit"]]
                if lo <= i <= hi:
                    step = step_of.get(i)
                    parent = blobs.get(f"{commits[i - 1]}:{path}") if i - 1 >= lo else None
                    pairs.append({"rec": r, "unit": unit, "step": step,
                                  "why": "" if step is not None else "same text after extraction",
                                  "before": parent or "", "after": blobs.get(f"{commits[i]}:{path}") or ""})
    return units, pairs


def read_versions(store: Path) -> dict[str, dict[str, Any]]:
    """commit sha -> the index's row of that version (kind, material, categories, summary)."""
    db = sqlite3.connect(store / "index.sqlite")
    db.row_factory = sqlite3.Row
    out = {}
    for row in db.execute("SELECT commit_sha, kind, material, categories, summary FROM versions"):
        cats = row["categories"] or "[]"
        try:
            parsed = json.loads(cats)
        except ValueError:
            parsed = [c for c in re.split(r"[,\s]+", cats) if c]
        out[row["commit_sha"]] = {"kind": row["kind"], "material": bool(row["material"]),
                                  "categories": sorted(set(parsed)), "summary": row["summary"] or ""}
    db.close()
    return out


def reason(outcome: str, message: str) -> str:
    """A short name for why a run recorded nothing."""
    m = message.lower()
    if outcome == "unchanged":
        if "no clause changed" in m:
            return "no clause changed"
        if "alternates between two texts" in m:
            return "blink (second flip back)"
        if "variant" in m:
            return "blink (variant)"
        return "unchanged"
    if outcome == "held":
        return "held (shrink)" if "shrink" in m or "lost" in m else "held"
    if outcome == "failed":
        return "failed: " + message[:60]
    return outcome


def run_path(pairs: list[dict], steps_of: dict[str, list[dict]], versions: dict[str, dict]) -> None:
    """Fill each placed pair's run-path outcome (``run``) from the runs' rows and the index."""
    for pair in pairs:
        if pair["step"] is None:
            pair["run"] = {"recorded": False, "reason": pair["why"], "material": False, "categories": []}
            continue
        rows = steps_of.get(pair["unit"], [])
        s = pair["step"]
        row = rows[s] if s < len(rows) else {"outcome": "missing", "message": "no run row"}
        if row["outcome"] in RECORDED and row.get("commit") in versions:
            v = versions[row["commit"]]
            pair["run"] = {"recorded": True, "reason": v["kind"], "material": v["material"],
                           "categories": v["categories"], "summary": v["summary"]}
            continue
        why = reason(row["outcome"], row["message"])
        later = next((k for k in range(s + 1, len(rows)) if rows[k]["outcome"] in RECORDED), None)
        note = ""
        if later is not None and rows[later].get("commit") in versions:
            v = versions[rows[later]["commit"]]
            note = (f"; next recorded {later - s} run(s) later ({v['kind']}, "
                    f"{'material' if v['material'] else 'not material'} {v['categories']})")
        pair["run"] = {"recorded": False, "reason": why, "material": False, "categories": [],
                       "summary": row["message"][:160] + note}


def compare_path(pairs: list[dict]) -> None:
    """Each pair's ``analyse(parent, commit)`` (material_dev's compare path), in this process."""
    from material_dev import import_analyse

    analyse = import_analyse()
    for pair in pairs:
        if "before" not in pair:
            pair["compare"] = {"material": False, "categories": [], "summary": pair["why"]}
            continue
        try:
            a = analyse(pair["before"], pair["after"])
            pair["compare"] = {"material": bool(a.material), "categories": sorted(set(a.categories)),
                               "summary": a.summary or ""}
        except Exception as exc:  # counted as not material and shown, as material_dev does
            pair["compare"] = {"material": False, "categories": [], "summary": f"error {type(exc).__name__}: {exc}"}


def rows_for(pairs: list[dict], path: str) -> list[dict]:
    """material_dev.metrics' rows for one path ("run" or "compare")."""
    return [{"gold_material": bool(p["rec"]["material"]), "gold_categories": sorted(p["rec"].get("categories", [])),
             "pred_material": p[path]["material"], "pred_categories": p[path]["categories"]} for p in pairs]


def line(name: str, m: dict) -> str:
    mm, cm = m["material"], m["categories"]
    return (f"{name:<8} {m['n']:>4} {m['gold_material']:>5} | {mm['precision']:>5.3f} {mm['recall']:>5.3f} "
            f"{mm['f1']:>5.3f} {mm['tp']:>3}/{mm['fp']}/{mm['fn']}/{mm['tn']:<4} | {cm['precision']:>5.3f} "
            f"{cm['recall']:>5.3f} {cm['f1']:>5.3f} {cm['tp']:>3}/{cm['fp']}/{cm['fn']}")


def differs(p: dict) -> bool:
    run, cmp = p["run"], p["compare"]
    return run["material"] != cmp["material"] or (
        bool(p["rec"]["material"]) and set(run["categories"]) != set(cmp["categories"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--collection", default="contrib", help="bundle prefix in ../shared/data/ota (default contrib)")
    ap.add_argument("--labels", default=DEFAULT_LABELS, metavar="GLOB",
                    help=f"label files in benchmarks/data, comma-separated globs (default {DEFAULT_LABELS}); "
                         "blind batches refused")
    ap.add_argument("--limit", type=int, default=40, help="documents to replay, a sample spread by a hash of "
                                                          "their path (default 40; 0: all)")
    ap.add_argument("--doc", action="append", metavar="PATH", help="only this document (`Service/Type.md`)")
    ap.add_argument("--before", type=int, default=4, help="versions replayed before a labelled pair's parent "
                                                          "(default 4)")
    ap.add_argument("--whole", type=int, default=30, help="replay a history whole up to this many versions "
                                                          "(default 30)")
    ap.add_argument("--tracker-root", type=Path, default=ROOT, help="source tree of the tracker to run")
    ap.add_argument("--json", type=Path, help="write every pair's two outcomes to this file")
    args = ap.parse_args(argv)
    patterns = [p.strip() for p in args.labels.split(",") if p.strip()]
    bad = [p for p in patterns if blind_glob(p)]
    if bad:
        print(f"refusing a glob that matches the blind batches p, q, z, zz, zzz, zzzz, zzzzz, zzzzzz (or a non-DEV file): {bad[0]}",
              file=sys.stderr)
        return 2
    if args.limit < 0 or args.before < 0 or args.whole < 1:
        ap.error("--limit and --before must be 0 or more, --whole 1 or more")
    shared = shared_dir()
    bundle_rel = f"data/ota/{args.collection}-versions.bundle"
    if not (shared / bundle_rel).exists():
        print(f"skipped: {shared / bundle_rel} not found (the shared data folder; set TRACKER_SHARED to use another)")
        return 0
    records = labelled_pairs(patterns, args.collection)
    if not records:
        print(f"no labelled pair of {args.collection} in {args.labels}", file=sys.stderr)
        return 2
    files = sorted({r["file"] for r in records}, key=lambda f: hashlib.sha1(f.encode()).hexdigest())
    if args.doc:
        files = [f for f in files if f in args.doc]
    elif args.limit:
        files = files[:args.limit]
    chosen = set(files)
    records = [r for r in records if r["file"] in chosen]
    started = time.monotonic()
    repo = Bundles(shared).repo(bundle_rel, records[0]["commit"])
    units, pairs = plan(repo, records, args.before, args.whole)
    work = Path(tempfile.mkdtemp(prefix="tracker-replay-labelled-"))
    try:
        step = [0]
        server = serve(units, step)
        sources = work / "sources.toml"
        sources.write_text(sources_toml(units, server.server_address[1]), encoding="utf-8")
        store = work / "store"
        names = {f"s{n}": s for n, s in enumerate(sorted({p.split('/', 1)[0] for p in units}))}
        steps_of: dict[str, list[dict]] = defaultdict(list)
        runs = max(len(seq) for seq in units.values())
        for step[0] in range(runs):
            report = run_tracker(args.tracker_root, store, sources)
            for row in report["documents"]:
                service, kind = row["key"].split("/", 1) if "/" in row["key"] else (row["key"], "")
                steps_of[f"{names.get(service, service)}/{kind}.md"].append(
                    {"outcome": row["outcome"], "commit": row.get("commit"),
                     "message": row.get("error") or row.get("summary") or ""})
        server.shutdown()
        replay_seconds = time.monotonic() - started
        run_path(pairs, steps_of, read_versions(store))
        runs_of = {unit: [[r["outcome"], r["message"][:160]] for r in rows] for unit, rows in steps_of.items()}
    except (RuntimeError, subprocess.SubprocessError, OSError) as exc:
        print(f"replay stopped: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    compare_path(pairs)
    seconds = time.monotonic() - started
    served = sum(len(s) for s in units.values())
    print(f"{args.collection}: {len(chosen)} documents, {len(pairs)} labelled pairs, {len(units)} replay units, "
          f"{served} versions served in {runs} runs; replay {replay_seconds:.0f} s, total {seconds:.0f} s")
    head = (f"{'path':<8} {'n':>4} {'gold+':>5} | {'P':>5} {'R':>5} {'F1':>5} {'tp/fp/fn/tn':>13} | "
            f"{'catP':>5} {'catR':>5} {'catF1':>5} {'tp/fp/fn'}")
    print(head + "\n" + "-" * len(head))
    report = {"documents": len(chosen), "pairs": len(pairs), "runs": runs, "seconds": round(seconds),
              "run": metrics(rows_for(pairs, "run")), "compare": metrics(rows_for(pairs, "compare"))}
    for name in ("run", "compare"):
        print(line(name, report[name]))
    outcomes = Counter("recorded: " + p["run"]["reason"] if p["run"]["recorded"] else "not recorded: "
                       + p["run"]["reason"] for p in pairs)
    print("\nrun path at the commit's step: " + ", ".join(f"{k} {v}" for k, v in outcomes.most_common()))
    wrong = [p for p in pairs if differs(p)]
    kinds = Counter(("recorded " if p["run"]["recorded"] else "not recorded: ") + p["run"]["reason"] for p in wrong)
    print(f"\n{len(wrong)} pairs where the run path and the compare path disagree, by the run's outcome: "
          + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    for p in sorted(wrong, key=lambda p: (p["run"]["recorded"], p["run"]["reason"], p["rec"]["id"])):
        rec, run, cmp = p["rec"], p["run"], p["compare"]
        gold = f"{'M' if rec['material'] else '-'} {sorted(rec.get('categories', []))}"
        got = "recorded " + run["reason"] if run["recorded"] else "NOT recorded (" + run["reason"] + ")"
        print(f"\n{rec['id']} [{p['unit']} step {p['step']}] gold {gold}")
        print(f"  run:     {'M' if run['material'] else '-'} {run['categories']} {got}: {run.get('summary', '')[:200]}")
        print(f"  compare: {'M' if cmp['material'] else '-'} {cmp['categories']}: {cmp['summary'][:200]}")
        print(f"  gold:    {rec.get('reason', '')[:200]}")
    if args.json:
        report["pairs_detail"] = [
            {"id": p["rec"]["id"], "file": p["rec"]["file"], "unit": p["unit"], "step": p["step"],
             "gold_material": bool(p["rec"]["material"]), "gold_categories": p["rec"].get("categories", []),
             "run": p["run"], "compare": p["compare"],
             "runs": runs_of.get(p["unit"] or "", [])[:(p["step"] or 0) + 3]} for p in pairs]
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
