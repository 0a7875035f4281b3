"""Render pages that need JavaScript in a real headless browser (``render = "browser"``).

Playwright's async API drives the system Chromium (Debian's ``chromium``; no ``playwright
install``, which would download a browser): one browser per run, launched when the first
browser document comes up, one fresh context and page per document (no cookies or storage
shared between documents). The page is loaded until the network has been idle (``networkidle``)
within the document's timeout; the rendered DOM (``page.content()``) and the final URL then go
through the same extraction as a fetched page.

Requests go through the run's gate, so browser documents count against the same global and
per-host limits and host delay as plain fetches; robots.txt is checked by ``fetch_one`` before
anything is rendered. Images, media and fonts are not downloaded: they carry no wording.

A missing Playwright or Chromium, a browser that does not start, a crash or a timeout are each
one document's failure (``Fetched.error``), never an exception out of the run.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from tracker.fetch.base import (
    TRANSIENT_STATUSES,
    Fetched,
    FetchOptions,
    Gate,
    paused_for,
    transient_retry,
    with_attempts,
)
from tracker.sources.config import Document

if TYPE_CHECKING:
    from playwright.async_api import Browser, Playwright

CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
NEEDS = ("render = 'browser' needs playwright and Chromium: "
         "pip install -e '.[browser]' and apt-get install chromium")
SKIPPED_RESOURCES = frozenset({"image", "media", "font"})
HTML_TYPES = ("text/html", "application/xhtml+xml")
SETTLE_TEXT = 200  # visible characters under which a rendered page may still be filling in its text
SETTLE_WAIT = 3.0  # seconds a page that short is given to fill in (within the document's timeout)
SETTLE_POLL = 0.25  # seconds between two looks at it


def chromium_path() -> str:
    """``$TRACKER_CHROMIUM``, else ``chromium`` on PATH, else Debian's /usr/bin/chromium."""
    return os.environ.get("TRACKER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


class Renderer:
    """One headless Chromium for a run, started on first use and shared by its documents."""

    def __init__(self, executable: str | None = None) -> None:
        self.executable = executable or chromium_path()
        self._lock = asyncio.Lock()
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self.error: str | None = None  # why there is no browser, once a start has failed
        self.launch_seconds: float | None = None

    async def browser(self) -> "Browser | None":
        """The running browser, or None (and ``error`` says why); at most one start attempt."""
        async with self._lock:
            if self._browser is not None or self.error is not None:
                return self._browser
            try:
                from playwright.async_api import async_playwright
            except ImportError:
                self.error = f"{NEEDS} (the playwright package is not installed)"
                return None
            if not Path(self.executable).is_file():
                self.error = f"{NEEDS} (no Chromium at {self.executable}; set TRACKER_CHROMIUM to use another)"
                return None
            started = time.monotonic()
            try:
                self._playwright = await async_playwright().start()
                self._browser = await self._playwright.chromium.launch(
                    executable_path=self.executable, args=list(CHROMIUM_ARGS), headless=True)
            except Exception as exc:  # driver missing, browser crashed at start, ...
                self.error = f"{NEEDS} (Chromium at {self.executable} did not start: {_first_line(exc)})"
                await self._stop()
                return None
            self.launch_seconds = time.monotonic() - started
            return self._browser

    async def close(self) -> None:
        async with self._lock:
            await self._stop()

    async def _stop(self) -> None:
        browser, self._browser = self._browser, None
        playwright, self._playwright = self._playwright, None
        if browser is not None:
            try:
                await browser.close()
            except Exception:  # already gone (crashed): nothing left to close
                pass
        if playwright is not None:
            try:
                await playwright.stop()
            except Exception:
                pass


async def render_one(
    doc: Document,
    options: FetchOptions,
    *,
    gate: Gate,
    renderer: Renderer | None,
    fetched_at: datetime,
    started: float,
) -> Fetched:
    """Render one document, retrying transient failures like a fetch; never raises."""
    own = renderer is None
    renderer = renderer or Renderer()
    try:
        browser = await renderer.browser()
        if browser is None:
            return _failed(doc, fetched_at, started, renderer.error or NEEDS)
        netloc = urlsplit(doc.url).netloc
        attempts = max(1, options.attempts)
        for attempt in range(1, attempts + 1):
            async with gate(netloc):
                result, retry_after = await _attempt(browser, doc, options, fetched_at, started)
            result = with_attempts(result, attempt)
            if retry_after is None or attempt == attempts:
                return result
            wait = retry_after if retry_after > 0 else options.backoff * 2 ** (attempt - 1) * random.uniform(1.0, 1.25)
            if retry_after > 0:
                gate.host(netloc).defer(wait)
            await asyncio.sleep(wait)
        raise AssertionError("unreachable")
    finally:
        if own:
            await renderer.close()


async def _attempt(
    browser: "Browser", doc: Document, options: FetchOptions, fetched_at: datetime, started: float,
) -> tuple[Fetched, float | None]:
    """One page load. The float says whether to retry: None = no, 0 = after backoff, > 0 = after that."""
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    def failed(message: str, status: int | None = None, final_url: str | None = None) -> Fetched:
        return _failed(doc, fetched_at, started, message, status, final_url)

    try:
        context = await browser.new_context(
            user_agent=doc.user_agent or options.user_agent,
            extra_http_headers=dict(doc.headers),
            service_workers="block",  # a worker could answer from a cache we never see
            accept_downloads=False,
        )
    except PlaywrightError as exc:
        return failed(f"browser: cannot open a page: {_first_line(exc)}"), None
    try:
        await context.route("**/*", _skip_heavy_resources)
        page = await context.new_page()
        try:
            response = await page.goto(doc.url, wait_until="networkidle", timeout=doc.timeout * 1000)
        except PlaywrightTimeout:
            return failed(f"timed out after {doc.timeout:g} s waiting for the page to load and its network "
                          "to go idle in the browser"), 0.0
        final_url = page.url or doc.url
        status = response.status if response is not None else None
        if status is not None and status >= 400:
            message = f"HTTP {status} {response.status_text or ''}".strip()  # type: ignore[union-attr]
            if status not in TRANSIENT_STATUSES:
                return failed(message, status, final_url), None
            header = await response.header_value("retry-after")  # type: ignore[union-attr]
            said, wait = transient_retry(message, header, options.max_retry_after)
            return replace(failed(said, status, final_url), retry_after=paused_for(status, header)), wait
        content_type = (await response.header_value("content-type") or "") if response is not None else ""
        media = content_type.split(";", 1)[0].strip().lower()
        if response is not None and media and media not in HTML_TYPES:
            body = await response.body()  # text, Markdown, PDF...: the bytes, not a viewer's DOM
        else:
            await _wait_for_text(page, min(SETTLE_WAIT, doc.timeout - (time.monotonic() - started)))
            body = (await page.content()).encode("utf-8")
            content_type = "text/html; charset=utf-8"
        if len(body) > options.max_bytes:
            return failed(f"rendered page is {len(body)} bytes, over the {options.max_bytes}-byte cap",
                          status, final_url), None
        return Fetched(doc, doc.url, final_url, status, content_type, body, fetched_at,
                       time.monotonic() - started), None
    except PlaywrightError as exc:
        message = _first_line(exc)
        retry = 0.0 if "net::ERR_CONNECTION" in message or "closed" in message.lower() else None
        return failed(f"browser: {message}"), retry
    finally:
        try:
            await context.close()
        except PlaywrightError:
            pass


async def _wait_for_text(page: Any, budget: float) -> None:
    """Give a page its scripts fill in after the network went idle (a timer, a hydration step)
    up to ``budget`` seconds: while its visible text is under ``SETTLE_TEXT`` characters, poll
    until it reaches that and holds for one poll. A page with its text at once costs one call;
    a page that stays short (a shell, an error) is then judged as it is; a page without scripts
    is read at once."""
    from playwright.async_api import Error as PlaywrightError

    end, last = time.monotonic() + budget, None
    while True:
        try:
            length = await page.evaluate(  # (a page without scripts will not fill itself in)
                "() => !document.scripts.length ? 1e9 : document.body ? document.body.innerText.trim().length : 0")
        except PlaywrightError:  # navigated away, closed: the content is read as it is
            return
        if length >= SETTLE_TEXT and (last is None or length == last):
            return
        if time.monotonic() >= end:
            return
        last = length
        await asyncio.sleep(SETTLE_POLL)


async def _skip_heavy_resources(route: Any) -> None:
    if route.request.resource_type in SKIPPED_RESOURCES:
        await route.abort()
    else:
        await route.continue_()


def _failed(doc: Document, fetched_at: datetime, started: float, message: str,
            status: int | None = None, final_url: str | None = None) -> Fetched:
    return Fetched(doc, doc.url, final_url or doc.url, status, "", b"", fetched_at,
                   time.monotonic() - started, message)


def _first_line(exc: BaseException) -> str:
    """Playwright errors carry a multi-line call log; the first line says what happened."""
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0].strip()
