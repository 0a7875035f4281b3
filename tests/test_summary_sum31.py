"""Each key term under the heading of what its clause is mainly about: a courts clause is where
disputes are heard (arbitration only when the text sends disputes to it), a price rise is no
termination nor a change of the terms, and a notice period said of changes answers how much
notice the terms give (all texts invented: fictional services)."""

from __future__ import annotations

from tracker.analysis.summary import FACTS, arbitration_named_only, main_subject, summarise

COURTS = """# Terms of Service for Quillbright

## 1. The service

Quillbright is an online notebook service for writers.

## 2. Fees

Paid plans are billed monthly in advance.

## 3. Governing law and disputes

These terms are governed by the laws of Ireland. Any dispute arising out of these terms shall be subject to
the exclusive jurisdiction of the courts of Dublin, Ireland, and not to arbitration.

## 4. Termination

We may suspend your account if you breach these terms.
"""

ARBITRATION = """# Terms of Use for Harrowmere

## 1. The service

Harrowmere provides a recipe planning service.

## 2. Disputes

All disputes between you and Harrowmere will be resolved by binding arbitration in Boston, Massachusetts,
not in court. You waive any right to take part in a class action.
"""

PRICE_RISE = """# Lumenfold Plan Terms

## Plans

Lumenfold Plus costs 9 euros per month and includes 50 GB of storage.

## Price changes

We may raise our prices at any time; if you do not accept the new price, you may terminate your subscription.

We may change our fees at any time, for any reason.

## Features

We may modify or discontinue features of the service at any time.

## Notice of changes

We will give you at least 30 days' notice before changes take effect.
"""


def _bullet(summary, start):
    return next(b for b in summary.key_terms if b.text.startswith(start))


def _watch(summary, start):
    return next((b for b in summary.watch_outs if b.text.startswith(start)), None)


def _answer(summary, qid):
    return next(a for a in summary.answers if a.id == qid)


# --- where disputes are heard ------------------------------------------------------------------

def test_courts_clause_is_where_disputes_are_heard_not_arbitration() -> None:
    s = summarise(COURTS)
    assert dict(FACTS)["arbitration"] == "Where disputes are heard"
    assert s.facts["arbitration"].value == "Courts of Dublin, Ireland"
    courts = _bullet(s, "Any dispute arising")
    assert courts.concern == "disputes"
    assert "arbitration" not in courts.watch
    assert all("arbitration" not in b.watch for b in s.watch_outs)
    assert "Dublin" in _answer(s, "disputes").answer


def test_real_arbitration_clause_still_filed_as_arbitration() -> None:
    """Near miss: 'not in court' rules out the courts, not the arbitration."""
    s = summarise(ARBITRATION)
    assert s.facts["arbitration"].value == "Binding arbitration, Boston, Massachusetts"
    arb = _watch(s, "All disputes between you")
    assert arb is not None and "arbitration" in arb.watch
    assert s.facts["class-action"].value == "Yes"


def test_arbitration_named_only_to_rule_it_out_or_as_one_forum() -> None:
    assert arbitration_named_only("Disputes will be heard by the courts of Oslo and not by arbitration.")
    assert arbitration_named_only("Any claim, whether in court or in arbitration, must be brought within one year.")
    assert arbitration_named_only("There is no arbitration: claims go to the courts of Tallinn.")
    assert not arbitration_named_only("All disputes will be resolved by binding arbitration in Boston, not in court.")
    assert not arbitration_named_only("The arbitration will be administered by the Glenmoor Arbitration Centre.")
    assert not arbitration_named_only("Claims are heard by the courts of Oslo.")  # no arbitration named at all


def test_arbitration_ruled_out_keeps_its_courts_category() -> None:
    cats, watch = main_subject("Disputes will be heard by the courts of Oslo and not by arbitration.",
                               ("arbitration", "jurisdiction"), ("arbitration", "jurisdiction"))
    assert cats == ("jurisdiction",)
    assert watch == ("jurisdiction",)


# --- a price rise is a pricing term ------------------------------------------------------------

def test_price_rise_with_a_way_out_is_no_termination_watch_out() -> None:
    s = summarise(PRICE_RISE)
    rise = _bullet(s, "We may raise our prices")
    assert rise.concern == "pricing"
    assert "termination" not in rise.watch
    assert all("termination" not in b.watch for b in s.watch_outs)


def test_price_change_is_not_a_change_of_the_terms() -> None:
    s = summarise(PRICE_RISE)
    fees = _bullet(s, "We may change our fees")
    assert fees.concern == "pricing"
    assert "terms-changes" not in fees.watch
    features = _bullet(s, "We may modify or discontinue features")
    assert features.concern == "service-changes"
    assert all("terms-changes" not in b.watch for b in s.watch_outs)


def test_change_of_the_terms_named_stays_a_change_of_the_terms() -> None:
    """Near miss: the terms and the prices both change; 'without notice' is no name of the terms."""
    cats, watch = main_subject("We may change these Terms and our fees at any time.",
                               ("pricing", "terms-changes"), ("pricing", "terms-changes"))
    assert "terms-changes" in cats and "terms-changes" in watch
    cats, _ = main_subject("We may change our fees at any time without notice.",
                           ("pricing", "terms-changes"), ("pricing", "terms-changes"))
    assert cats == ("pricing",)


def test_a_power_in_the_tail_stays_a_watch_out() -> None:
    """Near miss: a tail that is the provider's power (not the user's way out) is still watched;
    the main clause still decides the heading."""
    plain = "We may increase fees at any time, and if you do not pay them we may terminate your account."
    cats, watch = main_subject(plain, ("pricing", "payment", "termination"), ("pricing", "termination"))
    assert cats == ("pricing",)  # "pay them" and "terminate" are the tail's
    assert set(watch) == {"pricing", "termination"}


def test_no_refund_in_the_tail_is_kept() -> None:
    """Near miss: a tail that takes something away is a term of its own, watched."""
    plain = "You may cancel at any time; if you cancel, no refund will be given."
    _, watch = main_subject(plain, ("refunds", "subscription"), ("refunds",))
    assert watch == ("refunds",)


# --- notice before changes ---------------------------------------------------------------------

def test_notice_period_said_of_changes_answers_terms_notice() -> None:
    s = summarise(PRICE_RISE)
    assert "30 days" in s.facts["terms-notice"].value
    assert "30 days" in _answer(s, "terms-notice").answer


def test_notice_period_of_price_changes_is_not_the_terms_notice() -> None:
    """Near miss: a period given for price changes says nothing of the terms."""
    text = PRICE_RISE.replace("We will give you at least 30 days' notice before changes take effect.",
                              "We will give you at least 30 days' notice before price changes take effect.")
    s = summarise(text)
    assert "terms-notice" not in s.facts
    assert "30 days" not in _answer(s, "terms-notice").answer


# --- the service ended is no account ended -----------------------------------------------------

def test_discontinuing_the_service_is_a_service_change_not_termination() -> None:
    plain = "We may suspend or discontinue the Brightloom platform at any time without notice."
    cats, watch = main_subject(plain, ("termination", "service-changes"), ("termination", "service-changes"))
    assert cats == ("service-changes",)
    assert watch == ("service-changes",)


def test_ending_your_access_stays_termination() -> None:
    """Near miss: the user's access ended is termination, whatever else the sentence names."""
    plain = "We may discontinue the Brightloom platform or terminate your access at any time."
    cats, watch = main_subject(plain, ("termination", "service-changes"), ("termination", "service-changes"))
    assert "termination" in cats and "termination" in watch


def test_an_aside_is_no_tail() -> None:
    """Near miss: ', if any,' and ', unless ..., non-refundable' hold no clause of their own: the
    sentence keeps all its kinds."""
    plain = "Payment, if any, is non-refundable, even if you did not use the Brightloom service."
    cats, _ = main_subject(plain, ("refunds", "pricing"), ("refunds",))
    assert cats == ("refunds", "pricing")
    plain = "Purchases are final and, unless the law requires otherwise, non-refundable; you may cancel later."
    cats, _ = main_subject(plain, ("refunds", "subscription"), ("refunds",))
    assert cats == ("refunds", "subscription")


def test_changes_to_the_service_are_service_changes_not_terms_changes() -> None:
    plain = "The Company may make improvements and changes to the Brightloom service at any time without notice."
    cats, watch = main_subject(plain, ("terms-changes", "termination"), ("terms-changes",))
    assert cats == ("service-changes",)
    assert watch == ("service-changes",)


def test_service_ended_for_you_stays_termination() -> None:
    """Near miss: the service ended 'to you' ends the user's relationship."""
    plain = "We may suspend or discontinue the Brightloom services to you at any time for late payment."
    cats, _ = main_subject(plain, ("termination", "service-changes"), ("termination",))
    assert "termination" in cats


def test_notice_to_you_is_no_service_ended_to_you() -> None:
    """'without notice to you' says how, not whom the service is ended for."""
    plain = "We may remove or discontinue features of the Brightloom service without notice to you."
    cats, _ = main_subject(plain, ("termination", "service-changes"), ("termination",))
    assert cats == ("service-changes",)


RISE_UNDER_NEUTRAL_HEADING = """# Brightloom Subscription Terms

## Other terms

Prices may be increased at any time at our sole discretion, in which case you may cancel your account immediately.

We may increase the fees for the Service at any time; if you do not accept the increase, you may terminate your
account at any time without penalty.
"""


def test_price_rise_under_a_neutral_heading_is_filed_under_pricing() -> None:
    """With no heading to decide, the main clause does: a price rise, not termination nor a change
    of the terms, and its watch-out is tagged as a price change only."""
    s = summarise(RISE_UNDER_NEUTRAL_HEADING)
    assert _bullet(s, "Prices may be increased").concern == "pricing"
    fees = _bullet(s, "We may increase the fees")
    assert fees.concern == "pricing"
    watched = _watch(s, "We may increase the fees")
    assert watched is not None and watched.watch == ("pricing",)


def test_free_of_charge_is_no_price_change() -> None:
    """Near miss: 'free of charge' names no price; the changes are the terms'."""
    plain = "If you do not agree with any changes, you may close your account free of charge before the changes take effect."
    cats, _ = main_subject(plain, ("terms-changes", "termination"), ())
    assert "terms-changes" in cats
