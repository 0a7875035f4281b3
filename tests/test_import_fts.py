"""The full-text index during a history import: filled once at the end instead of row by row,
complete after an interrupted import as soon as any command opens the index again."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from histories import make_history

from tracker.archive.index import Index
from tracker.archive.schema import SCHEMA_VERSION, stored_version
from tracker.archive.store import Store
from tracker.ota.history import import_history

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("refundable", "courts", "Lyon", "advertising", "notice", "fee", "section", "warning", "credits",
         '"class action"', "affiliat*", "after:Dublin", "explanation:fee")


def fts_rows(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM changes_fts").fetchone()[0])
    finally:
        conn.close()


def assert_complete(path: Path) -> None:
    """The full-text index holds every clause change and agrees with the table (FTS5's own check)."""
    conn = sqlite3.connect(path)
    try:
        assert stored_version(conn) == SCHEMA_VERSION
        changes = conn.execute("SELECT COUNT(*) FROM changes").fetchone()[0]
        assert changes > 0
        fts5 = "fts5" in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'changes_fts'").fetchone()[0].lower()
        if fts5:  # raises "database disk image is malformed" when the index and the table disagree
            conn.execute("INSERT INTO changes_fts(changes_fts, rank) VALUES ('integrity-check', 1)")
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"changes_ai", "changes_ad", "changes_au"} <= triggers  # kept current again afterwards
    finally:
        conn.close()
    assert fts_rows(path) == changes


def searches(index: Index) -> dict[str, list[dict[str, object]]]:
    return {word: [hit.to_dict() for hit in index.search(word, limit=500)] for word in WORDS}


def triggered_copy(src: Path, dest: Path) -> None:
    """The same rows written into a new index through its triggers: the reference search index."""
    Index(dest).close()
    conn = sqlite3.connect(dest)
    try:
        conn.execute("ATTACH ? AS src", (str(src),))
        with conn:
            for table in ("services", "documents", "versions", "changes"):
                conn.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table}")
    finally:
        conn.close()


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_history(tmp_path_factory.mktemp("src") / "versions", commits=30)


def test_deferred_import_searches_like_triggers(history: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    store.init()
    with Index(store.index_path) as index:
        result = import_history(store, index, history, batch=4)
        assert result.versions > 10
    assert_complete(store.index_path)
    reference = tmp_path / "reference.sqlite"
    triggered_copy(store.index_path, reference)
    with Index(store.index_path) as index, Index(reference) as ref:
        got, want = searches(index), searches(ref)
    assert sum(len(hits) for hits in want.values()) > 20
    assert got == want


def test_killed_import_leaves_an_index_the_next_command_completes(history: Path, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    # a real process killed (no clean-up at all) once a few batches are committed
    script = textwrap.dedent(f"""
        import os
        import sqlite3
        from pathlib import Path
        from tracker.archive.index import Index
        from tracker.archive.store import Store
        from tracker.ota.history import import_history

        store = Store(Path({str(store_dir)!r}))
        store.init()

        def progress(result):
            # killed once a few batches are committed (as another process sees the file)
            conn = sqlite3.connect(store.index_path)
            if conn.execute("SELECT COUNT(DISTINCT commit_sha) FROM changes").fetchone()[0] >= 3:
                os._exit(9)
            conn.close()

        with Index(store.index_path) as index:
            import_history(store, index, Path({str(history)!r}), batch=2, progress=progress)
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    killed = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300)
    assert killed.returncode == 9, killed.stderr
    index_path = Store(store_dir).index_path
    conn = sqlite3.connect(index_path)
    try:
        assert stored_version(conn) < SCHEMA_VERSION  # the marker: the search index is to be rebuilt
        assert conn.execute("SELECT COUNT(*) FROM changes").fetchone()[0] > 0
        assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'changes_fts'").fetchone() is None
    finally:
        conn.close()
    # the next command, whichever: here a search through the CLI
    searched = subprocess.run([sys.executable, "-m", "tracker", "--store", str(store_dir), "search", "fee"],
                              env=env, capture_output=True, text=True, timeout=300)
    assert searched.returncode in (0, 1), searched.stderr  # 1: no match is a valid answer
    assert_complete(index_path)
    # and the import, run again, finishes the history with a complete index
    with Index(index_path) as index:
        import_history(Store(store_dir), index, history, batch=2)
    assert_complete(index_path)


def test_failed_import_rolls_back_and_rebuilds(history: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    store.init()

    def progress(result: object) -> None:
        conn = sqlite3.connect(store.index_path)
        try:
            if conn.execute("SELECT COUNT(DISTINCT commit_sha) FROM changes").fetchone()[0] >= 3:
                raise RuntimeError("stop here")
        finally:
            conn.close()

    with Index(store.index_path) as index:
        with pytest.raises(RuntimeError, match="stop here"):
            import_history(store, index, history, batch=2, progress=progress)
        # the same connection searches at once: the index was rebuilt on the way out
        assert index.search("fee", limit=500) is not None
    assert_complete(store.index_path)


def test_small_import_into_a_large_index_keeps_the_triggers(history: Path, tmp_path: Path) -> None:
    """An import much smaller than the index writes through the triggers (no full refill)."""
    store = Store(tmp_path / "store")
    store.init()
    tip = subprocess.run(["git", "rev-parse", "HEAD~1"], cwd=history, capture_output=True, text=True,
                         check=True).stdout.strip()
    with Index(store.index_path) as index:
        import_history(store, index, history, rev=tip)
    conn = sqlite3.connect(store.index_path)
    before = conn.execute("SELECT rowid FROM sqlite_master WHERE name = 'changes_fts'").fetchone()
    conn.close()
    with Index(store.index_path) as index:
        import_history(store, index, history)
    conn = sqlite3.connect(store.index_path)
    after = conn.execute("SELECT rowid FROM sqlite_master WHERE name = 'changes_fts'").fetchone()
    conn.close()
    assert before == after  # the same table, not dropped and made again
    assert_complete(store.index_path)
