"""Where analyses run: one interface over in-process work, a local process pool and a Dask cluster.

The analysis of a version against the one before it is a pure function of two texts, so the
analyses of a batch are independent jobs. An ``Executor`` runs a function over chunks of such
jobs and hands back, in order, what it returned. The caller (the coordinator) reads git before
and writes git and SQLite after; workers only ever receive texts and return analysis records.

Three executors:

- ``InProcess``: here and now, in the calling process (tests, tiny batches, ``TRACKER_WORKERS=1``);
- ``LocalPool``: the default; a pool of ``spawn`` worker processes on this machine, started on
  the first batch with at least ``PARALLEL_MIN`` real analyses and reused afterwards (smaller
  batches run in place: starting workers would cost more than it saves);
- ``DaskCluster``: the workers of a Dask distributed cluster (``--dask tcp://host:8786`` or
  ``TRACKER_DASK_SCHEDULER``). Dask is an optional extra (``pip install -e '.[dask]'``) imported
  only here and only when asked for. A worker that dies mid-batch costs a retry, not a result:
  the scheduler gives its tasks to another worker. Every chunk also returns the worker's
  ``analysis_version()``, and a worker running other analysis code is refused (its labels would
  be stored under this code's version).

``current()`` is the executor a batch uses when the caller names none: the one installed by
``use(...)`` (the command line installs the ``--dask`` one for the length of a command), else a
``LocalPool``, or a ``DaskCluster`` when ``TRACKER_DASK_SCHEDULER`` is set.
"""

from __future__ import annotations

import atexit
import os
import sys
import time
from concurrent.futures import Future
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, Generic, Iterator, Sequence, TypeVar

from tracker.errors import ConfigError, TrackerError

if TYPE_CHECKING:  # worker pools load only when a batch needs them, not for queries
    from concurrent.futures import ProcessPoolExecutor

J = TypeVar("J")
R = TypeVar("R")

# Below this many real analyses (not first versions) in a batch, starting worker processes costs
# more than it saves: measured on 2 cores, 30 analyses in place took less CPU and no more time
# than spawning 2 workers (each imports the analysis first, 0.15-0.3 s of CPU). Read at call time
# (tests lower it).
PARALLEL_MIN = 40
DASK_ENV = "TRACKER_DASK_SCHEDULER"
CONNECT_TIMEOUT = 10.0  # seconds to reach a Dask scheduler before giving up with one clear line
# A Dask task carries its texts; chunks stay small so a lost worker costs little to redo and no
# task graph grows past Dask's large-object warning.
DASK_CHUNK_JOBS = 8
DASK_CHUNK_BYTES = 4_000_000
# A Dask cluster is there already (no process to start): only a batch smaller than one chunk
# runs in place, where the round trip would cost more than the analyses.
DASK_MIN_WORK = DASK_CHUNK_JOBS
# How long a batch waits on a cluster with no worker at all before giving up (Dask would wait on).
NO_WORKER_WAIT = 60.0


class Pending(Generic[R]):
    """Results of a batch, computed already or still running (as ``concurrent.futures.Future``
    objects, whatever the executor, so a caller can ``wait`` on them beside its own)."""

    def __init__(self, done: list[R] | None = None, futures: list[Future] | None = None,
                 check: Callable[[list[Any]], list[list[R]]] | None = None,
                 failed: Callable[[Exception], Exception] | None = None,
                 health: Callable[[], None] | None = None) -> None:
        self._done = done
        self._futures = futures or []
        self._check = check
        self._failed = failed
        self._health = health  # raises when the jobs can no longer finish (a cluster left without workers)

    def ready(self) -> bool:
        if self._done is not None or all(f.done() for f in self._futures):
            return True
        if self._health is not None:
            self._health()
        return False

    @property
    def running(self) -> list[Future]:
        """The jobs not finished yet (none when computed in place)."""
        return [] if self._done is not None else [f for f in self._futures if not f.done()]

    def result(self) -> list[R]:
        """Every result, in the order of the jobs; waits for the running ones. Raises what a
        chunk raised (a ``TrackerError`` naming the cluster for a Dask task that failed), and
        ``ConfigError`` for a Dask worker running other analysis code."""
        if self._done is None:
            if self._health is not None:
                from concurrent.futures import wait

                while not wait(self._futures, timeout=2.0).not_done == set():
                    self._health()
            try:
                chunks = [f.result() for f in self._futures]
            except Exception as exc:
                if self._failed is None:
                    raise
                raise self._failed(exc) from exc
            if self._check is not None:
                chunks = self._check(chunks)
            self._done = [r for chunk in chunks for r in chunk]
        return self._done


class Executor:
    """Runs ``fn(chunk) -> results`` over chunks of independent jobs; see the module docstring.

    ``start(fn, jobs, work)``: ``fn`` must be a module-level function (it is pickled by name);
    ``work`` is how many of the jobs are real work: a batch with less than ``floor`` (default
    ``PARALLEL_MIN``) runs in place. Use as a context manager, or call ``close``.
    """

    name = "executor"

    def start(self, fn: Callable[[list[J]], list[R]], jobs: Sequence[J], work: int | None = None,
              floor: int | None = None) -> Pending[R]:
        raise NotImplementedError

    def describe(self) -> str:
        """One line for progress output, e.g. "local pool of 2 worker processes"."""
        return self.name

    def in_place(self, work: int, floor: int | None = None) -> bool:
        """Whether ``start`` runs a batch of ``work`` real jobs in this process (too few to be
        worth sending out, or nowhere else to send them)."""
        return True

    def where(self, batches: Sequence[int], floor: int | None = None) -> str:
        """Where batches of these numbers of real jobs actually run, as a progress line says it
        after "reanalysing N versions": "in this process", "on local pool of 4 worker
        processes", or that with "(2 small batches in this process)" when some stay here."""
        here = sum(1 for work in batches if self.in_place(work, floor))
        if here == len(batches):
            return "in this process" + ("" if isinstance(self, InProcess) or not batches
                                        else f" ({self._in_place_reason()})")
        elsewhere = f"on {self.describe()}"
        if here:
            elsewhere += f" ({here} small batch{'' if here == 1 else 'es'} in this process)"
        return elsewhere

    def _in_place_reason(self) -> str:
        return "too few analyses to be worth other processes"

    def close(self) -> None:
        """Release what the executor holds (the Dask client); the local pool lives on for reuse."""

    def __enter__(self) -> "Executor":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class InProcess(Executor):
    """Everything in the calling process, in order."""

    name = "in-process"

    def start(self, fn: Callable[[list[J]], list[R]], jobs: Sequence[J], work: int | None = None,
              floor: int | None = None) -> Pending[R]:
        return Pending(done=fn(list(jobs)))


_POOL: "ProcessPoolExecutor | None" = None
_POOL_SIZE = 0


class LocalPool(Executor):
    """Worker processes on this machine: ``workers`` of them (default ``TRACKER_WORKERS``, else
    the cores, at most 4); batches of less than ``PARALLEL_MIN`` real jobs run in place."""

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers if workers is not None else local_workers()

    def describe(self) -> str:
        if self.workers < 2:
            return "in this process (TRACKER_WORKERS=1)"
        return f"local pool of {self.workers} worker processes"

    def in_place(self, work: int, floor: int | None = None) -> bool:
        return work < (PARALLEL_MIN if floor is None else floor) or self.workers < 2

    def _in_place_reason(self) -> str:
        if self.workers < 2:
            return "TRACKER_WORKERS=1"
        return f"under {PARALLEL_MIN} analyses a batch: too few to be worth worker processes"

    def start(self, fn: Callable[[list[J]], list[R]], jobs: Sequence[J], work: int | None = None,
              floor: int | None = None) -> Pending[R]:
        work = len(jobs) if work is None else work
        if self.in_place(work, floor):
            return Pending(done=fn(list(jobs)))
        pool = _local_pool(self.workers)
        size = max(1, len(jobs) // (self.workers * 4))
        chunks = [list(jobs[i: i + size]) for i in range(0, len(jobs), size)]
        return Pending(futures=[pool.submit(fn, chunk) for chunk in chunks])


# The worker processes this process started (``spawn_pool``), for ``stop_workers``.
_WORKERS: "set[Any]" = set()


def spawn_pool(workers: int) -> "ProcessPoolExecutor":
    """A pool of ``workers`` spawned processes that end with the process that started them, and
    that ignore Ctrl-C (``_pool_class``, ``worker_start``): the process that started them stops
    them (``stop_workers``).

    spawn, not fork: the caller may be running an event loop with threads. A worker left behind
    by a coordinator killed with SIGKILL (a cron timeout, the OOM killer) would otherwise wait
    for work forever, holding the run's stdout and stderr open (a caller reading them never
    sees them close) and its memory."""
    import multiprocessing

    return _pool_class()(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                         initializer=worker_start, initargs=(os.getpid(),))


_POOL_CLASS: list[type] = []


def _pool_class() -> "type[ProcessPoolExecutor]":
    """``ProcessPoolExecutor`` whose workers start with SIGINT blocked. A Ctrl-C on a terminal goes
    to the whole process group, workers included: a worker that took it would print a traceback
    (KeyboardInterrupt in ``_process_worker``) over the command's one-line "interrupted" message.
    Blocked while the worker is spawned (a signal mask survives fork and exec), it cannot land
    while the worker starts; ``worker_start`` then ignores it for good."""
    if not _POOL_CLASS:
        import signal
        from concurrent.futures import ProcessPoolExecutor

        class WorkerPool(ProcessPoolExecutor):
            def _spawn_process(self) -> None:  # (ProcessPoolExecutor's one place that starts a worker)
                if not hasattr(signal, "pthread_sigmask"):  # (not POSIX: ``worker_start`` alone)
                    super()._spawn_process()  # type: ignore[misc]
                else:
                    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
                    try:
                        super()._spawn_process()  # type: ignore[misc]
                    finally:
                        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
                _WORKERS.update((self._processes or {}).values())

        _POOL_CLASS.append(WorkerPool)
    return _POOL_CLASS[0]


def stop_workers() -> None:
    """Stop every worker process this process started, at once (SIGTERM, which ends one without a
    word): for a command stopped by Ctrl-C or SIGTERM, whose workers ignore Ctrl-C and would
    otherwise finish their current analysis first, keeping the command from exiting. Never raises."""
    for process in list(_WORKERS):
        try:
            if process.is_alive():
                process.terminate()
        except (OSError, ValueError, AssertionError):  # already gone or closed
            pass
    _WORKERS.clear()


def worker_start(parent: int) -> None:
    """In a new worker process, before its first job: ignore Ctrl-C (the process that started it
    stops it: ``stop_workers``), end it with process ``parent`` (``exit_with_parent``), compile
    regular expressions through the cache of ``tracker.regex_cache`` (half of a worker's start is
    compiling the analysis's patterns), and skip the interpreter's teardown at its end
    (``_end_quickly``)."""
    import signal

    from tracker import regex_cache

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # blocked at its spawn: a Ctrl-C pending since is dropped
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    exit_with_parent(parent)
    # registered before the cache's save (``install``): exit handlers run last registered first
    atexit.register(_end_quickly)
    regex_cache.install()


def _end_quickly() -> None:
    """A worker's last exit handler: end the process at once (``os._exit``), its streams flushed.
    Its jobs' results are sent and the pool's finalizers have run by then (``multiprocessing``
    runs them before the exit handlers); what is left is the interpreter freeing every object
    and module one by one, about 0.15 s of CPU after a run's 30 analyses (their caches, the
    models), which the process that started the pool waits for when it exits."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # closed or gone: nothing to flush
            pass
    os._exit(0)


def exit_with_parent(parent: int, every: float = 0.2) -> None:
    """In a worker process: end it (``os._exit``) as soon as process ``parent`` is gone, checked
    every ``every`` seconds by a daemon thread (an orphan is re-parented, so ``getppid`` changes)."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="tracker-exit-with-parent", daemon=True).start()


def _local_pool(workers: int) -> "ProcessPoolExecutor":
    """The process-wide pool (started once, reused by every batch; restarted on a new size)."""
    global _POOL, _POOL_SIZE
    if _POOL is None or _POOL_SIZE != workers:
        if _POOL is not None:
            _POOL.shutdown(cancel_futures=True)
        _POOL = spawn_pool(workers)
        _POOL_SIZE = workers
        atexit.register(_POOL.shutdown, cancel_futures=True)
    return _POOL


def trim_heap() -> None:
    """Hand the C heap's free pages back to the system (glibc ``malloc_trim``; nothing elsewhere).

    Called between batches by long-lived processes (pool workers after each chunk, the history
    importer after each batch): Python frees the objects of an analysis, but glibc keeps the
    freed pages of its large allocations (whole texts, their pickles) mapped, so a process's
    resident size stayed near the most it ever held. Costs ~1 ms."""
    global _LIBC
    if _LIBC is None:
        import ctypes
        import ctypes.util

        try:
            _LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            _LIBC.malloc_trim.argtypes = [ctypes.c_size_t]
        except (OSError, AttributeError):
            _LIBC = False
    if _LIBC:
        _LIBC.malloc_trim(0)


_LIBC: Any = None
# Blocks from this size on get pages of their own (glibc ``mmap``), handed back when freed.
MMAP_THRESHOLD = 128 << 10


def map_large_blocks() -> bool:
    """Have glibc give every block of ``MMAP_THRESHOLD`` bytes or more pages of its own from now
    on (``mallopt(M_MMAP_THRESHOLD)``, which also stops glibc raising that threshold itself).

    For a long-lived coordinator that holds many large blocks of mixed lifetimes (whole texts,
    their pickles, a batch's packed analyses): glibc raises its threshold after the first large
    free (up to 32 MB), so later texts came from the heap and the space they left, between
    blocks still in use, stayed resident (the history import: 20-28 MB free inside the heaps
    after ``trim_heap``, late in contrib-versions). Returns whether the setting took (False
    off glibc). Process-wide and lasting: call it from commands, not from library code that
    others embed."""
    trim_heap()  # loads the C library (once)
    if not _LIBC:
        return False
    try:
        return bool(_LIBC.mallopt(-3, MMAP_THRESHOLD))  # -3: M_MMAP_THRESHOLD
    except AttributeError:
        return False


def local_workers() -> int:
    """Worker processes for analyses: TRACKER_WORKERS if set (1 = none), else the cores, at most 4.
    Raises ``ConfigError`` for a value that is not a whole number >= 1."""
    configured = os.environ.get("TRACKER_WORKERS", "").strip()
    if not configured:
        return min(os.cpu_count() or 1, 4)
    if not configured.isdigit() or int(configured) < 1:
        raise ConfigError(f"TRACKER_WORKERS must be a whole number of worker processes, 1 or more "
                          f"(1 keeps everything in one process), not '{configured}'")
    return int(configured)


class DaskCluster(Executor):
    """The workers of a Dask distributed cluster, through a ``distributed.Client``.

    ``address`` is the scheduler's (``tcp://host:8786``); ``min_work``: batches with fewer real
    jobs run in place (default ``DASK_MIN_WORK``: a run's handful of changes is not worth the round
    trip; the caller's ``floor``, about starting local processes, does not apply); ``retries``: how often a chunk that raised is tried again (a worker that died is
    handled by the scheduler itself, which gives its tasks to another worker). Raises
    ``ConfigError`` with one line when the ``dask`` extra is not installed, or when no scheduler
    answers at ``address`` within ``timeout`` seconds (default ``CONNECT_TIMEOUT``).
    """

    name = "dask"

    def __init__(self, address: str, *, timeout: float | None = None, min_work: int | None = None,
                 retries: int = 2) -> None:
        self.address = address.strip()
        self._checked = 0.0
        self._no_worker_since: float | None = None
        timeout = CONNECT_TIMEOUT if timeout is None else timeout
        self.min_work = min_work
        self.retries = retries
        try:
            from distributed import Client
        except ImportError:
            raise ConfigError("--dask needs Dask's distributed package, which is not installed: "
                              "pip install 'tracker[dask]' (or pip install -e '.[dask]' in a checkout)") from None
        if not self.address:
            raise ConfigError(f"the Dask scheduler address is empty; give one like tcp://host:8786 (--dask or {DASK_ENV})")
        _check_address(self.address)
        try:
            self.client = Client(self.address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ConfigError(f"cannot reach the Dask scheduler at {self.address} within {timeout:g} s ({reason}); "
                              "start one with `dask scheduler` and workers with `dask worker ADDRESS`, "
                              "or check the address") from None

    def describe(self) -> str:
        info = self.client.scheduler_info(n_workers=1)
        return f"Dask cluster at {self.address} ({info.get('n_workers', 0)} workers, {info.get('total_threads', 0)} threads)"

    def in_place(self, work: int, floor: int | None = None) -> bool:
        return work < (DASK_MIN_WORK if self.min_work is None else self.min_work)

    def _in_place_reason(self) -> str:
        least = DASK_MIN_WORK if self.min_work is None else self.min_work
        return f"under {least} analyses a batch: too few to be worth the cluster's round trip"

    def start(self, fn: Callable[[list[J]], list[R]], jobs: Sequence[J], work: int | None = None,
              floor: int | None = None) -> Pending[R]:
        work = len(jobs) if work is None else work
        if self.in_place(work, floor) or not jobs:
            return Pending(done=fn(list(jobs)))
        futures = []
        for chunk in _chunks(list(jobs), DASK_CHUNK_JOBS, DASK_CHUNK_BYTES):
            remote = self.client.submit(_versioned, fn, chunk, pure=False, retries=self.retries)
            futures.append(_as_future(remote))
        return Pending(futures=futures, check=self._check_versions, failed=self._failed, health=self._health)

    def _health(self) -> None:
        """Raise ``TrackerError`` once the cluster has had no worker for ``NO_WORKER_WAIT``
        seconds (asked at most every 2 s): Dask itself would wait for one forever. A worker
        that cannot load this tracker's code also leaves the cluster this way."""
        now = time.monotonic()
        if now - self._checked < 2.0:
            return
        self._checked = now
        if self.client.scheduler_info(n_workers=1).get("n_workers", 1):
            self._no_worker_since = None
            return
        if self._no_worker_since is None:
            self._no_worker_since = now
        elif now - self._no_worker_since >= NO_WORKER_WAIT:
            raise TrackerError(f"the Dask cluster at {self.address} has had no worker for {NO_WORKER_WAIT:g} s; "
                               f"start workers (dask worker {self.address}) that run this tracker "
                               "(pip install 'tracker[dask]' of the same version), or run without --dask")

    def _failed(self, exc: Exception) -> Exception:
        """A task that failed on the cluster (analyses themselves never raise: ``fn`` reports
        them), e.g. lost with every worker that tried it, or not loadable there."""
        reason = (str(exc).splitlines() or [""])[0][:300] or type(exc).__name__
        return TrackerError(f"the analyses on the Dask cluster at {self.address} failed ({type(exc).__name__}: "
                            f"{reason}); check that its workers run this tracker (pip install 'tracker[dask]' "
                            "of the same version) and stay up, or run without --dask")

    def _check_versions(self, chunks: list[Any]) -> list[list[Any]]:
        from tracker.analysis.analyse import analysis_version

        mine = analysis_version()
        for version, _ in chunks:
            if version != mine:
                raise ConfigError(f"a Dask worker of {self.address} runs other analysis code (analysis version "
                                  f"{version}, here {mine}): install the same tracker on the workers and "
                                  "restart them")
        return [results for _, results in chunks]

    def close(self) -> None:
        self.client.close()


def _versioned(fn: Callable[[list[J]], list[R]], chunk: list[J]) -> tuple[str, list[R]]:
    """On a Dask worker: the worker's analysis version and ``fn(chunk)``."""
    from tracker.analysis.analyse import analysis_version

    return analysis_version(), fn(chunk)


_RESULT_WAIT = 120.0  # seconds a finished Dask task's result may take to reach the client


def _as_future(remote: Any) -> Future:
    """A ``concurrent.futures.Future`` that settles with a Dask future (callbacks run on the
    client's thread: the caller then waits on one kind of future, whatever the executor)."""
    local: Future = Future()

    def settle(done: Any) -> None:
        try:
            # A result asked for once the client is closing never comes (its IO loop is gone) and
            # the callback thread then holds the interpreter's exit for ever: say so instead, and
            # bound the wait for a result still on its way from a worker.
            if getattr(getattr(done, "client", None), "status", "running") in ("closing", "closed"):
                raise RuntimeError("the Dask client closed before this analysis result was collected")
            local.set_result(done.result(timeout=_RESULT_WAIT))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits on the result
            local.set_exception(exc)

    remote.add_done_callback(settle)
    return local


def _chunks(jobs: list[J], most: int, max_bytes: int) -> Iterator[list[J]]:
    """Consecutive chunks of at most ``most`` jobs and (after the first job) ``max_bytes`` of text."""
    chunk: list[J] = []
    size = 0
    for job in jobs:
        weight = sum(len(part) for part in job if isinstance(part, str)) if isinstance(job, tuple) else 0
        if chunk and (len(chunk) >= most or size + weight > max_bytes):
            yield chunk
            chunk, size = [], 0
        chunk.append(job)
        size += weight
    if chunk:
        yield chunk


# --------------------------------------------------------------------------- the current executor

_CURRENT: list[Executor] = []


def make_executor(dask: str | None = None, *, min_work: int | None = None) -> Executor:
    """``DaskCluster(dask)`` when an address is given, else a ``LocalPool``. Raises ``ConfigError``
    (see ``DaskCluster``, ``local_workers``)."""
    if dask:
        return DaskCluster(dask, min_work=min_work)
    return LocalPool()


def current() -> Executor:
    """The executor installed by ``use``; else one made from the environment (a ``DaskCluster``
    when ``TRACKER_DASK_SCHEDULER`` is set, kept for the rest of the process; else a ``LocalPool``)."""
    if _CURRENT:
        return _CURRENT[-1]
    address = os.environ.get(DASK_ENV, "").strip()
    if address:
        executor = DaskCluster(address)
        _CURRENT.append(executor)
        atexit.register(executor.close)
        return executor
    return LocalPool()


@contextmanager
def use(executor: Executor) -> Iterator[Executor]:
    """Make ``executor`` the ``current()`` one inside the block (it is not closed on the way out)."""
    _CURRENT.append(executor)
    try:
        yield executor
    finally:
        _CURRENT.remove(executor)


def check_settings() -> None:
    """Refuse a bad ``TRACKER_WORKERS`` before anything is fetched (raises ``ConfigError``)."""
    local_workers()


def _check_address(address: str) -> None:
    """Raise ConfigError for a scheduler address Dask cannot parse ("host" without a port): a
    ``Client`` given one fails half-built, and its finaliser then hangs 20 s at exit and prints
    a traceback."""
    from distributed.comm import parse_address
    from distributed.comm.addressing import parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme in ("tcp", "tls", "ws", "wss"):
            parse_host_port(location)
    except ValueError as exc:
        raise ConfigError(f"--dask {address!r} is not a Dask scheduler address ({exc}); give one like "
                          "tcp://host:8786") from None
