"""Money that measures a liability cap or a refund is not a price (newuser12: "our total liability
is limited to the fees you paid in the last 12 months" tagged ``pricing``). Taxonomy: a liability
cap is ``liability``, credits and refunds are ``refunds``; a clause that charges a fee stays
``pricing``. Invented clauses of fictional services, in English, French, German and Spanish.
"""

from __future__ import annotations

import re

import pytest

from tracker.analysis import analyse
from tracker.analysis.classify import category_scores
from tracker.analysis.facts import extract_facts
from tracker.analysis.classify import measured_money


def _doc(body: str) -> str:
    return f"# Orvanta Terms\n\n## Responsibility\n\n{body}\n\n## Contact\n\nWrite to us from the Help page.\n"


def _change(old: str, new: str):
    an = analyse(_doc(old), _doc(new))
    changes = [c for c in an.changes if c.kind != "unchanged"]
    assert len(changes) == 1, changes
    return changes[0]


def _tag(explanation: str) -> tuple[str, ...]:
    m = re.search(r"\(([a-z-]+(?:, [a-z-]+)*)\)(?:\s*—[^()]*)?$", explanation)
    return tuple(m.group(1).split(", ")) if m else ()


CAPS = [
    ("Orvanta's total liability is limited to the fees you paid in the last 12 months.",
     "Orvanta's total liability is limited to the fees you paid in the last 3 months.", "liability"),
    ("Our liability is capped at the greater of $400 or the charges paid by you in the prior year.",
     "Our liability is capped at the greater of $80 or the charges paid by you in the prior year.", "liability"),
    ("You agree to indemnify Orvanta against losses, including lawyers' fees of up to $5,000.",
     "You agree to indemnify Orvanta against losses, including lawyers' fees of up to $25,000.", "indemnity"),
    ("La responsabilité totale d'Orvanta est limitée aux sommes que vous avez payées au cours des 12 derniers mois.",
     "La responsabilité totale d'Orvanta est limitée aux sommes que vous avez payées au cours des 4 derniers mois.",
     "liability"),
    ("Die Haftung von Orvanta ist auf die in den letzten 12 Monaten gezahlten Entgelte begrenzt.",
     "Die Haftung von Orvanta ist auf die in den letzten 2 Monaten gezahlten Entgelte begrenzt.", "liability"),
    ("La responsabilidad total de Orvanta se limita a las tarifas que usted haya pagado en los últimos 12 meses.",
     "La responsabilidad total de Orvanta se limita a las tarifas que usted haya pagado en los últimos 5 meses.",
     "liability"),
]


@pytest.mark.parametrize("old,new,topic", CAPS)
def test_a_cap_in_money_is_liability_not_pricing(old: str, new: str, topic: str) -> None:
    """A changed cap or indemnity amount is material under its own topic, never ``pricing`` or
    ``payment``, in the change's categories and in its explanation's tag."""
    c = _change(old, new)
    assert c.material, c.explanation
    assert topic in c.categories, (c.categories, c.explanation)
    assert not {"pricing", "payment"} & set(c.categories), (c.categories, c.explanation)
    assert not {"pricing", "payment"} & set(_tag(c.explanation)), c.explanation


def test_service_credits_counted_in_the_fee_are_refunds() -> None:
    """Service credits "of 10% of your monthly fee" are a refund measured in the fee."""
    c = _change("If Orvanta is unavailable, we will issue service credits of 10% of your monthly fee.",
                "If Orvanta is unavailable, we will issue service credits of 3% of your monthly fee.")
    assert c.material
    assert "refunds" in c.categories and "pricing" not in c.categories, c.categories


def test_a_fee_charged_on_refunds_stays_pricing() -> None:
    """A fee the user pays stays a price, refunds or not: only a measure loses ``pricing``."""
    text = "A processing fee of $5 applies to every refund."
    assert "pricing" in measured_money(text, category_scores(text))
    c = _change(text, text.replace("$5", "$9"))
    assert c.material and "pricing" in c.categories, c.categories


def test_a_price_change_is_still_pricing() -> None:
    c = _change("The Orvanta Plus plan costs $12 per month.", "The Orvanta Plus plan costs $15 per month.")
    assert c.material and "pricing" in c.categories


def test_french_count_with_its_adjective_is_a_period() -> None:
    """"les 12 derniers mois" is a period of 12 months, as "les 12 mois" is."""
    facts = extract_facts("Notre responsabilité est limitée aux sommes payées au cours des 12 derniers mois.")
    assert [f.value for f in facts if f.kind == "duration"] == ["P12M"]


def test_key_term_of_a_cap_is_liability_only() -> None:
    """The key-terms summary reads the cap the same way: a liability term, no pricing tag."""
    from tracker.analysis.summary import summarise

    doc = _doc("Orvanta's total liability is limited to the fees you paid in the last 12 months.")
    (term,) = [t for t in summarise(doc).to_dict()["key_terms"] if "liability" in t["text"]]
    assert "liability" in term["categories"] and not {"pricing", "payment"} & set(term["categories"]), term
