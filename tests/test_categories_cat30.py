"""Session 30 (issue 11, the categories of material changes), four kinds of category faults seen on
real dev pairs and in user trials:

- a retention rule counted from the user's own account deletion ("backups are kept 30 days after
  you delete your account", "your photos are removed 30 days after you delete your account") is
  about data kept (taxonomy: privacy, retention), not the provider ending accounts (termination)
  nor moderating content (content-removal);
- an age limit in a clause about children's data ("we do not collect personal information from
  children under 13 years" → "under 16 years") is an age minimum (taxonomy: eligibility) as well
  as privacy; "children under 16 years" is an age, not a period of 16 years;
- AI training added by one short sentence in a rewrite that adds watch-outs of many topics stays
  among the version's categories: the cap on categories per version ranks it first;
- the user's own material named by its kind ("your notes", "your recordings") used to train AI
  models is the AI-training watch-out, as "your content" or "your data" already were.

Each kind has its near miss, which keeps the other reading. Invented texts of fictional services.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.classify import classify_sentence
from tracker.analysis.facts import extract_facts
from tracker.analysis.materiality import ChangeLabel, version_categories

# --- a retention period counted from the user's own deletion of the account ---------------------

TERMS = ("# Lumora Terms of Service\n\n## Your data\n\nWe keep your data while your account is open.\n\n"
         "## Other\n\nWe do not sell your data to anyone. You are responsible for your password.\n")


def _added(sentence: str, old: str = TERMS) -> tuple[str, ...]:
    new = old.replace("account is open.", "account is open. " + sentence)
    a = analyse(old, new)
    assert a.material, a.summary
    return a.categories


@pytest.mark.parametrize("sentence", [
    "Backups are kept 30 days after you delete your account.",
    "Your content is removed 30 days after you delete your account.",
    "30 days after you delete your account, your photos are permanently deleted.",
    "Copies of your posts are stored for 90 days after you close your account.",
])
def test_a_retention_period_after_the_user_deletes_the_account_is_privacy(sentence: str) -> None:
    assert _added(sentence) == ("privacy",)


def test_the_provider_ending_accounts_stays_termination() -> None:
    cats = _added("We may suspend or terminate your account at any time without notice.")
    assert "termination" in cats, cats


def test_moderation_within_a_period_stays_content_removal() -> None:
    cats = _added("We may remove content that violates these terms within 30 days of a report.")
    assert "content-removal" in cats, cats


# --- an age limit in a clause about children's data -----------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("We do not knowingly collect personal information from children under 16 years.", "16"),
    ("Minors below 18 years need the consent of a parent.", "18"),
    ("Anyone under 13 years may not register.", "13"),
])
def test_people_under_a_number_of_years_is_an_age(text: str, value: str) -> None:
    facts = [f for f in extract_facts(text) if f.kind in ("age", "duration")]
    assert [(f.kind, f.value) for f in facts] == [("age", value)], facts


@pytest.mark.parametrize("text", [
    "We delete inactive accounts of users over 2 years.",
    "We keep the records of children for 2 years.",
])
def test_a_period_stays_a_period(text: str) -> None:
    assert [f.kind for f in extract_facts(text) if f.kind in ("age", "duration")] == ["duration"]


PRIVACY = ("# Fennick Privacy Policy\n\nThis policy explains how Fennick collects, uses and shares your "
           "personal data.\n\n## Children\n\nWe do not knowingly collect, maintain, or use personal "
           "information from children under 13 years.\n\n## Retention\n\nWe keep your personal data "
           "for 1 year after your last login.\n\n## Sharing\n\nWe do not sell your personal data.\n")


def test_an_age_limit_raised_in_a_privacy_policy_names_eligibility() -> None:
    a = analyse(PRIVACY, PRIVACY.replace("under 13 years", "under 16 years"))
    assert a.material, a.summary
    assert a.categories == ("eligibility", "privacy"), a.categories


def test_a_retention_period_changed_in_a_privacy_policy_names_no_eligibility() -> None:
    a = analyse(PRIVACY, PRIVACY.replace("for 1 year after", "for 3 years after"))
    assert a.material, a.summary
    assert a.categories == ("privacy",), a.categories


# --- AI training kept under the cap of categories per version ----------------------------------------

OLD_TERMS = """# Brindle Terms of Service

## Using Brindle

You may use Brindle to write notes. You are responsible for your password.

## Your content

You own the notes you write.

## Contact

Write to help@brindle.test.
"""

REWRITE = """
## Fees

The Pro plan costs $12 per month. We may change our prices at any time. Fees are charged to your card on file each month and taxes are added where required.

## Refunds

All fees are non-refundable. Credits expire after 12 months.

## Renewal

Your subscription renews automatically each month until you cancel. Free trials convert to paid plans.

## Privacy

We collect your name, email address, location and device identifiers and share them with advertising partners. We sell personal data to data brokers.

## Law

These terms are governed by the laws of Delaware. Any dispute shall be heard exclusively in the courts of Wilmington.

## Disputes

All disputes shall be resolved exclusively by binding arbitration. You waive any right to participate in a class action.

## Liability

THE SERVICE IS PROVIDED AS IS. In no event shall our total liability exceed fifty dollars. You agree to indemnify and hold harmless Brindle from any claims.

## Termination

We may suspend or terminate your account at any time without notice.

## Contact"""


def _rewritten(ai: bool) -> str:
    new = OLD_TERMS.replace("## Contact", REWRITE)
    if ai:
        new = new.replace("You own the notes you write.",
                          "You own the notes you write. We may use your notes to train our AI models.")
    return new


@pytest.mark.parametrize("mode", ["", "rules"])
def test_ai_training_added_in_a_rewrite_of_many_topics_is_named(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_CATEGORIES", mode)
    a = analyse(OLD_TERMS, _rewritten(ai=True))
    assert "ai-training" in a.categories, a.categories


def test_the_same_rewrite_without_ai_training_names_none() -> None:
    a = analyse(OLD_TERMS, _rewritten(ai=False))
    assert a.material
    assert "ai-training" not in a.categories, a.categories


def _label(cat: str, size: int, watch: bool) -> ChangeLabel:
    return ChangeLabel(True, "critical", (cat,), f"New: {cat}", None, (cat,) if watch else (), (),
                       weights=(7.5,), size=size)


def test_the_cap_ranks_ai_training_added_first() -> None:
    big = ["arbitration", "class-action", "liability", "indemnity", "termination", "terms-changes",
           "content-removal"]
    labels = [_label(c, 40, True) for c in big] + [_label("ai-training", 3, True)]
    cats = version_categories(labels)
    assert "ai-training" in cats, cats
    assert len(cats) == 6, cats


def test_the_cap_keeps_the_most_voted_when_ai_training_is_only_mentioned() -> None:
    big = ["arbitration", "class-action", "liability", "indemnity", "termination", "terms-changes",
           "content-removal"]
    labels = [_label(c, 40, True) for c in big] + [_label("ai-training", 3, False)]
    cats = version_categories(labels)
    assert "ai-training" not in cats, cats
    assert len(cats) == 6, cats


# --- the user's own material by its kind, used to train AI ------------------------------------------

@pytest.mark.parametrize("text", [
    "We may use your notes to train our AI models.",
    "We may use your recordings to train our speech models.",
    "We will use your uploaded documents to train the models behind our assistant.",
])
def test_the_users_material_used_to_train_models_is_the_ai_watch_out(text: str) -> None:
    lab = classify_sentence(text)
    assert "ai-training" in lab.watch, lab.evidence


@pytest.mark.parametrize("text", [
    "We use your photos to improve our services.",
    "We may use your documents to develop new features.",
])
def test_the_users_material_used_to_improve_a_service_is_no_ai_training(text: str) -> None:
    assert "ai-training" not in classify_sentence(text).categories
