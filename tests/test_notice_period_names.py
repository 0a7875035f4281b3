"""A period said of cancelling the contract is a notice period to cancel (newuser9: "Die
Kündigungsfrist beträgt 30 Tage" -> "3 Monate" was explained as "The subscription period is now 3
months instead of 30 days: « 3 Monaten »"); a number and its unit alone are not quoted again.
Invented clauses (Zahlwerk GmbH, Quibly SAS)."""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse

DE = "# Zahlwerk AGB\n\n## 5. Vertragslaufzeit und Kündigung\n\nDie Kündigungsfrist beträgt {v} zum Monatsende.\n"
FR = "# Conditions de Quibly\n\n## 5. Résiliation\n\nVous pouvez résilier votre abonnement avec un préavis de {v}.\n"
TERM = "# Zahlwerk AGB\n\n## 3. Abonnement\n\nDas Abonnement hat eine Laufzeit von {v}.\n"


@pytest.mark.parametrize("doc,old,new", [(DE, "30 Tage", "3 Monate"), (FR, "30 jours", "60 jours")])
def test_a_cancellation_period_is_a_notice_period(doc, old, new):
    got = analyse(doc.format(v=old), doc.format(v=new))
    text = got.changes[0].explanation
    assert got.material and text.startswith("The notice period to cancel is now"), text
    assert "«" not in text, text


def test_a_subscription_term_keeps_its_name():
    got = analyse(TERM.format(v="12 Monaten"), TERM.format(v="24 Monaten"))
    assert got.changes[0].explanation.startswith("The subscription period is now 24 months instead of 12 months")
