"""What every way of fetching shares: run-wide options, the fetched record, politeness limits.

``http`` (aiohttp) and ``browser`` (Chromium) both build on these, so neither imports the other
at module level.
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import AsyncIterator

from tracker import __version__
from tracker.sources import Document

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


FUTURE_SLACK = timedelta(days=1)  # clock skew a Last-Modified may show before it is taken as wrong


def _http_date(value: str) -> datetime | None:
    """An HTTP date (RFC 9110: ``Last-Modified``, ``Retry-After``) as an aware datetime (UTC when
    it names no zone); None when it does not parse."""
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when


def _in_future(http_date: str | None, now: datetime) -> bool:
    """Whether an HTTP date (``Last-Modified``) is later than ``now`` by over ``FUTURE_SLACK``;
    False for a date that does not parse (sent back as it came, as before)."""
    when = _http_date(http_date) if http_date else None
    if when is None:
        return False
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return when - now > FUTURE_SLACK


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
    refresh: str | None = None  # the response's ``Refresh`` header (followed like a redirect)
    # seconds a 429 or 503 asked not to be asked again for (its ``Retry-After``): the run pauses the
    # address until then (``tracker.run.pauses``)
    retry_after: float | None = None
    # where a permanent redirect (301 or 308 as the first answer) sent the request: the document
    # moved, and its url in the sources should be updated (the run says so; it is still followed)
    moved: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.skipped is None

    @property
    def validators(self) -> Validators | None:
        """The validators to send back next time (``If-None-Match``, ``If-Modified-Since``), or
        None. A ``Last-Modified`` later than the fetch (by over ``FUTURE_SLACK``) is left out: a
        server clock that is wrong, and a server comparing dates naively answers 304 to that date
        after every later change, which would hide each one."""
        modified = self.last_modified if not _in_future(self.last_modified, self.fetched_at) else None
        if not (self.etag or modified):
            return None
        return Validators(self.etag, modified)


class HostLimits:
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


class Gate:
    """Global and per-host limits; a request runs inside ``async with gate(host)``."""

    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        self.limit = asyncio.Semaphore(max(1, options.concurrency))
        self.hosts: dict[str, HostLimits] = {}

    def host(self, netloc: str) -> HostLimits:
        if netloc not in self.hosts:
            self.hosts[netloc] = HostLimits(self.options.per_host, self.options.host_delay)
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


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds a Retry-After header (delta-seconds or HTTP date) asks to wait, uncapped (at least
    0.001); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        when = _http_date(value)
        if when is None:
            return None
        seconds = (when - datetime.now(timezone.utc)).total_seconds()
    return max(seconds, 0.001)


def retry_after(value: str | None, cap: float) -> float:
    """Seconds from a Retry-After header (delta-seconds or HTTP date), capped; 0 if absent or bad."""
    seconds = retry_after_seconds(value)
    return 0.0 if seconds is None else min(seconds, cap)


# A Retry-After over the run's cap is not waited out (nor cut to the cap: the retry would come
# too early and be refused again, a 2-minute rate limit retried after one): kept for a later run.
GIVE_UP_AFTER = 1


def duration(seconds: float) -> str:
    """"45 s", "12 min", "3 h": a wait as a person reads it."""
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.0f} h"


def transient_retry(message: str, header: str | None, cap: float) -> tuple[str, float | None]:
    """What to do with a transient HTTP error (429, 503...) whose ``Retry-After`` header is
    ``header``, under a run's ``cap`` (seconds): ``(message, None)`` - do not retry - when the
    server asks for more than the cap (the message then says how long it asked for; the run
    skips the document and a later run asks again), else ``(message, seconds)``: the wait it asked
    for, exactly, before the next attempt (0: the usual back-off).
    The HTTP and the browser paths both decide here, so neither hammers a server that asked for
    an hour's pause."""
    asked = retry_after_seconds(header)
    if asked is not None and asked > GIVE_UP_AFTER * cap:
        # Waiting a fraction of what the server asked would only be refused again: stop now.
        return (f"{message} (the server asks to retry after {duration(asked)}, longer than "
                f"the {cap:g} s a run waits: not waited for)"), None
    return message, retry_after(header, cap)


PAUSE_STATUSES = frozenset({429, 503})  # whose Retry-After pauses the address for later runs too


def paused_for(status: int | None, header: str | None) -> float | None:
    """Seconds a ``status`` 429 or 503 with a ``Retry-After`` ``header`` asks not to be asked again
    for (``Fetched.retry_after``), else None (other statuses, no header or an unreadable one)."""
    return retry_after_seconds(header) if status in PAUSE_STATUSES else None


def with_attempts(fetched: Fetched, attempts: int) -> Fetched:
    if attempts == 1:
        return fetched
    error = fetched.error
    if error:
        error = f"{error} (after {attempts} attempts)"
    return replace(fetched, attempts=attempts, error=error)
