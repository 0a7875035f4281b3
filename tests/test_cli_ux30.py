"""Session 30's lead fixes: what a reader sees first (headline) and other first-time-user findings.

Every text is invented (fictional services)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import test_faults
from support import three_changes
from test_cli_ux28 import LOGIN
from test_faults import TERMS, html

from tracker.analysis.headline import headline


def _change(explanation: str, categories: tuple[str, ...] = ("refunds",)) -> SimpleNamespace:
    return SimpleNamespace(material=True, severity="material", categories=categories, explanation=explanation,
                           kind="modified", before="", after="")


def test_headline_keeps_a_changed_number_and_what_it_was() -> None:
    # a long quote with its one number changed: cut at its end, the headline lost both numbers
    said = headline([_change("Now says “If we find we have received personal data from a child under 13 without "
                             "a parent's verified consent, we erase it” instead of 16 (eligibility, privacy)",
                             ("eligibility", "privacy"))])
    assert "under 13" in said and said.endswith("instead of 16"), said
    assert len(said) <= 100


def test_headline_number_swap_with_a_count_of_more_changes() -> None:
    said = headline([_change("Now says “Unused Quillfeather credits expire 6 months after the date on which the "
                             "customer bought them through the billing page” instead of 12 (refunds)"),
                     _change("New: Quillfeather may change these terms at any time.", ("terms-changes",))])
    assert "credits expire 6 months" in said and "instead of 12" in said and said.endswith("(+1 more)"), said
    assert len(said) <= 100


def test_headline_short_number_swap_is_whole() -> None:
    said = headline([_change("Now says “No one under age 13 may use Quillfeather” instead of 18 (eligibility)",
                             ("eligibility",))])
    assert said == "Now says “No one under age 13 may use Quillfeather” instead of 18"


def _new(clause: str, categories: tuple[str, ...] = ("privacy",)) -> SimpleNamespace:
    return SimpleNamespace(material=True, severity="critical", categories=categories,
                           explanation=f"New: {clause} ({categories[0]})", kind="added", before="", after=clause)


def test_a_new_promise_not_to_use_data_is_not_named_a_new_data_use() -> None:
    for clause in ("We do not use your voice notes for targeted advertising.",
                   "Quillfeather will never sell or share your contacts.",
                   "Your messages are never shared with advertisers."):
        said = headline([_new(clause)])
        assert said.startswith("New promise about your data: "), said
        assert "data use" not in said


def test_a_new_data_use_keeps_its_name() -> None:
    # near miss: a practice, not a promise; and a refusal in another category keeps its term name
    assert headline([_new("We use your precise location for targeted advertising.")]).startswith("New data use: ")
    assert headline([_new("We do not refund unused credits.", ("refunds",))]).startswith("New refund restriction: ")


def test_a_notice_rule_that_names_its_summary_of_changes_is_a_term() -> None:
    from tracker.analysis.boilerplate import is_announcement

    for rule in ("We will notify you at least 30 days before a change takes effect, and you will receive a "
                 "summary of what changed.",
                 "Quillfeather gives 14 days' notice of any change to these terms, with a summary of the changes."):
        assert not is_announcement(rule), rule
    # near misses: a banner about one update stays an announcement
    assert is_announcement("We have updated our Terms of Service. Read the summary of changes.")
    assert is_announcement("Summary of changes")


def test_a_notice_period_cut_is_material_beside_a_summary_of_what_changed() -> None:
    from tracker.api import compare

    old = ("# Terms\n\n## 1. Changes\n\nWe may update these Terms. We will notify you at least 30 days before a "
           "change takes effect, and you will receive a summary of what changed.\n")
    result = compare(old, old.replace("30 days", "7 days"))
    assert result.material, result.summary
    assert "terms-changes" in result.categories


_PLANS = """# Pricing

## Starter

Free

- 100,000 tokens per month
- Community support

## Team

12 USD per seat per month

- 5 million tokens per seat per month
- 30-day free trial, no card required

## Enterprise

45 USD per seat per month

- Unlimited tokens
"""


def test_a_price_line_is_not_a_numbered_heading() -> None:
    from tracker.analysis.clauses import split_clauses

    kinds = {c.text: c.kind for c in split_clauses(_PLANS)}
    assert kinds["12 USD per seat per month"] == "paragraph"
    assert kinds["45 USD per seat per month"] == "paragraph"
    # near miss: a numbered title is still a heading
    assert {c.text: c.kind for c in split_clauses("# Terms\n\n7 Fees\n\nFees are due monthly.\n")}["7 Fees"] == "heading"


def test_a_plan_feature_cut_is_material_under_its_plan() -> None:
    from tracker.api import compare

    trial = compare(_PLANS, _PLANS.replace("30-day free trial", "7-day free trial"))
    assert trial.material, trial.summary
    assert "7-day" in trial.summary and "30-day" in trial.summary
    allowance = compare(_PLANS, _PLANS.replace("100,000 tokens", "50,000 tokens"))
    assert allowance.material, allowance.summary
    assert "50,000 tokens per month" in allowance.summary
    # what makes a section a plan: a short price line under its heading, not a fee in a sentence
    from tracker.analysis.materiality import DocContext, _plan_price

    ctx = DocContext.of(_PLANS, _PLANS)
    assert _plan_price("Team", ctx) == "12 USD per seat per month"
    assert _plan_price("Starter", ctx) == "Free"
    fees = "# Terms\n\n## Fees\n\nWe may charge a fee of 12 USD per month if you exceed the limits set out below.\n"
    assert _plan_price("Fees", DocContext.of(fees, fees)) == ""


def test_a_participle_after_no_is_not_a_past_report() -> None:
    from tracker.analysis.boilerplate import is_report

    assert not is_report("30-day free trial, no card required")
    assert not is_report("Unlimited projects, no setup needed")
    assert is_report("Over 70% of those disputes succeeded")  # near miss: a past event


def test_a_figure_changed_outside_a_term_is_not_called_a_rewording() -> None:
    from tracker.api import compare

    old = "# Report\n\nOver 70% of the disputes filed last year were settled.\n"
    result = compare(old, old.replace("70%", "75%"))
    assert not result.material
    said = [c.explanation for c in result.changes]
    assert any("70%" in e and "75%" in e for e in said), said


def _first(old: str, new: str) -> str:
    from tracker.api import compare

    result = compare(old, new)
    assert result.material, result.summary
    return result.summary


def test_a_lower_price_and_a_longer_notice_are_good_news() -> None:
    price = "# Plans\n\n## Fees\n\nThe Team plan costs 15 USD per seat per month.\n"
    assert _first(price, price.replace("15 USD", "12 USD")).endswith("good news for users")
    assert "good news" not in _first(price, price.replace("15 USD", "18 USD"))
    notice = "# Terms\n\n## Changes\n\nWe may update these Terms. We will notify you at least 7 days before a change takes effect.\n"
    assert _first(notice, notice.replace("7 days", "30 days")).endswith("good news for users")
    assert "good news" not in _first(notice, notice.replace("7 days", "3 days"))


def test_a_smaller_credit_or_discount_is_never_good_news() -> None:
    # near misses: amounts the user receives, lower is worse for them
    credit = "# Plans\n\n## Fees\n\nEach Team seat gets a credit of 15 USD per month.\n"
    assert "good news" not in _first(credit, credit.replace("15 USD", "10 USD"))
    discount = "# Plans\n\n## Fees\n\nAnnual plans get a discount of 20 USD per seat per year.\n"
    assert "good news" not in _first(discount, discount.replace("20 USD", "10 USD"))


def test_a_long_value_change_keeps_both_values_and_its_start() -> None:
    said = headline([_change("When we retire a model, Quillfeather will announce it on its status page one week in "
                             "advance instead of at least 2 weeks (service-changes)", ("service-changes",))])
    assert said.startswith("When we retire a model") and said.endswith("one week in advance instead of at least 2 weeks"), said
    assert len(said) <= 100


def test_an_explanation_keeps_the_condition_its_pronoun_points_to() -> None:
    from tracker.api import compare

    old = "# Models\n\n## Deprecation\n\nWhen we retire a model, we will announce it on our status page at least 2 weeks in advance.\n"
    result = compare(old, old.replace("at least 2 weeks", "one week"))
    assert result.material and result.severity == "critical"
    assert result.changes[0].explanation.startswith("When we retire a model, we will announce it"), result.changes[0].explanation


server = test_faults.server
env = test_faults.env


# -- history across services and runs, material-only diffs and searches (a real store, real runs) --

def test_history_without_a_service_lists_every_service(archive: Any) -> None:
    arc, pages = archive
    three_changes(arc, pages)
    out = arc.tracker("history").stdout
    assert "lumen / Terms of Service" in out and "orbit / Privacy Policy" in out, out


def test_history_last_and_runs(archive: Any) -> None:
    arc, pages = archive
    # runs 1-4: first versions, expiry, venue, retention; a second apart (run starts and fetch times
    # are read to the second)
    for change in ({}, {"expiry": "6 months"}, {"venue": "Porto, Portugal"}, {"days": "90"}):
        if "days" in change:
            pages.days = change["days"]
        pages.terms.update({k: v for k, v in change.items() if k != "days"})
        arc.run()
        time.sleep(1.1)
    last = arc.tracker("history", "lumen", "--last", "1").stdout
    assert "Porto" in last and "6 months instead of 12" not in last, last
    recent = arc.tracker("history", "--runs", "1").stdout
    assert "orbit / Privacy Policy" in recent and "lumen" not in recent, recent
    two = arc.tracker("history", "--runs", "2", "--json").stdout
    assert {v["service_id"] for v in json.loads(two)} == {"lumen", "orbit"}
    arc.run()  # nothing changed: the last run recorded nothing
    assert arc.tracker("history", "--runs", "1").stdout.startswith("no version recorded by the last 1 run (run 5)")
    assert arc.tracker("history", "--runs", "0", code=2).exit_code == 2


def test_diff_compare_and_search_with_material_only(archive: Any, tmp_path: Path) -> None:
    arc, pages = archive
    arc.run()
    pages.terms.update(expiry="6 months", note="Thanks for mapping with us!")
    arc.run()
    full = arc.tracker("diff", "lumen").stdout
    only = arc.tracker("diff", "lumen", "--material").stdout
    assert "mapping with us" in full and "mapping with us" not in only, only
    assert "6 months instead of 12" in only and "1 material shown (--material)" in only, only
    data = json.loads(arc.tracker("diff", "lumen", "--material", "--json").stdout)
    assert data["changes"] and all(c["material"] for c in data["changes"])
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("# T\n\n## Fees\n\nCredits expire after 12 months.\n\n## Notes\n\nThank you for reading.\n")
    new.write_text("# T\n\n## Fees\n\nCredits expire after 6 months.\n\n## Notes\n\nThanks for reading!\n")
    shown = arc.tracker("compare", str(old), str(new), "--material").stdout
    assert "expire after" in shown and "for reading" not in shown, shown
    hits = arc.tracker("search", "--material").stdout
    assert "6 months instead of 12" in hits and "Thanks" not in hits, hits


def test_explanations_read_whole() -> None:
    from tracker.api import compare

    cap = ("# T\n\n## 6. Liability\n\n6.1 To the extent permitted by law, Quillfeather's total liability arising out of "
           "these Terms will not exceed the total fees you paid in the 12 months before the claim.\n")
    [change] = compare(cap, cap.replace("the total fees you paid in the 12 months before the claim", "100 USD")).changes
    # one sentence with both caps, not the cap and then the clause quoted again
    # (ux34: the cap said as a cap, old -> new, rather than the clause's words around the new value)
    assert "Liability cap now 100 USD (was 12 months' fees)" in change.explanation and "Now says" not in \
        change.explanation, change.explanation
    trial = "# T\n\n## Trial\n\nNew Quillfeather accounts get a 30-day free trial.\n"
    [change] = compare(trial, trial.replace("30-day", "7-day")).changes
    assert "7-day free trial instead of a 30-day one" in change.explanation, change.explanation
    waiver = ("# T\n\n## 9. Disputes\n\nDisputes are resolved by the courts of Oregon.\n")
    result = compare(waiver, waiver + "\nYou agree to bring claims only in an individual capacity and not as a "
                     "plaintiff or class member in any class or representative action.\n")
    assert "You agree to bring claims" in result.summary, result.summary  # never "To bring claims …"


def test_status_names_stored_documents_no_longer_declared(archive: Any) -> None:
    arc, _pages = archive
    arc.run()
    text = arc.sources.read_text(encoding="utf-8")
    arc.sources.write_text(text[:text.index("[[service]]\nid = \"orbit\"")], encoding="utf-8")
    out = arc.tracker("status").stdout
    assert "1 stored document not declared here (kept in the archive, no longer checked)" in out, out
    assert "one(s)" not in out


def test_a_sentence_of_a_numbered_paragraph_is_labelled_with_its_number() -> None:
    from tracker.analysis.rendering import section_label

    assert section_label("## 1. Accepting these Terms", "We will notify you at least 30 days before a change.",
                         "accepting-these-terms/1.2.s2") == "§ 1.2 Accepting these Terms"
    # near miss: a sentence of an unnumbered paragraph keeps the heading's number
    assert section_label("## 1. Accepting these Terms", "We will notify you.",
                         "accepting-these-terms/p2.s2") == "§ 1 Accepting these Terms"


def _serve_runs(env, *pages: str) -> list[Any]:  # type: ignore[no-untyped-def]
    """Run once per page served at the faulty site's /bad ("terms" or "login", a second apart: a
    problem's entry is named by its start, to the second), then the attention feed's entries."""
    import feedparser

    for page in pages:
        time.sleep(1.1)
        env.server.page("/bad", lambda page=page: html(TERMS if page == "terms" else LOGIN))
        env.run(code=0 if page == "terms" else 1)
    out = env.tmp / "feeds"
    env.tracker("feed", "--out", str(out), code=0)
    return list(feedparser.parse(str(out / "attention.atom")).entries)


def test_a_resolved_problem_stays_in_the_attention_feed_when_the_page_fails_again(env) -> None:  # type: ignore[no-untyped-def]
    # a first problem that ended, then a second one going on now
    titles = [e.title for e in _serve_runs(env, "terms", "login", "terms", "login")]
    assert any(t.startswith("Resolved") for t in titles), titles  # the first problem, ended
    assert len(titles) == 2, titles  # and the one going on


_QUILL_TERMS = ("<html><body><main><h1>Terms</h1><p>Returns are accepted within 30 days of delivery.</p>"
                "</main></body></html>")


def _quill_site(serve, tmp_path: Path, tracker_cli, routes: dict[str, Any], head: str = ""):  # type: ignore[no-untyped-def]
    """A local site for Quill whose ``routes`` (path -> response, or an exception class and its
    target) answer, any other path the terms page; the CLI on a sources file declaring each path
    named in ``routes`` whose response is no robots.txt as a document ("Terms", "Privacy", ...)."""
    from aiohttp import web

    async def handler(request: web.Request) -> web.Response:
        route = routes.get(request.path)
        if isinstance(route, tuple):
            raise route[0](route[1])
        return route or web.Response(text=_QUILL_TERMS, content_type="text/html")

    server = serve(handler)
    documents = "".join(f'  [[service.document]]\n  type = "{name}"\n  url = "{server.url(path)}"\n'
                        for name, path in (("Terms", "/terms"), ("Privacy", "/old-privacy")) if path in routes)
    sources = tmp_path / "sources.toml"
    sources.write_text(f'{head}[[service]]\nid = "quill"\nname = "Quill"\n{documents}', encoding="utf-8")
    return server, tracker_cli(sources)


def test_robots_txt_is_asked_with_the_user_agent_the_sources_give(serve, tmp_path: Path, tracker_cli) -> None:  # type: ignore[no-untyped-def]
    from aiohttp import web

    robots = web.Response(text="User-agent: *\nAllow: /\n", content_type="text/plain")
    server, cli = _quill_site(serve, tmp_path, tracker_cli, {"/robots.txt": robots, "/terms": None},
                              head='[defaults]\nuser_agent = "Quillbot-ops/1.0 (+mailto:ops@example.org)"\n\n')
    cli("run")
    agents = {h.path: h.headers["User-Agent"] for h in server.hits}
    assert agents["/robots.txt"].startswith("Quillbot-ops/1.0"), agents
    assert agents["/terms"].startswith("Quillbot-ops/1.0"), agents


def test_a_consent_library_banner_is_page_chrome(tmp_path: Path) -> None:
    from tracker.api import compare_sources

    page = ('<html><body>{banner}<main><h1>Terms</h1><p>Returns are accepted within 30 days of delivery.</p>'
            '<p>We may close accounts that break these rules.</p></main></body></html>')
    old, new = tmp_path / "old.html", tmp_path / "new.html"
    old.write_text(page.format(banner=""))
    for banner in ('<div class="cc-window cc-banner" role="dialog">Quill and 14 partners process data for ads and '
                   'analytics, session a1b2c3. <a>OK</a></div>',
                   '<div id="qc-cmp2-container">We and our partners store cookies on your device. <a>Agree</a></div>',
                   '<div class="osano-cm-window">This site stores small files on your device (ref 4d39). '
                   '<a>OK</a></div>'):
        new.write_text(page.format(banner=banner))
        result = compare_sources(str(old), str(new))
        assert not result.changes, (banner, result.summary)


def test_history_heads_each_document_even_of_the_same_type(archive: Any) -> None:
    arc, pages = archive
    text = arc.sources.read_text(encoding="utf-8")
    arc.sources.write_text(text.replace('type = "Privacy Policy"', 'type = "Terms of Service"'), encoding="utf-8")
    arc.run()
    out = arc.tracker("history").stdout
    assert "lumen / Terms of Service" in out and "orbit / Terms of Service" in out, out


def test_history_runs_finds_versions_a_killed_run_committed(archive: Any) -> None:
    import sqlite3

    arc, pages = archive
    three_changes(arc, pages)
    pages.days = "120"
    arc.run()  # run 5: its checks are deleted below, as a run killed after its commit leaves them unwritten
    with sqlite3.connect(arc.store / "index.sqlite") as db:
        db.execute("DELETE FROM checks WHERE run_id = 5")
    recent = arc.tracker("history", "--runs", "1").stdout
    assert "120 days" in recent, recent


def test_a_permanent_redirect_is_followed_and_said(serve, tmp_path: Path, tracker_cli) -> None:  # type: ignore[no-untyped-def]
    from aiohttp import web

    # near miss: a temporary redirect says nothing
    server, cli = _quill_site(serve, tmp_path, tracker_cli, {"/terms": (web.HTTPMovedPermanently, "/legal/terms-of-use"),
                                                             "/old-privacy": (web.HTTPFound, "/privacy")})
    cli("run")
    out = cli("run").stdout
    [terms] = [line for line in out.splitlines() if "quill/Terms" in line]
    assert f"moved permanently to {server.url('/legal/terms-of-use')}" in terms, out
    [privacy] = [line for line in out.splitlines() if "quill/Privacy" in line]
    assert "moved" not in privacy, out


def test_each_resolved_problem_keeps_its_own_entry(env) -> None:  # type: ignore[no-untyped-def]
    entries = _serve_runs(env, "terms", "login", "terms", "login", "terms")  # two problems, each ended
    resolved = [e for e in entries if e.title.startswith("Resolved")]
    assert len(resolved) == 2 and len({e.id for e in resolved}) == 2, [e.title for e in entries]


def test_a_venue_names_a_city_written_before_its_state() -> None:
    from tracker.analysis import analyse

    old = "# T\n\n## Disputes\n\nAny dispute will be resolved by binding arbitration in Denver, Colorado.\n"
    result = analyse(old, old.replace("Denver, Colorado", "Reno, Nevada"))
    assert result.summary.startswith("Arbitration now takes place in Reno, Nevada instead of Denver, Colorado"), \
        result.summary


def test_a_quantity_with_its_unit_is_no_age() -> None:
    from tracker.analysis.facts import extract_facts

    for text in ("You must not send batteries, liquids over 1 litre or live animals.",
                 "Parcels over 30 kg are not accepted.", "Files over 10 MB are rejected."):
        assert not [f for f in extract_facts(text) if f.kind == "age"], text
    # near misses: ages
    for text in ("You must be over 16 to use Pendlebury.", "Users under 13 may not register."):
        assert [f for f in extract_facts(text) if f.kind == "age"], text
