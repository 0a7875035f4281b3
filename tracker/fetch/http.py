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
import re
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
    paused_for,
    transient_retry,
    with_attempts,
)
from tracker.fetch.guards import BOT_CHALLENGE, bot_challenge
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
    # header lines as long as browsers take (a 12 KB Set-Cookie is common; aiohttp's 8 KB default
    # failed such pages as "not HTTP")
    async with aiohttp.ClientSession(connector=connector, auto_decompress=True, max_line_size=MAX_HEADER_LINE,
                                     max_field_size=MAX_HEADER_LINE) as session:
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
        reason = await robots.check(doc.url, user_agent, doc.timeout)
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
            return await _follow_refresh(session, doc, options, gate, headers, result, fetched_at, started)
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
            if resp.status in (403, 429, 503) and await _bot_challenge(resp):
                # A challenge is not passed by asking again: say what it is, do not retry.
                return failed(f"HTTP {resp.status} {resp.reason or ''}".strip() + f": {BOT_CHALLENGE}",
                              resp.status, final_url), None
            if resp.status >= 400:
                message = f"HTTP {resp.status} {resp.reason or ''}".strip()
                if resp.status in (404, 410):
                    message += await _moved(resp, doc.url, final_url)
                if resp.status not in TRANSIENT_STATUSES:
                    return failed(message, resp.status, final_url), None
                header = resp.headers.get("Retry-After")
                said, wait = transient_retry(message, header, options.max_retry_after)
                return replace(failed(said, resp.status, final_url), retry_after=paused_for(resp.status, header)), wait
            if 300 <= resp.status < 400:  # a redirect aiohttp could not follow: no Location
                return failed(f"HTTP {resp.status} {resp.reason or ''}: a redirect without a Location header "
                              "(a server fault; nothing to follow)", resp.status, final_url), None
            if resp.status == 206 and "Range" not in headers:
                # Part of the page though none was asked for (a CDN or cache fault): never a version.
                got = resp.headers.get("Content-Range", "")
                return failed("HTTP 206 Partial Content: the server sent only part of the page"
                              + (f" ({got})" if got else "") + " though the whole was asked for",
                              resp.status, final_url), 0.0
            declared = resp.content_length
            if declared is not None and declared > options.max_bytes:
                return failed(f"response is {declared} bytes, over the {options.max_bytes}-byte cap",
                              resp.status, final_url), None
            body = bytearray()
            async for chunk in resp.content.iter_chunked(65536):
                body += chunk
                if len(body) > options.max_bytes:
                    return failed(f"response exceeds the {options.max_bytes}-byte cap", resp.status, final_url), None
            moved = (final_url if resp.history and resp.history[0].status in (301, 308)
                     and final_url.split("#")[0] != doc.url.split("#")[0] else None)
            return Fetched(doc, doc.url, final_url, resp.status, resp.headers.get("Content-Type", ""),
                           bytes(body), fetched_at, time.monotonic() - started,
                           etag=etag, last_modified=modified, refresh=resp.headers.get("Refresh"), moved=moved), None
    except asyncio.TimeoutError:
        return failed(f"timed out after {doc.timeout:g} s"), 0.0
    except aiohttp.TooManyRedirects as exc:
        return failed(_too_many_redirects(exc)), None
    except getattr(aiohttp, "ClientConnectorDNSError", ()) as exc:  # aiohttp >= 3.10.9
        return failed(f"cannot resolve {exc.host} ({exc.os_error.strerror or exc.os_error})"), None
    except aiohttp.ClientConnectorCertificateError as exc:
        # A certificate the system does not trust (self-signed, expired, another host's): asking
        # again does not change it, and the page must not be read around it.
        why = getattr(exc.certificate_error, "verify_message", None) or exc.certificate_error
        return failed(f"the TLS certificate of {exc.host} is not trusted ({' '.join(str(why).split())[:200]}): "
                      "a fault of the site, or of a proxy on the way"), None
    except aiohttp.ClientConnectorSSLError as exc:
        reason = getattr(exc.os_error, "reason", None) or exc.os_error
        hint = (" (the server does not speak https on that port: check the url's scheme and port)"
                if "WRONG_VERSION_NUMBER" in str(reason).upper() else "")
        return failed(f"TLS handshake with {exc.host}:{exc.port} failed: "
                      f"{' '.join(str(reason).replace('_', ' ').split()).lower()[:200]}{hint}"), None
    except aiohttp.ClientConnectorError as exc:
        return failed(f"cannot connect to {exc.host}:{exc.port} ({_connect_reason(exc.os_error)})"), 0.0
    except aiohttp.ClientPayloadError as exc:
        said = " ".join(str(exc).split())
        if "content-encoding" in said.lower():
            # The body is not in the compression its Content-Encoding names (or is broken in it).
            coding = said.lower().rsplit("content-encoding:", 1)[-1].strip(" .>'\"") or "as declared"
            return failed(f"the body does not decode as its Content-Encoding ({coding}) says: "
                          "a server or proxy fault"), 0.0
        sizes = _SHORT_BODY.search(said)
        if sizes:
            return failed(f"connection lost after {sizes.group(1)} of the {sizes.group(2)} bytes its Content-Length "
                          "announced: a transfer cut off"), 0.0
        if "transfer length" in said.lower() or "chunk" in said.lower():
            return failed("connection lost before the end of the chunked body: a transfer cut off"), 0.0
        return failed(f"connection lost: {type(exc).__name__}: {said[:300]}"), 0.0
    except aiohttp.ServerDisconnectedError:
        return failed("connection lost: the server closed the connection before the whole answer was sent"), 0.0
    except aiohttp.ClientOSError as exc:  # a reset (ECONNRESET), a broken pipe: said in words, no class name
        said = exc.strerror or " ".join(str(exc).split())[:300]
        return failed(f"connection lost: {said[:1].lower() + said[1:]} (a server, proxy or network fault)"), 0.0
    except aiohttp.ClientResponseError as exc:  # bytes that are not valid HTTP (bad status line, headers)
        # (the parser quotes the bytes it read: a few of them are enough to say what came)
        said = " ".join(str(exc.message).split())
        if re.search(r"""b['"]\s*<""", said):
            # markup where a status line was due: a body longer than its Content-Length said (the
            # rest read as the next answer), or a page sent with no HTTP around it
            return failed("invalid HTTP response: HTML where an HTTP status line was due (a body longer than its "
                          "Content-Length says, or a page sent without HTTP headers): a server fault"), None
        if _LONG_HEADER.search(said):
            return failed(f"invalid HTTP response: a header line longer than {MAX_HEADER_LINE // 1024} KiB "
                          "(browsers refuse it too): a server fault"), None
        said = re.sub(r"""(: )?(b(['"])).*$""", "", said)[:200] or "not HTTP"
        return failed(f"invalid HTTP response: {said} (the server did not answer in HTTP: check the url's scheme "
                      "and port)"), None
    except aiohttp.NonHttpUrlRedirectClientError as exc:
        return failed(f"redirected to {exc}, which is not an http(s) address: if the document moved there, "
                      "update the source's url"), None
    except aiohttp.InvalidUrlRedirectClientError as exc:
        return failed(f"redirected to an invalid address ({' '.join(str(exc).split())[:200]}): a server fault"), None
    except aiohttp.ClientError as exc:
        return failed(f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"), None


_SHORT_BODY = re.compile(r"received (\d+) of (\d+) bytes")
MAX_HEADER_LINE = 128 * 1024  # bytes: Chromium takes 256 KB of headers in all
_LONG_HEADER = re.compile(r"Got more than \d+ bytes when reading|too long", re.IGNORECASE)
REFRESH_HOPS = 3  # refreshes followed one after the other (a loop of them stops here)
REFRESH_MAX_DELAY = 5  # seconds: a longer refresh shows its page first ("you will be redirected")
_META_REFRESH = re.compile(rb"""<meta\b[^>]*http-equiv\s*=\s*["']?refresh\b[^>]*>""", re.IGNORECASE)
_META_CONTENT = re.compile(rb"""\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_REFRESH_VALUE = re.compile(r"""^\s*(\d+)(?:\.\d*)?\s*(?:[;,]\s*(?:url\s*=\s*)?["']?([^"']*?)["']?)?\s*$""",
                            re.IGNORECASE)


def refresh_target(fetched: Fetched) -> str | None:
    """Where a page sends the browser at once: its ``Refresh`` header or ``<meta
    http-equiv="refresh">`` (in the first 64 KB) with a URL and a delay of at most
    ``REFRESH_MAX_DELAY`` seconds, resolved against the page's address; None when there is none,
    it waits longer, or it names the page itself (a page that reloads itself)."""
    from html import unescape
    from urllib.parse import urljoin

    if not fetched.ok or fetched.status != 200 or not fetched.body:
        return None
    value = fetched.refresh
    if value is None:
        if "html" not in fetched.content_type.lower() and fetched.content_type.strip():
            return None  # a <meta> refresh only means something in HTML
        body = fetched.body
        if body.find(b"efresh", 0, 65536) < 0 and body.find(b"EFRESH", 0, 65536) < 0:
            return None  # most pages: two scans of bytes, no copy, no regex
        tag = _META_REFRESH.search(body[:65536])
        content = _META_CONTENT.search(tag.group(0)) if tag else None
        if content is None:
            return None
        value = unescape((content.group(1) or content.group(2) or b"").decode("utf-8", "replace"))
    match = _REFRESH_VALUE.match(value)
    if match is None or not match.group(2) or int(match.group(1)) > REFRESH_MAX_DELAY:
        return None
    target = urljoin(fetched.final_url, match.group(2).strip())
    if not target.startswith(("http://", "https://")) or target.split("#")[0] == fetched.final_url.split("#")[0]:
        return None
    return target


async def _follow_refresh(session: "aiohttp.ClientSession", doc: Document, options: FetchOptions, gate: Gate,
                          headers: dict[str, str], fetched: Fetched, fetched_at: datetime, started: float
                          ) -> Fetched:
    """``fetched``, or the page its immediate refresh leads to (``refresh_target``), as a browser
    shows it: a "Redirecting..." page is not the terms, the page it sends to may be. Each hop is
    one request under the host's limits; a hop that fails fails the document, naming the hop."""
    hops = 0
    unconditional = {k: v for k, v in headers.items() if k not in ("If-None-Match", "If-Modified-Since")}
    while (target := refresh_target(fetched)) is not None:
        hops += 1
        if hops > REFRESH_HOPS:
            return replace(fetched, body=b"", error=f"too many refreshes: after {REFRESH_HOPS} hops the page still "
                                                    f"refreshes, to {target}, a loop or a long chain; open the source's url in a browser "
                                                    "and set it to the address the terms are shown at")
        async with gate(urlsplit(target).netloc):
            got, _ = await _attempt(session, replace(doc, url=target), unconditional, options, fetched_at, started)
        # No validators kept: they are the target's, and the next run asks the source's URL.
        fetched = replace(got, document=doc, url=doc.url, attempts=fetched.attempts, etag=None, last_modified=None,
                          error=f"following the page's refresh to {target}: {got.error}" if got.error else None)
    return fetched


async def _bot_challenge(resp: "aiohttp.ClientResponse") -> bool:
    """Whether an error response is a bot-protection challenge (``guards.bot_challenge``),
    reading at most its first 64 KB."""
    if bot_challenge(b"", resp.headers.get("cf-mitigated")):
        return True
    try:
        head = await resp.content.read(65536)
    except Exception:  # the body of an error page is only a hint: a broken one is no challenge
        return False
    return bot_challenge(head)


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


def _connect_reason(error: OSError) -> str:
    """Why a connection failed, in words: the system's message ("Connection refused", "Name or
    service not known"), or "connection refused: nothing answers on that port" for the
    bare "Connect call failed ('127.0.0.1', 8765)" asyncio gives when every address refused."""
    import errno

    said = error.strerror or str(error)
    if error.errno == errno.ECONNREFUSED or said.startswith(("Connect call failed", "Multiple exceptions")):
        return "connection refused: nothing answers on that port"
    return said


def _too_many_redirects(exc: aiohttp.TooManyRedirects) -> str:
    """The reason for a redirect loop: one whose hops set cookies is a cookie check the tracker
    does not pass (a ``Secure`` cookie over http, a cookie for another domain, a cookie on a bare
    IP address, which clients do not send back), said with what to do."""
    history = getattr(exc, "history", ()) or ()
    if any(hop.headers.get("Set-Cookie") for hop in history):
        return ("too many redirects: the server sets a cookie and redirects again at every hop (a cookie check "
                "the tracker does not pass: a Secure cookie over http, or one for another domain); open the url in "
                "a browser and set the source's url to the address the terms are shown at")
    return "too many redirects (a redirect loop?)"
