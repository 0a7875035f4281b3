"""``decide._same_terms`` masks stamps only where the two texts differ (``decide._masked``).

Masking two whole texts was most of the check a changed page costs a run (issue 14). Stamps are
masked line by line, except a labelled id whose label stands lines above it: these cases keep
that, and a stamp in lines both texts share, from changing what the check decides.
"""

from __future__ import annotations

import pytest

from tracker.analysis.boilerplate import mask_stamps
from tracker.run.decide import _masked, _same_terms

# Fictional terms: long enough that the changed span is a small part of the text.
CLAUSES = [f"## {n}. Section {n}\n\nThe Wobblr customer may cancel plan {n} at any time and keeps credits "
           f"for {n + 2} months." for n in range(1, 40)]
TERMS = "# Wobblr Terms of Service\n\n" + "\n\n".join(CLAUSES)


def with_lines(text: str, at: int, lines: str) -> str:
    """``text`` with ``lines`` inserted before its clause number ``at``."""
    head, sep, tail = text.partition(CLAUSES[at])
    assert sep
    return f"{head}{lines}\n\n{sep}{tail}"


@pytest.mark.parametrize("label", ["Request ID:\n", "Request ID:\n\n", "Request ID\n:\n", "Request ID:\n   \n\n"])
def test_an_id_whose_label_stands_lines_above_it_is_masked(label: str) -> None:
    # "QQ11WW22RR33" is no random-looking token on its own (not hex, under 16 characters): only its
    # label, in a line both texts share, says it is a request id
    before = with_lines(TERMS, 20, f"{label}QQ11WW22RR33")
    after = with_lines(TERMS, 20, f"{label}ZZ98YY76XX54")
    assert _same_terms(before, after)
    masked_before, masked_after = _masked(before, after)
    assert masked_before == mask_stamps(before) and masked_after == mask_stamps(after)


def test_an_id_without_its_label_is_a_changed_line() -> None:
    before = with_lines(TERMS, 20, "Order code:\nQQ11WW22RR33")
    after = with_lines(TERMS, 20, "Order code:\nZZ98YY76XX54")
    assert not _same_terms(before, after)


def test_a_label_whose_id_stands_in_a_shared_line_below_is_masked_with_it() -> None:
    # the label changed and the id below it did not: the id, masked in one text only by the whole
    # text's masking, is masked the same way here
    before = with_lines(TERMS, 12, "Trace ID:\n\nQQ11WW22RR33")
    after = with_lines(TERMS, 12, "Session ID:\n\nQQ11WW22RR33")
    masked_before, masked_after = _masked(before, after)
    assert (masked_before, masked_after) == (mask_stamps(before), mask_stamps(after))
    assert "Session ID:\n\n#" in masked_after


def test_a_stamp_in_shared_lines_leaves_both_texts_as_they_are() -> None:
    stamp = "This page was generated on 2 December 2026 at 10:04 UTC."
    before = with_lines(TERMS, 3, stamp)
    after = before.replace("credits for 32 months", "credits for 6 months")
    assert after != before
    masked_before, masked_after = _masked(before, after)
    assert (masked_before, masked_after) == (before, after)
    assert not _same_terms(before, after)  # a clause changed: a new version


@pytest.mark.parametrize("old, new", [
    ("This page was generated on 2 December 2026 at 10:04 UTC.", "This page was generated on 3 December 2026 at 11:17 UTC."),
    ("Updated 3 days ago", "Updated 5 days ago"),
    ("Build 290db647a", "Build 8f1c2e9d3"),
])
def test_a_stamp_that_changed_is_masked_in_both_whole_texts(old: str, new: str) -> None:
    before, after = with_lines(TERMS, 30, old), with_lines(TERMS, 30, new)
    assert _masked(before, after) == (mask_stamps(before), mask_stamps(after))
    assert _same_terms(before, after)
    # ... and with a clause changed too, a new version
    assert not _same_terms(before, after.replace("plan 7 at any time", "plan 7 only in January"))


def test_the_terms_shown_twice_with_a_notice_whose_years_moved_are_the_same_terms() -> None:
    before = TERMS + "\n\n© 2019-2025 Wobblr Ltd"
    after = before + "\n\n" + TERMS + "\n\n© 2019-2026 Wobblr Ltd"
    assert _same_terms(before, after)
