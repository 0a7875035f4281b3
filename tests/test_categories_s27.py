"""Session 27 (issue 11, the categories of material changes): kinds of wording that gave material
changes of real dev pairs a category their readers did not name (or hid one they did):

- which terms apply to whom ("if you live outside the US, these Terms apply to you", "the terms
  below do not apply to you"): the scope of the contract, "other", not eligibility (who may use the
  service at all);
- a subscription or membership named as the plan through which someone uses the service ("if you
  access it through your Workspace account on a Business subscription", "for owners of the Mailbox
  subscription"): who the sentence is about, no term of a subscription;
- data named as what a rule of use forbids the user to collect or spread ("do not collect personal
  information", "you may not harvest information about visitors"): a rule of use, not privacy (what
  the provider does with the users' data);
- machine learning named as how an algorithm ranks or matches ("our matching algorithms use machine
  learning to rank profiles"): the service's profiling of people (privacy), no AI trained on anyone's
  data (ai-training).

Invented sentences of fictional services; the real topics keep their words.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.classify import category_scores, classify_sentence


def _cats(text: str) -> tuple[str, ...]:
    return classify_sentence(text).categories


@pytest.mark.parametrize("text", [
    "If you live outside Freedonia, these Terms and Conditions apply to you.",
    "If you live in Freedonia, the Plinkr Freedonia Terms available here apply to you instead.",
    "These Terms apply only to users in the European Economic Area.",
    "The terms below do not apply to you if your administrator signed a Plinkr Enterprise agreement.",
])
def test_which_terms_apply_to_whom_is_scope_not_eligibility(text: str) -> None:
    cats = _cats(text)
    assert "eligibility" not in cats and cats == ("other",), cats


@pytest.mark.parametrize("text", [
    "The Plinkr service is available only to residents of Freedonia.",
    "You must be 16 or older to use Plinkr.",
    "Plinkr is not available to users under the age of 13.",
])
def test_who_may_use_the_service_stays_eligibility(text: str) -> None:
    assert "eligibility" in _cats(text)


_SCOPE_TERMS = """# Plinkr Terms and Conditions of Use

## 1. Welcome

Welcome to Plinkr, the app for sharing sketches with friends.

## 2. Your account

You are responsible for keeping your password secret.
"""


def test_a_new_scope_statement_is_named_other(monkeypatch) -> None:
    monkeypatch.setenv("TRACKER_CATEGORIES", "rules")
    new = _SCOPE_TERMS.replace(
        "Welcome to Plinkr, the app for sharing sketches with friends.\n",
        "Welcome to Plinkr, the app for sharing sketches with friends.\n\n"
        "If you live outside Freedonia, these Terms and Conditions apply to you. If you live in Freedonia, "
        "the Plinkr Freedonia Terms and Conditions apply to you.\n")
    a = analyse(_SCOPE_TERMS, new)
    assert a.material and a.categories == ("other",), (a.categories, a.summary)


def test_where_the_terms_apply_widened_stays_material() -> None:
    old = "# Terms\n\nThese Terms apply to users in Freedonia.\n"
    a = analyse(old, old.replace("in Freedonia", "in Freedonia and Sylvania"))
    assert a.material and "eligibility" not in a.categories, (a.categories, a.summary)


@pytest.mark.parametrize("text", [
    "If you are accessing Quibbly through your Workspace account on a Quibbly Teams Ultra for Business "
    "subscription, we will not collect your prompts.",
    "If you are accessing the Service through Quibbly Cloud, Quibbly for Business or a Quibbly Workspace "
    "subscription, then you are subject to the terms signed by your administrator.",
    "Your use of Mailbox is subject to Postly's policies, including its Customer Terms (for owners of the "
    "Mailbox subscription).",
    "These features are open to members who have a Quibbly Gold membership.",
])
def test_a_plan_named_to_say_who_is_no_subscription_term(text: str) -> None:
    assert "subscription" not in _cats(text)


@pytest.mark.parametrize("text", [
    "If you access Quibbly through a Business subscription, your subscription renews every year.",
    "Your Quibbly subscription renews automatically each month until you cancel it.",
    "You can cancel your membership at any time in Settings.",
    "Members who have a Gold membership get a free trial of Quibbly Studio.",
])
def test_a_subscription_term_stays_subscription(text: str) -> None:
    assert "subscription" in _cats(text)


def test_a_plan_qualifier_leaves_the_sentences_other_topic() -> None:
    scores = category_scores("If you access Quibbly through your Workspace account on a Business subscription, "
                             "we will not collect your prompts or personal data.")
    assert "privacy" in scores and "subscription" not in scores, scores


def test_a_subscription_said_of_after_a_qualifier_stays_subscription() -> None:
    # ("via such a program" qualifies the user's coming; the subscription is then said to be credited)
    text = "If you come to Quibbly via such a referral program, your subscription may be attributed to the referrer."
    assert "subscription" in _cats(text)


def test_a_referral_clause_that_credits_a_subscription_stays_material() -> None:
    old = "# Quibbly Privacy Policy\n\n## Account data\n\nWe collect your email address to run your account.\n"
    new = old + ("\nIf you come to Quibbly via such a referral program, your subscription may be attributed to the "
                 "referrer, and our site may communicate with the referrer's platform to credit the referrer.\n")
    assert analyse(old, new).material


@pytest.mark.parametrize("text", [
    "Do not collect personal or confidential information.",
    "You may not harvest or collect information about Zorbex visitors without their express consent.",
    "You agree not to scrape or collect email addresses of other Zorbex members.",
])
def test_data_a_rule_of_use_forbids_collecting_is_a_usage_rule_not_privacy(text: str) -> None:
    cats = _cats(text)
    assert "usage-rules" in cats and "privacy" not in cats, cats


@pytest.mark.parametrize("text", [
    "If you do not want us to share your data, do not use Zorbex.",
    "We do not sell your personal information to third parties.",
    "You may not collect personal data of other users, and we collect your IP address for security.",
    "Do not share your password or personal information with anyone.",
])
def test_data_the_provider_handles_stays_privacy(text: str) -> None:
    assert "privacy" in _cats(text)


def test_a_new_ban_on_collecting_data_is_a_usage_rule(monkeypatch) -> None:
    monkeypatch.setenv("TRACKER_CATEGORIES", "rules")
    old = "# Zorbex Community Rules\n\n## Be kind\n\nDo not harass other members.\n"
    new = old + "\nDo not collect personal or confidential information about other members.\n"
    a = analyse(old, new)
    assert a.material and a.categories == ("usage-rules",), (a.categories, a.summary)


@pytest.mark.parametrize("text", [
    "Our matching algorithms are based on a range of factors and use machine learning to rank profiles for you.",
    "Les algorithmes de Plinkr sont basés sur plusieurs critères et utilisent une technologie d'apprentissage "
    "automatique pour classer les profils.",
    "Plinkr's recommendation algorithms rely on artificial intelligence to suggest events near you.",
])
def test_machine_learning_named_as_how_an_algorithm_ranks_is_profiling_not_ai_training(text: str) -> None:
    cats = _cats(text)
    assert "ai-training" not in cats and "privacy" in cats, cats


@pytest.mark.parametrize("text", [
    "We use your photos to train our machine learning algorithms.",
    "Our algorithms use machine learning trained on your messages to rank profiles.",
    "Our recommendation algorithms use artificial intelligence to suggest matches based on your personal data.",
])
def test_machine_learning_on_users_data_stays_ai_training(text: str) -> None:
    assert "ai-training" in _cats(text)
