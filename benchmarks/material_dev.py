"""How well the tracker tells material changes from cosmetic ones, on real, hand-labelled version pairs.

What it measures: for every hand-labelled pair of consecutive versions of a real terms document
(``benchmarks/data/material_labels*.jsonl``), the tracker's own analysis
(``tracker.analysis.analyse.analyse(before, after)``) is compared with the human label:

- material: precision, recall and F1, the positive class being "material" (a.material);
- categories: micro-F1 over the pairs that are truly material (per pair TP = predicted categories
  ∩ gold categories, FP = predicted - gold, FN = gold - predicted, summed over pairs);
  ``--by-category`` splits those counts per category (precision, recall, support);

per split and per language, then every disagreement (wrong material flag, or a truly material
pair whose categories differ) with the gold reason and the tracker's summary.

Splits: a record is "tune" when the first hex digit of sha1(service.lower()) is below "a", else
"test", so one service never lands in both. Tune on ``--split tune``; look at test rarely.
``--split all`` (the default) evaluates everything and prints tune, test and all rows.

    .venv/bin/python benchmarks/material_dev.py [--split tune|test|all] [--quiet] [--json]
        [--min-confidence low|medium|high] [--labels GLOB] [--shared PATH] [--by-category]
        [--rules-categories]

Data: the pairs are real consecutive versions from Open Terms Archive (contrib-versions),
ODC-BY 1.0, read in place from ../shared (``data/ota/pairs/`` and, for "bundle" records, the git
bundles in ``data/ota/``); nothing is copied into this repository. A bundle is cloned once (bare)
into ``${XDG_CACHE_HOME:-~/.cache}/tracker-bench/``. The labels are ours. Exits 0, and prints
"skipped: ../shared/data not found" when the shared folder is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS_DIR = ROOT / "benchmarks" / "data"
CONFIDENCE = {"low": 0, "medium": 1, "high": 2}
SPLITS = ("tune", "test", "all")


def split_of(service: str) -> str:
    return "tune" if hashlib.sha1(service.lower().encode()).hexdigest()[0] < "a" else "test"


def load_labels(min_confidence: str, pattern: str = "material_labels*.jsonl") -> list[dict]:
    records, seen = [], set()
    for path in sorted(LABELS_DIR.glob(pattern)):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec["id"] in seen:
                print(f"warning: {path.name}:{n}: duplicate id {rec['id']}, kept the first", file=sys.stderr)
                continue
            seen.add(rec["id"])
            if CONFIDENCE.get(rec.get("confidence", "high"), 2) < CONFIDENCE[min_confidence]:
                continue
            rec["_file"] = path.name
            rec["split"] = split_of(rec["service"])
            records.append(rec)
    return records


class Bundles:
    """Bare clones of the shared git bundles, made once and kept in a cache directory."""

    def __init__(self, shared: Path):
        self.shared = shared
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        self.cache = Path(base) / "tracker-bench"
        self.dirs: dict[str, Path] = {}

    def _git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], capture_output=True, check=check)

    def repo(self, bundle: str, commit: str) -> Path:
        if bundle in self.dirs:
            return self.dirs[bundle]
        src = (self.shared / bundle).resolve()
        key = hashlib.sha1(str(src).encode()).hexdigest()[:8]
        target = self.cache / f"{src.stem}-{key}.git"
        # (Re)clone when absent or when the bundle gained commits the clone lacks.
        if not target.exists() or self._git("--git-dir", str(target), "cat-file", "-e", f"{commit}^{{commit}}",
                                            check=False).returncode:
            if target.exists():
                subprocess.run(["rm", "-rf", str(target)], check=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            print(f"cloning {src.name} into {target} (once)…", file=sys.stderr)
            self._git("clone", "-q", "--bare", str(src), str(target))
        self.dirs[bundle] = target
        return target

    def show(self, bundle: str, commit: str, file: str) -> str:
        repo = self.repo(bundle, commit)
        out = self._git("--git-dir", str(repo), "show", f"{commit}:{file}")
        return out.stdout.decode("utf-8", errors="replace")


def load_texts(rec: dict, shared: Path, bundles: Bundles) -> tuple[str, str]:
    if rec.get("source", "pairs") == "bundle":
        parent = rec.get("parent") or f"{rec['commit']}^"
        return (bundles.show(rec["bundle"], parent, rec["file"]),
                bundles.show(rec["bundle"], rec["commit"], rec["file"]))
    pair = shared / rec["path"]
    return ((pair / "before.md").read_text(encoding="utf-8"),
            (pair / "after.md").read_text(encoding="utf-8"))


def import_analyse():
    try:
        from tracker.analysis.analyse import analyse
    except ImportError:  # the package layout is being reorganised
        from tracker.analyse import analyse  # type: ignore[no-redef]
    return analyse


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def metrics(rows: list[dict]) -> dict:
    tp = sum(r["gold_material"] and r["pred_material"] for r in rows)
    fp = sum(not r["gold_material"] and r["pred_material"] for r in rows)
    fn = sum(r["gold_material"] and not r["pred_material"] for r in rows)
    tn = len(rows) - tp - fp - fn
    p, r_, f = prf(tp, fp, fn)
    ctp = cfp = cfn = 0
    for r in rows:
        if r["gold_material"]:
            gold, pred = set(r["gold_categories"]), set(r["pred_categories"])
            ctp += len(gold & pred)
            cfp += len(pred - gold)
            cfn += len(gold - pred)
    cp, cr, cf = prf(ctp, cfp, cfn)
    return {
        "by_category": by_category(rows),
        "n": len(rows), "gold_material": tp + fn,
        "material": {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": p, "recall": r_, "f1": f},
        "categories": {"pairs": tp + fn, "tp": ctp, "fp": cfp, "fn": cfn, "precision": cp, "recall": cr, "f1": cf},
    }


def by_category(rows: list[dict]) -> dict[str, dict]:
    """Per category, over the truly material pairs: tp, fp, fn, support (gold count), P, R, F1.

    The same counts as the micro-F1 of ``metrics``, split by category, so the sum of each
    category's fp is the micro fp: where precision and recall are lost, category by category.
    """
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in rows:
        if not r["gold_material"]:
            continue
        gold, pred = set(r["gold_categories"]), set(r["pred_categories"])
        for c in gold & pred:
            counts[c][0] += 1
        for c in pred - gold:
            counts[c][1] += 1
        for c in gold - pred:
            counts[c][2] += 1
    out = {}
    for c, (tp, fp, fn) in counts.items():
        p, r_, f = prf(tp, fp, fn)
        out[c] = {"tp": tp, "fp": fp, "fn": fn, "support": tp + fn, "precision": p, "recall": r_, "f1": f}
    return out


def category_table(block: dict) -> str:
    """The per-category table of one split: worst losses (fp + fn) first."""
    cats = block["all"]["by_category"]
    head = f"{'category':<16} {'sup':>4} {'tp':>4} {'fp':>4} {'fn':>4} | {'P':>5} {'R':>5} {'F1':>5}"
    lines = [head, "-" * len(head)]
    for c, m in sorted(cats.items(), key=lambda kv: (-(kv[1]["fp"] + kv[1]["fn"]), kv[0])):
        lines.append(f"{c:<16} {m['support']:>4} {m['tp']:>4} {m['fp']:>4} {m['fn']:>4} | "
                     f"{m['precision']:>5.2f} {m['recall']:>5.2f} {m['f1']:>5.2f}")
    return "\n".join(lines)


def disagrees(r: dict) -> bool:
    if r.get("error"):
        return True
    if r["gold_material"] != r["pred_material"]:
        return True
    return r["gold_material"] and set(r["gold_categories"]) != set(r["pred_categories"])


def table(report: dict) -> str:
    head = (f"{'split':<6} {'lang':<5} {'n':>4} {'gold+':>5} | {'P':>5} {'R':>5} {'F1':>5} "
            f"{'tp/fp/fn/tn':>13} | {'catP':>5} {'catR':>5} {'catF1':>5} {'tp/fp/fn':>10}")
    lines = [head, "-" * len(head)]
    for split, block in report["splits"].items():
        for lang, m in [("all", block["all"])] + sorted(block["languages"].items()):
            mm, cm = m["material"], m["categories"]
            lines.append(
                f"{split:<6} {lang:<5} {m['n']:>4} {m['gold_material']:>5} | "
                f"{mm['precision']:>5.2f} {mm['recall']:>5.2f} {mm['f1']:>5.2f} "
                f"{mm['tp']:>3}/{mm['fp']}/{mm['fn']}/{mm['tn']:<3} | "
                f"{cm['precision']:>5.2f} {cm['recall']:>5.2f} {cm['f1']:>5.2f} {cm['tp']:>3}/{cm['fp']}/{cm['fn']:<3}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (default ../shared)")
    ap.add_argument("--split", choices=SPLITS, default="all")
    ap.add_argument("--min-confidence", choices=list(CONFIDENCE), default="low",
                    help="only use labels at least this confident (default: all labels)")
    ap.add_argument("--labels", default="material_labels*.jsonl", metavar="GLOB",
                    help="which label files in benchmarks/data to read (default: all of them)")
    ap.add_argument("--json", action="store_true", help="print a machine-readable report instead of text")
    ap.add_argument("--quiet", action="store_true", help="do not list the disagreements")
    ap.add_argument("--by-category", action="store_true",
                    help="also print, per split, each category's precision, recall and support over the "
                         "truly material pairs")
    ap.add_argument("--rules-categories", action="store_true",
                    help="the hand rules' categories, the learned category model switched off "
                         "(TRACKER_CATEGORIES=rules; the model is fitted on the dev sets)")
    args = ap.parse_args(argv)
    if args.rules_categories:
        os.environ["TRACKER_CATEGORIES"] = "rules"

    shared = args.shared
    if not (shared / "data").is_dir():
        print(f"skipped: ../shared/data not found (looked in {shared / 'data'})")
        return 0
    records = load_labels(args.min_confidence, args.labels)
    if args.split != "all":
        records = [r for r in records if r["split"] == args.split]
    if not records:
        print("skipped: no labelled pairs (benchmarks/data/material_labels*.jsonl)")
        return 0

    analyse = import_analyse()
    bundles = Bundles(shared)
    rows: list[dict] = []
    started = time.perf_counter()
    for rec in records:
        row = {
            "id": rec["id"], "split": rec["split"], "language": rec.get("language", "en"),
            "labels": rec["_file"], "confidence": rec.get("confidence", ""),
            "gold_material": bool(rec["material"]), "gold_categories": sorted(rec.get("categories", [])),
            "reason": rec.get("reason", ""), "pred_material": False, "pred_categories": [], "summary": "",
        }
        try:
            before, after = load_texts(rec, shared, bundles)
            a = analyse(before, after)
            row.update(pred_material=bool(a.material), pred_categories=sorted(set(a.categories)),
                       summary=a.summary or "")
        except Exception as exc:  # counted as "not material" and listed, never silently dropped
            row["error"] = f"{type(exc).__name__}: {exc}"
        rows.append(row)
    seconds = time.perf_counter() - started

    splits = ["tune", "test", "all"] if args.split == "all" else [args.split]
    report: dict = {"split": args.split, "min_confidence": args.min_confidence, "seconds": round(seconds, 2),
                    "label_files": sorted({r["labels"] for r in rows}), "splits": {}}
    for split in splits:
        part = [r for r in rows if split == "all" or r["split"] == split]
        by_lang: dict[str, list[dict]] = defaultdict(list)
        for r in part:
            by_lang[r["language"]].append(r)
        report["splits"][split] = {"all": metrics(part), "languages": {k: metrics(v) for k, v in by_lang.items()}}
    wrong = [r for r in rows if disagrees(r)]
    report["errors"] = sum(1 for r in rows if r.get("error"))
    report["disagreements"] = [
        {k: r[k] for k in ("id", "labels", "split", "language", "confidence", "gold_material", "pred_material",
                           "gold_categories", "pred_categories", "reason")}
        | {"summary": r["summary"][:200]} | ({"error": r["error"]} if r.get("error") else {})
        for r in wrong
    ]

    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print(f"material-change dev set: {len(rows)} pairs from {', '.join(report['label_files'])} "
          f"(min confidence {args.min_confidence}), analysed in {seconds:.1f}s"
          + (f", {report['errors']} analysis errors" if report["errors"] else ""))
    print("material: positive class = material; categories: micro over truly material pairs\n")
    print(table(report))
    if args.by_category:
        for split, block in report["splits"].items():
            print(f"\ncategories, split {split} (truly material pairs; worst fp + fn first)")
            print(category_table(block))
    if not args.quiet:
        print(f"\n{len(wrong)} disagreements:")
        for r in wrong:
            gm = "M" if r["gold_material"] else "-"
            pm = "M" if r["pred_material"] else "-"
            print(f"\n{r['id']} [{r['split']}, {r['language']}, {r['confidence']}] "
                  f"gold {gm} {r['gold_categories']}  vs  tracker {pm} {r['pred_categories']}")
            print(f"  gold:    {r['reason']}")
            print(f"  tracker: {r['summary'][:200]}")
            if r.get("error"):
                print(f"  error:   {r['error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
