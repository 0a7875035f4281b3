"""A negation that comes (or goes) with other words changed around it is a change of meaning,
not a rewording: "You can cancel your plan" → "You cannot end your plan". Fictional services."""
from __future__ import annotations

import pytest

from tracker.analysis.materiality import label_change


@pytest.mark.parametrize("before, after", [
    ("You can cancel your Plumora plan at any time in your settings.",
     "You cannot end your Plumora plan at any time in your settings."),
    ("Partners of Plumora may access your files.", "Partners of Plumora may never read your files."),
    ("You can opt out of Ads Personalization in your Plumora settings.",
     "You can't turn off personalized ads in your Plumora settings."),
    ("We never sell your listening history to advertisers.",
     "We may pass your listening history to advertisers."),
])
def test_a_negation_gained_or_lost_with_other_words_is_material(before: str, after: str) -> None:
    label = label_change("modified", before, after, heading="Your account")
    assert label.material, label.explanation
    assert "Reworded" not in label.explanation


@pytest.mark.parametrize("before, after", [
    ("We may update these Plumora terms from time to time.", "We may revise these Plumora terms periodically."),
    ("Plumora does not sell your listening history.",
     "Plumora will never sell your listening history."),  # a negation on both sides
])
def test_a_rewording_without_a_negation_change_stays_minor(before: str, after: str) -> None:
    assert not label_change("modified", before, after, heading="Your account").material
