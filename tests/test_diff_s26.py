"""Session 26, a first-time user's findings on alignment and version categories (invented texts).

- a clause the document itself numbers the same under the same heading, rewritten to another topic
  ("the courts of Dublin" -> "binding arbitration"), is one modified clause, not a removal and an addition;
- the one heading removed and the one added between the same unchanged clauses are a section renamed,
  in place, said with both titles;
- a value replaced in a change's own topic (a refund window of 14 days instead of 30) names that
  topic among the version's categories, beside larger watch-out changes.
"""

from __future__ import annotations

import pytest

from tracker.analysis.diff import diff_texts
from tracker.analysis.headline import title_words
from tracker.api import compare

DISPUTES = """# Quillory Terms

## 5. Disputes

5.1 These terms are governed by the laws of Ireland.

5.2 Any dispute arising from these terms may be brought before the courts of Dublin, and you may also use the courts where you live.

5.3 Nothing in these terms limits your statutory rights as a consumer.
"""
ARBITRATION = DISPUTES.replace(
    "may be brought before the courts of Dublin, and you may also use the courts where you live.",
    "will be resolved exclusively by final and binding arbitration administered by JAMS, and you waive any "
    "right to a jury trial or to take part in a class action.")


def test_a_same_numbered_clause_rewritten_to_another_topic_is_one_modified_clause() -> None:
    result = compare(DISPUTES, ARBITRATION)
    assert [(c.kind, c.clause_id) for c in result.changes] == [("modified", "disputes/5.2")]
    assert result.material and "arbitration" in result.categories


def test_clauses_of_different_numbers_stay_a_removal_and_an_addition() -> None:
    new = DISPUTES.replace(
        "5.2 Any dispute arising from these terms may be brought before the courts of Dublin, and you may also use "
        "the courts where you live.",
        "5.4 You agree to send us a written notice describing any claim before starting a proceeding.")
    kinds = sorted(c.kind for c in diff_texts(DISPUTES, new).changes)
    assert kinds == ["added", "removed"]


def test_unnumbered_paragraphs_are_not_paired_by_position_alone() -> None:
    old = "# Terms\n\n## Disputes\n\nThe courts of Dublin decide any dispute.\n\nWe answer e-mail within a week.\n"
    new = "# Terms\n\n## Disputes\n\nThe courts of Dublin decide any dispute.\n\nOur office is closed on public holidays.\n"
    assert sorted(c.kind for c in diff_texts(old, new).changes) == ["added", "removed"]


SECTIONS = """# Quillory Terms

## 3. Payment

3.1 You pay monthly in advance.

## 4. Termination

4.1 You may close your account at any time from the settings page.

4.2 We may suspend accounts that break these terms.

## 5. Contact

Write to help@quillory.example.
"""


def test_a_heading_renamed_in_place_is_one_change_with_both_titles() -> None:
    result = compare(SECTIONS, SECTIONS.replace("## 4. Termination", "## 4. Closing Your Account"))
    assert [c.kind for c in result.changes] == ["modified"]
    assert result.changes[0].explanation == "Section “Termination” renamed to “Closing Your Account”"
    assert not result.material


def test_two_headings_replaced_between_the_same_clauses_stay_removed_and_added() -> None:
    old = SECTIONS.replace("## 4. Termination\n", "## 4. Termination\n\n## Overview\n")
    new = SECTIONS.replace("## 4. Termination\n", "## 4. Closing Your Account\n\n## Summary\n")
    kinds = sorted(c.kind for c in diff_texts(old, new).changes)
    assert kinds == ["added", "added", "removed", "removed"]


def test_a_heading_of_another_level_is_no_rename() -> None:
    new = SECTIONS.replace("## 4. Termination", "### 4. Closing Your Account")
    kinds = sorted(c.kind for c in diff_texts(SECTIONS, new).changes)
    assert kinds == ["added", "removed"]


@pytest.mark.parametrize(("heading", "title"), [
    ("## 4. Termination", "Termination"), ("IV. Fees", "Fees"), ("§ 7 Liability", "Liability"),
    ("Section 4: Fees", "Fees"), ("**2.3 Refunds**", "Refunds"), ("B) Credits", "Credits"),
    ("A Note on Fees", "A Note on Fees"), ("I Agree", "I Agree"),
])
def test_title_words_drop_the_number_but_not_a_first_word(heading: str, title: str) -> None:
    assert title_words(heading) == title


FULL = """# Quillory Terms

## 2. Refunds

2.1 You may request a full refund within 30 days of purchase.

## 3. Your Content

3.1 We host and display Your Content solely to provide the Service to you.

## 5. Disputes

5.1 Any dispute may be brought before the courts of Dublin.
"""


def test_a_value_replaced_names_its_topic_beside_watch_outs() -> None:
    new = FULL.replace("within 30 days", "within 14 days").replace(
        "3.1 We host and display Your Content solely to provide the Service to you.",
        "3.1 We host and display Your Content to provide the Service to you.\n\n"
        "3.2 We may use Your Content to train and improve our artificial intelligence models.").replace(
        "5.1 Any dispute may be brought before the courts of Dublin.",
        "5.1 Any dispute will be resolved by final and binding arbitration, and you waive any right to a class action.")
    result = compare(FULL, new)
    assert "refunds" in result.categories
    assert {"ai-training", "arbitration"} <= set(result.categories)


def test_a_reworded_clause_without_a_new_value_adds_no_category() -> None:
    new = FULL.replace("You may request a full refund within 30 days of purchase.",
                       "A full refund may be requested by you within 30 days of purchase.")
    assert "refunds" not in compare(FULL, new).categories


def test_the_rewritten_clause_headline_names_the_new_term() -> None:
    """The clause modified into a watch-out is named as the new term, not "Now says “…” instead of
    “…”" cut short (a whole quote replaced is no value changed)."""
    summary = compare(DISPUTES, ARBITRATION).summary
    # (ux34: courts replaced by arbitration is said as that switch, old -> new, with the waivers it brings)
    assert summary == ("Disputes now go to binding arbitration instead of the courts; class actions and jury trials "
                       "waived"), summary
    assert "Now says" not in summary


def test_a_version_that_only_renames_a_section_says_so_alone() -> None:
    """The rename is the only change: its headline does not add "1 clause changed" (that clause is
    the rename); beside another change, the count stays."""
    renamed = SECTIONS.replace("## 4. Termination", "## 4. Closing Your Account")
    assert compare(SECTIONS, renamed).summary == "Section “Termination” renamed to “Closing Your Account”"
    more = renamed.replace("Write to help@quillory.example.", "Write to help@quillory.example or call us.")
    assert compare(SECTIONS, more).summary.endswith("; 2 clauses changed, none materially")
