"""The learned categories of material versions (``tracker.analysis.category_model``): a rewrite
touching two topics names both, a change of one topic names that one (with a small model set by
hand, and with the shipped one where it ships), a model scores in plain Python (no scikit-learn),
the rules' categories stand without a model file and in
TRACKER_MATERIALITY=rules mode, and the decision rule (thresholds, cap, the likeliest alone when
none passes) holds. Every text is invented (fictional services)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.analysis import category_model
from tracker.analysis.analyse import analyse
from tracker.analysis.classify import CATEGORIES
from tracker.analysis.diff import diff_texts
from tracker.analysis.materiality import label_document
from tracker.analysis.materiality import version_categories as rules_categories

ROOT = Path(__file__).resolve().parents[1]

TERMS = """# Brindle Games Terms of Service

Last updated: April 2, 2025

## 1. Your Account

You must be at least 13 years old to create a Brindle account. Keep your password safe; you are
responsible for what happens under your account.

## 2. Purchases

Gems bought in the Brindle store cost the price shown at checkout. Prices include applicable taxes.

## 3. Refunds

You may ask for a refund of any purchase within 14 days if you have not spent the gems. Write to
our support team with your order number.

## 4. Conduct

Do not cheat, exploit bugs or harass other players. We may suspend accounts that break these rules.

## 5. Disputes

These terms are governed by the laws of the State of Vermont. Any dispute will be heard by the state
or federal courts located in Burlington, Vermont.

## 6. Contact

Brindle Games LLC, 9 Sparrow Lane, Burlington, VT 05401, USA.
"""

# A rewrite of the refund and dispute sections: refunds narrowed and binding arbitration with a
# class-action waiver in place of the courts.
REWRITE = TERMS.replace(
    "You may ask for a refund of any purchase within 14 days if you have not spent the gems. Write to\n"
    "our support team with your order number.",
    "All purchases of gems are final and non-refundable, except where the law of your country requires a "
    "refund. Unused gems expire 12 months after purchase and are not refunded when your account is closed."
).replace(
    "Any dispute will be heard by the state\nor federal courts located in Burlington, Vermont.",
    "Any dispute arising from these terms shall be resolved exclusively by final and binding arbitration "
    "administered by the American Arbitration Association under its Consumer Arbitration Rules. You may opt "
    "out of arbitration within 30 days by writing to us. You waive any right to a jury trial or to take part "
    "in a class action.")

POLICY = """# Tallow Notes Privacy Policy

Last updated: May 9, 2025

## What we collect

We collect your email address and the notes you store so that we can provide the service.

## How we use your data

We use your email address to send you account messages. We do not sell your personal data.

## Sharing

We share your data with our hosting provider, which processes it on our behalf.

## Retention

We keep your data while your account is open and delete it 30 days after you close it.

## Your rights

You may ask for a copy of your data or ask us to delete it by writing to privacy@tallow.example.
"""

# A privacy-only change: new sharing with advertisers and a longer retention period.
PRIVACY_CHANGE = POLICY.replace(
    "We share your data with our hosting provider, which processes it on our behalf.",
    "We share your data with our hosting provider, which processes it on our behalf, and with advertising "
    "partners, who use your email address and device identifiers to show you personalised ads."
).replace("delete it 30 days after you close it", "delete it 2 years after you close it")


def _labelled(old: str, new: str):
    diff = diff_texts(old, new)
    return diff.changes, label_document(diff.changes, old, new)


# A small pooled model set by hand (``category_view`` features): the runtime path of any fitted
# model, whether or not one ships: trust in the rules' verdict and vote, the topic words changed.
HAND = {"kind": "pooled", "categories": list(CATEGORIES), "intercept": -3.0,
        "coef": {"rule": 3.5, "vote": 1.0, "ins": 0.6, "del": 0.6, "clause": 0.3},
        "threshold": dict.fromkeys(CATEGORIES, 0.5), "max_categories": 5}


def _models() -> list[dict]:
    shipped = category_model.load_model()
    return [HAND] + ([shipped] if shipped is not None else [])


def _categories(old: str, new: str, model: dict) -> tuple[str, ...]:
    diffs, labels = _labelled(old, new)
    return category_model.version_categories(diffs, labels, new, model=model)


def test_a_rewrite_of_refunds_and_arbitration_names_both(monkeypatch) -> None:
    monkeypatch.setenv("TRACKER_MATERIALITY", "learned")
    assert analyse(TERMS, REWRITE).material
    for model in _models():
        cats = _categories(TERMS, REWRITE, model)
        assert {"refunds", "arbitration"} <= set(cats), (model.get("variant", "hand"), cats)
        assert len(cats) <= 5, cats  # few categories, not every topic of the page
    assert {"refunds", "arbitration"} <= set(analyse(TERMS, REWRITE).categories)


def test_a_privacy_only_change_stays_privacy(monkeypatch) -> None:
    monkeypatch.setenv("TRACKER_MATERIALITY", "learned")
    assert analyse(POLICY, PRIVACY_CHANGE).material
    for model in _models():
        assert _categories(POLICY, PRIVACY_CHANGE, model) == ("privacy",), model.get("variant", "hand")
    assert analyse(POLICY, PRIVACY_CHANGE).categories == ("privacy",)


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.get("variant", "hand"))
def test_a_model_is_complete_and_scores_plain_python(model) -> None:
    assert model["categories"] == list(CATEGORIES)
    diffs, labels = _labelled(TERMS, REWRITE)
    feats = category_model.pair_features(diffs, labels, REWRITE, rules_categories(labels, REWRITE))
    probs = category_model.probabilities(feats, model)
    assert set(probs) == set(CATEGORIES) and all(0.0 <= p <= 1.0 for p in probs.values())
    # the arbitration section's words outweigh those of an untouched topic
    assert probs["arbitration"] > probs["eligibility"]


def test_rules_mode_and_no_model_keep_the_rules_categories(monkeypatch, tmp_path) -> None:
    diffs, labels = _labelled(TERMS, REWRITE)
    rules = rules_categories(labels, REWRITE)
    assert rules
    # a model that names every category: what the rules' mode and a missing file must not show
    everything = {"categories": list(CATEGORIES), "intercept": dict.fromkeys(CATEGORIES, 5.0),
                  "coef": {c: {} for c in CATEGORIES}, "threshold": dict.fromkeys(CATEGORIES, 0.5),
                  "max_categories": 21}
    monkeypatch.setenv("TRACKER_MATERIALITY", "learned")
    # (all but content removal, which no change shows: ``category_model.unshown``)
    assert category_model.version_categories(diffs, labels, REWRITE, model=everything) == tuple(
        c for c in CATEGORIES if c != "content-removal")
    monkeypatch.setenv("TRACKER_MATERIALITY", "rules")
    assert category_model.version_categories(diffs, labels, REWRITE, model=everything) == rules
    assert analyse(TERMS, REWRITE).categories == tuple(sorted(rules))
    # the benchmark's switch (material_dev --rules-categories): the model off, the learned
    # materiality decision on
    monkeypatch.setenv("TRACKER_MATERIALITY", "learned")
    monkeypatch.setenv("TRACKER_CATEGORIES", "rules")
    assert category_model.version_categories(diffs, labels, REWRITE, model=everything) == rules
    monkeypatch.delenv("TRACKER_CATEGORIES")
    assert category_model.load_model(str(tmp_path / "absent.json")) is None
    # no material change: no category, whatever the model says
    monkeypatch.setenv("TRACKER_MATERIALITY", "learned")
    quiet = [lab for lab in labels if not lab.material]
    assert category_model.version_categories(diffs[:len(quiet)], quiet, REWRITE, model=everything) == ()


def test_a_watch_out_beside_the_vote_is_added_unless_the_model_finds_it_unlikely(monkeypatch) -> None:
    """The rules name a new termination watch-out and a dropped courts clause beside their vote
    (refunds and arbitration); the model reads the voted categories (those it was fitted on) and
    lets each watch-out stand unless it gives it less than ``WATCH_OUT_MIN``."""
    monkeypatch.setenv("TRACKER_MATERIALITY", "learned")
    new = REWRITE.replace("Prices include applicable taxes.", "Prices include applicable taxes.\n\n"
                          "We may terminate your account at any time for any reason without notice.")
    diffs, labels = _labelled(TERMS, new)
    voted = rules_categories(labels, new, watch_outs=False)
    named = rules_categories(labels, new)
    assert {"termination", "jurisdiction"} <= set(named) - set(voted), (named, voted)
    low = category_model.WATCH_OUT_MIN / 2
    bias = {c: -8.0 for c in CATEGORIES} | {"termination": 0.0,  # likely enough, under its threshold
                                            "jurisdiction": math.log(low / (1 - low))}
    model = {"categories": list(CATEGORIES), "intercept": bias, "coef": {c: {} for c in CATEGORIES},
             "threshold": dict.fromkeys(CATEGORIES, 0.9), "max_categories": 9, "combine": "union"}
    got = category_model.version_categories(diffs, labels, new, model=model)
    assert set(got) == set(voted) | {"termination"}, got
    # without a model the rules' categories stand, watch-outs and all
    monkeypatch.setenv("TRACKER_CATEGORIES", "rules")
    assert category_model.version_categories(diffs, labels, new, model=model) == named


def _model(bias: dict[str, float], threshold: float = 0.5, cap: int = 9) -> dict:
    cats = list(bias)
    return {"categories": cats, "intercept": bias, "coef": {c: {"vote:" + c: 4.0} for c in cats},
            "threshold": dict.fromkeys(cats, threshold), "max_categories": cap}


@pytest.mark.parametrize(("feats", "cap", "wanted"), [
    ({"vote:refunds": 1.0, "vote:arbitration": 1.0}, 9, ("refunds", "arbitration")),
    ({"vote:refunds": 1.0, "vote:arbitration": 0.9, "vote:privacy": 0.6}, 2, ("refunds", "arbitration")),
    ({}, 9, ("privacy",)),  # none passes: the likeliest alone
])
def test_thresholds_cap_and_the_likeliest_alone(feats, cap, wanted) -> None:
    model = _model({"privacy": -1.0, "refunds": -2.0, "arbitration": -2.0}, cap=cap)
    assert category_model.predict(feats, model) == tuple(c for c in CATEGORIES if c in wanted)


def test_the_runtime_needs_no_sklearn(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "sys.modules['sklearn'] = None\n"
        "sys.modules['numpy'] = None\n"
        "from tracker.analysis import category_model\n"
        "from tracker.analysis.analyse import analyse\n"
        "from tracker.analysis.diff import diff_texts\n"
        "from tracker.analysis.materiality import label_document\n"
        f"old, new = {TERMS!r}, {REWRITE!r}\n"
        "d = diff_texts(old, new)\n"
        f"cats = category_model.version_categories(d.changes, label_document(d.changes, old, new), new, model={HAND!r})\n"
        "assert 'arbitration' in cats, cats\n"
        "a = analyse(old, new)\n"
        "assert a.material and 'arbitration' in a.categories, a.categories\n"
        "print('ok')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), TRACKER_MATERIALITY="learned")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_the_written_layout_reads_back_as_the_fitted_model():
    from tracker.analysis.category_model import pack, unpack

    fitted = {"categories": ["refunds", "privacy"], "intercept": {"refunds": -1.0, "privacy": -2.0},
              "coef": {"refunds": {"w:refund": 1.5, "h:fees": 0.25}, "privacy": {"w:data": 2.0}},
              "threshold": {"refunds": 0.5, "privacy": 0.5}, "max_categories": 3}
    written = pack(json.loads(json.dumps(fitted)))
    assert written["features"] == ["h:fees", "w:data", "w:refund"]
    assert written["coef"]["privacy"] == [0, 2.0, 0]
    assert unpack(json.loads(json.dumps(written))) == fitted
    pooled = {"kind": "pooled", "intercept": 0.5, "coef": {"rule": 1.0}}
    assert unpack(pack(dict(pooled))) == pooled


def _long_document(sections: list[tuple[str, str]], repeat: int) -> str:
    """An invented document of ``repeat`` rounds of ``sections`` (heading, paragraph)."""
    parts = ["# Thimbleweed Cloud Terms"]
    for i in range(repeat):
        for heading, text in sections:
            parts.append(f"## {i + 1}. {heading}\n\n{text}")
    return "\n\n".join(parts) + "\n"


def test_a_long_documents_topic_profile_is_read_from_a_sample_spread_over_it():
    from tracker.analysis.classify import _PROFILE_CHARS, _profile_sample, normalize, topic_profile

    sections = [
        ("Fees", "Thimbleweed Pro costs $12 per month. Prices exclude taxes and fees for extra storage."),
        ("Your data", "We collect your personal data, such as your email address, and share it with "
                      "our payment processor. You may ask us to delete your personal data."),
        ("Disputes", "Any dispute will be resolved by binding arbitration in Denver, Colorado. You waive "
                     "any right to a class action."),
        ("Account", "We may suspend or terminate your account if you break these Terms."),
    ]
    long = _long_document(sections, 120)  # about 60 kB
    short = _long_document(sections, 2)
    sample = _profile_sample(long)
    assert len(long) > 2 * _PROFILE_CHARS and len(sample) <= _PROFILE_CHARS + 8
    assert sample.startswith("# Thimbleweed Cloud Terms")  # the title is read
    assert _profile_sample(short) == short  # a short document is read whole
    whole = topic_profile(short)  # the same mix of topics, read whole
    sampled = topic_profile(long)
    assert set(sampled) == set(whole)
    assert all(abs(sampled[c] - whole[c]) < 0.03 for c in whole), (sampled, whole)
    # a single-topic document stays that topic; no word is cut in two at a piece's end
    policy = _long_document([("Data", "We collect and share your personal data with advertisers.")], 800)
    assert max(topic_profile(policy).items(), key=lambda kv: kv[1])[0] == "privacy"
    assert set(normalize(_profile_sample(policy)).split()) <= set(normalize(policy).split())


def test_a_french_documents_topic_profile_reads_the_french_rules():
    from tracker.analysis.classify import topic_profile

    doc = _long_document([("Données", "Nous collectons vos données personnelles et les partageons avec nos "
                                      "partenaires publicitaires. Vous pouvez demander la suppression de vos données.")], 5)
    assert max(topic_profile(doc).items(), key=lambda kv: kv[1])[0] == "privacy"


@pytest.mark.parametrize(("combine", "margin", "feats", "wanted"), [
    ("", 0.0, {"rule:privacy": 1.0, "vote:privacy": 0.2, "rule:refunds": 1.0, "vote:refunds": 1.0,
               "vote:arbitration": 0.7}, ("refunds", "arbitration")),
    ("union", 0.0, {"rule:privacy": 1.0, "vote:privacy": 0.2, "rule:refunds": 1.0, "vote:refunds": 1.0,
                    "vote:arbitration": 0.7}, ("privacy", "refunds", "arbitration")),
    ("guard", 0.0, {"rule:privacy": 1.0, "vote:privacy": 0.2, "rule:refunds": 1.0, "vote:refunds": 1.0,
                    "vote:arbitration": 0.7}, ("refunds", "arbitration")),
    # arbitration's 0.69 falls short of 0.5 + 0.25: the model adds nothing to the rules' first
    ("guard", 0.25, {"rule:privacy": 1.0, "vote:privacy": 0.2, "rule:refunds": 1.0, "vote:refunds": 1.0,
                     "vote:arbitration": 0.7}, ("refunds",)),
    # the model's likeliest (privacy, 0.27) alone, or the rules' first category (arbitration, 0.17)
    ("", 0.0, {"rule:arbitration": 1.0, "vote:arbitration": 0.1}, ("privacy",)),
    ("guard", 0.0, {"rule:arbitration": 1.0, "vote:arbitration": 0.1}, ("arbitration",)),
])
def test_the_models_categories_combined_with_the_rules(combine, margin, feats, wanted) -> None:
    model = _model({"privacy": -1.0, "refunds": -2.0, "arbitration": -2.0})
    if combine:
        model.update(combine=combine, margin=margin)
    assert category_model.predict(feats, model) == tuple(c for c in CATEGORIES if c in wanted)
    assert category_model.rules_top(feats) == max((f[5:] for f in feats if f.startswith("rule:")),
                                                  key=lambda c: feats["vote:" + c])


@pytest.mark.parametrize(("extra", "feats", "wanted"), [
    # privacy (bias -1.0, p 0.27 at a 0.2 threshold) has no word in the changes: not added
    ({"evidence": True}, {"rule:refunds": 1.0, "vote:refunds": 1.0}, ("refunds",)),
    ({}, {"rule:refunds": 1.0, "vote:refunds": 1.0}, ("privacy", "refunds")),
    # its words in the inserted text, a changed clause or a vote of the rules make it a topic
    ({"evidence": True}, {"rule:refunds": 1.0, "vote:refunds": 1.0, "ins:privacy": 0.7}, ("privacy", "refunds")),
    ({"evidence": True}, {"rule:refunds": 1.0, "vote:refunds": 1.0, "clause:privacy": 0.4}, ("privacy", "refunds")),
    # the document's topic alone is no topic of the change
    ({"evidence": True}, {"rule:refunds": 1.0, "vote:refunds": 1.0, "doc:privacy": 0.9}, ("refunds",)),
    # at most two in all: the rules' first category, then the likeliest
    ({"max_total": 2}, {"rule:refunds": 1.0, "vote:refunds": 0.1, "rule:arbitration": 1.0, "vote:arbitration": 0.05},
     ("privacy", "refunds")),
])
def test_the_model_adds_only_categories_the_changes_show_and_a_cap_on_all(extra, feats, wanted) -> None:
    model = _model({"privacy": -1.0, "refunds": -2.0, "arbitration": -2.0}, threshold=0.2)
    model.update(combine="union", **extra)
    assert category_model.predict(feats, model) == tuple(c for c in CATEGORIES if c in wanted)


def test_a_category_is_evident_from_the_changed_words_clauses_or_votes_not_the_document() -> None:
    assert category_model.evident({"del:refunds": 0.3}, "refunds")
    assert category_model.evident({"vote:refunds": 0.2}, "refunds")
    assert not category_model.evident({"doc:refunds": 0.8, "w:refund": 1.0, "t:refunds": 1.0}, "refunds")


def test_the_shipped_model_is_read_back_from_the_cache_folder_as_the_json_gives_it(tmp_path, monkeypatch):
    """``load_model`` keeps the unpacked model in the user cache folder (``marshal``, a third of
    JSON's time, paid by every analysis worker) and reads it back there: the same model; a
    damaged file is read as JSON again and written anew; no folder, no file."""
    load = category_model.load_model.__wrapped__  # (past the process's own lru_cache)
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path))
    from_json = category_model.unpack(json.loads(category_model.MODEL_PATH.read_text(encoding="utf-8")))
    assert load() == from_json  # built from the JSON, then kept
    (kept,) = tmp_path.glob("categories-*.marshal")
    kept.write_bytes(kept.read_bytes().replace(b"max_categories", b"max_categoriez"))  # the same file, now read back from it
    assert load() != from_json  # (proof that the second read came from the file)
    kept.write_bytes(b"not marshal data")
    assert load() == from_json and load() == from_json  # damaged: the JSON again, then its new copy
    monkeypatch.setenv("TRACKER_CACHE_DIR", "off")
    assert load() == from_json


def _exact_categories(diffs, labels, new: str, model: dict) -> tuple[str, ...]:
    """``version_categories`` as it was before the topic profile was read lazily: every feature
    computed, the profile's included."""
    voted = rules_categories(labels, new, watch_outs=False)
    feats = category_model.pair_features(diffs, labels, new, voted)
    kept = set(category_model.predict(feats, model))
    extra = set(rules_categories(labels, new, capped=False)) - set(voted) - kept
    if extra:
        probs = category_model.probabilities(feats, model)
        kept |= {c for c in extra if probs.get(c, 1.0) >= category_model.WATCH_OUT_MIN}
    return tuple(c for c in CATEGORIES if c in kept)


def _doc_model(doc_weight: float, bias: float) -> dict:
    """A per-category model that trusts the rules' vote and weighs the document's privacy share
    by ``doc_weight`` in the eligibility category only (biased by ``bias``)."""
    intercept = dict.fromkeys(CATEGORIES, -6.0) | {"eligibility": bias}
    coef = {c: {"vote:" + c: 8.0} for c in CATEGORIES}
    coef["eligibility"]["doc:privacy"] = doc_weight
    return {"categories": list(CATEGORIES), "intercept": intercept, "coef": coef,
            "threshold": dict.fromkeys(CATEGORIES, 0.5), "max_categories": 9, "combine": "union"}


def test_the_document_profile_is_read_only_when_it_can_change_the_categories(monkeypatch) -> None:
    """The document's topic profile (a pass over the whole new text) is read only when some
    probability could be on either side of its threshold depending on it; the categories are
    those of the full computation either way."""
    from tracker.analysis import classify

    monkeypatch.setenv("TRACKER_MATERIALITY", "learned")
    diffs, labels = _labelled(POLICY, PRIVACY_CHANGE)
    assert classify.topic_profile(PRIVACY_CHANGE).get("privacy", 0) > 0.5  # a privacy policy
    reads: list[str] = []
    real = classify.topic_profile

    def counted(text: str) -> dict[str, float]:
        reads.append(text)
        return real(text)

    monkeypatch.setattr(classify, "topic_profile", counted)
    cases = [(_doc_model(0.5, -6.0), False),  # far from the threshold whatever the profile
             (_doc_model(4.0, -1.0), True),  # the privacy share tips eligibility over it
             (_doc_model(-4.0, 1.0), True)]  # ... or under it
    for model, needed in cases:
        reads.clear()
        got = category_model.version_categories(diffs, labels, PRIVACY_CHANGE, model=model)
        assert bool(reads) == needed, (model["coef"]["eligibility"], reads)
        assert got == _exact_categories(diffs, labels, PRIVACY_CHANGE, model)
    assert "eligibility" in category_model.version_categories(diffs, labels, PRIVACY_CHANGE,
                                                              model=_doc_model(4.0, -1.0))
    assert "eligibility" not in category_model.version_categories(diffs, labels, PRIVACY_CHANGE,
                                                                  model=_doc_model(-4.0, 1.0))
    # the shipped model gives what the full computation gives, on both example pairs
    shipped = category_model.load_model()
    if shipped is not None:
        for old, new in ((POLICY, PRIVACY_CHANGE), (TERMS, REWRITE)):
            d, lab = _labelled(old, new)
            assert category_model.version_categories(d, lab, new, model=shipped) == \
                _exact_categories(d, lab, new, shipped)
