"""Probe each KIND of false alarm (issue 11) with fresh invented variants, not the dev set's words.

Rules written from the dev set's false alarms have fixed the examples' words rather than their
kind, and failed to carry over to unseen pairs. This file holds, for each kind of change that is
not material (and, beside them, a few material controls of the same shape), at least six invented
pairs of old/new terms of fictional services, in varied wording, clause shapes and lengths, two of
them in French or German. It runs the real analysis behind ``tracker compare``
(``tracker.analysis.analyse``) on every pair and prints, per kind, right/total and each wrong case
with the summary the tracker gave.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/kind_probes.py [--kind NAME] [--verbose]

``tests/test_kind_probes.py`` runs the same cases as tests. Exit status 0 always (a probe, not a
gate); ``--strict`` exits 1 when a case is wrong.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


@dataclass(frozen=True)
class Case:
    """One invented pair: ``old`` -> ``new`` should be ``material`` (or not)."""

    kind: str
    name: str
    old: str
    new: str
    material: bool


def sub(text: str, old: str, new: str, count: int = -1) -> str:
    """``text`` with ``old`` replaced by ``new``; raises ValueError when ``old`` is absent (a probe
    whose edit does not apply would test nothing)."""
    if old not in text:
        raise ValueError(f"probe edit not found: {old[:60]!r}")
    return text.replace(old, new, count)


# --- base documents (fictional services) -------------------------------------------------------
LUMORA = """\
# Lumora Terms of Service

Last updated: 3 February 2026

## 1. Who we are

These Terms govern your use of Lumora, an image generation service operated by Lumora Labs Ltd ("Lumora", "we", "us").
By creating an account you agree to these Terms.

## 2. Accounts

You must be at least 16 years old to use Lumora.
You are responsible for keeping your password secret and for all activity under your account.

## 3. Credits and payment

Images are paid for with credits. A pack of 500 credits costs €9.
Unused credits expire 12 months after purchase.
We do not refund credits except where the law requires it.

## 4. Your content

You keep the rights in the prompts you submit and in the images you generate.
You grant Lumora a licence to host and display your images to provide the service.

## 5. Acceptable use

You must not use Lumora to create sexual images of real people, to harass anyone or to infringe the rights of others.
We may remove content that breaks these rules.

## 6. Termination

You may close your account at any time from your settings.
We may suspend or close your account if you seriously breach these Terms, after giving you notice where we can.

## 7. Liability

Lumora is provided "as is". To the extent permitted by law, our total liability to you is limited to the amount you paid us in the 12 months before the claim.

## 8. Governing law

These Terms are governed by the laws of England and Wales, and the courts of London have exclusive jurisdiction.

## 9. Contact

Lumora Labs Ltd, 14 Wharf Street, Bristol BS1 4RN, United Kingdom.
Email: legal@lumora.example
"""

PARCEL = """\
# Parcelwick Privacy Policy

Effective date: January 12, 2026

Parcelwick Inc. ("Parcelwick") runs a parcel delivery app. This policy explains what personal data we collect and why.

## What we collect

- Your name, phone number and delivery addresses.
- The location of your phone while a delivery is on its way, if you allow it.
- Payment details, which are processed by our payment provider.

## How we use your data

We use your data to deliver your parcels, to send you delivery updates and to prevent fraud.
We do not sell your personal data.

## Sharing

We share your address and phone number with the courier who delivers your parcel.
We share payment details only with our payment provider.

## Retention

We keep delivery records for 24 months and then delete them.
Location data is deleted 30 days after the delivery.

## Your rights

You can ask for a copy of your data, ask us to correct it or ask us to delete it.
You can complain to your local data protection authority.

## Contact us

Parcelwick Inc., 220 Cedar Avenue, Suite 400, Portland, OR 97204.
Privacy questions: privacy@parcelwick.example
"""

BRINDLE = """\
# Brindle Cloud Customer Agreement

Version 4.2 - last revised 1 March 2026

1. Services

1.1 Brindle Cloud provides virtual servers, object storage and managed databases (the "Services").

1.2 Customer may use the Services only for its internal business purposes.

2. Fees

2.1 Customer shall pay the fees listed on the Pricing Page, monthly in arrears.

2.2 Late payments bear interest at 1.5% per month.

2.3 Brindle Cloud may change its fees on 30 days' written notice.

3. Service levels

3.1 Brindle Cloud will use commercially reasonable efforts to make the Services available 99.9% of the time in each month.

3.2 Service credits, as described in Section 3.3, are Customer's sole remedy for unavailability.

3.3 If availability falls below the target, Customer may claim a credit of 10% of the monthly fee.

4. Data

4.1 Customer owns Customer Data. Brindle Cloud will process Customer Data only to provide the Services.

4.2 Brindle Cloud will delete Customer Data within 60 days after termination.

5. Term and termination

5.1 This Agreement continues until terminated by either party on 30 days' notice.

5.2 Either party may terminate immediately if the other party materially breaches this Agreement and fails to cure within 15 days.

6. Limitation of liability

6.1 Neither party is liable for indirect or consequential damages.

6.2 Each party's aggregate liability is capped at the fees paid in the 12 months before the claim.

7. General

7.1 This Agreement is governed by the laws of the State of Delaware.

7.2 Notices must be sent to legal@brindle.example.
"""

QUOKKA = """\
# Quokkanote Cookie Policy

Updated on 5 May 2025

Quokkanote uses cookies and similar technologies on quokkanote.example. This policy explains which cookies we use and how you can control them.

## Strictly necessary cookies

These cookies are needed for the site to work and cannot be switched off.

| Cookie | Purpose | Expiry |
| --- | --- | --- |
| qn_session | Keeps you signed in | Session |
| qn_csrf | Protects forms against forgery | 1 day |

## Analytics cookies

With your consent, we use analytics cookies to understand how visitors use the site.

| Cookie | Provider | Expiry |
| --- | --- | --- |
| _pulse_id | Pulsemetrics | 1 year |
| _pulse_seen | Pulsemetrics | 30 minutes |

## Managing cookies

You can change your choices at any time in the cookie settings at the bottom of every page.
You can also block cookies in your browser settings, but some parts of the site may then stop working.
"""

VENTOLINE = """\
# Conditions générales d'utilisation de Ventoline

Dernière mise à jour : 4 mars 2026

## Article 1 - Objet

Les présentes conditions régissent l'utilisation de l'application Ventoline, éditée par Ventoline SAS.

## Article 2 - Inscription

L'utilisateur doit avoir au moins 15 ans pour créer un compte.
L'utilisateur est responsable de la confidentialité de son mot de passe.

## Article 3 - Abonnement et prix

L'abonnement Premium coûte 4,99 € par mois.
L'abonnement est renouvelé automatiquement chaque mois, sauf résiliation avant la date de renouvellement.

## Article 4 - Données personnelles

Ventoline conserve les données du compte pendant 3 ans après la dernière connexion.
Les données ne sont jamais vendues à des tiers.

## Article 5 - Résiliation

L'utilisateur peut résilier son abonnement à tout moment depuis son espace personnel.
Ventoline peut suspendre un compte en cas de manquement grave aux présentes conditions.

## Article 6 - Droit applicable

Les présentes conditions sont soumises au droit français. Tout litige relève des tribunaux de Lyon.

## Article 7 - Contact

Ventoline SAS, 18 rue des Tanneurs, 69002 Lyon, France.
Courriel : contact@ventoline.example
"""

KNUSPER = """\
# Nutzungsbedingungen von Knusperfeld

Stand: 1. April 2026

## § 1 Geltungsbereich

Diese Nutzungsbedingungen gelten für die Nutzung der Plattform Knusperfeld der Knusperfeld GmbH.

## § 2 Registrierung

Für die Nutzung ist eine Registrierung erforderlich. Nutzer müssen mindestens 16 Jahre alt sein.
Die Zugangsdaten sind geheim zu halten.

## § 3 Preise und Zahlung

Das Basis-Abo kostet 6,90 € pro Monat.
Die Zahlung erfolgt monatlich im Voraus per Lastschrift oder Kreditkarte.

## § 4 Datenschutz

Wir speichern Bestelldaten für 10 Jahre, soweit gesetzliche Aufbewahrungspflichten bestehen.
Wir geben personenbezogene Daten nicht an Dritte zu Werbezwecken weiter.

## § 5 Kündigung

Nutzer können das Abo jederzeit zum Ende des laufenden Monats kündigen.
Knusperfeld kann das Konto bei schweren Verstößen ohne Frist sperren.

## § 6 Haftung

Knusperfeld haftet unbeschränkt bei Vorsatz und grober Fahrlässigkeit.

## § 7 Schlussbestimmungen

Es gilt deutsches Recht. Gerichtsstand ist Hamburg.

## § 8 Kontakt

Knusperfeld GmbH, Elbchaussee 42, 22763 Hamburg.
E-Mail: hallo@knusperfeld.example
"""


def _announcements() -> list[tuple[str, str, str, bool]]:
    k = "announcement"
    return [
        (k, LUMORA, sub(LUMORA, "# Lumora Terms of Service\n", "# Lumora Terms of Service\n\n"
                        "**Heads up:** we've refreshed these Terms. The new version is below; nothing you need to do.\n"), False),
        (k, PARCEL, sub(PARCEL, "Effective date: January 12, 2026\n", "Effective date: January 12, 2026\n\n"
                        "What's new in this version: we reorganised the sections and explained more clearly how long we keep delivery records.\n"), False),
        (k, BRINDLE, sub(BRINDLE, "Version 4.2 - last revised 1 March 2026\n", "Version 4.2 - last revised 1 March 2026\n\n"
                         "This version of the Agreement comes into force on 1 April 2026 for existing customers and immediately for new customers.\n"), False),
        (k, QUOKKA, sub(QUOKKA, "## Managing cookies\n", "If you keep browsing Quokkanote after this date, you agree to the revised Cookie Policy.\n\n## Managing cookies\n"), False),
        (k, VENTOLINE, sub(VENTOLINE, "Dernière mise à jour : 4 mars 2026\n", "Dernière mise à jour : 4 mars 2026\n\n"
                           "Nous avons mis à jour nos conditions générales. Consultez le [résumé des modifications](https://ventoline.example/cgu/changements).\n"), False),
        (k, KNUSPER, sub(KNUSPER, "Stand: 1. April 2026\n", "Stand: 1. April 2026\n\n"
                         "Hinweis: Ab dem 1. Mai 2026 gelten [neue Nutzungsbedingungen](https://knusperfeld.example/agb-neu). Bitte lesen Sie diese aufmerksam.\n"), False),
        # control: a real rule about how changes take effect
        (k + "/control", LUMORA, sub(LUMORA, "By creating an account you agree to these Terms.\n",
                                     "By creating an account you agree to these Terms.\n"
                                     "We may change these Terms at any time without notice, and your continued use means you accept the changes.\n"), True),
    ]


def _fragments() -> list[tuple[str, str, str, bool]]:
    k = "fragment"
    return [
        (k, LUMORA, sub(LUMORA, "# Lumora Terms of Service\n", "[Lumora](https://lumora.example/) / [Legal](https://lumora.example/legal) / Terms of Service\n\n# Lumora Terms of Service\n"), False),
        (k, PARCEL, sub(PARCEL, "## What we collect\n", "On this page\n\n- [What we collect](#collect)\n- [How we use your data](#use)\n- [Sharing](#sharing)\n- [Retention](#retention)\n\n## What we collect\n"), False),
        (k, BRINDLE, sub(BRINDLE, "6. Limitation of liability\n", "6. Liability caps and exclusions\n"), False),
        (k, QUOKKA, sub(QUOKKA, "## Managing cookies\n", "Related documents\n\nPrivacy Notice\n\nTerms of Use\n\n## Managing cookies\n"), False),
        (k, VENTOLINE, sub(VENTOLINE, "## Article 5 - Résiliation\n", "## Article 5 - Résiliation et suspension du compte\n"), False),
        (k, KNUSPER, sub(KNUSPER, "## § 6 Haftung\n", "Inhaltsverzeichnis\n\nSeite drucken\n\n## § 6 Haftung\n"), False),
        (k, LUMORA, sub(LUMORA, "## 7. Liability\n", "## 7. Liability\n\nImportant limitation.\n"), False),
    ]


def _regrouped() -> list[tuple[str, str, str, bool]]:
    k = "regrouped"
    return [
        (k, LUMORA, sub(LUMORA, "You must be at least 16 years old to use Lumora.\nYou are responsible",
                        "You must be at least 16 years old to use Lumora. You are responsible"), False),
        (k, PARCEL, sub(PARCEL, "We keep delivery records for 24 months and then delete them.",
                        "We keep delivery records for 24 months.\n\nAfter that, we delete them."), False),
        (k, BRINDLE, sub(BRINDLE, "2.3 Brindle Cloud may change its fees on 30 days' written notice.",
                         "2.3 Brindle Cloud may change its fees. It will give 30 days' written notice."), False),
        (k, LUMORA, sub(LUMORA, "We may remove content that breaks these rules.\n\n## 6.",
                        "We may remove content that breaks these rules.<br>You may close your account at any time from your settings.\n\n## 6.").replace(
                            "\nYou may close your account at any time from your settings.\nWe may suspend", "\nWe may suspend"), False),
        (k, VENTOLINE, sub(VENTOLINE, "L'utilisateur doit avoir au moins 15 ans pour créer un compte.\nL'utilisateur est responsable",
                           "L'utilisateur doit avoir au moins 15 ans pour créer un compte.L'utilisateur est responsable"), False),
        (k, KNUSPER, sub(KNUSPER, "Die Zahlung erfolgt monatlich im Voraus per Lastschrift oder Kreditkarte.",
                         "Die Zahlung erfolgt monatlich im Voraus.\nSie ist per Lastschrift oder Kreditkarte möglich."), False),
        (k, PARCEL, sub(PARCEL, "We use your data to deliver your parcels, to send you delivery updates and to prevent fraud.",
                        "We use your data:\n\n- to deliver your parcels;\n- to send you delivery updates; and\n- to prevent fraud."), False),
        (k, QUOKKA, sub(QUOKKA, "| Cookie | Provider | Expiry |\n| --- | --- | --- |\n| _pulse_id | Pulsemetrics | 1 year |\n| _pulse_seen | Pulsemetrics | 30 minutes |",
                        "- _pulse_id: Pulsemetrics, 1 year\n- _pulse_seen: Pulsemetrics, 30 minutes"), False),
        (k + "/control", PARCEL, sub(PARCEL, "We keep delivery records for 24 months and then delete them.",
                                     "We keep delivery records for 36 months.\n\nAfter that, we delete them."), True),
    ]


def _renamed() -> list[tuple[str, str, str, bool]]:
    k = "renamed"
    return [
        (k, LUMORA, LUMORA.replace("Lumora", "Pixelfern").replace("lumora", "pixelfern"), False),
        (k, PARCEL, PARCEL.replace("privacy@parcelwick.example", "privacy@parcelwick-app.example"), False),
        (k, BRINDLE, BRINDLE.replace("Customer Data", "Client Content").replace("Customer", "Client"), False),
        (k, LUMORA, sub(LUMORA, "an image generation service", "an AI image studio"), False),
        (k, VENTOLINE, VENTOLINE.replace("L'abonnement Premium", "L'abonnement Ventoline Plus"), False),
        (k, KNUSPER, KNUSPER.replace("Knusperfeld GmbH", "Knusperfeld Digital GmbH"), False),
        (k + "/control", BRINDLE, sub(BRINDLE, "7.1 This Agreement is governed by the laws of the State of Delaware.",
                                      "7.1 This Agreement is governed by the laws of the State of New York."), True),
    ]


def _live_numbers() -> list[tuple[str, str, str, bool]]:
    k = "live-number"
    return [
        (k, LUMORA + "\n* 1,204 images generated today\n* Status: all systems normal\n",
         LUMORA + "\n* 1,377 images generated today\n* Status: all systems normal\n", False),
        (k, sub(PARCEL, "Effective date: January 12, 2026", "Effective date: January 12, 2026 (updated 3 days ago)"),
         sub(PARCEL, "Effective date: January 12, 2026", "Effective date: January 12, 2026 (updated 5 days ago)"), False),
        (k, BRINDLE, sub(BRINDLE, "Version 4.2 - last revised 1 March 2026", "Version 4.3 - last revised 14 April 2026"), False),
        (k, QUOKKA, sub(QUOKKA, "Updated on 5 May 2025", "Reviewed: 2026-01-09"), False),
        (k, VENTOLINE, sub(VENTOLINE, "Dernière mise à jour : 4 mars 2026", "Version en vigueur au 12/06/2026"), False),
        (k, KNUSPER + "\nAktuell 3.412 Mitglieder online\n", KNUSPER + "\nAktuell 3.958 Mitglieder online\n", False),
        (k, LUMORA + "\nRelated: Community forum - 58 posts - last reply 2 hours ago\n",
         LUMORA + "\nRelated: Community forum - 61 posts - last reply 9 minutes ago\n", False),
        (k + "/control", LUMORA, sub(LUMORA, "A pack of 500 credits costs €9.", "A pack of 500 credits costs €12."), True),
    ]


def _contact() -> list[tuple[str, str, str, bool]]:
    k = "contact"
    return [
        (k, LUMORA, sub(LUMORA, "Lumora Labs Ltd, 14 Wharf Street, Bristol BS1 4RN, United Kingdom.\n", ""), False),
        (k, PARCEL, sub(PARCEL, "Parcelwick Inc., 220 Cedar Avenue, Suite 400, Portland, OR 97204.",
                        "Parcelwick Inc., 1 Harbor Plaza, Floor 12, Seattle, WA 98101."), False),
        (k, BRINDLE, sub(BRINDLE, "7.2 Notices must be sent to legal@brindle.example.",
                         "7.2 Notices must be sent to Brindle Cloud Legal, 9 Foundry Row, Wilmington, DE 19801."), False),
        (k, QUOKKA, sub(QUOKKA, "You can also block cookies",
                        "Questions? Call us on +44 20 7946 0321 or use our [contact form](https://quokkanote.example/contact).\n"
                        "You can also block cookies"), False),
        (k, VENTOLINE, sub(VENTOLINE, "Courriel : contact@ventoline.example", "Formulaire : https://ventoline.example/contact"), False),
        (k, KNUSPER, sub(KNUSPER, "Knusperfeld GmbH, Elbchaussee 42, 22763 Hamburg.", "Telefon: +49 40 1234567"), False),
    ]


def _reordered() -> list[tuple[str, str, str, bool]]:
    k = "reordered"

    def swap(text: str, a: str, b: str, end: str) -> str:
        """``text`` with the section starting at ``a`` and the one starting at ``b`` (ending at
        ``end``) swapped."""
        i, j, e = text.index(a), text.index(b), text.index(end)
        return text[:i] + text[j:e] + text[i:j] + text[e:]

    return [
        (k, LUMORA, swap(LUMORA, "## 4. Your content", "## 5. Acceptable use", "## 6. Termination"), False),
        (k, PARCEL, swap(PARCEL, "## Sharing", "## Retention", "## Your rights"), False),
        (k, BRINDLE, swap(BRINDLE, "4. Data\n", "5. Term and termination\n", "6. Limitation"), False),
        (k, QUOKKA, swap(QUOKKA, "## Strictly necessary", "## Analytics cookies", "## Managing"), False),
        (k, VENTOLINE, swap(VENTOLINE, "## Article 4", "## Article 5", "## Article 6"), False),
        (k, KNUSPER, swap(KNUSPER, "## § 4", "## § 5", "## § 6"), False),
    ]


def _renumbered() -> list[tuple[str, str, str, bool]]:
    k = "renumbered"
    return [
        (k, LUMORA, LUMORA.replace("## 7. Liability", "## 8. Liability").replace("## 8. Governing", "## 9. Governing")
         .replace("## 9. Contact", "## 10. Contact"), False),
        (k, BRINDLE, BRINDLE.replace("3.2 Service credits, as described in Section 3.3", "3.2 Service credits, as described in Section 3.4")
         .replace("3.3 If availability", "3.4 If availability"), False),
        (k, BRINDLE, BRINDLE.replace("\n2.1 ", "\n(a) ").replace("\n2.2 ", "\n(b) ").replace("\n2.3 ", "\n(c) "), False),
        (k, PARCEL, sub(PARCEL, "## Retention", "## 4. Retention").replace("## Your rights", "## 5. Your rights"), False),
        (k, VENTOLINE, VENTOLINE.replace("## Article 6 - Droit", "## Article 7 - Droit").replace("## Article 7 - Contact", "## Article 8 - Contact"), False),
        (k, KNUSPER, KNUSPER.replace("## § 7 Schluss", "## § 8 Schluss").replace("## § 8 Kontakt", "## § 9 Kontakt"), False),
    ]


def _typography() -> list[tuple[str, str, str, bool]]:
    k = "typography"
    return [
        (k, LUMORA, LUMORA.replace('"', "“", 1).replace('"', "”", 1).replace("'", "’"), False),
        (k, BRINDLE, BRINDLE.replace(" - last revised", " – last revised").replace("30 days' ", "30 days’ "), False),
        (k, PARCEL, PARCEL.replace("24 months", "24\u00a0months").replace("30 days", "30\u00a0days"), False),
        (k, QUOKKA, QUOKKA.replace("switched off.", "switched off…").replace("your choices", "your ‘choices’"), False),
        (k, VENTOLINE, VENTOLINE.replace(" : ", "\u00a0: ").replace("4,99 €", "4,99\u00a0€").replace("l'", "l’"), False),
        (k, KNUSPER, KNUSPER.replace("Basis-Abo", "Basis‑Abo").replace("E-Mail", "E‑Mail"), False),
    ]


def _spelling() -> list[tuple[str, str, str, bool]]:
    k = "spelling"
    return [
        (k, LUMORA, LUMORA.replace("licence", "license"), False),
        (k, sub(PARCEL, "to prevent fraud.", "to prevent fraud and to analyse how the app is used, in a way that minimises the data we need."),
         sub(PARCEL, "to prevent fraud.", "to prevent fraud and to analyze how the app is used, in a way that minimizes the data we need."), False),
        (k, BRINDLE, BRINDLE.replace("commercially reasonable efforts", "commercially-reasonable efforts"), False),
        (k, sub(QUOKKA, "how visitors use the site.", "how visitors use the site and to optimize its behavior."),
         sub(QUOKKA, "how visitors use the site.", "how visitors use the site and to optimise its behaviour."), False),
        (k, sub(VENTOLINE, "Tout litige", "En cas d'événement de force majeure, aucune partie n'est responsable. Tout litige"),
         sub(VENTOLINE, "Tout litige", "En cas d'évènement de force majeure, aucune partie n'est responsable. Tout litige"), False),
        (k, sub(KNUSPER, "Die Zugangsdaten sind geheim zu halten.", "Nutzer versichern, daß die Zugangsdaten geheim gehalten werden."),
         sub(KNUSPER, "Die Zugangsdaten sind geheim zu halten.", "Nutzer versichern, dass die Zugangsdaten geheim gehalten werden."), False),
    ]


def _email_word() -> list[tuple[str, str, str, bool]]:
    k = "e-mail"
    return [
        (k, LUMORA, LUMORA.replace("Email:", "E-mail:"), False),
        (k, sub(PARCEL, "to send you delivery updates", "to send you delivery updates by e-mail"),
         sub(PARCEL, "to send you delivery updates", "to send you delivery updates by email"), False),
        (k, sub(BRINDLE, "7.2 Notices must be sent to legal@brindle.example.", "7.2 Notices must be sent by E-Mail to legal@brindle.example."),
         sub(BRINDLE, "7.2 Notices must be sent to legal@brindle.example.", "7.2 Notices must be sent by email to legal@brindle.example."), False),
        (k, sub(QUOKKA, "You can change your choices", "We may send you an e-mail reminder.\nYou can change your choices"),
         sub(QUOKKA, "You can change your choices", "We may send you an email reminder.\nYou can change your choices"), False),
        (k, VENTOLINE, VENTOLINE.replace("Courriel :", "E-mail :"), False),
        (k, KNUSPER, KNUSPER.replace("E-Mail:", "Email:"), False),
    ]


def _capitals() -> list[tuple[str, str, str, bool]]:
    k = "capitalisation"
    return [
        (k, LUMORA, LUMORA.replace("these Terms", "these terms"), False),
        (k, BRINDLE, BRINDLE.replace("the Services", "the services").replace("Customer Data", "customer data"), False),
        (k, PARCEL, PARCEL.replace("personal data", "Personal Data"), False),
        (k, LUMORA, sub(LUMORA, "Lumora is provided \"as is\". To the extent permitted by law, our total liability",
                        "LUMORA IS PROVIDED \"AS IS\". TO THE EXTENT PERMITTED BY LAW, OUR TOTAL LIABILITY"), False),
        (k, VENTOLINE, VENTOLINE.replace("L'utilisateur", "L'Utilisateur").replace("présentes conditions", "présentes Conditions"), False),
        (k, KNUSPER, KNUSPER.replace("Nutzungsbedingungen gelten", "NUTZUNGSBEDINGUNGEN gelten"), False),
    ]


def _moved() -> list[tuple[str, str, str, bool]]:
    k = "moved"

    def move(text: str, sentence: str, before: str) -> str:
        """``text`` with the line ``sentence`` moved to just before ``before``."""
        return sub(sub(text, sentence + "\n", ""), before, sentence + "\n\n" + before, 1)

    return [
        (k, LUMORA, move(LUMORA, "We do not refund credits except where the law requires it.", "## 6. Termination"), False),
        (k, PARCEL, move(PARCEL, "We do not sell your personal data.", "## Your rights"), False),
        (k, BRINDLE, move(BRINDLE, "2.3 Brindle Cloud may change its fees on 30 days' written notice.", "7. General"), False),
        (k, QUOKKA, move(QUOKKA, "You can also block cookies in your browser settings, but some parts of the site may then stop working.",
                         "## Strictly necessary cookies"), False),
        (k, VENTOLINE, move(VENTOLINE, "Les données ne sont jamais vendues à des tiers.", "## Article 7"), False),
        (k, KNUSPER, move(KNUSPER, "Die Zugangsdaten sind geheim zu halten.", "## § 8 Kontakt"), False),
    ]


def _cookie_expiry() -> list[tuple[str, str, str, bool]]:
    k = "cookie-expiry"
    return [
        (k, QUOKKA, sub(QUOKKA, "| _pulse_id | Pulsemetrics | 1 year |", "| _pulse_id | Pulsemetrics | 365 days |"), False),
        (k, QUOKKA, sub(QUOKKA, "| qn_csrf | Protects forms against forgery | 1 day |", "| qn_csrf | Protects forms against forgery | 24 hours |"), False),
        (k, QUOKKA, sub(QUOKKA, "| _pulse_seen | Pulsemetrics | 30 minutes |", "| _pulse_seen | Pulsemetrics | 0.5 hours |"), False),
        (k, sub(QUOKKA, "| qn_session | Keeps you signed in | Session |", "| qn_session | Keeps you signed in | 2 weeks |"),
         sub(QUOKKA, "| qn_session | Keeps you signed in | Session |", "| qn_session | Keeps you signed in | 14 days |"), False),
        (k, VENTOLINE + "\n| Cookie | Finalité | Durée |\n| --- | --- | --- |\n| vt_mesure | Mesure d'audience | 13 mois |\n",
         VENTOLINE + "\n| Cookie | Finalité | Durée |\n| --- | --- | --- |\n| vt_mesure | Mesure d'audience | 395 jours |\n", False),
        (k, KNUSPER + "\n| Cookie | Zweck | Speicherdauer |\n| --- | --- | --- |\n| kf_stat | Statistik | 1 Jahr |\n",
         KNUSPER + "\n| Cookie | Zweck | Speicherdauer |\n| --- | --- | --- |\n| kf_stat | Statistik | 12 Monate |\n", False),
        (k + "/control", QUOKKA, sub(QUOKKA, "| _pulse_id | Pulsemetrics | 1 year |", "| _pulse_id | Pulsemetrics | 2 years |"), True),
    ]


def _footnotes() -> list[tuple[str, str, str, bool]]:
    k = "footnote"
    return [
        (k, LUMORA, sub(LUMORA, "expire 12 months after purchase.", "expire 12 months after purchase.[1]"), False),
        (k, PARCEL, sub(PARCEL, "which are processed by our payment provider.", "which are processed by our payment provider.*"), False),
        (k, BRINDLE, sub(BRINDLE, "99.9% of the time in each month.", "99.9%² of the time in each month."), False),
        (k, sub(QUOKKA, "cannot be switched off.", "cannot be switched off.(1)"), sub(QUOKKA, "cannot be switched off.", "cannot be switched off.(2)"), False),
        (k, VENTOLINE, sub(VENTOLINE, "pendant 3 ans après la dernière connexion.", "pendant 3 ans après la dernière connexion¹."), False),
        (k, KNUSPER, sub(KNUSPER, "soweit gesetzliche Aufbewahrungspflichten bestehen.", "soweit gesetzliche Aufbewahrungspflichten bestehen.[^2]"), False),
    ]


def _list_conjunction() -> list[tuple[str, str, str, bool]]:
    k = "list-reflow"
    return [
        (k, PARCEL, sub(PARCEL, "- The location of your phone while a delivery is on its way, if you allow it.\n- Payment details",
                        "- The location of your phone while a delivery is on its way, if you allow it; and\n- Payment details"), False),
        (k, sub(LUMORA, "to harass anyone or to infringe the rights of others.", "to harass anyone, or to infringe the rights of others."),
         sub(LUMORA, "to harass anyone or to infringe the rights of others.", "to harass anyone,\n- or to infringe the rights of others."), False),
        (k, BRINDLE, sub(BRINDLE, "virtual servers, object storage and managed databases", "virtual servers, object storage, and managed databases"), False),
        (k, sub(PARCEL, "We use your data to deliver your parcels, to send you delivery updates and to prevent fraud.",
                "We use your data:\n- to deliver your parcels\n- to send you delivery updates\n- to prevent fraud"),
         sub(PARCEL, "We use your data to deliver your parcels, to send you delivery updates and to prevent fraud.",
             "We use your data:\n- to deliver your parcels,\n- to send you delivery updates, and\n- to prevent fraud."), False),
        (k, sub(VENTOLINE, "Les données ne sont jamais vendues à des tiers.", "Nous utilisons vos données pour :\n- gérer votre compte\n- envoyer les factures"),
         sub(VENTOLINE, "Les données ne sont jamais vendues à des tiers.", "Nous utilisons vos données pour :\n- gérer votre compte ;\n- et envoyer les factures."), False),
        (k, sub(KNUSPER, "per Lastschrift oder Kreditkarte.", "per:\n- Lastschrift\n- Kreditkarte"),
         sub(KNUSPER, "per Lastschrift oder Kreditkarte.", "per:\n- Lastschrift oder\n- Kreditkarte."), False),
        (k + "/control", PARCEL, sub(PARCEL, "- Payment details, which are processed by our payment provider.",
                                     "- Payment details, which are processed by our payment provider.\n- Your contacts list, to suggest recipients."), True),
    ]


def _minimum_age() -> list[tuple[str, str, str, bool]]:
    k = "minimum-age"
    return [
        (k, LUMORA, sub(LUMORA, "You must be at least 16 years old to use Lumora.", "You must be aged 16 or over to use Lumora."), False),
        (k, LUMORA, sub(LUMORA, "You must be at least 16 years old to use Lumora.", "You must be over the age of 16 to use Lumora."), False),
        (k, sub(LUMORA, "You must be at least 16 years old to use Lumora.", "You must be 16 years of age or older to use Lumora."),
         sub(LUMORA, "You must be at least 16 years old to use Lumora.", "You must be at least 16 years old to use Lumora."), False),
        (k, sub(PARCEL, "This policy explains", "You must be over 18 to create an account. This policy explains"),
         sub(PARCEL, "This policy explains", "You must be 18 or older to create an account. This policy explains"), False),
        (k, VENTOLINE, sub(VENTOLINE, "L'utilisateur doit avoir au moins 15 ans pour créer un compte.", "L'utilisateur doit avoir 15 ans ou plus pour créer un compte."), False),
        (k, KNUSPER, sub(KNUSPER, "Nutzer müssen mindestens 16 Jahre alt sein.", "Nutzer müssen 16 Jahre oder älter sein."), False),
        (k + "/control", LUMORA, sub(LUMORA, "You must be at least 16 years old to use Lumora.", "You must be at least 18 years old to use Lumora."), True),
    ]


def _harder() -> list[tuple[str, str, str, bool]]:
    """Second-round variants of the kinds above, in messier shapes (boxes, lists, tables, pages
    with widgets), each listed under its kind."""
    return [
        ("announcement", LUMORA, sub(LUMORA, "## 1. Who we are\n", "## Summary of changes\n\n- We now explain more clearly how credits expire.\n"
                                     "- We added examples of content that is not allowed.\n- We updated our address.\n\n## 1. Who we are\n"), False),
        ("announcement", BRINDLE, sub(BRINDLE, "Version 4.2 - last revised 1 March 2026\n", "Version 4.2 - last revised 1 March 2026\n\n"
                                      "Our Customer Agreement is changing on 1 June 2026. [Read the new Agreement](https://brindle.example/agreement-2026) "
                                      "or [compare the versions](https://brindle.example/agreement-diff).\n"), False),
        ("announcement", KNUSPER, sub(KNUSPER, "## § 1 Geltungsbereich\n", "Was hat sich geändert? Wir haben die Abschnitte zur Kündigung verständlicher formuliert.\n\n"
                                      "## § 1 Geltungsbereich\n"), False),
        ("fragment", PARCEL, PARCEL + "\nWas this page helpful?\n\nYes\n\nNo\n\nShare: [X](https://x.example) [LinkedIn](https://li.example)\n", False),
        ("fragment", BRINDLE, sub(BRINDLE, "1. Services\n", "Download as PDF (312 KB)\n\n1. Services\n"), False),
        ("fragment", VENTOLINE, sub(VENTOLINE, "## Article 1 - Objet\n", "Sommaire\n\nArticle 1 - Objet\n\nArticle 2 - Inscription\n\nArticle 3 - Abonnement et prix\n\n"
                                    "## Article 1 - Objet\n"), False),
        ("regrouped", BRINDLE, sub(BRINDLE, "2.1 Customer shall pay the fees listed on the Pricing Page, monthly in arrears.\n\n2.2 Late payments bear interest at 1.5% per month.",
                                   "2.1 Customer shall pay the fees listed on the Pricing Page, monthly in arrears. 2.2 Late payments bear interest at 1.5% per month."), False),
        ("regrouped", VENTOLINE, sub(VENTOLINE, "L'abonnement Premium coûte 4,99 € par mois.\nL'abonnement est renouvelé automatiquement chaque mois, sauf résiliation avant la date de renouvellement.",
                                     "L'abonnement Premium coûte 4,99 € par mois et il est renouvelé automatiquement chaque mois, sauf résiliation avant la date de renouvellement."), False),
        ("regrouped", LUMORA, sub(LUMORA, "You must not use Lumora to create sexual images of real people, to harass anyone or to infringe the rights of others.",
                                  "You must not use Lumora to:\n\n* create sexual images of real people;\n* harass anyone; or\n* infringe the rights of others."), False),
        ("renamed", PARCEL, PARCEL.replace("Parcelwick Inc.", "Parcelwick, Inc."), False),
        ("renamed", LUMORA, LUMORA.replace("the service", "the Lumora Platform").replace("use Lumora", "use the Lumora Platform"), False),
        ("renamed", BRINDLE, BRINDLE.replace("Pricing Page", "Rate Card"), False),
        ("live-number", LUMORA + "\n© 2025 Lumora Labs Ltd. All rights reserved.\n", LUMORA + "\n© 2026 Lumora Labs Ltd. All rights reserved.\n", False),
        ("live-number", PARCEL + "\nRated 4.7 out of 5 from 18,204 reviews\n", PARCEL + "\nRated 4.6 out of 5 from 19,877 reviews\n", False),
        ("live-number", sub(BRINDLE, "Version 4.2 - last revised 1 March 2026", "Version 4.2 - last revised 1 March 2026 - 14 min read"),
         sub(BRINDLE, "Version 4.2 - last revised 1 March 2026", "Version 4.2 - last revised 1 March 2026 - 16 min read"), False),
        ("contact", LUMORA, sub(LUMORA, "Email: legal@lumora.example", "Email: legal@lumora.example\nPhone: +44 117 496 0123 (Mon-Fri, 9am-5pm)"), False),
        ("contact", PARCEL, sub(PARCEL, "Privacy questions: privacy@parcelwick.example", "Privacy questions: write to our Data Protection Officer at dpo@parcelwick.example"), False),
        ("contact", VENTOLINE, sub(VENTOLINE, "Ventoline SAS, 18 rue des Tanneurs, 69002 Lyon, France.", "Ventoline SAS, 3 place Bellecour, 69002 Lyon, France (RCS Lyon 912 345 678)."), False),
        ("renumbered", sub(LUMORA, "## 2. Accounts\n", "## 2. Accounts\n\nSee also Section 6 for how accounts are closed.\n"),
         sub(LUMORA, "## 2. Accounts\n", "## 2. Accounts\n\nSee also Section 7 for how accounts are closed.\n"), False),
        ("renumbered", BRINDLE, BRINDLE.replace("\n5.1 ", "\n5.1. ").replace("\n5.2 ", "\n5.2. "), False),
        ("typography", LUMORA, LUMORA.replace("Ltd,", "Ltd.,").replace(" - ", " — "), False),
        ("typography", PARCEL, PARCEL.replace("- Your name", "* Your name").replace("- The location", "* The location").replace("- Payment", "* Payment"), False),
        ("spelling", BRINDLE, BRINDLE.replace("in arrears", "in arears"), False),
        ("moved", PARCEL, sub(sub(PARCEL, "## Sharing\n\nWe share your address and phone number with the courier who delivers your parcel.\n"
                                  "We share payment details only with our payment provider.\n\n", ""),
                              "## Contact us", "## Sharing\n\nWe share your address and phone number with the courier who delivers your parcel.\n"
                              "We share payment details only with our payment provider.\n\n## Contact us"), False),
        ("moved", LUMORA, sub(sub(LUMORA, "We may remove content that breaks these rules.\n", ""), "You grant Lumora a licence",
                              "We may remove content that breaks these rules.\nYou grant Lumora a licence"), False),
        ("list-reflow", QUOKKA, sub(QUOKKA, "You can change your choices at any time in the cookie settings at the bottom of every page.\n"
                                    "You can also block cookies in your browser settings, but some parts of the site may then stop working.",
                                    "You can:\n- change your choices at any time in the cookie settings at the bottom of every page; or\n"
                                    "- block cookies in your browser settings, but some parts of the site may then stop working."), False),
        ("cookie-expiry", sub(QUOKKA, "| qn_csrf | Protects forms against forgery | 1 day |", "| qn_csrf | Protects forms against forgery | 6 months |"),
         sub(QUOKKA, "| qn_csrf | Protects forms against forgery | 1 day |", "| qn_csrf | Protects forms against forgery | 180 days |"), False),
        ("footnote", BRINDLE + "\n[1] Excluding planned maintenance.\n", sub(BRINDLE, "in each month.", "in each month.[1]") + "\n[1] Excluding planned maintenance.\n", False),
        ("live-number", LUMORA, sub(LUMORA, "Last updated: 3 February 2026", "This page was last edited on 12 March 2026, at 10:14."), False),
        ("live-number", KNUSPER, sub(KNUSPER, "Stand: 1. April 2026", "Gültig ab 01.05.2026"), False),
        ("live-number", VENTOLINE, sub(VENTOLINE, "Dernière mise à jour : 4 mars 2026", "Modifié le 2 mai 2026 - Publié le 1er janvier 2024"), False),
        ("live-number", PARCEL, sub(PARCEL, "Effective date: January 12, 2026", "Published: Jan 2026 · Updated: Mar 2026 · Document ID LGL-2291"), False),
        ("renumbered", sub(VENTOLINE, "## Article 7 - Contact\n", "## Article 7 - Contact\n\nPour résilier, voir l'article 5.\n"),
         sub(VENTOLINE, "## Article 7 - Contact\n", "## Article 7 - Contact\n\nPour résilier, voir l'article 6.\n"), False),
        ("renumbered", sub(KNUSPER, "Die Zugangsdaten sind geheim zu halten.", "Die Zugangsdaten sind geheim zu halten. Für die Sperrung gilt § 5 Abs. 2."),
         sub(KNUSPER, "Die Zugangsdaten sind geheim zu halten.", "Die Zugangsdaten sind geheim zu halten. Für die Sperrung gilt § 6 Abs. 2."), False),
        ("reordered", PARCEL, sub(PARCEL, "- Your name, phone number and delivery addresses.\n- The location of your phone while a delivery is on its way, if you allow it.\n",
                                  "- The location of your phone while a delivery is on its way, if you allow it.\n- Your name, phone number and delivery addresses.\n"), False),
        ("reordered", BRINDLE, sub(BRINDLE, "virtual servers, object storage and managed databases", "managed databases, virtual servers and object storage"), False),
        ("typography", BRINDLE, BRINDLE.replace('(the "Services")', "(the “Services”)").replace("and managed", "& managed"), False),
        ("capitalisation", LUMORA, LUMORA.replace("## 5. Acceptable use", "## 5. ACCEPTABLE USE").replace("## 7. Liability", "## 7. LIABILITY"), False),
        ("renamed", QUOKKA, QUOKKA.replace("quokkanote.example", "app.quokkanote.example").replace("Pulsemetrics", "Pulsemetrics Analytics"), False),
        ("contact", sub(KNUSPER, "E-Mail: hallo@knusperfeld.example", "Fragen? Schreiben Sie uns an hallo@knusperfeld.example."),
         sub(KNUSPER, "E-Mail: hallo@knusperfeld.example", "Fragen? Nutzen Sie unser [Kontaktformular](https://knusperfeld.example/kontakt)."), False),
        ("regrouped", KNUSPER, sub(KNUSPER, "Das Basis-Abo kostet 6,90 € pro Monat.\n", "| Abo | Preis |\n| --- | --- |\n| Basis | 6,90 € pro Monat |\n"), False),
        ("regrouped", PARCEL, sub(PARCEL, "You can ask for a copy of your data, ask us to correct it or ask us to delete it.\n",
                                  "You can ask for a copy of your data.\nYou can ask us to correct it.\nYou can ask us to delete it.\n"), False),
        ("regrouped/control", PARCEL, sub(PARCEL, "You can ask for a copy of your data, ask us to correct it or ask us to delete it.\n",
                                          "You can ask for a copy of your data.\nYou can ask us to correct it.\n"), True),
    ]


def _restated() -> list[tuple[str, str, str, bool]]:
    """Text still in the other version, only regrouped or restated (issue 11): a sentence moved
    into another clause, paragraphs merged or split, a list turned into a sentence, a definition
    moved into a definitions section, other function words; and controls where the same words
    say something else (a "not" moved, two periods swapped, the parties swapped, a placeholder
    filled with a term's value)."""
    k = "restated"
    return [
        (k, LUMORA, sub(LUMORA, "Images are paid for with credits. A pack of 500 credits costs €9.\nUnused credits expire 12 months after purchase.",
                        "Images are paid for with credits, and unused credits expire 12 months after purchase. A pack of 500 credits costs €9."), False),
        (k, PARCEL, sub(PARCEL, "to prevent fraud.\nWe do not sell your personal data.", "to prevent fraud, and we do not sell your personal data."), False),
        (k, QUOKKA, sub(QUOKKA, "These cookies are needed for the site to work and cannot be switched off.",
                        "These cookies are needed for the site to work, and they can't be switched off."), False),
        (k, BRINDLE, sub(sub(BRINDLE, 'provides virtual servers, object storage and managed databases (the "Services").', "provides the Services."),
                         "1. Services\n", '## Definitions\n\n"Services" means virtual servers, object storage and managed databases.\n\n1. Services\n'), False),
        (k, LUMORA, sub(sub(LUMORA, 'operated by Lumora Labs Ltd ("Lumora", "we", "us").', "operated by Lumora Labs Ltd."), "## 1. Who we are\n",
                        '## Definitions\n\n"Lumora", "we" and "us" mean Lumora Labs Ltd.\n\n## 1. Who we are\n'), False),
        (k, LUMORA, sub(LUMORA, 'To the extent permitted by law, our total liability to you is limited to the amount you paid us in the 12 months before the claim.',
                        "To the extent permitted by law, our total liability to you is limited.\nThe limit is the amount you paid us in the 12 months before the claim."), False),
        (k, VENTOLINE, sub(VENTOLINE, "L'abonnement Premium coûte 4,99 € par mois.\nL'abonnement est renouvelé automatiquement chaque mois, sauf résiliation avant la date de renouvellement.",
                           "L'abonnement Premium, renouvelé automatiquement chaque mois sauf résiliation avant la date de renouvellement, coûte 4,99 € par mois."), False),
        (k, VENTOLINE, sub(VENTOLINE, "L'utilisateur doit avoir au moins 15 ans pour créer un compte.\nL'utilisateur est responsable de la confidentialité de son mot de passe.",
                           "L'utilisateur :\n- doit avoir au moins 15 ans pour créer un compte ;\n- est responsable de la confidentialité de son mot de passe."), False),
        (k, KNUSPER, sub(KNUSPER, "Für die Nutzung ist eine Registrierung erforderlich. Nutzer müssen mindestens 16 Jahre alt sein.\nDie Zugangsdaten sind geheim zu halten.",
                         "Für die Nutzung ist eine Registrierung erforderlich; Nutzer müssen mindestens 16 Jahre alt sein, und die Zugangsdaten sind geheim zu halten."), False),
        (k, KNUSPER, sub(KNUSPER, "Wir geben personenbezogene Daten nicht an Dritte zu Werbezwecken weiter.",
                         "Personenbezogene Daten geben wir nicht an Dritte zu Werbezwecken weiter."), False),
        # a template variable rendered to the text it stands for
        (k, sub(PARCEL, 'Parcelwick Inc. ("Parcelwick") runs', '{{company}} ("Parcelwick") runs'), PARCEL, False),
        (k, sub(KNUSPER, "der Plattform Knusperfeld der", "der Plattform {{ platform_name }} der"), KNUSPER, False),
        (k + "/control", LUMORA, sub(LUMORA, "We do not refund credits except where the law requires it.",
                                     "We refund credits except where the law does not require it."), True),
        (k + "/control", PARCEL, sub(PARCEL, "We keep delivery records for 24 months and then delete them.\nLocation data is deleted 30 days after the delivery.",
                                     "We keep delivery records for 30 days and then delete them.\nLocation data is deleted 24 months after the delivery."), True),
        (k + "/control", LUMORA, sub(LUMORA, "You may close your account at any time from your settings.\nWe may suspend or close your account",
                                     "We may close your account at any time from your settings.\nYou may suspend or close your account"), True),
        (k + "/control", QUOKKA, sub(QUOKKA, "With your consent, we use analytics cookies", "Without your consent, we use analytics cookies"), True),
        (k + "/control", sub(LUMORA, "Unused credits expire 12 months after purchase.", "Unused credits expire XX months after purchase."), LUMORA, True),
        (k + "/control", sub(BRINDLE, "on 30 days' written notice", "on [number] days' written notice"), BRINDLE, True),
        (k + "/control", sub(KNUSPER, "Gerichtsstand ist Hamburg.", "Gerichtsstand ist [Ort]."), KNUSPER, True),
        (k + "/control", BRINDLE, sub(sub(BRINDLE, 'provides virtual servers, object storage and managed databases (the "Services").', "provides the Services."),
                                      "1. Services\n", '## Definitions\n\n"Services" means virtual servers and object storage.\n\n1. Services\n'), True),
    ]


KINDS = {
    "announcement": _announcements, "fragment": _fragments, "regrouped": _regrouped, "renamed": _renamed,
    "live-number": _live_numbers, "contact": _contact, "reordered": _reordered, "renumbered": _renumbered,
    "typography": _typography, "spelling": _spelling, "e-mail": _email_word, "capitalisation": _capitals,
    "moved": _moved, "cookie-expiry": _cookie_expiry, "footnote": _footnotes, "list-reflow": _list_conjunction,
    "minimum-age": _minimum_age, "restated": _restated, "harder": _harder,
}


def cases(kind: str | None = None) -> list[Case]:
    """Every probe case (of ``kind`` only when given), each named ``kind-N``.

    Raises KeyError for an unknown ``kind``, ValueError when a probe's edit does not apply."""
    out = []
    for name, make in KINDS.items():
        if kind and name != kind:
            continue
        for n, (k, old, new, flag) in enumerate(make(), 1):
            if old == new:
                raise ValueError(f"probe {name}-{n} changes nothing")
            out.append(Case(k, f"{name}-{n}", old, new, flag))
    if kind and not out:
        raise KeyError(kind)
    return out


def run(case: Case):
    """The tracker's analysis of ``case`` (what ``tracker compare`` prints)."""
    from tracker.analysis import analyse

    return analyse(case.old, case.new)


def _reason(result) -> str:
    material = [c for c in result.changes if c.material]
    parts = [result.summary]
    for c in material[:3]:
        parts.append(f"    [{c.kind}] {c.explanation} | before={(c.before or '')[:90]!r} after={(c.after or '')[:90]!r}")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", choices=sorted(KINDS), help="probe one kind only")
    parser.add_argument("--verbose", action="store_true", help="print every case, not only the wrong ones")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a case is wrong")
    args = parser.parse_args(argv)
    by_kind: dict[str, list[tuple[Case, bool, str]]] = {}
    for case in cases(args.kind):
        result = run(case)
        by_kind.setdefault(case.kind, []).append((case, result.material == case.material, _reason(result)))
    wrong_total = total = 0
    print(f"{'kind':28} right/total")
    for kind, rows in by_kind.items():
        right = sum(ok for _, ok, _ in rows)
        total += len(rows)
        wrong_total += len(rows) - right
        print(f"{kind:28} {right}/{len(rows)}")
    print(f"{'all':28} {total - wrong_total}/{total}")
    for kind, rows in by_kind.items():
        for case, ok, reason in rows:
            if ok and not args.verbose:
                continue
            print(f"\n{'ok' if ok else 'WRONG'} {case.name} (expected material={case.material}): {reason}")
    return 1 if args.strict and wrong_total else 0


if __name__ == "__main__":
    raise SystemExit(main())
