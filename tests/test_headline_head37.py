"""Headlines a reader can read on their own (session 34, head37; issue 11): a withdrawn negative
promise said with one negation, words put into a clause named with the terms they went into rather
than a quote cut on both ends, and a change that is only a quote cut from its sentence ranked after
a readable change as serious. Every text here is invented (fictional services)."""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.headline import HEADLINE_MAX, MORE_SUFFIX, headline, plain_headline, quote_only, rank_changes
from tracker.records import ClauseChange


def _change(explanation: str, *, kind: str = "modified", categories: tuple[str, ...] = ("privacy",),
            severity: str = "material", before: str | None = "Old words of the clause.",
            after: str | None = "New words of the clause.") -> ClauseChange:
    return ClauseChange(kind, "p1", "## 3. Your data", before, after, True, severity, categories,  # type: ignore[arg-type]
                        explanation)


# -- a promise withdrawn, one negation ---------------------------------------------------------------

@pytest.mark.parametrize("said,plain", [
    ("No longer promises not to sell your personal data", "Drops its promise not to sell your personal data"),
    ("No longer promises never to read your messages", "Drops its promise never to read your messages"),
    ("No longer promises that your photos are never shown to advertisers",
     "Drops its promise that your photos are never shown to advertisers"),
    # one negation already: as it is
    ("No longer promises to refund annual plans cancelled within 14 days",
     "No longer promises to refund annual plans cancelled within 14 days"),
    ("No longer promises that unused credits are refunded", "No longer promises that unused credits are refunded"),
])
def test_a_withdrawn_promise_is_said_with_one_negation(said: str, plain: str) -> None:
    assert plain_headline(said, _change(said, kind="removed", after=None)) == plain


def test_a_removed_no_sale_promise_leads_the_headline_with_one_negation() -> None:
    old = ("# Pebblewick Privacy\n\n## Your data\n\nWe keep your e-mail address to send receipts.\n\n"
           "We do not sell your personal data to data brokers.\n\n## Fees\n\nThe plan costs $4 per month.\n")
    new = old.replace("We do not sell your personal data to data brokers.\n\n", "").replace("$4", "$5")
    summary = analyse(old, new).summary
    assert summary.startswith("Drops its promise not to sell your personal data to data brokers"), summary
    assert "No longer promises not" not in summary
    assert summary.endswith("and 1 more material change"), summary  # the fee is still counted


# -- words put into a clause -------------------------------------------------------------------------

FEES = "# Quillow Terms\n\n## 6. Fees\n\n{x}\n\n## 9. Contact\n\nWrite to us at the address below.\n"
LONG_FEE = ("When you buy a Quillow plan you agree to pay the listed price together with any amounts relating to "
            "applicable taxes, card fees, bank fees and foreign exchange fees, on a recurring basis during the term "
            "of your plan until you cancel it.")


def test_a_word_put_into_a_long_clause_is_named_with_its_terms_not_a_cut_quote() -> None:
    result = analyse(FEES.format(x=LONG_FEE), FEES.format(x=LONG_FEE.replace("taxes, card", "taxes, surcharges, card")))
    change = next(c for c in result.changes if c.material)
    # the change's own line keeps its quote in context; the headline names the terms instead
    assert change.explanation.startswith("Adds “surcharges” to: “…"), change.explanation
    assert result.summary == "Adds “surcharges” to the pricing terms", result.summary


def test_a_quote_whole_at_one_end_stays_in_the_headline() -> None:
    said = "Adds “password” to: “…use of your account, password or any other breach of security”"
    assert plain_headline(said, _change(said, categories=("usage-rules",))) == said


def test_words_put_into_a_clause_of_no_named_category_keep_their_quote() -> None:
    said = "Adds “Quillow Maps” to: “…such as Quillow Go, Quillow Maps and any other…”"
    assert plain_headline(said, _change(said, categories=("other",))) == said


def test_words_taken_from_a_clause_are_named_as_taken_from_its_terms() -> None:
    said = "Drops “or by e-mail” from: “…you may cancel online or by e-mail at any…”"
    assert plain_headline(said, _change(said, categories=("subscription", "refunds"))) == \
        "Drops “or by e-mail” from the refund terms"


# -- a quote cut from its sentence comes after a readable change -------------------------------------

@pytest.mark.parametrize("explanation,alone", [
    ("Now reads “…the map is open. We read the location…” (was “…the map is open.…”)", False),
    ("Adds “journeys” to: “…statistics about journeys that partners…”", False),
    ("New: …a wholly-owned subsidiary of Quillow Holdings, located at 4 Harbour Row", False),
    ("Now also says: “…the Client (a) has acted in a way that would…”", False),
    ("Now says “…whenever the app runs in the background and for statistics…” instead of “…only while the map "
     "screen is open, and it is deleted…”", False),
    # these read alone: a statement from its subject, a word swapped in place, a new clause
    ("New: …you must comply with the Quillow advertising policy", True),
    ("Now says “…a full refund of the plan” instead of “…a refund of the unused part of the plan”", True),
    ("New: We share your precise location with advertising partners", True),
])
def test_quote_only_tells_a_quote_that_says_nothing_alone(explanation: str, alone: bool) -> None:
    assert quote_only(_change(explanation)) is not alone


def test_a_headline_names_a_readable_change_before_a_quote_of_the_same_weight() -> None:
    fragment = _change("Now reads “…is read whenever the app runs, and kept for 30 days for statistics…” (was “…is "
                       "read only while the map is open…”) (privacy)")
    readable = _change("New: We keep a record of your journeys after you close your account (privacy)",
                       kind="added", before=None, after="We keep a record of your journeys after you close your account.")
    assert rank_changes([fragment, readable])[0] is readable
    said = headline([fragment, readable])
    assert said.startswith("New: We keep a record of your journeys"), said
    assert said.endswith("and 1 more material change"), said
    # a more serious quote still leads: the ranking by severity comes first
    critical = _change(fragment.explanation, severity="critical")
    assert rank_changes([critical, readable])[0] is critical
    # and a quote of money comes before a readable change of data use: what is at stake comes first
    money = _change(fragment.explanation, categories=("pricing",))
    assert rank_changes([readable, money])[0] is money


def test_a_headline_too_long_for_its_count_keeps_the_count_and_cuts_the_quote() -> None:
    """nu37: "New class-action waiver: <quote>" was kept whole and its "(+4 more)" dropped, so a feed
    title or notification read alone hid four other material changes of the version."""
    old = ("# Terms of Fernwick Cloud\n\n## 4. Credits\n\nCredits expire 12 months after purchase.\n\n"
           "## 9. Disputes\n\nDisputes are heard by the courts of Leeds.\n\n"
           "## 11. Termination\n\nWe may end your account with 30 days' notice.\n")
    new = ("# Terms of Fernwick Cloud\n\n## 4. Credits\n\nCredits expire 6 months after purchase.\n\n"
           "## 9. Disputes\n\nDisputes are heard by the courts of Leeds.\n\n"
           "You and Fernwick agree that each may bring claims against the other only in an individual capacity, "
           "and not as a plaintiff or class member in any purported class or representative proceeding.\n\n"
           "## 11. Termination\n\nWe may end your account immediately and without notice.\n")
    result = analyse(old, new)
    material = [c for c in result.changes if c.material]
    assert len(material) >= 2, result.changes
    assert len(result.summary) <= HEADLINE_MAX, result.summary
    assert MORE_SUFFIX.search(result.summary), result.summary
    # cut where the quote already skips words, not on "individual" without its noun
    assert "individual…" not in result.summary, result.summary


def test_a_headline_cut_at_the_quote_skip_keeps_the_point_not_the_subject() -> None:
    """nu43: the demo's "New class-action waiver: You and Nimbus may each bring claims… (+4 more)" kept
    the quote's subject and lost the words that make it a waiver; the point the quote skips to is kept."""
    from tracker.analysis.headline import _at_elision

    text = "New class-action waiver: You and Fernwick may each bring claims … only in an individual capacity…"
    said = _at_elision(text, 90)
    assert said == "New class-action waiver: …only in an individual capacity…", said
    # no room for the point with its label: no cut at the skip (the caller cuts at a word)
    assert _at_elision(text, 50) is None
    # a quote without a label keeps its head
    assert _at_elision("You and Fernwick may each bring claims … only in an individual capacity…", 70) == \
        "You and Fernwick may each bring claims…"
