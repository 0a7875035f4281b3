"""Headlines a reader can trust when a whole watch-out section goes, quotes that say who, rows
that say which table (issue 11, session 38). Invented texts of a fictional service, run through
the whole analysis (``tracker.analysis.analyse.analyse``)."""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse
from tracker.analysis.headline import HEADLINE_MAX, pronoun_led
from tracker.analysis.rights import gives_user_a_right

_HEAD = """# Quorvel Terms of Service

## 1. Your Account

You must be at least 16 years old to create a Quorvel account. You are responsible for keeping your password safe.

## 2. Fees

Quorvel Plus costs $9 per month. Fees are billed in advance each month.

## 9. Governing Law and Venue

These Terms are governed by the laws of the State of Texas. {venue}
"""
_ARBITRATION = """
## 10. Binding Arbitration and Class Action Waiver

You and Quorvel agree to resolve all disputes between us in individual binding arbitration. A party who intends to \
seek arbitration must first send the other a written notice describing the claim. The arbitration will be \
administered by the American Arbitration Association under its Consumer Arbitration Rules. The arbitrator may award \
relief only to the individual party seeking relief. You and Quorvel agree not to bring or participate in a class or \
representative action. This Agreement does not permit class or collective arbitration.
"""
_TAIL = """
## {n}. Miscellaneous

If any provision of these Terms is held unenforceable, the remaining provisions remain in effect.
"""
_OLD_VENUE = ("Subject to Section 10 below, any claim shall be brought exclusively in the state or federal courts "
              "located in Travis County, Texas.")
_NEW_VENUE = ("All disputes and claims between you and Quorvel shall be brought exclusively in the state or federal "
              "courts located in Travis County, Texas.")


def _arbitration_dropped() -> tuple[str, str]:
    old = _HEAD.format(venue=_OLD_VENUE) + _ARBITRATION + _TAIL.format(n=11)
    new = _HEAD.format(venue=_NEW_VENUE) + _TAIL.format(n=10)
    return old, new


def test_a_removed_arbitration_section_is_named_as_removed_with_where_disputes_go():
    a = analyse(*_arbitration_dropped())
    assert a.material
    low = a.summary.lower()
    # the section named as removed, not one of its sentences quoted
    assert low.startswith(("removes", "drops")), a.summary
    assert "binding arbitration" in low and "class-action waiver" in low
    assert "written notice" not in low
    assert "Travis County, Texas" in a.summary  # where disputes go now
    assert len(a.summary) <= HEADLINE_MAX


def test_the_clauses_of_a_removed_arbitration_section_are_not_critical():
    a = analyse(*_arbitration_dropped())
    removed = [c for c in a.changes if c.kind == "removed" and c.material]
    assert len(removed) >= 4
    assert all(c.severity != "critical" for c in removed), [(c.severity, c.explanation) for c in removed]
    # a rule of the procedure gone is no right of the user taken away
    assert not any(c.explanation.startswith("Removed right for users") for c in removed)
    assert a.severity != "critical"


def test_a_removed_liability_section_is_good_news_and_names_its_section():
    cap = ("\n## 8. Limitation of Liability\n\nQuorvel's total liability to you shall not exceed the fees you paid in the "
           "twelve months before the claim. Quorvel shall not be liable for any indirect, incidental or consequential "
           "damages. Quorvel shall not be liable for any loss of data or profits. These limitations apply even if "
           "Quorvel was advised of the possibility of such damages.\n")
    old = _HEAD.format(venue=_NEW_VENUE) + cap + _TAIL.format(n=10)
    new = _HEAD.format(venue=_NEW_VENUE) + _TAIL.format(n=10)
    a = analyse(old, new)
    assert a.material
    assert a.summary.startswith("Removes the limit of liability (section 8)"), a.summary
    assert "good news for users" in a.summary
    assert all(c.severity != "critical" for c in a.changes if c.kind == "removed")


def test_arbitration_moved_into_a_new_clause_is_no_section_removed():
    # the section goes, but binding arbitration comes back in the venue clause: a rewrite, not good news
    old, _ = _arbitration_dropped()
    new = _HEAD.format(venue="All disputes between you and Quorvel shall be resolved exclusively by binding "
                             "arbitration administered by JAMS, and you waive any right to a jury trial or to "
                             "participate in a class action.") + _TAIL.format(n=10)
    a = analyse(old, new)
    assert a.material
    assert not a.summary.startswith(("Removes", "Drops")), a.summary


@pytest.mark.parametrize("text", [
    "New: This does not include photos uploaded by members",
    "New: When it is enabled, it logs the active user and location",
    "Removed: Such data may be shared with partners",
])
def test_pronoun_led_quotes_are_recognised(text):
    assert pronoun_led(text)


@pytest.mark.parametrize("text", [
    "New: This Agreement is governed by Irish law",
    "New: Quorvel may share your data with partners",
    "New: When you cancel, Quorvel refunds the unused days",
])
def test_quotes_with_a_subject_are_not_pronoun_led(text):
    assert not pronoun_led(text)


_OWNERSHIP = """# Quorvel Terms of Service

## 1. Your Account

You must be at least 16 years old to create a Quorvel account.

## 4. Ownership of Material on the Quorvel Website

All text, graphics and software on Quorvel are owned by Quorvel Ltd and protected by copyright. You may not copy \
them without our written permission.
{extra}"""


def test_a_headline_quoting_a_this_sentence_names_its_section():
    old = _OWNERSHIP.format(extra="")
    new = _OWNERSHIP.format(extra="This does not include photos or logos uploaded by members to their own pages.\n")
    a = analyse(old, new)
    assert a.material
    assert "Ownership of Material" in a.summary, a.summary  # what "this" is about
    assert "This does not include" in a.summary


_FEES = """# Quorvel Terms of Service

## Fees

### A6.2 Card withdrawals for users in Romania

We charge 1% of the amount withdrawn, with a minimum and maximum fee depending on the currency:

| | | |
| --- | --- | --- |
| Withdrawal Currency | Minimum Fee | Maximum Fee |
| Euro | 0.50 EUR | 20.00 EUR |
{row}| Swiss Franc | 0.50 CHF | 20.00 CHF |
"""


def test_a_removed_fee_row_names_its_table():
    a = analyse(_FEES.format(row="| Croatian Kuna | 2.00 HRK | 70.00 HRK |\n"), _FEES.format(row=""))
    assert a.material
    assert "Croatian Kuna" in a.summary
    # the table by its heading, without the outline number a reader does not need
    assert "“Card withdrawals for users in Romania”" in a.summary, a.summary


def test_a_rule_of_the_procedure_is_no_right_of_the_user():
    assert not gives_user_a_right("This Agreement does not permit class or collective arbitration.")
    # a power denied to a named provider still is
    assert gives_user_a_right("This licence does not permit Quorvel or its affiliates to sell your photos.")


def test_a_liability_section_rewritten_under_its_heading_is_no_section_removed():
    # the same heading stays, its sentences are replaced by others: a rewrite, whatever was dropped
    old_cap = ("\n## 8. Limitation of Liability\n\nQuorvel's total liability to you shall not exceed the fees you paid "
               "in the twelve months before the claim. Quorvel shall not be liable for any indirect, incidental or "
               "consequential damages. Quorvel shall not be liable for any loss of data or profits. These limitations "
               "apply even if Quorvel was advised of the possibility of such damages.\n")
    new_cap = ("\n## 8. Limitation of Liability\n\nNothing in these Terms limits Quorvel's liability for fraud, gross "
               "negligence or death or personal injury caused by its negligence. Otherwise Quorvel answers only for "
               "foreseeable losses.\n")
    a = analyse(_HEAD.format(venue=_NEW_VENUE) + old_cap + _TAIL.format(n=10),
                _HEAD.format(venue=_NEW_VENUE) + new_cap + _TAIL.format(n=10))
    assert a.material
    assert not a.summary.startswith(("Removes", "Drops")), a.summary


def test_a_removed_section_s_headline_keeps_the_count_of_other_material_changes():
    # the courts give way before the count: a reader must not take the section for all the news
    old, new = _arbitration_dropped()
    old = old.replace("Quorvel Plus costs $9 per month.", "Quorvel Plus costs $9 per month. Refunds are given within 30 days.")
    new = new.replace("Quorvel Plus costs $9 per month.", "Quorvel Plus costs $12 per month. Refunds are given within 7 days.")
    a = analyse(old, new)
    assert a.summary.lower().startswith(("removes", "drops")), a.summary
    assert a.summary.endswith("more)") or "more material change" in a.summary, a.summary
    assert len(a.summary) <= HEADLINE_MAX
