"""What a first-time user found in scheduled runs and the CLI (session 34, ops37), run for real:
the CLI as a subprocess or in-process against pages served on 127.0.0.1 and real git repositories.

- An ``archive/`` that is a git repository the tracker did not make (someone's own history, files,
  another branch checked out, uncommitted edits) is refused with exit 3 before anything is written;
  an archive the tracker made, or a clone of one on any branch name, is written on its own branch.
- Ctrl-C sent to the process group of a run (as a terminal sends it) while its analysis worker is up:
  exit 130, one line, no traceback from the worker.
- ``tracker demo`` refuses (exit 2, nothing written) a --dir holding files it did not write and a
  sources file it did not write where its own would go.
- A failed notification names the run (`tracker notify --run 2`), and typing that works.
- ``--store snapshots/archive`` says it is the archive's git folder (use --store snapshots); ``history``
  of an archive with no version says so on stderr; ``status`` with a broken sources file shows the
  archive, then the error (exit 2).
- On a terminal, a document's line is printed on a row of its own, not after the progress bar (nu38).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from werkzeug.wrappers import Response

from support import ROOT

ENV = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | {
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0", "PYTHONPATH": str(ROOT)}
USER = ("-c", "user.name=Dana", "-c", "user.email=dana@example.invalid")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *USER, *args], cwd=cwd, env=ENV, capture_output=True, text=True,
                          check=True).stdout


def tracker(cwd: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``tracker ARGS`` as a user types it, in ``cwd`` (which holds sources.toml)."""
    return subprocess.run([sys.executable, "-m", "tracker", *args], cwd=cwd, env=ENV, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture
def pricing(tmp_path: Path, httpserver):
    """A sources.toml with one document, Fjordly's pricing page, whose price ``pricing["eur"]`` sets."""
    state = {"eur": 5}

    def page(request):
        return Response(f"<html><body><main><h1>Fjordly pricing</h1><p>Each credit costs {state['eur']} euros "
                        "and credits expire after 12 months.</p></main></body></html>", content_type="text/html")

    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/pricing").respond_with_handler(page)
    (tmp_path / "sources.toml").write_text(
        '[[service]]\nid = "fjordly"\nname = "Fjordly"\n  [[service.document]]\n  type = "pricing"\n'
        f'  url = "{httpserver.url_for("/pricing")}"\n', encoding="utf-8")
    return state


def run(cwd: Path, store: str) -> subprocess.CompletedProcess[str]:
    return tracker(cwd, "--store", store, "run", "--document", "pricing", "--host-delay", "0", "--retry-backoff", "0")


def refs(repo: Path) -> str:
    return git(repo, "for-each-ref", "--format=%(refname) %(objectname)")


# -- 1. an existing git repository as the archive ------------------------------------------------

def test_someones_repository_as_the_archive_is_refused_and_left_as_it_was(tmp_path, pricing):
    repo = tmp_path / "f4" / "archive"
    subprocess.run(["git", "init", "-q", "-b", "master", str(repo)], check=True, env=ENV)
    (repo / "NOTES.md").write_text("my notes\n")
    git(repo, "add", "NOTES.md")
    git(repo, "commit", "-q", "-m", "Add notes")
    (repo / "draft.txt").write_text("a draft\n")
    before = refs(repo)

    done = run(tmp_path, "f4")
    assert done.returncode == 3, done.stderr  # a store problem (README's exit codes)
    assert "Traceback" not in done.stderr
    message = done.stderr
    assert message.startswith("error: ") and "history the tracker did not write" in message
    assert "'master'" in message and "Add notes" in message and "nothing was read or written" in message
    assert "--store" in message  # what to do
    # nothing moved, reset or written
    assert refs(repo) == before and "refs/heads/main" not in refs(repo)
    assert (repo / "NOTES.md").read_text() == "my notes\n" and (repo / "draft.txt").read_text() == "a draft\n"
    assert git(repo, "reflog").count("\n") == 1
    assert not (tmp_path / "f4" / "index.sqlite").exists()
    # the read and publish commands refuse it too (they said "all consistent" and printed nothing)
    for command in (("verify",), ("history",), ("publish",), ("status",)):
        done = tracker(tmp_path, "--store", "f4", *command)
        assert done.returncode == 3 and "history the tracker did not write" in done.stderr, (command, done.stderr)
    assert not (tmp_path / "f4" / "site").exists()


def test_a_tracker_archive_with_a_hand_commit_goes_on_and_an_empty_branch_checked_out_is_refused(tmp_path, pricing):
    assert run(tmp_path, "s").returncode == 0
    repo = tmp_path / "s" / "archive"
    tip = git(repo, "rev-parse", "HEAD")

    git(repo, "checkout", "-q", "-b", "notes")  # another branch, with a commit of the owner's on top (a README)
    (repo / "NOTES.md").write_text("notes\n")
    git(repo, "add", "NOTES.md")
    git(repo, "commit", "-q", "-m", "Add notes")
    pricing["eur"] = 7
    done = run(tmp_path, "s")  # the tracker's archive still: written on the branch checked out, nothing lost
    assert done.returncode == 0, done.stderr
    assert git(repo, "rev-parse", "main") == tip and (repo / "NOTES.md").is_file()
    assert git(repo, "log", "-1", "--format=%s", "notes^").strip() == "Add notes"
    git(repo, "reset", "-q", "--hard", "HEAD~1")  # back to the owner's commit alone on top, for the rest

    git(repo, "checkout", "-q", "--orphan", "empty")  # a branch with no commit, the tracker's elsewhere
    git(repo, "rm", "-rq", "--cached", ".")
    done = run(tmp_path, "s")
    assert done.returncode == 3 and "no commit on its checked-out branch 'empty'" in done.stderr, done.stderr
    assert "checkout" in done.stderr

    git(repo, "checkout", "-qf", "main")  # back on the tracker's branch: runs go on
    (repo / "NOTES.md").unlink(missing_ok=True)
    done = run(tmp_path, "s")
    assert done.returncode == 0, done.stderr
    assert git(repo, "log", "-1", "--format=%s", "main").strip() == "Record new version of Fjordly pricing"
    assert git(repo, "rev-parse", "notes^") == tip  # the other branch untouched


def test_uncommitted_edits_in_the_archive_are_refused_not_overwritten(tmp_path, pricing):
    assert run(tmp_path, "s").returncode == 0
    page = tmp_path / "s" / "archive" / "fjordly" / "pricing.md"
    page.write_text(page.read_text() + "\nmy remark\n")
    pricing["eur"] = 9
    done = run(tmp_path, "s")
    assert done.returncode == 3 and "uncommitted changes to 1 file (fjordly/pricing.md)" in done.stderr, done.stderr
    assert page.read_text().endswith("my remark\n")
    git(page.parent.parent, "checkout", "--", ".")
    assert run(tmp_path, "s").returncode == 0


def test_an_empty_repository_is_used_only_when_it_holds_nothing(tmp_path, pricing):
    repo = tmp_path / "e" / "archive"
    subprocess.run(["git", "init", "-q", "-b", "master", str(repo)], check=True, env=ENV)
    (repo / "draft.txt").write_text("a draft\n")
    done = run(tmp_path, "e")
    assert done.returncode == 3 and "without commits that holds files" in done.stderr and "draft.txt" in done.stderr
    assert git(repo, "for-each-ref") == ""
    (repo / "draft.txt").unlink()
    done = run(tmp_path, "e")  # an empty `git init`: written on its own branch, master
    assert done.returncode == 0, done.stderr
    assert git(repo, "for-each-ref", "--format=%(refname)").split() == ["refs/heads/master"]
    assert "1  " in tracker(tmp_path, "--store", "e", "history", "fjordly").stdout

    plain = tmp_path / "p" / "archive"  # a folder of files that is no repository: not made into one
    plain.mkdir(parents=True)
    (plain / "notes.txt").write_text("x\n")
    done = run(tmp_path, "p")
    assert done.returncode == 3 and "not a git repository" in done.stderr and "notes.txt" in done.stderr
    assert not (plain / ".git").exists()


def test_a_clone_of_an_archive_on_another_branch_name_goes_on_on_that_branch(tmp_path, pricing):
    assert run(tmp_path, "s").returncode == 0
    remote = tmp_path / "terms-archive.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(tmp_path / "s" / "archive"), str(remote)], check=True, env=ENV)
    git(remote, "branch", "-m", "main", "trunk")
    git(remote, "symbolic-ref", "HEAD", "refs/heads/trunk")
    ci = tmp_path / "ci"
    ci.mkdir()
    (ci / "sources.toml").write_text((tmp_path / "sources.toml").read_text())
    subprocess.run(["git", "clone", "-q", str(remote), str(ci / "snapshots" / "archive")], check=True, env=ENV)
    assert tracker(ci, "reindex").returncode == 0
    pricing["eur"] = 6
    done = run(ci, "snapshots")
    assert done.returncode == 0, done.stderr
    repo = ci / "snapshots" / "archive"
    assert git(repo, "for-each-ref", "--format=%(refname)", "refs/heads").split() == ["refs/heads/trunk"]
    assert git(repo, "log", "--format=%s", "trunk").splitlines() == [
        "Record new version of Fjordly pricing", "Record first version of Fjordly pricing"]
    assert git(repo, "status", "--porcelain") == ""
    history = tracker(ci, "history", "fjordly", "pricing").stdout
    assert "Credits now cost 6 euros" in history or "6 euros" in history, history
    git(repo, "push", "-q", "origin", "HEAD")  # the README's push step, any branch name
    assert git(remote, "log", "-1", "--format=%s", "trunk").strip() == "Record new version of Fjordly pricing"

    # a clone whose remote HEAD names no branch checks out nothing: said, not started over
    git(remote, "symbolic-ref", "HEAD", "refs/heads/gone")
    other = tmp_path / "ci2"
    other.mkdir()
    (other / "sources.toml").write_text((tmp_path / "sources.toml").read_text())
    subprocess.run(["git", "clone", "-q", str(remote), str(other / "snapshots" / "archive")], env=ENV,
                   capture_output=True)
    done = run(other, "snapshots")
    assert done.returncode == 3 and "origin/trunk" in done.stderr and "checkout trunk" in done.stderr, done.stderr


# -- 2. Ctrl-C during a run: the analysis workers get the SIGINT too ----------------------------

def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _is_python_worker(pid: int) -> bool:
    try:
        return b"multiprocessing" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def test_ctrl_c_to_the_process_group_during_a_run_prints_no_traceback(tmp_path, httpserver):
    import signal
    import time

    state = {"eur": 5, "slow": 0.0}

    def page(request):
        if request.path == "/slow":
            time.sleep(state["slow"])
        return Response(f"<html><body><main><h1>Fjordly {request.path}</h1><h2>Credits</h2><p>Each credit costs "
                        f"{state['eur']} euros and credits expire after 12 months.</p><h2>Disputes</h2><p>The courts "
                        "of Bergen hear every dispute.</p></main></body></html>", content_type="text/html")

    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    lines = ['[[service]]\nid = "fjordly"\nname = "Fjordly"']
    for path in ("/pricing", "/slow"):
        lines.append(f'  [[service.document]]\n  type = "{path[1:]}"\n  url = "{httpserver.url_for(path)}"')
        httpserver.expect_request(path).respond_with_handler(page)
    (tmp_path / "sources.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = [sys.executable, "-m", "tracker", "--store", "s", "run", "--host-delay", "0", "--retry-backoff", "0"]
    assert subprocess.run(args, cwd=tmp_path, env=ENV, capture_output=True, timeout=120).returncode == 0
    state.update(eur=8, slow=8.0)  # /pricing changed: its analysis goes to a worker while /slow hangs
    proc = subprocess.Popen(args, cwd=tmp_path, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while not workers and time.monotonic() < deadline and proc.poll() is None:
            workers = [p for p in _children(proc.pid) if _is_python_worker(p)]
            time.sleep(0.05)
        assert workers, "no analysis worker started"
        time.sleep(1.0)  # the worker is up (imports done, waiting for or doing its job)
        os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C on a terminal: the whole group
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, (proc.returncode, err)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert "interrupted (Ctrl-C)" in err
    assert not [p for p in workers if _is_python_worker(p)]  # stopped with the run, not left behind


# -- 3. `tracker demo --dir DIR` never overwrites what it did not write ---------------------------

def test_demo_refuses_a_folder_or_sources_file_it_did_not_write(tmp_path):
    from click.testing import CliRunner

    from tracker.cli.app import cli

    mine = '[[service]]\nid = "fjordly"\nname = "Fjordly"\n'
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "sources.toml").write_text(mine)
    result = CliRunner().invoke(cli, ["demo", "--dir", str(folder)])
    assert result.exit_code == 2 and result.output.startswith("error: "), result.output
    assert "sources.toml exists and was not written by the demo" in result.output and "--dir" in result.output
    assert (folder / "sources.toml").read_text() == mine and not (folder / "snapshots").exists()

    (folder / "sources.toml").unlink()
    (folder / "notes.md").write_text("my notes\n")
    result = CliRunner().invoke(cli, ["demo", "--dir", str(folder)])
    assert result.exit_code == 2 and "holds files the demo did not write (notes.md)" in result.output, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["notes.md"]

    store = tmp_path / "demo-store"  # with --store, its sources file goes beside the store
    (tmp_path / "demo-store-demo-sources.toml").write_text(mine)
    result = CliRunner().invoke(cli, ["--store", str(store), "demo"])
    assert result.exit_code == 2 and "was not written by the demo" in result.output, result.output
    assert (tmp_path / "demo-store-demo-sources.toml").read_text() == mine and not store.exists()


# -- 4. a failed notification names the command that sends it again, and that command works ------

def test_a_failed_delivery_names_the_run_and_the_command_it_names_works(tmp_path, pricing, httpserver):
    import re
    import shlex

    hook = {"status": 500, "bodies": []}

    def receive(request):
        hook["bodies"].append(request.get_data(as_text=True))
        return Response("hook says " + str(hook["status"]), status=hook["status"])

    httpserver.expect_request("/hook").respond_with_handler(receive)
    (tmp_path / "notify.toml").write_text(
        f'[[target]]\nname = "team hook"\nurl = "json://127.0.0.1:{httpserver.port}/hook"\n', encoding="utf-8")
    assert run(tmp_path, "s").returncode == 0  # run 1: a first version, never sent
    pricing["eur"] = 11
    done = run(tmp_path, "s")  # run 2: a change; the hook answers 500
    assert done.returncode == 0, done.stderr
    [warning] = [line for line in done.stderr.splitlines() if line.startswith("warning: notify team hook")]
    assert "HTTP 500" in warning and " notify --run 2` sends that run's changes again)" in warning, warning
    command = re.search(r"`tracker ([^`]*notify --run \d+)`", warning)
    # the run was given --store s: the command names it (nu38: "tracker notify --run 12" found no notify file)
    assert command is not None and f"--store {tmp_path / 's'} notify" in command.group(1), warning
    hook["status"] = 200
    again = tracker(tmp_path, *shlex.split(command.group(1)))  # typed as the line says
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "sent 1 message(s) about 1 of the run's 1 version(s), 0 error(s)", again.stdout
    assert len(hook["bodies"]) == 2 and "11 euros" in hook["bodies"][-1]

    hook["status"] = 500  # `tracker notify` alone (the latest run) names that run's number too
    again = tracker(tmp_path, "--store", "s", "notify")
    assert again.returncode == 1 and f"`tracker --store {tmp_path / 's'} notify --run 2` sends that run's changes again" \
        in again.stderr, again.stderr
    # a failed delivery is the error above, not a first version or a filter (nu38's check said so)
    assert "first versions" not in again.stdout and "1 error(s)" in again.stdout, again.stdout


# -- 5. smaller: --store pointing into the archive, an empty history, status with a broken file ---

def test_a_store_that_is_the_archives_git_folder_says_which_store_to_use(tmp_path, pricing):
    assert run(tmp_path, "snapshots").returncode == 0
    inner = tmp_path / "snapshots" / "archive"
    done = tracker(tmp_path, "--store", "snapshots/archive", "history", "fjordly")
    assert done.returncode == 4, done.stderr
    assert "snapshots/archive is itself the archive's git folder" in done.stderr and "use --store snapshots" in done.stderr
    assert "run `tracker run` first" not in done.stderr, done.stderr  # (it said both, like status did)
    done = run(tmp_path, "snapshots/archive")  # never a second archive (or a lock) inside the first
    assert done.returncode == 3 and "use --store snapshots" in done.stderr, done.stderr
    assert sorted(p.name for p in inner.iterdir()) == [".git", ".raw", "fjordly"]
    done = tracker(tmp_path, "--store", "snapshots/archive", "status")
    assert done.returncode == 0 and "use --store snapshots" in done.stdout, done.stdout
    assert "`tracker run` creates it" not in done.stdout, done.stdout  # (nu38: it said both)
    elsewhere = tracker(tmp_path, "--store", "nowhere", "history")  # a plain missing store: no such hint
    assert elsewhere.returncode == 4 and "git folder" not in elsewhere.stderr


def test_history_of_an_archive_with_no_version_says_so(tmp_path, httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/pricing").respond_with_data("down", status=404)
    (tmp_path / "sources.toml").write_text(
        '[[service]]\nid = "fjordly"\nname = "Fjordly"\n  [[service.document]]\n  type = "pricing"\n'
        f'  url = "{httpserver.url_for("/pricing")}"\n', encoding="utf-8")
    assert run(tmp_path, "s").returncode == 1  # the page failed: an archive with nothing in it
    done = tracker(tmp_path, "--store", "s", "history")
    assert done.returncode == 0 and done.stdout == "", done.stdout
    assert done.stderr.startswith("no versions recorded yet"), done.stderr
    done = tracker(tmp_path, "--store", "s", "history", "--json")
    assert done.returncode == 0 and done.stdout.strip() == "[]"


def test_status_with_a_broken_sources_file_shows_the_archive_then_the_error(tmp_path, pricing):
    assert run(tmp_path, "s").returncode == 0
    (tmp_path / "sources.toml").write_text('[[service]\nid = "fjordly"\n')  # a TOML error
    done = tracker(tmp_path, "--store", "s", "status")
    assert done.returncode == 2, (done.stdout, done.stderr)  # a broken sources file, as the README says
    assert "fjordly/pricing: 1 version" in done.stdout and "cannot be read" in done.stdout, done.stdout
    assert done.stderr.startswith("error: ") and "invalid TOML" in done.stderr and "line 1" in done.stderr
    done = tracker(tmp_path, "--store", "s", "status", "--json")
    assert done.returncode == 2 and '"document": "fjordly/pricing"' in done.stdout and "invalid TOML" in done.stderr


# -- nu38: on a terminal, a document's line is printed on a line of its own, not after the bar ----

def test_on_a_terminal_a_documents_line_is_not_glued_to_the_progress_bar(tmp_path, pricing):
    import pty
    import re
    import select

    master, slave = pty.openpty()
    env = ENV | {"COLUMNS": "100", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([sys.executable, "-m", "tracker", "--store", "s", "run", "--document", "pricing",
                             "--host-delay", "0"], cwd=tmp_path, env=env, stdin=slave, stdout=slave, stderr=slave)
    os.close(slave)
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    assert proc.wait(timeout=60) == 0, out
    os.close(master)
    text = out.decode("utf-8", "replace")
    assert "fetching" in text, text  # a terminal: the progress bar was drawn
    # what a terminal shows on the document's row: the text after the last carriage return or erase
    [row] = [line for line in text.split("\n") if "fjordly/pricing" in line]
    shown = re.split(r"\r|\x1b\[2K", row.rstrip("\r"))[-1]
    assert "fetching" not in shown and shown.lstrip().startswith("new"), repr(row)
