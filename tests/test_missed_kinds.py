"""Kinds of material change the tracker used to miss (issue 11, "Missed"), on invented terms.

Each test is a kind, written in words other than those of ``benchmarks/kind_probes_missed.py``
(which measures the same kinds on more variants): names put in or out of a list in a legal
clause, prices below a cent, German compounds and short German lines, the language of a short
sentence, the contracting party, the direction of a removed choice of law or court, and topic
words outside the former lexicons in English, French and German. Whole documents go through
``analyse``, as ``tracker compare`` does.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.classify import classify_sentence
from tracker.analysis.facts import extract_facts
from tracker.analysis.lexicons import language
from tracker.analysis.materiality import contract_party_change

FRAME = {
    "en": "# Brindle Terms\n\nLast updated: 2 May 2026\n\n## About\nBrindle is an online recipe box.\n\n{body}\n\n"
          "## Contact\nWrite to care@brindle.example.\n",
    "fr": "# Conditions de Brindle\n\nMise à jour : 2 mai 2026\n\n## À propos\nBrindle est une boîte de "
          "recettes en ligne.\n\n{body}\n\n## Contact\nÉcrivez à soin@brindle.example.\n",
    "de": "# Bedingungen von Brindle\n\nStand: 2. Mai 2026\n\n## Über uns\nBrindle ist eine Rezeptbox im "
          "Internet.\n\n{body}\n\n## Kontakt\nSchreiben Sie an hilfe@brindle.example.\n",
}


def run(lang: str, old: str, new: str):
    return analyse(FRAME[lang].format(body=old), FRAME[lang].format(body=new))


# --- a name put in or taken out of a list in a clause with a legal topic ------------------------
@pytest.mark.parametrize("lang,old,new,cat", [
    ("en", "## Plans\nBrindle Solo and Brindle Duo renew automatically every month.",
     "## Plans\nBrindle Solo, Brindle Duo and Brindle Family renew automatically every month.", "subscription"),
    ("en", "## Paying\nWe accept Visa, Mastercard and Amex.", "## Paying\nWe accept Visa and Mastercard.", "payment"),
    ("de", "## Bezahlung\nSie zahlen per Sofortüberweisung oder Vorkasse.",
     "## Bezahlung\nSie zahlen nur per Vorkasse.", "payment"),
])
def test_a_name_put_in_or_out_of_a_legal_list_is_material(lang: str, old: str, new: str, cat: str) -> None:
    result = run(lang, old, new)
    assert result.material, result.summary
    assert cat in result.categories, result.categories
    assert not any(c.cosmetic == "renamed" for c in result.changes)


def test_a_name_replaced_by_another_outside_a_list_stays_a_rename() -> None:
    """Control: the product renamed in a sentence with a legal topic, one name for one name."""
    old = "## Plans\nBrindle Solo renews automatically every month."
    new = "## Plans\nBrindle Single renews automatically every month."
    assert not run("en", old, new).material


def test_another_country_s_law_in_german_is_material() -> None:
    result = run("de", "## Recht\nEs gilt das Recht der Republik Österreich.",
                 "## Recht\nEs gilt das Recht des Königreichs der Niederlande.")
    assert result.material and "governing-law" in result.categories, (result.summary, result.categories)


# --- amounts ------------------------------------------------------------------------------------
def test_a_price_below_a_cent_that_changes_is_material() -> None:
    result = run("en", "## API\nEach image generated is billed at $0.015.", "## API\nEach image generated is billed at $0.025.")
    assert result.material and "pricing" in result.categories, (result.summary, result.categories)


@pytest.mark.parametrize("text,value", [
    ("Chaque requête est facturée 0,0025 € HT.", "EUR 0.0025"),
    ("Pro Anfrage werden Ihnen 0,002 EUR berechnet, die wir monatlich abbuchen.", "EUR 0.002"),
    ("Each call is billed 0,002 EUR.", ""),  # (never "EUR 2.00": a decimal comma is no thousands)
    ("Das Paket kostet 1.499,00 €.", "EUR 1499.00"),
    ("The seat costs $12.", "USD 12.00"),
])
def test_amounts_keep_their_value(text: str, value: str) -> None:
    assert [f.value for f in extract_facts(text) if f.kind == "money"] == ([value] if value else [])


@pytest.mark.parametrize("lang,old,new,cat", [
    ("de", "## Preise\nDie Servicegebühr beträgt 3 % des Bestellwerts.",
     "## Preise\nDie Servicegebühr beträgt 4 % des Bestellwerts.", "pricing"),
    ("de", "## Gutscheine\nRestguthaben verfällt nicht.", "## Gutscheine\nRestguthaben verfällt nach 12 Monaten.",
     "refunds"),
    ("fr", "## Ventes\nLes vendeurs publient leurs annonces librement.",
     "## Ventes\nLes vendeurs publient leurs annonces librement. Nous retenons une commission de 9 % sur chaque "
     "vente.", "pricing"),
])
def test_short_german_and_french_money_lines_are_terms(lang: str, old: str, new: str, cat: str) -> None:
    result = run(lang, old, new)
    assert result.material and cat in result.categories, (result.summary, result.categories)


# --- the language of a short sentence ---------------------------------------------------------
@pytest.mark.parametrize("sentence,lang", [
    ("Restguthaben verfällt nach 12 Monaten.", "de"),
    ("Gebühren für Überweisungen fallen an.", "de"),
    ("Frais prélevés à la réception.", "fr"),
    ("Fees apply to café orders.", "en"),
])
def test_a_short_sentence_is_read_in_its_language(sentence: str, lang: str) -> None:
    from tracker.analysis.classify import normalize

    assert language(normalize(sentence)) == lang


# --- topics worded outside the former lexicons --------------------------------------------------
@pytest.mark.parametrize("sentence,cat", [
    ("Members must be 21 or older to join.", "eligibility"),
    ("Only companies registered in Canada may register.", "eligibility"),
    ("We will continue to offer the legacy editor.", "service-changes"),
    ("Earlier engines may be retired with short notice.", "service-changes"),
    ("Claims must be brought in the courts of Ghent.", "jurisdiction"),
    ("Subscribers may cancel by writing to us.", "subscription"),
    ("Messages from free accounts may be used for training.", "ai-training"),
    ("You will defend us from any claims arising from your recipes.", "indemnity"),
    ("Nous continuerons à fournir l'export PDF.", "service-changes"),
    ("Vous cédez à Brindle vos droits sur les recettes publiées.", "content-rights"),
    ("Nous enregistrons votre date de naissance et votre historique de commandes.", "privacy"),
    ("Wir geben Ihre Bestelldaten an Lieferpartner weiter.", "privacy"),
    ("Sie stellen Brindle von Ansprüchen Dritter frei.", "indemnity"),
    ("Die Nutzung ist ab 16 Jahren gestattet.", "eligibility"),
    ("Änderungen werden Ihnen per E-Mail mitgeteilt.", "terms-changes"),
    ("Die Versandkosten betragen 4,90 €.", "pricing"),
])
def test_topic_words_outside_the_old_lexicons(sentence: str, cat: str) -> None:
    assert cat in classify_sentence(sentence).categories, classify_sentence(sentence).categories


def test_use_as_acceptance_in_french_is_a_watch_out() -> None:
    result = run("fr", "## Acceptation\nVous acceptez les conditions lors de votre inscription.",
                 "## Acceptation\nLa simple navigation sur le site vaut acceptation des conditions.")
    assert result.material and "acceptance" in result.categories, (result.summary, result.categories)


# --- the contracting party ---------------------------------------------------------------------
def test_another_contracting_party_in_a_long_name_is_material() -> None:
    result = run("en", "## Who we are\nYour agreement for the recipe box is with Brindle Kitchens Ltd, Cork, Ireland.",
                 "## Who we are\nYour agreement for the recipe box is with Brindle Foods Holdings Inc., Wilmington, "
                 "Delaware.")
    assert result.material and "other" in result.categories, (result.summary, result.categories)


@pytest.mark.parametrize("old,new,changed", [
    ("The service is provided by Brindle Kitchens Ltd.", "The service is provided by Brindle Kitchens Limited.", False),
    ("The service is provided by Brindle Kitchens Ltd.", "The service is provided by Brindle Kitchens Ltd, Cork.", False),
    ("Le service est fourni par Brindle SAS.", "Le service est fourni par Marmite Europe SARL.", True),
    ("Vertragspartner ist die Brindle GmbH.", "Vertragspartner ist die Kochkiste AG.", True),
    ("We may share data with Brindle partners.", "We may share data with other partners.", False),
])
def test_contract_party_change(old: str, new: str, changed: bool) -> None:
    assert bool(contract_party_change(old, new)) is changed


# --- direction ----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang,law", [
    ("en", "## Governing law\nThe laws of Scotland govern these terms."),
    ("fr", "## Tribunaux\nLes tribunaux de Nantes sont compétents pour les litiges."),
    ("de", "## Recht\nEs gilt das Recht der Schweiz."),
])
def test_a_plain_choice_of_law_or_court_removed_is_not_good_news(lang: str, law: str) -> None:
    keep = {"en": "## Notices\nWe write to you by email.", "fr": "## Avis\nNous vous écrivons par e-mail.",
            "de": "## Hinweise\nWir schreiben Ihnen per E-Mail."}[lang]
    result = run(lang, f"{law}\n\n{keep}", keep)
    assert result.material, result.summary
    assert not any("good news" in c.explanation for c in result.changes), [c.explanation for c in result.changes]


def test_an_exclusive_forum_removed_is_still_good_news() -> None:
    law = "## Courts\nYou irrevocably submit to the exclusive jurisdiction of the courts of Tallinn."
    keep = "## Notices\nWe write to you by email."
    result = run("en", f"{law}\n\n{keep}", keep)
    assert result.material and any("good news" in c.explanation for c in result.changes), result.summary
