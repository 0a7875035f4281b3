"""Scheduled-run plumbing through the real CLI: the run lock, shards, --every, output modes."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from werkzeug.wrappers import Response

from support import FAST_RUN
from tracker.errors import ConfigError
from tracker.archive.lock import LOCK_NAME, LockHeld, RunLock
from tracker.run.schedule import parse_interval, parse_shard, select_shard, shard_of
from tracker.sources.config import Document

ROOT = Path(__file__).resolve().parents[1]


def handler(request):
    if request.path == "/robots.txt":
        return Response("", status=404)
    return Response(f"<html><body><main><h1>{request.path}</h1><p>Terms of {request.path}.</p></main></body></html>",
                    content_type="text/html")


@pytest.fixture
def env(tmp_path, httpserver, tracker_cli):
    httpserver.expect_request("/robots.txt").respond_with_handler(handler)
    lines = []
    for s in range(4):
        lines += [f'[[service]]\nid = "svc{s}"\nname = "Service {s}"']
        for d in range(3):
            httpserver.expect_request(f"/s{s}/d{d}").respond_with_handler(handler)
            lines += [f'  [[service.document]]\n  type = "Doc {d}"\n  url = "{httpserver.url_for(f"/s{s}/d{d}")}"']
    sources = tmp_path / "sources.toml"
    sources.write_text("\n".join(lines) + "\n", encoding="utf-8")
    runner = tracker_cli(sources, run_options=(*FAST_RUN, "--per-host", "8"), code=None)

    def tracker(*args: str):
        return runner("run", *args)

    return tracker, runner.store, sources


# --------------------------------------------------------------------------- lock


def test_second_run_exits_5_while_the_lock_is_held(env):
    tracker, store, _ = env
    lock = RunLock(store / LOCK_NAME)
    lock.acquire()
    try:
        result = tracker("--json")
        assert result.exit_code == 5
        assert f"another tracker run holds {store / LOCK_NAME} (pid {os.getpid()})" in result.output
        assert not (store / "archive").exists()  # nothing was done
    finally:
        lock.release()
    assert tracker("-q").exit_code == 0  # released: the next run goes ahead


def test_lock_is_exclusive_and_reusable(tmp_path):
    path = tmp_path / "deep" / "run.lock"
    with RunLock(path):
        with pytest.raises(LockHeld) as held:
            RunLock(path).acquire()
        assert held.value.pid == os.getpid()
    with RunLock(path):  # free again after release
        pass


def test_lock_is_released_when_the_holder_dies(tmp_path):
    path = tmp_path / "run.lock"
    code = f"from tracker.archive.lock import RunLock; RunLock({str(path)!r}).acquire(); import os; os._exit(0)"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    with RunLock(path):  # no stale lock, unlike a pid file
        pass


# --------------------------------------------------------------------------- shards


def test_shards_partition_the_documents():
    documents = [Document(f"svc{i % 7}", "S", f"Doc {i}", f"https://e.example/{i}") for i in range(200)]
    for total in (1, 2, 3, 5):
        shards = [select_shard(documents, i, total) for i in range(1, total + 1)]
        keys = [d.key for shard in shards for d in shard]
        assert sorted(keys) == sorted(d.key for d in documents)  # every one, exactly once
        if total > 1:
            assert all(len(s) > 200 / total / 2 for s in shards)  # roughly even
    # by key, not by position: reordering the list changes nobody's shard
    assert select_shard(documents[::-1], 2, 3) == select_shard(documents, 2, 3)[::-1]
    assert shard_of("openrouter/Terms of Service", 4) == shard_of("openrouter/Terms of Service", 4)


def test_shard_cli_covers_every_document_once(env):
    tracker, _, _ = env
    seen: list[str] = []
    for i in (1, 2, 3):
        result = tracker("--shard", f"{i}/3", "--json")
        assert result.exit_code in (0, 2), result.output
        if result.exit_code == 0:
            seen += [d["key"] for d in json.loads(result.output)["documents"]]
    assert sorted(seen) == sorted(f"svc{s}/Doc {d}" for s in range(4) for d in range(3))


@pytest.mark.parametrize("bad", ["3/2", "0/2", "1/0", "2", "a/b", "1/2/3"])
def test_bad_shard_is_a_usage_error(env, bad):
    tracker, _, _ = env
    result = tracker("--shard", bad)
    assert result.exit_code == 2 and "bad shard" in result.output


def test_parse_shard():
    assert parse_shard("1/4") == (1, 4) and parse_shard(" 4 / 4 ") == (4, 4)
    with pytest.raises(ConfigError):
        parse_shard("5/4")


# --------------------------------------------------------------------------- --every


def test_parse_interval():
    assert parse_interval("30m") == 1800 and parse_interval("6h") == 21600 and parse_interval("1d") == 86400
    assert parse_interval("90s") == 90 and parse_interval("1.5h") == 5400
    for bad in ("6", "0h", "-1h", "h", "6 hours", "1w"):
        with pytest.raises(ConfigError):
            parse_interval(bad)


def test_bad_interval_is_a_usage_error(env):
    tracker, store, _ = env
    result = tracker("--every", "soon")
    assert result.exit_code == 2 and "bad interval" in result.output
    assert not (store / "archive").exists()


def test_every_runs_repeatedly_and_stops_cleanly_on_ctrl_c(env):
    _, store, sources = env
    proc = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources), "run",
         "--host-delay", "0", "--per-host", "8", "-q", "--every", "4s", "--service", "svc0"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 30
        summaries: list[str] = []
        while len(summaries) < 2 and time.monotonic() < deadline:
            line = proc.stdout.readline()  # type: ignore[union-attr]
            # with --every each summary starts with its run's time, "2026-12-05 07:36:50 UTC  checked ..."
            if " UTC  checked" in line:
                summaries.append(line.split(" UTC  ", 1)[1])
        time.sleep(0.5)  # the second run has returned: Ctrl-C lands in the wait between runs
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert summaries[0].startswith("checked 3 documents in ") and ": 3 new" in summaries[0]
    assert summaries[1].startswith("checked 3 documents in ") and ": 0 new, 0 changed, 3 unchanged" in summaries[1]  # a normal second run
    assert proc.returncode == 0
    assert "stopped" in err and "Traceback" not in err and "interrupted" not in err


def test_ctrl_c_during_a_run_of_every_says_the_run_was_cut_short(tmp_path, httpserver):
    # a log reader must tell a run cut short from a loop stopped between runs (newuser5)
    import threading

    asked, release = threading.Event(), threading.Event()

    def slow(request):
        asked.set()
        release.wait(20)
        return Response("<html><body><main><p>Terms.</p></main></body></html>", content_type="text/html")

    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/slow").respond_with_handler(slow)
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[service]]\nid = "slowco"\nname = "SlowCo"\n  [[service.document]]\n'
                       f'  type = "Terms"\n  url = "{httpserver.url_for("/slow")}"\n', encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--store", str(tmp_path / "store"), "--sources", str(sources), "run",
         "--host-delay", "0", "-q", "--every", "1h"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert asked.wait(30), "the run never fetched the page"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        release.set()
        proc.kill()
    assert proc.returncode == 130
    assert "interrupted (Ctrl-C) during run 1" in err and "Traceback" not in err


# --------------------------------------------------------------------------- output


def test_plain_lines_when_not_a_terminal(env):
    """CliRunner's stderr is not a TTY: one line per document, as before, and no bar."""
    tracker, _, _ = env
    result = tracker("--service", "svc1")
    assert result.exit_code == 0
    lines = [line for line in result.output.splitlines() if not line.startswith("note: this run created a new archive")]
    assert len(lines) == len(result.output.splitlines()) - 1  # the first run says it made the archive (stderr)
    assert sorted(line.split()[0] for line in lines[:-1]) == ["new"] * 3
    assert re.fullmatch(r"checked 3 documents in \d+\.\d s: 3 new, 0 changed, 0 unchanged, 0 failed", lines[-1]), lines[-1]
    assert "\x1b[" not in result.output  # no progress-bar escape codes


def test_the_progress_bar_follows_the_run_events(capsys):
    """On a terminal the bar counts the documents checked and prints only what is not unchanged."""
    from datetime import datetime, timezone

    from tracker.cli.run_view import RunProgress
    from tracker.run import CheckOutcome, DocumentChecked, RunFinished, RunResult, RunStarted

    with RunProgress() as bar:
        bar(RunStarted(7, 2))
        bar(DocumentChecked(CheckOutcome("acme/Terms", "unchanged", http_status=304)))
        bar(DocumentChecked(CheckOutcome("acme/Privacy", "failed", "HTTP 500", 500)))
        assert (bar.progress.tasks[0].total, bar.progress.tasks[0].completed) == (2, 2)
        bar(RunFinished(RunResult(7, datetime.now(timezone.utc))))
    out, err = capsys.readouterr()
    assert "   failed  acme/Privacy  (HTTP 500; " in err  # then the fix the display adds (faults16)
    assert "acme/Terms" not in out + err


# --------------------------------------------------------------------------- work tree


def _git(store: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=store / "archive", capture_output=True, text=True, check=True).stdout


def test_work_tree_matches_the_branch_after_a_run_of_many_batches(env, monkeypatch):
    """Batches are committed without touching the work tree; the run brings it up to date once."""
    import tracker.run.loop

    monkeypatch.setattr(tracker.run.loop, "BATCH_SIZE", 5)  # 12 documents: 3 batches
    tracker, store, _ = env
    assert tracker("-q").exit_code == 0
    assert len(_git(store, "log", "--format=%H").split()) == 12
    assert _git(store, "status", "--porcelain") == ""
    assert (store / "archive" / "svc3" / "Doc 2.md").read_text(encoding="utf-8").startswith("# /s3/d2")
    assert not (store / "archive" / ".git" / "tracker-stale-tree").exists()


def test_a_work_tree_left_behind_by_a_killed_run_is_brought_up_to_date(env):
    tracker, store, _ = env
    assert tracker("-q").exit_code == 0
    (store / "archive" / "svc0" / "Doc 0.md").unlink()  # as if the run died before its checkout
    (store / "archive" / ".git" / "tracker-stale-tree").touch()
    assert tracker("-q").exit_code == 0  # nothing changed, but the tree is restored
    assert (store / "archive" / "svc0" / "Doc 0.md").exists()
    assert _git(store, "status", "--porcelain") == ""


# --------------------------------------------------------------------------- pipeline


def test_batches_analysed_in_worker_processes_are_indexed_in_commit_order(tmp_path, httpserver, monkeypatch):
    """Three batches in flight at once (git thread, worker processes): every version is indexed,
    in commit order, with the same analysis as a plain in-process one."""
    import tracker.archive.record
    import tracker.run.loop
    from tracker.analysis.analyse import analyse
    from tracker.fetch import FetchOptions
    from tracker.archive.index import Index
    from tracker.run.loop import run_snapshot
    from tracker.archive.store import Store

    monkeypatch.setattr(tracker.run.loop, "BATCH_SIZE", 10)
    monkeypatch.setattr(tracker.archive.record, "PARALLEL_MIN", 2)
    monkeypatch.setenv("TRACKER_WORKERS", "2")
    months = {"n": 12}

    def page(request):
        if request.path == "/robots.txt":
            return Response("", status=404)
        return Response(f"<html><body><main><h1>Terms {request.path}</h1><h2>Credits</h2>"
                        f"<p>Credits expire {months['n']} months after purchase.</p>"
                        "<h2>Law</h2><p>These terms are governed by the laws of Ireland.</p></main></body></html>",
                        content_type="text/html")

    httpserver.expect_request("/robots.txt").respond_with_handler(page)
    documents = []
    for i in range(30):
        httpserver.expect_request(f"/d{i}").respond_with_handler(page)
        documents.append(Document(f"svc{i % 3}", f"Service {i % 3}", f"Doc {i}", httpserver.url_for(f"/d{i}")))
    store = Store(tmp_path / "store")
    options = FetchOptions(host_delay=0.0, per_host=8, robots=False)
    assert {o.outcome for o in run_snapshot(store, documents, options).outcomes} == {"new"}
    months["n"] = 6
    result = run_snapshot(store, documents, options)
    assert sorted(o.outcome for o in result.outcomes) == ["changed"] * 30
    log = subprocess.run(["git", "log", "--reverse", "--format=%H"], cwd=store.archive, capture_output=True,
                         text=True, check=True).stdout.split()
    assert len(log) == 60
    with Index(store.index_path) as index:
        assert index.get_meta("indexed_head") == log[-1]
        versions = [v for doc in index.all_versions().values() for v in doc]
        rows = [v for v in versions if v.seq == 2]
        assert sorted(r.commit_sha for r in rows) == sorted(log[30:])
        assert {r.commit_sha for r in rows} == {o.commit for o in result.outcomes}
        firsts = {v.document_key: v.commit_sha for v in versions if v.seq == 1}
        for row in rows:
            path = f"{row.document_key}.md"
            old, new = store.read(firsts[row.document_key], path), store.read(row.commit_sha, path)
            assert row.summary == analyse(old, new).summary
            assert row.material is True and "6 months" in row.summary


def test_a_failing_analysis_is_reported_in_the_summary_and_does_not_stop_the_run(env, monkeypatch):
    """The version is committed before it is analysed: an analysis bug must not block indexing
    (every later run would otherwise trip over the same commit)."""
    import tracker.archive.record as record

    run, store, _ = env
    real = record.analyse

    def broken(old, new, **kwargs):
        if "/s1/d1" in new:
            raise ValueError("unexpected text")
        return real(old, new, **kwargs)

    monkeypatch.setattr(record, "analyse", broken)
    monkeypatch.setenv("TRACKER_WORKERS", "1")
    result = run("--json")
    assert result.exit_code == 0, result.output
    outcomes = {d["key"]: d for d in json.loads(result.output)["documents"]}
    assert outcomes["svc1/Doc 1"]["outcome"] == "new"
    assert outcomes["svc1/Doc 1"]["summary"].startswith("Could not analyse this version (ValueError")
    assert outcomes["svc0/Doc 0"]["summary"] == "First version recorded"


@pytest.mark.parametrize("value", ["abc", "0", "-2"])
def test_a_bad_tracker_workers_value_stops_the_run_before_any_fetch(env, monkeypatch, value):
    run, store, _ = env
    monkeypatch.setenv("TRACKER_WORKERS", value)
    result = run("-q")
    assert result.exit_code == 2
    assert "TRACKER_WORKERS must be a whole number of worker processes, 1 or more" in result.output
    assert not (store / "archive").exists()  # nothing fetched, nothing written


@pytest.mark.parametrize("workers", ["1", "2"])
def test_changed_documents_are_analysed_while_the_run_fetches(tmp_path, httpserver, monkeypatch, workers):
    """A few changed documents are analysed as soon as their new text is known (the run goes on
    fetching meanwhile): in one worker process, or in the recorder's analysis thread with
    TRACKER_WORKERS=1; the run's own thread analyses none of them, and the index gets the very
    analysis a plain in-process one gives."""
    import threading
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    import tracker.archive.record as record
    from tracker.analysis.analyse import analyse
    from tracker.archive.index import Index
    from tracker.archive.store import Store
    from tracker.fetch import FetchOptions
    from tracker.run.loop import run_snapshot

    months = {"n": 12}

    def page(request):
        if request.path == "/robots.txt":
            return Response("", status=404)
        return Response(f"<html><body><main><h1>Terms {request.path}</h1><h2>Credits</h2>"
                        f"<p>Credits expire {months['n']} months after purchase.</p>"
                        "<h2>Law</h2><p>These terms are governed by the laws of Ireland.</p></main></body></html>",
                        content_type="text/html")

    httpserver.expect_request("/robots.txt").respond_with_handler(page)
    documents = []
    for i in range(4):
        httpserver.expect_request(f"/d{i}").respond_with_handler(page)
        documents.append(Document("svc", "Service", f"Doc {i}", httpserver.url_for(f"/d{i}")))
    store = Store(tmp_path / "store")
    options = FetchOptions(host_delay=0.0, per_host=8, robots=False)
    assert {o.outcome for o in run_snapshot(store, documents, options).outcomes} == {"new"}

    threads: list[str] = []
    real = record._analyse_job

    def watched(job):  # the real analysis; only where it ran is noted
        threads.append(threading.current_thread().name)
        return real(job)

    analysers: list[object] = []
    real_analyser = record._early_analyser

    def analyser():
        analysers.append(real_analyser())
        return analysers[-1]

    monkeypatch.setattr(record, "_analyse_job", watched)
    monkeypatch.setattr(record, "_early_analyser", analyser)
    monkeypatch.setenv("TRACKER_WORKERS", workers)
    months["n"] = 6
    result = run_snapshot(store, documents, options)
    assert sorted(o.outcome for o in result.outcomes) == ["changed"] * 4
    assert len(analysers) == 1
    if workers == "1":
        assert isinstance(analysers[0], ThreadPoolExecutor)
        assert len(threads) == 4 and all(name.startswith("tracker-analyse") for name in threads)
    else:  # (``watched`` is this process's: the worker runs the module's own function)
        assert isinstance(analysers[0], ProcessPoolExecutor)
        assert threads == []
    log = subprocess.run(["git", "log", "--reverse", "--format=%H"], cwd=store.archive, capture_output=True,
                         text=True, check=True).stdout.split()
    with Index(store.index_path) as index:
        versions = [v for doc in index.all_versions().values() for v in doc]
        firsts = {v.document_key: v.commit_sha for v in versions if v.seq == 1}
        rows = [v for v in versions if v.seq == 2]
        assert sorted(r.commit_sha for r in rows) == sorted(log[4:])
        for row in rows:
            path = f"{row.document_key}.md"
            old, new = store.read(firsts[row.document_key], path), store.read(row.commit_sha, path)
            expected = analyse(old, new)
            assert (row.summary, row.material, row.changes) == (expected.summary, expected.material,
                                                                len(expected.changes))
            assert "6 months" in row.summary
            assert "6 months" in (store.archive / path).read_text(encoding="utf-8")
    # the work tree was brought up to date (in the git thread, while the last analyses ran)
    assert not (store.archive / ".git" / "tracker-stale-tree").exists()
    assert subprocess.run(["git", "status", "--porcelain"], cwd=store.archive, capture_output=True, text=True,
                          check=True).stdout == ""


def test_a_changed_page_is_analysed_before_its_second_fetch_and_a_blink_records_nothing(tmp_path, httpserver,
                                                                                       monkeypatch):
    """A changed page is fetched a second time before it is recorded (a blinking page gives the
    latest text back), and that request queues behind the run's others: its analysis starts at
    the first fetch, not the second. When the second fetch confirms, the version uses that
    analysis; when it gives the latest text back, nothing is recorded, whatever was analysed."""
    import tracker.archive.record as record
    from tracker.analysis.analyse import analyse
    from tracker.archive.index import Index
    from tracker.archive.store import Store
    from tracker.fetch import FetchOptions
    from tracker.run.loop import run_snapshot

    months = {"n": 12}
    served: dict[str, int] = {}  # path -> requests in this run
    blinking = "/d1"  # its second request in a run gives the old text back

    def page(request):
        served[request.path] = served.get(request.path, 0) + 1
        n = 12 if request.path == blinking and served[request.path] % 2 == 0 else months["n"]
        return Response(f"<html><body><main><h1>Terms {request.path}</h1><h2>Credits</h2>"
                        f"<p>Credits expire {n} months after purchase.</p>"
                        "<h2>Law</h2><p>These terms are governed by the laws of Ireland.</p></main></body></html>",
                        content_type="text/html")

    documents = []
    for i in range(3):
        httpserver.expect_request(f"/d{i}").respond_with_handler(page)
        documents.append(Document("svc", "Service", f"Doc {i}", httpserver.url_for(f"/d{i}")))
    store = Store(tmp_path / "store")
    options = FetchOptions(host_delay=0.0, per_host=8, robots=False)
    assert {o.outcome for o in run_snapshot(store, documents, options).outcomes} == {"new"}

    started: dict[str, int] = {}  # document key -> requests its page had had when its analysis started
    real = record.Recorder.analyse_early

    def watched(self, key, old, new, kind, revert_of=""):
        started.setdefault(key, served[f"/d{key[-1]}"])
        return real(self, key, old, new, kind, revert_of)

    monkeypatch.setattr(record.Recorder, "analyse_early", watched)
    monkeypatch.setenv("TRACKER_WORKERS", "1")  # the analyses in a thread: cheaper, the same path
    served.clear()
    months["n"] = 6
    outcomes = {o.key: o for o in run_snapshot(store, documents, options).outcomes}
    assert served == {"/d0": 2, "/d1": 2, "/d2": 2}  # each changed page fetched twice
    assert started == {"svc/Doc 0": 1, "svc/Doc 1": 1, "svc/Doc 2": 1}  # analysed from its first fetch
    assert outcomes["svc/Doc 0"].outcome == outcomes["svc/Doc 2"].outcome == "changed"
    assert outcomes["svc/Doc 1"].outcome == "unchanged" and "variant" in (outcomes["svc/Doc 1"].summary or "")
    with Index(store.index_path) as index:
        versions = {key: doc for key, doc in index.all_versions().items()}
        assert len(versions["svc/Doc 1"]) == 1  # the blink recorded nothing
        for key in ("svc/Doc 0", "svc/Doc 2"):
            first, second = versions[key]
            path = f"{key}.md"
            expected = analyse(store.read(first.commit_sha, path), store.read(second.commit_sha, path))
            assert (second.summary, second.material) == (expected.summary, expected.material)
            assert "6 months" in second.summary


def test_ctrl_c_during_a_run_is_one_error_line_and_exit_130(tmp_path):
    import socket

    silent = socket.socket()  # accepts connections and never answers: the run waits on it
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[service]]\nid = "hush"\nname = "Hush"\n  [[service.document]]\n  type = "Terms"\n'
                       f'  url = "http://127.0.0.1:{silent.getsockname()[1]}/terms"\n')
    proc = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--store", str(tmp_path / "store"), "--sources", str(sources), "run"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        time.sleep(3)  # start-up, then waiting on the silent server
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
        silent.close()
    assert proc.returncode == 130, err
    assert "interrupted (Ctrl-C)" in err and "error:" not in err
    assert "Traceback" not in err and "Aborted!" not in err


def test_a_hanging_host_does_not_hold_back_the_other_documents_versions(tmp_path, httpserver):
    # One document's host accepts connections and never answers; the other's page is new. Its
    # version must be committed, indexed and reported while the run still waits on the hanging
    # host, so a Ctrl-C then does not cost it.
    import socket
    import threading

    httpserver.expect_request("/robots.txt").respond_with_handler(handler)
    httpserver.expect_request("/acme/terms").respond_with_handler(handler)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[service]]\nid = "acme"\nname = "Acme"\n  [[service.document]]\n  type = "Terms"\n'
        f'  url = "{httpserver.url_for("/acme/terms")}"\n'
        f'[[service]]\nid = "hush"\nname = "Hush"\n  [[service.document]]\n  type = "Terms"\n'
        f'  url = "http://127.0.0.1:{silent.getsockname()[1]}/terms"\n  timeout = 120\n', encoding="utf-8")
    store = tmp_path / "store"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources), "run",
         "--retry-backoff", "0"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    reported = threading.Event()
    lines: list[str] = []

    def read() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            lines.append(line)
            if line.split()[:2] == ["new", "acme/Terms"]:
                reported.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert reported.wait(60), "".join(lines)
        assert proc.poll() is None  # still waiting on the hanging host
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    finally:
        proc.kill()
        silent.close()
    reader.join(10)
    assert proc.returncode == 130, "".join(lines)
    history = subprocess.run([sys.executable, "-m", "tracker", "--store", str(store), "history", "acme", "--json"],
                             cwd=ROOT, capture_output=True, text=True)
    assert history.returncode == 0, history.stderr
    assert len(json.loads(history.stdout)) == 1  # the one version of acme
