"""The run's early analysis worker: what a small batch has left goes to it, and a worker that is
gone costs an analysis in place, never the run."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

from tracker.archive import record
from tracker.records import Analysis

OLD = "# Fictional Lumenwick Terms\n\n## Refunds\n\nRefunds are paid within 14 days of a request.\n"
NEW = OLD.replace("14 days", "60 days")
JOBS = [(OLD, NEW, "changed", ""), (None, NEW, "first", "")]


def test_a_small_batch_goes_to_the_worker_and_gets_the_in_place_analyses():
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    try:
        pending = record._EarlyWorker(pool).start(record._analyse_chunk, JOBS, work=1)
        assert pending.running  # sent to the worker, not computed here
        got = pending.result()
    finally:
        pool.shutdown()
    assert got == record._analyse_chunk(JOBS)
    assert "60 days" in got[0].summary and got[1].summary == "First version recorded"


def test_a_worker_that_is_gone_costs_an_analysis_in_place():
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    pool.shutdown()
    pending = record._EarlyWorker(pool).start(record._analyse_chunk, JOBS, work=1)
    assert not pending.running and pending.result() == record._analyse_chunk(JOBS)
    failed: Future = Future()
    failed.set_exception(RuntimeError("worker killed"))
    done: Future = Future()
    done.set_result(Analysis(summary="ok"))
    assert record._early_result(failed) is None and record._early_result(done) == Analysis(summary="ok")


def test_a_worker_ends_when_the_run_that_started_it_is_killed(tmp_path):
    """SIGKILL of a run (cron timeout, OOM killer) must not leave its analysis worker behind,
    holding the run's output pipes open and waiting for work forever."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "coordinator.py"
    script.write_text(
        "import os, time\n"
        "from tracker.analysis.executor import spawn_pool\n"
        "if __name__ == '__main__':\n"
        "    pool = spawn_pool(1)\n"
        "    print(pool.submit(os.getpid).result(), flush=True)\n"
        "    time.sleep(600)\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env)
    worker = int(proc.stdout.readline())
    os.kill(worker, 0)  # alive
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        os.kill(worker, signal.SIGKILL)
        raise AssertionError("the worker outlived the process that started it")
    assert proc.stdout.read() == ""  # the pipe closed: nothing holds it open


def test_when_fetching_is_over_the_run_analyses_the_worker_s_queue_from_its_end(tmp_path, monkeypatch):
    """``Recorder.help_early``: the analyses the worker has not started are computed in this
    process, the last first, with the results the worker would give; the one it has started is
    left to it."""
    import time

    from tracker.analysis.executor import spawn_pool
    from tracker.archive.index import Index
    from tracker.archive.store import Store

    monkeypatch.setattr(record, "HELP_MIN", 2)
    monkeypatch.setattr(record, "_idle_core", lambda: True)  # whatever else this machine is doing
    docs = [f"svc/Doc {i}" for i in range(4)]
    jobs = {key: (OLD, NEW.replace("60 days", f"{30 + i} days"), "changed", "") for i, key in enumerate(docs)}
    with Index(tmp_path / "index.sqlite") as index:
        recorder = record.Recorder(Store(tmp_path), index, lambda recorded: None)
        recorder.early_allowed = True
        recorder.analyser = spawn_pool(1)
        try:
            recorder.analyser.submit(time.sleep, 5)  # the worker is busy with an earlier job
            for key in docs:
                recorder.analyse_early(key, *jobs[key])
            helped = recorder.help_early()
            # taken back from the end of the queue (a process pool hands a job ahead to its
            # worker, which cannot be taken back, unless its manager thread has not run yet: then
            # all four)
            assert 1 <= helped <= len(docs)
            assert all(recorder.early[key][1].done() for key in docs[-helped:])
            results = {key: recorder.early[key][1].result() for key in docs}
        finally:
            recorder.analyser.shutdown(wait=False, cancel_futures=True)
    assert results == {key: record._analyse_job(jobs[key]) for key in docs}
    assert "33 days" in results["svc/Doc 3"].summary


def test_no_help_for_a_short_queue_nor_for_a_thread(tmp_path, monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    from tracker.archive.index import Index
    from tracker.archive.store import Store

    with Index(tmp_path / "index.sqlite") as index:
        recorder = record.Recorder(Store(tmp_path), index, lambda recorded: None)
        assert recorder.help_early() == 0  # no early analysis at all
        recorder.early_allowed = True
        recorder.analyser = ThreadPoolExecutor(max_workers=1)
        monkeypatch.setattr(record, "HELP_MIN", 1)
        monkeypatch.setattr(record, "_idle_core", lambda: True)
        try:
            recorder.analyse_early("svc/Doc", *JOBS[0])
            assert recorder.help_early() == 0  # a thread shares this interpreter: nothing to gain
        finally:
            recorder.analyser.shutdown()


def test_no_help_on_a_machine_without_an_idle_core(tmp_path, monkeypatch):
    import os

    from tracker.analysis.executor import spawn_pool
    from tracker.archive.index import Index
    from tracker.archive.store import Store

    monkeypatch.setattr(record, "HELP_MIN", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(record, "_runnable", lambda: 3)  # this process, and other work for both cores
    assert not record._idle_core()
    with Index(tmp_path / "index.sqlite") as index:
        recorder = record.Recorder(Store(tmp_path), index, lambda recorded: None)
        recorder.early_allowed = True
        recorder.analyser = spawn_pool(1)
        try:
            for i in range(3):
                recorder.analyse_early(f"svc/Doc {i}", *JOBS[0])
            assert recorder.help_early() == 0
        finally:
            recorder.analyser.shutdown(wait=False, cancel_futures=True)
    monkeypatch.setattr(record, "_runnable", lambda: 2)  # this process and the worker
    assert record._idle_core()
    monkeypatch.setattr(record, "_runnable", lambda: None)  # a system that does not say
    assert record._idle_core()


def test_runnable_tasks_counted_now():
    import os

    runnable = record._runnable()
    assert runnable is not None and runnable >= 1  # at least this process, running the test
    if os.path.exists("/proc/loadavg"):
        assert isinstance(runnable, int)  # read from the instant, not the 1-minute average


def test_a_worker_ends_without_tearing_down_but_after_its_exit_handlers(tmp_path, monkeypatch):
    """A worker process skips the interpreter's teardown at its end (``executor._end_quickly``),
    and only that: the exit handlers registered after its start still run (the regex cache's
    save, which writes the analysis's patterns compiled in the worker), and it ends with code 0."""
    from tracker.analysis.analyse import analyse_job
    from tracker.analysis.executor import spawn_pool

    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path))  # (a spawned worker reads the environment)
    pool = spawn_pool(1)
    old = "# Plumly Terms\n\n## 1. Fees\n\nYou pay the Plumly fee every month.\n"
    result = pool.submit(analyse_job, (old, old.replace("every month", "every week"), "changed", "")).result()
    processes = list(pool._processes.values())  # type: ignore[attr-defined]
    pool.shutdown(wait=True)
    assert result.changes and processes
    assert all(process.exitcode == 0 for process in processes)
    assert list(tmp_path.glob("regex-*.marshal"))  # saved by the worker's own exit handler
