"""The SQLite index: a derived, queryable view of the archive (plus the log of runs).

Everything in ``services``, ``documents``, ``versions`` and ``changes`` is rebuilt from the git
archive by ``tracker reindex``; ``runs`` and ``checks`` are the operational log of snapshot runs
(what was fetched when, what failed), which git does not hold. The ``meta`` table remembers the
archive commit the index has caught up with, so a run that died between a commit and its index
write is reconciled by the next run (``sync``) without losing anything.

This module is the only code that talks to SQLite; everything else calls ``Index`` methods.
Reads use the standard library's sqlite3, so query commands start fast; writes, the schema and
its migrations (``tracker.archive.schema``) go through sqlite-utils, imported on the first write.
A write joins the connection's open transaction (one is started if none is): nothing is
committed before ``commit()``, or before a method documented as committing.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from tracker.archive.schema import (
    BATCH_SIZE,
    DERIVED_TABLES,
    SCHEMA_VERSION,
    SEARCH_COLUMNS,
    SEARCH_VERSION,
    drop_search,
    migrate,
    migrate_locked,
    migration_lock,
    sqlite_utils_database,
    stored_version,
)
from tracker.errors import ConfigError, InvalidArgument, NotFoundError, StoreError
from tracker.records import Analysis, ClauseChange, Version, categories_from_json, categories_json

if TYPE_CHECKING:
    from sqlite_utils import Database

MARK_START, MARK_END = "\x02", "\x03"  # around the matched words in a search snippet


# SQLite errors about the file or the machine, as opposed to the text of a search query
_FILE_ERRORS = ("locked", "busy", "disk", "I/O", "malformed", "no such table", "unable to open", "memory",
                "readonly", "interrupted")


class SearchQueryError(InvalidArgument, ConfigError):
    """A full-text query SQLite cannot parse (unbalanced quote, stray operator, unknown column);
    an ``InvalidArgument`` (so a ``ValueError``) for Python callers, exit 2 on the command line."""


# A recorded version as the query commands see it: the typed record lives in tracker.records.
VersionRow = Version



def plain_snippet(snippet: str, mark: Callable[[str], str] | None = None, section: str = "") -> str:
    """A search snippet (``Index.search``: a cut out of the clause's Markdown, matched words
    between ``MARK_START`` and ``MARK_END``) as one line of plain text, each matched word as
    ``mark(word)`` (left as it is without ``mark``): never Markdown or HTML marks.

    The Markdown is rendered first (links become their text, emphasis marks and HTML tags go,
    tags and links the cut left in halves too), then the matched words are found again in what a
    reader sees: a word matched inside a link's target or a tag's attribute is not shown, so it
    is not marked either. With ``section`` (the label shown before the snippet, "§ 8.3
    Credits"), a clause number the snippet starts with and the label already gives ("8.3
    Credits that ...") is left out: "§ 8.3 Credits: Credits that ...", never "§ 4 4. ..."."""
    from tracker.analysis.rendering import clause_text
    from tracker.text import strip_unsafe

    words = {w for w in re.findall(f"{MARK_START}(.*?){MARK_END}", snippet, re.S) if w.strip()}
    text = _mend_cut(snippet.replace(MARK_START, "").replace(MARK_END, ""))
    text = re.sub(r"\*\*|__", "", strip_unsafe(clause_text(text)))  # emphasis the cut left unpaired
    if m := re.match(r"§\s*(\d+(?:\.\d+)*)", section):
        # "4." / "4.2" / "4)" / "(4)" leading the clause: the section label says it already
        text = re.sub(rf"^(…\s*)?\(?{re.escape(m.group(1))}(?:\.|\))?(?=\s)\s*", r"\1", text, count=1) or text
    if mark is None or not words:
        return text
    pattern = "|".join(re.escape(strip_unsafe(w)) for w in sorted(words, key=len, reverse=True))
    return re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", lambda m: mark(m.group(0)), text)


def _visible(snippet: str, full: str, width: int = 16) -> str:
    """``snippet`` when a reader sees a matched word in it, else a snippet of ``width`` words cut
    around the first matched word of the whole text ``full`` as a reader sees it (plain text, the
    marks of ``Index.search``). SQLite cuts its snippet out of the Markdown, and may cut it out of
    a link's target or a tag's attribute ("<abbr title='a refund of ...'>"), where no word shows."""
    if MARK_START not in snippet or MARK_START in plain_snippet(snippet, lambda w: MARK_START + w):
        return snippet
    words = {w.casefold() for w in re.findall(f"{MARK_START}(.*?){MARK_END}", snippet, re.S) if w.strip()}
    from tracker.analysis.rendering import clause_text

    tokens = clause_text(full).split()
    matched = [_same_word(re.sub(r"^\W+|\W+$", "", t).casefold(), words) for t in tokens]
    hit = next((i for i, m in enumerate(matched) if m), None)
    if hit is None:
        return snippet
    start = max(0, min(hit - width // 3, len(tokens) - width))
    shown = tokens[start:start + width]
    marked = [re.sub(r"^(\W*)(.*?)(\W*)$", lambda m: f"{m[1]}{MARK_START}{m[2]}{MARK_END}{m[3]}", t)
              if m else t for t, m in zip(shown, matched[start:start + width])]
    return ("…" if start else "") + " ".join(marked) + ("…" if start + width < len(tokens) else "")


def _same_word(token: str, words: set[str]) -> bool:
    """Whether ``token`` is one of the matched ``words`` or another form of one (SQLite's stemmer
    and prefix queries match "refund", "refunds" and "refunded" alike): one a prefix of the
    other, or both sharing their first 5 letters."""
    import os.path

    for word in words:
        common = len(os.path.commonprefix([token, word]))
        if token and (common >= 5 or common == min(len(token), len(word)) >= 3):
            return True
    return False


def _mend_cut(snippet: str) -> str:
    """A snippet is cut out of a clause's Markdown: a link or an HTML tag it cuts in two is no
    link or tag to the parser. Keep the link text of "[text](https…" and "…text](https://x)",
    drop the halves of a tag ("…ef="https://x/refunds">refunds", "after 14 days</sp…")."""
    snippet = re.sub(r"\[([^\[\]]*)\]\([^()\s]*$", r"\1…", snippet)  # cut inside the target
    snippet = re.sub(r"\[([^\[\]]*)$", r"\1", snippet)  # cut inside the text
    snippet = re.sub(r"^([^\[\]]*)\]\([^()\s]*\)", r"\1", snippet)  # the start cut off
    # the end of a tag whose start was cut off: an attribute (="...", ='...') or a closing "/x"
    # before the first ">" (SQLite's cut starts with "…")
    snippet = re.sub(r"^…[^<>]*?(?:=\s*[\"'][^<>]*|[\"']\s*/?|/[A-Za-z][\w-]*\s*)>\s*", "…", snippet)
    # the start of a tag whose end was cut off: "<a href=..." or "</sp" up to the end
    return re.sub(r"<(?:/?[A-Za-z][\w-]*|!--)[^<>]*$", "…" if snippet.endswith("…") else "", snippet)


@dataclass(frozen=True)
class SearchHit:
    """One clause change matching a full-text query, with where and when it was recorded.

    ``snippet`` is a short extract of the matched text (clause before or after, or explanation)
    with the matched words between ``MARK_START`` and ``MARK_END``.
    """

    service_id: str
    service_name: str
    document_type: str
    document_key: str
    fetched_at: str
    seq: int
    commit_sha: str
    kind: str
    severity: str
    material: bool
    categories: tuple[str, ...]
    clause_id: str
    heading: str
    snippet: str
    explanation: str
    section: str = ""  # where to find the clause, as `tracker diff` names it ("§ 8.3 Credits")
    # which text the snippet is from: "after" (the clause as this version has it), "explanation"
    # (what changed), or "before" (the old text, which a reader must not take for the current one)
    snippet_from: str = "after"
    # the version of the same document that changed this clause next (0: none yet): then this
    # change's text is no longer the current one
    changed_again: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The ``search --json`` record; matched words in the snippet are marked ``**like this**``."""
        data = dict(self.__dict__)
        data["categories"] = list(self.categories)
        # plain text (no Markdown, no HTML): the only "**" in it are the marks
        data["snippet"] = plain_snippet(self.snippet, lambda word: f"**{word}**")
        # none is null in every JSON output: no heading or section, not changed again yet
        data["heading"] = self.heading or None
        data["section"] = self.section or None
        data["changed_again"] = self.changed_again or None
        return data


def _lead(text: str | None, column: str, width: int = 16) -> tuple[str, str]:
    """The first ``width`` words of a clause as a reader sees it, cut with "…", and ``column``:
    the snippet of a change listed by a filter alone (``Index.search`` with no query)."""
    from tracker.analysis.rendering import clause_text

    words = clause_text(text or "").split()
    return " ".join(words[:width]) + ("…" if len(words) > width else ""), column


def _phrase_end(snippet: str) -> str:
    """A search snippet SQLite cut at a token count ("... may expire 6 months after the date
    you…") ending on a word that carries meaning ("... after the date…"), as every cut text does
    (``rendering.good_end``); a matched (marked) word is never dropped, nor more than 5 words."""
    if not snippet.endswith("…"):
        return snippet
    from tracker.analysis.rendering import good_end

    words = snippet[:-1].rstrip().split(" ")
    k = len(words) - 1
    while k > 2 and len(words) - 1 - k < 5 and MARK_END not in words[k] and not good_end(words, k):
        k -= 1
    if MARK_END in words[k] or good_end(words, k):
        return " ".join(words[:k + 1]).rstrip(" ,;:") + "…"
    return snippet


def _wal(conn: sqlite3.Connection, wait: float = 30.0) -> None:
    """Put ``conn``'s database in WAL mode. Switching needs the file to itself, and SQLite can
    answer "database is locked" at once, without its busy timeout, while another process opens
    or migrates the same index: retried for up to ``wait`` seconds, then the error is raised."""
    import time

    deadline = time.monotonic() + wait
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


# Problems that ended kept per document in the attention feed (each one its own entry, "Resolved:"):
# a page that fails now and then keeps its recent incidents, not only the last one
RESOLVED_KEPT = 5


class Index:
    """The index file: one connection, WAL mode so readers never block.

    Opening creates or upgrades the schema when needed (``tracker.archive.schema``); raises
    ``StoreError`` when the file cannot be opened or read, or was written by a newer tracker.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._writer: "Database | None" = None
        try:
            self.conn = sqlite3.connect(self.path, timeout=30)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the index {self.path}: {exc}") from exc
        try:
            _wal(self.conn)
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            if stored_version(self.conn) != SCHEMA_VERSION:  # the one read a current index costs
                migrate(self.conn, self.path)
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(
                f"the index {self.path} is unreadable ({exc}); delete it and run `tracker reindex`"
            ) from exc
        except StoreError:
            self.conn.close()
            raise
        except Exception as exc:  # sqlite-utils' own errors while upgrading the schema
            self.conn.close()
            raise StoreError(
                f"cannot upgrade the index {self.path} ({type(exc).__name__}: {exc}); "
                "delete it and run `tracker reindex`"
            ) from exc

    def _query(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        """Run a read; rows are ``sqlite3.Row`` (the connection itself keeps plain tuples, which
        is what sqlite-utils expects)."""
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, args)

    def _db(self) -> "Database":
        """sqlite-utils over this connection, inside a transaction: its writes then nest as
        savepoints in the caller's transaction instead of committing one by one."""
        if self._writer is None:
            self._writer = sqlite_utils_database(self.conn)
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
        return self._writer

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
        self._db().table("meta").upsert({"key": key, "value": value}, pk="key")

    # -- derived tables ----------------------------------------------------------------------
    def clear_derived(self) -> None:
        """Empty the tables rebuilt from the archive, and rebuild the (empty) full-text index.

        Commits. The full-text index is dropped rather than emptied row by row through its
        triggers, then made again by its migration, which a crash in between leaves pending
        for the next open."""
        with migration_lock(self.path):
            db = self._db()
            drop_search(db)
            for table in DERIVED_TABLES:
                db.table(table).delete_where()
            db.table("meta").delete_where("key = 'indexed_head'")
            self.conn.commit()
            migrate_locked(self.conn)

    @contextmanager
    def deferred_search(self, defer: bool = True) -> Iterator[None]:
        """Write without keeping the full-text index current row by row; rebuild it once at the end.

        For bulk writes (a history import adds ~1.5 million clause changes): the search triggers
        cost a third of the time spent writing rows, while filling the index again from the
        ``changes`` table in one statement costs a fraction of that. On entry the full-text
        index and its triggers are dropped and the schema version is set back to before the
        search migration (committed): that is the marker. On exit the migration runs again and
        rebuilds the index from every committed row (an exit by an exception first rolls back
        the open transaction).
        A process killed in between leaves the marker, so the
        next ``Index`` opened on the file, by any command, rebuilds it; so does any other process
        opening the file meanwhile (its triggers then keep the index current for the rest of
        the import, and the rebuild at the end finds nothing to do). Search results are those of
        an index kept current by triggers: the same rows indexed under the same rowids.

        ``defer=False`` (or a SQLite without a full-text index) writes as usual. Commits.
        """
        if not defer or self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'changes_fts'").fetchone() is None:
            yield
            return
        with migration_lock(self.path):
            if self.conn.in_transaction:
                self.conn.commit()
            if stored_version(self.conn) >= SEARCH_VERSION:
                drop_search(self._db())
                self.conn.commit()
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.rollback()  # a half-written batch is not ours to commit
            raise
        finally:
            with migration_lock(self.path):
                migrate_locked(self.conn)  # commits what a normal exit left open

    def add_version(self, version: dict[str, Any], changes: Sequence[ClauseChange]) -> None:
        """Insert one version and its clause changes (see ``add_versions``)."""
        self.add_versions([(version, changes)])

    def add_versions(self, items: Sequence[tuple[dict[str, Any], Sequence[ClauseChange]]]) -> None:
        """Insert versions (oldest first) with their clause changes, and move their documents'
        pointers, in batched upserts; does not commit.

        Each version maps ``versions`` columns to values (categories as a list of ids) plus
        ``service_name``; its ``seq`` is assigned here (the next number of its document, counting
        the versions before it in ``items``). Its changes are in document order.
        """
        if not items:
            return
        keys = sorted({version["document_key"] for version, _ in items})
        marks = ",".join("?" for _ in keys)
        known = {r["key"]: r for r in self._query(
            f"SELECT key, versions, first_recorded FROM documents WHERE key IN ({marks})", keys)}
        seqs = dict(self.conn.execute(
            f"SELECT document_key, MAX(seq) FROM versions WHERE document_key IN ({marks}) GROUP BY document_key",
            keys).fetchall())
        services: dict[str, dict[str, Any]] = {}
        documents: dict[str, dict[str, Any]] = {}
        versions: list[dict[str, Any]] = []
        changes: list[dict[str, Any]] = []
        for version, version_changes in items:
            row = dict(version)
            service_name = row.pop("service_name", None)
            key = row["document_key"]
            seqs[key] = row["seq"] = (seqs.get(key) or 0) + 1
            row["categories"] = categories_json(row.get("categories") or [])
            versions.append(row)
            services[row["service_id"]] = {"id": row["service_id"], "name": service_name or row["service_id"]}
            doc = documents.get(key)
            if doc is None:
                old = known.get(key)
                doc = documents[key] = {
                    "key": key, "service_id": row["service_id"], "type": row["document_type"],
                    "path": f"{row['service_id']}/{row['document_type']}.md",
                    "versions": old["versions"] if old else 0,
                    "first_recorded": old["first_recorded"] if old else row["fetched_at"],
                }
            doc.update(url=row["source_url"], latest_commit=row["commit_sha"], latest_hash=row["content_hash"],
                       versions=doc["versions"] + 1, last_recorded=row["fetched_at"])
            changes += _change_rows(row["commit_sha"], key, version_changes)
        self._db()  # the schema and its search triggers are in place (sqlite-utils, first write)
        # parents first: every row's references exist when it is written
        _upsert(self.conn, "services", services.values(), "id")
        _upsert(self.conn, "documents", documents.values(), "key")
        _upsert(self.conn, "versions", versions, "commit_sha")
        _upsert(self.conn, "changes", changes, "id")

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        """Drop what the open transaction wrote (a run stopped midway keeps only what was committed)."""
        self.conn.rollback()

    # -- reanalysis ----------------------------------------------------------------------------
    def analysis_targets(self, current: str, *, service: str | None = None, document: str | None = None,
                         since: str | None = None, force: bool = False) -> list[dict[str, Any]]:
        """Versions whose stored ``analysis_version`` is not ``current`` (all that match, with
        ``force``), oldest first per document: each as a dict of ``commit_sha``, ``document_key``,
        ``service_id``, ``document_type``, ``seq``, ``kind``, ``revert_of`` and ``previous`` (the
        commit of the version before it in its document; None for the first). Filters: ``service``
        id, ``document`` type (any case), ``since`` (versions fetched at or after this ISO date)."""
        sql = ("SELECT * FROM (SELECT commit_sha, document_key, service_id, document_type, seq, kind, revert_of, "
               "fetched_at, analysis_version, LAG(commit_sha) OVER (PARTITION BY document_key ORDER BY seq) AS previous "
               "FROM versions) WHERE 1")
        args: list[Any] = []
        if not force:
            sql += " AND (analysis_version IS NULL OR analysis_version != ?)"
            args.append(current)
        if service:
            sql += " AND service_id = ?"
            args.append(service)
        if document:
            sql += " AND lower(document_type) = lower(?)"
            args.append(document)
        if since:
            sql += " AND fetched_at >= ?"
            args.append(since)
        sql += " ORDER BY document_key, seq"
        return [dict(r) for r in self._query(sql, args)]

    def replace_analyses(self, items: Sequence[tuple[str, str, Analysis]], version: str) -> None:
        """Store new analyses of indexed versions: ``(commit sha, document key, analysis)`` each;
        their ``versions`` label columns and ``analysis_version`` (= ``version``) are updated and
        their clause changes replaced (the full-text index follows through its triggers). Does not
        commit: the caller's transaction makes a batch all old or all new."""
        if not items:
            return
        db = self._db()
        shas = [sha for sha, _, _ in items]
        for start in range(0, len(shas), BATCH_SIZE):
            part = shas[start:start + BATCH_SIZE]
            db.table("changes").delete_where(f"commit_sha IN ({','.join('?' for _ in part)})", part)
        self.conn.executemany(
            "UPDATE versions SET changes = ?, material = ?, severity = ?, categories = ?, summary = ?, "
            "unchanged = ?, analysis_version = ? WHERE commit_sha = ?",
            [(len(a.changes), int(a.material), a.severity, categories_json(list(a.categories)), a.summary,
              a.unchanged, version, sha) for sha, _, a in items])
        rows = [row for sha, key, a in items for row in _change_rows(sha, key, a.changes)]
        db.table("changes").insert_all(rows, pk="id", batch_size=BATCH_SIZE)

    # -- reads -------------------------------------------------------------------------------
    def latest(self, document_key: str) -> sqlite3.Row | None:
        return self._query("SELECT * FROM documents WHERE key = ?", (document_key,)).fetchone()

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
        """Fill in text lengths (commit sha -> characters) of versions indexed before lengths were
        kept. Commits."""
        versions = self._db().table("versions")
        from sqlite_utils.db import NotFoundError as NoRow  # loaded by _db() already

        for sha, length in lengths.items():
            try:
                versions.update(sha, {"length": length})
            except NoRow:  # not indexed (any more): nothing to fill in
                pass
        self.conn.commit()

    def text_dates(self) -> dict[str, dict[str, str]]:
        """document key -> {content hash -> fetched_at of its first version with that text}: every
        text each document ever had, so a run can tell a revert without a query per document."""
        return self.text_history(0)[0]

    def text_history(self, recent: int = 3) -> tuple[dict[str, dict[str, str]],
                                                      dict[str, tuple[tuple[str, str], ...]]]:
        """(``text_dates()``, document key -> (content hash, fetched_at) of its last ``recent``
        versions, the latest first), read in one pass over the versions: the second is enough for
        a run to tell a page that alternates between two texts from run to run."""
        dates: dict[str, dict[str, str]] = {}
        last: dict[str, list[tuple[str, str]]] = {}
        for key, digest, fetched_at in self.conn.execute(
            "SELECT document_key, content_hash, fetched_at FROM versions ORDER BY document_key, seq"
        ):
            dates.setdefault(key, {}).setdefault(digest, fetched_at)
            if recent:
                tail = last.setdefault(key, [])
                tail.append((digest, fetched_at))
                if len(tail) > recent:
                    del tail[0]
        return dates, {key: tuple(reversed(tail)) for key, tail in last.items()}

    def has_version(self, commit_sha: str) -> bool:
        return self.conn.execute("SELECT 1 FROM versions WHERE commit_sha = ?", (commit_sha,)).fetchone() is not None

    def version_count(self) -> int:
        """How many versions the index knows."""
        return int(self.conn.execute("SELECT COUNT(*) FROM versions").fetchone()[0])

    def version_documents(self) -> dict[str, str]:
        """commit sha -> document key, for every indexed version."""
        return dict(self.conn.execute("SELECT commit_sha, document_key FROM versions").fetchall())

    def hash_seen(self, document_key: str, content_hash: str) -> sqlite3.Row | None:
        """An earlier version of this document with the same text (a revert), if any."""
        return self._query(
            "SELECT commit_sha, fetched_at FROM versions WHERE document_key = ? AND content_hash = ? "
            "ORDER BY seq LIMIT 1",
            (document_key, content_hash),
        ).fetchone()

    def last_versions(self, document_key: str, n: int) -> list[tuple[str, str, str]]:
        """The document's last ``n`` indexed versions, oldest first: (commit sha, content hash,
        fetched_at)."""
        rows = self.conn.execute(
            "SELECT commit_sha, content_hash, fetched_at FROM versions WHERE document_key = ? "
            "ORDER BY seq DESC LIMIT ?", (document_key, n)).fetchall()
        return [(r[0], r[1] or "", r[2] or "") for r in reversed(rows)]

    def versions_before(self, document_key: str, seq: int, n: int) -> list[tuple[str, str, str]]:
        """The ``n`` versions of the document just before number ``seq``, oldest first: (commit
        sha, content hash, fetched_at)."""
        rows = self.conn.execute(
            "SELECT commit_sha, content_hash, fetched_at FROM versions WHERE document_key = ? AND seq < ? "
            "ORDER BY seq DESC LIMIT ?", (document_key, seq, n)).fetchall()
        return [(r[0], r[1] or "", r[2] or "") for r in reversed(rows)]

    def set_kinds(self, items: Sequence[tuple[str, str, str]]) -> None:
        """Store versions' kinds settled again: ``(commit sha, kind, revert_of)`` each (the date of
        the variant a partial revert goes back to, "" for none). Does not commit."""
        self._db()  # (inside the caller's transaction)
        self.conn.executemany("UPDATE versions SET kind = ?, revert_of = ? WHERE commit_sha = ?",
                              [(k, r, sha) for sha, k, r in items])

    def first_dates(self, document_key: str) -> dict[str, str]:
        """content hash -> when this document first had that text (fetch time, ISO)."""
        return dict(self.conn.execute(
            "SELECT content_hash, MIN(fetched_at) FROM versions WHERE document_key = ? GROUP BY content_hash",
            (document_key,),
        ).fetchall())

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
        return [_version_row(r) for r in self._query(sql, args)]

    def recorded_by_last_runs(self, runs: int) -> tuple[set[str], list[int]]:
        """The versions recorded by the last ``runs`` runs, as (commit shas, the run ids read, oldest
        first): those a run's check names (new, changed or revert), and every version recorded since
        the first of those runs started (a run killed after its commits, before its checks were
        written, names none of its own)."""
        started = self.conn.execute("SELECT id, started_at FROM runs ORDER BY id DESC LIMIT ?", (runs,)).fetchall()
        ids = [r[0] for r in started]
        if not ids:
            return set(), []
        shas = {r[0] for r in self.conn.execute(
            "SELECT commit_sha FROM checks WHERE run_id >= ? AND commit_sha IS NOT NULL AND commit_sha != ''",
            (min(ids),))}
        since = min(r[1] for r in started if r[1]) if any(r[1] for r in started) else None
        if since:
            shas |= {r[0] for r in self.conn.execute("SELECT commit_sha FROM versions WHERE fetched_at >= ?", (since,))}
        return shas, sorted(ids)

    def material_counts(self, commit_shas: Sequence[str]) -> dict[str, int]:
        """{commit sha: how many of its clause changes are material} for these versions (a version
        with none is left out): what `history` says beside a material version's headline."""
        counts: dict[str, int] = {}
        shas = list(dict.fromkeys(commit_shas))
        for start in range(0, len(shas), 500):  # (SQLite's limit on bound parameters)
            part = shas[start:start + 500]
            marks = ",".join("?" for _ in part)
            for sha, n in self.conn.execute(f"SELECT commit_sha, COUNT(*) FROM changes WHERE material AND "
                                            f"commit_sha IN ({marks}) GROUP BY commit_sha", part):
                counts[sha] = n
        return counts

    def version_rows(self, document_key: str) -> list[VersionRow]:
        rows = self._query("SELECT * FROM versions WHERE document_key = ? ORDER BY seq", (document_key,))
        return [_version_row(r) for r in rows]

    def all_versions(self) -> dict[str, list[Version]]:
        """document key -> its versions, oldest first: the whole index in one query."""
        by_doc: dict[str, list[Version]] = {}
        for row in self._query("SELECT * FROM versions ORDER BY document_key, seq"):
            version = _version_row(row)
            by_doc.setdefault(version.document_key, []).append(version)
        return by_doc

    def versions_by_commit(self, commit_shas: Sequence[str]) -> list[Version]:
        """The indexed versions of these commits (unknown ones are left out), oldest first."""
        marks = ",".join("?" for _ in commit_shas)
        rows = self._query(
            f"SELECT * FROM versions WHERE commit_sha IN ({marks}) ORDER BY fetched_at, document_key",
            list(commit_shas),
        )
        return [_version_row(r) for r in rows]

    def changes_for(self, commit_sha: str) -> list[ClauseChange]:
        """The clause changes recorded for a version, in document order (empty for a first one),
        each with its ``section`` worked out again from its heading and text."""
        from dataclasses import replace

        from tracker.analysis.rendering import change_section  # (the section is not stored: derived)

        rows = self._query("SELECT * FROM changes WHERE commit_sha = ? ORDER BY n", (commit_sha,))
        changes = [ClauseChange.from_row(r) for r in rows]
        return [replace(c, section=change_section(c.heading, c.after or c.before or "", c.clause_id)) for c in changes]

    def change_labels(self) -> dict[str, list[dict[str, Any]]]:
        """commit sha -> the labels of its changes, in order (``kind``, ``material``,
        ``severity``, ``categories``, ``explanation``; no clause texts), for every version."""
        labels: dict[str, list[dict[str, Any]]] = {}
        for r in self.conn.execute(
            "SELECT commit_sha, kind, material, severity, categories, explanation FROM changes ORDER BY commit_sha, n"
        ):
            labels.setdefault(r[0], []).append({
                "kind": r[1] or "", "material": bool(r[2]), "severity": r[3] or "",
                "categories": categories_from_json(r[4]), "explanation": r[5] or "",
            })
        return labels

    def stored_analysis(self, commit_sha: str) -> Analysis | None:
        """The analysis recorded for a version against its predecessor (None for old rows)."""
        row = self._query(
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
        return [_version_row(r) for r in self._query(sql, args)]

    def documents(self) -> list[dict[str, Any]]:
        rows = self._query(
            "SELECT d.*, s.name AS service_name FROM documents d LEFT JOIN services s "
            "ON s.id = d.service_id ORDER BY d.key"
        )
        return [dict(r) for r in rows]

    def service_names(self) -> dict[str, str]:
        """Service id -> name: the archive's (recorded versions), else the name a run was given in
        its sources (``name_services``) for a service nothing was recorded of yet."""
        recorded = {r[0]: r[1] for r in self.conn.execute("SELECT id, name FROM services")}
        try:
            declared = json.loads(self.get_meta("declared_service_names") or "{}")
        except (ValueError, sqlite3.Error):
            declared = {}
        return {**declared, **recorded}

    # -- full-text search --------------------------------------------------------------------
    def search(self, query: str, *, service: str | None = None, category: str | None = None,
               since: str | None = None, limit: int = 50, material: bool = False) -> list[SearchHit]:
        """Clause changes whose text before or after, or explanation, match ``query``.

        ``query`` is SQLite full-text syntax: words (stemmed: "arbitrate" finds "arbitration"),
        "exact phrases", OR, NOT, prefix*, and ``column:word`` for before, after or explanation;
        hyphenated words (``non-refundable``) are searched as phrases.
        Filters: ``service`` id, ``category`` id (one of the change's categories), ``since``
        (ISO time; versions fetched at or after it), ``material`` (material changes only). Newest
        versions first, at most ``limit``.

        An empty ``query`` with a ``category``, ``service`` or ``since`` lists that filter's changes (the
        snippet is then the start of the clause as the version has it, the old text for a removed
        one).

        Raises ``SearchQueryError`` for a query SQLite cannot parse, or an empty one with no
        filter, and ``StoreError`` when the index has no full-text index (a SQLite build without
        FTS5 or FTS4).
        """
        listing = not query.strip()
        if listing and not (category or service or material or since):
            raise SearchQueryError("the search query is empty: give one or more words, or --category, "
                                   "--service, --material or --since alone to list their changes")
        row = self.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'changes_fts'").fetchone()
        if row is None and not listing:
            raise StoreError("this index has no full-text search: the SQLite build Python uses offers "
                             "neither FTS5 nor FTS4")
        fts5 = "fts5" in (row[0] or "").lower() if row is not None else False
        start, end = f"char({ord(MARK_START)})", f"char({ord(MARK_END)})"
        # one snippet per column (before, after, explanation; SEARCH_COLUMNS' order): the snippet
        # shown is the current text's, else the explanation's, and the old text's only when
        # nothing else matched, named as such (SQLite's best column may be the old text's)
        snippets = ", ".join(
            ("''" if listing else f"snippet(changes_fts, {i}, {start}, {end}, '…', 16)" if fts5
             else f"snippet(changes_fts, {start}, {end}, '…', {i}, 16)") + f" AS snippet_{column}"
            for i, column in enumerate(SEARCH_COLUMNS))
        sql = (f"SELECT v.service_id, COALESCE(s.name, v.service_id) AS service_name, v.document_type, "
               f"v.document_key, v.fetched_at, v.seq, v.commit_sha, c.kind, c.severity, c.material, "
               f"c.categories, c.clause_id, c.heading, c.explanation, {snippets}, "
               # the start of the clause's own text: a clause numbered "8.3 ..." is § 8.3, as in a diff
               f"substr(COALESCE(NULLIF(c.after, ''), c.before, ''), 1, 64) AS lead, "
               # the whole texts, for a snippet SQLite cut where a reader sees no match (_visible)
               f"c.after AS full_after, c.before AS full_before, c.explanation AS full_explanation "
               + ("FROM changes c " if listing else
                  "FROM changes_fts JOIN changes c ON c.rowid = changes_fts.rowid ")
               + "JOIN versions v ON v.commit_sha = c.commit_sha LEFT JOIN services s ON s.id = v.service_id "
               + ("WHERE 1" if listing else "WHERE changes_fts MATCH ?"))
        args: list[Any] = [] if listing else [_quote_hyphenated(query)]
        if service:
            sql += " AND v.service_id = ?"
            args.append(service)
        if category:  # categories is a JSON list of ids: match one whole quoted id
            sql += " AND instr(c.categories, ?) > 0"
            args.append(json.dumps(category))
        if since:
            sql += " AND v.fetched_at >= ?"
            args.append(since)
        if material:
            sql += " AND c.material"
        sql += " ORDER BY v.fetched_at DESC, v.document_key, v.seq DESC, c.n LIMIT ?"  # (a later version of one second first)
        args.append(limit)
        try:
            try:
                rows = self._query(sql, args).fetchall()
            except sqlite3.OperationalError:
                literal = _quote_punctuated(query)
                if listing or literal == args[0]:
                    raise
                # "U.S.", "opt-out:", "Settings > Data": words with punctuation SQLite reads as
                # syntax are what the user typed as text; quoted, they are searched as written
                args[0] = literal
                rows = self._query(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            message = str(exc)
            # The SQL around the query is fixed, so an error that is not about the file itself
            # comes from the query ("fts5: syntax error near", "unterminated string", ...).
            if not any(word in message for word in _FILE_ERRORS):
                if query.strip().upper().startswith("NOT "):
                    message = "NOT must come after a word it excludes from, e.g. 'arbitration NOT opt-out'"
                raise SearchQueryError(
                    f"bad search query {query!r}: {message}. Use words, \"exact phrases\", OR, NOT and "
                    "prefix*, and put words with punctuation in double quotes, e.g. '\"U.S.\" courts'"
                ) from None
            raise StoreError(f"search failed on the index {self.path}: {message}") from exc
        from tracker.analysis.rendering import section_label

        def best(r: sqlite3.Row) -> tuple[str, str]:
            for column in ("after", "explanation", "before"):
                text = r[f"snippet_{column}"] or ""
                if MARK_START in text:
                    return text, column
            # no column marked (a stemmed form): the current text, else the explanation, else the old
            for column in ("after", "explanation"):
                if r[f"snippet_{column}"]:
                    return r[f"snippet_{column}"], column
            return r["snippet_before"] or "", "before"

        if listing:
            picked = [_lead(r["full_after"], "after") if r["full_after"] else _lead(r["full_before"], "before")
                      for r in rows]
        else:
            picked = [(_visible(snippet, r[f"full_{column}"] or ""), column) for r, (snippet, column) in
                      ((r, best(r)) for r in rows)]
        later = [self._changed_again(r["document_key"], r["clause_id"] or "", r["fetched_at"]) for r in rows]
        return [
            SearchHit(
                service_id=r["service_id"], service_name=r["service_name"] or r["service_id"],
                document_type=r["document_type"], document_key=r["document_key"], fetched_at=r["fetched_at"],
                seq=r["seq"], commit_sha=r["commit_sha"], kind=r["kind"] or "", severity=r["severity"] or "",
                material=bool(r["material"]), categories=categories_from_json(r["categories"]),
                clause_id=r["clause_id"] or "", heading=r["heading"] or "", snippet=_phrase_end(snippet),
                explanation=r["explanation"] or "",
                section=section_label(r["heading"] or "", r["lead"] or "", r["clause_id"] or ""),
                snippet_from=column, changed_again=again,
            )
            for r, (snippet, column), again in zip(rows, picked, later)
        ]

    def _changed_again(self, document_key: str, clause_id: str, fetched_at: str) -> int:
        """The seq of the first version of ``document_key`` after ``fetched_at`` with a change of
        clause ``clause_id``, or 0 (none, or no clause id to follow)."""
        if not clause_id:
            return 0
        row = self._query(
            "SELECT v.seq FROM changes c JOIN versions v ON v.commit_sha = c.commit_sha "
            "WHERE v.document_key = ? AND c.clause_id = ? AND v.fetched_at > ? ORDER BY v.fetched_at LIMIT 1",
            [document_key, clause_id, fetched_at]).fetchone()
        return int(row[0]) if row else 0

    # -- confirmation of flaky pages -----------------------------------------------------------
    def set_pending(self, document_key: str, content_hash: str, seen: int, seen_at: str) -> None:
        """Store the count of consecutive runs an unrecorded text has been seen in. Commits."""
        self._db().table("pending").upsert(
            {"document_key": document_key, "content_hash": content_hash, "seen": seen, "first_seen": seen_at},
            pk="document_key",
        )
        self.conn.commit()

    def clear_pending(self, document_key: str) -> None:
        self._db().table("pending").delete_where("document_key = ?", [document_key])

    # -- pages that blink between variants ------------------------------------------------------
    def set_blink(self, document_key: str, variants: Iterable[str], absent: int, at: str) -> None:
        """Remember the texts (content hashes, most recent first) a page was seen alternating
        between, and the consecutive runs without its latest text (not committed here)."""
        self._db().table("blinks").upsert(
            {"document_key": document_key, "variants": json.dumps(list(variants)), "absent": absent, "at": at},
            pk="document_key")

    def clear_blink(self, document_key: str) -> None:
        """Forget that a page blinked (it changed for good; not committed here)."""
        self._db().table("blinks").delete_where("document_key = ?", [document_key])

    def blinks(self) -> dict[str, tuple[tuple[str, ...], int]]:
        """document key -> (variant content hashes, runs without the latest text) of the pages
        seen blinking."""
        return {r[0]: (tuple(json.loads(r[1] or "[]")), int(r[2] or 0)) for r in self.conn.execute(
            "SELECT document_key, variants, absent FROM blinks")}

    def runs_served(self, document_key: str) -> tuple[int, int] | None:
        """(runs in which the document's last-but-one version was what the page served, runs in
        which its latest version has been so far), counted from the checks table: the run that
        recorded a version and every later run that did not fail until the next version. None
        when either version was recorded by no check (imported from a history, or checks lost).
        One query per document: asked only of the rare document whose versions went X, Y, X."""
        commits = [r[0] for r in self.conn.execute(
            "SELECT commit_sha FROM versions WHERE document_key = ? ORDER BY seq DESC LIMIT 2", (document_key,))]
        if len(commits) < 2:
            return None
        rows = self.conn.execute(
            "SELECT commit_sha, outcome FROM checks WHERE document_key = ? AND run_id >= "
            "(SELECT MIN(run_id) FROM checks WHERE document_key = ? AND commit_sha = ?) ORDER BY run_id",
            (document_key, document_key, commits[1])).fetchall()
        if not rows or rows[0][0] != commits[1] or commits[0] not in {r[0] for r in rows}:
            return None
        at = [r[0] for r in rows].index(commits[0])
        served = [outcome not in ("failed", "skipped") for _, outcome in rows]
        return sum(served[:at]), sum(served[at:])

    # -- HTTP validators (conditional requests) ------------------------------------------------
    def http_cache(self) -> dict[str, sqlite3.Row]:
        """document key -> ETag / Last-Modified of the text with ``content_hash``, fetched with
        the settings summed up by ``fingerprint`` (a 304 only means "same bytes")."""
        return {r["document_key"]: r for r in self._query("SELECT * FROM http_cache")}

    def set_http_cache(self, rows: Iterable[dict[str, Any]]) -> None:
        """Upsert validators and the raw bytes' and region's hashes; a row with none of them deletes the entry.
        Commits."""
        keep: dict[str, dict[str, Any]] = {}
        drop: list[str] = []
        for row in rows:
            key = row["document_key"]
            if row.get("etag") or row.get("last_modified") or row.get("raw_hash"):
                keep[key] = {"document_key": key, "etag": row.get("etag"), "last_modified": row.get("last_modified"),
                             "content_hash": row["content_hash"], "fingerprint": row["fingerprint"],
                             "raw_hash": row.get("raw_hash"), "region_hash": row.get("region_hash")}
            else:
                keep.pop(key, None)
                drop.append(key)
        db = self._db()
        for start in range(0, len(drop), BATCH_SIZE):
            part = drop[start:start + BATCH_SIZE]
            db.table("http_cache").delete_where(f"document_key IN ({','.join('?' for _ in part)})", part)
        db.table("http_cache").upsert_all(keep.values(), pk="document_key", batch_size=BATCH_SIZE)
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
        self.set_fetch_settings_many({document_key: fingerprint})

    def set_fetch_settings_many(self, fingerprints: dict[str, str]) -> None:
        """Remember how each document's latest text was extracted (document key -> settings
        fingerprint), in one statement per ``BATCH_SIZE`` rows (not committed here)."""
        if fingerprints:
            self._db().table("fetch_settings").upsert_all(
                ({"document_key": key, "fingerprint": value} for key, value in fingerprints.items()),
                pk="document_key", batch_size=BATCH_SIZE)

    # -- document events (gone / back) -------------------------------------------------------
    def last_events(self) -> dict[str, sqlite3.Row]:
        """document key -> its latest event row ("gone" or "back")."""
        rows = self._query(
            "SELECT e.* FROM events e JOIN (SELECT document_key, MAX(id) AS id FROM events GROUP BY document_key) m "
            "ON m.id = e.id"
        )
        return {r["document_key"]: r for r in rows}

    def add_event(self, document_key: str, event: str, at: str, detail: str, run_id: int | None) -> None:
        self._db().table("events").insert(
            {"document_key": document_key, "event": event, "at": at, "detail": detail, "run_id": run_id}
        )

    def events(self, document_key: str | None = None) -> list[dict[str, Any]]:
        sql, args = "SELECT document_key, event, at, detail, run_id FROM events", []
        if document_key:
            sql += " WHERE document_key = ?"
            args.append(document_key)
        return [dict(r) for r in self._query(sql + " ORDER BY id", args)]

    def gone_since(self) -> dict[str, str]:
        """document key -> when it went gone (404/410), for documents gone right now."""
        return {k: r["at"] for k, r in self.last_events().items() if r["event"] == "gone"}

    def gone_reasons(self) -> dict[str, str]:
        """document key -> what the server answered when it went gone ("HTTP 404 Not Found"), for
        documents gone right now: a later check that could not connect at all says nothing of
        the page, so the answer that told it was gone is kept beside it."""
        return {k: r["detail"] or "" for k, r in self.last_events().items() if r["event"] == "gone"}

    def resolved_problems(self) -> list[dict[str, Any]]:
        """The problems that ended (a streak of failed or held checks followed by a fine check; one
        going on now does not hide them), at most ``RESOLVED_KEPT`` per document (its latest), by
        document key, newest first within a document: ``key``, ``outcome`` and ``error`` of the
        problem's last check, ``state`` ("failing", "held", or "gone" when a 404/410 of a recorded
        document was the problem), ``since`` (its first check, or the gone event), ``runs`` (checks
        in the streak, at most 1,000 looked back), and the first check after it: ``fine_outcome``,
        ``fine_at``."""
        out = []
        troubled = [r["document_key"] for r in self._query(
            "SELECT DISTINCT document_key FROM checks WHERE outcome IN ('failed', 'held') ORDER BY document_key")]
        for key in troubled:
            # the latest problems that ended: a failed or held check followed by a fine one (a
            # problem going on now, after an earlier one ended, leaves that earlier one resolved)
            checks = self._query("SELECT run_id, outcome, checked_at FROM checks WHERE document_key = ? "
                                 "ORDER BY run_id DESC LIMIT 5000", (key,)).fetchall()
            ends = [(older["run_id"], newer) for newer, older in zip(checks, checks[1:])
                    if older["outcome"] in ("failed", "held") and newer["outcome"] not in ("failed", "held")]
            for run_id, fine in ends[:RESOLVED_KEPT]:
                bad = self._query("SELECT outcome, error, checked_at FROM checks WHERE document_key = ? AND run_id = ?",
                                  (key, run_id)).fetchone()
                since, runs, first_run = bad["checked_at"], 1, run_id
                for older in self._query("SELECT outcome, checked_at, run_id FROM checks WHERE document_key = ? "
                                         "AND run_id < ? ORDER BY run_id DESC LIMIT 1000", (key, run_id)).fetchall():
                    if older["outcome"] != bad["outcome"]:
                        break
                    since, runs, first_run = older["checked_at"], runs + 1, older["run_id"]
                state = "held" if bad["outcome"] == "held" else "failing"
                gone = self._query("SELECT at FROM events WHERE document_key = ? AND event = 'gone' AND run_id "
                                   "BETWEEN ? AND ? ORDER BY id DESC LIMIT 1", (key, first_run, run_id)).fetchall()
                if gone and state == "failing":
                    state, since = "gone", gone[0]["at"]
                out.append({"key": key, "outcome": bad["outcome"], "error": bad["error"], "state": state,
                            "since": since, "runs": runs, "fine_outcome": fine["outcome"],
                            "fine_at": fine["checked_at"]})
        return out

    def attention(self) -> list[dict[str, Any]]:
        """Documents whose latest check failed or was held: key, outcome, reason, since when, in
        how many runs in a row (``runs``), and in how many of those, up to the latest, the server
        served the same page that is not the terms (``served_runs``: 0 unless the latest did).

        ``since`` is the first check of the current streak of that outcome, so it does not move
        from one run to the next while the problem lasts.
        """
        out = []
        for row in self._query(
            "SELECT c.* FROM checks c JOIN (SELECT document_key, MAX(run_id) AS run_id FROM checks "
            "GROUP BY document_key) m ON m.document_key = c.document_key AND m.run_id = c.run_id "
            "WHERE c.outcome IN ('failed', 'held') ORDER BY c.document_key"
        ).fetchall():
            since, errors = row["checked_at"], [row["error"]]
            for older in self.conn.execute(
                "SELECT outcome, checked_at, error FROM checks WHERE document_key = ? AND run_id < ? "
                "ORDER BY run_id DESC LIMIT 1000", (row["document_key"], row["run_id"])
            ):
                if older[0] != row["outcome"]:
                    break
                since = older[1]
                errors.append(older[2])
            out.append({"document": row["document_key"], "outcome": row["outcome"], "reason": row["error"] or "",
                        "since": since, "last_checked": row["checked_at"], "http_status": row["http_status"],
                        "runs": len(errors), "served_runs": _served_streak(errors)})
        return out

    # -- runs --------------------------------------------------------------------------------
    def start_run(self, started_at: str) -> int:
        """Record the start of a run; return its id. Commits."""
        table = self._db().table("runs").insert({"started_at": started_at})
        self.conn.commit()
        return int(table.last_pk or 0)

    def finish_run(self, run_id: int, finished_at: str, counts: dict[str, int]) -> None:
        """Record the end of a run and its counts. Commits."""
        self._db().table("runs").update(run_id, {
            "finished_at": finished_at,
            **{name: counts.get(name, 0) for name in ("checked", "new", "changed", "unchanged", "failed")},
        })
        self.conn.commit()

    def name_services(self, names: dict[str, str]) -> None:
        """Remember the declared names of services (service id -> name, from the sources a run
        checked), so a document never recorded (failing or held from its first check) is called by
        its service's name in the attention feed, not by its id. Kept in ``meta`` (key
        ``declared_service_names``, a JSON object), not in the derived ``services`` table: a
        ``reindex`` rebuilds that from the archive alone. Commits."""
        self._db()  # the schema is in place (a run on a new store may check before it records)
        known = json.loads(self.get_meta("declared_service_names") or "{}")
        merged = {**known, **{k: v for k, v in names.items() if k and v}}
        if merged != known:
            self.set_meta("declared_service_names", json.dumps(merged, sort_keys=True))
            self.conn.commit()

    def add_checks(self, rows: Iterable[dict[str, Any]]) -> None:
        """Record what a run did with each document (``checks`` rows). Commits."""
        self._db().table("checks").upsert_all(list(rows), pk=("run_id", "document_key"), batch_size=BATCH_SIZE)
        self.conn.commit()

    def latest_recording_run(self) -> int | None:
        """The number of the latest run that recorded a version, or None (none did)."""
        row = self.conn.execute("SELECT MAX(run_id) FROM checks WHERE commit_sha IS NOT NULL").fetchone()
        return row[0] if row and row[0] is not None else None

    def run_commits(self, run_id: int | None = None) -> list[str]:
        """Commits recorded by a run (default: the latest run that recorded anything), by document key.

        A run with no checks written (one killed before it wrote them, by a tracker that did not yet
        write a stopped run's record) is read by time: the versions fetched between its start and the
        next run's. Raises NotFoundError when ``run_id`` names no run of the ``runs`` log."""
        if run_id is None:
            run_id = self.latest_recording_run() or -1
        elif self.conn.execute("SELECT 1 FROM checks WHERE run_id = ? LIMIT 1", (run_id,)).fetchone() is None:
            started = self.conn.execute("SELECT started_at FROM runs WHERE id = ?", (run_id,)).fetchone()
            if started is None or not started[0]:
                low, high = self.conn.execute("SELECT MIN(id), MAX(id) FROM runs").fetchone()
                known = ("no run is recorded yet" if low is None else f"runs {low} to {high} are recorded"
                         if not low <= run_id <= high else f"runs {low} to {high} are recorded, this one is not "
                         "in the log of runs")
                raise NotFoundError(f"no run {run_id} in this archive ({known})")
            following = self.conn.execute("SELECT MIN(started_at) FROM runs WHERE id > ?", (run_id,)).fetchone()
            # (times are to the second: a version another run's checks name is that run's)
            sql, args = ("SELECT commit_sha FROM versions WHERE fetched_at >= ? AND commit_sha NOT IN (SELECT "
                         "commit_sha FROM checks WHERE commit_sha IS NOT NULL AND run_id != ?)", [started[0], run_id])
            if following and following[0]:
                sql += " AND fetched_at < ?"
                args.append(following[0])
            return [r[0] for r in self.conn.execute(sql + " ORDER BY document_key, seq", args)]
        return [r[0] for r in self.conn.execute(
            "SELECT commit_sha FROM checks WHERE run_id = ? AND commit_sha IS NOT NULL ORDER BY document_key",
            (run_id,))]

    def last_check_of_service(self, service_id: str) -> dict[str, Any] | None:
        """The latest ``checks`` row (document_key, outcome, error, checked_at) of any document of
        ``service_id`` (its exact id), or None when no run has checked one: tells a service that
        is declared and checked but has no version yet from one never heard of."""
        escaped = service_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        row = self._query(
            "SELECT document_key, outcome, error, checked_at FROM checks WHERE document_key LIKE ? ESCAPE '\\' "
            "ORDER BY run_id DESC, document_key LIMIT 1", (f"{escaped}/%",)).fetchone()
        return dict(row) if row is not None else None

    def status(self) -> list[dict[str, Any]]:
        """Per document: last check, its outcome and how many runs in a row it has failed."""
        docs = {d["key"]: d for d in self.documents()}
        last = self._query(
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
                errors = self._failing_errors(key)
                entry["failing_runs"], entry["served_runs"] = len(errors), _served_streak(errors)
        return [out[k] for k in sorted(out)]

    def _failing_errors(self, key: str) -> list[str | None]:
        """The errors of the failed checks in a row up to the latest (newest first, at most 100)."""
        errors = []
        for row in self.conn.execute(
            "SELECT outcome, error FROM checks WHERE document_key = ? ORDER BY run_id DESC LIMIT 100", (key,)
        ):
            if row[0] != "failed":
                break
            errors.append(row[1])
        return errors


def _served_streak(errors: Sequence[str | None]) -> int:
    """How many of ``errors`` (newest first) in a row say the server served the same page that is
    not the terms as the newest ("a login page"): a streak of failures with mixed causes (two
    timeouts, then a login page) is "served a login page for 1 run", not for 3. 0 when the newest
    is another kind of failure."""
    from tracker.fetch.guards import served_instead

    served = served_instead(errors[0]) if errors else None
    if served is None:
        return 0
    streak = 0
    for error in errors:
        if served_instead(error) != served:
            break
        streak += 1
    return streak


_HYPHENATED = re.compile(r"(?<![\w-])(\w+(?:-\w+)+)(\*?)(?![\w*:-])")


def _quote_hyphenated(query: str) -> str:
    """``non-refundable`` -> ``"non-refundable"`` outside quoted phrases: SQLite's query syntax
    reads the hyphen as an operator, while terms are full of such words."""
    parts = query.split('"')
    parts[::2] = [_HYPHENATED.sub(r'"\1"\2', part) for part in parts[::2]]
    return '"'.join(parts)


_OPERATORS = frozenset(("OR", "AND", "NOT", "NEAR"))
# (a word, prefix*, or column:word with any column: an unknown column stays SQLite's error)
_PLAIN_TERM = re.compile(r"(?:\w+:)?\w+\*?")
_COLUMN = re.compile(r"(before|after|explanation):(.+)")


def _quote_punctuated(query: str) -> str:
    """``query`` with every word outside quoted phrases that holds punctuation quoted as a phrase
    (``U.S.`` -> ``"U.S."``, ``after:opt-out:`` -> ``after:"opt-out:"``); operators, plain words,
    ``prefix*``, ``column:word`` and parentheses are kept. What ``Index.search`` tries when SQLite
    cannot parse the query as given."""
    def quote(match: re.Match[str]) -> str:
        term = match.group(0)
        if term in _OPERATORS or _PLAIN_TERM.fullmatch(term):
            return term
        column = _COLUMN.fullmatch(term)
        return f'{column[1]}:"{column[2]}"' if column else f'"{term}"'

    parts = query.split('"')
    parts[::2] = [re.sub(r'[^\s()"]+', quote, part) for part in parts[::2]]
    return '"'.join(parts)


_SCALARS = frozenset((str, int, float, bytes, bool, type(None)))  # none of them is stored as JSON


def _upsert(conn: sqlite3.Connection, table: str, rows: Iterable[dict[str, Any]], pk: str) -> None:
    """Insert ``rows``, or set the columns they give where their key exists already: what
    sqlite-utils' ``upsert_all`` writes, in one prepared ``executemany`` per set of columns
    (a history import writes ~40,000 versions and 1.5 million clause changes: building each
    chunk's SQL and converting every value in Python cost more than SQLite's own work).
    Lists, tuples and dicts are stored as JSON, as sqlite-utils does."""
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for row in rows:
        columns = tuple(row)
        cells = tuple(row.values())
        # The types of a row's values, found in C: a row of plain scalars (nearly every one) is
        # taken as it is, without a Python test per value (1.5 million values per history import).
        if not _SCALARS.issuperset(map(type, cells)):
            cells = tuple(json.dumps(v, default=repr, ensure_ascii=False) if isinstance(v, (dict, list, tuple)) else v
                          for v in cells)
        groups.setdefault(columns, []).append(cells)
    for columns, values in groups.items():
        names = ", ".join(f'"{c}"' for c in columns)
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != pk)
        conflict = f"UPDATE SET {updates}" if updates else "NOTHING"
        conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" for _ in columns)}) '
                         f'ON CONFLICT("{pk}") DO {conflict}', values)


def _change_rows(commit_sha: str, document_key: str, changes: Sequence[ClauseChange]) -> list[dict[str, Any]]:
    """The ``changes`` rows of one version: the one place a clause change becomes a row."""
    return [{**change.to_row(), "id": f"{commit_sha}:{n}", "commit_sha": commit_sha, "document_key": document_key,
             "n": n} for n, change in enumerate(changes)]


def _version_row(r: sqlite3.Row) -> Version:
    """A ``versions`` row as a typed record (kept for callers of the former helper)."""
    return Version.from_row(r)
