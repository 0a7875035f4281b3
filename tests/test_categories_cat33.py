"""Session 33 (issue 11, the categories of material versions). Two kinds seen on the dev pairs:

1. A power of the provider's that a version only takes away is no watch-out to name beside the
   version's vote.

The provider's own powers among the watch-outs are to suspend or terminate accounts, to remove
content and to change the terms (``materiality.dropped_powers``). A version that adds one is named
for it whatever else it rewrites; one that only strikes one out or softens it gives the user back
what the provider had, and the hand labels of the newer dev sets never name such a power when the
vote leaves it out. Near misses keep their category: the power added, the power struck out in one
place and said again in another, a watch-out of the user's remedies (a class-action waiver)
dropped, and a power the vote names on its own (a version about accounts).

2. AI training is named where a change about it says a model is trained (or no longer is, or
   promises not to be), however small beside a privacy policy's rewrite that outvotes it
   (``category_model.training_changes``). Near misses: AI named as a tool of the provider ("to
   detect spam"), and "fine-tune" said of what users adjust.

Invented documents of fictional services; the real diff, labels, rules and shipped category model.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.category_model import training_changes
from tracker.analysis.diff import diff_texts
from tracker.analysis.materiality import dropped_powers, label_document
from tracker.analysis.materiality import version_categories as rules_categories

PRIVACY_OLD = [
    "We collect your name, e-mail address and phone number when you open a Quibbly account.",
    "We use your location data to show you nearby Quibbly hosts.",
    "We share your booking history with payment processors and fraud prevention partners.",
    "We keep your messages for three years after your last booking.",
]
# a rewrite of the data terms: its vote is about privacy
PRIVACY_NEW = [
    "We collect your name, e-mail address, phone number and date of birth when you open a Quibbly account.",
    "We use your precise location data and your contacts to show you nearby Quibbly hosts and friends.",
    "We share your booking history with advertising partners, payment processors and data brokers.",
    "We keep your messages for ten years after your last booking, and your photos indefinitely.",
]

POWERS = {
    "termination": "Quibbly may suspend or terminate your account at any time, for any reason, without notice.",
    "content-removal": "Quibbly may remove or refuse any listing, photo or review you post, at its sole discretion.",
    "terms-changes": "Quibbly may change these terms at any time without notice to you.",
}


def _doc(paragraphs: list[str], tail: list[str]) -> str:
    return "\n\n".join(["# Quibbly Terms of Use", *paragraphs, "## Our rights", *tail]) + "\n"


def _labels(old: str, new: str):
    return label_document(diff_texts(old, new).changes, old, new)


@pytest.mark.parametrize("category", sorted(POWERS))
def test_a_power_struck_out_in_a_rewrite_is_not_named(category: str) -> None:
    old = _doc(PRIVACY_OLD, [POWERS[category]])
    new = _doc(PRIVACY_NEW, [])
    labels = _labels(old, new)
    # (the clause's removal is material and takes the watch-out away)
    assert any(lab.material and category in lab.watch_removed for lab in labels)
    assert dropped_powers(labels) == {category}
    # neither the rules' watch-outs (capped or not, what the category model is offered) nor the
    # version's categories name it
    assert category not in rules_categories(labels, new)
    assert category not in rules_categories(labels, new, capped=False)
    a = analyse(old, new)
    assert a.material, a.summary
    assert category not in a.categories, a.categories
    assert "privacy" in a.categories, a.categories


@pytest.mark.parametrize("category", sorted(POWERS))
def test_a_power_added_in_a_rewrite_is_still_named(category: str) -> None:
    old = _doc(PRIVACY_OLD, [])
    new = _doc(PRIVACY_NEW, [POWERS[category]])
    labels = _labels(old, new)
    assert dropped_powers(labels) == set()
    # offered to the category model as a watch-out beside the vote (which it weighs)
    assert category in rules_categories(labels, new)
    assert category in rules_categories(labels, new, capped=False)


def test_a_power_struck_out_and_said_again_elsewhere_is_no_dropped_power() -> None:
    # one termination right struck out, another added in a new section: the version still adds a power
    old = _doc(PRIVACY_OLD, [POWERS["termination"]])
    new = _doc(PRIVACY_NEW, ["## Unpaid bookings",
                             "If a booking stays unpaid for 30 days, Quibbly may close your account without notice."])
    labels = _labels(old, new)
    assert any("termination" in lab.watch_removed for lab in labels if lab.material)
    assert any("termination" in lab.watch_added for lab in labels if lab.material)
    assert "termination" not in dropped_powers(labels)
    assert "termination" in rules_categories(labels, new)


def test_a_remedy_watch_out_dropped_stays_named() -> None:
    # a class-action waiver struck out is no power of the provider's: the rules still name it
    waiver = "You agree to bring claims against Quibbly only individually and waive any right to a class action."
    old = _doc(PRIVACY_OLD, [waiver])
    new = _doc(PRIVACY_NEW, [])
    labels = _labels(old, new)
    assert any(lab.material and "class-action" in lab.watch_removed for lab in labels)
    assert dropped_powers(labels) == set()
    assert "class-action" in rules_categories(labels, new)


def test_a_power_struck_out_of_a_version_about_it_is_still_named_by_the_vote() -> None:
    # the only change of the version: its vote is about termination, whatever the watch-outs say
    old = _doc(PRIVACY_OLD, [POWERS["termination"], "Quibbly may also close accounts that stay unused for a year."])
    new = _doc(PRIVACY_OLD, ["Quibbly may also close accounts that stay unused for a year."])
    labels = _labels(old, new)
    assert dropped_powers(labels) == {"termination"}
    assert "termination" in rules_categories(labels, new)
    a = analyse(old, new)
    assert a.material, a.summary
    assert "termination" in a.categories, a.categories


def test_non_material_changes_drop_no_power() -> None:
    # a heading reworded around an unchanged power: no material change, nothing dropped
    old = _doc(PRIVACY_OLD, [POWERS["termination"]])
    new = old.replace("## Our rights", "## Our Rights")
    labels = _labels(old, new)
    assert not any(lab.material for lab in labels)
    assert dropped_powers(labels) == set()


# --- AI training said in a change -----------------------------------------------------------------

AI_OLD = "We use your chat messages and artificial intelligence to suggest replies to hosts."


def _policy(paragraphs: list[str], ai: str, title: str = "Quibbly Privacy Policy") -> str:
    return "\n\n".join([f"# {title}", *paragraphs, ai]) + "\n"


@pytest.mark.parametrize("ai_new", [
    AI_OLD[:-1] + ", including to train the models that power these suggestions.",
    AI_OLD + " We never use your messages to train artificial intelligence models.",
])
def test_a_change_saying_a_model_is_trained_names_ai_training_beside_a_rewrite(ai_new: str) -> None:
    old, new = _policy(PRIVACY_OLD, AI_OLD), _policy(PRIVACY_NEW, ai_new)
    diff = diff_texts(old, new)
    labels = label_document(diff.changes, old, new)
    assert training_changes(diff.changes, labels)
    # (the rules' vote leaves it out: the rewrite of the data terms outvotes it)
    assert "ai-training" not in rules_categories(labels, new, watch_outs=False)
    a = analyse(old, new)
    assert a.material, a.summary
    assert "ai-training" in a.categories and "privacy" in a.categories, a.categories


def test_training_said_in_french_is_read() -> None:
    old_fr = ["Nous collectons votre nom et votre adresse e-mail lors de la création du compte Quibbly.",
              "Nous conservons vos messages pendant trois ans après votre dernière réservation."]
    new_fr = ["Nous collectons votre nom, votre adresse e-mail et votre date de naissance lors de la création "
              "du compte Quibbly.",
              "Nous conservons vos messages pendant dix ans après votre dernière réservation."]
    title = "Politique de confidentialité de Quibbly"
    old = _policy(old_fr, "Nous utilisons l'intelligence artificielle pour suggérer des réponses aux hôtes.", title)
    new = _policy(new_fr, "Nous utilisons vos messages et l'intelligence artificielle pour suggérer des réponses "
                          "aux hôtes et pour entraîner nos modèles.", title)
    diff = diff_texts(old, new)
    assert training_changes(diff.changes, label_document(diff.changes, old, new))
    assert "ai-training" in analyse(old, new).categories


@pytest.mark.parametrize("ai_new", [
    # AI as the provider's tool: no model trained on anyone's data is said
    AI_OLD[:-1] + " and to detect spam.",
    # "fine-tune" said of what users adjust
    AI_OLD + " You can fine-tune which artificial intelligence features may read your messages in Settings.",
])
def test_ai_named_without_training_is_no_training_change(ai_new: str) -> None:
    old, new = _policy(PRIVACY_OLD, AI_OLD), _policy(PRIVACY_NEW, ai_new)
    diff = diff_texts(old, new)
    assert not training_changes(diff.changes, label_document(diff.changes, old, new))


def test_ai_as_a_tool_in_a_rewrite_is_left_to_the_vote() -> None:
    old, new = _policy(PRIVACY_OLD, AI_OLD), _policy(PRIVACY_NEW, AI_OLD[:-1] + " and to detect spam.")
    a = analyse(old, new)
    assert a.material, a.summary
    assert "ai-training" not in a.categories, a.categories


def test_training_words_in_a_change_not_about_ai_name_nothing() -> None:
    # staff training: no AI words, no ai-training category on the change, no rule
    old = _doc(PRIVACY_OLD, [])
    new = _doc(PRIVACY_NEW, ["Quibbly staff who handle your data receive privacy training every year."])
    diff = diff_texts(old, new)
    labels = label_document(diff.changes, old, new)
    assert not any("ai-training" in lab.categories for lab in labels)
    assert not training_changes(diff.changes, labels)
