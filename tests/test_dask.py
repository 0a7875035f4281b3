"""Analyses on a real Dask cluster (``distributed.LocalCluster``, two worker processes): the same
results as in this process, a worker killed mid-batch costs a retry and not a result, and the
command line's ``--dask`` gives one clear line when Dask is missing or the scheduler is not there.

CI installs the ``dask`` extra (.ci/run), so these tests run there; without it they skip.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from histories import CLAUSES, analysis_rows, make_history, make_stale

from tracker.analysis.executor import DaskCluster, InProcess
from tracker.archive.record import _analyse_chunk
from tracker.cli.app import cli

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed (pip install -e '.[dask]')")


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes (one thread each) and their scheduler, on 127.0.0.1."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0", silence_logs=40) as local:
        yield local


def terms(n: int, variant: int, sections: int = 30) -> str:
    """A fictional document: the clauses of ``histories``, with facts that move with ``variant``."""
    values = {"months": str(12 + variant), "city": ["Lyon", "Dublin"][variant % 2], "days": str(30 * (1 + variant)),
              "partners": ["no one", "our partners"][variant % 2], "fee": str(5 + variant), "notice": "after a warning",
              "warning": ["by email", "30 days in advance"][variant % 2]}
    lines = [f"# Terms of Orchard Notes {n}", ""]
    for i, (title, clause) in enumerate(CLAUSES, 1):
        lines += [f"## {i}. {title}", "", clause.format(**values), ""]
    lines += [f"## {len(CLAUSES) + i + 1}. Part {i}\n\nPart {i} of document {n} covers plan {i * variant}.\n"
              for i in range(sections)]
    return "\n".join(lines)


def jobs(count: int, sections: int = 30) -> list[tuple[str | None, str, str, str]]:
    out: list[tuple[str | None, str, str, str]] = [(None, terms(0, 0), "first", "")]
    out += [(terms(n, 0, sections), terms(n, 1 + n % 3, sections), "changed", "") for n in range(1, count)]
    out.append((terms(1, 2, sections), terms(1, 0, sections), "revert", "2022-01-01T10:00:00Z"))
    return out


def test_results_on_the_cluster_equal_those_in_this_process(cluster) -> None:
    batch = jobs(12)
    local = InProcess().start(_analyse_chunk, batch).result()
    with DaskCluster(cluster.scheduler_address, min_work=0) as dask:
        assert "2 workers" in dask.describe()
        pending = dask.start(_analyse_chunk, batch)
        assert len(pending._futures) > 1  # spread over tasks
        remote = pending.result()
    assert remote == local
    assert any(a.material for a in remote) and remote[0].summary == "First version recorded"


def test_a_worker_killed_mid_batch_costs_a_retry_not_a_result(cluster) -> None:
    batch = jobs(24, sections=40)
    local = InProcess().start(_analyse_chunk, batch).result()
    with DaskCluster(cluster.scheduler_address, min_work=0) as dask:
        client = dask.client
        pids = client.run(os.getpid)  # worker address -> its process
        pending = dask.start(_analyse_chunk, batch)
        victim = None
        deadline = time.monotonic() + 15
        while victim is None and time.monotonic() < deadline:  # a worker busy with a task of the batch
            busy = {worker: keys for worker, keys in client.processing().items() if keys}
            victim = next((w for w in busy if w in pids), None)
            time.sleep(0.02)
        assert victim is not None and not pending.ready()
        os.kill(pids[victim], signal.SIGKILL)
        assert pending.result() == local  # every result, none lost, same as in place
        # the nanny brings the killed worker back: the cluster is whole for the next batch
        client.wait_for_workers(2, timeout=30)
        assert dask.start(_analyse_chunk, batch[:4]).result() == local[:4]


def test_import_and_reanalyse_on_the_cluster_equal_the_local_ones(cluster, tmp_path) -> None:
    repo = make_history(tmp_path / "versions", commits=30, seed=11)
    runner = CliRunner()
    local, remote = tmp_path / "local", tmp_path / "remote"
    result = runner.invoke(cli, ["--store", str(local), "import-history", str(repo), "-q"],
                           env={"TRACKER_WORKERS": "1", "TRACKER_DASK_SCHEDULER": ""})
    assert result.exit_code == 0, result.output
    with distributed.Client(cluster.scheduler_address) as client, distributed.get_task_stream(client) as tasks:
        result = runner.invoke(cli, ["--store", str(remote), "import-history", str(repo), "-q",
                                     "--dask", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    assert len(tasks.data) >= 2  # the analyses ran on the cluster
    expected = analysis_rows(local / "index.sqlite")
    assert analysis_rows(remote / "index.sqlite") == expected

    make_stale(remote / "index.sqlite")
    with distributed.Client(cluster.scheduler_address) as client, distributed.get_task_stream(client) as tasks:
        result = runner.invoke(cli, ["--store", str(remote), "reanalyse", "--force"],
                               env={"TRACKER_DASK_SCHEDULER": cluster.scheduler_address})
    assert result.exit_code == 0, result.output
    assert len(tasks.data) >= 2
    assert f"Dask cluster at {cluster.scheduler_address}" in result.stderr
    assert analysis_rows(remote / "index.sqlite") == expected


def test_an_unreachable_scheduler_is_one_line(tmp_path, monkeypatch) -> None:
    import tracker.analysis.executor as executor

    monkeypatch.setattr(executor, "CONNECT_TIMEOUT", 1.0)
    repo = make_history(tmp_path / "versions", commits=2)
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "import-history", str(repo),
                                      "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9 within 1 s")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert time.monotonic() - started < 15


def test_dask_not_installed_is_one_line(tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails like a missing package
    repo = make_history(tmp_path / "versions", commits=2)
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "import-history", str(repo),
                                      "--dask", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert result.stderr.strip() == ("error: --dask needs Dask's distributed package, which is not installed: "
                                     "pip install 'tracker[dask]' (or pip install -e '.[dask]' in a checkout)")


def test_queries_never_import_dask(tmp_path) -> None:
    import subprocess

    code = ("import sys; from tracker.cli import main; sys.argv = ['tracker', '--store', sys.argv[1], 'status']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\nassert 'distributed' not in sys.modules, 'imported'")
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=root, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(root)))
    assert proc.returncode == 0, proc.stderr


def test_a_runs_large_batch_is_analysed_on_the_cluster(cluster, tmp_path, httpserver) -> None:
    """`tracker run` with a Dask executor: a batch of changed documents goes to the cluster and
    each version's analysis is the one this process computes."""
    from werkzeug.wrappers import Response

    from tracker.analysis.analyse import analyse
    from tracker.analysis.executor import use
    from tracker.archive.index import Index
    from tracker.archive.store import Store
    from tracker.fetch import FetchOptions
    from tracker.run.loop import run_snapshot
    from tracker.sources.config import Document

    months = {"n": 12}

    def page(request):  # type: ignore[no-untyped-def]
        return Response(f"<html><body><main><h1>Terms {request.path}</h1><h2>Credits</h2>"
                        f"<p>Credits expire {months['n']} months after purchase.</p><h2>Law</h2>"
                        "<p>These terms are governed by the laws of Ireland.</p></main></body></html>",
                        content_type="text/html")

    documents = []
    for i in range(12):
        httpserver.expect_request(f"/d{i}").respond_with_handler(page)
        documents.append(Document(f"svc{i % 3}", f"Service {i % 3}", f"Doc {i}", httpserver.url_for(f"/d{i}")))
    store = Store(tmp_path / "store")
    options = FetchOptions(host_delay=0.0, per_host=8, robots=False)
    with DaskCluster(cluster.scheduler_address) as dask, use(dask):
        run_snapshot(store, documents, options)
        months["n"] = 6
        with distributed.get_task_stream(dask.client) as tasks:
            result = run_snapshot(store, documents, options)
    assert sorted(o.outcome for o in result.outcomes) == ["changed"] * 12
    assert len(tasks.data) >= 2
    with Index(store.index_path) as index:
        for doc in index.all_versions().values():
            first, second = doc
            path = f"{second.document_key}.md"
            old, new = store.read(first.commit_sha, path), store.read(second.commit_sha, path)
            assert second.summary == analyse(old, new).summary and "6 months" in second.summary


def test_a_cluster_left_without_workers_is_one_error_not_a_hang(monkeypatch) -> None:
    """Dask waits for a worker forever; a batch gives up after NO_WORKER_WAIT seconds."""
    import tracker.analysis.executor as executor
    from tracker.errors import TrackerError

    monkeypatch.setattr(executor, "NO_WORKER_WAIT", 1.0)
    with distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as empty:
        with DaskCluster(empty.scheduler_address, min_work=0) as dask:
            pending = dask.start(_analyse_chunk, jobs(3, sections=2))
            started = time.monotonic()
            with pytest.raises(TrackerError, match="has had no worker for 1 s"):
                pending.result()
            assert time.monotonic() - started < 15


def test_results_from_a_worker_with_other_analysis_code_are_refused(cluster) -> None:
    """Each chunk comes back with the worker's analysis version; labels computed by other code
    must not be stored under this code's version."""
    from tracker.analysis.analyse import analysis_version
    from tracker.errors import ConfigError

    with DaskCluster(cluster.scheduler_address) as dask:
        mine = analysis_version()
        assert dask._check_versions([(mine, [1, 2]), (mine, [3])]) == [[1, 2], [3]]
        with pytest.raises(ConfigError, match="runs other analysis code .*1-0123456789ab"):
            dask._check_versions([(mine, [1]), ("1-0123456789ab", [2])])
