"""A promise of the company not to use, sell or share the user's data or content is a protection,
never a watch-out (newuser12: "We do not use Your Content to train machine learning models" was
listed under "Things to watch out for"). Fictional service."""
from __future__ import annotations

from tracker.analysis.summary import protection, summarise

TERMS = """# Quillory Terms of Service

## 1. Your content

You own your content. We do not use Your Content to train machine learning models.
Quillory never sells your personal data to advertisers.

## 2. Suspension

We may suspend or terminate your account at any time without notice.

## 3. Fees

The Plus plan costs $10 per month. Fees are non-refundable.

## 4. Disputes

Any dispute will be resolved by binding arbitration in Denver, Colorado.
"""


def test_a_promise_not_to_train_or_sell_is_no_watch_out() -> None:
    watch = " ".join(b.text for b in summarise(TERMS).watch_outs)
    assert "arbitration" in watch.lower()  # the real watch-outs are still there
    assert "train" not in watch.lower() and "sells" not in watch.lower(), watch


def test_the_same_words_with_an_exception_or_as_a_use_stay_watch_outs() -> None:
    assert protection("ai-training", "We do not use Your Content to train machine learning models.")
    assert protection("privacy", "Your personal data is never sold to third parties.")
    assert not protection("ai-training", "We do not use Your Content to train models unless you opt in.")
    assert not protection("ai-training", "We use Your Content to train our models.")
    assert not protection("refunds", "We do not refund fees.")  # a risk said with "not"
    assert not protection("liability", "We will not be liable for lost profits.")
