"""Labels that follow what a change means, on invented terms of fictional services: data shared
with the data named by a pronoun, rewordings that keep a user's permission, and negations
dropped from a sentence about data use or a right.

Whole documents go through ``analyse``, as ``compare`` does.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.classify import classify_text

TERMS = """\
# Pebblewick Terms of Use

Last updated: 2 February 2026

## 1. Membership

Your membership renews every year until you end it.
You pay the yearly fee in advance by card.

## 2. Information we hold

We record the books you borrow and your delivery address.
We use these details to send your parcels and to answer your questions.

## 3. Disputes

These terms are governed by the laws of Scotland.
"""

CGU = """\
# Conditions d'utilisation de Pebblewick

Mise à jour : 2 février 2026

## 1. Adhésion

Votre adhésion est payée chaque année par carte.

## 2. Informations que nous détenons

Nous enregistrons les livres que vous empruntez et votre adresse de livraison.
Nous utilisons ces informations pour expédier vos colis.
"""


def _added(old: str, anchor: str, sentence: str):
    """The analysis of ``old`` with ``sentence`` added as its own paragraph after ``anchor``."""
    new = old.replace(anchor, f"{anchor}\n\n{sentence}")
    assert new != old
    return analyse(old, new)


# --- 1. data shared, the data named by a pronoun ---------------------------------------------
@pytest.mark.parametrize("sentence", [
    "We pass them on to our marketing affiliates.",
    "We may also disclose this to selected third parties.",
    "Such details are shared with our service providers.",
    "We rent them to data brokers.",
])
def test_sharing_data_named_by_a_pronoun_is_about_privacy(sentence):
    assert "privacy" in classify_text(sentence).categories


@pytest.mark.parametrize("sentence", [
    "We also sell them to advertisers, who use them to show you personalised offers.",
    "We share it with our reading clubs and with our advertising network so they can target ads.",
    "We may disclose them to third parties for their own marketing.",
])
def test_new_sharing_with_advertisers_or_third_parties_is_a_material_watch_out(sentence):
    result = _added(TERMS, "We use these details to send your parcels and to answer your questions.",
                    sentence)
    assert result.material, result.summary
    new = [c for c in result.changes if c.material]
    assert new and all("privacy" in c.categories for c in new), [(c.after, c.categories) for c in new]
    assert any(c.severity == "critical" for c in new), [(c.explanation, c.severity) for c in new]


@pytest.mark.parametrize("sentence", [
    "Nous les transmettons aussi à nos annonceurs.",
    "Nous pouvons la communiquer à des tiers à des fins commerciales.",
    "Nous les partageons avec nos libraires et avec nos partenaires publicitaires.",
])
def test_french_sharing_with_a_pronoun_object_is_a_material_watch_out(sentence):
    result = _added(CGU, "Nous utilisons ces informations pour expédier vos colis.", sentence)
    assert result.material, result.summary
    new = [c for c in result.changes if c.material]
    assert new and all("privacy" in c.categories for c in new), [(c.after, c.categories) for c in new]
    assert any(c.severity == "critical" for c in new), [(c.explanation, c.severity) for c in new]


@pytest.mark.parametrize("sentence", [
    "We never sell them to advertisers.",
    "We do not share it with third parties.",
    "Nous ne les vendons jamais à des annonceurs.",
    "Nous ne les transmettons pas à des tiers.",
])
def test_a_promise_not_to_share_is_privacy_without_a_watch_out(sentence):
    labels = classify_text(sentence)
    assert "privacy" in labels.categories
    assert "privacy" not in labels.watch


def test_a_password_kept_secret_or_a_business_sold_is_not_data_sharing():
    assert "privacy" not in classify_text("Keep your password secret and never share it with anyone.").categories
    assert "privacy" not in classify_text("We may sell the business to a third party.").categories


# --- 2. the same permission or the same "at any time" in other words --------------------------
def _changed(old: str, before: str, after: str):
    new = old.replace(before, after)
    assert new != old
    return analyse(old, new)


_ENDS = TERMS.replace("until you end it.", "until you end it.\nYou can cancel your membership at any time in "
                                          "your profile.")
_CGU_ENDS = CGU.replace("par carte.\n", "par carte.\nVous pouvez mettre fin à votre adhésion à tout moment.\n")


@pytest.mark.parametrize("after", [
    "You may cancel your membership whenever you like in your profile.",
    "You may cancel your membership at any moment in your profile.",
    "You can cancel your membership whenever you wish in your profile.",
])
def test_can_and_may_and_ways_of_saying_at_any_time_are_a_rewording(after):
    result = _changed(_ENDS, "You can cancel your membership at any time in your profile.", after)
    assert not result.material, result.summary


@pytest.mark.parametrize("after", [
    "Vous pouvez mettre fin à votre adhésion quand vous le souhaitez.",
    "Vous pouvez mettre fin à votre adhésion à tout instant.",
    "Vous pouvez mettre fin à votre adhésion quand vous voulez.",
])
def test_french_ways_of_saying_a_tout_moment_are_a_rewording(after):
    result = _changed(_CGU_ENDS, "Vous pouvez mettre fin à votre adhésion à tout moment.", after)
    assert not result.material, result.summary
    assert not any(c.explanation.startswith("Removed watch-out") for c in result.changes)


def test_a_watch_out_said_in_other_words_is_neither_added_nor_removed():
    old = TERMS.replace("## 3. Disputes", "## 3. Closing accounts\n\nWe may close your account at any time.\n\n"
                                          "## 4. Disputes")
    result = _changed(old, "We may close your account at any time.",
                      "We may close your account whenever we like.")
    assert not result.material, result.summary
    gone = _changed(old, "We may close your account at any time.",
                    "We may close your account after 30 days' notice.")
    assert gone.material, gone.summary


@pytest.mark.parametrize("sentence", [
    "Vous pouvez résilier votre adhésion à tout moment.",
    "L'utilisateur peut résilier son contrat à tout moment.",
    "Si vous résiliez votre abonnement à tout moment, aucun remboursement n'est dû.",
])
def test_the_users_own_right_to_cancel_is_not_the_providers_termination_watch_out(sentence):
    assert "termination" not in classify_text(sentence).watch


@pytest.mark.parametrize("sentence", [
    "Nous pouvons suspendre votre compte à tout moment.",
    "Pebblewick peut résilier votre abonnement à tout moment et sans préavis.",
])
def test_the_providers_power_to_terminate_stays_a_watch_out(sentence):
    assert "termination" in classify_text(sentence).watch


def test_a_real_limit_on_ending_stays_material():
    result = _changed(_ENDS, "You can cancel your membership at any time in your profile.",
                      "You can cancel your membership only at the end of a membership year.")
    assert result.material, result.summary


def test_can_and_may_give_the_same_permission():
    old = TERMS.replace("by card.", "by card.\nYou can pay by bank transfer instead.")
    result = _changed(old, "You can pay by bank transfer instead.", "You may pay by bank transfer instead.")
    assert not result.material, result.summary


# --- 3. a negation dropped from (or added to) a right, a duty or a data use --------------------
_HOLD = "We use these details to send your parcels and to answer your questions."


def _explained(old_sentence: str, new_sentence: str) -> str:
    old = TERMS.replace(_HOLD, f"{_HOLD}\n{old_sentence}")
    result = _changed(old, old_sentence, new_sentence)
    assert result.material, result.summary
    return " | ".join(c.explanation for c in result.changes if c.material)


@pytest.mark.parametrize("old_sentence,new_sentence,gone", [
    ("We will not pass your reading history to publishers.",
     "We will pass your reading history to publishers.", "will not pass"),
    ("We never sell your delivery address to other companies.",
     "We sell your delivery address to selected publishers and book clubs.", "never sell"),
    ("We do not keep your card number after each payment.",
     "We keep your card number after each payment for faster checkout.", "do not keep"),
])
def test_a_dropped_negation_is_said(old_sentence, new_sentence, gone):
    why = _explained(old_sentence, new_sentence)
    assert "no longer says" in why.lower() and gone in why.lower(), why


def test_a_dropped_french_negation_is_said():
    old = CGU.replace("pour expédier vos colis.", "pour expédier vos colis.\n"
                      "Nous ne transmettons pas votre historique de lecture aux éditeurs.")
    result = _changed(old, "Nous ne transmettons pas votre historique de lecture aux éditeurs.",
                      "Nous transmettons votre historique de lecture aux éditeurs partenaires.")
    why = " | ".join(c.explanation for c in result.changes if c.material)
    assert "ne transmettons pas" in why, why


def test_a_negation_dropped_while_the_sentence_is_split_is_said():
    old_sentence = "We do not rent your address and we do not share it with third parties except our couriers."
    new_sentences = "We do not rent your address. We share it with our couriers and with our marketing affiliates."
    why = _explained(old_sentence, new_sentences)
    assert "not share it" in why, why


def test_an_added_negation_is_said():
    why = _explained("We share your borrowing history with local libraries.",
                     "We do not share your borrowing history with local libraries.")
    assert "do not share" in why, why


def test_a_negation_reworded_is_not_a_dropped_one():
    old = TERMS.replace(_HOLD, f"{_HOLD}\nWe do not sell your delivery address.")
    result = _changed(old, "We do not sell your delivery address.", "We never sell your delivery address.")
    assert all("no longer says" not in c.explanation.lower() for c in result.changes), result.summary


def test_courts_replaced_by_arbitration_are_not_good_news():
    old = ("# Terms\n\n## 9. Disputes\n\nAny dispute may be brought before the courts of Dunmore.\n\n"
           "## 10. Refunds\n\nRefunds are issued within 30 days.\n")
    new = ("# Terms\n\n## 9. Disputes\n\nAny dispute will be resolved by final and binding arbitration "
           "in Dunmore, and you waive your right to go to court.\n\n## 10. Refunds\n\nRefunds are issued "
           "within 30 days.\n")
    result = analyse(old, new)
    assert result.material
    assert not any("good news" in c.explanation for c in result.changes), [c.explanation for c in result.changes]


# --- limits on quantities, prohibitions in the imperative -------------------------------------
GUIDE = """\
# Pebblewick Community Guidelines

## What you can post

Each member may keep up to 5 projects on a free plan.
Files uploaded to a project are limited to 200 MB each.
Do not post spam or chain messages.
"""


@pytest.mark.parametrize("old, new", [
    ("up to 5 projects", "up to 3 projects"),
    ("limited to 200 MB", "limited to 50 MB"),
])
def test_a_bound_on_a_quantity_that_moved_is_material(old, new):
    result = analyse(GUIDE, GUIDE.replace(old, new))
    assert result.material
    assert new in result.summary and old in result.summary


def test_the_same_bound_reworded_is_not_a_new_limit():
    assert not analyse(GUIDE, GUIDE.replace("Each member may keep", "Every member can keep")).material


@pytest.mark.parametrize("rule", [
    "Do not share synthetic media of a real person without saying it is fake.",
    "Never sell access to your account.",
])
def test_a_new_prohibition_in_the_imperative_is_a_usage_rule(rule):
    result = analyse(GUIDE, GUIDE + rule + "\n")
    assert result.material and "usage-rules" in result.categories


def test_a_courtesy_in_the_imperative_is_no_rule():
    assert not analyse(GUIDE, GUIDE + "Do not hesitate to ask the team for help.\n").material


# --- found by a first-time user: plain edits that were called rewordings ----------------------
PLANS = "# Quillby Terms\n\n## 4. Plans\n\n{s}\n\n## 9. Contact\n\nWrite to help@quillby.example.\n"


@pytest.mark.parametrize("old, new, said", [
    # a participle after the price ("billed monthly") is not a report of the past
    ("The Pro plan costs $10 per month, billed monthly in advance.",
     "The Pro plan costs $14 per month, billed monthly in advance.", "$14 per month instead of $10"),
    ("The minimum age is 13.", "The minimum age is 18.", "18"),
    ("We will notify you 30 days before changes take effect.",
     "We will notify you 7 days before changes take effect.", "7 days"),
    ("Courts of Oregon decide disputes.", "Disputes go to binding arbitration.", "arbitration"),
    ("We charge $0.02 per 1,000 words.", "We charge $0.05 per 1,000 words.", "per 1,000 words"),
])
def test_plain_changes_of_terms_are_material_and_said(old, new, said):
    result = analyse(PLANS.format(s=old), PLANS.format(s=new))
    assert result.material, result.summary
    assert said in result.summary


def test_a_statistic_in_the_past_is_still_a_report():
    from tracker.analysis.boilerplate import is_report

    assert is_report("In 2025 we received 1,200 requests.")
    assert is_report("Our users filed 40 complaints.")
    assert not is_report("Each seat costs $5, charged yearly.")


@pytest.mark.parametrize("old, new, cat", [
    ("Our liability is limited to $100.", "Our liability is limited to $10.", "liability"),
    ("Gift credits expire 12 months after purchase.", "Gift credits expire 6 months after purchase.", "refunds"),
])
def test_a_changed_value_is_explained_under_its_clauses_topic(old, new, cat):
    change = analyse(PLANS.format(s=old), PLANS.format(s=new)).changes[0]
    assert cat in change.categories and change.explanation.endswith(f"({cat})" if cat == change.categories[0]
                                                                    else ")")
    assert "(pricing)" not in change.explanation


def test_a_changed_amount_that_is_billed_is_a_price_change():
    old = "The Pro plan costs $10 per month, billed monthly in advance."
    result = analyse(PLANS.format(s=old), PLANS.format(s=old.replace("$10", "$14")))
    assert "pricing" in result.categories and "pricing" in result.changes[0].categories
