"""Session 25 (issue 11, the categories of material changes): words of a category that, in some
sentences, say something else, seen giving material changes of real dev pairs a category their
readers did not name (or hiding one they did):

- acceptance by use of changed terms ("continued use after the changes means you accept them", "by
  using the site after a new version is posted"): how a change of the terms takes effect, ranked as
  terms-changes as much as acceptance (the browsewrap watch-out alone outweighed it three to one);
- a fee charged ("a partner may charge a fee", "fees charged by Zorbex"): a price (pricing), no way
  to pay (payment);
- a billing cycle or period: how long a plan runs (subscription), no payment;
- billing records, invoices or payment details kept for a period: a retention period (privacy), no
  payment;
- AI named as what a product is or offers ("AI-powered engines", "our AI tools"), with no data,
  content or input named: no use of anyone's data for AI (ai-training).

Invented sentences of fictional services; the real topics keep their words.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.classify import category_scores, classify_sentence


def _cats(text: str) -> tuple[str, ...]:
    return classify_sentence(text).categories


@pytest.mark.parametrize("text", [
    "Your continued use of Plinkr after the changes take effect means you accept the revised Terms.",
    "If you keep using Plinkr after we post changes to these Terms, you are deemed to accept them.",
    "By using the Plinkr website after a new version of the Terms has been posted, you agree to that version.",
])
def test_accepting_changed_terms_by_use_ranks_as_terms_changes(text: str) -> None:
    scores = category_scores(text)
    assert scores.get("terms-changes", 0.0) >= scores.get("acceptance", 0.0) > 0, scores


def test_plain_acceptance_by_use_stays_acceptance_alone() -> None:
    scores = category_scores("By using Plinkr you agree to these Terms of Service.")
    assert "acceptance" in scores and "terms-changes" not in scores, scores


_TERMS = """# Plinkr Terms of Service

## 1. Changes to these Terms

We may update these Terms from time to time.

## 2. Your account

You are responsible for keeping your password secret.
"""


def test_a_new_continued_use_clause_names_terms_changes(monkeypatch) -> None:
    monkeypatch.setenv("TRACKER_CATEGORIES", "rules")
    a = analyse(_TERMS, _TERMS.replace(
        "We may update these Terms from time to time.\n",
        "We may update these Terms from time to time.\n\nBy using Plinkr after a new version of these Terms has "
        "been posted, you agree to the terms of that new version.\n"))
    assert a.material and "terms-changes" in a.categories, (a.categories, a.summary)


@pytest.mark.parametrize("text", [
    "A Zorbex partner may charge a fee for the convenience of paying through its app.",
    "That fee is set by the partner and is separate from any fees charged by Zorbex for your transfer.",
    "Zorbex may charge you a reasonable administrative fee for paper statements.",
])
def test_a_fee_charged_is_a_price_not_a_payment_term(text: str) -> None:
    cats = _cats(text)
    assert "pricing" in cats and "payment" not in cats, cats


@pytest.mark.parametrize("text, cat", [
    ("Zorbex will charge your credit card on the first day of each month.", "payment"),
    ("You authorize Zorbex to charge the card on file for all purchases.", "payment"),
    ("Invoices are sent by e-mail and are due within 30 days.", "payment"),
    ("You will be charged 5 € per month.", "payment"),
])
def test_charging_the_user_stays_a_payment_term(text: str, cat: str) -> None:
    assert cat in _cats(text)


@pytest.mark.parametrize("text", [
    "Your Quibbly plan renews at the end of each billing cycle.",
    "Quibbly may pause your access for one billing period.",
])
def test_a_billing_cycle_is_a_plan_period_not_a_payment(text: str) -> None:
    cats = _cats(text)
    assert "subscription" in cats and "payment" not in cats, cats


@pytest.mark.parametrize("text", [
    "Quibbly keeps a copy of your billing records for up to 7 years, even after you delete your account.",
    "Invoices are stored for 10 years to meet Quibbly's accounting duties.",
    "We keep your payment details for 30 days after each purchase.",
])
def test_billing_records_kept_for_a_period_are_privacy(text: str) -> None:
    cats = _cats(text)
    assert "privacy" in cats and "payment" not in cats, cats


def test_billing_without_a_retention_period_stays_payment() -> None:
    assert "payment" in _cats("Quibbly sends you an invoice for every purchase.")


@pytest.mark.parametrize("text", [
    "Zorbex provides audience activation, AI-powered engines and agents, and cross-channel attribution.",
    "Zorbex Ads and Zorbex Reach are AI-powered services providing an advertising platform for shops.",
    "Our AI tools and AI assistants are available in the Zorbex Pro plan.",
])
def test_ai_named_as_a_product_is_no_ai_training(text: str) -> None:
    assert "ai-training" not in _cats(text)


@pytest.mark.parametrize("text", [
    "Our AI tools may use your content to improve the Zorbex service.",
    "We share your personal data with generative AI service providers.",
    "Zorbex uses machine learning on your messages to detect spam.",
    "We may use your prompts to train our AI models.",
])
def test_ai_use_of_data_stays_ai_training(text: str) -> None:
    assert "ai-training" in _cats(text)


@pytest.mark.parametrize("text", [
    "Les messages que vous envoyez sur Quibbly, y compris leur contenu, conformément à la loi applicable.",
    "Dans la mesure permise par la loi applicable, Quibbly conserve ces informations.",
    "Sous réserve du droit applicable, Quibbly peut partager ces informations avec ses prestataires.",
])
def test_the_applicable_law_as_a_qualifier_chooses_no_law(text: str) -> None:
    assert "governing-law" not in _cats(text)


@pytest.mark.parametrize("text", [
    "Loi applicable : les présentes conditions de Quibbly sont régies par le droit français.",
    "La loi applicable aux présentes CGU est la loi belge.",
    "Les présentes conditions sont soumises au droit luxembourgeois.",
])
def test_a_french_choice_of_law_stays_governing_law(text: str) -> None:
    assert "governing-law" in _cats(text)


@pytest.mark.parametrize("text", [
    "Your notice of dispute must be individual to you and must include your name, email address and residential address.",
    "A counter-notice to Zorbex must state your name, postal address and telephone number.",
])
def test_details_a_notice_must_include_are_no_data_collected(text: str) -> None:
    assert "privacy" not in _cats(text)


@pytest.mark.parametrize("text", [
    "Your request must include your name and email address so that Zorbex can delete your personal data.",
    "Zorbex collects your name, email address and phone number when you register.",
])
def test_personal_details_collected_or_used_stay_privacy(text: str) -> None:
    assert "privacy" in _cats(text)


@pytest.mark.parametrize("text", [
    "This includes the use of an AI assistant to answer common questions about your Zorbex order.",
    "When enabled, Zorbex AI features use your writing context to draft replies.",
])
def test_an_ai_product_said_to_use_something_stays_ai_training(text: str) -> None:
    assert "ai-training" in _cats(text)
