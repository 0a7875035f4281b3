"""Variants of one text that are no change of terms (issue 11), on invented terms of fictional
services: one word spelled two ways, a duplicated clause removed once, a removed sentence whose
content the new version still states, one name replaced throughout, the same fact said in other
words. Whole documents go through ``analyse``, as ``compare`` and history import do.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
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
