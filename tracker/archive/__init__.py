"""Archive: the git store (source of truth), the SQLite index derived from it, recording new
versions, verification and repair, and the run lock.

Versions read from the index are ``Version`` records (``VersionRow`` is its former name).

Errors: ``StoreError`` (git or SQLite cannot be read or written), ``NotFoundError`` (no such
service, document or version), ``LockHeld`` (another run holds the store), ``SearchQueryError``
(a full-text query SQLite cannot parse).
"""

from tracker.archive.index import Index, SearchHit, SearchQueryError, VersionRow
from tracker.archive.lock import LOCK_NAME, LockHeld, RunLock
from tracker.archive.record import reindex, sync
from tracker.archive.store import Commit, NewVersion, Store, content_hash
from tracker.archive.verify import Report, repair, verify
from tracker.errors import NotFoundError, StoreError
from tracker.records import Version

__all__ = ["LOCK_NAME", "Commit", "Index", "LockHeld", "NewVersion", "NotFoundError", "Report", "RunLock", "SearchHit",
           "SearchQueryError", "Store", "StoreError", "Version", "VersionRow", "content_hash", "reindex", "repair", "sync",
           "verify"]
