"""Fetching: get the raw bytes of many documents concurrently, politely, with hard limits.

Every document is fetched by one coroutine. Politeness is enforced per host: at most
``per_host`` requests in flight and at least ``host_delay`` seconds between the starts of two
requests to it (raised by a robots.txt ``Crawl-delay`` and by ``Retry-After``); a global
semaphore bounds the whole run. robots.txt is read once per host per run. Conditional requests
(``If-None-Match`` / ``If-Modified-Since``) let an unchanged page cost a 304 and no body.
Transient failures (429, 5xx gateway errors, resets, timeouts) are retried with exponential
backoff; permanent ones (404, 410, 401, 403, ...) are not.

Failures never raise out of ``fetch_all``: each becomes a ``Fetched`` with an ``error`` so one
broken URL cannot stop a run over thousands of documents.
"""

from __future__ import annotations

import asyncio
import random
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, AsyncIterator, Mapping, Sequence
from urllib.parse import unquote, urlsplit

from tracker import __version__
from tracker.sources.config import Document

if TYPE_CHECKING:
    import aiohttp
    from protego import Protego

    from tracker.fetch.browser import Renderer

DEFAULT_USER_AGENT = (
    f"tracker/{__version__} (+https://github.com/terms-tracker/tracker; "
    "keeps a public history of terms of service)"
)
DEFAULT_CONCURRENCY = 8
DEFAULT_PER_HOST = 2
DEFAULT_HOST_DELAY = 1.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_ATTEMPTS = 3

# Statuses worth another try: the server is busy or a gateway hiccuped. Everything else >= 400
# (404, 410, 401, 403, ...) is an answer that will not change within a run.
TRANSIENT_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: parse at least 500 KiB; ignore the rest
MAX_CRAWL_DELAY = 60.0  # a robots.txt asking for more would stall a run for hours


@dataclass(frozen=True)
class FetchOptions:
    """Run-wide fetch settings; per-document timeout and user agent override them."""

    concurrency: int = DEFAULT_CONCURRENCY
    per_host: int = DEFAULT_PER_HOST
    host_delay: float = DEFAULT_HOST_DELAY  # seconds between request starts on one host
    max_bytes: int = DEFAULT_MAX_BYTES
    user_agent: str = DEFAULT_USER_AGENT
    allow_file: bool = True
    robots: bool = True  # honour robots.txt
    attempts: int = DEFAULT_ATTEMPTS  # tries per document, first one included
    backoff: float = 1.0  # wait before the 2nd try; doubles after each failure
    max_retry_after: float = 60.0  # cap on a server's Retry-After


@dataclass(frozen=True)
class Validators:
    """What the server said identifies the version we hold: sent back to get a 304."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True)
class Fetched:
    """The outcome of fetching one document: bytes and metadata, or why there are none."""

    document: Document
    url: str
    final_url: str
    status: int | None
    content_type: str
    body: bytes
    fetched_at: datetime
    duration: float
    error: str | None = None
    not_modified: bool = False  # 304: the version we hold is current; body is empty
    skipped: str | None = None  # not fetched on purpose (robots.txt), with the reason
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 1
    # A document made of several pages: each part as fetched (``body`` then holds them all, each
    # after a marker comment, so the raw bytes and their hash cover every part).
    parts: tuple["Fetched", ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None and self.skipped is None

    @property
    def validators(self) -> Validators | None:
        if not (self.etag or self.last_modified):
            return None
        return Validators(self.etag, self.last_modified)


class _Host:
    """Politeness state of one host: slots in flight, and when the next request may start."""

    def __init__(self, per_host: int, delay: float) -> None:
        self.slots = asyncio.Semaphore(max(1, per_host))
        self.turn = asyncio.Lock()  # requests to a host start one at a time, spaced by delay
        self.delay = max(0.0, delay)
        self.next_start = 0.0  # event-loop clock

    def defer(self, seconds: float) -> None:
        """Hold every request to this host back (the server asked us to slow down)."""
        loop = asyncio.get_running_loop()
        self.next_start = max(self.next_start, loop.time() + seconds)


class _Gate:
    """Global and per-host limits; a request runs inside ``async with gate(host)``."""

    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        self.limit = asyncio.Semaphore(max(1, options.concurrency))
        self.hosts: dict[str, _Host] = {}

    def host(self, netloc: str) -> _Host:
        if netloc not in self.hosts:
            self.hosts[netloc] = _Host(self.options.per_host, self.options.host_delay)
        return self.hosts[netloc]

    @asynccontextmanager
    async def __call__(self, netloc: str) -> AsyncIterator[None]:
        host = self.host(netloc)
        loop = asyncio.get_running_loop()
        async with host.slots:
            # The global slot is taken after the host's delay has passed, so a slow host does
            # not hold slots that other hosts could use.
            async with host.turn:
                wait = host.next_start - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                await self.limit.acquire()
                host.next_start = loop.time() + host.delay
            try:
                yield
            finally:
                self.limit.release()


class _Robots:
    """robots.txt of each origin, fetched once per run and shared by its documents."""

    def __init__(self, session: "aiohttp.ClientSession", gate: _Gate, options: FetchOptions) -> None:
        self.session = session
        self.gate = gate
        self.options = options
        self.rules: dict[str, asyncio.Task[Protego | None]] = {}

    async def check(self, url: str, user_agent: str) -> str | None:
        """None if ``url`` may be fetched, else the reason it may not."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.rules:
            self.rules[origin] = asyncio.ensure_future(self._load(origin, parts.netloc))
        rules = await asyncio.shield(self.rules[origin])
        if rules is None:
            return None
        delay = rules.crawl_delay(user_agent)
        if delay:
            host = self.gate.host(parts.netloc)
            host.delay = max(host.delay, min(delay, MAX_CRAWL_DELAY))
        if rules.can_fetch(url, user_agent):
            return None
        return f"disallowed by {origin}/robots.txt"

    async def _load(self, origin: str, netloc: str) -> "Protego | None":
        """Parsed rules, or None for "everything allowed".

        RFC 9309: a 4xx robots.txt means no restrictions. It asks crawlers to assume a full
        disallow when robots.txt is unreachable (5xx, network error); we fetch a few pages per
        host now and then, so we treat that as "no restrictions" too rather than drop the host.
        """
        import aiohttp
        from protego import Protego

        headers = {"User-Agent": self.options.user_agent}
        try:
            async with self.gate(netloc):
                async with self.session.get(f"{origin}/robots.txt", headers=headers, max_redirects=5,
                                            timeout=aiohttp.ClientTimeout(total=30)) as resp:
                    if resp.status >= 300:
                        return None
                    body = await resp.content.read(ROBOTS_MAX_BYTES)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
            return None
        return Protego.parse(body.decode("utf-8", "replace"))


async def fetch_all(
    documents: Sequence[Document],
    options: FetchOptions = FetchOptions(),
    validators: Mapping[str, Validators] | None = None,
) -> AsyncIterator[Fetched]:
    """Yield each document's ``Fetched`` as soon as it completes (not in input order).

    ``validators`` (by document key) turn requests into conditional ones. Results pass through
    a queue and nothing else keeps them: a body the caller drops is freed at once.
    """
    import aiohttp

    validators = validators or {}
    gate = _Gate(options)
    queue: asyncio.Queue[Fetched] = asyncio.Queue()
    connector = aiohttp.TCPConnector(limit=max(1, options.concurrency), ttl_dns_cache=300)
    renderer = None
    if any(getattr(doc, "render", "http") == "browser" or any(p.render == "browser" for p in getattr(doc, "parts", ()))
           for doc in documents):
        from tracker.fetch.browser import Renderer

        renderer = Renderer()  # one headless browser for the run, started by its first document
    async with aiohttp.ClientSession(connector=connector, auto_decompress=True) as session:
        robots = _Robots(session, gate, options) if options.robots else None

        async def one(doc: Document) -> None:
            try:
                if getattr(doc, "parts", ()):
                    result = await _fetch_parts(session, doc, options, gate=gate, robots=robots, renderer=renderer)
                else:
                    result = await fetch_one(session, doc, options, gate=gate, robots=robots,
                                             validators=validators.get(doc.key), renderer=renderer)
            except Exception as exc:  # a bug here must cost one document, not hang the run
                result = Fetched(doc, doc.url, doc.url, None, "", b"", datetime.now(timezone.utc), 0.0,
                                 f"internal error: {type(exc).__name__}: {exc}")
            queue.put_nowait(result)

        tasks = [asyncio.ensure_future(one(doc)) for doc in documents]
        try:
            for _ in range(len(tasks)):
                yield await queue.get()
        finally:
            for task in tasks:
                task.cancel()
            for task in robots.rules.values() if robots else ():
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if renderer is not None:
                await renderer.close()


async def _fetch_parts(session: "aiohttp.ClientSession", doc: Document, options: FetchOptions, **kwargs: Any
                       ) -> Fetched:
    """Fetch the pages of a ``combine`` document one after the other (no conditional requests: a
    304 for one part says nothing of the others). The first part that fails or is skipped fails
    or skips the whole document, with the part named in the reason."""
    got: list[Fetched] = []
    for number, part in enumerate(doc.parts, 1):
        page = replace(doc, url=part.url, select=part.select, remove=part.remove, render=part.render or doc.render,
                       parts=())
        fetched = await fetch_one(session, page, options, validators=None, **kwargs)
        if not fetched.ok:
            which = f"part {number} of {len(doc.parts)} ({part.url})"
            return replace(fetched, document=doc, url=doc.url,
                           error=f"{which}: {fetched.error}" if fetched.error else None,
                           skipped=f"{which}: {fetched.skipped}" if fetched.skipped else None)
        got.append(fetched)
    body = b"".join(f"<!-- tracker: part {n} of {len(got)}, {f.final_url} -->\n".encode("utf-8") + f.body + b"\n"
                    for n, f in enumerate(got, 1))
    first = got[0]
    return Fetched(doc, doc.url, first.final_url, first.status, first.content_type, body, first.fetched_at,
                   sum(f.duration for f in got), attempts=max(f.attempts for f in got), parts=tuple(got))


async def fetch_one(
    session: "aiohttp.ClientSession",
    doc: Document,
    options: FetchOptions,
    *,
    gate: _Gate | None = None,
    robots: _Robots | None = None,
    validators: Validators | None = None,
    renderer: "Renderer | None" = None,
) -> Fetched:
    """Fetch one document, retrying transient failures; every failure becomes ``Fetched.error``.

    ``render = "browser"`` documents are loaded in headless Chromium by ``tracker.fetch.browser``
    (with ``renderer``, the run's shared browser), under the same robots.txt check and limits.
    """
    started = time.monotonic()
    fetched_at = datetime.now(timezone.utc)
    parts = urlsplit(doc.url)
    browser = getattr(doc, "render", "http") == "browser"
    if parts.scheme == "file":
        if not options.allow_file:
            return Fetched(doc, doc.url, doc.url, None, "", b"", fetched_at, 0.0,
                           "file:// URLs are disabled for this run")
        if not browser:
            return _read_file(doc, fetched_at, started, options.max_bytes)

    gate = gate or _Gate(options)
    user_agent = doc.user_agent or options.user_agent
    # A per-document opt-out (`robots = false` in sources.toml) once Document carries it.
    if robots is not None and getattr(doc, "robots", True) and parts.scheme != "file":
        reason = await robots.check(doc.url, user_agent)
        if reason:
            return Fetched(doc, doc.url, doc.url, None, "", b"", fetched_at,
                           time.monotonic() - started, skipped=reason)
    if browser:
        from tracker.fetch.browser import render_one

        return await render_one(doc, options, gate=gate, renderer=renderer, fetched_at=fetched_at, started=started)

    headers = {"User-Agent": user_agent,
               "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"}
    if validators:
        headers.update(validators.headers())
    headers.update(dict(doc.headers))  # the sources file has the last word

    attempts = max(1, options.attempts)
    for attempt in range(1, attempts + 1):
        async with gate(parts.netloc):
            result, retry_after = await _attempt(session, doc, headers, options, fetched_at, started)
        result = _with_attempts(result, attempt)
        if retry_after is None or attempt == attempts:
            return result
        # Exponential backoff with a little jitter, unless the server said how long to wait.
        wait = retry_after if retry_after > 0 else options.backoff * 2 ** (attempt - 1) * random.uniform(1.0, 1.25)
        if retry_after > 0:
            gate.host(parts.netloc).defer(wait)  # the whole host asked for a pause
        await asyncio.sleep(wait)
    raise AssertionError("unreachable")


async def _attempt(
    session: "aiohttp.ClientSession",
    doc: Document,
    headers: dict[str, str],
    options: FetchOptions,
    fetched_at: datetime,
    started: float,
) -> tuple[Fetched, float | None]:
    """One request. The float says whether to retry: None = no, 0 = after backoff, > 0 = after that many seconds."""
    import aiohttp

    def failed(message: str, status: int | None = None, final_url: str | None = None) -> Fetched:
        return Fetched(doc, doc.url, final_url or doc.url, status, "", b"", fetched_at,
                       time.monotonic() - started, message)

    timeout = aiohttp.ClientTimeout(total=doc.timeout)
    try:
        async with session.get(doc.url, headers=headers, timeout=timeout, allow_redirects=True,
                               max_redirects=10) as resp:
            final_url = str(resp.url)
            etag, modified = resp.headers.get("ETag"), resp.headers.get("Last-Modified")
            if resp.status == 304:
                return Fetched(doc, doc.url, final_url, 304, "", b"", fetched_at, time.monotonic() - started,
                               not_modified=True, etag=etag, last_modified=modified), None
            if resp.status >= 400:
                message = f"HTTP {resp.status} {resp.reason or ''}".strip()
                if resp.status not in TRANSIENT_STATUSES:
                    return failed(message, resp.status, final_url), None
                wait = _retry_after(resp.headers.get("Retry-After"), options.max_retry_after)
                return failed(message, resp.status, final_url), wait
            declared = resp.content_length
            if declared is not None and declared > options.max_bytes:
                return failed(f"response is {declared} bytes, over the {options.max_bytes}-byte cap",
                              resp.status, final_url), None
            body = bytearray()
            async for chunk in resp.content.iter_chunked(65536):
                body += chunk
                if len(body) > options.max_bytes:
                    return failed(f"response exceeds the {options.max_bytes}-byte cap", resp.status, final_url), None
            return Fetched(doc, doc.url, final_url, resp.status, resp.headers.get("Content-Type", ""),
                           bytes(body), fetched_at, time.monotonic() - started,
                           etag=etag, last_modified=modified), None
    except asyncio.TimeoutError:
        return failed(f"timed out after {doc.timeout:g} s"), 0.0
    except aiohttp.TooManyRedirects:
        return failed("too many redirects (a redirect loop?)"), None
    except getattr(aiohttp, "ClientConnectorDNSError", ()) as exc:  # aiohttp >= 3.10.9
        return failed(f"cannot resolve {exc.host} ({exc.os_error.strerror or exc.os_error})"), None
    except aiohttp.ClientConnectorError as exc:
        return failed(f"cannot connect to {exc.host}:{exc.port} ({exc.os_error.strerror or exc.os_error})"), 0.0
    except (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError, aiohttp.ClientOSError) as exc:
        return failed(f"connection lost: {type(exc).__name__}: {exc}"), 0.0
    except aiohttp.ClientResponseError as exc:  # bytes that are not valid HTTP (bad status line, headers)
        return failed(f"invalid HTTP response: {' '.join(str(exc.message).split())[:200]}"), None
    except aiohttp.ClientError as exc:
        return failed(f"{type(exc).__name__}: {exc}"), None


def _retry_after(value: str | None, cap: float) -> float:
    """Seconds from a Retry-After header (delta-seconds or HTTP date), capped; 0 if absent or bad."""
    if not value:
        return 0.0
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return 0.0
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - datetime.now(timezone.utc)).total_seconds()
    return min(max(seconds, 0.001), cap)


def _with_attempts(fetched: Fetched, attempts: int) -> Fetched:
    if attempts == 1:
        return fetched
    from dataclasses import replace

    error = fetched.error
    if error:
        error = f"{error} (after {attempts} attempts)"
    return replace(fetched, attempts=attempts, error=error)


def _read_file(doc: Document, fetched_at: datetime, started: float, max_bytes: int) -> Fetched:
    path = Path(unquote(urlsplit(doc.url).path))
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise OSError(f"file is {size} bytes, over the {max_bytes}-byte cap")
        body = path.read_bytes()
    except OSError as exc:
        message = exc.strerror or str(exc)
        return Fetched(doc, doc.url, doc.url, None, "", b"", fetched_at, time.monotonic() - started,
                       f"cannot read {path}: {message}")
    return Fetched(doc, doc.url, doc.url, None, "", body, fetched_at, time.monotonic() - started)
