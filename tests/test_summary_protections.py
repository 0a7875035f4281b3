"""A promise of the company not to use, sell or share the user's data or content is a protection,
never a watch-out (newuser12: "We do not use Your Content to train machine learning models" was
listed under "Things to watch out for"). Fictional service."""
from __future__ import annotations

from tracker.analysis.summary import home_forum, protection, summarise

TERMS = """# Quillory Terms of Service

## 1. Your content

You own your content. We do not use Your Content to train machine learning models.
Quillory never sells your personal data to advertisers.

## 2. Suspension

We may suspend or terminate your account at any time without notice.

## 3. Fees

The Plus plan costs $10 per month. Fees are non-refundable.

## 4. Disputes

Any dispute will be resolved by binding arbitration in Denver, Colorado.
"""


def test_a_promise_not_to_train_or_sell_is_no_watch_out() -> None:
    watch = " ".join(b.text for b in summarise(TERMS).watch_outs)
    assert "arbitration" in watch.lower()  # the real watch-outs are still there
    assert "train" not in watch.lower() and "sells" not in watch.lower(), watch


def test_the_same_words_with_an_exception_or_as_a_use_stay_watch_outs() -> None:
    assert protection("ai-training", "We do not use Your Content to train machine learning models.")
    assert protection("privacy", "Your personal data is never sold to third parties.")
    assert not protection("ai-training", "We do not use Your Content to train models unless you opt in.")
    assert not protection("ai-training", "We use Your Content to train our models.")
    assert not protection("refunds", "We do not refund fees.")  # a risk said with "not"
    assert not protection("liability", "We will not be liable for lost profits.")


HOME = """# Larkspur Notes Terms of Service

## 1. Fees

Larkspur Pro costs 5 euros per month. We may suspend your account at any time without notice.

## 2. Disputes

These terms are governed by the laws of Portugal.
Any dispute may be brought before the courts of your country of residence.
"""


def test_the_courts_where_the_user_lives_are_a_key_term_and_the_answer_not_a_watch_out() -> None:
    summary = summarise(HOME)
    watch = " ".join(b.text for b in summary.watch_outs)
    assert "residence" not in watch, watch
    assert "suspend" in watch  # a one-sided power stays
    # a foreign law with the user's own courts is a key term, not a watch-out (nu41: "governed by the
    # laws of Ireland" was one beside "the courts of your place of residence")
    assert "Portugal" not in watch, watch
    assert any("Portugal" in b.text for b in summary.key_terms), summary.key_terms
    # without the home courts it is one again
    alone = summarise(HOME.replace("Any dispute may be brought before the courts of your country of residence.\n", ""))
    assert "Portugal" in " ".join(b.text for b in alone.watch_outs)
    answer = next(a for a in summary.answers if a.id == "disputes")
    assert "country of residence" in answer.answer, answer


def test_a_licence_the_user_grants_is_content_not_what_the_service_is() -> None:
    text = ("# Larkspur Notes Terms of Service\n\n## 4. Your content\n\nYou keep ownership of the notes you create. "
            "You grant us a limited licence to store and display your notes only to provide the service to you.\n")
    bullets = {b.text: b.concern for b in summarise(text).key_terms}
    licence = next(c for t, c in bullets.items() if "licence" in t)
    assert licence == "content", bullets


def test_a_home_forum_is_told_from_a_foreign_one_and_from_arbitration() -> None:
    assert home_forum("jurisdiction", "Any dispute may be brought before the courts of your country of residence.")
    assert home_forum("jurisdiction", "You may sue us in the courts of the place where you live.")
    assert home_forum("jurisdiction", "Les tribunaux de votre lieu de résidence sont compétents.")
    assert home_forum("governing-law", "These terms are governed by the law of the country where you habitually reside.")
    assert not home_forum("jurisdiction", "The courts of Dublin, Ireland have exclusive jurisdiction.")
    assert not home_forum("jurisdiction", "Disputes go to binding arbitration in the city where you live.")
    assert not home_forum("governing-law", "Any dispute may be brought before the courts of your country of residence.")


REFUND = """# Larkspur Notes Terms of Service

## 3. Refunds

You may request a full refund within 14 days of your first payment. After that period, payments are non-refundable.
"""


def test_a_refund_window_is_in_the_refund_fact_before_what_is_refused_after_it() -> None:
    # "Non-refundable" alone hid the 14-day full refund from a first-time user
    value = summarise(REFUND).facts["credits"].value
    assert "14 days" in value and "non-refundable" in value.lower(), value
    assert value.lower().index("14 days") < value.lower().index("non-refundable")
    assert summarise(REFUND.replace("You may request a full refund within 14 days of your first payment. ", "")
                     ).facts["credits"].value.lower() == "non-refundable"


def test_credits_named_with_a_relative_clause_still_expire_in_the_fact() -> None:
    # "Credits that you have not used may expire 6 months after ..." (the demo's own clause) was
    # read as no expiry: the fact said "Non-refundable" only
    text = ("# Larkspur Notes Terms of Service\n\n## 8. Credits\n\nCredits are non-refundable.\n\n"
            "Credits that you have not used may expire 6 months after the date you bought them.\n")
    value = summarise(text).facts["credits"].value.lower()
    assert "6 months" in value and "non-refundable" in value, value
    # a relative clause of something else ("credits, which it ...") still names no expiry of the credits
    other = "# T\n\n## 8. Credits\n\nCredits that it grants for referrals are personal. Your card may expire.\n"
    assert "credits" not in summarise(other).facts or "expire" not in summarise(other).facts["credits"].value.lower()


def test_a_power_the_newest_version_added_is_the_watch_out_of_its_kind() -> None:
    # nu42: the demo's new "suspend or terminate ... immediately and without notice" (critical in diff)
    # was left out of the watch-outs for an older "for any reason" clause of the same kind
    from tracker.analysis.analyse import analyse

    old = ("# Larkspur Notes Terms of Service\n\n## 9. Termination\n\n"
           "We may suspend or terminate your account for any reason, including a breach of these Terms.\n")
    new = old + "We may also suspend or terminate your access immediately and without notice.\n"
    changes = [("2026-03-01T10:00:00Z", c) for c in analyse(old, new).changes]
    watch = [b.text for b in summarise(new, changes).watch_outs if "termination" in b.watch]
    assert watch and "without notice" in watch[0], watch
    # with no history the older clause may lead; the new one is not lost from the key terms either way
    assert any("without notice" in b.text for b in summarise(new, changes).key_terms + summarise(new, changes).watch_outs)
