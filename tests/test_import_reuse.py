"""History import reuses what the history repeats (normalized blobs, analyses of pairs of texts,
blobs of the archive) and indexes as it goes; what it records must be exactly what the ordinary
path (``Store.record`` of every version, then ``record.reindex``) records."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from test_importer import commit_files, git
from tracker.analysis.analyse import analyse, as_revert
from tracker.archive.index import Index
from tracker.archive.record import reindex
from tracker.archive.store import NewVersion, Store
from tracker.ota import history
from tracker.ota.history import import_history

TERMS_A = """# Terms of Service

## 1. Plans

The Basic plan costs 5 euros per month. You may cancel at any time.

## 2. Data

We keep your messages for 30 days.

## 3. Disputes

Disputes are settled by the courts of Ghent.
"""
TERMS_B = TERMS_A.replace("30 days", "2 years").replace("at any time", "within 14 days")
TERMS_C = TERMS_B.replace("courts of Ghent", "an arbitrator chosen by us")
TERMS_A_SPACED = TERMS_A.replace("## 2. Data", "##   2. Data").replace("Ghent.", "Ghent.   ")
PRIVACY_A = "# Privacy\n\nWe share your e-mail address with no one.\n"
PRIVACY_B = "# Privacy\n\nWe share your e-mail address with our advertising partners.\n"
PAGE = "<html><body><main><h1>Orbit Chat rules</h1><p>Be kind to {who}.</p></main></body></html>"


@pytest.fixture
def flapping(tmp_path: Path) -> Path:
    """A fictional versions repository whose documents flap between texts (reverts, the same
    pair of texts again and again), with a formatting-only change, an HTML page, a file renamed
    and one deleted."""
    repo = tmp_path / "versions"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    day = iter(range(1, 400))

    def at() -> str:
        return datetime.fromordinal(datetime(2020, 1, 1).toordinal() + next(day)).strftime("%Y-%m-%dT10:00:00Z")

    commit_files(repo, {"Lumen Notes/Terms of Service.md": TERMS_A, "Lumen Notes/Privacy Policy.md": PRIVACY_A}, at())
    for text in (TERMS_B, TERMS_A, TERMS_A_SPACED, TERMS_B, TERMS_C, TERMS_B, TERMS_C, TERMS_A, TERMS_B):
        commit_files(repo, {"Lumen Notes/Terms of Service.md": text}, at())
    commit_files(repo, {"Orbit Chat/Rules.html": PAGE.format(who="everyone")}, at())
    for privacy, who in ((PRIVACY_B, "robots"), (PRIVACY_A, "everyone"), (PRIVACY_B, "robots")):
        commit_files(repo, {"Lumen Notes/Privacy Policy.md": privacy, "Orbit Chat/Rules.html": PAGE.format(who=who)},
                     at())
    git(repo, "mv", "Lumen Notes/Privacy Policy.md", "Lumen Notes/Privacy Notice.md")
    git(repo, "commit", "-q", "-m", "rename", date=at())
    commit_files(repo, {"Lumen Notes/Privacy Notice.md": PRIVACY_A, "Orbit Chat/Rules.html": None}, at())
    commit_files(repo, {"Orbit Chat/Rules.html": PAGE.format(who="everyone")}, at())
    return repo


def rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall() for table, order in (
            ("versions", "document_key, seq"), ("changes", "id"), ("documents", "key"), ("services", "id"))}


@pytest.mark.parametrize("batch", [500, 1, 3])
def test_import_records_what_the_ordinary_path_records(flapping: Path, tmp_path: Path, batch: int) -> None:
    store = Store(tmp_path / "store")
    store.init()
    with Index(store.index_path) as index:
        result = import_history(store, index, flapping, batch=batch)
        assert result.indexed == result.versions == index.version_count()
    kinds = [k for (k,) in sqlite3.connect(store.index_path).execute(
        "SELECT kind FROM versions WHERE document_key = 'lumen-notes/Terms of Service' ORDER BY seq")]
    assert kinds == ["first", "changed", "revert", "revert", "changed", "revert", "revert", "revert", "revert"]
    assert result.unchanged == 1  # the spacing-only commit
    # the index the import wrote equals the one the ordinary path rebuilds from the archive
    copy = tmp_path / "reindexed.sqlite"
    with Index(copy) as again:
        reindex(store, again)
    assert rows(store.index_path) == rows(copy)
    # the archive's work tree is current, and its texts are the normalized ones
    assert (store.archive / "lumen-notes" / "Terms of Service.md").read_text() == store.read("HEAD", "lumen-notes/Terms of Service.md")
    assert not (store.archive / ".git" / "tracker-stale-tree").exists()


def test_tiny_caches_change_nothing(flapping: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With caches that keep (almost) nothing, every reuse falls back to the work itself; and a
    batch's index rows written one version at a time are the same rows."""
    wide = Store(tmp_path / "wide")
    wide.init()
    with Index(wide.index_path) as index:
        import_history(wide, index, flapping, batch=2)
    monkeypatch.setattr(history._Importer, "TEXT_CACHE_BYTES", 1)
    monkeypatch.setattr(history._Importer, "PAIR_CACHE_BYTES", 1)
    monkeypatch.setattr(history._Importer, "PAIR_CACHE_ENTRIES", 1)
    monkeypatch.setattr(history._Importer, "INDEX_CHUNK", 1)  # a batch's rows written a version at a time
    narrow = Store(tmp_path / "narrow")
    narrow.init()
    with Index(narrow.index_path) as index:
        import_history(narrow, index, flapping, batch=2)
    assert rows(wide.index_path) == rows(narrow.index_path)
    assert wide.head() == narrow.head()


def test_a_batch_bound_in_bytes_changes_nothing(flapping: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches that end once their texts weigh BATCH_BYTES (here: after every source commit)
    write the same archive and index as batches of 500 versions."""
    whole = Store(tmp_path / "whole")
    whole.init()
    with Index(whole.index_path) as index:
        import_history(whole, index, flapping, batch=500)
    sizes: list[int] = []
    record = Store.record

    def counted(self: Store, versions: list[NewVersion], **kwargs: object) -> list[str]:
        sizes.append(len(versions))
        return record(self, versions, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "record", counted)
    monkeypatch.setattr(history._Importer, "BATCH_BYTES", 1)
    split = Store(tmp_path / "split")
    split.init()
    with Index(split.index_path) as index:
        result = import_history(split, index, flapping, batch=500)
    assert len(sizes) > 1 and max(sizes) <= 2  # a commit changes at most two documents here
    assert sum(sizes) == result.versions
    assert rows(whole.index_path) == rows(split.index_path)
    assert whole.head() == split.head()


def test_letting_go_of_document_texts_changes_nothing(flapping: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """With no room for the documents' texts (DOCUMENT_TEXT_BYTES), every batch lets go of the
    texts of all documents but the last changed, which are read back from the archive when the
    document changes again: same archive and index."""
    whole = Store(tmp_path / "whole")
    whole.init()
    with Index(whole.index_path) as index:
        import_history(whole, index, flapping, batch=1)
    reads: list[str] = []
    read = Store.read

    def counted(self: Store, sha: str, path: str) -> str:
        reads.append(path)
        return read(self, sha, path)

    monkeypatch.setattr(Store, "read", counted)
    monkeypatch.setattr(history._Importer, "DOCUMENT_TEXT_BYTES", 1)
    monkeypatch.setattr(history._Importer, "TEXT_CACHE_BYTES", 1)  # no other copy of a text to fall back on
    thin = Store(tmp_path / "thin")
    thin.init()
    with Index(thin.index_path) as index:
        import_history(thin, index, flapping, batch=1)
    assert reads  # texts were let go and read back
    assert rows(whole.index_path) == rows(thin.index_path)
    assert whole.head() == thin.head()


def test_incremental_import_continues_the_documents(flapping: Path, tmp_path: Path) -> None:
    """An import on top of an earlier one reads each document's latest text back from the archive
    and knows its earlier texts (reverts): same rows as one import of everything."""
    half = git(flapping, "rev-list", "--reverse", "HEAD").split()[6]
    store = Store(tmp_path / "twice")
    store.init()
    with Index(store.index_path) as index:
        import_history(store, index, flapping, rev=half)
        import_history(store, index, flapping)
    once = Store(tmp_path / "once")
    once.init()
    with Index(once.index_path) as index:
        import_history(once, index, flapping)
    assert rows(store.index_path) == rows(once.index_path)
    assert store.head() == once.head()


def test_fast_import_references_known_blobs(tmp_path: Path) -> None:
    """Referencing blobs the archive (or the stream) holds writes the very same commits."""
    def version(text: str, day: int) -> NewVersion:
        return NewVersion("lumen-notes", "Lumen Notes", "Terms", text, text.encode() + b"<raw>", "html",
                          "https://lumen.example/terms", "https://lumen.example/terms",
                          datetime(2021, 1, day, tzinfo=timezone.utc), 200, "text/html", "1")

    texts = [TERMS_A, TERMS_B, TERMS_A, TERMS_B, TERMS_C, TERMS_A]
    plain, reusing = Store(tmp_path / "plain"), Store(tmp_path / "reusing")
    blobs: set[str] = set()
    for store, known in ((plain, None), (reusing, blobs)):
        store.init()
        store.record([version(t, i + 1) for i, t in enumerate(texts[:3])], blobs=known)
        store.record([version(t, i + 4) for i, t in enumerate(texts[3:])], blobs=known)
    assert plain.head() == reusing.head()
    assert len(blobs) == 6  # three texts and three raw pages, each sent once
    assert reusing.read("HEAD", "lumen-notes/Terms.md") == TERMS_A


def test_a_revert_analysis_derives_from_the_changed_one() -> None:
    changed = analyse(TERMS_B, TERMS_A)
    assert changed.material and changed.changes
    assert as_revert(changed, "2020-01-02T10:00:00Z") == analyse(TERMS_B, TERMS_A, kind="revert",
                                                                 revert_of="2020-01-02T10:00:00Z")
    assert as_revert(changed) == analyse(TERMS_B, TERMS_A, kind="revert")


def test_a_revert_to_or_from_an_error_page_keeps_the_error_page_analysis() -> None:
    """The analysis of a pair with an error page does not depend on the kind: reused as is."""
    error = "# Page not found\n\nThe page you asked for does not exist.\n"
    for old, new in ((TERMS_A, error), (error, TERMS_A)):
        changed = analyse(old, new)
        assert as_revert(changed, "2020-01-02T10:00:00Z") == analyse(old, new, kind="revert",
                                                                     revert_of="2020-01-02T10:00:00Z")
