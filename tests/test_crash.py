"""Crash safety: SIGKILL `tracker run` at seeded random points; nothing recorded is ever lost.

After each kill: `tracker verify --repair` must find git sound and every commit indexed, and one
more run must record exactly what was still pending (each changed document once, never twice).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from werkzeug.wrappers import Response

DOCS = 8
KILL_POINTS = 20
PAGE = """<html><body><nav>menu {round}</nav><main>
<h1>Terms of Pebble Cloud service {n}</h1>
<h2>1. Credits</h2><p>Credits expire {months} months after purchase.</p>
<h2>2. Round</h2><p>This is revision {revision} of document {n}.</p>
{filler}
</main></body></html>"""
FILLER = "".join(f"<p>Clause {i}: the customer keeps every right described in section {i}.</p>" for i in range(300))


class Pages:
    def __init__(self) -> None:
        self.revision = [0] * DOCS

    def handler(self, request):
        n = int(request.path.rsplit("/", 1)[-1])
        body = PAGE.format(round=sum(self.revision), n=n, months=12 - self.revision[n] % 6,
                           revision=self.revision[n], filler=FILLER)
        return Response(body, content_type="text/html")


RUN = ("run", "--per-host", "8", "--host-delay", "0")


def tracker(store: Path, sources: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def finish(proc: subprocess.Popen) -> tuple[int, str]:
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out + err


def archive_counts(store: Path) -> dict[str, int]:
    out = subprocess.run(["git", "-C", str(store / "archive"), "log", "--format=%(trailers:key=Document-Type,valueonly)"],
                         capture_output=True, text=True).stdout
    counts: dict[str, int] = {}
    for line in filter(None, (line.strip() for line in out.splitlines())):
        counts[line] = counts.get(line, 0) + 1
    return counts


def test_sigkill_at_random_points_loses_nothing(tmp_path, httpserver):
    pages = Pages()
    for n in range(DOCS):
        httpserver.expect_request(f"/doc/{n}").respond_with_handler(pages.handler)
    sources = tmp_path / "sources.toml"
    sources.write_text("[[service]]\nid = \"pebble\"\nname = \"Pebble Cloud\"\n" + "".join(
        f"\n  [[service.document]]\n  type = \"Doc {n}\"\n  url = \"{httpserver.url_for(f'/doc/{n}')}\"\n"
        f"  select = [\"main\"]\n" for n in range(DOCS)))
    store = tmp_path / "store"

    started = time.monotonic()
    code, out = finish(tracker(store, sources, *RUN))
    assert code == 0, out
    full_run = time.monotonic() - started
    expected = {f"Doc {n}": 1 for n in range(DOCS)}
    assert archive_counts(store) == expected

    rng = random.Random(20261126)
    kills = 0
    for point in range(KILL_POINTS):
        changed = rng.sample(range(DOCS), rng.randint(2, DOCS))
        for n in changed:
            pages.revision[n] += 1
            expected[f"Doc {n}"] += 1
        proc = tracker(store, sources, *RUN)
        time.sleep(rng.uniform(0.0, full_run * 1.2))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.communicate(timeout=60)

        # recovery: the index is reconciled with the archive, git is sound
        code, out = finish(tracker(store, sources, "verify", "--repair", "--json"))
        report = json.loads(out[: out.rindex("}") + 1])
        assert report["ok"], (point, out)
        assert report["git_ok"] and not report["missing_in_index"] and not report["hash_mismatch"]

        # a further run records exactly the pending changes: each changed document once in total
        code, out = finish(tracker(store, sources, *RUN))
        assert code == 0, (point, out)
        assert archive_counts(store) == expected, point
        code, out = finish(tracker(store, sources, "verify", "--json"))
        assert code == 0 and json.loads(out)["indexed"] == sum(expected.values()), (point, out)

    assert kills >= KILL_POINTS // 2  # most kills landed mid-run, not after it ended
