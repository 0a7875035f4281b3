"""Session 37 lead fixes from first-time users (nu43, nu44), on invented texts (fictional Quillpad)."""

from __future__ import annotations

import pytest

from tracker import compare

POLICY = "# Quillpad Privacy Policy\n\n## 3. Sharing\n\nWe do not sell your personal information.\n\n" \
         "We share it with our payment processor only to take your payments.\n"


@pytest.mark.parametrize("new", ["We never sell your personal information.", "We will not sell your personal information.",
                                 "We will never sell your personal information."])
def test_a_promise_not_to_act_said_with_another_negation_is_no_change(new: str) -> None:
    # nu44: "We do not sell" -> "We never sell" was "Adds 'never sell'", material, and the summary said
    # the no-sell promise was gone
    result = compare(POLICY, POLICY.replace("We do not sell your personal information.", new))
    assert not result.material and result.changes, result.changes
    assert result.changes[0].explanation.startswith("Reworded without a change of meaning"), result.changes


@pytest.mark.parametrize("new", ["We may sell your personal information.", "We do not usually sell your personal information.",
                                 "We do not sell your contact details."])
def test_a_promise_weakened_or_narrowed_stays_material(new: str) -> None:
    result = compare(POLICY, POLICY.replace("We do not sell your personal information.", new))
    assert result.material, result.changes


def test_a_prohibition_on_the_user_is_no_promise_not_to_act() -> None:
    terms = "# Quillpad Terms\n\n## 4. Use\n\nYou may not resell the Service.\n"
    assert compare(terms, terms.replace("You may not resell", "You never resell")).material
