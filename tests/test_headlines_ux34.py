"""A new user's trial (session 32, items 3, 7 and 8): headlines and clause explanations say old ->
new in a plain sentence.

* a clause that sent disputes to the courts and now sends them to binding arbitration is said as
  that switch ("Disputes now go to binding arbitration instead of the courts of Dover, Delaware"),
  with the class-action and jury-trial waivers the version brings beside it in the headline, never
  hidden in "+N more"; the reverse switch says the new court once, not again in garbled words;
* a limit of liability whose amounts or period changed is one sentence ("Liability cap now the
  greater of 3 months' fees or $50 (was 12 months or $100)"), not the values one by one under the
  section's title;
* a new or removed table row that names a plan with a price is "New plan Scale: $80 per month";
* which clauses moved does not depend on which version is given first, and where a moved clause
  came from never shows in a headline.

Every text is invented, about fictional services.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.headline import HEADLINE_MAX, TO_ARBITRATION, TO_COURTS, display_explanation
from tracker.analysis.wording import cap_said, courts_named, plan_row_said

COURTS = ("Any dispute arising from these Terms will be resolved exclusively in the state or federal courts located "
          "in {place}, and you and Larkspur consent to the personal jurisdiction of those courts.")
ARBITRATION = ("Any dispute arising from these Terms will be resolved by final and binding arbitration administered "
               "by the Northgate Arbitration Board under its rules, rather than in court.")
WAIVER = ("You and Larkspur each waive the right to a trial by jury and agree that claims may be brought only in an "
          "individual capacity, and not as a plaintiff or class member in any class action.")


def _terms(disputes: str, extra: str = "") -> str:
    return (f"# Larkspur Terms\n\n## 3. Fees\n\nThe Desk plan costs $12 per month.\n\n"
            f"## 9. Disputes\n\n{disputes}\n\n{extra}## 10. Notices\n\nWe send notices by e-mail.\n")


def test_courts_to_arbitration_with_waivers_is_one_sentence_naming_both() -> None:
    result = analyse(_terms(COURTS.format(place="Dover, Delaware")), _terms(ARBITRATION, f"{WAIVER}\n\n"))
    # (the courts' clause is paired with the waiver, and the arbitration is a clause of its own)
    switch = next(c for c in result.changes if "arbitration" in c.categories and c.kind != "removed")
    said = switch.explanation
    assert said.startswith(f"{TO_ARBITRATION}the courts of Dover, Delaware: "), said
    assert "New watch-out" not in said and "Now says" not in said and said.count("instead of") == 1, said
    assert switch.severity == "critical"  # (how serious it is does not change with its words)
    # the waiver is named in the headline, not counted among "+N more"
    assert result.summary.startswith(TO_ARBITRATION), result.summary
    assert "class actions and jury trials waived" in result.summary and "more" not in result.summary, result.summary
    assert len(result.summary) <= HEADLINE_MAX


def test_courts_to_arbitration_alone_keeps_the_courts_place_in_the_headline() -> None:
    result = analyse(_terms(COURTS.format(place="Dover, Delaware")), _terms(ARBITRATION))
    assert result.summary == f"{TO_ARBITRATION}the courts of Dover, Delaware", result.summary


def test_a_waiver_in_the_switched_clause_itself_is_named_too() -> None:
    result = analyse(_terms(COURTS.format(place="Boise, Idaho")),
                     _terms(ARBITRATION + " You waive any right to a jury trial."))
    assert result.summary.startswith(TO_ARBITRATION), result.summary
    assert "jury trials waived" in result.summary, result.summary


def test_arbitration_moved_to_another_seat_is_no_switch() -> None:
    # near miss: arbitration before and after, only its place changed
    old = "Any dispute will be resolved by binding arbitration held in Dover, Delaware."
    new = "Any dispute will be resolved by binding arbitration held in Austin, Texas."
    result = analyse(_terms(old), _terms(new))
    assert not result.summary.startswith(TO_ARBITRATION), result.summary
    assert all(not c.explanation.startswith(TO_ARBITRATION) for c in result.changes)


def test_courts_kept_beside_a_small_claims_option_is_no_switch() -> None:
    # near miss: the same courts still hear disputes; arbitration is only an option beside them
    old = "Any dispute will be heard by the courts of Dover, Delaware."
    new = "Any dispute will be heard by the courts of Dover, Delaware, or either party may choose arbitration for small claims."
    result = analyse(_terms(old), _terms(new))
    assert all(not c.explanation.startswith(TO_ARBITRATION) for c in result.changes), result.changes


def test_arbitration_to_courts_says_the_new_court_once() -> None:
    result = analyse(_terms(ARBITRATION, f"{WAIVER}\n\n"), _terms(COURTS.format(place="Dover, Delaware")))
    # (the courts' clause is its own change: the waiver removed beside it shares no point with it, and
    # is said removed, not hidden as the courts' clause's "before")
    switch = next(c for c in result.changes if c.kind != "removed" and "arbitration" in c.categories)
    assert switch.explanation.startswith(TO_COURTS), switch.explanation
    assert any(c.kind == "removed" and c.explanation.startswith("Removed: You and Larkspur each waive")
               for c in result.changes), result.changes
    # one sentence: no second one saying the court again ("The Service will now be resolved ...")
    assert "will now be resolved" not in switch.explanation and ";" not in switch.explanation, switch.explanation
    assert result.summary.startswith(TO_COURTS), result.summary


@pytest.mark.parametrize("text, said", [
    ("Disputes go to the state or federal courts located in Dover, Delaware, exclusively.", "the courts of Dover, Delaware"),
    ("Disputes go exclusively to the courts of your home town.", "the courts"),
    ("We answer e-mails within two days.", ""),
])
def test_courts_named(text: str, said: str) -> None:
    assert courts_named(text) == said


CAP = ("To the extent permitted by law, Larkspur's total liability for all claims will not exceed the greater of "
       "(a) the amounts you paid to Larkspur in the {months} months before the claim, or (b) US ${amount}.")


def _cap_terms(months: str, amount: str) -> str:
    return f"# Larkspur Terms\n\n## 7. Limitation of Liability\n\n{CAP.format(months=months, amount=amount)}\n"


def test_a_liability_cap_cut_is_one_sentence_old_to_new() -> None:
    result = analyse(_cap_terms("12", "100"), _cap_terms("3", "50"))
    [change] = [c for c in result.changes if c.material]
    assert change.explanation == ("Liability cap now the greater of 3 months' fees or $50 (was 12 months or $100) "
                                  "(liability)"), change.explanation
    assert result.summary == "Liability cap now the greater of 3 months' fees or $50 (was 12 months or $100)"


def test_a_cap_of_one_amount_and_a_cap_of_one_period() -> None:
    old = "Our aggregate liability shall not exceed $500."
    new = "Our aggregate liability shall not exceed $250."
    assert cap_said("Limitation: $500 → $250 (liability)", "modified", ("liability",), old, new) == \
        "Liability cap now $250 (was $500) (liability)"
    old = "Our liability is limited to the fees you paid in the 12 months before the claim."
    new = "Our liability is limited to the fees you paid in the 1 month before the claim."
    assert cap_said("Limitation: 12 months → 1 month (liability)", "modified", ("liability",), old, new) == \
        "Liability cap now 1 month's fees (was 12 months) (liability)"


@pytest.mark.parametrize("explanation, before, after, categories", [
    # a time limit for claims, no cap: as is
    ("Claims: 12 months → 6 months (liability)", "You must bring any claim within 12 months.",
     "You must bring any claim within 6 months.", ("liability",)),
    # a cap, but not of the liability category
    ("Fees: $500 → $250 (pricing)", "Our liability shall not exceed $500.", "Our liability shall not exceed $250.",
     ("pricing",)),
    # a new watch-out in the capped clause is no value said one by one
    ("New watch-out: we are not liable for lost data (liability)", "Our liability shall not exceed $500.",
     "Our liability shall not exceed $500, and we are not liable for lost data.", ("liability",)),
])
def test_near_misses_of_a_cap_stay_as_they_were(explanation: str, before: str, after: str,
                                                 categories: tuple[str, ...]) -> None:
    assert cap_said(explanation, "modified", categories, before, after) == explanation


PRICING = ("# Larkspur Pricing\n\n| Plan | Price | Seats |\n|---|---|---|\n| Desk | $12 per month | 1 |\n"
           "| Studio | $40 per month | 5 |\n{extra}")


def test_a_new_plan_row_is_said_by_its_name_and_price() -> None:
    result = analyse(PRICING.format(extra=""), PRICING.format(extra="| Atelier | $90 per month | 20 |\n"))
    [change] = [c for c in result.changes if c.material]
    assert change.explanation == "New plan Atelier: $90 per month (pricing)", change.explanation
    assert result.summary.startswith("New plan Atelier: $90 per month"), result.summary
    removed = analyse(PRICING.format(extra="| Atelier | $90 per month | 20 |\n"), PRICING.format(extra=""))
    [gone] = [c for c in removed.changes if c.material]
    assert gone.explanation.startswith("Removed plan Atelier: $90 per month"), gone.explanation


@pytest.mark.parametrize("row", [
    "| Name | Purpose |\n|---|---|\n| _lk | Keeps you signed in |",  # no plan column
    "| Plan | Price |\n|---|---|\n| Enterprise | Contact sales |",  # a plan, but no price
])
def test_other_new_rows_stay_as_rows(row: str) -> None:
    explanation = "New row: whatever the row said (pricing)"
    assert plan_row_said(explanation, "added", row) == explanation


_SECTIONS = ("# Larkspur Terms\n\n## 3. Models\n\n3.1 We offer several models.\n\n{early}"
             "## 4. Payment\n\n4.1 Fees are set out on our pricing page.\n\nFees are charged in advance.\n\n"
             "4.2 Credits expire {months} months after purchase.\n\nUnused credits are not refundable.\n\n{late}"
             "## 5. Ending\n\nYou may close your account at any time.\n")
_MOVED = "We may change our prices.\n\nWe give 30 days' notice of a price change.\n\n"


def _moved(result: object) -> set[str]:
    return {(c.after or c.before or "").strip() for c in result.changes if c.kind == "moved"}  # type: ignore[attr-defined]


def test_a_move_is_found_the_same_either_way() -> None:
    a = _SECTIONS.format(early="", late=_MOVED, months="12")
    b = _SECTIONS.format(early=_MOVED, late="", months="6")
    forward, backward = analyse(a, b), analyse(b, a)
    assert _moved(forward) == _moved(backward) == {"We may change our prices.",
                                                    "We give 30 days' notice of a price change."}
    for result in (forward, backward):
        assert "(from “" not in result.summary and "(refunds)" not in result.summary, result.summary


def test_where_a_clause_came_from_stays_out_of_a_headline() -> None:
    said = display_explanation("Credits now expire after 12 months instead of 6 (refunds) — good news for users "
                               "(from “4. Fees and Payment”)")
    assert said == "Credits now expire after 12 months instead of 6 — good news for users"


def test_a_cap_with_a_share_of_fees_keeps_its_share_and_its_categories() -> None:
    cap = ("Our total liability is limited to the greater of (1) {amount} or (2) 125% of the fees that you paid in the "
           "12 months before the breach.")
    said = cap_said("Amount now €500 instead of £500 (liability, pricing)", "modified", ("liability", "pricing"),
                    cap.format(amount="£500"), cap.format(amount="€500"))
    assert said == ("Liability cap now the greater of €500 or 125% of 12 months' fees (was £500 or 125% of 12 months) "
                    "(liability, pricing)"), said


def test_a_new_free_plan_row_is_said_free() -> None:
    row = "| Plan | Price | Seats |\n|---|---|---|\n| Hobby | Free | 1 |"
    assert plan_row_said("New row: Plan: Hobby; Price: Free; Seats: 1 (pricing)", "added", row) == \
        "New plan Hobby: Free (pricing)"


def test_unnamed_courts_kept_beside_arbitration_is_no_switch() -> None:
    old = "Any dispute will be resolved exclusively by the courts."
    new = "Any dispute will be resolved exclusively by the courts, except that either of us may choose arbitration."
    result = analyse(_terms(old), _terms(new))
    assert all(not c.explanation.startswith(TO_ARBITRATION) for c in result.changes), result.changes
