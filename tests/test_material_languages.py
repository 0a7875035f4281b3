"""False alarms by kind in French and German terms, on invented documents of fictional services,
each next to the material change it must not be confused with.

The kinds were found by reading the changes the tracker called material in real French and German
histories: characters mangled by a wrong encoding, the informal and the formal "you", a stray word
fixed, phone lines and e-mail routes, tables of translations, italic titles, and a capture
extracted again with other spaces. Whole documents go through ``analyse``.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.boilerplate import is_address_run, is_language_row
from tracker.analysis.novelty import same_person

CGV = """\
# Conditions générales de vente de Brumeline

Dernière mise à jour : 2 février 2026

## 1. Commandes

Le montant de votre commande sera débité au moment de l’expédition des produits.
A ce titre, Brumeline se réserve le droit de suspendre le compte client en cas de fraude.
Vous pouvez résilier votre abonnement à tout moment depuis votre espace client.
Si vous résidez dans un État membre de l'UE, vous pouvez contacter Brumeline pour toute question relative au RGPD.

| Option | Prix |
| --- | --- |
| Livraison express | **Entre 5€ et 9€** |

## 2. Service client

Vous pouvez joindre le service client :

- depuis la France au 01 23 45 67 89 (numéro gratuit) ;
- depuis la Belgique au 0800 12 345 (numéro gratuit) ;

Pour exercer vos droits, écrivez à Brumeline, 3 rue des Lilas, 75011 Paris en indiquant vos nom et prénom.

_CONDITIONS PARTICULIÈRES DES CARTES CADEAUX (France métropolitaine uniquement)_

Les cartes cadeaux sont valables 12 mois à compter de leur achat.
"""

AGB = """\
# Allgemeine Geschäftsbedingungen von Wolkenfink

## 1. Kündigung

Sie können Ihr Abonnement jederzeit in Ihrem Konto kündigen.
Wenn Sie Fragen haben, können Sie sich an unseren Kundendienst wenden.

## 2. Kontakt

Unser Kundendienst ist erreichbar:

- aus Deutschland unter 0800 123 4567 (kostenlos);
- aus Österreich unter 0800 765 4321 (kostenlos);

## 3. Datenschutz

Wir speichern Ihre Daten für 3 Jahre nach dem Ende Ihres Abonnements.
"""


def material(old: str, new: str, *edits: tuple[str, str]) -> bool:
    for a, b in edits:
        assert a in new, a
        new = new.replace(a, b)
    return analyse(old, new).material


# --- characters mangled by a wrong encoding --------------------------------------------------------
@pytest.mark.parametrize("edit", [
    ("de l’expédition", "de léexpédition"),  # a typographic apostrophe read as "é"
    ("Entre 5€ et", "Entre 5é et"),  # a euro sign read as "é"
])
def test_a_character_mangled_by_an_encoding_is_not_material(edit):
    assert not material(CGV, CGV, edit)
    assert not material(CGV.replace(*edit), CGV)  # nor is its repair


def test_a_changed_price_beside_the_mangled_sign_stays_material():
    assert material(CGV, CGV, ("Entre 5€ et", "Entre 7€ et"))
    assert material(CGV, CGV, ("Entre 5€ et", "Entre 7é et"))


# --- the informal and the formal "you" -------------------------------------------------------------
def test_switching_from_vous_to_tu_is_not_material():
    assert not material(CGV, CGV, (
        "Si vous résidez dans un État membre de l'UE, vous pouvez contacter",
        "Si tu résides dans un État membre de l’UE, tu peux contacter"))
    assert not material(CGV, CGV, ("Vous pouvez résilier votre abonnement à tout moment depuis votre espace",
                                   "Tu peux résilier ton abonnement à tout moment depuis ton espace"))


def test_switching_from_sie_to_du_is_not_material():
    assert not material(AGB, AGB, ("Sie können Ihr Abonnement jederzeit in Ihrem Konto kündigen.",
                                   "Du kannst dein Abonnement jederzeit in deinem Konto kündigen."))


def test_a_right_taken_away_while_switching_to_tu_stays_material():
    assert material(CGV, CGV, ("Vous pouvez résilier votre abonnement à tout moment",
                               "Tu ne peux pas résilier ton abonnement à tout moment"))
    assert material(AGB, AGB, ("Sie können Ihr Abonnement jederzeit in Ihrem Konto kündigen.",
                               "Du kannst dein Abonnement nur zum Ende der Laufzeit kündigen."))


def test_same_person_pairs_the_two_registers_only():
    assert same_person("vous", "tu") and same_person("pouvez", "peux") and same_person("ihr", "dein")
    assert not same_person("vous", "nous") and not same_person("votre", "notre")


# --- a stray word fixed ---------------------------------------------------------------------------
def test_a_stray_function_word_added_or_fixed_is_not_material():
    assert not material(CGV, CGV, ("A ce titre, Brumeline", "A ce te titre, Brumeline"))
    assert not material(CGV.replace("A ce titre, Brumeline", "A ce te titre, Brumeline"), CGV)


def test_a_changed_power_in_the_same_sentence_stays_material():
    assert material(CGV, CGV, ("suspendre le compte client", "supprimer le compte client"))


# --- phone lines and e-mail routes ------------------------------------------------------------------
@pytest.mark.parametrize("old,new,edit", [
    (CGV, CGV, ("- depuis la Belgique au 0800 12 345 (numéro gratuit) ;\n", "")),
    (CGV, CGV, ("- depuis la Belgique au 0800 12 345 (numéro gratuit) ;\n",
                "- depuis la Belgique au 0800 12 345 (numéro gratuit) ;\n- depuis la Suisse au 0800 00 22 13 "
                "(numéro gratuit) ;\n")),
    (CGV, CGV, ("75011 Paris en indiquant", "75011 Paris, ou par e-mail à l'adresse suivante : dpo@brumeline.example, "
                                            "en indiquant")),
    (AGB, AGB, ("- aus Österreich unter 0800 765 4321 (kostenlos);\n", "")),
])
def test_a_phone_line_or_an_e_mail_route_is_contact_details(old, new, edit):
    assert not material(old, new, edit)


def test_a_deadline_given_with_a_phone_number_stays_material():
    assert material(CGV, CGV, ("- depuis la Belgique au 0800 12 345 (numéro gratuit) ;\n",
                               "- depuis la Belgique au 0800 12 345 (numéro gratuit) ;\n\nPour vous rétracter, vous devez appeler "
                               "le 01 98 76 54 32 dans un délai de 14 jours suivant votre commande.\n"))


def test_an_address_run_needs_route_words_around_the_number():
    assert is_address_run("depuis la suisse au qqphoneqq numéro gratuit".split())
    assert is_address_run("ou par e mail à l adresse suivante qqemailqq".split())
    assert not is_address_run("pour résilier appeler le qqphoneqq dans un délai de 14 jours".split())


# --- a table of translations -------------------------------------------------------------------------
PRIVACY = """\
# Politique de confidentialité de Brumeline

Nous partageons vos données avec les prestataires suivants.

| Prestataire | Politique | Désinscription |
| --- | --- | --- |
| Nuagerie SAS | [Politique](https://nuagerie.example/privacy) | [Désinscription](https://nuagerie.example/optout) |

Cette politique existe dans d'autres langues :

| Langue | Politique | Cookies |
| --- | --- | --- |
| Deutsch | [Datenschutz](https://brumeline.example/de/privacy) | [Cookies](https://brumeline.example/de/cookies) |
"""


def test_a_new_language_in_a_table_of_translations_is_not_material():
    row = "| Deutsch | [Datenschutz](https://brumeline.example/de/privacy) | [Cookies](https://brumeline.example/de/cookies) |"
    added = row + "\n| Filipino | [Patakaran](https://brumeline.example/tl/privacy) | [Cookies](https://brumeline.example/tl/cookies) |"
    assert not material(PRIVACY, PRIVACY, (row, added))
    assert is_language_row("| English (Middle East) | [Privacy](https://x.example/en) | [Cookies](https://x.example/en/c) |")


def test_a_new_processor_in_a_table_of_links_stays_material():
    row = "| Nuagerie SAS | [Politique](https://nuagerie.example/privacy) | [Désinscription](https://nuagerie.example/optout) |"
    added = row + "\n| Pubelio Ltd | [Politique](https://pubelio.example/privacy) | [Désinscription](https://pubelio.example/optout) |"
    assert material(PRIVACY, PRIVACY, (row, added))
    assert not is_language_row(row)


# --- italic titles ------------------------------------------------------------------------------------
def test_a_renamed_italic_title_is_not_material():
    assert not material(CGV, CGV, ("_CONDITIONS PARTICULIÈRES DES CARTES CADEAUX (France métropolitaine uniquement)_",
                                   "_CONDITIONS GÉNÉRALES DE PRÉCOMMANDE (France métropolitaine uniquement)_"))


def test_an_italic_sentence_with_a_changed_term_stays_material():
    old = CGV.replace("Les cartes cadeaux sont valables 12 mois", "_Les cartes cadeaux sont valables 12 mois")
    old = old.replace("à compter de leur achat.", "à compter de leur achat_")
    assert material(old, old, ("valables 12 mois", "valables 6 mois"))


# --- a capture extracted again with other spaces --------------------------------------------------------
def _glued(text: str) -> str:
    """The text as a bad capture gives it: the words of the long lines glued together."""
    return "\n".join(line.replace(" ", "") if len(line) > 60 else line for line in text.split("\n"))


def test_the_same_text_with_its_words_unglued_is_not_material():
    analysis = analyse(_glued(CGV), CGV)
    assert analysis.changes and not analysis.material
    assert "spacing" in analysis.summary


def test_an_unglued_capture_with_a_changed_term_stays_material():
    assert material(_glued(CGV), CGV, ("valables 12 mois", "valables 6 mois"))


def test_a_country_line_dropped_from_a_list_of_phone_numbers_is_contact_details():
    # (lines held in one clause by HTML breaks, as some captures give them)
    lines = ("Par téléphone :<br>depuis la France au 01 23 45 67 89 (numéro gratuit) ;<br>depuis la Suisse au "
             "0800 00 22 13 (numéro gratuit) ;<br>depuis la Belgique au 0800 12 345 (numéro gratuit).\n")
    old = CGV.replace("Vous pouvez joindre le service client :\n", lines)
    assert not material(old, old, ("depuis la Suisse au 0800 00 22 13 (numéro gratuit) ;<br>", ""))
    assert material(old, old, ("depuis la Suisse au 0800 00 22 13 (numéro gratuit) ;<br>",
                               "vous devez nous appeler dans les 14 jours pour annuler une commande ;<br>"))


# --- a pointer to another page --------------------------------------------------------------------------
@pytest.mark.parametrize("pointer", [
    "En savoir plus sur notre page dédiée à la livraison en [cliquant ici](https://brumeline.example/livraison).",
    "Vous trouverez le détail des frais de port sur notre [page d'aide](https://brumeline.example/aide).",
])
def test_a_new_pointer_to_another_page_is_not_material(pointer):
    assert not material(CGV, CGV, ("depuis votre espace client.", f"depuis votre espace client.\n\n{pointer}"))


def test_a_term_beside_a_french_pointer_stays_material():
    assert material(CGV, CGV, ("depuis votre espace client.",
                               "depuis votre espace client.\n\nEn savoir plus sur notre page d'aide. Des frais de "
                               "résiliation de 10 € vous seront facturés."))


# --- the same letters spaced otherwise ---------------------------------------------------------------------
def test_letters_spaced_out_by_a_capture_are_not_material():
    assert not material(CGV, CGV, ("suspendre le compte client", "suspendre  le  c ompte  cli ent"))
    assert material(CGV, CGV, ("suspendre le compte client", "supprimer  le  c ompte  cli ent"))


@pytest.mark.parametrize("duty", [
    "Votre demande doit être signée et accompagnée de la copie d'une pièce d'identité.",
    "Les réclamations doivent obligatoirement parvenir à Brumeline dans un délai raisonnable.",
    "Ihr Antrag muss schriftlich bei Wolkenfink eingereicht werden.",
])
def test_a_passive_duty_removed_is_material(duty):
    old = CGV.replace("Vous pouvez résilier votre abonnement", duty + "\nVous pouvez résilier votre abonnement")
    assert analyse(old, CGV).material
