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
from tracker.analysis.boilerplate import is_report

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
    ("de", "## Erstattung\nDie Rückerstattung erfolgt innerhalb von {} Tagen.", "refunds"),
    ("fr", "## Remboursement\nLe remboursement intervient sous {} jours.", "refunds"),
])
def test_a_changed_refund_or_payment_period_is_material_with_its_values(lang: str, text: str, cat: str) -> None:
    result = run(lang, text.format(14), text.format(30))
    assert result.material, result.summary
    assert cat in result.categories, result.categories
    explanation = " ".join(c.explanation for c in result.changes if c.material)
    assert "30" in explanation and "14" in explanation, explanation
    assert not explanation.startswith("Now reads"), explanation


def test_an_adjective_in_ed_is_no_past_tense_but_a_past_report_still_is() -> None:
    assert not is_report("We refund unused credit within 30 days.")
    assert not is_report("You forfeit the unpaid balance after 12 months.")
    assert is_report("In 2025 we received 1,200 requests for a refund.")
    assert is_report("Over 70% of those disputes succeeded.")


def test_the_verb_of_a_refund_is_not_its_noun() -> None:
    result = run("en", "## Refunds\nWe will issue a refund no later than 14 days after your request.",
                 "## Refunds\nWe will issue a refund no later than 30 days after your request.")
    assert "a now refund" not in result.summary, result.summary


def test_the_same_refund_period_reworded_is_no_change() -> None:
    result = run("en", "## Refunds\nWe refund unused credit within 14 days.",
                 "## Refunds\nWe refund unused credit within fourteen days.")
    assert not result.material, result.summary
