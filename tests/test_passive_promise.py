"""A removed promise of a benefit said in the passive voice ("Annual plans cancelled within 14
days are refunded in full.", "You will be notified 30 days before a price change.") is a promise
withdrawn, critical, like "we will refund ..." (newuser8 saw the first only "material",
"Removed: ..."); a negated one ("are not refunded") or a power over the user ("accounts will be
deleted") is none. Texts invented (fictional services)."""

from __future__ import annotations

import pytest

from tracker.analysis.analyse import analyse
from tracker.analysis.wording import benefit_withdrawn

DOC = "# Boxwell Terms\n\n## 1. Plans\n\nThe Basic plan costs 5 euros per month.\n\n## 2. Refunds\n\n{clause}\n"


@pytest.mark.parametrize("clause", [
    "Annual plans cancelled within 14 days are refunded in full.",
    "You will be notified at least 30 days before any price increase.",
    "Unused credits are automatically refunded when you close your account.",
])
def test_a_passive_benefit_removed_is_a_promise_withdrawn(clause):
    got = analyse(DOC.format(clause=clause), DOC.format(clause="").rstrip() + "\n")
    change = next(c for c in got.changes if c.material)
    assert change.explanation.startswith("No longer promises that "), change.explanation
    assert change.severity == "critical", change


@pytest.mark.parametrize("sentence", [
    "Annual plans are not refunded.", "Fees are non-refundable and are never credited back.",
    "Accounts that break these terms will be deleted.", "You will be charged on the first day of each month.",
])
def test_no_benefit_no_promise(sentence):
    assert benefit_withdrawn(sentence) == ""
