"""Faulty sites of session 18 (``benchmarks/fault_audit.py s18``): bot checks in words, access
limited, a network filter's block page, maintenance, soft 404s, CDN error pages, suspended or
parked hosts, expired sessions, interstitial ads, pay-or-consent walls, consent walls in
it/es/nl, "cookies are disabled" pages (``tests/fault_pages_s18.py``), each in several languages;
a browser-rendered page still showing "Loading…"; a 429/503 whose Retry-After pauses the address
for the next runs.

Each fault is refused with its reason and the recorded version is untouched; real terms that say
the same words in a clause are recorded. The real CLI against a real local server (test_faults.py's
``env``); all texts are invented.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone


import pytest

import test_faults
from fault_pages_s18 import KINDS, NEGATIVES
from test_faults import BAD, TERMS, html
from tracker.extract.convert import extract
from tracker.fetch import guards as guard

server = test_faults.server
env = test_faults.env

# kind -> what the run's reason says (each language of the kind)
REASONS = {
    "bot-check": ("bot check",), "access-limited": ("access limited", "rate limit"),
    "network-filter": ("network filter's block page",), "maintenance": ("maintenance page",),
    "soft-404": ("page not found",), "cdn-error": ("CDN error page",),
    "suspended-host": ("suspended site", "parked domain"), "session-expired": ("expired session", "login page"),
    "interstitial-ad": ("interstitial ad",), "pay-or-consent": ("pay-or-consent wall",),
    "consent-wall": ("consent screen",), "cookies-disabled": ("cookies disabled",),
}
CASES = [(kind, lang) for kind, langs in KINDS.items() for lang in langs]


def judged(body: str, previous: int | None = None) -> str | None:
    raw = body.encode()
    return guard.error_page(extract(raw, "text/html"), raw, previous, url="http://127.0.0.1/terms",
                            final_url="http://127.0.0.1/terms")


def test_every_kind_has_its_reasons_and_several_languages():
    assert set(REASONS) == set(KINDS)
    assert all(len(langs) >= 4 for langs in KINDS.values())


@pytest.mark.parametrize("kind,lang", CASES)
def test_each_fault_page_is_named_by_its_kind(kind, lang):
    body, _ = KINDS[kind][lang]
    reason = judged(body)
    assert reason is not None and reason.startswith(guard.ERROR_PAGE_PREFIX), (kind, lang, reason)
    assert any(said.lower() in reason.lower() for said in REASONS[kind]), (kind, lang, reason)
    assert guard.served_instead(reason) is not None, reason  # status and the feed say what was served


@pytest.mark.parametrize("name", sorted(NEGATIVES))
def test_terms_that_mention_the_words_in_a_clause_are_terms(name):
    assert judged(NEGATIVES[name]) is None
    assert judged(NEGATIVES[name], previous=len(NEGATIVES[name])) is None


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_fault_page_is_refused_in_every_language_and_the_version_is_untouched(env, kind):
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    before = env.text("faulty")
    for lang, (body, status) in KINDS[kind].items():
        env.server.page("/bad", lambda body=body, status=status: html(body, status))
        docs = env.run(code=1)
        bad = docs[BAD]
        assert bad["outcome"] == "failed" and bad["commit"] is None, (lang, bad)
        if status == 200:
            assert any(said.lower() in bad["error"].lower() for said in REASONS[kind]), (lang, bad)
        assert "\n" not in bad["error"]
    assert len(env.commits("faulty")) == 1 and env.text("faulty") == before
    row = env.status()[BAD]
    assert row["last_outcome"] == "failed", row
    # the terms back, changed: recorded as usual
    env.server.page("/bad", lambda: html(TERMS.replace("thirty days", "seven days")))
    assert env.run(code=0)[BAD]["outcome"] == "changed"


@pytest.mark.parametrize("name", sorted(NEGATIVES))
def test_short_terms_naming_cookies_maintenance_or_not_found_are_recorded(env, name):
    env.server.page("/bad", lambda: html(NEGATIVES[name]))
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "new", docs[BAD]
    assert len(env.commits("faulty")) == 1


def test_a_first_run_on_a_fault_page_records_nothing(env):
    for kind, langs in KINDS.items():
        body, status = next(iter(langs.values()))
        env.server.page("/bad", lambda body=body, status=status: html(body, status))
        docs = env.run(code=1)
        assert docs[BAD]["outcome"] == "failed", (kind, docs[BAD])
    assert env.commits("faulty") == []


def test_a_retry_after_pauses_the_address_for_the_next_runs_until_then(env):
    """A 429 whose Retry-After asks for an hour: the run fails it at once and says the next runs
    skip the address until then; the next run does not ask the server at all and says why in one
    line (exit 0: nothing failed); once the pause is over the address is fetched as usual. The
    version recorded before is untouched throughout."""
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    asked = []

    def limited():
        asked.append(1)
        return html("<h1>Too Many Requests</h1>", 429, **{"Retry-After": "3600"})

    env.server.page("/bad", limited)
    bad = env.run(code=0)[BAD]  # (ops34: a pause longer than a run waits skips it in this run, not a failure)
    assert bad["outcome"] == "skipped" and "HTTP 429" in bad["summary"], bad
    assert "fetches it again (its Retry-After)" in bad["summary"] and len(asked) == 1, bad
    pauses_file = env.store / "pauses.json"
    until = datetime.fromisoformat(json.loads(pauses_file.read_text())[env.bad_url])
    assert 3500 < (until - datetime.now(timezone.utc)).total_seconds() <= 3600
    # the next scheduled run: skipped, the server not asked, a clear line in the run's output
    out = env.tracker("run", code=0).output
    assert len(asked) == 1 and "paused" in out and "Retry-After" in out and env.bad_url in out, out
    bad = env.run(code=0)[BAD]
    assert bad["outcome"] == "skipped" and bad["summary"].startswith("paused:"), bad
    assert len(asked) == 1 and len(env.commits("faulty")) == 1
    # the pause over (its end moved to the past): fetched again, the terms still the same
    pauses_file.write_text(json.dumps({env.bad_url: "2020-01-01T00:00:00+00:00"}))
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    assert not pauses_file.exists() and len(env.commits("faulty")) == 1


def test_a_503_retry_after_within_the_run_is_waited_for_and_leaves_no_pause(env):
    """A 503 asking for 1 s, then the terms: the run waits, gets them, and pauses nothing."""
    served = []

    def once_busy():
        served.append(1)
        if len(served) == 1:
            return html("<h1>Service Unavailable</h1>", 503, **{"Retry-After": "1"})
        return html(TERMS)

    env.server.page("/bad", once_busy)
    assert env.run(code=0)[BAD]["outcome"] == "new"
    assert not (env.store / "pauses.json").exists()


STUCK = ("<!doctype html><html><head><meta charset='utf-8'><title>Acme terms</title></head><body><nav>Home</nav><main><h1>Acme Terms of "
         "Service</h1><p class='spinner'>Loading…</p></main><script>fetch('/api/missing').then(r => r.json())"
         ".then(d => { document.querySelector('main').innerHTML = d.html; });</script><footer>© Acme</footer>"
         "</body></html>")


def test_a_rendered_page_still_loading_says_it_did_not_finish_loading_and_keeps_the_version(env):
    """render = "browser" and a page whose script never fills it ("Loading…" under the title,
    the API it calls failing): the run says the page did not finish loading - not that it "needs
    JavaScript", which it was given - fails it (exit 1, as other fetch faults) and keeps the
    latest version."""
    pytest.importorskip("playwright.async_api")
    from test_browser_fetch import browser_or_skip

    browser_or_skip()
    env.bad_extra = 'render = "browser"\ntimeout = 15'
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    before = env.text("faulty")
    env.server.page("/bad", lambda: html(STUCK))
    bad = env.run(code=1)[BAD]
    assert bad["outcome"] == "failed" and "did not finish loading" in bad["error"], bad
    assert "Loading" in bad["error"] and "needs JavaScript" not in bad["error"], bad
    assert env.text("faulty") == before and len(env.commits("faulty")) == 1
    assert env.status()[BAD]["last_outcome"] == "failed"


def test_loading_only_is_the_placeholder_alone():
    assert guard.loading_only("# Acme Terms\n\nLoading…\n\n© Acme\n") == "Loading…"
    assert guard.loading_only("# Acme Terms\n\nChargement en cours...\n") is not None
    assert guard.loading_only("# Acme Terms\n\nLoading…\n\n1. You agree to pay the fees.\n") is None
    assert guard.loading_only("# Acme Terms\n\n1. You agree to pay the fees.\n") is None


def test_an_unreadable_pauses_file_costs_nothing_but_the_pause(tmp_path):
    """A damaged pauses.json (a crash mid-write, a hand edit) is read as no pause; a pause that is
    over is dropped when the file is written again, and no pause left means no file."""
    from tracker.run import pauses

    (tmp_path / pauses.FILE).write_text("{not json")
    assert pauses.load(tmp_path) == {}
    now = datetime.now(timezone.utc)
    later, earlier = now.replace(year=now.year + 1), now.replace(year=now.year - 1)
    pauses.save(tmp_path, {"http://a.example/terms": later, "http://b.example/terms": earlier}, now)
    assert list(pauses.load(tmp_path)) == ["http://a.example/terms"]
    pauses.save(tmp_path, {"http://b.example/terms": earlier}, now)
    assert not (tmp_path / pauses.FILE).exists()
