"""`tracker reanalyse`: labels of versions analysed by older code recomputed from the archive's
texts, incremental by the analysis version stored per version, and never half-written."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from histories import analysis_rows, make_history, make_stale

import tracker
from tracker.analysis.analyse import analysis_version
from tracker.cli.app import cli

ROOT = Path(tracker.__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict]:
    """A fictional history imported once: (source repository, store, its analysis rows)."""
    base = tmp_path_factory.mktemp("reanalyse")
    repo = make_history(base / "versions", commits=40)
    store = base / "store"
    result = CliRunner().invoke(cli, ["--store", str(store), "import-history", str(repo), "-q"])
    assert result.exit_code == 0, result.output
    return repo, store, analysis_rows(store / "index.sqlite")


def copy_store(store: Path, to: Path) -> Path:
    subprocess.run(["cp", "-a", str(store), str(to)], check=True)
    return to


def tracker_cli(store: Path, *args: str) -> tuple[int, str, str]:
    runner = CliRunner()
    result = runner.invoke(cli, ["--store", str(store), *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_fresh_import_stores_the_current_analysis_version(imported) -> None:
    _, _, rows = imported
    assert len(rows["versions"]) > 30
    assert {v[-1] for v in rows["versions"].values()} == {analysis_version()}
    assert any(v[0] == "revert" for v in rows["versions"].values())
    assert any(v[3] for v in rows["versions"].values())  # some material changes


def test_reanalyse_recomputes_what_older_code_labelled_and_equals_a_fresh_import(imported, tmp_path) -> None:
    _, original, fresh = imported
    store = copy_store(original, tmp_path / "store")
    stale = make_stale(store / "index.sqlite", share=0.6)
    assert analysis_rows(store / "index.sqlite") != fresh

    code, out, err = tracker_cli(store, "reanalyse")
    assert code == 0, out + err
    assert f"reanalysed {stale} versions in " in out
    changed = int(out.split(": ", 1)[1].split(" changed labels")[0])
    assert 0 < changed <= stale  # the wiped first versions keep their (empty) labels
    assert "reanalysed" in err and f" of {stale} versions in " in err  # progress on stderr
    assert analysis_rows(store / "index.sqlite") == fresh

    code, out, _ = tracker_cli(store, "reanalyse")  # nothing new: nothing done
    assert code == 0 and out.startswith("nothing to reanalyse")
    # search follows the new clause changes (the full-text index is kept by its triggers)
    conn = sqlite3.connect(store / "index.sqlite")
    assert conn.execute("SELECT COUNT(*) FROM changes_fts").fetchone() == conn.execute(
        "SELECT COUNT(*) FROM changes").fetchone()
    conn.execute("INSERT INTO changes_fts(changes_fts) VALUES('integrity-check')")
    conn.close()


def test_filters_and_force(imported, tmp_path) -> None:
    _, original, fresh = imported
    store = copy_store(original, tmp_path / "store")
    make_stale(store / "index.sqlite")
    versions = analysis_rows(store / "index.sqlite")["versions"]
    pebble = [k for k in versions if k.startswith("pebble-cloud/")]
    privacy = [k for k in versions if "/Privacy Policy#" in k and not k.startswith("pebble-cloud/")]

    code, out, _ = tracker_cli(store, "reanalyse", "--service", "pebble-cloud", "-q")
    assert code == 0 and f"reanalysed {len(pebble)} versions in " in out
    code, out, _ = tracker_cli(store, "reanalyse", "--document", "privacy policy", "--json")
    assert code == 0 and json.loads(out)["done"] == len(privacy)
    code, out, _ = tracker_cli(store, "reanalyse", "--since", "2022-12-01", "--json")
    late = json.loads(out)
    assert code == 0 and 0 < late["done"] < len(versions)
    rows = analysis_rows(store / "index.sqlite")["versions"]
    assert sum(v[6] == "stale" for v in rows.values()) == len(versions) - len(pebble) - len(privacy) - late["done"]
    code, out, _ = tracker_cli(store, "reanalyse", "--json")
    assert json.loads(out)["labels_changed"] > 0
    assert analysis_rows(store / "index.sqlite") == fresh

    code, out, _ = tracker_cli(store, "reanalyse", "--force", "--service", "quill-notes", "--json")
    forced = json.loads(out)
    assert forced["done"] == len([k for k in versions if k.startswith("quill-notes/")])
    assert forced["labels_changed"] == forced["wording_changed"] == 0
    assert analysis_rows(store / "index.sqlite") == fresh


def test_bad_since_is_one_line_and_exit_2(imported, tmp_path) -> None:
    _, original, _ = imported
    for bad in ("last tuesday", "2025-02-30", "2025-13-45", "2025-01-01T25:00"):
        code, out, err = tracker_cli(original, "reanalyse", "--force", "--since", bad)
        assert code == 2 and "is not a date" in err and "Traceback" not in out + err, (bad, err)


def test_an_unknown_service_or_document_is_refused_not_ignored(imported) -> None:
    _, original, _ = imported
    code, out, err = tracker_cli(original, "reanalyse", "--force", "--service", "nosuch")
    assert code == 4 and "no service 'nosuch' in this archive" in err and "pebble-cloud" in err
    code, out, err = tracker_cli(original, "reanalyse", "--force", "--service", "pebble-cloud", "--document", "Nope")
    assert code == 4 and "no document 'Nope' in this archive" in err and "Traceback" not in out + err


def test_reanalyse_writes_the_feeds_it_is_given(imported, tmp_path) -> None:
    _, original, _ = imported
    store = copy_store(original, tmp_path / "store")
    feeds = tmp_path / "feeds"
    code, out, err = tracker_cli(store, "feed", "--out", str(feeds))
    assert code == 0, out + err
    conn = sqlite3.connect(store / "index.sqlite")
    with conn:  # an older analysis with another summary for the latest change
        sha = conn.execute("SELECT commit_sha FROM versions WHERE seq > 1 ORDER BY fetched_at DESC LIMIT 1").fetchone()[0]
        conn.execute("UPDATE versions SET summary = 'Summary of an older analysis', analysis_version = '0-old' "
                     "WHERE commit_sha = ?", (sha,))
    conn.close()
    tracker_cli(store, "feed", "--out", str(feeds))
    assert "Summary of an older analysis" in "".join(p.read_text(encoding="utf-8") for p in feeds.glob("*.atom"))
    code, out, err = tracker_cli(store, "reanalyse", "--feeds", str(feeds), "--base-url", "https://terms.example.org/f")
    assert code == 0, out + err
    assert "reanalysed 1 version in " in out and "rebuilt (each feed is 3 files" in err
    text = "".join(p.read_text(encoding="utf-8") for p in feeds.glob("*.atom"))
    assert "Summary of an older analysis" not in text
    assert "https://terms.example.org/f" in text


def test_a_killed_reanalyse_leaves_every_version_old_or_new(imported, tmp_path) -> None:
    """SIGKILL at random points of a real `tracker reanalyse` process: every version is either
    still the old one (old analysis version, its stale labels) or entirely the new one, and the
    next call finishes the job."""
    _, original, fresh = imported
    store = copy_store(original, tmp_path / "store")
    index = store / "index.sqlite"
    make_stale(index)
    stale_rows = analysis_rows(index)
    current = analysis_version()
    code = ("import sys, tracker.archive.reanalyse as r; r.BATCH = 3; from tracker.cli import main; "
            "sys.argv[0] = 'tracker'; main()")
    env = dict(os.environ, TRACKER_WORKERS="1", PYTHONPATH=str(ROOT))
    rng = random.Random(5)
    kills = halfway = 0
    for attempt in range(6):
        proc = subprocess.Popen([sys.executable, "-c", code, "--store", str(store), "reanalyse"], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None
        while True:  # wait for the first batch to be written, then kill at a random moment
            line = proc.stderr.readline()
            if not line or "reanalysed" in line:
                break
        time.sleep(rng.uniform(0.0, 0.1))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.communicate(timeout=120)
        rows = analysis_rows(index)
        new = old = 0
        for key, version in rows["versions"].items():
            if version[-1] == current:
                assert version == fresh["versions"][key]
                assert rows["changes"].get(key) == fresh["changes"].get(key)
                new += 1
            else:
                assert version == stale_rows["versions"][key]
                assert key not in rows["changes"]
                old += 1
        if old == 0:
            break
        assert new > 0
        halfway += 1
    assert kills >= 1 and halfway >= 1  # killed at least once with versions of both kinds
    result = subprocess.run([sys.executable, "-c", code, "--store", str(store), "reanalyse"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert analysis_rows(index) == fresh


def dating_reanalysed_equals_fresh(shared_data, tmp_path: Path, commits: int) -> None:
    """Import the first ``commits`` commits of the real dating history (0: all), wipe every
    version's analysis as older code would have left it, reanalyse: the index equals the import's."""
    from tracker.archive.index import Index
    from tracker.archive.reanalyse import reanalyse
    from tracker.archive.store import Store
    from tracker.ota.history import import_history

    bundle = shared_data("ota/dating-versions.bundle")
    repo = tmp_path / "dating"
    subprocess.run(["git", "clone", "-q", "-b", "main", str(bundle), str(repo)], check=True)
    shas = subprocess.run(["git", "rev-list", "--date-order", "--reverse", "HEAD"], cwd=repo, capture_output=True,
                          text=True, check=True).stdout.split()
    store = Store(tmp_path / "store")
    store.init()
    with Index(store.index_path) as index:
        import_history(store, index, repo, rev=shas[commits - 1] if commits else "HEAD")
    fresh = analysis_rows(store.index_path)
    assert make_stale(store.index_path) == len(fresh["versions"])
    with Index(store.index_path) as index:
        result = reanalyse(store, index)
    assert result.done == len(fresh["versions"]) and result.labels_changed > 0
    assert analysis_rows(store.index_path) == fresh
    with Index(store.index_path) as index:
        assert reanalyse(store, index).versions == 0


def test_reanalyse_of_the_dating_history_equals_a_fresh_import(shared_data, tmp_path) -> None:
    """The start of the real history (its first 20 commits: first texts and the first changes);
    `pytest -m slow` runs the whole history."""
    dating_reanalysed_equals_fresh(shared_data, tmp_path, 20)


@pytest.mark.slow
def test_reanalyse_of_the_whole_dating_history_equals_a_fresh_import(shared_data, tmp_path) -> None:
    dating_reanalysed_equals_fresh(shared_data, tmp_path, 0)
