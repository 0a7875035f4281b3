"""The SQLite index: a derived, queryable view of the archive (plus the log of runs).

Everything in ``services``, ``documents``, ``versions`` and ``changes`` is rebuilt from the git
archive by ``tracker reindex``; ``runs`` and ``checks`` are the operational log of snapshot runs
(what was fetched when, what failed), which git does not hold. The ``meta`` table remembers the
archive commit the index has caught up with, so a run that died between a commit and its index
write is reconciled by the next run (``sync``) without losing anything.

Writes go through sqlite-utils (table creation, upserts); the read paths used by the query commands
use the standard library's sqlite3 so that start-up stays fast.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Iterable, Sequence

from tracker.errors import StoreError
from tracker.records import Analysis, ClauseChange, Version, categories_json

SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS services (id TEXT PRIMARY KEY, name TEXT);
CREATE TABLE IF NOT EXISTS documents (
    key TEXT PRIMARY KEY, service_id TEXT, type TEXT, path TEXT, url TEXT,
    latest_commit TEXT, latest_hash TEXT, versions INTEGER DEFAULT 0,
    first_recorded TEXT, last_recorded TEXT
);
CREATE TABLE IF NOT EXISTS versions (
    commit_sha TEXT PRIMARY KEY, document_key TEXT, service_id TEXT, document_type TEXT,
    seq INTEGER, fetched_at TEXT, source_url TEXT, final_url TEXT, http_status INTEGER,
    content_hash TEXT, content_type TEXT, raw_path TEXT, extractor_version TEXT,
    kind TEXT, revert_of TEXT, parent_sha TEXT,
    changes INTEGER, material INTEGER, severity TEXT, categories TEXT, summary TEXT,
    unchanged INTEGER, length INTEGER
);
CREATE INDEX IF NOT EXISTS versions_doc ON versions (document_key, seq);
CREATE INDEX IF NOT EXISTS versions_hash ON versions (document_key, content_hash);
CREATE TABLE IF NOT EXISTS changes (
    id TEXT PRIMARY KEY, commit_sha TEXT, document_key TEXT, n INTEGER,
    kind TEXT, clause_id TEXT, heading TEXT, before TEXT, after TEXT,
    material INTEGER, severity TEXT, categories TEXT, explanation TEXT, cosmetic TEXT
);
CREATE INDEX IF NOT EXISTS changes_commit ON changes (commit_sha, n);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started_at TEXT, finished_at TEXT,
    checked INTEGER, new INTEGER, changed INTEGER, unchanged INTEGER, failed INTEGER
);
CREATE TABLE IF NOT EXISTS checks (
    run_id INTEGER, document_key TEXT, checked_at TEXT, outcome TEXT, http_status INTEGER,
    error TEXT, duration_ms INTEGER, commit_sha TEXT,
    PRIMARY KEY (run_id, document_key)
);
CREATE INDEX IF NOT EXISTS checks_doc ON checks (document_key, run_id);
CREATE TABLE IF NOT EXISTS pending (
    document_key TEXT PRIMARY KEY, content_hash TEXT, seen INTEGER, first_seen TEXT
);
CREATE TABLE IF NOT EXISTS http_cache (
    document_key TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, content_hash TEXT, fingerprint TEXT,
    raw_hash TEXT
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY, document_key TEXT, event TEXT, at TEXT, detail TEXT, run_id INTEGER
);
CREATE INDEX IF NOT EXISTS events_doc ON events (document_key, id);
CREATE TABLE IF NOT EXISTS fetch_settings (document_key TEXT PRIMARY KEY, fingerprint TEXT);
"""

DERIVED_TABLES = ("services", "documents", "versions", "changes")


# A recorded version as the query commands see it: the typed record lives in tracker.records.
VersionRow = Version


class Index:
    """Thin wrapper over the SQLite file; one connection, WAL mode so readers never block."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(self.path, timeout=30)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the index {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.executescript(_SCHEMA)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"the index {self.path} is unreadable ({exc}); delete it and run `tracker reindex`"
            ) from exc

    def _migrate(self) -> None:
        """Add columns that later versions introduced to an index file written by an earlier one."""
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(versions)")}
        if "unchanged" not in columns:
            self.conn.execute("ALTER TABLE versions ADD COLUMN unchanged INTEGER")
        if "length" not in columns:  # text length, so a run's shrink check needs no git read
            self.conn.execute("ALTER TABLE versions ADD COLUMN length INTEGER")
        cache = {r[1] for r in self.conn.execute("PRAGMA table_info(http_cache)")}
        if "raw_hash" not in cache:  # hash of the bytes the text was extracted from
            self.conn.execute("ALTER TABLE http_cache ADD COLUMN raw_hash TEXT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- meta --------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- derived tables ----------------------------------------------------------------------
    def clear_derived(self) -> None:
        with self.conn:
            for table in DERIVED_TABLES:
                self.conn.execute(f"DELETE FROM {table}")
            self.conn.execute("DELETE FROM meta WHERE key = 'indexed_head'")

    def add_version(self, version: dict[str, Any], changes: Sequence[ClauseChange]) -> None:
        """Insert one version and its clause changes, and move the document's pointers.

        ``version`` maps ``versions`` columns to values (categories as a list of ids) plus
        ``service_name``; ``changes`` are the version's clause changes, in document order.
        """
        key = version["document_key"]
        version = dict(version)
        service_name = version.pop("service_name", None)
        row = dict(version)
        row["categories"] = categories_json(row.get("categories") or [])
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.conn.execute(f"INSERT OR REPLACE INTO versions ({cols}) VALUES ({marks})", tuple(row.values()))
        self.conn.execute(
            "INSERT INTO services (id, name) VALUES (?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name",
            (version["service_id"], service_name or version["service_id"]),
        )
        self.conn.execute(
            """INSERT INTO documents (key, service_id, type, path, url, latest_commit, latest_hash,
                   versions, first_recorded, last_recorded)
               VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
               ON CONFLICT(key) DO UPDATE SET latest_commit = excluded.latest_commit,
                   latest_hash = excluded.latest_hash, url = excluded.url,
                   versions = documents.versions + 1, last_recorded = excluded.last_recorded""",
            (
                key,
                version["service_id"],
                version["document_type"],
                f"{version['service_id']}/{version['document_type']}.md",
                version["source_url"],
                version["commit_sha"],
                version["content_hash"],
                version["fetched_at"],
                version["fetched_at"],
            ),
        )
        for n, change in enumerate(changes):
            data = {**change.to_row(), "id": f"{version['commit_sha']}:{n}", "commit_sha": version["commit_sha"],
                    "document_key": key, "n": n}
            cols = ", ".join(data)
            marks = ", ".join("?" for _ in data)
            self.conn.execute(f"INSERT OR REPLACE INTO changes ({cols}) VALUES ({marks})", tuple(data.values()))

    def commit(self) -> None:
        self.conn.commit()

    # -- reads -------------------------------------------------------------------------------
    def latest(self, document_key: str) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT * FROM documents WHERE key = ?", (document_key,)
        ).fetchone()

    def latest_hashes(self) -> dict[str, str]:
        """document key -> content hash of its latest version: the whole cost of 'unchanged'."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT key, latest_hash FROM documents")}

    def latest_length(self, document_key: str) -> int | None:
        """Length of the latest recorded text (None for versions indexed before lengths were kept)."""
        row = self.conn.execute(
            "SELECT v.length FROM documents d JOIN versions v ON v.commit_sha = d.latest_commit WHERE d.key = ?",
            (document_key,),
        ).fetchone()
        return row[0] if row else None

    def latest_lengths(self) -> dict[str, int | None]:
        """document key -> length of its latest text (None if indexed before lengths were kept)."""
        return {r[0]: r[1] for r in self.conn.execute(
            "SELECT d.key, v.length FROM documents d JOIN versions v ON v.commit_sha = d.latest_commit")}

    def set_lengths(self, lengths: dict[str, int]) -> None:
        """Fill in text lengths (commit sha -> characters) of versions indexed before lengths were kept."""
        self.conn.executemany("UPDATE versions SET length = ? WHERE commit_sha = ?",
                              [(length, sha) for sha, length in lengths.items()])
        self.conn.commit()

    def text_dates(self) -> dict[str, dict[str, str]]:
        """document key -> {content hash -> fetched_at of its first version with that text}: every
        text each document ever had, so a run can tell a revert without a query per document."""
        out: dict[str, dict[str, str]] = {}
        for key, digest, fetched_at in self.conn.execute(
            "SELECT document_key, content_hash, fetched_at FROM versions ORDER BY document_key, seq"
        ):
            out.setdefault(key, {}).setdefault(digest, fetched_at)
        return out

    def has_version(self, commit_sha: str) -> bool:
        return self.conn.execute("SELECT 1 FROM versions WHERE commit_sha = ?", (commit_sha,)).fetchone() is not None

    def hash_seen(self, document_key: str, content_hash: str) -> sqlite3.Row | None:
        """An earlier version of this document with the same text (a revert), if any."""
        return self.conn.execute(
            "SELECT commit_sha, fetched_at FROM versions WHERE document_key = ? AND content_hash = ? "
            "ORDER BY seq LIMIT 1",
            (document_key, content_hash),
        ).fetchone()

    def next_seq(self, document_key: str) -> int:
        row = self.conn.execute(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM versions WHERE document_key = ?", (document_key,)
        ).fetchone()
        return int(row[0])

    def versions(self, service_id: str, document_type: str | None = None) -> list[VersionRow]:
        sql = "SELECT * FROM versions WHERE service_id = ?"
        args: list[Any] = [service_id]
        if document_type:
            sql += " AND lower(document_type) = lower(?)"
            args.append(document_type)
        sql += " ORDER BY document_type, seq"
        return [_version_row(r) for r in self.conn.execute(sql, args)]

    def version_rows(self, document_key: str) -> list[VersionRow]:
        rows = self.conn.execute(
            "SELECT * FROM versions WHERE document_key = ? ORDER BY seq", (document_key,)
        )
        return [_version_row(r) for r in rows]

    def changes_for(self, commit_sha: str) -> list[ClauseChange]:
        """The clause changes recorded for a version, in document order (empty for a first one)."""
        rows = self.conn.execute("SELECT * FROM changes WHERE commit_sha = ? ORDER BY n", (commit_sha,))
        return [ClauseChange.from_row(r) for r in rows]

    def stored_analysis(self, commit_sha: str) -> Analysis | None:
        """The analysis recorded for a version against its predecessor (None for old rows)."""
        row = self.conn.execute(
            "SELECT material, severity, categories, summary, unchanged FROM versions WHERE commit_sha = ?",
            (commit_sha,),
        ).fetchone()
        if row is None or row["unchanged"] is None:
            return None
        return Analysis.from_row(row, self.changes_for(commit_sha))

    def recent_versions(self, limit: int = 200, document_key: str | None = None) -> list[VersionRow]:
        sql = "SELECT * FROM versions WHERE seq > 1"
        args: list[Any] = []
        if document_key:
            sql += " AND document_key = ?"
            args.append(document_key)
        sql += " ORDER BY fetched_at DESC, seq DESC LIMIT ?"
        args.append(limit)
        return [_version_row(r) for r in self.conn.execute(sql, args)]

    def documents(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT d.*, s.name AS service_name FROM documents d LEFT JOIN services s "
            "ON s.id = d.service_id ORDER BY d.key"
        )
        return [dict(r) for r in rows]

    def service_names(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT id, name FROM services")}

    # -- confirmation of flaky pages -----------------------------------------------------------
    def set_pending(self, document_key: str, content_hash: str, seen: int, seen_at: str) -> None:
        """Store the count of consecutive runs an unrecorded text has been seen in."""
        self.conn.execute(
            "INSERT OR REPLACE INTO pending (document_key, content_hash, seen, first_seen) VALUES (?, ?, ?, ?)",
            (document_key, content_hash, seen, seen_at),
        )
        self.conn.commit()

    def clear_pending(self, document_key: str) -> None:
        self.conn.execute("DELETE FROM pending WHERE document_key = ?", (document_key,))

    # -- HTTP validators (conditional requests) ------------------------------------------------
    def http_cache(self) -> dict[str, sqlite3.Row]:
        """document key -> ETag / Last-Modified of the text with ``content_hash``, fetched with
        the settings summed up by ``fingerprint`` (a 304 only means "same bytes")."""
        return {r["document_key"]: r for r in self.conn.execute("SELECT * FROM http_cache")}

    def set_http_cache(self, rows: Iterable[dict[str, Any]]) -> None:
        """Upsert validators and the raw bytes' hash; a row with none of them deletes the entry."""
        for row in rows:
            if row.get("etag") or row.get("last_modified") or row.get("raw_hash"):
                self.conn.execute(
                    "INSERT OR REPLACE INTO http_cache (document_key, etag, last_modified, content_hash, "
                    "fingerprint, raw_hash) VALUES (?, ?, ?, ?, ?, ?)",
                    (row["document_key"], row.get("etag"), row.get("last_modified"), row["content_hash"],
                     row["fingerprint"], row.get("raw_hash")),
                )
            else:
                self.conn.execute("DELETE FROM http_cache WHERE document_key = ?", (row["document_key"],))
        self.conn.commit()

    def pending(self) -> dict[str, tuple[str, int, str]]:
        """document key -> (content hash, consecutive runs seen, when) of an unrecorded text being
        counted (confirm, or a held shrink)."""
        return {r[0]: (r[1], r[2], r[3]) for r in self.conn.execute(
            "SELECT document_key, content_hash, seen, first_seen FROM pending")}

    # -- how each document was last fetched and extracted -------------------------------------
    def fetch_settings(self) -> dict[str, str]:
        """document key -> fingerprint of the settings its latest text was extracted with."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT document_key, fingerprint FROM fetch_settings")}

    def set_fetch_settings(self, document_key: str, fingerprint: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO fetch_settings (document_key, fingerprint) VALUES (?, ?)",
                          (document_key, fingerprint))

    # -- document events (gone / back) -------------------------------------------------------
    def last_events(self) -> dict[str, sqlite3.Row]:
        """document key -> its latest event row ("gone" or "back")."""
        rows = self.conn.execute(
            "SELECT e.* FROM events e JOIN (SELECT document_key, MAX(id) AS id FROM events GROUP BY document_key) m "
            "ON m.id = e.id"
        )
        return {r["document_key"]: r for r in rows}

    def add_event(self, document_key: str, event: str, at: str, detail: str, run_id: int | None) -> None:
        self.conn.execute(
            "INSERT INTO events (document_key, event, at, detail, run_id) VALUES (?, ?, ?, ?, ?)",
            (document_key, event, at, detail, run_id),
        )

    def events(self, document_key: str | None = None) -> list[dict[str, Any]]:
        sql, args = "SELECT document_key, event, at, detail, run_id FROM events", []
        if document_key:
            sql += " WHERE document_key = ?"
            args.append(document_key)
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY id", args)]

    def gone_since(self) -> dict[str, str]:
        """document key -> when it went gone (404/410), for documents gone right now."""
        return {k: r["at"] for k, r in self.last_events().items() if r["event"] == "gone"}

    def attention(self) -> list[dict[str, Any]]:
        """Documents whose latest check failed or was held: key, outcome, reason, since when.

        ``since`` is the first check of the current streak of that outcome, so it does not move
        from one run to the next while the problem lasts.
        """
        out = []
        for row in self.conn.execute(
            "SELECT c.* FROM checks c JOIN (SELECT document_key, MAX(run_id) AS run_id FROM checks "
            "GROUP BY document_key) m ON m.document_key = c.document_key AND m.run_id = c.run_id "
            "WHERE c.outcome IN ('failed', 'held') ORDER BY c.document_key"
        ):
            since = row["checked_at"]
            for older in self.conn.execute(
                "SELECT outcome, checked_at FROM checks WHERE document_key = ? AND run_id < ? "
                "ORDER BY run_id DESC LIMIT 1000", (row["document_key"], row["run_id"])
            ):
                if older[0] != row["outcome"]:
                    break
                since = older[1]
            out.append({"document": row["document_key"], "outcome": row["outcome"], "reason": row["error"] or "",
                        "since": since, "last_checked": row["checked_at"], "http_status": row["http_status"]})
        return out

    # -- runs --------------------------------------------------------------------------------
    def start_run(self, started_at: str) -> int:
        cur = self.conn.execute("INSERT INTO runs (started_at) VALUES (?)", (started_at,))
        self.conn.commit()
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, finished_at: str, counts: dict[str, int]) -> None:
        self.conn.execute(
            "UPDATE runs SET finished_at = ?, checked = ?, new = ?, changed = ?, unchanged = ?, "
            "failed = ? WHERE id = ?",
            (
                finished_at,
                counts.get("checked", 0),
                counts.get("new", 0),
                counts.get("changed", 0),
                counts.get("unchanged", 0),
                counts.get("failed", 0),
                run_id,
            ),
        )
        self.conn.commit()

    def add_checks(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            cols = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            self.conn.execute(f"INSERT OR REPLACE INTO checks ({cols}) VALUES ({marks})", tuple(row.values()))
        self.conn.commit()

    def status(self) -> list[dict[str, Any]]:
        """Per document: last check, its outcome and how many runs in a row it has failed."""
        docs = {d["key"]: d for d in self.documents()}
        last = self.conn.execute(
            "SELECT c.* FROM checks c JOIN (SELECT document_key, MAX(run_id) AS run_id FROM checks "
            "GROUP BY document_key) m ON m.document_key = c.document_key AND m.run_id = c.run_id"
        ).fetchall()
        out: dict[str, dict[str, Any]] = {}
        for key, doc in docs.items():
            out[key] = {
                "document": key,
                "service": doc["service_id"],
                "type": doc["type"],
                "versions": doc["versions"],
                "last_recorded": doc["last_recorded"],
                "last_checked": None,
                "last_outcome": None,
                "error": None,
                "failing_runs": 0,
            }
        for row in last:
            key = row["document_key"]
            entry = out.setdefault(
                key,
                {
                    "document": key,
                    "service": key.split("/", 1)[0],
                    "type": key.split("/", 1)[-1],
                    "versions": 0,
                    "last_recorded": None,
                    "failing_runs": 0,
                },
            )
            entry.update(last_checked=row["checked_at"], last_outcome=row["outcome"], error=row["error"])
            if row["outcome"] == "failed":
                entry["failing_runs"] = self._failing_streak(key)
        return [out[k] for k in sorted(out)]

    def _failing_streak(self, key: str) -> int:
        streak = 0
        for row in self.conn.execute(
            "SELECT outcome FROM checks WHERE document_key = ? ORDER BY run_id DESC LIMIT 100", (key,)
        ):
            if row[0] != "failed":
                break
            streak += 1
        return streak


def _version_row(r: sqlite3.Row) -> Version:
    """A ``versions`` row as a typed record (kept for callers of the former helper)."""
    return Version.from_row(r)
