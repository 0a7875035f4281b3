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
