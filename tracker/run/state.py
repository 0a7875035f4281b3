"""Loading what ``decide`` needs: every document's ``DocumentState``, once per run, in bulk.

A handful of queries, each one row per document (plus one row per recorded version for the dates
of earlier texts, which is how reverts are told apart): no query or git process per document,
so a run in which nothing changed costs hardly more than its fetches.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from tracker.archive.index import Index
from tracker.archive.store import Store
from tracker.errors import NotFoundError, StoreError
from tracker.run.decide import ALTERNATION, Blink, CacheEntry, DocumentState, Sighting
from tracker.sources.config import Document

LEGACY_READ_BATCH = 100  # texts read from git at once when filling in missing lengths


def load_states(store: Store, index: Index, documents: Sequence[Document]) -> dict[str, DocumentState]:
    """document key -> its ``DocumentState`` as the index knows it now (empty for new documents)."""
    keys = [d.key for d in documents]
    latest = index.latest_hashes()
    lengths = _latest_lengths(store, index, [d for d in documents if latest.get(d.key) is not None])
    cache = index.http_cache()
    settings = index.fetch_settings()
    pending = index.pending()
    events = index.last_events()
    dates, recent = index.text_history(ALTERNATION)
    blinks = index.blinks()
    states: dict[str, DocumentState] = {}
    for key in keys:
        row = cache.get(key)
        seen = pending.get(key)
        states[key] = DocumentState(
            latest_hash=latest.get(key),
            latest_length=lengths.get(key),
            settings=settings.get(key),
            cache=CacheEntry(row["etag"], row["last_modified"], row["content_hash"], row["fingerprint"],
                             row["raw_hash"], row["region_hash"]) if row is not None else None,
            sighting=Sighting(*seen) if seen is not None else None,
            last_event=events[key]["event"] if key in events else None,
            earlier=dates.get(key, {}),
            blink=Blink(*blinks[key]) if key in blinks else None,
            recent=recent.get(key, ()),
            served=_served(index, key, recent.get(key, ())),
        )
    return states


def _served(index: Index, key: str, recent: tuple[tuple[str, str], ...]) -> tuple[int, int] | None:
    """How many runs each of the last two versions was served (``Index.runs_served``), read only
    for a document whose last versions went X, Y, X: the one case ``decide`` needs it for."""
    if len(recent) < 3 or recent[0][0] != recent[2][0] or recent[0][0] == recent[1][0]:
        return None
    return index.runs_served(key)


def _latest_lengths(store: Store, index: Index, documents: Iterable[Document]) -> dict[str, int | None]:
    """Length of each document's latest text. Versions indexed before lengths were kept are read
    from git once (one process per ``LEGACY_READ_BATCH`` texts) and their lengths written to the
    index, so later runs need no git read. None where the text cannot be read."""
    lengths = index.latest_lengths()
    missing = [text for doc in documents if lengths.get(doc.key) is None and (text := _latest_text(index, doc))]
    found: dict[str, int] = {}  # commit -> length
    for start in range(0, len(missing), LEGACY_READ_BATCH):
        chunk = missing[start:start + LEGACY_READ_BATCH]
        for (key, commit, _), length in zip(chunk, _read_lengths(store, [(c, p) for _, c, p in chunk])):
            lengths[key] = length
            if length is not None:
                found[commit] = length
    if found:
        index.set_lengths(found)
    return lengths


def _latest_text(index: Index, doc: Document) -> tuple[str, str, str] | None:
    """(key, commit, path) of the document's latest recorded text, if it has one."""
    row = index.latest(doc.key)
    if row is None or not row["latest_commit"]:
        return None
    return doc.key, row["latest_commit"], row["path"] or doc.path


def _read_lengths(store: Store, items: list[tuple[str, str]]) -> list[int | None]:
    """Lengths of the texts at (commit, path); one git process, or one per text if one is unreadable."""
    try:
        return [len(text) for text in store.read_many(items)]
    except (StoreError, NotFoundError, UnicodeDecodeError):
        pass
    lengths: list[int | None] = []
    for sha, path in items:
        try:
            lengths.append(len(store.read(sha, path)))
        except (StoreError, NotFoundError, UnicodeDecodeError):
            lengths.append(None)
    return lengths
