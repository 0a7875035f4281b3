"""`compare` with URLs: fetched through the fetch stage (robots.txt, user agent, size cap, content
guards) from a real local HTTP server, never with a bare urlopen."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from werkzeug.wrappers import Request, Response

import tracker
from tracker.cli.app import cli
from tracker.errors import FetchError
from tracker.fetch import DEFAULT_USER_AGENT, FetchOptions

OLD = ("<html><head><title>Terms</title></head><body><nav>Menu</nav><main><h1>Terms</h1><h2>Refunds</h2>"
       "<p>Credits expire after 12 months.</p><h2>Law</h2><p>The laws of Ireland apply.</p></main></body></html>")
NEW = OLD.replace("12 months", "6 months")
FAST = FetchOptions(host_delay=0, attempts=1)  # one local host: no politeness delay, no retries


@pytest.fixture
def pages(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private\n",
                                                               content_type="text/plain")
    for path, body in (("/old", OLD), ("/new", NEW), ("/private", NEW)):
        httpserver.expect_request(path).respond_with_data(body, content_type="text/html; charset=utf-8")
    return httpserver


def _agents(httpserver, path: str) -> list[str]:
    return [request.headers.get("User-Agent", "") for request, _ in httpserver.log if request.path == path]


def test_two_urls_compared_like_a_run_fetches_them(pages) -> None:
    result = tracker.compare_sources(pages.url_for("/old"), pages.url_for("/new"), select=["main"], options=FAST)
    assert result.material and result.categories == ("refunds",)
    assert [c.kind for c in result.changes] == ["modified"]
    assert _agents(pages, "/old") == [DEFAULT_USER_AGENT]  # the run's user agent, robots.txt read first
    assert _agents(pages, "/robots.txt") == [DEFAULT_USER_AGENT]

    texts = tracker.read_sources([pages.url_for("/old")], remove=["nav"],
                                 options=FetchOptions(host_delay=0, user_agent="me (+mailto:me@example.org)"))
    assert "Menu" not in texts[0] and "12 months" in texts[0]
    assert _agents(pages, "/old")[-1] == "me (+mailto:me@example.org)"


def test_a_url_and_a_file(pages, tmp_path) -> None:
    saved = tmp_path / "old.html"
    saved.write_text(OLD, encoding="utf-8")
    result = tracker.compare_sources(str(saved), pages.url_for("/new"), select=["main"], options=FAST)
    assert "6 months instead of 12" in result.summary


def test_robots_txt_is_honoured(pages) -> None:
    with pytest.raises(FetchError, match=r"cannot fetch http://.*/private: disallowed by http://.*/robots\.txt"):
        tracker.compare_sources(pages.url_for("/old"), pages.url_for("/private"), options=FAST)
    assert _agents(pages, "/private") == []  # never requested
    allowed = tracker.compare_sources(pages.url_for("/old"), pages.url_for("/private"),
                                      options=FetchOptions(host_delay=0, robots=False))
    assert allowed.material


@pytest.mark.parametrize("chunked", [False, True])
def test_a_body_over_the_size_cap_is_refused(httpserver, chunked: bool) -> None:
    big = OLD.replace("</main>", "<p>" + "x" * 5000 + "</p></main>")

    def handler(request: Request) -> Response:
        if chunked:  # no Content-Length: the cap applies while reading
            return Response((big[i:i + 1000] for i in range(0, len(big), 1000)), content_type="text/html")
        return Response(big, content_type="text/html")

    httpserver.expect_request("/big").respond_with_handler(handler)
    options = FetchOptions(host_delay=0, max_bytes=4096)
    message = r"cannot fetch http://.*/big: response (exceeds the|is \d+ bytes, over the) 4096-byte cap"
    with pytest.raises(FetchError, match=message):
        tracker.read_sources([httpserver.url_for("/big")], options=options)


def test_content_guards_of_a_run_apply(httpserver) -> None:
    httpserver.expect_request("/denied").respond_with_data(
        "<html><head><title>Access denied</title></head><body><h1>Access denied</h1></body></html>",
        content_type="text/html")
    httpserver.expect_request("/logo").respond_with_data(b"\x89PNG\r\n", content_type="image/png")
    httpserver.expect_request("/empty").respond_with_data("  ", content_type="text/html")
    httpserver.expect_request("/gone").respond_with_data("gone", status=404)
    for path, reason in (("/denied", "looks like an error page: access denied"),
                         ("/logo", "unexpected content type image/png"),
                         ("/empty", "empty response body"),
                         ("/gone", "HTTP 404")):
        with pytest.raises(FetchError, match=reason) as caught:
            tracker.read_sources([httpserver.url_for(path)], options=FAST)
        assert caught.value.url == httpserver.url_for(path)


def test_cli_failed_fetch_is_one_line_and_exit_1(pages, httpserver) -> None:
    """The command line: robots.txt refusal and an oversized body each give one line, exit 1."""
    huge = b"<html><body><main><p>" + b"x" * (10 * 1024 * 1024 + 1) + b"</p></main></body></html>"
    httpserver.expect_request("/huge").respond_with_data(huge, content_type="text/html")
    for path, reason in (("/private", "disallowed by"), ("/huge", "over the 10485760-byte cap")):
        result = CliRunner().invoke(cli, ["compare", "--no-color", pages.url_for("/old"), pages.url_for(path)])
        assert result.exit_code == 1, result.output
        lines = result.output.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: cannot fetch {pages.url_for(path)}: ")
        assert reason in lines[0]
        assert "Traceback" not in result.output

    ok = CliRunner().invoke(cli, ["compare", "--ignore-robots", "--select", "main", "--json",
                                  pages.url_for("/old"), pages.url_for("/private")])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)["categories"] == ["refunds"]


# short terms (under 2,000 characters) of a fictional service, and a landing page served in their place
SHORT_TERMS = ("<html><head><title>Quillby Terms</title></head><body><main><h1>Quillby Terms of Service</h1>"
               "<h2>1. Refunds</h2><p>If you cancel within 14 days we refund your payment in full.</p><h2>2. "
               "Termination</h2><p>We may terminate your account after giving you 30 days' written notice.</p><h2>3. "
               "Liability</h2><p>Our liability is limited to the fees you paid in the last 12 months.</p><h2>4. "
               "Disputes</h2><p>Any dispute goes to the courts of Denver under the governing law of Colorado.</p>"
               "</main></body></html>")
LANDING = ("<html><head><title>Quillby</title></head><body><main><h1>Ship notes faster with Quillby</h1><p>Write, "
           "share and publish in seconds. Start your free trial today.</p><p><a href='/signup'>Get started</a></p>"
           "</main><footer><a href='/terms'>Terms</a> <a href='/privacy'>Privacy</a></footer></body></html>")


def test_a_url_serving_a_landing_page_where_short_terms_stood_is_refused_as_a_run_refuses_it(httpserver, tmp_path):
    httpserver.expect_request("/terms").respond_with_data(SHORT_TERMS, content_type="text/html")
    httpserver.expect_request("/landing").respond_with_data(LANDING, content_type="text/html")
    terms, landing = httpserver.url_for("/terms"), httpserver.url_for("/landing")
    for old, new, refused in ((terms, landing, landing), (landing, terms, landing)):
        with pytest.raises(FetchError, match="not the terms: another page") as caught:
            tracker.compare_sources(old, new, options=FAST)
        assert caught.value.url == refused
        result = CliRunner().invoke(cli, ["compare", "--no-color", old, new])
        assert result.exit_code == 1 and "Traceback" not in result.output, result.output
        lines = result.output.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: cannot compare {refused}: not the terms"), lines
    # a saved file of the landing page is compared all the same, with a warning on stderr
    saved = tmp_path / "landing.html"
    saved.write_text(LANDING, encoding="utf-8")
    said: list[str] = []
    result = tracker.compare_sources(terms, str(saved), options=FAST, warn=said.append)
    assert result.changes and len(said) == 1 and said[0].startswith(f"warning: {saved} is not the terms"), said
    cli_run = CliRunner().invoke(cli, ["compare", "--no-color", terms, str(saved)])
    assert cli_run.exit_code == 0 and "warning:" in cli_run.output, cli_run.output
    # short terms against their own change: compared as ever, no warning
    httpserver.expect_request("/terms2").respond_with_data(SHORT_TERMS.replace("14 days", "7 days"),
                                                           content_type="text/html")
    said.clear()
    changed = tracker.compare_sources(terms, httpserver.url_for("/terms2"), options=FAST, warn=said.append)
    assert changed.changes and not said
