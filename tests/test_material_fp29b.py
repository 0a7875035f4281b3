"""Session 29 (fp29b): kinds of false "material" flags on real pairs, each with invented texts
and a near miss that must stay material."""

from __future__ import annotations

from tracker.analysis.materiality import _placeholder_filled
from tracker.analysis.scope import HUB_SHARE, hub_page
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


# -- a company named with another legal form and name words: another party (the rule that read
# "Inc -> Ventures LLC" as the same company was reverted in session 28: it lost two true contracting-
# party changes in held-out pairs, p-q and zz)

PARTY = ('# Terms of Service\n\nThese terms are an agreement between you and Quibly, Inc. ("Quibly"). Quibly, Inc. '
         "provides a note-taking app.\n\nWe may suspend accounts that break these terms.\n")


def test_another_company_or_an_affiliate_abroad_stays_a_new_party() -> None:
    # a place beside the name, a form of another country, or another name: another party
    for new in ("Quibly Texas LLC", "Quibly Ireland Ltd", "Bolt Labs LLC", "Quibly Holdings Ltd", "Quibly Ventures LLC"):
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


def test_one_section_with_a_link_under_it_is_no_hub_card() -> None:
    terms = "# Terms\n\n## Fees\n\nPebblo is free for personal use.\n"
    new = terms + "\n## Disputes\n\nAll disputes go to binding arbitration\n\n[Learn more](https://pebblo.example/adr)\n"
    result = compare(terms, new)
    assert result.material and "arbitration" in result.categories


def test_a_statement_on_a_card_stays_material() -> None:
    for blurb in ("We share your data with advertising partners at our counters.",
                  "We keep recordings of our counters for 90 days"):
        result = compare(HUB, HUB + CARD.format(blurb=blurb))
        assert result.material, blurb


# -- the page became a hub that sends each kind of user to its own policy ----------------------------

POLICY = "# Brindle Users Privacy Policy\n\n" + "\n\n".join(
    f"## {n}. {title}\n\n{text}\n\nSection {n} applies to every website, app and widget of Brindle, in "
    f"every country where Brindle offers its services, unless a supplement for your country says otherwise."
    for n, (title, text) in enumerate((
        ("Introduction", "Brindle is committed to protecting your personal data when you read articles on the "
         "websites of our partners where the Brindle widget is installed."),
        ("Data we collect", "We collect your IP address, device identifiers, the pages you read and the "
         "recommendations you click, and we may combine them with data from our partners."),
        ("How we use it", "We use your personal data to choose the recommendations we show you, to measure "
         "their performance and to bill our advertisers."),
        ("Sharing", "We share your personal data with advertisers, our affiliates and our service providers, "
         "who process it on our behalf under written contracts."),
        ("Retention", "We keep your personal data for 13 months after your last interaction with our widget, "
         "then delete or anonymise it."),
        ("Your rights", "You may ask us for access to, correction of or deletion of your personal data, object "
         "to its processing and withdraw your consent at any time."),
        ("Transfers", "We transfer personal data outside the EEA under the standard contractual clauses "
         "approved by the European Commission."),
        ("Security", "We protect your personal data with encryption, access controls and regular audits of "
         "our systems and of our processors."),
        ("Children", "Our services are not directed to children under 16 and we do not knowingly collect "
         "their personal data."),
        ("Changes", "We may change this policy from time to time and will notify you of any material change "
         "by posting a notice on our websites."),
        ("Contact", "Write to our Data Protection Officer at privacy@brindle.example with any question or "
         "complaint about this policy."),
    ), 1))

CENTER = """**Welcome to the Brindle Privacy Center**

Below you will find the privacy policies that explain how Brindle handles data in each case.

User Privacy Policy
-------------------

You are a user when you read articles on a partner's website where our widget appears. To read the \
policy for users, please go [here](https://brindle.example/privacy/users).

Advertiser Privacy Policy
-------------------------

You are an advertiser when your company buys campaigns from Brindle. To read the policy for \
advertisers, please go [here](https://brindle.example/privacy/advertisers).

Website Visitors Privacy Policy
-------------------------------

You are a visitor when you browse brindle.example. To read the policy for visitors, please go \
[here](https://brindle.example/privacy/visitors).
"""


def test_a_privacy_center_in_place_of_the_policy_is_another_page() -> None:
    result = compare(POLICY, CENTER)
    assert not result.material
    assert not compare(CENTER, POLICY).material  # and the policy back after one


def test_a_short_policy_in_place_of_the_long_one_stays_material() -> None:
    # the policy cut down to a few sections of its own: rewritten terms, not a hub of policies
    short = ("# Brindle Privacy Policy\n\nBy using our services you agree to this policy, which is governed by the "
             "laws of Ireland.\n\n## Data we collect\n\nWe collect your IP address and the pages you read.\n\n"
             "## Sharing\n\nWe sell your personal data to advertisers and data brokers, and we are not liable for "
             "their use of it.\n\n## Retention\n\nWe keep your personal data for 5 years. You may terminate your "
             "account at any time.\n")
    assert not hub_page(short) and len(short) <= HUB_SHARE * len(POLICY)
    result = compare(POLICY, short)
    assert result.material and "privacy" in result.categories


# -- a drafting placeholder filled in with the name of a button or a page ----------------------------

CONTROLS = ("# Cookie Policy\n\n## How can you manage cookies?\n\nYou can change your choices at any time by "
            "clicking on \\[cookie preference centre link here\\] at the foot of every page of Pebblo.\n")


def test_a_placeholder_filled_in_with_a_button_name_is_no_term() -> None:
    new = CONTROLS.replace("\\[cookie preference centre link here\\]", "Cookie Settings")
    result = compare(CONTROLS, new)
    assert not result.material
    assert "placeholder" in result.changes[0].explanation


def test_a_placeholder_given_a_statement_or_a_reserved_clause_given_text_stays_material() -> None:
    new = CONTROLS.replace("clicking on \\[cookie preference centre link here\\]",
                           "clicking on Cookie Settings, and we share your choices with advertising partners,")
    assert compare(CONTROLS, new).material
    reserved = "# Terms\n\n## 9. Disputes\n\n9.2 \\[Reserved\\] applies to every user of Pebblo.\n"
    filled = reserved.replace("\\[Reserved\\]", "Binding arbitration by a single arbitrator")
    assert compare(reserved, filled).material
    # the venue set is a fact, never a placeholder filled in
    assert _placeholder_filled("Gerichtsstand ist \\[Ort\\].", "Gerichtsstand ist Hamburg.") is None
    term = reserved.replace("\\[Reserved\\]", "\\[Text here\\]")
    assert compare(term, term.replace("\\[Text here\\]", "Binding arbitration")).material


# -- an editorial word swap: "third-party" said as "other-party" -------------------------------------

USAGE = ("# Privacy Policy\n\n## Usage Information\n\nWhenever you use Pebblo, we, as well as any third-party "
         "advertisers and/or service providers, may use technologies that collect how the app is used.\n")


def test_third_party_said_as_other_party_or_outside_party_is_a_rewording() -> None:
    for said in ("other-party advertisers", "outside party advertisers"):
        result = compare(USAGE, USAGE.replace("third-party advertisers", said))
        assert not result.material, said


def test_new_data_collected_beside_the_swap_stays_material() -> None:
    new = USAGE.replace("third-party", "other-party").replace("how the app is used", "your precise location and contacts")
    result = compare(USAGE, new)
    assert result.material and "privacy" in result.categories
