"""A choice of law said again in other words is no change, and no new watch-out (issue 11's
rewording kind), on invented clauses of fictional services; another law chosen still is."""

from __future__ import annotations

import pytest

from tracker.analysis.classify import category_scores
from tracker.analysis.materiality import label_change


@pytest.mark.parametrize("before, after", [
    ("The Contract is subject to French law.", "The Agreement is governed by French law."),
    ("These Terms are governed by the laws of Ireland.", "This Agreement is subject to the laws of Ireland."),
    ("Le contrat est soumis au droit français.", "Les présentes CGU sont régies par le droit français."),
])
def test_the_same_law_in_other_words_is_no_change_and_no_watch_out(before, after):
    label = label_change("modified", before, after, heading="Applicable law")
    assert not label.material, label.explanation
    assert not label.watch_added and not label.watch_removed


@pytest.mark.parametrize("before, after, now", [
    ("The Contract is subject to French law.", "The Agreement is governed by Irish law.", "Ireland"),
    ("These Terms are governed by the laws of Ireland.", "These Terms are governed by the laws of England.",
     "England"),
])
def test_another_law_in_other_words_is_still_a_new_law(before, after, now):
    label = label_change("modified", before, after, heading="Applicable law")
    assert label.material and "governing-law" in label.categories
    assert now in label.explanation


def test_a_law_said_with_subject_to_is_a_choice_of_law_and_applicable_law_is_none():
    assert "governing-law" in category_scores("The Contract is subject to French law.")
    assert "governing-law" in category_scores("These Terms are subject to the laws of Ireland.")
    for s in ("The service is subject to applicable law.", "Refunds are subject to consumer law.",
              "Your use is subject to local laws and regulations."):
        assert "governing-law" not in category_scores(s), s
