"""Fetch: the raw bytes of many documents, concurrently and politely (HTTP, a headless browser for
pages that need one, robots.txt), and the guards that tell a terms page from an error page.

Fetching never raises for a bad page: each failure is a ``Fetched`` with an ``error``.
Errors: ``FetchError`` (for callers that want an exception from one fetch).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracker._lazy import load

if TYPE_CHECKING:
    from tracker.errors import FetchError
    from tracker.fetch.base import (
               DEFAULT_USER_AGENT,
               TRANSIENT_STATUSES,
               Fetched,
               FetchOptions,
               Validators,
    )
    from tracker.fetch.http import Again, fetch_all, fetch_one

# name -> the module that defines it; imported on first use (see tracker._lazy)
_EXPORTS = {
    "Again": "tracker.fetch.http",
    "DEFAULT_USER_AGENT": "tracker.fetch.base",
    "FetchError": "tracker.errors",
    "FetchOptions": "tracker.fetch.base",
    "Fetched": "tracker.fetch.base",
    "TRANSIENT_STATUSES": "tracker.fetch.base",
    "Validators": "tracker.fetch.base",
    "fetch_all": "tracker.fetch.http",
    "fetch_one": "tracker.fetch.http",
}
__all__ = ["Again", "DEFAULT_USER_AGENT", "FetchError", "FetchOptions", "Fetched", "TRANSIENT_STATUSES", "Validators",
           "fetch_all", "fetch_one"]


def __getattr__(name: str) -> Any:
    return load(__name__, _EXPORTS, name)
