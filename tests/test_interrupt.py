"""Ctrl-C on every long-running command, sent as a terminal sends it (SIGINT to the whole process
group, workers included) to a real ``python -m tracker`` subprocess: exit 130, one line on stderr
saying so, never a traceback, and nothing half written - the archive and index agree once the
next command has caught up, a feed folder holds no temporary or truncated file, and running the
command again finishes the job.

Commands that may finish before the signal lands (a small store) are accepted with exit 0 only
when their output says they finished; ``serve`` and an import caught while reading are always
interrupted.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner

from histories import git
from support import ROOT
from tracker.cli.app import cli

INTERRUPTED = "interrupted (Ctrl-C)"  # a plain line: an interrupt is no error


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Path:
    """A git folder of 12 editions of 3 documents of a fictional note-taking service."""
    repo = tmp_path_factory.mktemp("history") / "versions"
    (repo / "Quillway").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    for i in range(1, 13):
        for doc in ("Terms of Service", "Privacy Policy", "Acceptable Use"):
            clauses = "".join(
                f"## {k}. Clause {k}\n\nThe customer may cancel plan {k} within {(k * i) % 40 + 1} days; Quillway "
                f"may change the fees of section {k} with thirty days of notice.\n\n" for k in range(1, 25))
            (repo / "Quillway" / f"{doc}.md").write_text(f"# {doc}\n\n{clauses}Edition {i}.\n", encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"edition {i}", date=f"2024-01-{i:02d}T10:00:00Z")
    return repo


@pytest.fixture(scope="module")
def base_store(history: Path, tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("base") / "store"
    result = CliRunner().invoke(cli, ["--store", str(store), "import-history", str(history), "-q"])
    assert result.exit_code == 0, result.output
    return store


@pytest.fixture
def store(base_store: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(base_store, copy)
    return copy


def interrupt(store: Path, *args: str, after: float = 0.0, wait_for: str = "",
              timeout: float = 120) -> tuple[int, str, str]:
    """Start ``tracker --store STORE ARGS``, wait until ``wait_for`` shows on stdout or stderr
    (or ``after`` seconds), send SIGINT to its process group; (exit code, stdout, stderr)."""
    proc = subprocess.Popen([sys.executable, "-m", "tracker", "--store", str(store), *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    seen = threading.Event()
    out: list[str] = []
    err: list[str] = []

    def read(stream, into: list[str]) -> None:  # type: ignore[no-untyped-def]
        for line in stream:
            into.append(line)
            if wait_for and wait_for in line:
                seen.set()

    readers = [threading.Thread(target=read, args=(proc.stdout, out), daemon=True),
               threading.Thread(target=read, args=(proc.stderr, err), daemon=True)]
    for reader in readers:
        reader.start()
    try:
        if wait_for:
            assert seen.wait(timeout), f"never said {wait_for!r}: {''.join(err)[-2000:]}"
        else:
            time.sleep(after)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C on a terminal: the whole group
        proc.wait(timeout)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    for reader in readers:
        reader.join(10)
    return proc.returncode, "".join(out), "".join(err)


def assert_interrupted(code: int, err: str) -> None:
    # 130, or killed by the SIGINT itself (Python ends that way when the signal lands as the
    # interpreter shuts down): a shell shows both as $? = 130
    assert code in (130, -signal.SIGINT), (code, err[-2000:])
    assert "Traceback" not in err and "Aborted!" not in err, err
    assert "error:" not in err, err  # stopping a command (a server, above all) is not an error
    said = [line for line in err.splitlines() if line.startswith(INTERRUPTED)]
    assert len(said) == 1, err


def assert_interrupted_or_done(code: int, out: str, err: str, done: str) -> None:
    assert "Traceback" not in err and "Aborted!" not in err, err
    if code == 0:
        assert done in out, out  # it finished before the signal came
    else:
        assert_interrupted(code, err)


def tracker(store: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", "--store", str(store), *args], cwd=ROOT,
                          capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=300)


def assert_consistent(store: Path, versions: int) -> None:
    """Archive and index agree once a command has caught the index up, with every version."""
    status = tracker(store, "history", "quillway", "Terms of Service")
    assert status.returncode == 0, status.stderr
    verify = tracker(store, "verify")
    assert verify.returncode == 0 and "all consistent" in verify.stdout, verify.stdout + verify.stderr
    assert f"archive: {versions} recorded version(s); index: {versions} version row(s)" in verify.stdout, verify.stdout


def assert_whole_site(site: Path) -> None:
    """No temporary file left, and every feed parses as a complete document."""
    leftovers = [p for p in site.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == [], leftovers
    feeds = list(site.rglob("*.atom"))
    assert feeds
    for feed in feeds:
        parsed = feedparser.parse(str(feed))
        assert not parsed.bozo, (feed, parsed.bozo_exception)


def test_serve_stopped_with_ctrl_c_exits_130_with_one_line(store: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    code, out, err = interrupt(store, "serve", "--port", "0", "--out", str(site), wait_for="Serving ")
    assert_interrupted(code, err)
    assert "stopped serving" in err
    assert_whole_site(site)


@pytest.mark.parametrize("command", ["serve", "publish"])
def test_ctrl_c_while_the_site_is_written_leaves_no_half_written_file(store: Path, tmp_path: Path,
                                                                      command: str) -> None:
    site = tmp_path / "site"
    args = ("serve", "--port", "0", "--out", str(site)) if command == "serve" else ("publish", "--out", str(site))
    interrupted = 0
    for after in (0.8, 1.5, 2.5):
        code, out, err = interrupt(store, *args, after=after)
        assert_interrupted_or_done(code, out, err, "Serving " if command == "serve" else "feeds:")
        interrupted += code == 130
        assert [p for p in site.rglob("*.tmp")] == [] if site.exists() else True
    assert interrupted  # serve never ends on its own: at least one run was stopped
    again = tracker(store, "publish", "--out", str(site))
    assert again.returncode == 0, again.stderr
    assert_whole_site(site)


@pytest.mark.parametrize("command,done", [
    (("reindex",), "indexed"),
    (("reanalyse", "--force"), "reanalysed"),
])
def test_ctrl_c_during_index_work_keeps_archive_and_index(store: Path, command: tuple[str, ...], done: str) -> None:
    for after in (0.7, 1.5, 3.0):
        code, out, err = interrupt(store, *command, after=after)
        assert_interrupted_or_done(code, out, err, done)
        assert_consistent(store, 36)
    again = tracker(store, *command)
    assert again.returncode == 0, again.stderr


def test_ctrl_c_during_import_history_then_again_imports_the_rest(history: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    code, out, err = interrupt(store, "import-history", str(history), "--batch", "6", wait_for="reading commits")
    assert_interrupted(code, err)
    again = tracker(store, "import-history", str(history))
    assert again.returncode == 0, again.stderr
    assert_consistent(store, 36)
    log = subprocess.run(["git", "-C", str(store / "archive"), "log", "--format=%s"], capture_output=True, text=True)
    assert len(log.stdout.splitlines()) == 36  # each version once: nothing recorded twice


def test_ctrl_c_while_the_modules_load_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    """A Ctrl-C that lands before any command runs (the modules still loading) is handled too."""
    code = ("import builtins, os, signal\n"
            "real = builtins.__import__\n"
            "def hook(name, *args, **kwargs):\n"
            "    if name == 'tracker.cli.app':\n"
            "        builtins.__import__ = real\n"
            "        os.kill(os.getpid(), signal.SIGINT)\n"
            "    return real(name, *args, **kwargs)\n"
            "builtins.__import__ = hook\n"
            "import sys\n"
            "sys.argv = ['tracker', '--store', sys.argv[1], 'status']\n"
            "from tracker.cli import main\n"
            "main()\n")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "store")], cwd=ROOT, capture_output=True,
                          text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=60)
    assert_interrupted(proc.returncode, proc.stderr)
