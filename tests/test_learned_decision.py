"""The learned materiality decision (``tracker.analysis.decision``): obvious material changes stay
material, obvious noise stays not material, the pair's flag always sums up its clauses, the shipped
weights load and score in plain Python (no scikit-learn), and TRACKER_MATERIALITY=rules switches
the decision off. Every text is invented (fictional services)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.analysis import decision
from tracker.analysis.analyse import analyse
from tracker.analysis.diff import diff_texts
from tracker.analysis.materiality import label_document

ROOT = Path(__file__).resolve().parents[1]

BASE = """# Quillo Cloud Terms of Service

Last updated: March 3, 2025

## 1. Accounts

You must be at least 16 years old to create a Quillo account. You are responsible for keeping your
password secret and for all activity under your account.

## 2. Fees

The Pro plan costs $12 per month, billed monthly in advance. Taxes are added where required.

## 3. Refunds

You may request a full refund within 30 days of purchase by writing to our support team.

## 4. Your Content

You keep ownership of the files you upload. We use your content only to provide the service to you.

## 5. Disputes

These terms are governed by the laws of the State of Oregon. Any dispute will be heard by the state
or federal courts located in Portland, Oregon.

## 6. Contact

Questions? Write to Quillo Cloud Inc., 41 Larch Street, Portland, OR 97201, USA.
"""

MATERIAL = {
    "refund window cut": BASE.replace("within 30 days", "within 14 days"),
    "arbitration added": BASE.replace(
        "located in Portland, Oregon.",
        "located in Portland, Oregon.\n\nAny dispute arising from these terms shall be resolved exclusively by "
        "final and binding arbitration, and you waive your right to participate in a class action."),
    "price raised": BASE.replace("$12 per month", "$19 per month"),
    "ai training added": BASE.replace(
        "We use your content only to provide the service to you.",
        "We use your content to provide the service to you and to train and improve our machine learning "
        "and artificial intelligence models."),
}

NOISE = {
    "date only": BASE.replace("March 3, 2025", "June 18, 2025"),
    "link target": BASE.replace("writing to our support team",
                                "writing to our [support team](https://help.quillo.example/contact)").replace(
        "](https://help.quillo.example/contact)", "](https://quillo.example/support)"),
    "typo fixed": BASE.replace("responsible for keeping", "responsable for keeping").replace(
        "activity under", "activty under"),
    "contact form": BASE.replace("Quillo Cloud Inc., 41 Larch Street, Portland, OR 97201, USA.",
                                 "legal@quillo.example."),
}
# The typo case compares a misspelt old text with the corrected new one.
NOISE_PAIRS = {name: (BASE, text) for name, text in NOISE.items()}
NOISE_PAIRS["typo fixed"] = (NOISE["typo fixed"], BASE)
NOISE_PAIRS["link target"] = (BASE.replace("writing to our support team",
                                           "writing to our [support team](https://help.quillo.example/contact)"),
                              NOISE["link target"])


@pytest.fixture(params=["learned", "rules"])
def materiality_mode(request, monkeypatch):
    monkeypatch.setenv("TRACKER_MATERIALITY", request.param)
    return request.param


@pytest.mark.parametrize("name", sorted(MATERIAL))
def test_obvious_material_changes_stay_material(name: str, materiality_mode: str) -> None:
    a = analyse(BASE, MATERIAL[name])
    assert a.material, (name, materiality_mode, a.summary)
    assert a.material == any(c.material for c in a.changes)
    assert a.categories


@pytest.mark.parametrize("name", sorted(NOISE_PAIRS))
def test_obvious_noise_stays_not_material(name: str, materiality_mode: str) -> None:
    old, new = NOISE_PAIRS[name]
    assert old != new
    a = analyse(old, new)
    assert not a.material, (name, materiality_mode, a.summary)
    assert not any(c.material for c in a.changes)
    assert a.categories == ()


def test_the_shipped_model_is_complete_and_scores_plain_python() -> None:
    model = decision.load_model()
    assert model is not None, "tracker/analysis/model/materiality.json should ship"
    n = len(model["features"])
    assert n > 10 and len(model["mean"]) == n and len(model["scale"]) == n and len(model["coef"]) == n
    assert 0.0 < model["threshold"] < 1.0
    old, new = BASE, MATERIAL["refund window cut"]
    diff = diff_texts(old, new)
    feats = decision.pair_features(diff.changes, label_document(diff.changes, old, new), new, diff.unchanged)
    assert set(model["features"]) <= set(feats)
    p = decision.probability(feats, model)
    assert 0.0 <= p <= 1.0


# A change the rules call material on words alone (no amount, duration or place changed, no
# watch-out): the kind of pair a learned veto may overrule.
SOFT = BASE.replace("You keep ownership of the files you upload.",
                    "You keep ownership of the files you upload, except templates you publish to the gallery.")


def test_a_veto_keeps_the_pair_flag_and_the_clause_flags_together() -> None:
    # A model that vetoes everything (threshold above any probability), on a pair the rules call
    # material: every clause goes not material, with no severity saying otherwise.
    old, new = BASE, SOFT
    diff = diff_texts(old, new)
    labels = label_document(diff.changes, old, new)
    assert any(lab.material for lab in labels), [lab.explanation for lab in labels]
    always = dict(decision.load_model() or {}, threshold=1.01)
    never = dict(always, threshold=-0.01)
    assert decision.vetoes(diff.changes, labels, new, diff.unchanged, model=always)
    assert not decision.vetoes(diff.changes, labels, new, diff.unchanged, model=never)
    assert not decision.vetoes(diff.changes, [lab for lab in labels if not lab.material], new, model=always)


def test_rules_mode_never_vetoes(monkeypatch) -> None:
    monkeypatch.setenv("TRACKER_MATERIALITY", "rules")
    assert decision.mode() == "rules"
    old, new = BASE, MATERIAL["price raised"]
    diff = diff_texts(old, new)
    labels = label_document(diff.changes, old, new)
    always = dict(decision.load_model() or {}, threshold=1.01)
    assert not decision.vetoes(diff.changes, labels, new, diff.unchanged, model=always)


def test_the_runtime_needs_no_sklearn(tmp_path: Path) -> None:
    # scikit-learn made unimportable: the analysis still runs the learned decision
    code = (
        "import sys\n"
        "sys.modules['sklearn'] = None\n"
        "from tracker.analysis import decision\n"
        "from tracker.analysis.analyse import analyse\n"
        "assert decision.load_model() is not None\n"
        f"a = analyse({BASE!r}, {MATERIAL['price raised']!r})\n"
        "assert a.material\n"
        "assert not any(m.startswith(('sklearn', 'numpy')) for m in sys.modules if sys.modules[m] is not None)\n"
        "print('ok')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), TRACKER_MATERIALITY="learned")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_compare_json_keeps_its_keys(tmp_path: Path) -> None:
    from tracker.cli.app import cli

    (tmp_path / "old.md").write_text(BASE, encoding="utf-8")
    (tmp_path / "new.md").write_text(MATERIAL["refund window cut"], encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["material", "categories", "changes", "cosmetic", "severity", "summary", "unchanged"]
    assert data["material"] is True and data["changes"]
    assert list(data["changes"][0]) == ["kind", "material", "severity", "categories", "explanation", "before",
                                        "after", "clause", "section"]


@pytest.mark.parametrize("name", ["price raised", "refund window cut"])
def test_no_veto_overrules_a_changed_amount_or_duration(name: str) -> None:
    """A price from $12 to $19 or a refund window from 30 to 14 days is the news even when the
    rest of the pair scores as noise (a capture that also lost a table): even a model that would
    veto every pair leaves it material."""
    old, new = BASE, MATERIAL[name]
    diff = diff_texts(old, new)
    labels = label_document(diff.changes, old, new)
    always = dict(decision.load_model() or {}, threshold=1.01)
    assert any(lab.material for lab in labels)
    assert not decision.vetoes(diff.changes, labels, new, diff.unchanged, model=always)


def test_a_bad_materiality_mode_is_a_one_line_error(tmp_path, monkeypatch) -> None:
    """TRACKER_MATERIALITY=garbage quietly used the learned decision: a typo must not measure
    the wrong thing in silence. `tracker compare` says what the values are, exit 2, no traceback."""
    from click.testing import CliRunner

    from tracker.cli.app import cli

    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(BASE, encoding="utf-8")
    new.write_text(MATERIAL["price raised"], encoding="utf-8")
    monkeypatch.setenv("TRACKER_MATERIALITY", "garbage")
    result = CliRunner().invoke(cli, ["compare", str(old), str(new)])
    assert result.exit_code == 2, result.output
    assert "TRACKER_MATERIALITY must be 'learned'" in result.output and "Traceback" not in result.output
    monkeypatch.setenv("TRACKER_MATERIALITY", "Learned")
    assert CliRunner().invoke(cli, ["compare", str(old), str(new)]).exit_code == 0


# --- session 11: words, two-way decisions -------------------------------------------------------

def _labelled(old: str, new: str):
    diff = diff_texts(old, new)
    return diff, label_document(diff.changes, old, new)


def test_hashed_words_are_stable_and_read_the_changed_words() -> None:
    """The same pair always hashes to the same buckets (CRC-32, not Python's salted hash), and a
    change of duty ("may" → "must") lands in other buckets than a change of date."""
    diff, labels = _labelled(BASE, SOFT)
    rec = decision.pair_record(diff.changes, labels, SOFT, diff.unchanged, BASE)
    json.dumps(rec)  # plain JSON: the training script caches it
    a = decision.hashed_tokens(rec)
    assert a and a == decision.hashed_tokens(json.loads(json.dumps(rec)))
    assert all(0 <= b < decision.HASH_DIM for b in a)
    import zlib

    assert zlib.crc32(b"i:templates") % decision.HASH_DIM in a  # an inserted content word
    assert zlib.crc32(b"i:except_templates") % decision.HASH_DIM in a  # and a word pair
    dated = NOISE["date only"]
    diff2, labels2 = _labelled(BASE, dated)
    assert decision.hashed_tokens(decision.pair_record(diff2.changes, labels2, dated, diff2.unchanged, BASE)) == {}


def test_record_features_keep_the_session_9_names_and_add_the_new_ones() -> None:
    diff, labels = _labelled(BASE, MATERIAL["price raised"])
    feats = decision.pair_features(diff.changes, labels, MATERIAL["price raised"], diff.unchanged, BASE)
    model = decision.load_model()
    assert model is not None and set(model["features"]) <= set(feats)
    for name in ("digits_legal", "digits_plain", "rel_words", "ins_known", "del_kept", "sev_material",
                 "kind_date-only"):
        assert name in feats
    assert feats["digits_legal"] > 0 and feats["digits_plain"] == 0  # the price sits in a pricing clause
    assert 0 < feats["rel_words"] < 0.1


def test_regrouped_words_are_known_to_the_other_version() -> None:
    """A sentence moved to another section brings no new words: its inserted content words all
    exist in the old text; a new sentence's do not."""
    moved = BASE.replace("Taxes are added where required.", "").replace(
        "Questions? Write", "Taxes are added where required.\n\nQuestions? Write")
    diff, labels = _labelled(BASE, moved)
    known = decision.pair_features(diff.changes, labels, moved, diff.unchanged, BASE)
    diff, labels = _labelled(BASE, SOFT)
    new = decision.pair_features(diff.changes, labels, SOFT, diff.unchanged, BASE)
    assert known["ins_known"] == 1.0
    assert new["ins_known"] < 1.0 and new["ins_novel"] > 0


# A clause reworded (the rules: not material) yet about a duty: what a two-way model may promote.
REWORDED = BASE.replace("for all activity under your account", "for everything that happens under your account")


def _model(**extra):
    base = decision.load_model()
    assert base is not None
    return dict(base, **extra)


def test_a_promotion_makes_one_change_material_with_an_explanation(monkeypatch) -> None:
    """A model that promotes every pair (promotion threshold 0) turns a pair the rules call not
    material into a material one through exactly one change, with categories and an explanation
    that quotes it; the pair's flag still sums up its changes."""
    monkeypatch.delenv("TRACKER_MATERIALITY", raising=False)
    old, new = BASE, REWORDED
    diff, labels = _labelled(old, new)
    assert not any(lab.material for lab in labels)
    verdict, index = decision.decide(diff.changes, labels, new, diff.unchanged, old, model=_model(promote_threshold=0.0))
    assert verdict == "promote" and index is not None
    lab = decision.promoted_label(diff.changes[index], labels[index])
    assert lab.material and lab.severity == "material" and lab.categories
    assert "everything that happens" in lab.explanation and lab.explanation.startswith("Now says")
    promoting = _model(promote_threshold=0.0)  # the shipped weights, made to promote every pair
    monkeypatch.setattr(decision, "load_model", lambda path="": promoting)
    a = analyse(old, new)
    assert a.material and sum(c.material for c in a.changes) == 1
    assert a.material == any(c.material for c in a.changes) and a.categories
    monkeypatch.setenv("TRACKER_MATERIALITY", "rules")
    assert not analyse(old, new).material  # the rules alone: not material


@pytest.mark.parametrize("name", sorted(NOISE_PAIRS))
def test_noise_alone_is_never_promoted(name: str) -> None:
    """A pair whose every change is cosmetic (a date, a link target, contact details) has no
    change to carry a promotion: even a model that promotes everything leaves it alone."""
    old, new = NOISE_PAIRS[name]
    diff, labels = _labelled(old, new)
    if any(lab.cosmetic is None for lab in labels):
        pytest.skip("the rules read a substantive change here")
    assert decision.decide(diff.changes, labels, new, diff.unchanged, old,
                           model=_model(promote_threshold=0.0))[0] == "keep"


def test_a_veto_only_model_never_promotes_and_rules_mode_decides_nothing(monkeypatch) -> None:
    old, new = BASE, REWORDED
    diff, labels = _labelled(old, new)
    veto_only = _model()
    veto_only.pop("promote_threshold", None)
    assert decision.decide(diff.changes, labels, new, diff.unchanged, old, model=dict(veto_only, threshold=1.01))[0] == "keep"
    monkeypatch.setenv("TRACKER_MATERIALITY", "rules")
    assert decision.decide(diff.changes, labels, new, diff.unchanged, old, model=_model(promote_threshold=0.0)) == ("keep", None)


def test_hashed_weights_move_the_probability() -> None:
    """A model's ``hash_coef`` adds the weight of each bucket the pair has: a large weight on a
    bucket the pair hashes to raises its probability; the same weight elsewhere changes nothing."""
    diff, labels = _labelled(BASE, SOFT)
    rec = decision.pair_record(diff.changes, labels, SOFT, diff.unchanged, BASE)
    feats, hashed = decision.record_features(rec), decision.hashed_tokens(rec)
    model = _model(hash_dim=decision.HASH_DIM, hash_coef=[0.0] * decision.HASH_DIM)
    p0 = decision.probability(feats, model, hashed)
    bucket = next(iter(hashed))
    model["hash_coef"][bucket] = 5.0
    assert decision.probability(feats, model, hashed) > p0
    unused = next(b for b in range(decision.HASH_DIM) if b not in hashed)
    model["hash_coef"][bucket], model["hash_coef"][unused] = 0.0, 5.0
    assert decision.probability(feats, model, hashed) == pytest.approx(p0)
