"""Session 29 (issue 11, the categories of material changes), two kinds of category faults seen on
real dev pairs and in a first-time user's trial:

- payment words that name something else: a payment company named as one more recipient of data
  in a sentence about data ("we share your name and email address with our payment processor,
  which processes your payments on our behalf"), a company named for its payments ("the controller
  of your data is Fennick Payments Limited") and "in charge of"
  (who is responsible for something): no billing, payment method or processor term is said, so
  no "payment" (taxonomy: billing, invoicing, taxes, payment methods and processors);
- the document's own topic lost to the cap's vote: in a document mostly about one topic (a
  privacy policy), a change that carries that topic names it, even when changes about payment
  data outvote it (the version named "payment" alone before); the other topics stay as the vote
  keeps them.

Each kind has its near miss, which keeps the category. Invented sentences of fictional services.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.classify import classify_sentence
from tracker.analysis.materiality import ChangeLabel, version_categories


def _cats(text: str) -> tuple[str, ...]:
    return classify_sentence(text).categories


# --- payment: a payment company named as a recipient of data ----------------------------------

@pytest.mark.parametrize("text", [
    "We share your name and email address with our payment processor, which processes your payments on our behalf.",
    "We disclose personal data to service providers such as our payment processor and hosting provider.",
    "Our payment service providers receive your personal information only to complete your order.",
])
def test_a_payment_processor_named_as_a_recipient_of_data_is_privacy(text: str) -> None:
    cats = _cats(text)
    assert "payment" not in cats, classify_sentence(text).evidence
    assert "privacy" in cats, cats


@pytest.mark.parametrize("text", [
    "Payments are processed by our payment processor, Fennick Pay.",
    "Our payment processor may charge your card again if a payment fails.",
    "We share your email address with our payment processor, which may charge your card again if a payment fails.",
])
def test_a_payment_processor_that_takes_payments_stays_payment(text: str) -> None:
    assert "payment" in _cats(text), classify_sentence(text).evidence


def test_a_processor_that_charges_a_fee_stays_a_price() -> None:
    cats = _cats("Our payment processor charges a fee of 2% per transaction.")
    assert "pricing" in cats, cats


# --- payment: a company named for its payments, a billing address as a place, "in charge of" --

@pytest.mark.parametrize("text", [
    "For users in Sylvania, the data controller responsible for your information is Fennick Payments Limited.",
    "Fennick Ltd is the company in charge of the management of your account.",
])
def test_a_payment_word_naming_a_party_or_a_place_is_no_payment(text: str) -> None:
    assert "payment" not in _cats(text), classify_sentence(text).evidence


@pytest.mark.parametrize("text", [
    "You must keep your billing address up to date.",
    "Customers with a billing address in Sylvania are charged in euros.",
    "Payments to Fennick Payments Limited are due within 30 days of the invoice.",
    "We will charge your card in advance each month.",
    "Fennick Ltd is in charge of billing your card each month.",
])
def test_a_billing_term_stays_payment(text: str) -> None:
    assert "payment" in _cats(text), classify_sentence(text).evidence


def test_a_processor_added_to_a_privacy_sharing_clause_names_privacy_only() -> None:
    old = ("# Quillbox Privacy Policy\n\n## Sharing\n\nWe share your name and email address with our hosting "
           "provider so that it can store your account.\n\n## Contact\n\nWrite to privacy@quillbox.test.\n")
    new = old.replace("store your account.", "store your account. We also share your name, email address and "
                      "purchase history with our payment processor, which processes your payments on our behalf.")
    a = analyse(old, new)
    assert a.material, a.summary
    assert a.categories == ("privacy",), a.categories


# --- the document's own topic, carried by a change, kept beside a larger vote ------------------

PRIVACY_POLICY = """\
# Fennick Privacy Notice

This notice explains how Fennick collects, uses and shares your personal data.

## Personal data we collect

We collect your name, email address and device identifiers when you create an account. We collect
usage data through cookies.

## How we use personal data

We use your personal data to provide the service and to keep it secure. We process your personal
data on the basis of our contract with you.

## Sharing

We share personal data with our hosting provider. We do not sell your personal data.

## Your rights

You may access, correct or delete your personal data by writing to privacy@fennick.test.
"""

TERMS = """\
# Fennick Terms of Service

## Plans

The Pro plan costs $10 per month and renews automatically until you cancel it.

## Payment

You authorize us to charge your card each month. Invoices are payable within 30 days.

## Disputes

These Terms are governed by the laws of Sylvania. Disputes go to the courts of Sylvania City.
"""


def _labels(with_privacy: bool = True) -> list[ChangeLabel]:
    card = ChangeLabel(True, "material", ("payment",), "card", weights=(5.0,), size=40)
    bank = ChangeLabel(True, "material", ("payment",), "bank", weights=(5.0,), size=35)
    data = ChangeLabel(True, "material", ("privacy",), "data", weights=(2.5,), size=2)
    return [card, bank, data] if with_privacy else [card, bank]


def test_a_privacy_policys_own_topic_is_named_beside_a_larger_payment_vote() -> None:
    assert version_categories(_labels(), PRIVACY_POLICY) == ("payment", "privacy")


def test_the_cap_still_cuts_a_small_topic_in_a_document_of_many_topics() -> None:
    assert version_categories(_labels(), TERMS) == ("payment",)
    assert version_categories(_labels()) == ("payment",)


def test_a_privacy_policys_topic_is_not_named_when_no_change_carries_it() -> None:
    assert version_categories(_labels(with_privacy=False), PRIVACY_POLICY) == ("payment",)


def test_a_side_topic_outvoted_in_a_privacy_policy_is_still_dropped() -> None:
    """The document's topic named, another topic that does not outvote it enough stays out (the
    existing rule, now also when the vote had left the document's topic out)."""
    data = ChangeLabel(True, "material", ("privacy",), "data", weights=(2.5,), size=30)
    rules = ChangeLabel(True, "material", ("usage-rules",), "rules", weights=(2.5,), size=20)
    assert version_categories([data, rules], PRIVACY_POLICY) == ("privacy",)


def test_a_kind_of_the_privacy_policys_topic_already_names_it() -> None:
    """AI training kept in a privacy policy is a kind of its topic (``_SUBTOPICS``): privacy is
    not added beside it (the hand labels name AI training alone)."""
    ai = ChangeLabel(True, "material", ("ai-training", "privacy"), "ai", weights=(5.0, 2.0), size=30)
    assert version_categories([ai], PRIVACY_POLICY) == ("ai-training",)


def test_a_clause_that_forms_a_part_of_the_agreement_is_the_contracts_scope() -> None:
    """"forms a part of this Agreement" is read as "forms part of" (``_SCOPE``, "other")."""
    assert _cats("The Quillbox Data Addendum forms a part of this Agreement.") == ("other",)
    assert _cats("The Quillbox Data Addendum forms an integral part of these Terms.") == ("other",)
