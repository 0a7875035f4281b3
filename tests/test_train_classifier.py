"""The trainer's ToS;DR weak labels (scripts/train_classifier.py load_tosdr), on invented quotes.

Needs scikit-learn (the `train` extra), which the trainer imports: skipped without it."""

import importlib.util
import json
from pathlib import Path

import pytest

pytest.importorskip("sklearn")

ROOT = Path(__file__).resolve().parents[1]


def _trainer():
    spec = importlib.util.spec_from_file_location("train_classifier", ROOT / "scripts" / "train_classifier.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _case(category: str) -> str:
    from quality import TOSDR_CASES  # on sys.path once the trainer is loaded

    return next(case for case, cat in TOSDR_CASES.items() if cat == category)


@pytest.fixture()
def trainer(tmp_path, monkeypatch):
    module = _trainer()
    monkeypatch.setenv("TRACKER_SHARED", str(tmp_path))
    (tmp_path / "data" / "tosdr").mkdir(parents=True)
    return module


def _write(tmp_path: Path, points: list[dict]) -> None:
    with (tmp_path / "data" / "tosdr" / "points.jsonl").open("w", encoding="utf-8") as f:
        for i, p in enumerate(points):
            f.write(json.dumps({"id": str(i), "rating": "bad", "irrelevant": False, **p}) + "\n")


def _row(trainer, doc: str, text: str) -> dict:
    return {"doc": doc, "norm": trainer.normalize(text)}


def test_quotes_become_weak_labels(trainer, tmp_path):
    _write(tmp_path, [
        {"case": _case("arbitration"),
         "quote_text": "Every dispute with Zorblio goes to binding arbitration in Valdora.</li>"},
        {"case": _case("termination"),
         "quote_text": "Welcome to Zorblio, the quiet kite forum. Zorblio may terminate your "
                       "account at any time for any reason."},
        {"case": _case("privacy"),
         "quote_text": "Zorblio shares your email address with kite makers."},
        {"case": "A case nobody mapped", "quote_text": "Zorblio may suspend your account."},
    ])
    rows = [_row(trainer, "Zorblio", "zorblio shares your email address with kite makers .")]
    extra = trainer.load_tosdr(rows)
    by_text = {e["text"]: e for e in extra}
    assert set(by_text) == {
        "Every dispute with Zorblio goes to binding arbitration in Valdora.",
        "Zorblio may terminate your account at any time for any reason.",
        "Zorblio shares your email address with kite makers."}
    arb = by_text["Every dispute with Zorblio goes to binding arbitration in Valdora."]
    assert arb["labels"] == ["a"] and "a" in arb["known"]
    ter = by_text["Zorblio may terminate your account at any time for any reason."]
    assert ter["labels"] == ["ter"]
    # a negative says nothing about a label whose topic it fires
    neg = by_text["Zorblio shares your email address with kite makers."]
    assert neg["labels"] == [] and neg["docs"] == {"Zorblio"}  # it quotes that document
    assert arb["docs"] == set()
    # negatives only: the eight labels' cases are left out
    only = trainer.load_tosdr(rows, positives="none")
    assert [e["text"] for e in only] == ["Zorblio shares your email address with kite makers."]


def test_a_quote_of_a_held_out_document_never_trains(trainer, tmp_path):
    """fit() leaves out extra sentences quoting a document outside its training rows."""
    _write(tmp_path, [{"case": _case("privacy"),
                       "quote_text": "Zorblio shares your email address with kite makers."}])
    quoted = [_row(trainer, "Zorblio", "zorblio shares your email address with kite makers .")]
    extra = trainer.load_tosdr(quoted)
    assert extra and all(e["docs"] == {"Zorblio"} for e in extra)
    assert trainer.usable(extra, {"Brightloom"}) == []  # Zorblio held out: left out
    assert trainer.usable(extra, {"Brightloom", "Zorblio"}) == extra


def _toy():
    """Six invented sentences' binary feature rows over five columns, and a label."""
    import numpy as np
    import scipy.sparse as sp

    x = sp.csr_matrix(np.array([[1, 1, 0, 0, 1], [1, 0, 1, 0, 0], [1, 1, 0, 1, 0],
                                [0, 0, 1, 1, 1], [0, 1, 1, 0, 1], [0, 0, 0, 1, 1]], dtype=float))
    return x, np.array([1, 1, 1, 0, 0, 0])


def test_nbsvm_is_one_linear_model_over_the_unscaled_features():
    import numpy as np
    from sklearn.svm import LinearSVC

    trainer = _trainer()
    trainer.BALANCED = None
    x, y = _toy()
    model = trainer.NBSVM(1.0).fit(x, y)
    xb = x.toarray() > 0
    pos, neg = xb[y == 1].sum(axis=0) + 1.0, xb[y == 0].sum(axis=0) + 1.0
    r = np.log((pos / pos.sum()) / (neg / neg.sum()))
    svm = LinearSVC(C=1.0, max_iter=20000).fit(x.multiply(r[None, :]).tocsr(), y)
    # the runtime reads coef_ over the plain features: the same scores as the SVM on scaled ones
    assert np.allclose(model.decision_function(x), svm.decision_function(x.multiply(r[None, :]).tocsr()))
    assert np.allclose(model.coef_[0], svm.coef_[0] * r)


def test_selected_keeps_weights_only_on_the_chosen_columns():
    import numpy as np

    trainer = _trainer()
    trainer.BALANCED = None
    trainer.SELECT = 2
    x, y = _toy()
    model = trainer.Selected(1.0).fit(x, y)
    assert np.count_nonzero(model.coef_[0]) <= 2
    assert model.coef_[0][0] > 0  # column 0 is in every positive row and no negative one
    assert model.decision_function(x).shape == (6,)


def test_neighbour_view_reads_only_adjacent_sentences_of_the_same_document():
    import numpy as np

    trainer = _trainer()
    rows = [{"doc": "a", "idx": 0, "pos": 0.0}, {"doc": "a", "idx": 1, "pos": 0.5},
            {"doc": "a", "idx": 3, "pos": 1.0}, {"doc": "b", "idx": 0, "pos": 0.0}]
    z = np.array([[1.0, 0.0], [2.0, 0.0], [3.0, 0.0], [4.0, 8.0]])
    v = trainer.neighbour_view(z, rows)
    # columns: own 2, previous 2, next 2, the larger of them 2, has previous, has next, position
    assert v.shape == (4, 11)
    assert list(v[1, 2:4]) == [1.0, 0.0] and list(v[1, 4:6]) == [2.5, 2.0]  # no sentence 2: mean
    assert list(v[1, 8:10]) == [1.0, 0.0]
    assert v[2, 8] == 0.0  # sentence 1 is not adjacent to sentence 3
    assert v[3, 8] == 0.0 and list(v[3, 2:4]) == [2.5, 2.0]  # another document's row is not its previous
    assert v[2, 10] == 1.0


def test_blend_weighs_the_calibrated_linear_score_against_the_probability():
    import numpy as np

    trainer = _trainer()
    linear, p = np.array([-2.0, 0.0, 3.0]), np.array([0.9, 0.2, 0.1])
    trainer.BLEND = 1.0
    assert np.allclose(trainer.blend(linear, (1.0, 0.0), p), p)
    trainer.BLEND = 0.0
    assert np.allclose(trainer.blend(linear, (2.0, -1.0), p), 1 / (1 + np.exp(-(2 * linear - 1))))
    trainer.BLEND = 0.5
    mixed = trainer.blend(linear, (1.0, 0.0), p)
    assert mixed[1] == pytest.approx(0.5 * 0.5 + 0.5 * 0.2)


def test_dense_view_carries_rule_hits_and_place_standardised_on_training_rows():
    import numpy as np
    import scipy.sparse as sp

    trainer = _trainer()
    trainer.SVD_DIMS = 0
    rows = [{"text": "Fees are due monthly.", "topics": {"payment"}, "rules": set(), "pos": 0.0},
            {"text": "We may end your account.", "topics": {"termination"},
             "rules": {"termination:any-time"}, "pos": 1.0}]
    dense = trainer.Dense().fit(sp.csr_matrix(np.eye(2)), rows)
    xd = dense.transform(sp.csr_matrix(np.eye(2)), rows)
    assert sorted(dense.cols) == ["R:termination:any-time", "T:payment", "T:termination"]
    assert np.allclose(xd.mean(axis=0), 0.0)
    col = dense.cols["T:termination"]
    assert xd[1, col] > xd[0, col]
    # a topic no training row had is no column: the row reads as "absent" (0/1 columns: -1)
    new = dense.transform(sp.csr_matrix(np.eye(2))[:1], [{"text": "x", "topics": {"privacy"},
                                                           "rules": set(), "pos": 0.0}])
    assert np.allclose(new[0, :3], -1.0, atol=1e-4)


def test_glove_sentence_vectors_weigh_rare_words_more(tmp_path):
    import numpy as np

    trainer = _trainer()
    np.save(tmp_path / "glove_6B_50d_emb.npy", np.array([[1.0, 0.0], [0.0, 1.0], [3.0, 4.0]]))
    (tmp_path / "words.txt").write_text("the\narbitration\nzorbly", encoding="utf-8")
    rows = [{"text": "The arbitration"}, {"text": "The the"}, {"text": "Nothing known"}]
    trainer.embed_glove(rows, tmp_path)
    # "the" is rank 0: log(1 + 0) = 0, so only "arbitration" counts
    assert np.allclose(rows[0]["E"], [0.0, 1.0])
    assert np.allclose(rows[1]["E"], [0.0, 0.0]) and np.allclose(rows[2]["E"], [0.0, 0.0])
