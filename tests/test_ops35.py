"""Scheduled runs against faulty sites, what cron users see (ops35).

- (a) A page whose A/B test alternates one sentence from request to request while a real change
  arrives records the change with the sentence as the latest version has it (the long-standing
  text), so nothing is recorded when the test stops (``decide.steady_side``).
- (b) A page served with whole sections missing (complete HTML, a third or more of the text
  gone, nothing new) is held like a sudden shrink: recorded only once seen in ``HOLD_RUNS`` (3)
  consecutive runs, and the status line, the README and docs/robustness.md say the same count.
- (c) ``tracker notify --check`` tries each target: a HEAD request to a generic webhook (nothing
  delivered), or with ``--send-test`` a real test message; one line per target, "ok" or "failed"
  with the reason (connection refused, HTTP 500, timed out), exit 1 if any failed.
- (d) A run stopped by SIGTERM or Ctrl-C says which documents it recorded before the stop and
  how many it left unchecked.

Each test runs the real tracker against a local HTTP server of a fictional service ("Brackenly");
all texts are invented.
"""

from __future__ import annotations

import asyncio
import json
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from aiohttp import web

from support import AioServer, free_port
from tracker.cli.run_view import RunTally, stop_line
from tracker.fetch import guards as guard
from tracker.run.decide import VARIANT_RUNS, steady_side
from tracker.run.events import DocumentChecked, RunStarted, VersionRecorded
from tracker.run.result import CheckOutcome

ROOT = Path(__file__).resolve().parents[1]

CLAUSES = [
    ("Accounts", "You must be at least 16 years old to open a Brackenly account and keep your password safe."),
    ("Plans", "The Fieldnote plan costs EUR 9 per month and renews each month until you cancel it."),
    ("Cancellation", "You may cancel your plan at any time from the billing page; it ends with the paid month."),
    ("Refunds", "We refund a yearly plan in full within 30 days of the payment if you ask us in writing."),
    ("Your content", "You keep every right to the notes you write, and we only host them to run the service."),
    ("Acceptable use", "You will not use Brackenly to send bulk messages or to store material you may not share."),
    ("Liability", "Our liability for any claim is limited to the fees you paid in the twelve months before it."),
    ("Governing law", "These terms are governed by the laws of Ireland, and disputes go to the courts of Dublin."),
    ("Changes", "We will tell you about changes to these terms by email at least 30 days before they apply."),
]


def terms(missing: range = range(0)) -> str:
    """Brackenly's terms as complete HTML, the sections numbered in ``missing`` (1-based) left out."""
    body = "".join(f"<h2>{n}. {title}</h2><p>{text}</p>" for n, (title, text) in enumerate(CLAUSES, 1)
                   if n not in missing)
    return (f"<!doctype html><html><head><title>Brackenly terms</title></head><body><main>"
            f"<h1>Brackenly Terms of Service</h1>{body}</main></body></html>")


def html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html")


def write_sources(path: Path, server: AioServer, docs: dict[str, str]) -> Path:
    body = "".join(f'  [[service.document]]\n  type = "{kind}"\n  url = "{server.url(url_path)}"\n'
                   for kind, url_path in docs.items())
    path.write_text(f'[[service]]\nid = "brackenly"\nname = "Brackenly"\n{body}', encoding="utf-8")
    return path


def terms_page(tmp_path: Path, server: AioServer) -> tuple[dict[str, str], Path, Path]:
    """Brackenly's Terms served at /terms from ``served["terms"]`` (change it between runs), the
    store path and a sources file naming that one page: (served, store, sources)."""
    served = {"terms": terms()}
    server.page("/terms", lambda: html(served["terms"]))
    return served, tmp_path / "store", write_sources(tmp_path / "sources.toml", server, {"Terms": "/terms"})


def tracker(store: Path, sources: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources),
                             *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen, timeout: float = 90) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def run_json(store: Path, sources: Path) -> dict[str, dict]:
    """One ``tracker run --json``: document key -> its outcome record."""
    code, out, err = finish(tracker(store, sources, "run", "--host-delay", "0", "--json"))
    assert "Traceback" not in err, err
    return {d["key"]: d for d in json.loads(out)["documents"]}


def versions(store: Path, sources: Path) -> int:
    out = subprocess.run([sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources),
                          "history", "brackenly", "--json"], cwd=ROOT, capture_output=True, text=True)
    return len(json.loads(out.stdout))


KEY = "brackenly/Terms"


# -- (b) sections missing are held like a sudden shrink: HOLD_RUNS consecutive runs ---------------

def test_sections_missing_for_two_runs_are_never_recorded_nor_is_the_repair(tmp_path, serve):
    server = serve()
    served = {"page": terms()}
    server.page("/terms", lambda: html(served["page"]))
    store, sources = tmp_path / "store", write_sources(tmp_path / "sources.toml", server, {"Terms": "/terms"})
    assert run_json(store, sources)[KEY]["outcome"] == "new"
    served["page"] = terms(missing=range(5, 9))  # sections 5-8 gone, complete HTML, nothing new
    for seen in (1, 2):
        doc = run_json(store, sources)[KEY]
        assert doc["outcome"] == "held", doc
        assert "whole sections missing" in doc["summary"], doc
        assert f"until seen in {guard.HOLD_RUNS} consecutive runs ({seen} so far)" in doc["summary"], doc
    # `tracker status` says the same count, as the run did
    status = subprocess.run([sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources),
                             "status"], cwd=ROOT, capture_output=True, text=True)
    row = next(line for line in status.stdout.splitlines() if line.startswith(KEY))
    assert "held" in row and f"{guard.HOLD_RUNS} consecutive runs (2 so far)" in row, status.stdout
    served["page"] = terms()  # repaired: nothing was recorded, so nothing to take back
    assert run_json(store, sources)[KEY]["outcome"] == "unchanged"
    assert versions(store, sources) == 1


def test_sections_missing_for_hold_runs_consecutive_runs_are_recorded_once(tmp_path, serve):
    server = serve()
    served = {"page": terms()}
    server.page("/terms", lambda: html(served["page"]))
    store, sources = tmp_path / "store", write_sources(tmp_path / "sources.toml", server, {"Terms": "/terms"})
    run_json(store, sources)
    served["page"] = terms(missing=range(5, 9))
    outcomes = [run_json(store, sources)[KEY]["outcome"] for _ in range(guard.HOLD_RUNS)]
    assert outcomes == ["held"] * (guard.HOLD_RUNS - 1) + ["changed"], outcomes
    assert versions(store, sources) == 2
    assert run_json(store, sources)[KEY]["outcome"] == "unchanged"  # recorded once, not again


def test_a_sudden_shrink_and_sections_missing_share_one_count():
    """One rule: a drop in whole sections waits as long as a sudden shrink does."""
    assert guard.DROP_RUNS == guard.HOLD_RUNS == 3


def test_readme_and_robustness_doc_give_the_same_hold_for_sections_missing():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    held = readme[readme.index("- **Held, not lost**"):]
    held = held[:held.index("\n- ")]
    assert "sections missing" in held and f"after {guard.HOLD_RUNS}\n  consecutive runs" in held, held
    robustness = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    section = robustness[robustness.index("- **Sections missing are held"):]
    section = section[:section.index("\n- ")]
    assert "held one run" not in section and "2 consecutive runs" not in section
    assert f"until seen in {guard.HOLD_RUNS} consecutive runs" in section, section


# -- (d) a run cut short says what it recorded and what it left unchecked ------------------------

def outcome(key: str, kind: str) -> CheckOutcome:
    return CheckOutcome(key=key, outcome=kind)  # type: ignore[arg-type]


def test_stop_line_names_recorded_documents_and_counts_the_rest():
    tally = RunTally()
    assert "before any document was checked" in stop_line("interrupted (Ctrl-C) during the run", tally)
    tally(RunStarted(run_id=1, documents=9))
    for n in range(7):
        key = f"brackenly/Doc {n}"
        tally(VersionRecorded(outcome(key, "changed")))
        tally(DocumentChecked(outcome(key, "changed")))
    tally(DocumentChecked(outcome("brackenly/Other", "unchanged")))
    line = stop_line("stopped by SIGTERM (kill, systemctl stop) during the run", tally)
    assert line.startswith("stopped by SIGTERM (kill, systemctl stop) during the run: recorded before it: "
                           "7 versions (brackenly/Doc 0, brackenly/Doc 1, brackenly/Doc 2, brackenly/Doc 3, "
                           "brackenly/Doc 4 and 2 more); 1 of 9 documents left unchecked"), line
    assert "kept whole" in line
    tally(DocumentChecked(outcome("brackenly/Last", "failed")))
    assert "nothing recorded" not in stop_line("x", tally) and "every document checked" in stop_line("x", tally)
    tally(RunStarted(run_id=2, documents=2))  # --every: the next run starts from nothing
    assert "nothing recorded before it; 2 of 2 documents left unchecked" in stop_line("x", tally)


def slow_page(asked: threading.Event, release: threading.Event, text: str):
    async def handler(request: web.Request) -> web.StreamResponse:
        asked.set()
        for _ in range(300):  # (not release.wait: the server's loop must go on answering)
            if release.is_set():
                break
            await asyncio.sleep(0.1)
        return html(text)
    return handler


def start_and_stop(tmp_path: Path, server: AioServer, sig: signal.Signals,
                   before: Callable[[], object] | None = None) -> tuple[int, str, str, Path, Path]:
    """Brackenly's Terms changed and Privacy hanging: the Terms change is recorded, then ``sig``.
    ``before`` is called once the pages are served, before the first run (a notify file, say)."""
    asked, release = threading.Event(), threading.Event()
    served = {"terms": terms()}
    server.page("/terms", lambda: html(served["terms"]))
    server.page("/privacy", lambda: html(terms().replace("Terms of Service", "Privacy Policy")))
    store = tmp_path / "store"
    sources = write_sources(tmp_path / "sources.toml", server, {"Terms": "/terms", "Privacy": "/privacy"})
    if before is not None:
        before()
    code, _, err = finish(tracker(store, sources, "run", "--host-delay", "0", "-q"))
    assert code == 0, err
    served["terms"] = terms().replace("at least 16 years", "at least 18 years")
    server.routes["/privacy"] = slow_page(asked, release, terms().replace("Terms of Service", "Privacy Policy"))
    proc = tracker(store, sources, "run", "--host-delay", "0")  # not -q: a line once Terms is recorded
    try:
        assert asked.wait(30), "the run never fetched the slow page"
        for line in proc.stdout:  # type: ignore[union-attr]
            if line.split()[:2] == ["changed", "brackenly/Terms"]:
                break  # committed and indexed: a DocumentChecked follows its VersionRecorded
        proc.send_signal(sig)
        code, out, err = finish(proc)
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
    return code, out, err, store, sources


def test_sigterm_names_what_was_recorded_and_how_many_were_left(tmp_path, serve):
    code, out, err, store, sources = start_and_stop(tmp_path, serve(), signal.SIGTERM)
    assert code == 143, (code, out, err)
    [line] = [line for line in err.splitlines() if line.strip()]
    assert line.startswith("stopped by SIGTERM (kill, systemctl stop) during the run: recorded before it: "
                           "1 version (brackenly/Terms); 1 of 2 documents left unchecked, the next run checks them"), line
    assert "kept whole" in line and "Traceback" not in err
    assert versions(store, sources) == 3  # the 2 first versions and the Terms change, whole


def test_ctrl_c_says_the_same(tmp_path, serve):
    code, out, err, _, _ = start_and_stop(tmp_path, serve(), signal.SIGINT)
    assert code == 130, (code, out, err)
    assert re.search(r"^interrupted \(Ctrl-C\) during the run: recorded before it: 1 version \(brackenly/Terms\); "
                     r"1 of 2 documents left unchecked", err, re.MULTILINE), err
    assert "Traceback" not in err and "error:" not in err


# -- (c) notify --check tries every target --------------------------------------------------------

def notify_check(tmp_path: Path, targets: dict[str, str], *args: str) -> tuple[int, str, str]:
    """``tracker notify --check ARGS`` with a notify file of ``targets`` (name -> apprise URL)."""
    path = tmp_path / "notify.toml"
    path.write_text("".join(f'[[target]]\nname = "{name}"\nurl = "{url}"\n\n' for name, url in targets.items()),
                    encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "tracker", "--store", str(tmp_path / "store"), "notify",
                           "--notify", str(path), "--check", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def target_lines(out: str, err: str) -> dict[str, str]:
    """name -> "<status>  (<detail>)" of each target's line."""
    lines = {}
    for line in (out + err).splitlines():
        if match := re.match(r"^  (ok|failed|not probed)\s+(\S+)\s+\((.*)\)$", line):
            lines[match.group(2)] = f"{match.group(1)}  ({match.group(3)})"
    return lines


def test_notify_check_tries_each_webhook_and_names_each_failure(tmp_path, serve):
    server = serve()
    server.page("/hook", lambda: html("ok"))
    server.page("/broken", lambda: html("down for repairs", status=500))
    hang = threading.Event()

    async def slow(request: web.Request) -> web.StreamResponse:
        for _ in range(100):
            if hang.is_set():
                break
            await asyncio.sleep(0.1)
        return html("late")

    server.routes["/slow"] = slow
    host = f"127.0.0.1:{server.port}"
    try:
        code, out, err = notify_check(tmp_path, {
            "live": f"json://{host}/hook", "dead": f"json://127.0.0.1:{free_port()}/hook",
            "broken": f"xml://{host}/broken", "slow": f"form://{host}/slow", "mail": "mailto://u:p@example.org",
        }, "--timeout", "1")
    finally:
        hang.set()
    assert code == 1, (code, out, err)
    lines = target_lines(out, err)
    assert lines["live"].startswith("ok  (answered HTTP 200 to a HEAD request, no message sent"), lines
    assert lines["dead"] == "failed  (connection refused)", lines
    assert lines["broken"].startswith("failed  (HTTP 500 Internal Server Error"), lines
    assert lines["slow"] == "failed  (timed out after 1 s)", lines
    assert lines["mail"].startswith("not probed  (a mailto:// target is tested only by sending a message"), lines
    assert "3 of 5 target(s) cannot be reached" in err and "Traceback" not in err
    assert out.startswith(f"{tmp_path / 'notify.toml'}: 5 target(s), configuration OK")
    # nothing was delivered: HEAD requests only
    assert {h.path for h in server.hits} == {"/hook", "/broken", "/slow"}
    assert server.paths("/hook") == ["/hook"]


def test_notify_check_passes_when_every_target_answers(tmp_path, serve):
    server = serve()

    async def post_only(request: web.Request) -> web.StreamResponse:  # a receiver that refuses HEAD: still up
        return web.Response(status=405 if request.method != "POST" else 200, text="")

    server.routes["/hook"] = post_only
    code, out, err = notify_check(tmp_path, {"team": f"json://user:secret@127.0.0.1:{server.port}/hook"})
    assert code == 0, (out, err)
    assert target_lines(out, err)["team"].startswith("ok  (answered HTTP 405 Method Not Allowed"), out
    assert "secret" not in out + err  # the address's password is never printed
    assert server.hits[0].headers.get("Authorization", "").startswith("Basic ")


def test_notify_check_send_test_delivers_a_test_message_and_says_why_one_failed(tmp_path, serve):
    bodies: list[dict] = []

    async def receive(request: web.Request) -> web.StreamResponse:
        bodies.append(await request.json())
        return web.Response(text="ok")

    server = serve()
    server.routes["/hook"] = receive
    code, out, err = notify_check(tmp_path, {"live": f"json://127.0.0.1:{server.port}/hook",
                                             "dead": f"json://127.0.0.1:{free_port()}/hook"}, "--send-test")
    assert code == 1, (out, err)
    lines = target_lines(out, err)
    assert lines["live"] == "ok  (a test message was delivered)", lines
    assert lines["dead"] == "failed  (the test message was not delivered: connection refused)", lines
    assert len(bodies) == 1 and "test message" in bodies[0]["title"], bodies


def test_send_test_without_check_is_a_usage_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "tracker", "--store", str(tmp_path / "store"), "notify",
                           "--send-test"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "--send-test goes with --check" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


# -- (a) an A/B sentence is kept out of a real change recorded while the test runs ----------------

A_SENTENCE, B_SENTENCE = "Start your free trial today.", "Try Brackenly free for 14 days."


def pricing(price: int, trial: str, *, one_paragraph: bool = False) -> str:
    plans = (f"<p>The Fieldnote plan costs EUR {price} per month. {trial}</p>" if one_paragraph else
             f"<p>The Fieldnote plan costs EUR {price} per month.</p><p>{trial}</p>")
    return (f"<!doctype html><html><head><title>Brackenly pricing</title></head><body><main><h1>Brackenly Pricing"
            f"</h1><h2>Plans</h2>{plans}<h2>Teams</h2><p>The Team plan costs EUR 29 per seat and month, billed "
            "yearly.</p><p>Prices include VAT where it applies.</p></main></body></html>")


def show(store: Path, sources: Path) -> str:
    return subprocess.run([sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources),
                           "show", "brackenly", "Pricing"], cwd=ROOT, capture_output=True, text=True).stdout


@pytest.mark.parametrize("one_paragraph", [False, True])
@pytest.mark.parametrize("phase", [0, 1])  # where the per-request alternation starts
def test_a_b_sentence_is_kept_out_of_a_real_change_and_its_end_records_nothing(tmp_path, serve, one_paragraph,
                                                                               phase):
    server = serve()
    page = {"price": 9, "ab": False, "n": phase}

    def answer() -> web.Response:
        page["n"] += 1
        trial = B_SENTENCE if page["ab"] and page["n"] % 2 == 0 else A_SENTENCE
        return html(pricing(page["price"], trial, one_paragraph=one_paragraph))

    server.page("/pricing", answer)
    store = tmp_path / "store"
    sources = write_sources(tmp_path / "sources.toml", server, {"Pricing": "/pricing"})
    key = "brackenly/Pricing"
    assert run_json(store, sources)[key]["outcome"] == "new"
    page["ab"] = True  # the A/B test starts: alone, it stays quiet
    assert run_json(store, sources)[key]["outcome"] == "unchanged"
    page["price"] = 12  # a real change while the test runs
    doc = run_json(store, sources)[key]
    assert doc["outcome"] == "changed", doc
    text = show(store, sources)
    assert "EUR 12 per month" in text and A_SENTENCE in text and B_SENTENCE not in text, text
    diff = subprocess.run([sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources),
                           "diff", "brackenly", "Pricing"], cwd=ROOT, capture_output=True, text=True).stdout
    assert "12" in diff and "14 days" not in diff, diff
    assert run_json(store, sources)[key]["outcome"] == "unchanged"  # the test goes on: no version
    page["ab"] = False  # the test stops: the latest version's text, nothing to record
    assert run_json(store, sources)[key]["outcome"] == "unchanged"
    assert versions(store, sources) == 2


def test_a_change_rolled_out_in_two_steps_is_recorded_in_part_then_whole(tmp_path, serve):
    """The price of picking the steadier fetch: one server with all of a change and another with
    part of it, in one run, record the part; the rest comes once every fetch of VARIANT_RUNS runs
    has it, never lost."""
    server = serve()
    page = {"price": 9, "rolling": False, "done": False, "n": 0}

    def answer() -> web.Response:
        page["n"] += 1
        full = page["done"] or (page["rolling"] and page["n"] % 2 == 1)
        return html(pricing(page["price"], B_SENTENCE if full else A_SENTENCE))

    server.page("/pricing", answer)
    store = tmp_path / "store"
    sources = write_sources(tmp_path / "sources.toml", server, {"Pricing": "/pricing"})
    key = "brackenly/Pricing"
    assert run_json(store, sources)[key]["outcome"] == "new"
    page.update(price=12, rolling=True, n=0)  # the run's first fetch has all of it, the second the price only
    assert run_json(store, sources)[key]["outcome"] == "changed"
    text = show(store, sources)
    assert "EUR 12 per month" in text and A_SENTENCE in text, text
    page["done"] = True  # every server has all of it
    outcomes = [run_json(store, sources)[key]["outcome"] for _ in range(VARIANT_RUNS)]
    assert outcomes[:-1] == ["unchanged"] * (VARIANT_RUNS - 1) and outcomes[-1] != "unchanged", outcomes
    assert B_SENTENCE in show(store, sources) and versions(store, sources) == 3


def test_steady_side_rule():
    latest = "# Plans\n\nThe plan costs EUR 9. Start now.\n\nTeams pay EUR 29.\n"
    now_a = latest.replace("EUR 9", "EUR 12")
    now_b = now_a.replace("Start now.", "Try it free.")
    assert steady_side(now_b, now_a, latest) == 2  # the second fetch has the latest's wording
    assert steady_side(now_a, now_b, latest) == 1  # the first has: kept
    # two blinking stretches, one as the latest has it in each fetch: no fetch is steadier, the first kept
    both = now_a.replace("Teams pay", "Teams now pay")
    other = now_b
    assert steady_side(both, other, latest) == 1
    # neither fetch has the latest's wording where they differ: the first kept
    assert steady_side(now_a.replace("Start now.", "Go."), now_a.replace("Start now.", "Come."), latest) == 1
