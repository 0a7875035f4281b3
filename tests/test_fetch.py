"""Polite fetching against real local HTTP servers: limits, delays, conditional requests,
retries and robots.txt. The server runs aiohttp in its own thread so it can count requests in
flight and delay its answers."""

from __future__ import annotations

import asyncio
import json
import time
import tracemalloc

import pytest
from aiohttp import web

from support import AioServer
from tracker.fetch import FetchOptions, Fetched, fetch_all
from tracker.fetch.base import retry_after as _retry_after
from tracker.archive.index import Index
from tracker.run.loop import run_snapshot
from tracker.sources.config import Document
from tracker.archive.store import Store

def page(title: str, body: str = "These terms apply.") -> str:
    return f"<html><body><nav>menu</nav><main><h1>{title}</h1><p>{body}</p></main></body></html>"


def html(text: str, status: int = 200, **headers: str) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", headers=headers)


def no_robots(request: web.Request) -> web.Response | None:
    return web.Response(status=404) if request.path == "/robots.txt" else None


def docs(server: AioServer, n: int, prefix: str = "/doc") -> list[Document]:
    return [Document("acme", "Acme", f"Doc {i}", server.url(f"{prefix}{i}")) for i in range(n)]


def fetch(documents: list[Document], options: FetchOptions, validators=None) -> list[Fetched]:
    async def collect() -> list[Fetched]:
        return [f async for f in fetch_all(documents, options, validators)]

    return asyncio.run(collect())


FAST = FetchOptions(host_delay=0.0, robots=False, backoff=0.05)


# --------------------------------------------------------------------------- limits and delays


def test_per_host_limit_is_never_exceeded(serve):
    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(0.15)
        return html(page(request.path))

    server = serve(slow)
    results = fetch(docs(server, 10), FetchOptions(concurrency=8, per_host=2, host_delay=0.0, robots=False))
    assert all(r.ok for r in results) and len(results) == 10
    assert server.max_in_flight == 2  # reached, never exceeded


def test_global_limit_spans_hosts(serve):
    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(0.15)
        return html(page(request.path))

    a, b = serve(slow), serve(slow)
    options = FetchOptions(concurrency=3, per_host=4, host_delay=0.0, robots=False)
    start = time.monotonic()
    results = fetch(docs(a, 6, "/a") + docs(b, 6, "/b"), options)
    assert all(r.ok for r in results)
    assert a.max_in_flight <= 3 and b.max_in_flight <= 3
    # 12 requests of 0.15 s, 3 at a time: at least 4 rounds
    assert time.monotonic() - start >= 4 * 0.15 - 0.02


def test_host_delay_spaces_request_starts(serve):
    async def fast(request: web.Request) -> web.Response:
        return html(page(request.path))

    server = serve(fast)
    fetch(docs(server, 4), FetchOptions(per_host=4, host_delay=0.25, robots=False))
    starts = sorted(h.started for h in server.hits)
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    # Seen by the server, one start can come late and the next on time, so single gaps get some
    # slack; without the delay they would all be close to 0 and the whole span far below 0.75 s.
    assert len(gaps) == 3 and min(gaps) >= 0.15 and starts[-1] - starts[0] >= 0.7, gaps


# --------------------------------------------------------------------------- conditional requests


class Versioned:
    """A page with an ETag (or Last-Modified) that answers 304 when the validator matches."""

    def __init__(self, use_etag: bool = True) -> None:
        self.body = "Credits expire after 12 months."
        self.version = 1
        self.use_etag = use_etag

    async def __call__(self, request: web.Request) -> web.Response:
        if (r := no_robots(request)) is not None:
            return r
        etag = f'"v{self.version}"'
        modified = f"Mon, 0{self.version} Jun 2026 10:00:00 GMT"
        if self.use_etag and request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        if not self.use_etag and request.headers.get("If-Modified-Since") == modified:
            return web.Response(status=304)
        headers = {"ETag": etag} if self.use_etag else {"Last-Modified": modified}
        return html(page("Terms", self.body), **headers)

    def change(self, body: str) -> None:
        self.body = body
        self.version += 1


@pytest.mark.parametrize("use_etag", [True, False], ids=["etag", "last-modified"])
def test_conditional_requests_turn_unchanged_pages_into_304(serve, tmp_path, use_etag):
    site = Versioned(use_etag)
    server = serve(site)
    store = Store(tmp_path / "store")
    documents = [Document("acme", "Acme", "Terms", server.url("/terms"))]

    first = run_snapshot(store, documents, FAST)
    assert [o.outcome for o in first.outcomes] == ["new"]
    assert not any(k.startswith("If-") for k in server.hits[-1].headers)

    second = run_snapshot(store, documents, FAST)
    assert [(o.outcome, o.http_status) for o in second.outcomes] == [("unchanged", 304)]
    sent = server.hits[-1].headers
    assert sent.get("If-None-Match" if use_etag else "If-Modified-Since")

    site.change("Credits expire after 6 months.")
    third = run_snapshot(store, documents, FAST)
    assert [o.outcome for o in third.outcomes] == ["changed"]
    # the validators of the new version were kept: the next run is a 304 again
    fourth = run_snapshot(store, documents, FAST)
    assert [(o.outcome, o.http_status) for o in fourth.outcomes] == [("unchanged", 304)]
    assert len(list(store.commits())) == 2


def test_validators_are_not_sent_after_the_selection_changed(serve, tmp_path):
    """Same bytes, new selector: a 304 would hide the new text, so ask for the full page."""
    server = serve(Versioned())
    store = Store(tmp_path / "store")
    run_snapshot(store, [Document("acme", "Acme", "Terms", server.url("/terms"), select=("main",))], FAST)
    narrower = Document("acme", "Acme", "Terms", server.url("/terms"), select=("main h1",))
    result = run_snapshot(store, [narrower], FAST)
    assert "If-None-Match" not in server.hits[-1].headers
    assert [o.outcome for o in result.outcomes] == ["changed"]  # the new selector took effect
    again = run_snapshot(store, [narrower], FAST)
    assert [(o.outcome, o.http_status) for o in again.outcomes] == [("unchanged", 304)]


def test_pending_text_keeps_old_validators(serve, tmp_path):
    site = Versioned()
    server = serve(site)
    store = Store(tmp_path / "store")
    doc = Document("acme", "Acme", "Terms", server.url("/terms"))
    run_snapshot(store, [doc], FAST)
    site.change("Credits expire after 6 months.")
    result = run_snapshot(store, [doc], FAST, confirm=2)
    assert [o.outcome for o in result.outcomes] == ["pending"]
    with Index(store.index_path) as index:
        assert index.http_cache()[doc.key]["etag"] == '"v1"'  # not the pending text's "v2"
    result = run_snapshot(store, [doc], FAST, confirm=2)
    assert [o.outcome for o in result.outcomes] == ["changed"]
    with Index(store.index_path) as index:
        assert index.http_cache()[doc.key]["etag"] == '"v2"'


def test_subscribers_see_the_run_as_events(serve, tmp_path):
    """RunStarted, then one DocumentChecked per document (a new version's right after its
    VersionRecorded, with its commit), then RunFinished with the result."""
    from tracker.run.events import DocumentChecked, RunFinished, RunStarted, VersionRecorded

    site = Versioned()
    server = serve(site)
    store = Store(tmp_path / "store")
    documents = [Document("acme", "Acme", "Terms", server.url("/terms")),
                 Document("acme", "Acme", "Privacy", server.url("/privacy"))]
    run_snapshot(store, documents[:1], FAST)
    site.change("Credits expire after 6 months.")
    seen: list = []
    result = run_snapshot(store, documents, FAST, subscribers=[seen.append])
    assert seen[0] == RunStarted(result.run_id, 2)
    assert seen[-1] == RunFinished(result)
    checked = [e.outcome for e in seen if isinstance(e, DocumentChecked)]
    assert checked == result.outcomes and sorted(o.outcome for o in checked) == ["changed", "new"]
    recorded = [i for i, e in enumerate(seen) if isinstance(e, VersionRecorded)]
    assert len(recorded) == 2
    assert all(seen[i + 1] == DocumentChecked(seen[i].outcome) for i in recorded)
    assert {seen[i].outcome.commit for i in recorded} == {c.sha for c in list(store.commits())[-2:]}


class Plain:
    """A page without validators (like most CDNs for dynamic pages): always the full body."""

    def __init__(self) -> None:
        self.body = page("Terms", "Credits expire after 12 months. Fees are non-refundable.")
        self.charset = "utf-8"

    async def __call__(self, request: web.Request) -> web.Response:
        if (r := no_robots(request)) is not None:
            return r
        return web.Response(body=self.body.encode("latin-1"), content_type="text/html", charset=self.charset)


@pytest.fixture
def extractions(monkeypatch):
    """Count the real extractor's conversions of a page to Markdown (they still run): a run
    parses and selects every page it fetches, and converts only the regions it has not seen."""
    import tracker.extract.convert

    calls: list[str] = []
    real = tracker.extract.convert.to_text

    def counting(found):
        calls.append(found.url)
        return real(found)

    monkeypatch.setattr(tracker.extract.convert, "to_text", counting)
    return calls


def test_same_bytes_without_validators_are_not_extracted_again(serve, tmp_path, extractions):
    site = Plain()
    server = serve(site)
    store = Store(tmp_path / "store")
    doc = Document("acme", "Acme", "Terms", server.url("/terms"))
    assert [o.outcome for o in run_snapshot(store, [doc], FAST).outcomes] == ["new"]
    assert len(extractions) == 1
    again = run_snapshot(store, [doc], FAST)
    assert [(o.outcome, o.http_status) for o in again.outcomes] == [("unchanged", 200)]
    assert len(extractions) == 1  # same bytes: the hash said so, the extractor did not run
    site.body = page("Terms", "Credits expire after 6 months. Fees are non-refundable.")
    changed = run_snapshot(store, [doc], FAST)
    assert [o.outcome for o in changed.outcomes] == ["changed"]
    assert len(extractions) == 2
    assert [o.outcome for o in run_snapshot(store, [doc], FAST).outcomes] == ["unchanged"]
    assert len(extractions) == 2  # the new version's bytes were remembered


def test_same_bytes_are_extracted_again_when_what_decodes_them_changed(serve, tmp_path, extractions):
    """The hash covers the bytes, their Content-Type and the document's settings: new settings
    or a new charset can give a new text from the same bytes."""
    site = Plain()
    site.body = page("Terms", "Disputes go to the courts of Zürich.")
    # Labelled with a charset the bytes do decode in, wrongly (0xFC is "ό" in Greek): bytes that
    # do not decode as labelled are no longer read as labelled (issue 13), so a wrong label that
    # still decodes is what gives another text from the same bytes.
    site.charset = "iso-8859-7"
    server = serve(site)
    store = Store(tmp_path / "store")
    doc = Document("acme", "Acme", "Terms", server.url("/terms"), select=("main",))
    run_snapshot(store, [doc], FAST)
    site.charset = "latin-1"  # the same bytes, labelled with their real charset now
    result = run_snapshot(store, [doc], FAST)
    assert [o.outcome for o in result.outcomes] == ["changed"]
    assert "Zürich" in store.read(result.outcomes[0].commit, doc.path)
    narrower = Document("acme", "Acme", "Terms", server.url("/terms"), select=("main h1",))
    result = run_snapshot(store, [narrower], FAST)
    assert [o.outcome for o in result.outcomes] == ["changed"]  # the new selector took effect
    assert len(extractions) == 3


class Noisy:
    """A page rendered per request, as real terms pages are: a fresh nonce in the footer, a CSRF
    token in a form and a request id in a comment inside the selected region; no validators."""

    def __init__(self) -> None:
        self.terms = "Credits expire after 12 months. Fees are non-refundable."
        self.served = 0

    async def __call__(self, request: web.Request) -> web.Response:
        if (r := no_robots(request)) is not None:
            return r
        self.served += 1
        n = self.served
        body = (f'<html><body><div class="cookie-banner">We use cookies <input type="hidden" name="c" value="{n}">'
                f'</div><main><!-- request {n} --><h1>Terms</h1><p>{self.terms}</p>'
                f'<form method="post"><input type="hidden" name="csrf" value="token-{n}"><button>Agree</button>'
                f'</form></main><footer>Rendered by node {n}<script nonce="n{n}">x()</script></footer></body></html>')
        return html(body)


def test_a_no_change_run_over_pages_with_per_request_noise_records_nothing(serve, tmp_path, extractions):
    site = Noisy()
    server = serve(site)
    store = Store(tmp_path / "store")
    doc = Document("acme", "Acme", "Terms", server.url("/terms"), select=("main",), remove=(".cookie-banner",))
    assert [o.outcome for o in run_snapshot(store, [doc], FAST).outcomes] == ["new"]
    commits = len(list(store.commits()))
    for _ in range(2):
        again = run_snapshot(store, [doc], FAST)
        assert [(o.outcome, o.commit) for o in again.outcomes] == [("unchanged", None)]
    assert site.served == 3 and len(list(store.commits())) == commits  # new bytes each time, nothing recorded
    assert len(extractions) == 1  # the selected region was the same: not converted again
    site.terms = site.terms.replace("12 months", "13 months")  # one character of the region
    changed = run_snapshot(store, [doc], FAST)
    assert [o.outcome for o in changed.outcomes] == ["changed"]
    assert "Credits expire after 13 months." in store.read(changed.outcomes[0].commit, doc.path)
    assert len(extractions) == 2
    assert [o.outcome for o in run_snapshot(store, [doc], FAST).outcomes] == ["unchanged"]
    assert len(extractions) == 2  # the new version's region was remembered


def test_a_region_remembered_by_an_older_extractor_is_converted_again(serve, tmp_path, extractions, monkeypatch):
    import tracker.extract.convert

    server = serve(Noisy())
    store = Store(tmp_path / "store")
    doc = Document("acme", "Acme", "Terms", server.url("/terms"), select=("main",))
    run_snapshot(store, [doc], FAST)
    monkeypatch.setattr(tracker.extract.convert, "EXTRACTOR_VERSION", "next")
    assert [o.outcome for o in run_snapshot(store, [doc], FAST).outcomes] == ["unchanged"]
    assert len(extractions) == 2  # converted again: the remembered region was for another extractor
    assert [o.outcome for o in run_snapshot(store, [doc], FAST).outcomes] == ["unchanged"]
    assert len(extractions) == 2  # and remembered for this one
    wider = Document("acme", "Acme", "Terms", server.url("/terms"), select=("main", "footer"))
    # the footer's node number differs per request: the only new line blinks, nothing recorded
    # (``decide.agreed_text``: what the two fetches agree on is the latest text)
    assert [o.outcome for o in run_snapshot(store, [wider], FAST).outcomes] == ["unchanged"]
    # new settings: converted again, and the page fetched again and converted once more (a text
    # that would be a new version is fetched twice)
    assert len(extractions) == 4


def test_versions_keep_their_text_length(serve, tmp_path):
    site = Plain()
    server = serve(site)
    store = Store(tmp_path / "store")
    doc = Document("acme", "Acme", "Terms", server.url("/terms"))
    result = run_snapshot(store, [doc], FAST)
    text = store.read(result.outcomes[0].commit, doc.path)
    with Index(store.index_path) as index:
        assert index.latest_length(doc.key) == len(text)


def test_a_length_an_older_index_lacks_is_read_from_the_archive_once(serve, tmp_path):
    """Versions indexed before lengths were kept: the shrink check still knows the last length."""
    site = Plain()
    server = serve(site)
    store = Store(tmp_path / "store")
    doc = Document("acme", "Acme", "Terms", server.url("/terms"))
    text = store.read(run_snapshot(store, [doc], FAST).outcomes[0].commit, doc.path)
    with Index(store.index_path) as index:
        index.conn.execute("UPDATE versions SET length = NULL")
        index.conn.commit()
    site.body = page("Terms", "Fees apply.")  # lost more than half of the text
    assert [o.outcome for o in run_snapshot(store, [doc], FAST).outcomes] == ["held"]
    with Index(store.index_path) as index:
        assert index.latest_length(doc.key) == len(text)  # written back: later runs need no git read


# --------------------------------------------------------------------------- retries


def test_503_with_retry_after_is_retried_then_recorded(serve, tmp_path):
    calls = {"n": 0}

    async def flaky(request: web.Request) -> web.Response:
        if (r := no_robots(request)) is not None:
            return r
        calls["n"] += 1
        if calls["n"] == 1:
            return web.Response(status=503, headers={"Retry-After": "1"})
        return html(page("Terms"))

    server = serve(flaky)
    start = time.monotonic()
    # The server asks for 1 s, within the run's cap (60 s): waited exactly (ops34: a Retry-After
    # over the cap is no longer cut to it, the document is skipped in that run instead). Waiting
    # the whole second, well over the 0.05 s back-off, shows the header was honoured.
    result = run_snapshot(Store(tmp_path / "s"), [Document("a", "A", "Terms", server.url("/t"))], FAST)
    assert [o.outcome for o in result.outcomes] == ["new"]
    assert server.paths("/t") == ["/t", "/t"]
    assert time.monotonic() - start >= 0.99  # Retry-After was honoured


def test_permanent_errors_are_not_retried(serve):
    async def gone(request: web.Request) -> web.Response:
        return web.Response(status=int(request.path.strip("/")))

    server = serve(gone)
    documents = [Document("a", "A", str(code), server.url(f"/{code}")) for code in (404, 410, 401, 403)]
    results = fetch(documents, FAST)
    assert sorted(r.status for r in results) == [401, 403, 404, 410]
    assert all(r.error and "attempts" not in r.error for r in results)
    assert sorted(server.paths()) == ["/401", "/403", "/404", "/410"]  # one request each


def test_transient_failures_stop_after_three_attempts(serve):
    async def busy(request: web.Request) -> web.Response:
        return web.Response(status=429)  # no Retry-After: exponential backoff

    server = serve(busy)
    started = time.monotonic()
    [result] = fetch([Document("a", "A", "T", server.url("/t"))], FAST)
    assert result.status == 429 and "after 3 attempts" in (result.error or "")
    assert len(server.paths("/t")) == 3
    assert time.monotonic() - started >= 0.05 + 0.1  # backoff 0.05 s, then 0.1 s


def test_run_retry_backoff_option_sets_the_wait_between_tries(serve, tmp_path, tracker_cli):
    async def busy(request: web.Request) -> web.Response:
        robots = no_robots(request)
        return robots if robots is not None else web.Response(status=503)

    server = serve(busy)
    sources = tmp_path / "sources.toml"
    url = server.url("/t")
    sources.write_text(f'[[service]]\nid = "a"\nname = "A"\n  [[service.document]]\n  type = "T"\n  url = "{url}"\n',
                       encoding="utf-8")
    tracker = tracker_cli(sources, code=1)
    result = tracker("run", "--retry-backoff", "0.1")  # after the defaults: click keeps the last value
    assert "after 3 attempts" in result.output
    hits = [h.started for h in server.hits if h.path == "/t"]
    assert len(hits) == 3 and hits[1] - hits[0] >= 0.1 and hits[2] - hits[1] >= 0.2  # 0.1 s, doubled
    refused = tracker("run", "--retry-backoff", "-1", code=2)
    assert "--retry-backoff" in refused.output


def test_connection_reset_is_retried(serve):
    calls = {"n": 0}

    async def reset_twice(request: web.Request) -> web.Response:
        calls["n"] += 1
        if calls["n"] <= 2:  # aiohttp itself retries a dropped GET once; the second drop is ours
            assert request.transport is not None
            request.transport.abort()  # the peer drops the connection mid-request
            await asyncio.sleep(0.05)
        return html(page("Terms"))

    server = serve(reset_twice)
    [result] = fetch([Document("a", "A", "T", server.url("/t"))], FAST)
    assert result.ok and result.attempts == 2 and calls["n"] == 3


def test_timeouts_are_retried(serve):
    calls = {"n": 0}

    async def slow_once(request: web.Request) -> web.Response:
        calls["n"] += 1
        if calls["n"] == 1:
            await asyncio.sleep(1.0)
        return html(page("Terms"))

    server = serve(slow_once)
    [result] = fetch([Document("a", "A", "T", server.url("/t"), timeout=0.3)], FAST)
    assert result.ok and result.attempts == 2


def test_retry_after_parsing():
    assert _retry_after("2", 60) == 2
    assert _retry_after("3600", 60) == 60  # capped
    assert _retry_after(None, 60) == 0 and _retry_after("soon", 60) == 0
    assert 0 < _retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 60) < 0.01  # in the past: at once


# --------------------------------------------------------------------------- robots.txt


ROBOTS = "User-agent: *\nDisallow: /private\n\nUser-agent: otherbot\nDisallow: /\n"


@pytest.fixture
def robots_site(serve, tmp_path, tracker_cli):
    async def handler(request: web.Request) -> web.Response:
        if request.path == "/robots.txt":
            return web.Response(text=ROBOTS, content_type="text/plain")
        return html(page(request.path))

    server = serve(handler)
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f"""
[[service]]
id = "acme"
name = "Acme"
  [[service.document]]
  type = "Terms"
  url = "{server.url('/terms')}"
  [[service.document]]
  type = "Privacy"
  url = "{server.url('/privacy')}"
  [[service.document]]
  type = "Internal"
  url = "{server.url('/private/terms')}"
""",
        encoding="utf-8",
    )

    cli = tracker_cli(sources, code=None)

    def tracker(*args: str):
        return cli("run", *args)

    return server, tracker


def test_robots_disallowed_page_is_skipped_not_fetched(robots_site):
    server, tracker = robots_site
    result = tracker()
    assert result.exit_code == 0, result.output
    assert "skipped  acme/Internal  disallowed by" in result.output
    assert "1 skipped" in result.output and "0 failed" in result.output
    assert "/private/terms" not in server.paths()
    assert server.paths("/robots.txt") == ["/robots.txt"]  # once per run, not per document
    data = json.loads(tracker("--json").output)
    assert data["counts"]["skipped"] == 1 and data["counts"]["checked"] == 2
    skipped = [d for d in data["documents"] if d["outcome"] == "skipped"]
    assert [d["key"] for d in skipped] == ["acme/Internal"]


def test_ignore_robots_fetches_everything(robots_site):
    server, tracker = robots_site
    result = tracker("--ignore-robots", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["counts"]["new"] == 3
    assert "/private/terms" in server.paths() and not server.paths("/robots.txt")


def test_robots_user_agent_groups_and_custom_user_agent(robots_site):
    server, tracker = robots_site
    result = tracker("--user-agent", "OtherBot/2.0 (+mailto:me@example.org)", "--json")
    assert json.loads(result.output)["counts"]["skipped"] == 3  # "otherbot" is disallowed everywhere
    assert server.paths() == ["/robots.txt"]
    assert server.hits[0].headers["User-Agent"].startswith("OtherBot/2.0")


def test_robots_crawl_delay_raises_host_delay(serve):
    async def handler(request: web.Request) -> web.Response:
        if request.path == "/robots.txt":
            return web.Response(text="User-agent: *\nCrawl-delay: 0.3\n", content_type="text/plain")
        return html(page(request.path))

    server = serve(handler)
    fetch(docs(server, 3), FetchOptions(per_host=4, host_delay=0.0))
    starts = sorted(h.started for h in server.hits if h.path != "/robots.txt")
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert min(gaps) >= 0.2 and starts[-1] - starts[0] >= 0.55, gaps  # slack per gap, as above


# --------------------------------------------------------------------------- memory


def test_bodies_are_not_kept_once_consumed(serve):
    """fetch_all must not hold every body until the run ends (1000 pages x 300 KB)."""
    body = page("Terms", "x" * 1_000_000)

    async def big(request: web.Request) -> web.Response:
        return html(body)

    server = serve(big)

    async def consume() -> int:
        count = 0
        async for fetched in fetch_all(docs(server, 30), FetchOptions(concurrency=2, per_host=2,
                                                                      host_delay=0.0, robots=False)):
            assert len(fetched.body) > 1_000_000
            count += 1
        return count

    tracemalloc.start()
    try:
        assert asyncio.run(consume()) == 30
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # ~30 MB if the bodies were retained; a few in flight at a time otherwise
    assert peak < 12_000_000, peak


def test_a_host_that_never_answers_costs_the_documents_timeout_not_a_fixed_robots_wait():
    # A port that accepts connections (the kernel's backlog) and never answers: robots.txt is
    # bounded by the document's own timeout, so 2 attempts of 1 s cost seconds, not 30 s + 2 s.
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        port = listener.getsockname()[1]
        doc = Document("slow", "Slow", "Terms", f"http://127.0.0.1:{port}/terms", timeout=1.0)
        started = time.monotonic()
        [result] = fetch([doc], FetchOptions(host_delay=0.0, robots=True, attempts=2, backoff=0.0))
        took = time.monotonic() - started
    assert result.error and "timed out after 1 s" in result.error
    assert took < 12, f"took {took:.1f} s: robots.txt ignored the document's timeout"
