"""Key terms that answer and date each term right: a notice question answered from a clause that
states a grace or transition period for that event, each "was" note said in the terms of the key
term it follows (the courts a dispute went to, the training the old text ruled out), and a
pricing term that stays whatever the number of plans beside it (all texts invented: fictional
services, versions compared with the tracker's own analysis)."""

from __future__ import annotations

from tracker.analysis.summary import date_note, key_bullets, summarise
from tracker.api import compare

DAY = "2026-05-04T10:00:00Z"


def _history(old: str, new: str) -> list[tuple[str, object]]:
    return [(DAY, c) for c in compare(old, new).changes]


def _facts(text: str, old: str | None = None) -> dict[str, object]:
    summary = summarise(text, _history(old, text) if old else [], kind="Terms of Service")
    return dict(summary.facts)


# --- notice before a model or feature is removed ------------------------------------------------

GRACE = """# Fernwick Terms of Service

## 1. The service

Fernwick gives you access to several language models through a writing app and an API.

## 2. Models

2.1 Before we retire a model from Fernwick, we will give you a grace period of at least {period}, announced
by email, so that you can move your work to another model.

## 3. Disputes

These terms are governed by the laws of Oregon.
"""


def test_a_grace_period_before_a_removal_answers_the_notice_question() -> None:
    summary = summarise(GRACE.format(period="ten days"), kind="Terms of Service")
    assert summary.facts["removal-notice"].value == "at least ten days"
    answer = next(a for a in summary.answers if a.id == "removal-notice")
    assert "grace period of at least ten days" in answer.answer and answer.section == "§ 2.1 Models"


def test_a_shorter_grace_period_is_dated_with_the_old_one() -> None:
    old, new = GRACE.format(period="3 weeks"), GRACE.format(period="ten days")
    cell = _facts(new, old)["removal-notice"]
    assert cell.value == "at least ten days"  # type: ignore[attr-defined]
    assert cell.changed.note == "was at least 3 weeks until 2026-05-04"  # type: ignore[attr-defined]


TRANSITION = """# Ostrel API Terms

## 4. Versions

When we deprecate an API version, you get a 60-day transition period to move to a newer version.
"""

LOOK_BACK = """# Ostrel API Terms

## 4. Versions

Before we deprecate an API version, we review how it was used over the last 30 days.
"""


def test_a_transition_period_is_notice_but_a_period_looked_back_on_is_not() -> None:
    assert summarise(TRANSITION).facts["removal-notice"].value == "60-day"
    assert "removal-notice" not in summarise(LOOK_BACK).facts


NEXT = """# Velloby Terms

## 3. Models

We may retire older models from Velloby as newer AI models become available. {after}
"""


def test_a_grace_period_in_the_next_sentence_answers_with_both() -> None:
    summary = summarise(NEXT.format(after="You will then have a grace period of 14 days to move your prompts."))
    assert summary.facts["removal-notice"].value == "14 days"
    answer = next(a for a in summary.answers if a.id == "removal-notice").answer
    assert answer.startswith("We may retire older models") and "grace period of 14 days" in answer
    # near miss: a payment's grace period beside a removal is no notice of it
    payment = summarise(NEXT.format(after="If a payment fails, you have a grace period of 7 days to update your card."))
    assert payment.facts.get("removal-notice") is None or payment.facts["removal-notice"].value != "7 days"


def test_a_sentence_opening_on_the_change_gives_the_terms_notice() -> None:
    text = """# Pellam Terms

## 9. Changes to these terms

Before changes to these Terms take effect, we will give you at least 21 days to review them.
"""
    assert summarise(text).facts["terms-notice"].value == "at least 21 days"
    # near miss: a period of something else in a sentence that opens on the change
    other = text.replace("we will give you at least 21 days to review them",
                         "we check the last 21 days of support requests")
    assert "terms-notice" not in summarise(other).facts


# --- "was" notes in the terms of the key term -----------------------------------------------------

COURTS = """# Tallowby Terms

## 7. Disputes

These Terms are governed by the laws of the State of Vermont.

Any dispute arising out of these Terms will be resolved exclusively in the courts located in Burlington, Vermont.
"""

ARBITRATION = COURTS.replace(
    "will be resolved exclusively in the courts located in Burlington, Vermont.",
    "will be resolved by final and binding arbitration administered by the American Arbitration Association, "
    "rather than in court.")


def _note(summary: object, words: str) -> str:
    bullet = next(b for b in summary.key_terms if words in b.text)  # type: ignore[attr-defined]
    return bullet.changed.note if bullet.changed else ""


def test_courts_replaced_by_arbitration_are_said_as_the_courts() -> None:
    summary = summarise(ARBITRATION, _history(COURTS, ARBITRATION), kind="Terms of Service")
    assert _note(summary, "binding arbitration") == "was the courts of Burlington, Vermont until 2026-05-04"
    # the standard fact says the same in its own words
    assert summary.facts["arbitration"].changed.note == "was Courts of Burlington, Vermont until 2026-05-04"


def test_courts_moved_to_other_courts_keep_the_plain_place() -> None:
    moved = COURTS.replace("Burlington, Vermont.", "Albany, New York.")
    summary = summarise(moved, _history(COURTS, moved), kind="Terms of Service")
    assert _note(summary, "Albany") == "was Burlington, Vermont until 2026-05-04"


def test_an_arbitration_seat_replaced_by_courts_is_said_as_the_arbitration() -> None:
    seat = COURTS.replace("will be resolved exclusively in the courts located in Burlington, Vermont.",
                          "will be resolved by binding arbitration held in Rutland, Vermont.")
    courts = COURTS.replace("Burlington, Vermont.", "Chittenden County.")
    summary = summarise(courts, _history(seat, courts), kind="Terms of Service")
    assert _note(summary, "Chittenden County").startswith("was arbitration in ")


SECTION_ARBITRATION = """# Wrenfold Terms

## 10. Governing law

Subject to Section 11 (Binding Arbitration), you and Wrenfold agree that any claim shall be brought exclusively in
any state or federal court located in Dane County, Wisconsin. These Terms are governed by the laws of Wisconsin.

## 11. Binding Arbitration

Any dispute between you and Wrenfold will be resolved by binding arbitration administered by JAMS.
"""

SECTION_COURTS = """# Wrenfold Terms

## 10. Governing law

You and Wrenfold agree that all disputes shall be brought exclusively in any state or federal court located in
Dane County, Wisconsin. These Terms are governed by the laws of Wisconsin.
"""


def test_a_fact_noted_by_old_words_is_said_as_the_old_fact() -> None:
    summary = summarise(SECTION_COURTS, _history(SECTION_ARBITRATION, SECTION_COURTS), kind="Terms of Service")
    cell = summary.facts["arbitration"]
    assert cell.value == "Courts of Dane County, Wisconsin"
    assert cell.changed is not None and cell.changed.note == "was Binding arbitration until 2026-05-04"


def test_a_court_located_somewhere_is_no_seat_of_the_arbitration() -> None:
    # the arbitration is named in passing before the courts' place: that place is the courts'
    cell = summarise(SECTION_ARBITRATION, kind="Terms of Service").facts["arbitration"]
    assert cell.value == "Binding arbitration"
    # near miss: an arbitration held in a place keeps it
    seat = "# Wrenfold Terms\n\n## 11. Disputes\n\nAny dispute will be resolved by binding arbitration held in Madison, Wisconsin.\n"
    assert summarise(seat, kind="Terms of Service").facts["arbitration"].value == "Binding arbitration, Madison, Wisconsin"


PRIVACY_NO = """# Brisklet Privacy Policy

## 2. How we use information

We use your account details to run the service. We do not use your notes or messages to train our models.

## 4. Retention

We keep your notes for 60 days after you delete your account.
"""

PRIVACY_YES = PRIVACY_NO.replace(
    "We do not use your notes or messages to train our models.",
    "We use your notes, drafts and messages to train and improve our machine learning models, unless you opt out "
    "in Settings under Privacy Controls, where the switch is off by default for teams.")


def test_training_that_replaced_no_training_says_it_was_no() -> None:
    summary = summarise(PRIVACY_YES, _history(PRIVACY_NO, PRIVACY_YES), kind="Privacy Policy")
    cell = summary.facts["ai-training"]
    assert cell.value == "Yes; opt-out available"
    assert cell.changed is not None and cell.changed.note == "was No until 2026-05-04"


def test_training_in_a_clause_that_replaced_a_removed_one_says_it_was_no() -> None:
    # the old sentence removed and the new one in a section of its own: the same version said No
    moved = PRIVACY_YES.replace(
        "We use your account details to run the service. We use your notes", "We use your account details to run "
        "the service.\n\n## 3. Model training\n\nWe use your notes")
    removed = PRIVACY_NO
    summary = summarise(moved, _history(removed, moved), kind="Privacy Policy")
    assert summary.facts["ai-training"].changed.note == "was No until 2026-05-04"


def test_training_first_stated_stays_added() -> None:
    before = PRIVACY_NO.replace(" We do not use your notes or messages to train our models.", "")
    summary = summarise(PRIVACY_YES, _history(before, PRIVACY_YES), kind="Privacy Policy")
    note = summary.facts["ai-training"].changed.note
    assert note.startswith("added on") or note.startswith("was “"), note
    assert "was No" not in note


# --- pricing terms whatever the number of plans -------------------------------------------------

PRICING = """# Dovecraft Pricing

Prices as of March 2, 2026. All prices in US dollars, excluding taxes.

| Plan | Price | Credits | Support |
| --- | --- | --- | --- |
{rows}

Need more? Extra credits cost $8 per 1,000 credits and can be bought from your dashboard. Annual billing saves 12%.
"""
ROWS = ["| Free | $0 | 100 credits per month | Forum support |",
        "| Plus | $12 per month | 3,000 credits per month | Email support |",
        "| Studio | $45 per user per month | 9,000 credits per user per month | Priority support, SSO |",
        "| Scale | $90 per month | 30,000 credits per month | Priority support |",
        "| Guild | $150 per month | 60,000 credits per month | Account manager |"]


def _texts(text: str) -> list[str]:
    return [b.text for b in summarise(text, kind="Pricing").key_terms]


def test_a_pricing_sentence_stays_whatever_the_number_of_plan_rows() -> None:
    for n in range(2, len(ROWS) + 1):
        texts = _texts(PRICING.format(rows="\n".join(ROWS[:n])))
        assert "Annual billing saves 12%." in texts, (n, texts)
        assert sum(1 for t in texts if " plan: " in t) == n, (n, texts)


def test_plan_rows_are_said_alike() -> None:
    texts = _texts(PRICING.format(rows="\n".join(ROWS)))
    plans = [t for t in texts if " plan: " in t]
    assert "Studio plan: price $45 per user per month, 9,000 credits per user per month, Priority support, SSO." in plans
    assert "Free plan: price $0, 100 credits per month, Forum support." in plans
    assert all(": price $" in t and ";" not in t for t in plans), plans


def test_the_key_terms_of_the_version_before_have_the_same_plan_rows() -> None:
    text = PRICING.format(rows="\n".join(ROWS))
    assert [b.text for b in key_bullets(text).key_terms] == _texts(text)


def test_a_date_alone_is_no_pricing_term() -> None:
    assert date_note("Prices as of March 2, 2026.") and date_note("Rates valid from 1 April 2026.")
    assert not date_note("We may change prices as of March 2, 2026.")
    assert not any("as of" in t for t in _texts(PRICING.format(rows="\n".join(ROWS[:2]))))


def test_a_long_cell_that_is_a_statement_is_read_alone() -> None:
    text = """# Quernhill Plans

| Plan | Price | Notes |
| --- | --- | --- |
| Basic | $5 per month | You can cancel at any time from your account page |
| Plus | $9 per month | Includes two seats |
"""
    texts = _texts(text)
    assert any(t.startswith("Basic plan: price $5 per month, You can cancel") for t in texts), texts
