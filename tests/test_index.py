"""The SQLite index: schema version and migrations, foreign keys, read paths without sqlite-utils.

Real git archives recorded and indexed by the library, real SQLite files.
"""

from __future__ import annotations

import ast
import json
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

import tracker
from tracker.archive import Index, NewVersion, Store
from tracker.archive.record import index_commits
from tracker.archive.schema import SCHEMA_VERSION, SEARCH_VERSION
from tracker.cli.app import cli

# The schema as the tracker wrote it before this module used sqlite-utils (tracker/archive/index.py
# at commit b6b47aa), copied verbatim: files made by that code must open and migrate.
OLD_SCHEMA = """
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

# Before that, files had no versions.unchanged / versions.length / http_cache.raw_hash (the old
# code added them with ALTER TABLE on open; the new code adds them in migration 1).
OLDER_SCHEMA = (OLD_SCHEMA.replace(",\n    unchanged INTEGER, length INTEGER", "")
                .replace(", fingerprint TEXT,\n    raw_hash TEXT", ", fingerprint TEXT"))

DERIVED = ("services", "documents", "versions", "changes")
CLAUSE = "Section {i}. Members may keep up to {n} projects for {d} days; disputes go to the courts of {c}."


def text(version: int) -> str:
    city = "Dublin" if version < 2 else "Paris"
    return "\n\n".join(["# Larkspur terms"] + [CLAUSE.format(i=i, n=version if i == 1 else i, d=30 + i, c=city)
                                               for i in range(4)]) + "\n"


def record(store: Store, index: Index | None, doc: str, version: int) -> None:
    when = datetime(2025, 1, 1 + version, 9, tzinfo=timezone.utc)
    store.record([NewVersion("larkspur", "Larkspur Cloud", doc, text(version), b"", "md", "https://l.example/t",
                             "https://l.example/t", when, 200, "text/markdown", "1",
                             "first" if version == 0 else "changed")])
    if index is not None:
        index_commits(store, index, store.commits(since=index.get_meta("indexed_head")))


def build(root: Path) -> Store:
    """Two documents with three versions each, recorded and indexed by the library."""
    store = Store(root)
    store.init()
    with Index(store.index_path) as index:
        for version in range(3):
            for doc in ("Terms", "Privacy"):
                record(store, index, doc, version)
    return store


def dump(path: Path, tables=DERIVED) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}"))) for t in tables}
    finally:
        conn.close()


def as_old_code_left(rows: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """``rows`` as an index of the old code holds them after migration: versions' last column,
    ``analysis_version`` (schema 5), empty: the old code did not say which analysis labelled them."""
    return {t: [(*r[:-1], None) for r in data] if t == "versions" else data for t, data in rows.items()}


def rewrite_with_old_schema(path: Path, schema_sql: str) -> None:
    """Replace the index file by one made with ``schema_sql`` holding the same rows (every column the
    old schema has), plus a run, its checks and HTTP validators, as the old code would have left."""
    new = sqlite3.connect(path)
    new.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    rows = {t: (new.execute(f"SELECT * FROM {t}").description, new.execute(f"SELECT * FROM {t}").fetchall())
            for t in (*DERIVED, "meta")}
    new.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    old = sqlite3.connect(path)
    old.executescript(schema_sql)
    for table, (description, data) in rows.items():
        have = {r[1] for r in old.execute(f"PRAGMA table_info({table})")}
        names = [d[0] for d in description]
        keep = [i for i, name in enumerate(names) if name in have]
        cols = ", ".join(names[i] for i in keep)
        marks = ", ".join("?" for _ in keep)
        old.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})",
                        [[row[i] for i in keep] for row in data if table != "meta" or row[0] != "schema_version"])
    old.execute("INSERT INTO runs (started_at, finished_at, checked, new, changed, unchanged, failed) "
                "VALUES ('2025-01-04T09:00:00Z', '2025-01-04T09:00:05Z', 2, 0, 2, 0, 0)")
    old.execute("INSERT INTO checks VALUES (1, 'larkspur/Terms', '2025-01-04T09:00:05Z', 'changed', 200, NULL, 12, "
                "NULL)")
    old.execute("INSERT INTO http_cache (document_key, etag, last_modified, content_hash, fingerprint) "
                "VALUES ('larkspur/Terms', '\"abc\"', NULL, 'h', 'f')")
    old.commit()
    old.close()


def schema_of(path: Path) -> tuple[int, dict[str, set[tuple[str, str, str]]], str | None]:
    conn = sqlite3.connect(path)
    try:
        version = int(conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
        fks = {t: {(r[3], r[2], r[4]) for r in conn.execute(f"PRAGMA foreign_key_list({t})")} for t in DERIVED}
        fts = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'changes_fts'").fetchone()
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return version, fks, fts[0] if fts else None
    finally:
        conn.close()


EXPECTED_FKS = {
    "services": set(),
    "documents": {("service_id", "services", "id")},
    "versions": {("document_key", "documents", "key")},
    "changes": {("commit_sha", "versions", "commit_sha"), ("document_key", "documents", "key")},
}


def cli_json(root: Path, *args: str) -> object:
    result = CliRunner().invoke(cli, ["--store", str(root), *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_a_new_index_has_the_current_schema(tmp_path):
    store = build(tmp_path / "store")
    version, fks, fts = schema_of(store.index_path)
    assert version == SCHEMA_VERSION == 6
    assert fks == EXPECTED_FKS
    assert fts is not None and "fts5" in fts.lower() and "porter" in fts


def test_an_index_of_schema_3_gains_the_region_hash(tmp_path):
    store = build(tmp_path / "store")
    conn = sqlite3.connect(store.index_path)
    with conn:
        conn.execute("ALTER TABLE http_cache DROP COLUMN region_hash")
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    conn.close()
    with Index(store.index_path) as index:
        index.set_http_cache([{"document_key": "larkspur/Terms", "etag": None, "last_modified": None,
                               "content_hash": "c", "fingerprint": "f", "raw_hash": "r", "region_hash": "g"}])
        assert index.http_cache()["larkspur/Terms"]["region_hash"] == "g"
    assert schema_of(store.index_path)[0] == SCHEMA_VERSION == 6


@pytest.mark.parametrize("schema_sql", [OLD_SCHEMA, OLDER_SCHEMA], ids=["old", "older"])
def test_an_index_made_by_the_old_code_opens_and_migrates(tmp_path, schema_sql):
    root = tmp_path / "store"
    store = build(root)
    rows = dump(store.index_path)
    history = cli_json(root, "history", "larkspur")
    found = cli_json(root, "search", "Paris")
    assert len(found) == 8  # 4 clauses changed in each of 2 documents
    rewrite_with_old_schema(store.index_path, schema_sql)
    assert schema_of_old(store.index_path) == (0, None)

    with Index(store.index_path) as index:
        assert index.get_meta("indexed_head") is not None  # nothing to catch up: no reindex
        assert index.http_cache()["larkspur/Terms"]["etag"] == '"abc"'
        assert index.status()[1]["last_outcome"] == "changed"
    assert cli_json(root, "search", "Paris") == found
    version, fks, fts = schema_of(store.index_path)
    assert (version, fks) == (SCHEMA_VERSION, EXPECTED_FKS) and fts is not None
    migrated = dump(store.index_path)
    if schema_sql is OLD_SCHEMA:
        assert migrated == as_old_code_left(rows)
    else:  # the columns the older files lacked are there, empty for old rows, as the old code left them
        assert {t: len(r) for t, r in migrated.items()} == {t: len(r) for t, r in rows.items()}
        with Index(store.index_path) as index:
            assert index.latest_length("larkspur/Terms") is None
            assert index.stored_analysis(index.version_rows("larkspur/Terms")[-1].commit_sha) is None
    assert cli_json(root, "history", "larkspur") == history

    # and it is written to like any index: foreign keys enforced, the search index kept current
    with Index(store.index_path) as index:
        record(store, index, "Terms", 3)
    assert [v["seq"] for v in cli_json(root, "history", "larkspur", "Terms")] == [1, 2, 3, 4]
    assert {h["seq"] for h in cli_json(root, "search", "projects", "--service", "larkspur")} >= {4}
    schema_of(store.index_path)  # foreign_key_check: nothing dangling
    conn = sqlite3.connect(store.index_path)
    conn.execute("INSERT INTO changes_fts(changes_fts) VALUES('integrity-check')")
    conn.close()


def schema_of_old(path: Path) -> tuple[int, str | None]:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        fts = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'changes_fts'").fetchone()
        return (int(row[0]) if row else 0), fts
    finally:
        conn.close()


def test_two_processes_opening_an_old_index_at_once_migrate_it_once(tmp_path):
    store = build(tmp_path / "store")
    rows = dump(store.index_path)
    rewrite_with_old_schema(store.index_path, OLD_SCHEMA)
    code = "import sys; from tracker.archive import Index; Index(sys.argv[1]).close()"
    root = Path(tracker.__file__).parent.parent
    procs = [subprocess.Popen([sys.executable, "-c", code, str(store.index_path)], cwd=root,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    assert schema_of(store.index_path)[:2] == (SCHEMA_VERSION, EXPECTED_FKS)
    assert dump(store.index_path) == as_old_code_left(rows)
    conn = sqlite3.connect(store.index_path)
    assert conn.execute("SELECT COUNT(*) FROM changes_fts").fetchone() == conn.execute(
        "SELECT COUNT(*) FROM changes").fetchone()
    conn.close()


def test_an_index_without_its_search_table_gains_it_on_open(tmp_path):
    """The state a crash leaves between reindex dropping the full-text index and making it again
    (and that of an index from before full-text search): the next open builds it."""
    store = build(tmp_path / "store")
    conn = sqlite3.connect(store.index_path)
    conn.executescript("DROP TABLE changes_fts; DROP TRIGGER changes_ai; DROP TRIGGER changes_ad; "
                       f"DROP TRIGGER changes_au; UPDATE meta SET value = '{SEARCH_VERSION - 1}' "
                       "WHERE key = 'schema_version';")
    conn.close()
    found = cli_json(tmp_path / "store", "search", "Paris")
    assert {h["document_type"] for h in found} == {"Terms", "Privacy"}
    assert schema_of(store.index_path)[0] == SCHEMA_VERSION


def test_reindex_gives_the_same_rows_and_search_index(tmp_path):
    store = build(tmp_path / "store")
    before = dump(store.index_path, (*DERIVED, "changes_fts"))
    assert CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "reindex"]).exit_code == 0
    assert dump(store.index_path, (*DERIVED, "changes_fts")) == before
    assert schema_of(store.index_path)[0] == SCHEMA_VERSION


def test_an_index_from_a_newer_tracker_is_refused(tmp_path):
    store = build(tmp_path / "store")
    conn = sqlite3.connect(store.index_path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "history", "larkspur"])
    assert result.exit_code == 3
    assert "newer tracker (schema 99" in result.output and "Traceback" not in result.output


def test_read_commands_do_not_load_sqlite_utils(tmp_path):
    """`tracker history` on a current index must keep its start-up: sqlite-utils loads on writes only."""
    build(tmp_path / "store")
    code = ("import sys, atexit; atexit.register(lambda: print('sqlite_utils' in sys.modules, 'numpy' in sys.modules,"
            " file=sys.stderr)); from tracker.cli import main; sys.argv = ['tracker', '--store', sys.argv[1], "
            "*sys.argv[2:]]; main()")
    root = Path(tracker.__file__).parent.parent
    for args in (["history", "larkspur"], ["search", "Paris"], ["diff", "larkspur", "Terms"]):
        proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "store"), *args], cwd=root,
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr.strip().splitlines()[-1] == "False False", (args, proc.stderr)


def test_only_the_index_talks_to_sqlite():
    """One home for SQL: every other module calls named Index methods (no sqlite3 or sqlite-utils
    import, no connection, no execute)."""
    package = Path(tracker.__file__).parent
    allowed = {package / "archive" / "index.py", package / "archive" / "schema.py"}
    offenders = []
    for path in sorted(package.rglob("*.py")):
        if path in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] in ("sqlite3", "sqlite_utils") for n in names) or (
                    isinstance(node, ast.Attribute) and node.attr in ("conn", "execute", "executemany", "executescript")):
                offenders.append(f"{path.relative_to(package)}:{node.lineno}")
    assert offenders == []


def test_a_batch_is_stored_with_deltas_at_most_one_deep_and_reads_back(tmp_path):
    """fast-import deltifies each blob against the one written before it; chains across the
    documents of a batch would make every read replay them, so they are at most one deep."""
    store = Store(tmp_path / "store")
    when = datetime(2026, 1, 1, tzinfo=timezone.utc)
    body = "".join(f"<p>Clause {i}: the customer keeps every right described in section {i}.</p>" for i in range(200))
    versions = [NewVersion("larkspur", "Larkspur Cloud", f"Doc {n}", f"# Doc {n}\n\n{body}\n", body.encode(), "html",
                           "https://l.example/t", "https://l.example/t", when, 200, "text/html", "2")
                for n in range(40)]  # over fast-import's unpack limit (100 objects): a pack
    shas = store.record(versions)
    assert [store.read(sha, v.path) for sha, v in zip(shas, versions)] == [v.text for v in versions]
    pack = next((store.archive / ".git" / "objects" / "pack").glob("*.idx"))
    out = subprocess.run(["git", "verify-pack", "-v", str(pack)], cwd=store.archive, capture_output=True,
                         text=True, check=True).stdout
    depths = [int(line.split()[5]) for line in out.splitlines() if " blob " in line and len(line.split()) >= 7]
    assert depths and max(depths) == 1  # deltas there are (a page's HTML against its text), one deep


def test_reader_leaves_indexing_to_the_writer_that_holds_the_run_lock(tmp_path):
    """A read command run while another process's run or import holds the store's run lock does
    not index that writer's commits itself (the two would race and leave the index pointing at
    wrong versions, as a user saw polling `history` during an import); once the lock is free, the
    next read catches the index up."""
    from tracker.api import Archive
    from tracker.archive.lock import LOCK_NAME

    store = build(tmp_path / "store")
    record(store, None, "Terms", 3)  # committed by the "writer", not indexed yet
    with Index(store.index_path) as index:
        before = (index.get_meta("indexed_head"), index.version_count())
    assert before[0] != store.head()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT); "
         "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)", str(store.root / LOCK_NAME)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = CliRunner().invoke(cli, ["--store", str(store.root), "history", "larkspur", "Terms"])
        assert result.exit_code == 0, result.output
        with Archive(store.root) as archive:
            assert archive.index.get_meta("indexed_head") == before[0]
        with Index(store.index_path) as index:
            assert (index.get_meta("indexed_head"), index.version_count()) == before
    finally:
        holder.kill()
        holder.wait()
    with Archive(store.root) as archive:  # the lock is free: the reader catches up
        assert archive.index.get_meta("indexed_head") == store.head()
        assert archive.index.version_count() == before[1] + 1
