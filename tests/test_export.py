"""Dataset export: an OTA-style zip of versions, and JSON lines of labelled changes."""

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.app import cli
from tracker.ota.export import export_dataset, export_jsonl, file_date, path_part
from tracker.ota.history import import_history
from tracker.archive.index import Index
from tracker.archive.store import Store

TOS_V1 = "# Terms of Service\n\n## 1. Credits\n\nCredits expire 12 months after purchase.\n"
TOS_V2 = TOS_V1.replace("12 months", "6 months")


def git(repo: Path, *args: str, date: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Bot", GIT_AUTHOR_EMAIL="bot@example.org",
               GIT_COMMITTER_NAME="Bot", GIT_COMMITTER_EMAIL="bot@example.org")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def commit_files(repo: Path, files: dict[str, str], date: str) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Record", date=date)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    repo = tmp_path / "versions"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit_files(repo, {"Nimbus Cloud/Terms of Service.md": TOS_V1}, "2021-02-01T10:00:00Z")
    commit_files(repo, {"Nimbus Cloud/Terms of Service.md": TOS_V2,
                        "Zephyr Mail/Privacy Policy.md": "# Privacy\n\nWe keep logs for 30 days.\n"},
                 "2021-04-01T10:00:00Z")
    commit_files(repo, {"Zephyr Mail/Privacy Policy.md": "# Privacy\n\nWe keep logs for 2 years.\n"},
                 "2021-06-01T10:00:00Z")
    s = Store(tmp_path / "store")
    s.init()
    with Index(s.index_path) as index:
        import_history(s, index, repo)
    return s


def test_helpers() -> None:
    assert file_date("2021-02-01T10:00:00Z") == "2021-02-01T10-00-00Z"
    assert path_part("a/b: c?", "x") == "a-b- c-"
    assert path_part("..", "fallback") == "fallback"


def test_ota_dataset_zip(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out" / "dataset.zip"
    with Index(store.index_path) as index:
        count = export_dataset(store, index, out)
    assert count == 4
    with zipfile.ZipFile(out) as z:
        names = sorted(z.namelist())
        assert names == [
            "LICENSE",
            "Nimbus Cloud/Terms of Service/2021-02-01T10-00-00Z.md",
            "Nimbus Cloud/Terms of Service/2021-04-01T10-00-00Z.md",
            "README.md",
            "Zephyr Mail/Privacy Policy/2021-04-01T10-00-00Z.md",
            "Zephyr Mail/Privacy Policy/2021-06-01T10-00-00Z.md",
        ]
        assert z.read("Nimbus Cloud/Terms of Service/2021-04-01T10-00-00Z.md").decode() == TOS_V2
        readme = z.read("README.md").decode()
        assert "4 versions of 2 documents of 2 services" in readme and "2021-02-01 to 2021-06-01" in readme
        assert z.getinfo("Zephyr Mail/Privacy Policy/2021-06-01T10-00-00Z.md").date_time == (2021, 6, 1, 10, 0, 0)
    first = out.read_bytes()
    with Index(store.index_path) as index:
        export_dataset(store, index, out)
    assert out.read_bytes() == first  # deterministic
    with Index(store.index_path) as index:
        assert export_dataset(store, index, out, service="zephyr-mail", license_text="CC0\n") == 2
    with zipfile.ZipFile(out) as z:
        assert z.read("LICENSE").decode() == "CC0\n"


def test_jsonl_records_changes_with_labels(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "changes.jsonl"
    with Index(store.index_path) as index, out.open("w", encoding="utf-8") as handle:
        count = export_jsonl(index, handle)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert count == len(records) >= 2
    credit = next(r for r in records if r["service"] == "nimbus-cloud")
    assert credit["date"] == "2021-04-01T10:00:00Z" and credit["version"] == 2
    assert "6 months" in credit["after"] and "12 months" in credit["before"]
    assert credit["material"] is True and credit["version_material"] is True
    assert isinstance(credit["categories"], list) and credit["severity"] in ("material", "critical", "minor")
    assert {r["service_name"] for r in records} == {"Nimbus Cloud", "Zephyr Mail"}


def test_cli_export(store: Store, tmp_path: Path) -> None:
    runner = CliRunner()
    zip_path = tmp_path / "d.zip"
    result = runner.invoke(cli, ["--store", str(store.root), "export", "--format", "ota-dataset", str(zip_path)])
    assert result.exit_code == 0, result.output
    assert "wrote 4 version(s)" in result.output and zipfile.is_zipfile(zip_path)
    lines = runner.invoke(cli, ["--store", str(store.root), "export", "--format", "jsonl", "-"])
    assert lines.exit_code == 0, lines.output
    assert all(json.loads(line)["change"] >= 0 for line in lines.output.splitlines())
    bad = runner.invoke(cli, ["--store", str(store.root), "export", "--format", "ota-dataset", "-"])
    assert bad.exit_code == 2
    missing = runner.invoke(cli, ["--store", str(tmp_path / "nothing"), "export", "--format", "jsonl", "-"])
    assert missing.exit_code != 0


# Keys whose value is prose (a text, possibly empty); every other key says "none" with null.
_PROSE = {"text", "summary", "explanation", "snippet", "answer", "note", "before", "after", "source", "value",
          "version_summary", "question", "content_html", "title", "description"}


def _empty_strings(data: object, key: str = "") -> set[str]:
    if isinstance(data, dict):
        return set().union(*(_empty_strings(v, k) for k, v in data.items()))
    if isinstance(data, list):
        return set().union(*(_empty_strings(v, key) for v in data))
    return {key} if data == "" else set()


def test_every_json_output_says_none_with_null(tmp_path: Path) -> None:
    repo = tmp_path / "versions"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit_files(repo, {"Nimbus Cloud/Terms of Service.md": TOS_V1}, "2021-02-01T10:00:00Z")
    commit_files(repo, {"Nimbus Cloud/Terms of Service.md": TOS_V2}, "2021-04-01T10:00:00Z")
    commit_files(repo, {"Nimbus Cloud/Terms of Service.md": TOS_V1}, "2021-06-01T10:00:00Z")  # a revert
    store = str(tmp_path / "store")
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--store", store, *args])
        assert result.exit_code == 0, (args, result.output)
        return result.stdout

    run("import-history", str(repo), "-q")
    history = json.loads(run("history", "nimbus-cloud", "Terms of Service", "--json"))
    export = [json.loads(line) for line in run("export", "--format", "jsonl", "-").splitlines()]
    outputs = {
        "history": history, "export": export,
        "show": json.loads(run("show", "nimbus-cloud", "Terms of Service", "--at", "2", "--json")),
        "diff": json.loads(run("diff", "nimbus-cloud", "Terms of Service", "--json")),
        "summary": json.loads(run("summary", "nimbus-cloud", "Terms of Service", "--json")),
        "search": json.loads(run("search", "credits", "--json")),
        "status": json.loads(run("status", "--json")),
        "publish": json.loads(run("publish", "--json", "--base-url", "https://terms.example.org")),
        "verify": json.loads(run("verify", "--json")),
        "reanalyse": json.loads(run("reanalyse", "--json")),
        "feed": json.loads((tmp_path / "store" / "site" / "feeds" / "all.json").read_text(encoding="utf-8")),
    }
    for name, data in outputs.items():
        assert _empty_strings(data) <= _PROSE, (name, _empty_strings(data) - _PROSE)
    # the same field, the same "none", whichever command shows it
    assert [v["revert_of"] for v in history] == [None, None, "2021-02-01T10:00:00Z"], history
    assert outputs["show"]["revert_of"] is None
    by_version = {r["version"]: r["revert_of"] for r in export}
    assert by_version == {2: None, 3: "2021-02-01T10:00:00Z"}, by_version
    assert [h["changed_again"] for h in outputs["search"]].count(None) >= 1
