"""head36 (nu35 items 5-8): a headline leads with the adverse news, and the summary's watch-outs and
key terms name the right clauses.

- A new AI-training use offered with an opt-out is headlined by the training ("Your data is now
  used for AI training (you can opt out)"), not by the opt-out as if it were a new right.
- Of two changes of one severity, the one-sided clause ("at any time without notice") leads, a
  clause bounded by notice and a cure period comes after it.
- A clause bounded by "after notice and 14 days to fix" (notice, then a period to put things right)
  is no watch-out (``summary.safeguarded``), whatever words say the period and the notice.
- "We may delete your content at any time without notice" changes no terms: no "Changes to the
  terms" bullet, no terms-changes watch-out.
- A clause that uses the user's content for AI training stays a watch-out when an opt-out is offered
  beside it; a right alone ("You may opt out of arbitration within 30 days") is none.
- A refund promised after a condition written without a comma ("If you cancel within 14 days ... we
  refund it in full") is a key term.

Fictional services throughout; the end-to-end tests run the real CLI against a local HTTP server."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tracker.analysis.headline import headline, rank_changes, training_news
from tracker.analysis.summary import fragment, main_subject, right_only, safeguarded, summarise
from tracker.analysis.classify import classify_text
from tracker.records import ClauseChange

_TERMS = """<html><body><article id="terms"><h1>Fernwick Notes Terms of Service</h1>
<h2>1. Accounts</h2><p>You must be at least 16 years old to create an account.</p>
<h2>2. Suspension and termination</h2><p>You may close your account at any time from the settings page.</p>
{added}
<h2>3. Refunds</h2><p>If you cancel within 14 days of your first payment we refund it in full.</p>
<p>Refunds are paid to the original payment method within 10 business days.</p>
<h2>4. Liability</h2><p>Our total liability to you is limited to the fees you paid in the last 12 months.</p>
</article></body></html>"""
_TERMS_ADDED = ("<p>We may suspend your account after notice and 14 days to fix a breach.</p>"
                "<p>We may delete your content at any time without notice.</p>")
_PRIVACY = """<html><body><article id="terms"><h1>Fernwick Notes Privacy Policy</h1>
<h2>1. Data we collect</h2><p>We collect your name and e-mail address when you sign up.</p>
<h2>2. How we use data</h2><p>We use your notes only to provide the features you use.</p>
<p>We do not sell your personal data.</p>
{added}
<h2>3. Retention</h2><p>We delete your data within 30 days after you close your account.</p>
</article></body></html>"""
_PRIVACY_ADDED = "<p>We use your notes to train our AI models; you can opt out in settings.</p>"


@pytest.fixture()
def fernwick(tmp_path: Path, httpserver: Any) -> Any:
    """Fernwick Notes' terms and privacy policy, recorded once, then with the clauses added."""
    from support import TrackerCLI

    state = {"added": False}

    def page(template: str, added: str) -> Any:
        from werkzeug.wrappers import Response

        def handler(request: Any) -> Any:
            return Response(template.format(added=added if state["added"] else ""),
                            content_type="text/html; charset=utf-8")
        return handler

    httpserver.expect_request("/fernwick/terms").respond_with_handler(page(_TERMS, _TERMS_ADDED))
    httpserver.expect_request("/fernwick/privacy").respond_with_handler(page(_PRIVACY, _PRIVACY_ADDED))
    sources = tmp_path / "sources.toml"
    sources.write_text(f"""
[[service]]
id = "fernwick"
name = "Fernwick Notes"

  [[service.document]]
  type = "Terms of Service"
  url = "{httpserver.url_for('/fernwick/terms')}"
  select = ["article#terms"]

  [[service.document]]
  type = "Privacy Policy"
  url = "{httpserver.url_for('/fernwick/privacy')}"
  select = ["article#terms"]
""", encoding="utf-8")
    tracker = TrackerCLI(tmp_path / "store", sources)
    tracker("run")
    state["added"] = True
    tracker("run")
    return tracker


def _history(tracker: Any, document: str) -> str:
    return str(tracker("history", "fernwick", document, "--last", "1").stdout)


def _summary(tracker: Any, document: str) -> dict[str, Any]:
    return dict(json.loads(tracker("summary", "fernwick", document, "--json").stdout))


def test_recorded_headlines_lead_with_the_adverse_change(fernwick: Any) -> None:
    privacy = _history(fernwick, "Privacy Policy")
    assert "Your data is now used for AI training (you can opt out)" in privacy, privacy
    assert "You can now opt out" not in privacy
    terms = _history(fernwick, "Terms of Service")
    assert "delete your content at any time without notice" in terms, terms
    assert "suspend" not in terms  # the notice-and-cure clause is the body's, not the headline's


def test_summary_of_the_recorded_terms_and_policy(fernwick: Any) -> None:
    terms = _summary(fernwick, "Terms of Service")
    watch = {b["text"]: b for b in terms["watch_outs"]}
    assert not any("suspend" in t for t in watch), list(watch)
    delete = next(b for t, b in watch.items() if "delete your content" in t)
    assert "terms-changes" not in delete["categories"], delete
    assert "content-removal" in delete["categories"]
    changes = [b["text"] for b in terms["key_terms"] if b["concern"] == "terms-changes"]
    assert not any("delete your content" in t for t in changes), changes
    refunds = [b["text"] for b in terms["key_terms"] if b["concern"] == "refunds"]
    assert any("within 14 days of your first payment" in t for t in refunds), refunds
    # the suspension stays a key term of termination
    assert any("suspend your account" in b["text"] for b in terms["key_terms"] if b["concern"] == "termination")
    privacy = _summary(fernwick, "Privacy Policy")
    assert any("train our AI models" in b["text"] for b in privacy["watch_outs"]), privacy["watch_outs"]


# --- the safeguard's kinds: notice first, then a period to put things right ---------------------

@pytest.mark.parametrize(("category", "sentence"), [
    ("termination", "We may suspend your account after notice and 14 days to fix a breach."),
    ("termination", "Fernwick may close your account upon written notice to you."),
    ("termination", "We may end this agreement following prior notice if you stop paying."),
    ("content-removal", "We may remove a listing after a warning and seven days to correct it."),
    ("termination", "You will have 30 days to fix the problem before we close your account."),
    ("termination", "If you breach these terms, we may terminate your account after giving you thirty (30) days "
                    "in which to remedy the breach."),
])
def test_notice_and_a_cure_period_in_other_words_are_safeguards(category: str, sentence: str) -> None:
    assert safeguarded(category, sentence)


@pytest.mark.parametrize(("category", "sentence"), [
    ("termination", "We may terminate your account immediately upon notice."),
    ("termination", "We may suspend your account with or without notice."),
    ("termination", "We may terminate your account after notice at any time for any reason."),
    ("content-removal", "We may delete your content at any time without notice."),
    ("termination", "We may suspend your account for 14 days to investigate a breach."),
    ("jurisdiction", "After notice of a claim, disputes will be heard by the courts of Ruritania."),
])
def test_near_misses_stay_watch_outs(category: str, sentence: str) -> None:
    assert not safeguarded(category, sentence)


# --- a change of the terms must name one ----------------------------------------------------------

@pytest.mark.parametrize(("sentence", "instead"), [
    ("We may delete your content at any time without notice.", "content-removal"),
    ("We may close your account at any time without notice.", "termination"),
])
def test_discretion_alone_is_no_change_of_the_terms(sentence: str, instead: str) -> None:
    labels = classify_text(sentence)
    cats, watch = main_subject(sentence, labels.categories, labels.watch)
    assert "terms-changes" not in cats and "terms-changes" not in watch
    assert instead in cats


@pytest.mark.parametrize("sentence", [
    "We may change these terms at any time without notice.",
    "We may amend this agreement from time to time.",
    # a change of something else named ("add or remove"): read as before
    "Pellworth may add or remove payment processing methods at its sole discretion.",
])
def test_a_real_change_of_the_terms_keeps_its_category(sentence: str) -> None:
    labels = classify_text(sentence)
    assert "terms-changes" in main_subject(sentence, labels.categories, labels.watch)[0]


# --- a right beside a term against the user ------------------------------------------------------

@pytest.mark.parametrize(("category", "sentence"), [
    ("ai-training", "We use your content to train our AI models; you can opt out in settings."),
    ("privacy", "We share your e-mail address with advertising partners, but you can opt out at any time."),
])
def test_an_opt_out_beside_the_term_leaves_the_term(category: str, sentence: str) -> None:
    assert not right_only(category, sentence)


@pytest.mark.parametrize(("category", "sentence"), [
    ("arbitration", "You may opt out of arbitration within 30 days of accepting these terms."),
    ("ai-training", "You can opt out of AI training in your settings."),
    ("termination", "You may close your account at any time; we will delete your data within 30 days."),
])
def test_a_right_alone_is_still_no_watch_out(category: str, sentence: str) -> None:
    assert right_only(category, sentence)


def test_ai_training_with_an_opt_out_is_a_watch_out_of_a_privacy_policy() -> None:
    text = ("# Tansy Privacy Policy\n\n## 2. How we use data\n\nWe do not sell your personal data.\n\n"
            "We use your drafts to train our AI models; you can opt out in settings.\n")
    assert any("train our AI models" in b.text for b in summarise(text).watch_outs)


def test_a_promise_not_to_train_on_the_users_things_is_no_watch_out() -> None:
    text = ("# Tansy Terms\n\n## 9. Your music\n\nMarch 3, 2025: Updated terms to include a statement that Tansy "
            "will not use your music to train models.\n\nWe use your recordings to train our models.\n")
    watch = [b.text for b in summarise(text).watch_outs]
    assert any("recordings to train" in t for t in watch), watch
    assert not any("will not use your music" in t for t in watch), watch


# --- a condition without a comma before the main clause -------------------------------------------

def _key_terms(body: str) -> list[str]:
    return [b.text for b in summarise(f"# Pell Outfitters Terms\n\n## 4. Refunds\n\n{body}\n").key_terms]


@pytest.mark.parametrize("sentence", [
    "If you cancel within 14 days of your first payment we refund it in full.",
    "If you return an unworn item within 30 days we refund the price to your card.",
])
def test_a_condition_without_a_comma_keeps_its_main_clause(sentence: str) -> None:
    assert sentence in _key_terms(sentence)


@pytest.mark.parametrize("sentence", [
    "If you cancel your order before we ship the refund.",
    "If you ask for a refund within 30 days and you paid by card.",
    "For example, if you ask for a refund for you without a receipt.",
])
def test_a_condition_alone_is_still_no_key_term(sentence: str) -> None:
    assert sentence not in _key_terms(sentence)
    assert fragment(sentence) == "no main clause"


# --- headline news and ranking ---------------------------------------------------------------------

def _change(after: str | None, categories: tuple[str, ...], severity: str = "critical", before: str | None = None,
            kind: str = "added") -> ClauseChange:
    return ClauseChange(kind, "p9", "## 6. Suspension", before, after, True, severity, categories,  # type: ignore[arg-type]
                        f"New: {after or before} ({categories[0]})")


@pytest.mark.parametrize(("before", "after", "news"), [
    (None, "We use your content to train our AI models; you can opt out in settings.",
     "Your data is now used for AI training (you can opt out)"),
    ("We use your notes to provide the service.",
     "We use your notes to provide the service and we may use them to train our models, but you can opt out.",
     "Your data may now be used for AI training (you can opt out)"),
    # near misses: the opt-out alone, or added to a training already there, is the good news it says
    (None, "You can opt out of AI training in your settings.", "You can now opt out of AI training on your data"),
    ("We use your content to train our AI models.",
     "We use your content to train our AI models; you can opt out in settings.",
     "You can now opt out of AI training on your data"),
])
def test_training_news(before: str | None, after: str, news: str) -> None:
    assert training_news(SimpleNamespace(before=before, after=after, categories=("ai-training",))) == news


def test_the_one_sided_change_leads_the_safeguarded_one() -> None:
    suspend = _change("We may suspend your account after notice and 14 days to fix a breach.", ("termination",))
    delete = _change("We may delete your content at any time without notice.", ("content-removal",))
    plain = _change("We may suspend your account if you breach these terms.", ("termination",))
    assert rank_changes([suspend, delete]) == [delete, suspend]
    assert rank_changes([plain, suspend]) == [plain, suspend]
    assert headline([suspend, delete]).startswith("New right to remove content: We may delete your content")
    # near miss: money still leads the powers, however one-sided they are
    price = _change("The Pro plan costs $9 per month.", ("pricing",))
    assert rank_changes([delete, price])[0] is price
    # a removed clause is ranked as before: no text of its own to weigh
    gone = _change(None, ("termination",), before="We may suspend your account at any time.", kind="removed")
    assert rank_changes([gone, suspend])[0] is gone
