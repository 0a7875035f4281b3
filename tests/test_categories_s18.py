"""Session 18: which categories a material version is tagged with (precision of the version's tags)."""

from __future__ import annotations

import pytest

from tracker.analysis import category_model
from tracker.analysis.classify import CATEGORIES


def _model(bias: dict[str, float], threshold: dict[str, float]) -> dict:
    """A fictional union model: each category's probability is sigmoid(bias + 4 * its vote)."""
    cats = list(bias)
    return {"categories": cats, "intercept": bias, "coef": {c: {"vote:" + c: 4.0} for c in cats},
            "threshold": threshold, "max_categories": 9, "combine": "union"}


@pytest.mark.parametrize(("bias", "wanted"), [
    # content-removal at p 0.12 (bias -2.0): over its own threshold of 0.1, under the floor: not added
    (-2.0, ("termination",)),
    # at p 0.18 still under one chance in five
    (-1.5, ("termination",)),
    # at p 0.23 the model may add it
    (-1.2, ("content-removal", "termination")),
])
def test_the_model_adds_no_category_it_gives_less_than_one_chance_in_five(bias, wanted) -> None:
    model = _model({"termination": -3.0, "content-removal": bias},
                   {"termination": 0.5, "content-removal": 0.1})
    # the rules name termination (an account closed without notice); the changed words do not
    # remove any content
    feats = {"rule:termination": 1.0, "vote:termination": 1.0}
    assert category_model.predict(feats, model) == tuple(c for c in CATEGORIES if c in wanted)


def test_the_floor_does_not_take_away_the_rules_categories_nor_the_likeliest_alone() -> None:
    # the rules' own category stands in a union whatever the model says of it
    model = _model({"arbitration": -4.0, "governing-law": -4.0},
                   {"arbitration": 0.1, "governing-law": 0.1})
    feats = {"rule:governing-law": 1.0, "vote:governing-law": 0.0}
    assert category_model.predict(feats, model) == ("governing-law",)
    # without the rules (no union) and nothing over the floor: the likeliest category alone
    model.pop("combine")
    assert category_model.predict({"vote:arbitration": 0.2}, model) == ("arbitration",)


def test_the_shipped_thresholds_are_read_with_the_floor() -> None:
    model = category_model.load_model()
    if model is None:
        pytest.skip("no category model ships")
    low = [c for c, t in model["threshold"].items() if float(t) < category_model.MIN_THRESHOLD]
    rules = {"rule:privacy": 1.0, "vote:privacy": 1.0}  # the rules name privacy: the union is never empty
    for c in low:
        probs = dict.fromkeys(model["categories"], 0.0)
        probs[c] = category_model.MIN_THRESHOLD - 0.01  # over its own threshold, under the floor
        assert c not in category_model.combined(probs, rules, model["threshold"], combine="union")
        probs[c] = category_model.MIN_THRESHOLD
        assert c in category_model.combined(probs, rules, model["threshold"], combine="union")
