"""Scheduled runs against faulty sites: what a cron or systemd user sees (ops34).

Each test runs the real tracker against a local HTTP server of a fictional service ("Quillmoor").
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from aiohttp import web

from support import AioServer, free_port
from tracker.archive.store import Store
from tracker.cli.run_view import outcome_line
from tracker.fetch import FetchOptions
from tracker.publish.notify import Target, notify_changes
from tracker.records import Version
from tracker.run import run_snapshot
from tracker.run.result import CheckOutcome
from tracker.sources.config import load_sources

ROOT = Path(__file__).resolve().parents[1]
TERMS = ("<html><body><main><h1>Quillmoor Terms</h1><p>You may cancel your Quillmoor plan at any time.</p>"
         "<p>Refunds are given within 21 days of a payment.</p></main></body></html>")
PRIVACY = ("<html><body><main><h1>Quillmoor Privacy</h1><p>We keep your sketches for 30 days after you "
           "delete them.</p></main></body></html>")


def html(text: str, status: int = 200, **headers: str) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", headers=headers)


def write_sources(path: Path, server: AioServer, docs: dict[str, str]) -> Path:
    body = "".join(f'  [[service.document]]\n  type = "{kind}"\n  url = "{server.url(url_path)}"\n'
                   for kind, url_path in docs.items())
    path.write_text(f'[[service]]\nid = "quillmoor"\nname = "Quillmoor"\n{body}', encoding="utf-8")
    return path


def tracker(store: Path, sources: Path, *args: str, **popen: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources), *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)  # type: ignore[call-overload]


def finish(proc: subprocess.Popen, timeout: float = 60) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


# -- (5) -q names held, skipped and failed documents; robots.txt blocking everything is exit 6 --------

def test_quiet_names_each_skipped_document_and_a_run_robots_txt_blocks_entirely_exits_6(tmp_path, serve):
    server = serve()
    server.page("/robots.txt", lambda: web.Response(text="User-agent: *\nDisallow: /\n"))
    server.page("/terms", lambda: html(TERMS))
    server.page("/privacy", lambda: html(PRIVACY))
    sources = write_sources(tmp_path / "sources.toml", server, {"Terms": "/terms", "Privacy": "/privacy"})
    code, out, err = finish(tracker(tmp_path / "store", sources, "run", "--host-delay", "0", "-q"))
    lines = (out + err).splitlines()
    skipped = [line for line in lines if line.split()[:1] == ["skipped"]]
    assert len(skipped) == 2, lines
    assert all(f"disallowed by {server.url('/robots.txt')}" in line for line in skipped), skipped
    assert {line.split()[1] for line in skipped} == {"quillmoor/Terms", "quillmoor/Privacy"}
    assert code == 6, (code, out, err)  # nothing could be checked: not the "all fine" 0
    assert "Traceback" not in err
    assert server.paths("/terms") == server.paths("/privacy") == []
    # `tracker status` says why, as --json's "error" does
    status = subprocess.run([sys.executable, "-m", "tracker", "--store", str(tmp_path / "store"), "--sources",
                             str(sources), "status"], cwd=ROOT, capture_output=True, text=True)
    rows = [line for line in status.stdout.splitlines() if line.startswith("quillmoor/")]
    assert len(rows) == 2 and all("skipped: disallowed by" in row for row in rows), status.stdout


def test_quiet_prints_nothing_for_fine_documents_and_exits_0_when_only_some_are_disallowed(tmp_path, serve):
    server = serve()
    server.page("/robots.txt", lambda: web.Response(text="User-agent: *\nDisallow: /privacy\n"))
    server.page("/terms", lambda: html(TERMS))
    server.page("/privacy", lambda: html(PRIVACY))
    sources = write_sources(tmp_path / "sources.toml", server, {"Terms": "/terms", "Privacy": "/privacy"})
    code, out, err = finish(tracker(tmp_path / "store", sources, "run", "--host-delay", "0", "-q"))
    assert code == 0, (out, err)
    lines = [line for line in (out + err).splitlines() if line.strip()]
    assert len(lines) == 2, lines  # the skipped document and the summary; nothing for the fine one
    assert lines[0].split()[:2] == ["skipped", "quillmoor/Privacy"] and "robots.txt" in lines[0]
    assert lines[1].startswith("checked 1 document in ") and "1 new" in lines[1] and "1 skipped" in lines[1]


# -- (6) SIGTERM stops a run as Ctrl-C does: one plain line, exit 143 ---------------------------------

def test_sigterm_during_a_run_is_one_plain_line_and_exit_143_and_keeps_the_archive(tmp_path, serve):
    asked, release = threading.Event(), threading.Event()

    async def slow(request: web.Request) -> web.StreamResponse:
        asked.set()
        for _ in range(200):  # (not release.wait: the server's loop must go on answering)
            if release.is_set():
                break
            await __import__("asyncio").sleep(0.1)
        return html(PRIVACY)

    server = serve()
    server.page("/terms", lambda: html(TERMS))
    server.routes["/privacy"] = slow
    store = tmp_path / "store"
    sources = write_sources(tmp_path / "sources.toml", server, {"Terms": "/terms"})
    code, _, err = finish(tracker(store, sources, "run", "--host-delay", "0", "-q"))
    assert code == 0, err
    write_sources(sources, server, {"Terms": "/terms", "Privacy": "/privacy"})
    proc = tracker(store, sources, "run", "--host-delay", "0", "-q")
    try:
        assert asked.wait(30), "the run never fetched the slow page"
        proc.send_signal(signal.SIGTERM)
        code, out, err = finish(proc)
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
    assert code == 143, (code, out, err)
    assert "stopped by SIGTERM" in err and "kept whole" in err, err
    assert "Traceback" not in err and "error:" not in err
    # the version recorded before is whole, and the next run goes on as usual
    verify = subprocess.run([sys.executable, "-m", "tracker", "--store", str(store), "verify"], cwd=ROOT,
                            capture_output=True, text=True)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    code, out, err = finish(tracker(store, sources, "run", "--host-delay", "0", "-q"))
    assert code == 0 and "1 new, 0 changed, 1 unchanged" in out, (out, err)


def test_every_stamps_each_summary_with_its_time_and_sigterm_between_runs_stops_with_0(tmp_path, serve):
    server = serve()
    server.page("/terms", lambda: html(TERMS))
    sources = write_sources(tmp_path / "sources.toml", server, {"Terms": "/terms"})
    before = datetime.now(timezone.utc).replace(microsecond=0)
    proc = tracker(tmp_path / "store", sources, "run", "--host-delay", "0", "-q", "--every", "1h")
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        time.sleep(0.5)  # the run has returned: the signal lands in the wait
        proc.send_signal(signal.SIGTERM)
        code, _, err = finish(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
    match = re.match(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC  checked 1 document in ", line)
    assert match, line
    stamped = datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
    assert before <= stamped <= datetime.now(timezone.utc)
    assert code == 0 and "stopped" in err and "Traceback" not in err, (code, err)


# -- (4) a Retry-After longer than a run waits: skipped now, with when it is tried again ---------------

def test_a_retry_after_longer_than_the_run_waits_skips_the_document_and_names_a_time_to_come(tmp_path, serve):
    server = serve()
    server.page("/terms", lambda: html(TERMS))
    server.page("/privacy", lambda: html("<h1>Too many requests</h1>", 429, **{"Retry-After": "120"}))
    sources = load_sources(write_sources(tmp_path / "sources.toml", server, {"Terms": "/terms", "Privacy": "/privacy"}))
    store = Store(tmp_path / "store")
    options = FetchOptions(host_delay=0, backoff=0)
    started = time.monotonic()
    result = run_snapshot(store, sources.documents(), options)
    assert time.monotonic() - started < 30  # not waited out (the report's run took 123 s)
    outcomes = {o.key: o for o in result.outcomes}
    assert outcomes["quillmoor/Terms"].outcome == "new"  # the other documents go on
    skipped = outcomes["quillmoor/Privacy"]
    assert skipped.outcome == "skipped" and result.exit_code == 0, skipped
    assert server.paths("/privacy") == ["/privacy"]  # one request, no retry before the Retry-After
    said = re.search(r"the first run from (\d{4}-\d\d-\d\d \d\d:\d\d) UTC on fetches it again", skipped.summary)
    assert said, skipped.summary
    at = datetime.strptime(said.group(1), "%Y-%m-%d %H:%M").replace(tzinfo=timezone.utc)
    assert at >= datetime.now(timezone.utc) + timedelta(seconds=100)  # in the future, honouring 120 s
    pauses = json.loads((tmp_path / "store" / "pauses.json").read_text(encoding="utf-8"))
    until = datetime.fromisoformat(pauses[server.url("/privacy")])
    assert until >= datetime.now(timezone.utc) + timedelta(seconds=100)
    # the next run does not ask before then
    again = run_snapshot(store, sources.documents(), options)
    assert {o.key: o.outcome for o in again.outcomes}["quillmoor/Privacy"] == "skipped"
    assert server.paths("/privacy") == ["/privacy"]
    # a summary line of -q names it (item 5): its time, never one already past
    assert "skipped  quillmoor/Privacy" in outcome_line(skipped)


def test_a_short_retry_after_is_honoured_exactly(tmp_path, serve):
    answers = iter([html("<h1>Busy</h1>", 503, **{"Retry-After": "2"})])
    server = serve()
    server.page("/terms", lambda: next(answers, None) or html(TERMS))
    sources = load_sources(write_sources(tmp_path / "sources.toml", server, {"Terms": "/terms"}))
    result = run_snapshot(Store(tmp_path / "store"), sources.documents(), FetchOptions(host_delay=0, backoff=0))
    assert [o.outcome for o in result.outcomes] == ["new"]
    first, second = [hit.started for hit in server.hits if hit.path == "/terms"]
    assert 2.0 <= second - first < 3.0, second - first  # not before it, not the run's 60 s cap


# -- (8) a notification target that fails: one line, with the reason ----------------------------------

def _version() -> Version:
    return Version(commit_sha="c0ffee" * 6 + "abcd", document_key="quillmoor/Terms", service_id="quillmoor",
                   document_type="Terms", seq=2, fetched_at="2026-12-05T07:00:00Z", kind="changed", revert_of="",
                   changes=1, material=True, severity="material", categories=("refunds",),
                   summary="Refunds are now given within 14 days instead of 21", source_url="", final_url="",
                   http_status=200, content_hash="0" * 64)


def test_a_failed_delivery_is_one_error_with_its_reason(serve):
    server = serve()
    server.page("/broken", lambda: web.Response(status=500, text="hook broke"))
    targets = [Target(url=f"json://127.0.0.1:{free_port()}/gone", name="closed hook"),
               Target(url=f"json://127.0.0.1:{server.port}/broken", name="broken hook")]
    errors = notify_changes(targets, [_version()])
    assert len(errors) == 2, errors  # one per (change, target), nothing else
    closed, broken = errors
    assert closed.startswith("notify closed hook: ") and "connection refused" in closed, closed
    assert broken.startswith("notify broken hook: ") and "HTTP 500" in broken, broken
    assert all("quillmoor/Terms" in e and "was not delivered" in e for e in errors)
    assert server.paths("/broken") == ["/broken"]


# -- (9) fault lines: what happened once, and what to do ------------------------------------------------

def test_a_page_served_instead_of_the_terms_is_said_once_with_what_to_do():
    line = outcome_line(CheckOutcome("quillmoor/Terms", "failed", error="looks like an error page: maintenance page"))
    assert line.count("maintenance page") == 1, line
    assert "not recorded" in line and "if it lasts, open the url in a browser" in line, line
    login = outcome_line(CheckOutcome("quillmoor/Terms", "failed",
                                      error="looks like an error page: login page; redirected to http://q.test/login"))
    assert login.count("login page") == 1 and "redirected to http://q.test/login" in login, login


def test_a_page_cut_off_with_its_full_content_length_does_not_blame_a_missing_length(tmp_path, serve):
    cut = TERMS[: TERMS.index("within")]  # stops mid-text; the server sends a Content-Length that matches
    server = serve()
    server.page("/terms", lambda: html(TERMS))
    sources = load_sources(write_sources(tmp_path / "sources.toml", server, {"Terms": "/terms"}))
    store = Store(tmp_path / "store")
    run_snapshot(store, sources.documents(), FetchOptions(host_delay=0, backoff=0))
    server.page("/terms", lambda: web.Response(body=cut.encode(), content_type="text/html",
                                               headers={"Content-Length": str(len(cut.encode()))}))
    result = run_snapshot(store, sources.documents(), FetchOptions(host_delay=0, backoff=0))
    (outcome,) = result.outcomes
    assert outcome.outcome == "failed" and outcome.error, outcome
    assert "no length to tell" not in outcome.error and "a page cut off" in outcome.error, outcome.error
    assert "the latest version kept" in outcome.error and "open the url in a browser" in outcome.error


def test_quiet_names_a_held_document_with_why(tmp_path, serve, tracker_cli):
    clauses = [f"<h2>Section {n}</h2><p>Quillmoor clause {n}: sketches shared in room {n} stay visible to its "
               f"{n + 2} members until the room is archived by its owner.</p>" for n in range(1, 9)]
    full = f"<html><body><main><h1>Quillmoor Terms</h1>{''.join(clauses)}</main></body></html>"
    half = f"<html><body><main><h1>Quillmoor Terms</h1>{''.join(clauses[:3])}</main></body></html>"
    server = serve()
    server.page("/terms", lambda: html(full))
    server.page("/privacy", lambda: html(PRIVACY))
    sources = write_sources(tmp_path / "sources.toml", server, {"Terms": "/terms", "Privacy": "/privacy"})
    cli = tracker_cli(sources)
    cli("run", "-q")
    server.page("/terms", lambda: html(half))
    lines = [line for line in cli("run", "-q").output.splitlines() if line.strip()]
    assert len(lines) == 2, lines  # the held document and the summary; nothing for the unchanged one
    assert lines[0].split()[:2] == ["held", "quillmoor/Terms"] and "not recorded" in lines[0], lines
    assert "1 held" in lines[1], lines
