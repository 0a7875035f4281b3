"""nu43: in a privacy policy, what is done with the user's information is filed under privacy, and
aggregated data used to improve a service is no AI-training watch-out (invented texts, fictional Quorra)."""

from __future__ import annotations

from tracker.analysis.summary import summarise

POLICY = """# Quorra Privacy Policy

## 1. How we use information

We use your information to run the Service, bill you and answer support requests.

We use aggregated usage data to improve the Service, including model routing and performance.

## 2. How long we keep it

We keep account and billing information while your account is open.

## 3. Your choices

You can access, correct, export or delete your account information from the settings page.

## 4. Accounts

We may suspend your account if you break these rules.
"""


def _concerns(summary) -> dict[str, str]:
    return {b.text: b.concern for b in summary.key_terms}


def test_what_is_done_with_your_information_is_a_privacy_term() -> None:
    summary = summarise(POLICY, kind="Privacy Policy")
    concerns = _concerns(summary)
    filed = {text: concern for text, concern in concerns.items() if "information" in text}
    assert filed and set(filed.values()) == {"privacy"}, concerns
    # a sentence about the account itself keeps its own concern
    assert concerns.get("We may suspend your account if you break these rules.") == "termination", concerns


def test_aggregated_data_that_improves_a_service_is_no_training_watch_out() -> None:
    watched = [w.text for w in summarise(POLICY, kind="Privacy Policy").watch_outs if "ai-training" in w.categories]
    assert not any("aggregated" in t for t in watched), watched
    # the user's own inputs trained on stay one
    trained = POLICY.replace("We use aggregated usage data to improve the Service",
                             "We use your inputs and outputs to train our models")
    watched = [w.text for w in summarise(trained, kind="Privacy Policy").watch_outs if "ai-training" in w.categories]
    assert any("train our models" in t for t in watched), watched
