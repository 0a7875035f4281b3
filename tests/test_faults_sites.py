"""More faulty sites, from an audit of `tracker run` against ~50 faults (the real CLI, a real
local server): responses that are not the page asked for, told apart with a one-line reason that
says what to do, never recorded, and a real page next to them still recorded.

The fixtures and checks are test_faults.py's: ``env`` serves a good page and a faulty one.
"""

from __future__ import annotations

import asyncio
import gzip
import shutil
import ssl
import subprocess
from typing import Callable

import pytest
from aiohttp import web

import test_faults
from test_faults import BAD, CLAUSES, TERMS, Env, _page, assert_fault, html
from tracker.fetch import guards as guard

server = test_faults.server  # test_faults.py's fixtures: a good page and a faulty one
env = test_faults.env

SITES: dict[str, tuple[Callable[[Env], None], str]] = {}


def site(name: str, reason: str):
    def register(setup: Callable[[Env], None]) -> Callable[[Env], None]:
        SITES[name] = (setup, reason)
        return setup
    return register


@site("partial-content-unasked", "HTTP 206 Partial Content: the server sent only part of the page (bytes 0-99/")
def _partial(env: Env) -> None:
    # A cache that answers a plain GET with its first range: a page cut short, whatever its status.
    env.server.page("/bad", lambda: html(TERMS[:100], status=206,
                                         **{"Content-Range": f"bytes 0-99/{len(TERMS)}"}))


@site("redirect-to-ftp", "redirected to ftp://files.acme.example/terms.txt, which is not an http(s) address")
def _ftp(env: Env) -> None:
    env.server.page("/bad", lambda: web.Response(status=301, headers={"Location": "ftp://files.acme.example/terms.txt"}))


@site("redirect-without-location", "HTTP 302 Found: a redirect without a Location header")
def _no_location(env: Env) -> None:
    env.server.page("/bad", lambda: web.Response(status=302))


@site("broken-gzip", "the body does not decode as its Content-Encoding (gzip) says")
def _broken_gzip(env: Env) -> None:
    cut = gzip.compress(TERMS.encode())[:12] + b"\x00not gzip" * 50
    env.server.page("/bad", lambda: web.Response(body=cut, headers={"Content-Type": "text/html",
                                                                    "Content-Encoding": "gzip"}))


@site("gzip-label-on-plain-bytes", "the body does not decode as its Content-Encoding (gzip) says")
def _plain_as_gzip(env: Env) -> None:
    env.server.page("/bad", lambda: html(TERMS, **{"Content-Encoding": "gzip"}))


# A bot-protection challenge answered with an error status: its markers, whatever the vendor.
CHALLENGE = ("<!doctype html><html><head><title>Just a moment...</title><script src='/cdn-cgi/challenge-platform/"
             "h/b/orchestrate/jsch/v1'></script></head><body><h1>acme.example</h1><p>Checking if the site "
             "connection is secure</p><div>Ray ID: 1f2e3d</div></body></html>")


@site("bot-challenge-403", "HTTP 403 Forbidden: the site's bot protection answered with a challenge")
def _challenge_403(env: Env) -> None:
    env.server.page("/bad", lambda: html(CHALLENGE, status=403, **{"cf-mitigated": "challenge"}))


@site("bot-challenge-503", "HTTP 503 Service Unavailable: the site's bot protection answered with a challenge")
def _challenge_503(env: Env) -> None:
    env.server.page("/bad", lambda: html(CHALLENGE, status=503))


@site("bot-challenge-other-vendor", "bot protection")
def _challenge_vendor(env: Env) -> None:
    page = ("<html><head><title>acme.example</title></head><body><p>Please enable JS and disable any ad "
            "blocker</p><script src='https://ct.captcha-delivery.com/c.js'></script></body></html>")
    env.server.page("/bad", lambda: html(page, status=403))


@site("json-error-as-200", "the URL answered with JSON data, served as text/html, not a page")
def _json_200(env: Env) -> None:
    env.server.page("/bad", lambda: html('{"error": "not_found", "message": "No such document"}'))


@site("json-content-type", "unexpected content type application/json: the URL answered with data")
def _json_type(env: Env) -> None:
    env.server.page("/bad", lambda: html('{"terms": {"version": 3}}', content_type="application/json"))


@site("problem-json", "unexpected content type application/problem+json")
def _problem_json(env: Env) -> None:
    env.server.page("/bad", lambda: html('{"title": "Gone"}', content_type="application/problem+json"))


HOME = _page("<h1>Plan every trip with Acme</h1><p>Maps, bookings and offline guides in one app. Start your "
             "free trial today and explore over 200 cities.</p><a href='/pricing'>See pricing</a>", "Acme")
LONG_HOME = _page("<h1>Plan every trip with Acme</h1>" + "".join(
    f"<h2>Feature {i}</h2><p>Acme shows you the best places in city number {i}, with reviews from travellers "
    f"who went there this year and maps you can keep on your phone.</p>" for i in range(40)), "Acme")


def _to_home(location: str, home: str = HOME) -> Callable[[Env], None]:
    def setup(env: Env) -> None:
        env.server.page("/bad", lambda: web.Response(status=301, headers={"Location": location}))
        env.server.page(location, lambda: html(home))
    return setup


site("redirect-to-home", "redirected to the site's home page")(_to_home("/"))
site("redirect-to-long-home", "redirected to the site's home page")(_to_home("/", LONG_HOME))
site("redirect-to-language-home", "redirected to the site's home page")(_to_home("/en/"))


@site("terms-in-a-frame", "page that shows its text in a frame; its text is at http://127.0.0.1:")
def _framed(env: Env) -> None:
    env.server.page("/bad", lambda: html(_page("<h1>Terms of Service</h1><iframe src='/embed/terms?id=7' "
                                               "width='100%' height='1800'></iframe>", "Terms")))


def _banner_in_main(banner: str) -> Callable[[Env], None]:
    """After a redesign, the `main` a source selects is the cookie banner; the terms are elsewhere."""
    def setup(env: Env) -> None:
        page = (f"<html><body><main class='cookies'>{banner}</main><div class='legal'><h1>Acme Terms</h1>"
                f"{CLAUSES}</div></body></html>")
        env.server.page("/bad", lambda: html(page))
        env.bad_extra = '  select = ["main"]'
    return setup


site("cookie-banner-selected", "looks like an error page: cookie banner; the terms may sit elsewhere on the page: "
     "check the source's `select` and `remove` in the sources file, and its url")(_banner_in_main(
    "<p>This site uses cookies. <a href='/privacy'>Learn more</a> <button>OK</button></p>"))
site("cookie-banner-selected-two-sentences", "looks like an error page: cookie banner")(_banner_in_main(
    "<p>We use cookies to improve your experience. By using our site, you agree to our use of cookies.</p>"
    "<a href='/cookies'>Cookie policy</a><button>Got it</button>"))
site("cookie-banner-selected-fr", "looks like an error page: cookie banner")(_banner_in_main(
    "<p>Nous utilisons des cookies pour mesurer l'audience. <a href='/c'>En savoir plus</a></p>"
    "<button>Accepter</button>"))


@site("https-to-a-plain-http-port", "does not speak https on that port: check the url's scheme and port")
def _https_to_http(env: Env) -> None:
    env.bad_url = env.server.url("/bad").replace("http://", "https://")


site("newsletter-signup-selected", "looks like an error page: newsletter sign-up")(_banner_in_main(
    "<h2>Stay in the loop</h2><p>Subscribe to our newsletter for product news.</p><form><input type='email' "
    "name='email'><button>Subscribe</button></form>"))
site("newsletter-signup-selected-de", "looks like an error page: newsletter sign-up")(_banner_in_main(
    "<h2>Nichts verpassen</h2><p>Jetzt Newsletter abonnieren!</p><input type='email'><button>Los</button>"))


@site("document-not-found-notice", "looks like an error page: page not found")
def _document_not_found(env: Env) -> None:
    # A PDF's address that now answers with an HTML notice about the document, not about "the page".
    env.server.page("/bad", lambda: html("<h1>Document not available</h1><p>The document you requested could not "
                                         "be found. It may have been removed or the link may be out of date.</p>"))


@site("document-gone-notice-de", "looks like an error page: page not found")
def _document_gone_de(env: Env) -> None:
    env.server.page("/bad", lambda: html("<h1>Hinweis</h1><p>Das angeforderte Dokument ist nicht mehr verfügbar.</p>"))


def _raw(reply: bytes) -> Callable[[Env], None]:
    def setup(env: Env) -> None:
        raw = test_faults.RawServer(reply)
        env.raw.append(raw)
        env.bad_url = f"http://127.0.0.1:{raw.port}/terms"
    return setup


site("cut-short-of-its-content-length",
     "connection lost after 17 of the 5000 bytes its Content-Length announced: a transfer cut off")(_raw(
         b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html><body>Terms"))
site("cut-inside-a-chunk", "connection lost before the end of the chunked body: a transfer cut off")(_raw(
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"40\r\n<html><body><main><h1>Terms</h1><p>Clause 1: the fees may\r\n"))


@pytest.mark.parametrize("name", sorted(SITES))
def test_faulty_site_is_reported_in_one_line_and_never_recorded(env, name):
    setup, reason = SITES[name]
    setup(env)
    docs = env.run(code=1)
    assert_fault(env, docs, "failed", reason)
    assert "\n" not in docs[BAD]["error"] and "Error:" not in docs[BAD]["error"].split(":", 1)[0]
    assert env.tracker("run", "-q").exit_code == 1  # still failing, still nothing recorded
    assert env.commits("faulty") == []


def test_a_bot_challenge_is_not_retried(env):
    """Asking again does not pass a challenge: one request, not three."""
    _challenge_503(env)
    env.run(code=1)
    assert env.server.paths("/bad") == ["/bad"]


def test_an_html_page_served_as_text_plain_is_read_as_html(env):
    """A misconfigured server labels the page text/plain: its text is recorded, not its source."""
    env.server.page("/bad", lambda: html(TERMS, content_type="text/plain; charset=utf-8"))
    env.bad_extra = '  select = ["main"]'
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "new"
    text = env.text("faulty")
    assert "Acme Terms of Service" in text and "Clause 40" in text
    assert "<" not in text and "Home" not in text  # no markup, and `select` applied
    # The same page labelled text/html is the same version.
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"


def test_plain_text_that_quotes_html_stays_text(env):
    text = "Acme Terms\n\n1. Pages may not embed <iframe> or <html> tags from our servers.\n"
    env.server.page("/bad", lambda: html(text * 3 + CLAUSES.replace("<", "[").replace(">", "]"),
                                         content_type="text/plain"))
    env.run(code=0)
    assert "may not embed <iframe> or <html> tags" in env.text("faulty")


def test_a_terms_page_with_a_video_frame_is_recorded(env):
    page = TERMS.replace("</main>", "<iframe src='https://video.example/embed/42' width='560' height='315'>"
                                    "</iframe></main>")
    env.server.page("/bad", lambda: html(page))
    assert env.run(code=0)[BAD]["outcome"] == "new"


@pytest.mark.parametrize(("url", "final", "home"), [
    ("https://a.example/terms", "https://a.example/", True),
    ("https://a.example/legal/terms", "https://www.a.example/en-us/", True),
    ("https://a.example/tos", "https://a.example/index.html", True),
    ("https://a.example/tos", "https://a.example/fr/home", True),
    ("https://a.example/", "https://a.example/en/", False),  # the source is a root itself
    ("https://a.example/terms", "https://a.example/legal/terms", False),
    ("https://a.example/terms", "https://a.example/index.php?page=terms", False),
    ("https://a.example/terms", "https://a.example/terms", False),
    # The root of a host named for a document is that document.
    ("https://a.example/terms", "https://terms.a.example/", False),
    ("https://a.example/privacy", "https://privacy.a.example/", False),
    ("https://www.a.example/legal", "https://legal.a.example/en/", False),
])
def test_redirected_home_rule(url, final, home):
    assert guard.redirected_home(url, final) is home


def test_frame_source_rule():
    def page(raw: str, text: str = "# Terms") -> guard.Page:
        return guard.Page(text, "", raw.encode(), "https://a.example/terms", "https://a.example/terms")

    assert guard.frame_source(page("<iframe src='/embed/t'></iframe>")) == "https://a.example/embed/t"
    # Tracking frames: in <noscript>, zero-sized or hidden; and frames that are not addresses.
    assert guard.frame_source(page("<noscript><iframe src='https://tags.example/ns'></iframe></noscript>")) is None
    assert guard.frame_source(page("<iframe src='https://t.example/p' width='0' height='0'></iframe>")) is None
    assert guard.frame_source(page("<iframe src='https://t.example/p' style='display:none'></iframe>")) is None
    assert guard.frame_source(page("<iframe src='about:blank'></iframe>")) is None
    # A page whose own text reads as terms keeps it, whatever it embeds.
    terms = "We collect your email address to run the service. You may delete your account at any time."
    assert guard.frame_source(page("<iframe src='/embed/t'></iframe>", terms)) is None


@pytest.mark.parametrize(("body", "mitigated", "challenge"), [
    (b"<script src='/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1'></script>", None, True),
    (b"<div class='cf-turnstile' data-sitekey='x'></div>", None, True),
    (b"<script src='https://geo.captcha-delivery.com/captcha/'></script>", None, True),
    (b"", "challenge", True),
    (b"<h1>403 Forbidden</h1><p>nginx</p>", None, False),
    (b"<h1>Service Unavailable</h1><p>Back soon.</p>", None, False),
])
def test_bot_challenge_rule(body, mitigated, challenge):
    assert guard.bot_challenge(body, mitigated) is challenge


@pytest.mark.parametrize(("text", "banner"), [
    ("This site uses cookies. [Learn more](https://a.example/privacy) OK", True),
    ("Diese Website verwendet Cookies. [Mehr erfahren](/d)\n\nEinverstanden", True),
    ("Usamos cookies para analizar el tráfico. Aceptar", True),
    # Short cookie policies: they say more, and end with prose.
    ("# Cookies\n\nWe use cookies to keep you signed in. You can turn them off in your browser settings.", False),
    ("This website uses cookies. Cookies are small files kept on your device. We use them to remember your "
     "language. You may refuse them in your browser. OK", False),
    # Terms that mention cookies and end with a short line.
    ("Fees are due monthly. We use cookies as our privacy notice says.\n\nContact: help@acme.example", False),
])
def test_cookie_banner_rule(text, banner):
    assert guard.cookie_banner(guard.Page(text)) is banner


def test_an_untrusted_certificate_is_named_and_not_retried(env, tmp_path):
    """A self-signed certificate: one attempt, the reason named, nothing recorded."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "2", "-subj", "/CN=localhost"], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))
    hits = []

    async def start() -> int:
        async def page(request: web.Request) -> web.Response:
            hits.append(request.path)
            return html(TERMS)
        app = web.Application()
        app.router.add_get("/{tail:.*}", page)
        runner = web.AppRunner(app)
        await runner.setup()
        tls = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=context)
        await tls.start()
        return tls._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    port = asyncio.run_coroutine_threadsafe(start(), env.server.loop).result(10)
    env.bad_url = f"https://localhost:{port}/terms"
    docs = env.run(code=1)
    assert_fault(env, docs, "failed", "the TLS certificate of localhost is not trusted (self-signed certificate)")
    assert hits == [] and "after" not in docs[BAD]["error"]  # no page read, no retry


REDIRECTING = "<html><head><meta http-equiv='refresh' content='0; url=/legal/terms'></head><body>Redirecting…</body></html>"


@pytest.mark.parametrize("how", ["meta", "header"])
def test_an_immediate_refresh_is_followed_like_a_redirect(env, how):
    """A 'Redirecting…' page sends the browser on at once (a <meta> refresh or a Refresh header):
    the terms it leads to are recorded, not the redirecting page."""
    if how == "meta":
        env.server.page("/bad", lambda: html(REDIRECTING))
    else:
        env.server.page("/bad", lambda: html("<p>Redirecting…</p>", Refresh="0;url=/legal/terms"))
    env.server.page("/legal/terms", lambda: html(TERMS))
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "new"
    assert "Clause 40" in env.text("faulty") and "Redirecting" not in env.text("faulty")
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    assert env.server.paths("/bad") == ["/bad", "/bad"]  # the source's URL is still the one asked


def test_a_refresh_loop_and_a_refresh_to_a_missing_page_fail_in_one_line(env):
    env.server.page("/bad", lambda: html("<meta http-equiv='refresh' content='0; url=/bad2'>"))
    env.server.page("/bad2", lambda: html("<meta http-equiv='refresh' content='1; url=/bad'>"))
    assert_fault(env, env.run(code=1), "failed", "too many refreshes")
    env.server.page("/bad", lambda: html("<meta http-equiv='refresh' content='0; url=/gone'>"))
    env.server.page("/gone", lambda: html("<h1>Not here</h1>", status=404))
    assert_fault(env, env.run(code=1), "failed", "following the page's refresh to http://127.0.0.1:")


def test_a_slow_or_self_refresh_is_not_followed(env):
    """A page that reloads itself, or shows itself for a while before moving on, is read as it is."""
    page = TERMS.replace("<head>", "<head><meta http-equiv='refresh' content='300'>")
    env.server.page("/bad", lambda: html(page))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: html(TERMS.replace("<head>", "<head><meta http-equiv='refresh' "
                                                                 "content='30; url=/elsewhere'>")))
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    assert env.server.paths("/elsewhere") == []


@pytest.mark.parametrize("target", ["/bad", "", "http://127.0.0.1:{port}/bad", "/bad#top"])
def test_a_refresh_to_the_page_itself_is_named_a_loop(env, target):
    """A "Redirecting..." page whose refresh names its own address (relative, empty, absolute or
    with a fragment) is a loop a browser never leaves: named so, as a two-page loop is, not "a
    page with no terms"."""
    target = target.format(port=env.server.url("/").split(":")[2].split("/")[0])
    env.server.page("/bad", lambda: html(f"<html><head><meta http-equiv='refresh' content='0; url={target}'></head>"
                                         "<body><p>Redirecting...</p></body></html>"))
    if not target:  # "0; url=" names no address: a page that reloads itself, no new address
        assert_fault(env, env.run(code=1), "failed", "looks like an error page: a page with no terms in it")
        return
    assert_fault(env, env.run(code=1), "failed", "looks like an error page: page that refreshes to itself; a loop: "
                 "open the source's url in a browser")
    assert "served a page that refreshes to itself" in env.tracker("status", code=0).output


@pytest.mark.parametrize("notice,delay", [
    ("<p>You will be redirected in 10 seconds.</p>", 10),
    ("<p>Vous allez être redirigé dans 15 secondes.</p>", 15),
    ("<p>Sie werden in 30 Sekunden weitergeleitet. <a href='/legal/terms'>Sofort weiter</a></p>", 30),
])
def test_a_slow_refresh_to_another_page_names_its_target(env, notice, delay):
    """A page that shows a notice for a while, then sends readers on: not followed (it is shown
    first), and the failure names where it sends them and how long it waits."""
    env.server.page("/bad", lambda: html(f"<html><head><meta http-equiv='refresh' content='{delay};URL=/legal/terms'>"
                                         f"</head><body>{notice}</body></html>"))
    env.server.page("/legal/terms", lambda: html(TERMS))
    assert_fault(env, env.run(code=1), "failed", f"looks like an error page: moved page; the page sends readers to "
                 f"{env.server.url('/legal/terms')} after {delay} s: set the source's url to it")
    assert env.server.paths("/legal/terms") == []


@pytest.mark.parametrize("status", [404, 200])
@pytest.mark.parametrize("notice", [
    "<h1>Page not found</h1><p>Our terms can now be found at <a href='/legal/terms'>the legal centre</a>.</p>",
    "<h1>Page introuvable</h1><p>Nos conditions se trouvent désormais sur <a href='/legal/terms'>cette page</a>.</p>",
    "<h1>Seite nicht gefunden</h1><p>Die AGB finden Sie jetzt unter <a href='/legal/terms'>AGB</a>.</p>",
])
def test_a_not_found_page_saying_where_the_terms_are_now_names_the_address(env, status, notice):
    """A notice that says where the page is now (not that it "moved"), served as 404 or 200: the
    failure names the new address either way, not a bare "HTTP 404" or "page not found"."""
    env.server.page("/bad", lambda: html(f"<html><body><main>{notice}</main></body></html>", status=status))
    assert_fault(env, env.run(code=1), "failed", f"the page says it moved to {env.server.url('/legal/terms')}: "
                 "update the source's url")


def test_a_cookie_banner_in_place_of_recorded_terms_says_what_to_check(env):
    """Terms recorded, then the selected `main` becomes a cookie banner: the failure says what to
    check, and status counts the document as recorded (it has a version)."""
    env.server.page("/bad", lambda: html(f"<html><body><main>{CLAUSES}</main></body></html>"))
    env.bad_extra = '  select = ["main"]'
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: html("<html><body><main><p>We use cookies to improve your experience. "
                                         "<a href='/privacy'>Learn more</a> <button>Accept</button></p></main>"
                                         f"<div>{CLAUSES}</div></body></html>"))
    assert_fault(env, env.run(code=1), "failed", "cookie banner; the terms may sit elsewhere on the page: check the "
                 "source's `select` and `remove`", commits_before=1)


def test_status_counts_documents_with_a_version_and_those_with_none_yet(env):
    """`tracker status` says "recorded" of documents that have a version: a document checked but
    always refused is counted apart, not as recorded."""
    env.server.page("/bad", lambda: html("<h1>Not found</h1>", status=404))
    env.run(code=1)
    first = env.tracker("status", code=0).output.splitlines()[0]
    assert first.endswith("(1 document recorded, 1 checked with no version yet)"), first
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    first = env.tracker("status", code=0).output.splitlines()[0]
    assert first.endswith("(2 documents recorded)"), first


def test_a_selector_matching_only_an_empty_element_names_it(env):
    """After a redesign `select` still matches, but an empty element: the message names the
    selector and says what to check."""
    env.server.page("/bad", lambda: html(f"<html><body><article id='terms'></article><section>{CLAUSES}"
                                         "</section></body></html>"))
    env.bad_extra = '  select = ["article#terms"]'
    assert_fault(env, env.run(code=1), "failed", "the selected region ('article#terms') of the page at "
                 "http://127.0.0.1:")
    assert "check `select` in the sources file" in env.status()[BAD]["error"]


def _unclosed(n: int, inner: str) -> str:
    return "<html><body><main><h1>Acme Terms</h1>" + "".join(inner.format(i=i) for i in range(1, n + 1)) + "</main></body></html>"


def test_a_page_of_thousands_of_unclosed_divs_is_recorded_whole(env):
    """One unclosed <div> per clause nests the last clause 2,500 deep: the converter used to drop
    everything past about 1,020 levels without a word (a version missing 1,480 clauses)."""
    env.server.page("/bad", lambda: html(_unclosed(2500, "<div class='c'><p>Clause {i}: fees may change.")))
    env.bad_extra = '  select = ["main"]'
    assert env.run(code=0)[BAD]["outcome"] == "new"
    text = env.text("faulty")
    assert "Clause 1: fees" in text and "Clause 1020: fees" in text and "Clause 2500: fees may change." in text
    assert text.count("Clause ") == 2500


def test_a_page_nested_too_deep_to_read_whole_fails_instead_of_being_cut(env):
    """Text directly in each unclosed <div> cannot be unwrapped without joining lines: refused
    with the reason, never recorded cut short."""
    env.server.page("/bad", lambda: html(_unclosed(2500, "<div>Clause {i}: fees may change.")))
    assert_fault(env, env.run(code=1), "failed", "the page nests its elements 2503 deep")


def test_moderately_nested_pages_are_extracted_as_before():
    from tracker.extract.convert import extract

    page = _unclosed(150, "<div>Clause {i}: fees may change.").encode()
    text = extract(page, "text/html")
    assert text.count("Clause ") == 150 and "Clause 150: fees may change." in text


@pytest.mark.parametrize(("text", "signup"), [
    ("## Stay in the loop\n\nSubscribe to our newsletter for product news.\n\nSubscribe", True),
    ("Join our mailing list\n\nEmail\n\nSign up", True),
    ("Iscriviti alla newsletter\n\nEmail\n\nInvia", True),
    # A short policy about the newsletter is terms.
    ("# Newsletter terms\n\nIf you subscribe to our newsletter, we use your email address only to send it. "
     "You may unsubscribe at any time from any issue.", False),
])
def test_newsletter_signup_rule(text, signup):
    assert guard.newsletter_signup(guard.Page(text)) is signup


@pytest.mark.parametrize(("text", "missing"), [
    ("# Document not available\n\nThe document you requested could not be found.", True),
    ("# Erreur\n\nCe document n'est plus disponible.", True),
    ("# Fout\n\nDe pagina die u zoekt kon niet worden gevonden.", True),
    ("# Aviso\n\nEl documento solicitado ya no está disponible.", True),
    # Said of a service, an offer or an account, not of the page asked for: no notice.
    ("# Terms\n\nIf the service is no longer available in your country, we refund any fees paid.", False),
    ("# Conditions\n\nCette offre n'est plus disponible après le 1er mars.", False),
])
def test_not_found_rule_names_the_document_or_page(text, missing):
    assert guard.not_found(guard.Page(text)) is missing
