"""Session 28 (issue 11, the categories of material changes): words that name a category used in
another sense, which gave material changes of real dev pairs a category their readers did not name:

- jurisdiction: any court that may hear a matter, none named ("damages awarded by a court of
  competent jurisdiction", "if any court of competent jurisdiction finds a provision invalid"):
  no court, venue or forum is chosen (taxonomy: which courts hear disputes);
- liability: the user's own promise said as a list ("each Seller represents, warrants and agrees
  that ..."), like "you represent and warrant" before it: no warranty disclaimer of the provider,
  but a duty of the user (usage-rules, in passing), so that a new duty under such a lead-in keeps a
  topic and stays material;
- liability: a guarantee given ("we will guarantee the quoted price", "the Buyer Guarantee"
  programme) is a promise or a programme; only a guarantee refused ("we do not guarantee ...") is
  a warranty disclaimer;
- subscription: a plan named as what one signs up for, to say what it takes or gives ("to sign up
  for a Gold membership, you must ...", "by subscribing to these plans, you represent ..."): a
  condition of the plan, nothing of its renewal, cancellation, trial or change.

Each kind has its near miss, which keeps the category. Invented sentences of fictional services.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.classify import category_scores, classify_sentence


def _cats(text: str) -> tuple[str, ...]:
    return classify_sentence(text).categories


# --- jurisdiction: a court of competent jurisdiction, none named -------------------------------

@pytest.mark.parametrize("text", [
    "Customer will pay any damages finally awarded against Plinkr by a court of competent jurisdiction.",
    "If any court of competent jurisdiction finds any provision of these Terms invalid, the rest remains in force.",
    "If any court with competent jurisdiction or any arbitrator finds that the waiver is unenforceable, it is void.",
    "We may disclose your account details when required by a competent authority.",
])
def test_a_court_named_without_a_forum_is_no_jurisdiction(text: str) -> None:
    assert "jurisdiction" not in _cats(text), classify_sentence(text).evidence


@pytest.mark.parametrize("text", [
    "All disputes shall be submitted to the courts of competent jurisdiction in Freedonia City.",
    "Disputes will be brought before any competent court in Freedonia City.",
    "Disputes are subject to the exclusive jurisdiction of a competent court in Freedonia City.",
    "You agree to the exclusive jurisdiction of the courts of Sylvania.",
])
def test_a_forum_chosen_stays_jurisdiction(text: str) -> None:
    assert "jurisdiction" in _cats(text)


def test_an_indemnity_naming_a_court_of_competent_jurisdiction_is_about_indemnity() -> None:
    old = ("# Plinkr Terms of Service\n\n## 9. Fees\n\nCustomer pays the fees in the order form.\n\n"
           "## 10. Governing law\n\nThese Terms are governed by the laws of Sylvania.\n")
    new = old.replace("## 10. Governing law", (
        "## 9a. Customer's indemnification\n\nCustomer will defend Plinkr against any third-party claim arising "
        "from Customer Data and will indemnify Plinkr for any damages finally awarded against Plinkr by a court "
        "of competent jurisdiction.\n\n## 10. Governing law"))
    a = analyse(old, new)
    assert a.material and "indemnity" in a.categories and "jurisdiction" not in a.categories, (a.categories,
                                                                                                a.summary)


# --- liability: the user's own promise said as a list ------------------------------------------

@pytest.mark.parametrize("text", [
    "Each Seller represents, warrants and agrees that its products comply with all applicable laws.",
    "You represent, warrant and covenant that you hold all rights to the sketches you upload.",
])
def test_the_users_representation_is_no_warranty_disclaimer(text: str) -> None:
    cats = _cats(text)
    assert "liability" not in cats and "usage-rules" in cats, cats


def test_the_users_representation_is_a_duty_in_passing() -> None:
    # (beside another topic the representation is a word in passing: the age is what the sentence says)
    assert category_scores("You represent and warrant that you are at least 18 years old.") == {
        "eligibility": 1.0, "usage-rules": 0.5}


def test_a_sellers_new_duty_under_a_representations_lead_in_is_a_material_rule_of_use() -> None:
    old = ("# Plinkr Marketplace Terms\n\n## 5. Sellers\n\nEach Seller represents, warrants and agrees that:\n\n"
           "- its listings are accurate;\n- it holds every licence its products need.\n")
    new = old + "- if its products need a safety label under Freedonian law, it will show that label on the product page.\n"
    a = analyse(old, new)
    assert a.material and "usage-rules" in a.categories and "liability" not in a.categories, (a.categories,
                                                                                               a.summary)


@pytest.mark.parametrize("text", [
    "Plinkr makes no warranties about the accuracy of the sketches.",
    "The service is provided without warranty of any kind.",
    "Plinkr represents and warrants nothing beyond what these Terms say, and disclaims all implied warranties.",
])
def test_the_providers_warranty_disclaimer_stays_liability(text: str) -> None:
    assert "liability" in _cats(text)


# --- liability: a guarantee given, not refused --------------------------------------------------

@pytest.mark.parametrize("text", [
    "Zorbex will guarantee the quoted price for ten seconds.",
    "Claims under the Zorbex Buyer Guarantee are decided within 30 days.",
])
def test_a_guarantee_given_is_no_warranty_disclaimer(text: str) -> None:
    assert "liability" not in _cats(text)


@pytest.mark.parametrize("text", [
    "Zorbex does not verify, endorse, or guarantee any token listed on the platform.",
    "We make no guarantees about the availability of the service.",
    "There is no guarantee that a trade will be completed.",
    "We cannot guarantee that the Service will be error-free.",
])
def test_a_guarantee_refused_stays_liability(text: str) -> None:
    assert "liability" in _cats(text)


def test_a_refused_guarantee_still_counts_as_a_word_in_passing() -> None:
    # (its weight as before: "guarantee" alone was a weak word, "no guarantee" still is)
    assert category_scores("We make no guarantee of results.") == {"liability": 0.5}


# --- subscription: a plan named as what one signs up for ----------------------------------------

@pytest.mark.parametrize("text", [
    "To sign up for and use a student Gold membership, you must meet the eligibility requirements and provide "
    "proof of enrolment.",
    "By subscribing to these plans, you represent that you are acting as a company or business.",
    "If you sign up for a student Gold membership, you will receive certain Gold benefits at a reduced rate.",
])
def test_a_plan_named_as_a_condition_is_no_subscription_term(text: str) -> None:
    assert "subscription" not in _cats(text)


@pytest.mark.parametrize("text", [
    "If you sign up for a Gold membership, it renews automatically every month until you cancel.",
    "If you purchase a subscription, you can cancel it at any time.",
    "By subscribing to Quibbly Plus you start a free trial of 7 days.",
    "Your Quibbly subscription renews automatically each month.",
])
def test_a_term_of_the_plan_stays_subscription(text: str) -> None:
    assert "subscription" in _cats(text)


def test_a_new_sign_up_condition_names_eligibility_not_subscription() -> None:
    old = "# Quibbly Membership Terms\n\n## Gold\n\nGold members get free delivery on every order.\n"
    new = old + ("\nTo sign up for and use a student Gold membership, you must be enrolled at a university "
                 "and provide proof of enrolment when asked.\n")
    a = analyse(old, new)
    assert a.material and "subscription" not in a.categories, (a.categories, a.summary)
