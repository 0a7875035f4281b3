"""The analysis of one version pair costs less CPU, with the same output (issues 16 and 14).

``boilerplate.DATE`` tries its long alternation of month names only where a date can begin (a
digit or one of the first letters of its months): it must find exactly the dates the pattern
without that look-ahead finds, in every language and form it reads. ``materiality.restatement``
reads a sentence's amounts only once another sentence shares enough of its words: it must still
refuse a restatement with another amount and accept one with the same.
"""

from __future__ import annotations

import re

import pytest

from tracker.analysis import boilerplate
from tracker.analysis.boilerplate import DATE
from tracker.analysis.materiality import DocContext, restatement

# DATE as it was written before the look-ahead: the reference its matches are checked against.
_REFERENCE = re.compile(DATE.pattern.replace(r"\b(?=[\dadefgjlmnos])(?:", r"\b(?:", 1), re.I)


def _month_words() -> list[str]:
    """Each month of ``boilerplate._MONTHS`` written short and long ("jan(?:uary)?": "jan", "january")."""
    body, depth, alternatives, word = boilerplate._MONTHS[3:boilerplate._MONTHS.rindex(")")], 0, [], ""
    for c in body:
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            alternatives.append(word)
            word = ""
        else:
            word += c
    alternatives.append(word)
    out = []
    for alt in alternatives:
        short = long = alt
        while "(" in short:  # the innermost optional group first ("sep(?:t(?:ember)?)?")
            short = re.sub(r"\(\?:[^()]*\)\?", "", short)
            long = re.sub(r"\(\?:([^()]*)\)\?", r"\1", long)
        out += [re.sub(r".\?", "", short), long.replace("?", "")]
    assert all(w.isalpha() for w in out), out
    return out


_MONTH_WORDS = _month_words()


def test_the_look_ahead_was_taken_away_for_the_reference() -> None:
    assert _REFERENCE.pattern != DATE.pattern and _REFERENCE.pattern.startswith(r"\b(?:")


@pytest.mark.parametrize("month", sorted(set(_MONTH_WORDS)))
def test_every_month_of_the_pattern_begins_a_date_in_every_form(month: str) -> None:
    forms = [f"{month} 3, 2031", f"{month}. 14 2031", f"3 {month} 2031", f"3rd of {month}, 2031",
             f"1er {month} 2031", f"3 de {month} de 2031", f"{month} del 2031", f"{month} 2031"]
    text = "Quillmark updated these terms on " + "; then on ".join(
        f for form in forms for f in (form, form.upper(), form.capitalize())) + "."
    found = [m.span() for m in DATE.finditer(text)]
    assert found == [m.span() for m in _REFERENCE.finditer(text)]
    assert len(found) == 3 * len(forms)


def test_dates_in_figures_and_words_that_are_no_dates_match_alike() -> None:
    text = ("Effective 2031-04-05 (05/04/31, 5.4.2031). The Quillmark Pro plan costs 12 USD from "
            "march onwards; a May 2031 notice, the 4th of July fair, ſeptember 3, 2031, MARZO 2031, "
            "août 2031, märz 2031, Ｍay 1, 2031 and Ǆecember 2031, 12 may 2031 and may 12 2031. "
            "Members may pause their plan; December is busy; 31 décembre 2031.")
    found = [m.group(0) for m in DATE.finditer(text)]
    assert found == [m.group(0) for m in _REFERENCE.finditer(text)]
    assert "2031-04-05" in found and "May 2031" in found and "31 décembre 2031" in found
    assert DATE.sub("<date>", text) == _REFERENCE.sub("<date>", text)


def _context(old_sentence: str) -> DocContext:
    other = "Quillmark keeps the saved drafts of every member for as long as the account stays open."
    return DocContext.of(f"{old_sentence}\n\n{other}\n", f"{other}\n")


def test_a_restatement_needs_the_same_amounts() -> None:
    said = "Quillmark refunds the unused part of an annual membership within 30 days of a cancellation request."
    same = "Quillmark refunds the unused part of an annual membership within 30 days of any cancellation request."
    other = "Quillmark refunds the unused part of an annual membership within 60 days of a cancellation request."
    assert restatement(same, _context(said), "old") == said
    assert restatement(other, _context(said), "old") == ""


def test_a_sentence_without_amounts_is_restated_by_its_words() -> None:
    said = "Quillmark may suspend a member account that shares login credentials with other people."
    same = "Quillmark may suspend any member account that shares its login credentials with other people."
    assert restatement(same, _context(said), "old") == said
    # another modal verb: not the same term, whatever the words shared
    assert restatement(same.replace("may", "will"), _context(said), "old") == ""
