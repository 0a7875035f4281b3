"""What `reanalyse` says about where its analyses run is what actually runs (``Executor.where``)."""

from __future__ import annotations

from tracker.analysis.executor import PARALLEL_MIN, InProcess, LocalPool


def _square(chunk: list[int]) -> list[int]:
    return [n * n for n in chunk]


def test_where_names_what_runs_for_each_batch_size() -> None:
    pool = LocalPool(workers=2)
    small, large = PARALLEL_MIN - 1, PARALLEL_MIN
    assert pool.where([3]).startswith("in this process (under 40 analyses a batch")
    assert pool.where([small, small]).startswith("in this process (")
    assert pool.where([large]) == "on local pool of 2 worker processes"
    assert pool.where([large, 3]) == "on local pool of 2 worker processes (1 small batch in this process)"
    assert pool.where([large, 3, 5]).endswith("(2 small batches in this process)")
    assert LocalPool(workers=1).where([large]) == "in this process (TRACKER_WORKERS=1)"
    assert InProcess().where([large]) == "in this process"


def test_in_place_is_what_start_does() -> None:
    """A batch that ``where`` calls in this process finishes at once, with no worker; a larger one
    goes to the pool's futures."""
    import tracker.analysis.executor as executors

    pool = LocalPool(workers=2)
    jobs = list(range(PARALLEL_MIN))
    before = executors._POOL
    tiny = pool.start(_square, jobs[:3])
    assert pool.in_place(3) and tiny.ready() and tiny.result() == [0, 1, 4]
    assert executors._POOL is before  # no worker process was started for it
    big = pool.start(_square, jobs)
    assert not pool.in_place(len(jobs)) and executors._POOL is not None
    assert big.result() == [n * n for n in jobs]


def test_summary_lines_count_the_same_way() -> None:
    """run, reanalyse, import-history and reindex: "N noun(s) in X s: counts", 1 singular."""
    from datetime import datetime, timedelta, timezone

    from tracker.run.result import CheckOutcome, RunResult
    from tracker.text import count

    assert (count(1, "version"), count(2, "version"), count(0, "commit"), count(1234, "commit")) == (
        "1 version", "2 versions", "0 commits", "1,234 commits")
    assert count(2, "batch", "batches") == "2 batches"
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    one = RunResult(1, start, start + timedelta(seconds=2.04), [CheckOutcome("a/Terms", "changed")])
    assert one.summary_line() == "checked 1 document in 2.0 s: 0 new, 1 changed, 0 unchanged, 0 failed"
    many = RunResult(2, start, start + timedelta(seconds=1), [CheckOutcome("a/T", "new"), CheckOutcome("b/T", "held"),
                                                              CheckOutcome("c/T", "skipped")])
    assert many.summary_line() == "checked 2 documents in 1.0 s: 1 new, 0 changed, 0 unchanged, 1 held, 1 skipped, 0 failed"
