"""Archive: the git store (source of truth), the SQLite index derived from it, recording new
versions, verification and repair, and the run lock.

Versions read from the index are ``Version`` records (``VersionRow`` is its former name).

Errors: ``StoreError`` (git or SQLite cannot be read or written), ``NotFoundError`` (no such
service, document or version), ``LockHeld`` (another run holds the store), ``SearchQueryError``
(a full-text query SQLite cannot parse).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracker._lazy import load

# A function named like its module is bound at import: were it loaded lazily, importing the module
# (by anyone) would set the package attribute to the module and shadow the function.
from tracker.archive.verify import verify

if TYPE_CHECKING:
    from tracker.archive.index import Index, SearchHit, SearchQueryError, VersionRow
    from tracker.archive.lock import LOCK_NAME, LockHeld, RunLock
    from tracker.archive.record import reindex, sync
    from tracker.archive.store import Commit, NewVersion, Store, content_hash
    from tracker.archive.verify import Report, repair, verify
    from tracker.errors import NotFoundError, StoreError
    from tracker.records import Version

# name -> the module that defines it; imported on first use (see tracker._lazy)
_EXPORTS = {
    "Commit": "tracker.archive.store",
    "Index": "tracker.archive.index",
    "LOCK_NAME": "tracker.archive.lock",
    "LockHeld": "tracker.archive.lock",
    "NewVersion": "tracker.archive.store",
    "NotFoundError": "tracker.errors",
    "Report": "tracker.archive.verify",
    "RunLock": "tracker.archive.lock",
    "SearchHit": "tracker.archive.index",
    "SearchQueryError": "tracker.archive.index",
    "Store": "tracker.archive.store",
    "StoreError": "tracker.errors",
    "Version": "tracker.records",
    "VersionRow": "tracker.archive.index",
    "content_hash": "tracker.archive.store",
    "reindex": "tracker.archive.record",
    "repair": "tracker.archive.verify",
    "sync": "tracker.archive.record",
    "verify": "tracker.archive.verify",
}
__all__ = ["Commit", "Index", "LOCK_NAME", "LockHeld", "NewVersion", "NotFoundError", "Report", "RunLock",
           "SearchHit", "SearchQueryError", "Store", "StoreError", "Version", "VersionRow", "content_hash", "reindex",
           "repair", "sync", "verify"]


def __getattr__(name: str) -> Any:
    return load(__name__, _EXPORTS, name)

