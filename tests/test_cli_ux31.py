"""Session 31's lead fixes, on invented texts about fictional services."""
from __future__ import annotations

import pytest

from tracker.analysis import analyse


def _material(old: str, new: str):  # type: ignore[no-untyped-def]
    [change] = [c for c in analyse(old, new).changes if c.kind == "modified"]
    assert change.material, change
    return change


def test_an_allowance_in_a_sentence_is_said_with_what_it_counts() -> None:
    change = _material("# Quillmark Terms\n\n## 3. Storage\n\nEach Basic account includes 15 GB of storage for your notes.\n",
                       "# Quillmark Terms\n\n## 3. Storage\n\nEach Basic account includes 10 GB of storage for your notes.\n")
    assert change.explanation.startswith("Now 10 GB instead of 15 GB: “Each Basic account includes 10 GB of storage"), \
        change.explanation


def test_a_plan_list_item_is_said_under_its_plan() -> None:
    page = "# Quillmark Pricing\n\n## Studio\n\n€19 per month\n\n- {n} drafting credits per month\n- Shared notebooks\n"
    change = _material(page.format(n="800"), page.format(n="600"))
    assert change.explanation.startswith("Studio: now 600 drafting credits per month instead of 800 ("), change.explanation


@pytest.mark.parametrize("row, old, new", [("Starter", "20-80 Mbps", "20-160 Mbps"), ("Office", "200 GB", "100 GB")])
def test_a_table_row_measure_is_said_under_the_row_it_belongs_to(row: str, old: str, new: str) -> None:
    table = "| Plan | Allowance |\n|---|---|\n| {row} | {v} |\n| Unlimited | none |\n"
    change = _material(table.format(row=row, v=old), table.format(row=row, v=new))
    assert change.explanation.startswith(f"{row}: now {new} instead of {old}"), change.explanation
    assert "Plan:" not in change.explanation  # the header row is not the row that changed


def test_a_bound_that_is_not_an_allowance_keeps_its_own_wording() -> None:
    change = _material("Uploads to Quillmark are limited to 5 GB per file.", "Uploads to Quillmark are limited to 500 MB per file.")
    assert "500 MB" in change.explanation and "5 GB" in change.explanation, change.explanation


@pytest.mark.parametrize("old, new", [
    ("Quillmark credits expire 6 months after purchase.", "Quillmark credits expire 12 months after purchase."),
    ("You may request a refund within 14 days of purchase.", "You may request a refund within 30 days of purchase."),
    ("Quillmark's total liability is limited to the greater of the fees you paid in the 3 months before the claim or $50.",
     "Quillmark's total liability is limited to the greater of the fees you paid in the 12 months before the claim or $100."),
])
def test_a_value_moved_in_users_favour_is_good_news_and_the_reverse_is_not(old: str, new: str) -> None:
    assert _material(old, new).explanation.endswith("— good news for users")
    assert "good news" not in _material(new, old).explanation


@pytest.mark.parametrize("old, new", [
    ("Refunds are processed within 30 days of your request.", "Refunds are processed within 14 days of your request."),
    ("Your total liability to Quillmark is limited to $100.", "Your total liability to Quillmark is limited to $500."),
    ("We keep your drafts for 30 days after deletion.", "We keep your drafts for 90 days after deletion."),
])
def test_a_value_with_no_plain_direction_is_not_called_good_news(old: str, new: str) -> None:
    for a, b in ((old, new), (new, old)):
        assert "good news" not in _material(a, b).explanation


def test_a_grace_period_before_a_removal_cut_short_is_a_notice_cut() -> None:
    old = "Before we remove a model, we will give you a grace period of at least 2 weeks, announced by email."
    change = _material(old, old.replace("2 weeks", "one week"))
    assert change.severity == "critical", change
    assert _material(old.replace("2 weeks", "one week"), old).explanation.endswith("— good news for users")


@pytest.mark.parametrize("given, meant", [("tos", "Terms of Service"), ("AUP", "Acceptable Use Policy"), ("pp", "Privacy Policy")])
def test_a_document_named_by_its_initials_gets_a_suggestion(given: str, meant: str) -> None:
    from tracker.names import known_names

    said = known_names(given, ["Pricing", "Privacy Policy", "Terms of Service", "Acceptable Use Policy"], quote=True)
    assert said.endswith(f"(did you mean '{meant}'?)"), said


def test_initials_of_one_word_or_one_letter_suggest_nothing_new() -> None:
    from tracker.names import near

    assert near("x", ["Terms of Service", "Xylo Pricing"]) == ["Xylo Pricing"]  # a word's start, as before
    assert near("zz", ["Terms of Service", "Pricing"]) == []


def test_training_dropped_with_its_opt_out_is_said_as_no_training_not_as_an_opt_out_lost() -> None:
    used = ("# Quillmark Privacy\n\n## 2. Use\n\nWe use your prompts to provide the Service. "
            "We use your prompts to train our models unless you opt out in your settings.\n")
    unused = ("# Quillmark Privacy\n\n## 2. Use\n\nWe use your prompts to provide the Service. "
              "We do not use your prompts to train our models.\n")
    summary = analyse(used, unused).summary
    assert summary.startswith("Your data is no longer used for AI training"), summary
    assert "no longer opt out" not in summary
    assert analyse(unused, used).summary.startswith("Your data may now be used for AI training"), analyse(unused, used).summary


def test_an_opt_out_removed_while_training_stays_is_still_said_as_the_opt_out_lost() -> None:
    old = "## 2. Use\n\nWe use your prompts to train our models unless you opt out in your settings.\n"
    new = "## 2. Use\n\nWe use your prompts to train our models.\n"
    assert analyse(old, new).summary.startswith("You can no longer opt out of AI training"), analyse(old, new).summary
