"""`tracker status` keeps saying a document is gone when a later check cannot even connect
(newuser12: a 404 lost behind a later connection error). The real CLI against a real local
server (test_faults.py's ``env``); the terms are invented.
"""

from __future__ import annotations

import socket

import test_faults
from test_faults import BAD, html

server = test_faults.server
env = test_faults.env

TERMS = ("<!doctype html><html><body><main><h1>Plinth Terms</h1><h2>1. Use</h2><p>You may use Plinth to plan "
         "your allotment and share planting calendars with friends.</p><h2>2. Fees</h2><p>Plinth Plus costs "
         "$4 per month.</p></main></body></html>")


def _closed_port_url() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now: a connection is refused
    return f"http://127.0.0.1:{port}/terms"


def test_gone_survives_a_later_connection_error(env):
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    env.server.page("/bad", lambda: html("<h1>Not found</h1>", status=404))
    env.run(code=1)
    gone = env.status()[BAD]["gone_since"]
    assert gone
    env.bad_url = _closed_port_url()
    env.run(code=1)
    row = env.status()[BAD]
    assert row["gone_since"] == gone, row
    assert row["gone_reason"] == "HTTP 404 Not Found" and "connect" in row["error"], row
    shown = env.tracker("status", code=None).output
    line = next(x for x in shown.splitlines() if x.startswith("faulty/"))
    # gone since the 404, said as the 404; the connection error after it as the latest check's
    assert f"gone since {gone[:10]} (HTTP 404 Not Found" in line, line
    assert "latest check: cannot connect" in line, line
    assert line.index("HTTP 404") < line.index("cannot connect"), line


def test_the_attention_feed_says_gone_with_its_404(env):
    """The attention feed's entry for that document says it is gone and why, then the latest failure."""
    import json

    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    env.server.page("/bad", lambda: html("<h1>Not found</h1>", status=404))
    env.run(code=1)
    env.bad_url = _closed_port_url()
    env.run(code=1)
    out = env.tmp / "feeds"
    env.tracker("feed", "--out", str(out), code=0)
    [item] = json.loads((out / "attention.json").read_text(encoding="utf-8"))["items"]
    assert "gone" in item["title"] and "HTTP 404 Not Found" in item["summary"], item
    assert "latest check: cannot connect" in item["summary"], item


def test_a_gone_page_seen_again_is_no_longer_gone(env):
    """The gone state ends when the page is served again, connection errors between or not."""
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    env.server.page("/bad", lambda: html("<h1>Not found</h1>", status=404))
    env.run(code=1)
    good_url = env.bad_url
    env.bad_url = _closed_port_url()
    env.run(code=1)
    env.bad_url = good_url
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    row = env.status()[BAD]
    assert row["gone_since"] is None and row["gone_reason"] is None, row
