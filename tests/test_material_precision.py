"""False alarms of kinds seen on unseen real pairs (issue 11, session 10), on invented terms of
fictional services: each kind once as it was met, once in another wording or language, and a
look-alike that must stay material."""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.materiality import cosmetic_kind

POLICY = """\
# Plimsoll Privacy Policy

## 1. What we collect

We collect your name, your email address and the pages you visit.

## 2. Who we share it with

Plimsoll uses sub-processors to host the service and to send emails.
We select our sub-processors through a security review.
Our subcontractors must protect your data as we do.

## 3. Security

* Encryption of data at rest
* Secure management procedure for sub-processors

## 4. Children

Plimsoll is not meant for anyone under 16.
We do not knowingly collect personal data from anyone under 16.

## 5. Contact

Write to privacy@plimsoll.example with any question.
"""


def run(old: str, new: str):
    return analyse(old, new)


# --- a help centre's feedback widget under the article ------------------------------------------
@pytest.mark.parametrize("widget", [
    "Was this article helpful?\n-------------------------\n\nYes\n\nNo\n\nSorry about that! Care to tell us more?\n\n"
    "What was unhelpful?\n\nSubmit\n\nThanks for the feedback!\n------------------------\n\n"
    "There was an issue submitting your feedback\n\nPlease check your connection and try again.",
    "Did this answer your question?\n\n12 out of 15 people found this helpful\n\nThank you for your feedback",
    "Cet article vous a-t-il été utile ?\n\nOui\n\nNon\n\nMerci pour votre avis !",
    "War dieser Artikel hilfreich?\n\nJa\n\nNein\n\nDanke für Ihr Feedback!",
])
def test_a_feedback_widget_under_the_article_is_not_material(widget):
    result = run(POLICY, POLICY + "\n" + widget + "\n")
    assert not result.material, result.summary
    assert not run(POLICY + "\n" + widget + "\n", POLICY).material


def test_a_sentence_about_feedback_beside_the_widget_stays_material():
    new = POLICY + "\nWas this article helpful?\n\nWe may share the feedback you send with our advertising partners.\n"
    assert run(POLICY, new).material


# --- a table whose row was captured with its cells copied into the first one --------------------
TABLE = """\
## Purposes

| Purpose | Details | Legal basis |
| --- | --- | --- |
| Fraud checks | Matching payments with known fraud patterns. | Our legitimate interest. |
| Newsletter | Sending product news by email. | Your consent. |
"""


def test_a_row_no_longer_copied_into_its_first_cell_is_not_material():
    copied = TABLE.replace("| Fraud checks |", "| Fraud checks Matching payments with known fraud patterns. "
                                                "Our legitimate interest. |")
    for old, new in ((copied, TABLE), (TABLE, copied)):
        result = run(old, new)
        assert not result.material, result.summary


def test_a_cell_that_gains_words_of_no_other_cell_stays_material():
    new = TABLE.replace("| Newsletter |", "| Newsletter Sending product news by email. Selling your email address "
                                          "to advertisers. |")
    assert run(TABLE, new).material


# --- a server-side template printed instead of the link it renders ------------------------------
@pytest.mark.parametrize("template", [
    '<%= link\\_to "here", asset\\_path("appeal-form.pdf"), class: "link" %>',
    '{{ link("here", "/appeal-form.pdf") }}',
])
def test_a_link_printed_as_an_unrendered_template_is_links_only(template):
    old = "You may appeal a removal. The appeal form is available [here](https://plimsoll.example/appeal.pdf)."
    new = old.replace("[here](https://plimsoll.example/appeal.pdf)", template)
    assert cosmetic_kind(old, new) == "links-only"
    assert not run("# Rules\n\n" + old + "\n", "# Rules\n\n" + new + "\n").material


def test_a_template_with_other_link_words_is_not_a_link_change():
    old = "The appeal form is available [here](https://plimsoll.example/appeal.pdf)."
    assert cosmetic_kind(old, old.replace("[here](https://plimsoll.example/appeal.pdf)",
                                          '{{ link("to verified members only", "/a.pdf") }}')) is None


# --- a lower-case defined term renamed throughout -----------------------------------------------
def test_a_lower_case_term_renamed_throughout_is_not_material():
    new = POLICY.replace("sub-processors", "data processors").replace("subcontractors", "data processors")
    result = run(POLICY, new)
    assert not result.material, result.summary


def test_a_term_replaced_in_one_place_only_stays_material():
    new = POLICY.replace("Plimsoll uses sub-processors", "Plimsoll uses advertising partners")
    assert run(POLICY, new).material


# --- the same age in other words ----------------------------------------------------------------
@pytest.mark.parametrize("said", ["under the age of 16", "under 16 years of age", "under 16 years old"])
def test_the_same_age_said_in_other_words_is_not_material(said):
    new = POLICY.replace("anyone under 16", f"anyone {said}")
    result = run(POLICY, new)
    assert not result.material, result.summary


def test_another_age_stays_material():
    new = POLICY.replace("anyone under 16", "anyone under the age of 13")
    result = run(POLICY, new)
    assert result.material and "13" in result.summary, result.summary
