"""Crash safety: SIGKILL `tracker run` mid-run; nothing recorded is ever lost.

After each kill: `tracker verify --repair` must find git sound and every commit indexed, and one
more run must record exactly what was still pending (each changed document once, never twice).

The default test kills once in each phase of a run, found by watching it from outside: while it
fetches (the server pulls the trigger on a request), while it writes its commits, right after
the archive's branch moved (committed, not indexed yet: the case `verify --repair` and the next
run's sync exist for) and once the index is being written after that (then checks, checkout). The exhaustive variant kills at 20
seeded random moments: `pytest -m slow`.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

import pytest
from werkzeug.wrappers import Response

DOCS = 8
PAGE = """<html><body><nav>menu {round}</nav><main>
<h1>Terms of Pebble Cloud service {n}</h1>
<h2>1. Credits</h2><p>Credits expire {months} months after purchase.</p>
<h2>2. Round</h2><p>This is revision {revision} of document {n}.</p>
{filler}
</main></body></html>"""


def filler(clauses: int) -> str:
    return "".join(f"<p>Clause {i}: the customer keeps every right described in section {i}.</p>"
                   for i in range(clauses))


RUN = ("run", "--per-host", "8", "--host-delay", "0")


class Pages:
    """Eight documents whose revisions the test bumps; counts the requests of the current run and
    can SIGKILL the run from inside a request (``kill_on``: the how-many-th document request)."""

    def __init__(self, clauses: int) -> None:
        self.revision = [0] * DOCS
        self.filler = filler(clauses)
        self.lock = threading.Lock()
        self.new_run()

    def new_run(self, victim: int | None = None, kill_on: int | None = None) -> None:
        self.served = 0
        self.all_served = threading.Event()
        self.last_served = 0.0
        self.victim, self.kill_on = victim, kill_on

    def handler(self, request):  # type: ignore[no-untyped-def]
        n = int(request.path.rsplit("/", 1)[-1])
        with self.lock:
            self.served += 1
            if self.victim is not None and self.served == self.kill_on:
                os.kill(self.victim, signal.SIGKILL)  # mid-fetch: other requests are in flight
            if self.served == DOCS:
                self.last_served = time.monotonic()
                self.all_served.set()
        body = PAGE.format(round=sum(self.revision), n=n, months=12 - self.revision[n] % 6,
                           revision=self.revision[n], filler=self.filler)
        return Response(body, content_type="text/html")


class Crashes:
    """One store, its sources and the local site; `tracker` runs in subprocesses (SIGKILL-able)."""

    def __init__(self, tmp_path: Path, httpserver, clauses: int) -> None:  # type: ignore[no-untyped-def]
        self.pages = Pages(clauses)
        for n in range(DOCS):
            httpserver.expect_request(f"/doc/{n}").respond_with_handler(self.pages.handler)
        self.sources = tmp_path / "sources.toml"
        self.sources.write_text("[[service]]\nid = \"pebble\"\nname = \"Pebble Cloud\"\n" + "".join(
            f"\n  [[service.document]]\n  type = \"Doc {n}\"\n  url = \"{httpserver.url_for(f'/doc/{n}')}\"\n"
            f"  select = [\"main\"]\n" for n in range(DOCS)))
        self.store = tmp_path / "store"
        self.expected = {f"Doc {n}": 0 for n in range(DOCS)}
        self.repairs = 0  # kills after which the index was behind the archive
        # When, after its start, the last run that recorded something finished fetching, moved the
        # archive's branch and exited: where the kills aim.
        self.timing = {"fetched": 0.0, "moved": 0.0, "ended": 0.0}

    def tracker(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "tracker", "--store", str(self.store), "--sources", str(self.sources), *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )

    def finish(self, proc: subprocess.Popen) -> tuple[int, str]:
        out, err = proc.communicate(timeout=120)
        return proc.returncode, out + err

    def change(self, docs: list[int]) -> None:
        for n in docs:
            self.pages.revision[n] += 1
            self.expected[f"Doc {n}"] += 1

    def branch(self) -> str:
        """The archive branch's tip as its loose ref file says ("" before the first commit)."""
        ref = self.store / "archive" / ".git" / "refs" / "heads" / "main"
        try:
            return ref.read_text()
        except FileNotFoundError:
            return ""

    def index_state(self) -> tuple[int, int]:
        """Size and mtime of the index's write-ahead log: they change when a transaction is written."""
        try:
            stat = (self.store / "index.sqlite-wal").stat()
        except FileNotFoundError:
            return (-1, -1)
        return (stat.st_size, stat.st_mtime_ns)

    def archive_counts(self) -> dict[str, int]:
        out = subprocess.run(["git", "-C", str(self.store / "archive"), "log",
                              "--format=%(trailers:key=Document-Type,valueonly)"], capture_output=True, text=True).stdout
        counts = {name: 0 for name in self.expected}
        for line in filter(None, (line.strip() for line in out.splitlines())):
            counts[line] = counts.get(line, 0) + 1
        return counts

    def full_run(self, point: object = None) -> None:
        """One run left alone: it must record exactly what is expected. Its timing is kept when it
        moved the branch (recorded something)."""
        self.pages.new_run()
        before, started, moved = self.branch(), time.monotonic(), 0.0
        proc = self.tracker(*RUN)
        while proc.poll() is None:
            if not moved and self.branch() != before:
                moved = time.monotonic()
            time.sleep(0.002)
        ended = time.monotonic()
        code, out = self.finish(proc)
        assert code == 0, (point, out)
        assert self.archive_counts() == self.expected, point
        if moved:
            fetched = self.pages.last_served or started
            self.timing = {"fetched": fetched - started, "moved": moved - started, "ended": ended - started}

    def killed_run(self, kill: Callable[[subprocess.Popen], None]) -> bool:
        """Start a run, let ``kill`` SIGKILL it at its moment; True if it died mid-run."""
        proc = self.tracker(*RUN)
        kill(proc)
        proc.communicate(timeout=60)
        return proc.returncode == -signal.SIGKILL

    def recover(self, point: object) -> None:
        """verify --repair, one more run: every changed document recorded exactly once, index whole."""
        code, out = self.finish(self.tracker("verify", "--repair", "--json"))
        report = json.loads(out[: out.rindex("}") + 1])
        assert report["ok"], (point, out)
        assert report["git_ok"] and not report["missing_in_index"] and not report["hash_mismatch"]
        self.repairs += bool(report["repaired"])

        self.full_run(point)
        code, out = self.finish(self.tracker("verify", "--json"))
        assert code == 0 and json.loads(out)["indexed"] == sum(self.expected.values()), (point, out)


def sigkill(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)


def test_sigkill_in_each_phase_of_a_run_loses_nothing(tmp_path, httpserver):
    crashes = Crashes(tmp_path, httpserver, clauses=40)
    crashes.change(list(range(DOCS)))
    crashes.full_run()  # first versions
    pages = crashes.pages

    def while_fetching(proc: subprocess.Popen) -> None:
        pages.new_run(victim=proc.pid, kill_on=3)  # the server kills it on the 3rd request

    def while_committing(proc: subprocess.Popen) -> None:
        pages.all_served.wait(60)  # between the last answer and the branch moving: git is writing
        time.sleep(max(0.0, crashes.timing["moved"] - crashes.timing["fetched"]) / 2)
        sigkill(proc)

    def committed_not_indexed(proc: subprocess.Popen) -> None:
        before = crashes.branch()
        while proc.poll() is None and crashes.branch() == before:
            time.sleep(0.0005)
        sigkill(proc)  # the commits are in; their analyses and index rows are not

    def while_indexing(proc: subprocess.Popen) -> None:
        before = crashes.branch()
        while proc.poll() is None and crashes.branch() == before:
            time.sleep(0.0005)
        written = crashes.index_state()
        while proc.poll() is None and crashes.index_state() == written:
            time.sleep(0.0005)
        sigkill(proc)  # the index is being written after the commits (then checks, checkout)

    rng = random.Random(20261126)
    # In this order, each kill is aimed with the timing of a run that recorded changes: the
    # recovery run after a kill while fetching records them all.
    phases = (while_fetching, while_committing, committed_not_indexed, while_indexing)
    landed = []
    for kill in phases:
        pages.new_run()
        crashes.change(rng.sample(range(DOCS), rng.randint(2, DOCS)))
        landed.append(crashes.killed_run(kill))
        crashes.recover(kill.__name__)
    # The kills aimed at the middle of a run hit it, and at least one left commits the index had
    # not seen yet (what --repair and the next run's sync are for).
    assert landed[0] and landed[2] and sum(landed) >= 3, landed
    assert crashes.repairs >= 1


@pytest.mark.slow
def test_sigkill_at_random_points_loses_nothing(tmp_path, httpserver):
    """20 seeded random moments over larger documents (about 1-2 minutes): `pytest -m slow`."""
    crashes = Crashes(tmp_path, httpserver, clauses=300)
    crashes.change(list(range(DOCS)))
    crashes.full_run()
    full_run = crashes.timing["ended"]
    rng = random.Random(20261126)
    kills = 0
    points = 20
    for point in range(points):
        crashes.pages.new_run()
        crashes.change(rng.sample(range(DOCS), rng.randint(2, DOCS)))
        delay = rng.uniform(0.0, full_run * 1.2)

        def at_random(proc: subprocess.Popen) -> None:
            time.sleep(delay)
            sigkill(proc)

        kills += crashes.killed_run(at_random)
        crashes.recover(point)
    assert kills >= points // 2  # most kills landed mid-run, not after it ended


def test_an_archive_is_made_aside_so_an_interrupted_init_leaves_none_half_made(tmp_path):
    """A first run stopped during `git init` left `archive/.git` without `objects/`, and every
    later run refused the store as a damaged archive. The repository is made beside the store
    and moved into place in one rename: what an interrupt leaves (an empty archive folder, a
    half-made repository aside) is no archive, and the next init makes a sound one."""
    from tracker.archive.store import Store

    store = Store(tmp_path / "store")
    (store.archive).mkdir(parents=True)
    half = tmp_path / "store" / ".archive-init-interrupted" / ".git"
    half.mkdir(parents=True)
    (half / "HEAD").write_text("ref: refs/heads/main\n")  # no objects/, no refs/: cut short
    assert not store.exists()
    store.init()
    assert store.exists() and store.head() is None
    assert store._git("rev-parse", "--git-dir").strip() == b".git"
    assert (store.archive / ".git" / "objects").is_dir()
    assert not [p for p in (tmp_path / "store").iterdir() if p.name.startswith(".archive-init-") and p != half.parent]
    store.init()  # idempotent
    assert store.exists()
