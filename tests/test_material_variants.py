"""Variants of one text that are no change of terms (issue 11), on invented terms of fictional
services: one word spelled two ways, a duplicated clause removed once, a removed sentence whose
content the new version still states, one name replaced throughout, the same fact said in other
words. Whole documents go through ``analyse``, as ``compare`` and history import do.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.diff import diff_texts
from tracker.analysis.materiality import DocContext, find_names
from tracker.analysis.novelty import DocIndex, canonical, canonical_word, novel_mask

TERMS = """\
# Quillibra Terms of Service

## 1. Your content

You grant Quillibra a worldwide licence to host, copy and display the content you upload, so that
we can run the service for you.

Quillibra may remove content that breaks these Terms at any time without notice.

## 2. Plans

If your plan is cancelled, we delete your workspace after 60 days.
Fees you paid are non-refundable, except where the law of your country says otherwise.
Our organisation answers questions about billing by e-mail within 5 working days.

## 3. Law

These Terms are governed by the laws of Portugal.
"""


# --- spelling variants are one word for the whole-version comparison ----------------------------
@pytest.mark.parametrize(("a", "b"), [
    ("licence", "license"), ("licenced", "licensed"), ("organisation", "organization"),
    ("cancelled", "canceled"), ("cancelling", "canceling"), ("behaviour", "behavior"),
    ("favourite", "favorite"), ("analysed", "analyzed"), ("centre", "center"),
    ("fulfil", "fulfill"), ("instalments", "installments"), ("judgement", "judgment"),
    ("programme", "program"), ("enquiries", "inquiries"), ("defence", "defense"),
    ("catalogue", "catalog"), ("whilst", "while"), ("labelled", "labeled"),
])
def test_british_and_american_spellings_compare_as_one_word(a, b):
    assert canonical_word(a) == canonical_word(b)
    assert canonical_word(canonical_word(a)) == canonical_word(a)  # idempotent


@pytest.mark.parametrize(("a", "b"), [
    ("filled", "filed"), ("your", "yor"), ("four", "for"), ("hours", "hors"), ("rise", "rize"),
    ("shall", "shal"), ("spelled", "speled"), ("advise", "advice"), ("lawful", "unlawful"),
])
def test_different_words_stay_different(a, b):
    assert canonical_word(a) != canonical_word(b)


def test_compounds_written_apart_are_one_word():
    joined, spans = canonical("send an e mail to our web site it is non refundable".split())
    assert joined == ["send", "an", "email", "to", "our", "website", "it", "is", "nonrefundable"]
    assert spans[2] == (2, 4) and spans[-1] == (10, 12)
    assert canonical(["email"])[0] == ["email"] and canonical(["e"])[0] == ["e"]


def test_a_whole_document_is_made_canonical_as_its_clauses_are():
    # (the document index takes a faster path than the clauses' look-ups: both must agree)
    import random

    from tracker.analysis.novelty import _canonical_tokens
    pool = ("e mail non non refundable on line per cent web site sub processors the licence organisation "
            "e commerce cancelled on the web page per user e").split()
    rng = random.Random(7)
    for _ in range(500):
        tokens = [rng.choice(pool) for _ in range(rng.randint(0, 12))]
        assert _canonical_tokens(tokens) == canonical(tokens)[0], tokens


def test_a_respelled_sentence_is_not_novel_against_the_other_version():
    other = DocIndex.of("Our organisation may cancel your licence by e-mail, in line with the "
                        "programme rules.")
    words = "our organization may cancel your license by email in line with the program rules".split()
    assert not any(novel_mask(words, other))
    changed = "our organization may revoke your license by email in line with the program rules".split()
    novel = {w for w, m in zip(changed, novel_mask(changed, other)) if m}
    assert "revoke" in novel and not novel & {"license", "email", "program", "rules"}


def test_a_duplicated_clause_removed_once_with_another_spelling_is_not_removed():
    old = TERMS + """
## 9. In short

You grant Quillibra a worldwide license to host, copy and display the content you upload, so that
we can run the service for you.

If your plan is canceled, we delete your workspace after 60 days.
Our organization answers questions about billing by email within 5 working days.
"""
    result = analyse(old, TERMS)
    assert not result.material, result.summary
    assert "good news" not in result.summary
    assert not any("good news" in c.explanation or c.material for c in result.changes)


def test_the_other_spelling_throughout_is_not_material():
    us = (TERMS.replace("licence", "license").replace("cancelled", "canceled")
          .replace("organisation", "organization").replace("e-mail", "email")
          .replace("non-refundable", "nonrefundable"))
    result = analyse(TERMS, us)
    assert not result.material, result.summary


def test_a_real_change_beside_a_respelling_is_still_material():
    new = TERMS.replace("licence to host", "license to host, sell").replace("60 days", "10 days")
    result = analyse(TERMS, new)
    assert result.material
    assert "10 days" in result.summary or any("10 days" in c.explanation for c in result.changes)


# --- one name put in place of another wording throughout -------------------------------------------
LOYALTY = """\
# Skyvane Loyalty Privacy Notice

## What we collect

* points information – total points earned during membership, total points spent and expired
* event information – date of event, product name, points earned or spent, partner name
* marketing data – dispatch dates of point statements and campaigns offered to you

Transactions include points accrual and redemption.
We may send you information about your point balance and about programme changes.
If you use points with a partner, Skyvane will be informed.
For instance, these messages may tell you when your points are due to expire or when you are
close to the next tier.

## Your points

We delete your points data 5 years after your membership ends.
Points expire 36 months after they are earned, and expired points cannot be restored.
You may transfer points to a family member once a year.

## Retention

We keep membership data for 5 years after your membership ends.
"""


def test_a_scheme_renamed_throughout_is_not_material():
    new = (LOYALTY.replace("total points earned", "total Glimmers collected")
           .replace("total points spent", "total Glimmers spent")
           .replace("of point statements", "of Glimmer and tier point statements")
           .replace("points accrual", "Glimmer and tier points accrual")
           .replace("use points with", "use Glimmers with")
           .replace("your points are due", "your Glimmers are due")
           .replace("your points data", "your Glimmer and tier points data")
           .replace("Points expire", "Glimmers expire").replace("expired points", "expired Glimmers")
           .replace("transfer points", "transfer Glimmers"))
    result = analyse(LOYALTY, new)
    assert not result.material, result.summary
    assert any("Only a name changed: now “Glimmer and tier”" in c.explanation for c in result.changes)


def test_a_new_name_beside_a_word_new_to_the_document_is_material():
    new = (LOYALTY.replace("use points with", "use Glimmers with")
           .replace("your points are due", "your Glimmers are due")
           .replace("your points data", "your Glimmer and biometric points data"))
    assert analyse(LOYALTY, new).material


def test_a_new_name_with_a_new_term_beside_it_is_still_material():
    new = (LOYALTY.replace("use points with", "use Glimmers with")
           .replace("your points are due", "your Glimmers are due")
           .replace("Skyvane will be informed.", "Skyvane will be informed and may charge a fee of $5."))
    result = analyse(LOYALTY, new)
    assert result.material and "$5" in result.summary, result.summary


def test_a_name_only_added_is_never_a_rename():
    # a capitalised word new to the document but put in place of nothing: a new partner, not a name
    new = (LOYALTY.replace("partner name", "partner name, Pixelmint")
           .replace("use points with a partner", "use points with a partner such as Pixelmint"))
    ctx = DocContext.of(LOYALTY, new)
    pairs = [ctx.delta(c.before, c.after) for c in diff_texts(LOYALTY, new).changes if c.kind == "modified"]
    assert len(pairs) == 2
    assert find_names(pairs, ctx) == frozenset()


# --- the same fact said in other words ------------------------------------------------------------
RETENTION_FR = """\
# Politique de confidentialité de Brindille

## Conservation

Nous conservons des données limitées pour respecter nos obligations légales : ainsi, nous conservons
les données de transaction pendant 10 ans pour respecter les exigences fiscales, les informations de
carte bancaire pendant le délai de contestation légal et les journaux pendant un an.

Nous supprimons votre compte après deux ans d'inactivité.
"""


def test_a_french_retention_clause_restated_with_the_same_periods_is_not_material():
    new = RETENTION_FR.replace(
        "les informations de\ncarte bancaire pendant le délai de contestation légal",
        "les informations de\ncarte bancaire pour la durée pendant laquelle un utilisateur peut contester une transaction")
    result = analyse(RETENTION_FR, new)
    assert not result.material, result.summary


def test_a_french_retention_period_changed_in_the_restated_clause_is_material():
    new = RETENTION_FR.replace(
        "les informations de\ncarte bancaire pendant le délai de contestation légal et les journaux pendant un an",
        "les informations de\ncarte bancaire pour la durée pendant laquelle un utilisateur peut contester une "
        "transaction et les journaux pendant trois ans")
    result = analyse(RETENTION_FR, new)
    assert result.material, result.summary


def test_new_data_in_a_restated_clause_is_material():
    new = RETENTION_FR.replace(
        "les informations de\ncarte bancaire pendant le délai de contestation légal",
        "les informations de\ncarte bancaire pour la durée pendant laquelle un utilisateur peut contester une transaction")
    new = new.replace("les données de transaction", "les données de transaction et vos messages privés")
    result = analyse(RETENTION_FR, new)
    assert result.material and "messages privés" in result.summary, result.summary


# --- a removed sentence that the new version still says elsewhere -----------------------------------
CLOUD = """\
# Nimbrel Cloud Terms

## 1. Accounts

You must be at least 16 years old to open a Nimbrel account.
Nimbrel may suspend your account if you share your password with anyone else.

## 2. Billing

Invoices are due within 30 days of the invoice date.
Nimbrel does not sell your personal data to advertisers.

## 3. Key points

* Nimbrel may suspend accounts whose owners share passwords with anyone else.
* Invoices must be paid within 30 days of their date.
"""


def test_a_removed_sentence_still_said_in_a_bullet_is_not_removed():
    new = CLOUD.replace("Nimbrel may suspend your account if you share your password with anyone else.\n", "")
    result = analyse(CLOUD, new)
    assert not result.material, result.summary
    change = next(c for c in result.changes if c.kind == "removed")
    assert "still said elsewhere" in change.explanation and "good news" not in change.explanation


def test_a_duplicate_removed_when_its_copy_differs_in_number_is_removed():
    new = CLOUD.replace("Invoices are due within 30 days of the invoice date.\n", "")
    new = new.replace("paid within 30 days", "paid within 15 days")
    assert analyse(CLOUD, new).material


def test_a_removed_negation_is_never_restated_by_the_positive_sentence():
    new = CLOUD.replace("Nimbrel does not sell your personal data to advertisers.",
                        "Nimbrel sells your personal data to advertisers.")
    new = new.replace("Nimbrel sells your personal data to advertisers.\n", "") + \
        "* Nimbrel sells your personal data to advertisers.\n"
    assert analyse(CLOUD, new).material


def test_a_removed_sentence_whose_restatement_lacks_a_term_word_is_removed():
    # the bullet keeps most words but not "suspend": the power to suspend is gone
    old = CLOUD.replace("* Nimbrel may suspend accounts whose owners share passwords with anyone else.",
                        "* Nimbrel may warn accounts whose owners share passwords with anyone else.")
    new = old.replace("Nimbrel may suspend your account if you share your password with anyone else.\n", "")
    assert analyse(old, new).material


def test_an_added_bullet_that_restates_a_clause_is_not_new():
    new = CLOUD + "* To open a Nimbrel account, you must be at least 16 years old.\n"
    result = analyse(CLOUD, new)
    assert not result.material, result.summary


def test_a_removed_sibling_sentence_is_removed():
    # two sentences side by side that differ in what they are about: removing one removes a right
    tail = " with our product teams for improvement and analytics purposes in Settings > Privacy > Improve Nimbrel."
    old = CLOUD.replace("## 2. Billing", f"You can control the sharing of your crash reports{tail}\n"
                        f"You can control the sharing of your search history{tail}\n\n## 2. Billing")
    new = old.replace(f"You can control the sharing of your search history{tail}\n", "")
    result = analyse(old, new)
    assert result.material, result.summary
    assert "search history" in result.summary


# --- a prohibition restated as an item of a list whose lead-in says "not" -------------------------
CHATTER = """\
# Chatterbox Acceptable Use Policy

## Fraud

Do not use Chatterbox or Chatterbox Classic to trick other users into sharing their passwords.
Do not impersonate another person or the source of a Chatterbox message.

## Contact

Write to us.
"""


@pytest.mark.parametrize("lead", ["Do not use Chatterbox for phishing, including:",
                                  "Don't use Chatterbox for phishing, including:",
                                  "The following is prohibited:"])
def test_a_prohibition_moved_into_a_negative_lead_in_is_not_dropped(lead):
    new = CHATTER.replace(
        "Do not use Chatterbox or Chatterbox Classic to trick other users into sharing their passwords.\n"
        "Do not impersonate another person or the source of a Chatterbox message.\n",
        f"{lead}\n\n* Using Chatterbox to trick other users into sharing their passwords\n"
        "* Impersonating another person or the source of a Chatterbox message\n")
    result = analyse(CHATTER, new)
    assert not any("No longer says" in c.explanation for c in result.changes), result.summary


def test_a_prohibition_made_an_item_under_a_permissive_lead_in_is_dropped():
    new = CHATTER.replace(
        "Do not use Chatterbox or Chatterbox Classic to trick other users into sharing their passwords.\n"
        "Do not impersonate another person or the source of a Chatterbox message.\n",
        "You may use Chatterbox for the following:\n\n"
        "* Using Chatterbox to trick other users into sharing their passwords\n"
        "* Impersonating another person or the source of a Chatterbox message\n")
    assert analyse(CHATTER, new).material
