"""One snapshot run: fetch every document, extract, compare hashes, record what is new.

The unchanged case is the common one and costs one hash comparison against a dict loaded from the
index at start: no git process, no analysis. New versions are committed in batches (one
``git fast-import`` per batch) and only then indexed, so a crash can at worst leave commits the
index has not seen yet, which the next run's ``sync`` picks up.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Sequence

from tracker.errors import ExtractError
from tracker.fetch import FetchOptions, Fetched, fetch_all
from tracker.index import Index
from tracker.record import index_commits, sync
from tracker.sources import Document
from tracker.store import NewVersion, Store, content_hash, iso

BATCH_SIZE = 50

# Exit codes of `tracker run` (documented in the README and `tracker run --help`).
EXIT_OK = 0
EXIT_FAILURES = 1
EXIT_USAGE = 2
EXIT_STORE = 3


@dataclass(frozen=True)
class Outcome:
    """What happened to one document in one run."""

    key: str
    outcome: str  # "new" | "changed" | "revert" | "unchanged" | "pending" | "failed"
    error: str | None = None
    http_status: int | None = None
    duration: float = 0.0
    commit: str | None = None
    summary: str = ""


@dataclass
class RunResult:
    run_id: int
    started_at: datetime
    finished_at: datetime | None = None
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = {"checked": len(self.outcomes), "new": 0, "changed": 0, "unchanged": 0, "pending": 0,
                  "failed": 0}
        for o in self.outcomes:
            bucket = "changed" if o.outcome == "revert" else o.outcome
            counts[bucket] = counts.get(bucket, 0) + 1
        return counts

    def summary_line(self) -> str:
        """"checked 9, new 0, changed 1, unchanged 8, failed 0" (pending only when there are some)."""
        c = self.counts
        line = f"checked {c['checked']}, new {c['new']}, changed {c['changed']}, unchanged {c['unchanged']}, "
        if c["pending"]:
            line += f"pending {c['pending']}, "
        return line + f"failed {c['failed']}"

    @property
    def exit_code(self) -> int:
        return EXIT_FAILURES if any(o.outcome == "failed" for o in self.outcomes) else EXIT_OK

    def to_dict(self) -> dict:
        return {
            "run_id": self.run_id,
            "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at) if self.finished_at else None,
            "counts": self.counts,
            "documents": [o.__dict__ for o in sorted(self.outcomes, key=lambda o: o.key)],
        }


def run_snapshot(
    store: Store,
    documents: Sequence[Document],
    options: FetchOptions = FetchOptions(),
    *,
    on_outcome: Callable[[Outcome], None] | None = None,
    confirm: int = 1,
) -> RunResult:
    """Snapshot ``documents`` once into ``store``; never raises for a single document's failure.

    ``confirm`` (or a document's own ``confirm`` setting, whichever is larger) is the number of
    consecutive runs a new text must be seen in before it is recorded: flaky pages that blink
    between variants then never reach the archive or the feeds.
    """
    store.init()
    index = Index(store.index_path)
    try:
        sync(store, index)
        started = datetime.now(timezone.utc)
        result = RunResult(index.start_run(iso(started)), started)
        asyncio.run(_run(store, index, documents, options, result, on_outcome, confirm))
        result.finished_at = datetime.now(timezone.utc)
        index.add_checks(
            {
                "run_id": result.run_id,
                "document_key": o.key,
                "checked_at": iso(result.finished_at),
                "outcome": o.outcome,
                "http_status": o.http_status,
                "error": o.error,
                "duration_ms": int(o.duration * 1000),
                "commit_sha": o.commit,
            }
            for o in result.outcomes
        )
        index.finish_run(result.run_id, iso(result.finished_at), result.counts)
        return result
    finally:
        index.close()


async def _run(
    store: Store,
    index: Index,
    documents: Sequence[Document],
    options: FetchOptions,
    result: RunResult,
    on_outcome: Callable[[Outcome], None] | None,
    confirm: int = 1,
) -> None:
    latest = index.latest_hashes()
    pending: list[tuple[NewVersion, Fetched]] = []

    def emit(outcome: Outcome) -> None:
        result.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)

    async for fetched in fetch_all(documents, options):
        doc = fetched.document
        if not fetched.ok:
            emit(Outcome(doc.key, "failed", fetched.error, fetched.status, fetched.duration))
            continue
        try:
            version = _to_version(fetched)
        except ExtractError as exc:
            emit(Outcome(doc.key, "failed", f"extraction: {exc}", fetched.status, fetched.duration))
            continue
        known = latest.get(doc.key)
        if known == version.hash:
            if max(confirm, doc.confirm) > 1:
                index.clear_pending(doc.key)
            emit(Outcome(doc.key, "unchanged", None, fetched.status, fetched.duration))
            continue
        needed = max(confirm, doc.confirm)
        if known is not None and needed > 1:
            seen = index.see_pending(doc.key, version.hash, iso(fetched.fetched_at))
            if seen < needed:
                emit(Outcome(doc.key, "pending", None, fetched.status, fetched.duration,
                             summary=f"new text seen in {seen} of {needed} consecutive runs; not recorded yet"))
                continue
            index.clear_pending(doc.key)
        kind = "first" if known is None else "changed"
        seen = index.hash_seen(doc.key, version.hash) if known else None
        if seen:
            kind = "revert"
            version = _with(version, kind="revert", revert_of=seen["fetched_at"])
        else:
            version = _with(version, kind=kind)
        pending.append((version, fetched))
        latest[doc.key] = version.hash
        if len(pending) >= BATCH_SIZE:
            _flush(store, index, pending, emit)
            pending = []
    _flush(store, index, pending, emit)


def _to_version(fetched: Fetched) -> NewVersion:
    from tracker.extract import EXTRACTOR_VERSION, extract

    doc = fetched.document
    text = extract(fetched.body, fetched.content_type or None, url=fetched.final_url, select=doc.select, remove=doc.remove)
    return NewVersion(
        service_id=doc.service_id,
        service_name=doc.service_name,
        document_type=doc.type,
        text=text,
        raw=fetched.body,
        raw_ext=_raw_ext(fetched),
        source_url=doc.url,
        final_url=fetched.final_url,
        fetched_at=fetched.fetched_at,
        http_status=fetched.status,
        content_type=fetched.content_type,
        extractor_version=EXTRACTOR_VERSION,
    )


def _with(version: NewVersion, **changes: str) -> NewVersion:
    from dataclasses import replace

    return replace(version, **changes)


def _raw_ext(fetched: Fetched) -> str:
    """File extension for the raw bytes, so people can open them with the right program."""
    ctype = fetched.content_type.split(";")[0].strip().lower()
    by_type = {"text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf",
               "text/plain": "txt", "text/markdown": "md"}
    if ctype in by_type:
        return by_type[ctype]
    path = fetched.final_url.lower().split("?")[0]
    for suffix in ("html", "htm", "pdf", "md", "markdown", "txt"):
        if path.endswith("." + suffix):
            return {"htm": "html", "markdown": "md"}.get(suffix, suffix)
    return "html" if fetched.body.lstrip()[:1] == b"<" else "txt"


def _flush(
    store: Store,
    index: Index,
    pending: list[tuple[NewVersion, Fetched]],
    emit: Callable[[Outcome], None],
) -> None:
    """Commit a batch, then index it; outcomes are reported only once the commit exists."""
    if not pending:
        return
    shas = store.record([v for v, _ in pending])
    index_commits(store, index, store.commits(since=index.get_meta("indexed_head")))
    summaries = {
        r["commit_sha"]: r["summary"]
        for r in index.conn.execute(
            f"SELECT commit_sha, summary FROM versions WHERE commit_sha IN ({','.join('?' * len(shas))})", shas
        )
    }
    for (version, fetched), sha in zip(pending, shas):
        outcome = "new" if version.kind == "first" else version.kind
        emit(Outcome(f"{version.service_id}/{version.document_type}", outcome, None, fetched.status,
                     fetched.duration, sha, summaries.get(sha, "")))
