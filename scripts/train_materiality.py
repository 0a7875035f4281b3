"""Train and evaluate the learned materiality decision (``tracker/analysis/decision.py``).

Data: the hand-labelled dev pairs a-o (``benchmarks/data/material_labels_[a-o].jsonl``, 1,278
real consecutive versions from Open Terms Archive, read in place from ../shared as
``benchmarks/material_dev.py`` reads them; ``--labels`` for other globs, comma-separated). Never
the blind batches: a glob that could match any label file outside ``DEV_BATCHES`` (a-o, r-y, 3z,
5z-16z; a run of n z is batch "nz") is refused, so the z-batches are listed by exact name.
``--batches abcdefghijk,3z`` restricts cross-validation and the fit to those batches (the same
features cache serves both).

Features: ``decision.pair_record`` of each pair (cached with ``--cache``), computed from the
analysis the tracker already does (``diff_texts`` and the rules' ``label_document``), turned into
dense features by ``decision.record_features`` (per non-cosmetic clause change its kind, words and
content words inserted and deleted, modal / negation / number / money words changed, significant
facts changed, topic scores of the changed words and of the clause, the watch-out model's
verdicts; per pair counts of each noise kind and rules severity, numbers changed in clauses with
a legal category and outside, relative change size, the share of changed words the other version
has elsewhere; language and size; and the rules' own verdict ``rules_*``) and hashed words by
``decision.hashed_tokens`` (inserted and deleted words and word pairs, context words, the start of
the rules' explanation).

Evaluation (all printed): 5-fold cross-validation grouped by service (a service never on both
sides), two fold seeds; C and the probability thresholds chosen inside each training fold by an
inner grouped 4-fold CV, never on the test fold; out-of-fold P/R/F1 per fold and pooled of

  rules      the hand rules as they are (optimistic on a-o: they were written by reading it)
  gate       session 9's veto: session 9's dense features with the rules' verdict, veto only
  gate+d     the same with session 11's dense features
  gate+w     ... and the hashed words
  stack+d    session 11's dense features, rules' verdict as features, one threshold both ways:
             vetoes the rules' yes or promotes their no
  stack+w    ... and the hashed words
  two+w      stack+w with a veto threshold and a promotion threshold of its own
  learned+w  stack+w without the rules' verdict

Every variant keeps the run-time guards of ``decision.decide``: a pair vetoed whole by the page
checks stays not material, a rules' yes resting on hard evidence (a changed amount, duration or
place, a watch-out, a critical change) is never vetoed, and a promotion needs a substantive change
to carry it. ``--test-labels 'material_labels_[r-u].jsonl'`` then trains on ``--labels`` and tests
once on those pairs; ``--early LETTERS`` a time-ordered check; ``--test-batches 12z,13z,14z``
trains on the rest of the cache and tests once on those batches, with the shipped model as it is
(``shipped``) beside the refits and each veto's P/R at a range of thresholds. ``--objective``:
what the inner CV chooses C and thresholds for (``score``: F1, F0.5, or precision at recall >= 0.90). With ``--write`` the shipped variant
(``--ship``) is fitted on all the pairs (``--fit-test``: with the test pairs too; thresholds from
grouped CV over them) and written to ``tracker/analysis/model/materiality.json``.

PYTHONPATH=$PWD .venv/bin/python scripts/train_materiality.py [--cache /tmp/learn/rec.json]
        [--labels GLOB,GLOB] [--batches LETTERS] [--variants gate,stack+w] [--test-labels GLOB
        --test-cache FILE] [--test-batches 12z,13z] [--objective f0.5] [--ship gate]
        [--write [--fit-test] [--out FILE]] [--jobs 2]

Needs scikit-learn (the ``train`` extra) here only; the runtime reads the JSON in plain Python.
"""

from __future__ import annotations

import argparse
import fnmatch
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
RULE_FEATS = ("rules_material", "rules_n_material", "rules_severity")
CS = (0.03, 0.1, 0.3, 1.0)


def _features(rec: dict) -> dict:
    """One labelled pair -> {id, service, batch, gold, hard, rules, feats} (runs in a worker)."""
    from material_dev import Bundles, load_texts

    from tracker.analysis.analyse import _squeezed
    from tracker.analysis.boilerplate import is_error_page, truncated_side
    from tracker.analysis.decision import _hard_evidence, _promoted_index, pair_record
    from tracker.analysis.diff import diff_texts
    from tracker.analysis.materiality import label_document
    from tracker.analysis.scope import language_switch, other_page_side

    shared = ROOT.parent / "shared"
    before, after = load_texts(rec, shared, Bundles(shared))
    diff = diff_texts(before, after)
    labels = label_document(diff.changes, before, after)
    record = pair_record(diff.changes, labels, after, diff.unchanged, before)
    # the whole-pair vetoes of ``analyse`` that come before any decision on the changes
    hard = bool(is_error_page(after) or is_error_page(before)
                or (before != after and _squeezed(before) == _squeezed(after))
                or other_page_side(before, after) or truncated_side(before, after)
                or language_switch(before, after))
    return {"id": rec["id"], "service": rec["service"].lower(), "batch": batch_of(rec["_file"]),
            "gold": bool(rec["material"]), "hard": hard,
            "rules": bool(any(lab.material for lab in labels)) and not hard,
            "evidence": _hard_evidence(labels),  # a veto may not overrule it (``decision.vetoes``)
            "promotable": _promoted_index(record) is not None,  # a promotion needs a change to carry it
            "record": record}


def batch_of(name: str) -> str:
    """The batch of a label file: "material_labels_k.jsonl" -> "k", "material_labels_zzz.jsonl" ->
    "3z", the batch of 12 z -> "12z" (a run of z is named by its length: z-batches share a letter)."""
    stem = name.rsplit(".", 1)[0].rsplit("_", 1)[-1]
    return stem if len(stem) == 1 else f"{len(stem)}{stem[0]}"


def batch_set(spec: str) -> set[str]:
    """Batches named by ``spec``: comma-separated, each a batch name ("3z", "12z") or a run of
    single-letter batches ("abcdefghijk", as before z-batches existed)."""
    out: set[str] = set()
    for part in (p.strip() for p in spec.split(",")):
        if part[:1].isdigit():
            out.add(part)
        else:
            out.update(part)
    return out


# Batches that are dev data (tuned on); every other name a label glob could reach is blind or not
# labelled yet: p, q, z, zz, 4z, 17z and later, x-batches of second labels and samples.
DEV_BATCHES = frozenset("abcdefghijklmnorstuvwxy") | {"3z"} | {f"{n}z" for n in range(5, 17)}


def reaches_blind(globs: str) -> bool:
    """Whether any comma-separated glob of ``globs`` matches the name of a label file that is not a
    dev batch (``DEV_BATCHES``), whether or not that file exists yet. Only names are matched: no
    file is opened."""
    from material_dev import LABELS_DIR

    names = {p.name for p in LABELS_DIR.iterdir()}
    for kind in ("material_labels", "second_labels", "sample"):
        names.update(f"{kind}_{c}.jsonl" for c in "abcdefghijklmnopqrstuvwxy")
        names.update(f"{kind}_{'z' * n}.jsonl" for n in range(1, 41))
    for pattern in (g.strip() for g in globs.split(",") if g.strip()):
        for name in names:
            if fnmatch.fnmatchcase(name, pattern) and not (
                    name.startswith("material_labels_") and batch_of(name) in DEV_BATCHES):
                return True
    return False


def build(cache: Path | None, jobs: int, labels: str = DEV) -> list[dict]:
    """The pair records of the label files of ``labels`` (comma-separated globs under
    benchmarks/data; a pair id in two files kept once), read from ``cache`` when it exists, else
    computed with ``jobs`` workers and written there."""
    if cache and cache.is_file():
        return json.loads(cache.read_text())
    from material_dev import load_labels

    records, seen = [], set()
    for pattern in (g.strip() for g in labels.split(",") if g.strip()):
        for rec in load_labels("low", pattern):
            if rec["id"] not in seen:
                seen.add(rec["id"])
                records.append(rec)
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
# Session 9's dense features (the shipped veto until session 11): the rest are session 11's.
OLD_FEATS = ("doc_words", "lang_de", "lang_fr", "max_del_content", "max_dissimilar", "max_facts", "max_ins_content",
             "max_legal_changed_cats", "max_legal_changed_max", "max_legal_clause", "max_legal_gain", "max_modal",
             "max_money", "max_negation", "max_watch", "n_added", "n_changes", "n_heading", "n_modal",
             "n_modified", "n_money", "n_negation", "n_removed", "n_short", "n_substantive", "noise_chrome",
             "noise_format", "noise_regroup", "noise_stamp", "rules_material", "rules_n_material",
             "rules_severity", "share_cosmetic", "sum_clause_words", "sum_del_content", "sum_del_words",
             "sum_digits", "sum_facts", "sum_ins_content", "sum_ins_words", "sum_legal_changed", "sum_watch",
             "unchanged")
# variant: (dense features "old" / "all", rules' verdict as features, hashed words, decides:
#   "veto" = may only overrule the rules' yes; "both" = one threshold both ways; "two" = a veto
#   threshold and a promotion threshold)
SPECS = {
    "gate":     ("old", True, False, "veto"),   # session 9-11's shipped veto (gate+r), retrained
    "gate+d":   ("all", True, False, "veto"),
    "gate+w":   ("all", True, True, "veto"),
    "stack+d":  ("all", True, False, "both"),
    "stack+w":  ("all", True, True, "both"),
    "two+w":    ("all", True, True, "two"),
    "learned+w": ("all", False, True, "both"),
}
VARIANTS = ("rules", "shipped", *SPECS)


def prepare(rows: list[dict], dim: int) -> None:
    """Adds ``feats`` (dense) and ``hashed`` (buckets) of each row's ``record``, in place."""
    from tracker.analysis.decision import hashed_tokens, record_features

    for r in rows:
        if "feats" not in r:
            r["feats"] = record_features(r["record"])
            r["hashed"] = hashed_tokens(r["record"], dim)


def names_for(variant: str, rows: list[dict]) -> list[str]:
    dense, rules, _, _ = SPECS[variant]
    names = list(OLD_FEATS) if dense == "old" else sorted(rows[0]["feats"])
    return names if rules else [n for n in names if n not in RULE_FEATS]


def matrix(rows: list[dict], names: list[str], words: bool, dim: int, scaler=None):
    """The design matrix: dense features standardised (``scaler`` fitted here when None), then the
    hashed word buckets as they are (0/1: standardising would blow up rare words)."""
    import numpy as np
    from scipy import sparse
    from sklearn.preprocessing import StandardScaler

    x = np.array([[r["feats"][n] for n in names] for r in rows], dtype=float)
    scaler = scaler or StandardScaler().fit(x)
    dense = sparse.csr_matrix(scaler.transform(x))
    if not words:
        return dense, scaler
    ri, ci = [], []
    for i, r in enumerate(rows):
        for b in r["hashed"]:
            ri.append(i)
            ci.append(int(b))
    h = sparse.csr_matrix((np.ones(len(ri)), (ri, ci)), shape=(len(rows), dim))
    return sparse.hstack([dense, h]).tocsr(), scaler


def fit(variant: str, rows: list[dict], c: float, dim: int):
    from sklearn.linear_model import LogisticRegression

    names = names_for(variant, rows)
    x, scaler = matrix(rows, names, SPECS[variant][2], dim)
    y = [r["gold"] for r in rows]
    model = LogisticRegression(C=c, max_iter=4000, class_weight="balanced").fit(x, y)
    return names, scaler, model


def predict(fitted, variant: str, rows: list[dict], dim: int) -> list[float]:
    names, scaler, model = fitted
    if not rows:
        return []
    x, _ = matrix(rows, names, SPECS[variant][2], dim, scaler)
    return [float(p) for p in model.predict_proba(x)[:, 1]]


def scope(variant: str, rows: list[dict]) -> list[dict]:
    """The pairs a variant's model is fitted on and scores: all not vetoed whole by the page checks."""
    return [r for r in rows if not r["hard"]]


def decide(rows: list[dict], probs: dict[str, float], veto_thr: float, promote_thr: float | None) -> list[bool]:
    """Final yes/no of each row as ``decision.decide`` makes it at run time: a pair vetoed whole
    stays not material; the rules' yes stands when it rests on hard evidence (``evidence``), else
    when the probability reaches ``veto_thr``; the rules' no becomes yes when ``promote_thr`` is
    given, the pair has a change to carry it (``promotable``) and its probability reaches it."""
    out = []
    for r in rows:
        p = probs.get(r["id"])
        if p is None or r["hard"]:
            out.append(False if r["hard"] else r["rules"])
        elif r["rules"]:
            out.append(bool(r.get("evidence")) or p >= veto_thr)
        else:
            out.append(promote_thr is not None and bool(r.get("promotable")) and p >= promote_thr)
    return out


THRESHOLDS = [i / 100 for i in range(5, 96)]
OBJECTIVES = ("f1", "f0.5", "p@r90")


def score(tp: int, fp: int, fn: int, objective: str) -> float:
    """How good (tp, fp, fn) is by ``objective``: "f1"; "f0.5" (precision weighed twice recall);
    "p@r90", precision when recall is 0.90 or more, else recall - 1 (below every such precision:
    the highest recall wins when none reaches 0.90)."""
    if objective == "f1":
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    if objective == "f0.5":
        return 1.25 * tp / (1.25 * tp + 0.25 * fn + fp) if tp else 0.0
    if objective == "p@r90":
        recall = tp / (tp + fn) if tp + fn else 0.0
        return (tp / (tp + fp) if tp + fp else 0.0) if recall >= 0.90 else recall - 1.0
    raise ValueError(f"objective must be one of {OBJECTIVES}, not {objective!r}")


def _counts(rows: list[dict], probs: dict[str, float], thr: float, side: bool, way: str) -> tuple[int, int, int]:
    """(tp, fp, fn) over the rows whose rules' verdict is ``side``, at threshold ``thr`` on that side."""
    sub = [r for r in rows if r["rules"] == side and not r["hard"]]
    if side:
        pred = decide(sub, probs, thr, None)
    else:
        pred = decide(sub, probs, 1.0, thr if way != "veto" else None)
    tp = sum(g and p for g, p in zip((r["gold"] for r in sub), pred))
    fp = sum(p and not r["gold"] for r, p in zip(sub, pred))
    fn = sum(r["gold"] and not p for r, p in zip(sub, pred))
    return tp, fp, fn


def best_thresholds(variant: str, rows: list[dict], probs: dict[str, float],
                    objective: str = "f1") -> tuple[float, float, float | None]:
    """(score, veto threshold, promotion threshold or None) with the best ``score`` by ``objective``
    over ``rows`` (the lowest veto threshold of equal scores): each side's counts are added, so two
    thresholds cost no more than one."""
    way = SPECS[variant][3]
    hard_fn = sum(r["gold"] for r in rows if r["hard"])
    yes = {t: _counts(rows, probs, t, True, way) for t in THRESHOLDS}
    no: dict[float | None, tuple[int, int, int]] = (
        {t: _counts(rows, probs, t, False, way) for t in THRESHOLDS} if way != "veto"
        else {None: _counts(rows, probs, 1.0, False, way)})
    best: tuple[float, float, float | None] = (-1.0, 0.5, None)
    pairs: list[tuple[float, float | None]] = (
        [(t, t) for t in THRESHOLDS] if way == "both" else [(a, b) for a in yes for b in no])
    for a, b in pairs:
        tp, fp, fn = (yes[a][0] + no[b][0], yes[a][1] + no[b][1], yes[a][2] + no[b][2] + hard_fn)
        value = score(tp, fp, fn, objective)
        if value > best[0] + 1e-9:
            best = (value, a, b)
    return best


def choose(variant: str, train: list[dict], seed: int, dim: int,
           objective: str = "f1") -> tuple[float, float, float | None]:
    """(C, veto threshold, promotion threshold) with the best out-of-fold ``objective`` (``score``)
    of an inner grouped 4-fold CV on ``train``."""
    folds = group_folds(train, 4, seed + 1000)
    best: tuple[float, float, float, float | None] = (-2.0, CS[0], 0.5, None)
    for c in CS:
        probs: dict[str, float] = {}
        for f in range(4):
            fit_rows = scope(variant, [r for r, k in zip(train, folds) if k != f])
            test_rows = scope(variant, [r for r, k in zip(train, folds) if k == f])
            probs.update(zip((r["id"] for r in test_rows), predict(fit(variant, fit_rows, c, dim), variant, test_rows, dim)))
        value, a, b = best_thresholds(variant, train, probs, objective)
        if value > best[0] + 1e-9:
            best = (value, c, a, b)
    return best[1], best[2], best[3]


def shipped_probs(rows: list[dict]) -> tuple[dict[str, float], float, float | None]:
    """The shipped model's (``decision.load_model``) probability of each row in scope, its veto
    threshold and its promotion threshold (None: a veto only)."""
    from tracker.analysis.decision import hashed_tokens, load_model, probability, record_features

    model = load_model()
    if model is None:
        raise SystemExit("no shipped model (tracker/analysis/model/materiality.json)")
    probs = {}
    for r in scope("gate", rows):
        hashed = hashed_tokens(r["record"], int(model["hash_dim"])) if model.get("hash_coef") else None
        probs[r["id"]] = probability(record_features(r["record"]), model, hashed)
    promote = model.get("promote_threshold")
    return probs, float(model["threshold"]), None if promote is None else float(promote)


def run_split(variant: str, train: list[dict], test: list[dict], seed: int, dim: int,
              objective: str = "f1") -> tuple[list[bool], str, dict[str, float], float | None]:
    """Fits ``variant`` on ``train`` (C and thresholds by ``choose``) and decides ``test``: returns
    (the decision of each test row, a note of C and thresholds, the test probabilities, the
    promotion threshold). "rules" is the rules alone; "shipped" the shipped model as it is."""
    if variant == "rules":
        return [r["rules"] and not r["hard"] for r in test], "", {}, None
    if variant == "shipped":
        probs, a, b = shipped_probs(test)
    else:
        c, a, b = choose(variant, train, seed, dim, objective)
        fitted = fit(variant, scope(variant, train), c, dim)
        inside = scope(variant, test)
        probs = dict(zip((r["id"] for r in inside), predict(fitted, variant, inside, dim)))
    note = (f"  C={c}" if variant != "shipped" else "  as shipped") + f" veto<{a:.2f}" + (
        f" promote>={b:.2f}" if b is not None else "")
    return decide(test, probs, a, b), note, probs, b


def line(name: str, gold: list[bool], pred: list[bool], extra: str = "") -> str:
    tp, fp, fn, p, r, f = prf(gold, pred)
    return f"  {name:<10} n={len(gold):>4}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({tp} tp / {fp} fp / {fn} fn){extra}"


def cross_validate(rows: list[dict], seed: int, variants: tuple[str, ...], dim: int,
                   objective: str = "f1") -> dict[str, list[bool]]:
    folds = group_folds(rows, 5, seed)
    pooled: dict[str, list[bool]] = {v: [False] * len(rows) for v in variants}
    print(f"\n== 5-fold CV grouped by service, fold seed {seed} ==", flush=True)
    for f in range(5):
        train = [r for r, k in zip(rows, folds) if k != f]
        idx = [i for i, k in enumerate(folds) if k == f]
        test = [rows[i] for i in idx]
        gold = [r["gold"] for r in test]
        print(f" fold {f}: {len(test)} pairs, {len({r['service'] for r in test})} services, {sum(gold)} material")
        for v in variants:
            pred, extra, _, _ = run_split(v, train, test, seed, dim, objective)
            for i, p in zip(idx, pred):
                pooled[v][i] = p
            print(line(v, gold, pred, extra), flush=True)
    gold = [r["gold"] for r in rows]
    print(f" pooled out-of-fold, seed {seed}:")
    for v in variants:
        print(line(v, gold, pooled[v]), flush=True)
    return pooled


CURVE = (0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)


def holdout(rows: list[dict], test_batches: set[str], variants: tuple[str, ...], dim: int, objective: str) -> None:
    """Trains each variant on the rows outside ``test_batches`` and tests it once on those inside:
    pooled and per-batch counts at the thresholds chosen in training, then the pooled P/R of the
    veto at each ``CURVE`` threshold (promotion threshold kept as chosen)."""
    train = [r for r in rows if r["batch"] not in test_batches]
    test = [r for r in rows if r["batch"] in test_batches]
    gold = [r["gold"] for r in test]
    batches = sorted(test_batches, key=_order)
    print(f"\n== train on {_spans(sorted({r['batch'] for r in train}, key=_order))} ({len(train)} pairs), test on "
          f"{', '.join(batches)} ({len(test)} pairs, {sum(gold)} material); objective {objective} ==")
    curves = []
    for v in variants:
        pred, extra, probs, b = run_split(v, train, test, 1, dim, objective)
        per = " ".join("{}:{}/{}/{}".format(batch, *prf([r["gold"] for r in test if r["batch"] == batch],
                                                          [p for r, p in zip(test, pred) if r["batch"] == batch])[:3])
                       for batch in batches)
        print(line(v, gold, pred, extra + "  [" + per + "]"), flush=True)
        if probs:
            curves.append((v, probs, b))
    print(" the veto at other thresholds (test pairs, pooled: P/R tp/fp/fn):")
    print("  " + " " * 10 + "".join(f"{t:>21}" for t in CURVE))
    for v, probs, b in curves:
        cells = []
        for t in CURVE:
            tp, fp, fn, p, r, _ = prf(gold, decide(test, probs, t, b))
            cells.append(f"{p:.3f}/{r:.3f} {tp}/{fp}/{fn}")
        print(f"  {v:<10}" + "".join(f"{c:>21}" for c in cells), flush=True)


def export(variant: str, rows: list[dict], seed: int, path: Path, dim: int, about: str = "a-o",
           objective: str = "f1") -> dict:
    c, a, b = choose(variant, rows, seed, dim, objective)
    names, scaler, model = fit(variant, scope(variant, rows), c, dim)
    coef = [float(v) for v in model.coef_[0]]
    data = {
        "about": "Learned materiality decision (tracker/analysis/decision.py), fitted by "
                 f"scripts/train_materiality.py on the dev pairs {about}; logistic regression: "
                 "p = sigmoid(intercept + sum(coef * (x - mean) / scale) + sum(hash_coef[bucket] of the "
                 "pair's hashed words)); a veto below threshold, a promotion at promote_threshold or above.",
        "variant": variant, "objective": objective, "C": c, "threshold": a, "pairs": len(scope(variant, rows)),
        "features": names,
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) for v in scaler.scale_],
        "coef": [round(v, 6) for v in coef[:len(names)]],
        "intercept": round(float(model.intercept_[0]), 6),
    }
    if b is not None:
        data["promote_threshold"] = b
    if SPECS[variant][2]:
        data["hash_dim"] = dim
        data["hash_coef"] = [round(v, 5) for v in coef[len(names):]]
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, help="pair records cache (JSON): built once, then read")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seeds", default="1,2", help="fold seeds, comma-separated ('' for no CV)")
    ap.add_argument("--variants", default=",".join(VARIANTS), help="variants to evaluate, comma-separated")
    ap.add_argument("--ship", choices=tuple(SPECS), default="gate")
    ap.add_argument("--objective", choices=OBJECTIVES, default="f1",
                    help="what C and thresholds are chosen for in the inner CV (score)")
    ap.add_argument("--test-batches", default="",
                    help="batches (e.g. 12z,13z,14z) held out from the cache: train on the rest, test once")
    ap.add_argument("--write", action="store_true", help="fit --ship on all the pairs and write the model JSON")
    ap.add_argument("--labels", default=DEV,
                    help="label files: globs under benchmarks/data, comma-separated (dev batches only)")
    ap.add_argument("--batches", default="", help="only these batches, e.g. abcdefghijk,3z,12z (batch_set)")
    ap.add_argument("--early", default="", help="batches a time-ordered check trains on (the rest tests)")
    ap.add_argument("--test-labels", default="", help="a held-out glob: train on --labels, test on it once")
    ap.add_argument("--test-cache", type=Path, help="pair records cache of --test-labels")
    ap.add_argument("--fit-test", action="store_true", help="with --write: fit on --labels and --test-labels")
    ap.add_argument("--dim", type=int, default=4096, help="hashed word buckets (decision.HASH_DIM)")
    ap.add_argument("--out", type=Path, help="with --write: the model JSON to write (default: the shipped one)")
    args = ap.parse_args(argv)

    for pattern in (args.labels, args.test_labels):
        # the blind batches are measured once, by the lead: never trained or tested on here
        # (also a name a blind batch will have once labelled, "material_labels_zzzzzzzzzzzzzzzzz.jsonl")
        if pattern and reaches_blind(pattern):
            print(f"refusing a glob that matches the blind batches (p, q, z, zz, 4z, 17z and later; only the "
                  f"dev batches {', '.join(sorted(DEV_BATCHES, key=_order))} by exact name): {pattern}",
                  file=sys.stderr)
            return 2
    os.environ["TRACKER_MATERIALITY"] = "rules"  # features come from the rules' labels alone
    if not (ROOT.parent / "shared" / "data").is_dir():
        print("skipped: ../shared/data not found")
        return 0
    variants = tuple(v for v in args.variants.split(",") if v)
    rows = build(args.cache, args.jobs, args.labels)
    if args.batches:
        rows = [r for r in rows if r["batch"] in batch_set(args.batches)]
    prepare(rows, args.dim)
    print(f"{len(rows)} pairs, {sum(r['gold'] for r in rows)} material, {len({r['service'] for r in rows})} services; "
          f"{sum(r['hard'] for r in rows)} vetoed whole by the rules' page checks")
    for seed in (int(s) for s in args.seeds.split(",") if s):
        cross_validate(rows, seed, variants, args.dim, args.objective)
    if args.early:
        early = [r for r in rows if r["batch"] in batch_set(args.early)]
        late = [r for r in rows if r["batch"] not in batch_set(args.early)]
        print(f"\n== time-ordered: train on {_spans(sorted({r['batch'] for r in early}, key=_order))} "
              f"({len(early)} pairs), test on {_spans(sorted({r['batch'] for r in late}, key=_order))} "
              f"({len(late)} pairs) ==")
        for v in variants:
            pred, extra, _, _ = run_split(v, early, late, 1, args.dim, args.objective)
            print(line(v, [r["gold"] for r in late], pred, extra), flush=True)
    if args.test_batches:
        holdout(rows, batch_set(args.test_batches), variants, args.dim, args.objective)
    test: list[dict] = []
    if args.test_labels:
        test = build(args.test_cache, args.jobs, args.test_labels)
        prepare(test, args.dim)
        print(f"\n== train on {args.labels} ({len(rows)} pairs), test on {args.test_labels} ({len(test)} pairs, "
              f"{sum(r['gold'] for r in test)} material) ==")
        for v in variants:
            pred, extra, _, _ = run_split(v, rows, test, 1, args.dim, args.objective)
            print(line(v, [r["gold"] for r in test], pred, extra), flush=True)
    if args.write:
        from tracker.analysis.decision import MODEL_PATH

        fit_rows = rows + test if args.fit_test else rows
        batches = sorted({r["batch"] for r in fit_rows}, key=_order)
        out = args.out or MODEL_PATH
        data = export(args.ship, fit_rows, 1, out, args.dim, _spans(batches), args.objective)
        print(f"\nwrote {out}: {args.ship}, C={data['C']}, veto below {data['threshold']}, "
              f"promote at {data.get('promote_threshold')}, {data['pairs']} pairs; largest dense weights:")
        for n, w in sorted(zip(data["features"], data["coef"]), key=lambda t: -abs(t[1]))[:12]:
            print(f"  {w:+.3f}  {n}")
    return 0


def _order(batch: str) -> tuple[int, str]:
    """Sort key of batch names in labelling order: the letters, then 3z, 5z ... by length."""
    return (int(batch[:-1]), "") if batch[:1].isdigit() else (0, batch)


def _spans(batches: list[str] | str) -> str:
    """Batch names in labelling order as runs: "abcdefghijklmnorstu" -> "a-o + r-u",
    [..., "y", "3z", "5z", "6z", "7z"] -> "... r-y + 3z + 5z-7z"."""
    runs: list[list[str]] = []
    for name in batches:
        prev = runs[-1][-1] if runs else ""
        if prev and (ord(name) == ord(prev) + 1 if len(name) == len(prev) == 1 else
                     prev[:-1].isdigit() and name[:-1].isdigit() and int(name[:-1]) == int(prev[:-1]) + 1):
            runs[-1].append(name)
        else:
            runs.append([name])
    return " + ".join(r[0] if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


if __name__ == "__main__":
    sys.exit(main())
