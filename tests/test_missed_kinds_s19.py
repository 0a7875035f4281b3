"""Kinds of material change the tracker missed (issue 11, session 19), on invented terms.

A changed period in a refund, credit, cancellation or payment clause whose wording the report
filter read as a past-tense statistic ("We refund unused credit within 14 days": "unused" is no
past tense); Spanish periods ("durante 2 años", "con treinta días de antelación"); and French and
German verbs of legal effect ("entraîne", "donne lieu à", "wird berechnet", "führt zu"). Whole
documents go through ``analyse``, as ``tracker compare`` does.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.boilerplate import has_verb, is_report
from tracker.analysis.classify import classify_text
from tracker.analysis.facts import extract_facts
from tracker.analysis.facts_eu import is_spanish, word_number
from tracker.analysis.novelty import words

FRAME = {
    "en": "# Pellory Terms\n\nLast updated: 9 May 2026\n\n## About\nPellory is an online recipe box.\n\n{body}\n\n"
          "## Contact\nWrite to desk@pellory.example.\n",
    "fr": "# Conditions de Pellory\n\nMise à jour : 9 mai 2026\n\n## À propos\nPellory est une boîte à "
          "recettes en ligne.\n\n{body}\n\n## Contact\nÉcrivez à bureau@pellory.example.\n",
    "de": "# Bedingungen von Pellory\n\nStand: 9. Mai 2026\n\n## Über uns\nPellory ist eine Rezeptbox im "
          "Internet.\n\n{body}\n\n## Kontakt\nSchreiben Sie an buero@pellory.example.\n",
    "es": "# Condiciones de Pellory\n\nÚltima actualización: 9 de mayo de 2026\n\n## Acerca de\nPellory es un "
          "recetario en línea.\n\n{body}\n\n## Contacto\nEscriba a oficina@pellory.example.\n",
}


def run(lang: str, old: str, new: str):
    return analyse(FRAME[lang].format(body=old), FRAME[lang].format(body=new))


# --- a changed period in a refund, credit, cancellation or payment clause ------------------------
@pytest.mark.parametrize("lang,text,cat", [
    ("en", "## Refunds\nWe refund unused credit within {} days.", "refunds"),
    ("en", "## Refunds\nWe refund the unused recipe credit to your card within {} days of cancellation.", "refunds"),
    ("en", "## Refunds\nCredits are refunded within {} days.", "refunds"),
    ("en", "## Refunds\nWe will issue a refund no later than {} days after your request.", "refunds"),
    ("en", "## Refunds\nWe reimburse unused vouchers within {} days.", "refunds"),
    ("en", "## Payment\nYou pay overdue invoices within {} days.", "payment"),
    ("en", "## Refunds\nUnused credit: refunded within {} days.", "refunds"),
    ("en", "## Cancellation\nYou forfeit unused credit {} days after cancellation.", "refunds"),
    ("es", "## Reembolsos\nEl crédito no utilizado se reembolsa en un plazo de {} días.", ""),
    ("de", "## Erstattung\nDie Rückerstattung erfolgt innerhalb von {} Tagen.", "refunds"),
    ("fr", "## Remboursement\nLe remboursement intervient sous {} jours.", "refunds"),
])
def test_a_changed_refund_or_payment_period_is_material_with_its_values(lang: str, text: str, cat: str) -> None:
    result = run(lang, text.format(14), text.format(30))
    assert result.material, result.summary
    assert not cat or cat in result.categories, result.categories  # (no Spanish category rules yet)
    explanation = " ".join(c.explanation for c in result.changes if c.material)
    assert "30" in explanation and "14" in explanation, explanation
    assert not explanation.startswith("Now reads"), explanation


def test_an_adjective_in_ed_is_no_past_tense_but_a_past_report_still_is() -> None:
    assert not is_report("We refund unused credit within 30 days.")
    assert not is_report("You forfeit the unpaid balance after 12 months.")
    assert is_report("In 2025 we received 1,200 requests for a refund.")
    assert is_report("Over 70% of those disputes succeeded.")


@pytest.mark.parametrize("old,new,wrong", [
    ("We will issue a refund no later than 14 days after your request.",
     "We will issue a refund no later than 30 days after your request.", "a now refund"),
    ("Approved refunds reach your account within 14 days.", "Approved refunds reach your account within 30 days.",
     "Approved now refunds"),
])
def test_the_noun_of_a_refund_is_not_its_verb(old: str, new: str, wrong: str) -> None:
    result = run("en", f"## Refunds\n{old}", f"## Refunds\n{new}")
    assert result.material, result.summary
    assert wrong not in result.summary, result.summary


def test_the_same_refund_period_reworded_is_no_change() -> None:
    result = run("en", "## Refunds\nWe refund unused credit within 14 days.",
                 "## Refunds\nWe refund unused credit within fourteen days.")
    assert not result.material, result.summary


# --- Spanish periods, ages and numbers in words -------------------------------------------------
@pytest.mark.parametrize("text,kind,value", [
    ("Sus recetas se conservarán durante 2 años.", "duration", "P2Y"),
    ("Le avisaremos de cualquier cambio con 30 días de antelación.", "duration", "P30D"),
    ("Le avisaremos de cualquier cambio con treinta días de antelación.", "duration", "P30D"),
    ("Reembolsaremos el importe en un plazo de 14 días.", "duration", "P14D"),
    ("El reembolso se hará dentro de los treinta y un días hábiles.", "duration", "P31D"),
    ("Puede cancelar el plan con dos semanas de antelación.", "duration", "P2W"),
    ("Debe tener al menos 16 años para usar Pellory.", "age", "16"),
    ("Los menores de dieciocho años necesitan el permiso de sus padres.", "age", "18"),
])
def test_spanish_periods_and_ages_are_facts(text: str, kind: str, value: str) -> None:
    assert (kind, value) in {(f.kind, f.value) for f in extract_facts(text)}, extract_facts(text)


@pytest.mark.parametrize("words,value", [("treinta", 30), ("quince", 15), ("veintiún", 21), ("treinta y un", 31),
                                         ("dieciocho", 18), ("noventa", 90)])
def test_spanish_numbers_in_words_are_read_whole(words: str, value: int) -> None:
    assert word_number(words) == value


def test_an_english_clause_is_not_read_as_spanish() -> None:
    assert not is_spanish("We keep your recipes for 2 years and delete them within 30 days.")
    assert not is_spanish("Nous conservons vos recettes pendant 2 ans.")
    assert is_spanish("Sus recetas se conservarán durante 2 años.")


@pytest.mark.parametrize("old,new,said", [
    ("## Conservación\nSus recetas se conservarán durante 2 años.",
     "## Conservación\nSus recetas se conservarán durante 4 años.", "4"),
    ("## Cambios\nLe avisaremos de cualquier cambio con treinta días de antelación.",
     "## Cambios\nLe avisaremos de cualquier cambio con quince días de antelación.", "15"),
    ("## Reembolsos\nReembolsaremos el crédito no utilizado en un plazo de 14 días.",
     "## Reembolsos\nReembolsaremos el crédito no utilizado en un plazo de 30 días.", "30"),
])
def test_a_changed_spanish_period_is_material(old: str, new: str, said: str) -> None:
    result = run("es", old, new)
    assert result.material, result.summary
    assert said in " ".join(c.explanation for c in result.changes if c.material)


def test_the_same_spanish_period_in_words_is_no_change() -> None:
    result = run("es", "## Cambios\nLe avisaremos de cualquier cambio con 30 días de antelación.",
                 "## Cambios\nLe avisaremos de cualquier cambio con treinta días de antelación.")
    assert not result.material, result.summary


# --- French and German verbs of legal effect ------------------------------------------------------
@pytest.mark.parametrize("lang,old,added", [
    ("fr", "## Paiement\nLes factures sont payables à réception.", "Tout retard de paiement entraîne une pénalité de 40 €."),
    ("fr", "## Paiement\nLes factures sont payables à réception.", "Tout retard de paiement donne lieu à une pénalité de 40 €."),
    ("fr", "## Paiement\nLes factures sont payables à réception.", "Une pénalité de 40 € s'applique à tout retard."),
    ("fr", "## Paiement\nLes factures sont payables à réception.", "Chaque relance est facturée 15 €."),
    ("de", "## Zahlung\nRechnungen sind sofort fällig.", "Jeder Zahlungsverzug führt zu einer Gebühr von 40 €."),
    ("de", "## Zahlung\nRechnungen sind sofort fällig.", "Für jede Mahnung wird eine Gebühr von 15 € berechnet."),
    ("de", "## Zahlung\nRechnungen sind sofort fällig.", "Bei Zahlungsverzug gilt eine Pauschale von 40 €."),
])
def test_an_added_charge_with_a_french_or_german_verb_has_legal_effect(lang: str, old: str, added: str) -> None:
    result = run(lang, old, f"{old}\n{added}")
    assert result.material, result.summary
    assert {"pricing", "payment"} & set(result.categories), result.categories
    assert "without legal effect" not in result.summary, result.summary


@pytest.mark.parametrize("text", ["Tout retard de paiement entraîne une pénalité de 40 €.",
                                  "Jeder Zahlungsverzug führt zu einer Gebühr von 40 €.",
                                  "Sus recetas se conservarán durante 2 años."])
def test_those_verbs_are_verbs(text: str) -> None:
    assert has_verb(words(text))


def test_a_french_heading_without_a_verb_is_still_no_sentence() -> None:
    assert not has_verb(words("Retard de paiement et pénalités"))


@pytest.mark.parametrize("text", ["Tout retard de paiement entraîne une pénalité de 40 €.",
                                  "Des intérêts de retard sont dus dès le premier jour.",
                                  "Für jede Mahnung wird eine Gebühr von 15 € berechnet."])
def test_late_payment_and_dunning_are_payment_terms(text: str) -> None:
    assert "payment" in classify_text(text).categories, classify_text(text)
