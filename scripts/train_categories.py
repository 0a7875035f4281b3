"""Train and evaluate the learned categories of material versions (``tracker/analysis/category_model.py``).

Data: hand-labelled version pairs (``benchmarks/data/material_labels_[a-o].jsonl`` by default,
read in place from ../shared as ``benchmarks/material_dev.py`` reads them). Never the blind
batches (p, q). Each pair is analysed as ``analyse`` runs it (the learned materiality decision
included) and the category model's features (``category_model.pair_features``) and the rules'
categories are caught where ``analyse`` asks for the version's categories; a truly material pair
whose changes were all vetoed gets its features from the rules' labels directly (for training).

Metric: that of ``material_dev.py``: micro-F1 of the categories over the truly material pairs,
a pair the tracker calls not material counting with no category.

Evaluation: 5-fold cross-validation grouped by service (a service never on both sides), two
fold seeds; per fold, C and the per-category thresholds are chosen by an inner grouped 4-fold CV
on the training folds only. Variants (``VARIANTS``):

  rules     the hand rules' categories (the reference)
  full      all features, per-category thresholds
  nowords   without the words of the changed text (``w:``)
  pooled    one regression shared by all categories over ``category_view`` (per-category base
            rate and trust in the rules), per-category thresholds
  augment   the rules' categories amended by ``pooled``: a category added at a probability of at
            least ``add``, one of the rules' taken away below ``drop`` (both chosen by inner CV)
  global    all features, one threshold for every category
  cap3      all features, per-category thresholds, three categories at most
  union     full, plus the rules' categories (thresholds tuned for the union)
  guard     the rules' first category always kept, full's categories added when their probability
            reaches the threshold plus a margin (thresholds, then the margin, by inner CV)
  evidence  union, the model adding only categories the changes show (``category_model.evident``:
            the category's words in the changed text or clauses, or a vote of the rules)
  evcap     evidence, with at most 3, 4 or 5 categories in all (by inner CV), the rules' first
            and then the likeliest kept
  ucap      union with that cap
  ucaplow   ucap with the thresholds tuned under the cap (slow: not separable)
  ufine     union, thresholds on a finer grid reaching lower (0.03 .. 0.90) and two passes
  uside     union, reading also the side topics of the material changes (``side:``)
  ufside    uside with ufine's thresholds
  uhead     union, reading also the topic scores of the material changes' section headings (``hs:``)
  ucut      union adding the rules' categories under a looser cut (at most 3, 4, 5 or 9 with a
            third .. none of the top vote, the watch-outs' or not: ``CUTS``, by inner CV; the
            regressions still read the rules' own cut)
  uhcut     ucut reading ``hs:`` too
  ulean     union without any words (``w:``, ``h:``, ``t:``)
  uglobal   union, one threshold for every category
  umdf      union, a word kept when 8 training pairs have it (3 otherwise)
  uwatch    union, the least probability at which a watch-out's category the rules name beside
            their vote stands (``watch_out_min``, ``WATCH_OUT_MIN`` at run time) chosen by inner CV
  rcut      the rules alone with the cut of ``CUTS`` that scores best on the training folds
  shipped   the shipped ``categories.json`` as it is (in-sample on the pairs it was fitted on)

Pairs are read as ``category_model.version_categories`` reads them at run time: the features over
the rules' voted categories (``watch_outs=False``), the categories of the watch-outs the rules
name beside their vote added unless the model gives them less than ``WATCH_OUT_MIN``.
  (session 15 also tried, on x-y and dropped: the topic scores of the changed clauses' headings,
  the inserted and deleted words apart, and categories of the changes not material)

Thresholds (and the margin) maximise the pooled micro-F1 of the inner CV's out-of-fold
predictions, not each category's own F1.

``--test GLOB``: instead, train on ``--labels`` and test on those labels (figures only).
``--write``: fit ``--ship`` on ``--labels`` (C and thresholds by grouped CV over them) and write
``tracker/analysis/model/categories.json``.

    PYTHONPATH=$PWD .venv/bin/python scripts/train_categories.py [--labels GLOB] [--cache DIR]
        [--test GLOB] [--write] [--ship full] [--jobs 2] [--shared DIR] [--cs 0.3,1.0]

Needs scikit-learn (the ``train`` extra) here only; the runtime reads the JSON in plain Python.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_materiality import group_folds  # noqa: E402  (the same service-grouped folds as the decision's)

DEV = "material_labels_[a-or-y].jsonl"  # all dev pairs (a-o, r-y)
VARIANTS = ("rules", "full", "nowords", "pooled", "augment", "global", "cap3", "union", "guard", "evidence",
            "evcap", "ucap", "ucaplow", "ufine", "uside", "ufside", "uhead", "ucut", "uhcut", "rcut", "shipped", "ulean", "uglobal", "uwatch",
            "umdf")
COMBINE = {"union": "union", "guard": "guard", "evidence": "union", "evcap": "union", "ucap": "union",
           "ucaplow": "union", "ufine": "union", "uside": "union", "ufside": "union", "uhead": "union",
           "ucut": "union", "uhcut": "union", "ulean": "union", "uglobal": "union", "uwatch": "union", "umdf": "union"}
# variants whose union adds the rules' categories cut looser than the rules' own cut (at most
# ``n`` with ``share`` of the top vote; the regressions still read the rules' own cut), the cut
# chosen by inner CV with the thresholds
CUT_VARIANTS = ("ucut", "uhcut")
# (n, share, watch-outs): the watch-outs' categories added to the union unconditionally or not
# (then as at run time: unless the model gives them less than ``WATCH_OUT_MIN``)
# variants the runtime (``category_model``) cannot apply: measured here, never written
EVALUATED_ONLY = ("uhead", "ucut", "uhcut", "rcut", "shipped")
CUTS = [(n, share, w) for w in (False, True) for n, share in
        [(n, share) for n in (3, 4, 5) for share in (1 / 3, 1 / 4, 1 / 6, 1 / 10)] + [(9, 1 / 6), (9, 1 / 10), (9, 0.0)]]
EVIDENCE = ("evidence", "evcap")  # variants whose model adds only categories the changes show
TOTALS = {"evcap": (3, 4, 5), "ucap": (3, 4, 5), "ucaplow": (3, 4, 5)}
JOINT = ("ucaplow",)  # variants whose thresholds are tuned under their cap (lower ones then pay)  # variant -> caps on all categories tried by inner CV
MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)
CS = (0.1, 0.3, 1.0)
THRESHOLDS = [i / 20 for i in range(2, 19)]  # 0.10 .. 0.90
FINE = [0.03, 0.05, 0.075] + [i / 40 for i in range(4, 37)]  # 0.03 .. 0.90, steps of 0.025
FINE_VARIANTS = ("ufine", "ufside")  # thresholds on ``FINE``, two passes of coordinate ascent
MIN_DF = 3  # a word feature is kept when at least this many training pairs have it
MIN_DFS = {"umdf": 8}  # variants keeping only words more pairs have (fewer of one service's own)
OUT = ROOT / "tracker" / "analysis" / "model" / "categories.json"
SHARED_DIR = ROOT.parent / "shared"  # the pairs' texts (``--shared``); forked workers inherit it


def _features(rec: dict) -> dict:
    """One labelled pair -> {id, service, gold, gold_cats, pred_material, rules_cats, feats}."""
    from material_dev import Bundles, load_texts

    import tracker.analysis.category_model as cm
    from tracker.analysis.analyse import analyse
    from tracker.analysis.materiality import version_categories as rules_categories

    caught: dict = {}

    def catch(diffs, labels, new, model=None):
        # as ``category_model.version_categories`` reads a pair: the features over the rules'
        # voted categories (the watch-outs left to the vote), the watch-outs' ones kept apart
        rules = rules_categories(labels, new, capped=False)  # (the watch-outs the model weighs)
        voted = rules_categories(labels, new, watch_outs=False)
        caught["rules"] = list(rules)
        caught["voted"] = list(voted)
        caught["feats"] = cm.pair_features(diffs, labels, new, voted) if rules else None
        caught["cut"] = cut_inputs(labels, new)
        if caught["feats"] is not None:
            caught["feats"].update(heading_scores(diffs, labels))
        return rules

    cm.version_categories = catch  # analyse imports it from the module on each call
    shared = SHARED_DIR
    before, after = load_texts(rec, shared, Bundles(shared))
    a = analyse(before, after)
    feats = caught.get("feats")
    if feats is None and rec["material"]:
        from tracker.analysis.diff import diff_texts
        from tracker.analysis.materiality import label_document

        diff = diff_texts(before, after)
        labels = label_document(diff.changes, before, after)
        rules = rules_categories(labels, after)
        voted = rules_categories(labels, after, watch_outs=False)
        caught["voted"], caught["cut"] = list(voted), cut_inputs(labels, after)
        feats = cm.pair_features(diff.changes, labels, after, voted) if rules else None
        if feats is not None:
            feats.update(heading_scores(diff.changes, labels))
    return {"id": rec["id"], "service": rec["service"].lower(), "batch": rec["_file"][-7],
            "gold": bool(rec["material"]), "gold_cats": sorted(rec.get("categories", [])),
            "pred_material": bool(a.material), "rules_cats": sorted(a.categories), "feats": feats,
            "voted": sorted(caught.get("voted", [])), "cut": caught.get("cut")}


def cut_inputs(labels, new: str) -> dict:
    """What ``materiality.version_categories`` cuts from: the rules' votes, the categories of the
    watch-outs the changes add or remove, the document's main topic and its share (for
    ``rules_cut``, which redoes the cut with another number of categories and share of the top vote)."""
    from tracker.analysis.category_model import rule_votes
    from tracker.analysis.classify import topic_profile

    watched: set[str] = set()
    for label in labels:
        if not label.material or not label.categories:
            continue
        ws = label.weights if len(label.weights) == len(label.categories) else (1.0,) * len(label.categories)
        top = max(ws) or 1.0
        watch = set(label.watch_added) | set(label.watch_removed)
        watched.update(c for c, w in zip(label.categories, ws)
                       if c in watch and (w >= top or c == "ai-training") and c not in ("other", "acceptance"))
    profile = topic_profile(new) if new else {}
    main = max(profile, key=lambda c: profile[c], default="")
    return {"votes": rule_votes(labels), "watched": sorted(watched), "main": main,
            "main_share": profile.get(main, 0.0)}


def rules_cut(cut: dict | None, n: int = 3, share: float = 1 / 3, watch_outs: bool = False) -> list[str]:
    """``materiality.version_categories`` of a pair's ``cut_inputs`` keeping at most ``n``
    categories with at least ``share`` of the top vote (3 and a third there)."""
    from tracker.analysis.materiality import _DOMINANT, _SIDE_TOPIC, _SUBTOPICS

    if not cut or not cut["votes"]:
        return []
    votes = cut["votes"]
    best = max(votes.values())
    from tracker.analysis.classify import CATEGORIES

    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], CATEGORIES.index(kv[0])))
    kept = {c for c, v in ranked[:n] if v >= best * share - 1e-12}
    if "ai-training" in cut["watched"]:
        kept.add("ai-training")
    main = cut["main"]
    if len(kept) > 1 and main in kept and cut["main_share"] >= _DOMINANT:
        kept = {c for c in kept if c == main or votes[c] >= _SIDE_TOPIC * votes[main] or (main, c) in _SUBTOPICS}
    if watch_outs:
        kept |= set(cut["watched"])
    return sorted(kept)


def heading_scores(diffs, labels) -> dict[str, float]:
    """``hs:`` the topic scores of the material changes' section headings (log-scaled)."""
    from tracker.analysis.classify import category_scores

    out: dict[str, float] = {}
    for diff, label in zip(diffs, labels):
        if label.material and (diff.heading or "").strip():
            for c, v in category_scores(diff.heading).items():
                out["hs:" + c] = out.get("hs:" + c, 0.0) + v
    return {k: math.log1p(v) for k, v in out.items()}


def build(pattern: str, cache: Path | None, jobs: int) -> list[dict]:
    """Features of every pair of the label files matching ``pattern`` (cached per file)."""
    from material_dev import LABELS_DIR, load_labels

    rows: list[dict] = []
    for path in sorted(LABELS_DIR.glob(pattern)):
        target = cache / (path.stem + ".json") if cache else None
        if target and target.is_file():
            rows += json.loads(target.read_text())
            continue
        records = load_labels("low", path.name)
        started = time.perf_counter()
        with Pool(jobs) as pool:
            part = pool.map(_features, records, chunksize=2)
        print(f"{path.name}: features of {len(part)} pairs in {time.perf_counter() - started:.0f}s", file=sys.stderr)
        if target:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(part))
        rows += part
    return rows


# --- folds and metrics ---------------------------------------------------------------------------
def micro(pairs: list[tuple[list[str], list[str]]]) -> tuple[int, int, int, float, float, float]:
    """(tp, fp, fn, P, R, F1) of (gold, predicted) category lists."""
    tp = fp = fn = 0
    for gold, pred in pairs:
        g, p = set(gold), set(pred)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    p_ = tp / (tp + fp) if tp + fp else 0.0
    r_ = tp / (tp + fn) if tp + fn else 0.0
    return tp, fp, fn, p_, r_, (2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0)


# --- models --------------------------------------------------------------------------------------
def trainable(rows: list[dict]) -> list[dict]:
    """The pairs a model learns from: truly material, with the rules' features."""
    return [r for r in rows if r["gold"] and r["feats"]]


# features only some variants read: the side topics of the material changes (``side:``); the
# others drop them, as the models fitted before them did
NEW_FEATURES = {"side:": "rules' side topics", "hs:": "topic scores of the changed clauses' headings",
                "urule:": "the union's rules' categories under a looser cut (decision only)"}
ADDS_FEATURES = {"uside": ("side:",), "ufside": ("side:",), "uhead": ("hs:",), "uhcut": ("hs:",)}


def prepared(rows: list[dict], variant: str, cut: tuple[int, float, bool] | None = None) -> list[dict[str, float]]:
    """Each row's features as ``variant`` reads them: without the ``NEW_FEATURES`` it does not add;
    with ``cut`` (n, share), ``urule:`` the rules' categories under that cut (``rules_cut``), which
    the union adds (``category_model.combined``) and no regression reads."""
    drop = tuple(p for p in NEW_FEATURES if p not in ADDS_FEATURES.get(variant, ()))
    if variant == "nowords":
        drop += ("w:",)
    if variant == "ulean":  # no words at all: of the changed text, the headings or the title
        drop += ("w:", "h:", "t:")
    out = [{f: v for f, v in r["feats"].items() if not f.startswith(drop)} for r in rows]
    if cut:
        for x, r in zip(out, rows):
            x.update({"urule:" + c: 1.0 for c in rules_cut(r.get("cut"), *cut)})
    return out


def fit(rows: list[dict], variant: str, c: float) -> dict:
    """One logistic regression per category on ``rows``: {categories, intercept, coef}."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from tracker.analysis.classify import CATEGORIES

    feats = prepared(rows, variant)
    words = ("w:", "h:", "t:")
    df = Counter(f for x in feats for f in x if f.startswith(words))
    least = MIN_DFS.get(variant, MIN_DF)
    keep = [{f: v for f, v in x.items() if not f.startswith(words) or df[f] >= least} for x in feats]
    vec = DictVectorizer()
    x = vec.fit_transform(keep).tocsr()
    x.indices, x.indptr = x.indices.astype(np.int32), x.indptr.astype(np.int32)  # liblinear wants 32-bit
    names = vec.get_feature_names_out()
    if variant in ("pooled", "augment"):
        return fit_pooled(rows, c)
    model: dict = {"categories": [], "intercept": {}, "coef": {}}
    for cat in CATEGORIES:
        y = np.array([cat in r["gold_cats"] for r in rows])
        model["categories"].append(cat)
        if y.sum() == 0:  # never seen: never predicted
            model["intercept"][cat], model["coef"][cat] = -10.0, {}
            continue
        lr = LogisticRegression(C=c, max_iter=3000, solver="liblinear").fit(x, y)
        model["intercept"][cat] = float(lr.intercept_[0])
        model["coef"][cat] = {str(n): round(float(w), 5) for n, w in zip(names, lr.coef_[0]) if abs(w) >= 1e-5}
    return model


def fit_pooled(rows: list[dict], c: float) -> dict:
    """One logistic regression over every (pair, category), on ``category_view``."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from tracker.analysis.category_model import category_view
    from tracker.analysis.classify import CATEGORIES

    xs, ys = [], []
    for r in rows:
        for cat in CATEGORIES:
            xs.append(category_view(r["feats"], cat))
            ys.append(cat in r["gold_cats"])
    vec = DictVectorizer()
    x = vec.fit_transform(xs).tocsr()
    x.indices, x.indptr = x.indices.astype(np.int32), x.indptr.astype(np.int32)
    lr = LogisticRegression(C=c, max_iter=3000, solver="liblinear").fit(x, np.array(ys))
    return {"kind": "pooled", "categories": list(CATEGORIES), "intercept": float(lr.intercept_[0]),
            "coef": {str(n): round(float(w), 5) for n, w in zip(vec.get_feature_names_out(), lr.coef_[0])
                     if abs(w) >= 1e-5}}


def probs_of(model: dict, rows: list[dict], variant: str) -> list[dict[str, float]]:
    from tracker.analysis.category_model import probabilities

    return [probabilities(x, model) for x in prepared(rows, variant)]


def decide(probs: dict[str, float], thr: dict[str, float], cap: int, combine: str = "", margin: float = 0.0,
           feats: dict[str, float] | None = None, evidence: bool = False, total: int = 0) -> list[str]:
    """``category_model.predict`` of a per-category model, from the probabilities."""
    from tracker.analysis.category_model import combined

    kept = combined(probs, feats or {}, thr, cap, combine, margin, evidence, total)
    return kept + loose_extra(feats or {}, kept, combine)


def loose_extra(feats: dict[str, float], kept, combine: str) -> list[str]:
    """The categories of a looser rules' cut (``urule:``, the ``CUT_VARIANTS``) that a union adds
    beside ``kept`` (the runtime has no such cut: those variants are evaluated, never shipped)."""
    if combine != "union":
        return []
    return [f[6:] for f in feats if f.startswith("urule:") and f[6:] not in kept]


def tune_thresholds(probs: list[dict[str, float]], gold: list[list[str]], cats: list[str], variant: str,
                    cap: int, feats: list[dict[str, float]] | None = None, total: int = 0) -> dict[str, float]:
    """Thresholds that maximise the micro-F1 of (gold, decided) on out-of-fold ``probs``: one for
    all (``global``) or per category by coordinate ascent (one pass, from the best global one).
    ``feats``: each pair's features, for the variants that combine with the rules' categories;
    ``total``: the cap on all categories (0: none)."""
    combine = COMBINE.get(variant, "")
    evidence = variant in EVIDENCE
    fs = feats or [{} for _ in probs]
    if not total and cap >= 9:
        return _tune_separable(probs, gold, cats, variant, fs)
    grid = FINE if variant in FINE_VARIANTS else THRESHOLDS

    def score(thr: dict[str, float]) -> float:
        return micro([(g, decide(p, thr, cap, combine, 0.0, x, evidence, total))
                      for g, p, x in zip(gold, probs, fs)])[5]

    best_t = max(grid, key=lambda t: (score(dict.fromkeys(cats, t)), -abs(t - 0.5)))
    thr = dict.fromkeys(cats, best_t)
    if variant in ("global", "uglobal"):
        return thr
    for _ in range(1):
        for c in cats:
            base = score(thr)
            best = (base, thr[c])
            for t in grid:
                s = score(thr | {c: t})
                if s > best[0] + 1e-9:
                    best = (s, t)
            thr[c] = best[1]
    return thr


def _tune_separable(probs: list[dict[str, float]], gold: list[list[str]], cats: list[str], variant: str,
                    feats: list[dict[str, float]]) -> dict[str, float]:
    """``tune_thresholds`` without a cap on all categories: each category is kept or not on its own
    (its probability against its threshold, its evidence, the rules' categories for "union", their
    first for "guard"), so its threshold moves only its own counts, computed with numpy. The cap of
    nine and "the likeliest alone when none passes" are left out of the count (they rarely bind:
    with the rules' categories kept, never)."""
    import numpy as np

    from tracker.analysis.category_model import evident, rules_top

    combine, evidence = COMBINE.get(variant, ""), variant in EVIDENCE
    p = np.array([[pr.get(c, 0.0) for c in cats] for pr in probs])
    g = np.array([[c in gl for c in cats] for gl in gold])
    ok = np.array([[not evidence or evident(x, c) for c in cats] for x in feats])
    tops = [rules_top(x) if combine == "guard" else "" for x in feats]
    fixed = np.array([[(combine == "union" and (f"rule:{c}" in x or f"urule:{c}" in x)) or c == top for c in cats]
                      for x, top in zip(feats, tops)])
    n_gold = int(g.sum())
    ts = np.array(FINE if variant in FINE_VARIANTS else THRESHOLDS)
    kept = fixed[:, :, None] | ((p[:, :, None] >= ts[None, None, :]) & ok[:, :, None])  # pair x cat x threshold
    tp = (kept & g[:, :, None]).sum(0)  # cat x threshold
    fp = (kept & ~g[:, :, None]).sum(0)

    def f1(tp_: int, fp_: int) -> float:
        return 2 * tp_ / (2 * tp_ + fp_ + (n_gold - tp_)) if tp_ else 0.0

    k = len(cats)
    best_i = max(range(len(ts)), key=lambda i: (f1(int(tp[:, i].sum()), int(fp[:, i].sum())), -abs(ts[i] - 0.5)))
    idx = [best_i] * k
    for _ in range(2 if variant in FINE_VARIANTS else 1 if variant not in ("global", "uglobal") else 0):
        for j in range(k):
            rest_tp = sum(int(tp[m, idx[m]]) for m in range(k) if m != j)
            rest_fp = sum(int(fp[m, idx[m]]) for m in range(k) if m != j)
            best = (f1(rest_tp + int(tp[j, idx[j]]), rest_fp + int(fp[j, idx[j]])), idx[j])
            for i in range(len(ts)):
                s = f1(rest_tp + int(tp[j, i]), rest_fp + int(fp[j, i]))
                if s > best[0] + 1e-9:
                    best = (s, i)
            idx[j] = best[1]
    return {c: float(ts[i]) for c, i in zip(cats, idx)}


SHARED = ("full", "global", "cap3", "union", "guard", "evidence", "evcap", "ucap", "ucaplow", "ufine", "ucut", "uglobal", "uwatch")
SHARED_HEAD = ("uhead", "uhcut")  # the same regressions, reading the headings' topics (``hs:``)  # the same regressions


def inner_probs(train: list[dict], variant: str, seed: int) -> dict[float, list[dict[str, float]]]:
    """C -> out-of-fold probabilities of each of ``train``'s rows by an inner grouped 4-fold CV."""
    folds = group_folds(train, 4, seed + 1000)
    out: dict[float, list[dict[str, float]]] = {}
    for c in CS:
        probs: list[dict[str, float]] = [{} for _ in train]
        for f in range(4):
            fit_rows = [r for r, k in zip(train, folds) if k != f]
            idx = [i for i, k in enumerate(folds) if k == f]
            model = fit(fit_rows, variant, c)
            for i, p in zip(idx, probs_of(model, [train[i] for i in idx], variant)):
                probs[i] = p
        out[c] = probs
    return out


def choose(train: list[dict], variant: str, seed: int,
           oof: dict[float, list[dict[str, float]]] | None = None) -> tuple[float, dict[str, float], int, float, int]:
    """(C, thresholds, cap, margin, cap on all categories) chosen by an inner grouped 4-fold CV on
    ``train`` (trainable rows); ``oof``: that CV's probabilities (``inner_probs``) when already
    computed (the variants in ``SHARED`` fit the same regressions and differ in the decision)."""
    from tracker.analysis.classify import CATEGORIES

    cap = 3 if variant == "cap3" else 9
    best: tuple[float, float, dict[str, float], float, int] = (-1.0, CS[0], {}, 0.0, 0)
    gold = [r["gold_cats"] for r in train]
    if variant in CUT_VARIANTS:
        return choose_cut(train, variant, oof or inner_probs(train, variant, seed))
    if variant == "uwatch":
        return choose_watch(train, oof or inner_probs(train, variant, seed))
    feats = prepared(train, variant)
    combine = COMBINE.get(variant, "")
    oof = oof or inner_probs(train, variant, seed)
    for c in CS:
        probs = oof[c]
        if variant == "augment":
            for add in ADDS:
                for drop in DROPS:
                    f1 = micro([(g, amend([f[5:] for f in r["feats"] if f.startswith("rule:")], p, add, drop))
                                for g, p, r in zip(gold, probs, train)])[5]
                    if f1 > best[0] + 1e-9:
                        best = (f1, c, {"add": add, "drop": drop}, 0.0, 0)
            continue
        # the thresholds tuned without a cap on all categories (fast, separable); the cap then
        # chosen on top of them
        untied = (tune_thresholds(probs, gold, list(CATEGORIES), variant, cap, feats)
                  if variant in TOTALS and variant not in JOINT else {})
        for total in TOTALS.get(variant, (0,)):
            thr = untied or tune_thresholds(probs, gold, list(CATEGORIES), variant, cap, feats, total)
            for margin in MARGINS if combine == "guard" else (0.0,):
                f1 = micro([(g, decide(p, thr, cap, combine, margin, x, variant in EVIDENCE, total))
                            for g, p, x in zip(gold, probs, feats)])[5]
                if f1 > best[0] + 1e-9:
                    best = (f1, c, thr, margin, total)
    return best[1], best[2], cap, best[3], best[4]


def choose_cut(train: list[dict], variant: str,
               oof: dict[float, list[dict[str, float]]]) -> tuple[float, dict[str, float], int, float, int]:
    """``choose`` for the ``CUT_VARIANTS``: C, the thresholds and the looser cut (``CUTS``) whose
    union gives the best micro-F1 on the inner CV's probabilities; the cut is returned in place of
    the cap on all categories as ``CUTS``' index + 1 (``train_model`` stores it as ``union_cut``)."""
    from tracker.analysis.classify import CATEGORIES

    gold = [r["gold_cats"] for r in train]
    best: tuple[float, float, dict[str, float], int] = (-1.0, CS[0], {}, 0)
    for k, cut in enumerate(CUTS):
        feats = prepared(train, variant, cut)
        for c in CS:
            thr = tune_thresholds(oof[c], gold, list(CATEGORIES), variant, 9, feats)
            f1 = micro([(g, decide(p, thr, 9, "union", 0.0, x)) for g, p, x in zip(gold, oof[c], feats)])[5]
            if f1 > best[0] + 1e-9:
                best = (f1, c, thr, k + 1)
    return best[1], best[2], 9, 0.0, best[3]


WATCH_MINS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 1.01)  # 1.01: never


def with_watch_outs(kept: list[str], probs: dict[str, float], row: dict, least: float) -> list[str]:
    """``kept`` and the watch-outs' categories the rules name beside their vote (``row``'s rules'
    categories not voted) whose probability reaches ``least`` (``category_model.version_categories``)."""
    extra = set(row["rules_cats"]) - set(row.get("voted", row["rules_cats"])) - set(kept)
    return list(kept) + [c for c in sorted(extra) if probs.get(c, 1.0) >= least]


def choose_watch(train: list[dict], oof: dict[float, list[dict[str, float]]]
                 ) -> tuple[float, dict[str, float], int, float, int]:
    """``choose`` for "uwatch": union's C and thresholds, then the watch-outs' least probability
    (``WATCH_MINS``, returned in the margin's place) on the inner CV's probabilities."""
    from tracker.analysis.classify import CATEGORIES

    gold = [r["gold_cats"] for r in train]
    feats = prepared(train, "uwatch")
    best: tuple[float, float, dict[str, float], float] = (-1.0, CS[0], {}, 0.1)
    for c in CS:
        thr = tune_thresholds(oof[c], gold, list(CATEGORIES), "uwatch", 9, feats)
        kept = [decide(p, thr, 9, "union", 0.0, x) for p, x in zip(oof[c], feats)]
        for least in WATCH_MINS:
            f1 = micro([(g, with_watch_outs(k, p, r, least) if r["pred_material"] else [])
                        for g, k, p, r in zip(gold, kept, oof[c], train)])[5]
            if f1 > best[0] + 1e-9:
                best = (f1, c, thr, least)
    return best[1], best[2], 9, best[3], 0


def choose_rcut(train: list[dict]) -> tuple[int, float, bool]:
    """The cut (``CUTS``) whose rules' categories (watch-outs added) score best on ``train``."""
    gold = [r for r in train if r["gold"]]
    return max(CUTS, key=lambda cut: micro([(r["gold_cats"], rules_cut(r.get("cut"), *cut)
                                            if r["pred_material"] else []) for r in gold])[5])


ADDS = (0.4, 0.5, 0.6, 0.7, 0.8)
DROPS = (0.0, 0.05, 0.1, 0.2)


def amend(rules: list[str], probs: dict[str, float], add: float, drop: float) -> list[str]:
    """``category_model.predict`` of an ``augment`` model."""
    kept = (set(rules) | {c for c, p in probs.items() if p >= add}) - {c for c, p in probs.items() if p < drop}
    return sorted(kept or rules)


def train_model(rows: list[dict], variant: str, seed: int, shared: dict | None = None) -> dict:
    """The fitted model of ``variant`` on ``rows`` (any labelled rows; trainable ones used).
    ``shared``: a dict kept across the ``SHARED`` variants of the same ``rows`` and ``seed``, which
    holds their inner CV's probabilities and their fitted regressions per C (computed once)."""
    train = trainable(rows)
    if shared is not None and (variant in SHARED or variant in SHARED_HEAD):
        # the same regressions: "full"'s, or those reading the headings' topics too
        base = "full" if variant in SHARED else "uhead"
        store = shared.setdefault(base, {})
        if "oof" not in store:
            store["oof"] = inner_probs(train, base, seed)
        c, thr, cap, margin, total = choose(train, variant, seed, store["oof"])
        if c not in store:
            store[c] = fit(train, base, c)
        model = json.loads(json.dumps(store[c]))  # a copy: each variant adds its own decision
    else:
        c, thr, cap, margin, total = choose(train, variant, seed)
        model = fit(train, variant, c)
    if variant == "augment":
        model.update(augment=[thr["add"], thr["drop"]], threshold={}, C=c, variant=variant)
        return model
    model.update(threshold=thr, max_categories=cap, C=c, variant=variant)
    if variant in CUT_VARIANTS:
        model["union_cut"] = list(CUTS[total - 1])
        total = 0
    if variant == "uwatch":
        model["watch_out_min"], margin = margin, 0.0
    if variant in COMBINE:
        model.update(combine=COMBINE[variant], margin=margin)
    if variant in EVIDENCE:
        model["evidence"] = True
    if total:
        model["max_total"] = total
    return model


def evaluate(rows: list[dict], preds: dict[str, list[str]]) -> dict:
    """Micro-F1 over the truly material ``rows``; ``preds``: id -> categories of a material pair
    (a pair the tracker calls not material has none)."""
    gm = [r for r in rows if r["gold"]]
    pairs = [(r["gold_cats"], preds.get(r["id"], []) if r["pred_material"] else []) for r in gm]
    tp, fp, fn, p, r_, f = micro(pairs)
    mat = [pr for (_, pr), row in zip(pairs, gm) if row["pred_material"]]
    return {"tp": tp, "fp": fp, "fn": fn, "P": p, "R": r_, "F1": f, "pairs": len(gm),
            "gold_mean": sum(len(g) for g, _ in pairs) / max(1, len(pairs)),
            "pred_mean": sum(len(x) for x in mat) / max(1, len(mat))}


def predictions(model: dict, rows: list[dict], variant: str) -> dict[str, list[str]]:
    """id -> predicted categories of each row with features (rules' categories kept without)."""
    from tracker.analysis.category_model import WATCH_OUT_MIN, predict, probabilities

    out = {r["id"]: r["rules_cats"] for r in rows}
    for r in rows:
        if r["feats"] and r["rules_cats"]:
            x = prepared([r], variant, tuple(model["union_cut"]) if "union_cut" in model else None)[0]
            kept = set(predict(x, model))
            kept |= set(loose_extra(x, list(kept), model.get("combine", "")))
            # as ``category_model.version_categories``: a watch-out's category the rules name
            # beside their vote is added unless the model finds it unlikely
            extra = set(r["rules_cats"]) - set(r.get("voted", r["rules_cats"])) - kept
            if extra:
                probs = probabilities(x, model)
                kept |= {c for c in extra if probs.get(c, 1.0) >= model.get("watch_out_min", WATCH_OUT_MIN)}
            out[r["id"]] = sorted(kept)
    return out


def show(name: str, m: dict) -> str:
    return (f"{name:<8} P {m['P']:.3f} R {m['R']:.3f} F1 {m['F1']:.3f} ({m['tp']}/{m['fp']}/{m['fn']}) "
            f"cats/pair gold {m['gold_mean']:.2f} pred {m['pred_mean']:.2f}")


def crossval(rows: list[dict], variants: list[str], seeds: list[int]) -> None:
    rules = {r["id"]: r["rules_cats"] for r in rows}
    for seed in seeds:
        folds = group_folds(rows, 5, seed)
        print(f"\n5-fold CV grouped by service, seed {seed}, {sum(r['gold'] for r in rows)} material pairs")
        print(show("rules", evaluate(rows, rules)))
        shared: list[dict] = [{} for _ in range(5)]  # per fold, for the SHARED variants
        for variant in variants:
            if variant == "rules":
                continue
            if variant == "shipped":  # the shipped file as it is (in-sample on the pairs it was fitted on)
                from tracker.analysis.category_model import load_model

                m = evaluate(rows, predictions(load_model(), rows, variant))
                print(show(variant, m) + "  (fitted on " + str(load_model().get("trained_on")) + ")")
                continue
            preds: dict[str, list[str]] = {}
            per_fold = []
            for f in range(5):
                train = [r for r, k in zip(rows, folds) if k != f]
                test = [r for r, k in zip(rows, folds) if k == f]
                if variant == "rcut":
                    cut = choose_rcut(train)
                    p = {r["id"]: rules_cut(r.get("cut"), *cut) for r in test}
                    model = {"C": f"{cut[0]},{cut[1]:.2f},{'w' if cut[2] else ''}"}
                else:
                    model = train_model(train, variant, seed + f, shared[f])
                    p = predictions(model, test, variant)
                preds.update(p)
                cut = model.get("union_cut")
                per_fold.append((evaluate(test, p)["F1"], evaluate(test, rules)["F1"],
                                 f"{model['C']}" + (f" {cut[0]},{cut[1]:.2f}{',w' if cut[2] else ''}" if cut else "")))
            print(show(variant, evaluate(rows, preds)) + "  folds model/rules F1 (C): "
                  + " ".join(f"{a:.2f}/{b:.2f}({c})" for a, b, c in per_fold), flush=True)


def main(argv: list[str] | None = None) -> int:
    global SHARED_DIR, CS
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", default=DEV, help="label files to train on (never p, q or z)")
    ap.add_argument("--test", default="", help="label files to test on (train on --labels)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/cats14/feats"))  # features of this code
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--seeds", default="1,2")
    ap.add_argument("--write", action="store_true", help=f"fit --ship on --labels and write {OUT.name}")
    ap.add_argument("--ship", default="full", choices=[v for v in VARIANTS[1:] if v not in EVALUATED_ONLY])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cs", default=",".join(map(str, CS)), help="the regularisation strengths C tried")
    ap.add_argument("--shared", type=Path, default=None, help="the shared folder (default ../shared)")
    args = ap.parse_args(argv)
    SHARED_DIR = args.shared or SHARED_DIR
    CS = tuple(float(c) for c in args.cs.split(","))
    from material_dev import LABELS_DIR

    for pattern in (args.labels, args.test):
        if pattern and any(p.name[-7] in "pqz" for p in LABELS_DIR.glob(pattern)):
            print(f"refusing a glob that matches the blind batches p, q and z: {pattern}", file=sys.stderr)
            return 2
    rows = build(args.labels, args.cache, args.jobs)
    variants = [v for v in args.variants.split(",") if v]
    if args.write:
        from tracker.analysis.category_model import pack

        model = train_model(rows, args.ship, 7)
        model["trained_on"] = args.labels
        model["pairs"] = len(trainable(rows))
        OUT.write_text(json.dumps(pack(model), indent=None, separators=(",", ":"), sort_keys=True) + "\n")
        n = sum(len(v) for v in model["coef"].values())
        print(f"wrote {OUT} ({model['pairs']} pairs, C {model['C']}, {n} weights)")
        return 0
    if args.test:
        test = build(args.test, args.cache, args.jobs)
        print(f"train {args.labels} ({len(trainable(rows))} pairs) -> test {args.test} "
              f"({sum(r['gold'] for r in test)} material pairs)")
        print(show("rules", evaluate(test, {r["id"]: r["rules_cats"] for r in test})))
        common: dict = {}
        for variant in variants:
            if variant != "rules":
                model = train_model(rows, variant, 7, common)
                print(show(variant, evaluate(test, predictions(model, test, variant))) + f"  (C {model['C']}"
                      + (f", margin {model['margin']}" if "margin" in model else "")
                      + (f", at most {model['max_total']} in all)" if "max_total" in model else ")"),
                      flush=True)
        return 0
    crossval(rows, variants, [int(s) for s in args.seeds.split(",")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
