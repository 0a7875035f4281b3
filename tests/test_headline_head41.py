"""A version's headline leads with its biggest news and says it whole (issue 11, session 41): a
shortened notice period names what it is before and gives way to binding arbitration or a price
rise; a section title too long is said by the words that changed; one name replaced throughout is
said once. Invented texts of fictional services, run through the whole analysis."""

from __future__ import annotations

from tracker.analysis.analyse import analyse
from tracker.analysis.headline import headline, name_throughout, rank_changes, renamed_words, shortened_notice
from tracker.records import ClauseChange

_ACCOUNT = """# Quillfern Terms of Service

## 1. Your Account

You must be at least 16 years old to create a Quillfern account. You are responsible for keeping your password safe.
"""
_FEES_OLD = """
## 2. Fees

Quillfern Plus costs $8 per month. Fees are billed in advance each month.

We may change our prices. We will give you at least 30 days' notice before any price increase takes effect.
"""
_FEES_NEW = _FEES_OLD.replace("$8", "$12").replace("30 days'", "7 days'")
_NOTICE_ONLY = _FEES_OLD.replace("30 days'", "7 days'")
_CONTENT_OLD = """
## 3. Your Content

You keep ownership of the notes you write in Quillfern. We use your notes only to provide the service to you.
"""
_CONTENT_NEW = """
## 3. Your Content

You keep ownership of the notes you write in Quillfern. We use your notes to provide the service to you and to train \
our artificial intelligence models.
"""
_COURTS = """
## 9. Disputes

Any dispute arising out of these Terms will be resolved exclusively in the state or federal courts located in \
Portland, Oregon.
"""
_ARBITRATION = """
## 9. Disputes

Any dispute arising out of these Terms will be resolved by final and binding arbitration, and not in court. You and \
Quillfern each waive the right to a trial by jury and to participate in a class action or class-wide arbitration.
"""


def _old() -> str:
    return _ACCOUNT + _FEES_OLD + _CONTENT_OLD + _COURTS


def test_arbitration_and_a_price_rise_lead_before_a_shorter_notice_period():
    a = analyse(_old(), _ACCOUNT + _FEES_NEW + _CONTENT_NEW + _ARBITRATION)
    notice = [c for c in a.changes if "notice" in (c.after or "")]
    assert len(notice) == 1 and notice[0].material and shortened_notice(notice[0])
    assert a.summary.startswith("Disputes now go to binding arbitration"), a.summary
    assert "notice" not in a.summary, a.summary
    ranked = rank_changes([c for c in a.changes if c.material])
    # the price rise is ranked before the notice period too, and so is the arbitration clause
    assert ranked.index(notice[0]) > max(ranked.index(c) for c in ranked if "$12" in (c.after or "")
                                         or "arbitration" in (c.after or "")), [c.explanation for c in ranked]


def test_a_price_rise_alone_leads_before_a_shorter_notice_of_it():
    a = analyse(_old(), _ACCOUNT + _FEES_NEW + _CONTENT_OLD + _COURTS)
    assert "$12" in a.summary and "$8" in a.summary, a.summary
    assert a.summary.index("$12") < (a.summary.find("notice") % (len(a.summary) + 1)), a.summary


def test_a_shorter_notice_period_says_what_it_is_before():
    a = analyse(_old(), _ACCOUNT + _NOTICE_ONLY + _CONTENT_OLD + _COURTS)
    assert "7 days" in a.summary and "30" in a.summary, a.summary
    assert "before any price increase" in a.summary, a.summary
    assert "in advance" not in a.summary  # "before ..." says when, once


def _models(days: int) -> str:
    return (f"# Zentrope Terms\n\n## 4. Models\n\nWhen we retire a model, we will notify you at least {days} days "
            "before we retire the model.\n\n## 5. Other\n\nYou must be at least 18 years old to use Zentrope.\n")


def test_a_model_retirement_notice_names_the_retirement():
    a = analyse(_models(60), _models(14))
    assert "14 days" in a.summary and "60" in a.summary, a.summary
    assert "retire the model" in a.summary, a.summary


def test_notice_now_withheld_is_no_shortened_period():
    change = ClauseChange(kind="modified", clause_id="x", heading="",
                          before="We may suspend your account after giving you 30 days' notice.",
                          after="We may suspend your account at any time without notice.",
                          material=True, severity="critical", categories=("termination",),
                          explanation="Now allows suspension without notice (termination)")
    assert not shortened_notice(change)
    shorter = ClauseChange(kind="modified", clause_id="y", heading="",
                           before="We may suspend your account after giving you 30 days' notice.",
                           after="We may suspend your account after giving you 10 days' notice.",
                           material=True, severity="critical", categories=("termination",),
                           explanation="We may now suspend your account after giving you 10 days' notice instead of 30")
    assert shortened_notice(shorter)
    # the user's own notice to cancel is not the provider's notice to the user
    own = ClauseChange(kind="modified", clause_id="z", heading="",
                       before="You must give us 30 days' notice to cancel.", after="You must give us 10 days' notice to cancel.",
                       material=True, severity="material", categories=("subscription",),
                       explanation="You must now give 10 days' notice instead of 30")
    assert not shortened_notice(own)
    # a notice now withheld keeps its lead over a price rise: that is no shortened period
    rise = ClauseChange(kind="modified", clause_id="p", heading="", before="Plus costs $8 per month.",
                        after="Plus costs $12 per month.", material=True, severity="material", categories=("pricing",),
                        explanation="Plus now costs $12 per month instead of $8 (pricing)")
    assert rank_changes([change, rise])[0] is change
    assert rank_changes([shorter, rise])[0] is rise


def test_a_long_section_title_renamed_shows_the_words_that_changed():
    assert renamed_words("Brindlecove Cloud and Brindle OS Supplemental Terms of Service",
                         "Brindlecove Cloud and BrindleOS Supplemental Terms of Service") == ("Brindle OS", "BrindleOS")
    assert renamed_words("Fees", "Fees and Taxes") == ("Fees", "Fees and Taxes")
    # the title's own bracket stays out of the changed words
    assert renamed_words("Use of Larkspan (ex Quillfern) services", "Use of Larkspan (formerly Quillfern) services") \
        == ("ex", "formerly")
    old = ("# Brindlecove\n\n## Brindlecove Cloud and Brindle OS Supplemental Terms of Service for Business Customers\n\n"
           "You may use Brindlecove Cloud for your business only.\n\n## Payment\n\nFees are due monthly.\n")
    new = old.replace("Brindle OS Supplemental", "Brindle Studio Supplemental")
    a = analyse(old, new)
    assert "“OS” → “Studio”" in a.summary, a.summary
    assert len(a.summary) <= 100


def _rebrand(name: str) -> str:
    return (f"# {name} Terms of Service\n\n## 1. Your Agreement with {name}\n\nYour use of the {name} service is "
            f"governed by these Terms.\n\n## 2. Using {name}\n\nYou must not resell access to {name} without our "
            f"written consent.\n\nYou must be at least 18 years old to use {name}.\n\n## 3. Fees\n\n{name} Pro costs "
            "$15 per month.\n")


def test_one_name_replaced_throughout_is_said_once():
    a = analyse(_rebrand("Quillfern"), _rebrand("Larkspan"))
    assert not a.material
    assert a.summary == "Quillfern renamed Larkspan throughout", a.summary
    # a version that also changes something else is no rebrand alone
    b = analyse(_rebrand("Quillfern"), _rebrand("Larkspan").replace("18 years", "21 years"))
    assert "throughout" not in b.summary, b.summary


def test_two_names_replaced_are_no_rebrand():
    swaps = [ClauseChange(kind="modified", clause_id=str(i), heading="", before="a", after="b", material=False,
                          severity="cosmetic", categories=(), explanation=f"Only a name changed: {o} → {n}")
             for i, (o, n) in enumerate([("Quillfern", "Larkspan"), ("Quillfern", "Larkspan"), ("Tally", "Ledger")])]
    assert name_throughout(swaps) is None
    assert name_throughout(swaps[:2] + [swaps[0]]) == ("Quillfern", "Larkspan")
    assert headline(swaps[:2] + [swaps[0]], fallback="x") == "Quillfern renamed Larkspan throughout"


def test_a_title_with_only_its_punctuation_changed_is_no_rename():
    old = ("# Larkspan Terms\n\n## Copyright Notice – Procedure and Requirements\n\nSend notices to our copyright "
           "agent.\n\n## Payment\n\nFees are due monthly.\n")
    a = analyse(old, old.replace("Notice – Procedure", "Notice - Procedure"))
    assert "renamed" not in a.summary, a.summary
    b = analyse(old, old.replace("Notice – Procedure", "Notice – Process"))
    assert "renamed" in b.summary and "“Procedure” → “Process”" in b.summary, b.summary
