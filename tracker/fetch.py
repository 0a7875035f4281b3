"""Fetching: get the raw bytes of many documents concurrently, politely, with hard limits.

Every document is fetched by one coroutine; a global semaphore bounds how many requests are in
flight and a per-host semaphore keeps the tracker from hammering one site. Failures never raise
out of ``fetch_all``: each becomes a ``Fetched`` with an ``error`` so one broken URL cannot stop
a run over thousands of documents.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import AsyncIterator, Sequence
from urllib.parse import unquote, urlsplit

from tracker import __version__
from tracker.sources import Document

DEFAULT_USER_AGENT = (
    f"tracker/{__version__} (+https://github.com/terms-tracker/tracker; "
    "keeps a public history of terms of service)"
)
DEFAULT_CONCURRENCY = 8
DEFAULT_PER_HOST = 2
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class FetchOptions:
    """Run-wide fetch settings; per-document timeout and user agent override them."""

    concurrency: int = DEFAULT_CONCURRENCY
    per_host: int = DEFAULT_PER_HOST
    max_bytes: int = DEFAULT_MAX_BYTES
    user_agent: str = DEFAULT_USER_AGENT
    allow_file: bool = True


@dataclass(frozen=True)
class Fetched:
    """The outcome of fetching one document: bytes and metadata, or an error message."""

    document: Document
    url: str
    final_url: str
    status: int | None
    content_type: str
    body: bytes
    fetched_at: datetime
    duration: float
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


async def fetch_all(
    documents: Sequence[Document], options: FetchOptions = FetchOptions()
) -> AsyncIterator[Fetched]:
    """Yield each document's ``Fetched`` as soon as it completes (not in input order)."""
    import aiohttp

    limit = asyncio.Semaphore(max(1, options.concurrency))
    hosts: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(max(1, options.per_host)))
    connector = aiohttp.TCPConnector(limit=max(1, options.concurrency), ttl_dns_cache=300)
    async with aiohttp.ClientSession(connector=connector, auto_decompress=True) as session:

        async def one(doc: Document) -> Fetched:
            host = urlsplit(doc.url).netloc
            async with limit, hosts[host]:
                return await fetch_one(session, doc, options)

        tasks = [asyncio.ensure_future(one(doc)) for doc in documents]
        try:
            for next_done in asyncio.as_completed(tasks):
                yield await next_done
        finally:
            for task in tasks:
                task.cancel()


async def fetch_one(session: "aiohttp.ClientSession", doc: Document, options: FetchOptions) -> Fetched:  # noqa: F821
    """Fetch one document; every failure is turned into ``Fetched.error`` with a useful message."""
    import aiohttp

    started = time.monotonic()
    fetched_at = datetime.now(timezone.utc)

    def failed(message: str, status: int | None = None, final_url: str | None = None) -> Fetched:
        return Fetched(doc, doc.url, final_url or doc.url, status, "", b"", fetched_at,
                       time.monotonic() - started, message)

    scheme = urlsplit(doc.url).scheme
    if scheme == "file":
        if not options.allow_file:
            return failed("file:// URLs are disabled for this run")
        return _read_file(doc, fetched_at, started, options.max_bytes)

    headers = {"User-Agent": doc.user_agent or options.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"}
    headers.update(dict(doc.headers))
    timeout = aiohttp.ClientTimeout(total=doc.timeout)
    try:
        async with session.get(doc.url, headers=headers, timeout=timeout, allow_redirects=True, max_redirects=10) as resp:
            final_url = str(resp.url)
            if resp.status >= 400:
                return failed(f"HTTP {resp.status} {resp.reason or ''}".strip(), resp.status, final_url)
            declared = resp.content_length
            if declared is not None and declared > options.max_bytes:
                return failed(f"response is {declared} bytes, over the {options.max_bytes}-byte cap", resp.status, final_url)
            body = bytearray()
            async for chunk in resp.content.iter_chunked(65536):
                body += chunk
                if len(body) > options.max_bytes:
                    return failed(f"response exceeds the {options.max_bytes}-byte cap", resp.status, final_url)
            return Fetched(doc, doc.url, final_url, resp.status, resp.headers.get("Content-Type", ""),
                           bytes(body), fetched_at, time.monotonic() - started)
    except asyncio.TimeoutError:
        return failed(f"timed out after {doc.timeout:g} s")
    except aiohttp.TooManyRedirects:
        return failed("too many redirects (a redirect loop?)")
    except aiohttp.ClientConnectorError as exc:
        return failed(f"cannot connect to {exc.host}:{exc.port} ({exc.os_error.strerror or exc.os_error})")
    except aiohttp.ClientError as exc:
        return failed(f"{type(exc).__name__}: {exc}")


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
