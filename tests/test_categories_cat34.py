"""Session 34 (issue 11, the categories of material versions). Three kinds:

1. A say over AI training (opting out of it or into it, consenting or objecting to it) and the
   user's own material used "for training" with words between are about AI training, whatever
   the sentence grants or refuses: "If you opt out, we will not use Content you submit after that
   date for training" was "other". Near misses: the training of staff ("for training and quality
   purposes", "to train our staff"), an opt-out of something else.

2. The user's duty to comply with the provider's rules, said in other words than "you must
   comply with our policy" ("must adhere to the Shopping Policy", "will comply with (1) the laws
   and (2) the Data Policy", "ensure that your use is in compliance with these policies"), is a
   rule of use. Near miss: the provider's own compliance ("we will comply with ...").

3. Content removal that the learned category model adds to the rules' categories while no change
   shows it (no topic word in the changed words or clauses, no vote of the rules) and that is
   not the document's own topic is taken away (``category_model.unshown``): a rule of use in
   community guidelines is no removal of content. Near misses: removal the changes show, the
   document's own topic, and the model's other unshown categories (left as they are).

Invented texts of fictional services; the real classifier, diff, labels and category model code.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.category_model import unshown, version_categories
from tracker.analysis.classify import CATEGORIES, classify_text
from tracker.analysis.diff import diff_texts
from tracker.analysis.materiality import label_document
from tracker.analysis.materiality import version_categories as rules_categories

# --- 1. a say over AI training ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "If you opt out, we will not use Content you submit after that date for training.",
    "If you opt out of training, the sketches you upload to Pondlet stay out of it.",
    "You may object to training on your drafts by writing to Pondlet support.",
    "Members who opted in to training can change their choice in Settings at any time.",
    "We use the recordings you make in Pondlet Studio for training.",
    "You consent to the use of your uploads for training when you turn on Improve Pondlet.",
])
def test_a_say_over_training_is_about_ai_training(text: str) -> None:
    assert "ai-training" in classify_text(text).categories, classify_text(text)


@pytest.mark.parametrize("text", [
    "We use your call recordings for training and quality purposes.",
    "We use recordings of support calls to train our staff.",
    "We use call notes to train new support agents.",
    "You may opt out of marketing e-mails from Pondlet at any time.",
    "Pondlet staff receive privacy training every year.",
])
def test_training_of_people_and_other_opt_outs_are_no_ai_training(text: str) -> None:
    assert "ai-training" not in classify_text(text).categories, classify_text(text)


def test_refused_training_is_the_topic_but_no_watch_out() -> None:
    labels = classify_text("If you opt out, we will not use Content you submit after that date for training.")
    assert "ai-training" in labels.categories
    assert "ai-training" not in labels.watch  # (the use is refused: nothing to watch out for)


PRIVACY = """# Pondlet Privacy Notice

## 1. What we collect

We collect your name, e-mail address and the sketches you upload to Pondlet.

## 2. How we use information

We use your sketches to show them to the people you share them with.
{extra}

## 3. Contact

Write to privacy@pondlet.example with any question.
"""


def test_an_added_opt_out_clause_is_named_ai_training_not_other() -> None:
    old = PRIVACY.format(extra="We use your sketches to train and improve our drawing models, unless you opt out "
                              "in your account settings.")
    new = PRIVACY.format(extra="We use your sketches to train and improve our drawing models, unless you opt out "
                              "in your account settings.\n\nIf you opt out, we will not use Content you submit "
                              "after that date for training.")
    result = analyse(old, new)
    added = [c for c in result.changes if c.kind == "added" and c.material]
    assert added, result.changes
    assert "ai-training" in added[0].categories, added[0]
    assert "other" not in added[0].categories


# --- 2. the duty to comply with the provider's rules -----------------------------------------------


@pytest.mark.parametrize("text", [
    "Listings submitted through the Pondlet Shop Editor must adhere to the Pondlet Merchant Policy.",
    "You will comply with (1) all applicable export laws and regulations that apply to your use and "
    "(2) the Pondlet Developer Data Policy, which governs your use of the API.",
    "You must ensure that your use of Pondlet widgets, including any content on pages where the widgets "
    "are shown, is in compliance with these policies.",
    "Sellers are required to abide by the Pondlet Community Guidelines.",
])
def test_a_duty_to_follow_the_providers_rules_is_a_rule_of_use(text: str) -> None:
    assert "usage-rules" in classify_text(text).categories, classify_text(text)


@pytest.mark.parametrize("text", [
    "We will comply with applicable data protection laws and our internal security policies.",
    "Pondlet publishes its rules in the Help Centre.",
])
def test_the_providers_own_compliance_is_no_rule_of_use(text: str) -> None:
    assert "usage-rules" not in classify_text(text).categories, classify_text(text)


# --- 3. what the model adds must show in the changes, or be the document's topic -------------------

GUIDELINES = """# Pondlet Community Guidelines

## Be kind

Do not harass other members. Do not post spam.
{extra}

## Enforcement

Pondlet moderators review reports from members.
"""


def _model(add: str) -> dict:
    """A fitted model of the shipped form whose only opinion is that ``add`` is likely (its
    intercept), and every other category unlikely: what the model does on a policy's words."""
    return {"categories": list(CATEGORIES), "combine": "union", "max_categories": 9, "margin": 0.0,
            "coef": {c: {} for c in CATEGORIES},
            "intercept": {c: (3.0 if c == add else -6.0) for c in CATEGORIES},
            "threshold": {c: 0.5 for c in CATEGORIES}}


def _pair(old: str, new: str):
    diff = diff_texts(old, new)
    return diff.changes, label_document(diff.changes, old, new)


def test_a_category_no_change_shows_is_not_added_by_the_model() -> None:
    old = GUIDELINES.format(extra="")
    new = GUIDELINES.format(extra="Do not share images of weapons for sale.")
    diffs, labels = _pair(old, new)
    assert "usage-rules" in rules_categories(labels, new)
    got = version_categories(diffs, labels, new, model=_model("content-removal"))
    assert "content-removal" not in got, got
    assert "usage-rules" in got


def test_a_category_the_changes_show_is_added_by_the_model() -> None:
    old = GUIDELINES.format(extra="")
    new = GUIDELINES.format(extra="Do not share images of weapons for sale. Pondlet may remove such images "
                                  "and hide the posts that contain them.")
    diffs, labels = _pair(old, new)
    got = version_categories(diffs, labels, new, model=_model("content-removal"))
    assert "content-removal" in got, got


def test_the_documents_own_topic_is_added_by_the_model_without_words_of_it() -> None:
    # a privacy notice whose only change is a pointer to its new version: the model names privacy
    old = PRIVACY.format(extra="You can read the previous version of this notice on request.")
    new = PRIVACY.format(extra="")
    features = {"vote:terms-changes": 1.0, "ins:terms-changes": 0.7}
    assert unshown({"privacy", "content-removal"}, features, new) == {"content-removal"}
    assert unshown({"terms-changes"}, features, new) == set()
    assert old != new


def test_unshown_reads_every_kind_of_evidence() -> None:
    new = GUIDELINES.format(extra="")
    for prefix in ("ins:", "del:", "clause:", "vote:"):
        assert unshown({"content-removal"}, {prefix + "content-removal": 0.4}, new) == set(), prefix
    assert unshown({"content-removal"}, {"doc:content-removal": 0.4, "w:remove": 1.0}, new) == {"content-removal"}


def test_other_categories_the_model_adds_unshown_stay() -> None:
    # (out of sample they are mostly named: a change of the terms, a data policy's privacy)
    new = GUIDELINES.format(extra="")
    assert unshown({"terms-changes", "eligibility", "refunds"}, {}, new) == set()
