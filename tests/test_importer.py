"""History import from git repositories of terms versions (Open Terms Archive layout)."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from histories import git

from tracker.cli.app import cli
from tracker.errors import StoreError
from tracker.ota.history import import_history, read_log, slugify, split_path
from tracker.archive.index import Index
from tracker.archive.store import Store


TOS_V1 = """# Terms of Service

## 1. Credits

Credits expire 12 months after purchase.

## 2. Disputes

Disputes are settled by the courts of Lyon.
"""

TOS_V2 = TOS_V1.replace("12 months", "6 months")
TOS_V2_TYPOGRAPHY = TOS_V2.replace("courts of Lyon.", "courts of Lyon.  ").replace("## 2.", "##  2.")
PRIVACY = """# Privacy Policy

We keep your prompts for 30 days.
"""


def commit_files(repo: Path, files: dict[str, str | None], date: str, message: str = "Record") -> str:
    for name, text in files.items():
        path = repo / name
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A versions repository of the fictional "Nimbus Cloud" and "Zephyr Mail"."""
    repo = tmp_path / "versions"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit_files(repo, {"README.md": "# Versions\n"}, "2021-01-01T00:00:00Z", "Init")
    commit_files(repo, {"Nimbus Cloud/Terms of Service.md": TOS_V1}, "2021-02-01T10:00:00Z")
    commit_files(repo, {"Nimbus Cloud/Privacy Policy.md": PRIVACY, "Zephyr Mail/Terms.html":
                        "<html><body><nav>Menu</nav><main><h1>Zephyr terms</h1><p>Be nice.</p></main></body></html>"},
                 "2021-03-01T10:00:00Z")
    commit_files(repo, {"Nimbus Cloud/Terms of Service.md": TOS_V2}, "2021-04-01T10:00:00Z")
    commit_files(repo, {"Nimbus Cloud/Terms of Service.md": TOS_V2_TYPOGRAPHY}, "2021-04-15T10:00:00Z")
    commit_files(repo, {"Nimbus Cloud/Terms of Service.md": TOS_V1}, "2021-05-01T10:00:00Z")  # revert
    commit_files(repo, {"Nimbus Cloud/logo.png": "not a document", "Nimbus Cloud/.hidden.md": "x"},
                 "2021-05-02T10:00:00Z")
    return repo


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "store")
    s.init()
    return s


def rows(index: Index, key: str) -> list[tuple[int, str, str]]:
    return [(v.seq, v.fetched_at, v.kind) for v in index.version_rows(key)]


def test_slugs_and_paths() -> None:
    assert slugify("npm Public Registry") == "npm-public-registry"
    assert slugify("Académie") == "academie"
    assert slugify("Open Terms Archive") == "open-terms-archive"
    assert slugify("Academia.edu") == "academia.edu"
    assert slugify("../..") .startswith("service-")
    assert split_path("GitHub/Terms of Service.md") == ("GitHub", "Terms of Service", "md")
    assert split_path("Zephyr/Terms.HTML") == ("Zephyr", "Terms", "html")
    assert split_path("Zephyr/en/Terms.txt") == ("Zephyr", "en - Terms", "txt")
    assert split_path("README.md") is None
    assert split_path("Zephyr/logo.png") is None
    assert split_path(".github/workflows/x.md") is None


def test_read_log_uses_raw_blob_ids(source: Path) -> None:
    commits = list(read_log(source, ["HEAD"]))
    assert len(commits) == 7
    assert [c.path for c in commits[1].changes] == ["Nimbus Cloud/Terms of Service.md"]
    assert all(len(c.blob) == 40 for commit in commits for c in commit.changes)
    assert commits[0].when.isoformat() == "2021-01-01T00:00:00+00:00"


def test_import_dates_reverts_and_formatting(source: Path, store: Store) -> None:
    with Index(store.index_path) as index:
        result = import_history(store, index, source)
        assert result.commits == 7
        assert result.versions == 5  # ToS x3 (v1, v2, revert to v1), privacy, Zephyr
        assert result.unchanged == 1  # the typography-only commit
        assert result.skipped["not a .md/.html/.txt file in a service folder"] == 3
        tos = rows(index, "nimbus-cloud/Terms of Service")
        assert tos == [
            (1, "2021-02-01T10:00:00Z", "first"),
            (2, "2021-04-01T10:00:00Z", "changed"),
            (3, "2021-05-01T10:00:00Z", "revert"),
        ]
        versions = index.version_rows("nimbus-cloud/Terms of Service")
        assert versions[1].material and "6 months" in index.changes_for(versions[1].commit_sha)[0].after
        assert versions[2].revert_of == "2021-02-01T10:00:00Z" and not versions[2].material
        assert index.service_names()["nimbus-cloud"] == "Nimbus Cloud"
        zephyr = index.version_rows("zephyr-mail/Terms")
        assert len(zephyr) == 1
        text = store.read(zephyr[0].commit_sha, "zephyr-mail/Terms.md")
        assert "Be nice." in text and "<p>" not in text
        # archive commits carry the original dates and where the text came from
        sha = versions[0].commit_sha
        date = subprocess.run(["git", "log", "-1", "--format=%aI", sha], cwd=store.archive,
                              capture_output=True, text=True).stdout.strip()
        assert date.startswith("2021-02-01T10:00:00")
        commit = next(c for c in store.commits() if c.sha == sha)
        assert commit.trailers["Final-URL"].startswith("git+" + str(source.resolve()) + "@")


def test_incremental_import_adds_only_new_commits(source: Path, store: Store) -> None:
    with Index(store.index_path) as index:
        first = import_history(store, index, source)
        again = import_history(store, index, source)
        assert again.commits == 0 and again.versions == 0
        commit_files(source, {"Nimbus Cloud/Privacy Policy.md": PRIVACY.replace("30 days", "2 years")},
                     "2022-01-01T00:00:00Z")
        third = import_history(store, index, source)
        assert third.commits == 1 and third.versions == 1 and third.from_commit == first.to_commit
        privacy = index.version_rows("nimbus-cloud/Privacy Policy")
        assert [v.fetched_at for v in privacy] == ["2021-03-01T10:00:00Z", "2022-01-01T00:00:00Z"]
        assert privacy[-1].material
        total = len(list(store.commits()))
    # the archive is the truth: with the index (and its meta) gone, nothing is imported twice
    store.index_path.unlink()
    for extra in ("-wal", "-shm"):
        Path(str(store.index_path) + extra).unlink(missing_ok=True)
    with Index(store.index_path) as index:
        fourth = import_history(store, index, source)
        assert fourth.versions == 0
        assert len(list(store.commits())) == total


def test_small_batches_give_the_same_history(source: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "batched")
    store.init()
    with Index(store.index_path) as index:
        result = import_history(store, index, source, batch=1)
        assert result.versions == 5
        assert [k for _, _, k in rows(index, "nimbus-cloud/Terms of Service")] == ["first", "changed", "revert"]


def test_rewritten_source_is_refused(source: Path, store: Store) -> None:
    with Index(store.index_path) as index:
        import_history(store, index, source)
        git(source, "reset", "-q", "--hard", "HEAD~3")
        commit_files(source, {"Nimbus Cloud/Privacy Policy.md": "# Other\n"}, "2023-01-01T00:00:00Z")
        with pytest.raises(StoreError, match="rewritten"):
            import_history(store, index, source)


def test_not_a_repository(tmp_path: Path, store: Store) -> None:
    with Index(store.index_path) as index, pytest.raises(StoreError, match="not a git repository"):
        import_history(store, index, tmp_path)


def test_cli_import_history_then_history(source: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    store = str(tmp_path / "cli-store")
    result = runner.invoke(cli, ["--store", store, "import-history", str(source)])
    assert result.exit_code == 0, result.output
    assert "imported 5 versions from 7 commits" in result.output
    again = runner.invoke(cli, ["--store", store, "import-history", str(source)])
    assert again.exit_code == 0 and "nothing new" in again.output
    history = runner.invoke(cli, ["--store", store, "history", "nimbus-cloud", "Terms of Service", "--json"])
    assert history.exit_code == 0, history.output
    assert "2021-04-01" in history.output


def test_demo_bundle_versions_match_commits(tmp_path: Path, shared_data) -> None:
    repo = tmp_path / "demo"
    bundle = shared_data("ota/demo-versions.bundle")
    subprocess.run(["git", "clone", "-q", "-b", "main", str(bundle), str(repo)], check=True)
    store = Store(tmp_path / "store")
    store.init()
    with Index(store.index_path) as index:
        result = import_history(store, index, repo)
        names = index.service_names()
        counts = Counter()
        for row in index.conn.execute("SELECT service_id, document_type FROM versions"):
            counts[f"{names[row[0]]}/{row[1]}.md"] += 1
        paths = subprocess.run(["git", "ls-files", "*/*.md"], cwd=repo, capture_output=True, text=True,
                               check=True).stdout.splitlines()
        assert paths and set(counts) == set(paths)
        for path in paths:
            commits = subprocess.run(["git", "log", "--format=%H", "--", path], cwd=repo, capture_output=True,
                                     text=True, check=True).stdout.split()
            # every commit that changed the document is a version, except those whose change is
            # only typography/whitespace (e.g. "*   " vs "* " list markers from an OTA engine
            # upgrade), which normalize to the same text and are never recorded, as in a live run
            assert counts[path] + result.unchanged_by_document.get(path, 0) == len(commits), path
        assert result.unchanged < result.versions / 5
        again = import_history(store, index, repo)
        assert again.versions == 0 and again.commits == 0


def test_cli_import_waits_for_no_run(source: Path, tmp_path: Path) -> None:
    from tracker.archive.lock import LOCK_NAME, RunLock

    store = tmp_path / "locked-store"
    with RunLock(store / LOCK_NAME):
        result = CliRunner().invoke(cli, ["--store", str(store), "import-history", str(source)])
    assert result.exit_code == 5 and "another tracker run" in result.output


def test_a_change_of_no_clause_is_no_version_as_in_a_run(tmp_path: Path) -> None:
    """Two commits whose texts differ only where no clause changes (Markdown escapes, another
    bullet mark, as an engine upgrade writes them): a run would keep the text it has ("What is not
    a new version"), and so does the import, which says how it counted them."""
    repo = tmp_path / "versions"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    body = TOS_V1 + "\n## 3. Plans\n\n- Hiker (monthly)\n- Summit (yearly)\n"
    commit_files(repo, {"Nimbus Cloud/Terms of Service.md": body}, "2021-02-01T10:00:00Z")
    rewrapped = body.replace("- Hiker (monthly)", "* Hiker \\(monthly\\)").replace("- Summit", "* Summit")
    commit_files(repo, {"Nimbus Cloud/Terms of Service.md": rewrapped}, "2021-03-01T10:00:00Z")
    commit_files(repo, {"Nimbus Cloud/Terms of Service.md": rewrapped.replace("12 months", "6 months")},
                 "2021-04-01T10:00:00Z")
    store = str(tmp_path / "cli-store")
    result = CliRunner().invoke(cli, ["--store", store, "import-history", str(repo)])
    assert result.exit_code == 0, result.output
    assert "imported 2 versions from 3 commits" in result.output, result.output
    assert "1 file change made no new version, as in a run: 1 changed no clause" in result.output, result.output
    history = CliRunner().invoke(cli, ["--store", store, "history", "nimbus-cloud", "Terms of Service"])
    assert "2021-03-01" not in history.output and "6 months after purchase instead of 12" in history.output, history.output
    data = CliRunner().invoke(cli, ["--store", str(tmp_path / "json-store"), "import-history", str(repo), "--json"])
    assert '"no_clause_changed": 1' in data.output, data.output
