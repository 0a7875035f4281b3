"""robots.txt (RFC 9309, parsed by protego): read once per origin per run, shared by its documents."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tracker.fetch.base import FetchOptions, Gate

if TYPE_CHECKING:
    import aiohttp
    from protego import Protego

ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: parse at least 500 KiB; ignore the rest
MAX_CRAWL_DELAY = 60.0  # a robots.txt asking for more would stall a run for hours
DISALLOWED = "disallowed by "  # how a skip reason for robots.txt starts: "disallowed by https://x.org/robots.txt"
ROBOTS_TIMEOUT = 30.0  # seconds, at most: a document's own shorter ``timeout`` bounds its robots.txt too


def disallowed(reason: str | None) -> bool:
    """Is ``reason`` (a skipped document's) robots.txt's, also for one part of a combined document?"""
    return bool(reason) and DISALLOWED in str(reason) and str(reason).endswith("/robots.txt")


class Robots:
    """robots.txt of each origin, fetched once per run and shared by its documents."""

    def __init__(self, session: "aiohttp.ClientSession", gate: Gate, options: FetchOptions) -> None:
        self.session = session
        self.gate = gate
        self.options = options
        self.rules: dict[str, asyncio.Task[Protego | None]] = {}

    async def check(self, url: str, user_agent: str, timeout: float = ROBOTS_TIMEOUT) -> str | None:
        """None if ``url`` may be fetched, else the reason it may not.

        ``timeout`` (seconds) is the fetching document's own; robots.txt gets the shorter of it and
        ``ROBOTS_TIMEOUT``, so a host that accepts connections and never answers costs a document
        with ``timeout = 5`` about 5 s here, not 30 s on top of its own attempts.
        """
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.rules:
            # (asked with the fetching document's own User-Agent, as its page will be: the first
            # document of an origin names it for the run)
            self.rules[origin] = asyncio.ensure_future(self._load(origin, parts.netloc, min(timeout, ROBOTS_TIMEOUT),
                                                                  user_agent))
        rules = await asyncio.shield(self.rules[origin])
        if rules is None:
            return None
        delay = rules.crawl_delay(user_agent)
        if delay:
            host = self.gate.host(parts.netloc)
            host.delay = max(host.delay, min(delay, MAX_CRAWL_DELAY))
        if rules.can_fetch(url, user_agent):
            return None
        return f"{DISALLOWED}{origin}/robots.txt"

    async def _load(self, origin: str, netloc: str, timeout: float = ROBOTS_TIMEOUT,
                    user_agent: str | None = None) -> "Protego | None":
        """Parsed rules, or None for "everything allowed".

        RFC 9309: a 4xx robots.txt means no restrictions. It asks crawlers to assume a full
        disallow when robots.txt is unreachable (5xx, network error); we fetch a few pages per
        host now and then, so we treat that as "no restrictions" too rather than drop the host.
        """
        import aiohttp
        from protego import Protego

        headers = {"User-Agent": user_agent or self.options.user_agent}
        try:
            async with self.gate(netloc):
                async with self.session.get(f"{origin}/robots.txt", headers=headers, max_redirects=5,
                                            timeout=aiohttp.ClientTimeout(total=timeout)) as resp:
                    if resp.status >= 300:
                        return None
                    body = await resp.content.read(ROBOTS_MAX_BYTES)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
            return None
        return Protego.parse(body.decode("utf-8", "replace"))
