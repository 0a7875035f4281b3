"""One snapshot run: fetch every document, extract, compare hashes, record what is new.

The unchanged case is the common one and costs one hash comparison against a dict loaded from the
index at start: no git process, no analysis; when the server keeps ETag / Last-Modified it costs
a 304 and not even a body. New versions are committed in batches (one ``git fast-import`` per
batch) and only then indexed, so a crash can at worst leave commits the index has not seen yet,
which the next run's ``sync`` picks up. Bodies are processed as they arrive and only those of new
versions are kept, until their batch is committed, so memory does not grow with the run.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Sequence

from tracker.archive import Index
from tracker.archive.record import (
    Batch,
    Pending,
    analyse_later,
    check_settings,
    prepare,
    sync,
    write,
)
from tracker.archive.store import Commit, NewVersion, Store, iso
from tracker.errors import ConfigError, ExtractError, NotFoundError, StoreError
from tracker.fetch import guards as guard
from tracker.fetch import Fetched, FetchOptions, Validators, fetch_all
from tracker.sources.config import Document

BATCH_SIZE = 50

# Exit codes of `tracker run` (documented in the README and `tracker run --help`).
EXIT_OK = 0
EXIT_FAILURES = 1
EXIT_USAGE = 2
EXIT_STORE = 3
EXIT_LOCKED = 5  # another run holds the store's run lock


@dataclass(frozen=True)
class Outcome:
    """What happened to one document in one run."""

    key: str
    # "new" | "changed" | "revert" | "unchanged" | "pending" | "held" | "skipped" | "failed"
    # "held": a sudden shrink, not recorded until seen in several consecutive runs (guard.py).
    outcome: str
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
        """Outcome counts; "skipped" (not fetched, e.g. robots.txt) is not "checked"; "skipped"
        and "held" are only present when there are some, so the usual JSON shape does not change."""
        counts = {"checked": 0, "new": 0, "changed": 0, "unchanged": 0, "pending": 0, "failed": 0}
        for o in self.outcomes:
            bucket = "changed" if o.outcome == "revert" else o.outcome
            counts[bucket] = counts.get(bucket, 0) + 1
            if o.outcome != "skipped":
                counts["checked"] += 1
        return counts

    def summary_line(self) -> str:
        """"checked 9, new 0, changed 1, unchanged 8, failed 0" (pending, skipped only when some)."""
        c = self.counts
        line = f"checked {c['checked']}, new {c['new']}, changed {c['changed']}, unchanged {c['unchanged']}, "
        if c["pending"]:
            line += f"pending {c['pending']}, "
        if c.get("held"):
            line += f"held {c['held']}, "
        if c.get("skipped"):
            line += f"skipped {c['skipped']}, "
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
    check_settings()
    store.init()
    _check_archive(store)
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
                "error": o.error or (o.summary if o.outcome in ("skipped", "held") else None),
                "duration_ms": int(o.duration * 1000),
                "commit_sha": o.commit,
            }
            for o in result.outcomes
        )
        index.finish_run(result.run_id, iso(result.finished_at), result.counts)
        return result
    finally:
        index.close()


def _check_archive(store: Store) -> None:
    """Refuse to run on an archive git cannot read: the index sync would otherwise take the damaged
    archive for an empty one and drop what it knows."""
    try:
        store._git("rev-parse", "--git-dir")
    except StoreError as exc:
        raise StoreError(
            f"the archive {store.archive} is damaged or unreadable ({exc}); nothing was fetched or changed. "
            "Restore it from a copy or a remote, then run again (`tracker verify` checks it)."
        ) from exc


def fingerprint(doc: Document) -> str:
    """What, besides the server's bytes, decides the extracted text: a 304 is only trusted when
    this is unchanged (new selectors or a new extractor need the full page)."""
    from tracker.extract.convert import EXTRACTOR_VERSION

    # A range is written as its sources.toml table; a plain selector stays a string, so a document
    # without ranges keeps the fingerprint it had before ranges existed (and its validators).
    def items(selectors: tuple[Any, ...]) -> list[Any]:
        return [s if isinstance(s, str) else s.as_dict() for s in selectors]

    data = [doc.url, items(doc.select), items(doc.remove), [list(h) for h in doc.headers], doc.user_agent,
            EXTRACTOR_VERSION]
    if doc.parts:  # only then, so single-page documents keep their fingerprints
        data.append([[p.url, items(p.select), items(p.remove), p.render] for p in doc.parts])
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()[:16]


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
    prints = {doc.key: fingerprint(doc) for doc in documents}
    # Trust what the cache says only if it describes the version we hold, fetched the way we
    # fetch now: then validators are sent, and bytes equal to the ones that text was extracted
    # from are "unchanged" without extracting them again (servers that ignore validators).
    cache = {
        key: row for key, row in index.http_cache().items()
        if key in prints and row["fingerprint"] == prints[key] and row["content_hash"] == latest.get(key)
    }
    validators = {
        key: Validators(row["etag"], row["last_modified"])
        for key, row in cache.items() if row["etag"] or row["last_modified"]
    }
    raw_known = {key: row["raw_hash"] for key, row in cache.items() if row["raw_hash"]}
    raws = dict(raw_known)  # document key -> hash of the bytes its latest text came from
    confirmed: list[dict[str, Any]] = []  # validators of texts confirmed unchanged in this run
    counting = index.pending_keys()  # documents with an unrecorded text being counted
    events = {key: row["event"] for key, row in index.last_events().items()}
    settings = index.fetch_settings()  # how each document's latest text was extracted

    def extracted_with(key: str) -> None:
        if settings.get(key) != prints[key]:
            index.set_fetch_settings(key, prints[key])
            settings[key] = prints[key]

    def gone(fetched: Fetched) -> None:
        """A 404/410 for a document we hold a version of: a "gone" event, once."""
        key = fetched.document.key
        if fetched.status in (404, 410) and latest.get(key) is not None and events.get(key) != "gone":
            index.add_event(key, "gone", iso(fetched.fetched_at), fetched.error or f"HTTP {fetched.status}",
                            result.run_id)
            events[key] = "gone"

    def present(fetched: Fetched) -> None:
        """The server served the document again: a "back" event if it was gone."""
        key = fetched.document.key
        if events.get(key) == "gone":
            index.add_event(key, "back", iso(fetched.fetched_at), f"HTTP {fetched.status or 'ok'}", result.run_id)
            events[key] = "back"

    def forget_pending(key: str) -> None:
        if key in counting:
            index.clear_pending(key)
            counting.discard(key)

    def emit(outcome: Outcome) -> None:
        result.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)

    def remember(fetched: Fetched, text_hash: str) -> dict[str, Any]:
        found = fetched.validators or Validators()
        return {"document_key": fetched.document.key, "etag": found.etag, "last_modified": found.last_modified,
                "content_hash": text_hash, "fingerprint": prints[fetched.document.key],
                "raw_hash": raws.get(fetched.document.key)}

    recorder = _Recorder(store, index, emit, remember)
    async for fetched in fetch_all(documents, options, validators):
        recorder.poll()
        doc = fetched.document
        needed = max(confirm, doc.confirm)
        if fetched.skipped:
            emit(Outcome(doc.key, "skipped", None, fetched.status, fetched.duration, summary=fetched.skipped))
            continue
        if not fetched.ok:
            gone(fetched)
            emit(Outcome(doc.key, "failed", fetched.error, fetched.status, fetched.duration))
            continue
        if fetched.not_modified:
            if doc.key not in validators:  # a 304 we did not ask for (a header in sources.toml?)
                emit(Outcome(doc.key, "failed", "HTTP 304 to a request without validators we know",
                             304, fetched.duration))
                continue
            forget_pending(doc.key)
            present(fetched)
            if fetched.validators:  # the server may refresh them on a 304
                confirmed.append(remember(fetched, latest[doc.key]))
            emit(Outcome(doc.key, "unchanged", None, 304, fetched.duration))
            continue
        raws[doc.key] = raw_hash(fetched)
        if raw_known.get(doc.key) == raws[doc.key]:  # the very bytes the latest text came from
            forget_pending(doc.key)
            present(fetched)
            confirmed.append(remember(fetched, latest[doc.key]))
            emit(Outcome(doc.key, "unchanged", None, fetched.status, fetched.duration))
            continue
        problem = content_problem(fetched)
        if problem:
            emit(Outcome(doc.key, "failed", problem, fetched.status, fetched.duration))
            continue
        try:
            version = _to_version(fetched)
        except ExtractError as exc:
            emit(Outcome(doc.key, "failed", _extraction_message(exc), fetched.status, fetched.duration))
            continue
        known = latest.get(doc.key)
        text_hash = version.hash
        if known == text_hash:
            forget_pending(doc.key)
            present(fetched)
            extracted_with(doc.key)
            confirmed.append(remember(fetched, text_hash))
            emit(Outcome(doc.key, "unchanged", None, fetched.status, fetched.duration))
            continue
        # A new text: is it an error page served as 200, or a page that suddenly lost most of itself?
        # Comparisons with the last text only mean something if it was extracted the same way: a
        # narrower `select` shrinks the text on purpose.
        same_settings = settings.get(doc.key, prints[doc.key]) == prints[doc.key]
        previous = _previous_length(store, index, doc) if known is not None and same_settings else None
        problem = guard.error_page(version.text, fetched.body, previous)
        if problem:
            emit(Outcome(doc.key, "failed", problem, fetched.status, fetched.duration))
            continue
        present(fetched)
        shrank = guard.shrink(previous, len(version.text), doc.max_shrink)
        if shrank:
            hold = max(needed, guard.HOLD_RUNS)
            seen = index.see_pending(doc.key, text_hash, iso(fetched.fetched_at))
            counting.add(doc.key)
            if seen < hold:
                emit(Outcome(doc.key, "held", None, fetched.status, fetched.duration,
                             summary=f"{shrank}; held, not recorded, until seen in {hold} consecutive runs "
                                     f"({seen} so far)"))
                continue
            forget_pending(doc.key)
        elif known is not None and needed > 1:
            seen = index.see_pending(doc.key, text_hash, iso(fetched.fetched_at))
            counting.add(doc.key)
            if seen < needed:
                emit(Outcome(doc.key, "pending", None, fetched.status, fetched.duration,
                             summary=f"new text seen in {seen} of {needed} consecutive runs; not recorded yet"))
                continue
            forget_pending(doc.key)
        else:
            forget_pending(doc.key)
        kind = "first" if known is None else "changed"
        seen = index.hash_seen(doc.key, text_hash) if known else None
        if seen:
            kind = "revert"
            version = _with(version, kind="revert", revert_of=seen["fetched_at"])
        else:
            version = _with(version, kind=kind)
        pending.append((version, fetched))
        latest[doc.key] = text_hash
        extracted_with(doc.key)
        if len(pending) >= BATCH_SIZE:
            recorder.record(pending)
            pending = []
    recorder.record(pending)
    recorder.drain()
    store.checkout_if_stale()  # once per run, not once per batch
    index.set_http_cache(confirmed)


def raw_hash(fetched: Fetched) -> str:
    """What the extracted text is a function of, besides the document's settings (fingerprint):
    the bytes, how they were labelled, and the URL links are resolved against."""
    digest = hashlib.sha256(f"{fetched.content_type}\n{fetched.final_url}\n".encode("utf-8"))
    digest.update(fetched.body)
    return digest.hexdigest()[:32]


def _extraction_message(exc: ExtractError) -> str:
    message = str(exc)
    if "matched nothing" in message:
        return (f"selected region missing: {message} (the page layout changed, or this is not the page "
                "expected; check `select` in the sources file)")
    return f"extraction: {message}"


def _previous_length(store: Store, index: Index, doc: Document) -> int | None:
    """Length of the last recorded text (looked up only when the text changed), or None if unreadable."""
    length = index.latest_length(doc.key)
    if length is not None:
        return length
    row = index.latest(doc.key)  # indexed before lengths were kept: read the text
    if row is None or not row["latest_commit"]:
        return None
    try:
        return len(store.read(row["latest_commit"], row["path"] or doc.path))
    except (StoreError, NotFoundError, UnicodeDecodeError):
        return None


def content_problem(fetched: Fetched) -> str | None:
    """Why a fetched body is not a document at all (wrong type, empty), checking each part of a
    combined one; None when it may be one. Public: ``tracker.api`` applies the same guards."""
    pages = fetched.parts or (fetched,)
    for number, page in enumerate(pages, 1):
        problem = guard.unexpected_content_type(page.content_type, page.body) or guard.empty_body(page.body)
        if problem:
            return f"part {number} of {len(pages)} ({page.url}): {problem}" if fetched.parts else problem
    return None


def extract_text(fetched: Fetched) -> str:
    """The document's text (its ``select`` / ``remove`` applied); a combined document's parts are
    extracted one by one and joined. Raises ExtractError (the part named) when no text is left."""
    from tracker.extract.convert import extract, normalize_markdown

    if not fetched.parts:
        doc = fetched.document
        return extract(fetched.body, fetched.content_type or None, url=fetched.final_url, select=doc.select,
                       remove=doc.remove)
    texts = []
    for number, page in enumerate(fetched.parts, 1):
        try:
            texts.append(extract(page.body, page.content_type or None, url=page.final_url,
                                 select=page.document.select, remove=page.document.remove))
        except ExtractError as exc:
            raise ExtractError(f"part {number} of {len(fetched.parts)} ({page.url}): {exc}") from None
    return normalize_markdown("\n\n".join(texts))


def _to_version(fetched: Fetched) -> NewVersion:
    from tracker.extract.convert import EXTRACTOR_VERSION

    doc = fetched.document
    text = extract_text(fetched)
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


@dataclass
class _InFlight:
    """New versions on their way: committed by git, then analysed, then indexed."""

    pending: list[tuple[NewVersion, Fetched]]
    committed: Future  # -> the batch's Commit objects, from the git thread
    analyses: Pending | None = None
    batch: Batch | None = None


class _Recorder:
    """Records batches of new versions while the run goes on fetching and extracting.

    Each batch goes through three stages, in commit order: a git thread writes its commits
    (``git fast-import`` works on the other core meanwhile), its analyses run (in worker
    processes for large batches), then one SQLite transaction indexes it, so ``indexed_head``
    only ever moves forward. A crash at any point leaves at worst commits the index has not seen,
    which the next run's ``sync`` indexes. Outcomes are reported (and validators kept) only once
    a version is both committed and indexed.
    """

    MAX_IN_FLIGHT = 3  # batches not indexed yet (each holds its texts: ~10 MB for 50 large pages)

    def __init__(self, store: Store, index: Index, emit: Callable[[Outcome], None],
                 remember: Callable[[Fetched, str], dict[str, Any]]) -> None:
        self.store, self.index, self.emit, self.remember = store, index, emit, remember
        self.previous: dict[str, str | None] = {}  # latest texts, carried from batch to batch
        self.in_flight: deque[_InFlight] = deque()
        self.git: ThreadPoolExecutor | None = None

    def record(self, pending: list[tuple[NewVersion, Fetched]]) -> None:
        if not pending:
            return
        if self.git is None:
            self.git = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tracker-git")
        self.in_flight.append(_InFlight(pending, self.git.submit(self._commit, [v for v, _ in pending])))
        self.poll()
        while len(self.in_flight) > self.MAX_IN_FLIGHT:
            self._wait_for_oldest()

    def _commit(self, versions: list[NewVersion]) -> list[Commit]:
        """In the git thread: one fast-import for the batch; the Commit objects it wrote."""
        before = self.store.head()
        self.store.record(versions, checkout=False)
        return list(self.store.commits(since=before))

    def poll(self) -> None:
        """Move every batch on as far as it can go without waiting: start the analyses of the
        batches git has committed (in commit order), index the oldest ones that are analysed."""
        for item in self.in_flight:
            if item.analyses is None:
                if not item.committed.done():
                    break  # git commits batches in order: the younger ones are not done either
                self._start_analyses(item)
        while self.in_flight and self.in_flight[0].analyses is not None and self.in_flight[0].analyses.ready():
            self._index_oldest()

    def drain(self) -> None:
        try:
            while self.in_flight:
                self._wait_for_oldest()
        finally:
            if self.git is not None:
                self.git.shutdown()

    def _wait_for_oldest(self) -> None:
        """Index the oldest batch; meanwhile keep starting the analyses of younger ones as git
        commits them, so the worker processes never sit idle behind the oldest."""
        oldest = self.in_flight[0]
        while self.in_flight and self.in_flight[0] is oldest:
            self.poll()
            if self.in_flight and self.in_flight[0] is oldest:
                # Sleep until git commits a batch or a worker finishes a job, whichever is first.
                waiting = [f for item in self.in_flight for f in
                           ([item.committed] if item.analyses is None else item.analyses.running)]
                wait([f for f in waiting if not f.done()], timeout=1.0, return_when=FIRST_COMPLETED)

    def _start_analyses(self, item: _InFlight) -> None:
        try:
            commits = item.committed.result()
        except StoreError as exc:
            raise StoreError(
                f"could not write {len(item.pending)} new version(s) to the archive {self.store.archive}: "
                f"{exc}\nNothing of them was recorded and the versions recorded before are intact. Check "
                "that the archive is writable and the disk is not full, then run again (`tracker verify` "
                "checks the archive)."
            ) from exc
        texts = {commit.sha: version.text for (version, _), commit in zip(item.pending, commits)}
        item.batch = prepare(self.store, self.index, commits, self.previous, texts)
        item.analyses = analyse_later(item.batch.jobs)

    def _index_oldest(self) -> None:
        item = self.in_flight.popleft()
        assert item.batch is not None and item.analyses is not None
        results = item.analyses.result()
        write(self.index, item.batch, results)
        summaries = {commit.sha: result.summary for commit, result in zip(item.batch.commits, results)}
        for (version, fetched), commit in zip(item.pending, item.batch.commits):
            outcome = "new" if version.kind == "first" else version.kind
            self.emit(Outcome(f"{version.service_id}/{version.document_type}", outcome, None, fetched.status,
                              fetched.duration, commit.sha, summaries.get(commit.sha, "")))
        self.index.set_http_cache(self.remember(fetched, version.hash) for version, fetched in item.pending)


# -- scheduling helpers ----------------------------------------------------------------------

_INTERVAL_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in "30m", "6h", "1d" (or "90s"); ConfigError with the expected form otherwise."""
    match = _INTERVAL_RE.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(f"bad interval '{text}': write a positive number and a unit s, m, h or d, e.g. 30m, 6h, 1d")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()]


def parse_shard(text: str) -> tuple[int, int]:
    """"I/N" -> (I, N) with 1 <= I <= N: the I-th of N shards."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not match:
        raise ConfigError(f"bad shard '{text}': write I/N, e.g. 1/4 for the first of 4 shards")
    i, n = int(match.group(1)), int(match.group(2))
    if n < 1 or not 1 <= i <= n:
        raise ConfigError(f"bad shard '{text}': I must be from 1 to N (and N at least 1), e.g. 1/{max(n, 2)}")
    return i, n


def shard_of(key: str, total: int) -> int:
    """1-based shard of a document key: stable across runs, machines and list order."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % total + 1


def select_shard(documents: Sequence[Document], index: int, total: int) -> list[Document]:
    """The documents of shard ``index`` of ``total``; the shards partition the list."""
    return [d for d in documents if shard_of(d.key, total) == index]
