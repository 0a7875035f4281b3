"""Session 30's lead fixes: what a reader sees first (headline) and other first-time-user findings.

Every text is invented (fictional services)."""

from __future__ import annotations

from types import SimpleNamespace

from tracker.analysis.headline import headline


def _change(explanation: str, categories: tuple[str, ...] = ("refunds",)) -> SimpleNamespace:
    return SimpleNamespace(material=True, severity="material", categories=categories, explanation=explanation,
                           kind="modified", before="", after="")


def test_headline_keeps_a_changed_number_and_what_it_was() -> None:
    # a long quote with its one number changed: cut at its end, the headline lost both numbers
    said = headline([_change("Now says “If we find we have received personal data from a child under 13 without "
                             "a parent's verified consent, we erase it” instead of 16 (eligibility, privacy)",
                             ("eligibility", "privacy"))])
    assert "under 13" in said and said.endswith("instead of 16"), said
    assert len(said) <= 100


def test_headline_number_swap_with_a_count_of_more_changes() -> None:
    said = headline([_change("Now says “Unused Quillfeather credits expire 6 months after the date on which the "
                             "customer bought them through the billing page” instead of 12 (refunds)"),
                     _change("New: Quillfeather may change these terms at any time.", ("terms-changes",))])
    assert "credits expire 6 months" in said and "instead of 12" in said and said.endswith("(+1 more)"), said
    assert len(said) <= 100


def test_headline_short_number_swap_is_whole() -> None:
    said = headline([_change("Now says “No one under age 13 may use Quillfeather” instead of 18 (eligibility)",
                             ("eligibility",))])
    assert said == "Now says “No one under age 13 may use Quillfeather” instead of 18"


def _new(clause: str, categories: tuple[str, ...] = ("privacy",)) -> SimpleNamespace:
    return SimpleNamespace(material=True, severity="critical", categories=categories,
                           explanation=f"New: {clause} ({categories[0]})", kind="added", before="", after=clause)


def test_a_new_promise_not_to_use_data_is_not_named_a_new_data_use() -> None:
    for clause in ("We do not use your voice notes for targeted advertising.",
                   "Quillfeather will never sell or share your contacts.",
                   "Your messages are never shared with advertisers."):
        said = headline([_new(clause)])
        assert said.startswith("New promise about your data: "), said
        assert "data use" not in said


def test_a_new_data_use_keeps_its_name() -> None:
    # near miss: a practice, not a promise; and a refusal in another category keeps its term name
    assert headline([_new("We use your precise location for targeted advertising.")]).startswith("New data use: ")
    assert headline([_new("We do not refund unused credits.", ("refunds",))]).startswith("New refund restriction: ")


def test_a_notice_rule_that_names_its_summary_of_changes_is_a_term() -> None:
    from tracker.analysis.boilerplate import is_announcement

    for rule in ("We will notify you at least 30 days before a change takes effect, and you will receive a "
                 "summary of what changed.",
                 "Quillfeather gives 14 days' notice of any change to these terms, with a summary of the changes."):
        assert not is_announcement(rule), rule
    # near misses: a banner about one update stays an announcement
    assert is_announcement("We have updated our Terms of Service. Read the summary of changes.")
    assert is_announcement("Summary of changes")


def test_a_notice_period_cut_is_material_beside_a_summary_of_what_changed() -> None:
    from tracker.api import compare

    old = ("# Terms\n\n## 1. Changes\n\nWe may update these Terms. We will notify you at least 30 days before a "
           "change takes effect, and you will receive a summary of what changed.\n")
    result = compare(old, old.replace("30 days", "7 days"))
    assert result.material, result.summary
    assert "terms-changes" in result.categories
