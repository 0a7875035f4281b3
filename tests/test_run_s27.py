"""Session 27 (issue 14): a run's new versions written to git as they are settled.

``Store.open_import`` feeds one ``git fast-import`` version by version (``ImportStream``), and
``Recorder.stage`` does it from the run's git thread, so that recording a batch at the run's end
waits only for git to close it. The commits must be those ``Store.record`` writes for the same
versions; a stream that is not finished must move no branch. Real git repositories and a real
index in temporary folders; the services and their terms are invented.
"""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tracker.archive.index import Index
from tracker.archive.record import Recorder, Recorded
from tracker.archive.store import ImportStream, NewVersion, Store
from tracker.errors import StoreError

CLAUSE = "Section {i}. Ferncastle members may store up to {n} boards for {d} days; refunds within {r} days."


def _text(revision: int) -> str:
    return "\n\n".join(["# Ferncastle Boards terms"] + [
        CLAUSE.format(i=i, n=10 + (revision if i == 2 else 0), d=30 + i, r=14) for i in range(5)]) + "\n"


def _version(doc: str, revision: int, kind: str) -> NewVersion:
    when = datetime(2026, 3, 1 + revision, 8, 30, tzinfo=timezone.utc)
    text = _text(revision)
    raw = f"<html><body><main>{text}</main><p>rev {revision}</p></body></html>".encode()
    return NewVersion("ferncastle", "Ferncastle Boards", doc, text, raw, "html", "https://f.example/t",
                      "https://f.example/t", when, 200, "text/html", "4", kind)


def _git(store: Store, *args: str) -> str:
    return subprocess.run(["git", "-C", str(store.archive), *args], check=True, capture_output=True,
                          text=True).stdout


def _seeded(root: Path) -> Store:
    """A store with one first version of two documents, recorded the usual way."""
    store = Store(root)
    store.record([_version("Terms", 0, "first"), _version("Privacy", 0, "first")])
    return store


def _changes() -> list[NewVersion]:
    return [_version("Terms", 1, "changed"), _version("Privacy", 2, "changed")]


def test_a_streamed_batch_writes_the_commits_record_writes(tmp_path: Path) -> None:
    plain, streamed = _seeded(tmp_path / "a"), _seeded(tmp_path / "b")
    assert plain.head() == streamed.head()
    shas = plain.record(_changes(), checkout=False)
    stream = streamed.open_import()
    for version in _changes():
        stream.add(version)
    assert streamed.head() != plain.head()  # nothing moves before the stream is finished
    assert stream.finish() == shas
    assert streamed.head() == shas[-1]
    assert _git(streamed, "log", "-p", "--format=%H%n%B") == _git(plain, "log", "-p", "--format=%H%n%B")
    assert not (streamed.archive / ".git" / ImportStream.MARKS).exists()
    streamed.checkout_if_stale()  # (finish leaves the work tree behind, as record(checkout=False))
    assert (streamed.archive / "ferncastle" / "Terms.md").read_text(encoding="utf-8") == _text(1)


def test_an_aborted_stream_moves_no_branch(tmp_path: Path) -> None:
    store = _seeded(tmp_path)
    head = store.head()
    stream = store.open_import()
    stream.add(_changes()[0])
    stream.abort()
    assert store.head() == head
    assert _git(store, "log", "--format=%s").count("\n") == 2
    stream.add(_changes()[1])  # (ignored once aborted)
    assert stream.count == 1


def test_a_stream_that_just_ends_moves_no_branch(tmp_path: Path) -> None:
    """The run killed while git still reads its stream: git sees the stream end without its
    "done" and leaves the branch where it was."""
    store = _seeded(tmp_path)
    head = store.head()
    stream = store.open_import()
    stream.add(_changes()[0])
    assert stream.proc is not None and stream.proc.stdin is not None
    stream.proc.stdin.close()
    assert stream.proc.wait() != 0
    assert store.head() == head


def test_a_stream_whose_git_fails_raises_on_finish(tmp_path: Path) -> None:
    store = _seeded(tmp_path)
    head = store.head()
    stream = store.open_import()
    stream.add(_changes()[0])
    assert stream.proc is not None
    stream.proc.kill()  # git gone mid-batch
    stream.proc.wait()
    stream.add(_changes()[1])
    with pytest.raises(StoreError, match="fast-import"):
        stream.finish()
    assert store.head() == head


def test_a_stream_that_could_not_write_a_version_stops_git_on_finish(tmp_path: Path) -> None:
    """A version that could not be written (here: a message that cannot be encoded) fails the
    batch: git, still waiting for the rest of its stream, is stopped, and the branch stays."""
    store = _seeded(tmp_path)
    head = store.head()
    stream = store.open_import()
    stream.add(_changes()[0])
    broken = _version("Terms", 3, "changed")
    object.__setattr__(broken, "service_name", "Ferncastle \ud800")  # (a lone surrogate: no UTF-8)
    stream.add(broken)
    assert stream.failed is not None
    with pytest.raises(StoreError, match="fast-import"):
        stream.finish()
    assert store.head() == head


def test_an_empty_stream_finishes_with_nothing(tmp_path: Path) -> None:
    store = _seeded(tmp_path)
    assert store.open_import().finish() == []


def _recorded_run(root: Path, stage: bool) -> tuple[Store, list[Recorded[str]], list[tuple]]:
    store = _seeded(root / "store")
    seen: list[Recorded[str]] = []
    with Index(store.index_path) as index:
        from tracker.archive.record import sync

        sync(store, index)
        recorder: Recorder[str] = Recorder(store, index, seen.extend)
        items = [(version, version.document_type) for version in _changes()]
        if stage:
            for version, _ in items:
                recorder.stage(version)
        recorder.record(items)
        recorder.drain()
        rows = index.conn.execute(
            "SELECT commit_sha, document_key, kind, changes, material, severity, summary, length FROM versions "
            "ORDER BY seq").fetchall()
    return store, seen, [tuple(row) for row in rows]


def test_a_closed_stream_s_commits_are_those_git_log_reads_back(tmp_path: Path) -> None:
    store = _seeded(tmp_path / "store")
    head = store.head()
    with Index(store.index_path) as index:
        recorder: Recorder[str] = Recorder(store, index, lambda recorded: None)
        stream = store.open_import()
        for version in _changes():
            stream.add(version)
        commits = recorder._close_stream(stream, _changes())
    assert commits == list(store.commits(since=head))
    assert [c.trailers["Document-Type"] for c in commits] == ["Terms", "Privacy"]


def test_a_staged_batch_is_recorded_and_indexed_as_one_handed_over_at_once(tmp_path: Path) -> None:
    staged_store, staged, staged_rows = _recorded_run(tmp_path / "staged", stage=True)
    plain_store, plain, plain_rows = _recorded_run(tmp_path / "plain", stage=False)
    assert [r.commit for r in staged] == [r.commit for r in plain]
    assert [r.summary for r in staged] == [r.summary for r in plain]
    assert staged_rows == plain_rows and len(staged_rows) == 4
    assert _git(staged_store, "log", "-p", "--format=%H%n%B") == _git(plain_store, "log", "-p", "--format=%H%n%B")
    # the work tree is brought up to date at the end, as before
    assert (staged_store.archive / "ferncastle" / "Privacy.md").read_text(encoding="utf-8") == _text(2)
    assert not (staged_store.archive / ".git" / "tracker-stale-tree").exists()


def test_a_batch_of_other_versions_than_those_staged_drops_the_staged_ones(tmp_path: Path) -> None:
    store = _seeded(tmp_path / "store")
    head = store.head()
    seen: list[Recorded[str]] = []
    with Index(store.index_path) as index:
        from tracker.archive.record import sync

        sync(store, index)
        recorder: Recorder[str] = Recorder(store, index, seen.extend)
        first, second = _changes()
        recorder.stage(first)
        recorder.stage(second)
        recorder.record([(second, "only this one")])
        recorder.drain()
    assert [r.tag for r in seen] == ["only this one"]
    subjects = _git(store, "log", "--format=%s", f"{head}..").splitlines()
    assert subjects == ["Record new version of Ferncastle Boards Privacy"]


def test_staged_versions_never_handed_over_are_not_written(tmp_path: Path) -> None:
    store = _seeded(tmp_path / "store")
    head = store.head()
    with Index(store.index_path) as index:
        recorder: Recorder[str] = Recorder(store, index, lambda recorded: None)
        for version in _changes():
            recorder.stage(version)
        recorder.abandon()  # the run stopped on an error
        recorder.drain()
    assert store.head() == head
