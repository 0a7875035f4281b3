"""Kinds of false alarm on real pairs (issue 11, session 23, worked by kind), each on invented
terms of fictional services, in English, French and German, with look-alikes that keep their label.

- a pointer that says at length what the page it points to holds ("Please also see our State
  Privacy Notice and our Health Data Policy for additional information about the data we collect,
  process, share and disclose, and your rights under ..."; fr "... pour plus d'informations sur
  ..."; de "... für weitere Informationen zu ..."): the topics are the other page's; the pointer
  is judged by its own words (``boilerplate.pointer_core``), and is no term.
- background about a law or a privacy scheme ("Recent changes to the CCPA and other state laws
  are set to take effect in 2027; the rules implementing some of them are not final yet", "The
  Global CBPR System provides protection of personal information ...", fr "Le RGPD est entré en
  application ...", de "Die DSGVO gilt seit ..."): what a law is or does, naming no party of the
  contract and binding no one, is no term (``boilerplate.is_law_background``); a law that gives
  the user a right, a duty with a modal, a data transfer, a provider's own programme, a governing
  law or a number stays read as usual.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.boilerplate import is_law_background, is_pointer, pointer_core

_POLICY = {
    "en": """\
# Brindle Privacy Notice

## Your rights

You may ask us for a copy of the personal data we hold about you.

You may ask us to delete your account and the data linked to it.

We answer every request within 30 days.
""",
    "fr": """\
# Politique de confidentialité de Brindle

## Vos droits

Vous pouvez nous demander une copie des données personnelles que nous détenons sur vous.

Vous pouvez nous demander de supprimer votre compte et les données qui y sont liées.

Nous répondons à chaque demande sous 30 jours.
""",
    "de": """\
# Datenschutzhinweise von Brindle

## Ihre Rechte

Sie können von uns eine Kopie der personenbezogenen Daten verlangen, die wir über Sie speichern.

Sie können von uns verlangen, Ihr Konto und die damit verbundenen Daten zu löschen.

Wir beantworten jede Anfrage innerhalb von 30 Tagen.
""",
}
_LAST = {"en": "We answer every request within 30 days.\n", "fr": "Nous répondons à chaque demande sous 30 jours.\n",
         "de": "Wir beantworten jede Anfrage innerhalb von 30 Tagen.\n"}


def _with(lang: str, sentence: str) -> str:
    return _POLICY[lang].replace(_LAST[lang], f"{_LAST[lang]}\n{sentence}\n")


# --- a pointer that says what the other page holds ---------------------------------------------------

_LONG_POINTERS = [
    ("en", "Please also see our [Regional Privacy Laws Notice](https://brindle.example/states) and our Ohio "
           "[Consumer Health Data Policy](https://brindle.example/health) for additional information about the data "
           "we collect, process, share and disclose, and your rights under the applicable regional and national data "
           "protection laws of the states and territories where you live."),
    ("en", "You can read our [Cookie Notice](https://brindle.example/cookies) and the Brindle Partner Directory "
           "for more information on the cookies and similar technologies we and our partners place on your devices, "
           "how long they last and how to refuse them in each browser we support."),
    ("fr", "Consultez également notre Avis sur les lois régionales et notre Politique relative aux données de "
           "santé pour plus d'informations sur les données que nous collectons, traitons, partageons et divulguons, et "
           "sur vos droits au titre des lois régionales et nationales applicables en matière de protection des données "
           "personnelles."),
    ("de", "Bitte lesen Sie auch unsere Hinweise zu regionalen Datenschutzgesetzen und unsere Richtlinie zu "
           "Gesundheitsdaten für weitere Informationen zu den Daten, die wir erheben, verarbeiten, weitergeben und "
           "offenlegen, und zu Ihren Rechten nach den geltenden regionalen und nationalen Datenschutzgesetzen und den "
           "Verordnungen der Länder, in denen Sie wohnen."),
]


@pytest.mark.parametrize("lang,sentence", _LONG_POINTERS)
def test_long_pointer_is_no_term(lang, sentence):
    assert len(sentence.split()) > 40  # (what the old 40-word limit refused)
    assert is_pointer(sentence)
    a = analyse(_POLICY[lang], _with(lang, sentence))
    assert not a.material, a.summary


def test_pointer_put_into_an_existing_pointer_is_no_term():
    old_pointer = ("Please also see our [Regional Privacy Laws Notice](https://brindle.example/states) for additional "
                   "information about the data we collect, process, share and disclose, and your rights under "
                   "applicable regional data protection laws.")
    new_pointer = _LONG_POINTERS[0][1]
    a = analyse(_with("en", old_pointer), _with("en", new_pointer))
    assert not a.material, a.summary


def test_pointer_core_keeps_the_pointer_words():
    core = pointer_core(_LONG_POINTERS[0][1])
    assert core.startswith("Please also see our Regional Privacy Laws Notice and our Ohio Consumer Health Data Policy")
    assert "rights" not in core and "https" not in core
    plain = "Please see our Cookie Notice."
    assert pointer_core(plain) == plain


@pytest.mark.parametrize("sentence", [
    # a term after the pointer's opening words: read as usual, whatever its length
    "Please also see our Regional Privacy Laws Notice; we share your contact details with our advertising partners "
    "for additional information about your interests and purchases, and we keep them for 5 years after you close your "
    "account, whatever the reason for closing it.",
    "Please see the Seller Addendum, which applies to every sale and governs the fees we charge you for additional "
    "information services such as the premium listing reports and sales summaries we send every month to sellers in the "
    "marketplace and its partner shops.",
])
def test_long_pointer_look_alikes_stay_material(sentence):
    assert len(sentence.split()) > 40
    a = analyse(_POLICY["en"], _with("en", sentence))
    assert a.material, a.summary


def test_long_sentence_that_only_starts_like_a_pointer_is_no_pointer():
    sentence = ("See the table below: we collect your name, e-mail address, phone number, postal address, date of "
                "birth, payment card details, device identifiers, location and browsing history when you use the "
                "app, and we keep all of it for ten years after your last order.")
    assert not is_pointer(sentence)


# --- background about a law or a privacy scheme -----------------------------------------------------

_BACKGROUND = [
    ("en", "Please note that recent changes to the CCPA and other state data privacy laws are set to take effect in "
           "2027; however, the rules implementing some of these laws have not yet been finalised."),
    ("en", "The Global Cross-Border Privacy Rules (CBPR) System provides protection of personal information and "
           "supports trusted international data flows among participating jurisdictions."),
    ("en", "The EU-U.S. Data Privacy Framework replaced the Privacy Shield program in 2023."),
    ("fr", "Le RGPD est entré en application en mai 2018 dans toute l'Union européenne."),
    ("fr", "Veuillez noter que les règlements d'application de ces lois ne sont pas encore définitifs."),
    ("de", "Die DSGVO gilt seit Mai 2018 in der gesamten Europäischen Union."),
    ("de", "Bitte beachten Sie, dass die Verordnungen zur Umsetzung dieser Gesetze noch nicht endgültig sind."),
]


@pytest.mark.parametrize("lang,sentence", _BACKGROUND)
def test_background_about_a_law_is_no_term(lang, sentence):
    assert is_law_background(sentence)
    a = analyse(_POLICY[lang], _with(lang, sentence))
    assert not a.material, a.summary


def test_background_reworded_is_no_term():
    old = _with("en", _BACKGROUND[0][1])
    new = _with("en", _BACKGROUND[0][1].replace("some of these laws", "many of these laws"))
    a = analyse(old, new)
    assert not a.material, a.summary


@pytest.mark.parametrize("lang,sentence", [
    ("en", "The GDPR gives you the right to access and correct your data."),  # a right of the user
    ("en", "Under the CCPA, Brindle must delete personal data on request."),  # a duty, with a modal
    ("en", "Personal data collected through the app is transferred to the US under the Data Privacy Framework."),
    ("en", "These Terms are governed by the laws of Portugal."),  # the contract's own law
    ("en", "The Brindle Rewards Program is discontinued."),  # the provider's own programme
    ("en", "The Privacy Shield program lets Brindle keep transfer records for 7 years."),  # a number
    ("fr", "Le RGPD vous donne le droit d'accéder à vos données."),
    ("de", "Nach der DSGVO haben Nutzer das Recht, ihre Daten zu löschen."),
    ("en", "violate the law or a legal enforcement authority's order"),  # an item under "unless doing so would:"
    ("en", "Breaches of the law may lead to the suspension of the account."),
])
def test_background_look_alikes_are_read_as_terms(lang, sentence):
    assert not is_law_background(sentence)


@pytest.mark.parametrize("lang,sentence", [
    ("en", "The GDPR gives you the right to ask us to delete your data within 30 days."),
    ("fr", "Le RGPD vous donne le droit de nous demander de supprimer vos données sous 30 jours."),
])
def test_law_that_gives_a_right_stays_material(lang, sentence):
    a = analyse(_POLICY[lang], _with(lang, sentence))
    assert a.material, a.summary


# --- cookie names in a cookie table -----------------------------------------------------------------

_COOKIE_TABLES = {
    "en": ("# Quillmark Cookie Notice\n\n## Cookies we use\n\nWe use the cookies below on our sites.\n\n",
           "| Domain | Cookies | Used as | Purpose |\n| --- | --- | --- | --- |\n"),
    "fr": ("# Politique relative aux cookies de Quillmark\n\n## Les cookies utilisés\n\nNous utilisons les cookies "
           "ci-dessous sur nos sites.\n\n",
           "| Domaine | Nom du cookie | Type | Finalité |\n| --- | --- | --- | --- |\n"),
    "de": ("# Cookie-Hinweis von Quillmark\n\n## Verwendete Cookies\n\nWir verwenden die folgenden Cookies auf unseren "
           "Seiten.\n\n",
           "| Domain | Cookie-Name | Art | Zweck |\n| --- | --- | --- | --- |\n"),
}
_PURPOSE = {"en": ("1st Party", "Keeps you signed in"), "fr": ("Interne", "Maintenir votre connexion"),
            "de": ("Erstanbieter", "Hält Sie angemeldet")}


def _cookie_doc(lang: str, names: str, domain: str = "quillmark.example", purpose: str | None = None) -> str:
    intro, header = _COOKIE_TABLES[lang]
    party, use = _PURPOSE[lang]
    rows = (f"| {domain} | {names} | {party} | {purpose or use} |\n"
            f"| ads.partner.example | \\_pxid, adsync | 3rd Party | Advertising |\n")
    return intro + header + rows


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
@pytest.mark.parametrize("old_names,new_names", [
    ("acct, \\_\\_cf\\_bm, fkey", "acct, \\_cfuvid, fkey"),  # one renamed
    ("acct, fkey", "acct, cf\\_clearance, fkey, OptanonConsent"),  # names added
    ("acct, fkey, prov\\_tgt", "acct, fkey"),  # a name dropped
])
def test_cookie_names_changed_under_the_same_use_are_not_material(lang, old_names, new_names):
    a = analyse(_cookie_doc(lang, old_names), _cookie_doc(lang, new_names))
    assert a.changes, "the table row changed"
    assert not a.material, a.summary


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_cookie_purpose_or_domain_changed_stays_material(lang):
    old = _cookie_doc(lang, "acct, fkey")
    new_purpose = {"en": "Personalised advertising and profiling", "fr": "Publicité personnalisée et profilage",
                   "de": "Personalisierte Werbung und Profilbildung"}[lang]
    assert analyse(old, _cookie_doc(lang, "acct, fkey, adid", purpose=new_purpose)).material
    from tracker.analysis.materiality import _cookie_names_only

    # the cookie's party changed beside its names: not a change of names only
    row = old.split("\n\n")[-1]
    assert not _cookie_names_only(row, row.replace(_PURPOSE[lang][0], "3rd Party").replace("acct, fkey", "acct"))


def test_cookie_names_only_needs_a_cookie_name_column():
    from tracker.analysis.materiality import _cookie_names_only

    old = "| Purpose | Data |\n| --- | --- |\n| Marketing | name, e-mail |\n"
    new = "| Purpose | Data |\n| --- | --- |\n| Marketing | name, e-mail, phone number |\n"
    assert not _cookie_names_only(old, new)  # a kind of data added: read as usual
    old_c = "| Cookies | Purpose |\n| --- | --- |\n| acct, fkey | Sign-in |\n"
    assert _cookie_names_only(old_c, old_c.replace("fkey", "fkey, \\_sid"))
    assert not _cookie_names_only(old_c, old_c.replace("Sign-in", "Advertising"))
    assert not _cookie_names_only(old_c, old_c)  # nothing changed


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_cookie_row_for_a_new_domain_is_material(lang):
    old = _cookie_doc(lang, "acct, fkey")
    party = _PURPOSE[lang][0]
    new = old + f"| bidtrack.example | btid, btsecure | {party} | Advertising |\n"
    a = analyse(old, new)
    assert a.material, a.summary
    assert "privacy" in a.categories
    assert "bidtrack.example" in a.summary


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_cookie_row_for_a_domain_already_listed_is_not_a_new_party(lang):
    from tracker.analysis.materiality import _cookie_row_party

    old = _cookie_doc(lang, "acct, fkey")
    header = _COOKIE_TABLES[lang][1]
    row = header + "| ads.partner.example | \\_pxid2 | 3rd Party | Advertising |\n"
    assert _cookie_row_party(row, old) is None  # the partner's domain is listed already
    assert _cookie_row_party(header + "| bidtrack.example | btid | 3rd Party | Advertising |\n", old) == (
        "bidtrack.example", "btid")
    # a table without a column of cookie names: no cookie row
    assert _cookie_row_party("| Processor | Country |\n| --- | --- |\n| bidtrack.example | US |\n", old) is None


def test_cookie_row_for_a_subdomain_of_a_listed_site_is_not_a_new_party():
    from tracker.analysis.materiality import _cookie_row_party

    old = _cookie_doc("en", "acct, fkey")
    header = _COOKIE_TABLES["en"][1]
    assert _cookie_row_party(header + "| meta.quillmark.example | acct | 1st Party | Sign-in |\n", old) is None
    assert _cookie_row_party(header + "| cdn.bidtrack.co.uk | btid | 3rd Party | Ads |\n", old) == (
        "cdn.bidtrack.co.uk", "btid")
    assert _cookie_row_party(header + "| cdn.bidtrack.co.uk | btid | 3rd Party | Ads |\n",
                             old + "\nbidtrack.co.uk sets cookies.\n") is None
