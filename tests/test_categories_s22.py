"""Session 22 (issue 11, clause-level categories): topic words that, in some phrases, name something
else, seen giving material changes of real pairs a category their readers did not name:

- minors as those a content rule protects or information is about ("cause harm to minors"), and
  things that are eligible ("eligible listings"): no rule on who may use the service (eligibility);
- a jurisdiction as a place ("unlawful in jurisdictions where we operate"): no court (jurisdiction);
- card and bank details named as kinds of personal data: privacy, not payment; the company's VAT
  number, a letter's return receipt: no payment; the company's share capital: no price;
- feedback as a support request ("submit a feedback ticket"), licences as seats ("reassign a license
  to another user"): no licence to content (content-rights); a usage cap is a rule of use;
- the user stopping or altering ("discontinue your use", "you may not modify the Services"): no
  change of the service by the provider (service-changes);
- something prohibited by law or by an order ("unless prohibited by law"): no rule of use;
- accepting "a new version of the TOU" by using the service is about terms changes too;
- an item of a list of prohibited acts ("You may not: * collect personal data of other members")
  is a rule of use whatever else it is about;
- a term with no topic of its own in a document of rules of use ("Community Guidelines",
  "Acceptable Use Policy", "Règles de la communauté", "Nutzungsrichtlinien") is a rule of use.

Invented sentences of fictional services, en/fr/de; the real topics keep their words.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.classify import classify_sentence


def _cats(text: str) -> tuple[str, ...]:
    return classify_sentence(text).categories


@pytest.mark.parametrize("text", [
    "Do not upload anything that could cause harm to minors or exploit them.",
    "Quibbly may place additional restrictions on information relating to minors.",
    "Content depicting children in a sexual manner is removed from Quibbly.",
    "Les contenus portant atteinte aux mineurs sont interdits sur Quibbly.",
    "Inhalte, die Minderjährige gefährden, sind auf Quibbly verboten.",
    "The shipping terms apply to all of your eligible new and existing listings on Quibbly.",
    "The help page lists the items that are ineligible for Quibbly delivery.",
])
def test_minors_protected_and_eligible_things_are_no_eligibility(text: str) -> None:
    assert "eligibility" not in _cats(text)


@pytest.mark.parametrize("text", [
    "You must be at least 16 years old to use Quibbly; minors need parental consent.",
    "If you are a minor, you may not open a Quibbly account.",
    "Only eligible users may join the Quibbly creator programme.",
    "Les mineurs ne peuvent pas ouvrir de compte Quibbly.",
    "Minderjährige dürfen Quibbly nur mit Einwilligung der Eltern nutzen.",
])
def test_who_may_use_the_service_stays_eligibility(text: str) -> None:
    assert "eligibility" in _cats(text)


@pytest.mark.parametrize("text", [
    "Uploads of material deemed unlawful in jurisdictions where Zorbex operates are prohibited.",
    "You must be of the age of majority in your jurisdiction.",
    "You may use Zorbex only if you are not barred under the laws of any applicable jurisdiction.",
])
def test_a_jurisdiction_as_a_place_names_no_court(text: str) -> None:
    assert "jurisdiction" not in _cats(text)


@pytest.mark.parametrize("text", [
    "You submit to the exclusive jurisdiction of the courts of Ruritania.",
    "Any claim shall be brought before a court of competent jurisdiction in Freedonia.",
])
def test_courts_stay_jurisdiction(text: str) -> None:
    assert "jurisdiction" in _cats(text)


@pytest.mark.parametrize("text", [
    "Examples of personal and confidential information include bank account numbers and credit card numbers.",
    "Do not post other people's personal information, such as their credit card details.",
    "Vos données personnelles comprennent vos numéros de carte bancaire et votre adresse.",
    "Personenbezogene Daten umfassen etwa Ihre Kontonummer und Ihre Anschrift.",
])
def test_card_and_bank_details_as_kinds_of_data_are_privacy(text: str) -> None:
    cats = _cats(text)
    assert "payment" not in cats and "privacy" in cats, cats


@pytest.mark.parametrize("text", [
    "Zorbex Ltd, VAT number GB123456789, 1 Fictional Street, Nulltown.",
    "All notices shall be sent by registered mail with return receipt to Zorbex.",
    "Toute notification est envoyée par lettre recommandée avec accusé de réception.",
])
def test_company_identity_and_letters_are_no_payment(text: str) -> None:
    assert "payment" not in _cats(text)


@pytest.mark.parametrize("text", [
    "Capital: €1,000",
    "Zorbex SAS au capital de 10 000 €, RCS Nulleville 123 456 789.",
    "Zorbex GmbH, Stammkapital 25000 EUR, Amtsgericht Nullstadt.",
])
def test_share_capital_is_no_price(text: str) -> None:
    assert "pricing" not in _cats(text)


@pytest.mark.parametrize("text, cat", [
    ("We will charge your credit card on file each month.", "payment"),
    ("Zorbex may charge a 5% fee on each sale, VAT included.", "pricing"),
    ("Receipts for every payment are sent by e-mail.", "payment"),
])
def test_real_money_terms_keep_their_topics(text: str, cat: str) -> None:
    assert cat in _cats(text)


@pytest.mark.parametrize("text", [
    "To ask for a refund, contact Plinkr by submitting a feedback ticket in the app.",
    "We will handle any feedback or request sent through this form.",
])
def test_feedback_as_a_support_request_is_no_licence(text: str) -> None:
    assert "content-rights" not in _cats(text)


def test_a_licence_to_feedback_stays_content_rights() -> None:
    assert "content-rights" in _cats("You grant Plinkr a perpetual licence to use any feedback you submit.")


@pytest.mark.parametrize("text", [
    "You will immediately discontinue your use of Plinkr if you are placed on a sanctions list.",
    "You may not attempt to copy, alter or otherwise modify the Services.",
])
def test_the_user_stopping_or_altering_is_no_service_change(text: str) -> None:
    assert "service-changes" not in _cats(text)


@pytest.mark.parametrize("text", [
    "Plinkr may modify or discontinue the Services at any time.",
    "You may not modify the app, and Plinkr may discontinue any feature at any time.",
])
def test_the_provider_changing_the_service_stays_service_changes(text: str) -> None:
    assert "service-changes" in _cats(text)


@pytest.mark.parametrize("text", [
    "We will tell you that we received the order unless the order prohibits us from doing so.",
    "Plinkr will notify you of any request, unless prohibited by law.",
    "Nous vous informerons de toute demande, sauf interdiction légale.",
    "Wir informieren Sie über jede Anfrage, sofern dies nicht gesetzlich verboten ist.",
])
def test_prohibited_by_law_is_no_rule_of_use(text: str) -> None:
    assert "usage-rules" not in _cats(text)


@pytest.mark.parametrize("text", [
    "You may not use Plinkr for any purpose prohibited by law.",
    "Spamming other members is prohibited.",
])
def test_prohibitions_on_users_stay_usage_rules(text: str) -> None:
    assert "usage-rules" in _cats(text)


def test_continued_use_after_a_new_version_is_about_terms_changes() -> None:
    text = "By using Plinkr after a new version of the TOU has been posted, you agree to that new version."
    assert "terms-changes" in _cats(text)
    assert "terms-changes" not in _cats("A new version of the Plinkr app is available.")


@pytest.mark.parametrize("text", [
    "Customer may reassign a Zorbo license to another user, but doing so will not reset that license's monthly usage cap.",
    "You may purchase additional licenses for your team from the Zorbo admin console.",
])
def test_licences_as_seats_are_no_licence_to_content(text: str) -> None:
    assert "content-rights" not in _cats(text)


def test_a_usage_cap_is_a_usage_rule() -> None:
    assert "usage-rules" in _cats("Each Zorbo seat has a monthly usage cap of 500 searches.")
    assert "content-rights" in _cats("You grant Zorbo a worldwide, transferable license to use your content.")


_LIST = """# Plinkr Terms of Service

## 4. Your use of Plinkr

You may not:

* resell access to Plinkr without our written consent;
* send spam to other members.

## 5. Your account

Plinkr may suspend your account if you break these rules. You may close your account at any time.
"""


@pytest.mark.parametrize("item", [
    "* use Plinkr to collect or store special categories of personal data of other members;",
    "* charge other members a fee for access to your Plinkr boards;",
])
def test_an_item_of_a_list_of_prohibited_acts_is_a_usage_rule(monkeypatch, item: str) -> None:
    monkeypatch.setenv("TRACKER_CATEGORIES", "rules")
    a = analyse(_LIST, _LIST.replace("* send spam", f"{item}\n* send spam"))
    assert a.material and "usage-rules" in a.categories, (a.categories, a.summary)


def test_an_item_of_a_list_of_data_collected_is_no_usage_rule(monkeypatch) -> None:
    monkeypatch.setenv("TRACKER_CATEGORIES", "rules")
    base = _LIST.replace("You may not:", "We collect:").replace("* resell access to Plinkr without our written consent;",
                                                             "* your e-mail address;")
    a = analyse(base, base.replace("* send spam to other members.", "* send spam to other members.\n"
                                   "* your precise location and the contacts in your address book."))
    assert "usage-rules" not in a.categories, (a.categories, a.summary)


_GUIDELINES = """# Quibbly Community Guidelines

## Respect

Be kind to other members. Do not harass anyone and do not post spam.

## Fees

Quibbly Plus costs 3 € per month, billed monthly. We collect your e-mail address and payment details to bill you.

## Scope

These guidelines apply to public Quibbly spaces.
"""


@pytest.mark.parametrize("title, cats", [
    ("Quibbly Community Guidelines", ("usage-rules",)),
    ("Quibbly Acceptable Use Policy", ("usage-rules",)),
    ("Règles de la communauté Quibbly", ("usage-rules",)),
    ("Quibbly Nutzungsrichtlinien", ("usage-rules",)),
    ("Quibbly Terms of Service", ("other",)),
])
def test_a_term_without_a_topic_in_a_document_of_rules_of_use_is_a_usage_rule(monkeypatch, title: str,
                                                                              cats: tuple[str, ...]) -> None:
    monkeypatch.setenv("TRACKER_CATEGORIES", "rules")
    doc = _GUIDELINES.replace("Quibbly Community Guidelines", title)
    a = analyse(doc, doc.replace("apply to public Quibbly spaces.", "apply to public Quibbly spaces and to private groups."))
    assert a.material and a.categories == cats, (a.categories, a.summary)
