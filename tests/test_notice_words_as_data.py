"""A notice's words used as data are no notice (newuser9: an API pricing page with a table column
"Rate limit (RPM)" was refused on every run as "looks like an error page: rate limit", so the page
could never be tracked). The kind: words an error page says ("rate limit", "404", "status",
"access denied") standing in a table cell, a section heading or a clause of a short page that is
not terms-heavy (pricing, API limits, SLA). A notice is a prompt, never a table cell, and a rate
limit notice says one was hit. Invented pages (Cortexa AI, Pellucid API)."""

from __future__ import annotations

import json

import pytest
from werkzeug.wrappers import Response

from support import TrackerCLI
from tracker.extract.convert import extract
from tracker.fetch.guards import error_page

PRICING = """<html><head><title>Pricing - Cortexa AI</title></head><body><main><h1>Cortexa AI API pricing</h1>
<p>Last updated: 1 December 2026</p><h2>1. API pricing</h2>
<table><tr><th>Model</th><th>Input (per 1M tokens)</th><th>Output (per 1M tokens)</th><th>{col}</th></tr>
<tr><td>cortex-large</td><td>$3.00</td><td>$15.00</td><td>4,000</td></tr>
<tr><td>cortex-small</td><td>$0.25</td><td>{small}</td><td>10,000</td></tr></table>
<h2>2. Rate limits</h2><p>Tier 1 accounts are limited to 500 requests per minute.</p>
<h2>3. Model deprecation</h2><p>We will give at least 2 weeks notice before a model is removed.</p></main></body></html>"""

ERRORS = """<html><head><title>Pellucid API errors</title></head><body><main><h1>Error codes</h1>
<table><tr><th>Code</th><th>Meaning</th></tr><tr><td>404</td><td>Not found</td></tr>
<tr><td>429</td><td>Too many requests</td></tr><tr><td>503</td><td>Service unavailable</td></tr></table>
<p>Each response carries a request id you can quote to our support team.</p></main></body></html>"""


def _verdict(html: str) -> str | None:
    raw = html.encode()
    return error_page(extract(raw, "text/html"), raw)


@pytest.mark.parametrize("col", ["Rate limit (RPM)", "Rate limit", "Status", "Access"])
def test_a_table_header_is_data(col):
    assert _verdict(PRICING.format(col=col, small="$1.25")) is None


def test_a_table_of_error_codes_is_data():
    assert _verdict(ERRORS) is None


@pytest.mark.parametrize("body", [
    "<h1>Rate limited</h1><p>Try again later.</p>",
    "<h1>Error</h1><p>Rate limit exceeded. Try again in 60 seconds.</p>",
    "<p>You have been rate-limited.</p>",
    "<h1>Slow down</h1><p>You have hit the rate limit for this page.</p>",
    "<h1>Too many requests</h1><p>Please try again in a few minutes.</p>",
])
def test_a_rate_limit_notice_is_still_refused(body):
    assert _verdict(f"<html><head><title>Oops</title></head><body>{body}</body></html>") == \
        "looks like an error page: rate limit"


def test_a_pricing_page_with_a_rate_limit_column_is_tracked(tmp_path, httpserver):
    """The real CLI records the page, then its changed price."""
    state = {"small": "$1.25"}
    httpserver.expect_request("/pricing").respond_with_handler(
        lambda request: Response(PRICING.format(col="Rate limit (RPM)", small=state["small"]),
                                 content_type="text/html; charset=utf-8"))
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[service]]\nid = "cortexa"\nname = "Cortexa AI"\n[[service.document]]\n'
                       f'type = "Pricing"\nurl = "{httpserver.url_for("/pricing")}"\nselect = ["main"]\n')
    cli = TrackerCLI(tmp_path / "store", sources)
    first = json.loads(cli("run", "--json").stdout)
    state["small"] = "$1.50"
    second = json.loads(cli("run", "--json").stdout)
    history = json.loads(cli("history", "cortexa", "--json").stdout)
    assert len(history) == 2, (first, second)
