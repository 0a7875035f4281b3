"""A clause with two words swapped far apart ("licensors" → "licensees", "legal fees" →
"attorneys' fees") is explained with one swap read on both sides: each side cut to its own first
run paired "…employees, licensees, suppliers…" with "…including legal fees…", two places that were
never one change (a replay of a messaging app's terms)."""

from __future__ import annotations

from tracker.analysis.analyse import analyse
from tracker.analysis.materiality import _first_swap, _same_place

BEFORE = ("You agree, to the extent permitted by law, to indemnify, defend and hold harmless Quillfeather Group Limited, "
          "Quillfeather Inc. and "
          "our affiliates, directors, officers, stockholders, employees, licensors, suppliers and agents from and "
          "against any complaints, charges, claims, damages, losses, costs, liabilities and expenses (including "
          "legal fees) due to, arising out of or relating in any way to: (a) your access to or use of the Services, "
          "(b) your content and (c) your breach of these Terms.")
AFTER = (BEFORE.replace("licensors", "licensees").replace("legal fees", "attorneys' fees")
         .replace("Services, (b) your content", "Services; (b) your content;"))


OTHER = """## 9. Content

Quillfeather and its licensors keep every right in the stickers and lenses offered in the app.

"""


def test_both_quotes_read_the_same_swap() -> None:
    result = analyse(f"{OTHER}## 14. Indemnity\n\n{BEFORE}\n", f"{OTHER}## 14. Indemnity\n\n{AFTER}\n")
    (change,) = result.changes
    text = change.explanation
    assert "Now says" in text, text
    now, was = text.split(" instead of ", 1)
    assert ("licensees" in now) == ("licensors" in was), text
    assert ("attorneys" in now) == ("legal" in was), text


def test_quotes_of_two_places_are_told_and_the_first_swap_read_on_both_sides() -> None:
    # the quotes the run path made of the two runs cut apart: no word around the change in common
    assert not _same_place("…employees, licensees, suppliers…", "…including legal fees…")
    assert _same_place("…employees, licensees, suppliers…", "…employees, licensors, suppliers…")
    assert _same_place("licensees", "licensors")  # a bare phrase has nothing around it to share
    now, was = _first_swap(BEFORE, AFTER) or ("", "")
    assert "licensees" in now and "licensors" in was and "legal" not in was, (now, was)
    assert not now.rstrip("…").endswith(" and")  # never cut on a word that leads on
    assert _first_swap("We keep your data.", "We keep your data.") is None
