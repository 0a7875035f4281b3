"""Session 32 (issue 11, the categories of material changes): the learned category model's
thresholds (``tracker/analysis/model/categories.json``, ``category_model.combined``).

The thresholds the trainer chose by cross-validation were fitted on the rules' features of an
older session; on every dev set since, several categories the model already found likely were
left out (fn: a user's duty or prohibited use at p 0.31-0.35 under the usage-rules threshold of
0.35; eligibility, content rights, payment, subscription, service changes and termination under
thresholds of 0.45-0.7), while content-removal, at 0.15 (0.2 with ``MIN_THRESHOLD``), was named
beside rules of conduct and suspension powers where no content is removed (fp). Two kinds, fixed
where they are decided:

- a category the model finds likely but under a threshold set too high: kept now (usage-rules,
  eligibility 0.3; content-rights, liability, pricing 0.35; payment, subscription 0.3;
  service-changes 0.5; termination 0.6);
- content removal and AI training named by the model alone at a low probability: left out (0.35).

Near misses keep their category: a new power to remove posts is content removal; a clause that
names two subjects (a ban on using the content for machine learning) names both. Invented texts of
fictional services.
"""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse
from tracker.analysis.category_model import MIN_THRESHOLD, combined, load_model

BASE = """# Quillmark Terms of Use

## 1. Your account
You must keep your password safe. You are responsible for everything done under your account.

## 2. Prohibited uses
By way of example, you may not:
* Copy, resell or republish Quillmark articles without our written permission.
* Use automated tools to scrape the Quillmark site.
* Post unlawful, harassing or defamatory material.

## 3. Fees
Quillmark Plus costs $8 per month, billed monthly.
"""


def _with_section(title: str, body: str) -> str:
    """BASE with a new section before its fees."""
    return BASE.replace("## 3. Fees", f"## 3. {title}\n{body}\n\n## 4. Fees")


def test_a_compliance_duty_and_its_corrective_action_remove_no_content() -> None:
    # a duty to comply and the provider's power to suspend for non-compliance: rules of use and
    # termination, no content removed (the model had named content removal at p ~0.3)
    after = _with_section(
        "Compliance",
        "You must ensure that your use of Quillmark, including any content on your own pages that embed "
        "Quillmark widgets, is in compliance with these policies.\n"
        "Quillmark may take corrective action for any non-compliance, including suspending the widgets.")
    a = analyse(BASE, after)
    assert a.material
    assert "content-removal" not in a.categories
    assert {"termination", "usage-rules"} <= set(a.categories)


def test_near_miss_a_new_power_to_remove_posts_is_content_removal() -> None:
    after = _with_section("Moderation", "Quillmark may remove any comment or post that breaks these rules, "
                                        "without notice.")
    a = analyse(BASE, after)
    assert a.material
    assert "content-removal" in a.categories


def test_near_miss_a_ban_on_training_models_names_both_subjects() -> None:
    # a prohibited use (usage-rules) about machine learning on the service's content (ai-training)
    after = BASE.replace(
        "* Post unlawful",
        "* Use any Quillmark content or data in any manner for any machine learning or artificial "
        "intelligence purposes, including training or developing models.\n* Post unlawful")
    a = analyse(BASE, after)
    assert a.material
    assert {"ai-training", "usage-rules"} <= set(a.categories)


# --- the shipped model's decision, from probabilities ------------------------------------------

@pytest.fixture(scope="module")
def model() -> dict:
    m = load_model()
    assert m is not None, "the category model ships with the package"
    return m


def _kept(model: dict, probs: dict[str, float], rules: tuple[str, ...] = ()) -> set[str]:
    """The shipped model's decision (``combined``) for the given probabilities, every other
    category at 0, the rules naming ``rules``."""
    full = dict.fromkeys(model["categories"], 0.0) | probs
    features = {f"rule:{c}": 1.0 for c in rules}
    return set(combined(full, features, model["threshold"], int(model.get("max_categories", 9)),
                        model.get("combine", ""), float(model.get("margin", 0.0)),
                        bool(model.get("evidence", False)), int(model.get("max_total", 0))))


@pytest.mark.parametrize("category, p", [
    ("usage-rules", 0.32),  # a new duty the rules read as another topic's (p 0.31-0.35 on dev pairs)
    ("eligibility", 0.34),
    ("content-rights", 0.36),
    ("payment", 0.37),
    ("subscription", 0.31),
    ("service-changes", 0.52),
    ("termination", 0.62),
    ("liability", 0.36),
])
def test_a_likely_category_under_an_old_threshold_is_kept(model: dict, category: str, p: float) -> None:
    assert category in _kept(model, {category: p, "privacy": 0.9}, rules=("privacy",))


@pytest.mark.parametrize("category, p", [("content-removal", 0.31), ("ai-training", 0.3)])
def test_a_weak_model_only_guess_of_removal_or_ai_training_is_left_out(model: dict, category: str,
                                                                       p: float) -> None:
    assert category not in _kept(model, {category: p, "usage-rules": 0.9}, rules=("usage-rules",))


def test_the_rules_categories_stand_and_thresholds_stay_above_the_floor(model: dict) -> None:
    # the union keeps what the rules name, however unlikely the model finds it
    assert "content-removal" in _kept(model, {"content-removal": 0.05}, rules=("content-removal",))
    assert all(float(t) >= 0.0 for t in model["threshold"].values())
    # no threshold this change set falls under the floor the model adds a category at on its own
    assert min(float(model["threshold"][c]) for c in ("usage-rules", "eligibility", "payment",
                                                      "subscription")) >= MIN_THRESHOLD
