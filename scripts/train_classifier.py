"""Train the watch-out model (tracker/model/watch.json) from the CLAUDETTE corpus.

Data: CLAUDETTE (Lippi et al. 2019) via LexGLUE UNFAIR-ToS (Chalkidis et al. 2022), CC BY 4.0,
read from ../shared/data/claudette (override the shared folder with TRACKER_SHARED).
Only the train split is used, so the validation split stays an honest benchmark
(benchmarks/quality.py). Needs scikit-learn (the optional `train` extra); the runtime does not.

One linear SVM per label over the runtime's own features (tracker.classify.features: word
uni/bi-grams + rule hits), tf-idf weighted and L2-normalised; the decision threshold of each label
is tuned for F1 on a 5-fold cross-validation of train grouped by document. Weights are exported as
JSON that tracker.classify applies in pure Python.

    .venv/bin/python scripts/train_classifier.py [--C 0.5] [--out tracker/model/watch.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tracker.classify import features, normalize  # noqa: E402

LABELS = {"a": "arbitration", "ch": "terms-changes", "cr": "content-removal",
          "j": "jurisdiction", "law": "governing-law", "ltd": "liability",
          "ter": "termination", "use": "acceptance"}


def shared_dir() -> Path:
    """../shared next to the repo, or TRACKER_SHARED."""
    return Path(os.environ.get("TRACKER_SHARED") or ROOT.parent / "shared")


def load(split: str) -> list[dict]:
    path = shared_dir() / "data" / "claudette" / "unfair_tos_trainval.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [r for r in rows if r["split"] == split]


def analyzer(text: str) -> list[str]:
    return sorted(features(normalize(text)))


def tune_threshold(y: np.ndarray, scores: np.ndarray) -> float:
    """The F1-best threshold on cross-validated scores (ties: the one closest to 0)."""
    grid = np.round(np.arange(-1.0, 1.01, 0.02), 2)
    return float(max(grid, key=lambda t: (f1_score(y, scores >= t), -abs(t))))


def train(rows: list[dict], c: float, folds: int = 5) -> dict:
    vec = TfidfVectorizer(analyzer=analyzer, binary=True, min_df=2)
    x = vec.fit_transform([r["text"] for r in rows])
    groups = [r["doc"] for r in rows]
    vocab = vec.get_feature_names_out()
    weights, bias, thresholds = [], [], []
    for short in LABELS:
        y = np.array([short in r["labels"] for r in rows], dtype=int)
        svm = LinearSVC(C=c, class_weight="balanced", max_iter=20000)
        cv = cross_val_predict(svm, x, y, groups=groups, cv=GroupKFold(folds),
                               method="decision_function")
        thr = tune_threshold(y, cv)
        svm.fit(x, y)
        print(f"{LABELS[short]:16} cv-F1 {f1_score(y, cv >= thr):.3f} at threshold {thr:+.2f}")
        weights.append(svm.coef_[0])
        bias.append(float(svm.intercept_[0]))
        thresholds.append(thr)
    return export(vocab, vec.idf_, np.vstack(weights), bias, thresholds)


def export(vocab, idf, w: np.ndarray, bias: list[float], thresholds: list[float]) -> dict:
    """Compact JSON: idf for every kept feature (needed for the norm), weights rounded."""
    w = np.round(w, 3)
    kept = {}
    for j, f in enumerate(vocab):
        col = w[:, j]
        if np.any(np.abs(col) >= 0.002):
            kept[f] = [float(v) for v in col]
    return {
        "labels": list(LABELS.values()),
        "source": "CLAUDETTE via LexGLUE UNFAIR-ToS, CC BY 4.0; train split only",
        "idf": {f: round(float(v), 3) for f, v in zip(vocab, idf)},
        "weights": kept,
        "bias": [round(b, 4) for b in bias],
        "thresholds": thresholds,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--out", type=Path, default=ROOT / "tracker" / "model" / "watch.json")
    args = ap.parse_args()
    model = train(load("train"), args.C)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True), "utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB, "
          f"{len(model['weights'])} weighted features)")


if __name__ == "__main__":
    main()
