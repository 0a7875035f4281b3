"""sum35: a watch-out is a term that takes from the user or exposes them; a clause whose point is a
protection of the user (notice before, a chance to cure, a refund, a right to object, a limit on
the provider's power, "we will not") is a key term, not a watch-out, even when it names an adverse
event (nu34: "We may suspend your account if you materially breach these Terms, after giving you
notice and a chance to fix the breach" was listed under "Things to watch out for").
Fictional services throughout."""
from __future__ import annotations

import pytest

from tracker.analysis.summary import safeguarded, summarise

PROTECTIVE = """# Brambleway Terms of Service

## 1. Fees

The Grove plan costs $12 per month. Fees are non-refundable.

## 2. Suspension

We may suspend your account if you materially breach these Terms, after giving you notice and a
chance to fix the breach.

## 3. Disputes

Any dispute will be resolved by binding arbitration in Tulsa, Oklahoma.
"""

EXPOSED = PROTECTIVE.replace(
    "We may suspend your account if you materially breach these Terms, after giving you notice and a\n"
    "chance to fix the breach.", "We may suspend your account at any time without notice.")

MIXED = PROTECTIVE.replace(
    "We may suspend your account if you materially breach these Terms, after giving you notice and a\n"
    "chance to fix the breach.",
    "We may delete your uploads without notice, and we will give you 7 days' notice before we close your account.")


def _watch(text: str) -> str:
    return "\n".join(b.text for b in summarise(text).watch_outs)


def test_suspension_after_notice_and_a_cure_period_is_a_key_term_not_a_watch_out() -> None:
    summary = summarise(PROTECTIVE)
    watch = "\n".join(b.text for b in summary.watch_outs)
    assert "arbitration" in watch and "non-refundable" in watch  # the real watch-outs stay
    assert "suspend" not in watch, watch
    # still a key term of its concern
    assert any("suspend your account" in b.text for b in summary.key_terms)


def test_suspension_at_any_time_without_notice_stays_a_watch_out() -> None:
    assert "suspend your account at any time without notice" in _watch(EXPOSED)


def test_notice_for_one_power_beside_another_without_notice_stays_a_watch_out() -> None:
    assert "delete your uploads without notice" in _watch(MIXED)


@pytest.mark.parametrize(("category", "sentence"), [
    ("termination", "We may suspend your account if you materially breach these Terms, after giving you notice "
                    "and a chance to fix the breach."),
    ("termination", "Brambleway may terminate this Agreement upon thirty (30) days' prior written notice to you."),
    ("termination", "We may close your account if you fail to cure a breach within 10 days of our email."),
    ("termination", "We will not suspend your account without first notifying you."),
    ("termination", "We may suspend your account only if you materially breach these Terms."),
    ("content-removal", "If we remove your listing, you have the right to appeal the decision within 14 days."),
    ("refunds", "If we discontinue the Grove plan, we will refund any prepaid fees for the unused period."),
    ("pricing", "Brambleway may change its fees by notifying you at least fifteen (15) days before your next "
                "billing cycle."),
    ("terms-changes", "We will email you at least 21 days' notice of any change to these Terms."),
    # a licence the user receives: "royalty-free" and "revocable" describe what they are given
    ("content-rights", "Brambleway grants you a revocable, personal, worldwide, royalty-free, non-assignable and "
                       "non-exclusive license to use the Brambleway planner app."),
])
def test_a_protection_of_the_user_is_no_watch_out(category: str, sentence: str) -> None:
    assert safeguarded(category, sentence)


@pytest.mark.parametrize(("category", "sentence"), [
    ("termination", "We may suspend your account at any time without notice."),
    ("termination", "We may suspend your account if you breach these Terms."),  # no protection named
    ("termination", "We may suspend your account for any reason, after giving you 7 days' notice."),
    ("content-removal", "We may remove your listing without giving you prior notice or a chance to respond."),
    ("termination", "Where practicable, we will notify you before suspending your account."),  # hedged
    ("terms-changes", "We may amend these Terms from time to time and will notify you of material changes."),
    ("subscription", "Unless you notify us before the renewal date, your plan will automatically continue."),
    ("refunds", "Cancellation takes effect at the end of your billing period, and you will not be entitled "
                "to a refund."),
    ("refunds", "Fees are non-refundable, but we will refund you where the law requires it."),
    # a forum or a cap is the term itself: notice of a claim protects no one
    ("arbitration", "After giving you 30 days' notice of the dispute, either party may start binding arbitration."),
    ("liability", "We will not be liable for lost profits, even after giving you 30 days' notice."),
    # the user grants: a licence taken from them, even beside one they receive
    ("content-rights", "You grant Brambleway a perpetual, irrevocable, royalty-free license to your garden photos."),
    ("content-rights", "Brambleway grants you a license to use the app, and you grant us a perpetual license to "
                       "any feedback you send."),
])
def test_an_exposure_beside_a_safeguard_stays_a_watch_out(category: str, sentence: str) -> None:
    assert not safeguarded(category, sentence)


# --- notice before the terms change: a power to change them with nothing said of notice ---------

def _terms_notice(body: str) -> str | None:
    cell = summarise("# Thistledown Terms\n\n## 1. Use\n\nYou may use Thistledown to plan garden beds.\n\n"
                     "## 9. General\n\n" + body + "\n").facts.get("terms-notice")
    return cell.value if cell else None


@pytest.mark.parametrize("body", [
    "Thistledown may update these Terms from time to time.",
    "We reserve the right to revise this privacy policy from time to time. The latest version is on this page.",
    "This privacy policy may be updated to reflect new features of Thistledown.",
    "Thistledown has the right to update the Website and the terms of this Agreement at any time without notice.",
    "Les présentes conditions d'utilisation peuvent être modifiées à tout moment, sans préavis.",
])
def test_a_power_to_change_the_terms_with_no_notice_said_is_none_promised(body: str) -> None:
    assert _terms_notice(body) == "None promised"


def test_a_promise_elsewhere_or_a_word_of_telling_is_never_read_as_none_promised() -> None:
    # a period promised in another section: the period, not "None promised"
    assert _terms_notice("Thistledown may update these Terms from time to time.\n\n## 10. Notices\n\n"
                         "We will email you at least 30 days before changes to these Terms take effect.") == "at least 30 days"
    # an announcement the readers above do not parse: no line rather than a wrong one
    assert _terms_notice("Thistledown may update these Terms from time to time. We will announce material changes "
                         "to these Terms on our blog.") is None


@pytest.mark.parametrize("body", [
    "You may not modify these Terms.",  # the user, not the provider
    "No modification of this Agreement is effective unless it is in writing and signed by both parties.",
    "We will not change these Terms during your subscription term.",
    "Thistledown may change its fees from time to time.",  # a price, not the terms
])
def test_no_power_of_the_provider_to_change_the_terms_gives_no_notice_fact(body: str) -> None:
    assert _terms_notice(body) is None
