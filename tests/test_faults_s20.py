"""Faulty sites found by `benchmarks/fault_audit.py s20` (session 20), played against the real CLI
and a real local server (test_faults.py's ``env``); all texts are invented.

A block hidden by its own markup whose text is new on every request (an A/B bucket) makes no
version, while a folded accordion panel stays part of the terms.
"""

from __future__ import annotations

import itertools

import test_faults
from test_faults import BAD, CLAUSES, html

server = test_faults.server
env = test_faults.env


def terms(body: str = CLAUSES, title: str = "Acme terms", extra: str = "") -> str:
    return (f"<!doctype html><html><head><title>{title}</title></head><body><nav>Home</nav><main><h1>Acme Terms "
            f"of Service</h1>{extra}{body}</main><footer>Acme</footer></body></html>")


def test_a_hidden_block_new_on_every_request_is_no_version_a_folded_panel_is_terms(env):
    bucket = itertools.count(3)

    def page() -> str:  # an experiment's hidden block, new on every request, and a folded panel
        return terms(extra=f"<div style='display: none' class='exp'><p>Experiment bucket {next(bucket)}: show the "
                           "other layout to this visitor.</p></div><h2>Refunds</h2><div class='panel-body' "
                           "style='display:none'><p>Refunds are paid within 9 days.</p></div>")
    env.server.page("/bad", lambda: html(page()))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    for _ in range(2):
        assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    assert len(env.commits("faulty")) == 1
    text = env.text("faulty")
    assert "Experiment bucket" not in text and "Refunds are paid within 9 days." in text
    # the folded panel's text changing is a change of the terms
    env.server.page("/bad", lambda: html(page().replace("9 days", "30 days")))
    assert env.run(code=0)[BAD]["outcome"] == "changed"
    assert len(env.commits("faulty")) == 2
