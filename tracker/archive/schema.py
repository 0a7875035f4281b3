"""The index's schema and its migrations, written with sqlite-utils.

The schema is data (``TABLES``) and a list of ordered migrations (``MIGRATIONS``); ``meta``
records the version an index file has reached (key ``schema_version``: the number of migrations
applied). Opening an index reads that one value with the standard library's sqlite3; only an index
that is behind imports sqlite-utils and migrates, so read-only commands keep their start-up.

Every migration is idempotent ("make sure this exists"), and the version is written after each
one, so a process killed half-way through simply redoes the step on the next open. Migrating
processes take ``<index>.lock`` (an advisory ``flock``): sqlite-utils' ``enable_fts`` commits
on its own, so SQLite's transaction alone cannot keep a second process out.

Version history:
  1. the tables (an index written before versions were recorded gains the columns added since:
     ``versions.unchanged``, ``versions.length``, ``http_cache.raw_hash``);
  2. foreign keys services <- documents <- versions <- changes (``transform`` rebuilds the
     tables of an index made before them);
  3. full-text search over clause changes (``changes_fts``: before, after, explanation), kept
     current by triggers: FTS5 when the SQLite build has it, else FTS4;
  4. ``http_cache.region_hash``: the hash of the page region the latest text was converted from;
  5. ``versions.analysis_version``: the analysis code a version's labels were computed with
     (``tracker.analysis.analyse.analysis_version``); empty for versions indexed before it, which
     ``tracker reanalyse`` then recomputes.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from tracker.errors import StoreError

if TYPE_CHECKING:  # imported lazily: sqlite-utils costs 0.1-0.3 s of start-up
    from sqlite_utils import Database

BATCH_SIZE = 500  # rows per INSERT statement (sqlite-utils lowers it to fit SQLite's variable limit)
SEARCH_COLUMNS = ("before", "after", "explanation")
# Porter stemming: "arbitrate" finds "arbitration"; diacritics folded: "resilie" finds "résilié".
FTS5_TOKENIZE = "porter unicode61 remove_diacritics 2"
FTS4_TOKENIZE = "porter"


@dataclass(frozen=True)
class Table:
    """One table: column types (Python types, as sqlite-utils takes them), key, references, indexes."""

    name: str
    columns: dict[str, type]
    pk: str | tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, other table, other column)
    indexes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (index name, columns)
    defaults: dict[str, Any] = field(default_factory=dict)


# Parents before children: a foreign key needs the table it points at. Column names, order and
# types are those of the hand-written schema this replaces, so old and new files look the same.
TABLES: tuple[Table, ...] = (
    Table("meta", {"key": str, "value": str}, "key"),
    Table("services", {"id": str, "name": str}, "id"),
    Table(
        "documents",
        {"key": str, "service_id": str, "type": str, "path": str, "url": str, "latest_commit": str,
         "latest_hash": str, "versions": int, "first_recorded": str, "last_recorded": str},
        "key",
        foreign_keys=(("service_id", "services", "id"),),
        defaults={"versions": 0},
    ),
    Table(
        "versions",
        {"commit_sha": str, "document_key": str, "service_id": str, "document_type": str, "seq": int,
         "fetched_at": str, "source_url": str, "final_url": str, "http_status": int, "content_hash": str,
         "content_type": str, "raw_path": str, "extractor_version": str, "kind": str, "revert_of": str,
         "parent_sha": str, "changes": int, "material": int, "severity": str, "categories": str,
         "summary": str, "unchanged": int, "length": int, "analysis_version": str},
        "commit_sha",
        foreign_keys=(("document_key", "documents", "key"),),
        indexes=(("versions_doc", ("document_key", "seq")), ("versions_hash", ("document_key", "content_hash"))),
    ),
    Table(
        "changes",
        {"id": str, "commit_sha": str, "document_key": str, "n": int, "kind": str, "clause_id": str,
         "heading": str, "before": str, "after": str, "material": int, "severity": str, "categories": str,
         "explanation": str, "cosmetic": str},
        "id",
        foreign_keys=(("commit_sha", "versions", "commit_sha"), ("document_key", "documents", "key")),
        indexes=(("changes_commit", ("commit_sha", "n")),),
    ),
    Table(
        "runs",
        {"id": int, "started_at": str, "finished_at": str, "checked": int, "new": int, "changed": int,
         "unchanged": int, "failed": int},
        "id",
    ),
    Table(
        "checks",
        {"run_id": int, "document_key": str, "checked_at": str, "outcome": str, "http_status": int,
         "error": str, "duration_ms": int, "commit_sha": str},
        ("run_id", "document_key"),
        indexes=(("checks_doc", ("document_key", "run_id")),),
    ),
    Table("pending", {"document_key": str, "content_hash": str, "seen": int, "first_seen": str}, "document_key"),
    # a page seen blinking between texts: their hashes (JSON list), runs without the latest one
    Table("blinks", {"document_key": str, "variants": str, "absent": int, "at": str}, "document_key"),
    Table(
        "http_cache",
        {"document_key": str, "etag": str, "last_modified": str, "content_hash": str, "fingerprint": str,
         "raw_hash": str, "region_hash": str},
        "document_key",
    ),
    Table(
        "events",
        {"id": int, "document_key": str, "event": str, "at": str, "detail": str, "run_id": int},
        "id",
        indexes=(("events_doc", ("document_key", "id")),),
    ),
    Table("fetch_settings", {"document_key": str, "fingerprint": str}, "document_key"),
)

TABLE = {t.name: t for t in TABLES}
# Rebuilt from the archive by `tracker reindex`; children first, so deleting breaks no reference.
DERIVED_TABLES = ("changes", "versions", "documents", "services")


def sqlite_utils_database(conn: sqlite3.Connection) -> "Database":
    """sqlite-utils over an open connection: the one place the library is imported.

    numpy is kept from loading with it (sqlite-utils imports it, when installed, only to convert
    numpy values, which the tracker never stores): that alone is 0.1-0.2 s of every run's start.
    """
    blocked = "numpy" not in sys.modules
    if blocked:
        sys.modules["numpy"] = None  # type: ignore[assignment]  # makes `import numpy` fail fast
    try:
        from sqlite_utils import Database
    finally:
        if blocked and sys.modules.get("numpy", 0) is None:
            del sys.modules["numpy"]  # numpy stays importable for everything else
    return Database(conn, execute_plugins=False)


# -- migrations -----------------------------------------------------------------------------------
def _tables(db: "Database") -> None:
    """1: every table and index; columns added since an old file was written."""
    for table in TABLES:
        t = db.table(table.name)
        if not t.exists():
            t.create(table.columns, pk=table.pk, foreign_keys=list(table.foreign_keys) or None,
                     defaults=table.defaults or None, if_not_exists=True)
        else:
            have = set(t.columns_dict)
            for name, kind in table.columns.items():
                if name not in have:
                    t.add_column(name, kind)
        for index_name, columns in table.indexes:
            t.create_index(list(columns), index_name=index_name, if_not_exists=True)


def _foreign_keys(db: "Database") -> None:
    """2: foreign keys on tables created before they were declared."""
    for table in TABLES:
        have = {(fk.column, fk.other_table, fk.other_column) for fk in db.table(table.name).foreign_keys}
        missing = [fk for fk in table.foreign_keys if fk not in have]
        if missing:
            db.table(table.name).transform(add_foreign_keys=missing)


def _search(db: "Database") -> None:
    """3: the full-text index of clause changes, with triggers that keep it current."""
    version = fts_version(db.conn)
    if version is None:  # a SQLite without FTS: everything but `tracker search` works
        return
    db.table("changes").enable_fts(list(SEARCH_COLUMNS), fts_version=version, create_triggers=True, replace=True,
                             tokenize=FTS5_TOKENIZE if version == "FTS5" else FTS4_TOKENIZE)


def _region_hash(db: "Database") -> None:
    """4: ``http_cache.region_hash`` (a run then converts a page only when its region changed)."""
    cache = db.table("http_cache")
    if "region_hash" not in cache.columns_dict:
        cache.add_column("region_hash", str)


def _analysis_version(db: "Database") -> None:
    """5: ``versions.analysis_version`` (``tracker reanalyse`` recomputes what an older analysis labelled)."""
    versions = db.table("versions")
    if "analysis_version" not in versions.columns_dict:
        versions.add_column("analysis_version", str)


def _blinks(db: "Database") -> None:
    """6: the ``blinks`` table (pages seen alternating between texts from request to request)."""
    table = TABLE["blinks"]
    db.table(table.name).create(table.columns, pk=table.pk, if_not_exists=True)


MIGRATIONS: tuple[Callable[["Database"], None], ...] = (_tables, _foreign_keys, _search, _region_hash,
                                                        _analysis_version, _blinks)
SCHEMA_VERSION = len(MIGRATIONS)
SEARCH_VERSION = MIGRATIONS.index(_search) + 1


def fts_version(conn: sqlite3.Connection) -> str | None:
    """"FTS5", "FTS4" or None: the best full-text engine this SQLite build offers."""
    for version, option in (("FTS5", "ENABLE_FTS5"), ("FTS4", "ENABLE_FTS4"), ("FTS4", "ENABLE_FTS3")):
        if conn.execute("SELECT sqlite_compileoption_used(?)", (option,)).fetchone()[0]:
            return version
    return None


def stored_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the file (0 for a new file or one from before versions)."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return 0
        raise
    return int(row[0]) if row and str(row[0]).isdigit() else 0


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the file up to ``SCHEMA_VERSION``, one migration at a time, under the migration lock.

    Raises ``StoreError`` if the file was written by a newer tracker.
    """
    with migration_lock(path):
        migrate_locked(conn)


def migrate_locked(conn: sqlite3.Connection) -> None:
    """``migrate`` for a caller that holds ``migration_lock`` already."""
    if conn.in_transaction:
        conn.commit()
    version = stored_version(conn)  # again: another process may have migrated while we waited
    if version > SCHEMA_VERSION:
        raise StoreError(f"the index was written by a newer tracker (schema {version}, this one knows "
                         f"{SCHEMA_VERSION}); upgrade tracker, or delete the index and run `tracker reindex`")
    if version == SCHEMA_VERSION:
        return
    db = sqlite_utils_database(conn)
    # A migration must not trip over rows an old index may hold without their parent (nothing
    # writes those, but a hand-edited file might): references are checked again afterwards.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        for number in range(version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[number - 1](db)
            set_version(db, number)
            conn.commit()
    finally:
        if conn.in_transaction:
            conn.rollback()
        conn.execute("PRAGMA foreign_keys = ON")


def set_version(db: "Database", number: int) -> None:
    db.table("meta").upsert({"key": "schema_version", "value": str(number)}, pk="key")


def drop_search(db: "Database") -> None:
    """Drop the full-text index and its triggers, and mark the file as needing migration 3 again
    (in the caller's transaction: a crash before the index is back is healed on the next open)."""
    db.table("changes").disable_fts()
    set_version(db, SEARCH_VERSION - 1)


@contextmanager
def migration_lock(path: Path) -> Iterator[None]:
    """Exclusive advisory lock on ``<index>.lock`` for migrations (waits for the holder)."""
    lock_path = Path(f"{path}.lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot create {lock_path} to upgrade the index: {exc.strerror}") from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        # The file stays: removing it would let a process that waits on the old file and one that
        # creates a new one both hold "the" lock.
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
