"""Faults a new user found (session 15): a capture with whole sections missing, an attention feed
that did not say what it holds, a bare "HTTP 404 Not Found".

- A text that lost over 30% of the latest version in whole sections, nothing new (a page
  loaded in part, a variant without them), is held like a sudden shrink (session 33: 3 runs, was
  the next run): served once, nothing is recorded and no "removed" clause reaches a feed; served
  ``HOLD_RUNS`` runs in a row, it is recorded.
- A version the very next capture undoes (the text from before it again) keeps its feed entries,
  updated to say "Taken back" and when, so a reader who saw its alarms learns they did not last.
- The attention feed says in its title and description that it lists the problems going on now,
  and a problem that ends is not dropped without a word: its entry is updated to "Resolved: ...".
- A bare HTTP error is shown with what to do ("the page moved or was removed? ..."), in the run's
  lines and `tracker status`; the stored error (``--json``) stays the server's words.

The real CLI against a real local server (test_faults.py's ``env``); all texts are invented.
"""

from __future__ import annotations

import json
import time

import pytest

import test_faults
from test_faults import BAD, CLAUSES, Env, html
from tracker.fetch import guards as guard

server = test_faults.server
env = test_faults.env

REFUNDS = ("<h2>41. Refunds</h2><p>When you close your account, we refund your unused credits in full "
           "within fourteen days.</p>")


def terms(clauses: str = CLAUSES, extra: str = "") -> str:
    return (f"<!doctype html><html><head><title>Acme terms</title></head><body><main><h1>Acme Terms of Service"
            f"</h1>{clauses}{extra}</main></body></html>")


def first_sections(n: int) -> str:
    """The first ``n`` of the 40 clauses of ``CLAUSES`` (a page loaded in part)."""
    return "".join("<h2>" + part for part in CLAUSES.split("<h2>")[1:n + 1])


def feed_items(env: Env, name: str) -> list[dict]:
    out = env.tmp / "feeds"
    env.tracker("feed", "--out", str(out), code=0)
    return json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["items"]


def test_sections_missing_once_are_held_and_nothing_reaches_the_feeds(env):
    env.server.page("/bad", lambda: html(terms()))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: html(terms(first_sections(26))))  # 14 of 40 sections missing: about a third
    docs = env.run()
    assert docs[BAD]["outcome"] == "held", docs[BAD]
    assert "whole sections missing" in docs[BAD]["summary"] and f"seen in {guard.HOLD_RUNS} consecutive runs" in docs[BAD]["summary"]
    assert len(env.commits("faulty")) == 1
    assert "held" in env.tracker("status", code=None).output
    [held] = feed_items(env, "attention")
    assert "held" in held["title"] and "whole sections missing" in held["summary"], held
    env.server.page("/bad", lambda: html(terms()))  # the full page is back
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    assert len(env.commits("faulty")) == 1
    assert feed_items(env, "all") == []  # no version, so no "removed" clause anywhere
    # the problem does not vanish without a word: its entry (same id) now says it was resolved
    [resolved] = feed_items(env, "attention")
    assert resolved["id"] == held["id"] and resolved["title"].startswith("Resolved: "), resolved
    assert "checked fine again" in resolved["summary"] and "resolved" in resolved["tags"]


def test_sections_missing_for_hold_runs_in_a_row_are_recorded(env):
    env.server.page("/bad", lambda: html(terms()))
    env.run(code=0)
    env.server.page("/bad", lambda: html(terms(first_sections(26))))
    for _ in range(guard.HOLD_RUNS - 1):
        assert env.run()[BAD]["outcome"] == "held"
    docs = env.run(code=0)  # seen in HOLD_RUNS runs in a row: the sections are gone for real
    assert docs[BAD]["outcome"] == "changed", docs[BAD]
    assert len(env.commits("faulty")) == 2 and "Clause 27" not in env.text("faulty")


def test_a_smaller_drop_or_a_rewrite_is_recorded_at_once(env):
    env.server.page("/bad", lambda: html(terms()))
    env.run(code=0)
    env.server.page("/bad", lambda: html(terms(first_sections(34))))  # 15% less: no hold
    assert env.run(code=0)[BAD]["outcome"] == "changed"
    rewritten = first_sections(20).replace("thirty days", "seven days")  # shorter, and new wording
    env.server.page("/bad", lambda: html(terms(rewritten)))
    assert env.run(code=0)[BAD]["outcome"] == "changed"
    assert len(env.commits("faulty")) == 3


@pytest.mark.parametrize("latest, text, held", [
    ("aaaa\nbbbb\ncccc\ndddd\neeee", "aaaa\nbbbb\ncccc\ndddd", False),  # a fifth less: not over 30%
    ("aaaa\nbbbb\ncccc\ndddd\neeee\nffff", "aaaa\nbbbb\ncccc\ndddd", True),
    ("aaaa\nbbbb\ncccc\ndddd\neeee\nffff", "aaaa\nxxxx\nyyyy\nzzzz", False),  # rewritten, not dropped
    ("aaaa\nbbbb\ncccc\ndddd\neeee\nffff\ngggg\nhhhh\niiii\njjjj", "aaaa\nbbbb", False),  # a sudden shrink: ``shrink``
])
def test_dropped_rule(latest, text, held):
    assert (guard.dropped(latest, text) is not None) is held
    assert guard.dropped(latest, text, max_shrink=1) is None  # holds turned off


def test_a_version_the_next_capture_undoes_is_marked_taken_back_in_the_feeds(env):
    env.server.page("/bad", lambda: html(terms(extra=REFUNDS)))
    env.run(code=0)
    env.server.page("/bad", lambda: html(terms()))  # the refund promise gone (a variant, as it turns out)
    assert env.run(code=0)[BAD]["outcome"] == "changed"
    before = [i for i in feed_items(env, "all") if "faulty" in i["url"] or "Faulty" in i["title"]]
    assert len(before) == 1 and not before[0]["title"].startswith("Taken back"), before
    env.server.page("/bad", lambda: html(terms(extra=REFUNDS)))  # the next capture has it again
    time.sleep(1.1)  # feed dates have whole seconds: a fast machine ran both captures in one
    assert env.run(code=0)[BAD]["outcome"] == "revert"
    items = {i["id"]: i for i in feed_items(env, "all")}
    undone = items[before[0]["id"]]
    assert undone["title"].startswith("Taken back: Faulty Co Terms of Service"), undone
    assert "Taken back on " in undone["summary"] and "taken back" in undone["tags"]
    assert undone["date_modified"] > before[0]["date_modified"]  # updated: readers refresh it
    assert undone["date_published"] == before[0]["date_published"]  # first seen then: published stays (session 29)
    material = feed_items(env, "material")
    if any(i["id"] == undone["id"] for i in material):  # a material removal: marked there too
        assert next(i for i in material if i["id"] == undone["id"])["title"].startswith("Taken back")


def test_the_attention_feed_says_what_it_holds(env):
    env.server.page("/bad", lambda: html("gone", status=404))
    env.run(code=1)
    out = env.tmp / "feeds"
    env.tracker("feed", "--out", str(out), code=0)
    feed = json.loads((out / "attention.json").read_text(encoding="utf-8"))
    assert "now" in feed["title"] and "failing or held" in feed["title"], feed["title"]
    assert "latest check failed" in feed["description"] and "resolved" in feed["description"]
    assert "now (documents failing or held)" in (out / "attention.rss").read_text(encoding="utf-8")


def test_a_bare_404_is_shown_with_what_to_do_and_stored_as_said(env):
    env.server.page("/bad", lambda: html(terms()))
    env.run(code=0)
    env.server.page("/bad", lambda: html("<h1>Not here</h1>", status=404))
    docs = env.run(code=1)
    assert docs[BAD]["error"] == "HTTP 404 Not Found"  # the stored error: the server's words
    shown = env.tracker("run", code=1)
    line = next(x for x in shown.output.splitlines() if "faulty/" in x)
    assert "HTTP 404 Not Found; the page moved or was removed? open the url in a browser" in line, line
    assert "`tracker status`" in line
    status = env.tracker("status", code=None).output
    assert "gone since" in status and "the page moved or was removed?" in status, status
    assert "`tracker status`" not in status


@pytest.mark.parametrize("error, fix", [
    ("HTTP 404 Not Found", "the page moved or was removed?"),
    ("HTTP 410 Gone", "the page was removed"),
    ("HTTP 403 Forbidden", "refuses the tracker"),
    ("HTTP 502 Bad Gateway", "a fault of the site's server"),
    ("HTTP 418", None),  # no fix known: said as it is
    ("HTTP 404 Not Found at https://x.example/new, where https://x.example/old redirects: the page moved; "
     "update the source's url to its new address", None),  # says what to do already
    ("timed out after 15 s", None),
])
def test_error_fix(error, fix):
    from tracker.cli.output import error_fix

    shown = error_fix(error)
    if fix is None:
        assert shown == error
    else:
        assert shown.startswith(error + "; ") and fix in shown
