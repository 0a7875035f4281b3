"""Session 31 (issue 11, the categories of material changes): usage-rules named where a clause
says no rule of use (taxonomy: usage-rules is acceptable use, prohibited conduct, usage limits and
the user's account security duties). Three kinds seen on real dev pairs:

- fraud named as what the provider checks for or prevents ("we may check payments for signs of
  fraudulent activity", "to prevent fraudulent payments", "to detect and resolve any fraud"), and
  the provider keeping accounts safe as the purpose of a privacy policy's section ("To ensure the
  security of your account"): the provider's own controls, no duty of the user;
- what someone cannot do ("you will not be able to create another account for two years after a
  termination"): a consequence, no ban said to the user;
- a choice not to act ("the decision not to take action on a report", "if you choose not to
  provide your email address"): no ban either;
- illegal content named as what the provider reviews or moderates ("the items of manifestly
  illegal content a user posted", "where the content is not illegal, we reverse the decision"):
  moderation (content-removal), no rule of use.

Each kind has its near misses, which keep usage-rules: a ban beside the fraud words ("to prevent
fraud, you may not open more than two accounts"), a user's duty to keep the account secure, a number
the user cannot go past (a usage limit), "you agree not to", "you may not post illegal content". Invented texts of fictional services.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.classify import classify_sentence

# --- sentences ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "To keep payments safe, Quillmark may check payments for any signs of fraudulent activity.",
    "We use automated tools to prevent fraudulent transactions on the Quillmark marketplace.",
    "This helps us investigate reports and detect and resolve any fraud or security concerns.",
    "The following data is used to prevent fraudulent payments:",
    "Our team reviews orders to identify potential fraud.",
    "To ensure the security of your account and the Quillmark platform",
    "We use encryption to protect the security of your account.",
    "Where the decision not to take action on a report is unfounded, Quillmark will reverse it.",
    "If you choose not to provide your phone number, some features will not work.",
    "Members will not be able to read their messages once the account is deleted.",
    "Quillmark counts the items of manifestly illegal content a user posted within a given time frame.",
    "Where the content the complaint is about is not illegal, Quillmark will reverse its decision.",
])
def test_no_rule_of_use_is_said(sentence: str) -> None:
    assert "usage-rules" not in classify_sentence(sentence).categories


@pytest.mark.parametrize("sentence", [
    "You must not use Quillmark to commit fraud.",
    "To prevent fraud, you may not open more than two Quillmark accounts.",
    "To prevent fraud and misuse, each Quillmark account may send at most 40 invitations a day.",
    "You are responsible for the security of your account.",
    "You agree to protect the security of your account.",
    "You are responsible for any unauthorized use of your Quillmark account.",
    "You will not be able to upload more than 20 files a day.",
    "You agree not to resell Quillmark credits.",
    "We ask you not to post other people's home addresses.",
    "You will not share your password with anyone.",
    "You may not post illegal content.",
    "Illegal content is not allowed on Quillmark.",
    "Content you post must not be illegal.",
    "Users must not upload content that is illegal.",
])
def test_a_rule_of_use_stays(sentence: str) -> None:
    assert "usage-rules" in classify_sentence(sentence).categories


def test_a_card_used_by_someone_else_is_payment_not_a_rule_of_use() -> None:
    cats = classify_sentence("We may check payments for signs of fraud, such as unauthorized use of credit card "
                             "information.").categories
    assert "usage-rules" not in cats and "payment" in cats, cats


def test_a_ban_on_re_registration_after_termination_is_termination() -> None:
    cats = classify_sentence("The Member will not be able to create another account for 2 years after the "
                             "termination of the Account.").categories
    assert cats == ("termination",), cats


# --- whole versions -------------------------------------------------------------------------------

POLICY = """# Quillmark Privacy Policy

## How we use your data

We use your data to run the marketplace and to send you receipts.

## Your rights

You may ask us for a copy of your personal data at any time.
"""


def test_a_new_fraud_check_in_a_privacy_policy_names_no_rule_of_use() -> None:
    new = POLICY.replace(
        "to send you receipts.",
        "to send you receipts.\n\n## To prevent fraudulent payments\n\nWe may check payments for any signs of "
        "fraudulent activity and use automated tools to prevent fraudulent transactions. We keep the data "
        "used for these checks for 6 months.")
    a = analyse(POLICY, new)
    assert a.material, a.summary
    assert "usage-rules" not in a.categories, a.categories


TERMS = """# Quillmark Terms of Service

## Accounts

You need an account to sell on Quillmark. Quillmark may terminate accounts that break these terms.

## Fees

Quillmark charges a 5% fee on each sale.
"""


def test_a_longer_re_registration_ban_names_termination_only() -> None:
    old = TERMS.replace("break these terms.", "break these terms. After a termination, the member will not be "
                        "able to create another account for 1 year.")
    new = old.replace("for 1 year", "for 2 years")
    a = analyse(old, new)
    assert a.material, a.summary
    assert "termination" in a.categories and "usage-rules" not in a.categories, a.categories


def test_a_new_ban_in_the_terms_still_names_usage_rules() -> None:
    new = TERMS.replace("break these terms.", "break these terms. You may not use bots or scripts to buy "
                        "or list items, and you may not list more than 50 items a day.")
    a = analyse(TERMS, new)
    assert a.material, a.summary
    assert "usage-rules" in a.categories, a.categories
