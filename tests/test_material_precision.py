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


# --- the same page served in another language ---------------------------------------------------
EN = """\
# Quillfeather Cookie Policy

## What cookies are

Cookies are small files that a website stores on your device when you visit it. We use them to
keep you signed in, to remember your choices and to measure how the site is used.

## Which cookies we use

We use strictly necessary cookies for the site to work, and with your consent we use analytics
cookies to count visits and advertising cookies to show you ads that may interest you.
You can withdraw your consent at any time in the cookie settings of the site.

## How long we keep them

Session cookies are deleted when you close your browser. Other cookies are kept for up to
13 months, and then we ask for your consent again. We do not sell the data that these cookies
collect, and we share it only with the providers that help us run the site.
"""
FR = """\
# Politique de cookies de Quillfeather

## Ce que sont les cookies

Les cookies sont de petits fichiers qu'un site enregistre sur votre appareil lorsque vous le
visitez. Nous les utilisons pour vous garder connecté, pour retenir vos choix et pour mesurer
l'utilisation du site.

## Les cookies que nous utilisons

Nous utilisons des cookies strictement nécessaires au fonctionnement du site et, avec votre
consentement, des cookies de mesure d'audience pour compter les visites et des cookies
publicitaires pour vous montrer des annonces qui peuvent vous intéresser. Vous pouvez retirer
votre consentement à tout moment dans les paramètres de cookies du site.

## Combien de temps nous les conservons

Les cookies de session sont supprimés lorsque vous fermez votre navigateur. Les autres cookies
sont conservés pendant 13 mois au plus, puis nous vous demandons à nouveau votre consentement.
Nous ne vendons pas les données que ces cookies recueillent, et nous les partageons uniquement
avec les prestataires qui nous aident à faire fonctionner le site. Pour toute question sur
cette politique, vous pouvez nous écrire par courrier ou par e-mail, et nous vous répondrons
dans les meilleurs délais. Les présentes règles sont publiées sur le site et sont à jour.
"""


def test_the_same_page_in_another_language_is_a_translation_not_new_terms():
    for old, new, said in ((EN, FR, "now in French instead of English"), (FR, EN, "now in English instead of French")):
        result = run(old, new)
        assert not result.material, result.summary
        assert said in result.summary, result.summary


def test_a_translation_added_under_the_original_is_read_as_usual():
    result = run(EN, EN + "\n" + FR)  # a bilingual page: the English text is still all there
    assert "instead of English" not in result.summary, result.summary


# --- contractions written in or out -------------------------------------------------------------
@pytest.mark.parametrize("old, new", [
    ("unless you are authorized to do so", "unless you’re authorized to do so"),
    ("and we will report it to the authorities", "and we'll report it to the authorities"),
    ("This means you do not upload content", "This means you don't upload content"),
    ("we have listed the rules below", "we’ve listed the rules below"),
])
def test_a_contraction_written_in_or_out_is_not_material(old, new):
    terms = "# Plimsoll Rules\n\nDo not publish the private data of other people {x}.\n\nPlimsoll may remove posts.\n"
    for a, b in ((old, new), (new, old)):
        result = run(terms.format(x=a), terms.format(x=b))
        assert not result.material, result.summary


def test_a_negation_dropped_with_its_contraction_stays_material():
    old = "# Plimsoll Rules\n\nWe don't sell your personal data to advertisers.\n"
    assert run(old, old.replace("don't sell", "do sell")).material


# --- an empty capture ---------------------------------------------------------------------------
@pytest.mark.parametrize("blank", ["", "\n", "# Privacy Policy\n", "•home •about us"])
def test_an_empty_capture_of_a_short_policy_is_not_a_change_of_terms(blank):
    policy = POLICY + "\n## 6. Your rights\n\nYou may ask us for a copy of your data, ask us to correct it or to delete it, " \
                      "and you may object to its use for marketing at any time.\n"
    assert len(policy) < 2000  # short: the long-page rule alone would not apply
    for old, new in ((policy, blank), (blank, policy)):
        result = run(old, new)
        assert not result.material, result.summary


def test_a_one_sentence_page_is_not_an_empty_capture():
    """Fewer than eight words, but a sentence: a term (a run holds it as a shrink), not a blank."""
    from tracker.analysis.boilerplate import not_terms_side

    policy = POLICY + "\n## 6. Your rights\n\nYou may ask us for a copy of your data at any time.\n"
    assert not_terms_side(policy, "# Plimsoll\n\nCredits expire after 12 months.\n") is None
    assert not_terms_side(policy, "# Plimsoll Privacy Policy\n") == "new"


def test_a_short_policy_replaced_by_a_shorter_one_is_read_as_usual():
    new = "# Plimsoll Privacy Policy\n\nWe sell your browsing history to advertising partners.\n"
    assert run(POLICY, new).material


# --- "To read X click here": a pointer ----------------------------------------------------------
@pytest.mark.parametrize("pointer", [
    "* To read our EU privacy policy click here",
    "To read the cookie policy, please [click here](https://plimsoll.example/cookies).",
    "Pour consulter notre politique de cookies, cliquez ici.",
])
def test_a_link_saying_where_it_leads_is_not_a_term(pointer):
    result = run(POLICY, POLICY.replace("## 5. Contact\n", f"## 5. Contact\n\n{pointer}\n"))
    assert not result.material, result.summary


def test_a_term_with_a_click_here_stays_material():
    new = POLICY.replace("## 5. Contact\n", "## 5. Contact\n\nTo opt out, click here and we will stop selling "
                                            "your data to advertisers within 30 days.\n")
    assert run(POLICY, new).material


# --- a row of a table written as a list item ----------------------------------------------------
PROVIDERS = """\
# Plimsoll Privacy Policy

## Service providers

We share your information with these service providers:

*   Cloudnest | Hosting | Ireland
*   Paywick | Payment | United States
*   Mailbarrow | Emails | Germany
"""


def test_a_provider_added_to_a_list_of_bar_separated_rows_is_material():
    new = PROVIDERS.replace("*   Paywick", "*   Ledgerfox | Billing | United States\n*   Paywick")
    result = run(PROVIDERS, new)
    assert result.material and "privacy" in result.categories, result.summary


def test_a_breadcrumb_of_links_is_still_navigation():
    crumb = "* [Home](https://plimsoll.example/) | [Legal](https://plimsoll.example/legal) | Privacy"
    assert not run(PROVIDERS, PROVIDERS.replace("# Plimsoll Privacy Policy\n", f"{crumb}\n\n# Plimsoll Privacy Policy\n")).material


# --- a link put in or taken out of a list of resources to read ----------------------------------
RESOURCES = """\
# Plimsoll Privacy Policy

## Your choices

You can turn off personalised ads in your account settings.

## Other useful resources

* [How Plimsoll keeps your account safe](https://plimsoll.example/safety) for tips on passwords
* [Plimsoll's transparency report](https://plimsoll.example/report)
"""


@pytest.mark.parametrize("heading", ["Other useful resources", "Related links", "Pour aller plus loin"])
def test_a_link_in_a_list_of_resources_is_not_a_term(heading):
    old = RESOURCES.replace("Other useful resources", heading)
    item = "* [How Plimsoll uses face matching](https://plimsoll.example/faces) to recognise people in photos\n"
    for a, b in ((old, old + item), (old + item, old)):
        result = run(a, b)
        assert not result.material, result.summary


def test_a_term_under_a_resources_heading_stays_material():
    new = RESOURCES + "* We may share your photos with advertising partners to recognise faces.\n"
    assert run(RESOURCES, new).material


# --- a list whose lead-in ends with a semicolon -------------------------------------------------
def test_an_item_added_under_a_lead_in_ended_by_a_semicolon_is_material():
    old = ("# Plimsoll Privacy Policy\n\nThe personal data Plimsoll may collect may include, but are not limited to;\n\n"
           "*   your name,\n*   e-mail address,\n*   avatar image,\n")
    new = old.replace("*   avatar image,", "*   contacts from your address book,\n*   avatar image,")
    result = run(old, new)
    assert result.material and "privacy" in result.categories, result.summary
