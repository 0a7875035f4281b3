"""A promise of the provider said as an undertaking ("Quorvel agrees not to seek its attorneys'
fees") is a promise: removed, it is a promise withdrawn, never "No longer forbids … good news for
users" (a first-time user found that on a real pair, issue 11). Invented texts."""

from __future__ import annotations

from tracker.analysis.analyse import analyse
from tracker.analysis.wording import forbids, promise_withdrawn

OLD = """# Quorvel Terms of Service

## 10. Arbitration

You and Quorvel agree to resolve disputes in individual binding arbitration.

Quorvel agrees not to seek its attorneys' fees or costs from you in any arbitration, unless the arbitrator finds your claim frivolous.

## 11. Conduct

You agree not to resell access to the Quorvel service.
"""


def test_an_undertaking_not_to_act_is_a_promise_and_a_user_s_is_a_rule() -> None:
    assert promise_withdrawn("Quorvel agrees not to seek its attorneys' fees from you.").startswith(
        "No longer promises not to seek")
    assert not forbids("Quorvel agrees not to seek its attorneys' fees from you.")
    assert promise_withdrawn("We undertake never to sell your personal data.")
    assert forbids("You agree not to resell access to the Quorvel service.")  # the user's duty stays a rule
    assert not promise_withdrawn("You agree not to resell access to the Quorvel service.")


def test_a_removed_undertaking_is_no_good_news() -> None:
    new = OLD.replace("Quorvel agrees not to seek its attorneys' fees or costs from you in any arbitration, unless the "
                      "arbitrator finds your claim frivolous.\n\n", "")
    change = next(c for c in analyse(OLD, new).changes if c.kind == "removed" and "fees" in (c.before or ""))
    assert change.material
    assert "good news" not in change.explanation and "No longer forbids" not in change.explanation, change.explanation
    # the user's own duty removed is still a restriction lifted
    lifted = OLD.replace("You agree not to resell access to the Quorvel service.\n", "")
    rule = next(c for c in analyse(OLD, lifted).changes if c.kind == "removed")
    assert "No longer forbids" in rule.explanation or "good news" in rule.explanation, rule.explanation
