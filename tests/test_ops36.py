"""ops36: what a first-time user found after stopping runs and misconfiguring notifications (nu35).

* A run stopped by SIGTERM or Ctrl-C leaves its run record (its checks), brings the archive's
  checkout to HEAD, and says its versions were not notified yet; the next run sends them, and
  ``tracker notify --run N`` works for it (also for a run killed before stopped runs left a record).
* ``tracker verify`` warns (with the fix) when the checkout differs from HEAD; ``--repair`` fixes it.
* A broken notify file is said in every run, with a change or not; ``notify --check`` refuses a
  file with no target and a target's unknown service.
* Version 0 is bad input (exit 2) like "abc"; a version past the last is "no such version" (4).

Invented service "Brackenly" served by a local aiohttp server; its webhook is a route of that server.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from aiohttp import web

from test_ops35 import start_and_stop, terms, terms_page

ROOT = Path(__file__).resolve().parents[1]


def cli(store: Path, sources: Path, *args: str) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "tracker", "--store", str(store), "--sources", str(sources), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


def with_hook(server) -> list[str]:
    """A webhook receiver at /hook of ``server``: the bodies POSTed to it."""
    bodies: list[str] = []

    async def hook(request: web.Request) -> web.StreamResponse:
        if request.method == "POST":
            bodies.append(await request.text())
        return web.Response(text="ok")

    server.routes["/hook"] = hook
    return bodies


def notify_file(path: Path, server, **extra: str) -> Path:
    more = "".join(f"{k} = {v}\n" for k, v in extra.items())
    path.write_text(f'[[target]]\nname = "team hook"\nurl = "json://127.0.0.1:{server.port}/hook"\n{more}',
                    encoding="utf-8")
    return path


def git_status(store: Path) -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=store / "archive",
                          capture_output=True, text=True, check=True).stdout


def stopped_run(tmp_path: Path, server, sig: signal.Signals = signal.SIGTERM) -> tuple[int, str, Path, Path]:
    """Brackenly's Terms change recorded (age 16 -> 18), then the run stopped by ``sig`` while its
    Privacy page hangs; a notify.toml beside the sources sends to /hook."""
    code, _, err, store, sources = start_and_stop(tmp_path, server, sig,
                                                  before=lambda: notify_file(tmp_path / "notify.toml", server))
    assert "Traceback" not in err, err
    return code, err, store, sources


def age_messages(bodies: list[str]) -> list[str]:
    return [b for b in bodies if "18" in json.loads(b).get("message", "") + json.loads(b).get("title", "")]


# -- item 1: a stopped run's versions are notified, and its record is kept -------------------------

def test_a_stopped_runs_version_is_sent_by_the_next_run_once(tmp_path, serve):
    server = serve()
    bodies = with_hook(server)
    code, err, store, sources = stopped_run(tmp_path, server)
    assert code == 143, err
    assert ("recorded before it: 1 version (brackenly/Terms), not notified yet: the next run sends it, or "
            "`tracker notify --run 2` now") in err, err
    assert age_messages(bodies) == []  # the stop did not wait for deliveries
    code, _, err = cli(store, sources, "run", "--host-delay", "0", "-q")  # nothing changed since
    assert code == 0, err
    [sent] = age_messages(bodies)
    assert "Brackenly" in sent and "Terms" in sent
    code, _, err = cli(store, sources, "run", "--host-delay", "0", "-q")
    assert code == 0 and len(age_messages(bodies)) == 1  # sent once, not by every later run


def test_notify_run_sends_a_stopped_run_and_its_record_is_kept(tmp_path, serve):
    server = serve()
    bodies = with_hook(server)
    code, err, store, sources = stopped_run(tmp_path, server, signal.SIGINT)
    assert code == 130, err
    code, out, err = cli(store, sources, "notify", "--run", "2")
    assert (code, out.strip()) == (0, "sent 1 message(s) about 1 of the run's 1 version(s), 0 error(s)"), (out, err)
    assert len(age_messages(bodies)) == 1
    code, _, err = cli(store, sources, "run", "--host-delay", "0", "-q")  # nothing changed since
    assert code == 0 and len(age_messages(bodies)) == 1, err  # notify handed it over: not sent twice
    code, out, _ = cli(store, sources, "history", "--runs", "1", "--json")
    assert code == 0
    # the run's record: its checks name the version it recorded
    with sqlite3.connect(store / "index.sqlite") as db:
        rows = db.execute("SELECT document_key, outcome FROM checks WHERE run_id = 2").fetchall()
        finished = db.execute("SELECT finished_at FROM runs WHERE id = 2").fetchone()[0]
    assert ("brackenly/Terms", "changed") in rows and finished


def test_notify_run_reads_an_old_killed_run_by_time_and_a_missing_run_says_so_plainly(tmp_path, serve):
    server = serve()
    with_hook(server)
    _, _, store, sources = stopped_run(tmp_path, server)
    with sqlite3.connect(store / "index.sqlite") as db:  # as a run killed by an older tracker left it
        db.execute("DELETE FROM checks WHERE run_id = 2")
    code, out, err = cli(store, sources, "notify", "--run", "2")
    assert (code, out.strip()) == (0, "sent 1 message(s) about 1 of the run's 1 version(s), 0 error(s)"), (out, err)
    code, out, err = cli(store, sources, "notify", "--run", "1")  # near miss: the first version is no change
    # its two first versions: looked at, not sent, and the line says so (it said "notified about 2")
    assert code == 0 and out.strip() == ("sent 0 message(s) about 0 of the run's 2 version(s), 0 error(s) "
                                         "(first versions and versions no target asks for are not sent)"), out
    code, _, err = cli(store, sources, "notify", "--run", "99")
    assert code == 4 and "no run 99 in this archive (runs 1 to 2 are recorded)" in err, err


# -- item 9: the checkout is brought to HEAD, and verify says when it is not ----------------------

def test_a_stop_leaves_the_checkout_at_head(tmp_path, serve):
    server = serve()
    with_hook(server)
    _, _, store, _ = stopped_run(tmp_path, server)
    assert git_status(store) == ""
    text = (store / "archive" / "brackenly" / "Terms.md").read_text(encoding="utf-8")
    assert "at least 18 years" in text


def test_verify_warns_of_a_checkout_behind_head_and_repair_brings_it_up(tmp_path, serve):
    server = serve()
    served, store, sources = terms_page(tmp_path, server)
    assert cli(store, sources, "run", "--host-delay", "0", "-q")[0] == 0
    code, out, _ = cli(store, sources, "verify")
    assert code == 0 and "warning" not in out and out.rstrip().endswith("all consistent")  # near miss: clean
    served["terms"] = terms().replace("EUR 9 per month", "EUR 11 per month")
    assert cli(store, sources, "run", "--host-delay", "0", "-q")[0] == 0
    # what a stopped run left before: the git index and files one version behind HEAD
    subprocess.run(["git", "checkout", "HEAD~1", "--", "."], cwd=store / "archive", check=True, capture_output=True)
    assert git_status(store)
    code, out, _ = cli(store, sources, "verify")
    assert code == 0, out
    assert "warning: the archive's checkout differs from its latest commit (HEAD) in" in out
    assert "brackenly/Terms.md" in out and "`tracker verify --repair`" in out and "do not commit them" in out
    code, out, _ = cli(store, sources, "verify", "--repair")
    assert code == 0, out
    assert git_status(store) == ""
    assert "EUR 11" in (store / "archive" / "brackenly" / "Terms.md").read_text(encoding="utf-8")
    code, out, _ = cli(store, sources, "verify")
    assert "warning" not in out and out.rstrip().endswith("all consistent")


# -- item 10: a broken notify file is said every run; --check refuses empty files and unknown services

def test_a_broken_notify_file_is_said_in_a_run_with_no_change(tmp_path, serve):
    server = serve()
    bodies = with_hook(server)
    _, store, sources = terms_page(tmp_path, server)
    assert cli(store, sources, "run", "--host-delay", "0", "-q")[0] == 0
    notify = tmp_path / "notify.toml"
    notify.write_text('[[target]]\nurl = "json://127.0.0.1:9/hook"\nmin_severity = "urgent"\n', encoding="utf-8")
    for _ in range(2):  # every run, not once
        code, out, err = cli(store, sources, "run", "--host-delay", "0", "-q")
        assert code == 0 and out.count("\n") == 1, (out, err)
        assert "warning: notifications will not be sent: invalid notify file:" in err
        assert "min_severity must be one of" in err
    notify.write_text("# nothing yet\n", encoding="utf-8")  # no target at all
    code, _, err = cli(store, sources, "run", "--host-delay", "0", "-q")
    assert code == 0 and "no [[target]]" in err
    notify_file(notify, server)  # near miss: a good file says nothing
    code, _, err = cli(store, sources, "run", "--host-delay", "0", "-q")
    assert code == 0 and err == "" and bodies == []


def test_notify_check_refuses_a_file_with_no_target(tmp_path):
    (tmp_path / "notify.toml").write_text("site_url = \"https://terms.example.org\"\n", encoding="utf-8")
    code, out, err = cli(tmp_path / "store", tmp_path / "sources.toml", "notify", "--check")
    assert code == 2 and "no [[target]]" in err and "configuration OK" not in out, (out, err)


def test_notify_check_names_a_service_no_source_declares(tmp_path, serve):
    server = serve()
    with_hook(server)
    _, store, sources = terms_page(tmp_path, server)
    notify = notify_file(tmp_path / "notify.toml", server, services='["brackenlly", "quillmoor"]')
    code, out, err = cli(store, sources, "notify", "--check")
    assert code == 2, (out, err)
    assert "no service 'brackenlly'" in err and "(did you mean 'brackenly'?)" in err
    assert "no service 'quillmoor'" in err and "team hook" in err
    code, _, err = cli(store, sources, "run", "--host-delay", "0", "-q")  # a run says it too, and goes on
    assert code == 0 and "no service 'quillmoor'" in err
    notify_file(notify, server, services='["brackenly"]')  # near miss: a declared service
    code, out, err = cli(store, sources, "notify", "--check")
    assert code == 0 and "1 target(s), configuration OK" in out, (out, err)


# -- item 11: version 0 is bad input, like any version that cannot exist ---------------------------

def test_version_zero_is_bad_input_and_a_version_past_the_last_is_not_found(tmp_path, serve):
    server = serve()
    served, store, sources = terms_page(tmp_path, server)
    assert cli(store, sources, "run", "--host-delay", "0", "-q")[0] == 0
    served["terms"] = terms().replace("EUR 9 per month", "EUR 11 per month")
    assert cli(store, sources, "run", "--host-delay", "0", "-q")[0] == 0
    for args in (("diff", "--to", "0"), ("diff", "--from", "0"), ("show", "--at", "0"), ("diff", "--to", "-0"),
                 ("diff", "--to", "abc"), ("summary", "--at", "0")):
        code, _, err = cli(store, sources, args[0], "brackenly", "Terms", *args[1:])
        assert code == 2 and err.startswith("error: "), (args, code, err)
    for args in (("diff", "--to", "3"), ("show", "--at", "-3")):  # near misses: well formed, not there
        code, _, err = cli(store, sources, args[0], "brackenly", "Terms", *args[1:])
        assert code == 4 and "no version" in err, (args, code, err)


def test_a_stop_between_the_commit_and_the_index_write_still_counts_and_notifies_the_version(tmp_path, serve):
    """A stop that fell after git committed a version but before the index had it (nu36): the
    stopped run indexes it, names it in its stop line and its record, and the next run sends it.
    The state is made for real: run 2 records a version, then the index is put back to its copy
    from before run 2, as a stop between the two writes leaves it."""
    import shutil

    from tracker.archive import Index
    from tracker.archive.store import Store
    from tracker.cli.run_view import RunTally, stop_line
    from tracker.run.events import RunEvents
    from tracker.run.loop import _Run, stopped_runs

    server = serve()
    bodies = with_hook(server)
    served, store, sources = terms_page(tmp_path, server)
    code, _, err = cli(store, sources, "run", "--host-delay", "0", "-q")
    assert code == 0, err
    shutil.copy(store / "index.sqlite", tmp_path / "index-before.sqlite")
    served["terms"] = terms().replace("at least 16 years", "at least 18 years")
    code, _, err = cli(store, sources, "run", "--host-delay", "0", "-q")  # (no notify file yet)
    assert code == 0, err
    notify_file(tmp_path / "notify.toml", server)
    shutil.copy(tmp_path / "index-before.sqlite", store / "index.sqlite")  # the index write never happened
    tally = RunTally()
    archive = Store(store)
    with Index(archive.index_path) as index:
        run = _Run(archive, index, [], 1, RunEvents([tally]))
        run.stopped()
        run_id = run.result.run_id
        assert stopped_runs(index) == [run_id]
        assert len(index.run_commits(run_id)) == 1
    assert tally.recorded == ["brackenly/Terms"]
    assert "recorded before it: 1 version (brackenly/Terms)" in stop_line("stopped by SIGTERM", tally)
    code, out, err = cli(store, sources, "verify")
    assert code == 0, (out, err)
    code, _, err = cli(store, sources, "run", "--host-delay", "0", "-q")  # nothing changed since: sends it
    assert code == 0, err
    [sent] = age_messages(bodies)
    assert "Brackenly" in sent


def test_notify_run_zero_is_bad_input_like_version_zero(tmp_path):
    """Run numbers start at 1: ``notify --run 0`` is bad input (exit 2, one line), as ``--to 0`` is."""
    sources = tmp_path / "sources.toml"
    sources.write_text("")
    code, out, err = cli(tmp_path / "store", sources, "notify", "--run", "0")
    assert code == 2 and "Traceback" not in err and "--run" in err, (out, err)
