"""Session 35 (issue 11, the categories of material versions). Three kinds:

1. A version whose material changes have no topic of their own ("other" alone) in a document
   mostly about privacy (a privacy policy: ``materiality._privacy_document``) names privacy: a
   new processor named in a privacy policy is a new recipient of data. Near misses: the same
   change in a document about several topics stays "other", and so in a short text mostly about
   another topic (a membership's perks); in a document of rules of use it names usage-rules as
   before; a change with a topic of its own keeps it.

2. The end of a feature or service said by the provider in the active voice ("we will no longer
   offer Legacy Login", "no longer supports the desktop app") and in French ("l'avantage n'est
   plus proposé", "ne sera plus disponible") is a service change, as the passive voice ("is no
   longer offered") already was. Near misses: "no longer provide" (said of data and refunds too),
   a rule that users may no longer offer something, a benefit still offered.

3. Payment in a privacy notice (its title) is data the notice names (card details, payment
   checks shared with a processor): privacy (``category_model.payment_data``), though a payment
   service's privacy notice is mostly about payments by its words. Near misses: payment in terms
   of payment, pricing and other categories of a privacy notice.

Invented texts of fictional services; the real classifier, diff, labels and category model code.
"""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse
from tracker.analysis.category_model import payment_data, version_categories
from tracker.analysis.classify import classify_text, topic_profile
from tracker.analysis.diff import diff_texts
from tracker.analysis.materiality import _privacy_document, label_document
from tracker.analysis.materiality import version_categories as rules_categories

# --- 1. "other" alone in a document about one topic ------------------------------------------------

PRIVACY = """# Quillmate Privacy Policy

## 1. Personal data we collect

We collect your name, e-mail address, device identifiers and the notes you store in Quillmate.
We collect usage data and cookies to measure how the app is used.

## 2. How we use and share personal data

We use your personal data to provide the service, to secure your account and to send you service
e-mails. We share personal data with processors who host our servers, under data processing
agreements. We do not sell your personal data.

## 3. Retention and your rights

We keep personal data while your account is open and delete it within 30 days of closure. You may
access, correct or delete your personal data, and object to its processing, by writing to us.

## 4. Our vendors
{extra}
"""

# The same vendor section in terms about several topics (fees, refunds, disputes, conduct).
TERMS = """# Quillmate Terms of Service

## 1. Fees

The Pro plan costs $6 per month, billed monthly to your card. Prices include applicable taxes.

## 2. Refunds

You may ask for a refund within 14 days of a payment.

## 3. Disputes

These terms are governed by the laws of Vermont and disputes go to the courts of Burlington.

## 4. Conduct

Do not upload malware and do not harass other users.

## 5. Our vendors
{extra}
"""

# Changes with no topic of their own ("other"): a vendor behind a feature, the scope of a text.
VENDORS = ["We use a proxy server operated on our behalf by Pellwick Ltd to provide the Quillmate Relay feature.",
           "If you live outside the United States, these terms apply to you."]
VENDOR = VENDORS[0]


def _labels(old: str, new: str):
    diff = diff_texts(old, new)
    return diff.changes, label_document(diff.changes, old, new)


def test_a_privacy_policy_is_mostly_about_privacy() -> None:
    text = PRIVACY.format(extra="")
    assert _privacy_document(text), topic_profile(text)


def test_terms_about_several_topics_are_no_privacy_document() -> None:
    text = TERMS.format(extra="")
    assert not _privacy_document(text), topic_profile(text)


@pytest.mark.parametrize("extra", VENDORS)
def test_a_change_without_topic_in_a_privacy_policy_names_privacy(extra: str) -> None:
    old, new = PRIVACY.format(extra=""), PRIVACY.format(extra=extra)
    diffs, labels = _labels(old, new)
    material = [lab for lab in labels if lab.material]
    assert material and all(lab.categories == ("other",) for lab in material), material
    assert rules_categories(labels, new) == ("privacy",)
    assert version_categories(diffs, labels, new) == ("privacy",)


@pytest.mark.parametrize("extra", VENDORS)
def test_the_same_change_in_terms_about_several_topics_stays_other(extra: str) -> None:
    old, new = TERMS.format(extra=""), TERMS.format(extra=extra)
    diffs, labels = _labels(old, new)
    assert rules_categories(labels, new) == ("other",)


def test_a_short_text_about_another_topic_keeps_other() -> None:
    old = ("# Quillmate Plus Membership Terms\n\n## Plus\n\nPlus members get free delivery on every order. "
           "Your Plus membership renews every month until you cancel it.\n")
    assert max(topic_profile(old).items(), key=lambda kv: kv[1]) == ("subscription", 1.0)
    new = old + "\n" + VENDOR + "\n"
    diffs, labels = _labels(old, new)
    assert any(lab.material for lab in labels), labels
    assert rules_categories(labels, new) == ("other",)


def test_a_document_of_rules_of_use_still_names_usage_rules() -> None:
    old = "# Quillmate Community Guidelines\n\nBe kind to other members.\n"
    new = old + "\n" + VENDOR + "\n"
    diffs, labels = _labels(old, new)
    if any(lab.material for lab in labels):
        assert rules_categories(labels, new) == ("usage-rules",)


def test_a_change_with_its_own_topic_keeps_it_in_a_privacy_policy() -> None:
    extra = "Subscriptions renew automatically each month until you cancel them in Settings."
    old, new = PRIVACY.format(extra=""), PRIVACY.format(extra=extra)
    diffs, labels = _labels(old, new)
    assert "subscription" in rules_categories(labels, new), [lab.categories for lab in labels]


# --- 2. the end of a feature said in the active voice, and in French ----------------------------


@pytest.mark.parametrize("text", [
    "After March 1, 2026, we will no longer offer Classic Login and Quillmate will only be accessible "
    "with a Quillmate ID.",
    "Starting June 1, Quillmate no longer supports the desktop app for Windows 7.",
    "Quillmate no longer offers phone support to Free plan members.",
    "À compter du 1er juillet 2026, l'avantage « Livraison offerte » n'est plus proposé sur Quillmate.",
    "La fonctionnalité Favoris ne sera plus disponible à partir du 3 mars 2026.",
])
def test_the_end_of_a_feature_is_a_service_change(text: str) -> None:
    assert "service-changes" in classify_text(text).categories, classify_text(text)


@pytest.mark.parametrize("text", [
    "We will no longer provide your e-mail address to advertising partners.",
    "Sellers may no longer offer cash on delivery for orders over $500.",
    "You may no longer offer paid boosts to other members.",
    "L'avantage « Livraison offerte » est proposé aux membres Premium.",
])
def test_other_no_longer_sentences_are_no_service_change(text: str) -> None:
    assert "service-changes" not in classify_text(text).categories, classify_text(text)


def test_a_removed_feature_names_a_service_change_in_a_version() -> None:
    old = TERMS.format(extra="") + "\n## 6. Sign-in\n\nYou can sign in with Classic Login or a Quillmate ID.\n"
    new = (TERMS.format(extra="") + "\n## 6. Sign-in\n\nYou can sign in with Classic Login or a Quillmate ID. "
           "After March 1, 2026, we will no longer offer Classic Login.\n")
    result = analyse(old, new)
    assert result.material, result.summary
    assert "service-changes" in result.categories, result.categories


# --- 3. payment in a privacy notice is data it names ---------------------------------------------

WALLET_NOTICE = """# Quillpay Wallet Privacy Notice

## Information we collect

When you add a payment method to Quillpay Wallet we collect the card number, expiry date, billing
address and the bank that issued the card. We keep a record of each payment and purchase you make.

## Information we share

We share the card network and the last four digits of your card with merchants where you pay.
{extra}
"""

TERMS_OF_PAYMENT = """# Quillpay Wallet Terms of Service

## Fees

Quillpay Wallet is free for buyers. Merchants pay a fee of 2% on each payment.

## Payments

You authorise us to charge the payment method you add to Quillpay Wallet for each purchase.
{extra}
"""

SHARED = ("We share your card network, the last four digits of your card and your billing postcode with the "
          "merchant's payment processor to check each payment for fraud.")


def test_payment_in_a_privacy_notice_is_read_as_privacy() -> None:
    assert payment_data({"payment"}, WALLET_NOTICE.format(extra="")) == {"privacy"}
    assert payment_data({"payment", "ai-training"}, WALLET_NOTICE.format(extra="")) == {"privacy", "ai-training"}


def test_payment_in_terms_and_other_categories_of_a_notice_stay() -> None:
    terms = TERMS_OF_PAYMENT.format(extra="")
    assert payment_data({"payment", "pricing"}, terms) == {"payment", "pricing"}
    notice = WALLET_NOTICE.format(extra="")
    assert payment_data({"pricing", "privacy"}, notice) == {"pricing", "privacy"}
    assert payment_data(set(), notice) == set()


@pytest.mark.parametrize("title", ["Privacy Policy", "Politique de confidentialité de Quillpay",
                                   "Datenschutzerklärung", "Quillpay Privacy Statement"])
def test_privacy_notices_are_known_by_their_title(title: str) -> None:
    assert payment_data({"payment"}, f"# {title}\n\nWe collect your card number.\n") == {"privacy"}


def test_a_version_of_a_payments_privacy_notice_names_privacy_not_payment() -> None:
    old, new = WALLET_NOTICE.format(extra=""), WALLET_NOTICE.format(extra=SHARED)
    diffs, labels = _labels(old, new)
    assert any(lab.material for lab in labels), labels
    got = version_categories(diffs, labels, new)
    assert "payment" not in got and "privacy" in got, got
    # the same change in terms of payment keeps its payment category
    old, new = TERMS_OF_PAYMENT.format(extra=""), TERMS_OF_PAYMENT.format(extra=SHARED)
    diffs, labels = _labels(old, new)
    assert "payment" in version_categories(diffs, labels, new)
