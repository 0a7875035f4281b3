"""A value after "X warrants that they are ..." is said with the clause's own verb: "that" after a
verb of saying opens what is said, not a relative clause, and a name never spans a clause ("the
user warrants that they" is no value's name, which read "... that they is now over the age of 16")."""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse


def summary(before: str, after: str) -> str:
    return analyse(f"## 2. Accounts\n\n{before}\n", f"## 2. Accounts\n\n{after}\n").summary


@pytest.mark.parametrize("before, after, said", [
    ("The member warrants that they are of legal age.", "The member warrants that they are over the age of 16.",
     "they are now over the age of 16 instead of legal age"),
    ("You agree that you are at least 13 years old.", "You agree that you are at least 16 years old.",
     "you are now at least 16 years old instead of 13"),
    ("Each rider confirms that they are at least 18 years old.", "Each rider confirms that they are at least 21 years old.",
     "they are now at least 21 years old instead of 18"),
])
def test_the_verb_after_a_that_of_saying_carries_the_value(before: str, after: str, said: str) -> None:
    text = summary(before, after)
    assert said in text, text
    assert " they is " not in text and " you is " not in text


def test_a_relative_that_still_hides_its_verb() -> None:
    # "that you buy" is a relative clause: the value's verb is "expire", never "buy"
    text = summary("Tokens that you buy at Pellucid Games expire after 12 months.",
                   "Tokens that you buy at Pellucid Games expire after 6 months.")
    assert "buy now" not in text and "6 months" in text
