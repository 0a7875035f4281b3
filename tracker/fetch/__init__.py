"""Fetch: the raw bytes of many documents, concurrently and politely (HTTP, a headless browser for
pages that need one, robots.txt), and the guards that tell a terms page from an error page.

Fetching never raises for a bad page: each failure is a ``Fetched`` with an ``error``.
Errors: ``FetchError`` (for callers that want an exception from one fetch).
"""

from tracker.errors import FetchError
from tracker.fetch.base import (
           DEFAULT_USER_AGENT,
           TRANSIENT_STATUSES,
           Fetched,
           FetchOptions,
           Validators,
)
from tracker.fetch.http import fetch_all, fetch_one

__all__ = ["DEFAULT_USER_AGENT", "TRANSIENT_STATUSES", "FetchError", "FetchOptions", "Fetched", "Validators",
           "fetch_all", "fetch_one"]
