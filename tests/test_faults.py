"""Fault injection: the real CLI against a real local server that plays faulty sites.

Every scenario asserts the same four things: the faulty document's outcome (failed / held) with
a specific reason, no commit for it in the archive, `tracker status --json` showing it, and a good
page next to it in the same run still recorded. Nothing lost, nothing false.

The server is aiohttp in its own thread (support.AioServer: a slow answer does not block the
good page), plus a raw socket server for responses that are not HTTP at all. Runs retry without
back-off sleeps (``--retry-backoff 0``), so transient faults cost their attempts, not seconds.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import random
import os
import shutil
import socket
import struct
import subprocess
import threading
from pathlib import Path
from typing import Callable

import feedparser
import pytest
from aiohttp import web
from click.testing import CliRunner

from support import FAST_RUN, AioServer, TrackerCLI, free_port, make_pdf
from tracker.cli.app import cli
from tracker.fetch import guards as guard

GOOD = "good/Terms of Service"
BAD = "faulty/Terms of Service"

CLAUSES = "".join(
    f"<h2>{i}. Clause {i}</h2><p>The customer keeps every right described in section {i}; the provider "
    f"may not change the fees of section {i} without thirty days of notice.</p>" for i in range(1, 41)
)
TERMS = f"""<!doctype html><html><head><title>Acme terms</title></head><body><nav>Home</nav>
<main><h1>Acme Terms of Service</h1>{CLAUSES}</main><footer>Acme</footer></body></html>"""
SHORT_TERMS = """<html><head><title>Acme terms</title></head><body><main><h1>Acme Terms</h1>
<p>Credits expire after 12 months.</p></main></body></html>"""

def html(text: str, status: int = 200, content_type: str = "text/html", **headers: str) -> web.Response:
    return web.Response(body=text.encode("utf-8"), status=status,
                        headers={"Content-Type": content_type, **headers})


class RawServer:
    """A TCP server that answers every connection with fixed bytes, then closes: not HTTP."""

    def __init__(self, reply: bytes) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.reply = reply
        self.reset = False  # end each connection with a reset (RST) instead of a clean close
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                try:
                    conn.settimeout(2)
                    conn.recv(65536)
                    conn.sendall(self.reply)
                    if self.reset:
                        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                except OSError:
                    pass

    def close(self) -> None:
        # Shut down first: close() alone does not wake a thread blocked in accept(), which would
        # then accept on the next socket given the same descriptor and answer with this reply.
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        self.thread.join(5)


@pytest.fixture
def server(serve):
    s = serve()
    s.page("/good", lambda: html(TERMS))
    return s


class Env:
    def __init__(self, tmp_path: Path, server: AioServer) -> None:
        self.tmp = tmp_path
        self.server = server
        self.store = tmp_path / "store"
        self.sources = tmp_path / "sources.toml"
        self.bad_url = server.url("/bad")
        self.bad_extra = ""
        self.raw: list[RawServer] = []
        # Retries happen (and are counted) without back-off sleeps: --retry-backoff 0.
        self.cli = TrackerCLI(self.store, self.sources, run_options=(*FAST_RUN, "--per-host", "4"), code=None)

    def write_sources(self) -> None:
        self.sources.write_text(f"""
[[service]]
id = "good"
name = "Good Co"
  [[service.document]]
  type = "Terms of Service"
  url = "{self.server.url('/good')}"
  select = ["main"]

[[service]]
id = "faulty"
name = "Faulty Co"
  [[service.document]]
  type = "Terms of Service"
  url = "{self.bad_url}"
{self.bad_extra}
""", encoding="utf-8")

    def tracker(self, *args: str, code: int | None = None):
        return self.cli(*args, code=code)

    def run(self, code: int | None = None) -> dict[str, dict]:
        self.write_sources()
        result = self.tracker("run", "--json", code=code)
        try:
            data = json.loads(result.stdout)
        except ValueError:
            raise AssertionError(result.output) from None
        return {d["key"]: d for d in data["documents"]}

    def commits(self, path: str = "") -> list[str]:
        if not (self.store / "archive" / ".git").exists():
            return []
        args = ["git", "-C", str(self.store / "archive"), "log", "--format=%H"]
        out = subprocess.run(args + (["--", path] if path else []), capture_output=True, text=True)
        return out.stdout.split()

    def status(self) -> dict[str, dict]:
        return {r["document"]: r for r in json.loads(self.tracker("status", "--json", code=0).stdout)}

    def text(self, service: str) -> str:
        return self.tracker("show", service, "Terms of Service", code=0).output


@pytest.fixture
def env(tmp_path, server):
    e = Env(tmp_path, server)
    yield e
    for raw in e.raw:
        raw.close()


def assert_fault(env: Env, docs: dict[str, dict], outcome: str, reason: str, commits_before: int = 0) -> None:
    """The faulty page: ``outcome`` with ``reason``, no commit, shown by status; the good one recorded."""
    bad = docs[BAD]
    assert bad["outcome"] == outcome, bad
    said = bad["error"] if outcome == "failed" else bad["summary"]
    assert reason.lower() in (said or "").lower(), bad
    assert bad["commit"] is None
    assert len(env.commits("faulty")) == commits_before
    assert docs[GOOD]["outcome"] in ("new", "unchanged", "changed"), docs[GOOD]
    assert len(env.commits("good")) >= 1
    row = env.status()[BAD]
    assert row["last_outcome"] == outcome and reason.lower() in (row["error"] or "").lower(), row


# --------------------------------------------------------------------------- one-run scenarios

BIG = b"<html><body><main><p>" + b"terms " * (2 * 1024 * 1024) + b"</p></main></body></html>"  # > 10 MB


SCENARIOS: dict[str, tuple[Callable[[Env], None], str]] = {}


def scenario(name: str, reason: str):
    def register(setup: Callable[[Env], None]) -> Callable[[Env], None]:
        SCENARIOS[name] = (setup, reason)
        return setup
    return register


def _status(code: int) -> Callable[[Env], None]:
    return lambda env: env.server.page("/bad", lambda: html("<h1>error</h1>", status=code))


for _code in (401, 403, 404, 410, 451):
    scenario(f"http-{_code}", f"HTTP {_code}")(_status(_code))
scenario("http-500-after-retries", "HTTP 500")(_status(500))


@scenario("timeout", "timed out after 0.3 s")
def _timeout(env: Env) -> None:
    async def slow(request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(3)
        return html(TERMS)
    env.server.routes["/bad"] = slow
    env.bad_extra = "  timeout = 0.3"


@scenario("connection-refused", "connection refused: nothing answers on that port")
def _refused(env: Env) -> None:
    env.bad_url = f"http://127.0.0.1:{free_port()}/terms"


@scenario("not-http", "invalid HTTP response: bad status line")
def _not_http(env: Env) -> None:
    raw = RawServer(b"SSH-2.0-OpenSSH_9.6\r\nthis is not HTTP\r\n\r\n")
    env.raw.append(raw)
    env.bad_url = f"http://127.0.0.1:{raw.port}/terms"


@scenario("truncated-body", "connection lost")
def _truncated(env: Env) -> None:
    raw = RawServer(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<html><body>Terms")
    env.raw.append(raw)
    env.bad_url = f"http://127.0.0.1:{raw.port}/terms"


@scenario("truncated-chunked", "connection lost")
def _truncated_chunks(env: Env) -> None:
    # A chunked body whose last chunk promises more than is sent, and no terminating 0-chunk.
    raw = RawServer(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                    b"40\r\n<html><body><main><h1>Terms</h1><p>Clause 1: the fees may\r\n")
    env.raw.append(raw)
    env.bad_url = f"http://127.0.0.1:{raw.port}/terms"


@scenario("redirect-loop", "too many redirects")
def _loop(env: Env) -> None:
    env.server.page("/bad", lambda: web.Response(status=302, headers={"Location": "/bad2"}))
    env.server.page("/bad2", lambda: web.Response(status=302, headers={"Location": "/bad"}))


@scenario("over-size-cap-declared", "over the 10485760-byte cap")
def _big(env: Env) -> None:
    env.server.page("/bad", lambda: web.Response(body=BIG, content_type="text/html"))


@scenario("over-size-cap-streamed", "exceeds the 10485760-byte cap")
def _big_streamed(env: Env) -> None:
    async def stream(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "text/html"})
        resp.enable_chunked_encoding()
        await resp.prepare(request)
        try:
            for start in range(0, len(BIG), 1 << 20):
                await resp.write(BIG[start:start + (1 << 20)])
        except (ConnectionError, RuntimeError):
            pass
        return resp
    env.server.routes["/bad"] = stream


@scenario("gzip-bomb", "exceeds the 10485760-byte cap")
def _bomb(env: Env) -> None:
    # 11 KB on the wire, 100 MB once inflated: the cap applies to the decoded size.
    bomb = gzip.compress(b"<html><body><p>" + b"\0" * (100 * 1024 * 1024), 9)
    env.server.page("/bad", lambda: web.Response(body=bomb, headers={"Content-Type": "text/html",
                                                                     "Content-Encoding": "gzip"}))


def _typed(media: str, body: bytes) -> Callable[[Env], None]:
    return lambda env: env.server.page("/bad", lambda: web.Response(body=body, headers={"Content-Type": media}))


PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
for _media, _body in (("image/png", PNG), ("application/octet-stream", b"\x00\x01binary"),
                      ("video/mp4", b"\0\0\0\x18ftypmp42"), ("application/zip", b"PK\x03\x04" + b"\0" * 26)):
    scenario(f"content-type-{_media.replace('/', '-')}", f"unexpected content type {_media}")(_typed(_media, _body))


@scenario("empty-body", "empty response body")
def _empty(env: Env) -> None:
    env.server.page("/bad", lambda: html(""))


@scenario("whitespace-body", "empty response body")
def _blank(env: Env) -> None:
    env.server.page("/bad", lambda: html("  \r\n\t\n"))


@scenario("selected-region-missing", "selected region missing")
def _no_region(env: Env) -> None:
    env.server.page("/bad", lambda: html("<html><body><div id='app'>Loading…</div></body></html>"))
    env.bad_extra = '  select = ["article#terms"]'


def _soft(body: str, title: str = "") -> Callable[[Env], None]:
    page = f"<html><head><title>{title}</title></head><body><main>{body}</main></body></html>"
    return lambda env: env.server.page("/bad", lambda: html(page))


scenario("soft-access-denied", "looks like an error page: access denied")(
    _soft("<h1>Access Denied</h1><p>You don't have permission to access this server.</p><p>Reference #18.2f</p>"))
scenario("soft-forbidden-title", "looks like an error page: access denied")(
    _soft("<p>Request could not be satisfied.</p>", title="403 Forbidden"))
scenario("soft-captcha", "looks like an error page: captcha")(
    _soft("<h1>Please verify you are human</h1><p>Complete the CAPTCHA below to continue.</p>"))
scenario("soft-checking-browser", "looks like an error page: captcha")(
    _soft("<h1>Checking your browser before accessing acme.example</h1><p>This takes a few seconds.</p>",
          title="Just a moment..."))
scenario("soft-cookie-wall", "looks like an error page: cookie wall")(
    _soft("<p>We value your privacy.</p><p>Please accept cookies to continue to this site.</p>"
          "<button>Accept all</button><button>Settings</button>"))
scenario("soft-page-not-found", "looks like an error page: page not found")(
    _soft("<h1>Oops!</h1><p>The page you were looking for doesn't exist.</p><p>Go back home.</p>",
          title="Page Not Found | Acme"))
scenario("soft-404-text", "looks like an error page: page not found")(
    _soft("<h1>404</h1><p>Nothing to see here.</p>"))
scenario("soft-login", "looks like an error page: login page")(
    _soft("<h1>Sign in to continue</h1><form><label>Email <input type='email' name='u'></label>"
          "<label>Password <input type=password name='p'></label><button>Sign in</button></form>"))


# Soft errors and interstitials the first run meets (no version yet to compare with).
scenario("soft-not-found-es", "looks like an error page: page not found")(
    _soft("<h1>Página no encontrada</h1><p>La página que buscas no existe.</p>"))
scenario("soft-error-nl", "looks like an error page: status or server error page")(
    _soft("<h1>Er is iets misgegaan</h1><p>Probeer het later opnieuw.</p>"))
scenario("soft-not-found-ja", "looks like an error page: page not found")(
    _soft("<h1>ページが見つかりません</h1><p>お探しのページは見つかりませんでした。</p>"))
scenario("soft-rate-limit", "looks like an error page: rate limit")(
    _soft("<h1>Too many requests</h1><p>Please try again in a few minutes.</p>"))
scenario("soft-needs-javascript", "looks like an error page: page that needs JavaScript")(
    _soft("<p>You need to enable JavaScript to run this app.</p>"))
scenario("soft-region-chooser", "looks like an error page: country or language chooser")(
    _soft("<h1>Select your region</h1><a href='/us'>Americas</a> <a href='/eu'>Europe</a> <a href='/jp'>日本</a>"))


@scenario("script-shell-without-text", "page that needs JavaScript; no text without running its scripts")
def _shell(env: Env) -> None:
    env.server.page("/bad", lambda: html("<!doctype html><html><head><title>Acme</title><script src='/main.js'>"
                                         "</script></head><body><noscript>You need to enable JavaScript to run "
                                         "this app.</noscript><div id='root'></div></body></html>"))


@scenario("redirect-to-login", "looks like an error page: login page")
def _to_login(env: Env) -> None:
    env.server.page("/bad", lambda: web.Response(status=302, headers={"Location": "/sso/start?next=%2Fbad"}))
    env.server.page("/sso/start", lambda: html(_page("<h1>Acme Workspace</h1><p>Continue to your workspace.</p>"
                                                     "<button>Continue</button>", "Acme Workspace")))


@scenario("rate-limited-for-an-hour", "the server asks to retry after 60 min")
def _rate_limited(env: Env) -> None:
    env.server.page("/bad", lambda: html("<h1>Too Many Requests</h1>", status=429, **{"Retry-After": "3600"}))


@scenario("pdf-truncated", "not a readable PDF, damaged")
def _pdf_cut(env: Env) -> None:
    pdf = make_pdf([[(72, 700 - 14 * n, 10, f"Clause {n}: the provider may change fee {n} with notice.")
                     for n in range(30)]])
    env.server.page("/bad", lambda: web.Response(body=pdf[: len(pdf) * 2 // 3],
                                                 headers={"Content-Type": "application/pdf"}))


@scenario("pdf-password", "encrypted with a password")
def _pdf_locked(env: Env) -> None:
    pdf = make_pdf([[(72, 700, 10, "Secret terms.")]], password_protected=True)
    env.server.page("/bad", lambda: web.Response(body=pdf, headers={"Content-Type": "application/pdf"}))


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_fault_is_reported_and_never_recorded(env, name):
    setup, reason = SCENARIOS[name]
    setup(env)
    if name == "rate-limited-for-an-hour":  # a pause longer than a run waits: skipped in this run (ops34)
        docs = env.run(code=0)
        assert docs[BAD]["outcome"] == "skipped" and reason in docs[BAD]["summary"], docs[BAD]
    else:
        docs = env.run(code=1)
        assert_fault(env, docs, "failed", reason)
    again = env.tracker("run", "-q")
    if name == "rate-limited-for-an-hour":  # its Retry-After pauses the address: skipped, and said so
        assert again.exit_code == 0 and "1 skipped, 0 failed" in again.output, again.output
    else:
        assert again.exit_code == 1  # still failing, still nothing recorded
    assert env.commits("faulty") == []
    assert "Acme Terms of Service" in env.text("good")


# --------------------------------------------------------------------------- after a version existed


@pytest.mark.parametrize("code", [404, 410])
def test_gone_is_recorded_once_then_back(env, code):
    env.server.page("/bad", lambda: html(TERMS))
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "new"
    recorded = env.commits("faulty")

    env.server.page("/bad", lambda: html("<h1>gone</h1>", status=code))
    for _ in range(2):  # two runs while gone: one "gone" event
        docs = env.run(code=1)
        assert_fault(env, docs, "failed", f"HTTP {code}", commits_before=1)
    assert env.commits("faulty") == recorded
    row = env.status()[BAD]
    assert row["gone_since"] and row["versions"] == 1
    assert "gone since" in env.tracker("status", code=0).output

    env.server.page("/bad", lambda: html(TERMS))  # back, same text: unchanged, a "back" event
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "unchanged"
    assert env.status()[BAD]["gone_since"] is None
    assert env.commits("faulty") == recorded
    from tracker.archive import Index

    with Index(env.store / "index.sqlite") as index:
        events = [(e["event"], e["detail"]) for e in index.events(BAD)]
    assert [e for e, _ in events] == ["gone", "back"] and str(code) in events[0][1]


def test_error_page_much_shorter_than_last_version_fails_even_if_long(env):
    long_terms = TERMS.replace("</main>", CLAUSES * 3 + "</main>")  # ~20,000 characters
    env.server.page("/bad", lambda: html(long_terms))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    filler = "".join(f"<p>Reference {i}: request blocked by the edge network.</p>" for i in range(60))
    env.server.page("/bad", lambda: html(f"<html><body><h1>Access denied</h1>{filler}</body></html>"))
    docs = env.run(code=1)
    assert_fault(env, docs, "failed", "looks like an error page: access denied", commits_before=1)


def test_real_terms_that_mention_access_denied_are_recorded(env):
    clause = ("<p>If we suspend your account, access denied to the service may last until the dispute is "
              "settled; a page not found error is not a breach of these terms.</p>")
    env.server.page("/bad", lambda: html(TERMS.replace("</main>", clause + "</main>")))
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "new"
    assert "access denied to the service" in env.text("faulty")


def test_sudden_shrink_is_held_for_three_runs_then_recorded(env):
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    half = TERMS.split("<h2>6.")[0] + "</main></body></html>"  # 5 of 40 clauses left
    env.server.page("/bad", lambda: html(half))
    for seen in (1, 2):
        docs = env.run(code=0)
        assert_fault(env, docs, "held", "text shrank by", commits_before=1)
        assert f"({seen} so far)" in docs[BAD]["summary"]
    assert "held" in env.tracker("status", code=0).output
    docs = env.run(code=0)  # third consecutive sighting: it is real
    assert docs[BAD]["outcome"] == "changed" and len(env.commits("faulty")) == 2
    assert "Clause 6" not in env.text("faulty")


def test_shrink_hold_is_forgotten_when_the_page_comes_back(env):
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    env.server.page("/bad", lambda: html(SHORT_TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "held"
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    env.server.page("/bad", lambda: html(SHORT_TERMS))  # counting starts again
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "held" and "(1 so far)" in docs[BAD]["summary"]


def test_max_shrink_per_document(env):
    env.bad_extra = "  max_shrink = 1"
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    env.server.page("/bad", lambda: html(SHORT_TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "changed"
    env.bad_extra = "  max_shrink = 0"
    env.write_sources()
    result = env.tracker("run", code=2)
    assert "max_shrink" in result.output


# --------------------------------------------------------------------------- charsets

CP1252_PAGE = ("<html><head><title>Conditions</title></head><body><main><h1>Conditions générales</h1>"
               "<p>Le client “accepte” les conditions – sans réserve, à l’exception de l’article 5.</p>"
               "</main></body></html>")


@pytest.mark.parametrize("case", ["cp1252-no-charset", "meta-contradicts-header"])
def test_charsets_without_mojibake(env, case):
    if case == "cp1252-no-charset":
        body, ctype = CP1252_PAGE.encode("cp1252"), "text/html"
    else:  # the header says UTF-8 (and is right); the page's <meta> says latin-1
        body = CP1252_PAGE.replace("<head>", '<head><meta charset="iso-8859-1">').encode("utf-8")
        ctype = "text/html; charset=utf-8"
    env.server.page("/bad", lambda: web.Response(body=body, headers={"Content-Type": ctype}))
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "new" and docs[GOOD]["outcome"] == "new"
    text = (env.store / "archive" / "faulty" / "Terms of Service.md").read_text(encoding="utf-8")
    # (the extractor straightens typographic quotes and dashes; what matters is they decoded)
    assert "Conditions générales" in text and "sans réserve, à l'exception" in text and '"accepte"' in text
    for mojibake in ("Ã", "â€", "\ufffd"):
        assert mojibake not in text


# --------------------------------------------------------------------------- archive faults


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_archive_fails_with_exit_3_and_keeps_versions(env):
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    before = env.commits()
    env.server.page("/good", lambda: html(TERMS.replace("Clause 1<", "Clause one<")))
    archive = env.store / "archive"
    subprocess.run(["chmod", "-R", "a-w", str(archive)], check=True)
    try:
        result = env.tracker("run", code=3)
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(archive)], check=True)
    assert "could not write" in result.output and "intact" in result.output
    assert env.commits() == before
    assert env.tracker("verify", code=0)


@pytest.mark.parametrize("broken,message", [
    # git cannot write: the pack directory fast-import writes into is not a directory (as root,
    # the stand-in for a full disk or a read-only archive)
    ("objects/pack", "could not write 1 new version(s) to the archive"),
    # git cannot even read the repository: refused before the index is touched
    ("objects", "is damaged or unreadable"),
])
def test_archive_write_failure_exits_3_and_keeps_archive_and_index(env, broken, message):
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    before = env.commits()
    env.server.page("/good", lambda: html(TERMS.replace("Clause 1<", "Clause one<")))
    target = env.store / "archive" / ".git" / broken
    saved = env.tmp / "saved"
    shutil.move(target, saved)
    target.write_text("not a directory\n")
    try:
        result = env.tracker("run", code=3)
        assert "error: " in result.output and message in result.output, result.output
        assert "Traceback" not in result.output
    finally:
        target.unlink()
        shutil.move(saved, target)
    assert env.commits() == before
    report = json.loads(env.tracker("verify", "--json", code=0).output)
    assert report["ok"] and report["indexed"] == 2
    assert len(json.loads(env.tracker("history", "good", "--json", code=0).output)) == 1
    docs = env.run(code=0)  # once repaired, the change is recorded, the rest is unchanged
    assert docs[GOOD]["outcome"] == "changed" and docs[BAD]["outcome"] == "unchanged"


# --------------------------------------------------------------------------- the attention feed


def test_attention_feed_lists_failing_and_held_documents(env):
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    env.server.page("/bad", lambda: html(SHORT_TERMS))
    env.run(code=0)  # held
    out = env.tmp / "feeds"
    env.tracker("feed", "--out", str(out), code=0)
    entries = feedparser.parse(str(out / "attention.atom")).entries
    assert len(entries) == 1 and "held" in entries[0].title and "Faulty Co" in entries[0].title
    env.server.page("/bad", lambda: html("<h1>gone</h1>", status=404))
    env.run(code=1)
    env.tracker("feed", "--out", str(out), code=0)
    entries = feedparser.parse(str(out / "attention.atom")).entries
    assert len(entries) == 1 and "gone" in entries[0].title and "HTTP 404" in entries[0].summary
    data = json.loads((out / "attention.json").read_text(encoding="utf-8"))
    assert len(data["items"]) == 1 and (out / "attention.rss").is_file()
    gone_id = entries[0].id
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    env.tracker("feed", "--out", str(out), code=0)
    # no longer a problem, and not dropped without a word: the same entry, now "Resolved"
    [resolved] = feedparser.parse(str(out / "attention.atom")).entries
    assert resolved.id == gone_id and resolved.title.startswith("Resolved: Faulty Co"), resolved.title
    assert "gone for 1 run(s)" in resolved.summary and "checked fine again" in resolved.summary


def test_attention_feed_names_a_never_recorded_document_by_its_service_name(env):
    """A document failing from its very first check has no recorded version to name its service:
    the attention feed still calls it "Faulty Co Terms", the declared name, not its id "faulty"."""
    env.server.page("/bad", lambda: html("<h1>gone</h1>", status=404))
    env.run(code=1)
    assert env.commits("faulty") == []
    out = env.tmp / "feeds"
    env.tracker("feed", "--out", str(out), code=0)
    entries = feedparser.parse(str(out / "attention.atom")).entries
    assert len(entries) == 1 and entries[0].title.startswith("Faulty Co "), entries[0].title
    assert "<strong>Faulty Co " in entries[0].content[0].value


# --------------------------------------------------------------------------- guard rules (pure)


@pytest.mark.parametrize("text,title,raw,rule", [
    ("Access Denied. Reference #18.2f", "", b"", "access denied"),
    ("Request could not be satisfied.", "403 Forbidden", b"", "access denied"),
    ("You have been blocked.", "", b"", "access denied"),
    ("Please complete the security check. CAPTCHA", "", b"", "captcha"),
    ("Verify you are human by completing the action below.", "", b"", "captcha"),
    ("Checking your browser before accessing example.com.", "Just a moment...", b"", "captcha"),
    ("We use cookies. Please accept cookies to continue.", "", b"", "cookie wall"),
    ("Page not found. Try the home page.", "", b"", "page not found"),
    ("Nothing here.", "404 | Acme", b"", "page not found"),
    ("Sign in to continue. Email Password", "", b"<input type='password'>", "login page"),
])
def test_error_page_rules(text, title, raw, rule):
    raw = raw + (f"<title>{title}</title>".encode() if title else b"")
    assert (guard.error_page(text, raw) or "").startswith(f"looks like an error page: {rule}")


@pytest.mark.parametrize("text,raw", [
    ("Credits expire after 12 months. Fees are $404 a year.", b""),
    ("Sign in to continue using your account after the change.", b"<p>no form</p>"),  # no password field
    ("Cookies. " + "You must accept cookies to continue. " + "We describe them below. " * 40, b""),  # not little text
    ("Terms of Service. Section 4.04 applies.", b""),
])
def test_error_page_rules_do_not_fire_on_ordinary_text(text, raw):
    assert guard.error_page(text, raw) is None


def test_error_page_rules_only_apply_to_short_or_much_shorter_texts():
    long_terms = "Clause: access denied to minors is not a breach. " * 60  # ~3,000 characters
    assert guard.error_page(long_terms, b"") is None
    assert guard.error_page(long_terms, b"", previous_length=4000) is None
    assert guard.error_page(long_terms, b"", previous_length=10000) == "looks like an error page: access denied"


def test_content_type_and_empty_body_rules():
    assert guard.unexpected_content_type("image/png") == "unexpected content type image/png (expected HTML, text or PDF)"
    assert guard.unexpected_content_type("application/octet-stream", b"%PDF-1.7 ...") is None
    assert guard.unexpected_content_type("application/octet-stream", b"\0\1")
    assert guard.unexpected_content_type("application/zip; charset=binary")
    for ok in ("text/html; charset=utf-8", "application/pdf", "text/plain", "", "application/xhtml+xml"):
        assert guard.unexpected_content_type(ok) is None
    assert guard.empty_body(b" \n") and guard.empty_body(b"x") is None


def test_shrink_rule():
    assert guard.shrink(None, 10) is None and guard.shrink(1000, 1200) is None
    assert guard.shrink(1000, 500) is None  # exactly half: allowed
    assert "shrank by 51%" in guard.shrink(1000, 490)
    assert guard.shrink(1000, 490, 0.6) is None
    assert guard.shrink(1000, 0, 1.0) is None  # 1 never holds


# --------------------------------------------------------------------------- pages that are not terms


def _page(body: str, title: str = "", head: str = "") -> str:
    # Inside <main>, so that `select = ["main"]` matches: a selector matching nothing must not be
    # what keeps these pages out of the archive.
    return (f"<!doctype html><html><head><title>{title}</title>{head}</head><body><header>Acme</header>"
            f"<main>{body}</main><footer>© 2026 Acme · <a href='/terms'>Terms</a> · "
            f"<a href='/privacy'>Privacy</a></footer></body></html>")


LOGIN_FORM = ("<form method='post' action='/session'><label>Email <input type='email' name='email'></label>"
              "<label>{pw} <input type='password' name='password'></label><button>{go}</button></form>")
NOT_TERMS: dict[str, tuple[str, str]] = {  # name -> (page, what status says it was served)
    "login-en": (_page("<h1>Welcome back</h1>" + LOGIN_FORM.format(pw="Password", go="Log in")
                       + "<p>By signing in you agree to our Terms of Service and Privacy Policy.</p>"
                       "<a href='/forgot'>Forgot your password?</a>", "Log in | Acme"), "a login page"),
    "login-fr": (_page("<h1>Connexion</h1>" + LOGIN_FORM.format(pw="Mot de passe", go="Se connecter")
                       + "<a href='/oubli'>Mot de passe oublié ?</a>", "Connexion – Acme"), "a login page"),
    "login-de": (_page("<h1>Anmelden</h1>" + LOGIN_FORM.format(pw="Passwort", go="Anmelden")
                       + "<a href='/vergessen'>Passwort vergessen?</a>", "Anmeldung – Acme"), "a login page"),
    "queue-en": (_page("<h1>You are now in line.</h1><p>Thank you for your patience. Estimated wait: 12 minutes."
                       "</p><p>Your number in line: 4,512</p>", "Waiting room",
                       "<meta http-equiv='refresh' content='30'>"), "a waiting room"),
    "queue-fr": (_page("<h1>Vous êtes dans la file d'attente</h1><p>Temps d'attente estimé : 8 minutes.</p>",
                       "File d'attente"), "a waiting room"),
    "queue-de": (_page("<h1>Sie sind in der Warteschlange</h1><p>Geschätzte Wartezeit: 5 Minuten.</p>",
                       "Warteraum"), "a waiting room"),
    "challenge": (_page("<h1>One more step</h1><p>Please complete the security check to access acme.example."
                        "</p><form id='challenge-form' action='/cdn-cgi/challenge-platform'>"
                        "<div class='h-captcha' data-sitekey='x'></div></form>", "Attention Required!"),
                  "a captcha or bot check"),
    "challenge-de": (_page("<h1>Bestätigen Sie, dass Sie ein Mensch sind</h1><div class='cf-turnstile'></div>",
                           "Einen Moment…"), "a captcha or bot check"),
    "maintenance-en": (_page("<h1>We'll be back soon!</h1><p>Sorry for the inconvenience, we're performing "
                             "scheduled maintenance at the moment.</p>", "Maintenance"), "a maintenance page"),
    "maintenance-fr": (_page("<h1>Site en maintenance</h1><p>Nous serons de retour très vite.</p>",
                             "Maintenance"), "a maintenance page"),
    "maintenance-de": (_page("<h1>Wartungsarbeiten</h1><p>Wir sind bald wieder für Sie da.</p>", "Wartung"),
                       "a maintenance page"),
    # Downtime said without the word "maintenance" (these were recorded as a first version).
    "downtime-en": (_page("<h1>Scheduled downtime</h1><p>Acme is currently offline while we upgrade our systems. "
                          "Thank you for your patience; please check again in an hour.</p>", "Acme"),
                    "a maintenance page"),
    "downtime-de": (_page("<h1>Vorübergehend nicht erreichbar</h1><p>Bitte versuchen Sie es in einer Stunde.</p>",
                          "Acme"), "a maintenance page"),
    "status": (_page("<h1>Acme Status</h1><p>All Systems Operational</p><p>API — Operational</p>"
                     "<p>Website — Operational</p><p>Uptime over the past 90 days.</p>", "Acme Status"),
               "a status or server error page"),
    "server-error-fr": (_page("<h1>Oups</h1><p>Une erreur est survenue. Réessayez plus tard.</p>", "Erreur"),
                        "a status or server error page"),
    "interstitial": (_page("<div id='app'>Loading…</div>", "Acme", "<meta name='robots' content='noindex, nofollow'>"),
                     "a page with no terms"),
    # Soft errors in other languages: Spanish, Italian, Dutch, Portuguese, Japanese.
    "not-found-es": (_page("<h1>Página no encontrada</h1><p>Lo sentimos, la página que buscas no existe o se ha "
                           "movido.</p><a href='/'>Volver al inicio</a>", "Página no encontrada – Acme"),
                     "a not-found page"),
    "not-found-it": (_page("<h1>Ops!</h1><p>La pagina che stai cercando non esiste.</p>", "Pagina non trovata"),
                     "a not-found page"),
    "not-found-pt": (_page("<h1>Página não encontrada</h1><p>Verifique o endereço digitado.</p>", "Acme"),
                     "a not-found page"),
    "not-found-ja": (_page("<h1>ページが見つかりません</h1><p>お探しのページは移動または削除された可能性があります。</p>",
                           "Acme"), "a not-found page"),
    "error-nl": (_page("<h1>Er is iets misgegaan</h1><p>Probeer het later opnieuw.</p>", "Fout"),
                 "a status or server error page"),
    "error-ja": (_page("<h1>エラーが発生しました</h1><p>しばらくしてから再度お試しください。</p>", "エラー"),
                 "a status or server error page"),
    "denied-es": (_page("<h1>Acceso denegado</h1><p>No tienes permiso para acceder a este recurso.</p>"),
                  "an access-denied page"),
    "maintenance-it": (_page("<h1>Sito in manutenzione</h1><p>Torneremo presto online.</p>", "Manutenzione"),
                       "a maintenance page"),
    "queue-pt": (_page("<h1>Você está na fila</h1><p>Tempo de espera estimado: 3 minutos.</p>", "Fila"),
                 "a waiting room"),
    "login-es": (_page("<h1>Iniciar sesión</h1>" + LOGIN_FORM.format(pw="Contraseña", go="Entrar"), "Acme"),
                 "a login page"),
    # Bot checks that name no captcha: a connection review, a "pardon our interruption" page.
    "challenge-review": (_page("<h2>Verifying you are human. This may take a few seconds.</h2><p>acme.example "
                               "needs to review the security of your connection before proceeding.</p>",
                               "acme.example"), "a captcha or bot check"),
    "challenge-es": (_page("<h1>Verifica que eres humano</h1><p>Completa la verificación de seguridad.</p>",
                           "Un momento..."), "a captcha or bot check"),
    # Pages that need scripts: a notice asking for JavaScript, a shell with a spinner.
    "enable-js": (_page("<p>Please enable JS and disable any ad blocker.</p>",
                        head="<script src='https://ct.bot-guard.example/c.js'></script>"),
                  "a page that needs JavaScript"),
    "enable-js-cookies": (_page("<h1>Pardon the interruption</h1><p>Something about your browser made us wonder. "
                                "Please make sure that JavaScript and cookies are enabled, then reload.</p>"),
                          "a page that needs JavaScript"),
    "script-shell": ("<!doctype html><html><head><title>Acme</title><script src='/static/app.js'></script></head>"
                     "<body><main><div id='root'><p>Loading…</p></div></main></body></html>",
                     "a page that needs JavaScript"),
    # Rate limits served with status 200.
    "rate-limit-en": (_page("<h1>Too many requests</h1><p>You have sent too many requests in a given amount of "
                            "time. Please try again later.</p>", "Slow down"), "a rate-limit page"),
    "rate-limit-de": (_page("<h1>Zu viele Anfragen</h1><p>Bitte versuchen Sie es später erneut.</p>", "Fehler"),
                      "a rate-limit page"),
    # A chooser or consent screen in place of the terms.
    "chooser-en": (_page("<h1>Choose your country or region</h1><ul>" + "".join(
        f"<li><a href='/{c}/terms'>{c}</a></li>" for c in ("United States", "United Kingdom", "Deutschland",
                                                          "France", "España", "Italia", "日本")) + "</ul>",
        "Acme"), "a country or language chooser"),
    "chooser-nl": (_page("<h1>Kies je land</h1><a href='/nl'>Nederland</a> <a href='/be'>België</a>", "Acme"),
                   "a country or language chooser"),
    "consent": (_page("<h1>Before you continue to Acme</h1><p>We use cookies and data to deliver and maintain "
                      "our services, measure audience engagement and show personalised ads.</p>"
                      "<button>Reject all</button><button>Accept all</button><a href='/consent'>More options</a>",
                      "Before you continue"), "a consent screen"),
    "consent-partners": (_page("<h1>We value your privacy</h1><p>We and our 612 partners store and access "
                               "information on a device, such as cookies, and process personal data, such as "
                               "unique identifiers, for personalised advertising and content measurement. You may "
                               "consent to this processing or refuse consent, and change your preferences at any "
                               "time.</p><button>I accept</button><button>Manage options</button>", "Privacy"),
                         "a consent screen"),
    # A password-less sign-in: an e-mail field and "Continue with ...", no password field.
    "login-email-only": (_page("<h1>Log in to Acme</h1><form action='/session'><input type='email' name='email' "
                               "placeholder='you@example.org'><button>Continue with email</button></form>"
                               "<button>Continue with Google</button>", "Log in | Acme"), "a login page"),
}

SHORT_REAL_TERMS = {  # short, legitimate terms that name what the rules look for: recorded
    "hcaptcha": _page("<h1>Acme Terms of Service</h1><p>By using Acme you agree to these terms. We use hCaptcha "
                      "to protect our sign-up form; hCaptcha processes personal data under its own privacy "
                      "policy.</p><p>Our liability is limited to the fees you paid in the last 12 months. "
                      "These terms are governed by the laws of Ireland.</p>", "Terms of Service"),
    "captcha-service": _page("<h1>Captcha – Terms of Use</h1><p>Captcha is a service that tells people from "
                             "bots. These terms are an agreement between you and Captcha Ltd. You may terminate "
                             "it at any time; we may suspend accounts that break it. Captcha is provided without "
                             "warranty.</p>", "Captcha — Terms"),
    "fr": _page("<h1>Conditions générales d'utilisation</h1><p>En utilisant le service, vous acceptez ces "
                "conditions. Nous utilisons un captcha pour protéger l'inscription. Le droit applicable est le "
                "droit français ; tout litige relève des tribunaux de Paris. Vos données personnelles sont "
                "traitées selon notre politique de confidentialité.</p>", "CGU"),
    "de": _page("<h1>Allgemeine Geschäftsbedingungen</h1><p>Mit der Anmeldung stimmen Sie diesen Bedingungen zu. "
                "Die Haftung ist auf Vorsatz beschränkt. Gerichtsstand ist Berlin. Wir verarbeiten "
                "personenbezogene Daten gemäß unserer Datenschutzerklärung; die Kündigung ist jederzeit "
                "möglich.</p>", "AGB"),
    # Short real terms in other languages, naming what the rules look for: recorded.
    "es": _page("<h1>Términos y condiciones</h1><p>Al usar el servicio aceptas este acuerdo. Si la página no se "
                "encuentra disponible por mantenimiento, no se considera un incumplimiento. La responsabilidad de "
                "Acme se limita a las tarifas pagadas. La ley aplicable es la española; tus datos personales se "
                "tratan según nuestra política de privacidad.</p>", "Términos"),
    "it": _page("<h1>Termini e condizioni</h1><p>Usando il servizio accetti questo contratto. Acme può sospendere "
                "l'accesso in caso di manutenzione; la responsabilità di Acme è limitata. Legge applicabile: legge "
                "italiana, foro competente di Milano. I dati personali sono trattati secondo l'informativa "
                "privacy.</p>", "Termini"),
    "nl": _page("<h1>Algemene voorwaarden</h1><p>Door de dienst te gebruiken gaat u akkoord met deze "
                "overeenkomst. Er is iets misgegaan? Acme is niet aansprakelijk voor indirecte schade. Op deze "
                "voorwaarden is Nederlands recht van toepassing; persoonsgegevens verwerken wij volgens ons "
                "privacybeleid.</p>", "Voorwaarden"),
    "pt": _page("<h1>Termos de uso</h1><p>Ao usar o serviço você aceita este contrato. Para iniciar sessão é "
                "necessária uma senha. A responsabilidade da Acme é limitada; a lei aplicável é a lei brasileira. "
                "Os dados pessoais são tratados conforme a política de privacidade.</p>", "Termos"),
    "ja": _page("<h1>利用規約</h1><p>本規約は、当社が提供するサービスの利用条件を定めるものです。メンテナンス中は"
                "サービスを利用できません。当社の責任は、お客様が支払った料金を上限とします。個人情報は"
                "プライバシーポリシーに従って取り扱います。準拠法は日本法とします。</p>", "利用規約"),
    "js-and-country": _page("<h1>Terms of Service</h1><p>These terms are an agreement between you and Acme. "
                            "Some features need JavaScript: please enable JavaScript to use the editor. Choose "
                            "your country in your account settings; the governing law is that of your country. "
                            "Acme shall not be liable for indirect damages, and either party may terminate this "
                            "agreement at any time. We process personal data as our privacy notice says.</p>"
                            "<button>Read more</button>", "Terms"),
    "unavailable-in-a-sentence": _page("<h1>Terms of Service</h1><p>By using Acme you agree to these terms. The "
                                       "service may be temporarily unavailable. We may stop it at any time.</p>",
                                       "Terms"),
    "login-box-in-header": _page("<h1>Terms of Service</h1><p>These terms are an agreement between you and Acme. "
                                 "Acme shall not be liable for indirect damages. Either party may terminate this "
                                 "agreement with thirty days of notice. Disputes go to arbitration under the "
                                 "governing law of Delaware. We process personal data as our privacy notice says."
                                 "</p>" + LOGIN_FORM.format(pw="Password", go="Log in"), "Terms"),
}


def _many_sources(env: Env, pages: dict[str, str], select: bool) -> None:
    blocks = []
    for name in pages:
        blocks.append(f'[[service]]\nid = "{name}"\nname = "{name}"\n  [[service.document]]\n  type = "Terms of Service"\n'
                      f'  url = "{env.server.url("/" + name)}"\n' + ('  select = ["main"]\n' if select else ""))
    env.sources.write_text("\n".join(blocks), encoding="utf-8")


def _run_many(env: Env) -> dict[str, dict]:
    result = CliRunner().invoke(cli, ["--store", str(env.store), "--sources", str(env.sources), "run", "--json",
                                      *FAST_RUN, "--per-host", "8"])
    assert result.stdout.strip(), result.output
    return {d["key"].split("/")[0]: d for d in json.loads(result.stdout)["documents"]}


@pytest.mark.parametrize("select", [False, True], ids=["no-select", "select-main"])
def test_pages_that_are_not_terms_are_never_recorded_over_five_runs(env, select):
    _many_sources(env, NOT_TERMS, select)
    for name in NOT_TERMS:
        env.server.page("/" + name, lambda: html(TERMS))
    docs = _run_many(env)
    assert {d["outcome"] for d in docs.values()} == {"new"}
    recorded = {name: env.commits(name) for name in NOT_TERMS}
    for name, (page, _) in NOT_TERMS.items():
        env.server.page("/" + name, lambda page=page: html(page))
    for run in range(1, 6):  # five consecutive runs: never held, never recorded
        docs = _run_many(env)
        for name in NOT_TERMS:
            assert docs[name]["outcome"] == "failed", (run, name, docs[name])
            assert docs[name]["error"].startswith("looks like an error page"), (name, docs[name])
    assert {name: env.commits(name) for name in NOT_TERMS} == recorded
    status = env.tracker("status", code=0).output
    for name, (_, served) in NOT_TERMS.items():
        line = next(x for x in status.splitlines() if x.startswith(f"{name}/"))
        assert f"served {served} for 5 run(s)" in line, line
        assert "Clause 40" in env.tracker("show", name, code=0).output  # the latest real version stands
    out = env.tmp / "feeds"
    env.tracker("feed", "--out", str(out), code=0)
    titles = [e.title for e in feedparser.parse(str(out / "attention.atom")).entries]
    assert any("served a login page for 5 run(s)" in t for t in titles), titles
    assert len(titles) == len(NOT_TERMS)
    # The real text comes back: unchanged, not a revert.
    for name in NOT_TERMS:
        env.server.page("/" + name, lambda: html(TERMS))
    assert {d["outcome"] for d in _run_many(env).values()} == {"unchanged"}


def test_a_login_page_without_the_selected_region_is_told_as_a_login_page(env):
    """A login page served in place of the terms has none of their layout: `select = ["main"]`
    matches nothing, and the run says what the page is (a login page), not that the layout
    changed (a first-time user's finding)."""
    login = ("<!doctype html><html><head><title>Sign in | Acme</title></head><body><div class='box'>"
             "<h1>Sign in to continue</h1>" + LOGIN_FORM.format(pw="Password", go="Sign in") + "</div></body></html>")
    _many_sources(env, {"acme": ""}, select=True)
    env.server.page("/acme", lambda: html(TERMS))
    assert _run_many(env)["acme"]["outcome"] == "new"
    env.server.page("/acme", lambda: html(login))
    doc = _run_many(env)["acme"]
    assert doc["outcome"] == "failed" and doc["error"].startswith("looks like an error page"), doc
    assert "login" in doc["error"] and "selected region missing" not in doc["error"], doc
    # a real layout change still says so
    env.server.page("/acme", lambda: html(TERMS.replace("<main", "<div").replace("</main>", "</div>")))
    assert "selected region missing" in _run_many(env)["acme"]["error"]


@pytest.mark.parametrize("select", [False, True], ids=["no-select", "select-main"])
def test_short_real_terms_naming_a_captcha_or_a_login_are_recorded(env, select):
    _many_sources(env, SHORT_REAL_TERMS, select)
    for name, page in SHORT_REAL_TERMS.items():
        env.server.page("/" + name, lambda page=page: html(page))
    docs = _run_many(env)
    assert {name: d["outcome"] for name, d in docs.items()} == {name: "new" for name in SHORT_REAL_TERMS}
    assert "hCaptcha" in env.tracker("show", "hcaptcha", code=0).output


@pytest.mark.parametrize("name", sorted(NOT_TERMS))
def test_not_terms_rules_pure(name):
    from tracker.extract.convert import extract

    page = NOT_TERMS[name][0].encode()
    reason = guard.error_page(extract(page, "text/html"), page)
    assert guard.served_instead(reason) == NOT_TERMS[name][1], reason


@pytest.mark.parametrize("name", sorted(SHORT_REAL_TERMS))
def test_short_real_terms_pass_the_rules(name):
    from tracker.extract.convert import extract

    page = SHORT_REAL_TERMS[name].encode()
    assert guard.error_page(extract(page, "text/html"), page) is None


# --------------------------------------------------------------------------- another page in place of the terms

CARDS = "".join(f"<a href='/use/{n}'><h3>{title}</h3><p>{line}</p></a>" for n, (title, line) in enumerate([
    ("Capture ideas", "Jot down a thought in a second, from any device."),
    ("Plan projects", "Turn notes into boards, lists and timelines."),
    ("Write together", "Share a notebook and edit it with your team."),
    ("Search everything", "Find any note, picture or scanned page in an instant."),
    ("Fernwick for desktop", "Every note, offline and fast."),
    ("Fernwick for mobile", "Your notebook in your pocket."),
    ("Web clipper", "Save any page you read in one click."),
    ("Integrations", "Connect the apps you already use."),
]))
# Longer than the short pages told by their look alone (600 characters), much shorter than the
# terms: the page a first-time user saw held for 3 runs, then recorded as a material change.
PRODUCT_HOME = _page("<h1>Fernwick</h1><h2>Notes that think with you.</h2><img src='/hero.png' alt='Fernwick'>"
                     "<a href='/signup'>Get started</a> <a href='/demo'>Book a demo</a>"
                     f"<h2>Browse by use case</h2>{CARDS}<a href='/blog'>Blog</a> <a href='/careers'>Careers</a>",
                     "Fernwick - notes that think with you")
# As long as the terms, so no shrink holds it: a home page of prose about something else.
STORY = ("<p>Tell us what makes you smile, which films you watch twice and where you go on a sunny Sunday. "
         "We show you people nearby who enjoy the same things, and you choose who to say hello to. Could "
         "the next story be yours? Join a walk, a cooking night or a board game evening in your town.</p>")
DATING_HOME = _page("<h1>Hearthly</h1><h2>Find someone who gets you.</h2>" + "".join(
    f"<h2>{title}</h2><p>{title} is where {n} new friendships start every week.</p>{STORY}"
    f"<a href='/stories/{n}'>Read more stories</a>" for n, title in enumerate(
        ["Real stories", "Happy couples", "Neighbours", "First messages", "Evenings out", "On your phone",
         "Walks", "Cooking nights", "Board games", "Book clubs", "Concerts", "Weekends away"])), "Hearthly")


@pytest.mark.parametrize("page", [PRODUCT_HOME, DATING_HOME], ids=["product-home", "dating-home"])
def test_another_page_served_in_place_of_the_terms_is_never_recorded(env, page):
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: html(page))
    for run in range(1, 5):  # four runs: neither held into a version nor recorded as new terms
        docs = env.run(code=1)
        assert_fault(env, docs, "failed", "not the terms: another page", commits_before=1)
    assert "Clause 40" in env.text("faulty")  # the latest real version stands
    line = next(x for x in env.tracker("status", code=0).output.splitlines() if x.startswith(BAD))
    assert "served another page than the terms for 4 run(s), not recorded" in line, line
    out = env.tmp / "feeds"
    env.tracker("feed", "--out", str(out), code=0)
    titles = [e.title for e in feedparser.parse(str(out / "attention.atom")).entries]
    assert any("served another page than the terms for 4 run(s)" in t for t in titles), titles
    env.server.page("/bad", lambda: html(TERMS))  # the terms back: unchanged, no version either way
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    assert len(env.commits("faulty")) == 1


def test_terms_rewritten_from_scratch_are_recorded(env):
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    rewritten = _page("<h1>Acme User Agreement</h1>" + "".join(
        f"<p>{n}. Subscriptions to plan {n} renew automatically each year unless you cancel them; we may "
        f"terminate this agreement for any reason, and our liability under it shall not exceed ${n}0.</p>"
        for n in range(1, 30)), "Acme agreement")
    env.server.page("/bad", lambda: html(rewritten))
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "changed" and len(env.commits("faulty")) == 2


# --------------------------------------------------------------------------- binary under text types

BINARIES = {
    "png": PNG,
    "gif": b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04",
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(range(256)),
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
    "gzip": gzip.compress(b"<html>terms</html>"),
    "woff2": b"wOF2\x00\x01\x00\x00" + bytes(range(64)),
    "random": bytes((i * 73 + 11) % 256 for i in range(4096)),
}


@pytest.mark.parametrize("media", ["text/html", "text/plain", "text/html; charset=utf-8", "application/xhtml+xml"])
@pytest.mark.parametrize("kind", ["png", "random"])
def test_binary_served_as_text_is_never_recorded(env, kind, media):
    headers = {"Content-Type": media} if media else {}
    env.server.page("/bad", lambda: web.Response(body=BINARIES[kind], headers=headers))
    docs = env.run(code=1)
    assert_fault(env, docs, "failed", "binary content")
    assert ("PNG image" if kind == "png" else "binary data") in docs[BAD]["error"]


@pytest.mark.parametrize("kind", sorted(BINARIES))
def test_sniff_binary(kind):
    from tracker.extract.sniff import sniff_binary

    assert sniff_binary(BINARIES[kind], "text/html")


@pytest.mark.parametrize("body,ctype", [
    (TERMS.encode(), "text/html"), (b"%PDF-1.7\n\x00\x01\x02\x03 binary stream", "text/html"),
    ("Bonjour “à tous”".encode("cp1252"), "text/plain"), ("規約".encode("shift_jis"), "text/plain"),
    ("<p>terms</p>".encode("utf-16"), "text/html"), ("<p>terms</p>".encode("utf-16-le"), "text/html; charset=utf-16le"),
    (b"BMW terms of sale", "text/plain"), (b"MZ Corp terms", "text/plain"), (b"ID3 Ltd terms", ""),
    (b"<p>a stray \x01 control byte in a long page</p>" + b"<p>clause</p>" * 100, "text/html"), (b"", "text/html"),
])
def test_sniff_lets_text_through(body, ctype):
    from tracker.extract.sniff import sniff_binary

    assert sniff_binary(body, ctype) is None


def test_compare_refuses_a_png_in_one_line(tmp_path):
    png, text = tmp_path / "a.png", tmp_path / "b.md"
    png.write_bytes(PNG)
    text.write_text("# Terms\n\nClause one.\n", encoding="utf-8")
    for args in ([str(png), str(text)], [str(text), str(png)]):
        result = CliRunner().invoke(cli, ["compare", *args])
        assert result.exit_code == 1, result.output
        assert result.output.count("\n") == 1 and "a PNG image, not text, HTML or PDF" in result.output
        assert "Traceback" not in result.output


# --------------------------------------------------------------------------- mislabelled charsets

LATIN1_PAGE = ("<html><head><title>AGB</title></head><body><main><h1>Allgemeine Geschäftsbedingungen</h1>"
               "<p>Die Haftung für Schäden ist ausgeschlossen; Größe der Datei: 5 µm × ½.</p></main></body></html>")
SJIS_PAGE = ("<html><head><title>利用規約</title></head><body><main><h1>利用規約</h1><p>本規約は、当社が提供する"
             "サービスの利用条件を定めるものです。ユーザーの皆さまには、本規約に従って本サービスをご利用いただきます。"
             "</p></main></body></html>")


@pytest.mark.parametrize("case,page,codec,expect", [
    ("cp1252-under-utf8", CP1252_PAGE + "<p>Prix : 10 €</p>", "cp1252", ["Conditions générales", '"accepte"', "10 €"]),
    ("latin1-under-utf8", LATIN1_PAGE, "latin-1", ["Allgemeine Geschäftsbedingungen", "5 µm × ½"]),
    ("shift-jis-under-utf8", SJIS_PAGE, "shift_jis", ["利用規約", "本サービスをご利用いただきます"]),
])
def test_mislabelled_charset_is_detected_and_recorded(env, case, page, codec, expect):
    body = page.encode(codec)
    env.server.page("/bad", lambda: web.Response(body=body, headers={"Content-Type": "text/html; charset=utf-8"}))
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "new"
    text = (env.store / "archive" / "faulty" / "Terms of Service.md").read_text(encoding="utf-8")
    for words in expect:
        assert words in text, text
    for mojibake in ("Ã", "â€", "\ufffd"):
        assert mojibake not in text
    log = subprocess.run(["git", "-C", str(env.store / "archive"), "log", "-1", "--format=%B", "--", "faulty"],
                         capture_output=True, text=True).stdout
    label = {"cp1252": "windows-1252", "latin-1": "windows-1252", "shift_jis": "shift_jis"}[codec]
    assert f"Decoded-As: {label} (declared utf-8 does not decode)" in log, log
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"


def test_clean_pages_carry_no_decoding_note(env):
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    log = subprocess.run(["git", "-C", str(env.store / "archive"), "log", "--format=%B"], capture_output=True,
                         text=True).stdout
    assert "Decoded-As" not in log


def test_decode_never_writes_a_replacement_character_the_page_did_not_contain():
    from tracker.extract.convert import decode, decode_report

    assert decode(b"\x81\x8d terms \xff\xfe\x90", "text/plain; charset=utf-8").count("\ufffd") == 0
    assert decode("a real \ufffd stays".encode(), "text/plain; charset=utf-8") == "a real \ufffd stays"
    assert decode_report("café".encode(), "text/html; charset=utf-8") == ("café", "")
    text, note = decode_report("café “x”".encode("cp1252"), "text/html")
    assert text == "café “x”" and note.startswith("windows-1252 (no charset declared")


def test_utf8_page_with_stray_cp1252_bytes_keeps_both():
    from tracker.extract.convert import decode_report

    text, note = decode_report("Conditions générales – ".encode() + "“article 5”".encode("cp1252"),
                               "text/html; charset=utf-8")
    assert text == "Conditions générales – “article 5”" and note.startswith("utf-8 with stray bytes")


def test_a_single_utf8_character_under_a_latin1_label_is_read_as_utf8():
    """One "©" or "’" in an ASCII page is UTF-8 bytes no Latin-1 text forms ("Â©", "â€™"); the
    <meta> wins where the header's label would make mojibake; the header's charset that does not
    decode gives way to the <meta>'s before any guess; real Windows-1252 text keeps its label."""
    from tracker.extract.convert import decode_report

    latin1 = "text/html; charset=iso-8859-1"
    for sign in ("©", "’", "\u00a0", "€"):
        text, note = decode_report(f"<p>Terms {sign} Acme</p>".encode(), latin1)
        assert text == f"<p>Terms {sign} Acme</p>" and note.startswith("utf-8 (declared"), (sign, text)
    # "Ľ" (two bytes, lead C4) alone could be Latin-1 "Ä½": the page's own <meta> settles it
    page = '<meta charset="utf-8"><p>Ľubica</p>'
    assert decode_report(page.encode(), latin1)[0] == page
    page = '<meta charset="iso-8859-1"><p>Conditions générales, crème</p>'
    text, note = decode_report(page.encode("latin-1"), "text/html; charset=utf-8")
    assert text == page and "<meta> says windows-1252" in note, note
    assert decode_report("<p>“Café” crème</p>".encode("cp1252"), latin1) == ("<p>“Café” crème</p>", "")


def test_repair_mojibake_reads_back_utf8_read_as_cp1252_and_keeps_real_text():
    from tracker.extract.convert import repair_mojibake

    real = "Conditions générales – l’été, © 2026, 利用規約, Ľubica, naïve"
    garbled = "".join(ch.encode().decode("latin-1") if not ch.isascii() else ch for ch in real)
    assert repair_mojibake(garbled) == real
    assert repair_mojibake(real) == real  # real accents, symbols and CJK stay as they are
    assert repair_mojibake("Prix : 10 € — “Ã” seul") == "Prix : 10 € — “Ã” seul"


@pytest.mark.parametrize("served", ["iso-8859-1", "windows-1252"])
def test_a_charset_label_that_changes_never_makes_a_version_of_mojibake(env, served):
    """The terms recorded under charset=utf-8, then the same UTF-8 bytes under a Latin-1 label:
    no run records a version, whether the decoder tells the bytes are UTF-8 ("©") or cannot
    ("Ľ" alone reads as Latin-1 "Ä½": the comparison reads the mojibake back)."""
    # (a line of the page's own text: a footer is chrome, dropped from a page read without select)
    page = TERMS.replace("<footer>Acme</footer>", "<p>© Acme, Ľubica</p>")
    label = {"v": "utf-8"}
    env.server.page("/bad", lambda: web.Response(body=page.encode(),
                                                 headers={"Content-Type": f"text/html; charset={label['v']}"}))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    label["v"] = served
    for _ in range(2):
        assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    assert len(env.commits("faulty")) == 1
    text = env.text("faulty")
    assert "© Acme, Ľubica" in text and "Ã" not in text and "Â" not in text
    # a single "Ľ" is not enough to overrule a Latin-1 label: the comparison does the rest
    bare = TERMS.replace("<footer>Acme</footer>", "<p>Ľubica</p>")
    env.server.page("/bad", lambda: web.Response(body=bare.encode(),
                                                 headers={"Content-Type": f"text/html; charset={label['v']}"}))
    label["v"] = "utf-8"
    assert env.run(code=0)[BAD]["outcome"] == "changed"
    label["v"] = served
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "unchanged", docs[BAD]
    assert len(env.commits("faulty")) == 2 and "Ľubica" in env.text("faulty")


def test_a_page_alternating_between_two_texts_from_run_to_run_is_a_blink(env):
    """A stale cached copy served every other run (each run's two fetches agree): the change and
    its first revert are versions, the second flip back is a blink, nothing more is recorded while
    the page keeps alternating, and the text that then stays 3 runs in a row is recorded."""
    old, new = TERMS, TERMS.replace("Clause 7</h2>", "Clause 7</h2><p>Fees may change with seven days of notice.</p>")
    served = {"text": old}
    env.server.page("/bad", lambda: html(served["text"]))
    outcomes = []
    for text in (old, new, old, new, old, new, old):
        served["text"] = text
        outcomes.append(env.run(code=0)[BAD]["outcome"])
    assert outcomes == ["new", "changed", "revert", "unchanged", "unchanged", "unchanged", "unchanged"], outcomes
    assert len(env.commits("faulty")) == 3
    docs = env.run(code=0)  # the older text again: still the latest, nothing to record
    assert docs[BAD]["outcome"] == "unchanged"
    served["text"] = new
    said = []
    for _ in range(3):
        docs = env.run(code=0)
        said.append((docs[BAD]["outcome"], docs[BAD]["summary"] or ""))
    assert [o for o, _ in said] == ["unchanged", "unchanged", "revert"], said
    assert "alternates between two texts" in said[0][1] or "alternates between texts" in said[0][1], said
    assert len(env.commits("faulty")) == 4 and "seven days" in env.text("faulty")


def test_a_change_taken_back_for_several_runs_and_made_again_is_recorded_at_once(env, monkeypatch):
    """A change (Y) kept for several runs, taken back (X) for several runs, then made again: not a
    page alternating from run to run, so Y is recorded the run it comes back, not 3 runs later as
    a blink would be. (``ALTERNATION_RUNS`` lowered to 1 here: a week of daily runs by default.)"""
    import importlib

    monkeypatch.setattr(importlib.import_module("tracker.run.decide"), "ALTERNATION_RUNS", 1)
    old, new = TERMS, TERMS.replace("Clause 7</h2>", "Clause 7</h2><p>Fees may change with seven days of notice.</p>")
    served = {"text": old}
    env.server.page("/bad", lambda: html(served["text"]))
    outcomes = []
    for text in (old, new, new, old, old, new):
        served["text"] = text
        outcomes.append(env.run(code=0)[BAD]["outcome"])
    assert outcomes == ["new", "changed", "unchanged", "revert", "unchanged", "revert"], outcomes
    assert len(env.commits("faulty")) == 4 and "seven days" in env.text("faulty")
    served["text"] = old  # but a flip back after one run, the text it left lasting 1, is a blink
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "unchanged" and "alternates" in (docs[BAD]["summary"] or ""), docs[BAD]
    assert len(env.commits("faulty")) == 4


def test_a_page_stamped_with_its_generation_time_is_one_version_until_its_terms_change(env):
    """A page that prints when it was generated, a relative "updated" stamp and a request id,
    new on every run: no version for them; a clause changed on a stamped run is recorded."""
    served = {"run": 0, "extra": ""}

    def page():
        served["run"] += 1
        n = served["run"]
        stamp = (f"<p>Generated on December {n}, 2026 at 10:{n:02d}:00 UTC. Updated {n} days ago</p>"
                 f"<p>Request ID: {n:04d}a9c0b1d2e3f40</p>")
        return html(TERMS.replace("</body>", stamp + served["extra"] + "</body>"))

    env.server.page("/bad", page)
    outcomes = [env.run(code=0)[BAD]["outcome"] for _ in range(3)]
    assert outcomes == ["new", "unchanged", "unchanged"], outcomes
    served["extra"] = "<p>Fees may change with seven days of notice.</p>"
    assert env.run(code=0)[BAD]["outcome"] == "changed"
    assert len(env.commits("faulty")) == 2 and "seven days" in env.text("faulty")


def test_a_footer_token_new_on_every_request_makes_no_version(env):
    """A page with no selector whose footer prints a build id or nonce that is new on every
    request ("build 290db647"): one version, not one a run; a clause changed is still recorded."""
    served = {"run": 0, "extra": ""}

    def page():
        served["run"] += 1
        token = f"{served['run'] * 7919:06d}ab"
        return html(TERMS.replace("</body>", f"<footer><p>© 2026 Faulty Inc. build {token}</p></footer>"
                                  + served["extra"] + "</body>"))

    env.server.page("/bad", page)
    outcomes = [env.run(code=0)[BAD]["outcome"] for _ in range(3)]
    assert outcomes == ["new", "unchanged", "unchanged"], outcomes
    served["extra"] = "<p>Fees may change with seven days of notice.</p>"
    assert env.run(code=0)[BAD]["outcome"] == "changed"
    assert len(env.commits("faulty")) == 2 and "seven days" in env.text("faulty")


def test_a_connection_reset_is_one_plain_line_and_never_a_version(env):
    """A server that resets the connection (before the status line, or in the middle of a body
    with no length): failed in words, no exception class name, nothing recorded."""
    raw = _raw_env(env, b"")
    raw.reset = True
    docs = env.run(code=1)
    assert_fault(env, docs, "failed", "connection lost: connection reset by peer")
    assert "Error" not in docs[BAD]["error"] and "\n" not in docs[BAD]["error"]
    raw.reply = _close_delimited(TERMS.encode()[: len(TERMS) // 2])
    for _ in range(3):
        docs = env.run(code=1)
        assert docs[BAD]["outcome"] == "failed" and docs[BAD]["commit"] is None, docs[BAD]
    assert len(env.commits("faulty")) == 0


PAYWALL = ("<html><head><title>Subscribe</title></head><body><main><h2>Subscribe to continue reading</h2><p>You "
           "have reached your limit of free articles this month.</p><p>Already a subscriber? <a href='/signin'>Sign "
           "in</a></p></main></body></html>")
AGE_GATE = ("<html><head><title>Age verification</title></head><body><main><h1>Are you 18 or older?</h1><p>You must "
            "be of legal drinking age to enter this site.</p><button>Yes</button><button>No</button></main></body></html>")


@pytest.mark.parametrize("page,reason", [(PAYWALL, "paywall"), (AGE_GATE, "age gate")])
def test_paywalls_and_age_gates_are_never_a_first_version(env, page, reason):
    env.server.page("/bad", lambda: html(page))
    for _ in range(3):
        docs = env.run(code=1)
        assert_fault(env, docs, "failed", f"looks like an error page: {reason}")
    assert guard.served_instead(docs[BAD]["error"]) in ("a paywall", "an age gate")


def test_terms_that_name_subscribers_or_an_age_limit_are_terms():
    """Rules alone: the prompt must be a heading or a line of its own on a page that does not
    read as terms; a clause that says it is terms."""
    for text in ("# Subscription terms\n\nAlready a subscriber?\n\nYour subscription renews each month and you "
                 "may cancel at any time; refunds are not given for partial months. These terms are governed by "
                 "the laws of Ireland and disputes go to its courts.",
                 "# Terms\n\nYou must be 18 or older to use Acme.\n\nWe may end your account if you break these "
                 "terms. These terms are governed by the laws of Ireland."):
        assert guard.error_page(text, b"") is None, text
    assert guard.error_page("# Avez-vous 18 ans ou plus ?\n\nOui Non", b"") == "looks like an error page: age gate"
    assert guard.error_page("## Jetzt abonnieren und weiterlesen\n\nBereits Abonnent? Hier anmelden.", b"") \
        == "looks like an error page: paywall"


def test_the_language_of_german_terms_is_told_though_they_share_words_with_dutch_and_english():
    german = " ".join(f"Die Kunden von Acme behalten alle in Abschnitt {i} beschriebenen Rechte; Acme darf die "
                      f"Gebühren nicht ohne eine Frist von dreißig Tagen ändern, und die Gerichte sind zuständig."
                      for i in range(5))
    assert guard.main_language(german) == "de"
    assert guard.main_language("the and is in die") is None  # too few words to tell


# --------------------------------------------------------------------------- partial and stale pages

def _raw_env(env: Env, reply: bytes) -> RawServer:
    raw = RawServer(reply)
    env.raw.append(raw)
    env.bad_url = f"http://127.0.0.1:{raw.port}/terms"
    return raw


def _close_delimited(body: bytes, *headers: bytes) -> bytes:
    """An HTTP/1.1 200 with no Content-Length and no chunks: the body ends where the server closes."""
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n" + b"".join(
        h + b"\r\n" for h in headers) + b"\r\n" + body


def test_transfer_cut_off_mid_body_never_shortens_the_terms(env):
    """With no length to tell (the server closes the connection), a cut transfer is told by its
    HTML closing neither </body> nor </html> and stopping mid-text, or its text stopping
    mid-sentence where the latest version goes on: refused every run, however often the same
    cut repeats (a proxy that cuts at the same byte), never a version deleting the rest."""
    raw = _raw_env(env, _close_delimited(TERMS.encode()))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    for share in (0.7, 0.35, 0.9):  # shorter than a shrink hold, a shrink, hardly shorter
        raw.reply = _close_delimited(TERMS.encode()[: int(len(TERMS) * share)])
        for _ in range(3 if share == 0.35 else 1):  # the same cut 3 runs in a row: still refused
            docs = env.run(code=1)
            assert_fault(env, docs, "failed", "a page cut off", commits_before=1)
    # cut right after a tag (its <main> left open), or after a line break
    body = TERMS.encode()
    at = body.index(b"<p>", len(body) // 2) + 3 + 20
    for cut in (body[:at] + b"<b>", body[: body.index(b"</p>", len(body) // 2) + 4] + b"\n"):
        raw.reply = _close_delimited(cut)
        docs = env.run(code=1)
        assert_fault(env, docs, "failed", "a page cut off", commits_before=1)
    raw.reply = _close_delimited(TERMS.encode())
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    assert "Clause 40" in env.text("faulty")
    # well-formed HTML whose text stops mid-sentence (a rendering cut short) is held ...
    cut = TERMS[: TERMS.rindex(" ", 0, int(len(TERMS) * 0.9))] + "</p></main></body></html>"
    raw.reply = _close_delimited(cut.encode())
    docs = env.run(code=0)
    assert_fault(env, docs, "held", "stops mid-sentence where the latest version goes on", commits_before=1)
    raw.reply = _close_delimited(TERMS.encode())
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    # ... and the same cut served 3 runs in a row is the page as served (a trailing block dropped)
    raw.reply = _close_delimited(cut.encode())
    outcomes = [env.run(code=0)[BAD]["outcome"] for _ in range(3)]
    assert outcomes == ["held", "held", "changed"], outcomes
    assert len(env.commits("faulty")) == 2


def test_compressed_transfer_cut_off_is_never_recorded_as_the_first_version(env):
    """A gzip stream cut short decodes without complaint; the HTML then stops mid-text before its
    </body>: refused every run, even with no version yet to compare with."""
    cut = gzip.compress(TERMS.encode())[:-300]
    _raw_env(env, _close_delimited(cut, b"Content-Encoding: gzip"))
    for _ in range(4):
        docs = env.run(code=1)
        assert_fault(env, docs, "failed", "a page cut off: its HTML stops mid-text")


def test_a_page_that_never_closes_its_body_is_held_then_recorded(env):
    """HTML that omits </body> and </html> but ends after a tag or a newline may be the page as
    its author wrote it: held like a sudden shrink, recorded once served so for 3 runs."""
    page = TERMS.replace("</body></html>", "\n")
    _raw_env(env, _close_delimited(page.encode()))
    outcomes = [env.run(code=0)[BAD]["outcome"] for _ in range(3)]
    assert outcomes == ["held", "held", "new"], outcomes
    assert "Clause 40" in env.text("faulty")


def test_pages_that_omit_their_closing_tags_only_when_cut_are_held():
    """Pure rule: the bytes open <html>/<body> and close neither; text and PDFs are never judged."""
    from types import SimpleNamespace as Page

    page = TERMS.encode()
    assert guard.cut_off_html([Page(body=page, content_type="text/html")]) is None
    assert guard.cut_off_html([Page(body=page[:-30], content_type="text/html")])
    assert guard.cut_off_html([Page(body=page[:-30], content_type="")])
    assert guard.cut_off_html([Page(body=b"<p>a fragment with no body element", content_type="text/html")]) is None
    assert guard.cut_off_html([Page(body=b"Terms <html> in plain text", content_type="text/plain")]) is None
    assert guard.cut_off_html([Page(body=b"%PDF-1.7 <body>", content_type="application/octet-stream")]) is None
    # stopping mid-text or mid-tag is a cut; after a tag or a newline it may be the page as written
    assert guard.cut_mid_text([Page(body=page[:-30], content_type="text/html")])
    assert guard.cut_mid_text([Page(body=page[: page.index(b"<main>") + 3], content_type="text/html")])
    assert guard.cut_mid_text([Page(body=page, content_type="text/html")]) is None
    unclosed = page.replace(b"</body></html>", b"")
    assert guard.cut_mid_text([Page(body=unclosed, content_type="text/html")]) is None
    assert guard.cut_mid_text([Page(body=unclosed + b"\n", content_type="text/html")]) is None
    assert guard.cut_mid_text([Page(body=b"Terms <html> in plain text", content_type="text/plain")]) is None
    # after a tag or a line break, but inside the content: <main> opened, never closed
    inside = page[: page.index(b"</p>") + 4]
    assert "still open" in guard.cut_mid_text([Page(body=inside, content_type="text/html")])
    assert "still open" in guard.cut_mid_text([Page(body=inside + b"\n", content_type="text/html")])
    assert guard.cut_mid_text([Page(body=b"<html><body><div><p>a</div>\n", content_type="text/html")]) is None


def test_rate_limit_longer_than_a_run_waits_is_not_retried(env):
    setup, reason = SCENARIOS["rate-limited-for-an-hour"]
    setup(env)
    docs = env.run(code=0)  # skipped in this run, not failed: the server asked for a pause (ops34)
    assert docs[BAD]["outcome"] == "skipped" and docs[BAD]["summary"].startswith("HTTP 429"), docs[BAD]
    assert "longer than the 60 s a run waits: not waited for" in docs[BAD]["summary"]
    assert env.server.paths("/bad") == ["/bad"]  # one request: waiting a minute would not have helped


def test_a_short_retry_after_is_honoured_then_reported(env):
    env.server.page("/bad", lambda: html("<h1>Too Many Requests</h1>", status=429, **{"Retry-After": "0"}))
    docs = env.run(code=1)
    assert_fault(env, docs, "failed", "HTTP 429 Too Many Requests (after 3 attempts)")
    assert len(env.server.paths("/bad")) == 3


TEASER_CLOSE = ["<button>Read more</button>", "<a href='#' class='expand'>Lire la suite</a>",
                "<button>Mehr anzeigen</button>", "<span role='button'>続きを読む</span>"]


@pytest.mark.parametrize("control", TEASER_CLOSE, ids=["en", "fr", "de", "ja"])
def test_first_section_and_a_read_more_control_is_never_recorded(env, control):
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    teaser = TERMS.split("<h2>4.")[0] + control + "</main><footer>Acme</footer></body></html>"
    env.server.page("/bad", lambda: html(teaser))
    for _ in range(4):  # never held into a version, as a shrink would be after 3 runs
        docs = env.run(code=1)
        assert_fault(env, docs, "failed", "not the terms: only the start of the terms", commits_before=1)
    line = next(x for x in env.tracker("status", code=0).output.splitlines() if x.startswith(BAD))
    assert "served only the start of the terms for 4 run(s), not recorded" in line, line
    out = env.tmp / "feeds"
    env.tracker("feed", "--out", str(out), code=0)
    titles = [e.title for e in feedparser.parse(str(out / "attention.atom")).entries]
    assert any("served only the start of the terms for 4 run(s)" in t for t in titles), titles


def test_shortened_terms_that_end_with_a_read_more_link_of_their_own_are_still_a_shrink(env):
    """Counter-test: a "Read more" the latest version had too is no teaser; the shrink rule holds it."""
    with_link = TERMS.replace("</main>", "<p><a href='/faq'>Read more</a></p></main>")
    env.server.page("/bad", lambda: html(with_link))
    env.run(code=0)
    env.server.page("/bad", lambda: html(with_link.split("<h2>6.")[0] + "<p><a href='/faq'>Read more</a></p></main></body></html>"))
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "held" and "text shrank by" in docs[BAD]["summary"]


def test_teaser_rule_pure():
    from tracker.extract.convert import extract

    latest = extract(TERMS.encode(), "text/html")
    first = TERMS.split("<h2>4.")[0]
    for control in TEASER_CLOSE + ["<a href='?all'>Show all</a>", "<button>Leer más</button>"]:
        text = extract((first + control + "</main></body></html>").encode(), "text/html")
        assert (guard.teaser(latest, text) or "").startswith("not the terms: only the start of the terms"), control
    plain = extract((first + "</main></body></html>").encode(), "text/html")
    assert guard.teaser(latest, plain) is None  # no control: a shrink, held
    edited = extract((first.replace("the provider may not", "Acme may") + "<button>Read more</button></main>").encode(),
                     "text/html")
    assert guard.teaser(latest, edited) is None  # new lines besides the control: not the same terms folded
    assert guard.teaser(latest, extract((first + "<button>Read more</button>").encode(), "text/html"), 1) is None


def test_a_page_alternating_between_two_variants_records_no_flip_flop(env):
    """An A/B test or a geo variant: a banner differs on every other request. Over 6 runs only the
    first text is recorded: the other variant is fetched again at once, gives the latest text back
    and is remembered as a variant (it was: 6 versions, a revert each run)."""
    served = [0]

    def variant() -> web.Response:
        served[0] += 1
        banner = "<div class='promo'>Try Acme Pro free</div>" if served[0] % 2 == 0 else "<div>Welcome back</div>"
        return html(TERMS.replace("<main>", f"<main>{banner}"))

    env.server.page("/bad", variant)
    docs = [env.run(code=0)[BAD] for _ in range(6)]
    assert [d["outcome"] for d in docs] == ["new"] + ["unchanged"] * 5, docs
    assert docs[1]["summary"].startswith("variant: the page alternates between texts"), docs[1]
    assert len(env.commits("faulty")) == 1
    assert env.status()[BAD]["versions"] == 1
    assert served[0] == 11  # one fetch, then two a run: the variant is fetched again each time it shows


def _banner(text: str) -> str:
    return TERMS.replace("<main>", f"<main><div class='promo'>{text}</div>")


def test_a_page_serving_one_of_two_variants_at_random_settles_after_few_versions(env):
    """A variant drawn at random on each request (50/50), not a strict alternation: before the
    page is seen blinking, a run whose two fetches happen to agree records the other variant;
    once the two fetches of one run disagree, both texts are known variants and none is recorded
    again (a variant is recorded only when no fetch of 3 runs in a row gives the latest text)."""
    draw = random.Random(11)  # requests 2 and 3 draw the other variant, request 5 the first one again
    served = [0]

    def variant() -> web.Response:
        served[0] += 1
        return html(_banner("Try Acme Pro free" if draw.random() < 0.5 else "Welcome back"))

    env.server.page("/bad", variant)
    docs = [env.run(code=0)[BAD] for _ in range(12)]
    outcomes = [d["outcome"] for d in docs]
    assert outcomes == ["new", "changed"] + ["unchanged"] * 10, outcomes  # one false version, then none
    assert docs[2]["summary"].startswith("variant: the page alternates between texts"), docs[2]
    assert len(env.commits("faulty")) == 2 == env.status()[BAD]["versions"]


def test_a_real_change_is_recorded_the_first_run_it_is_seen(env):
    """A page whose text changed is fetched a second time in the same run; both fetches agree,
    so the change is recorded at once (not a run later), and an unchanged page costs one fetch."""
    page = [TERMS]
    served = [0]

    def current() -> web.Response:
        served[0] += 1
        return html(page[0])

    env.server.page("/bad", current)
    assert env.run(code=0)[BAD]["outcome"] == "new" and served[0] == 1
    assert env.run(code=0)[BAD]["outcome"] == "unchanged" and served[0] == 2
    page[0] = TERMS.replace("thirty days of notice.</p>", "sixty days of notice.</p>", 1)
    assert env.run(code=0)[BAD]["outcome"] == "changed" and served[0] == 4
    assert env.run(code=0)[BAD]["outcome"] == "unchanged" and served[0] == 5
    assert len(env.commits("faulty")) == 2


def test_a_genuine_revert_is_recorded_the_run_it_is_served(env):
    """A page that really goes back to an earlier text (and stays there) is a revert, recorded on
    the first run: real histories are full of them, most followed at once by yet another text."""
    first = TERMS
    second = TERMS.replace("thirty days of notice.</p>", "sixty days of notice.</p>", 1)
    third = TERMS.replace("thirty days of notice.</p>", "ninety days of notice.</p>", 1)
    page = [first]
    env.server.page("/bad", lambda: html(page[0]))
    outcomes = []
    for text in (first, second, first, third, first, second):  # one text per run, as a replay serves them
        page[0] = text
        outcomes.append(env.run(code=0)[BAD]["outcome"])
    assert outcomes == ["new", "changed", "revert", "changed", "revert", "revert"], outcomes
    assert len(env.commits("faulty")) == 6


def test_the_blink_rule_never_hides_a_change_whose_two_fetches_agree(env):
    """A page known to blink between two variants changes for good: a new text that both fetches
    of a run give is recorded that run, and the variants are forgotten, so the old text coming
    back for good later is a revert recorded at once too. A page that changes while it keeps
    blinking (two new variants) records one version, the run the change is first served."""
    served = [0]
    texts = [_banner("Welcome back"), _banner("Try Acme Pro free")]

    def variant() -> web.Response:
        served[0] += 1
        return html(texts[served[0] % len(texts)])

    env.server.page("/bad", variant)
    assert [env.run(code=0)[BAD]["outcome"] for _ in range(3)] == ["new", "unchanged", "unchanged"]
    changed = TERMS.replace("thirty days of notice.</p>", "sixty days of notice.</p>", 1)
    texts[:] = [changed]  # the A/B test ends with new terms
    assert env.run(code=0)[BAD]["outcome"] == "changed"
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    texts[:] = [_banner("Try Acme Pro free")]  # the first text (request 1), for good: a revert at once
    assert env.run(code=0)[BAD]["outcome"] == "revert"
    # blinking again, between two texts the page never had: one version, then nothing
    texts[:] = [TERMS.replace("thirty days", "two months", 1), TERMS.replace("thirty days", "eight weeks", 1)]
    outcomes = [env.run(code=0)[BAD]["outcome"] for _ in range(4)]
    assert outcomes == ["changed", "unchanged", "unchanged", "unchanged"], outcomes
    assert len(env.commits("faulty")) == 4


def test_a_page_that_settles_on_one_of_its_variants_is_recorded_after_three_runs(env):
    """A page seen blinking that then serves only its other variant (the A/B test kept that
    one): no fetch gives the latest text back for 3 runs in a row, and the variant is recorded."""
    served = [0]
    texts = [_banner("Welcome back"), _banner("Try Acme Pro free")]

    def variant() -> web.Response:
        served[0] += 1
        return html(texts[served[0] % len(texts)])

    env.server.page("/bad", variant)
    assert [env.run(code=0)[BAD]["outcome"] for _ in range(2)] == ["new", "unchanged"]
    texts[:] = [_banner("Welcome back")]  # the variant not recorded (request 1 served the other)
    docs = [env.run(code=0)[BAD] for _ in range(4)]
    assert [d["outcome"] for d in docs] == ["unchanged", "unchanged", "changed", "unchanged"], docs
    assert "missing from 1 run(s)" in docs[0]["summary"], docs[0]
    assert len(env.commits("faulty")) == 2


MOVED_NOTICE = ("<html><body><h1>This page has moved</h1><p>Our terms now live in the "
                "<a href='{}'>Acme legal center</a>.</p></body></html>")


def test_a_moved_page_names_its_new_address(env):
    """A page that moved says where, in four ways; the failure names the new address and what to
    do, instead of a bare "HTTP 404": a 404 or 410 whose body links to the new page, a redirect
    chain that ends on a 404, a 200 page saying it moved, a meta refresh to another address."""
    env.server.page("/bad", lambda: html(MOVED_NOTICE.format("/legal/terms"), status=410))
    bad = env.run(code=1)[BAD]
    assert bad["outcome"] == "failed" and bad["error"] == (
        f"HTTP 410 Gone: the page says it moved to {env.server.url('/legal/terms')}: update the source's url"), bad
    env.server.page("/bad", lambda: web.Response(status=301, headers={"Location": "/step"}))
    env.server.page("/step", lambda: web.Response(status=302, headers={"Location": "/old-legal/terms"}))
    env.server.page("/old-legal/terms", lambda: html("<h1>Not found</h1>", status=404))
    bad = env.run(code=1)[BAD]
    assert bad["error"].startswith(f"HTTP 404 Not Found at {env.server.url('/old-legal/terms')}, where "
                                   f"{env.bad_url} redirects: the page moved; update the source's url"), bad
    env.server.page("/bad", lambda: html("<h1>Not found</h1>", status=404))  # no redirect, no link: as before
    assert env.run(code=1)[BAD]["error"] == "HTTP 404 Not Found"
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] in ("new", "back", "unchanged")
    env.server.page("/bad", lambda: html(MOVED_NOTICE.format("https://legal.acme.example/terms")))
    bad = env.run(code=1)[BAD]
    assert bad["outcome"] == "failed" and bad["error"].endswith(
        "moved page; the page says it moved to https://legal.acme.example/terms: update the source's url"), bad
    assert "a page saying the document moved" in env.tracker("status", code=0).output
    # an immediate refresh is followed like a redirect (no network in tests: a local address that
    # is gone); the message names where the page sent the run
    gone = env.server.url("/legal-gone")
    env.server.page("/legal-gone", lambda: html("<h1>Not found</h1>", status=404))
    refresh = (f"<html><head><meta http-equiv='refresh' content='0; URL={gone}'></head>"
               "<body><p>Redirecting...</p></body></html>")
    env.server.page("/bad", lambda: html(refresh))
    error = env.run(code=1)[BAD]["error"]
    assert gone in error and "404" in error, error
    assert len(env.commits("faulty")) == 1


@pytest.mark.parametrize("page,target", [
    ("<h1>Diese Seite ist umgezogen</h1><p>Die AGB finden Sie unter <a href='https://neu.example/agb'>neu</a>.</p>",
     "https://neu.example/agb"),
    ("<h1>Cette page a été déplacée</h1><p>Voir <a href='/cgu'>nos CGU</a>.</p>", "https://acme.example/cgu"),
    ("<p>We've moved! Find our policies at https://policies.acme.example/privacy.</p>",
     "https://policies.acme.example/privacy"),
    # the ways a notice says where the page is now, in the languages covered
    ("<p>Our terms can now be found at <a href='/legal/terms'>the legal centre</a>.</p>", "https://acme.example/legal/terms"),
    ("<p>This document is now located at <a href='/legal/terms'>legal</a>.</p>", "https://acme.example/legal/terms"),
    ("<h1>We've relocated</h1><p>See <a href='https://legal.acme.example/tos'>here</a>.</p>",
     "https://legal.acme.example/tos"),
    ("<p>Our terms' new home is https://legal.acme.example/tos.</p>", "https://legal.acme.example/tos"),
    # an imprint's office address or social account is no moved page
    ("<h1>Imprint</h1><p>Our new address is 5 Harbour Road. <a href='/contact'>Contact</a></p>", None),
    ("<h1>Impressum</h1><p>Neue Adresse: Hafenweg 5. <a href='/kontakt'>Kontakt</a></p>", None),
    ("<h1>About</h1><p>Acme is now on Mastodon: <a href='https://social.example/@acme'>@acme</a></p>", None),
    ("<p>Nos CGU se trouvent désormais sur <a href='/fr/cgu'>cette page</a>.</p>", "https://acme.example/fr/cgu"),
    ("<p>Unsere AGB finden Sie jetzt unter <a href='/de/agb'>AGB</a>.</p>", "https://acme.example/de/agb"),
    ("<p>Los términos ahora se encuentran en <a href='/es/terminos'>aquí</a>.</p>", "https://acme.example/es/terminos"),
    ("<p>Questa pagina ora si trova su <a href='/it/termini'>termini</a>.</p>", "https://acme.example/it/termini"),
    ("<p>Onze voorwaarden zijn nu te vinden op <a href='/nl/voorwaarden'>deze pagina</a>.</p>",
     "https://acme.example/nl/voorwaarden"),
    ("<p>Os termos agora estão em <a href='/pt/termos'>nova página</a>.</p>", "https://acme.example/pt/termos"),
    ("<p>このページは移転しました。<a href='/ja/terms'>新しいページ</a></p>", "https://acme.example/ja/terms"),
    ("<h1>Not found</h1><p>The page may have been relocated or deleted.</p><a href='/help'>Help</a>", None),  # a guess
    ("<p>This page has moved.</p><p><a href='#top'>Top</a></p>", None),  # no address given
    ("<h1>Moved</h1><p>The terms moved to <a href='/terms'>this page</a>.</p>", None),  # to itself
    ("<h1>Not found</h1><p>The page does not exist or has been moved.</p><a href='/help'>Help</a>", None),  # a guess
    ("<h1>Not found</h1><p>This page has moved.</p><a href='/'>Home</a>", None),  # home is no new address
])
def test_moved_to(page, target):
    from tracker.extract.convert import extract

    raw = f"<html><body>{page}</body></html>".encode()
    assert guard.moved_to(raw, "https://acme.example/terms", extract(raw, "text/html")) == target


def test_terms_that_mention_moving_are_terms():
    """Counter-test: terms with a clause about moved data or a new address are not a moved page."""
    from tracker.extract.convert import extract

    page = _page("<h1>Terms of Service</h1><p>These terms are an agreement between you and Acme. If your account "
                 "has moved to another region, see <a href='/regions'>regions</a>. Acme shall not be liable for "
                 "indirect damages. Either party may terminate this agreement under the governing law of Delaware."
                 "</p>")
    assert guard.error_page(extract(page.encode(), "text/html"), page.encode(), url="https://acme.example/terms") is None
    # long terms that shrank by half and say their office moved, with a link: terms (held), not a moved page
    office = ("<h1>Zorbo terms</h1><p>Our office has moved to <a href='/contact'>a new address</a>.</p>"
              + "".join(f"<h2>{n}</h2><p>Zorbo keeps section {n} of these rules for every member.</p>" for n in range(60)))
    text = extract(office.encode(), "text/html")
    assert len(text) > guard.SHORT_TEXT
    assert guard.error_page(text, office.encode(), len(text) * 3, url="https://zorbo.example/terms") is None


def test_a_stale_copy_served_again_is_a_revert_not_a_material_change(env):
    """A CDN or cache serving last month's page: the text is one the document had, labelled a
    revert (not material), and the current text coming back is one as well."""
    env.server.page("/bad", lambda: html(TERMS))
    env.run(code=0)
    current = TERMS.replace("thirty days of notice.</p>", "sixty days of notice.</p>", 1)
    env.server.page("/bad", lambda: html(current))
    assert env.run(code=0)[BAD]["outcome"] == "changed"
    env.server.page("/bad", lambda: html(TERMS))  # the stale copy
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "revert" and docs[BAD]["summary"].startswith("Reverted to the text of")
    history = json.loads(env.tracker("history", "faulty", "--json", code=0).output)
    assert [v["kind"] for v in history][-1] == "revert" and history[-1]["material"] is False, history[-1]


@pytest.mark.parametrize("url,final,login", [
    ("https://acme.example/terms", "https://acme.example/login?next=%2Fterms", True),
    ("https://acme.example/terms", "https://login.acme.example/?continue=https://acme.example/terms", True),
    ("https://acme.example/legal", "https://acme.example/oauth2/authorize?client_id=x", True),
    ("https://acme.example/terms", "https://acme.example/users/sign_in", True),
    ("https://acme.example/terms", "https://acme.example/legal/terms", False),
    ("https://acme.example/terms", "https://accounts.acme.example/tos", False),  # an accounts host serves terms
    ("https://acme.example/login/terms", "https://acme.example/login/terms/", False),  # asked for such a path
    ("https://acme.example/terms", "https://acme.example/terms", False),
    ("https://acme.example/terms", "https://acme.example/blog/how-to-login-faster", False),
])
def test_redirected_to_login(url, final, login):
    assert guard.redirected_to_login(url, final) is login


def test_real_terms_reached_through_a_login_looking_redirect_are_recorded():
    """Counter-test: the redirect rule applies to short pages with little legal vocabulary only."""
    from tracker.extract.convert import extract

    page = _page("<h1>Terms of Service</h1><p>These terms are an agreement between you and Acme. Acme shall not be "
                 "liable for indirect damages. Either party may terminate this agreement. Disputes go to arbitration "
                 "under the governing law of Delaware. We process personal data as our privacy notice says.</p>")
    text = extract(page.encode(), "text/html")
    assert guard.error_page(text, page.encode(), url="https://acme.example/terms",
                            final_url="https://acme.example/sso/terms") is None


@pytest.mark.parametrize("text", [
    # Long clauses that mention what an interstitial says, inside a sentence: not a prompt.
    "The platform is designed to work without JavaScript enabled in your browser; you can use it fully "
    "without having to enable JavaScript, and we never require it for reading these pages or our policies.",
    "If you change your country of residence, or select a region other than the one where you live, the "
    "company you contract with and the applicable version of the terms will be determined by your new country.",
])
def test_interstitial_words_inside_a_sentence_are_not_a_prompt(text):
    assert guard.error_page(text, b"<html><body><p>") is None
    assert guard.error_page(text * 3, b"", previous_length=20000) is None


def test_long_terms_that_shrank_are_judged_by_their_top_not_by_a_section_far_below():
    """Real terms that lost half their length (128,000 to 49,000 characters) had a section "2.5 La
    file d'attente" (the service's own queue feature) 8,000 characters down, and were refused as a
    waiting room on every run; a notice is at the top of the page it is."""
    intro = "".join(f"## Article {n}\n\nLe membre accepte les présentes conditions générales d'utilisation du "
                    f"service Zorbo, article {n}, et s'engage à les respecter.\n\n" for n in range(1, 40))
    terms = intro + "### 2.5 La file d'attente\n\nZorbo peut limiter le nombre de messages reçus.\n\n" + intro
    assert len(intro) > guard.SHORT_TEXT
    assert guard.error_page(terms, b"", previous_length=len(terms) * 3) is None
    queue = "# Vous êtes dans la file d'attente\n\nMerci de patienter.\n\n" + intro
    assert guard.error_page(queue, b"", previous_length=len(queue) * 3) == "looks like an error page: waiting room"


# --------------------------------------------------------------------------- tiny but real terms

NOINDEX = "<meta name='robots' content='noindex, nofollow'>"
TINY_TERMS = {  # a few sentences of terms or a one-paragraph policy, often `noindex`: recorded
    "privacy-paragraph": _page("<h1>Privacy notice</h1><p>We collect your email address to send you the "
                               "newsletter. We never sell it. Write to hello@zeta.example to have it deleted.</p>",
                               "Privacy", NOINDEX),
    "no-data": _page("<h1>Privacy</h1><p>This site stores no personal data and sets no cookies. Server logs are "
                     "deleted after seven days.</p>", "Privacy", NOINDEX),
    "three-sentences": _page("<h2>Terms of use</h2><p>The software is provided as is. You use it at your own "
                             "risk. We may change these terms at any time.</p>", "Zeta", NOINDEX),
    "fr": _page("<h1>Mentions légales</h1><p>Ce site est édité par Zeta SAS. En l'utilisant, vous acceptez ces "
                "conditions. Nous pouvons modifier le service à tout moment.</p>", "Mentions légales", NOINDEX),
    "de": _page("<h1>Datenschutz</h1><p>Wir speichern Ihre E-Mail-Adresse nur für den Newsletter. Sie können "
                "die Löschung jederzeit verlangen.</p>", "Datenschutz",
                "<meta http-equiv='refresh' content='3600'>"),
}
NOT_TINY_TERMS = {  # frames and stubs as short: refused, however often served
    "frame-only": _page("<div id='content'></div>", "Zeta"),
    "title-only": _page("<h1>Privacy Policy</h1>", "Privacy Policy", NOINDEX),
    "error-stub": _page("<h1>Error</h1><p>Something went wrong.</p>", "Error"),
    "menu": _page("<ul><li><a href='/a'>Terms</a></li><li><a href='/b'>Privacy</a></li>"
                  "<li><a href='/c'>Cookies</a></li></ul>", "Legal", NOINDEX),
}


@pytest.mark.parametrize("select", [False, True], ids=["no-select", "select-main"])
def test_tiny_real_terms_are_recorded_and_frames_and_stubs_are_not(env, select):
    """A three-sentence terms page or a one-paragraph privacy notice, `noindex` as legal pages
    often are, was refused for ever as "a page with no terms in it"; a page that is only its
    header and footer was recorded as a first version. Both ways, over three runs."""
    pages = {**TINY_TERMS, **NOT_TINY_TERMS}
    _many_sources(env, pages, select)
    for name, page in pages.items():
        env.server.page("/" + name, lambda page=page: html(page))
    for run in range(3):
        docs = _run_many(env)
        for name in TINY_TERMS:
            assert docs[name]["outcome"] == ("new" if run == 0 else "unchanged"), (name, docs[name])
        for name in NOT_TINY_TERMS:
            assert docs[name]["outcome"] == "failed", (name, docs[name])
            assert env.commits(name) == []
    assert "We never sell it." in env.tracker("show", "privacy-paragraph", code=0).output


@pytest.mark.parametrize("name", sorted(TINY_TERMS))
def test_a_long_policy_replaced_by_a_tiny_one_is_held_then_recorded(env, name):
    """A short policy in place of a long one is a sudden shrink (held, then recorded on the
    third run), not another page refused for ever."""
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: html(TINY_TERMS[name]))
    for _ in range(2):
        docs = env.run(code=0)
        assert docs[BAD]["outcome"] == "held", docs[BAD]
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "changed", docs[BAD]
    assert len(env.commits("faulty")) == 2


@pytest.mark.parametrize("name", ["frame-only", "title-only", "menu"])
def test_a_long_policy_replaced_by_a_frame_is_never_recorded(env, name):
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: html(NOT_TINY_TERMS[name]))
    for _ in range(4):
        assert env.run(code=1)[BAD]["outcome"] == "failed"
    assert len(env.commits("faulty")) == 1


def test_reads_as_terms_rule():
    from tracker.extract.convert import extract

    for name, page in TINY_TERMS.items():
        assert guard.reads_as_terms(extract(page.encode(), "text/html")), name
    for name, page in NOT_TINY_TERMS.items():
        assert not guard.reads_as_terms(extract(page.encode(), "text/html")), name
    assert not guard.reads_as_terms("Zeta makes notes fast.")  # one sentence
    assert not guard.reads_as_terms("# Legal\n\n[Terms](/t) · [Privacy](/p)\n\n© 2026 Zeta")


# --------------------------------------------------------------------------- the terms in another language

CLAUSES_DE = "".join(
    f"<h2>{i}. Klausel {i}</h2><p>Der Kunde behält alle Rechte aus Abschnitt {i}; der Anbieter darf die Gebühren "
    f"aus Abschnitt {i} nicht ohne eine Frist von dreißig Tagen ändern, und wir werden Sie über die Änderung "
    f"informieren.</p>" for i in range(1, 41))
TERMS_DE = TERMS.replace(CLAUSES, CLAUSES_DE).replace("Acme Terms of Service", "Nutzungsbedingungen von Acme")


def test_terms_served_in_another_language_are_held_then_recorded_if_they_last(env):
    """A site that picks the language by Accept-Language or location serves its German terms
    with a 200 where the English ones were: held, not recorded, and said so, while it may be a
    passing switch; a switch that lasts 3 runs (any German text counts, it may change meanwhile)
    is the page as served now and is recorded, called a translation, not 80 material changes."""
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: html(TERMS_DE, **{"Content-Language": "de"}))
    docs = env.run(code=0)
    assert_fault(env, docs, "held", "the terms in another language, de, where the latest version is en",
                 commits_before=1)
    assert not docs[BAD]["summary"].startswith("not the terms"), docs[BAD]
    assert "(1 so far)" in docs[BAD]["summary"]
    assert "held" in env.tracker("status", code=0).output
    # a passing switch: the English terms back are unchanged, and the count starts again
    env.server.page("/bad", lambda: html(TERMS))
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    german = [TERMS_DE, TERMS_DE.replace("dreißig", "vierzig"), TERMS_DE]
    for i, page in enumerate(german):
        env.server.page("/bad", lambda page=page: html(page, **{"Content-Language": "de"}))
        docs = env.run(code=0)
        if i < 2:
            assert docs[BAD]["outcome"] == "held" and f"({i + 1} so far)" in docs[BAD]["summary"], docs[BAD]
            assert len(env.commits("faulty")) == 1
    assert docs[BAD]["outcome"] == "changed" and docs[BAD]["commit"], docs[BAD]
    assert len(env.commits("faulty")) == 2
    last = env.tracker("history", "faulty", code=0).output.strip().splitlines()[-1]
    assert "a translation, not new terms" in last and "MATERIAL" not in last, last


def test_main_language_is_told_only_with_confidence():
    from tracker.extract.convert import extract

    assert guard.main_language(extract(TERMS.encode(), "text/html")) == "en"
    assert guard.main_language(extract(TERMS_DE.encode(), "text/html")) == "de"
    assert guard.main_language("The provider may change the fees.") is None  # too few words to tell
    mixed = extract(TERMS.encode(), "text/html") + extract(TERMS_DE.encode(), "text/html")
    assert guard.main_language(mixed) is None  # a bilingual page
    assert guard.another_language(mixed, extract(TERMS.encode(), "text/html")) is None
    # a page of links: the words of their addresses (".../do_not_sell", "/de/a/o") are no language
    menu = "\n".join(f"*   [{w}](https://acme.example/de/a/o/{w}?do_not_sell=da&que=e)" for w in
                      ("DOWNLOAD", "ABOUT", "HELP", "CAREERS", "BLOG") * 8)
    assert guard.main_language(menu) is None


def test_a_short_page_in_another_language_is_told_too():
    """A first-time user's 60-word English terms replaced by their German translation were
    recorded as 30 material changes ("Only a name changed: The → Der"): too few function words
    for the language check. A page of a few sentences is told; one sentence still is not."""
    en = ("These terms apply to your use of the Zeta app. You must be 16 or older. We may suspend your account "
          "if you break these terms. You can cancel at any time and we will refund the unused part of your plan "
          "within 30 days. We will tell you 30 days before any price increase.")
    de = ("Diese Bedingungen gelten für die Nutzung der Zeta-App. Sie müssen mindestens 16 Jahre alt sein. Wir "
          "können Ihr Konto sperren, wenn Sie gegen diese Bedingungen verstoßen. Sie können jederzeit kündigen "
          "und wir erstatten den nicht genutzten Teil Ihres Tarifs innerhalb von 30 Tagen. Wir informieren Sie "
          "30 Tage vor jeder Preiserhöhung und sind für Ihre Daten nicht verantwortlich.")
    assert guard.main_language(en) == "en" and guard.main_language(de) == "de"
    assert guard.another_language(en, de) is not None
    assert guard.another_language(en, en.replace("16", "18")) is None
    assert guard.main_language("Wir können Ihr Konto sperren.") is None


SHORT_EN = ("<h1>Zeta Privacy Notice</h1><h2>1. What we collect</h2><p>We collect your name, your e-mail address and "
            "the garden plans you upload.</p><h2>2. How we use it</h2><p>We use your data only to provide the service "
            "and to tell you about your account.</p><h2>3. Retention</h2><p>We delete your data 90 days after you close "
            "your account.</p><h2>4. Sharing</h2><p>We do not sell your data. We share it only with processors that host "
            "the service and take payments for us.</p><h2>5. Your rights</h2><p>You can ask for a copy, a correction "
            "or the deletion of your data at any time by writing to us.</p>")
SHORT_DE = ("<h1>Zeta Datenschutzhinweis</h1><h2>1. Was wir erheben</h2><p>Wir erheben Ihren Namen, Ihre E-Mail-Adresse "
            "und die Gartenpläne, die Sie hochladen.</p><h2>2. Wie wir sie verwenden</h2><p>Wir verwenden Ihre Daten nur, "
            "um den Dienst bereitzustellen und Sie über Ihr Konto zu informieren.</p><h2>3. Speicherdauer</h2><p>Wir "
            "löschen Ihre Daten 90 Tage nach der Schließung Ihres Kontos.</p><h2>4. Weitergabe</h2><p>Wir verkaufen Ihre "
            "Daten nicht. Wir geben sie nur an Auftragsverarbeiter weiter, die den Dienst hosten und Zahlungen für uns "
            "abwickeln.</p><h2>5. Ihre Rechte</h2><p>Sie können jederzeit eine Kopie, eine Berichtigung oder die "
            "Löschung Ihrer Daten verlangen, indem Sie uns schreiben.</p>")


def test_a_short_page_switched_to_another_language_is_a_translation_and_its_return_is_not_held(env):
    """A first-time user's 100-word privacy notice served in German for 3 runs was recorded as "CRITICAL
    No longer promises not to sell your data" (the analysis' language check wanted 40 function words),
    and English back, version 1's exact text, was held 2 more runs as another language."""
    page = "<!doctype html><html><head><title>Zeta</title></head><body><main>{}</main></body></html>"
    env.server.page("/bad", lambda: html(page.format(SHORT_EN)))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: html(page.format(SHORT_DE), **{"Content-Language": "de"}))
    for _ in range(3):
        docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "changed", docs[BAD]
    last = env.tracker("history", "faulty", code=0).output.strip().splitlines()[-1]
    assert "a translation, not new terms" in last and "MATERIAL" not in last and "CRITICAL" not in last, last
    env.server.page("/bad", lambda: html(page.format(SHORT_EN)))
    docs = env.run(code=0)
    assert docs[BAD]["outcome"] == "revert", docs[BAD]  # at once: the page had this text before
    assert len(env.commits("faulty")) == 3


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "us-ascii", "shift_jis"])
def test_utf8_bytes_under_another_charset_label_make_no_mojibake_and_no_version(env, label):
    """A server's default label (`charset=iso-8859-1`) on a UTF-8 page decoded every accent as two
    characters ("rÃ©siliation") and recorded that as a version, and another each time the label
    changed back. The bytes are read as the UTF-8 they are."""
    page = TERMS.replace("Acme Terms of Service", "Acme Conditions générales : résiliation, café, 5 €")
    env.server.page("/bad", lambda: web.Response(body=page.encode("utf-8"),
                                                 headers={"Content-Type": "text/html; charset=utf-8"}))
    assert env.run(code=0)[BAD]["outcome"] == "new"
    env.server.page("/bad", lambda: web.Response(body=page.encode("utf-8"),
                                                 headers={"Content-Type": f"text/html; charset={label}"}))
    assert env.run(code=0)[BAD]["outcome"] == "unchanged"
    text = env.text("faulty")
    assert "générales : résiliation, café, 5 €" in text and "Ã" not in text
    assert len(env.commits("faulty")) == 1


def test_real_single_byte_pages_keep_their_label():
    from tracker.extract.convert import decode_report

    assert decode_report("<p>Le café coûte 5 €.</p>".encode("cp1252"), "text/html; charset=windows-1252") == (
        "<p>Le café coûte 5 €.</p>", "")
    assert decode_report("<p>利用規約に同意します。</p>".encode("shift_jis"), "text/html; charset=shift_jis") == (
        "<p>利用規約に同意します。</p>", "")
