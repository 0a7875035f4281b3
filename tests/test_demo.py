"""`tracker demo` records the changes and only the changes."""

from __future__ import annotations

import json
import re
import subprocess

from click.testing import CliRunner

from tracker.cli.app import cli


def test_demo_records_only_real_changes(tmp_path):
    result = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    rounds = result.output.split("Round ")[1:]
    assert len(rounds) == 5
    assert ": 2 new, 0 changed, 0 unchanged, 0 failed" in rounds[0]
    assert ": 0 new, 0 changed, 2 unchanged, 0 failed" in rounds[1]
    assert ": 0 new, 0 changed, 2 unchanged, 0 failed" in rounds[2]  # noise outside the terms
    assert ": 0 new, 1 changed, 1 unchanged, 0 failed" in rounds[3]  # date only
    assert ": 0 new, 2 changed, 0 unchanged, 0 failed" in rounds[4]

    store = tmp_path / "snapshots"
    log = subprocess.run(["git", "-C", str(store / "archive"), "log", "--format=%s"],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(log) == 5  # 2 first versions + date-only + 2 material

    history = CliRunner().invoke(cli, ["--store", str(store), "history", "nimbus", "Terms of Service", "--json"])
    versions = json.loads(history.output)
    assert [v["material"] for v in versions] == [False, False, True]
    assert versions[1]["severity"] == "cosmetic" and versions[1]["summary"] == "Cosmetic change only: a date"

    diff = CliRunner().invoke(cli, ["--store", str(store), "diff", "nimbus", "Terms of Service", "--json"])
    changes = json.loads(diff.output)["changes"]
    credit = next(c for c in changes if "expire" in (c["after"] or ""))
    assert credit["material"] and "refunds" in credit["categories"]
    assert "6 months" in credit["explanation"] and "12" in credit["explanation"]
    date = next(c for c in changes if "Last updated" in (c["after"] or ""))
    assert not date["material"]
    # in the folder `publish` (which the demo suggests next) keeps up to date: one set of feeds
    assert (store / "site" / "feeds" / "all.atom").exists() and not (store / "feeds").exists()
    # its sources file says that its server is gone once the demo ends (a later run cannot connect)
    sources = (tmp_path / "sources.toml").read_text()
    assert sources.startswith("# Written by `tracker demo`: the server at http://127.0.0.1:") and "cannot connect" in sources
    assert "(a model; its server stopped with the demo)" in result.output


def test_demo_honours_the_global_store_and_is_rerunnable(tmp_path):
    store = tmp_path / "my-store"
    for attempt in range(2):
        result = CliRunner().invoke(cli, ["--store", str(store), "demo"])
        assert result.exit_code == 0, result.output
        assert f"archive in {store}" in result.output and "Sources: " in result.output
        assert ": 2 new, 0 changed" in result.output.split("Round ")[1]  # a fresh archive each time
        assert ("replacing the archive of an earlier demo" in result.output) == (attempt == 1)
        log = subprocess.run(["git", "-C", str(store / "archive"), "log", "--format=%s"],
                             capture_output=True, text=True, check=True).stdout.splitlines()
        assert len(log) == 5
    assert not (tmp_path / "snapshots").exists()


def test_demo_never_writes_into_a_real_archive(tmp_path):
    store = tmp_path / "real"
    store.mkdir()
    (store / "archive").mkdir()
    (store / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--store", str(store), "demo"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "already holds something other than a demo archive" in result.output
    assert (store / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def test_demo_dir_twice_records_the_same(tmp_path):
    first = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path)])
    again = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path)])
    assert first.exit_code == again.exit_code == 0
    def outcomes(output: str) -> list[str]:
        # the counts, not the seconds each run took
        return [re.sub(r" in \d+\.\d s:", ":", line) for line in output.splitlines() if line.startswith("  checked ")]

    assert outcomes(first.output) == outcomes(again.output) and len(outcomes(again.output)) == 5
    assert "replacing the archive of an earlier demo" in again.output
