"""A first-time user's reading (session 28): a failing document whose failures had mixed causes
says for how many runs the latest cause lasted ("served a login page for 1 run(s)"), not the
whole streak, in ``tracker status`` and in the attention feed.

Real runs of the CLI against a real local HTTP server (``test_faults``' fixtures); every text is
invented, about fictional services.
"""

from __future__ import annotations

import feedparser
import pytest
from aiohttp import web

import test_faults
from test_faults import BAD, TERMS, html

server = test_faults.server
env = test_faults.env

LOGIN = ("<!doctype html><html><head><title>Acme</title></head><body><main><h1>Log in to continue</h1>"
         "<p>Members of the Acme workspace only.</p><a href='/sso'>Continue with Google</a></main></body></html>")


def test_a_streak_of_failures_with_mixed_causes_says_how_long_the_latest_cause_lasted(env):
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: web.Response(status=500, text="boom"))
    for _ in range(2):
        assert env.run(code=1)[BAD]["outcome"] == "failed"
    env.server.page("/bad", lambda: html(LOGIN))
    docs = env.run(code=1)
    assert docs[BAD]["outcome"] == "failed" and "login page" in docs[BAD]["error"], docs[BAD]
    line = next(x for x in env.tracker("status", code=None).output.splitlines() if x.startswith(BAD))
    assert "served a login page for 1 run(s), not recorded" in line, line
    assert "failing 2 run(s) before that for other reasons" in line, line
    rows = env.status()
    assert rows[BAD]["failing_runs"] == 3 and rows[BAD]["served_runs"] == 1, rows[BAD]
    out = env.tmp / "feeds"
    env.tracker("feed", "--out", str(out), code=0)
    titles = [e.title for e in feedparser.parse(str(out / "attention.atom")).entries]
    assert any("served a login page for 1 run(s)" in t for t in titles), titles
    env.run(code=1)  # the same cause again: its own streak grows
    line = next(x for x in env.tracker("status", code=None).output.splitlines() if x.startswith(BAD))
    assert "served a login page for 2 run(s)" in line and "failing 2 run(s) before that" in line, line


def test_a_sources_file_cut_off_mid_string_or_list_says_where_it_opens() -> None:
    from tracker.errors import ConfigError
    from tracker.sources.config import parse_sources

    good = '[[service]]\nid = "acme"\nname = "Acme"\n'
    for broken, line in ((good + 'note = """Terms of\nthe service\n', 4),
                         (good + 'tags = ["a",\n "b"]\nselect = ["main",\n "article",\n', 6),
                         ("\ufeff" + good + 'note = "unclosed\n', None)):  # tomllib names the line itself
        with pytest.raises(ConfigError) as caught:
            parse_sources(broken)
        said = str(caught.value)
        assert said.startswith("sources.toml: invalid TOML: "), said
        if line is None:
            assert "(at line 4," in said and "never closed" not in said, said
        else:
            assert said.endswith(f"(at end of document): what opens on line {line} is never closed"), said


@pytest.mark.parametrize("old_place, new_place", [("New York", "San Francisco, California"), ("Paris, France", "Dublin, Ireland")])
def test_a_changed_seat_of_arbitration_does_not_read_as_new_arbitration(old_place: str, new_place: str) -> None:
    from tracker.analysis import analyse

    terms = ("# Quillbrook Terms\n\n## Disputes\n\nAny dispute will be resolved by final and binding arbitration "
             "held in {}.\n\n## Fees\n\nYou pay the fees shown on the pricing page each month.\n")
    result = analyse(terms.format(old_place), terms.format(new_place))
    [change] = result.changes
    said = change.explanation
    assert "will now be resolved" not in said and "now" not in said.split(new_place)[0], said
    assert f"{new_place} instead of {old_place}" in said and change.material, said


def test_now_stays_next_to_a_value_close_to_its_verb() -> None:
    from tracker.analysis.materiality import label_change

    label = label_change("modified", "Credits that you have not used expire after 12 months.",
                         "Credits that you have not used expire after 6 months.", heading="Credits")
    assert label.explanation.startswith("Credits that you have not used now expire after 6 months instead of 12"), \
        label.explanation
