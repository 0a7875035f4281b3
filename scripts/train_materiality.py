"""Train and evaluate the learned materiality decision (``tracker/analysis/decision.py``).

Data: the hand-labelled dev pairs a-o (``benchmarks/data/material_labels_[a-o].jsonl``, 1,278
real consecutive versions from Open Terms Archive, read in place from ../shared as
``benchmarks/material_dev.py`` reads them; ``--labels`` for another glob). Never the blind
batches (p, q). ``--batches abcdefghijk`` restricts cross-validation and the fit to those batches
(the same features cache serves both).

Features: ``decision.pair_features`` of each pair, computed from the analysis the tracker already
does (``diff_texts`` and the rules' ``label_document``): per non-cosmetic clause change its kind,
words and content words inserted and deleted, modal / negation / number / money words changed,
significant facts changed, topic scores of the changed words and of the clause, the watch-out
model's verdicts; per pair counts of each noise kind, sums and maxima of those, language and
size; and the rules' own verdict (``rules_*``), used by some variants only.

Evaluation (all printed): 5-fold cross-validation grouped by service (a service never on both
sides), two fold seeds; C and the probability threshold chosen inside each training fold by an
inner grouped 4-fold CV, never on the test fold; out-of-fold P/R/F1 per fold and pooled of

  rules        the hand rules as they are (optimistic: they were tuned on all of a-k)
  learned      logistic regression without the rules' verdict, deciding every pair
  learned+r    the same with the rules' verdict as features
  veto         rules AND a model trained on the pairs the rules call material (no rules_* features)
  veto+r       the same with the rules' severity and count as features
  gate+r       learned+r applied as a veto only (what ``analyse`` runs): rules AND learned+r

then a time-ordered check: train on the batches of ``--early`` (default a-k), test on the later
ones. With ``--write`` the shipped variant (``--ship``, default gate+r) is fitted on all the
pairs (threshold from grouped CV over them) and written to
``tracker/analysis/model/materiality.json``.

    PYTHONPATH=$PWD .venv/bin/python scripts/train_materiality.py [--cache /tmp/learn/feats.json]
        [--labels GLOB] [--batches LETTERS] [--early LETTERS] [--ship veto+r] [--write] [--jobs 2]

Needs scikit-learn (the ``train`` extra) here only; the runtime reads the JSON in plain Python.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

DEV = "material_labels_[a-o].jsonl"
EARLY = "abcdefghijk"  # batches labelled first; l-o were labelled (and held out) later
VARIANTS = ("rules", "learned", "learned+r", "veto", "veto+r", "gate+r")
RULE_FEATS = ("rules_material", "rules_n_material", "rules_severity")
CS = (0.03, 0.1, 0.3, 1.0)


def _features(rec: dict) -> dict:
    """One labelled pair -> {id, service, batch, gold, hard, rules, feats} (runs in a worker)."""
    from material_dev import Bundles, load_texts

    from tracker.analysis.analyse import _squeezed
    from tracker.analysis.boilerplate import is_error_page, truncated_side
    from tracker.analysis.decision import _hard_evidence, pair_features
    from tracker.analysis.diff import diff_texts
    from tracker.analysis.materiality import label_document
    from tracker.analysis.scope import language_switch, other_page_side

    shared = ROOT.parent / "shared"
    before, after = load_texts(rec, shared, Bundles(shared))
    diff = diff_texts(before, after)
    labels = label_document(diff.changes, before, after)
    # the whole-pair vetoes of ``analyse`` that come before any decision on the changes
    hard = bool(is_error_page(after) or is_error_page(before)
                or (before != after and _squeezed(before) == _squeezed(after))
                or other_page_side(before, after) or truncated_side(before, after)
                or language_switch(before, after))
    return {"id": rec["id"], "service": rec["service"].lower(), "batch": rec["_file"][-7],
            "gold": bool(rec["material"]), "hard": hard,
            "rules": bool(any(lab.material for lab in labels)) and not hard,
            "evidence": _hard_evidence(labels),  # a veto may not overrule it (``decision.vetoes``)
            "feats": pair_features(diff.changes, labels, after, diff.unchanged)}


def build(cache: Path | None, jobs: int, labels: str = DEV) -> list[dict]:
    if cache and cache.is_file():
        return json.loads(cache.read_text())
    from material_dev import load_labels

    records = load_labels("low", labels)
    started = time.perf_counter()
    with Pool(jobs) as pool:
        rows = pool.map(_features, records, chunksize=4)
    print(f"features of {len(rows)} pairs in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(rows))
    return rows


# --- folds and metrics ---------------------------------------------------------------------------
def group_folds(rows: list[dict], k: int, seed: int) -> list[int]:
    """Fold of each row: services shuffled by ``seed``, then each put in the smallest fold."""
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        groups.setdefault(r["service"], []).append(i)
    names = sorted(groups)
    random.Random(seed).shuffle(names)
    names.sort(key=lambda g: -len(groups[g]))  # big services first (stable: ties keep the shuffle)
    sizes, fold = [0] * k, [0] * len(rows)
    for g in names:
        f = min(range(k), key=lambda j: (sizes[j], j))
        sizes[f] += len(groups[g])
        for i in groups[g]:
            fold[i] = f
    return fold


def prf(gold: list[bool], pred: list[bool]) -> tuple[int, int, int, float, float, float]:
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    p_ = tp / (tp + fp) if tp + fp else 0.0
    r_ = tp / (tp + fn) if tp + fn else 0.0
    return tp, fp, fn, p_, r_, (2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0)


# --- models --------------------------------------------------------------------------------------
def names_for(variant: str, rows: list[dict]) -> list[str]:
    names = sorted(rows[0]["feats"])
    if variant in ("learned", "veto"):
        names = [n for n in names if n not in RULE_FEATS]
    if variant == "gate+r":
        return names_for("learned+r", rows)
    if variant == "veto+r":
        names = [n for n in names if n != "rules_material"]  # constant among the pairs it sees
    return names


def fit(rows: list[dict], names: list[str], c: float):
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = np.array([[r["feats"][n] for n in names] for r in rows])
    y = np.array([r["gold"] for r in rows])
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(scaler.transform(x), y)
    return scaler, model


def predict(fitted, rows: list[dict], names: list[str]) -> list[float]:
    import numpy as np

    scaler, model = fitted
    if not rows:
        return []
    x = np.array([[r["feats"][n] for n in names] for r in rows])
    return [float(p) for p in model.predict_proba(scaler.transform(x))[:, 1]]


def scope(variant: str, rows: list[dict]) -> list[dict]:
    """The pairs a variant's model decides: all not vetoed whole, or the rules' material ones."""
    if variant.startswith("veto"):
        return [r for r in rows if r["rules"]]
    return [r for r in rows if not r["hard"]]


def decide(rows: list[dict], probs: dict[str, float], thr: float, gate: bool = False) -> list[bool]:
    """Final yes/no of each row: a pair outside the model's scope keeps the rules' answer
    (not material for a pair vetoed whole, or one the rules do not call material for a veto);
    with ``gate`` the model may only veto the rules' yes, and never one that rests on hard
    evidence (``evidence``: as ``decision.vetoes`` guards it at run time)."""
    return [(r["rules"] and gate and bool(r.get("evidence"))) or (probs[r["id"]] >= thr and (r["rules"] or not gate))
            if r["id"] in probs else False for r in rows]


THRESHOLDS = [i / 100 for i in range(5, 96)]


def choose(variant: str, train: list[dict], seed: int) -> tuple[float, float]:
    """(C, threshold) with the best out-of-fold F1 of an inner grouped 4-fold CV on ``train``."""
    folds = group_folds(train, 4, seed + 1000)
    names = names_for(variant, train)
    best = (-1.0, CS[0], 0.5)
    for c in CS:
        probs: dict[str, float] = {}
        for f in range(4):
            fit_rows = scope(variant, [r for r, k in zip(train, folds) if k != f])
            test_rows = scope(variant, [r for r, k in zip(train, folds) if k == f])
            probs.update(zip((r["id"] for r in test_rows), predict(fit(fit_rows, names, c), test_rows, names)))
        gold = [r["gold"] for r in train]
        for t in THRESHOLDS:
            f1 = prf(gold, decide(train, probs, t, variant == "gate+r"))[5]
            if f1 > best[0] + 1e-9:
                best = (f1, c, t)
    return best[1], best[2]


def run_split(variant: str, train: list[dict], test: list[dict], seed: int) -> tuple[list[bool], float, float]:
    if variant == "rules":
        return [r["rules"] for r in test], 0.0, 0.0
    c, thr = choose(variant, train, seed)
    names = names_for(variant, train)
    fitted = fit(scope(variant, train), names, c)
    inside = scope(variant, test)
    probs = dict(zip((r["id"] for r in inside), predict(fitted, inside, names)))
    return decide(test, probs, thr, variant == "gate+r"), c, thr


def line(name: str, gold: list[bool], pred: list[bool], extra: str = "") -> str:
    tp, fp, fn, p, r, f = prf(gold, pred)
    return f"  {name:<12} n={len(gold):>3}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({tp} tp / {fp} fp / {fn} fn){extra}"


def cross_validate(rows: list[dict], seed: int) -> dict[str, list[bool]]:
    folds = group_folds(rows, 5, seed)
    pooled: dict[str, list[bool]] = {v: [False] * len(rows) for v in VARIANTS}
    print(f"\n== 5-fold CV grouped by service, fold seed {seed} ==")
    for f in range(5):
        train = [r for r, k in zip(rows, folds) if k != f]
        idx = [i for i, k in enumerate(folds) if k == f]
        test = [rows[i] for i in idx]
        gold = [r["gold"] for r in test]
        print(f" fold {f}: {len(test)} pairs, {len({r['service'] for r in test})} services, {sum(gold)} material")
        for v in VARIANTS:
            pred, c, thr = run_split(v, train, test, seed)
            for i, p in zip(idx, pred):
                pooled[v][i] = p
            print(line(v, gold, pred, f"  C={c} thr={thr:.2f}" if v != "rules" else ""))
    gold = [r["gold"] for r in rows]
    print(f" pooled out-of-fold, seed {seed}:")
    for v in VARIANTS:
        print(line(v, gold, pooled[v]))
    return pooled


def export(variant: str, rows: list[dict], seed: int, path: Path, about: str = "a-o") -> dict:
    c, thr = choose(variant, rows, seed)
    names = names_for(variant, rows)
    scaler, model = fit(scope(variant, rows), names, c)
    data = {
        "about": "Learned materiality decision (tracker/analysis/decision.py), fitted by "
                 f"scripts/train_materiality.py on the dev pairs {about}; logistic regression on "
                 "standardised features: p = sigmoid(intercept + sum(coef * (x - mean) / scale)).",
        "variant": variant, "C": c, "threshold": thr, "pairs": len(scope(variant, rows)),
        "features": names,
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) for v in scaler.scale_],
        "coef": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
    }
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, help="features cache (JSON): built once, then read")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seeds", default="1,2", help="fold seeds, comma-separated")
    ap.add_argument("--ship", choices=VARIANTS[1:], default="gate+r")
    ap.add_argument("--write", action="store_true", help="fit --ship on all the pairs and write the model JSON")
    ap.add_argument("--labels", default=DEV, help="label files (glob under benchmarks/data)")
    ap.add_argument("--batches", default="", help="only these batches (letters), e.g. abcdefghijk")
    ap.add_argument("--early", default=EARLY, help="batches the time-ordered check trains on")
    args = ap.parse_args(argv)
    os.environ["TRACKER_MATERIALITY"] = "rules"  # features come from the rules' labels alone
    if not (ROOT.parent / "shared" / "data").is_dir():
        print("skipped: ../shared/data not found")
        return 0
    rows = build(args.cache, args.jobs, args.labels)
    if args.batches:
        rows = [r for r in rows if r["batch"] in args.batches]
    print(f"{len(rows)} pairs, {sum(r['gold'] for r in rows)} material, {len({r['service'] for r in rows})} services; "
          f"{sum(r['hard'] for r in rows)} vetoed whole by the rules' page checks")
    for seed in (int(s) for s in args.seeds.split(",")):
        cross_validate(rows, seed)
    early = [r for r in rows if r["batch"] in args.early]
    late = [r for r in rows if r["batch"] not in args.early]
    gold = [r["gold"] for r in late]
    if early and late:
        print(f"\n== time-ordered: train on {''.join(sorted({r['batch'] for r in early}))} ({len(early)} pairs), "
              f"test on {''.join(sorted({r['batch'] for r in late}))} ({len(late)} pairs) ==")
        for v in VARIANTS:
            pred, c, thr = run_split(v, early, late, 1)
            print(line(v, gold, pred, f"  C={c} thr={thr:.2f}" if v != "rules" else ""))
    if args.write:
        from tracker.analysis.decision import MODEL_PATH

        batches = "".join(sorted({r["batch"] for r in rows}))
        data = export(args.ship, rows, 1, MODEL_PATH, f"{batches[0]}-{batches[-1]}" if len(batches) > 1 else batches)
        print(f"\nwrote {MODEL_PATH.relative_to(ROOT)}: {args.ship}, C={data['C']}, threshold {data['threshold']}, "
              f"{data['pairs']} pairs; largest weights:")
        for n, w in sorted(zip(data["features"], data["coef"]), key=lambda t: -abs(t[1]))[:12]:
            print(f"  {w:+.3f}  {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
