"""False alarms of kinds met on the a-o dev pairs (issue 11, session 20), on invented terms of
fictional services: each kind as it was met, in other wordings or languages, and a look-alike that
must stay material."""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.boilerplate import is_advice, is_user_count
from tracker.analysis.materiality import label_change
from tracker.analysis.novelty import respelled

TERMS = """\
# Quillmoor Terms of Service

## 1. Your account

You must be at least 16 to open a Quillmoor account.
We may suspend your account if you break these terms.

## 2. Content moderation

You keep the rights to the stories you post on Quillmoor.
We may remove stories that break our community rules.

## 3. Contact

Write to help@quillmoor.example with any question.
"""


# --- a count of monthly active users published under the Digital Services Act -------------------
@pytest.mark.parametrize("figure", [
    "The average monthly active recipients of Quillmoor in the European Union over the past six months was 2.4M.",
    "Average monthly active recipients in the EU: 310,000 (1 January to 30 June 2025).",
    "Nombre moyen mensuel de destinataires actifs du service dans l'Union européenne : 1,2 million.",
    "Die durchschnittliche Zahl der monatlich aktiven Nutzer in der EU betrug 850.000.",
    "El número medio mensual de destinatarios activos del servicio en la UE es de 75.000.",
])
def test_a_published_count_of_active_users_is_not_material(figure):
    assert is_user_count(figure)
    # (under a heading on moderation, where a number used to read as a term of it)
    with_figure = TERMS.replace("## 3. Contact", f"**EU transparency disclosure (updated 1 July 2025).**\n\n{figure}\n\n"
                                                 "## 3. Contact")
    for old, new in ((TERMS, with_figure), (with_figure, TERMS)):
        result = analyse(old, new)
        assert not result.material, result.summary
    changed = with_figure.replace("2.4M", "2.9M").replace("310,000", "420,000").replace("1,2 million", "1,4 million") \
        .replace("850.000", "910.000").replace("75.000", "80.000")
    assert not analyse(with_figure, changed).material


@pytest.mark.parametrize("rule", [
    "We will publish the number of monthly active recipients in the EU every 6 months.",
    "You may not have more than 5 active users on a free Quillmoor plan.",
])
def test_a_rule_about_active_users_is_no_published_count(rule):
    assert not is_user_count(rule)


def test_a_limit_on_active_users_added_stays_material():
    new = TERMS.replace("## 2. Content moderation", "A free plan allows at most 3 active users; we may close accounts "
                                                   "that exceed it.\n\n## 2. Content moderation")
    assert analyse(TERMS, new).material


# --- a company's legal form written out where it was abbreviated, beside new company details ----
SALE = """\
# Conditions générales de vente Brindille

Les présentes conditions lient le client et Brindille SA, au capital de 2 000 000 €.

## 4. Modes de paiement

Vous pouvez payer par carte bancaire ou en trois fois avec la carte Brindille.
Votre souscription à la carte Brindille est soumise à l'acceptation de Banque Orvale, SA au capital de 12 500 000 € - \
512 345 678 RCS Lyon - siège social : 8, rue des Tanneurs 69002 Lyon, établissement agréé et contrôlé par l'Autorité \
de contrôle prudentiel et de résolution (ACPR), 4 place de Budapest, 75009 Paris, et après expiration du délai légal \
de rétractation de 14 jours.

## 5. Livraison

Nous livrons en France métropolitaine sous 5 jours ouvrés.
"""


def test_a_legal_form_written_out_beside_a_new_seat_is_not_material():
    new = SALE.replace("Banque Orvale, SA au capital de 12 500 000 €", "Banque Orvale, Société Anonyme au capital de "
                       "13 000 000 €").replace("RCS Lyon - siège social : 8, rue des Tanneurs 69002 Lyon",
                                               "RCS Nantes - siège social : Bâtiment B, 14 quai Ceineray 44000 Nantes")
    for old, changed in ((SALE, new), (new, SALE)):
        result = analyse(old, changed)
        assert not result.material, result.summary


def test_a_legal_form_written_out_with_a_new_fee_stays_material():
    new = SALE.replace("Banque Orvale, SA au capital", "Banque Orvale, Société Anonyme au capital").replace(
        "de rétractation de 14 jours.", "de rétractation de 14 jours. Des frais de dossier de 15 € vous sont facturés.")
    assert analyse(SALE, new).material


@pytest.mark.parametrize("old, new", [
    (["sa"], ["société", "anonyme"]), (["s", "a"], ["sociedad", "anónima"]), (["gmbh"], ["gesellschaft", "mit",
     "beschränkter", "haftung"]), (["limited", "liability", "company"], ["llc"]), (["ltd"], ["limited"]),
])
def test_a_legal_form_and_its_abbreviation_are_one_spelling(old, new):
    assert respelled(old, new) and respelled(new, old)


@pytest.mark.parametrize("old, new", [(["sa"], ["sas"]), (["sa"], ["société", "par", "actions", "simplifiée"]),
                                      (["sa"], ["société", "générale"]), (["limited"], ["unlimited"])])
def test_other_legal_forms_are_no_respelling(old, new):
    assert not respelled(old, new)


@pytest.mark.parametrize("old, new", [
    ("Die Zahlung auf Rechnung wird von der Zahlwerk GmbH, Hafenstraße 3, 20457 Hamburg, abgewickelt und setzt eine "
     "Bonitätsprüfung voraus.",
     "Die Zahlung auf Rechnung wird von der Zahlwerk Gesellschaft mit beschränkter Haftung, Lindenweg 12, 80331 "
     "München, abgewickelt und setzt eine Bonitätsprüfung voraus."),
    ("El pago a plazos lo gestiona Financiera Alba, S.A., con domicilio en Calle Mayor 5, 28013 Madrid, previa "
     "aprobación de la solicitud.",
     "El pago a plazos lo gestiona Financiera Alba, Sociedad Anónima, con domicilio en Avenida del Puerto 20, 46021 "
     "Valencia, previa aprobación de la solicitud."),
])
def test_a_legal_form_written_out_is_said_as_contact_details(old, new):
    label = label_change("modified", old, new, heading="Zahlung")
    assert not label.material and label.explanation == "Only contact details changed", label.explanation


# --- advice to the user reworded --------------------------------------------------------------
USE = """\
# Lanternfish Terms of Use

## 1. Accounts

You must be at least 13 to use Lanternfish.

## 6. Copyright

We may remove any photo that infringes someone else's copyright.
If you believe that a photo on Lanternfish copies your work, we encourage you to file a copyright takedown notice \
with our agent.

## 7. Liability

Lanternfish is provided as is.
"""
_ADVICE_SAID = "we encourage you to file a copyright takedown notice with our agent."


@pytest.mark.parametrize("advice", [
    "we encourage you to take the proper reporting steps.",
    "we strongly recommend that you contact the person who posted it first.",
    "you are encouraged to keep a copy of the original file.",
])
def test_advice_reworded_is_not_material(advice):
    result = analyse(USE, USE.replace(_ADVICE_SAID, advice))
    assert not result.material, result.summary


@pytest.mark.parametrize("sentence", [
    "Nous vous conseillons de conserver une copie de votre facture.",
    "Wenn Sie glauben, dass ein Foto Ihr Werk kopiert, empfehlen wir Ihnen, uns eine Meldung zu senden.",
    "Le recomendamos que guarde una copia de su factura.",
    "Lanternfish recommends that you update the app when a new version is out.",
])
def test_advice_in_other_languages_and_wordings(sentence):
    assert is_advice(sentence)


@pytest.mark.parametrize("sentence", [
    "We recommend that you back up your photos; we are not responsible for any loss.",
    "We encourage you to report abuse, otherwise we may close your account.",
    "We recommend products to you based on your purchase history.",
    "We invite you to join Lanternfish Plus for 4.99 EUR a month.",
    "Nous vous invitons à signaler tout abus : vous devez le faire sous 10 jours.",
])
def test_a_term_beside_advice_is_no_advice(sentence):
    assert not is_advice(sentence)


def test_a_duty_in_place_of_advice_stays_material():
    new = USE.replace(_ADVICE_SAID, "you must file a copyright takedown notice with our agent within 10 days or lose "
                                    "any claim against us.")
    assert analyse(USE, new).material


# --- a clause said again with other small words, judged on its own two texts -------------------
@pytest.mark.parametrize("kind", ["modified", "moved"])
@pytest.mark.parametrize("before, after", [
    ("Kestrel has a zero-tolerance policy with regard to child sexual abuse material.",
     "Kestrel has a zero-tolerance policy regarding child sexual abuse material."),
    ("We may suspend any account in relation to which we receive repeated reports.",
     "We may suspend any account relating to which we receive repeated reports."),
])
def test_a_clause_with_the_same_content_words_is_not_material(kind, before, after):
    label = label_change(kind, before, after)
    assert not label.material, label.explanation


@pytest.mark.parametrize("before, after", [
    ("You can appeal a removal within 30 days.", "You cannot appeal a removal within 30 days."),
    ("We may close the account of anyone who posts hateful content.",
     "We will close the account of anyone who posts hateful content."),
    ("We may close the account of anyone who posts hateful content.",
     "You may close the account of anyone who posts hateful content."),
    ("Refunds are made within 14 days.", "Refunds are made within 30 days."),
])
def test_a_clause_whose_binding_words_changed_stays_material(before, after):
    assert label_change("modified", before, after).material


# --- one step of the interface named two ways ("log out" / "sign out") -----------------------
PRIVACY = """\
# Fernhollow Privacy Notice

## 3. Your choices

* If you want to browse Fernhollow without linking the pages you visit to your account, you may do so by logging \
out of your account [here](https://fernhollow.example/help/1) and blocking cookies in your browser.
* You can turn off personalised suggestions in your settings.

## 4. Sharing

We do not sell your personal data.
"""


@pytest.mark.parametrize("old, new", [
    ("by logging out of your account [here](https://fernhollow.example/help/1)",
     "by [signing out of your account](https://fernhollow.example/help/2)"),
    ("by logging out of your account", "by signing out of your account"),
])
def test_log_out_said_as_sign_out_is_not_material(old, new):
    result = analyse(PRIVACY, PRIVACY.replace(old, new))
    assert not result.material, result.summary


def test_a_new_duty_beside_sign_out_stays_material():
    new = PRIVACY.replace("by logging out of your account", "by signing out of your account, which you must do "
                                                            "within 30 days or we may close it,")
    assert analyse(PRIVACY, new).material


def test_log_and_sign_before_other_words_are_other_words():
    from tracker.analysis.novelty import _same_action

    assert _same_action(["logging", "out", "of"], ["signing", "out", "of"], (0, 1), (0, 1))
    assert not _same_action(["log", "files"], ["sign", "files"], (0, 1), (0, 1))
    assert not _same_action(["logging", "in"], ["signing", "up"], (0, 1), (0, 1))
