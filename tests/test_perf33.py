"""A changed page's checks read the lines where its two texts differ, not both texts whole (issue 14).

``scope.shares_over`` tells that a page shares more than a share of its lines with another from
the lines between the two texts' common start and end (``landing_page`` and ``language_switch``
ask it before ``shared_lines``); ``guards.another_language`` counts the new sample's words from
the latest sample's and the lines where they differ. Both must answer as the whole-text reading
does: ``shares_over`` says True only when ``shared_lines`` is over the share, and
``another_language`` names the languages ``main_language`` tells of each text.
"""

from __future__ import annotations

import pytest

from tracker.analysis.scope import landing_page, language_switch, shared_lines, shares_over
from tracker.fetch.guards import LANGUAGE_SAMPLE, another_language, main_language

# Fictional terms, long enough that a changed clause is a small part of them.
CLAUSES = [f"## {n}. Section {n}\n\nThe Quillmark member may pause plan {n} at any time and keeps the "
           f"saved drafts for {n + 3} months after the end of the plan." for n in range(1, 120)]
TERMS = "# Quillmark Terms of Use\n\n" + "\n\n".join(CLAUSES) + "\n"
FRENCH = ("Le membre de Quillmark peut suspendre son abonnement à tout moment et conserve les brouillons "
          "pendant trois mois après la fin de la formule, selon les conditions de la société.\n")


def reworded(text: str, n: int, words: str) -> str:
    """``text`` with clause ``n``'s sentence said in ``words``."""
    old = CLAUSES[n - 1].split("\n\n", 1)[1]
    assert old in text
    return text.replace(old, words, 1)


def test_a_clause_changed_shares_its_lines_at_once() -> None:
    changed = reworded(TERMS, 40, "The Quillmark member may pause plan 40 for up to two months a year.")
    assert shares_over(changed, TERMS, 0.1) and shares_over(TERMS, changed, 0.1)
    assert shared_lines(changed, TERMS) > 0.1
    assert not landing_page(changed, TERMS) and language_switch(TERMS, changed) is None


def test_another_page_is_never_said_to_share_its_lines() -> None:
    landing = "\n\n".join(f"Discover the Quillmark feature number {n} for your team today" for n in range(40))
    assert not shares_over(landing, TERMS, 0.1) and not shares_over(TERMS, landing, 0.1)
    assert shared_lines(landing, TERMS) <= 0.1


def test_a_page_mostly_rewritten_is_left_to_the_whole_reading() -> None:
    # most clauses new: more than a quarter of the page between the common start and end
    rewritten = TERMS
    for n in range(10, 100):
        rewritten = reworded(rewritten, n, f"Quillmark may change plan {n} with thirty days of notice by email.")
    assert not shares_over(rewritten, TERMS, 0.1)
    assert shared_lines(rewritten, TERMS) > 0.1  # (it does share them: only the quick answer is not given)


@pytest.mark.parametrize("share", [0.1, 0.3, 0.45])
def test_links_whose_text_spans_lines_are_read_as_shared_lines_reads_them(share: float) -> None:
    # a link's text over two lines is one line of words once its address is dropped
    link = "See the [Quillmark drafts\npolicy for members](https://quillmark.example/drafts) for more.\n"
    before = link + TERMS
    after = reworded(before, 70, "The Quillmark member may pause plan 70 twice a year.")
    sure = shares_over(after, before, share)
    assert sure and shared_lines(after, before) > share


def test_a_sure_answer_is_always_true_of_the_whole_texts() -> None:
    # pages that keep a few lines of the terms, more of them each time, around new lines
    for kept in range(0, 119, 7):
        page = "\n\n".join(CLAUSES[:kept]) + "\n\nQuillmark news for every team: new features each week.\n" * 20
        for share in (0.05, 0.1, 0.5):
            if shares_over(page, TERMS, share):
                assert shared_lines(page, TERMS) > share
            if shares_over(TERMS, page, share):
                assert shared_lines(TERMS, page) > share


def test_terms_now_in_french_at_their_start_are_another_language() -> None:
    # the whole sample in French, the rest of the text the same: the change is within the sample
    french = FRENCH * (LANGUAGE_SAMPLE // len(FRENCH) + 1) + TERMS
    assert main_language(TERMS) == "en" and main_language(french) == "fr"
    found = another_language(TERMS, french)
    assert found is not None and "fr" in found and "en" in found
    back = another_language(french, TERMS)
    assert back is not None and "en" in back


def test_a_clause_changed_in_the_sample_is_no_other_language() -> None:
    changed = reworded(TERMS, 3, "The Quillmark member may pause plan 3 only once.")
    assert changed[:LANGUAGE_SAMPLE] != TERMS[:LANGUAGE_SAMPLE]
    assert another_language(TERMS, changed) is None


@pytest.mark.parametrize("lines", [1, 5, 20, 60, 110])
def test_french_lines_in_the_sample_count_as_reading_the_whole_sample_does(lines: int) -> None:
    # a few French lines do not make the terms French; enough of them make the sample mixed or French:
    # the answer is the one the two samples read whole give
    at = TERMS.index(CLAUSES[5])
    text = TERMS[:at] + FRENCH * lines + TERMS[at:]
    before, now = main_language(TERMS), main_language(text)
    expected = None if before is None or now is None or before == now else (before, now)
    found = another_language(TERMS, text)
    assert (found is None) == (expected is None)
    if expected is not None:
        assert found is not None and all(lang in found for lang in expected)
