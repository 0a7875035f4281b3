"""The plain LexGLUE TF-IDF+SVM recipe on the CLAUDETTE validation split: the honest reference.

Word 1-3-grams, stop words, min_df=5, TF-IDF, one LinearSVC per label; settings chosen by
document-grouped 5-fold CV on train (and, as LexGLUE did, on validation). Needs the `train`
extra (scikit-learn). Reads ../shared/data (or $TRACKER_SHARED); exits cleanly when it is absent.

    .venv/bin/python benchmarks/claudette_baseline.py
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from _shared import require

LABELS = ["a", "ch", "cr", "j", "law", "ltd", "ter", "use"]
GRID = list(itertools.product([10000, 20000, 40000], [0.1, 1, 10], ["hinge", "squared_hinge"]))


def main() -> None:
    data = require("claudette/unfair_tos_trainval.jsonl")
    import numpy as np
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfTransformer
    from sklearn.metrics import f1_score, precision_recall_fscore_support
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import Pipeline
    from sklearn.svm import LinearSVC

    try:
        from nltk.corpus import stopwords

        stop_words = stopwords.words("english")
        print("nltk stopwords")
    except Exception:  # nltk or its corpus missing: scikit-learn's list
        stop_words = list(ENGLISH_STOP_WORDS)
        print("sklearn stopwords (nltk unavailable)")

    with open(data, encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    train = [r for r in rows if r["split"] == "train"]
    valid = [r for r in rows if r["split"] == "validation"]

    def targets(rs: list[dict[str, Any]]) -> Any:
        return np.array([[label in r["labels"] for label in LABELS] for r in rs], dtype=int)

    y_train, y_valid = targets(train), targets(valid)
    groups = [r["doc"] for r in train]
    x_train = [r["text"] for r in train]
    x_valid = [r["text"] for r in valid]

    def pipe(max_features: int, c: float, loss: str) -> Any:
        return Pipeline([
            ("v", CountVectorizer(stop_words=stop_words, ngram_range=(1, 3), min_df=5, max_features=max_features)),
            ("t", TfidfTransformer()),
            ("c", LinearSVC(C=c, loss=loss, max_iter=50000, random_state=1)),
        ])

    def macro(y: Any, p: Any, zero: bool = False) -> float:
        if zero:  # LexGLUE's ninth class: no unfair label at all
            y = np.c_[y, y.sum(1) == 0]
            p = np.c_[p, p.sum(1) == 0]
        return f1_score(y, p, average="macro", zero_division=0)

    def fit_predict(params: tuple[Any, ...], xa: list[str], ya: Any, xb: list[str]) -> Any:
        predictions = []
        for j in range(len(LABELS)):
            model = pipe(*params).fit(xa, ya[:, j])
            predictions.append(model.predict(xb))
        return np.array(predictions).T

    # grouped CV on train for the grid
    best: tuple[float, tuple[Any, ...]] | None = None
    for params in GRID:
        p = np.zeros_like(y_train)
        for a, b in GroupKFold(5).split(x_train, groups=groups):
            p[b] = fit_predict(params, [x_train[i] for i in a], y_train[a], [x_train[i] for i in b])
        score = macro(y_train, p)
        print(params, f"cv8 {score * 100:.1f}", flush=True)
        if best is None or score > best[0]:
            best = (score, params)
    assert best is not None
    for name, params in [("cv-tuned", best[1]), ("defaults C=1 sq-hinge 20k", (20000, 1, "squared_hinge"))]:
        p = fit_predict(params, x_train, y_train, x_valid)
        _, _, f, _ = precision_recall_fscore_support(y_valid, p, zero_division=0)
        print(name, params, f"val macro8 {macro(y_valid, p) * 100:.1f}  "
              f"macro9(with zero class, LexGLUE style) {macro(y_valid, p, True) * 100:.1f}")
        print("  ", " ".join(f"{label}:{x * 100:.1f}" for label, x in zip(LABELS, f)))
    # tuned on validation (as LexGLUE did), for reference
    valid_best: tuple[float, tuple[Any, ...], float] | None = None
    for params in GRID:
        p = fit_predict(params, x_train, y_train, x_valid)
        score = macro(y_valid, p, True)
        if valid_best is None or score > valid_best[0]:
            valid_best = (score, params, macro(y_valid, p))
    assert valid_best is not None
    print("LexGLUE protocol (tuned on validation!):", valid_best[1],
          f"macro9 {valid_best[0] * 100:.1f} macro8 {valid_best[2] * 100:.1f}")


if __name__ == "__main__":
    main()
