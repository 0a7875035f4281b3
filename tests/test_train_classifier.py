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
