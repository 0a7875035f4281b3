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
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, AsyncIterator, Mapping, Sequence
from urllib.parse import unquote, urlsplit

from tracker.fetch.base import (
    TRANSIENT_STATUSES,
    Fetched,
    FetchOptions,
    Gate,
    Validators,
    transient_retry,
    with_attempts,
)
from tracker.fetch.robots import Robots
from tracker.sources.config import Document

if TYPE_CHECKING:
    import aiohttp

    from tracker.fetch.browser import Renderer

class Again:
    """Documents to fetch once more within a ``fetch_all`` run, asked for by its caller while it
    handles a result (``ask``); each comes back as one more result, fetched unconditionally under
    the same politeness limits (so at least the host's delay after the first request)."""

    def __init__(self) -> None:
        self.asked: list[Document] = []

    def ask(self, doc: Document) -> None:
        """Fetch ``doc`` again; its new ``Fetched`` is yielded after the ones in flight."""
        self.asked.append(doc)


async def fetch_all(
    documents: Sequence[Document],
    options: FetchOptions = FetchOptions(),
    validators: Mapping[str, Validators] | None = None,
    again: Again | None = None,
) -> AsyncIterator[Fetched]:
    """Yield each document's ``Fetched`` as soon as it completes (not in input order).

    ``validators`` (by document key) turn requests into conditional ones. Results pass through
    a queue and nothing else keeps them: a body the caller drops is freed at once. Documents the
    caller asks ``again`` for, while it handles a result, are fetched once more and yielded too.
    """
    import aiohttp

    validators = validators or {}
    gate = Gate(options)
    queue: asyncio.Queue[Fetched] = asyncio.Queue()
    connector = aiohttp.TCPConnector(limit=max(1, options.concurrency), ttl_dns_cache=300)
    renderer = None
    if any(getattr(doc, "render", "http") == "browser" or any(p.render == "browser" for p in getattr(doc, "parts", ()))
           for doc in documents):
        from tracker.fetch.browser import Renderer

        renderer = Renderer()  # one headless browser for the run, started by its first document
    async with aiohttp.ClientSession(connector=connector, auto_decompress=True) as session:
        robots = Robots(session, gate, options) if options.robots else None

        async def one(doc: Document, conditional: bool = True) -> None:
            try:
                if getattr(doc, "parts", ()):
                    result = await _fetch_parts(session, doc, options, gate=gate, robots=robots, renderer=renderer)
                else:
                    result = await fetch_one(session, doc, options, gate=gate, robots=robots,
                                             validators=validators.get(doc.key) if conditional else None,
                                             renderer=renderer)
            except Exception as exc:  # a bug here must cost one document, not hang the run
                result = Fetched(doc, doc.url, doc.url, None, "", b"", datetime.now(timezone.utc), 0.0,
                                 f"internal error: {type(exc).__name__}: {exc}")
            queue.put_nowait(result)

        tasks = [asyncio.ensure_future(one(doc)) for doc in documents]
        try:
            remaining = len(tasks)
            while remaining:
                remaining -= 1
                yield await queue.get()
                for doc in again.asked if again is not None else ():
                    tasks.append(asyncio.ensure_future(one(doc, conditional=False)))
                    remaining += 1
                if again is not None:
                    again.asked.clear()
        finally:
            for task in tasks:
                task.cancel()
            for rules_task in robots.rules.values() if robots else ():
                rules_task.cancel()
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
    gate: Gate | None = None,
    robots: Robots | None = None,
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

    gate = gate or Gate(options)
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
        result = with_attempts(result, attempt)
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
                if resp.status in (404, 410):
                    message += await _moved(resp, doc.url, final_url)
                if resp.status not in TRANSIENT_STATUSES:
                    return failed(message, resp.status, final_url), None
                said, wait = transient_retry(message, resp.headers.get("Retry-After"), options.max_retry_after)
                return failed(said, resp.status, final_url), wait
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


async def _moved(resp: "aiohttp.ClientResponse", url: str, final_url: str) -> str:
    """What a 404 or 410 tells of where the document went, to add to its message: the address
    its body says the page moved to (a link after "this page has moved", a meta refresh), or the
    address redirects led to ("" when neither). A body that cannot be read tells nothing."""
    import aiohttp

    from tracker.fetch.guards import MOVED_SAMPLE, moved_message, moved_to

    try:
        body = await resp.content.read(MOVED_SAMPLE)
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError):  # a broken error body must not hide the status
        body = b""
    target = moved_to(body, final_url) if body else None
    if target is not None:
        return f": {moved_message(target)}"
    if resp.history and final_url.split("#")[0] != url.split("#")[0]:
        return (f" at {final_url}, where {url} redirects: the page moved; update the source's url to its "
                "new address")
    return ""


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
