"""Session 29 (fp29b): kinds of false "material" flags on real pairs, each with invented texts
and a near miss that must stay material."""

from __future__ import annotations

from tracker.api import compare

# -- which copy of the text binds: "the original English text shall be the sole legally binding version"

COPY = ("# Cookie Notice\n\nEffective date: 1 March 2024\n\nThis notice explains how Pebblo uses cookies on its "
        "website and app.\n\nWe use analytics cookies to count visits to our pages.\n")


def test_a_sentence_naming_the_only_binding_language_version_is_no_term() -> None:
    for said in ("The original English text shall be the sole legally binding version.",
                 "Only the German version of this notice is authoritative.",
                 "The French text remains the only binding version of this notice."):
        new = COPY.replace("This notice explains", said + " This notice explains")
        result = compare(COPY, new)
        assert not result.material, said


def test_a_binding_sentence_that_shares_data_stays_material() -> None:
    # "binding" without naming a copy of the text (a translation, a language version) is no such note
    new = COPY.replace("This notice explains", "This notice is legally binding and lets us share your browsing "
                       "data with advertising partners. This notice explains")
    result = compare(COPY, new)
    assert result.material and "privacy" in result.categories


# -- a company converted to another legal form of its country, its name kept and completed ---------

PARTY = ('# Terms of Service\n\nThese terms are an agreement between you and Quibly, Inc. ("Quibly"). Quibly, Inc. '
         "provides a note-taking app.\n\nWe may suspend accounts that break these terms.\n")


def test_a_legal_form_converted_with_a_name_word_added_is_the_same_company() -> None:
    for new in ("Quibly Ventures LLC", "Quibly LLC"):
        result = compare(PARTY, PARTY.replace("Quibly, Inc.", new))
        assert not result.material, new


def test_another_company_or_an_affiliate_abroad_stays_a_new_party() -> None:
    # a place beside the name, a form of another country, or another name: another party
    for new in ("Quibly Texas LLC", "Quibly Ireland Ltd", "Bolt Labs LLC", "Quibly Holdings Ltd"):
        result = compare(PARTY, PARTY.replace("Quibly, Inc.", new))
        assert result.material and "contracting party" in result.changes[0].explanation, new


# -- an extraction fault: a section's text lost under its heading, still cited elsewhere ------------

REGIONAL = """# Privacy Policy

## 1. What we collect

We collect your name and email address when you sign up for Fernwick. Residents of the EEA should read Section 4.2 \
below for their rights.

## 2. How we use it

We use your email address to send you receipts.

## 4. Regional Rights

### 4.1 Notice to residents of the EEA

If you reside in the EEA, Fernwick Ltd is the controller of your personal data.

### 4.2 Your rights

You may ask us to delete your personal data, and you may complain to a data protection authority.

We may share your personal data with advertising partners for measurement.

## 5. Contact

Write to privacy@fernwick.example with any question.

## 6. Changes

We will notify you by email of any material change to this policy.
"""


def _emptied(text: str) -> str:
    head, rest = text.split("### 4.1", 1)
    return head + "## 5. Contact" + rest.split("## 5. Contact", 1)[1]


def test_a_section_lost_under_its_heading_and_still_cited_is_a_capture_fault() -> None:
    new = _emptied(REGIONAL)
    assert "## 4. Regional Rights\n\n## 5. Contact" in new
    result = compare(REGIONAL, new)
    assert not result.material
    assert any(c.cosmetic == "capture-scope" for c in result.changes)
    # the same capture stopping before the last section: lost with it, not removed
    assert not compare(REGIONAL, new.split("## 6. Changes")[0]).material


def test_a_section_removed_with_the_references_to_it_stays_material() -> None:
    new = _emptied(REGIONAL).replace(" Residents of the EEA should read Section 4.2 below for their rights.", "")
    result = compare(REGIONAL, new)
    assert result.material and "privacy" in result.categories
    # nor is a sub-section cited while its heading stays in place (only its text removed)
    kept = REGIONAL.replace("You may ask us to delete your personal data, and you may complain to a data "
                            "protection authority.\n\n", "")
    assert compare(REGIONAL, kept).material


# -- a hub of pages gains a card: heading, one-line blurb, link to the page it describes ----------

HUB = """# Privacy at Tallow Post

We care about your data. Below you find our privacy notices.

### Privacy notice for our website

How your data is processed when you visit our website

[Website](https://tallow.example/privacy/website "Website")

### Privacy notice for parcel services

How your data is processed when you send parcels

[Parcels](https://tallow.example/privacy/parcels "Parcels")
"""

CARD = """
### Tallow Post counters

{blurb}

[Tallow Post counters](https://tallow.example/privacy/counters "Tallow Post counters")
"""


def test_a_card_added_to_a_hub_of_privacy_notices_is_no_term() -> None:
    new = HUB + CARD.format(blurb="How we process your data at our counters")
    result = compare(HUB, new)
    assert not result.material
    assert compare(new, HUB).material is False  # nor is one taken away


def test_a_statement_on_a_card_stays_material() -> None:
    for blurb in ("We share your data with advertising partners at our counters.",
                  "We keep recordings of our counters for 90 days"):
        result = compare(HUB, HUB + CARD.format(blurb=blurb))
        assert result.material, blurb
