"""Explanations people can trust (issue 11, session 18): table rows with their column names,
AI-training opt-outs said as such, venues without stray words, headlines that name the most
important change, no cookie banner as a key term, no AI questions of a document without AI.
Every text here is invented (fictional services)."""

from __future__ import annotations

import pytest

from tracker.analysis.facts import extract_facts, law_places
from tracker.analysis.summary import summarise


def _disputes(sentence: str) -> dict[str, str]:
    return {k: v.value for k, v in summarise(f"# Terms\n\n## Disputes\n\n{sentence}\n").facts.items()}


# --- 3. venue and governing law without stray words ------------------------------------------------

@pytest.mark.parametrize("sentence, venue", [
    ("Claims go to the state and federal courts located in Pell County, California, and You consent to "
     "personal jurisdiction there.", "Courts of Pell County, California"),
    ("Any claim shall be brought before the courts of Porto, Provided That a consumer may also sue at home.",
     "Courts of Porto"),
    ("You agree to the exclusive jurisdiction of the courts of New York, and you waive any objection to venue.",
     "Courts of New York"),
    ("Tout litige relève des tribunaux de Paris et vous acceptez cette compétence.", "Courts of Paris"),
    ("Tout litige sera porté devant les tribunaux compétents de Lyon sauf disposition impérative contraire.",
     "Courts of Lyon"),
    ("Les tribunaux de Nanterre seront seuls compétents pour connaître du litige.", "Courts of Nanterre"),
])
def test_venue_names_only_the_place(sentence: str, venue: str) -> None:
    assert _disputes(sentence)["arbitration"] == venue


def test_governing_law_stops_before_a_capitalised_joining_word() -> None:
    s = "These Terms are governed by the laws of the State of Delaware, Without regard to its conflict rules."
    assert law_places(s) == ["Delaware"]
    assert _disputes(s)["governing-law"] == "Delaware"


def test_unknown_place_after_a_known_one_is_still_read() -> None:
    # a second capitalised name that ends the sentence is a place ("Braga" after "Portugal")
    places = [f.value for f in extract_facts("Disputes go to the courts of Portugal, Braga.") if f.qualifier == "court"]
    assert places == ["Portugal, Braga"]


# --- 1. a table row said with its column names ------------------------------------------------------

PLANS = """# Quillory pricing

## Plans

| Plan | Price | Seats | Storage |
|------|-------|-------|---------|
| Solo | $0 | 1 | 2 GB |
| Pro | $20/month | 5 | 100 GB |
| Team | $55/month | 25 | 1 TB |
| Campus | $120/month | 200 | 10 TB |
| Agency | $300/month | 500 | 50 TB |
"""


def test_table_row_names_its_columns() -> None:
    texts = [b.text for b in summarise(PLANS).key_terms]
    assert any("Pro plan: price $20/month, 5 seats, storage 100 GB" in t for t in texts), texts
    assert any("Solo plan: price $0, 1 seat, storage 2 GB" in t for t in texts), texts
    assert not any("$20/month; 5" in t for t in texts)


def test_two_column_table_keeps_its_rows_short() -> None:
    md = "# Fees\n\n## Fees\n\n| Item | Amount |\n| --- | --- |\n| Card fee | 3% |\n| Wire fee | $15 |\n"
    texts = [b.text for b in summarise(md).key_terms]
    assert any("Card fee: 3%; Wire fee: $15" in t for t in texts), texts


def test_table_without_header_row_is_read_as_before() -> None:
    md = "# Limits\n\n## Limits\n\n| Uploads per day | 40 |\n| Upload size | 2 GB |\n"
    texts = " ".join(b.text for b in summarise(md).key_terms)
    assert "uploads per day 40" not in texts.lower()


# --- 5. a cookie banner is no key term ---------------------------------------------------------------

BANNER_POLICY = """# Privacy at Fennimore

We use cookies to improve your experience on our site. Accept all | Reject all | Manage preferences

## What we collect

We collect your email address and the playlists you create.

## Cookies

We use cookies to remember your language and to keep you signed in.

You can block cookies in your browser settings.

## Sharing

We do not sell your personal data.
"""


def _key_texts(md: str) -> str:
    s = summarise(md)
    return " ".join(b.text for b in (*s.key_terms, *s.watch_outs))


def test_cookie_banner_is_no_key_term() -> None:
    said = _key_texts(BANNER_POLICY)
    assert "improve your experience" not in said
    assert "remember your language" in said  # the policy's own cookie term stays


@pytest.mark.parametrize("banner", [
    "By clicking “Accept”, you agree to the storing of cookies on your device to enhance site navigation.",
    "By continuing to browse this site, you agree to our use of cookies.",
    "En cliquant sur « Tout accepter », vous acceptez le dépôt de cookies sur votre appareil.",
    "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten. Alle akzeptieren",
])
def test_banner_sentences_in_other_wordings_and_languages(banner: str) -> None:
    md = f"# Terms\n\n{banner}\n\n## Fees\n\nThe Pro plan costs $9 per month and renews every month.\n"
    said = _key_texts(md).lower()
    assert "cookie" not in said and "9 per month" in said


def test_clicking_to_accept_the_terms_is_still_a_term() -> None:
    md = ("# Terms\n\n## Acceptance\n\nBy clicking “I agree”, you accept these Terms and our arbitration clause.\n\n"
          "## Disputes\n\nAll disputes are resolved by binding arbitration in Denver.\n")
    assert "By clicking" in _key_texts(md)


# --- 6. only ask what the document addresses ----------------------------------------------------------

BAKERY = """# Crumbwell Bakery Club Terms

## Membership

You must be at least 18 years old to join the Crumbwell Bakery Club.

The membership costs $5 per month. Fees are non-refundable.

## Changes to the club

We may discontinue the loyalty programme at any time without notice.
"""


def test_no_ai_questions_for_a_document_without_ai() -> None:
    answers = {a.id: a for a in summarise(BAKERY).answers}
    assert "ai-training" not in answers
    # the removal question is asked of what the document says may go, without models
    assert answers["removal-notice"].question == "How much notice before a feature or service is removed?"
    assert "model" not in " ".join(a.question for a in answers.values())


def test_no_removal_question_when_nothing_may_be_removed() -> None:
    md = "# Terms\n\n## Membership\n\nYou must be at least 18 years old to join the Crumbwell Bakery Club.\n"
    assert {a.id for a in summarise(md).answers} == {"refunds", "age", "disputes", "terms-notice"}


@pytest.mark.parametrize("sentence", [
    "We may use your recipes to improve our artificial intelligence features.",
    "Our AI assistant may suggest recipes based on your orders.",
    "Nous pouvons utiliser vos recettes pour améliorer nos outils d'intelligence artificielle.",
    "Wir setzen künstliche Intelligenz ein, um Rezepte vorzuschlagen.",
])
def test_ai_questions_for_a_document_that_speaks_of_ai(sentence: str) -> None:
    answers = {a.id: a for a in summarise(BAKERY + f"\n## Recipes\n\n{sentence}\n").answers}
    assert "ai-training" in answers
    assert answers["removal-notice"].question == "How much notice before a model or feature is removed?"


# --- 2. AI training and its opt-out ------------------------------------------------------------------

TRAINING_DOC = """# Zorblat Terms of Service

These Terms govern your use of the Zorblat writing service.

## Your content

You own the documents you upload. {x}

## Termination

We may suspend your account if you break these Terms.
"""
TRAINS = "We use your documents to train our machine learning models."
OPT_OUT = " You can opt out of this training at any time in your privacy settings."


def _training_lines(old: str, new: str) -> list[str]:
    from tracker.analysis.summary import compare_summaries

    a, b = TRAINING_DOC.format(x=old), TRAINING_DOC.format(x=new)
    return [c.line() for c in compare_summaries(summarise(a), summarise(b), a, b)]


def test_a_removed_opt_out_says_you_can_no_longer_opt_out() -> None:
    from tracker import compare

    a, b = TRAINING_DOC.format(x=TRAINS + OPT_OUT), TRAINING_DOC.format(x=TRAINS)
    assert compare(a, b).summary.startswith("You can no longer opt out of AI training on your data")
    assert _training_lines(TRAINS + OPT_OUT, TRAINS)[0].startswith(
        "Your content: You can no longer opt out of AI training on your data: “We use your documents")
    # the opt-out cut from the training sentence itself
    cut = "We use your documents to train our machine learning models unless you opt out in your settings."
    assert compare(TRAINING_DOC.format(x=cut), b).summary.startswith("You can no longer opt out of AI training")


def test_an_added_opt_out_is_a_key_term_that_changed() -> None:
    assert _training_lines(TRAINS, TRAINS + OPT_OUT)[0].startswith(
        "Your content: You can now opt out of AI training on your data")


def test_no_training_to_training_unless_you_opt_out_is_the_headline() -> None:
    from tracker import compare

    old = "We do not use your documents to train our machine learning models."
    new = "We use your documents to train our machine learning models unless you opt out in your settings."
    a, b = TRAINING_DOC.format(x=old), TRAINING_DOC.format(x=new)
    # even beside a price change and a rewording, the training is the news
    b = b.replace("We may suspend your account", "We may suspend or close your account")
    result = compare(a, b)
    assert result.summary.startswith("Your data may now be used for AI training unless you opt out"), result.summary
    assert _training_lines(old, new)[0].startswith(
        "Your content: Your data may now be used for AI training unless you opt out")


def test_staff_training_is_no_ai_training() -> None:
    from tracker import compare

    old = "We use your call recordings for staff training. You can opt out of marketing emails at any time."
    new = "We use your call recordings for staff training."
    result = compare(TRAINING_DOC.format(x=old), TRAINING_DOC.format(x=new))
    assert "AI training" not in result.summary


# --- 4. the headline names the most important change ---------------------------------------------------

RANKED = """# Pellucid Terms

## 3. Cookies

OBA Cookies: you can turn these off in your browser settings.

## 7. Fees

The Pro plan costs $12 per month.

## 9. Disputes

You agree to submit to the courts of Denver, Colorado.
"""


def test_a_change_of_words_only_comes_after_a_change_of_terms() -> None:
    from tracker import compare

    new = RANKED.replace("OBA Cookies", "Online Behavioural Advertising cookies").replace(
        "submit to the courts", "submit exclusively to the courts")
    result = compare(RANKED, new)
    assert "exclusively" in result.summary and "Behavioural" not in result.summary, result.summary


def test_wording_only_tells_a_rewording_from_a_new_term() -> None:
    from types import SimpleNamespace

    from tracker.analysis.headline import wording_only

    def same(before: str, after: str) -> bool:
        return wording_only(SimpleNamespace(kind="modified", before=before, after=after))

    assert same("OBA Cookies: you can turn these off.", "Online Behavioural Advertising cookies: you can turn these off.")
    assert same("See Section 4 of these Terms for refunds.", "See Section 5 of these Terms for refunds.")
    assert same("Write to us by e-mail.", "Write to us by email.")
    assert same("All issues are for the arbitrator to decide, except the reading of Section 1 of this Agreement.",
                "All issues are for the arbitrator to decide as set forth under Section 18 C below, except the reading "
                "of Section 2 of this Agreement.")
    assert not same("We share your data with partners.", "We share your data with advertisers.")
    assert not same("Fees are $10 per month.", "Fees are $12 per month.")
    assert not same("We may share your data.", "We will share your data.")
    assert not same("You agree to submit to the courts.", "You agree to submit exclusively to the courts.")


def test_a_renamed_section_reads_section_renamed() -> None:
    from tracker import compare

    new = RANKED.replace("## 7. Fees", "## 7. Plans and prices")
    assert compare(RANKED, new).summary.startswith("Section “Fees” renamed to “Plans and prices”")
    # a date set as a title is no section
    dated = "# T\n\n## Revised: October 1, 2031\n\nRefunds are given within 14 days.\n"
    assert "renamed" not in compare(dated, dated.replace("October 1", "November 26")).summary
    # a bold title line reworded in place too
    bold = "# T\n\n**Refund Policy**\n\nRefunds are given within 14 days.\n"
    assert compare(bold, bold.replace("Refund Policy", "Refunds and returns")).summary.startswith(
        "Section “Refund Policy” renamed to “Refunds and returns”")


def test_an_added_training_opt_out_heads_a_version_beside_a_payment_detail() -> None:
    from tracker import compare

    old = TRAINING_DOC.format(x="") + "\n## Providers\n\nWe send receipts by email.\n"
    new = TRAINING_DOC.format(x="") + ("\n## Providers\n\nWe send receipts by email.\n\nOur payment providers "
                                       "include Stripe and Adyen.\n\n## Training\n\nYou can opt out of having your "
                                       "documents used for machine learning training via your privacy settings.\n")
    assert compare(old, new).summary.startswith("You can now opt out of AI training on your data")
