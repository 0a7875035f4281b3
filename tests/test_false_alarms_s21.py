"""False alarms of kinds met on the dev pairs (issue 11, session 21), on invented terms of fictional
services: each kind in several wordings and languages, and a look-alike that must stay material.

- a page whose notices were set in one table cell joined by "<br>" (a layout table) and are now
  plain paragraphs, or the other way round: the same sentences, only laid out otherwise;
- a copyright notice ("All rights reserved", "Tous droits réservés", "Alle Rechte vorbehalten");
- a text-message programme's standard notice (carrier rates may apply, HELP and STOP keywords,
  carriers not liable for delayed messages);
- examples in brackets marked the short way ("(ex : ...)", "(p. ex. ...)", "(bspw. ...)") or as an open
  list ("(passport, ID card, etc.)", "(..., Kbis…)", "(... usw.)").
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.boilerplate import is_attribution, is_carrier_notice
from tracker.analysis.materiality import label_change

# --- notices set in a layout cell joined by <br>, and the same notices as paragraphs --------------
# (heading, sentences) per notice, in three languages
NOTICES = {
    "en": [
        ("Copyright notice", ["All text, photos and maps on this site are the work of Brindle Harbour Homes.",
                              "You may print single pages for your own use only."]),
        ("Privacy", ["Contact details you send us will never be sold to other parties.",
                     "We use them only to answer your questions about listings."]),
        ("Listings disclaimer", ["Floor areas are based on county records and have not been checked by us."]),
    ],
    "fr": [
        ("Droits d'auteur", ["Les textes et photos de ce site sont la propriété de Maison Pervenche.",
                             "Vous pouvez imprimer une page pour votre usage personnel uniquement."]),
        ("Données personnelles", ["Vos coordonnées ne seront jamais vendues à des tiers.",
                                  "Nous les utilisons uniquement pour répondre à vos demandes."]),
    ],
    "de": [
        ("Urheberrecht", ["Alle Texte und Fotos dieser Seite gehören der Wiesengrund Immobilien GmbH.",
                          "Sie dürfen einzelne Seiten nur für den eigenen Gebrauch ausdrucken."]),
        ("Datenschutz", ["Ihre Kontaktdaten werden niemals an Dritte verkauft.",
                         "Wir verwenden sie nur, um Ihre Anfragen zu beantworten."]),
    ],
}
RESERVED = {"en": "All rights reserved.", "fr": "Tous droits réservés.", "de": "Alle Rechte vorbehalten."}


def _prose(lang: str) -> str:
    parts = []
    for heading, sentences in NOTICES[lang]:
        parts += [heading, " ".join(sentences)]
    return "\n\n".join(parts) + "\n"


def _layout(lang: str, extra: str = "") -> str:
    cell = "<br><br>".join(f"{h}<br><br>{' '.join(s)}" for h, s in NOTICES[lang]) + extra
    return f"|     |\n| --- |\n| {cell} |\n|     |\n| --- |\n| © Sample Estates<br><br>**{RESERVED[lang]}** |\n"


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
@pytest.mark.parametrize("direction", ["unwrapped", "wrapped"])
def test_notices_laid_out_in_a_cell_or_as_paragraphs_are_the_same_terms(lang: str, direction: str) -> None:
    old, new = (_layout(lang), _prose(lang)) if direction == "unwrapped" else (_prose(lang), _layout(lang))
    a = analyse(old, new)
    assert not a.material, a.summary


@pytest.mark.parametrize("lang, sentence", [
    ("en", "We may sell your contact details to mortgage brokers."),
    ("fr", "Nous pouvons transmettre vos données personnelles à des courtiers en crédit."),
    ("de", "Wir geben Ihre personenbezogenen Daten an Kreditvermittler weiter."),
])
def test_a_new_term_inside_the_layout_cell_is_still_material(lang: str, sentence: str) -> None:
    a = analyse(_prose(lang), _layout(lang, f"<br><br>{sentence}"))
    assert a.material, a.summary


# --- a copyright notice ------------------------------------------------------------------------
@pytest.mark.parametrize("line", [
    "All rights reserved.",
    "ALL RIGHTS RESERVED.",
    "Copyright 2026 Ombrelune Ltd. All rights reserved.",
    "Tous droits réservés.",
    "Alle Rechte vorbehalten.",
])
def test_a_copyright_notice_is_an_attribution(line: str) -> None:
    assert is_attribution(line)


@pytest.mark.parametrize("line", [
    "You may not copy any page; all rights reserved.",  # a rule beside the notice
    "We reserve all rights to suspend your account.",
    "Vous ne pouvez pas copier ce site, tous droits réservés.",
])
def test_a_rule_beside_a_copyright_notice_is_no_attribution(line: str) -> None:
    assert not is_attribution(line)


# --- a text-message programme's standard notice -------------------------------------------------
BASE = """\
# Lanternfly Alerts Terms

## 1. Alerts

We send a one-time code by text message when you sign in from a new device.
You can turn alerts off in your settings at any time.

## 2. Fees

Alerts are free of charge.
"""

CARRIER_NOTICES = [
    "For US users: Message frequency varies; Message and data rates may apply; Text HELP to 55501 for help; "
    "Reply STOP to cancel; Carriers are not liable for any delays or undelivered messages.",
    "Msg & data rates may apply. Reply STOP to unsubscribe.",
    "Standard message and data rates may apply.",
    "Des frais de SMS peuvent s'appliquer. Répondez STOP pour vous désabonner.",
    "Es können Gebühren für SMS und Daten anfallen. Antworten Sie mit STOP, um sich abzumelden.",
]


@pytest.mark.parametrize("notice", CARRIER_NOTICES)
def test_a_carrier_notice_added_under_alerts_is_not_material(notice: str) -> None:
    new = BASE.replace("when you sign in from a new device.\n", f"when you sign in from a new device.\n{notice}\n")
    a = analyse(BASE, new)
    assert not a.material, a.summary


@pytest.mark.parametrize("notice", [
    "We charge $0.50 per alert; Message and data rates may apply.",
    "Message and data rates may apply, and we may also bill a monthly alert fee of $2.",
    "Des frais de 0,50 € par SMS vous seront facturés ; des frais de SMS peuvent s'appliquer.",
    "Wir berechnen 0,50 € pro SMS; es können Gebühren für SMS und Daten anfallen.",
])
def test_a_charge_beside_the_carrier_notice_is_material(notice: str) -> None:
    assert not is_carrier_notice(notice)
    new = BASE.replace("when you sign in from a new device.\n", f"when you sign in from a new device.\n{notice}\n")
    assert analyse(BASE, new).material


# --- examples in brackets: abbreviated markers and open lists -------------------------------------
@pytest.mark.parametrize("before, after", [
    ("Vous pouvez renoncer à votre droit de rétractation pour un service commencé ;",
     "Vous pouvez renoncer à votre droit de rétractation pour un service commencé (ex : montage d’un meuble) ;"),
    ("Les frais de retour sont à votre charge (p. ex. colis volumineux).",
     "Les frais de retour sont à votre charge (p. ex. colis volumineux ou palette)."),
    ("Nous conservons un identifiant (carte d’identité, passeport, plaque d’immatriculation, Kbis…).",
     "Nous conservons un identifiant (carte d’identité, passeport, Kbis…)."),
    ("Tarnwick keeps a copy of an ID document (passport, driving licence, residence permit, etc.) for 30 days.",
     "Tarnwick keeps a copy of an ID document (passport, residence permit, etc.) for 30 days."),
    ("Wir speichern eine Ausweiskopie (Personalausweis, Reisepass usw.) für 30 Tage.",
     "Wir speichern eine Ausweiskopie (Personalausweis, Reisepass, Führerschein usw.) für 30 Tage."),
    ("Sie können Ihre Bestellung widerrufen (bspw. per E-Mail).",
     "Sie können Ihre Bestellung widerrufen (bspw. per E-Mail oder Brief)."),
])
def test_examples_in_brackets_changed_are_not_material(before: str, after: str) -> None:
    label = label_change("modified", before, after)
    assert not label.material, label.explanation


@pytest.mark.parametrize("before, after", [
    # a closed list in brackets is the whole scope, not examples
    ("Tarnwick keeps a copy of an ID document (passport or driving licence) for 30 days.",
     "Tarnwick keeps a copy of an ID document (passport) for 30 days."),
    ("Nous conservons une copie de votre pièce d’identité (passeport ou permis de conduire).",
     "Nous conservons une copie de votre pièce d’identité (passeport, permis de conduire ou titre de séjour)."),
    # the open list's period changed beside it
    ("Tarnwick keeps a copy of an ID document (passport, residence permit, etc.) for 30 days.",
     "Tarnwick keeps a copy of an ID document (passport, residence permit, etc.) for 3 years."),
])
def test_a_closed_list_or_a_term_beside_the_examples_stays_material(before: str, after: str) -> None:
    assert label_change("modified", before, after).material


# --- a section number with letters before it ("A.1", "S-2.1", "B2.3") renumbered ----------------
_RENUMBER_TAIL = "\n\nYou pay the fees shown at checkout. Plans renew each month.\n"


@pytest.mark.parametrize("before, after", [
    ("1.1 Fees and Renewal.", "S-2.1 Fees and Renewal."),
    ("1.1 Fees and Renewal.", "A.1 Fees and Renewal."),
    ("A.1 Fees and Renewal.", "B2.3 Fees and Renewal."),
    ("1.1 You pay the fees shown at checkout.", "S-2.1 You pay the fees shown at checkout."),
    ("3.2 Frais et renouvellement.", "C-3.2 Frais et renouvellement."),
    ("3.2 Gebühren und Verlängerung.", "B.3.2 Gebühren und Verlängerung."),
])
def test_a_lettered_section_number_renumbered_is_not_material(before: str, after: str) -> None:
    result = analyse("# Orbly Terms\n\n" + before + _RENUMBER_TAIL, "# Orbly Terms\n\n" + after + _RENUMBER_TAIL)
    assert not result.material, result.summary
    assert "numbering" in result.summary, result.summary


def test_a_plan_name_changed_inside_a_sentence_stays_material() -> None:
    result = analyse("# Orbly Terms\n\nPlan S-2 costs 5 EUR a month." + _RENUMBER_TAIL,
                     "# Orbly Terms\n\nPlan S-3 costs 5 EUR a month." + _RENUMBER_TAIL)
    assert result.material, result.summary
