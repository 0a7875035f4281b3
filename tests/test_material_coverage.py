"""Missed kinds of issue 11, on invented terms of fictional services: a modal that changed force,
an item added to or dropped from a clause that says what is covered or excluded, and proof of
identity or biometrics collected (English, French, German).
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.classify import category_scores

HEADS = {
    "en": "# Quibbly Terms\n\nLast updated: 2 March 2026\n\nQuibbly is a messaging service run by Quibbly Ltd.\n\n",
    "fr": "# Conditions de Quibbly\n\nMise à jour : 2 mars 2026\n\nQuibbly est un service de messagerie "
          "édité par Quibbly SAS.\n\n",
    "de": "# Quibbly Nutzungsbedingungen\n\nStand: 02.03.2026\n\nQuibbly ist ein Nachrichtendienst der "
          "Quibbly GmbH.\n\n",
}
KEPT = {"en": "We store the messages you send for 30 days.",
        "fr": "Nous conservons vos messages pendant 30 jours.",
        "de": "Wir speichern Ihre Nachrichten 30 Tage lang."}


def lang(text: str) -> str:
    return "fr" if any(w in text for w in (" les ", " la ", " pas ", " d'", "Nous ")) else \
        "de" if any(w in text for w in ("Sie ", " wir ", " die ", " nicht ", " und ", " sind ")) else "en"


def run(old: str, new: str):
    head = HEADS[lang(new)]
    return analyse(head + old + "\n", head + new + "\n")


# --- a modal that changed force -----------------------------------------------------------------
@pytest.mark.parametrize("old, new, was, now", [
    ("We may ask you to confirm your phone number before you post.",
     "We will ask you to confirm your phone number before you post.", "may ask", "will ask"),
    ("Members can keep one archived channel.", "Members must keep one archived channel.", "can keep",
     "must keep"),
    ("Nous pouvons vous demander de faire vérifier votre compte Quibbly.",
     "Nous vous demanderons de faire vérifier votre compte Quibbly.", "pouvons", "demanderons"),
    ("Wir können Sie bitten, Ihr Quibbly-Konto bestätigen zu lassen.",
     "Wir werden Sie bitten, Ihr Quibbly-Konto bestätigen zu lassen.", "können", "werden"),
    ("We will send you a reminder before a call credit runs out.",
     "We may send you a reminder before a call credit runs out.", "will send", "may send"),
])
def test_a_modal_of_the_other_force_is_material_and_said_both_ways(old, new, was, now):
    result = run(old, new)
    assert result.material, result.summary
    assert now in result.summary and was in result.summary and "instead of" in result.summary, result.summary


@pytest.mark.parametrize("old, new", [
    ("Quibbly shall keep your settings.", "Quibbly will keep your settings."),  # one force
    ("You can export your contacts.", "You may export your contacts."),
    ("We may ask you to confirm your number.", "We may also ask you to confirm your number."),
])
def test_a_modal_of_the_same_force_is_not_a_shift(old, new):
    assert not run(old, new).material


# --- what a clause covers or excludes ---------------------------------------------------------
@pytest.mark.parametrize("old, new, item", [
    ("Call bundles also exclude premium and shared-cost numbers.",
     "Call bundles also exclude premium, maritime and shared-cost numbers.", "maritime"),
    ("The rules in this section apply only if you live in the EEA.",
     "The rules in this section apply only if you live in the EEA or Norway.", "Norway"),
    ("Les forfaits ne comprennent pas les numéros surtaxés.",
     "Les forfaits ne comprennent pas les numéros surtaxés et les numéros satellites.", "satellites"),
    ("Sondernummern sind von den Anrufpaketen ausgeschlossen.",
     "Sondernummern und Satellitennummern sind von den Anrufpaketen ausgeschlossen.", "Satellitennummern"),
    ("These Terms cover:\n\n* these apps: Quibbly, Quibbly Lite and Pebblr (collectively, the “Apps”); and\n"
     "* our website.",
     "These Terms cover:\n\n* these apps: Quibbly, Quibbly Lite, Pebblr and Zintra Maps (collectively, the “Apps”); and\n"
     "* our website.", "Zintra Maps"),
])
def test_an_item_added_to_what_a_clause_covers_is_material_and_named(old, new, item):
    result = run(old, new)
    assert result.material, result.summary
    assert item in result.summary, result.summary


@pytest.mark.parametrize("sentence", [
    "This does **not** include stickers or avatars uploaded by members to their profiles.",
    "Some newsletter elements are hosted by Ferrox Mailing GmbH on our behalf.",
    "This policy also applies to Quibbly Lite and its widgets.",
])
def test_a_new_sentence_on_what_is_covered_is_material_and_quoted(sentence):
    old = "We store the messages you send for 30 days."
    result = run(old, f"{old} {sentence}")
    assert result.material, result.summary
    assert sentence.replace("**", "")[:30] in result.summary, result.summary


def test_a_coverage_sentence_reworded_is_not_material():
    old = "Call bundles also exclude premium and shared-cost numbers."
    new = "Call bundles also exclude shared-cost and premium numbers."
    assert not run(old, new).material


# --- proof of identity and biometrics are personal data ----------------------------------------
@pytest.mark.parametrize("sentence", [
    "To confirm that it is really you, we ask for a scan of your government-issued ID.",
    "We check your identity with a selfie before you can send money.",
    "Vous devez masquer tout sauf votre nom sur votre pièce d'identité.",
    "La vérification d'identité sera effectuée manuellement pour les membres résidant au Japon.",
    "Wenn Sie die Funktion nutzen, erheben wir Gesichtsdaten, um Ihre Identität zu bestätigen.",
    "Für die Identitätsprüfung müssen Sie eine Kopie Ihres Personalausweises hochladen.",
])
def test_proof_of_identity_and_biometrics_are_privacy(sentence):
    assert "privacy" in category_scores(sentence)
    old = KEPT[lang(sentence)]
    result = run(old, f"{old}\n\n{sentence}")
    assert result.material and "privacy" in result.categories, result.summary


# --- personal details named one by one (German capitalises them: no names) -------------------
@pytest.mark.parametrize("old, new, item", [
    ("Wenn Sie ein Konto erstellen, erheben wir Ihren Namen und Ihre E-Mail-Adresse.",
     "Wenn Sie ein Konto erstellen, erheben wir Ihren Namen, Ihre Postanschrift und Ihre E-Mail-Adresse.",
     "Postanschrift"),
    ("Für Bestellungen speichern wir Ihren Namen und Ihre Lieferadresse.",
     "Für Bestellungen speichern wir Ihren Namen, Ihre Lieferadresse und Ihr Geburtsdatum.", "Geburtsdatum"),
    ("Ihr Name und Ihre Anschrift werden gespeichert, solange Ihr Konto besteht.",
     "Ihr Name, Ihre Telefonnummer und Ihre Anschrift werden gespeichert, solange Ihr Konto besteht.",
     "Telefonnummer"),
    ("When you sign up we collect your name and email address.",
     "When you sign up we collect your name, postal address and email address.", "postal address"),
])
def test_a_personal_detail_added_to_what_is_collected_is_privacy_and_named(old, new, item):
    result = run(old, new)
    assert result.material and "privacy" in result.categories, result.summary
    assert item in result.summary


@pytest.mark.parametrize("sentence", [
    "Wir speichern Ihre Bestellung für 30 Tage.",
    "Der Name des Dienstes lautet Quibbly.",
])
def test_german_sentences_without_personal_details_are_no_privacy(sentence):
    assert "privacy" not in category_scores(sentence)


def test_a_german_noun_after_its_article_is_no_name():
    old = "Wir bieten Ihnen Kurse und Webinare an."
    said = [c.explanation for c in run(old, "Wir bieten Ihnen Kurse, die Workshops und Webinare an.").changes]
    assert said and not any("Only names changed" in s for s in said), said
    # a brand written alone is still a name
    said = [c.explanation for c in run(old, "Wir bieten Ihnen Kurse, Quorra und Webinare an.").changes]
    assert any("Only names changed" in s for s in said), said


# --- a new partner that profiles visitors, added to a list of cookie partners -----------------
@pytest.mark.parametrize("kept, partner", [
    ("**Zintra :** Zintra nous permet de vous proposer des publicités personnalisées.",
     "**Plomko :** Plomko nous permet de vous proposer des produits susceptibles de vous intéresser."),
    ("**Zintra:** Zintra lets us show you interest-based ads.",
     "**Plomko:** Plomko lets us show you products that may interest you."),
])
def test_a_new_cookie_partner_that_picks_offers_for_you_is_privacy(kept, partner):
    old = f"## Cookies\n\n{kept}\n"
    result = run(old, f"{old}{partner}\n")
    assert result.material and "privacy" in result.categories, result.summary
    assert "Plomko" in result.summary, result.summary


# --- a whole section of rights repeated for another audience -----------------------------------
RIGHTS = """\
## Notice to EU residents

You can ask us to delete or correct the personal data that we hold about you.
We may keep your data as long as needed to prevent fraud on Quibbly.

## Contact

Write to privacy@quibbly.example.
"""


def test_rights_repeated_under_a_new_heading_reach_new_people():
    new = RIGHTS.replace("## Contact", "## Data deletion for residents of other countries\n\n"
                         "You can ask us to delete or correct the personal data that we hold about you.\n\n"
                         "## Contact")
    result = run(RIGHTS, new)
    assert result.material and "privacy" in result.categories, result.summary
    assert "residents of other countries" in result.summary, result.summary


def test_a_section_moved_under_a_new_heading_is_not_new():
    moved = RIGHTS.replace("## Notice to EU residents", "## Your rights in the EU")
    assert not run(RIGHTS, moved).material
    # the same passage copied under a heading the old version already had is no new reach
    again = RIGHTS + "\n## Notice to EU residents\n\nYou can ask us to delete or correct the personal data that we hold about you.\n"
    assert not run(RIGHTS, again).material


# --- another document made part of the terms ---------------------------------------------------
def test_a_document_added_to_the_links_of_an_incorporating_clause_is_material():
    old = ("Your use of Quibbly is subject to our additional rules, including the "
           "[Sticker Guidelines](https://quibbly.example/stickers).")
    new = old.replace("[Sticker Guidelines](https://quibbly.example/stickers)",
                      "[Sticker Guidelines](https://quibbly.example/stickers) and the "
                      "[Channel Moderation Standards](https://quibbly.example/channels)")
    result = run(old, new)
    assert result.material, result.summary
    assert "Channel Moderation Standards" in result.summary, result.summary


def test_a_link_renamed_in_a_pointer_stays_a_link():
    old = "Read more in our [help pages](https://quibbly.example/help)."
    new = "Read more in our [support centre](https://quibbly.example/support)."
    assert not run(old, new).material


# --- a table cell that now says something else, in words other rows already use ---------------
TABLE = """\
## What we share

| Category of data | Shared with |
| --- | --- |
| Contact details | Payment processors; advertising partners |
| Usage history | None |
"""


def test_a_table_cell_replaced_by_words_of_other_rows_is_material():
    new = TABLE.replace("| Usage history | None |", "| Usage history | Advertising partners |")
    result = run(TABLE, new)
    assert result.material and "privacy" in result.categories, result.summary
    assert "Advertising partners" in result.summary and "None" in result.summary, result.summary


def test_table_cells_swapped_between_rows_are_not_a_new_value():
    swapped = TABLE.replace("| Contact details | Payment processors; advertising partners |\n| Usage history | None |",
                            "| Usage history | None |\n| Contact details | Payment processors; advertising partners |")
    assert not run(TABLE, swapped).material


# --- personal data sold, rented or disclosed, in French (contact details named as such) ----------
@pytest.mark.parametrize("sentence", [
    "Nous pouvons vendre vos coordonnées à des partenaires commerciaux.",
    "Nous vendons vos coordonnées à des partenaires commerciaux.",
    "Nous pouvons communiquer vos coordonnées à des partenaires commerciaux.",
    "Nous pouvons louer vos coordonnées à des tiers.",
    "Vos renseignements personnels peuvent être loués à des annonceurs.",
])
def test_french_contact_details_sold_or_passed_on_are_privacy(sentence):
    result = run(KEPT["fr"], KEPT["fr"] + "\n\n" + sentence)
    assert result.material and "privacy" in result.categories, result.summary


def test_french_goods_or_non_personal_data_sold_are_no_privacy():
    result = run(KEPT["fr"], KEPT["fr"] + "\n\nNous vendons des vêtements et des données climatiques.")
    assert "privacy" not in result.categories, result.summary
