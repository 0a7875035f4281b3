"""Keeping the index in step with the archive: analyse recorded commits and write their rows.

Git is the source of truth. The index remembers the last commit it has analysed
(``meta.indexed_head``); ``sync`` analyses whatever came after it, which is how a run that died
between its git commit and its index write is repaired, and ``reindex`` rebuilds everything.
"""

from __future__ import annotations

import pickle
import zlib
from collections import deque
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Generic, Iterable, Sequence, TypeVar

from tracker.analysis import executor as executors
from tracker.analysis.analyse import (analyse, analyse_job, analyse_jobs, analysis_version, as_revert, as_variant,
                                      failed_analysis)
from tracker.analysis.executor import Executor, J, Pending, R
from tracker.analysis.restored import WINDOW_VERSIONS, Settled, Window
from tracker.archive.index import Index
from tracker.archive.store import Commit, ImportStream, NewVersion, Store, parse_commit
from tracker.errors import StoreError
from tracker.records import Analysis, ClauseChange

if TYPE_CHECKING:  # the git and analysis threads load only when a run needs them, not for queries
    from concurrent.futures import Executor as Executor_
    from concurrent.futures import Future, ThreadPoolExecutor

BATCH = 200


def index_commits(store: Store, index: Index, commits: Iterable[Commit], executor: Executor | None = None) -> int:
    """Analyse and index commits (oldest first); return how many versions were indexed.
    ``executor``: where the analyses run (default: ``tracker.analysis.executor.current()``)."""
    previous: dict[str, str | None] = {}
    windows: dict[str, Window] = {}
    count = 0
    batch: list[Commit] = []
    for commit in commits:
        batch.append(commit)
        if len(batch) >= BATCH:
            count += _index_batch(store, index, batch, previous, executor, windows)
            batch = []
    count += _index_batch(store, index, batch, previous, executor, windows)
    return count


@dataclass
class Batch:
    """Commits ready to index: their kinds settled and the texts their analyses need."""

    commits: list[Commit]
    jobs: list[tuple[str | None, str, str, str]]  # (old text, new text, kind, revert_of)
    # per job, the earlier variant its old text is (``restored.Settled``), else None: see ``framed``
    variants: list[Settled | None] = field(default_factory=list)


def prepare(
    store: Store,
    index: Index,
    commits: Sequence[Commit],
    previous: dict[str, str | None],
    texts: dict[str, str] | None = None,
    windows: dict[str, Window] | None = None,
) -> Batch:
    """Read the texts (one git process for the batch) and settle kinds in order: first, changed,
    revert or partial-revert (``tracker.analysis.restored``); a changed text that is a
    near-restore of an earlier variant of the page gets that variant's text as its old text
    (``Batch.variants``). ``previous`` carries each
    document's latest text from batch to batch, ``windows`` its latest versions' lines (a fresh
    one reads them back from the archive when a document needs them); ``texts`` (commit sha ->
    text) are texts the caller holds already, so git need not read them."""
    commits = [c for c in commits if not index.has_version(c.sha)]
    if not commits:
        return Batch([], [])
    _load_previous(store, index, commits, previous)
    known = texts or {}
    unknown = [c for c in commits if c.sha not in known]
    read = dict(zip((c.sha for c in unknown), store.read_many([(c.sha, c.path) for c in unknown])))
    ordered = [known[c.sha] if c.sha in known else read[c.sha] for c in commits]
    jobs: list[tuple[str | None, str, str, str]] = []
    variants: list[Settled | None] = []
    windows = {} if windows is None else windows
    batch_hashes: dict[tuple[str, str], str] = {}  # hashes recorded earlier in this batch
    for commit, text in zip(commits, ordered):
        key = f"{commit.service_id}/{commit.document_type}"
        old = previous[key]
        digest = commit.trailers.get("Content-Hash", "")
        seen = index.hash_seen(key, digest)
        earlier = seen["fetched_at"] if seen else batch_hashes.get((key, digest), "")
        kind = "first" if old is None else ("revert" if earlier else "changed")
        window = windows.setdefault(key, Window())
        if kind == "changed" and not window.loaded:
            load_window(store, index, key, commit.path, window)
        fetched_at = commit.trailers.get("Fetched-At", "")
        settled = window.settle(digest, fetched_at, text, check=kind == "changed")
        window.archived(digest, fetched_at, partial(store.read, commit.sha, commit.path))
        job, variant = settled_job(old, text, kind, earlier if kind == "revert" else "", settled)
        jobs.append(job)
        variants.append(variant)
        batch_hashes.setdefault((key, digest), fetched_at)
        previous[key] = text
    return Batch(commits, jobs, variants)


def settled_job(old: str | None, new: str, kind: str, revert_of: str,
                settled: Settled) -> tuple[tuple[str | None, str, str, str], Settled | None]:
    """The analysis job ``(old text, new text, kind, revert_of)`` of a version as the window settled
    it (``Window.settle``), and the variant its old text is (None: the previous version's text).
    A partial revert is diffed against the previous text (people see what flipped back), with the
    date of the variant it goes back to, if one; a near-restore of an earlier variant with
    something new is diffed against that variant, and ``framed`` then says so. The run, ``sync``,
    the history import and ``reanalyse`` all build their jobs here, so they agree."""
    if settled.restored:
        return (old, new, "partial-revert", settled.base_at), None
    if settled.base_text is not None and kind == "changed":
        return (settled.base_text(), new, kind, revert_of), settled
    return (old, new, kind, revert_of), None


def framed(result: Analysis, variant: Settled | None) -> Analysis:
    """``result`` (the analysis of a job of ``settled_job``) as the index records it: said against
    the earlier variant when its old text is one (``analyse.as_variant``)."""
    if variant is None:
        return result
    return as_variant(result, variant.base_at, variant.known)


def load_window(store: Store, index: Index, key: str, path: str, window: Window) -> None:
    """Put the document's versions indexed before the ones ``window`` holds in front of them:
    what a clause-level revert is judged against. Their texts are read (with one git process
    for all of them) only if the window ever compares a version with them."""
    rows = index.last_versions(key, WINDOW_VERSIONS + 1 + len(window))
    read: list[str] = []

    def text(i: int) -> str:
        if not read:
            read.extend(store.read_many([(sha, path) for sha, _, _ in rows]))
        return read[i]

    window.load((digest, fetched_at, partial(text, i)) for i, (_, digest, fetched_at) in enumerate(rows))


def write(index: Index, batch: Batch, results: Sequence[Analysis]) -> int:
    """Index a batch in one SQLite transaction that also moves ``indexed_head``: atomic."""
    if batch.commits:
        variants = batch.variants or [None] * len(batch.jobs)
        index.add_versions([
            version_record(commit, text, kind, revert_of, framed(result, variant))
            for commit, (_, text, kind, revert_of), result, variant in zip(batch.commits, batch.jobs, results, variants)
        ])
        index.set_meta("indexed_head", batch.commits[-1].sha)
    index.commit()
    return len(batch.commits)


def version_record(commit: Commit, text: str, kind: str, revert_of: str,
                   result: Analysis) -> tuple[dict[str, Any], Sequence[ClauseChange]]:
    """What the index stores of one recorded commit: its ``versions`` columns (from the commit's
    trailers and the analysis; ``seq`` is numbered by the index) and its clause changes."""
    t = commit.trailers
    return (
        {
            "commit_sha": commit.sha,
            "document_key": f"{commit.service_id}/{commit.document_type}",
            "service_id": commit.service_id,
            "service_name": t.get("Service-Name") or commit.service_id,
            "document_type": commit.document_type,
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
            "unchanged": result.unchanged,
            "length": len(text),
            "analysis_version": analysis_version(),
        },
        result.changes,
    )


def _index_batch(store: Store, index: Index, commits: Sequence[Commit], previous: dict[str, str | None],
                 executor: Executor | None = None, windows: dict[str, Window] | None = None) -> int:
    """Kinds (first, changed, revert) are settled in order first; the analyses, pure functions of
    two texts and the bulk of the cost, then run in parallel worker processes for large batches."""
    batch = prepare(store, index, commits, previous, windows=windows)
    return write(index, batch, _analyse_all(batch.jobs, executor)) if batch.commits else 0


# Below this many real analyses a batch runs in place (see tracker.analysis.executor); read at
# call time (tests lower it).
PARALLEL_MIN = executors.PARALLEL_MIN
# Early analyses left waiting for the worker when a run's fetching ends, from which the run's own
# process takes its share (``Recorder.help_early``): below it, loading the analysis here costs more
# than the wait it saves (read at call time: tests lower it).
HELP_MIN = 12


_FAILED = "Could not analyse this version"  # _analyse_job's summary when analyse() raised


def _analyse_job(job: tuple[str | None, str, str, str]) -> Analysis:
    """One analysis; a bug on some unusual text must not stop indexing: the version is committed
    already, and an exception here would make every later run fail on the same commit. (The same
    as ``tracker.analysis.analyse.analyse_job``, which worker processes start from.)"""
    old, new, kind, revert_of = job
    try:
        return analyse(old, new, kind=kind, revert_of=revert_of)
    except Exception as exc:  # noqa: BLE001 - reported in the version's summary, never lost
        return failed_analysis(exc)


def _analyse_all(jobs: Sequence[tuple[str | None, str, str, str]], executor: Executor | None = None) -> list[Analysis]:
    """Analyse in order, through ``executor`` (default: ``tracker.analysis.executor.current()``)."""
    return analyse_later(jobs, executor).result()


def analyse_later(jobs: Sequence[tuple[str | None, str, str, str]], executor: Executor | None = None,
                  early: Sequence[Analysis | None] = (), *, packed: bool = False) -> Pending:
    """Start the analyses of a batch through ``executor`` (default: the current one): in worker
    processes or on a Dask cluster when there are enough jobs (the caller goes on fetching
    meanwhile), else here and now. ``early[i]``, when given and not None, is the analysis of
    ``jobs[i]`` computed already (``Recorder.analyse_early``): only the others are started.
    ``packed``: each result is the analysis as ``pack_analysis`` bytes (``unpack_analysis``
    gives it back), not an ``Analysis`` (no ``early`` then)."""
    if any(result is not None for result in early):
        if packed:
            raise ValueError("analyse_later: early analyses are not packed")
        rest = analyse_later([job for job, result in zip(jobs, early) if result is None], executor)
        return _WithEarly(list(early), rest)
    real = sum(1 for old, _, kind, _ in jobs if old is not None and kind != "first")
    if executor is None and real < min(PARALLEL_MIN, executors.DASK_MIN_WORK):
        # in place whatever the executor: a query's catch-up of a commit or two must not need a
        # Dask scheduler (TRACKER_DASK_SCHEDULER) to be up
        executor = executors.InProcess()
    chunk = _analyse_chunk_packed if packed else _analyse_chunk
    return (executor or executors.current()).start(chunk, jobs, real, floor=PARALLEL_MIN)


def pack_analysis(result: Analysis) -> bytes:
    """``result`` pickled and zlib-compressed (level 1): about a tenth of the memory the objects
    take, for a coordinator holding many analyses at once (``unpack_analysis`` gives it back)."""
    return zlib.compress(pickle.dumps(result, pickle.HIGHEST_PROTOCOL), 1)


def unpack_analysis(packed: bytes) -> Analysis:
    """The analysis ``pack_analysis`` packed (an equal object)."""
    result: Analysis = pickle.loads(zlib.decompress(packed))
    return result


class _WithEarly(Pending):
    """A batch's analyses, some computed early (``known``), the others on their way (``rest``)."""

    def __init__(self, known: list[Analysis | None], rest: Pending) -> None:
        super().__init__()
        self.known, self.rest = known, rest

    def ready(self) -> bool:
        return self.rest.ready()

    @property
    def running(self) -> list[Future]:
        return self.rest.running

    def result(self) -> list[Analysis]:
        computed = iter(self.rest.result())
        return [result if result is not None else next(computed) for result in self.known]


def _early_analyser() -> "Executor_":
    """Where a run's early analyses go: one worker process (spawned on the first, reused for the
    rest), so that they run on another core while this process fetches and extracts pages (in a
    thread they took turns with it for the interpreter: a run with 30 changed pages of 300 took
    about 1.5 s longer than one with none). With ``TRACKER_WORKERS=1`` (one process wanted, or
    one core), a thread. One worker, not the pool: each worker pays the analysis's imports and
    model load (about 0.4 s of CPU), and a run's early analyses are few (``PARALLEL_MIN - 1``)."""
    if _workers() < 2:
        from concurrent.futures import ThreadPoolExecutor

        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="tracker-analyse")
    return executors.spawn_pool(1)


class _EarlyWorker(Executor):
    """The early worker process as an executor for what a small batch has left to analyse; a
    batch large enough for the pool goes to the current executor, one without a real analysis
    (first versions only) runs in place."""

    name = "early worker"

    def __init__(self, pool: "Executor_") -> None:
        self.pool = pool

    def start(self, fn: Callable[[list[J]], list[R]], jobs: Sequence[J], work: int | None = None,
              floor: int | None = None) -> Pending[R]:
        if not jobs or not work:
            return Pending(done=fn(list(jobs)))
        if work >= (PARALLEL_MIN if floor is None else floor):
            return executors.current().start(fn, jobs, work, floor)
        # (the analysis module's own function when it is ours: the worker need not import this one)
        task: Callable[..., Any] = analyse_jobs if fn is _analyse_chunk else fn
        try:
            return Pending(futures=[self.pool.submit(task, list(jobs))])
        except RuntimeError:  # the worker died (BrokenProcessPool) or was shut down: here, then
            return Pending(done=fn(list(jobs)))


def _early_result(future: Future) -> Analysis | None:
    """An early analysis, or None (it is then computed with its batch) if its worker died."""
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - a lost worker (BrokenProcessPool, killed): analysed again
        return None


def _idle_core() -> bool:
    """Is a core likely to be idle for this process to analyse on, beside the early worker? The
    tasks runnable now besides this process (``_runnable``: the worker, anything else the machine
    runs) fewer than the cores. True where the system does not say."""
    import os

    runnable = _runnable()
    return runnable is None or runnable - 1 < (os.cpu_count() or 1)


def _runnable() -> float | None:
    """Tasks runnable on the machine now, this process included: the fewest of three looks at
    ``/proc/loadavg`` 10 ms apart (a look is one instant), else the 1-minute load average (a
    run of a few seconds barely moves it: back-to-back runs weigh on it as much as other work),
    else None (the system does not say)."""
    import os
    import time

    seen = []
    for look in range(3):
        try:
            with open("/proc/loadavg", encoding="ascii") as f:
                seen.append(int(f.read().split()[3].split("/")[0]))
        except (OSError, ValueError, IndexError):
            break
        if look < 2:
            time.sleep(0.01)
    if seen:
        return min(seen)
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average on this system
        return None


def _analyse_chunk(jobs: list[tuple[str | None, str, str, str]]) -> list[Analysis]:
    done = [_analyse_job(job) for job in jobs]
    if len(jobs) > 1:  # a pool worker's chunk (not a run's single change): see trim_heap
        executors.trim_heap()
    return done


def _analyse_chunk_packed(jobs: list[tuple[str | None, str, str, str]]) -> list[bytes]:
    """``_analyse_chunk`` with each analysis packed where it was computed (``pack_analysis``):
    a worker's pickle of the bytes is what the coordinator receives and keeps, never the
    objects (the history import's batches return ~100,000 clause changes at a time)."""
    done = [pack_analysis(_analyse_job(job)) for job in jobs]
    if len(jobs) > 1:
        executors.trim_heap()
    return done


def _workers() -> int:
    """Worker processes for analyses (see ``tracker.analysis.executor.local_workers``)."""
    return executors.local_workers()


def check_settings() -> None:
    """Refuse a bad TRACKER_WORKERS before anything is fetched, not when the first large batch
    is analysed (its commits would then be written but not indexed); reach the Dask scheduler of
    ``TRACKER_DASK_SCHEDULER`` now for the same reason."""
    _workers()
    executors.current()


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


def sync(store: Store, index: Index, executor: Executor | None = None) -> int:
    """Index the commits the index has not seen yet; rebuild if history was rewritten.
    ``executor``: where the analyses run (default: ``tracker.analysis.executor.current()``)."""
    head = store.head()
    indexed = index.get_meta("indexed_head")
    if head == indexed:
        return 0
    if head is None:
        _refuse_empty_archive(store, index)
        return 0
    if indexed and not store.is_ancestor(indexed, head):
        return reindex(store, index, executor)
    return index_commits(store, index, store.commits(since=indexed), executor)


def catch_up(store: Store, index: Index) -> int:
    """``sync`` for a command that only reads: index the commits the index has not seen yet,
    unless a run, import or reanalyse of another process holds the store's run lock. That
    writer indexes its own commits batch by batch; a reader indexing them at the same time
    would race it and leave the index pointing at wrong versions (seen: ``history`` polled
    during an ``import-history``). Returns the commits indexed (0 while a writer works: the
    reader then sees the index as the writer has left it so far, which is consistent)."""
    from tracker.archive.lock import LOCK_NAME, LockHeld, RunLock

    path = store.root / LOCK_NAME
    if path.resolve() in RunLock.held:  # this process is the writer
        return sync(store, index)
    if store.head() == index.get_meta("indexed_head"):
        return 0  # nothing to catch up: no lock needed (the common case)
    try:
        lock = RunLock(path)
        lock.acquire()
    except LockHeld:
        return 0
    except OSError:  # a store on a read-only mount has no lock to take: nobody writes there
        return sync(store, index)
    try:
        return sync(store, index)
    finally:
        lock.release()


def reindex(store: Store, index: Index, executor: Executor | None = None) -> int:
    """Drop the derived tables and rebuild them from the archive (analyses through ``executor``,
    default the current one)."""
    if store.head() is None:
        _refuse_empty_archive(store, index)
    index.clear_derived()
    return index_commits(store, index, store.commits(), executor)


def _refuse_empty_archive(store: Store, index: Index) -> None:
    """An archive that shows no commits while the index knows versions is damaged or missing:
    never wipe the index to match it (the index may be the only record left of what was there)."""
    known = index.version_count()
    if known:
        raise StoreError(
            f"the archive at {store.archive} shows no recorded version but the index knows {known}: "
            "the archive's git repository is damaged or was replaced; restore it from a clone or "
            "backup (nothing was changed), then run `tracker verify`"
        )


# --------------------------------------------------------------------------- recording a run's versions

T = TypeVar("T")


@dataclass(frozen=True)
class Recorded(Generic[T]):
    """A version committed and indexed: the caller's ``tag`` for it, its commit and summary."""

    version: NewVersion
    tag: T
    commit: str
    summary: str


@dataclass
class _InFlight(Generic[T]):
    """New versions on their way: committed by git, then analysed, then indexed."""

    items: list[tuple[NewVersion, T]]
    committed: Future  # -> the batch's Commit objects, from the git thread
    analyses: Pending | None = None
    batch: Batch | None = None


class Recorder(Generic[T]):
    """Records batches of new versions while the caller goes on (fetching, extracting).

    Each batch goes through three stages, in commit order: a git thread writes its commits
    (``git fast-import`` works on the other core meanwhile), its analyses run (in worker
    processes for large batches), then one SQLite transaction indexes it, so ``indexed_head``
    only ever moves forward. A crash at any point leaves at worst commits the index has not seen,
    which the next ``sync`` indexes. ``on_indexed`` is called with each batch once it is both
    committed and indexed (in the caller's thread, from ``record``, ``poll`` or ``drain``).
    Call ``drain`` at the end, also after an error: it stops the git thread.
    """

    MAX_IN_FLIGHT = 3  # batches not indexed yet (each holds its texts: ~10 MB for 50 large pages)

    def __init__(self, store: Store, index: Index, on_indexed: Callable[[list[Recorded[T]]], None]) -> None:
        self.store, self.index, self.on_indexed = store, index, on_indexed
        self.previous: dict[str, str | None] = {}  # latest texts, carried from batch to batch
        self.windows: dict[str, Window] = {}  # latest versions' lines (clause-level reverts)
        self.in_flight: deque[_InFlight[T]] = deque()
        self.git: ThreadPoolExecutor | None = None
        self.analyser: Executor_ | None = None
        # document key -> (the job, its analysis on its way), from analyse_early
        self.early: dict[str, tuple[tuple[str | None, str, str, str], Future]] = {}
        self.early_count = 0
        self.early_allowed: bool | None = None  # the current executor is the local one (asked once)
        # the next batch's versions written to git as the caller settles them (``stage``), not yet recorded
        self.stream: ImportStream | None = None
        self.streamed: list[NewVersion] = []

    def analyse_early(self, key: str, old: str, new: str, kind: str, revert_of: str = "") -> None:
        """Start the analysis of a version of document ``key`` before it is recorded, in one
        worker process (a thread with ``TRACKER_WORKERS=1``, see ``_early_analyser``): the
        analysis (a pure function of the two texts) then runs while the run fetches and extracts
        the other pages, instead of after the last one. ``record`` uses it
        if the version is recorded with the same previous text and kind; else it is ignored. At
        most ``PARALLEL_MIN - 1`` per recorder: large batches go to the worker processes; and
        only with the local executor: a Dask cluster (``--dask``) gets the batches as before."""
        if self.early_count >= PARALLEL_MIN - 1 or key in self.early:
            return
        if self.early_allowed is None:
            self.early_allowed = isinstance(executors.current(), executors.LocalPool)
        if not self.early_allowed:
            return
        if self.analyser is None:
            self.analyser = _early_analyser()
        job = (old, new, kind, revert_of)
        # (a worker process gets the analysis module's own function: it need not import this one)
        from concurrent.futures import ProcessPoolExecutor

        fn = analyse_job if isinstance(self.analyser, ProcessPoolExecutor) else _analyse_job
        self.early[key] = (job, self.analyser.submit(fn, job))
        self.early_count += 1

    def help_early(self) -> int:
        """Once the caller has nothing else to do (a run's fetching is over), analyse here the
        early analyses the worker process has not started yet, the last submitted first, until
        the worker reaches them: the worker takes them in order, so the two meet in the middle,
        and the caller's core is not left idle while one worker works through a queue. Only
        with ``HELP_MIN`` or more waiting: this process loads the analysis first (about 0.3-0.4 s
        of CPU), which fewer would not repay; and only with a core to spare (``_idle_core``): on
        a busy machine the two processes would only take turns, and the loading would be lost.
        Same results (the same function of the same job). Returns how many were analysed here."""
        from concurrent.futures import Future, ProcessPoolExecutor

        if not isinstance(self.analyser, ProcessPoolExecutor):
            return 0  # (a thread, with TRACKER_WORKERS=1, shares this process's interpreter)
        waiting = [key for key, (_, future) in self.early.items() if not future.running() and not future.done()]
        # (counted first: looking for an idle core takes 20 ms of the run's end, and most runs
        # end with fewer analyses waiting)
        if len(waiting) < HELP_MIN or not _idle_core():
            return 0
        from tracker import regex_cache

        regex_cache.install()  # (loading the analysis here compiles its patterns: half of the loading)
        done = 0
        for key in reversed(waiting):
            job, future = self.early[key]
            if not future.cancel():  # the worker has it, and so every one submitted before it
                break
            here: Future = Future()
            here.set_result(_analyse_job(job))
            self.early[key] = (job, here)
            done += 1
        return done

    def _early_results(self, batch: Batch) -> list[Analysis | None]:
        """The early analyses of the batch's jobs, where they were made from the same inputs."""
        results: list[Analysis | None] = []
        for commit, job in zip(batch.commits, batch.jobs):
            found = self.early.pop(f"{commit.service_id}/{commit.document_type}", None)
            same = found is not None and all(a is b or a == b for a, b in zip(found[0], job))
            if found is not None and not same and job[2] == "partial-revert" and found[0][2] == "changed" \
                    and all(a is b or a == b for a, b in zip(found[0][:2], job[:2])):
                # the run saw a new text; the window of earlier versions made it a partial revert
                early = _early_result(found[1])
                results.append(early if early is None or early.summary.startswith(_FAILED)
                               else as_revert(early, job[3], "partial-revert"))
                continue
            results.append(_early_result(found[1]) if found is not None and same else None)
        return results

    def stage(self, version: NewVersion) -> None:
        """Start writing ``version`` to git now, in the git thread (``Store.open_import``): the
        next ``record`` call is to hold it, after the versions staged before it. git then
        compresses and writes each version while the caller goes on fetching, and recording the
        batch only waits for git to close it. A ``record`` of other versions than those staged
        drops the staged ones (``abandon``) and writes its own."""
        git = self._git_thread()
        if self.stream is None:
            self.stream = self.store.open_import()
        self.streamed.append(version)
        git.submit(self.stream.add, version)

    def abandon(self) -> None:
        """Drop the versions staged and not recorded (the caller stops on an error): git stops,
        and the branch does not move."""
        stream, self.stream, self.streamed = self.stream, None, []
        if stream is not None:
            # in the git thread, after the versions it still has to write: one thread uses the stream
            self._git_thread().submit(stream.abort)

    def _git_thread(self) -> "ThreadPoolExecutor":
        if self.git is None:
            from concurrent.futures import ThreadPoolExecutor

            self.git = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tracker-git")
        return self.git

    def record(self, items: Sequence[tuple[NewVersion, T]]) -> None:
        """Start recording a batch (versions of distinct documents, each with the caller's tag);
        waits only while ``MAX_IN_FLIGHT`` batches are on their way already. A batch of the
        versions ``stage`` wrote already, in that order, is only closed."""
        if not items:
            return
        git = self._git_thread()
        versions = [v for v, _ in items]
        stream, streamed = self.stream, self.streamed
        if stream is not None and len(streamed) == len(versions) and all(a is b for a, b in zip(streamed, versions)):
            self.stream, self.streamed = None, []
            committed = git.submit(self._close_stream, stream, versions)
        else:
            self.abandon()
            committed = git.submit(self._commit, versions)
        self.in_flight.append(_InFlight(list(items), committed))
        self.poll()
        while len(self.in_flight) > self.MAX_IN_FLIGHT:
            self._wait_for_oldest()

    def _commit(self, versions: list[NewVersion]) -> list[Commit]:
        """In the git thread: one fast-import for the batch; the Commit objects it wrote."""
        before = self.store.head()
        self.store.record(versions, checkout=False)
        return list(self.store.commits(since=before))

    def _close_stream(self, stream: ImportStream, versions: list[NewVersion]) -> list[Commit]:
        """In the git thread: end a staged batch's import; the Commit objects it wrote (read
        from the messages written, as ``Store.commits`` reads them back, without a ``git log``)."""
        commits = [parse_commit(sha, version.message()) for sha, version in zip(stream.finish(), versions)]
        return [commit for commit in commits if commit.service_id and commit.document_type]

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
        """Wait until every batch is committed and indexed, and the archive's work tree is up to
        date; stop the git and analysis threads.

        The work tree is brought up to date in the git thread as soon as the last batch is
        committed (``Store.checkout_if_stale``), while the last analyses run, instead of after
        them. The analysis worker process is told to stop without waiting for it to exit (the
        interpreter waits for it at exit): its teardown overlaps the last index writes."""
        self.abandon()  # (staged versions never handed over: none on a run's way to its end)
        tree = self.git.submit(self.store.checkout_if_stale) if self.git is not None else None
        try:
            while self.in_flight:
                self._wait_for_oldest()
            if tree is not None:
                tree.result()
        finally:
            if self.git is not None:
                self.git.shutdown()
            if self.analyser is not None:
                self.analyser.shutdown(wait=False, cancel_futures=True)
            self.early.clear()

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
                from concurrent.futures import FIRST_COMPLETED, wait

                wait([f for f in waiting if not f.done()], timeout=1.0, return_when=FIRST_COMPLETED)

    def _start_analyses(self, item: _InFlight[T]) -> None:
        try:
            commits = item.committed.result()
        except StoreError as exc:
            raise StoreError(
                f"could not write {len(item.items)} new version(s) to the archive {self.store.archive}: "
                f"{exc}\nNothing of them was recorded and the versions recorded before are intact. Check "
                "that the archive is writable and the disk is not full, then run again (`tracker verify` "
                "checks the archive)."
            ) from exc
        texts = {commit.sha: version.text for (version, _), commit in zip(item.items, commits)}
        item.batch = prepare(self.store, self.index, commits, self.previous, texts, self.windows)
        item.analyses = analyse_later(item.batch.jobs, self._late_executor(),
                                      early=self._early_results(item.batch) if self.early else ())

    def _late_executor(self) -> Executor | None:
        """Where the analyses of a batch that were not started early go: with the early worker
        process running, a small batch goes to it too (it has the analysis loaded; this process
        has not); otherwise the default (None)."""
        from concurrent.futures import ProcessPoolExecutor

        return _EarlyWorker(self.analyser) if isinstance(self.analyser, ProcessPoolExecutor) else None

    def _index_oldest(self) -> None:
        item = self.in_flight.popleft()
        assert item.batch is not None and item.analyses is not None
        results = item.analyses.result()
        write(self.index, item.batch, results)
        variants = item.batch.variants or [None] * len(results)
        summaries = {commit.sha: framed(result, variant).summary
                     for commit, result, variant in zip(item.batch.commits, results, variants)}
        self.on_indexed([Recorded(version, tag, commit.sha, summaries.get(commit.sha, ""))
                         for (version, tag), commit in zip(item.items, item.batch.commits)])
