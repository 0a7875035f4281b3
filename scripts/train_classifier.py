"""Train the watch-out model (tracker/analysis/model/watch.json) from the CLAUDETTE corpus.

Data: CLAUDETTE (Lippi et al. 2019) via LexGLUE UNFAIR-ToS (Chalkidis et al. 2022), CC BY 4.0,
read from ../shared/data/claudette (override the shared folder with TRACKER_SHARED).
Only the train split is used, so the validation split stays an honest benchmark
(benchmarks/quality.py). Needs scikit-learn (the optional `train` extra); the runtime does not.

One class-weighted logistic regression (or linear SVM, ``--clf svm``) per label over the
runtime's own features (tracker.analysis.classify.features: word uni/bi-grams, 5-letter word stems and
rule hits), tf-idf weighted and L2-normalised. Everything that is tuned is tuned on a 5-fold
cross-validation of train grouped by document, never on validation:
- the decision threshold of each label (F1-best on the out-of-fold scores);
- a *gate* per label: whether to require the category's topic rule to fire (kept when it
  raises the cross-validated F1; always for content-removal, which by the taxonomy needs words
  about user content);
- *rule votes* per label: narrow watch rules whose train precision is high are OR-ed with the
  model when that raises the cross-validated F1 (rule precision plus model recall).
Weights below ``--prune`` are dropped to keep the artifact small. Exported as JSON that
tracker.analysis.classify applies in pure Python.

    .venv/bin/python scripts/train_classifier.py [--clf lr] [--C 30] [--prune 0.05]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))  # _shared: where the shared data folder is
from _shared import shared_data  # noqa: E402
from tracker.analysis.classify import features, normalize, rule_hits  # noqa: E402

LABELS = {"a": "arbitration", "ch": "terms-changes", "cr": "content-removal",
          "j": "jurisdiction", "law": "governing-law", "ltd": "liability",
          "ter": "termination", "use": "acceptance"}


# Gated by definition, whatever the corpus says: the taxonomy's content-removal is about *user
# content*; CLAUDETTE also marks some plain account-termination sentences `cr`.
ALWAYS_GATED = {"content-removal"}


def load(split: str) -> list[dict]:
    path = shared_data("claudette/unfair_tos_trainval.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [r for r in rows if r["split"] == split]


def analyzer(text: str) -> list[str]:
    return sorted(features(normalize(text)))


def tune_threshold(y: np.ndarray, scores: np.ndarray) -> tuple[float, float]:
    """The F1-best threshold on cross-validated scores, and its F1."""
    finite = scores[scores > -50]
    grid = np.unique(np.round(np.quantile(finite, np.linspace(0.70, 0.999, 300)), 3))
    best = max(grid, key=lambda t: (f1_score(y, scores >= t), -abs(t)))
    return float(best), float(f1_score(y, scores >= best))


def make(clf: str, c: float):
    if clf == "svm":
        return LinearSVC(C=c, class_weight="balanced", max_iter=20000)
    return LogisticRegression(C=c, class_weight="balanced", max_iter=5000)


def train(rows: list[dict], clf: str, c: float, prune: float, folds: int = 5) -> dict:
    vec = TfidfVectorizer(analyzer=analyzer, binary=True, min_df=2)
    x = vec.fit_transform([r["text"] for r in rows])
    groups = [r["doc"] for r in rows]
    vocab = vec.get_feature_names_out()
    hits = [rule_hits(normalize(r["text"])) for r in rows]
    topics = [{c for c, _, _ in t} for t, _ in hits]
    watch_rules = [{f"{c}:{n}" for c, n, _ in w} for _, w in hits]
    weights, bias, thresholds, gates, votes = [], [], [], [], []
    for short, cat in LABELS.items():
        y = np.array([short in r["labels"] for r in rows], dtype=int)
        model = make(clf, c)
        cv = cross_val_predict(model, x, y, groups=groups, cv=GroupKFold(folds),
                               method="decision_function")
        thr, f1 = tune_threshold(y, cv)
        gate_mask = np.array([cat in t for t in topics])
        g_thr, g_f1 = tune_threshold(y, np.where(gate_mask, cv, -99.0))
        gate = g_f1 > f1 + 0.005 or cat in ALWAYS_GATED
        if gate:
            thr, f1 = g_thr, g_f1
        pred = (np.where(gate_mask, cv, -99.0) if gate else cv) >= thr
        # Rule votes: precise narrow rules OR-ed with the model, kept if CV F1 goes up.
        chosen: list[str] = []
        names = sorted({n for w in watch_rules for n in w if n.startswith(cat + ":")})
        for name in names:
            fired = np.array([name in w for w in watch_rules])
            if fired.sum() < 3 or y[fired].mean() < 0.5:
                continue
            trial = pred | fired
            if f1_score(y, trial) > f1 + 0.005:
                pred, f1 = trial, float(f1_score(y, trial))
                chosen.append(name.split(":", 1)[1])
        model.fit(x, y)
        print(f"{cat:16} cv-F1 {f1:.3f} at threshold {thr:+.3f}"
              f"{'  gated on topic' if gate else ''}"
              f"{'  + rules ' + ', '.join(chosen) if chosen else ''}")
        weights.append(model.coef_[0])
        bias.append(float(model.intercept_[0]))
        thresholds.append(round(thr, 3))
        gates.append(bool(gate))
        votes.append(chosen)
    return export(vocab, vec.idf_, np.vstack(weights), bias, thresholds, gates, votes, clf, c,
                  prune)


def export(vocab, idf, w: np.ndarray, bias, thresholds, gates, votes, clf, c, prune) -> dict:
    """Compact JSON: idf for every feature (needed for the norm), sparse rounded weights."""
    w = np.round(w, 3)
    kept = {}
    for j, f in enumerate(vocab):
        pairs = [[i, float(v)] for i, v in enumerate(w[:, j]) if abs(v) >= prune]
        if pairs:
            kept[f] = pairs
    return {
        "labels": list(LABELS.values()),
        "source": "CLAUDETTE via LexGLUE UNFAIR-ToS, CC BY 4.0; train split only",
        "trainer": f"{clf} C={c}, class_weight=balanced, prune |w|<{prune}",
        "idf": {f: round(float(v), 2) for f, v in zip(vocab, idf)},
        "weights": kept,
        "bias": [round(b, 4) for b in bias],
        "thresholds": thresholds,
        "gates": gates,
        "rule_votes": votes,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clf", choices=("lr", "svm"), default="lr")
    ap.add_argument("--C", type=float, default=30.0)
    ap.add_argument("--prune", type=float, default=0.05)
    ap.add_argument("--out", type=Path, default=ROOT / "tracker" / "analysis" / "model" / "watch.json")
    args = ap.parse_args()
    model = train(load("train"), args.clf, args.C, args.prune)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True), "utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB, "
          f"{len(model['weights'])} weighted features)")


if __name__ == "__main__":
    main()
