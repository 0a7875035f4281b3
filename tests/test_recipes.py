"""The README's scheduling recipes, run for real: cron with flock, the scheduled CI job that
clones the archive, runs and pushes (git scraping), and sharded jobs sharing one remote.

systemd itself cannot run here; its unit only runs `tracker run -q` (exit 1 tolerated), which
the other recipes exercise. Remotes are bare repositories in a temporary directory.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from werkzeug.wrappers import Response

ROOT = Path(__file__).resolve().parents[1]
# No identity from the machine running the tests: a recipe must not depend on one.
ENV = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | {
    "HOME": "/nonexistent", "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}


def sh(script: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a recipe's shell lines; `tracker` is this checkout's CLI."""
    tracker = f"{sys.executable} -m tracker"
    env = ENV | {"PYTHONPATH": str(ROOT)}
    proc = subprocess.run(["bash", "-ec", script.replace("tracker ", f"{tracker} ")], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=ENV, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def site(tmp_path, httpserver):
    """Six terms pages whose text changes when ``site.version[key]`` does."""
    version: dict[str, int] = {}

    def page(request):
        if request.path == "/robots.txt":
            return Response("", status=404)
        n = version.setdefault(request.path, 1)
        return Response(f"<html><body><main><h1>Terms {request.path}</h1><p>Credits expire after {12 * n} "
                        "months.</p></main></body></html>", content_type="text/html")

    httpserver.expect_request("/robots.txt").respond_with_handler(page)
    lines = ['[[service]]\nid = "nimbus"\nname = "Nimbus"']
    for i in range(6):
        httpserver.expect_request(f"/d{i}").respond_with_handler(page)
        lines.append(f'  [[service.document]]\n  type = "Doc {i}"\n  url = "{httpserver.url_for(f"/d{i}")}"')
    (tmp_path / "sources.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    class Site:
        sources = tmp_path / "sources.toml"

        def change(self, *paths: str) -> None:
            for path in paths:
                version[path] = version.get(path, 1) + 1

    return Site()


def job(tmp_path: Path, name: str, site) -> Path:
    """A fresh working directory with the sources file, as a CI checkout would have."""
    work = tmp_path / name
    work.mkdir()
    shutil.copy(site.sources, work / "sources.toml")
    return work


def test_cron_line_stamps_the_log_and_is_refused_while_a_run_holds_the_lock(tmp_path, site):
    if shutil.which("flock") is None:
        pytest.skip("flock (util-linux) is not installed")
    work = job(tmp_path, "srv", site)
    # the README's cron line: a stamp, a run, then the site and feeds written (a run's exit 1 does not
    # stop it); "%" escaped as cron needs, unescaped here as cron passes it to the shell
    line = ("sh -c 'date -u \"+== %F %T UTC\"; tracker run -q --host-delay 0; tracker publish > /dev/null' "
            ">> run.log 2>&1")
    sh(line, work)
    log = (work / "run.log").read_text()
    assert re.search(r"^== \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", log, re.M), log
    assert "checked 6 documents" in log, log
    assert len(git(work / "snapshots" / "archive", "log", "--format=%H").split()) == 6
    # another run holds the run lock (a long run still going): this one is refused, and says so
    holder = subprocess.Popen(["flock", str(work / "snapshots" / "run.lock"), "sleep", "30"], start_new_session=True)
    try:
        time.sleep(0.3)
        sh(line, work)
    finally:
        os.killpg(holder.pid, signal.SIGKILL)
        holder.wait()
    refused = (work / "run.log").read_text()[len(log):]
    assert "another tracker run holds" in refused and refused.startswith("== "), refused
    feeds = work / "snapshots" / "site" / "feeds"
    assert (feeds / "material.atom").is_file() and (work / "snapshots" / "site" / "index.html").is_file()


def test_scheduled_ci_job_clones_runs_and_pushes(tmp_path, site):
    remote = tmp_path / "terms-archive.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    first = job(tmp_path, "first", site)  # whoever starts the archive pushes its first run
    sh(f"tracker run -q --host-delay 0\ngit -C snapshots/archive push -q {remote} main", first)

    site.change("/d2")
    ci = job(tmp_path, "ci", site)
    # The workflow's steps, as in the README.
    sh(f"""git clone -q {remote} snapshots/archive
tracker reindex
tracker run -q --host-delay 0 || [ $? -eq 1 ]
git -C snapshots/archive push -q origin HEAD""", ci)
    log = git(remote, "log", "--format=%s", "main").splitlines()
    assert len(log) == 7 and log[0] == "Record new version of Nimbus Doc 2"
    assert git(remote, "rev-list", "--merges", "main") == ""


def test_sharded_jobs_push_one_linear_history(tmp_path, site):
    remote = tmp_path / "terms-archive.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    sh(f"tracker run -q --host-delay 0\ngit -C snapshots/archive push -q {remote} main", job(tmp_path, "seed", site))
    site.change(*(f"/d{i}" for i in range(6)))
    jobs = []
    for shard in (1, 2):  # both clone the same state, before either pushes
        work = job(tmp_path, f"shard{shard}", site)
        sh(f"""git clone -q {remote} snapshots/archive
git -C snapshots/archive config user.name "tracker CI"
git -C snapshots/archive config user.email "ci@example.invalid"
tracker reindex
tracker run -q --host-delay 0 --shard {shard}/2""", work)
        jobs.append(work)
    for work in jobs:  # the README's push step: rebase onto whatever the other shard pushed
        sh("cd snapshots/archive && for i in 1 2 3; do git pull -q --rebase origin main && git push -q origin main "
           "&& break; sleep 1; done", work)
    assert git(remote, "rev-list", "--merges", "main") == ""  # linear
    subjects = git(remote, "log", "--format=%s", "main").splitlines()
    assert len(subjects) == 12 and sorted(subjects[:6]) == [f"Record new version of Nimbus Doc {i}" for i in range(6)]
    fresh = job(tmp_path, "fresh", site)  # anyone can rebuild the index from the shared history
    sh(f"git clone -q {remote} snapshots/archive\ntracker reindex", fresh)
    history = sh("tracker history nimbus 'Doc 4' --json", fresh).stdout
    assert history.count('"commit_sha"') == 2
