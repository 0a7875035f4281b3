"""Keeping the index in step with the archive: analyse recorded commits and write their rows.

Git is the source of truth. The index remembers the last commit it has analysed
(``meta.indexed_head``); ``sync`` analyses whatever came after it, which is how a run that died
between its git commit and its index write is repaired, and ``reindex`` rebuilds everything.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from tracker.analyse import analyse
from tracker.index import Index
from tracker.store import Commit, Store

BATCH = 200


def index_commits(store: Store, index: Index, commits: Iterable[Commit]) -> int:
    """Analyse and index commits (oldest first); return how many versions were indexed."""
    previous: dict[str, str | None] = {}
    count = 0
    batch: list[Commit] = []
    for commit in commits:
        batch.append(commit)
        if len(batch) >= BATCH:
            count += _index_batch(store, index, batch, previous)
            batch = []
    count += _index_batch(store, index, batch, previous)
    return count


def _index_batch(store: Store, index: Index, batch: Sequence[Commit], previous: dict[str, str | None]) -> int:
    """Index a batch in one SQLite transaction that also moves ``indexed_head``: atomic."""
    batch = [c for c in batch if not index.has_version(c.sha)]
    if not batch:
        return 0
    _load_previous(store, index, batch, previous)
    texts = store.read_many([(c.sha, c.path) for c in batch])
    for commit, text in zip(batch, texts):
        key = f"{commit.service_id}/{commit.document_type}"
        old = previous[key]
        t = commit.trailers
        seen = index.hash_seen(key, t.get("Content-Hash", ""))
        kind = "first" if old is None else ("revert" if seen else "changed")
        revert_of = seen["fetched_at"] if seen else ""
        result = analyse(old, text, kind=kind, revert_of=revert_of)
        index.add_version(
            {
                "commit_sha": commit.sha,
                "document_key": key,
                "service_id": commit.service_id,
                "service_name": t.get("Service-Name") or commit.service_id,
                "document_type": commit.document_type,
                "seq": index.next_seq(key),
                "fetched_at": t.get("Fetched-At", ""),
                "source_url": t.get("Source-URL", ""),
                "final_url": t.get("Final-URL", ""),
                "http_status": int(t["HTTP-Status"]) if t.get("HTTP-Status", "").isdigit() else None,
                "content_hash": t.get("Content-Hash", ""),
                "content_type": t.get("Content-Type", ""),
                "raw_path": t.get("Raw-Path", ""),
                "extractor_version": t.get("Extractor-Version", ""),
                "kind": kind,
                "revert_of": revert_of,
                "parent_sha": "",
                "changes": len(result.changes),
                "material": int(result.material),
                "severity": result.severity,
                "categories": list(result.categories),
                "summary": result.summary,
            },
            result.changes,
        )
        previous[key] = text
        index.set_meta("indexed_head", commit.sha)
    index.commit()
    return len(batch)


def _load_previous(store: Store, index: Index, batch: Sequence[Commit], previous: dict[str, str | None]) -> None:
    """Latest indexed text of every document in the batch, read with one git process."""
    wanted: dict[str, tuple[str, str]] = {}
    for commit in batch:
        key = f"{commit.service_id}/{commit.document_type}"
        if key in previous or key in wanted:
            continue
        row = index.latest(key)
        if row is None:
            previous[key] = None
        else:
            wanted[key] = (row["latest_commit"], commit.path)
    for key, text in zip(wanted, store.read_many(list(wanted.values()))):
        previous[key] = text


def sync(store: Store, index: Index) -> int:
    """Index the commits the index has not seen yet; rebuild if history was rewritten."""
    head = store.head()
    indexed = index.get_meta("indexed_head")
    if head == indexed:
        return 0
    if head is None:  # the archive is empty or gone: nothing can be kept
        return reindex(store, index)
    if indexed and not store.is_ancestor(indexed, head):
        return reindex(store, index)
    return index_commits(store, index, store.commits(since=indexed))


def reindex(store: Store, index: Index) -> int:
    """Drop the derived tables and rebuild them from the archive."""
    index.clear_derived()
    return index_commits(store, index, store.commits())
